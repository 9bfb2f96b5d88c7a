//! `viewer-tls-policy-unavailable`: a security policy CloudFront does not offer with the
//! distribution's SSL support method.

use crate::lint::{
    Category, Finding, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity, Snippet,
};

/// The distribution of the docs with this `SslSupportMethod`.
macro_rules! tls_doc {
    ($method:literal) => {
        cfn_doc!(
            concat!(
                "        Aliases: [api.example.com]\n",
                "        HttpVersion: http2and3\n",
                "        ViewerCertificate:\n",
                "          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0b7e7f4c-1111-2222-3333-444455556666\n",
                "          SslSupportMethod: ",
                $method,
                "\n          MinimumProtocolVersion: TLSv1.3_2025\n",
            ),
            api_origin!(),
            api_behavior!()
        )
    };
}

const USE_INSTEAD: &str = tls_doc!("sni-only");

pub static RULE: Rule = Rule {
    slug: "viewer-tls-policy-unavailable",
    summary: "The viewer security policy is not offered with `SSLSupportMethod: vip`",
    default_severity: Severity::Error,
    category: Category::Tls,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "With a custom certificate served by `vip` (dedicated IP addresses, \
            \"Legacy clients support\"), finds a `MinimumProtocolVersion` other than `TLSv1` \
            or `SSLv3`. Every policy is known, including `TLSv1.2_2025` and `TLSv1.3_2025`; \
            none is reported with `sni-only` (`SSLv3` with `sni-only` is reported by \
            `minimum-protocol-version-not-recommended`).",
        why_bad: "CloudFront offers only `TLSv1` and `SSLv3` with `vip`: the other policies \
            \"aren't available in the CloudFront console or API\" for it, so the change is \
            refused, unless AWS Support enabled them for the account (and then they apply to \
            every non-SNI request of every `vip` distribution of the account). HTTP/3 is not \
            a reason to change the policy: every policy, `TLSv1.2_2025` and `TLSv1.3_2025` \
            included, offers TLS 1.3, which is what HTTP/3 needs.",
        example: Snippet::cfn_yaml(concat!(
            tls_doc!("vip"),
            "    Metadata:\n",
            "      apifront:\n",
            "        # Set-top boxes without SNI support still call this API.\n",
            "        ignore: [ssl-support-method]\n",
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "An account for which AWS Support enabled other policies with `vip`: \
            suppress the rule for that distribution. Better, move to `sni-only`, which every \
            current client supports and which costs nothing extra.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesGeneral.html#DownloadDistValues-security-policy",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html",
        ],
        fix_safety: None,
    },
    check,
};

/// The policies CloudFront offers with `vip`.
const WITH_VIP: &[&str] = &["TLSv1", "SSLv3"];

fn check(ctx: &LintContext) -> Vec<Finding> {
    let vc = &ctx.dist.viewer_certificate;
    let custom = vc.acm_certificate_arn.is_present() || vc.iam_certificate_id.is_present();
    if !vc.present || !custom || vc.cloudfront_default_certificate.get() == Some(&true) {
        return Vec::new();
    }
    let vip = vc
        .ssl_support_method
        .get()
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("vip"));
    let field = &vc.minimum_protocol_version;
    match field.get() {
        Some(policy) if vip && !WITH_VIP.contains(&policy.trim()) => vec![ctx.finding(
            &RULE,
            field.span,
            &field.path,
            format!(
                "{} `{policy}` is not offered with {} `vip` (only TLSv1 and SSLv3 are, unless \
                 AWS Support enabled more for the account); use `sni-only` to choose {policy}",
                Key::MINIMUM_PROTOCOL_VERSION.name(ctx.format()),
                Key::SSL_SUPPORT_METHOD.name(ctx.format())
            ),
        )],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, tf, CaseText, Tester};

    fn with(method: &str, policy: &str) -> String {
        RULE.docs
            .use_instead
            .text
            .with(
                "SslSupportMethod: sni-only",
                &format!("SslSupportMethod: {method}"),
            )
            .with(
                "MinimumProtocolVersion: TLSv1.3_2025",
                &format!("MinimumProtocolVersion: {policy}"),
            )
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                with("sni-only", "TLSv1.2_2025"),
                with("sni-only", "TLSv1.2_2021"),
                with("vip", "TLSv1"),
                with("vip", "SSLv3"),
                with("vip", "!Ref TlsPolicy"),
                with("!Ref SslMethod", "TLSv1.3_2025"),
                // No certificate of its own: `viewer-certificate-incomplete-or-conflicting`.
                with("vip", "TLSv1.2_2021").with(
                    "          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0b7e7f4c-1111-2222-3333-444455556666\n",
                    "",
                ),
            ])
            .fail([
                case(RULE.docs.example.text.mark("TLSv1.3_2025")).not_rendered("a suppression").message(
                    "MinimumProtocolVersion `TLSv1.3_2025` is not offered with SslSupportMethod \
                     `vip`",
                ),
                case(tf(
                    "  aliases = [\"api.example.com\"]\n  viewer_certificate {\n    \
                     acm_certificate_arn      = \"arn:aws:acm:us-east-1:123456789012:certificate/abc\"\n    \
                     ssl_support_method       = \"vip\"\n    \
                     minimum_protocol_version = ‸\"TLSv1.2_2021\"\n  }\n",
                    "",
                    "",
                ))
                .message(
                    "minimum_protocol_version `TLSv1.2_2021` is not offered with \
                     ssl_support_method `vip`",
                ),
                case(with("vip", "‸TLSv1.2_2025")),
                case(with("vip", "‸TLSv1.2_2021")),
            ])
            .test();
    }
}
