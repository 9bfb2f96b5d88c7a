//! `viewer-certificate-incomplete-or-conflicting`: the viewer certificate names no certificate,
//! several, or a custom one without `SSLSupportMethod`.

use crate::lint::Key;
use crate::lint::{
    edit::NewValue, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::ViewerCertificate;
use crate::value::Field;

pub static RULE: Rule = Rule {
    slug: "viewer-certificate-incomplete-or-conflicting",
    summary: "The viewer certificate names no certificate, more than one, or lacks SSLSupportMethod",
    default_severity: Severity::Error,
    category: Category::Tls,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a `ViewerCertificate` that sets more than one of \
            `ACMCertificateArn`, `IAMCertificateId` and `CloudFrontDefaultCertificate: true`, \
            one that sets none of them, and an ACM or IAM certificate without \
            `SSLSupportMethod`. (A missing `MinimumProtocolVersion` is reported by \
            `minimum-protocol-version-not-recommended`.)",
        why_bad: "CloudFront needs exactly one certificate source, and with a custom \
            certificate it also needs to know how to serve it (`sni-only`). Otherwise the \
            distribution is rejected when it is created or updated.",
        example: Snippet::cfn_yaml(changed!(
            cfn_doc!(custom_certificate!(), api_origin!(), api_behavior!()),
            "          SslSupportMethod: sni-only\n" => ""
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(custom_certificate!(), api_origin!(), api_behavior!())),
        exceptions: "None: CloudFront rejects these certificates. Values that come from \
            parameters or expressions are not checked.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html",
            "https://docs.aws.amazon.com/sdk-for-python/v4/reference/clients/cloudfront/dictionaries/ViewerCertificateDict/",
        ],
        fix_safety: None,
    },
    check,
};

/// True when a certificate id or ARN is set to a known, non-empty value.
fn set(field: &Field<String>) -> bool {
    field.get().is_some_and(|v| !v.trim().is_empty())
}

/// True when the field may hold a certificate (set, or unknown).
fn maybe_set(field: &Field<String>) -> bool {
    set(field) || field.is_unknown()
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let vc = &ctx.dist.viewer_certificate;
    if !vc.present {
        return Vec::new();
    }
    let name = |key: Key| key.name(ctx.format());
    let (acm, iam, default) = (
        name(Key::ACM_CERTIFICATE_ARN),
        name(Key::IAM_CERTIFICATE_ID),
        name(Key::CLOUDFRONT_DEFAULT_CERTIFICATE),
    );
    let default_on = vc.cloudfront_default_certificate.get() == Some(&true);
    let sources: Vec<(&str, &crate::span::Span, &str)> = [
        (set(&vc.acm_certificate_arn), acm, &vc.acm_certificate_arn),
        (set(&vc.iam_certificate_id), iam, &vc.iam_certificate_id),
    ]
    .into_iter()
    .filter(|(on, _, _)| *on)
    .map(|(_, name, f)| (name, &f.span, f.path.as_str()))
    .chain(default_on.then_some((
        default,
        &vc.cloudfront_default_certificate.span,
        vc.cloudfront_default_certificate.path.as_str(),
    )))
    .collect();
    if sources.len() > 1 {
        let listed = sources
            .iter()
            .map(|s| s.0)
            .collect::<Vec<_>>()
            .join(" and ");
        let (_, span, path) = sources[1];
        let message =
            format!("the viewer certificate sets {listed}; set exactly one certificate source");
        let mut finding = ctx.finding(&RULE, *span, path, message);
        finding = finding.with_related(*sources[0].1, format!("{} is set here", sources[0].0));
        return vec![finding];
    }
    if sources.is_empty() {
        return none_named(ctx, vc, acm, iam, default);
    }
    let custom = !default_on;
    let field = &vc.ssl_support_method;
    if custom && !field.is_present() {
        let key = name(Key::SSL_SUPPORT_METHOD);
        let message = format!(
            "the viewer certificate uses {} but sets no {key}; set it to `sni-only`",
            sources[0].0
        );
        let fix = Fix::safe(
            format!("set {key} to sni-only"),
            ctx.editor()
                .insert_key(vc.span, Key::SSL_SUPPORT_METHOD, NewValue::Str("sni-only"))
                .into_iter()
                .collect(),
        );
        return vec![ctx.finding(&RULE, vc.span, &vc.path, message).with_fix(fix)];
    }
    Vec::new()
}

/// The finding for a certificate block that names no certificate at all (and nothing unknown).
fn none_named(
    ctx: &LintContext,
    vc: &ViewerCertificate,
    acm: &str,
    iam: &str,
    default: &str,
) -> Vec<Finding> {
    if maybe_set(&vc.acm_certificate_arn)
        || maybe_set(&vc.iam_certificate_id)
        || vc.cloudfront_default_certificate.is_unknown()
    {
        return Vec::new();
    }
    let message = format!(
        "the viewer certificate names no certificate: set {acm} (or {iam}), or {default} to \
         true"
    );
    vec![ctx.finding(&RULE, vc.span, &vc.path, message)]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, with_config, CaseText, Tester, API};

    const ACM: &str =
        "          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc\n";
    const SNI: &str = "          SslSupportMethod: sni-only\n";
    const DEFAULT: &str = "          CloudFrontDefaultCertificate: true\n";
    const IAM: &str = "          IamCertificateId: ASCAEXAMPLE\n";

    /// A viewer certificate block of these lines.
    fn certificate(lines: &str) -> String {
        with_config(&format!(
            "        Aliases: [api.example.com]\n        ViewerCertificate:\n{lines}"
        ))
    }

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  viewer_certificate {
    acm_certificate_arn            = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    cloudfront_default_certificate = ‸true
  }
}
"#;
        let cli = r#"{"DistributionConfig": {"ViewerCertificate": ‸{
  "IAMCertificateId": "ASCAEXAMPLE",
  "MinimumProtocolVersion": "TLSv1.2_2021"}}}"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                certificate(&format!("{ACM}{SNI}")),
                certificate(DEFAULT),
                certificate("          AcmCertificateArn: !Ref Certificate
"),
                certificate(&format!("          IamCertificateId: !Ref Certificate\n{SNI}")),
                certificate(&format!(
                    "          CloudFrontDefaultCertificate: !Ref UseDefault\n          SslSupportMethod: !Ref Method\n{ACM}"
                )),
            ])
            .fail([
                case(certificate(&format!("{ACM}{SNI}          CloudFrontDefaultCertificate: ‸true\n")))
                    .message(
                        "the viewer certificate sets AcmCertificateArn and \
                         CloudFrontDefaultCertificate; set exactly one certificate source",
                    )
                    .related("AcmCertificateArn is set here"),
                case(certificate(&format!("{ACM}          IamCertificateId: ‸ASCAEXAMPLE\n{SNI}")))
                    .message("sets AcmCertificateArn and IamCertificateId")
                    .related("AcmCertificateArn is set here"),
                case(certificate(&format!("          ‸AcmCertificateArn: ''\n{SNI}"))).message(
                    "the viewer certificate names no certificate: set AcmCertificateArn (or \
                     IamCertificateId), or CloudFrontDefaultCertificate to true",
                ),
                case(tf)
                    .message("acm_certificate_arn and cloudfront_default_certificate")
                    .related("acm_certificate_arn is set here"),
            ])
            .fix([
                (
                    case(example.mark("AcmCertificateArn")).message(
                        "the viewer certificate uses AcmCertificateArn but sets no \
                         SslSupportMethod; set it to `sni-only`",
                    ),
                    example.with(
                        "ViewerCertificate:\n",
                        "ViewerCertificate:\n          SslSupportMethod: sni-only\n",
                    ),
                ),
                (
                    case(certificate(&IAM.replace("IamCertificateId", "‸IamCertificateId"))),
                    certificate(&format!("{SNI}{IAM}")),
                ),
                (
                    case(cli).message("uses IAMCertificateId but sets no SSLSupportMethod"),
                    cli.unmarked().with(
                        "{\n  \"IAMCertificateId\"",
                        "{\n  \"SSLSupportMethod\": \"sni-only\",\n  \"IAMCertificateId\"",
                    ),
                ),
            ])
            .test();
    }
}
