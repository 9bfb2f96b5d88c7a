//! `origin-custom-header-not-allowed`: an origin custom header CloudFront refuses to add.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "origin-custom-header-not-allowed",
    summary: "An origin custom header has a name CloudFront cannot add to origin requests",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origin custom headers (`CustomHeaders`, CloudFormation \
            `OriginCustomHeaders`, Terraform `custom_header`) whose name, in any case, is on \
            CloudFront's deny list: Cache-Control, Connection, Content-Length, Cookie, Host, \
            If-Match, If-Modified-Since, If-None-Match, If-Range, If-Unmodified-Since, \
            Max-Forwards, Pragma, Proxy-Authorization, Proxy-Connection, Range, Request-Range, \
            TE, Trailer, Transfer-Encoding, Upgrade, Via, X-Real-Ip, and names starting with \
            `X-Amz-` or `X-Edge-`.",
        why_bad: "CloudFront cannot add these headers to origin requests and rejects the \
            configuration. A common case is trying to set `Host` for an API Gateway origin: \
            CloudFront already sends the origin's own domain name as Host when the viewer Host \
            is not forwarded, so the header is not needed.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginCustomHeaders:\n",
                    "              - HeaderName: X-Amz-Origin-Verify\n",
                    "                HeaderValue: '{{resolve:secretsmanager:cdn/origin-verify:SecretString:value}}'\n",
                ),
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginCustomHeaders:\n",
                    "              - HeaderName: X-Origin-Verify\n",
                    "                HeaderValue: '{{resolve:secretsmanager:cdn/origin-verify:SecretString:value}}'\n",
                ),
                api_behavior!()
            ),
        },
        exceptions: "None: CloudFront refuses these names. To send the viewer's host to an API, \
            copy it into `X-Forwarded-Host` with a CloudFront Function and forward that header.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/forward-custom-headers.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginCustomHeader.html",
        ],
    },
    check,
};

/// Header names CloudFront cannot add (lower case).
const DENIED: &[&str] = &[
    "cache-control",
    "connection",
    "content-length",
    "cookie",
    "host",
    "if-match",
    "if-modified-since",
    "if-none-match",
    "if-range",
    "if-unmodified-since",
    "max-forwards",
    "pragma",
    "proxy-authorization",
    "proxy-connection",
    "range",
    "request-range",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
    "x-real-ip",
];

/// Header name prefixes CloudFront cannot add (lower case).
const DENIED_PREFIXES: &[&str] = &["x-amz-", "x-edge-"];

/// Why CloudFront refuses `name`, or `None` when it accepts it.
fn denial(name: &str) -> Option<String> {
    let lower = name.trim().to_ascii_lowercase();
    if DENIED.contains(&lower.as_str()) {
        return Some("is on CloudFront's list of headers it cannot add".to_string());
    }
    DENIED_PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|p| {
            let shown = name.trim().get(..p.len()).unwrap_or(p);
            format!("starts with `{shown}`, a prefix CloudFront reserves")
        })
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        for header in &origin.custom_headers {
            let Some(name) = header.name.get() else {
                continue;
            };
            let Some(why) = denial(name) else { continue };
            let message = format!(
                "{} adds the custom header `{name}`, which {why}; CloudFront rejects the \
                 configuration",
                origin_name(origin)
            );
            out.push(ctx.finding(&RULE, header.name.span, &header.name.path, message));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{denial, RULE};
    use crate::lint::{lint_text, Finding, LintConfig};
    use crate::model::CustomHeader;
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
    fn deny_list_and_prefixes() {
        for bad in [
            "Host",
            "HOST",
            "te",
            "X-Real-IP",
            "x-amz-date",
            "X-Edge-Location",
        ] {
            assert!(denial(bad).is_some(), "{bad}");
        }
        for ok in [
            "X-Origin-Verify",
            "x-api-key",
            "X-Forwarded-Host",
            "Origin",
            "Tenant",
        ] {
            assert!(denial(ok).is_none(), "{ok}");
        }
        assert!(denial("X-Amzn-Trace").is_none());
    }

    #[test]
    fn denied_header_fails_unknown_name_passes() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins[0].custom_headers.push(CustomHeader {
            name: known("Host".into()),
            value: known("abc123defg.execute-api.eu-west-1.amazonaws.com".into()),
            ..Default::default()
        });
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0]
            .message
            .starts_with("origin `api` adds the custom header `Host`"));
        dist(&mut doc).origins[0].custom_headers[0].name =
            Field::unknown(Unknown::Intrinsic("Ref".into()), Default::default(), "u");
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end_positions() {
        let f = lint(RULE.docs.example.text);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.line, f[0].span.column), (15, 29));
        assert!(f[0].message.contains("starts with `X-Amz-`"));
        assert!(lint(RULE.docs.use_instead.text).is_empty());
        let tf = r#"resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
    custom_header {
      name  = "host"
      value = "api.example.com"
    }
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}
"#;
        let f = lint(tf);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.line, f[0].span.column), (6, 15));
        let json = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 1, "Items": [
    {"Id": "api", "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
     "CustomHeaders": {"Quantity": 1, "Items": [
       {"HeaderName": "Cache-Control", "HeaderValue": "no-cache"}]}}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api"}}}"#;
        let f = lint(json);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].path,
            "DistributionConfig.Origins.Items[0].CustomHeaders.Items[0].HeaderName"
        );
        assert_eq!((f[0].span.line, f[0].span.column), (5, 23));
    }
}
