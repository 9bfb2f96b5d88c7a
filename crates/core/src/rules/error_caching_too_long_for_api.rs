//! `error-caching-too-long-for-api`: API error responses are cached.

use super::helpers::seconds;
use crate::lint::Key;
use crate::lint::{
    edit::NewValue, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::value::Val;

pub static RULE: Rule = Rule {
    slug: "error-caching-too-long-for-api",
    summary: "API error responses are cached for some seconds",
    default_severity: Severity::Warning,
    category: Category::Errors,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "In a distribution with API behaviors, finds custom error responses for \
            codes an API returns (400, 403, 404, 405, 414, 500, 501, 502, 503, 504) whose \
            `ErrorCachingMinTTL` is omitted (10 seconds by default) or above zero. It needs \
            nothing about the API. **Severity**: information for a short TTL (1 to 5 seconds) \
            when every API behavior has `Authorization` in its cache key: each caller only ever \
            gets its own cached error, a deliberate way to shield the origin.",
        why_bad: "CloudFront caches error responses for at least that TTL: a transient 5xx or an \
            authorization 403 is replayed to every caller of the same URL.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "        CustomErrorResponses:
          - ErrorCode: 502
            ErrorCachingMinTTL: 300
",
                api_origin!(),
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "        CustomErrorResponses:
          - ErrorCode: 502
            ErrorCachingMinTTL: 0
",
                api_origin!(),
                api_behavior!()
            )),
        exceptions: "A small TTL on 503 to shield an overloaded origin is a deliberate choice; \
            suppress the rule for that distribution.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/custom-error-pages-expiration.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/HTTPStatusCodes.html",
        ],
        fix_safety: None,
    },
    check,
};

/// The longest error caching that is a deliberate shield when callers are kept apart.
const SHORT: i64 = 5;

const API_CODES: &[i64] = &[400, 403, 404, 405, 414, 500, 501, 502, 503, 504];

fn check(ctx: &LintContext) -> Vec<Finding> {
    if !ctx.has_api_behavior() {
        return Vec::new();
    }
    // Every API behavior keys its cache on `Authorization`: a cached error is one caller's own.
    let callers_apart = ctx.api_behaviors().iter().all(|(b, _)| {
        ctx.forwarding(b)
            .cache_key()
            .and_then(|k| k.headers.as_ref())
            .and_then(|h| h.contains("authorization"))
            == Some(true)
    });
    let mut out = Vec::new();
    for response in &ctx.dist.custom_error_responses {
        let Some(code) = response.error_code.get().copied() else {
            continue;
        };
        if !API_CODES.contains(&code) {
            continue;
        }
        let field = &response.error_caching_min_ttl;
        let editor = ctx.editor();
        let deliberate = callers_apart && matches!(field.val, Val::Known(1..=SHORT));
        let (ttl, edit) = match &field.val {
            Val::Known(0) | Val::Unknown(_) => continue,
            Val::Known(ttl) => (seconds(*ttl), Some(editor.replace_scalar(field.span, "0"))),
            Val::Absent => (
                "10 seconds (the default)".to_string(),
                editor.insert_key(
                    response.span,
                    Key::ERROR_CACHING_MIN_TTL,
                    NewValue::Raw("0"),
                ),
            ),
        };
        let message = if deliberate {
            format!(
                "error responses {code} are cached for {ttl}, with Authorization in the cache \
                 key of every API behavior: each caller gets back only its own error, for a \
                 few seconds (a deliberate choice to shield the origin)"
            )
        } else {
            format!(
                "error responses {code} are cached for {ttl}; API errors are then replayed to \
                 every caller"
            )
        };
        let fix = Fix::safe(
            format!("set {} to 0", Key::ERROR_CACHING_MIN_TTL.name(ctx.format())),
            edit.into_iter().collect(),
        );
        let finding = ctx
            .finding(&RULE, field.span, &field.path, message)
            .with_fix(fix);
        out.push(if deliberate {
            finding.with_severity(Severity::Info)
        } else {
            finding
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{beside, case, with_config, CaseText, Tester};

    /// The API distribution with custom error responses of these keys (one item a string).
    fn responses(items: &[&str]) -> String {
        let mut text = String::from("        CustomErrorResponses:\n");
        for item in items {
            text.push_str(&format!("          - {item}\n"));
        }
        with_config(&text)
    }

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let site = |text: String| {
            text.with(
                "abc123defg.execute-api.eu-west-1.amazonaws.com",
                "site.s3.amazonaws.com",
            )
        };
        // The API behavior keys its cache on Authorization (a custom cache policy beside it).
        let keyed = |ttl: &str| {
            beside(
                &responses(&[&format!("ErrorCode: 503\n            ErrorCachingMinTTL: {ttl}")])
                    .with("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", "!Ref ApiCache"),
                "ApiCache:\n  Type: AWS::CloudFront::CachePolicy\n  Properties:\n    CachePolicyConfig:\n      \
                 Name: api\n      MinTTL: 0\n      DefaultTTL: 0\n      MaxTTL: 60\n      \
                 ParametersInCacheKeyAndForwardedToOrigin:\n        EnableAcceptEncodingGzip: true\n        \
                 HeadersConfig:\n          HeaderBehavior: whitelist\n          Headers: [Authorization]\n        \
                 CookiesConfig:\n          CookieBehavior: none\n        QueryStringsConfig:\n          \
                 QueryStringBehavior: all",
            )
        };
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                responses(&["ErrorCode: 503\n            ErrorCachingMinTTL: 0"]),
                responses(&["ErrorCode: 502\n            ErrorCachingMinTTL: !Ref Ttl"]),
                responses(&["ErrorCode: !Ref Code"]),
                // 416 is not an API error code.
                responses(&["ErrorCode: 416\n            ErrorCachingMinTTL: 60"]),
                // No behavior reaches an API.
                site(responses(&[
                    "ErrorCode: 503\n            ErrorCachingMinTTL: 60",
                ])),
            ])
            .fix([
                (
                    // A few seconds, each caller's own error: a deliberate shield.
                    case(keyed("‸5"))
                        .severity(Severity::Info)
                        .message("with Authorization in the cache key of every API behavior"),
                    keyed("0"),
                ),
                (
                    case(keyed("‸6")).message("are then replayed to every caller"),
                    keyed("0"),
                ),
                (
                    case(example.mark("300")).message(
                        "error responses 502 are cached for 300 seconds; API errors are then \
                         replayed to every caller",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(responses(&[
                        "ErrorCode: 404\n            ErrorCachingMinTTL: 0",
                        "‸ErrorCode: 503",
                    ]))
                    .message("error responses 503 are cached for 10 seconds (the default)"),
                    responses(&[
                        "ErrorCode: 404\n            ErrorCachingMinTTL: 0",
                        "ErrorCachingMinTTL: 0\n            ErrorCode: 503",
                    ]),
                ),
            ])
            .test();
    }
}
