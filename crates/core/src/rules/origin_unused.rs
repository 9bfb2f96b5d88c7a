//! `origin-unused`: an origin that no behavior and no origin group refers to.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "origin-unused",
    summary: "An origin is not used by any behavior or origin group",
    default_severity: Severity::Info,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origins whose id is neither the `TargetOriginId` of a behavior nor \
            a member of an origin group. Stays silent when a behavior target, an origin group \
            or its members are unknown, or when Terraform `dynamic` blocks generate behaviors \
            or origin groups.",
        why_bad: "Each behavior sends requests to exactly one origin (or origin group): an \
            origin nobody targets never receives a request. It is usually a leftover, or a \
            behavior that was meant to target it targets another origin by mistake.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "          - Id: reports-api\n",
                    "            DomainName: xyz987wvut.execute-api.eu-west-1.amazonaws.com\n",
                    "            OriginPath: /prod\n",
                    "            CustomOriginConfig:\n",
                    "              OriginProtocolPolicy: https-only\n",
                    "              OriginSSLProtocols: [TLSv1.2]\n",
                ),
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "        CacheBehaviors:
          - PathPattern: /reports*
            TargetOriginId: reports-api
            ViewerProtocolPolicy: https-only
            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
            OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
",
                concat!(
                    api_origin!(),
                    "          - Id: reports-api\n",
                    "            DomainName: xyz987wvut.execute-api.eu-west-1.amazonaws.com\n",
                    "            OriginPath: /prod\n",
                    "            CustomOriginConfig:\n",
                    "              OriginProtocolPolicy: https-only\n",
                    "              OriginSSLProtocols: [TLSv1.2]\n",
                ),
                api_behavior!()
            ),
        },
        exceptions: "An origin kept ready for a behavior that is added later, or one that \
            another tool adds behaviors for. Suppress with `apifront: {ignore: [origin-unused]}` \
            in the distribution's Metadata (`# apifront-ignore: origin-unused` in Terraform).",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let dist = ctx.dist;
    let generated = dist.dynamic_blocks.iter().any(|b| {
        matches!(
            b.as_str(),
            "default_cache_behavior" | "ordered_cache_behavior" | "origin_group"
        )
    });
    let groups_known = dist
        .origin_groups
        .iter()
        .all(|g| g.id.get().is_some() && g.members.fully_known());
    let mut targets = Vec::new();
    for behavior in dist.all_behaviors() {
        match behavior.target_origin_id.get() {
            Some(t) => targets.push(t.as_str()),
            None if behavior.target_origin_id.is_unknown() => return Vec::new(),
            None => {}
        }
    }
    if generated || !groups_known || dist.default_behavior.is_none() {
        return Vec::new();
    }
    let members: Vec<&str> = dist
        .origin_groups
        .iter()
        .flat_map(|g| g.members.known_items().unwrap_or_default())
        .collect();
    dist.origins
        .iter()
        .filter_map(|origin| {
            let id = origin.id.get()?;
            if targets.contains(&id.as_str()) || members.contains(&id.as_str()) {
                return None;
            }
            let message = format!(
                "{} is not the target of any behavior nor a member of an origin group; it \
                 never receives a request",
                origin_name(origin)
            );
            Some(ctx.finding(&RULE, origin.id.span, &origin.id.path, message))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::{lint_text, Finding, LintConfig, Severity};
    use crate::model::OriginGroup;
    use crate::rules::test_support::*;
    use crate::value::{Field, Unknown};

    fn lint(text: &str) -> Vec<Finding> {
        let report = lint_text(text, &LintConfig::default()).unwrap();
        report
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE.slug)
            .collect()
    }

    #[test]
    fn unused_origin_is_reported_group_member_is_used() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins.push(origin("spare", "example.com"));
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Info);
        assert!(f[0].message.starts_with("origin `spare` is not the target"));
        dist(&mut doc).origin_groups.push(OriginGroup {
            id: known("failover".into()),
            members: list(&["api", "spare"]),
            ..OriginGroup::default()
        });
        assert!(check(&RULE, &doc).is_empty());
    }

    fn unknown<T>() -> Field<T> {
        Field::unknown(Unknown::Intrinsic("Ref".into()), Default::default(), "u")
    }

    #[test]
    fn unknown_targets_or_members_are_silent() {
        let mut doc = api_doc();
        dist(&mut doc).origins.push(origin("spare", "example.com"));
        default_behavior(&mut doc).target_origin_id = unknown();
        assert!(check(&RULE, &doc).is_empty());
        let mut doc = api_doc();
        dist(&mut doc).origins.push(origin("spare", "example.com"));
        dist(&mut doc).origin_groups.push(OriginGroup {
            id: known("g".into()),
            members: unknown(),
            ..OriginGroup::default()
        });
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end_in_three_formats() {
        let f = lint(RULE.docs.example.text);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.line, f[0].span.column), (14, 17));
        assert!(lint(RULE.docs.use_instead.text).is_empty());
        let tf = r#"resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  origin {
    origin_id   = "old-api"
    domain_name = "xyz987wvut.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}
"#;
        let f = lint(tf);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.line, f[0].span.column), (7, 19));
        let generated = tf.replace(
            "  default_cache_behavior {",
            "  dynamic \"ordered_cache_behavior\" {\n    for_each = var.paths\n    content {\n      target_origin_id = ordered_cache_behavior.value\n    }\n  }\n  default_cache_behavior {",
        );
        assert!(lint(&generated).is_empty());
        let json = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 2, "Items": [
    {"Id": "api", "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com"},
    {"Id": "old-api", "DomainName": "xyz987wvut.execute-api.eu-west-1.amazonaws.com"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api"}}}"#;
        let f = lint(json);
        assert_eq!(f[0].path, "DistributionConfig.Origins.Items[1].Id");
        assert_eq!((f[0].span.line, f[0].span.column), (4, 12));
    }
}
