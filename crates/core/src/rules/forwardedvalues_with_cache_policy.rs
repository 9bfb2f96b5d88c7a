//! `forwardedvalues-with-cache-policy`: legacy `ForwardedValues` next to a cache policy.

use crate::lint::{
    behavior_name, Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};

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
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                concat!(
                    api_behavior!(),
                    "          ForwardedValues:\n",
                    "            QueryString: true\n",
                )
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "None. Terraform community modules need `use_forwarded_values = false`.",
        references: &[
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-forwardedvalues.html",
            "https://github.com/terraform-aws-modules/terraform-aws-cloudfront/issues/20",
        ],
        fix_safety: None,
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
            let key = Key::FORWARDED_VALUES.name(ctx.format());
            let message = format!(
                "{} has a cache policy and legacy {key}; {}",
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
                .and_then(|e| Fix::safe(format!("remove {key}"), vec![e]));
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
    use crate::model::Format;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const CACHE: &str = "          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n";

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let legacy = "          ForwardedValues:\n            ‸QueryString: true\n";
        let cli = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 1, "Items": [{"Id": "a", "DomainName": "example.com"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "a",
    "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
    "ForwardedValues": ‸{"QueryString": false, "Cookies": {"Forward": "none"}}}}}"#;
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  default_cache_behavior {
    target_origin_id = "a"
    cache_policy_id  = var.cache_policy
    ‸forwarded_values {
      query_string = false
    }
  }
}
"#;
        let api_error = "the CloudFront API rejects the combination (an error)";
        let cfn_warning = "CloudFormation ignores ForwardedValues (a warning)";
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(CACHE, "          CachePolicyId: !Ref CachePolicy\n"),
                format!("{}{}", API.with(CACHE, ""), legacy.unmarked()),
            ])
            .fix([
                (
                    case(example.mark("QueryString: true"))
                        .severity(Severity::Warning)
                        .message(
                            "default behavior has a cache policy and legacy ForwardedValues; \
                             CloudFormation ignores ForwardedValues",
                        )
                        .related("the cache policy")
                        .except(&[Format::CliJson, Format::Terraform], api_error),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(format!("{}{legacy}", API.with(CACHE, "          CachePolicyId: !Ref CachePolicy\n")))
                        .severity(Severity::Warning)
                        .related("the cache policy")
                        .except(&[Format::CliJson, Format::Terraform], api_error),
                    API.with(CACHE, "          CachePolicyId: !Ref CachePolicy\n"),
                ),
                (
                    case(cli)
                        .message("the CloudFront API rejects this combination")
                        .related("the cache policy")
                        .except(&[Format::CfnYaml, Format::CfnJson], cfn_warning),
                    cli.unmarked().with(
                        ",\n    \"ForwardedValues\": {\"QueryString\": false, \"Cookies\": {\"Forward\": \"none\"}}",
                        "",
                    ),
                ),
                (
                    case(tf)
                        .message(
                            "default behavior has a cache policy and legacy forwarded_values; \
                             the CloudFront API rejects this combination",
                        )
                        .related("the cache policy")
                        .except(&[Format::CfnYaml, Format::CfnJson], cfn_warning),
                    tf.unmarked().with("    forwarded_values {\n      query_string = false\n    }\n", ""),
                ),
            ])
            .test();
    }
}
