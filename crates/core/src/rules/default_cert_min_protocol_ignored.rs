//! `default-cert-min-protocol-ignored`: a minimum protocol version set with the default
//! certificate has no effect.

use crate::lint::{
    Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "default-cert-min-protocol-ignored",
    summary: "MinimumProtocolVersion is ignored with the default *.cloudfront.net certificate",
    default_severity: Severity::Info,
    category: Category::Tls,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds `CloudFrontDefaultCertificate: true` together with a \
            `MinimumProtocolVersion` other than `TLSv1`.",
        why_bad: "With the default certificate CloudFront always uses the TLSv1 security \
            policy, whatever the configuration says; the setting only suggests a protection \
            that is not there (and Terraform shows a diff on every plan). Posture tools \
            (Security Hub CloudFront.7, cdk-nag CFR4, cfn_nag W70) still flag the \
            distribution: the real fix is a custom domain with an ACM certificate and \
            `TLSv1.2_2021`.",
        example: Snippet::cfn_yaml(cfn_doc!(
            "        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n          MinimumProtocolVersion: TLSv1.2_2021\n",
            api_origin!(),
            api_behavior!()
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(custom_certificate!(), api_origin!(), api_behavior!())),
        exceptions: "A template that switches to a custom certificate later may keep the value \
            on purpose; suppress the rule for that distribution.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let vc = &ctx.dist.viewer_certificate;
    if vc.cloudfront_default_certificate.get() != Some(&true) {
        return Vec::new();
    }
    let field = &vc.minimum_protocol_version;
    let Some(version) = field.get() else {
        return Vec::new();
    };
    if version == "TLSv1" || version.trim().is_empty() {
        return Vec::new();
    }
    let key = Key::MINIMUM_PROTOCOL_VERSION.name(ctx.format());
    let message = format!(
        "{key} `{version}` has no effect with the default certificate: CloudFront uses TLSv1 \
         for *.cloudfront.net; use a custom domain with an ACM certificate to enforce TLS 1.2"
    );
    let edit = ctx.editor().remove_entry(field.span);
    let fix = Fix::safe(
        format!("remove the ignored {key}"),
        edit.into_iter().collect(),
    );
    vec![ctx
        .finding(&RULE, field.span, &field.path, message)
        .with_fix(fix)]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, with_config, CaseText, Tester};

    fn certificate(keys: &str) -> String {
        with_config(&format!("        ViewerCertificate:\n{keys}"))
    }

    const DEFAULT: &str = "          CloudFrontDefaultCertificate: true\n";

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  viewer_certificate {
    cloudfront_default_certificate = true
    minimum_protocol_version       = ‸"TLSv1.2_2021" # ignored
  }
}
"#;
        let cli = r#"{"DistributionConfig": {"ViewerCertificate": {
  "CloudFrontDefaultCertificate": true,
  "MinimumProtocolVersion": ‸"TLSv1.2_2019"}}}"#;
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                certificate(&format!(
                    "{DEFAULT}          MinimumProtocolVersion: TLSv1\n"
                )),
                certificate(&format!(
                    "{DEFAULT}          MinimumProtocolVersion: !Ref Tls\n"
                )),
                certificate(
                    "          CloudFrontDefaultCertificate: !Ref UseDefault\n          \
                     MinimumProtocolVersion: TLSv1.2_2021\n",
                ),
                certificate(
                    "          CloudFrontDefaultCertificate: false\n          \
                     MinimumProtocolVersion: TLSv1.2_2021\n",
                ),
            ])
            .fix([
                (
                    case(example.mark("TLSv1.2_2021")).message(
                        "MinimumProtocolVersion `TLSv1.2_2021` has no effect with the default \
                         certificate",
                    ),
                    example.with("          MinimumProtocolVersion: TLSv1.2_2021\n", ""),
                ),
                (
                    case(tf).message(
                        "minimum_protocol_version `TLSv1.2_2021` has no effect with the default \
                         certificate",
                    ),
                    tf.unmarked().with(
                        "    minimum_protocol_version       = \"TLSv1.2_2021\" # ignored\n",
                        "",
                    ),
                ),
                (
                    case(cli),
                    cli.unmarked()
                        .with(",\n  \"MinimumProtocolVersion\": \"TLSv1.2_2019\"", ""),
                ),
            ])
            .test();
    }
}
