//! What API Gateway does with one request, built from small models: the stage, route and
//! authorizer it picks, or the status and body it answers by itself. Each expectation follows
//! the AWS page of [`source`] that the code under test names.

use super::*;
use crate::api::{HeaderMatch, RoutingCondition};
use crate::value::{FieldPath, Unknown};

const FORBIDDEN_403: &str = r#"403 {"message":"Forbidden"}"#;
const MAT_403: &str = r#"403 {"message":"Missing Authentication Token"}"#;
const NOT_FOUND_404: &str = r#"404 {"message":"Not Found"}"#;

fn known<T>(val: T) -> Field<T> {
    Field::known(val, Span::default(), "")
}

fn unknown<T>() -> Field<T> {
    Field::unknown(
        Unknown::Expression("var.unknown".into()),
        Span::default(),
        "",
    )
}

fn stage(name: &str) -> Stage {
    Stage {
        name: name.into(),
        stage_name: known(name.to_string()),
        ..Stage::default()
    }
}

/// A REST method or HTTP API route from its key (`GET /items/{id}`, `$default`).
fn route(key: &str) -> Route {
    let key = RouteKey::parse_http(key).expect("a route key");
    Route {
        name: key.to_string(),
        key: known(key),
        ..Route::default()
    }
}

fn ws_route(key: &str) -> Route {
    Route {
        name: key.into(),
        key: known(RouteKey::WebSocket { key: key.into() }),
        ..Route::default()
    }
}

fn api(kind: ApiKind, stages: &[&str], routes: &[&str]) -> Api {
    Api {
        name: "Api".into(),
        kind,
        stages: stages.iter().map(|s| stage(s)).collect(),
        routes: routes.iter().map(|r| route(r)).collect(),
        ..Api::default()
    }
}

/// One line for a resolution: `<rule or mapping> [stage route-path] outcome`.
fn summary(r: &Resolution) -> String {
    let by = match (r.rule, r.mapping) {
        (Some(rule), _) => format!("<{}> ", rule.name),
        (None, Some(m)) => format!("<{}> ", m.name),
        (None, None) => String::new(),
    };
    let stage = r.stage.as_ref().map_or(String::new(), |s| {
        format!("[{} {}] ", s.name, r.route_path.as_deref().unwrap_or("?"))
    });
    let outcome = match &r.outcome {
        Outcome::Route(m) => m.route.key.get().map_or("?".into(), ToString::to_string),
        Outcome::WebSocketConnect { connect: Some(_) } => "$connect".into(),
        Outcome::WebSocketConnect { connect: None } => "connected".into(),
        Outcome::Preflight { .. } => "preflight".into(),
        Outcome::Function { url } => format!("function {}", url.name),
        Outcome::Rejected(r) => format!("{} {}", r.status, r.body),
        Outcome::Depends { unknown } => format!(
            "depends: {}",
            unknown.first().map_or("", |u| u.reason.as_str())
        ),
    };
    format!("{by}{stage}{outcome}")
}

/// Checks rows of (method, path, expected summary, or a prefix of it ending in `…`).
fn check(entry: &Entry, rows: &[(&str, &str, &str)]) {
    check_with(entry, None, rows);
}

fn check_with(entry: &Entry, headers: Option<&[(String, String)]>, rows: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for (method, path, expected) in rows {
        let got = summary(&match headers {
            Some(h) => resolve_with_headers(entry, method, path, h),
            None => resolve(entry, method, path),
        });
        let ok = match expected.strip_suffix('…') {
            Some(prefix) => got.starts_with(prefix),
            None => got == *expected,
        };
        if !ok {
            failures.push(format!(
                "{method} {path}\n   expected {expected}\n   got      {got}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The response API Gateway sends by itself.
fn rejection(entry: &Entry, method: &str, path: &str) -> Rejection {
    match resolve(entry, method, path).outcome {
        Outcome::Rejected(r) => r,
        other => panic!("{method} {path}: not rejected: {other:?}"),
    }
}

#[test]
fn rest_stage_is_the_first_segment_then_the_resource_tree() {
    let api = api(
        ApiKind::Rest,
        &["prod"],
        &[
            "GET /",
            "GET /orders",
            "GET /orders/{id}",
            "GET /orders/new",
        ],
    );
    let entry = Entry::DefaultEndpoint(&api);
    check(
        &entry,
        &[
            // The stage comes off the path; the rest is routed on the resources.
            ("GET", "/prod/orders", "[prod /orders] GET /orders"),
            ("GET", "/prod", "[prod /] GET /"),
            // The method is read in any case and without surrounding spaces.
            (" get ", "/prod/orders", "[prod /orders] GET /orders"),
            // A literal child resource before a `{param}` one.
            (
                "GET",
                "/prod/orders/new",
                "[prod /orders/new] GET /orders/new",
            ),
            ("GET", "/prod/orders/7", "[prod /orders/7] GET /orders/{id}"),
            // No resource under `/orders/{id}`: 403 Missing Authentication Token.
            (
                "GET",
                "/prod/orders/7/items",
                &format!("[prod /orders/7/items] {MAT_403}"),
            ),
            // The resource exists without the method: 403 Missing Authentication Token.
            (
                "DELETE",
                "/prod/orders",
                &format!("[prod /orders] {MAT_403}"),
            ),
            // HEAD on a GET-only resource is not documented.
            (
                "HEAD",
                "/prod/orders",
                "[prod /orders] depends: `/orders` defines GET but not HEAD…",
            ),
            // An empty segment is not documented either.
            (
                "GET",
                "/prod/orders/",
                "[prod /orders/] depends: `/orders/` has an empty path segment…",
            ),
            // No stage named `orders`, none at all, or an empty path: 403 Forbidden.
            ("GET", "/orders", FORBIDDEN_403),
            ("GET", "/", FORBIDDEN_403),
            ("GET", "", FORBIDDEN_403),
        ],
    );
    // Each answer names why and the AWS page it follows.
    let no_method = rejection(&entry, "DELETE", "/prod/orders");
    assert_eq!(
        (no_method.reason, no_method.source),
        (RejectReason::MethodNotAllowed, source::REST_METHOD_MISSING)
    );
    let no_route = rejection(&entry, "GET", "/prod/orders/7/items");
    assert_eq!(
        (no_route.reason, no_route.source),
        (RejectReason::NoRoute, source::REST_PROXY_RESOURCE)
    );
    let no_stage = rejection(&entry, "GET", "/orders");
    assert_eq!(
        (no_stage.reason, no_stage.source),
        (RejectReason::NoStage, source::REST_403)
    );
}

#[test]
fn rest_proxy_resource_takes_what_no_sibling_takes() {
    let api = api(
        ApiKind::Rest,
        &["live"],
        &["ANY /{proxy+}", "GET /accounts/{id}"],
    );
    let entry = Entry::DefaultEndpoint(&api);
    check(
        &entry,
        &[
            // The greedy resource takes every path below it, with any method.
            (
                "GET",
                "/live/anything/else",
                "[live /anything/else] ANY /{proxy+}",
            ),
            ("PATCH", "/live/x", "[live /x] ANY /{proxy+}"),
            // `/accounts` exists (as the parent of a method's resource): the proxy excludes it.
            (
                "GET",
                "/live/accounts",
                &format!("[live /accounts] {MAT_403}"),
            ),
            (
                "GET",
                "/live/accounts/7/statements",
                &format!("[live /accounts/7/statements] {MAT_403}"),
            ),
            (
                "GET",
                "/live/accounts/7",
                "[live /accounts/7] GET /accounts/{id}",
            ),
            // `{proxy+}` needs at least one segment: the root has no method.
            ("GET", "/live", &format!("[live /] {MAT_403}")),
        ],
    );
}

#[test]
fn rest_resources_listed_without_methods_exist() {
    let mut api = api(ApiKind::Rest, &["live"], &["ANY /{proxy+}"]);
    api.resources = vec![known("/".to_string()), known("/docs".to_string())];
    let entry = Entry::DefaultEndpoint(&api);
    check(
        &entry,
        &[
            // A listed resource without methods is a sibling the proxy does not take.
            ("GET", "/live/docs", &format!("[live /docs] {MAT_403}")),
            ("GET", "/live/docs/a", &format!("[live /docs/a] {MAT_403}")),
            ("GET", "/live/doc", "[live /doc] ANY /{proxy+}"),
        ],
    );
    // A resource whose path is not known could be the one a request reaches.
    api.resources.push(unknown());
    let entry = Entry::DefaultEndpoint(&api);
    check(
        &entry,
        &[(
            "GET",
            "/live/doc",
            "[live /doc] depends: the path of this resource is not known",
        )],
    );
}

#[test]
fn rest_mixed_resource_part_is_not_routed_on() {
    let api = api(ApiKind::Rest, &["prod"], &["GET /files/{name}.json"]);
    check(
        &Entry::DefaultEndpoint(&api),
        &[(
            "GET",
            "/prod/files/a.json",
            "[prod /files/a.json] depends: resource part `{name}.json` mixes text and a path parameter…",
        )],
    );
}

#[test]
fn routes_or_stages_not_in_the_input_leave_the_answer_open() {
    // A method whose path or verb is not known could take any request.
    let mut rest = api(ApiKind::Rest, &["prod"], &["GET /orders"]);
    rest.routes.push(Route {
        name: "Method".into(),
        key: unknown(),
        ..Route::default()
    });
    check(
        &Entry::DefaultEndpoint(&rest),
        &[(
            "GET",
            "/prod/orders",
            "[prod /orders] depends: the path or method of `Method` is not known",
        )],
    );
    // Routes kept elsewhere (a gap) likewise, for HTTP APIs too.
    let mut http = api(ApiKind::Http, &["$default"], &["GET /orders"]);
    http.gap(
        Part::Routes,
        "the routes are in an S3 object",
        Span::default(),
        "",
    );
    check(
        &Entry::DefaultEndpoint(&http),
        &[(
            "GET",
            "/orders",
            "[$default /orders] depends: the routes are in an S3 object",
        )],
    );
    // Stages kept elsewhere: `orders` may be a stage.
    let mut rest = api(ApiKind::Rest, &["prod"], &["GET /orders"]);
    rest.gap(
        Part::Stages,
        "the stages are not exported",
        Span::default(),
        "",
    );
    check(
        &Entry::DefaultEndpoint(&rest),
        &[
            ("GET", "/prod/orders", "[prod /orders] GET /orders"),
            ("GET", "/orders", "depends: the stages are not exported"),
        ],
    );
    // A stage whose name is not known.
    let mut rest = api(ApiKind::Rest, &["prod"], &["GET /orders"]);
    rest.stages.push(Stage {
        name: "Beta".into(),
        stage_name: unknown(),
        ..Stage::default()
    });
    check(
        &Entry::DefaultEndpoint(&rest),
        &[(
            "GET",
            "/beta/orders",
            "depends: the name of stage `Beta` is not known",
        )],
    );
    // An API whose protocol is not known.
    let unknown_kind = api(ApiKind::Unknown, &["prod"], &["GET /orders"]);
    check(
        &Entry::DefaultEndpoint(&unknown_kind),
        &[(
            "GET",
            "/prod/orders",
            "depends: the API's protocol (REST, HTTP or WebSocket) is not known",
        )],
    );
}

#[test]
fn default_endpoint_turned_off() {
    let mut rest = api(ApiKind::Rest, &["prod"], &["GET /orders"]);
    rest.disable_execute_api_endpoint = known(true);
    let mut http = api(ApiKind::Http, &["$default"], &["GET /orders"]);
    http.disable_execute_api_endpoint = known(true);
    // REST answers 403 Forbidden, HTTP 404 Not Found, before any stage or route.
    check(
        &Entry::DefaultEndpoint(&rest),
        &[("GET", "/prod/orders", FORBIDDEN_403)],
    );
    check(
        &Entry::DefaultEndpoint(&http),
        &[("GET", "/orders", NOT_FOUND_404)],
    );
    let r = rejection(&Entry::DefaultEndpoint(&rest), "GET", "/prod/orders");
    assert_eq!(
        (r.reason, r.source),
        (
            RejectReason::DefaultEndpointDisabled,
            source::DEFAULT_ENDPOINT_DISABLED
        )
    );
    // Turned on explicitly: routed as usual.
    rest.disable_execute_api_endpoint = known(false);
    check(
        &Entry::DefaultEndpoint(&rest),
        &[("GET", "/prod/orders", "[prod /orders] GET /orders")],
    );
    // Not known: the answer depends on it.
    rest.disable_execute_api_endpoint = unknown();
    check(
        &Entry::DefaultEndpoint(&rest),
        &[("GET", "/prod/orders", "depends: whether the API's default endpoint is turned off (`DisableExecuteApiEndpoint`) is not known")],
    );
}

#[test]
fn http_stage_named_first_else_default_stage_with_the_whole_path() {
    let api_ = api(ApiKind::Http, &["$default", "beta"], &["GET /items"]);
    let entry = Entry::DefaultEndpoint(&api_);
    check(
        &entry,
        &[
            ("GET", "/items", "[$default /items] GET /items"),
            ("GET", "/beta/items", "[beta /items] GET /items"),
            // `$default` is served from the base: it is never named in the path.
            (
                "GET",
                "/$default/items",
                &format!("[$default /$default/items] {NOT_FOUND_404}"),
            ),
            (
                "GET",
                "/other",
                &format!("[$default /other] {NOT_FOUND_404}"),
            ),
        ],
    );
    // Without a `$default` stage a path that names no stage is 404 Not Found.
    let prod_only = api(ApiKind::Http, &["prod"], &["GET /items"]);
    let entry = Entry::DefaultEndpoint(&prod_only);
    check(
        &entry,
        &[
            ("GET", "/prod/items", "[prod /items] GET /items"),
            ("GET", "/items", NOT_FOUND_404),
        ],
    );
    let r = rejection(&entry, "GET", "/items");
    assert_eq!(
        (r.reason, r.source),
        (RejectReason::NoStage, source::HTTP_ROUTING)
    );
    // Stages kept elsewhere: `items` may be a stage, even with a `$default` one.
    let mut gap = api(ApiKind::Http, &["$default"], &["GET /items"]);
    gap.gap(
        Part::Stages,
        "the stages are not exported",
        Span::default(),
        "",
    );
    check(
        &Entry::DefaultEndpoint(&gap),
        &[("GET", "/items", "depends: the stages are not exported")],
    );
    // No `$default` stage and a stage whose name is not known: that one may be `$default`.
    let mut unnamed = api(ApiKind::Http, &["prod"], &["GET /items"]);
    unnamed.stages.push(Stage {
        name: "Other".into(),
        stage_name: unknown(),
        ..Stage::default()
    });
    check(
        &Entry::DefaultEndpoint(&unnamed),
        &[
            (
                "GET",
                "/items",
                "depends: the name of stage `Other` is not known",
            ),
            (
                "GET",
                "/",
                "depends: the name of stage `Other` is not known",
            ),
        ],
    );
}

#[test]
fn http_full_match_and_any_by_method() {
    let api_ = api(
        ApiKind::Http,
        &["$default"],
        &[
            "ANY /items",
            "GET /items",
            "GET /items/{id}",
            "GET /items/new",
        ],
    );
    check(
        &Entry::DefaultEndpoint(&api_),
        &[
            // The route of the method itself before `ANY` on the same path.
            ("GET", "/items", "[$default /items] GET /items"),
            ("POST", "/items", "[$default /items] ANY /items"),
            // A literal segment is more specific than a variable.
            ("GET", "/items/new", "[$default /items/new] GET /items/new"),
            ("GET", "/items/7", "[$default /items/7] GET /items/{id}"),
            // A route of another method, or one segment short, does not match.
            (
                "POST",
                "/items/7",
                &format!("[$default /items/7] {NOT_FOUND_404}"),
            ),
            (
                "GET",
                "/items/7/x",
                &format!("[$default /items/7/x] {NOT_FOUND_404}"),
            ),
            ("GET", "/item", &format!("[$default /item] {NOT_FOUND_404}")),
            (
                "GET",
                "/items/",
                "[$default /items/] depends: `/items/` has an empty path segment…",
            ),
        ],
    );
    let r = rejection(&Entry::DefaultEndpoint(&api_), "GET", "/item");
    assert_eq!(
        (r.reason, r.source),
        (RejectReason::NoRoute, source::HTTP_ROUTING)
    );
}

#[test]
fn http_greedy_routes_longest_prefix_after_full_matches() {
    let api_ = api(
        ApiKind::Http,
        &["$default"],
        &["ANY /{proxy+}", "ANY /files/{proxy+}", "GET /files/readme"],
    );
    check(
        &Entry::DefaultEndpoint(&api_),
        &[
            (
                "GET",
                "/files/a/b",
                "[$default /files/a/b] ANY /files/{proxy+}",
            ),
            // A full match before any greedy route.
            (
                "GET",
                "/files/readme",
                "[$default /files/readme] GET /files/readme",
            ),
            // `{proxy+}` needs one segment at least: `/files` is left to `/{proxy+}`.
            ("GET", "/files", "[$default /files] ANY /{proxy+}"),
            ("GET", "/other/x", "[$default /other/x] ANY /{proxy+}"),
            ("GET", "/", &format!("[$default /] {NOT_FOUND_404}")),
        ],
    );
    let files_only = api(ApiKind::Http, &["$default"], &["ANY /files/{proxy+}"]);
    check(
        &Entry::DefaultEndpoint(&files_only),
        &[
            ("GET", "/files/a", "[$default /files/a] ANY /files/{proxy+}"),
            (
                "GET",
                "/files",
                &format!("[$default /files] {NOT_FOUND_404}"),
            ),
            (
                "GET",
                "/other/x/y",
                &format!("[$default /other/x/y] {NOT_FOUND_404}"),
            ),
        ],
    );
}

#[test]
fn http_default_route_then_cors_preflight_then_not_found() {
    let with_default = api(ApiKind::Http, &["$default"], &["GET /items", "$default"]);
    check(
        &Entry::DefaultEndpoint(&with_default),
        &[
            ("GET", "/items", "[$default /items] GET /items"),
            ("GET", "/x", "[$default /x] $default"),
            ("OPTIONS", "/x", "[$default /x] $default"),
        ],
    );
    let mut cors = api(ApiKind::Http, &["$default"], &["GET /items"]);
    cors.cors = Some(Cors::default());
    check(
        &Entry::DefaultEndpoint(&cors),
        &[
            // API Gateway answers a preflight no route takes, whatever the path.
            ("OPTIONS", "/items", "[$default /items] preflight"),
            ("OPTIONS", "/x", "[$default /x] preflight"),
            ("GET", "/x", &format!("[$default /x] {NOT_FOUND_404}")),
        ],
    );
    let no_cors = api(ApiKind::Http, &["$default"], &["GET /items"]);
    check(
        &Entry::DefaultEndpoint(&no_cors),
        &[("OPTIONS", "/x", &format!("[$default /x] {NOT_FOUND_404}"))],
    );
}

#[test]
fn http_routes_as_specific_as_each_other_are_not_documented() {
    let api_ = api(ApiKind::Http, &["$default"], &["GET /{a}/x", "GET /x/{b}"]);
    check(
        &Entry::DefaultEndpoint(&api_),
        &[
            (
                "GET",
                "/x/x",
                "[$default /x/x] depends: `GET /{a}/x` matches as specifically as another route…",
            ),
            ("GET", "/y/x", "[$default /y/x] GET /{a}/x"),
            ("GET", "/x/y", "[$default /x/y] GET /x/{b}"),
        ],
    );
    let mixed = api(ApiKind::Http, &["$default"], &["GET /a/{id}.json"]);
    check(
        &Entry::DefaultEndpoint(&mixed),
        &[(
            "GET",
            "/a/1.json",
            "[$default /a/1.json] depends: route path segment `{id}.json` mixes…",
        )],
    );
}

#[test]
fn websocket_upgrade_runs_connect_only() {
    let mut ws = api(ApiKind::WebSocket, &["prod"], &[]);
    ws.routes = vec![ws_route("$connect"), ws_route("sendMessage")];
    check(
        &Entry::DefaultEndpoint(&ws),
        &[
            ("GET", "/prod", "[prod /] $connect"),
            // Anything but a GET on the stage is not documented.
            (
                "POST",
                "/prod",
                "[prod /] depends: a WebSocket API is reached by a GET upgrade request…",
            ),
            (
                "GET",
                "/prod/chat",
                "[prod /chat] depends: a WebSocket API is reached by a GET upgrade request…",
            ),
            // No stage named: not documented for WebSocket APIs.
            (
                "GET",
                "/dev",
                "depends: the request names no stage of the WebSocket API…",
            ),
            (
                "GET",
                "/",
                "depends: the request names no stage of the WebSocket API…",
            ),
        ],
    );
    // Without `$connect` the connection is made.
    let mut bare = api(ApiKind::WebSocket, &["prod"], &[]);
    bare.routes = vec![ws_route("$default")];
    check(
        &Entry::DefaultEndpoint(&bare),
        &[("GET", "/prod", "[prod /] connected")],
    );
    // A route whose key is not known may be `$connect`.
    bare.routes.push(Route {
        name: "Maybe".into(),
        key: unknown(),
        ..Route::default()
    });
    check(
        &Entry::DefaultEndpoint(&bare),
        &[(
            "GET",
            "/prod",
            "[prod /] depends: the path or method of `Maybe` is not known",
        )],
    );
}

#[test]
fn function_url_takes_every_path_and_method() {
    let url = FunctionUrl {
        name: "Fn".into(),
        ..FunctionUrl::default()
    };
    let r = resolve(&Entry::FunctionUrl(&url), "DELETE", "/any/path");
    assert_eq!(summary(&r), "function Fn");
    assert_eq!(r.route_path.as_deref(), Some("/any/path"));
    assert_eq!(
        resolve(&Entry::FunctionUrl(&url), "GET", "")
            .route_path
            .as_deref(),
        Some("/")
    );
}

fn authorizer(
    name: &str,
    kind: Option<AuthorizerKind>,
    sources: &[&str],
    ttl: Field<i64>,
) -> Authorizer {
    Authorizer {
        name: name.into(),
        kind: kind.map_or_else(unknown, known),
        identity_sources: known(
            sources
                .iter()
                .map(|s| known(IdentitySource::parse(s)))
                .collect(),
        ),
        result_ttl: ttl,
        ..Authorizer::default()
    }
}

fn guarded(key: &str, authorization: Authorization, authorizer: &str) -> Route {
    Route {
        authorization: known(authorization),
        authorizer: known(authorizer.to_string()),
        ..route(key)
    }
}

/// The authorizer check of `route` on `api`.
fn check_of<'a>(api: &'a Api, route: &'a Route) -> AuthorizerCheck<'a> {
    match route_match(api, route).auth {
        Auth::Authorizer(check) => check,
        other => panic!("not an authorizer: {other:?}"),
    }
}

fn names(sources: &[IdentitySource]) -> Vec<String> {
    sources.iter().map(ToString::to_string).collect()
}

#[test]
fn rest_authorizers_need_their_identity_sources_when_caching() {
    let sources = [
        "method.request.header.Authorization",
        "method.request.querystring.tenant",
        "context.sourceIp",
    ];
    let mut api_ = api(ApiKind::Rest, &["prod"], &[]);
    api_.authorizers = vec![
        authorizer(
            "Token",
            Some(AuthorizerKind::Token),
            &sources[..1],
            Field::default(),
        ),
        authorizer(
            "Cached",
            Some(AuthorizerKind::Request),
            &sources,
            known(300),
        ),
        authorizer(
            "Default",
            Some(AuthorizerKind::Request),
            &sources,
            Field::default(),
        ),
        authorizer(
            "Uncached",
            Some(AuthorizerKind::Request),
            &sources,
            known(0),
        ),
        authorizer("Maybe", Some(AuthorizerKind::Request), &sources, unknown()),
        authorizer("Untyped", None, &sources[..1], Field::default()),
    ];
    let custom = |name: &str| guarded("GET /", Authorization::Custom, name);
    // A TOKEN authorizer needs its header.
    let token = custom("Token");
    let c = check_of(&api_, &token);
    assert_eq!(names(&c.required), ["header `Authorization`"]);
    assert!(c.unknown.is_empty());
    assert_eq!(c.source, source::REST_LAMBDA_AUTHORIZER);
    // A REQUEST authorizer that caches (300 s, or the default) needs the headers and query
    // strings among its identity sources, not its context variables.
    for name in ["Cached", "Default"] {
        let r = custom(name);
        let c = check_of(&api_, &r);
        assert_eq!(
            names(&c.required),
            ["header `Authorization`", "query string `tenant`"],
            "{name}"
        );
        assert_eq!(c.identity_sources.len(), 3, "{name}");
    }
    // Caching off (TTL 0): no identity source is required.
    let r = custom("Uncached");
    assert!(check_of(&api_, &r).required.is_empty());
    // Caching not known: none is required for sure, and that is said.
    let r = custom("Maybe");
    let c = check_of(&api_, &r);
    assert!(c.required.is_empty());
    assert_eq!(
        c.unknown[0].reason,
        "whether the authorizer caches its results (which makes its identity sources required) is not known"
    );
    // The authorizer's type not known.
    let r = custom("Untyped");
    let c = check_of(&api_, &r);
    assert_eq!(
        c.unknown[0].reason,
        "the type of authorizer `Untyped` is not known"
    );
    // An identity source that is not known is said.
    let mut partly = authorizer(
        "Partly",
        Some(AuthorizerKind::Token),
        &sources[..1],
        Field::default(),
    );
    if let Val::Known(items) = &mut partly.identity_sources.val {
        items.push(unknown());
    }
    api_.authorizers.push(partly);
    let r = custom("Partly");
    let c = check_of(&api_, &r);
    assert_eq!(names(&c.required), ["header `Authorization`"]);
    assert_eq!(
        c.unknown[0].reason,
        "an identity source of the authorizer is not known"
    );
}

#[test]
fn http_authorizers_need_every_identity_source() {
    let sources = ["$request.header.Authorization", "$context.routeKey"];
    let mut api_ = api(ApiKind::Http, &["$default"], &[]);
    api_.authorizers = vec![
        authorizer("Lambda", Some(AuthorizerKind::Request), &sources, known(0)),
        authorizer(
            "Jwt",
            Some(AuthorizerKind::Jwt),
            &sources[..1],
            Field::default(),
        ),
    ];
    // An HTTP API Lambda authorizer needs its identity sources, caching or not.
    let r = guarded("GET /", Authorization::Custom, "Lambda");
    let c = check_of(&api_, &r);
    assert_eq!(names(&c.required), ["header `Authorization`"]);
    assert_eq!(c.source, source::HTTP_LAMBDA_AUTHORIZER);
    // A JWT authorizer takes the token from its identity source.
    let r = guarded("GET /", Authorization::Jwt, "Jwt");
    let c = check_of(&api_, &r);
    assert_eq!(names(&c.required), ["header `Authorization`"]);
    assert_eq!(c.source, source::HTTP_JWT_AUTHORIZER);
    assert_eq!(c.authorization, Authorization::Jwt);
}

#[test]
fn authorization_types_of_a_route() {
    let mut api_ = api(ApiKind::Rest, &["prod"], &[]);
    api_.authorizers = vec![authorizer(
        "Token",
        Some(AuthorizerKind::Token),
        &["method.request.header.Authorization"],
        Field::default(),
    )];
    let kind = |r: &Route| match route_match(&api_, r).auth {
        Auth::Open => "open".to_string(),
        Auth::Iam => "iam".to_string(),
        Auth::Authorizer(a) => format!("authorizer {}", a.authorizer.name),
        Auth::Depends { unknown } => format!("depends: {}", unknown[0].reason),
    };
    let with = |a: Field<Authorization>| Route {
        authorization: a,
        ..route("GET /")
    };
    assert_eq!(kind(&route("GET /")), "open");
    assert_eq!(kind(&with(known(Authorization::None))), "open");
    assert_eq!(kind(&with(known(Authorization::AwsIam))), "iam");
    assert_eq!(
        kind(&with(unknown())),
        "depends: the authorization type of `GET /` is not known"
    );
    assert_eq!(
        kind(&with(known(Authorization::Other("Basic".into())))),
        "depends: `Basic` is not an authorization type API Gateway defines"
    );
    assert_eq!(
        kind(&guarded("GET /", Authorization::Custom, "Token")),
        "authorizer Token"
    );
    assert_eq!(
        kind(&with(known(Authorization::Custom))),
        "depends: the authorizer of `GET /` is not known"
    );
    assert_eq!(
        kind(&guarded("GET /", Authorization::Custom, "Gone")),
        "depends: authorizer `Gone` is not in the input"
    );
    // Authorizers kept elsewhere: that is why the authorizer is missing.
    api_.gap(
        Part::Authorizers,
        "the authorizers are not exported",
        Span::default(),
        "",
    );
    let kind = |r: &Route| match route_match(&api_, r).auth {
        Auth::Depends { unknown } => unknown[0].reason.clone(),
        other => format!("{other:?}"),
    };
    assert_eq!(
        kind(&guarded("GET /", Authorization::Custom, "Gone")),
        "the authorizers are not exported"
    );
}

#[test]
fn api_keys_come_in_the_header_unless_the_authorizer_gives_them() {
    let mut api_ = api(ApiKind::Rest, &["prod"], &[]);
    let keyed = |required: Field<bool>| Route {
        api_key_required: required,
        ..route("GET /")
    };
    let key = |api: &Api, r: &Route| match api_key(api, r) {
        ApiKey::Depends { unknown } => format!("depends: {}", unknown[0].reason),
        other => format!("{other:?}"),
    };
    assert_eq!(key(&api_, &route("GET /")), "NotRequired");
    assert_eq!(key(&api_, &keyed(known(false))), "NotRequired");
    assert_eq!(
        key(&api_, &keyed(unknown())),
        "depends: whether `GET /` requires an API key is not known"
    );
    // `ApiKeySourceType` defaults to HEADER.
    assert_eq!(key(&api_, &keyed(known(true))), "Header");
    api_.api_key_source = known("header".into());
    assert_eq!(key(&api_, &keyed(known(true))), "Header");
    api_.api_key_source = known("AUTHORIZER".into());
    assert_eq!(key(&api_, &keyed(known(true))), "FromAuthorizer");
    api_.api_key_source = known("QUERY".into());
    assert_eq!(
        key(&api_, &keyed(known(true))),
        "depends: where the API takes API keys from (`ApiKeySourceType`) is not known"
    );
    api_.api_key_source = unknown();
    assert!(key(&api_, &keyed(known(true))).starts_with("depends: "));
}

fn mapping(name: &str, base: Field<String>, stage: &str) -> Mapping {
    Mapping {
        name: name.into(),
        base_path: base,
        stage: known(stage.to_string()),
        ..Mapping::default()
    }
}

#[test]
fn custom_domain_longest_base_path_then_the_root_mapping() {
    let orders = api(ApiKind::Rest, &["v1"], &["GET /", "GET /{id}"]);
    let site = api(ApiKind::Http, &["$default"], &["ANY /{proxy+}"]);
    let root = mapping("Root", Field::default(), "$default");
    let under = mapping("Orders", known("orders".into()), "v1");
    let domain = CustomDomain {
        mappings: vec![
            Mapped {
                mapping: &root,
                api: Some(&site),
            },
            Mapped {
                mapping: &under,
                api: Some(&orders),
            },
        ],
        ..CustomDomain::default()
    };
    check(
        &Entry::CustomDomain(domain),
        &[
            // The base path comes off; the stage is the mapping's, not in the path.
            ("GET", "/orders/7", "<Orders> [v1 /7] GET /{id}"),
            ("GET", "/orders", "<Orders> [v1 /] GET /"),
            // Base paths match whole segments.
            (
                "GET",
                "/ordersx/1",
                "<Root> [$default /ordersx/1] ANY /{proxy+}",
            ),
            (
                "GET",
                "/users/1",
                "<Root> [$default /users/1] ANY /{proxy+}",
            ),
        ],
    );
    // Without a root mapping, a path no base path takes: 403 Missing Authentication Token.
    let domain = CustomDomain {
        mappings: vec![Mapped {
            mapping: &under,
            api: Some(&orders),
        }],
        ..CustomDomain::default()
    };
    let entry = Entry::CustomDomain(domain);
    check(
        &entry,
        &[
            ("GET", "/orders/7", "<Orders> [v1 /7] GET /{id}"),
            ("GET", "/users/1", MAT_403),
            ("GET", "/", MAT_403),
        ],
    );
    let r = rejection(&entry, "GET", "/users/1");
    assert_eq!(
        (r.reason, r.source),
        (RejectReason::NoMapping, source::DOMAIN_403)
    );
    // A two-segment base path needs both segments; `(none)` is the root.
    let deep = mapping("Deep", known("/orders/v1/".into()), "v1");
    let none = mapping("None", known("(none)".into()), "$default");
    let domain = CustomDomain {
        mappings: vec![
            Mapped {
                mapping: &deep,
                api: Some(&orders),
            },
            Mapped {
                mapping: &none,
                api: Some(&site),
            },
        ],
        ..CustomDomain::default()
    };
    check(
        &Entry::CustomDomain(domain),
        &[
            ("GET", "/orders/v1/7", "<Deep> [v1 /7] GET /{id}"),
            ("GET", "/orders", "<None> [$default /orders] ANY /{proxy+}"),
        ],
    );
}

#[test]
fn custom_domain_mappings_not_known() {
    let orders = api(ApiKind::Rest, &["v1"], &["GET /{id}"]);
    let row = |m: &Mapping, api: Option<&Api>| {
        let domain = CustomDomain {
            mappings: vec![Mapped { mapping: m, api }],
            ..CustomDomain::default()
        };
        summary(&resolve(&Entry::CustomDomain(domain), "GET", "/orders/7"))
    };
    let unknown_base = mapping("M", unknown(), "v1");
    assert_eq!(
        row(&unknown_base, Some(&orders)),
        "depends: the base path of this API mapping is not known"
    );
    let elsewhere = mapping("M", known("orders".into()), "v1");
    assert_eq!(
        row(&elsewhere, None),
        "<M> depends: the API this mapping sends requests to is not in the input"
    );
    let mut no_stage = mapping("M", known("orders".into()), "v1");
    no_stage.stage = unknown();
    assert_eq!(
        row(&no_stage, Some(&orders)),
        "<M> depends: the stage of this API mapping is not known"
    );
    // What is not known about the domain's mappings leaves any path open.
    let known_one = mapping("M", known("orders".into()), "v1");
    let domain = CustomDomain {
        mappings: vec![Mapped {
            mapping: &known_one,
            api: Some(&orders),
        }],
        unknown: vec![Unresolved::new(
            "a mapping may be elsewhere",
            Span::default(),
            "",
        )],
        ..CustomDomain::default()
    };
    check(
        &Entry::CustomDomain(domain),
        &[("GET", "/orders/7", "depends: a mapping may be elsewhere")],
    );
}

fn condition(test: ConditionTest) -> RoutingCondition {
    RoutingCondition {
        span: Span::default(),
        path: FieldPath::default(),
        test,
    }
}

fn base_paths(paths: &[&str]) -> RoutingCondition {
    condition(ConditionTest::BasePaths(known(
        paths.iter().map(|p| known(p.to_string())).collect(),
    )))
}

fn header(name: &str, glob: &str) -> RoutingCondition {
    condition(ConditionTest::Headers(vec![HeaderMatch {
        header: known(name.into()),
        value_glob: known(glob.into()),
    }]))
}

fn rule(name: &str, priority: i64, conditions: Vec<RoutingCondition>, stage: &str) -> RoutingRule {
    RoutingRule {
        name: name.into(),
        priority: known(priority),
        conditions: known(conditions),
        stage: known(stage.into()),
        ..RoutingRule::default()
    }
}

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

#[test]
fn routing_rules_lowest_priority_first_and_all_conditions_hold() {
    let orders = api(
        ApiKind::Rest,
        &["prod", "beta"],
        &["GET /orders", "GET /v2/orders"],
    );
    let mut v2 = rule("V2", 10, vec![base_paths(&["v2"])], "beta");
    v2.strip_base_path = known(true);
    let tenant = rule("Tenant", 20, vec![header("x-tenant", "acme*")], "beta");
    let catch_all = rule("All", 30, vec![], "prod");
    let ruled = |r| Ruled {
        rule: r,
        api: Some(&orders),
    };
    let domain = |mode| CustomDomain {
        // Listed out of order: priority decides.
        rules: vec![ruled(&catch_all), ruled(&tenant), ruled(&v2)],
        mode: Some(mode),
        ..CustomDomain::default()
    };
    let entry = Entry::CustomDomain(domain(RoutingMode::RulesOnly));
    // Header names are case-insensitive, value globs case-sensitive.
    check_with(
        &entry,
        Some(headers(&[("X-Tenant", "acme-eu")]).as_slice()),
        &[
            ("GET", "/orders", "<Tenant> [beta /orders] GET /orders"),
            // The base path rule strips `v2` before the API routes the path.
            ("GET", "/v2/orders", "<V2> [beta /orders] GET /orders"),
        ],
    );
    for other in [[("x-tenant", "Acme-eu")], [("x-other", "acme-eu")]] {
        check_with(
            &entry,
            Some(headers(&other).as_slice()),
            &[("GET", "/orders", "<All> [prod /orders] GET /orders")],
        );
    }
    // Headers not known: the header rule may or may not take the request.
    check(
        &entry,
        &[
            (
                "GET",
                "/orders",
                "depends: this routing rule tests a request header…",
            ),
            ("GET", "/v2/orders", "<V2> [beta /orders] GET /orders"),
        ],
    );
    // In `ROUTING_RULE_THEN_*` the rules come first too, and API mappings never here.
    let entry = Entry::CustomDomain(domain(RoutingMode::RulesThenMappings));
    check(
        &entry,
        &[("GET", "/v2/orders", "<V2> [beta /orders] GET /orders")],
    );
    // In the default mode the rules are not looked at: the (absent) mappings decide.
    let entry = Entry::CustomDomain(domain(RoutingMode::MappingsOnly));
    check(&entry, &[("GET", "/v2/orders", MAT_403)]);
}

#[test]
fn routing_rule_base_paths() {
    let orders = api(ApiKind::Rest, &["prod"], &["GET /v2/orders", "GET /orders"]);
    let deep = rule("Deep", 1, vec![base_paths(&["v2/orders"])], "prod");
    let mut kept = rule("Kept", 2, vec![base_paths(&["x", "v2"])], "prod");
    kept.strip_base_path = known(false);
    let root = mapping("Root", Field::default(), "prod");
    let domain = CustomDomain {
        rules: vec![
            Ruled {
                rule: &deep,
                api: Some(&orders),
            },
            Ruled {
                rule: &kept,
                api: Some(&orders),
            },
        ],
        mode: Some(RoutingMode::RulesThenMappings),
        mappings: vec![Mapped {
            mapping: &root,
            api: Some(&orders),
        }],
        ..CustomDomain::default()
    };
    check(
        &Entry::CustomDomain(domain),
        &[
            // A base path longer than the request does not match it.
            ("GET", "/v2", &format!("<Kept> [prod /v2] {MAT_403}")),
            // Not stripped: the API routes the whole path.
            (
                "GET",
                "/v2/orders",
                "<Deep> [prod /v2/orders] GET /v2/orders",
            ),
            (
                "GET",
                "/v2/items",
                &format!("<Kept> [prod /v2/items] {MAT_403}"),
            ),
            // No rule matches: the API mappings take the request.
            ("GET", "/orders", "<Root> [prod /orders] GET /orders"),
        ],
    );
}

#[test]
fn routing_rules_not_known() {
    let orders = api(ApiKind::Rest, &["prod"], &["GET /orders"]);
    let one = |r: &RoutingRule, api: Option<&Api>| {
        let domain = CustomDomain {
            rules: vec![Ruled { rule: r, api }],
            mode: Some(RoutingMode::RulesOnly),
            ..CustomDomain::default()
        };
        summary(&resolve(&Entry::CustomDomain(domain), "GET", "/v2/orders"))
    };
    // No rule takes the path in `ROUTING_RULE_ONLY`: not documented.
    let other = rule("Other", 1, vec![base_paths(&["v3"])], "prod");
    assert!(one(&other, Some(&orders)).starts_with(
        "depends: no routing rule of the custom domain takes `/v2/orders` and its routing mode uses no API mapping"
    ));
    let mut r = rule("R", 1, vec![], "prod");
    r.priority = unknown();
    assert_eq!(
        one(&r, Some(&orders)),
        "depends: the priority of this routing rule is not known"
    );
    let mut r = rule("R", 1, vec![], "prod");
    r.conditions = unknown();
    assert_eq!(
        one(&r, Some(&orders)),
        "depends: the conditions of this routing rule are not known"
    );
    let r = rule("R", 1, vec![condition(ConditionTest::Unknown)], "prod");
    assert_eq!(
        one(&r, Some(&orders)),
        "depends: a condition of this routing rule is not known"
    );
    // A condition known to fail decides, whatever the unknown ones hold.
    let r = rule(
        "R",
        1,
        vec![condition(ConditionTest::Unknown), base_paths(&["v3"])],
        "prod",
    );
    assert!(one(&r, Some(&orders)).starts_with("depends: no routing rule"));
    let r = rule("R", 1, vec![], "prod");
    assert_eq!(
        one(&r, None),
        "<R> depends: the REST API this routing rule invokes is not in the input"
    );
    let mut r = rule("R", 1, vec![], "prod");
    r.stage = unknown();
    assert_eq!(
        one(&r, Some(&orders)),
        "<R> depends: the stage this routing rule invokes is not known"
    );
    // Stripping matters only when a base path matched.
    let mut r = rule("R", 1, vec![base_paths(&["v2"])], "prod");
    r.strip_base_path = unknown();
    assert_eq!(
        one(&r, Some(&orders)),
        "<R> depends: whether this routing rule strips the base path is not known"
    );
    let mut r = rule("R", 1, vec![], "prod");
    r.strip_base_path = unknown();
    assert_eq!(
        one(&r, Some(&orders)),
        format!("<R> [prod /v2/orders] {MAT_403}")
    );
    // The routing mode not known (as read from the domain).
    let domain = CustomDomain {
        rules_unknown: vec![Unresolved::new(
            "the custom domain's routing mode is not known",
            Span::default(),
            "",
        )],
        ..CustomDomain::default()
    };
    check(
        &Entry::CustomDomain(domain),
        &[(
            "GET",
            "/orders",
            "depends: the custom domain's routing mode is not known",
        )],
    );
}

#[test]
fn header_value_globs() {
    // `*` only at the start and/or the end; case-sensitive.
    let cases = [
        ("acme", "acme", true),
        ("acme", "acmex", false),
        ("abc", "abX", false),
        ("acme*", "acme-eu", true),
        ("acme*", "xacme", false),
        ("*-eu", "acme-eu", true),
        ("*-eu", "acme-us", false),
        ("*cm*", "acme", true),
        ("*cm*", "ACME", false),
        ("*", "anything", true),
        ("*", "", true),
    ];
    for (glob, value, expected) in cases {
        assert_eq!(glob_matches(glob, value), expected, "{glob} {value}");
    }
}
