//! `response-completion-timeout-invalid`: `ResponseCompletionTimeout` below the origin's
//! response timeout.

use crate::lint::Key;
use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "response-completion-timeout-invalid",
    summary: "ResponseCompletionTimeout is below the origin's OriginReadTimeout",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds an origin whose `ResponseCompletionTimeout` (an origin-level \
            setting, Terraform `response_completion_timeout`; 0 there means unset) is below its \
            `OriginReadTimeout` (of `CustomOriginConfig` or `VpcOriginConfig`; 30 seconds when \
            not set).",
        why_bad: "The API reference: \"The value for ResponseCompletionTimeout must be equal to \
            or greater than the value for OriginReadTimeout\". The response completion timeout \
            caps the whole response, across every packet and every retry; unset, CloudFront \
            enforces no maximum.",
        example: Snippet::cfn_yaml(cfn_doc!(
            "",
            concat!(
                "            ResponseCompletionTimeout: 20\n",
                api_origin!(),
                "              OriginReadTimeout: 60\n"
            ),
            api_behavior!()
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
            "",
            concat!(
                "            ResponseCompletionTimeout: 900\n",
                api_origin!(),
                "              OriginReadTimeout: 60\n"
            ),
            api_behavior!()
        )),
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Origin.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#response-completion-timeout",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for o in &ctx.dist.origins {
        let rct = &o.response_completion_timeout;
        let Some(&completion) = rct.get() else {
            continue;
        };
        let read = match o.read_timeout() {
            Some(f) if f.is_unknown() => continue,
            Some(f) => f.get().copied().unwrap_or(30),
            None => 30,
        };
        if completion < read {
            out.push(ctx.finding(
                &RULE,
                rct.span,
                &rct.path,
                format!(
                    "{} has {} {completion} seconds, below its {} of {read}; it must be at \
                     least as long",
                    origin_name(o),
                    Key::RESPONSE_COMPLETION_TIMEOUT.name(ctx.format()),
                    Key::ORIGIN_READ_TIMEOUT.name(ctx.format()),
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, cfn, CaseText, Tester, API_BEHAVIOR, API_ORIGIN};

    fn origin(rct: &str, read: &str) -> String {
        let read = match read {
            "" => String::new(),
            r => format!("              OriginReadTimeout: {r}\n"),
        };
        cfn(
            "",
            &format!("            ResponseCompletionTimeout: {rct}\n{API_ORIGIN}{read}"),
            API_BEHAVIOR,
        )
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                origin("30", ""),
                origin("60", "60"),
                origin("!Ref Completion", "60"),
                origin("10", "!Ref ReadTimeout"),
            ])
            .fail([
                case(RULE.docs.example.text.mark("20")).message(
                    "origin `orders-api` has ResponseCompletionTimeout 20 seconds, below its \
                     OriginReadTimeout of 60; it must be at least as long",
                ),
                case(origin("‸29", "")).message("below its OriginReadTimeout of 30"),
                case(
                    r#"{"DistributionConfig": {"Origins": {"Quantity": 1, "Items": [{"Id": "vpc", "DomainName": "internal.example.com",
  "VpcOriginConfig": {"VpcOriginId": "vo_1", "OriginReadTimeout": 90}, "ResponseCompletionTimeout": ‸60}]}}}"#,
                ),
            ])
            .test();
    }
}
