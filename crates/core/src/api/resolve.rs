//! Route resolution: what API Gateway, or a Lambda function URL, does with one request.
//!
//! Given how a request reaches the API ([`Entry`]), its method and the path the origin receives
//! (origin path + viewer path), [`resolve`] says which API mapping and stage take it, which route
//! or resource matches, and what then runs: the authorizer and the identity sources it needs,
//! the API key. When API Gateway answers by itself the outcome carries its status and body; when
//! the input does not show enough to tell, the outcome is [`Outcome::Depends`] with what is
//! missing, never a guess. Each decision names the AWS page it follows.

use super::model::{
    Api, Authorization, Authorizer, AuthorizerKind, ConditionTest, Cors, FunctionUrl, Gap,
    IdentitySource, Mapping, Part, Route, RouteKey, RoutingMode, RoutingRule, Stage,
};
use super::path::{self, Segment};
use crate::model::ApiKind;
use crate::span::Span;
use crate::value::{Field, Val};
use serde::Serialize;

/// The AWS pages the resolution follows.
pub mod source {
    /// REST API invoke URL: `https://{restapi_id}.execute-api.{region}.amazonaws.com/{stage_name}/`.
    pub const REST_INVOKE: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html";
    /// A REST API invoked with a stage name that does not exist answers 403 `Forbidden`.
    pub const REST_403: &str =
        "https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden";
    /// `MISSING_AUTHENTICATION_TOKEN` (403): also for an unsupported method or resource.
    pub const GATEWAY_RESPONSES: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html";
    /// REST resources: a specific resource takes precedence over a proxy resource at the same
    /// level, and a proxy resource's siblings are excluded from it.
    pub const REST_PROXY_RESOURCE: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html";
    /// A method not defined on the targeted resource: 403 `Missing Authentication Token`.
    pub const REST_METHOD_MISSING: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html";
    /// HTTP API stage selection, route priorities and `{"message":"Not Found"}`.
    pub const HTTP_ROUTING: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html";
    /// HTTP API `$default` stage served from the base of the URL.
    pub const HTTP_STAGES: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html";
    /// HTTP API CORS: API Gateway answers preflight requests itself.
    pub const HTTP_CORS: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html";
    /// A custom domain answers 403 `Missing Authentication Token` to a path its API mappings
    /// do not route ("if the URL path is incorrect").
    pub const DOMAIN_403: &str =
        "https://repost.aws/knowledge-center/api-gateway-403-custom-domain";
    /// API mappings: longest matching base path, `(none)` as the catch-all.
    pub const MAPPINGS: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html";
    /// Routing rules: lowest priority first, all conditions must hold (header names
    /// case-insensitive, value globs case-sensitive with `*` at the start and/or end), a rule
    /// without conditions is a catch-all; the only action invokes a REST API stage.
    pub const ROUTING_RULES: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-rules.html";
    /// Routing modes: rules only, rules then API mappings, or API mappings only (the default).
    pub const ROUTING_MODE: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-routing-mode.html";
    /// The default endpoint turned off: 403 for REST APIs, 404 for HTTP APIs.
    pub const DEFAULT_ENDPOINT_DISABLED: &str =
        "https://repost.aws/knowledge-center/api-gateway-disable-endpoint";
    /// REST Lambda authorizers: with caching on, a missing identity source is a 401 without
    /// calling the function; with caching off no identity source is needed.
    pub const REST_LAMBDA_AUTHORIZER: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization-with-console.html";
    /// HTTP API Lambda authorizers: identity sources that are specified must be sent (401).
    pub const HTTP_LAMBDA_AUTHORIZER: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html";
    /// HTTP API JWT authorizers take the token from their identity source.
    pub const HTTP_JWT_AUTHORIZER: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html";
    /// WebSocket: authorization runs on `$connect` only.
    pub const WEBSOCKET_CONNECT: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-keys-connect-disconnect.html";
    /// API keys are sent in the `x-api-key` header (`ApiKeySourceType` `HEADER`).
    pub const API_KEY_SOURCE: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html";
}

/// How a request reaches API Gateway or a function URL.
#[derive(Debug, Clone)]
pub enum Entry<'a> {
    /// The API's default endpoint, `{api-id}.execute-api.{region}.amazonaws.com`.
    DefaultEndpoint(&'a Api),
    /// A custom domain name and the API mappings of it that the input shows.
    CustomDomain(CustomDomain<'a>),
    /// A Lambda function URL.
    FunctionUrl(&'a FunctionUrl),
}

/// The API mappings and routing rules of one custom domain.
#[derive(Debug, Clone, Default)]
pub struct CustomDomain<'a> {
    pub mappings: Vec<Mapped<'a>>,
    /// What is not known about the domain's mappings (none in the input, …).
    pub unknown: Vec<Unresolved>,
    /// The domain's routing rules that the input shows.
    pub rules: Vec<Ruled<'a>>,
    /// The domain's routing mode; `None` when not known.
    pub mode: Option<RoutingMode>,
    /// What is not known about the domain's routing (its mode).
    pub rules_unknown: Vec<Unresolved>,
}

/// A routing rule and the API it invokes, when the input has it.
#[derive(Debug, Clone, Copy)]
pub struct Ruled<'a> {
    pub rule: &'a RoutingRule,
    pub api: Option<&'a Api>,
}

/// An API mapping and the API it maps to, when the input has it.
#[derive(Debug, Clone, Copy)]
pub struct Mapped<'a> {
    pub mapping: &'a Mapping,
    pub api: Option<&'a Api>,
}

/// Something the resolution needed and the input does not show, with where it would be.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unresolved {
    pub reason: String,
    pub span: Span,
    pub path: String,
}

impl Unresolved {
    fn new(reason: impl Into<String>, span: Span, path: &str) -> Self {
        Self {
            reason: reason.into(),
            span,
            path: path.to_string(),
        }
    }

    fn from_gap(gap: &Gap) -> Self {
        Self::new(gap.reason.clone(), gap.span, &gap.path)
    }

    fn at<T>(reason: impl Into<String>, field: &Field<T>) -> Self {
        Self::new(reason, field.span, &field.path)
    }
}

/// The result of [`resolve`].
#[derive(Debug, Clone, Serialize)]
pub struct Resolution<'a> {
    /// The API mapping that took the request (custom domains).
    pub mapping: Option<&'a Mapping>,
    /// The routing rule that took the request (custom domains).
    pub rule: Option<&'a RoutingRule>,
    /// The API the request went to.
    pub api: Option<&'a Api>,
    /// The stage that took the request.
    pub stage: Option<StageMatch<'a>>,
    /// The path the API routed on: after the stage or base path was taken off.
    pub route_path: Option<String>,
    pub outcome: Outcome<'a>,
}

/// The stage a request went to.
#[derive(Debug, Clone, Serialize)]
pub struct StageMatch<'a> {
    /// The stage name (`prod`, `$default`).
    pub name: String,
    /// The stage in the model, when the input defines it.
    pub stage: Option<&'a Stage>,
}

/// What happens to the request.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Outcome<'a> {
    /// A route or method matched: its integration runs once authorization passes.
    Route(RouteMatch<'a>),
    /// A WebSocket upgrade request: `$connect` runs when defined (authorization is checked
    /// there only), else the connection is made.
    WebSocketConnect { connect: Option<RouteMatch<'a>> },
    /// API Gateway answers a CORS preflight itself (an HTTP API with a CORS configuration and
    /// no route for the request).
    Preflight {
        cors: &'a Cors,
        source: &'static str,
    },
    /// A Lambda function URL: no routing, the function gets every path and method.
    Function { url: &'a FunctionUrl },
    /// API Gateway answers by itself.
    Rejected(Rejection),
    /// The input does not show enough to tell.
    Depends { unknown: Vec<Unresolved> },
}

/// A response API Gateway sends by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rejection {
    pub status: u16,
    /// The response body.
    pub body: &'static str,
    pub reason: RejectReason,
    /// The AWS page that documents it.
    pub source: &'static str,
}

/// Why API Gateway answered by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RejectReason {
    /// The default endpoint is turned off (`DisableExecuteApiEndpoint`).
    DefaultEndpointDisabled,
    /// No stage takes the path.
    NoStage,
    /// No API mapping of the custom domain takes the path, and none maps the root.
    NoMapping,
    /// No resource or route matches the path.
    NoRoute,
    /// The resource exists but does not define the method (REST).
    MethodNotAllowed,
}

const FORBIDDEN: &str = r#"{"message":"Forbidden"}"#;
const MISSING_TOKEN: &str = r#"{"message":"Missing Authentication Token"}"#;
const NOT_FOUND: &str = r#"{"message":"Not Found"}"#;

/// A matched route and what it asks of the request.
#[derive(Debug, Clone, Serialize)]
pub struct RouteMatch<'a> {
    pub route: &'a Route,
    pub auth: Auth<'a>,
    pub api_key: ApiKey,
}

/// The authorization a matched route runs.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Auth<'a> {
    /// `NONE`.
    Open,
    /// `AWS_IAM`: the request must be signed (Signature Version 4); an unsigned one gets 403
    /// `Missing Authentication Token`.
    Iam,
    /// A Lambda, Cognito or JWT authorizer.
    Authorizer(AuthorizerCheck<'a>),
    /// Not known from the input.
    Depends { unknown: Vec<Unresolved> },
}

/// An authorizer that runs for a route, and what it needs from the request.
#[derive(Debug, Clone, Serialize)]
pub struct AuthorizerCheck<'a> {
    pub authorization: Authorization,
    pub authorizer: &'a Authorizer,
    /// Every identity source of the authorizer.
    pub identity_sources: Vec<IdentitySource>,
    /// The headers and query strings the request must carry: without one of them API Gateway
    /// answers 401 without running the authorizer. Empty when none is required.
    pub required: Vec<IdentitySource>,
    /// What is not known about the identity the authorizer needs.
    pub unknown: Vec<Unresolved>,
    pub source: &'static str,
}

/// Whether a matched route needs an API key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ApiKey {
    NotRequired,
    /// The `x-api-key` header must carry a valid key (403 `Forbidden` otherwise).
    Header,
    /// The Lambda authorizer supplies the key (`ApiKeySourceType: AUTHORIZER`).
    FromAuthorizer,
    Depends {
        unknown: Vec<Unresolved>,
    },
}

/// What API Gateway (or a function URL) does with a `method` request for `path`, the path the
/// origin receives (origin path + viewer path, without the query string). The request's
/// headers are not known: a routing rule that tests one leaves the outcome
/// [`Outcome::Depends`] (see [`resolve_with_headers`]).
pub fn resolve<'a>(entry: &Entry<'a>, method: &str, path: &str) -> Resolution<'a> {
    resolve_request(entry, method, path, None)
}

/// [`resolve`] for a request whose headers, as API Gateway receives them, are known (name and
/// value; what CloudFront forwards plus the origin's custom headers).
pub fn resolve_with_headers<'a>(
    entry: &Entry<'a>,
    method: &str,
    path: &str,
    headers: &[(String, String)],
) -> Resolution<'a> {
    resolve_request(entry, method, path, Some(headers))
}

fn resolve_request<'a>(
    entry: &Entry<'a>,
    method: &str,
    path: &str,
    headers: Option<&[(String, String)]>,
) -> Resolution<'a> {
    let method = method.trim().to_ascii_uppercase();
    let path = if path.is_empty() { "/" } else { path };
    match entry {
        Entry::FunctionUrl(url) => Resolution {
            mapping: None,
            rule: None,
            api: None,
            stage: None,
            route_path: Some(path.to_string()),
            outcome: Outcome::Function { url },
        },
        Entry::DefaultEndpoint(api) => default_endpoint(api, &method, path),
        Entry::CustomDomain(domain) => match routed(domain, &method, path, headers) {
            Some(resolution) => resolution,
            None => custom_domain(domain, &method, path),
        },
    }
}

/// What the routing rules of a custom domain do with the request: `None` when they leave it to
/// the API mappings (the mode has no rules, or no rule matches and mappings follow). `headers`
/// are the request's headers as API Gateway receives them, `None` when not known.
pub fn routed<'a>(
    domain: &CustomDomain<'a>,
    method: &str,
    path: &str,
    headers: Option<&[(String, String)]>,
) -> Option<Resolution<'a>> {
    if !domain.rules_unknown.is_empty() {
        return Some(early(None, depends(domain.rules_unknown.clone())));
    }
    let mode = domain.mode.unwrap_or(RoutingMode::MappingsOnly);
    if !mode.uses_rules() {
        return None;
    }
    let mut rules: Vec<(i64, Ruled<'a>)> = Vec::new();
    for r in &domain.rules {
        match r.rule.priority.get() {
            Some(p) => rules.push((*p, *r)),
            None => {
                return Some(early(
                    None,
                    depends(vec![Unresolved::at(
                        "the priority of this routing rule is not known",
                        &r.rule.priority,
                    )]),
                ))
            }
        }
    }
    rules.sort_by_key(|(p, _)| *p);
    let segments = path::split(path);
    for (_, ruled) in rules {
        match rule_matches(ruled.rule, &segments, headers) {
            Match::No => continue,
            Match::Unknown(unknown) => return Some(early(None, depends(unknown))),
            Match::Yes(base) => return Some(invoke(ruled, base, method, &segments)),
        }
    }
    if mode.uses_mappings() {
        return None;
    }
    Some(early(
        None,
        depends(vec![Unresolved::new(
            format!(
                "no routing rule of the custom domain takes `{path}` and its routing mode uses no \
                 API mapping; what API Gateway answers then is not documented"
            ),
            domain
                .rules
                .first()
                .map(|r| r.rule.span)
                .unwrap_or_default(),
            domain.rules.first().map_or("", |r| r.rule.path.as_str()),
        )]),
    ))
}

/// Whether a routing rule matches.
enum Match {
    /// It matches; the number of leading path segments its base path condition matched.
    Yes(usize),
    No,
    Unknown(Vec<Unresolved>),
}

fn rule_matches(
    rule: &RoutingRule,
    segments: &[&str],
    headers: Option<&[(String, String)]>,
) -> Match {
    let Some(conditions) = rule.conditions.get() else {
        return Match::Unknown(vec![Unresolved::at(
            "the conditions of this routing rule are not known",
            &rule.conditions,
        )]);
    };
    let mut base = 0;
    let mut unknown = Vec::new();
    let mut holds = true;
    for c in conditions {
        match &c.test {
            ConditionTest::Unknown => unknown.push(Unresolved::new(
                "a condition of this routing rule is not known",
                c.span,
                &c.path,
            )),
            ConditionTest::Headers(any_of) => {
                let Some(headers) = headers else {
                    unknown.push(Unresolved::new(
                        "this routing rule tests a request header, and the request's headers are not known here",
                        c.span,
                        &c.path,
                    ));
                    continue;
                };
                let mut any = false;
                for m in any_of {
                    let (Some(name), Some(glob)) = (m.header.get(), m.value_glob.get()) else {
                        unknown.push(Unresolved::at(
                            "a header or value of this routing rule condition is not known",
                            &m.header,
                        ));
                        continue;
                    };
                    any |= headers
                        .iter()
                        .any(|(n, v)| n.eq_ignore_ascii_case(name) && glob_matches(glob, v));
                }
                holds &= any;
            }
            ConditionTest::BasePaths(paths) => {
                let Some(items) = paths.get() else {
                    unknown.push(Unresolved::at(
                        "the base paths of this routing rule condition are not known",
                        paths,
                    ));
                    continue;
                };
                let mut matched = None;
                for item in items {
                    let Some(p) = item.get() else {
                        unknown.push(Unresolved::at(
                            "a base path of this routing rule condition is not known",
                            item,
                        ));
                        continue;
                    };
                    let wanted = path::base_path(p);
                    let hit = !wanted.is_empty()
                        && wanted.len() <= segments.len()
                        && wanted.iter().zip(segments).all(|(w, s)| w == s);
                    if hit {
                        matched = Some(matched.unwrap_or(0).max(wanted.len()));
                    }
                }
                match matched {
                    Some(n) => base = n,
                    None => holds = false,
                }
            }
        }
    }
    if !holds {
        // A condition that is known to fail decides, whatever the unknown ones hold.
        return Match::No;
    }
    if !unknown.is_empty() {
        return Match::Unknown(unknown);
    }
    Match::Yes(base)
}

/// A header value glob: literal, with `*` allowed only at the start and/or the end
/// (`*suffix`, `prefix*`, `*contains*`); case-sensitive.
pub fn glob_matches(glob: &str, value: &str) -> bool {
    let starts = glob.starts_with('*');
    let ends = glob.len() > 1 && glob.ends_with('*');
    let core = &glob[usize::from(starts)..glob.len() - usize::from(ends)];
    match (starts, ends) {
        (true, true) => value.contains(core),
        (true, false) => value.ends_with(core),
        (false, true) => value.starts_with(core),
        (false, false) => glob == value,
    }
}

/// The stage a matching rule invokes, with the path it passes on: without the matched base
/// path when the rule strips it.
fn invoke<'a>(ruled: Ruled<'a>, base: usize, method: &str, segments: &[&str]) -> Resolution<'a> {
    let rule = ruled.rule;
    let with_rule = |mut r: Resolution<'a>| {
        r.rule = Some(rule);
        r
    };
    let strip = match (&rule.strip_base_path.val, base) {
        (_, 0) => false,
        (Val::Known(s), _) => *s,
        (Val::Absent, _) => false,
        (Val::Unknown(_), _) => {
            return with_rule(early(
                ruled.api,
                depends(vec![Unresolved::at(
                    "whether this routing rule strips the base path is not known",
                    &rule.strip_base_path,
                )]),
            ))
        }
    };
    let rest = path::join(if strip { &segments[base..] } else { segments });
    let Some(api) = ruled.api else {
        return with_rule(early(
            None,
            depends(vec![Unresolved::at(
                "the REST API this routing rule invokes is not in the input",
                &rule.api_id,
            )]),
        ));
    };
    let Some(stage_name) = rule.stage.get() else {
        return with_rule(early(
            Some(api),
            depends(vec![Unresolved::at(
                "the stage this routing rule invokes is not known",
                &rule.stage,
            )]),
        ));
    };
    let stage = StageMatch {
        name: stage_name.clone(),
        stage: api.stage(stage_name),
    };
    with_rule(within_stage(None, api, stage, method, &rest))
}

/// A resolution that ends before a stage was chosen.
fn early<'a>(api: Option<&'a Api>, outcome: Outcome<'a>) -> Resolution<'a> {
    Resolution {
        mapping: None,
        rule: None,
        api,
        stage: None,
        route_path: None,
        outcome,
    }
}

fn rejected(
    status: u16,
    body: &'static str,
    reason: RejectReason,
    source: &'static str,
) -> Outcome<'static> {
    Outcome::Rejected(Rejection {
        status,
        body,
        reason,
        source,
    })
}

fn depends<'a>(unknown: Vec<Unresolved>) -> Outcome<'a> {
    Outcome::Depends { unknown }
}

fn gaps(api: &Api, part: Part) -> Vec<Unresolved> {
    api.gaps_of(part).map(Unresolved::from_gap).collect()
}

fn default_endpoint<'a>(api: &'a Api, method: &str, path: &str) -> Resolution<'a> {
    match &api.disable_execute_api_endpoint.val {
        Val::Known(true) => {
            let (status, body) = match api.kind {
                ApiKind::Rest => (403, FORBIDDEN),
                _ => (404, NOT_FOUND),
            };
            return early(
                Some(api),
                rejected(
                    status,
                    body,
                    RejectReason::DefaultEndpointDisabled,
                    source::DEFAULT_ENDPOINT_DISABLED,
                ),
            );
        }
        Val::Unknown(_) => {
            return early(
                Some(api),
                depends(vec![Unresolved::at(
                    format!(
                        "whether the API's default endpoint is turned off (`{}`) is not known",
                        api.disable_execute_api_endpoint
                            .written_key("DisableExecuteApiEndpoint")
                    ),
                    &api.disable_execute_api_endpoint,
                )]),
            );
        }
        _ => {}
    }
    let segments = path::split(path);
    match api.kind {
        ApiKind::Rest | ApiKind::WebSocket => {
            let Some(first) = segments.first().filter(|s| !s.is_empty()) else {
                return early(Some(api), no_stage(api));
            };
            match named_stage(api, first) {
                Ok(stage) => {
                    let rest = path::join(&segments[1..]);
                    within_stage(None, api, stage, method, &rest)
                }
                Err(unknown) if !unknown.is_empty() => early(Some(api), depends(unknown)),
                Err(_) => early(Some(api), no_stage(api)),
            }
        }
        ApiKind::Http => {
            // A stage the path names first, else the `$default` stage with the whole path.
            let named = segments
                .first()
                .filter(|s| !s.is_empty() && **s != "$default")
                .map(|first| named_stage(api, first));
            match named {
                Some(Ok(stage)) => {
                    let rest = path::join(&segments[1..]);
                    within_stage(None, api, stage, method, &rest)
                }
                Some(Err(unknown)) if !unknown.is_empty() => early(Some(api), depends(unknown)),
                _ => match api.stage("$default") {
                    Some(stage) => within_stage(
                        None,
                        api,
                        StageMatch {
                            name: "$default".into(),
                            stage: Some(stage),
                        },
                        method,
                        path,
                    ),
                    None => {
                        let unknown = unknown_stages(api);
                        if unknown.is_empty() {
                            early(
                                Some(api),
                                rejected(
                                    404,
                                    NOT_FOUND,
                                    RejectReason::NoStage,
                                    source::HTTP_ROUTING,
                                ),
                            )
                        } else {
                            early(Some(api), depends(unknown))
                        }
                    }
                },
            }
        }
        ApiKind::Unknown => early(
            Some(api),
            depends(vec![Unresolved::new(
                "the API's protocol (REST, HTTP or WebSocket) is not known",
                api.span,
                &api.path,
            )]),
        ),
    }
}

/// REST and WebSocket APIs answer a path that names no stage by themselves: REST with 403
/// `Forbidden`; for WebSocket APIs the answer is not documented.
fn no_stage<'a>(api: &Api) -> Outcome<'a> {
    match api.kind {
        ApiKind::Rest => rejected(403, FORBIDDEN, RejectReason::NoStage, source::REST_403),
        _ => depends(vec![Unresolved::new(
            "the request names no stage of the WebSocket API; what API Gateway answers then is not documented",
            api.span,
            &api.path,
        )]),
    }
}

/// The stage named `name`, or what is not known about the stages (empty when they are known
/// and none has that name).
fn named_stage<'a>(api: &'a Api, name: &str) -> Result<StageMatch<'a>, Vec<Unresolved>> {
    match api.stage(name) {
        Some(stage) => Ok(StageMatch {
            name: name.to_string(),
            stage: Some(stage),
        }),
        None => Err(unknown_stages(api)),
    }
}

/// Why the API's stages are not all known: gaps, and stages whose name is unknown.
fn unknown_stages(api: &Api) -> Vec<Unresolved> {
    let mut unknown = gaps(api, Part::Stages);
    unknown.extend(
        api.stages
            .iter()
            .filter(|s| s.stage_name.is_unknown())
            .map(|s| {
                Unresolved::at(
                    format!("the name of stage `{}` is not known", s.name),
                    &s.stage_name,
                )
            }),
    );
    unknown
}

fn custom_domain<'a>(domain: &CustomDomain<'a>, method: &str, path: &str) -> Resolution<'a> {
    let segments = path::split(path);
    let mut unknown = domain.unknown.clone();
    let mut best: Option<(usize, Mapped<'a>)> = None;
    for m in &domain.mappings {
        let Some(base) = mapping_base(m.mapping) else {
            unknown.push(Unresolved::at(
                "the base path of this API mapping is not known",
                &m.mapping.base_path,
            ));
            continue;
        };
        let base = path::base_path(base);
        let matches =
            base.len() <= segments.len() && base.iter().zip(&segments).all(|(b, s)| b == s);
        if matches && best.as_ref().is_none_or(|(len, _)| base.len() > *len) {
            best = Some((base.len(), *m));
        }
    }
    if !unknown.is_empty() {
        return early(None, depends(unknown));
    }
    let Some((len, mapped)) = best else {
        return early(
            None,
            rejected(
                403,
                MISSING_TOKEN,
                RejectReason::NoMapping,
                source::DOMAIN_403,
            ),
        );
    };
    let rest = path::join(&segments[len..]);
    let with_mapping = |mut r: Resolution<'a>| {
        r.mapping = Some(mapped.mapping);
        r
    };
    let Some(api) = mapped.api else {
        return with_mapping(early(
            None,
            depends(vec![Unresolved::new(
                "the API this mapping sends requests to is not in the input",
                mapped.mapping.span,
                &mapped.mapping.path,
            )]),
        ));
    };
    let Some(stage_name) = mapped.mapping.stage.get() else {
        return with_mapping(early(
            Some(api),
            depends(vec![Unresolved::at(
                "the stage of this API mapping is not known",
                &mapped.mapping.stage,
            )]),
        ));
    };
    let stage = StageMatch {
        name: stage_name.clone(),
        stage: api.stage(stage_name),
    };
    with_mapping(within_stage(
        Some(mapped.mapping),
        api,
        stage,
        method,
        &rest,
    ))
}

/// The base path of a mapping: absent maps the root.
fn mapping_base(m: &Mapping) -> Option<&str> {
    match &m.base_path.val {
        Val::Known(b) => Some(b),
        Val::Absent => Some(""),
        Val::Unknown(_) => None,
    }
}

fn within_stage<'a>(
    mapping: Option<&'a Mapping>,
    api: &'a Api,
    stage: StageMatch<'a>,
    method: &str,
    path: &str,
) -> Resolution<'a> {
    let outcome = match api.kind {
        ApiKind::Rest => rest_route(api, method, path),
        ApiKind::Http => http_route(api, method, path),
        ApiKind::WebSocket => websocket(api, method, path),
        ApiKind::Unknown => depends(vec![Unresolved::new(
            "the API's protocol (REST, HTTP or WebSocket) is not known",
            api.span,
            &api.path,
        )]),
    };
    Resolution {
        mapping,
        rule: None,
        api: Some(api),
        stage: Some(stage),
        route_path: Some(path.to_string()),
        outcome,
    }
}

/// What is unknown about the routes of an API: gaps, and routes whose key is not known.
fn unknown_routes(api: &Api) -> Vec<Unresolved> {
    let mut unknown = gaps(api, Part::Routes);
    unknown.extend(
        api.routes
            .iter()
            .filter(|r| !matches!(r.key.val, Val::Known(_)))
            .map(|r| {
                Unresolved::at(
                    format!("the path or method of `{}` is not known", r.name),
                    &r.key,
                )
            }),
    );
    unknown.extend(
        api.resources
            .iter()
            .filter(|r| !matches!(r.val, Val::Known(_)))
            .map(|r| Unresolved::at("the path of this resource is not known", r)),
    );
    unknown
}

fn empty_segment<'a>(api: &Api, path: &str) -> Outcome<'a> {
    depends(vec![Unresolved::new(
        format!("`{path}` has an empty path segment (`//` or a trailing `/`); how API Gateway routes it is not documented"),
        api.span,
        &api.path,
    )])
}

/// REST: walks the resource tree, a literal child before a `{param}` before a `{proxy+}`,
/// then looks for the method (or `ANY`) on the resource reached.
fn rest_route<'a>(api: &'a Api, method: &str, path: &str) -> Outcome<'a> {
    let unknown = unknown_routes(api);
    if !unknown.is_empty() {
        return depends(unknown);
    }
    let segments = path::split(path);
    if segments.iter().any(|s| s.is_empty()) {
        return empty_segment(api, path);
    }
    let resources = rest_resources(api);
    let mut at: Vec<&str> = Vec::new();
    let mut remaining = segments.as_slice();
    while let Some((seg, rest)) = remaining.split_first() {
        let children: Vec<&str> = resources
            .iter()
            .filter_map(|r| child_part(r, &at))
            .collect();
        let mixed = children
            .iter()
            .find(|c| matches!(Segment::parse(c), Segment::Mixed(_)));
        if let Some(mixed) = mixed {
            return depends(vec![Unresolved::new(
                format!("resource part `{mixed}` mixes text and a path parameter; API Gateway does not route on it"),
                api.span,
                &api.path,
            )]);
        }
        let literal = children.iter().find(|c| *c == seg);
        let param = children
            .iter()
            .find(|c| Segment::parse(c) == Segment::Param);
        let greedy = children
            .iter()
            .find(|c| Segment::parse(c) == Segment::Greedy);
        if let Some(next) = literal.or(param) {
            at.push(next);
            remaining = rest;
        } else if let Some(next) = greedy {
            at.push(next);
            remaining = &[];
        } else {
            return rejected(
                403,
                MISSING_TOKEN,
                RejectReason::NoRoute,
                source::REST_PROXY_RESOURCE,
            );
        }
    }
    let resource = path::join(&at);
    let on_resource: Vec<&Route> = api
        .routes
        .iter()
        .filter(|r| matches!(r.key.get(), Some(RouteKey::Http { path, .. }) if *path == resource))
        .collect();
    let with = |m: &str| {
        on_resource
            .iter()
            .copied()
            .find(|r| matches!(r.key.get(), Some(RouteKey::Http { method, .. }) if method == m))
    };
    match with(method).or_else(|| with("ANY")) {
        Some(route) => Outcome::Route(route_match(api, route)),
        None if method == "HEAD" && with("GET").is_some() => depends(vec![Unresolved::new(
            format!("`{resource}` defines GET but not HEAD; whether API Gateway answers HEAD with the GET method is not documented"),
            api.span,
            &api.path,
        )]),
        None => rejected(403, MISSING_TOKEN, RejectReason::MethodNotAllowed, source::REST_METHOD_MISSING),
    }
}

/// The REST resource paths of an API: those listed, those of its methods, and every prefix
/// of them (a resource's parents exist).
fn rest_resources(api: &Api) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let listed = api.resources.iter().filter_map(|r| r.get().cloned());
    let of_routes = api.routes.iter().filter_map(|r| match r.key.get() {
        Some(RouteKey::Http { path, .. }) => Some(path.clone()),
        _ => None,
    });
    for p in listed.chain(of_routes) {
        let segments = path::split(&p);
        for n in 0..=segments.len() {
            let prefix = path::join(&segments[..n]);
            if !out.contains(&prefix) {
                out.push(prefix);
            }
        }
    }
    out
}

/// The last part of `resource` when it is a direct child of the resource at `parent`.
fn child_part<'r>(resource: &'r str, parent: &[&str]) -> Option<&'r str> {
    let segments = path::split(resource);
    (segments.len() == parent.len() + 1 && segments[..parent.len()] == *parent)
        .then(|| segments.last().copied())
        .flatten()
}

/// HTTP API: a full match of route and method, then a greedy route, then `$default`
/// (`ANY` answers the methods a route path does not define itself).
fn http_route<'a>(api: &'a Api, method: &str, path: &str) -> Outcome<'a> {
    let unknown = unknown_routes(api);
    if !unknown.is_empty() {
        return depends(unknown);
    }
    let segments = path::split(path);
    if segments.iter().any(|s| s.is_empty()) {
        return empty_segment(api, path);
    }
    let mut full: Vec<(&Route, Vec<Segment>)> = Vec::new();
    let mut greedy: Vec<(&Route, Vec<Segment>)> = Vec::new();
    let mut default = None;
    for route in &api.routes {
        match route.key.get() {
            Some(RouteKey::Default) => default = Some(route),
            Some(RouteKey::Http { method: m, path: p }) => {
                if !method_applies(api, m, p, method) {
                    continue;
                }
                let template = path::template(p);
                if let Some(Segment::Mixed(mixed)) =
                    template.iter().find(|s| matches!(s, Segment::Mixed(_)))
                {
                    return depends(vec![Unresolved::at(
                        format!("route path segment `{mixed}` mixes text and a path variable; API Gateway does not route on it"),
                        &route.key,
                    )]);
                }
                match template.split_last() {
                    Some((Segment::Greedy, prefix)) => {
                        if segments.len() > prefix.len()
                            && segments_match(prefix, &segments[..prefix.len()])
                        {
                            greedy.push((route, prefix.to_vec()));
                        }
                    }
                    _ => {
                        if template.len() == segments.len() && segments_match(&template, &segments)
                        {
                            full.push((route, template));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if !full.is_empty() {
        return most_specific(api, full);
    }
    if !greedy.is_empty() {
        let longest = greedy.iter().map(|(_, p)| p.len()).max().unwrap_or(0);
        greedy.retain(|(_, p)| p.len() == longest);
        return most_specific(api, greedy);
    }
    if let Some(route) = default {
        return Outcome::Route(route_match(api, route));
    }
    if method == "OPTIONS" {
        if let Some(cors) = &api.cors {
            return Outcome::Preflight {
                cors,
                source: source::HTTP_CORS,
            };
        }
    }
    rejected(404, NOT_FOUND, RejectReason::NoRoute, source::HTTP_ROUTING)
}

/// True when a route of method `route_method` on `route_path` takes a `method` request: the
/// same method, or `ANY` when no route on that path has the method itself.
fn method_applies(api: &Api, route_method: &str, route_path: &str, method: &str) -> bool {
    if route_method == method {
        return true;
    }
    route_method == "ANY"
        && !api.routes.iter().any(|r| {
            matches!(r.key.get(), Some(RouteKey::Http { method: m, path: p }) if m == method && p == route_path)
        })
}

fn segments_match(template: &[Segment], segments: &[&str]) -> bool {
    template.iter().zip(segments).all(|(t, s)| match t {
        Segment::Literal(l) => l == s,
        Segment::Param | Segment::Greedy => !s.is_empty(),
        Segment::Mixed(_) => false,
    })
}

/// The candidate that is at least as specific as every other at each segment (a literal over
/// a variable); when none is, the choice is not documented.
fn most_specific<'a>(api: &'a Api, candidates: Vec<(&'a Route, Vec<Segment>)>) -> Outcome<'a> {
    let dominates = |a: &[Segment], b: &[Segment]| {
        a.iter()
            .zip(b)
            .all(|(x, y)| !x.is_variable() || y.is_variable())
    };
    let winner = candidates
        .iter()
        .find(|(_, a)| candidates.iter().all(|(_, b)| dominates(a, b)));
    match winner {
        Some((route, _)) => Outcome::Route(route_match(api, route)),
        None => depends(
            candidates
                .iter()
                .map(|(r, _)| {
                    Unresolved::at(
                        format!(
                            "`{}` matches as specifically as another route; which one API Gateway picks is not documented",
                            r.key.get().map(ToString::to_string).unwrap_or_default()
                        ),
                        &r.key,
                    )
                })
                .collect(),
        ),
    }
}

/// WebSocket: the upgrade request is a GET on the stage; `$connect` runs then.
fn websocket<'a>(api: &'a Api, method: &str, path: &str) -> Outcome<'a> {
    if method != "GET" || path != "/" {
        return depends(vec![Unresolved::new(
            format!("a WebSocket API is reached by a GET upgrade request on its stage; what it answers to {method} `{path}` is not documented"),
            api.span,
            &api.path,
        )]);
    }
    let unknown = unknown_routes(api);
    let connect = api
        .routes
        .iter()
        .find(|r| matches!(r.key.get(), Some(RouteKey::WebSocket { key }) if key == "$connect"));
    match connect {
        Some(route) => Outcome::WebSocketConnect {
            connect: Some(route_match(api, route)),
        },
        None if unknown.is_empty() => Outcome::WebSocketConnect { connect: None },
        None => depends(unknown),
    }
}

/// What a route asks of a request: its authorization and API key (for rules that judge a
/// route without a request path).
pub fn route_match<'a>(api: &'a Api, route: &'a Route) -> RouteMatch<'a> {
    RouteMatch {
        route,
        auth: auth(api, route),
        api_key: api_key(api, route),
    }
}

fn auth<'a>(api: &'a Api, route: &'a Route) -> Auth<'a> {
    let authorization = match &route.authorization.val {
        Val::Absent => return Auth::Open,
        Val::Unknown(_) => {
            return Auth::Depends {
                unknown: vec![Unresolved::at(
                    format!("the authorization type of `{}` is not known", route.name),
                    &route.authorization,
                )],
            }
        }
        Val::Known(a) => a,
    };
    match authorization {
        Authorization::None => return Auth::Open,
        Authorization::AwsIam => return Auth::Iam,
        Authorization::Other(value) => {
            return Auth::Depends {
                unknown: vec![Unresolved::at(
                    format!("`{value}` is not an authorization type API Gateway defines"),
                    &route.authorization,
                )],
            }
        }
        Authorization::Custom | Authorization::CognitoUserPools | Authorization::Jwt => {}
    }
    let Some(name) = route.authorizer.get() else {
        return Auth::Depends {
            unknown: vec![Unresolved::at(
                format!("the authorizer of `{}` is not known", route.name),
                &route.authorizer,
            )],
        };
    };
    let Some(authorizer) = api.authorizer(name) else {
        let mut unknown = gaps(api, Part::Authorizers);
        if unknown.is_empty() {
            unknown.push(Unresolved::at(
                format!("authorizer `{name}` is not in the input"),
                &route.authorizer,
            ));
        }
        return Auth::Depends { unknown };
    };
    Auth::Authorizer(identity(api, authorization.clone(), authorizer))
}

/// The identity an authorizer needs from the request.
fn identity<'a>(
    api: &Api,
    authorization: Authorization,
    authorizer: &'a Authorizer,
) -> AuthorizerCheck<'a> {
    let mut unknown = Vec::new();
    let sources: Vec<IdentitySource> = match &authorizer.identity_sources.val {
        Val::Known(items) => {
            for item in items.iter().filter(|i| i.get().is_none()) {
                unknown.push(Unresolved::at(
                    "an identity source of the authorizer is not known",
                    item,
                ));
            }
            items.iter().filter_map(|i| i.get().cloned()).collect()
        }
        Val::Unknown(_) => {
            unknown.push(Unresolved::at(
                format!(
                    "the identity sources of authorizer `{}` are not known",
                    authorizer.name
                ),
                &authorizer.identity_sources,
            ));
            Vec::new()
        }
        Val::Absent => Vec::new(),
    };
    let kind = match &authorizer.kind.val {
        Val::Known(kind) => Some(*kind),
        _ => {
            unknown.push(Unresolved::at(
                format!("the type of authorizer `{}` is not known", authorizer.name),
                &authorizer.kind,
            ));
            None
        }
    };
    let (required, source) = match (api.kind, kind) {
        (ApiKind::Http, Some(AuthorizerKind::Jwt)) => (true, source::HTTP_JWT_AUTHORIZER),
        (ApiKind::Http, _) => (true, source::HTTP_LAMBDA_AUTHORIZER),
        (_, Some(AuthorizerKind::Request)) => match &authorizer.result_ttl.val {
            // Caching is on by default (300 s) and then the identity sources are required.
            Val::Known(ttl) => (*ttl > 0, source::REST_LAMBDA_AUTHORIZER),
            Val::Absent => (true, source::REST_LAMBDA_AUTHORIZER),
            Val::Unknown(_) => {
                unknown.push(Unresolved::at(
                    "whether the authorizer caches its results (which makes its identity sources required) is not known",
                    &authorizer.result_ttl,
                ));
                (false, source::REST_LAMBDA_AUTHORIZER)
            }
        },
        _ => (true, source::REST_LAMBDA_AUTHORIZER),
    };
    let required = if required {
        sources
            .iter()
            .filter(|s| s.from_request())
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    AuthorizerCheck {
        authorization,
        authorizer,
        identity_sources: sources,
        required,
        unknown,
        source,
    }
}

fn api_key(api: &Api, route: &Route) -> ApiKey {
    match &route.api_key_required.val {
        Val::Known(false) | Val::Absent => ApiKey::NotRequired,
        Val::Unknown(_) => ApiKey::Depends {
            unknown: vec![Unresolved::at(
                format!("whether `{}` requires an API key is not known", route.name),
                &route.api_key_required,
            )],
        },
        Val::Known(true) => match &api.api_key_source.val {
            Val::Absent => ApiKey::Header,
            Val::Known(s) if s.eq_ignore_ascii_case("HEADER") => ApiKey::Header,
            Val::Known(s) if s.eq_ignore_ascii_case("AUTHORIZER") => ApiKey::FromAuthorizer,
            _ => ApiKey::Depends {
                unknown: vec![Unresolved::at(
                    "where the API takes API keys from (`ApiKeySourceType`) is not known",
                    &api.api_key_source,
                )],
            },
        },
    }
}

#[cfg(test)]
mod tests;
