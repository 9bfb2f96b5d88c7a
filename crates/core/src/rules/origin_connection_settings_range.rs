//! `origin-connection-settings-range`: `ConnectionAttempts` or `ConnectionTimeout` is out of range.

use crate::lint::Key;
use crate::lint::{
    origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};

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
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                concat!(api_origin!(), "            ConnectionTimeout: 30\n"),
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "",
                concat!(api_origin!(), "            ConnectionTimeout: 10\n"),
                api_behavior!()
            )),
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Origin.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        let settings = [
            (
                &origin.connection_attempts,
                Key::CONNECTION_ATTEMPTS.name(ctx.format()),
                3,
                "",
            ),
            (
                &origin.connection_timeout,
                Key::CONNECTION_TIMEOUT.name(ctx.format()),
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
    use crate::rules::tester::{case, cfn, CaseText, Tester, API, API_BEHAVIOR, API_ORIGIN};

    fn settings(keys: &str) -> String {
        cfn("", &format!("{API_ORIGIN}{keys}"), API_BEHAVIOR)
    }

    #[test]
    fn cases() {
        let attempts = |n: &str| format!("            ConnectionAttempts: {n}\n");
        let timeout = |n: &str| format!("            ConnectionTimeout: {n}\n");
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                settings(&format!("{}{}", attempts("1"), timeout("10"))),
                settings(&format!("{}{}", attempts("3"), timeout("1"))),
                settings(&format!("{}{}", attempts("!Ref Attempts"), timeout("!Ref Timeout"))),
            ])
            .fix([
                (
                    case(RULE.docs.example.text.mark("30\n"))
                        .message("origin `orders-api` has ConnectionTimeout 30; it must be from 1 to 10 seconds"),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(settings(&format!("{}{}", attempts("‸0"), timeout("‸11")))),
                    settings(&format!("{}{}", attempts("1"), timeout("10"))),
                ),
                (
                    case(settings(&attempts("‸4")))
                        .message("origin `orders-api` has ConnectionAttempts 4; it must be from 1 to 3"),
                    settings(&attempts("3")),
                ),
                (
                    case(settings(&timeout("‸'-5'"))),
                    settings(&timeout("'1'")),
                ),
            ])
            .test();
    }
}
