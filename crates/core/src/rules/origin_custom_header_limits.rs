//! `origin-custom-header-limits`: origin custom headers beyond CloudFront's quotas.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Format, Origin};

pub static RULE: Rule = Rule {
    slug: "origin-custom-header-limits",
    summary: "Origin custom headers exceed CloudFront's quotas",
    default_severity: Severity::Warning,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origins with more than 10 custom headers, a header name longer \
            than 256 characters, a header value longer than 1,783 characters, or names and \
            values adding up to more than 10,240 characters. Only known names and values are \
            counted, so unknown ones never cause a finding.",
        why_bad: "These are CloudFront's default quotas for origin custom headers: a \
            distribution beyond them is rejected unless the account has a raised quota.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginCustomHeaders:\n",
                    "              - {HeaderName: X-Tenant-01, HeaderValue: a}\n",
                    "              - {HeaderName: X-Tenant-02, HeaderValue: b}\n",
                    "              - {HeaderName: X-Tenant-03, HeaderValue: c}\n",
                    "              - {HeaderName: X-Tenant-04, HeaderValue: d}\n",
                    "              - {HeaderName: X-Tenant-05, HeaderValue: e}\n",
                    "              - {HeaderName: X-Tenant-06, HeaderValue: f}\n",
                    "              - {HeaderName: X-Tenant-07, HeaderValue: g}\n",
                    "              - {HeaderName: X-Tenant-08, HeaderValue: h}\n",
                    "              - {HeaderName: X-Tenant-09, HeaderValue: i}\n",
                    "              - {HeaderName: X-Tenant-10, HeaderValue: j}\n",
                    "              - {HeaderName: X-Tenant-11, HeaderValue: k}\n",
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
                    "              - {HeaderName: X-Tenants, HeaderValue: 'a,b,c,d,e,f,g,h,i,j,k'}\n",
                ),
                api_behavior!()
            ),
        },
        exceptions: "Accounts with a raised quota (some of these quotas are adjustable through \
            Service Quotas). Suppress with `apifront: {ignore: [origin-custom-header-limits]}` \
            in the distribution's Metadata.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/forward-custom-headers.html",
        ],
    },
    check,
};

/// Custom headers per origin.
const MAX_HEADERS: usize = 10;
/// Characters in a header name.
const MAX_NAME: usize = 256;
/// Characters in a header value.
const MAX_VALUE: usize = 1_783;
/// Characters in all names and values of an origin together.
const MAX_TOTAL: usize = 10_240;

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .origins
        .iter()
        .flat_map(|o| check_origin(ctx, o))
        .collect()
}

fn check_origin(ctx: &LintContext, origin: &Origin) -> Vec<Finding> {
    let mut out = Vec::new();
    let who = origin_name(origin);
    let named: Vec<_> = origin
        .custom_headers
        .iter()
        .filter(|h| h.name.get().is_some())
        .collect();
    if let Some(extra) = named.get(MAX_HEADERS) {
        let message = format!(
            "{who} has {} custom headers; CloudFront allows {MAX_HEADERS} per origin by default",
            named.len()
        );
        out.push(ctx.finding(&RULE, extra.name.span, &extra.name.path, message));
    }
    let mut total = 0usize;
    let mut total_reported = false;
    for header in &origin.custom_headers {
        for (field, what, max) in [
            (&header.name, "name", MAX_NAME),
            (&header.value, "value", MAX_VALUE),
        ] {
            let Some(text) = field.get() else { continue };
            let len = text.chars().count();
            total += len;
            if len > max {
                let label = header
                    .name
                    .get()
                    .filter(|n| n.chars().count() <= 40)
                    .map_or_else(String::new, |n| format!(" of `{n}`"));
                let message = format!(
                    "{who} has a custom header {what}{label} of {len} characters; CloudFront \
                     allows at most {max}"
                );
                out.push(ctx.finding(&RULE, field.span, &field.path, message));
            }
            if total > MAX_TOTAL && !total_reported {
                total_reported = true;
                let message = format!(
                    "{who}'s custom header names and values add up to more than {MAX_TOTAL} \
                     characters, CloudFront's limit per origin"
                );
                out.push(ctx.finding(&RULE, field.span, &field.path, message));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
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

    fn header(name: &str, value: &str) -> CustomHeader {
        CustomHeader {
            name: known(name.into()),
            value: known(value.into()),
            ..Default::default()
        }
    }

    #[test]
    fn count_and_lengths() {
        let mut doc = api_doc();
        let headers = &mut dist(&mut doc).origins[0].custom_headers;
        for i in 0..10 {
            headers.push(header(&format!("X-H{i}"), "v"));
        }
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins[0]
            .custom_headers
            .push(header("X-H10", "v"));
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("has 11 custom headers"));

        let mut doc = api_doc();
        dist(&mut doc).origins[0].custom_headers = vec![
            header(&"N".repeat(257), "v"),
            header("X-Big", &"v".repeat(1_784)),
        ];
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f[0].message.contains("name of 257 characters"));
        assert!(f[1].message.contains("value of `X-Big` of 1784 characters"));

        let mut doc = api_doc();
        dist(&mut doc).origins[0].custom_headers = (0..6)
            .map(|i| header(&format!("X-H{i}"), &"v".repeat(1_783)))
            .collect();
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("more than 10240 characters"));
    }

    #[test]
    fn unknown_names_and_values_are_not_counted() {
        let mut doc = api_doc();
        let unknown = || Field::unknown(Unknown::Intrinsic("If".into()), Default::default(), "u");
        dist(&mut doc).origins[0].custom_headers = (0..12)
            .map(|_| CustomHeader {
                name: unknown(),
                value: unknown(),
                ..Default::default()
            })
            .collect();
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end_positions() {
        let f = lint(RULE.docs.example.text);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.line, f[0].span.column), (25, 30));
        assert!(lint(RULE.docs.use_instead.text).is_empty());
        let long = "x".repeat(1_800);
        let tf = format!(
            r#"resource "aws_cloudfront_distribution" "cdn" {{
  origin {{
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
    custom_header {{
      name  = "X-Policy"
      value = "{long}"
    }}
  }}
  default_cache_behavior {{
    target_origin_id = "api"
  }}
}}
"#
        );
        let f = lint(&tf);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.line, f[0].span.column), (7, 15));
        let json = format!(
            r#"{{"DistributionConfig": {{"Enabled": true,
  "Origins": {{"Quantity": 1, "Items": [
    {{"Id": "api", "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
     "CustomHeaders": {{"Quantity": 1, "Items": [
       {{"HeaderName": "X-Policy", "HeaderValue": "{long}"}}]}}}}]}},
  "DefaultCacheBehavior": {{"TargetOriginId": "api"}}}}}}"#
        );
        let f = lint(&json);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].path,
            "DistributionConfig.Origins.Items[0].CustomHeaders.Items[0].HeaderValue"
        );
    }
}
