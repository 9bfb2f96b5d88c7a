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

use super::{
    answer, api_kind_text, api_responses, function_url, rejection, route, routing, ApiAnswer,
    OriginRequest, PASTE,
};
use crate::api::resolve::resolve_with_headers;
use crate::api::resolve::{Outcome, Resolution, Unresolved};
use crate::api::{resolve, Api, Authorization, Entry, Part};
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
    let resolution = match &entry {
        Entry::CustomDomain(domain) => {
            if let Some(a) = routing::answer_for(domain, request, path) {
                return a;
            }
            resolve_with_headers(&entry, &request.method, path, &routing::arriving(request))
        }
        _ => resolve(&entry, &request.method, path),
    };
    let mut a = match &resolution.outcome {
        Outcome::Function { url } => return function_url::answer_for(doc, url, request),
        Outcome::Rejected(r) => rejection::rejected(&entry, &resolution, *r, request, path),
        Outcome::Depends { unknown } => match resolution.api.filter(|a| every_route_iam(a)) {
            Some(api) => all_iam(api, request, path),
            None => depends(&entry, &resolution, unknown, request, path),
        },
        Outcome::Route(m) => route::route(&resolution, m, request, path),
        Outcome::WebSocketConnect { connect } => {
            route::websocket(&resolution, connect.as_ref(), request)
        }
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
pub(super) fn api_label(api: &Api) -> String {
    format!("{} `{}`", api_kind_text(api.kind), api.display_name())
}

/// Where the request went: "stage `prod` of REST API `Orders`".
pub(super) fn where_(r: &Resolution<'_>) -> String {
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

pub(super) fn listed(names: impl IntoIterator<Item = String>) -> String {
    let names: Vec<String> = names.into_iter().map(|n| format!("`{n}`")).collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

/// The position of the origin path, or of the origin when it has none.
pub(super) fn origin_path_span(request: &OriginRequest<'_>) -> Span {
    let origin = request.origin;
    if origin.origin_path.get().is_some_and(|p| !p.is_empty()) {
        origin.origin_path.span
    } else {
        origin.span
    }
}

pub(super) fn origin_path_empty(request: &OriginRequest<'_>) -> bool {
    request
        .origin
        .origin_path
        .get()
        .is_none_or(String::is_empty)
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
