//! `ssl-support-method`: a custom certificate is served with dedicated IP addresses.

use crate::lint::{
    Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "ssl-support-method",
    summary: "The custom certificate is served with `vip` or `static-ip` instead of `sni-only`",
    default_severity: Severity::Warning,
    category: Category::Tls,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "With an ACM or IAM certificate, finds `SSLSupportMethod: vip` or \
            `static-ip`, and values that are none of `sni-only`, `vip`, `static-ip` (an \
            error). A missing value is reported by \
            `viewer-certificate-incomplete-or-conflicting`.",
        why_bad: "`vip` gives the distribution dedicated IP addresses at an extra monthly \
            charge, only to serve clients that do not send SNI, which nearly every client \
            does today (Security Hub CloudFront.8). `static-ip` works only for accounts AWS \
            enabled it for.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "        Aliases: [api.example.com]
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0b7e7f4c-1111-2222-3333-444455556666
          SslSupportMethod: vip
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
        exceptions: "Clients that cannot send SNI (some embedded devices) need `vip`; suppress \
            the rule for that distribution. With the default certificate the value is \
            ignored (the API reports `vip` there), so it is not checked.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let vc = &ctx.dist.viewer_certificate;
    let custom = |f: &crate::value::Field<String>| {
        f.is_unknown() || f.get().is_some_and(|v| !v.trim().is_empty())
    };
    if !vc.present
        || !(custom(&vc.acm_certificate_arn) || custom(&vc.iam_certificate_id))
        || vc.cloudfront_default_certificate.get() == Some(&true)
    {
        return Vec::new();
    }
    let field = &vc.ssl_support_method;
    let Some(value) = field.get() else {
        return Vec::new();
    };
    let fix = || {
        Fix::unsafe_(
            "set SSLSupportMethod to sni-only",
            vec![ctx.editor().replace_string(field.span, "sni-only")],
        )
    };
    let finding = match value.as_str() {
        "sni-only" => return Vec::new(),
        "vip" => ctx
            .finding(
                &RULE,
                field.span,
                &field.path,
                "SSLSupportMethod `vip` serves the certificate from dedicated IP addresses at \
                 an extra monthly charge; use `sni-only`",
            )
            .with_fix(fix()),
        "static-ip" => ctx
            .finding(
                &RULE,
                field.span,
                &field.path,
                "SSLSupportMethod `static-ip` works only for accounts AWS enabled it for; use \
                 `sni-only`",
            )
            .with_fix(fix()),
        other => ctx
            .finding(
                &RULE,
                field.span,
                &field.path,
                format!(
                    "SSLSupportMethod `{other}` is not valid; use `sni-only` (or `vip`, \
                     `static-ip`)"
                ),
            )
            .with_severity(Severity::Error)
            .with_fix(
                (other.trim().eq_ignore_ascii_case("sni-only")
                    || other.trim().eq_ignore_ascii_case("sni"))
                .then(|| {
                    Fix::safe(
                        "set SSLSupportMethod to sni-only",
                        vec![ctx.editor().replace_string(field.span, "sni-only")],
                    )
                })
                .flatten(),
            ),
    };
    vec![finding]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::test_support::*;

    fn with(method: crate::value::Field<String>) -> crate::model::Document {
        let mut doc = api_doc();
        let vc = &mut dist(&mut doc).viewer_certificate;
        vc.present = true;
        vc.acm_certificate_arn = known("arn:aws:acm:us-east-1:1:certificate/x".into());
        vc.ssl_support_method = method;
        doc
    }

    #[test]
    fn methods() {
        assert!(check(&RULE, &with(known("sni-only".into()))).is_empty());
        assert!(check(&RULE, &with(Default::default())).is_empty());
        let f = check(&RULE, &with(known("vip".into())));
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(!f[0].fix.as_ref().unwrap().safe);
        assert!(check(&RULE, &with(known("static-ip".into())))[0]
            .message
            .contains("static-ip"));
        let f = check(&RULE, &with(known("SNI-only".into())));
        assert_eq!(f[0].severity, Severity::Error);
        assert!(f[0].fix.as_ref().unwrap().safe);
        let mut doc = with(known("vip".into()));
        let vc = &mut dist(&mut doc).viewer_certificate;
        vc.acm_certificate_arn = Default::default();
        vc.cloudfront_default_certificate = known(true);
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn unknown_method_is_silent() {
        assert!(check(&RULE, &with(unknown())).is_empty());
    }

    #[test]
    fn end_to_end() {
        let yaml = RULE.docs.example.text;
        let f = lint_rule(&RULE, yaml);
        assert_eq!((f[0].span.line, f[0].span.column), position(yaml, "vip"));
        let fixed = apply_all(yaml, &f);
        assert!(fixed.contains("SslSupportMethod: sni-only"));
        assert!(lint_rule(&RULE, &fixed).is_empty());
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  viewer_certificate {
    acm_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    ssl_support_method  = "vip"
  }
}
"#;
        let f = lint_rule(&RULE, tf);
        assert_eq!((f[0].span.line, f[0].span.column), (4, 27));
        let json = r#"{"DistributionConfig": {"ViewerCertificate": {
  "CloudFrontDefaultCertificate": true, "SSLSupportMethod": "vip",
  "MinimumProtocolVersion": "TLSv1", "CertificateSource": "cloudfront"}}}"#;
        assert!(lint_rule(&RULE, json).is_empty());
    }
}
