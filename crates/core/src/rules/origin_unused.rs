//! `origin-unused`: an origin that no behavior and no origin group refers to.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

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
        example: Snippet::cfn_yaml(second_origin_doc!("", "reports-api")),
        use_instead: Snippet::cfn_yaml(second_origin_doc!(reports_behavior!(), "reports-api")),
        exceptions: "An origin kept ready for a behavior that is added later, or one that \
            another tool adds behaviors for. Suppress with `apifront: {ignore: [origin-unused]}` \
            in the distribution's Metadata (`# apifront-ignore: origin-unused` in Terraform).",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html",
        ],
        fix_safety: None,
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
    use crate::rules::tester::{case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const TERRAFORM: &str = r#"resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  origin {
    origin_id   = ‸"old-api"
    domain_name = "xyz987wvut.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}
"#;

    /// The example with an origin group of these members.
    fn group(members: &str) -> String {
        EXAMPLE.with(
            "        Origins:",
            &format!(
                "        OriginGroups:\n          Quantity: 1\n          Items:\n            - Id: \
                 failover\n              FailoverCriteria:\n                StatusCodes: {{Quantity: 1, \
                 Items: [502]}}\n              Members:\n{members}        Origins:"
            ),
        )
    }

    #[test]
    fn cases() {
        let both =
            "                Quantity: 2\n                Items:\n                  - OriginId: \
                    orders-api\n                  - OriginId: reports-api\n";
        let generated = TERRAFORM.unmarked().with(
            "  default_cache_behavior {",
            "  dynamic \"ordered_cache_behavior\" {\n    for_each = var.paths\n    content {\n      \
             target_origin_id = ordered_cache_behavior.value\n    }\n  }\n  default_cache_behavior {",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                group(both),
                EXAMPLE.with("TargetOriginId: orders-api", "TargetOriginId: !Ref Target"),
            ])
            .pass([
                case(generated).not_rendered("Terraform dynamic blocks"),
                case(group("                !Ref Members\n"))
                    .not_rendered("Terraform has no expression for a list of member blocks"),
            ])
            .fail([
                case(EXAMPLE.mark("reports-api")).message(
                    "origin `reports-api` is not the target of any behavior nor a member of an \
                     origin group; it never receives a request",
                ),
                case(group(&both.replace("reports-api", "other")).mark("reports-api")),
                case(TERRAFORM),
                // A behavior without a target (`target-origin-unknown` reports it) hides nothing.
                case(EXAMPLE.mark("reports-api").with(
                    "        DefaultCacheBehavior:",
                    "        CacheBehaviors:\n          - PathPattern: /x/*\n            ViewerProtocolPolicy: https-only\n        DefaultCacheBehavior:",
                ))
                .not_rendered("a behavior without TargetOriginId"),
            ])
            .test();
    }
}
