//! `cached-methods-invalid`: `CachedMethods` is not a set CloudFront accepts, or caches OPTIONS
//! without allowing it.

use crate::lint::{
    behavior_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "cached-methods-invalid",
    summary: "CachedMethods is not GET, HEAD or GET, HEAD, OPTIONS, or caches a method that is not allowed",
    default_severity: Severity::Error,
    category: Category::Methods,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a behavior whose `CachedMethods` is not exactly (in any order) \
            `GET, HEAD` or `GET, HEAD, OPTIONS`, or that caches `OPTIONS` while its \
            `AllowedMethods` does not allow it.",
        why_bad: "CloudFront caches responses to GET and HEAD, and optionally OPTIONS; other \
            lists are rejected, and the cached methods must be a subset of the allowed ones.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                api_origin!(),
                concat!(api_behavior!(), "          CachedMethods: [GET, HEAD, POST]\n")
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                api_origin!(),
                concat!(api_behavior!(), "          CachedMethods: [GET, HEAD]\n")
            ),
        },
        exceptions: "None: CloudFront rejects other sets.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachedMethods.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_AllowedMethods.html",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .all_behaviors()
        .filter_map(|b| {
            let list = &b.cached_methods;
            if !list.fully_known() {
                return None;
            }
            let items = list.known_items()?;
            let mut sorted = items.clone();
            sorted.sort_unstable();
            let name = behavior_name(b);
            let shown = items.join(", ");
            let valid = matches!(
                sorted.as_slice(),
                ["GET", "HEAD"] | ["GET", "HEAD", "OPTIONS"]
            );
            if !valid {
                let message = format!(
                    "{name} caches [{shown}]; CachedMethods must be GET, HEAD or GET, HEAD, \
                     OPTIONS"
                );
                let target: &[&str] = if sorted.contains(&"OPTIONS") && allows_options(b) {
                    &["GET", "HEAD", "OPTIONS"]
                } else {
                    &["GET", "HEAD"]
                };
                let fix = Fix::safe(
                    format!("set CachedMethods to [{}]", target.join(", ")),
                    ctx.editor().set_string_list(list, target),
                );
                return Some(
                    ctx.finding(&RULE, list.span, &list.path, message)
                        .with_fix(fix),
                );
            }
            let allowed_known = b.allowed_methods.fully_known() || !b.allowed_methods.is_present();
            if sorted.len() == 3 && allowed_known && !allows_options(b) {
                let message =
                    format!("{name} caches OPTIONS but its AllowedMethods do not include OPTIONS");
                let fix = Fix::safe(
                    "set CachedMethods to [GET, HEAD]",
                    ctx.editor().set_string_list(list, &["GET", "HEAD"]),
                );
                return Some(
                    ctx.finding(&RULE, list.span, &list.path, message)
                        .with_fix(fix),
                );
            }
            None
        })
        .collect()
}

/// True when the behavior's allowed methods are known and include OPTIONS (absent means GET,
/// HEAD).
fn allows_options(b: &crate::model::Behavior) -> bool {
    b.allowed_methods
        .known_items()
        .is_some_and(|items| items.contains(&"OPTIONS"))
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::test_support::*;

    #[test]
    fn invalid_sets_and_options_not_allowed_fail() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).cached_methods = list(&["HEAD", "GET", "OPTIONS"]);
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).cached_methods = list(&["GET", "HEAD", "POST"]);
        assert!(check(&RULE, &doc)[0].message.contains("[GET, HEAD, POST]"));
        default_behavior(&mut doc).cached_methods = list(&["GET", "HEAD", "OPTIONS"]);
        default_behavior(&mut doc).allowed_methods = list(&["GET", "HEAD"]);
        assert!(check(&RULE, &doc)[0].message.contains("caches OPTIONS"));
        default_behavior(&mut doc).allowed_methods = Default::default();
        assert_eq!(check(&RULE, &doc).len(), 1);
    }

    #[test]
    fn unknown_values_are_silent() {
        let mut doc = api_doc();
        default_behavior(&mut doc).cached_methods = unknown();
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).cached_methods = list(&["GET", "HEAD", "OPTIONS"]);
        default_behavior(&mut doc).allowed_methods = unknown();
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end_with_fixes() {
        let json = r#"{"DistributionConfig": {
  "Origins": {"Quantity": 1, "Items": [{"Id": "a", "DomainName": "example.com"}]},
  "DefaultCacheBehavior": {
    "TargetOriginId": "a",
    "AllowedMethods": {"Quantity": 2, "Items": ["GET", "HEAD"],
      "CachedMethods": {"Quantity": 3, "Items": ["GET", "HEAD", "OPTIONS"]}}
  }
}}"#;
        let f = lint_rule(&RULE, json);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].span.line, f[0].span.column),
            position(json, "[\"GET\", \"HEAD\", \"OPTIONS\"]")
        );
        let fixed = apply_all(json, &f);
        assert!(
            fixed.contains(r#""CachedMethods": {"Quantity": 2, "Items": ["GET", "HEAD"]}"#),
            "{fixed}"
        );
        assert!(lint_rule(&RULE, &fixed).is_empty());
        let yaml = RULE.docs.example.text;
        let f = lint_rule(&RULE, yaml);
        assert_eq!(
            (f[0].span.line, f[0].span.column),
            position(yaml, "[GET, HEAD, POST]")
        );
        let fixed = apply_all(yaml, &f);
        assert!(fixed.contains("CachedMethods: [GET, HEAD]\n"), "{fixed}");
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  origin {
    origin_id   = "a"
    domain_name = "example.com"
  }
  default_cache_behavior {
    target_origin_id = "a"
    allowed_methods  = ["GET", "HEAD"]
    cached_methods   = ["GET", "HEAD", "OPTIONS"]
  }
}
"#;
        let f = lint_rule(&RULE, tf);
        assert_eq!((f[0].span.line, f[0].span.column), (9, 24));
        assert!(apply_all(tf, &f).contains("cached_methods   = [\"GET\", \"HEAD\"]\n"));
    }
}
