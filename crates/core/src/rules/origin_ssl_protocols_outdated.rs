//! `origin-ssl-protocols-outdated`: CloudFront may use SSLv3 / TLS 1.0 / 1.1 towards an origin.

use crate::lint::{
    origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};

pub static RULE: Rule = Rule {
    slug: "origin-ssl-protocols-outdated",
    summary: "An origin allows SSLv3, TLSv1 or TLSv1.1",
    default_severity: Severity::Warning,
    category: Category::Tls,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds custom origins whose `OriginSslProtocols` (CloudFormation \
            `OriginSSLProtocols`, Terraform `origin_ssl_protocols`) include `SSLv3`, `TLSv1` or \
            `TLSv1.1`. A warning whatever the protocol, `SSLv3` included: it is a security \
            posture, and no request fails because of it (CloudFront negotiates the newest \
            protocol both sides speak).",
        why_bad: "These protocols are deprecated (Security Hub CloudFront.10, checkov \
            CKV2_AWS_54, cdk-nag CFR5). API Gateway and Lambda URLs speak TLS 1.2, so `[TLSv1.2]` \
            is enough.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1, TLSv1.1, TLSv1.2]
",
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "A legacy origin server that cannot speak TLS 1.2; upgrade it instead.",
        references: &[
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CustomOriginConfig.html",
        ],
        fix_safety: Some(
            "Safe for API Gateway and Lambda function URL origins, which speak TLS 1.2, and for \
             origins that already list TLSv1.2; unsafe for other origins, which may not speak \
             TLS 1.2 at all.",
        ),
    },
    check,
};

const OUTDATED: &[&str] = &["SSLv3", "TLSv1", "TLSv1.1"];

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        let Some(config) = &origin.custom_origin_config else {
            continue;
        };
        let list = &config.origin_ssl_protocols;
        let Some(items) = list.known_items() else {
            continue;
        };
        let outdated: Vec<&str> = items
            .iter()
            .copied()
            .filter(|p| OUTDATED.contains(p))
            .collect();
        if outdated.is_empty() {
            continue;
        }
        let message = format!(
            "{} allows outdated origin protocols {}; use TLSv1.2 only",
            origin_name(origin),
            outdated
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let edits = ctx.editor().set_string_list(list, &["TLSv1.2"]);
        let description = "set the origin SSL protocols to [TLSv1.2]";
        let fix = if origin.kind.0.is_api() || items.contains(&"TLSv1.2") {
            Fix::safe(description, edits)
        } else {
            Fix::unsafe_(description, edits)
        };
        let finding = ctx
            .finding(&RULE, list.span, &list.path, message)
            .with_fix(fix);
        out.push(finding);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const PROTOCOLS: &str = "OriginSSLProtocols: [TLSv1.2]";

    fn protocols(list: &str) -> String {
        API.with(PROTOCOLS, &format!("OriginSSLProtocols: {list}"))
    }

    /// [`protocols`] for an origin that is not an API.
    fn site(list: &str) -> String {
        protocols(list).with(
            "abc123defg.execute-api.eu-west-1.amazonaws.com",
            "legacy.example.com",
        )
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                protocols("!Ref Protocols"),
                protocols("[TLSv1.2, !Ref Other]"),
                API.with(&format!("              {PROTOCOLS}\n"), ""),
            ])
            .fix([
                (
                    case(RULE.docs.example.text.mark("[TLSv1,")).message(
                        "origin `orders-api` allows outdated origin protocols `TLSv1`, `TLSv1.1`; \
                         use TLSv1.2 only",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    // A posture, like the others: a warning.
                    case(protocols("‸[SSLv3]")),
                    protocols("[TLSv1.2]"),
                ),
                // A server that is not an API, and already speaks TLSv1.2.
                (case(site("‸[TLSv1.1, TLSv1.2]")), site("[TLSv1.2]")),
            ])
            .unsafe_fix([(
                // A server that may not speak TLSv1.2 at all.
                case(site("‸[TLSv1, TLSv1.1]")).message("`TLSv1`, `TLSv1.1`"),
                site("[TLSv1.2]"),
            )])
            .test();
    }
}
