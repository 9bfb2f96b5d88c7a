//! `origin-id-duplicate`: two origins (or an origin and an origin group) share an id.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;
use crate::value::Field;

pub static RULE: Rule = Rule {
    slug: "origin-id-duplicate",
    summary: "Two origins or origin groups of a distribution share an id",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds an origin or origin group whose `Id` (Terraform `origin_id`) is \
            already used by an earlier origin or origin group of the same distribution. Ids are \
            compared exactly; unknown ids are skipped.",
        why_bad: "Behaviors select their origin by id, so ids must be unique within a \
            distribution: CloudFront rejects the configuration, and even a reader cannot tell \
            which origin a behavior was meant to reach.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "          - Id: orders-api\n",
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
        exceptions: "None: CloudFront requires unique ids.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Origin.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginGroup.html",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let origins = ctx
        .dist
        .origins
        .iter()
        .enumerate()
        .map(|(i, o)| (&o.id, format!("origin {}", i + 1)));
    let groups = ctx
        .dist
        .origin_groups
        .iter()
        .enumerate()
        .map(|(i, g)| (&g.id, format!("origin group {}", i + 1)));
    let mut seen: Vec<(&str, &Field<String>, String)> = Vec::new();
    let mut out = Vec::new();
    for (field, what) in origins.chain(groups) {
        let Some(id) = field.get() else { continue };
        if let Some((_, first, first_what)) = seen.iter().find(|(s, _, _)| *s == id.as_str()) {
            let message = format!(
                "{what} has the id `{id}`, already used by {first_what}; ids must be unique \
                 within a distribution"
            );
            out.push(
                ctx.finding(&RULE, field.span, &field.path, message)
                    .with_related(first.span, format!("{first_what} with id `{id}`")),
            );
        } else {
            seen.push((id, field, what));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::{lint_text, Finding, LintConfig};
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
    fn duplicate_origin_and_group_ids_fail() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins.push(origin("api", "example.com"));
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0]
            .message
            .starts_with("origin 2 has the id `api`, already used by origin 1"));
        dist(&mut doc).origins[1].id = known("site".into());
        dist(&mut doc).origin_groups.push(OriginGroup {
            id: known("site".into()),
            members: list(&["api", "site"]),
            ..OriginGroup::default()
        });
        let f = check(&RULE, &doc);
        assert!(f[0].message.starts_with("origin group 1 has the id `site`"));
    }

    #[test]
    fn unknown_ids_are_skipped() {
        let mut doc = api_doc();
        dist(&mut doc).origins.push(origin("x", "example.com"));
        for o in &mut dist(&mut doc).origins {
            o.id = Field::unknown(Unknown::Intrinsic("Ref".into()), Default::default(), "u");
        }
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn cli_json_duplicate_points_at_second_id() {
        let text = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 2, "Items": [
    {"Id": "api", "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
     "OriginPath": "/prod", "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443,
     "OriginProtocolPolicy": "https-only",
     "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}},
    {"Id": "api", "DomainName": "site.example.com",
     "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443,
     "OriginProtocolPolicy": "https-only",
     "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api", "ViewerProtocolPolicy": "https-only"}}}"#;
        let f = lint(text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].span.line, f[0].span.column), (7, 12));
        assert_eq!(f[0].path, "DistributionConfig.Origins.Items[1].Id");
        assert_eq!(f[0].related[0].0.line, 3);
    }

    #[test]
    fn terraform_and_yaml_duplicates() {
        let tf = r#"resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  origin {
    origin_id   = "api"
    domain_name = "site.example.com"
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}
"#;
        let f = lint(tf);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].span.line, f[0].span.column), (7, 19));
        let yaml = RULE.docs.example.text;
        let f = lint(yaml);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span.line, 14);
        assert!(lint(RULE.docs.use_instead.text).is_empty());
    }
}
