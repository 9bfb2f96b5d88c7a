//! `http-version-invalid`: `HttpVersion` is not a value CloudFront knows, or leaves out HTTP/2.

use crate::lint::{
    Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "http-version-invalid",
    summary: "HttpVersion is not http1.1, http2, http3 or http2and3",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds an `HttpVersion` other than `http1.1`, `http2` (the default), \
            `http3` and `http2and3` (an error), and, as information, `http1.1` or `http3`, \
            which leave viewers without HTTP/2.",
        why_bad: "CloudFront rejects unknown values (case aside: `list-distributions` reports \
            `HTTP2`). `http1.1` gives up multiplexing; with \
            `http3` alone, clients that cannot use QUIC fall back to HTTP/1.1 (per the CDK and \
            Pulumi documentation of the setting; AWS's own pages are less explicit). \
            `http2and3` serves every client its best protocol.",
        example: Snippet::cfn_yaml(cfn_doc!("        HttpVersion: HTTP/2\n", api_origin!(), api_behavior!())),
        use_instead: Snippet::cfn_yaml(cfn_doc!("        HttpVersion: http2and3\n", api_origin!(), api_behavior!())),
        exceptions: "Clients known to break on HTTP/2 may justify `http1.1`; suppress the rule \
            for that distribution.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html",
            "https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudfront.HttpVersion.html",
        ],
        fix_safety: Some(
            "Correcting the spelling of a valid version (`HTTP/2` to `http2`) is safe. Moving \
             from `http1.1` or `http3` to `http2and3` is unsafe: clients then negotiate another \
             protocol than the one chosen.",
        ),
    },
    check,
};

const VALID: &[&str] = &["http1.1", "http2", "http3", "http2and3"];

fn check(ctx: &LintContext) -> Vec<Finding> {
    let field = &ctx.dist.http_version;
    let Some(value) = field.get() else {
        return Vec::new();
    };
    let editor = ctx.editor();
    let key = Key::HTTP_VERSION.name(ctx.format());
    // `list-distributions` reports the value in upper case (`HTTP2`): case is not an error.
    let lower = value.to_ascii_lowercase();
    if VALID.contains(&lower.as_str()) {
        if !matches!(lower.as_str(), "http1.1" | "http3") {
            return Vec::new();
        }
        let message = format!(
            "{key} `{value}` leaves viewers without HTTP/2; `http2and3` serves each client its \
             best protocol"
        );
        let fix = Fix::unsafe_(
            format!("set {key} to http2and3"),
            vec![editor.replace_string(field.span, "http2and3")],
        );
        return vec![ctx
            .finding(&RULE, field.span, &field.path, message)
            .with_severity(Severity::Info)
            .with_fix(fix)];
    }
    let normalized: String = value
        .trim()
        .to_ascii_lowercase()
        .replace(['/', ' '], "")
        .replace("http2.0", "http2");
    let spelled = VALID.iter().find(|v| **v == normalized).copied();
    let message = match spelled {
        Some(v) => format!("{key} `{value}` is not valid; write `{v}`"),
        None => format!("{key} `{value}` is not valid; use http2and3 (or http1.1, http2, http3)"),
    };
    let fix = spelled.and_then(|v| {
        Fix::safe(
            format!("set {key} to {v}"),
            vec![editor.replace_string(field.span, v)],
        )
    });
    vec![ctx
        .finding(&RULE, field.span, &field.path, message)
        .with_fix(fix)]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{case, tf, with_config, CaseText, Tester, API};

    fn version(value: &str) -> String {
        with_config(&format!("        HttpVersion: {value}\n"))
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                version("http2"),
                version("http2and3"),
                // `list-distributions` reports the value in upper case.
                version("HTTP2"),
                version("!Ref HttpVersion"),
            ])
            .fail([
                case(version("‸spdy")).message(
                    "HttpVersion `spdy` is not valid; use http2and3 (or http1.1, http2, http3)",
                ),
                case(r#"{"DistributionConfig": {"HttpVersion": ‸"http4"}}"#),
            ])
            .fix([
                (
                    case(RULE.docs.example.text.mark("HTTP/2"))
                        .message("HttpVersion `HTTP/2` is not valid; write `http2`"),
                    version("http2"),
                ),
                (case(version("‸'HTTP/2.0'")), version("'http2'")),
                (case(version("‸HTTP 2")), version("http2")),
                (
                    case(tf("  http_version = ‸\"HTTP/2\"\n", "", ""))
                        .message("http_version `HTTP/2` is not valid; write `http2`"),
                    tf("  http_version = \"http2\"\n", "", ""),
                ),
            ])
            .unsafe_fix(["http1.1", "http3", "HTTP1.1"].map(|old| {
                (
                    case(version(&format!("‸{old}")))
                        .severity(Severity::Info)
                        .message(&format!(
                            "HttpVersion `{old}` leaves viewers without HTTP/2"
                        )),
                    version("http2and3"),
                )
            }))
            .test();
    }
}
