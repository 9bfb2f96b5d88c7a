//! API Gateway's own answers: no stage, no API mapping, no resource or route, no method, the
//! default endpoint turned off — with the status and body [`crate::api::resolve`] found and
//! the AWS page it follows (see [`super::gateway`] for the sources).

use super::gateway::{api_label, listed, origin_path_empty, origin_path_span, where_};
use super::{answer, ApiAnswer, OriginRequest};
use crate::api::resolve::{RejectReason, Rejection, Resolution};
use crate::api::{Api, Entry, RouteKey};
use crate::model::ApiKind;
use crate::span::Span;
use crate::trace::{AnsweredBy, Possibility, Verdict};

/// API Gateway answers by itself.
pub(super) fn rejected(
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
                "{} turns off its default execute-api endpoint (`{}`): API Gateway answers {status} {body}",
                api_label(api),
                api.disable_execute_api_endpoint
                    .written_key("DisableExecuteApiEndpoint")
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
