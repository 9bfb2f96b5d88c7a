//! `authorization-not-forwarded`: a header or query string the API's authorizers read never
//! reaches the API.

use super::behind::{
    api_name, forwards, needs, needs_of, origin_supplies, route_method, route_name, Need, Reach,
    Target, PASTE,
};
use super::helpers::forwarding_sources;
use super::helpers::use_all_viewer_except_host;
use crate::api::IdentitySource;
use crate::forwarding::{legacy_keeps_authorization, Forwarding};
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::{Behavior, Origin};

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        sibling_api_origin!(),
        "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: !Ref ApiCache
"
    ),
    api_cache!(
        "[Origin, Access-Control-Request-Method, Access-Control-Request-Headers]",
        "all",
        "all"
    ),
    rest_api!(),
    "  Auth:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: Auth
      Type: TOKEN
      IdentitySource: method.request.header.Authorization
      AuthorizerUri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations
  ListOrders:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: CUSTOM
      AuthorizerId: !Ref Auth
      Integration:
        Type: MOCK
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      StageName: prod
"
);

pub static RULE: Rule = Rule {
    slug: "authorization-not-forwarded",
    summary: "An API behavior drops a header or query string the API's authorizers read",
    default_severity: Severity::Error,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For the routes a behavior reaches (see `apigw-route-unreachable`), finds \
            the identity sources their authorizers read — a TOKEN authorizer's header, a \
            REQUEST authorizer's headers and query strings, a Cognito or JWT authorizer's \
            `Authorization`, a WebSocket `$connect` authorizer's `token` query string — and the \
            `x-api-key` header of routes that require an API key, and reports each one the \
            behavior's cache policy and origin request policy do not forward. A header reaches \
            the origin through a cache policy header list, an origin request policy forwarding \
            all viewer headers (AllViewer, AllViewerAndCloudFrontHeaders-2022-06, \
            AllViewerExceptHostHeader) or listing it, or legacy `ForwardedValues.Headers`; a \
            query string when a policy forwards all of them. \n\n\
            **What it needs to know**: the routes' authorization and their authorizers' \
            identity sources. **When it does not know** (the API is not in the input, or its \
            routes are kept elsewhere) and the behavior drops `Authorization`, it reports \
            information: give the API's definition. A Lambda function URL has no authorizer: \
            not reported. \n\n\
            **Severity**: an error when API Gateway then answers by itself (401 for a missing \
            identity source, 403 for a missing API key); a warning for the identity sources of \
            a REST REQUEST authorizer that does not cache its results (API Gateway then calls \
            it without the value, and it decides). \n\n\
            **Legacy forwarding** (`ForwardedValues`) removes `Authorization` only from GET and \
            HEAD requests (and from OPTIONS requests whose responses are cached): CloudFront \
            keeps it on DELETE, PATCH, POST and PUT requests, so routes that take only those \
            methods are not reported. A cache or origin request policy sends only the headers \
            it names, whatever the method.",
        why_bad: "CloudFront removes viewer headers and query strings unless a policy forwards \
            them (legacy forwarding keeps `Authorization` on write requests only). Without its identity source API Gateway answers 401 Unauthorized before the \
            authorizer runs, so every call through CloudFront fails while direct calls work.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "          TargetOriginId: orders-api\n" => "          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n          TargetOriginId: orders-api\n"
        )),
        exceptions: "None when the API is in the input. Public APIs without authorizers are \
            not reported.",
        references: &[
            "https://repost.aws/knowledge-center/cloudfront-authorization-header",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginRequestPolicy.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-401-unauthorized.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization-with-console.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-keys-connect-disconnect.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for (behavior, origin) in ctx.api_behaviors() {
        let fwd = ctx.forwarding(behavior);
        let Some(target) = ctx.behind(behavior).first() else {
            continue;
        };
        let reach = match &target.target {
            Target::Api(reach) => reach,
            Target::FunctionUrl(_) => continue,
            Target::Unknown => {
                if fwd.authorization.is(false) {
                    let why = format!(
                        "whether its routes use an authorizer that reads it (a Lambda TOKEN \
                         authorizer, Cognito, JWT) is not in the input; if they do, every call \
                         through CloudFront gets 401. To check, {PASTE}"
                    );
                    out.push(dropped_authorization(ctx, behavior, origin, &fwd, &why));
                }
                continue;
            }
        };
        let found: Vec<Finding> = needs_behind(behavior, &fwd, reach)
            .iter()
            .filter(|n| {
                !origin_supplies(origin, &n.input) && forwards(&fwd, &n.input) == Some(false)
            })
            .map(|n| finding(ctx, behavior, origin, &fwd, n))
            .collect();
        if found.is_empty() && !reach.complete() && fwd.authorization.is(false) {
            let why = format!(
                "the routes it reaches are not all known ({}); if one uses an authorizer that \
                 reads it, calls to it through CloudFront get 401. To check, {PASTE}",
                reach.unknowns()
            );
            out.push(dropped_authorization(ctx, behavior, origin, &fwd, &why));
        }
        out.extend(found);
    }
    out
}

/// What the routes `behavior` reaches read. With legacy forwarding `Authorization` counts only
/// for routes whose requests lose it: CloudFront keeps it on DELETE, PATCH, POST and PUT
/// requests ([`legacy_keeps_authorization`]); a route that takes every method (or a WebSocket
/// `$connect`, a GET) loses it on GET.
fn needs_behind<'a>(behavior: &Behavior, fwd: &Forwarding, reach: &Reach<'a>) -> Vec<Need<'a>> {
    let kept = |n: &Need| !fwd.legacy || !is_authorization(&n.input);
    let mut out: Vec<Need> = needs(reach).into_iter().filter(kept).collect();
    if fwd.legacy {
        let losing = reach.own_routes().filter(|r| match route_method(r.route) {
            None => true,
            Some(method) => legacy_keeps_authorization(behavior, method) == Some(false),
        });
        out.extend(
            needs_of(losing)
                .into_iter()
                .filter(|n| is_authorization(&n.input)),
        );
    }
    out
}

fn is_authorization(input: &IdentitySource) -> bool {
    matches!(input, IdentitySource::Header(h) if h.eq_ignore_ascii_case("authorization"))
}

/// Where a dropped input is reported: the origin request policy when there is one, else the
/// cache policy (or legacy forwarding).
fn place(behavior: &Behavior, fwd: &Forwarding) -> (crate::span::Span, String) {
    let orp = &behavior.origin_request_policy_id;
    if orp.is_present() {
        (orp.span, orp.path.to_string())
    } else {
        (fwd.cache.cause.span, fwd.cache.cause.path.to_string())
    }
}

/// Information: `Authorization` is dropped and the input does not show who reads it.
fn dropped_authorization(
    ctx: &LintContext,
    behavior: &Behavior,
    origin: &Origin,
    fwd: &Forwarding,
    why: &str,
) -> Finding {
    let (span, path) = place(behavior, fwd);
    let message = format!(
        "{} removes the viewer Authorization header before {} ({}); {why}",
        behavior_name(behavior),
        origin_name(origin),
        forwarding_sources(fwd)
    );
    ctx.finding(&RULE, span, &path, message)
        .with_severity(Severity::Info)
        .with_fix(use_all_viewer_except_host(ctx, behavior, fwd))
}

fn finding(
    ctx: &LintContext,
    behavior: &Behavior,
    origin: &Origin,
    fwd: &Forwarding,
    need: &Need,
) -> Finding {
    let (span, path) = place(behavior, fwd);
    let input = match &need.input {
        IdentitySource::QueryString(q) => format!("the query string `{q}`"),
        IdentitySource::Header(h) => format!("the `{h}` header"),
        other => other.to_string(),
    };
    // Legacy forwarding keeps `Authorization` on DELETE, PATCH, POST and PUT requests.
    let calls = match (
        fwd.legacy && is_authorization(&need.input),
        route_method(need.route),
    ) {
        (false, _) => "every call",
        (true, Some("OPTIONS")) => "OPTIONS calls (their responses are cached)",
        (true, _) => "GET and HEAD calls",
    };
    let answer = if need.reader.contains("API key") {
        format!("API Gateway answers 403 Forbidden to {calls} through CloudFront")
    } else if need.required {
        format!(
            "API Gateway answers 401 Unauthorized to {calls} through CloudFront, without calling \
             the authorizer"
        )
    } else {
        format!("the authorizer runs without it on {calls} through CloudFront")
    };
    let message = format!(
        "{} of {} reads `{}` for {}, but {} removes {input} before {} ({}): {answer}",
        need.reader,
        api_name(need.api),
        need.written,
        route_name(need.route),
        behavior_name(behavior),
        origin_name(origin),
        forwarding_sources(fwd)
    );
    let f = ctx
        .finding(&RULE, span, &path, message)
        .with_related(need.span, format!("{} reads it here", need.reader))
        .with_fix(use_all_viewer_except_host(ctx, behavior, fwd));
    if need.required {
        f
    } else {
        f.with_severity(Severity::Warning)
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::behind::fixtures::{with_rest_api, SIBLING};
    use crate::rules::tester::{beside, case, CaseText, Tester, API};

    const ORP: &str = "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac";
    const SIBLINGS: &str = "the API beside the distribution";

    /// A WebSocket API `Api` whose `$connect` route is authorized by a REQUEST authorizer that
    /// reads the `token` query string.
    const WEBSOCKET: &str = "Api:
  Type: AWS::ApiGatewayV2::Api
  Properties:
    Name: chat
    ProtocolType: WEBSOCKET
    RouteSelectionExpression: $request.body.action
Connect:
  Type: AWS::ApiGatewayV2::Route
  Properties:
    ApiId: !Ref Api
    RouteKey: $connect
    AuthorizationType: CUSTOM
    AuthorizerId: !Ref Auth
Auth:
  Type: AWS::ApiGatewayV2::Authorizer
  Properties:
    ApiId: !Ref Api
    Name: token
    AuthorizerType: REQUEST
    IdentitySource: [route.request.querystring.token]
    AuthorizerUri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations
Prod:
  Type: AWS::ApiGatewayV2::Stage
  Properties:
    ApiId: !Ref Api
    StageName: prod";

    #[test]
    fn cases() {
        // Legacy forwarding removes `Authorization` from GET and HEAD requests (and from
        // OPTIONS requests whose responses are cached) only.
        let legacy = |method: &str| {
            RULE.docs
                .example
                .text
                .with(
                    "          CachePolicyId: !Ref ApiCache\n",
                    "          ForwardedValues:\n            ‸QueryString: true\n            Headers: [Origin]\n",
                )
                .with("HttpMethod: GET", &format!("HttpMethod: {method}"))
        };
        let cached_options = |methods: &str| {
            legacy("OPTIONS").with(
                "          ForwardedValues",
                &format!("          CachedMethods: {methods}\n          ForwardedValues"),
            )
        };
        let example = RULE.docs.example.text;
        let cors_orp = API.with(
            ORP,
            "OriginRequestPolicyId: ‸59781a5b-3903-41f3-afcb-af62929ccde1",
        );
        // A cache policy that keys on query strings and cookies but not Authorization, and no
        // origin request policy: reported at the cache policy.
        let cached = API
            .with(
                "CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                "CachePolicyId: ‸4cc15a8a-d715-48a4-82b8-cc0b614638fe",
            )
            .with(&format!("          {ORP}\n"), "");
        // The origin request policy is inserted as the behavior's first key.
        let cached_fixed = cached.replace('‸', "").with(
            "          TargetOriginId",
            &format!("          {ORP}\n          TargetOriginId"),
        );
        let nothing = |text: &str| text.with(&format!("          {ORP}\n"), "");
        // Routes that require an API key, behind CachingDisabled alone.
        let api_key = with_rest_api(
            &nothing(SIBLING).with(
                "CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                "CachePolicyId: ‸4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
            ),
            &["GET /reports"],
            "AuthorizationType: NONE\nApiKeyRequired: true\nIntegration: {Type: MOCK}",
        );
        let websocket = beside(
            &SIBLING.with(
                ORP,
                "OriginRequestPolicyId: ‸59781a5b-3903-41f3-afcb-af62929ccde1",
            ),
            WEBSOCKET,
        );
        // A REQUEST authorizer that does not cache: API Gateway calls it without the header.
        let uncached = example
            .with(
                "Type: TOKEN",
                "Type: REQUEST\n      AuthorizerResultTtlInSeconds: 0",
            )
            .mark("!Ref ApiCache");
        // The authorizer checks a secret header the origin itself adds (a custom origin
        // header): CloudFront sends it on every origin request, whatever the policies forward.
        let secret = example
            .with(
                "IdentitySource: method.request.header.Authorization",
                "IdentitySource: method.request.header.X-Origin-Verify",
            )
            .with(
                "            OriginPath: /prod\n",
                "            OriginPath: /prod\n            OriginCustomHeaders:\n              - HeaderName: x-origin-verify\n                HeaderValue: s3cr3t\n",
            );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(ORP, "OriginRequestPolicyId: !Ref Orp"),
                // AllViewer forwards Authorization (and is another rule's problem).
                API.with(
                    ORP,
                    "OriginRequestPolicyId: 216adef6-5c7f-47e4-b989-5492eafa07d3",
                ),
            ])
            .pass([
                // Public routes read nothing; the WebSocket token reaches the API.
                case(with_rest_api(&nothing(SIBLING), &["GET /orders"], "")).not_rendered(SIBLINGS),
                case(beside(SIBLING, WEBSOCKET)).not_rendered(SIBLINGS),
                case(RULE.docs.use_instead.text).not_rendered(SIBLINGS),
                case(&secret).not_rendered(SIBLINGS),
            ])
            .pass(
                [
                    legacy("POST"),
                    legacy("DELETE"),
                    legacy("OPTIONS"),
                    cached_options("[GET, HEAD]"),
                    cached_options("!Ref CachedMethods"),
                ]
                .map(|t| case(t.unmarked()).not_rendered(SIBLINGS)),
            )
            .fail(
                [
                    case(legacy("GET")).message(
                        "API Gateway answers 401 Unauthorized to GET and HEAD calls through \
                         CloudFront",
                    ),
                    case(legacy("ANY"))
                        .message("for `ANY /`")
                        .message("to GET and HEAD calls"),
                    case(cached_options("[GET, HEAD, OPTIONS]"))
                        .message("to OPTIONS calls (their responses are cached)"),
                    case(
                        legacy("POST")
                            .with("Type: TOKEN", "Type: REQUEST")
                            .with(
                                "IdentitySource: method.request.header.Authorization",
                                "IdentitySource: method.request.querystring.token",
                            )
                            .with("QueryString: true", "QueryString: false"),
                    )
                    .message("removes the query string `token`")
                    .message("to every call through CloudFront"),
                ]
                .map(|c| {
                    c.not_rendered(SIBLINGS)
                        .related("authorizer `Auth` reads it here")
                }),
            )
            .unsafe_fix([
                (
                    case(&websocket)
                        .not_rendered(SIBLINGS)
                        .message("REQUEST authorizer `token` of WebSocket API `Api` reads `route.request.querystring.token` for `$connect`, but default behavior removes the query string `token` before origin `orders-api`")
                        .related("REQUEST authorizer `token` reads it here"),
                    websocket.unmarked().with("59781a5b-3903-41f3-afcb-af62929ccde1", "b689b0a8-53d0-40ab-baf2-68738e2966ac"),
                ),
                (
                    case(example.mark("!Ref ApiCache"))
                        .not_rendered(SIBLINGS)
                        .message(
                            "TOKEN authorizer `Auth` of REST API `Api` reads \
                             `method.request.header.Authorization` for `GET /`, but default \
                             behavior removes the `Authorization` header before origin \
                             `orders-api` (custom cache policy `ApiCache`): API Gateway answers \
                             401 Unauthorized to every call through CloudFront",
                        )
                        .related("TOKEN authorizer `Auth` reads it here"),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(&uncached)
                        .not_rendered(SIBLINGS)
                        .severity(Severity::Warning)
                        .message("the authorizer runs without it")
                        .related("REQUEST authorizer `Auth` reads it here"),
                    RULE.docs.use_instead.text.with("Type: TOKEN", "Type: REQUEST\n      AuthorizerResultTtlInSeconds: 0"),
                ),
                (
                    case(&api_key)
                        .not_rendered(SIBLINGS)
                        .message("the API key check of REST API `Api` reads `x-api-key` for `GET /reports`")
                        .message("API Gateway answers 403 Forbidden")
                        .related("the API key check reads it here"),
                    api_key.unmarked().with("          TargetOriginId", &format!("          {ORP}\n          TargetOriginId")),
                ),
                // The API is not in the input: information.
                (
                    case(cors_orp)
                        .severity(Severity::Info)
                        .message("removes the viewer Authorization header before origin `orders-api`")
                        .message("whether its routes use an authorizer that reads it"),
                    API.to_string(),
                ),
                (
                    case(cached)
                        .severity(Severity::Info)
                        .message("UseOriginCacheControlHeaders-QueryStrings"),
                    cached_fixed,
                ),
                (
                    case(nothing(API).mark("4135ea2d")).severity(Severity::Info),
                    nothing(API).with(
                        "          TargetOriginId",
                        &format!("          {ORP}\n          TargetOriginId"),
                    ),
                ),
            ])
            .test();
    }
}
