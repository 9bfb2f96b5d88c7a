//! `api-behavior-caching-enabled`: API responses are cached by default.

use super::behind::{
    api_name, forwards, needs_of, origin_supplies, route_name, Reached, Target, PASTE,
};
use super::helpers::use_caching_disabled;
use crate::api::{Authorization, IdentitySource, RouteKey};
use crate::forwarding::{Amount, Forwarding};
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::{Behavior, Origin};
use crate::value::Val;

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        sibling_api_origin!(),
        "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6 # CachingOptimized
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
    ),
    rest_api!(),
    "  ListOrders:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders/invocations
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      StageName: prod
"
);

pub static RULE: Rule = Rule {
    slug: "api-behavior-caching-enabled",
    summary: "An API behavior caches responses of dynamic API routes",
    default_severity: Severity::Warning,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors whose cache policy has a default or minimum TTL above \
            zero (CachingOptimized, the CDK default, caches for a day), or whose legacy TTLs do \
            (the legacy default TTL is one day when not set), in front of GET routes that are \
            dynamic: a Lambda, HTTP or AWS service integration, or an authorizer. A warning \
            when a managed policy or the legacy defaults cache such routes, and when an \
            authorized route's identity (its `Authorization` header, …) is forwarded but not \
            in the cache key. \n\n\
            **What it needs to know**: the integrations and authorization of the GET routes the \
            behavior reaches (see `apigw-route-unreachable`). **When it does not know** (the \
            API is not in the input, its routes are kept elsewhere) it reports information: \
            give the API's definition. A Lambda function URL is dynamic by definition. A \
            WebSocket API is not reported: its `$connect` handshake is answered `101 Switching \
            Protocols` and the connection is then upgraded, which no cache stores. \n\n\
            **Severity**: information, not a warning, for a deliberate choice: a custom cache \
            policy or explicit legacy TTLs, or a cache key that holds `Authorization` and every \
            query string (the documented way to cache an API: each caller and query gets its \
            own entry).",
        why_bad: "API GET responses are cached and replayed to other callers: personalised data \
            leaks between users and results go stale. A `MinTTL` above zero even overrides \
            `Cache-Control: no-store` or `private` from the origin.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "658327ea-f89d-4fab-a63d-7e88639e58f6 # CachingOptimized" => "4135ea2d-6df8-44a3-9df3-4b5a84be39ad # CachingDisabled"
        )),
        exceptions: "Routes that are explicitly cacheable (public, non-personalised GETs) with a \
            cache key that includes the authorization and query values they depend on: write \
            it as a custom cache policy and the rule only informs.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html",
            "https://repost.aws/knowledge-center/cloudfront-authorization-header",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-working-with.websockets.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for (behavior, origin) in ctx.api_behaviors() {
        let fwd = ctx.forwarding(behavior);
        if !fwd.caching.is(true) {
            continue;
        }
        let Some(ttls) = fwd.cache.ttls else { continue };
        let show = |v: Option<i64>| v.map_or_else(|| "?".to_string(), |v| v.to_string());
        let cached = format!(
            "{} to {} caches API responses: {} has TTLs min {} / default {} / max {} seconds",
            behavior_name(behavior),
            origin_name(origin),
            fwd.cache.cause.description,
            show(ttls.min),
            show(ttls.default),
            show(ttls.max)
        );
        let keyed = keyed_per_caller(&fwd);
        let deliberate = deliberate(behavior, &fwd);
        let Some(target) = ctx.behind(behavior).first() else {
            continue;
        };
        let cause = &fwd.cache.cause;
        let info = |why: String| {
            ctx.finding(&RULE, cause.span, &cause.path, format!("{cached}; {why}"))
                .with_severity(Severity::Info)
        };
        let warn = |why: String| {
            ctx.finding(&RULE, cause.span, &cause.path, format!("{cached}; {why}"))
                .with_fix(use_caching_disabled(ctx, &fwd))
        };
        let finding = match &target.target {
            _ if keyed => info(KEYED.to_string()),
            // CachingDisabled is AWS's policy for dynamic API origins: offered, unsafe, when
            // nothing says the caching is deliberate.
            Target::Unknown => info(format!(
                "whether its GET routes are dynamic (a Lambda or HTTP integration, an \
                 authorizer) is not in the input; if they are, their responses are replayed to \
                 other callers. To check, {PASTE}"
            ))
            .with_fix(
                (!deliberate)
                    .then(|| use_caching_disabled(ctx, &fwd))
                    .flatten(),
            ),
            Target::FunctionUrl(url) if deliberate => info(format!(
                "{DELIBERATE}; function URL `{}` answers with whatever its function returns, \
                 so make sure the responses may be shared",
                url.name
            )),
            Target::FunctionUrl(url) => warn(format!(
                "function URL `{}` answers with whatever its function returns, and those \
                 responses are replayed to other callers",
                url.name
            )),
            Target::Api(reach) => {
                let gets: Vec<&Reached> = reach.own_routes().filter(|r| answers_get(r)).collect();
                if let Some(leak) = leak(origin, &fwd, &gets) {
                    out.push(leak.finding(ctx, &cached, cause, &fwd));
                    continue;
                }
                let dynamic = gets.iter().find(|r| is_dynamic(r) == Some(true));
                let unknown = gets.iter().find(|r| is_dynamic(r).is_none());
                match (dynamic, unknown) {
                    (Some(r), _) if deliberate => info(format!(
                        "{DELIBERATE}; {} of {} runs {}, so make sure its responses may be \
                         shared between callers",
                        route_name(r.route),
                        api_name(r.api),
                        integration(r)
                    )),
                    (Some(r), _) => warn(format!(
                        "{} of {} runs {}, and its responses are replayed to other callers",
                        route_name(r.route),
                        api_name(r.api),
                        integration(r)
                    )),
                    (None, Some(r)) => info(format!(
                        "the integration of {} of {} is not in the input; if it is dynamic, \
                         its responses are replayed to other callers. To check, {PASTE}",
                        route_name(r.route),
                        api_name(r.api)
                    )),
                    (None, None) if !reach.complete() => info(format!(
                        "the GET routes it reaches are not all known ({}); if they are \
                         dynamic, their responses are replayed to other callers. To check, \
                         {PASTE}",
                        reach.unknowns()
                    )),
                    (None, None) => continue,
                }
            }
        };
        out.push(finding);
    }
    out
}

const KEYED: &str = "the cache key holds `Authorization` and every query string, so each caller \
    and query gets its own entry (the documented way to cache an API)";

const DELIBERATE: &str = "a deliberate choice (a custom cache policy or explicit TTLs)";

/// True when the cache key holds `Authorization` and every query string.
fn keyed_per_caller(fwd: &Forwarding) -> bool {
    fwd.cache_key().is_some_and(|k| {
        k.headers
            .as_ref()
            .is_some_and(|h| h.contains("authorization") == Some(true))
            && k.query_strings == Some(Amount::All)
    })
}

/// True for caching the user wrote down: a custom cache policy, or legacy TTLs set explicitly.
fn deliberate(behavior: &Behavior, fwd: &Forwarding) -> bool {
    if fwd.legacy {
        behavior.default_ttl.is_present() || behavior.min_ttl.is_present()
    } else {
        fwd.cache.managed_id.is_none()
    }
}

/// True for a route that answers GET requests with a response a cache can store (a WebSocket
/// route's handshake upgrades the connection instead).
fn answers_get(r: &Reached) -> bool {
    match r.route.key.get() {
        Some(RouteKey::Http { method, .. }) => method == "GET" || method == "ANY",
        Some(RouteKey::Default) => true,
        Some(RouteKey::WebSocket { .. }) | None => false,
    }
}

/// Whether a route's response is made per request: `None` when the input does not say.
fn is_dynamic(r: &Reached) -> Option<bool> {
    let authorized = match r.route.authorization.get() {
        Some(a) => *a != Authorization::None,
        None => false,
    };
    if authorized {
        return Some(true);
    }
    match &r.route.integration.val {
        Val::Known(i) => Some(!i.eq_ignore_ascii_case("MOCK")),
        _ => None,
    }
}

/// "a Lambda proxy integration (`AWS_PROXY`)".
fn integration(r: &Reached) -> String {
    match r.route.integration.get().map(String::as_str) {
        Some("AWS_PROXY") => "a Lambda proxy integration (`AWS_PROXY`)".into(),
        Some("HTTP_PROXY") => "an HTTP proxy integration (`HTTP_PROXY`)".into(),
        Some(other) => format!("a `{other}` integration"),
        None => "behind an authorizer".into(),
    }
}

/// An authorized route whose identity reaches the API but is not in the cache key.
struct Leak {
    reader: String,
    written: String,
    route: String,
    span: crate::span::Span,
}

impl Leak {
    fn finding(
        &self,
        ctx: &LintContext,
        cached: &str,
        cause: &crate::forwarding::Cause,
        fwd: &Forwarding,
    ) -> Finding {
        let message = format!(
            "{cached}; {} reads `{}` for {}, which reaches the API but is not in the cache \
             key: one caller's cached response is served to callers with other credentials",
            self.reader, self.written, self.route
        );
        ctx.finding(&RULE, cause.span, &cause.path, message)
            .with_related(self.span, format!("{} reads it here", self.reader))
            .with_fix(use_caching_disabled(ctx, fwd))
    }
}

fn leak(origin: &Origin, fwd: &Forwarding, gets: &[&Reached]) -> Option<Leak> {
    let key = fwd.cache_key()?;
    needs_of(gets.iter().copied())
        .into_iter()
        .find(|n| {
            // Only what is surely not in the key leaks: the rest may be.
            let not_in_key = match &n.input {
                IdentitySource::Header(h) => {
                    key.headers.as_ref().and_then(|s| s.contains(h)) == Some(false)
                }
                IdentitySource::QueryString(_) => key.query_strings == Some(Amount::None),
                _ => false,
            };
            not_in_key
                && !origin_supplies(origin, &n.input)
                && forwards(fwd, &n.input) == Some(true)
        })
        .map(|n| Leak {
            reader: n.reader,
            written: n.written,
            route: route_name(n.route).to_string(),
            span: n.span,
        })
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::behind::fixtures::{with_rest_api, SIBLING};
    use crate::rules::tester::{beside, case, CaseText, Tester, API};

    const CACHE: &str = "          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n";
    const DISABLED: &str = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    const OPTIMIZED: &str = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    const SIBLINGS: &str = "the API beside the distribution";

    /// The API distribution with legacy forwarding and these extra behavior keys.
    fn legacy(keys: &str) -> String {
        API.with(
            CACHE,
            &format!("          ForwardedValues:\n            ‸QueryString: true\n{keys}"),
        )
    }

    /// A custom cache policy `ApiCache` keyed on `headers` and `query` strings, default TTL 60.
    fn cached(text: &str, headers: &str, query: &str) -> String {
        beside(
            &text.with(DISABLED, "‸!Ref ApiCache"),
            &format!(
                "ApiCache:\n  Type: AWS::CloudFront::CachePolicy\n  Properties:\n    CachePolicyConfig:\n      \
                 Name: api\n      MinTTL: 0\n      DefaultTTL: 60\n      MaxTTL: 300\n      \
                 ParametersInCacheKeyAndForwardedToOrigin:\n        EnableAcceptEncodingGzip: true\n        \
                 HeadersConfig:\n          HeaderBehavior: whitelist\n          Headers: {headers}\n        \
                 CookiesConfig:\n          CookieBehavior: none\n        QueryStringsConfig:\n          \
                 QueryStringBehavior: {query}"
            ),
        )
    }

    /// A REQUEST authorizer `Auth` of `Api` that reads the `token` query string.
    const QUERY_AUTHORIZER: &str = "Auth:\n  Type: AWS::ApiGateway::Authorizer\n  Properties:\n    \
        RestApiId: !Ref Api\n    Name: token\n    Type: REQUEST\n    \
        IdentitySource: method.request.querystring.token\n    \
        AuthorizerUri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations";

    /// A WebSocket API `Api` with a `$connect` route to a Lambda function.
    const WEBSOCKET: &str = "Api:\n  Type: AWS::ApiGatewayV2::Api\n  Properties:\n    Name: chat\n    \
        ProtocolType: WEBSOCKET\n    RouteSelectionExpression: $request.body.action\n\
        Connect:\n  Type: AWS::ApiGatewayV2::Route\n  Properties:\n    ApiId: !Ref Api\n    \
        RouteKey: $connect\n    Target: !Sub integrations/${Fn}\n\
        Fn:\n  Type: AWS::ApiGatewayV2::Integration\n  Properties:\n    ApiId: !Ref Api\n    \
        IntegrationType: AWS_PROXY\n    \
        IntegrationUri: arn:aws:lambda:eu-west-1:123456789012:function:chat\n\
        Prod:\n  Type: AWS::ApiGatewayV2::Stage\n  Properties:\n    ApiId: !Ref Api\n    StageName: prod";

    /// [`SIBLING`] caching with CachingOptimized in front of these REST methods.
    fn optimized(methods: &[&str], keys: &str) -> String {
        with_rest_api(
            &SIBLING.with(DISABLED, &format!("‸{OPTIMIZED}")),
            methods,
            keys,
        )
    }

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let authorizer = "AuthorizationType: COGNITO_USER_POOLS\nAuthorizerId: !Ref Users\nIntegration: {Type: MOCK}";
        let users = "Users:\n  Type: AWS::ApiGateway::Authorizer\n  Properties:\n    RestApiId: !Ref Api\n    \
                     Name: users\n    Type: COGNITO_USER_POOLS\n    IdentitySource: method.request.header.Authorization\n    \
                     ProviderARNs: [arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc]";
        let function_url = beside(
            &cfn(
                "",
                "            DomainName: !Select [2, !Split ['/', !GetAtt Url.FunctionUrl]]\n            \
                 CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n",
                &API_BEHAVIOR_OPTIMIZED.with(OPTIMIZED, &format!("‸{OPTIMIZED}")),
            ),
            "Url:\n  Type: AWS::Lambda::Url\n  Properties:\n    TargetFunctionArn: arn:aws:lambda:eu-west-1:123456789012:function:f\n    AuthType: NONE",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(CACHE, "          CachePolicyId: !Ref CachePolicy\n"),
                legacy("          DefaultTTL: 0\n          MaxTTL: 0\n").unmarked(),
                legacy("          DefaultTTL: !Ref Ttl\n").unmarked(),
            ])
            .pass([
                // A WebSocket API: the handshake upgrades the connection, nothing is cached.
                case(beside(&SIBLING.with(DISABLED, OPTIMIZED), WEBSOCKET)).not_rendered(SIBLINGS),
                // Cached GET routes that are mocks, and write routes only: nothing dynamic.
                case(optimized(&["GET /orders"], "AuthorizationType: NONE\nIntegration: {Type: MOCK}").unmarked())
                    .not_rendered(SIBLINGS),
                case(optimized(&["POST /orders"], "").unmarked()).not_rendered(SIBLINGS),
            ])
            .fail([
                case(legacy(""))
                    .severity(Severity::Info)
                    .message("legacy ForwardedValues has TTLs min 0 / default 86400")
                    .message("whether its GET routes are dynamic"),
                // The documented way: Authorization and every query string in the key.
                case(cached(API, "[Authorization]", "all"))
                    .severity(Severity::Info)
                    .message("the cache key holds `Authorization` and every query string"),
                // A custom policy in front of a Lambda route: deliberate.
                case(with_rest_api(&cached(SIBLING, "[Accept-Language]", "all"), &["GET /orders"], ""))
                    .not_rendered(SIBLINGS)
                    .severity(Severity::Info)
                    .message("a deliberate choice")
                    .message("`GET /orders` of REST API `Api` runs a Lambda proxy integration"),
                // An authorized route whose token reaches the API but not the cache key.
                case(beside(
                    &with_rest_api(&cached(SIBLING, "[Accept-Language]", "all"), &["GET /orders"], authorizer),
                    users,
                ))
                .not_rendered(SIBLINGS)
                .message("Cognito user pool authorizer `users` reads `method.request.header.Authorization` for `GET /orders`, which reaches the API but is not in the cache key")
                .related("Cognito user pool authorizer `users` reads it here"),
                // A custom policy in front of an API the input does not show: deliberate, so
                // no fix.
                case(cached(API, "[Accept-Language]", "all"))
                    .severity(Severity::Info)
                    .message("whether its GET routes are dynamic"),
                // Legacy forwarding with an explicit default TTL only: deliberate.
                case(with_rest_api(
                    &SIBLING.with(CACHE, "          ForwardedValues:\n            ‸QueryString: true\n          DefaultTTL: 60\n"),
                    &["GET /orders"],
                    "",
                ))
                .not_rendered(SIBLINGS)
                .severity(Severity::Info)
                .message("a deliberate choice"),
                // A function URL behind a custom policy: deliberate.
                case(cached(&function_url.unmarked().with(OPTIMIZED, DISABLED), "[Accept-Language]", "all"))
                    .not_rendered("a function URL beside the distribution")
                    .severity(Severity::Info)
                    .message("a deliberate choice (a custom cache policy or explicit TTLs); function URL `Url`"),
                // A method whose HTTP method the input does not give: the GET routes reached are
                // not all known.
                case(with_rest_api(&cached(SIBLING, "[Accept-Language]", "all"), &["GET /orders"], "").with("HttpMethod: GET", "HttpMethod: !Ref Verb"))
                    .not_rendered(SIBLINGS)
                    .severity(Severity::Info)
                    .message("the GET routes it reaches are not all known"),
                // A token in the query string that is not in the cache key.
                case(beside(
                    &with_rest_api(&cached(SIBLING, "[Accept-Language]", "none"), &["GET /orders"], "AuthorizationType: CUSTOM\nAuthorizerId: !Ref Auth\nIntegration: {Type: MOCK}"),
                    QUERY_AUTHORIZER,
                ))
                .not_rendered(SIBLINGS)
                .message("REQUEST authorizer `token` reads `method.request.querystring.token` for `GET /orders`, which reaches the API but is not in the cache key")
                .related("REQUEST authorizer `token` reads it here"),
                // The same with every query string in the key: deliberate.
                case(beside(
                    &with_rest_api(&cached(SIBLING, "[Accept-Language]", "all"), &["GET /orders"], "AuthorizationType: CUSTOM\nAuthorizerId: !Ref Auth\nIntegration: {Type: MOCK}"),
                    QUERY_AUTHORIZER,
                ))
                .not_rendered(SIBLINGS)
                .severity(Severity::Info)
                .message("a deliberate choice"),
                // An integration the input does not show.
                case(optimized(&["GET /orders"], "AuthorizationType: NONE"))
                    .not_rendered(SIBLINGS)
                    .severity(Severity::Info)
                    .message("the integration of `GET /orders` of REST API `Api` is not in the input"),
            ])
            .unsafe_fix([
                // A managed policy in front of an API the input does not show.
                (
                    case(API.with(DISABLED, &format!("‸{OPTIMIZED}")))
                        .severity(Severity::Info)
                        .message("whether its GET routes are dynamic"),
                    API.to_string(),
                ),
                (
                    case(example.mark(OPTIMIZED))
                        .not_rendered(SIBLINGS)
                        .message(
                            "default behavior to origin `orders-api` caches API responses: cache \
                             policy CachingOptimized (658327ea-…) has TTLs min 1 / default 86400 / \
                             max 31536000 seconds; `GET /` of REST API `Api` runs a Lambda proxy \
                             integration (`AWS_PROXY`), and its responses are replayed to other \
                             callers",
                        ),
                    example.with(OPTIMIZED, DISABLED),
                ),
                (
                    case(optimized(&["ANY /{proxy+}"], "")).not_rendered(SIBLINGS),
                    optimized(&["ANY /{proxy+}"], "").unmarked().with(OPTIMIZED, DISABLED),
                ),
                (
                    case(&function_url)
                        .not_rendered("a function URL beside the distribution")
                        .message("function URL `Url` answers with whatever its function returns"),
                    function_url.unmarked().with(OPTIMIZED, DISABLED),
                ),
            ])
            .test();
    }

    const API_BEHAVIOR_OPTIMIZED: &str = "          ViewerProtocolPolicy: https-only\n          \
        AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n          \
        CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n          \
        OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n";

    use crate::rules::tester::cfn;
}
