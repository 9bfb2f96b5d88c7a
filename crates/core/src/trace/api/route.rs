//! A matched route (or the WebSocket `$connect` route): what it asks of the request decides —
//! the first refusal, else what the input does not show, else the route's integration answers.

use super::access::{self, Check};
use super::gateway::where_;
use super::{answer, ApiAnswer, OriginRequest};
use crate::api::resolve::{self, Resolution, RouteMatch};
use crate::model::ApiKind;
use crate::span::Span;
use crate::trace::{AnsweredBy, Possibility, Verdict};

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
pub(super) fn route(
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
pub(super) fn websocket(
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
