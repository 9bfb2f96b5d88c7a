//! `cors-headers-not-forwarded`: an API behavior allows OPTIONS but drops the CORS request
//! headers.

use super::behind::cors_verdict;
use super::helpers::use_all_viewer_except_host;
use super::helpers::{forwards_nothing, request_cause};
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::managed;
use crate::model::{Behavior, Document, PolicyRef};

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        sibling_api_origin!(),
        "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: !Ref ApiCache
"
    ),
    api_cache!("[Authorization]", "all", "all"),
    "  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: orders
      ProtocolType: HTTP
      CorsConfiguration:
        AllowOrigins: [https://app.example.com]
        AllowMethods: [GET, POST]
        AllowHeaders: [authorization, content-type]
  ListOrders:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Api
      RouteKey: GET /orders
  Prod:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref Api
      StageName: prod
      AutoDeploy: true
"
);

pub static RULE: Rule = Rule {
    slug: "cors-headers-not-forwarded",
    summary: "An API behavior allows OPTIONS but does not forward the CORS request headers",
    default_severity: Severity::Warning,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors whose allowed methods include `OPTIONS` while the \
            cache policy and origin request policy together do not forward `Origin`, \
            `Access-Control-Request-Method` and `Access-Control-Request-Headers`. Behaviors \
            that forward nothing at all are reported by `api-behavior-forwards-nothing`; \
            behaviors with a CORS response headers policy are skipped (CloudFront then adds \
            the CORS headers itself). \n\n\
            **What it needs to know**: whether the API answers CORS: an HTTP API \
            `CorsConfiguration`, SAM `Cors`, `x-amazon-apigateway-cors`, a function URL's \
            `Cors`, or an `OPTIONS` route the behavior reaches. An API known to do none of \
            these is not reported. **When it does not know** (the API is not in the input, or \
            an `ANY` / `$default` route or a function may answer OPTIONS in its code) it \
            reports information.",
        why_bad: "API Gateway's CORS support and most frameworks only answer with \
            `Access-Control-Allow-*` headers when they see the CORS request headers. Without \
            them preflight requests get no CORS headers and browsers block the API calls.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "          TargetOriginId: orders-api\n" => "          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n          TargetOriginId: orders-api\n"
        )),
        exceptions: "APIs that are never called cross-origin from browsers. The unsafe fix \
            switches to AllViewerExceptHostHeader; if OPTIONS responses are cached, put the \
            three headers in the cache key instead.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachedMethods.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html",
        ],
        fix_safety: None,
    },
    check,
};

const CORS_REQUEST_HEADERS: [&str; 3] = [
    "Origin",
    "Access-Control-Request-Method",
    "Access-Control-Request-Headers",
];

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for (behavior, origin) in ctx.api_behaviors() {
        let allows_options = behavior
            .allowed_methods
            .any_item(|m| m.trim().eq_ignore_ascii_case("OPTIONS"));
        if !allows_options || has_cors_response_policy(ctx.doc, behavior) {
            continue;
        }
        let fwd = ctx.forwarding(behavior);
        if !fwd.cors_preflight.is(false) || forwards_nothing(&fwd) {
            continue;
        }
        let Some(headers) = &fwd.headers else {
            continue;
        };
        let missing: Vec<&str> = CORS_REQUEST_HEADERS
            .into_iter()
            .filter(|h| headers.contains(h) == Some(false))
            .collect();
        let Some((severity, why)) = ctx
            .behind(behavior)
            .first()
            .and_then(|b| cors_verdict(&b.target))
        else {
            continue;
        };
        let cause = request_cause(&fwd);
        let message = format!(
            "{} allows OPTIONS but does not forward {} to {} ({}); CORS preflight responses \
             will lack Access-Control-Allow-* headers: {why}",
            behavior_name(behavior),
            missing
                .iter()
                .map(|h| format!("`{h}`"))
                .collect::<Vec<_>>()
                .join(", "),
            origin_name(origin),
            cause.description
        );
        out.push(
            ctx.finding(&RULE, cause.span, &cause.path, message)
                .with_severity(severity)
                .with_fix(use_all_viewer_except_host(ctx, behavior, &fwd)),
        );
    }
    out
}

/// True when the behavior's response headers policy has a CORS configuration (or may have:
/// unknown policies count, so the rule stays silent).
fn has_cors_response_policy(doc: &Document, behavior: &Behavior) -> bool {
    let field = &behavior.response_headers_policy_id;
    match field.get() {
        None => field.is_unknown(),
        Some(PolicyRef::Id(id)) => match managed::response_headers_policy(id) {
            Some(p) => p.cors,
            None => !id.trim().is_empty(),
        },
        Some(PolicyRef::Local(name)) => doc
            .response_headers_policies
            .iter()
            .find(|p| &p.name == name)
            .is_none_or(|p| p.has_cors),
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::behind::fixtures::{with_rest_api, SIBLING};
    use crate::rules::tester::{beside, case, without_policies, CaseText, Tester, API};

    const SIBLINGS: &str = "the API beside the distribution";

    const ORP: &str = "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac";
    const CORS_CUSTOM_ORIGIN: &str = "OriginRequestPolicyId: 59781a5b-3903-41f3-afcb-af62929ccde1";
    const METHODS: &str = "AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]";

    /// The API distribution forwarding Origin only (CORS-CustomOrigin), with these extra
    /// behavior keys.
    fn origin_only(keys: &str) -> String {
        API.with(ORP, &format!("{CORS_CUSTOM_ORIGIN}{keys}"))
    }

    /// [`origin_only`] with a custom response headers policy beside it.
    fn custom_response_policy(config: &str) -> String {
        beside(
            &origin_only("\n          ResponseHeadersPolicyId: !Ref Headers"),
            &format!(
                "Headers:\n  Type: AWS::CloudFront::ResponseHeadersPolicy\n  Properties:\n    \
                 ResponseHeadersPolicyConfig:\n      Name: headers{config}"
            ),
        )
    }

    #[test]
    fn cases() {
        let cors = "\n      CorsConfig:\n        OriginOverride: true";
        let marked = |text: String| text.mark("59781a5b");
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                origin_only("").with(METHODS, "AllowedMethods: [GET, HEAD]"),
                origin_only("").with(METHODS, "AllowedMethods: !Ref Methods"),
                API.with(ORP, "OriginRequestPolicyId: !Ref Orp"),
                // A response headers policy answers preflights: CORS-With-Preflight, a custom
                // one with CORS, one apifront does not know, or an unknown one.
                origin_only(
                    "\n          ResponseHeadersPolicyId: 5cc3b908-e619-4b99-88e5-2cf7f45965bd",
                ),
                origin_only(
                    "\n          ResponseHeadersPolicyId: 11111111-2222-3333-4444-555555555555",
                ),
                origin_only("\n          ResponseHeadersPolicyId: !Ref Headers"),
                custom_response_policy(cors),
            ])
            .pass([
                // A REST API without OPTIONS methods or CORS answers no preflight.
                case(with_rest_api(
                    &SIBLING.with(ORP, CORS_CUSTOM_ORIGIN),
                    &["GET /orders", "POST /orders"],
                    "",
                ))
                .not_rendered(SIBLINGS),
            ])
            .fail([case(without_policies(
                "          ForwardedValues:\n            ‸QueryString: true\n            \
                 Headers: [Authorization, Content-Type]\n            Cookies:\n              \
                 Forward: all\n          DefaultTTL: 0\n          MaxTTL: 0\n",
            ))
            .severity(Severity::Info)
            .message(
                "default behavior allows OPTIONS but does not forward `Origin`, \
                 `Access-Control-Request-Method`, `Access-Control-Request-Headers` to origin \
                 `orders-api` (legacy ForwardedValues)",
            )
            .message("whether the API answers CORS is not known")])
            .unsafe_fix([
                (
                    case(RULE.docs.example.text.mark("!Ref ApiCache"))
                        .not_rendered(SIBLINGS)
                        .message("(custom cache policy `ApiCache`)")
                        .message("HTTP API `Api` has a CORS configuration"),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    // An OPTIONS method of a REST API.
                    case(with_rest_api(
                        &marked(SIBLING.with(ORP, CORS_CUSTOM_ORIGIN)),
                        &["GET /orders", "OPTIONS /orders"],
                        "",
                    ))
                    .not_rendered(SIBLINGS)
                    .message("REST API `Api` answers `OPTIONS /orders`"),
                    with_rest_api(SIBLING, &["GET /orders", "OPTIONS /orders"], ""),
                ),
                (
                    // A proxy route may answer the preflight in its code.
                    case(with_rest_api(
                        &marked(SIBLING.with(ORP, CORS_CUSTOM_ORIGIN)),
                        &["ANY /{proxy+}"],
                        "",
                    ))
                    .not_rendered(SIBLINGS)
                    .severity(Severity::Info)
                    .message("passes OPTIONS to the integration of `ANY /{proxy+}`"),
                    with_rest_api(SIBLING, &["ANY /{proxy+}"], ""),
                ),
                (
                    case(marked(origin_only("")))
                        .severity(Severity::Info)
                        .message(
                            "does not forward `Access-Control-Request-Method`, \
                         `Access-Control-Request-Headers`",
                        ),
                    API.to_string(),
                ),
                (
                    // SecurityHeadersPolicy has no CORS configuration.
                    case(marked(origin_only(
                        "\n          ResponseHeadersPolicyId: 67f7725c-6f97-4210-82d7-5512b31e9d03",
                    )))
                    .severity(Severity::Info),
                    API.with(
                        ORP,
                        &format!(
                            "{ORP}\n          ResponseHeadersPolicyId: \
                             67f7725c-6f97-4210-82d7-5512b31e9d03"
                        ),
                    ),
                ),
                (
                    case(marked(custom_response_policy(""))).severity(Severity::Info),
                    custom_response_policy("").with(CORS_CUSTOM_ORIGIN, ORP),
                ),
                (
                    // UserAgentRefererHeaders forwards none of them.
                    case(API.with(
                        ORP,
                        "OriginRequestPolicyId: ‸acba4595-bd28-49b8-b9fe-13317c0390fa",
                    ))
                    .severity(Severity::Info),
                    API.to_string(),
                ),
            ])
            .test();
    }
}
