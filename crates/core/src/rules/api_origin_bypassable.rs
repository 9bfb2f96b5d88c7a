//! `api-origin-bypassable`: the API stays reachable without going through CloudFront.

use super::helpers::looks_secret;
use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::CustomHeader;

pub static RULE: Rule = Rule {
    slug: "api-origin-bypassable",
    summary: "An API Gateway origin can be called directly, around CloudFront",
    default_severity: Severity::Info,
    category: Category::Security,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API Gateway origins without an origin custom header that may be \
            a shared secret: one named like one (`X-Origin-Verify`, `x-api-key`, names with \
            `secret`, `verify`, `token`, `key` or `auth`), or one whose value the template does \
            not spell out (a parameter, variable or secret store reference: `X-From-CDN: !Ref \
            CdnSecret`). Information by default; a warning when the distribution has a WAF web \
            ACL, whose protection the direct route bypasses.",
        why_bad: "The public `execute-api` host stays reachable, so WAF rules, geo restriction \
            and logging on the distribution can be bypassed. The documented fix: CloudFront adds \
            a secret header, and a Regional WAF web ACL or a Lambda authorizer at the API \
            rejects requests without it.",
        example: Snippet::cfn_yaml(api_doc!()),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginCustomHeaders:\n",
                    "              - HeaderName: X-Origin-Verify\n",
                    "                HeaderValue: '{{resolve:secretsmanager:cdn/origin-verify:SecretString:value}}'\n",
                ),
                api_behavior!()
            )),
        exceptions: "Origins protected by origin mutual TLS are not reported: the origin presents \
            a client certificate (`OriginMtlsConfig`) to an API Gateway custom domain of the \
            input that requires mutual TLS, and every API mapped to it disables its default \
            `execute-api` endpoint (`DisableExecuteApiEndpoint: true`), so the domain is the only \
            way in. Also fine: private APIs behind a VPC origin, APIs that disable their default \
            endpoint and are only reachable through a custom domain that CloudFront alone uses, \
            or APIs whose authorization makes direct calls harmless.",
        references: &[
            "https://aws.amazon.com/blogs/networking-and-content-delivery/restricting-access-http-api-gateway-lambda-authorizer/",
            "https://aws.amazon.com/blogs/compute/protecting-your-api-using-amazon-api-gateway-and-aws-waf-part-2/",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/origin-enable-mtls-distributions.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-disable-default-endpoint.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let waf = ctx
        .dist
        .web_acl_id
        .get()
        .is_some_and(|w| !w.trim().is_empty());
    ctx.dist
        .origins
        .iter()
        .filter(|o| o.kind.0.is_api_gateway())
        .filter(|o| !super::origin_mtls::protects(ctx, o))
        .filter(|o| !o.custom_headers.iter().any(may_be_secret))
        .map(|o| {
            let message = format!(
                "{} has no secret origin header, so its API can be called directly and bypass \
                 the distribution{}",
                origin_name(o),
                if waf { "'s WAF web ACL" } else { "" }
            );
            let f = ctx.finding(&RULE, o.domain_name.span, &o.domain_name.path, message);
            if waf {
                f.with_severity(Severity::Warning)
            } else {
                f
            }
        })
        .collect()
}

/// A custom origin header that may carry a shared secret: named like one, or with a name or
/// value the input does not spell out.
fn may_be_secret(h: &CustomHeader) -> bool {
    h.name.get().is_none_or(|name| looks_secret(name)) || h.value.is_unknown()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{case, with_config, with_custom_header, CaseText, Tester, API};

    const DOMAIN: &str = "abc123defg.execute-api.eu-west-1.amazonaws.com";

    #[test]
    fn cases() {
        let waf = "        WebACLId: arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/1\n";
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                with_custom_header("X-Origin-Verify", "x"),
                with_custom_header("x-cdn-secret", "x"),
                with_custom_header("X-Api-Key", "x"),
                with_custom_header("!Ref SecretHeaderName", "x"),
                // A value the template does not spell out.
                with_custom_header("X-From-CDN", "!Ref CdnSecret"),
                // Not an API Gateway origin.
                API.with(DOMAIN, "example.com"),
            ])
            .fail([
                case(API.mark(DOMAIN)).message(
                    "origin `orders-api` has no secret origin header, so its API can be called \
                     directly and bypass the distribution",
                ),
                case(with_custom_header("X-Request-Source", "x").mark(DOMAIN)),
                case(with_config(waf).mark(DOMAIN))
                    .severity(Severity::Warning)
                    .message("bypass the distribution's WAF web ACL"),
            ])
            .test();
    }
}
