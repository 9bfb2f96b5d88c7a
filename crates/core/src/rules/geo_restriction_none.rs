//! `geo-restriction-none`: the distribution serves every country.

use crate::lint::{
    Category, Finding, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "geo-restriction-none",
    summary: "No geographic restriction",
    default_severity: Severity::Info,
    category: Category::Posture,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a distribution whose `Restrictions.GeoRestriction.RestrictionType` \
            is `none` (cdk-nag AwsSolutions-CFR1, checkov CKV_AWS_374).",
        why_bad: "Posture tools ask for a deliberate choice of where the API is served. An API \
            meant for a few markets can shrink its attack surface with an allow list; WAF geo \
            match rules are a finer alternative. For a global API, `none` is the right answer: \
            this is information, not a problem.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "        Restrictions:\n          GeoRestriction:\n            RestrictionType: none\n",
                api_origin!(),
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "        Restrictions:\n          GeoRestriction:\n            RestrictionType: whitelist\n            Locations: [DE, FR, NL]\n",
                api_origin!(),
                api_behavior!()
            )),
        exceptions: "A global API: keep `none` and suppress the rule with \
            `Metadata: {apifront: {ignore: [geo-restriction-none]}}` (Terraform: \
            `# apifront-ignore: geo-restriction-none`).",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/georestrictions.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GeoRestriction.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let field = &ctx.dist.geo_restriction_type;
    if !field.get().is_some_and(|t| t.eq_ignore_ascii_case("none")) {
        return Vec::new();
    }
    let setting = Key::RESTRICTION_TYPE.setting(ctx.format(), "none", true);
    vec![ctx.finding(
        &RULE,
        field.span,
        &field.path,
        format!(
            "distribution `{}` has no geographic restriction ({setting})",
            ctx.dist.name
        ),
    )]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;

    #[test]
    fn cases() {
        let cli = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 1, "Items": [{"Id": "a", "DomainName": "example.com"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "a"},
  "Restrictions": {"GeoRestriction": {"RestrictionType": ‸"none", "Quantity": 0}}}}"#;
        let tf = "resource \"aws_cloudfront_distribution\" \"d\" {\n  restrictions {\n    geo_restriction {\n      restriction_type = ‸\"none\"\n    }\n  }\n}\n";
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                EXAMPLE.with("RestrictionType: none", "RestrictionType: blacklist"),
                EXAMPLE.with("RestrictionType: none", "RestrictionType: !Ref GeoType"),
                tf.unmarked().with("\"none\"", "var.geo"),
            ])
            .fail([
                case(EXAMPLE.mark("none")).message(
                    "distribution `Cdn` has no geographic restriction (RestrictionType: none)",
                ),
                case(EXAMPLE.with("RestrictionType: none", "RestrictionType: ‸NONE")),
                case(cli).message("(RestrictionType: none)"),
                case(tf).message(
                    "distribution `aws_cloudfront_distribution.d` has no geographic restriction \
                     (restriction_type = \"none\")",
                ),
            ])
            .test();
    }
}
