//! `ssl-support-method`: a custom certificate is served with dedicated IP addresses.

use crate::lint::{
    Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "ssl-support-method",
    summary: "The custom certificate is served with `vip` or `static-ip` instead of `sni-only`",
    default_severity: Severity::Warning,
    category: Category::Tls,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "With an ACM or IAM certificate, finds `SSLSupportMethod: vip` or \
            `static-ip` (a warning: they work, at a cost), and values that are none of \
            `sni-only`, `vip`, `static-ip` (an error: CloudFront rejects them). A missing value is reported by \
            `viewer-certificate-incomplete-or-conflicting`.",
        why_bad: "`vip` gives the distribution dedicated IP addresses at an extra monthly \
            charge, only to serve clients that do not send SNI, which nearly every client \
            does today (Security Hub CloudFront.8). `static-ip` works only for accounts AWS \
            enabled it for.",
        example: Snippet::cfn_yaml(changed!(
            cfn_doc!(custom_certificate!(), api_origin!(), api_behavior!()),
            "SslSupportMethod: sni-only" => "SslSupportMethod: vip",
            "MinimumProtocolVersion: TLSv1.2_2021" => "MinimumProtocolVersion: TLSv1"
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
            custom_certificate!(),
            api_origin!(),
            api_behavior!()
        )),
        exceptions: "Clients that cannot send SNI (some embedded devices) need `vip`; suppress \
            the rule for that distribution. With the default certificate the value is \
            ignored (the API reports `vip` there), so it is not checked.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
        ],
        fix_safety: Some(
            "Replacing `vip` or `static-ip` with `sni-only` is unsafe: viewers whose clients \
             do not send SNI lose access; a `TLSv1` or `SSLv3` policy (all `vip` offers) is \
             raised to `TLSv1.2_2021` with it. Correcting a misspelt `sni-only` is safe.",
        ),
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
    let key = Key::SSL_SUPPORT_METHOD.name(ctx.format());
    let set_sni_only = format!("set {key} to sni-only");
    // `vip` offers only TLSv1 and SSLv3; with `sni-only` the policy can (and should) be raised.
    let fix = || {
        let mut edits = vec![ctx.editor().replace_string(field.span, "sni-only")];
        let policy = &vc.minimum_protocol_version;
        if policy
            .get()
            .is_some_and(|p| matches!(p.trim(), "TLSv1" | "SSLv3"))
        {
            edits.push(ctx.editor().replace_string(policy.span, "TLSv1.2_2021"));
        }
        Fix::unsafe_(set_sni_only.as_str(), edits)
    };
    let finding = match value.as_str() {
        "sni-only" => return Vec::new(),
        "vip" => ctx
            .finding(
                &RULE,
                field.span,
                &field.path,
                format!(
                    "{key} `vip` serves the certificate from dedicated IP addresses at an extra \
                     monthly charge; use `sni-only`"
                ),
            )
            .with_fix(fix()),
        "static-ip" => ctx
            .finding(
                &RULE,
                field.span,
                &field.path,
                format!(
                    "{key} `static-ip` works only for accounts AWS enabled it for; use \
                     `sni-only`"
                ),
            )
            .with_fix(fix()),
        other => ctx
            .finding(
                &RULE,
                field.span,
                &field.path,
                format!("{key} `{other}` is not valid; use `sni-only` (or `vip`, `static-ip`)"),
            )
            .with_severity(Severity::Error)
            .with_fix(
                (other.trim().eq_ignore_ascii_case("sni-only")
                    || other.trim().eq_ignore_ascii_case("sni"))
                .then(|| {
                    Fix::safe(
                        set_sni_only.as_str(),
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
    use crate::rules::tester::{case, tf, with_config, CaseText, Tester, API};

    /// A certificate from `source` (a key line) with this SslSupportMethod (none: empty).
    fn certificate(source: &str, method: &str) -> String {
        let method = if method.is_empty() {
            String::new()
        } else {
            format!("          SslSupportMethod: {method}\n")
        };
        with_config(&format!("        Aliases: [api.example.com]\n        ViewerCertificate:\n          {source}\n{method}"))
    }

    const ACM: &str = "AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc";

    fn method(m: &str) -> String {
        certificate(ACM, m)
    }

    /// A Terraform custom certificate with this `ssl_support_method`.
    fn tf_method(m: &str) -> String {
        tf(
            &format!(
                "  aliases = [\"api.example.com\"]\n  viewer_certificate {{\n    \
                 acm_certificate_arn = \"arn:aws:acm:us-east-1:123456789012:certificate/abc\"\n    \
                 ssl_support_method  = {m}\n  }}\n"
            ),
            "",
            "",
        )
    }

    #[test]
    fn cases() {
        let cli = r#"{"DistributionConfig": {"ViewerCertificate": {
  "CloudFrontDefaultCertificate": true, "SSLSupportMethod": "vip",
  "MinimumProtocolVersion": "TLSv1", "CertificateSource": "cloudfront"}}}"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                method("sni-only"),
                method(""),
                method("!Ref SslSupportMethod"),
                certificate("CloudFrontDefaultCertificate: true", "vip"),
                // No certificate of its own, or the default one beside a custom one
                // (`viewer-certificate-incomplete-or-conflicting` reports that).
                certificate("CloudFrontDefaultCertificate: false", "sni only"),
                certificate(
                    "AcmCertificateArn: !Ref Certificate\n          CloudFrontDefaultCertificate: true",
                    "sni only",
                ),
                cli.to_string(),
            ])
            .fail([case(method("‸sni only and more"))
                .severity(Severity::Error)
                .message("SslSupportMethod `sni only and more` is not valid; use `sni-only` (or `vip`, `static-ip`)")])
            .fix([
                (
                    case(method("‸SNI-only")).severity(Severity::Error),
                    method("sni-only"),
                ),
                (case(method("‸sni")).severity(Severity::Error), method("sni-only")),
            ])
            .unsafe_fix([
                (
                    case(RULE.docs.example.text.mark("vip")).message(
                        "SslSupportMethod `vip` serves the certificate from dedicated IP \
                         addresses at an extra monthly charge; use `sni-only`",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(method("‸static-ip"))
                        .message("SslSupportMethod `static-ip` works only for accounts AWS enabled it for"),
                    method("sni-only"),
                ),
                (
                    case(tf_method("‸\"vip\"")).message(
                        "ssl_support_method `vip` serves the certificate from dedicated IP \
                         addresses",
                    ),
                    tf_method("\"sni-only\""),
                ),
                (
                    // A certificate from a parameter is still a custom one.
                    case(certificate("AcmCertificateArn: !Ref Certificate", "‸vip")),
                    certificate("AcmCertificateArn: !Ref Certificate", "sni-only"),
                ),
            ])
            .test();
    }
}
