//! `target-origin-unknown`: a behavior targets an origin id that does not exist.

use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};

const USE_INSTEAD: &str = api_doc!();

pub static RULE: Rule = Rule {
    slug: "target-origin-unknown",
    summary: "A behavior's `TargetOriginId` matches no origin or origin group",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds behaviors whose `TargetOriginId` is not the `Id` of any origin or \
            origin group of the distribution.",
        why_bad: "CloudFront rejects the distribution; the behavior has nowhere to send \
            requests.",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "TargetOriginId: orders-api" => "TargetOriginId: orders"
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let dist = ctx.dist;
    if dist
        .dynamic_blocks
        .iter()
        .any(|b| b == "origin" || b == "origin_group")
        || dist.origins.iter().any(|o| o.id.get().is_none())
        || dist.origin_groups.iter().any(|g| g.id.get().is_none())
    {
        return Vec::new();
    }
    let ids: Vec<&str> = dist
        .origins
        .iter()
        .filter_map(|o| o.id.get())
        .chain(dist.origin_groups.iter().filter_map(|g| g.id.get()))
        .map(String::as_str)
        .collect();
    dist.all_behaviors()
        .filter_map(|b| {
            let target = b.target_origin_id.get()?;
            if ids.contains(&target.as_str()) {
                return None;
            }
            let known = if ids.is_empty() {
                "the distribution has no origins".to_string()
            } else {
                format!(
                    "origin ids are {}",
                    ids.iter()
                        .map(|i| format!("`{i}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            let f = &b.target_origin_id;
            Some(ctx.finding(
                &RULE,
                f.span,
                &f.path,
                format!(
                    "{} targets origin `{target}`, which does not exist ({known})",
                    behavior_name(b)
                ),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API, TF_DYNAMIC_ORIGINS};

    const TARGET: &str = "TargetOriginId: orders-api";

    #[test]
    fn cases() {
        // Origin groups written by a dynamic block: their ids are not known either.
        let dynamic_groups = r#"resource "aws_cloudfront_distribution" "d" {
  origin {
    origin_id   = "primary"
    domain_name = "primary.example.com"
  }
  dynamic "origin_group" {
    for_each = var.groups
    content {
      origin_id = origin_group.key
    }
  }
  default_cache_behavior {
    target_origin_id = "failover"
  }
}
"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(TARGET, "TargetOriginId: !Ref Target"),
                API.with("- Id: orders-api", "- Id: !Ref OriginId")
                    .with(TARGET, "TargetOriginId: other"),
            ])
            .pass(
                [TF_DYNAMIC_ORIGINS, dynamic_groups]
                    .map(|t| case(t).not_rendered("Terraform dynamic blocks")),
            )
            .fail([
                case(RULE.docs.example.text.mark("orders\n")).message(
                    "default behavior targets origin `orders`, which does not exist (origin ids \
                     are `orders-api`)",
                ),
                case(format!(
                    "{}        DefaultCacheBehavior:\n          TargetOriginId: ‸api\n",
                    "Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    \
                     Properties:\n      DistributionConfig:\n        Enabled: true\n"
                ))
                .message("(the distribution has no origins)"),
            ])
            .test();
    }
}
