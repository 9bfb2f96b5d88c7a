//! `api-behavior-forwards-nothing`: no query string, header or cookie reaches the API.

use super::behind::{forwards, needs, origin_supplies, Need, Target, PASTE};
use super::helpers::use_all_viewer_except_host;
use super::helpers::{forwarding_sources, forwards_nothing};
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "api-behavior-forwards-nothing",
    summary: "An API behavior forwards no query strings, headers or cookies",
    default_severity: Severity::Info,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors whose cache policy and origin request policy together \
            forward no query strings, no viewer headers and no cookies: CachingDisabled or \
            CachingOptimized without an origin request policy, or legacy `QueryString: false` \
            without headers or cookies. \n\n\
            **What it needs to know**: what the routes the behavior reaches read from the \
            request. When one of their authorizers or API key checks reads a header or query \
            string, calls fail and `authorization-not-forwarded` reports it as an error, naming \
            the identity source; this rule then stays silent. Otherwise (the API reads nothing \
            the input shows, or the API is not in the input) it is information: whether the \
            routes need query parameters, `Content-Type` or cookies depends on their code.",
        why_bad: "CloudFront only sends what the policies name: query parameters, \
            `Authorization`, `Origin`, `Content-Type`-dependent headers and cookies all \
            disappear. CachingDisabled's cache key is empty by design; it is meant to be paired \
            with an origin request policy.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
"
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "An endpoint that really needs nothing from the request but its path \
            (a health check).",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.api_behaviors()
        .into_iter()
        .filter_map(|(behavior, origin)| {
            let fwd = ctx.forwarding(behavior);
            if !forwards_nothing(&fwd) {
                return None;
            }
            let target = ctx.behind(behavior).first()?;
            let known = match &target.target {
                Target::Api(reach) => {
                    let read = needs(reach);
                    // `authorization-not-forwarded` reports what the API reads.
                    let dropped = |n: &&Need| {
                        !origin_supplies(origin, &n.input)
                            && forwards(&fwd, &n.input) == Some(false)
                    };
                    if read.iter().any(|n| dropped(&n)) {
                        return None;
                    }
                    if reach.complete() {
                        "no authorizer or API key check of the routes it reaches reads a \
                         header or query string, so calls pass; the routes' own code gets no \
                         query parameters, `Content-Type` or cookies"
                            .to_string()
                    } else {
                        format!(
                            "whether the routes it reaches read them is not all known ({}). \
                             To check, {PASTE}",
                            reach.unknowns()
                        )
                    }
                }
                Target::FunctionUrl(url) => format!(
                    "function URL `{}` gets no query parameters, `Content-Type` or cookies; \
                     fine only if the function reads nothing but the path",
                    url.name
                ),
                Target::Unknown => format!(
                    "fine only for routes that read nothing but the path; whether an authorizer \
                     reads `Authorization` or a route reads query strings is not in the input. \
                     To check, {PASTE}"
                ),
            };
            let via = match &fwd.origin_request {
                Some(_) => forwarding_sources(&fwd),
                None => format!(
                    "{} and no origin request policy",
                    fwd.cache.cause.description
                ),
            };
            let message = format!(
                "{} sends no query strings, headers or cookies to {} ({via}); {known}",
                behavior_name(behavior),
                origin_name(origin)
            );
            let cause = &fwd.cache.cause;
            Some(
                ctx.finding(&RULE, cause.span, &cause.path, message)
                    .with_fix(use_all_viewer_except_host(ctx, behavior, &fwd)),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::behind::fixtures::{with_rest_api, SIBLING};
    use crate::rules::tester::{beside, case, without_policies, CaseText, Tester, API};

    const SIBLINGS: &str = "the API beside the distribution";

    const ORP: &str = "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac";

    /// Method keys: authorized by the custom authorizer `Auth`.
    const CUSTOM_AUTH: &str =
        "AuthorizationType: CUSTOM\nAuthorizerId: !Ref Auth\nIntegration: {Type: MOCK}";

    /// A TOKEN authorizer `Auth` of `Api` that reads `X-Origin-Verify`.
    const VERIFY_AUTH: &str = "Auth:\n  Type: AWS::ApiGateway::Authorizer\n  Properties:\n    \
        RestApiId: !Ref Api\n    Name: verify\n    Type: TOKEN\n    \
        IdentitySource: method.request.header.X-Origin-Verify";

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let caching_disabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
        let legacy = without_policies(
            "          ForwardedValues:\n            ‸QueryString: false\n          \
             DefaultTTL: 0\n          MaxTTL: 0\n",
        );
        // The API distribution without an origin request policy, whose origin adds the
        // header `X-Origin-Verify`.
        let secret = SIBLING.with(&format!("          {ORP}\n"), "").with(
            "            OriginPath: /prod\n",
            "            OriginPath: /prod\n            OriginCustomHeaders:\n              - HeaderName: X-Origin-Verify\n                HeaderValue: s3cr3t\n",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(ORP, "OriginRequestPolicyId: !Ref Orp"),
                API.with(
                    ORP,
                    "OriginRequestPolicyId: 216adef6-5c7f-47e4-b989-5492eafa07d3",
                ),
            ])
            .pass([
                // A TOKEN authorizer reads Authorization: `authorization-not-forwarded` reports it.
                case(beside(
                    &with_rest_api(
                        &SIBLING.with(&format!("          {ORP}\n"), ""),
                        &["GET /orders"],
                        "AuthorizationType: CUSTOM\nAuthorizerId: !Ref Auth\nIntegration: {Type: MOCK}",
                    ),
                    "Auth:\n  Type: AWS::ApiGateway::Authorizer\n  Properties:\n    RestApiId: !Ref Api\n    \
                     Name: auth\n    Type: TOKEN\n    IdentitySource: method.request.header.Authorization",
                ))
                .not_rendered(SIBLINGS),
            ])
            .fail([
                case(legacy)
                    .message("sends no query strings, headers or cookies")
                    .message("whether an authorizer reads `Authorization` or a route reads query strings is not in the input"),
            ])
            .unsafe_fix([
                (
                    // The authorizer reads a header the origin itself adds (a custom origin
                    // header, sent on every origin request): calls pass.
                    case(beside(&with_rest_api(&secret.mark("4135ea2d"), &["GET /orders"], CUSTOM_AUTH), VERIFY_AUTH))
                        .not_rendered(SIBLINGS)
                        .message("no authorizer or API key check of the routes it reaches reads a header or query string"),
                    beside(
                        &with_rest_api(
                            &secret.with(
                                "          TargetOriginId",
                                &format!("          {ORP}\n          TargetOriginId"),
                            ),
                            &["GET /orders"],
                            CUSTOM_AUTH,
                        ),
                        VERIFY_AUTH,
                    ),
                ),
                (
                    // Public routes: calls pass, but the code gets no query parameters.
                    case(with_rest_api(&SIBLING.with(&format!("          {ORP}\n"), "").mark("4135ea2d"), &["GET /orders"], ""))
                        .not_rendered(SIBLINGS)
                        .message("no authorizer or API key check of the routes it reaches reads a header or query string"),
                    with_rest_api(
                        &SIBLING.with(&format!("          {ORP}\n"), "").with(
                            "          TargetOriginId",
                            &format!("          {ORP}\n          TargetOriginId"),
                        ),
                        &["GET /orders"],
                        "",
                    ),
                ),
                (
                case(example.mark(caching_disabled)).message(
                    "default behavior sends no query strings, headers or cookies to origin \
                         `orders-api` (cache policy CachingDisabled (4135ea2d-…) and no origin \
                         request policy)",
                ),
                // The policy is inserted as the behavior's first key.
                example.with(
                    "          TargetOriginId",
                    &format!("          {ORP}\n          TargetOriginId"),
                ),
            ),
            ])
            .test();
    }
}
