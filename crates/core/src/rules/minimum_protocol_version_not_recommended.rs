//! `minimum-protocol-version-not-recommended`: the viewer TLS security policy is too old.

use crate::lint::{
    edit::Value, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::Format;
use crate::value::Val;

pub static RULE: Rule = Rule {
    slug: "minimum-protocol-version-not-recommended",
    summary: "The viewer certificate's minimum protocol version is not a recommended one",
    default_severity: Severity::Warning,
    category: Category::Tls,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "With a custom certificate, finds a `MinimumProtocolVersion` other than \
            `TLSv1.2_2021`, `TLSv1.2_2025` or `TLSv1.3_2025`; `SSLv3`, `TLSv1` and `TLSv1_2016` \
            (and a missing value, which means `TLSv1`) are errors.",
        why_bad: "Older security policies allow TLS 1.0/1.1 and weak ciphers. Security Hub \
            CloudFront.15 accepts exactly the three recommended policies.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "        Aliases: [api.example.com]
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0b7e7f4c-1111-2222-3333-444455556666
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1
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
        exceptions: "Very old clients that cannot negotiate TLS 1.2.",
        references: &[
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html",
        ],
    },
    check,
};

const RECOMMENDED: &[&str] = &["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];
const INSECURE: &[&str] = &["SSLv3", "TLSv1", "TLSv1_2016"];

fn check(ctx: &LintContext) -> Vec<Finding> {
    let vc = &ctx.dist.viewer_certificate;
    let custom = vc.acm_certificate_arn.is_present() || vc.iam_certificate_id.is_present();
    if !vc.present || !custom || vc.cloudfront_default_certificate.get() == Some(&true) {
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
                ctx.key(
                    "MinimumProtocolVersion",
                    "MinimumProtocolVersion",
                    "minimum_protocol_version",
                ),
                Value::Str("TLSv1.2_2021"),
            ),
        ),
    };
    let insecure = INSECURE.contains(&current.as_str()) || !field.is_present();
    let message = format!(
        "the viewer certificate allows MinimumProtocolVersion {current}; use TLSv1.2_2021 or a \
         2025 policy"
    );
    let fix = Fix::safe(
        "set MinimumProtocolVersion to TLSv1.2_2021",
        edit.into_iter().collect(),
    );
    let finding = ctx
        .finding(&RULE, field.span, &field.path, message)
        .with_fix(fix);
    vec![if insecure {
        finding.with_severity(Severity::Error)
    } else {
        finding
    }]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::test_support::*;

    #[test]
    fn versions() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        let vc = &mut dist(&mut doc).viewer_certificate;
        vc.present = true;
        vc.acm_certificate_arn = known("arn:aws:acm:us-east-1:1:certificate/x".into());
        vc.minimum_protocol_version = known("TLSv1.2_2021".into());
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).viewer_certificate.minimum_protocol_version = known("TLSv1.2_2019".into());
        assert_eq!(check(&RULE, &doc)[0].severity, Severity::Warning);
        dist(&mut doc).viewer_certificate.minimum_protocol_version = known("TLSv1".into());
        assert_eq!(check(&RULE, &doc)[0].severity, Severity::Error);
        dist(&mut doc).viewer_certificate.minimum_protocol_version = known("TLSv1.1_2016".into());
        assert_eq!(check(&RULE, &doc)[0].severity, Severity::Warning);
        dist(&mut doc).viewer_certificate.minimum_protocol_version = Default::default();
        assert_eq!(check(&RULE, &doc)[0].severity, Severity::Error);
    }

    #[test]
    fn unknown_version_or_default_certificate_is_silent() {
        let mut doc = api_doc();
        let vc = &mut dist(&mut doc).viewer_certificate;
        vc.present = true;
        vc.acm_certificate_arn = known("arn:aws:acm:us-east-1:1:certificate/x".into());
        vc.minimum_protocol_version = crate::value::Field::unknown(
            crate::value::Unknown::Intrinsic("Ref".into()),
            Default::default(),
            "u",
        );
        assert!(check(&RULE, &doc).is_empty());
        let vc = &mut dist(&mut doc).viewer_certificate;
        vc.acm_certificate_arn = Default::default();
        vc.cloudfront_default_certificate = known(true);
        vc.minimum_protocol_version = known("TLSv1".into());
        assert!(check(&RULE, &doc).is_empty());
    }
}
