//! `viewer-protocol-allow-all`: viewers may use plain HTTP.

use super::helpers::viewer_protocol_finding;
use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};

pub static RULE: Rule = Rule {
    slug: "viewer-protocol-allow-all",
    summary: "A behavior accepts plain HTTP from viewers",
    default_severity: Severity::Warning,
    category: Category::Tls,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds behaviors with `ViewerProtocolPolicy: allow-all`. A warning, API \
            or not: it is a security posture, and no request fails because of it.",
        why_bad: "Requests and responses, including tokens and personal data, travel unencrypted \
            (Security Hub CloudFront.3, checkov CKV_AWS_34, trivy AVD-AWS-0012).",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: allow-all
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "Static public content for clients that cannot do TLS.",
        references: &[
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DefaultCacheBehavior.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .all_behaviors()
        .filter_map(|b| {
            let field = &b.viewer_protocol_policy;
            if field.get()? != "allow-all" {
                return None;
            }
            let api = ctx.is_api_behavior(b);
            let target = if api {
                "https-only"
            } else {
                "redirect-to-https"
            };
            let message = format!(
                "{} accepts plain HTTP from viewers ({} `allow-all`); use `{target}`",
                behavior_name(b),
                Key::VIEWER_PROTOCOL_POLICY.name(ctx.format())
            );
            Some(viewer_protocol_finding(ctx, &RULE, field, message, target))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, tf, CaseText, Tester, API};

    const VIEWER: &str = "ViewerProtocolPolicy: https-only";

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let site = |text: String| {
            text.with(
                "abc123defg.execute-api.eu-west-1.amazonaws.com",
                "site.s3.amazonaws.com",
            )
        };
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(VIEWER, "ViewerProtocolPolicy: redirect-to-https"),
                API.with(VIEWER, "ViewerProtocolPolicy: !Ref ViewerPolicy"),
            ])
            .unsafe_fix([
                (
                    case(example.mark("allow-all")).message(
                        "default behavior accepts plain HTTP from viewers (ViewerProtocolPolicy \
                         `allow-all`); use `https-only`",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(site(API.with(VIEWER, "ViewerProtocolPolicy: ‸allow-all")))
                        .message("use `redirect-to-https`"),
                    site(API.with(VIEWER, "ViewerProtocolPolicy: redirect-to-https")),
                ),
                (
                    case(tf("", "", "    viewer_protocol_policy = ‸\"allow-all\"\n")).message(
                        "default behavior accepts plain HTTP from viewers \
                         (viewer_protocol_policy `allow-all`); use `https-only`",
                    ),
                    tf("", "", "    viewer_protocol_policy = \"https-only\"\n"),
                ),
            ])
            .test();
    }
}
