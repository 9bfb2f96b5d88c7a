//! API Gateway and function URL origins: the API model's route resolution made into the API
//! hop.
//!
//! Sources (each decision of [`crate::api::resolve`] carries its own page, shown in the hop's
//! details):
//! - a REST API path whose first segment is no stage: 403 `{"message":"Forbidden"}`
//!   (<https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden>);
//! - no REST resource, or no method on the resource: 403 `{"message":"Missing Authentication
//!   Token"}` (`MISSING_AUTHENTICATION_TOKEN`,
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html>);
//! - an HTTP API without a stage for the path (no `$default` stage) or without a route:
//!   `{"message":"Not Found"}`
//!   (<https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html>);
//! - a custom domain path that no API mapping takes: 403 "Missing Authentication Token"
//!   (<https://repost.aws/knowledge-center/api-gateway-403-custom-domain>);
//! - the default endpoint turned off: 403 REST, 404 HTTP
//!   (<https://repost.aws/knowledge-center/api-gateway-disable-endpoint>);
//! - the `$default` stage is served from the root and is never named in a URL
//!   (<https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html>).

use super::access::{self, Check};
use super::{answer, api_kind_text, api_name, api_responses, function_url, ApiAnswer, OriginRequest, PASTE};
use crate::api::resolve::{Outcome, RejectReason, Rejection, Resolution, RouteMatch, Unresolved};
use crate::api::{resolve, Api, Authorization, Entry, Part, RouteKey};
use crate::model::{ApiKind, Document, OriginKind};
use crate::span::Span;
use crate::trace::{AnsweredBy, Possibility, Verdict};

/// The origin path that names the `$default` stage.
fn names_default_stage(request: &OriginRequest<'_>) -> bool {
    request
        .origin
        .origin_path
        .get()
        .is_some_and(|p| p.trim_end_matches('/') == "/$default")
}

/// What the API Gateway or function URL origin of `request` does with it.
pub(super) fn origin_answer(doc: &Document, request: &OriginRequest<'_>) -> ApiAnswer {
    let origin = request.origin;
    let Some(entry) = doc.api_model.entry_for(origin) else {
        return not_in_input(request);
    };
    let Some(path) = request.path.as_deref() else {
        return answer(
            Verdict::Depends,
            "the origin path is not known here, so neither is the stage or route the request reaches",
            api_responses(),
        )
        .at(origin.origin_path.span);
    };
    let resolution = resolve(&entry, &request.method, path);
    let mut a = match &resolution.outcome {
        Outcome::Function { url } => return function_url::answer_for(doc, url, request),
        Outcome::Rejected(r) => rejected(&entry, &resolution, *r, request, path),
        Outcome::Depends { unknown } => match resolution.api.filter(|a| every_route_iam(a)) {
            Some(api) => all_iam(api, request, path),
            None => depends(&entry, &resolution, unknown, request, path),
        },
        Outcome::Route(m) => route(&resolution, m, request, path),
        Outcome::WebSocketConnect { connect } => websocket(&resolution, connect.as_ref(), request),
        Outcome::Preflight { cors, source } => answer(
            Verdict::Ok,
            format!(
                "{} has a CORS configuration and no route for this OPTIONS request: API Gateway answers the preflight itself",
                where_(&resolution)
            ),
            vec![Possibility::new(None, AnsweredBy::ApiGateway, "API Gateway answers the CORS preflight")],
        )
        .at(cors.span)
        .detail(format!("documented at {source}")),
    };
    if let Some(m) = resolution.mapping {
        let through = match m.base_path.get().map(|b| b.trim_matches('/')) {
            Some(b) if !b.is_empty() && b != "(none)" => format!("the base path `{b}`"),
            _ => "the root mapping `(none)`".into(),
        };
        a.details.insert(
            0,
            format!(
                "the custom domain takes it through {through} to stage `{}`",
                m.stage.get().map_or("(not known)", String::as_str)
            ),
        );
    }
    if names_default_stage(request)
        && !matches!(resolution.api.map(|a| a.kind), Some(ApiKind::Rest))
    {
        a.details.push(
            "the origin path `/$default` is sent as part of the path: the `$default` stage is served from the root and is never named in a URL".into(),
        );
        if a.verdict == Verdict::Ok {
            a.verdict = Verdict::Depends;
            a.message.push_str(&format!(
                "; it receives the path with the `/$default` prefix ({path})"
            ));
        }
        a.rule = Some("apigw-origin-path-on-default-stage");
        a.span = Some(origin.origin_path.span).filter(|s| s.line > 0);
    }
    a
}

/// An API Gateway origin whose API is not in the input.
fn not_in_input(request: &OriginRequest<'_>) -> ApiAnswer {
    let origin = request.origin;
    let host = origin
        .domain_name
        .get()
        .map_or("(host not known)", String::as_str);
    match &origin.kind.0 {
        OriginKind::LambdaUrl { .. } => function_url::not_in_input(request),
        OriginKind::ApiGatewayDefault { .. } if names_default_stage(request) => answer(
            Verdict::Fail,
            format!(
                "the origin path `/$default` is sent as part of the path (`{}`): the `$default` stage is served from the root and is never named in a URL, so no route expects that prefix",
                request.path.as_deref().unwrap_or("/$default/…")
            ),
            vec![Possibility::new(None, AnsweredBy::ApiGateway, "no route expects the `/$default` prefix")],
        )
        .at(origin.origin_path.span)
        .rule("apigw-origin-path-on-default-stage"),
        OriginKind::ApiGatewayCustomDomain => answer(
            Verdict::Depends,
            format!("custom domain `{host}`: its API mappings and the API behind them are not in this input — {PASTE}"),
            api_responses(),
        )
        .at(origin.domain_name.span),
        OriginKind::ApiGatewayPrivateVpce => answer(
            Verdict::Depends,
            "a private API behind a VPC endpoint: reachability from CloudFront and the endpoint's routing decide",
            vec![Possibility::new(None, AnsweredBy::ApiGateway, "API Gateway answers through the VPC endpoint")],
        )
        .at(origin.domain_name.span),
        _ => answer(
            Verdict::Depends,
            format!("the API behind `{host}` is not in this input: its stages, routes and authorizers decide the answer — {PASTE}"),
            api_responses(),
        )
        .at(origin.domain_name.span),
    }
}

/// "REST API `Orders`", "HTTP API `catalog`".
fn api_label(api: &Api) -> String {
    format!("{} `{}`", api_kind_text(api.kind), api_name(api))
}

/// Where the request went: "stage `prod` of REST API `Orders`".
fn where_(r: &Resolution<'_>) -> String {
    match (r.api, &r.stage) {
        (Some(api), Some(stage)) if stage.name == "$default" => {
            format!(
                "the `$default` stage of {} (served from the root)",
                api_label(api)
            )
        }
        (Some(api), Some(stage)) => format!("stage `{}` of {}", stage.name, api_label(api)),
        (Some(api), None) => api_label(api),
        (None, _) => "the custom domain".into(),
    }
}

fn listed(names: impl IntoIterator<Item = String>) -> String {
    let names: Vec<String> = names.into_iter().map(|n| format!("`{n}`")).collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

/// The position of the origin path, or of the origin when it has none.
fn origin_path_span(request: &OriginRequest<'_>) -> Span {
    let origin = request.origin;
    if origin.origin_path.get().is_some_and(|p| !p.is_empty()) {
        origin.origin_path.span
    } else {
        origin.span
    }
}

fn origin_path_empty(request: &OriginRequest<'_>) -> bool {
    request
        .origin
        .origin_path
        .get()
        .is_none_or(String::is_empty)
}

/// API Gateway answers by itself.
fn rejected(
    entry: &Entry<'_>,
    r: &Resolution<'_>,
    rejection: Rejection,
    request: &OriginRequest<'_>,
    path: &str,
) -> ApiAnswer {
    let status = rejection.status;
    let body = rejection.body;
    let routed = r.route_path.as_deref().unwrap_or(path);
    let (message, span, rule) = match (rejection.reason, r.api) {
        (RejectReason::DefaultEndpointDisabled, Some(api)) => (
            format!(
                "{} turns off its default execute-api endpoint (`DisableExecuteApiEndpoint`): API Gateway answers {status} {body}",
                api_label(api)
            ),
            api.disable_execute_api_endpoint.span,
            Some("apigw-default-endpoint-disabled"),
        ),
        (RejectReason::NoStage, Some(api)) => {
            let stages = listed(api.stages.iter().filter_map(|s| s.stage_name.get().cloned()));
            let first = path.trim_start_matches('/').split('/').next().unwrap_or_default();
            let text = match api.kind {
                ApiKind::Http => format!(
                    "{} receives `{path}`: it has no `$default` stage and `{first}` is none of its stages ({stages})",
                    api_label(api)
                ),
                _ => format!(
                    "{} receives `{path}`: its first segment `{first}` is none of its stages ({stages})",
                    api_label(api)
                ),
            };
            let rule = (api.kind == ApiKind::Rest && origin_path_empty(request))
                .then_some("apigw-rest-origin-path-missing-stage");
            (
                format!("{text}: API Gateway answers {status} {body}"),
                origin_path_span(request),
                rule,
            )
        }
        (RejectReason::NoMapping, _) => {
            let bases = match entry {
                Entry::CustomDomain(d) => listed(d.mappings.iter().map(|m| {
                    m.mapping
                        .base_path
                        .get()
                        .filter(|b| !b.is_empty())
                        .cloned()
                        .unwrap_or_else(|| "(none)".into())
                })),
                _ => "none".into(),
            };
            let host = request.origin.domain_name.get().map_or("", String::as_str);
            let rule = (!origin_path_empty(request)).then_some("apigw-custom-domain-origin-path-stage");
            (
                format!(
                    "custom domain `{host}` receives `{path}`, which none of its API mappings ({bases}) takes, and none maps the root: API Gateway answers {status} {body}"
                ),
                origin_path_span(request),
                rule,
            )
        }
        (RejectReason::NoRoute, Some(api)) => (
            match api.kind {
                ApiKind::Rest => format!(
                    "no resource of {} matches `{routed}`: API Gateway answers {status} {body}",
                    where_(r)
                ),
                _ => format!(
                    "no route of {} matches {} `{routed}`: API Gateway answers {status} {body}",
                    where_(r),
                    request.method
                ),
            },
            api.span,
            None,
        ),
        (RejectReason::MethodNotAllowed, Some(api)) => {
            let on = routes_on(api, routed);
            let methods = listed(on.iter().map(|(m, _)| m.clone()));
            let text = if on.is_empty() {
                format!("resource `{routed}` of {} defines no method", where_(r))
            } else {
                format!(
                    "resource `{routed}` of {} defines {methods} but not {}",
                    where_(r),
                    request.method
                )
            };
            (
                format!("{text}: API Gateway answers {status} {body}"),
                on.first().map_or(api.span, |(_, s)| *s),
                None,
            )
        }
        (_, None) => (
            format!("API Gateway answers {status} {body}"),
            origin_path_span(request),
            None,
        ),
    };
    let mut a = answer(
        Verdict::Fail,
        message,
        vec![Possibility::new(
            Some(status),
            AnsweredBy::ApiGateway,
            format!("API Gateway answers {body}"),
        )],
    )
    .at(span)
    .detail(format!("documented at {}", rejection.source));
    if let Some(rule) = rule {
        a = a.rule(rule);
    }
    if let Some(api) = r.api {
        if matches!(rejection.reason, RejectReason::NoRoute) {
            a = a.detail(routes_line(api));
        }
    }
    a
}

/// The routes of an API, for a detail line.
fn routes_line(api: &Api) -> String {
    const SHOWN: usize = 12;
    let keys: Vec<String> = api
        .routes
        .iter()
        .filter_map(|r| r.key.get().map(ToString::to_string))
        .collect();
    let more = keys.len().saturating_sub(SHOWN);
    let mut line = format!(
        "routes of {}: {}",
        api_label(api),
        keys.iter()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    );
    if more > 0 {
        line.push_str(&format!(" and {more} more"));
    }
    line
}

/// The methods defined on the REST resource that `path` reached, with their positions.
fn routes_on(api: &Api, path: &str) -> Vec<(String, Span)> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    api.routes
        .iter()
        .filter_map(|r| match r.key.get() {
            Some(RouteKey::Http { method, path: p }) => {
                let template: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
                template_matches(&template, &segments).then(|| (method.clone(), r.span))
            }
            _ => None,
        })
        .collect()
}

/// True when a resource template (`/items/{id}`, `/{proxy+}`) takes the path segments.
fn template_matches(template: &[&str], segments: &[&str]) -> bool {
    match (template.split_first(), segments.split_first()) {
        (None, None) => true,
        (Some((t, _)), Some(_)) if t.starts_with('{') && t.ends_with("+}") => true,
        (Some((t, trest)), Some((s, srest))) => {
            (t == s || (t.starts_with('{') && t.ends_with('}'))) && template_matches(trest, srest)
        }
        _ => false,
    }
}

/// True for a REST API whose routes are all known and all use `AWS_IAM` authorization.
fn every_route_iam(api: &Api) -> bool {
    api.kind == ApiKind::Rest
        && api.knows(Part::Routes)
        && !api.routes.is_empty()
        && api
            .routes
            .iter()
            .all(|r| r.key.get().is_some() && r.authorization.get() == Some(&Authorization::AwsIam))
}

/// A REST API whose every method uses IAM authorization: whatever stage and resource the request
/// reaches, API Gateway answers 403 (no stage: `Forbidden`; no resource or method: `Missing
/// Authentication Token`; an `AWS_IAM` method through CloudFront: see [`access`]).
fn all_iam(api: &Api, request: &OriginRequest<'_>, path: &str) -> ApiAnswer {
    let first = api
        .routes
        .first()
        .map_or(api.span, |r| r.authorization.span);
    answer(
        Verdict::Fail,
        format!(
            "every method of {} uses AWS_IAM authorization, and a request through CloudFront is not signed for the API's host: whatever stage and resource `{path}` reaches, API Gateway answers 403",
            api_label(api)
        ),
        vec![Possibility::new(
            Some(403),
            AnsweredBy::ApiGateway,
            "IAM authorization refuses the request",
        )],
    )
    .at(if first.line > 0 { first } else { request.origin.span })
    .rule("apigw-iam-auth-behind-cloudfront")
    .detail("documented at https://repost.aws/knowledge-center/api-gateway-authentication-token-errors")
}

/// What the input does not show.
fn depends(
    entry: &Entry<'_>,
    r: &Resolution<'_>,
    unknown: &[Unresolved],
    request: &OriginRequest<'_>,
    path: &str,
) -> ApiAnswer {
    let mut reasons: Vec<&str> = Vec::new();
    for u in unknown {
        if !reasons.contains(&u.reason.as_str()) {
            reasons.push(&u.reason);
        }
    }
    let lead = match entry {
        Entry::CustomDomain(_) if r.api.is_none() => format!(
            "custom domain `{}` receives `{path}`",
            request.origin.domain_name.get().map_or("", String::as_str)
        ),
        _ if r.stage.is_some() => format!("`{path}` reaches {}", where_(r)),
        _ => format!("{} receives `{path}`", where_(r)),
    };
    let span = unknown
        .iter()
        .map(|u| u.span)
        .find(|s| s.line > 0)
        .or(r.api.map(|a| a.span))
        .unwrap_or(request.origin.domain_name.span);
    let mut responses = api_responses();
    match r.api.map(|a| a.kind) {
        Some(ApiKind::Rest) => responses.push(Possibility::new(
            Some(403),
            AnsweredBy::ApiGateway,
            "no resource and method of the API match the path (403 Missing Authentication Token)",
        )),
        Some(ApiKind::Http) => responses.push(Possibility::new(
            Some(404),
            AnsweredBy::ApiGateway,
            "no route of the API matches the path (404 Not Found)",
        )),
        _ => {}
    }
    answer(
        Verdict::Depends,
        format!(
            "{lead}; what happens there is not known: {} — {PASTE}",
            reasons.join("; ")
        ),
        responses,
    )
    .at(span)
}

/// "`GET /prod/orders` reaches stage `prod` of REST API `Orders` and its route `GET /orders`".
fn route_label(r: &Resolution<'_>, m: &RouteMatch<'_>, method: &str, path: &str) -> String {
    let key = m
        .route
        .key
        .get()
        .map_or_else(|| m.route.name.clone(), ToString::to_string);
    format!(
        "`{method} {path}` reaches {} and its route `{key}`",
        where_(r)
    )
}

/// A route matched: what it asks of the request decides.
fn route(
    r: &Resolution<'_>,
    m: &RouteMatch<'_>,
    request: &OriginRequest<'_>,
    path: &str,
) -> ApiAnswer {
    let kind = r.api.map_or(ApiKind::Unknown, |a| a.kind);
    let label = route_label(r, m, &request.method, path);
    let integration = m
        .route
        .integration
        .get()
        .map_or(String::new(), |i| format!(" ({i})"));
    let passes = Possibility::new(
        None,
        AnsweredBy::Integration,
        format!("the integration{integration} of the route answers"),
    );
    let open = matches!(m.auth, resolve::Auth::Open);
    let mut a = decide(
        label,
        access::checks(kind, m, request),
        passes,
        m.route.span,
        open,
    );
    if a.verdict == Verdict::Ok {
        a.message
            .push_str(&format!("; its integration{integration} answers"));
    }
    a
}

/// The WebSocket upgrade request: `$connect` runs, with its authorization.
fn websocket(
    r: &Resolution<'_>,
    connect: Option<&RouteMatch<'_>>,
    request: &OriginRequest<'_>,
) -> ApiAnswer {
    let Some(m) = connect else {
        return answer(
            Verdict::Ok,
            format!(
                "{} has no `$connect` route: API Gateway accepts the WebSocket connection",
                where_(r)
            ),
            vec![Possibility::new(
                None,
                AnsweredBy::ApiGateway,
                "API Gateway accepts the WebSocket connection",
            )],
        )
        .at(r.api.map_or(Span::default(), |a| a.span));
    };
    let kind = r.api.map_or(ApiKind::WebSocket, |a| a.kind);
    let label = format!(
        "the WebSocket upgrade request {}",
        route_label(
            r,
            m,
            &request.method,
            request.path.as_deref().unwrap_or("/")
        )
    );
    let passes = Possibility::new(
        None,
        AnsweredBy::Integration,
        "the `$connect` integration accepts or refuses the connection",
    );
    let open = matches!(m.auth, resolve::Auth::Open);
    decide(
        label,
        access::checks(kind, m, request),
        passes,
        m.route.span,
        open,
    )
}

/// The hop from a route's checks: the first refusal, else what is not known, else the route
/// passes.
fn decide(
    label: String,
    checks: Vec<Check>,
    passes: Possibility,
    route_span: Span,
    open: bool,
) -> ApiAnswer {
    let fails: Vec<&Check> = checks
        .iter()
        .filter(|c| c.verdict == Verdict::Fail)
        .collect();
    let unknown: Vec<&Check> = checks
        .iter()
        .filter(|c| c.verdict == Verdict::Depends)
        .collect();
    let sources = |cs: &[&Check]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in cs {
            let line = format!("documented at {}", c.source);
            if !out.contains(&line) {
                out.push(line);
            }
        }
        out
    };
    let messages = |cs: &[&Check]| {
        cs.iter()
            .map(|c| c.message.clone())
            .collect::<Vec<_>>()
            .join("; and ")
    };
    if let Some(first) = fails.first() {
        let mut a = answer(
            Verdict::Fail,
            format!("{label}: {}", messages(&fails)),
            fails.iter().flat_map(|c| c.responses.clone()).collect(),
        )
        .at(first.span);
        a.rule = first.rule;
        a.details = sources(&fails);
        if fails.len() > 1 {
            a.details.push(
                "which of these checks API Gateway makes first is not documented, so either answer is possible".into(),
            );
        }
        return a;
    }
    let all: Vec<&Check> = checks.iter().collect();
    let mut responses = vec![passes];
    responses.extend(checks.iter().flat_map(|c| c.responses.clone()));
    if let Some(first) = unknown.first() {
        let mut a = answer(
            Verdict::Depends,
            format!("{label}: {}", messages(&unknown)),
            responses,
        )
        .at(first.span);
        a.details = sources(&all);
        return a;
    }
    let text = if checks.is_empty() {
        if open {
            format!("{label}: it is open (no authorization)")
        } else {
            label
        }
    } else {
        format!("{label}: {}", messages(&all))
    };
    let span = checks.first().map_or(route_span, |c| c.span);
    let mut a = answer(Verdict::Ok, text, responses).at(span);
    a.details = sources(&all);
    a
}
