//! `origin-connection-settings-range`: `ConnectionAttempts` or `ConnectionTimeout` is out of range.

use crate::lint::{
    origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "origin-connection-settings-range",
    summary: "ConnectionAttempts is not 1-3 or ConnectionTimeout is not 1-10 seconds",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds an origin whose `ConnectionAttempts` is outside 1-3 (default 3) \
            or whose `ConnectionTimeout` is outside 1-10 seconds (default 10).",
        why_bad: "CloudFront rejects other values when the distribution is created or updated.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                concat!(api_origin!(), "            ConnectionTimeout: 30\n"),
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                concat!(api_origin!(), "            ConnectionTimeout: 10\n"),
                api_behavior!()
            ),
        },
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Origin.html",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        let settings = [
            (
                &origin.connection_attempts,
                ctx.key(
                    "ConnectionAttempts",
                    "ConnectionAttempts",
                    "connection_attempts",
                ),
                3,
                "",
            ),
            (
                &origin.connection_timeout,
                ctx.key(
                    "ConnectionTimeout",
                    "ConnectionTimeout",
                    "connection_timeout",
                ),
                10,
                " seconds",
            ),
        ];
        for (field, key, max, unit) in settings {
            let Some(&value) = field.get() else { continue };
            if (1..=max).contains(&value) {
                continue;
            }
            let to = value.clamp(1, max);
            let message = format!(
                "{} has {key} {value}; it must be from 1 to {max}{unit}",
                origin_name(origin)
            );
            let fix = Fix::safe(
                format!("set {key} to {to}"),
                vec![ctx.editor().replace_scalar(field.span, &to.to_string())],
            );
            out.push(
                ctx.finding(&RULE, field.span, &field.path, message)
                    .with_fix(fix),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::test_support::*;

    #[test]
    fn ranges() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins[0].connection_attempts = known(3);
        dist(&mut doc).origins[0].connection_timeout = known(1);
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins[0].connection_attempts = known(0);
        dist(&mut doc).origins[0].connection_timeout = known(11);
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 2);
        assert!(f[0]
            .message
            .contains("ConnectionAttempts 0; it must be from 1 to 3"));
        assert!(f[1].message.contains("from 1 to 10 seconds"));
        dist(&mut doc).origins[0].connection_attempts = unknown();
        dist(&mut doc).origins[0].connection_timeout = unknown();
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end() {
        let yaml = RULE.docs.example.text;
        let f = lint_rule(&RULE, yaml);
        assert_eq!((f[0].span.line, f[0].span.column), position(yaml, "30\n"));
        let fixed = apply_all(yaml, &f);
        assert!(fixed.contains("ConnectionTimeout: 10\n"));
        assert!(lint_rule(&RULE, &fixed).is_empty());
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  origin {
    origin_id           = "api"
    domain_name         = "example.com"
    connection_attempts = 5
  }
}
"#;
        let f = lint_rule(&RULE, tf);
        assert_eq!((f[0].span.line, f[0].span.column), position(tf, "5\n"));
        assert!(apply_all(tf, &f).contains("connection_attempts = 3\n"));
        let json = r#"{"DistributionConfig": {"Origins": {"Quantity": 1, "Items": [
  {"Id": "a", "DomainName": "example.com", "ConnectionAttempts": 4}]}}}"#;
        let f = lint_rule(&RULE, json);
        assert_eq!((f[0].span.line, f[0].span.column), position(json, "4}"));
    }
}
