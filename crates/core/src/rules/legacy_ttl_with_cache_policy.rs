//! `legacy-ttl-with-cache-policy`: behavior-level TTLs next to a cache policy.

use super::helpers::is_set;
use crate::lint::Key;
use crate::lint::{
    behavior_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::Format;
use crate::value::Field;

pub static RULE: Rule = Rule {
    slug: "legacy-ttl-with-cache-policy",
    summary: "A behavior has `MinTTL`, `DefaultTTL` or `MaxTTL` next to a cache policy",
    default_severity: Severity::Error,
    category: Category::Caching,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds behaviors with a `CachePolicyId` that also set the legacy \
            behavior-level `MinTTL`, `DefaultTTL` or `MaxTTL`. An error for CLI JSON and \
            CloudFormation, a warning for Terraform.",
        why_bad: "TTLs belong to the cache policy. The CloudFront API rejects the combination \
            (\"The parameter MinTTL cannot be used when a cache policy is associated to the \
            cache behavior\"); CloudFormation passes the values to that API. The Terraform \
            provider drops the arguments when `cache_policy_id` is set, so they silently do \
            nothing and mislead readers about how long responses are cached.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                concat!(api_behavior!(), "          DefaultTTL: 0\n")
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "None. Set the TTLs in a custom cache policy instead. Whether \
            CloudFormation rejects or drops the values is not documented; the rule assumes it \
            forwards them to the API like the SDKs do.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DefaultCacheBehavior.html",
            "https://github.com/aws/aws-sdk-net/issues/1698",
            "https://github.com/hashicorp/terraform-provider-aws/pull/40778",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for b in ctx.dist.all_behaviors() {
        // An unknown policy may be conditional (`!If … AWS::NoValue`): only a known one counts.
        if !is_set(&b.cache_policy_id) || b.cache_policy_id.is_unknown() {
            continue;
        }
        let ttls: [(Key, &Field<i64>); 3] = [
            (Key::MIN_TTL, &b.min_ttl),
            (Key::DEFAULT_TTL, &b.default_ttl),
            (Key::MAX_TTL, &b.max_ttl),
        ];
        for (key, field) in ttls {
            let key = key.name(ctx.format());
            if field.get().is_none() {
                continue;
            }
            let consequence = if ctx.format() == Format::Terraform {
                "the provider ignores it and the cache policy's TTLs apply"
            } else {
                "the CloudFront API rejects a behavior TTL next to a cache policy"
            };
            let message = format!(
                "{} sets {key} and a cache policy; {consequence}",
                behavior_name(b)
            );
            let fix = ctx
                .editor()
                .remove_entry(field.span)
                .and_then(|e| Fix::safe(format!("remove {key}"), vec![e]));
            let mut finding = ctx
                .finding(&RULE, field.span, &field.path, message)
                .with_related(b.cache_policy_id.span, "the cache policy")
                .with_fix(fix);
            if ctx.format() == Format::Terraform {
                finding = finding.with_severity(Severity::Warning);
            }
            out.push(finding);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::model::Format;
    use crate::rules::tester::{case, tf, CaseText, Tester, API};

    const CACHE: &str = "          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n";

    const CLI: &str = r#"{"DistributionConfig": {
  "Enabled": true,
  "Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "site.s3.amazonaws.com",
    "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
  "DefaultCacheBehavior": {
    "TargetOriginId": "s3",
    "ViewerProtocolPolicy": "https-only",
    "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
    "MinTTL": ‸0,
    "DefaultTTL": ‸300
  }
}}"#;

    fn terraform() -> String {
        tf(
            "  enabled = true\n",
            "",
            concat!(
                "    cache_policy_id = \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\"\n",
                "    default_ttl = ‸3600 # ignored by the provider\n",
            ),
        )
    }

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        // Terraform: the provider ignores the TTLs (a warning, see the Terraform case).
        let api_error = "the provider ignores the TTLs in Terraform: a warning there";
        let cfn_error = "CloudFormation and CLI JSON reject the TTLs: an error there";
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                format!("{}          DefaultTTL: !Ref Ttl\n", API),
                // No cache policy (a conditional one is linted per branch: tests/branches.rs).
                format!("{}          DefaultTTL: 60\n", API.with(CACHE, "")),
            ])
            .fix([
                (
                    case(example.mark("0\n"))
                        .message(
                            "default behavior sets DefaultTTL and a cache policy; the CloudFront \
                             API rejects a behavior TTL next to a cache policy",
                        )
                        .related("the cache policy")
                        .except(&[Format::Terraform], api_error),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(format!(
                        "{API}          MinTTL: ‸0\n          MaxTTL: ‸60\n"
                    ))
                    .related("the cache policy")
                    .except(&[Format::Terraform], api_error),
                    API.to_string(),
                ),
                (
                    case(CLI)
                        .related("the cache policy")
                        .except(&[Format::Terraform], api_error),
                    CLI.unmarked()
                        .with(",\n    \"MinTTL\": 0,\n    \"DefaultTTL\": 300", ""),
                ),
                (
                    case(terraform())
                        .severity(Severity::Warning)
                        .message(
                            "default behavior sets default_ttl and a cache policy; the provider \
                             ignores it and the cache policy's TTLs apply",
                        )
                        .related("the cache policy")
                        .except(
                            &[Format::CfnYaml, Format::CfnJson, Format::CliJson],
                            cfn_error,
                        ),
                    terraform()
                        .unmarked()
                        .with("    default_ttl = 3600 # ignored by the provider\n", ""),
                ),
            ])
            .test();
    }
}
