//! `aliases-need-custom-certificate`: alternate domain names without a certificate for them.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "aliases-need-custom-certificate",
    summary: "The distribution has aliases but uses the default CloudFront certificate",
    default_severity: Severity::Error,
    category: Category::Tls,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds distributions with `Aliases` whose viewer certificate is the \
            default `*.cloudfront.net` one (or missing).",
        why_bad: "An alternate domain name needs a certificate that covers it; CloudFront \
            rejects the distribution otherwise.",
        example: Snippet::cfn_yaml(cfn_doc!(
            "        Aliases: [api.example.com]\n        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n",
            api_origin!(),
            api_behavior!()
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(custom_certificate!(), api_origin!(), api_behavior!())),
        exceptions: "None. The domains of distribution tenants are checked by \
            `distribution-tenant-invalid` instead: a tenant's domain can be covered by the \
            tenant's own certificate or a managed certificate request, not only by the \
            distribution's.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesGeneral.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let dist = ctx.dist;
    let aliases = &dist.aliases;
    let Some(items) = aliases.get() else {
        return Vec::new();
    };
    if items.is_empty() {
        return Vec::new();
    }
    let vc = &dist.viewer_certificate;
    if vc.acm_certificate_arn.is_present() || vc.iam_certificate_id.is_present() {
        return Vec::new();
    }
    let default_cert = !vc.present || vc.cloudfront_default_certificate.get() == Some(&true);
    if !default_cert || vc.cloudfront_default_certificate.is_unknown() {
        return Vec::new();
    }
    let names = aliases.known_items().unwrap_or_default().join(", ");
    let finding = ctx.finding(
        &RULE,
        aliases.span,
        &aliases.path,
        format!(
            "aliases {names} need a custom certificate, but the distribution uses the default \
             CloudFront certificate"
        ),
    );
    // Without a `ViewerCertificate` there is no place to point at.
    if vc.present {
        vec![finding.with_related(vc.span, "viewer certificate")]
    } else {
        vec![finding]
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, with_config, CaseText, Tester, API};

    fn config(keys: &str) -> String {
        with_config(keys)
    }

    #[test]
    fn cases() {
        let acm = "        ViewerCertificate:\n          AcmCertificateArn: !Ref Certificate\n          SslSupportMethod: sni-only\n";
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                config("        Aliases: []\n"),
                config("        Aliases: !Ref Aliases\n"),
                config(&format!("        Aliases: [api.example.com]\n{acm}")),
                config(
                    "        Aliases: [api.example.com]\n        ViewerCertificate:\n          IamCertificateId: ASCACKCEVSQ6C2EXAMPLE\n          SslSupportMethod: sni-only\n",
                ),
                config(
                    "        Aliases: [api.example.com]\n        ViewerCertificate:\n          CloudFrontDefaultCertificate: !Ref UseDefault\n",
                ),
                // A certificate beside the default one (`viewer-certificate-incomplete-or-
                // conflicting` reports the conflict), or the default one turned off.
                config(&format!("        Aliases: [api.example.com]\n{acm}          CloudFrontDefaultCertificate: true\n")),
                config(
                    "        Aliases: [api.example.com]\n        ViewerCertificate:\n          CloudFrontDefaultCertificate: false\n",
                ),
            ])
            .fail([
                case(RULE.docs.example.text.mark("[api.example.com]"))
                    .message("aliases api.example.com need a custom certificate")
                    .related("viewer certificate"),
                case(config("        Aliases: ‸[api.example.com, !Ref Other]\n"))
                    .message("aliases api.example.com need"),
            ])
            .test();
    }
}
