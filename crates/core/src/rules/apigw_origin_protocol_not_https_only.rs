//! `apigw-origin-protocol-not-https-only`: CloudFront may talk plain HTTP to an API origin.

use crate::lint::{
    origin_name, Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::value::Val;

pub static RULE: Rule = Rule {
    slug: "apigw-origin-protocol-not-https-only",
    summary: "An API Gateway or Lambda URL origin is not reached over HTTPS only",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API Gateway and Lambda URL origins whose `OriginProtocolPolicy` is \
            `http-only`, or `match-viewer` while a behavior to the origin accepts HTTP viewers.",
        why_bad: "API Gateway and Lambda function URLs only serve HTTPS: origin requests over \
            HTTP fail. Security Hub CloudFront.9 flags unencrypted origin traffic too.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: http-only
              OriginSSLProtocols: [TLSv1.2]
",
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "None for API Gateway and Lambda URL origins.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CustomOriginConfig.html",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
            "https://repost.aws/knowledge-center/api-gateway-domain-cloudfront",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in ctx.dist.origins.iter().filter(|o| o.kind.0.is_api()) {
        let Some(config) = &origin.custom_origin_config else {
            continue;
        };
        let field = &config.origin_protocol_policy;
        let Some(policy) = field.get() else { continue };
        let reason = match policy.as_str() {
            "https-only" => continue,
            "match-viewer" => {
                let behaviors = ctx.behaviors_of(origin);
                let allows_http = behaviors
                    .iter()
                    .any(|b| match &b.viewer_protocol_policy.val {
                        Val::Known(v) => v == "allow-all",
                        Val::Absent => true,
                        Val::Unknown(_) => false,
                    });
                if !allows_http {
                    continue;
                }
                "`match-viewer` with a behavior that accepts HTTP viewers"
            }
            _ => "`http-only`",
        };
        let key = Key::ORIGIN_PROTOCOL_POLICY.name(ctx.format());
        let message = format!(
            "{} is an API origin but its {key} is {reason}; API Gateway and Lambda URLs only \
             accept HTTPS",
            origin_name(origin)
        );
        let fix = Fix::safe(
            format!("set {key} to https-only"),
            vec![ctx.editor().replace_string(field.span, "https-only")],
        );
        out.push(
            ctx.finding(&RULE, field.span, &field.path, message)
                .with_fix(fix),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, tf, CaseText, Tester, API};

    const POLICY: &str = "OriginProtocolPolicy: https-only";
    const VIEWER: &str = "ViewerProtocolPolicy: https-only";

    fn policy(policy: &str) -> String {
        API.with(POLICY, &format!("OriginProtocolPolicy: {policy}"))
    }

    /// A Terraform API origin with this `origin_protocol_policy`.
    fn tf_policy(policy: &str) -> String {
        tf(
            "",
            &format!(
                "    custom_origin_config {{\n      http_port              = 80\n      \
                 https_port             = 443\n      origin_protocol_policy = {policy}\n      \
                 origin_ssl_protocols   = [\"TLSv1.2\"]\n    }}\n"
            ),
            "    viewer_protocol_policy = \"https-only\"\n",
        )
    }

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                policy("!Ref ProtocolPolicy"),
                policy("match-viewer"),
                policy("match-viewer").with(VIEWER, "ViewerProtocolPolicy: redirect-to-https"),
                policy("match-viewer").with(VIEWER, "ViewerProtocolPolicy: !Ref Viewer"),
                // Not an API origin.
                policy("http-only").with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "site.s3-website-eu-west-1.amazonaws.com",
                ),
            ])
            .fix([
                (
                    case(example.mark("http-only")).message(
                        "origin `orders-api` is an API origin but its OriginProtocolPolicy is \
                         `http-only`; API Gateway and Lambda URLs only accept HTTPS",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(policy("‸match-viewer").with(VIEWER, "ViewerProtocolPolicy: allow-all"))
                        .message("`match-viewer` with a behavior that accepts HTTP viewers"),
                    API.with(VIEWER, "ViewerProtocolPolicy: allow-all"),
                ),
                (
                    case(tf_policy("‸\"http-only\"")).message(
                        "origin `api` is an API origin but its origin_protocol_policy is \
                         `http-only`",
                    ),
                    tf_policy("\"https-only\""),
                ),
                (
                    case(policy("‸match-viewer").with(&format!("          {VIEWER}\n"), "")),
                    API.with(&format!("          {VIEWER}\n"), ""),
                ),
            ])
            .test();
    }
}
