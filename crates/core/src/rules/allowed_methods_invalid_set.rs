//! `allowed-methods-invalid-set`: `AllowedMethods` is not one of the three sets CloudFront accepts.

use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "allowed-methods-invalid-set",
    summary: "AllowedMethods is not one of the three method sets CloudFront accepts",
    default_severity: Severity::Error,
    category: Category::Methods,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a behavior whose `AllowedMethods` is not exactly (in any order) \
            `GET, HEAD`, `GET, HEAD, OPTIONS` or `GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE`.",
        why_bad: "CloudFront accepts only these three sets: it is all write methods or none. \
            Any other list (`GET, POST`, a duplicate, a lowercase name) is rejected when the \
            distribution is created or updated.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, POST]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        exceptions: "None: CloudFront rejects other sets. To refuse some write methods, let the \
            API answer 405 or use AWS WAF.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_AllowedMethods.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html",
        ],
    },
    check,
};

/// The method sets CloudFront accepts, sorted.
const VALID: &[&[&str]] = &[
    &["GET", "HEAD"],
    &["GET", "HEAD", "OPTIONS"],
    &["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"],
];

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .all_behaviors()
        .filter_map(|b| {
            let list = &b.allowed_methods;
            if !list.fully_known() {
                return None;
            }
            let items = list.known_items()?;
            let mut sorted = items.clone();
            sorted.sort_unstable();
            if VALID.contains(&sorted.as_slice()) {
                return None;
            }
            let message = format!(
                "{} allows [{}]; AllowedMethods must be GET, HEAD / GET, HEAD, OPTIONS / all \
                 seven methods (GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE)",
                behavior_name(b),
                items.join(", ")
            );
            Some(ctx.finding(&RULE, list.span, &list.path, message))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::test_support::*;

    #[test]
    fn only_the_three_sets_pass() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        for good in [&["HEAD", "GET"][..], &["GET", "HEAD", "OPTIONS"]] {
            default_behavior(&mut doc).allowed_methods = list(good);
            assert!(check(&RULE, &doc).is_empty(), "{good:?}");
        }
        for bad in [
            &["GET", "POST"][..],
            &["GET", "GET", "HEAD"],
            &["get", "head"],
            &[],
        ] {
            default_behavior(&mut doc).allowed_methods = list(bad);
            let f = check(&RULE, &doc);
            assert_eq!(f.len(), 1, "{bad:?}");
            assert!(f[0].message.contains(&bad.join(", ")));
        }
        default_behavior(&mut doc).allowed_methods = Default::default();
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn unknown_lists_or_items_are_silent() {
        let mut doc = api_doc();
        default_behavior(&mut doc).allowed_methods = unknown();
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).allowed_methods = known(vec![known("GET".into()), unknown()]);
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end_positions() {
        let json = r#"{"DistributionConfig": {
  "Origins": {"Quantity": 1, "Items": [{"Id": "a", "DomainName": "example.com"}]},
  "DefaultCacheBehavior": {
    "TargetOriginId": "a",
    "AllowedMethods": {"Quantity": 2, "Items": ["GET", "POST"]}
  }
}}"#;
        let f = lint_rule(&RULE, json);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].span.line, f[0].span.column),
            position(json, "[\"GET\"")
        );
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  origin {
    origin_id   = "a"
    domain_name = "example.com"
  }
  default_cache_behavior {
    target_origin_id = "a"
    allowed_methods  = ["GET", "HEAD", "PUT"]
    cached_methods   = ["GET", "HEAD"]
  }
  ordered_cache_behavior {
    path_pattern     = "/x/*"
    target_origin_id = "a"
    allowed_methods  = var.methods
    cached_methods   = ["GET", "HEAD"]
  }
}
"#;
        let f = lint_rule(&RULE, tf);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].span.line, f[0].span.column), (8, 24));
        assert!(lint_rule(&RULE, RULE.docs.example.text)[0]
            .message
            .contains("[GET, HEAD, POST]"));
    }
}
