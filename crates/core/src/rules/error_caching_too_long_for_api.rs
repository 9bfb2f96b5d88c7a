//! `error-caching-too-long-for-api`: API error responses are cached.

use crate::lint::Key;
use crate::lint::{
    edit::Value, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
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
            `ErrorCachingMinTTL` is omitted (10 seconds by default) or above zero.",
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

const API_CODES: &[i64] = &[400, 403, 404, 405, 414, 500, 501, 502, 503, 504];

fn check(ctx: &LintContext) -> Vec<Finding> {
    if !ctx.has_api_behavior() {
        return Vec::new();
    }
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
        let (ttl, edit) = match &field.val {
            Val::Known(0) | Val::Unknown(_) => continue,
            Val::Known(ttl) => (
                format!("{ttl} seconds"),
                Some(editor.replace_scalar(field.span, "0")),
            ),
            Val::Absent => (
                "10 seconds (the default)".to_string(),
                editor.insert_key(response.span, Key::ERROR_CACHING_MIN_TTL, Value::Raw("0")),
            ),
        };
        let message = format!(
            "error responses {code} are cached for {ttl}; API errors are then replayed to every \
             caller"
        );
        let fix = Fix::safe("set ErrorCachingMinTTL to 0", edit.into_iter().collect());
        out.push(
            ctx.finding(&RULE, field.span, &field.path, message)
                .with_fix(fix),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, cfn, CaseText, Tester, API_BEHAVIOR, API_ORIGIN};

    /// The API distribution with custom error responses of these keys (one item a string).
    fn responses(items: &[&str]) -> String {
        let mut text = String::from("        CustomErrorResponses:\n");
        for item in items {
            text.push_str(&format!("          - {item}\n"));
        }
        cfn(&text, API_ORIGIN, API_BEHAVIOR)
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
