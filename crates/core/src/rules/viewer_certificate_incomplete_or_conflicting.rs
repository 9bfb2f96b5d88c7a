//! `viewer-certificate-incomplete-or-conflicting`: the viewer certificate names no certificate,
//! several, or a custom one without `SSLSupportMethod`.

use crate::lint::{
    edit::Value, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::{Format, ViewerCertificate};
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
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "        Aliases: [api.example.com]
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0b7e7f4c-1111-2222-3333-444455556666
          MinimumProtocolVersion: TLSv1.2_2021
",
                api_origin!(),
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "        Aliases: [api.example.com]
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0b7e7f4c-1111-2222-3333-444455556666
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
",
                api_origin!(),
                api_behavior!()
            ),
        },
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
    let names = |cli: &'static str, cfn: &'static str, tf: &'static str| ctx.key(cli, cfn, tf);
    let acm = names(
        "ACMCertificateArn",
        "AcmCertificateArn",
        "acm_certificate_arn",
    );
    let iam = names("IAMCertificateId", "IamCertificateId", "iam_certificate_id");
    let default = names(
        "CloudFrontDefaultCertificate",
        "CloudFrontDefaultCertificate",
        "cloudfront_default_certificate",
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
        let key = names("SSLSupportMethod", "SslSupportMethod", "ssl_support_method");
        let message = format!(
            "the viewer certificate uses {} but sets no {key}; set it to `sni-only`",
            sources[0].0
        );
        let fix = Fix::safe(
            format!("set {key} to sni-only"),
            ctx.editor()
                .insert_key(vc.span, key, Value::Str("sni-only"))
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
    use crate::rules::test_support::*;

    const ARN: &str = "arn:aws:acm:us-east-1:1:certificate/x";

    fn with_cert() -> crate::model::Document {
        let mut doc = api_doc();
        let vc = &mut dist(&mut doc).viewer_certificate;
        vc.present = true;
        vc.acm_certificate_arn = known(ARN.into());
        vc.ssl_support_method = known("sni-only".into());
        doc
    }

    #[test]
    fn complete_certificates_pass() {
        assert!(check(&RULE, &api_doc()).is_empty());
        let mut doc = with_cert();
        assert!(check(&RULE, &doc).is_empty());
        let vc = &mut dist(&mut doc).viewer_certificate;
        vc.acm_certificate_arn = Default::default();
        vc.ssl_support_method = Default::default();
        vc.cloudfront_default_certificate = known(true);
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn conflicts_missing_method_and_no_certificate_fail() {
        let mut doc = with_cert();
        dist(&mut doc)
            .viewer_certificate
            .cloudfront_default_certificate = known(true);
        let f = check(&RULE, &doc);
        assert!(f[0]
            .message
            .contains("sets ACMCertificateArn and CloudFrontDefaultCertificate"));
        let mut doc = with_cert();
        dist(&mut doc).viewer_certificate.iam_certificate_id = known("ASCAEXAMPLE".into());
        assert!(check(&RULE, &doc)[0]
            .message
            .contains("ACMCertificateArn and IAMCertificateId"));
        let mut doc = with_cert();
        dist(&mut doc).viewer_certificate.ssl_support_method = Default::default();
        assert!(check(&RULE, &doc)[0]
            .message
            .contains("sets no SSLSupportMethod"));
        let mut doc = with_cert();
        dist(&mut doc).viewer_certificate.acm_certificate_arn = known(String::new());
        assert!(check(&RULE, &doc)[0]
            .message
            .contains("names no certificate"));
    }

    #[test]
    fn unknown_values_are_silent() {
        let mut doc = with_cert();
        let vc = &mut dist(&mut doc).viewer_certificate;
        vc.acm_certificate_arn = unknown();
        vc.ssl_support_method = Default::default();
        assert!(check(&RULE, &doc).is_empty());
        let mut doc = with_cert();
        let vc = &mut dist(&mut doc).viewer_certificate;
        vc.cloudfront_default_certificate = unknown();
        vc.ssl_support_method = unknown();
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end_with_fixes() {
        let yaml = RULE.docs.example.text;
        let f = lint_rule(&RULE, yaml);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].span.line, f[0].span.column),
            position(yaml, "AcmCertificateArn")
        );
        let fixed = apply_all(yaml, &f);
        assert!(
            fixed.contains("ViewerCertificate:\n          SslSupportMethod: sni-only\n          AcmCertificateArn"),
            "{fixed}"
        );
        assert!(lint_rule(&RULE, &fixed).is_empty());
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  viewer_certificate {
    acm_certificate_arn            = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    cloudfront_default_certificate = true
  }
}
"#;
        let f = lint_rule(&RULE, tf);
        assert_eq!((f[0].span.line, f[0].span.column), (4, 38));
        assert!(f[0]
            .message
            .contains("acm_certificate_arn and cloudfront_default_certificate"));
        let json = r#"{"DistributionConfig": {"ViewerCertificate": {
  "IAMCertificateId": "ASCAEXAMPLE",
  "MinimumProtocolVersion": "TLSv1.2_2021"}}}"#;
        let f = lint_rule(&RULE, json);
        assert_eq!((f[0].span.line, f[0].span.column), (1, 46));
        let fixed = apply_all(json, &f);
        assert!(
            fixed.contains("\"SSLSupportMethod\": \"sni-only\",\n  \"IAMCertificateId\""),
            "{fixed}"
        );
    }
}
