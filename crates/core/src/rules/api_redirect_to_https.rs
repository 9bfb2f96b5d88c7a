//! `api-redirect-to-https`: an API behavior redirects HTTP to HTTPS instead of refusing it.

use super::helpers::viewer_protocol_finding;
use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};

pub static RULE: Rule = Rule {
    slug: "api-redirect-to-https",
    summary: "An API behavior answers plain HTTP with a redirect instead of refusing it",
    default_severity: Severity::Info,
    category: Category::Tls,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds behaviors that reach an API Gateway or Lambda URL origin with \
            `ViewerProtocolPolicy: redirect-to-https`.",
        why_bad: "CloudFront answers an HTTP request with a 301 redirect. Many HTTP clients \
            follow a 301 with a GET and drop the body, so a misconfigured caller that POSTs \
            over HTTP silently does something else, and its credentials have already crossed \
            the network in clear text. `https-only` answers 403 and the mistake shows at once.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: redirect-to-https
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "An API also used by browsers typing the URL (rare) may want the redirect; \
            suppress the rule for that distribution.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DefaultCacheBehavior.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.api_behaviors()
        .into_iter()
        .filter_map(|(b, _)| {
            let field = &b.viewer_protocol_policy;
            if field.get()? != "redirect-to-https" {
                return None;
            }
            let message = format!(
                "{} redirects HTTP to HTTPS with a 301 ({} `redirect-to-https`); for an API \
                 prefer `https-only`, which refuses HTTP with 403",
                behavior_name(b),
                Key::VIEWER_PROTOCOL_POLICY.name(ctx.format())
            );
            Some(viewer_protocol_finding(
                ctx,
                &RULE,
                field,
                message,
                "https-only",
            ))
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
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(VIEWER, "ViewerProtocolPolicy: allow-all"),
                API.with(VIEWER, "ViewerProtocolPolicy: !Ref ViewerPolicy"),
                // Not an API origin.
                example.with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "site.s3.amazonaws.com",
                ),
            ])
            .unsafe_fix([
                (
                    case(example.mark("redirect-to-https")).message(
                        "default behavior redirects HTTP to HTTPS with a 301 \
                         (ViewerProtocolPolicy `redirect-to-https`)",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(tf(
                        "",
                        "",
                        "    viewer_protocol_policy = ‸\"redirect-to-https\"\n",
                    ))
                    .message(
                        "default behavior redirects HTTP to HTTPS with a 301 \
                         (viewer_protocol_policy `redirect-to-https`)",
                    ),
                    tf("", "", "    viewer_protocol_policy = \"https-only\"\n"),
                ),
            ])
            .test();
    }
}
