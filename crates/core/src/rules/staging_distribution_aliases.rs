//! `staging-distribution-aliases`: a staging distribution lists alternate domain names.

use super::continuous_deployment::is_staging;
use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

const USE_INSTEAD: &str = cfn_doc!(
    concat!(
        "        Staging: true\n",
        "        HttpVersion: http2\n",
        "        ViewerCertificate:\n",
        "          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0b7e7f4c-1111-2222-3333-444455556666\n",
        "          SslSupportMethod: sni-only\n",
        "          MinimumProtocolVersion: TLSv1.2_2025\n",
    ),
    api_origin!(),
    api_behavior!()
);

pub static RULE: Rule = Rule {
    slug: "staging-distribution-aliases",
    summary: "A staging distribution (`Staging: true`) has alternate domain names",
    default_severity: Severity::Warning,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds `Aliases` on a distribution with `Staging: true`.",
        why_bad: "Viewers cannot send requests directly to a staging distribution by a DNS \
            name, IP address or CNAME: CloudFront routes to it only through the primary \
            distribution's continuous deployment policy, and promoting the staging \
            configuration keeps the primary's alternate domain names. Aliases on the staging \
            distribution are never used (a third-party report says CloudFront rejects them; \
            AWS's pages do not say so, hence a warning).",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "        Staging: true\n" => "        Staging: true\n        Aliases: [api.example.com]\n"
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "None: put the alternate domain names on the primary distribution.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-continuous-deployment.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistributionWithStagingConfig.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let d = ctx.dist;
    let aliases = &d.aliases;
    let has_aliases = match aliases.get() {
        Some(items) => !items.is_empty(),
        None => false,
    };
    if !is_staging(d) || !has_aliases {
        return Vec::new();
    }
    vec![ctx.finding(
        &RULE,
        aliases.span,
        &aliases.path,
        "a staging distribution is never reached by its own alternate domain names; put them \
         on the primary distribution",
    )]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester};

    #[test]
    fn cases() {
        let text = RULE.docs.use_instead.text;
        Tester::new(&RULE)
            .pass([
                text.to_string(),
                text.with("Staging: true", "Staging: false")
                    .with("        HttpVersion", "        Aliases: [api.example.com]\n        HttpVersion"),
                text.with("Staging: true", "Staging: !Ref IsStaging")
                    .with("        HttpVersion", "        Aliases: [api.example.com]\n        HttpVersion"),
                text.with("        HttpVersion", "        Aliases: []\n        HttpVersion"),
            ])
            .fail([
                case(RULE.docs.example.text.mark("[api.example.com]"))
                    .message("a staging distribution is never reached by its own alternate domain names"),
                case(
                    r#"{"DistributionConfig": {"Staging": true, "Aliases": {"Quantity": 1, "Items": ‸["api.example.com"]}}}"#,
                ),
            ])
            .test();
    }
}
