//! `accept-encoding-whitelisted`: a custom policy lists the `Accept-Encoding` header.

use super::helpers::{listed_headers, reported_here};
use crate::lint::Key;
use crate::lint::{
    edit::NewValue, Category, Edit, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::{CachePolicy, KeyConfig};
use crate::span::Span;
use crate::value::Val;

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        api_origin!(),
        "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: !Ref ApiCache
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
    ),
    "  ApiCache:
    Type: AWS::CloudFront::CachePolicy
    Properties:
      CachePolicyConfig:
        Name: api-cache
        MinTTL: 0
        DefaultTTL: 0
        MaxTTL: 60
        ParametersInCacheKeyAndForwardedToOrigin:
          EnableAcceptEncodingGzip: false
          HeadersConfig:
            HeaderBehavior: whitelist
            Headers: [Authorization, Accept-Encoding]
          CookiesConfig:
            CookieBehavior: none
          QueryStringsConfig:
            QueryStringBehavior: all
"
);

pub static RULE: Rule = Rule {
    slug: "accept-encoding-whitelisted",
    summary: "A custom cache or origin request policy lists the `Accept-Encoding` header",
    default_severity: Severity::Error,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds custom cache policies and origin request policies in the same input \
            whose header list names `Accept-Encoding`. Each policy is reported once, with the \
            first distribution that uses it.",
        why_bad: "CloudFront rejects the policy. It normalises `Accept-Encoding` itself: a cache \
            policy puts it in the cache key and forwards it through \
            `EnableAcceptEncodingGzip` / `EnableAcceptEncodingBrotli`, and an origin request \
            policy may not name it at all.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "EnableAcceptEncodingGzip: false" => "EnableAcceptEncodingGzip: true",
            "Headers: [Authorization, Accept-Encoding]" => "Headers: [Authorization]"
        )),
        exceptions: "None: CloudFront rejects the policy. The unsafe fix removes the name when \
            other names remain and, in a cache policy, sets `EnableAcceptEncodingGzip` to true.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ParametersInCacheKeyAndForwardedToOrigin.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html",
            "https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/571",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &ctx.doc.cache_policies {
        if reported_here(ctx, &p.name) {
            out.extend(report(
                ctx,
                "cache policy",
                &p.name,
                p.span,
                &p.headers,
                Some(p),
            ));
        }
    }
    for p in &ctx.doc.origin_request_policies {
        if reported_here(ctx, &p.name) {
            out.extend(report(
                ctx,
                "origin request policy",
                &p.name,
                p.span,
                &p.headers,
                None,
            ));
        }
    }
    out
}

fn report(
    ctx: &LintContext,
    kind: &str,
    name: &str,
    policy_span: Span,
    headers: &KeyConfig,
    cache_policy: Option<&CachePolicy>,
) -> Vec<Finding> {
    let count = headers.items.get().map_or(0, Vec::len);
    listed_headers(headers, "accept-encoding")
        .into_iter()
        .map(|(index, item)| {
            let instead = if cache_policy.is_some() {
                format!(
                    "use {} / {} instead",
                    Key::ENABLE_ACCEPT_ENCODING_GZIP.name(ctx.format()),
                    Key::ENABLE_ACCEPT_ENCODING_BROTLI.name(ctx.format())
                )
            } else {
                "origin request policies may not name it".to_string()
            };
            let message = format!(
                "{kind} `{name}` lists the `Accept-Encoding` header; CloudFront rejects it \
                 ({instead})"
            );
            let fix = (count > 1)
                .then(|| fix(ctx, headers, index, cache_policy))
                .flatten();
            ctx.finding(&RULE, item.span, &item.path, message)
                .with_related(policy_span, format!("the {kind}"))
                .with_fix(fix)
        })
        .collect()
}

/// Removes the list item; in a cache policy also turns `EnableAcceptEncodingGzip` on.
fn fix(
    ctx: &LintContext,
    headers: &KeyConfig,
    index: usize,
    cache_policy: Option<&CachePolicy>,
) -> Option<Fix> {
    let editor = ctx.editor();
    let mut edits = editor.remove_list_item(&headers.items, index);
    let Some(policy) = cache_policy else {
        return Fix::unsafe_("remove Accept-Encoding from the header list", edits);
    };
    let gzip = &policy.enable_accept_encoding_gzip;
    let flag: Option<Edit> = match &gzip.val {
        Val::Known(true) => None,
        Val::Known(false) => Some(editor.replace_scalar(gzip.span, "true")),
        Val::Absent => editor.insert_key(
            gzip.span,
            Key::ENABLE_ACCEPT_ENCODING_GZIP,
            NewValue::Raw("true"),
        ),
        Val::Unknown(_) => return None,
    };
    edits.extend(flag);
    Fix::unsafe_(
        format!(
            "remove Accept-Encoding from the header list and set {} to true",
            Key::ENABLE_ACCEPT_ENCODING_GZIP.name(ctx.format())
        ),
        edits,
    )
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{beside, case, tf, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const HEADERS: &str = "Headers: [Authorization, Accept-Encoding]";
    const GZIP: &str = "          EnableAcceptEncodingGzip: false\n";

    /// The API distribution with a custom origin request policy listing these headers.
    fn orp(headers: &str) -> String {
        beside(
            &API.with(
                "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac",
                "OriginRequestPolicyId: !Ref ApiOrp",
            ),
            &format!(
                "ApiOrp:\n  Type: AWS::CloudFront::OriginRequestPolicy\n  Properties:\n    \
                 OriginRequestPolicyConfig:\n      Name: api\n      HeadersConfig:\n        \
                 HeaderBehavior: whitelist\n        Headers: {headers}\n      CookiesConfig:\n        \
                 CookieBehavior: none\n      QueryStringsConfig:\n        QueryStringBehavior: all"
            ),
        )
    }

    fn terraform() -> String {
        tf(
            "",
            "",
            "    cache_policy_id = aws_cloudfront_cache_policy.api.id\n",
        ) + r#"
resource "aws_cloudfront_cache_policy" "api" {
  name        = "api"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 60
  parameters_in_cache_key_and_forwarded_to_origin {
    headers_config {
      header_behavior = "whitelist"
      headers {
        items = ["Authorization", ‸"Accept-Encoding"]
      }
    }
    cookies_config {
      cookie_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "all"
    }
  }
}
"#
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                EXAMPLE.with(HEADERS, "Headers: !Ref Headers"),
                EXAMPLE.with(HEADERS, "Headers: [Authorization, !Ref Header]"),
                EXAMPLE.with("HeaderBehavior: whitelist", "HeaderBehavior: none"),
                orp("[Origin]"),
            ])
            .fail([
                // The only header: removing it would leave an empty list.
                case(EXAMPLE.with(HEADERS, "Headers: [‸accept-encoding]"))
                    .message(
                        "cache policy `ApiCache` lists the `Accept-Encoding` header; CloudFront \
                     rejects it (use EnableAcceptEncodingGzip / EnableAcceptEncodingBrotli \
                     instead)",
                    )
                    .related("the cache policy"),
                case(orp("[‸Accept-Encoding]")).related("the origin request policy"),
                // An unknown flag: the fix cannot tell what to write.
                case(
                    EXAMPLE
                        .with(GZIP, "          EnableAcceptEncodingGzip: !Ref Gzip\n")
                        .mark("Accept-Encoding]"),
                )
                .related("the cache policy"),
            ])
            .unsafe_fix([
                (
                    case(EXAMPLE.mark("Accept-Encoding]")).related("the cache policy"),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(EXAMPLE.with(GZIP, "").mark("Accept-Encoding]"))
                        .related("the cache policy"),
                    EXAMPLE
                        .with(GZIP, "")
                        .with(HEADERS, "Headers: [Authorization]")
                        .with(
                            "          HeadersConfig:",
                            "          EnableAcceptEncodingGzip: true\n          HeadersConfig:",
                        ),
                ),
                (
                    case(orp("[Origin, ‸Accept-Encoding]"))
                        .message(
                            "origin request policy `ApiOrp` lists the `Accept-Encoding` header; \
                         CloudFront rejects it (origin request policies may not name it)",
                        )
                        .related("the origin request policy"),
                    orp("[Origin]"),
                ),
                (
                    case(terraform())
                        .message(
                            "cache policy `aws_cloudfront_cache_policy.api` lists the \
                         `Accept-Encoding` header; CloudFront rejects it (use \
                         enable_accept_encoding_gzip / enable_accept_encoding_brotli instead)",
                        )
                        .related("the cache policy"),
                    terraform()
                        .unmarked()
                        .with(", \"Accept-Encoding\"", "")
                        .with(
                            "    headers_config {",
                            "    enable_accept_encoding_gzip = true\n    headers_config {",
                        ),
                ),
            ])
            .test();
    }
}
