//! `minimum-protocol-version-not-recommended`: the viewer TLS security policy is too old.

use crate::lint::Key;
use crate::lint::{
    edit::NewValue, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::value::Val;

pub static RULE: Rule = Rule {
    slug: "minimum-protocol-version-not-recommended",
    summary: "The viewer certificate's minimum protocol version is not a recommended one",
    default_severity: Severity::Warning,
    category: Category::Tls,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "With a custom certificate served by `sni-only`, finds a \
            `MinimumProtocolVersion` other than `TLSv1.2_2021`, `TLSv1.2_2025` or \
            `TLSv1.3_2025` (a missing value means `TLSv1`). A warning whatever the version: it is \
            a security posture, and no request fails because of it. With `vip`, where CloudFront \
            offers only `TLSv1` and `SSLv3`, `ssl-support-method` and \
            `viewer-tls-policy-unavailable` report instead.",
        why_bad: "Older security policies allow TLS 1.0/1.1 and weak ciphers. Recommended today: \
            `TLSv1.2_2025`, AWS's newest policy that still accepts TLS 1.2 clients (TLS 1.3 plus \
            TLS 1.2 with ECDHE and AES-GCM only: no CBC, plain-RSA or ChaCha20 suites), and \
            `TLSv1.3_2025` where every client speaks TLS 1.3 (it also guarantees post-quantum key \
            exchange, which CloudFront uses on TLS 1.3 connections only). `TLSv1.2_2021` is still \
            accepted (AWS advises \"the latest security policy\"; AWS Config's managed rule flags \
            policies below `TLSv1.2_2018`). None of them conflicts with HTTP/3: every policy \
            offers TLS 1.3. The fix picks `TLSv1.2_2021`, the smallest step for existing clients.",
        example: Snippet::cfn_yaml(changed!(
            cfn_doc!(custom_certificate!(), api_origin!(), api_behavior!()),
            "MinimumProtocolVersion: TLSv1.2_2021" => "MinimumProtocolVersion: TLSv1"
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
            custom_certificate!(),
            api_origin!(),
            api_behavior!()
        )),
        exceptions: "Very old clients that cannot negotiate TLS 1.2.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
            "https://docs.aws.amazon.com/whitepapers/latest/secure-content-delivery-amazon-cloudfront/viewer-https-configuration.html",
            "https://docs.aws.amazon.com/config/latest/developerguide/cloudfront-security-policy-check.html",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html",
        ],
        fix_safety: None,
    },
    check,
};

const RECOMMENDED: &[&str] = &["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];

fn check(ctx: &LintContext) -> Vec<Finding> {
    let vc = &ctx.dist.viewer_certificate;
    let custom = vc.acm_certificate_arn.is_present() || vc.iam_certificate_id.is_present();
    if !vc.present || !custom || vc.cloudfront_default_certificate.get() == Some(&true) {
        return Vec::new();
    }
    // `vip` offers only TLSv1 and SSLv3: no other policy can be chosen there.
    if vc
        .ssl_support_method
        .get()
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("vip"))
    {
        return Vec::new();
    }
    let field = &vc.minimum_protocol_version;
    let editor = ctx.editor();
    let (current, edit) = match &field.val {
        Val::Unknown(_) => return Vec::new(),
        Val::Known(v) if RECOMMENDED.contains(&v.as_str()) => return Vec::new(),
        Val::Known(v) => (
            v.clone(),
            Some(editor.replace_string(field.span, "TLSv1.2_2021")),
        ),
        Val::Absent => (
            "TLSv1 (the default when not set)".to_string(),
            editor.insert_key(
                vc.span,
                Key::MINIMUM_PROTOCOL_VERSION,
                NewValue::Str("TLSv1.2_2021"),
            ),
        ),
    };
    let key = Key::MINIMUM_PROTOCOL_VERSION.name(ctx.format());
    let message =
        format!("the viewer certificate allows {key} {current}; use TLSv1.2_2021 or a 2025 policy");
    let fix = Fix::safe(
        format!("set {key} to TLSv1.2_2021"),
        edit.into_iter().collect(),
    );
    vec![ctx
        .finding(&RULE, field.span, &field.path, message)
        .with_fix(fix)]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, tf, with_config, CaseText, Tester, API};

    /// A custom certificate with this MinimumProtocolVersion line (empty: none).
    fn version(line: &str) -> String {
        with_config(&format!(
            "        Aliases: [api.example.com]\n        ViewerCertificate:\n          \
                 AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc\n          \
                 SslSupportMethod: sni-only\n{line}"
        ))
    }

    fn minimum(v: &str) -> String {
        version(&format!("          MinimumProtocolVersion: {v}\n"))
    }

    /// A Terraform custom certificate with this `minimum_protocol_version`.
    fn tf_minimum(v: &str) -> String {
        tf(
            &format!(
                "  aliases = [\"api.example.com\"]\n  viewer_certificate {{\n    \
                 acm_certificate_arn      = \"arn:aws:acm:us-east-1:123456789012:certificate/abc\"\n    \
                 ssl_support_method       = \"sni-only\"\n    minimum_protocol_version = {v}\n  }}\n"
            ),
            "",
            "",
        )
    }

    #[test]
    fn cases() {
        let default_certificate = with_config(
            "        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n          \
             MinimumProtocolVersion: TLSv1\n",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                minimum("TLSv1.2_2021"),
                minimum("TLSv1.2_2025"),
                minimum("TLSv1.3_2025"),
                minimum("!Ref TlsPolicy"),
                default_certificate,
                // No certificate of its own, or the default one beside a custom one
                // (`viewer-certificate-incomplete-or-conflicting` reports that).
                with_config("        ViewerCertificate:\n          MinimumProtocolVersion: TLSv1\n"),
                with_config(
                    "        ViewerCertificate:\n          AcmCertificateArn: !Ref Certificate\n          \
                     CloudFrontDefaultCertificate: true\n          MinimumProtocolVersion: TLSv1\n",
                ),
            ])
            .fix([
                (
                    // A posture: a warning, as every other version (nothing fails).
                    case(RULE.docs.example.text.mark("TLSv1\n"))
                        .message(
                            "the viewer certificate allows MinimumProtocolVersion TLSv1; use \
                             TLSv1.2_2021 or a 2025 policy",
                        ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (case(minimum("‸TLSv1.2_2019")), minimum("TLSv1.2_2021")),
                (
                    case(tf_minimum("‸\"TLSv1.2_2019\"")).message(
                        "the viewer certificate allows minimum_protocol_version TLSv1.2_2019; use \
                         TLSv1.2_2021 or a 2025 policy",
                    ),
                    tf_minimum("\"TLSv1.2_2021\""),
                ),
                (case(minimum("‸TLSv1.1_2016")), minimum("TLSv1.2_2021")),
                (
                    case(minimum("‸TLSv1_2016")),
                    minimum("TLSv1.2_2021"),
                ),
                (
                    case(minimum("‸SSLv3")),
                    minimum("TLSv1.2_2021"),
                ),
                (
                    case(version("").mark("AcmCertificateArn"))
                        .message("allows MinimumProtocolVersion TLSv1 (the default when not set)"),
                    // Inserted as the block's first key.
                    version("").with(
                        "          AcmCertificateArn",
                        "          MinimumProtocolVersion: TLSv1.2_2021\n          AcmCertificateArn",
                    ),
                ),
            ])
            .test();
    }
}
