//! `origin-keepalive-timeout-range`: `OriginKeepaliveTimeout` is outside what CloudFront accepts.

use super::helpers::{range_findings, Timeout, TIMEOUT_REFERENCES};
use crate::lint::Key;
use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

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
        example: Snippet::cfn_yaml(cfn_doc!(
            "",
            concat!(api_origin!(), "              OriginKeepaliveTimeout: 300\n"),
            api_behavior!()
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
            "",
            concat!(api_origin!(), "              OriginKeepaliveTimeout: 5\n"),
            api_behavior!()
        )),
        exceptions: "An account whose keep-alive quota AWS raised may use larger values: \
            suppress the rule for that distribution.",
        references: TIMEOUT_REFERENCES,
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    range_findings(
        ctx,
        &RULE,
        &Timeout {
            key: Key::ORIGIN_KEEPALIVE_TIMEOUT,
            default: 5,
            field: |c| &c.origin_keepalive_timeout,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::helpers::timeout_table;
    use crate::rules::tester::{case, CaseText};

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        timeout_table(
            &RULE,
            ("OriginKeepaliveTimeout", "origin_keepalive_timeout"),
            5,
        )
        .fix([(
            case(example.mark("300"))
                .severity(crate::lint::Severity::Error)
                .message("has OriginKeepaliveTimeout 300 seconds")
                .fix_leaves_a_finding("180 s needs a raised quota: still a warning"),
            example.with("OriginKeepaliveTimeout: 300", "OriginKeepaliveTimeout: 180"),
        )])
        .test();
    }
}
