//! `forwardedvalues-with-cache-policy`: legacy `ForwardedValues` next to a cache policy.

use crate::lint::{
    behavior_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "forwardedvalues-with-cache-policy",
    summary: "A behavior has both `CachePolicyId` and legacy `ForwardedValues`",
    default_severity: Severity::Error,
    category: Category::Caching,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds behaviors with both a cache policy and `ForwardedValues`. It is an \
            error for CLI JSON and Terraform (the API rejects it) and a warning for \
            CloudFormation (which ignores `ForwardedValues`).",
        why_bad: "The CloudFront API rejects the combination (\"The parameter ForwardedValues \
            cannot be used when a cache policy is associated to the cache behavior\"); \
            CloudFormation silently ignores the legacy values. Either way they do nothing.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                api_origin!(),
                concat!(
                    api_behavior!(),
                    "          ForwardedValues:\n",
                    "            QueryString: true\n",
                )
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        exceptions: "None. Terraform community modules need `use_forwarded_values = false`.",
        references: &[
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-forwardedvalues.html",
            "https://github.com/terraform-aws-modules/terraform-aws-cloudfront/issues/20",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .all_behaviors()
        .filter(|b| b.cache_policy_id.is_present())
        .filter_map(|b| {
            let fv = b.forwarded_values.as_ref()?;
            let cfn = ctx.format().is_cloudformation();
            let message = format!(
                "{} has a cache policy and legacy ForwardedValues; {}",
                behavior_name(b),
                if cfn {
                    "CloudFormation ignores ForwardedValues"
                } else {
                    "the CloudFront API rejects this combination"
                }
            );
            let fix = ctx
                .editor()
                .remove_entry(fv.span)
                .and_then(|e| Fix::safe("remove ForwardedValues", vec![e]));
            let mut finding = ctx
                .finding(&RULE, fv.span, &fv.path, message)
                .with_related(b.cache_policy_id.span, "the cache policy")
                .with_fix(fix);
            if cfn {
                finding = finding.with_severity(Severity::Warning);
            }
            Some(finding)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::model::{Format, ForwardedValues};
    use crate::rules::test_support::*;

    #[test]
    fn both_fail_per_format() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).forwarded_values = Some(ForwardedValues::default());
        assert_eq!(check(&RULE, &doc)[0].severity, Severity::Error);
        doc.format = Format::CfnYaml;
        assert_eq!(check(&RULE, &doc)[0].severity, Severity::Warning);
        default_behavior(&mut doc).cache_policy_id = Default::default();
        assert!(check(&RULE, &doc).is_empty());
    }
}
