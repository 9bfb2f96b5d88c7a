//! `origin-read-timeout-range`: `OriginReadTimeout` is outside what CloudFront accepts.

use super::helpers::{range_findings, Timeout, TIMEOUT_REFERENCES};
use crate::lint::Key;
use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "origin-read-timeout-range",
    summary: "OriginReadTimeout is below 1 second or above the 120-second default quota",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a custom origin's `OriginReadTimeout` (the response timeout, 30 \
            seconds by default) below 1 or above 180 seconds (errors), or from 121 to 180 \
            seconds (a warning: above the default quota).",
        why_bad: "CloudFront rejects values outside its range. The sources disagree on the \
            self-service ceiling: older guides and the CDK say 60 seconds, the current API \
            reference and quotas page say 120, and AWS re:Post describes up to 180 with a \
            quota increase. apifront follows the current quotas page: above 120 seconds the \
            account needs a raised quota, and values above 180 are treated as invalid.",
        example: Snippet::cfn_yaml(cfn_doc!(
            "",
            concat!(api_origin!(), "              OriginReadTimeout: 0\n"),
            api_behavior!()
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
            "",
            concat!(api_origin!(), "              OriginReadTimeout: 30\n"),
            api_behavior!()
        )),
        exceptions: "An account whose response-timeout quota AWS raised may use larger values: \
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
            key: Key::ORIGIN_READ_TIMEOUT,
            default: 30,
            field: |c| &c.origin_read_timeout,
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
        timeout_table(&RULE, ("OriginReadTimeout", "origin_read_timeout"), 30)
            .fix([(
                case(example.mark("0\n")).severity(crate::lint::Severity::Error),
                example.with("OriginReadTimeout: 0", "OriginReadTimeout: 1"),
            )])
            .test();
    }
}
