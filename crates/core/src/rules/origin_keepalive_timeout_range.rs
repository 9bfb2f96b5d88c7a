//! `origin-keepalive-timeout-range`: `OriginKeepaliveTimeout` is outside what CloudFront accepts.

use super::origin_read_timeout_range::{range_findings, Timeout};
use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "origin-keepalive-timeout-range",
    summary: "OriginKeepaliveTimeout is below 1 second or above the 120-second default quota",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a custom origin's `OriginKeepaliveTimeout` (5 seconds by default) \
            below 1 or above 180 seconds (errors), or from 121 to 180 seconds (a warning: \
            above the default quota).",
        why_bad: "CloudFront rejects values outside its range. As for the read timeout, the \
            sources disagree on the ceiling (60 seconds in older guides, 120 in the current \
            API reference and quotas page, up to 180 with a quota increase); apifront \
            follows the current quotas page.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
              OriginKeepaliveTimeout: 300
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
              OriginKeepaliveTimeout: 5
",
                api_behavior!()
            ),
        },
        exceptions: "An account whose keep-alive quota AWS raised may use larger values: \
            suppress the rule for that distribution.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html",
            "https://repost.aws/knowledge-center/cloudfront-custom-origin-response",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    range_findings(
        ctx,
        &RULE,
        &Timeout {
            keys: ("OriginKeepaliveTimeout", "origin_keepalive_timeout"),
            default: 5,
            field: |c| &c.origin_keepalive_timeout,
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
            .origin_keepalive_timeout = v;
    }

    #[test]
    fn ranges() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        for (v, sev) in [
            (-1, Some(Severity::Error)),
            (5, None),
            (60, None),
            (150, Some(Severity::Warning)),
            (181, Some(Severity::Error)),
        ] {
            set(&mut doc, known(v));
            assert_eq!(check(&RULE, &doc).first().map(|f| f.severity), sev, "{v}");
        }
        set(&mut doc, unknown());
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end() {
        let yaml = RULE.docs.example.text;
        let f = lint_rule(&RULE, yaml);
        assert_eq!((f[0].span.line, f[0].span.column), position(yaml, "300"));
        assert!(f[0].message.contains("OriginKeepaliveTimeout 300 seconds"));
        assert!(apply_all(yaml, &f).contains("OriginKeepaliveTimeout: 180\n"));
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
    custom_origin_config {
      origin_keepalive_timeout = 0
    }
  }
}
"#;
        let f = lint_rule(&RULE, tf);
        assert_eq!((f[0].span.line, f[0].span.column), position(tf, "0\n"));
        assert!(f[0].message.contains("origin_keepalive_timeout 0"));
    }
}
