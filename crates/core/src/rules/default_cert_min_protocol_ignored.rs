//! `default-cert-min-protocol-ignored`: a minimum protocol version set with the default
//! certificate has no effect.

use crate::lint::Edit;
use crate::lint::{
    Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;
use crate::span::Span;

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
                "        ViewerCertificate:
          CloudFrontDefaultCertificate: true
          MinimumProtocolVersion: TLSv1.2_2021
",
                api_origin!(),
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "        Aliases: [api.example.com]
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0b7e7f4c-1111-2222-3333-444455556666
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
",
                api_origin!(),
                api_behavior!()
            )),
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
    let message = format!(
        "MinimumProtocolVersion `{version}` has no effect with the default certificate: \
         CloudFront uses TLSv1 for *.cloudfront.net; use a custom domain with an ACM \
         certificate to enforce TLS 1.2"
    );
    let edit = match ctx.format() {
        Format::Terraform => remove_hcl_line(ctx.text, field.span),
        _ => ctx.editor().remove_entry(field.span),
    };
    let fix = Fix::safe(
        "remove the ignored MinimumProtocolVersion",
        edit.into_iter().collect(),
    );
    vec![ctx
        .finding(&RULE, field.span, &field.path, message)
        .with_fix(fix)]
}

/// Removes the whole line of a Terraform attribute whose value is at `value`, when the line
/// holds nothing else (an end-of-line comment aside).
pub(super) fn remove_hcl_line(text: &str, value: Span) -> Option<Edit> {
    let start = text.get(..value.start)?.rfind('\n').map_or(0, |i| i + 1);
    let end = text
        .get(value.end..)?
        .find('\n')
        .map_or(text.len(), |i| value.end + i + 1);
    let before = text.get(start..value.start)?.trim();
    let after = text.get(value.end..end)?.trim();
    let key_only = before.strip_suffix('=').is_some_and(|k| {
        k.trim()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
    });
    (key_only && (after.is_empty() || after.starts_with('#') || after.starts_with("//"))).then(
        || Edit {
            start,
            end,
            replacement: String::new(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, cfn, CaseText, Tester, API_BEHAVIOR, API_ORIGIN};

    fn certificate(keys: &str) -> String {
        cfn(
            &format!("        ViewerCertificate:\n{keys}"),
            API_ORIGIN,
            API_BEHAVIOR,
        )
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
                    case(tf),
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
