//! `origin-read-timeout-range`: `OriginReadTimeout` is outside what CloudFront accepts.

use crate::lint::{
    origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::{CustomOriginConfig, Format};
use crate::value::Field;

pub static RULE: Rule = Rule {
    slug: "origin-read-timeout-range",
    summary: "OriginReadTimeout is below 1 second or above the 120-second default quota",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a custom origin's `OriginReadTimeout` (the response timeout, 30 \
            seconds by default) below 1 or above 180 seconds (errors), or from 121 to 180 \
            seconds (a warning: above the default quota).",
        why_bad: "CloudFront rejects values outside its range. The sources disagree on the \
            self-service ceiling: older guides and the CDK say 60 seconds, the current API \
            reference and quotas page say 120, and AWS re:Post describes up to 180 with a \
            quota increase. apifront follows the current quotas page: above 120 seconds the \
            account needs a raised quota, and values above 180 are treated as invalid.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
              OriginReadTimeout: 0
",
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
              OriginReadTimeout: 30
",
                api_behavior!()
            ),
        },
        exceptions: "An account whose response-timeout quota AWS raised may use larger values: \
            suppress the rule for that distribution.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html",
            "https://repost.aws/knowledge-center/cloudfront-custom-origin-response",
        ],
    },
    check,
};

/// A timeout setting of a custom origin config, for [`range_findings`].
pub(super) struct Timeout {
    /// The key in CLI JSON / CloudFormation and in Terraform.
    pub keys: (&'static str, &'static str),
    pub default: i64,
    pub field: fn(&CustomOriginConfig) -> &Field<i64>,
}

/// Findings of `rule` for timeouts below 1 s or above 180 s (errors, fixed by clamping) and
/// from 121 s to 180 s (warnings: above the default quota).
pub(super) fn range_findings(ctx: &LintContext, rule: &Rule, timeout: &Timeout) -> Vec<Finding> {
    let key = ctx.key(timeout.keys.0, timeout.keys.0, timeout.keys.1);
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        let Some(config) = &origin.custom_origin_config else {
            continue;
        };
        let field = (timeout.field)(config);
        let Some(&value) = field.get() else { continue };
        let name = origin_name(origin);
        let finding = if value < 1 {
            let message = format!(
                "{name} has {key} {value}; it must be at least 1 second (default {})",
                timeout.default
            );
            ctx.finding(rule, field.span, &field.path, message)
                .with_severity(Severity::Error)
                .with_fix(clamp(ctx, field, 1))
        } else if value > 180 {
            let message =
                format!("{name} has {key} {value} seconds; CloudFront accepts at most 180");
            ctx.finding(rule, field.span, &field.path, message)
                .with_severity(Severity::Error)
                .with_fix(clamp(ctx, field, 180))
        } else if value > 120 {
            let message = format!(
                "{name} has {key} {value} seconds, above the 120-second default quota; \
                 CloudFront rejects it unless the account's quota was raised"
            );
            ctx.finding(rule, field.span, &field.path, message)
                .with_severity(Severity::Warning)
        } else {
            continue;
        };
        out.push(finding);
    }
    out
}

fn clamp(ctx: &LintContext, field: &Field<i64>, to: i64) -> Option<Fix> {
    Fix::safe(
        format!("set the timeout to {to}"),
        vec![ctx.editor().replace_scalar(field.span, &to.to_string())],
    )
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    range_findings(
        ctx,
        &RULE,
        &Timeout {
            keys: ("OriginReadTimeout", "origin_read_timeout"),
            default: 30,
            field: |c| &c.origin_read_timeout,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::test_support::*;

    fn set(doc: &mut crate::model::Document, v: crate::value::Field<i64>) {
        dist(doc).origins[0]
            .custom_origin_config
            .as_mut()
            .unwrap()
            .origin_read_timeout = v;
    }

    #[test]
    fn ranges() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        for (v, sev) in [
            (0, Some(Severity::Error)),
            (1, None),
            (120, None),
            (121, Some(Severity::Warning)),
            (181, Some(Severity::Error)),
        ] {
            set(&mut doc, known(v));
            assert_eq!(check(&RULE, &doc).first().map(|f| f.severity), sev, "{v}");
        }
        set(&mut doc, known(600));
        assert!(check(&RULE, &doc)[0]
            .message
            .contains("origin `api` has OriginReadTimeout 600"));
        set(&mut doc, unknown());
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end() {
        let yaml = RULE.docs.example.text;
        let f = lint_rule(&RULE, yaml);
        assert_eq!((f[0].span.line, f[0].span.column), position(yaml, "0\n"));
        let fixed = apply_all(yaml, &f);
        assert!(fixed.contains("OriginReadTimeout: 1\n"));
        assert!(lint_rule(&RULE, &fixed).is_empty());
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
    custom_origin_config {
      origin_protocol_policy = "https-only"
      origin_read_timeout    = 150
    }
  }
}
"#;
        let f = lint_rule(&RULE, tf);
        assert_eq!(
            (f[0].span.line, f[0].span.column, f[0].severity),
            (7, 32, Severity::Warning)
        );
        let json = r#"{"DistributionConfig": {"Origins": {"Quantity": 1, "Items": [{"Id": "a",
  "DomainName": "example.com",
  "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "OriginReadTimeout": 240}}]}}}"#;
        let f = lint_rule(&RULE, json);
        assert_eq!((f[0].span.line, f[0].span.column), position(json, "240"));
        assert!(apply_all(json, &f).contains("\"OriginReadTimeout\": 180}"));
    }
}
