//! The routing rules of a REST custom domain: which rule takes the request, with the headers
//! CloudFront forwards. Rules are evaluated lowest priority first, before any API mapping
//! (<https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-rules.html>).

use super::{answer, api_responses, ApiAnswer, OriginRequest};
use crate::api::resolve::{routed, source, CustomDomain, Outcome};
use crate::api::ConditionTest;
use crate::trace::{AnsweredBy, Possibility, Verdict};

/// The headers that reach API Gateway, name and value.
pub(super) fn arriving(request: &OriginRequest<'_>) -> Vec<(String, String)> {
    request
        .headers
        .iter()
        .filter(|h| h.arrives == Some(true))
        .map(|h| (h.name.clone(), h.value.clone()))
        .collect()
}

/// What the routing rules of `domain` do with the request: `None` when the domain has none in
/// use, or none matches and its API mappings decide.
pub(super) fn answer_for(
    domain: &CustomDomain<'_>,
    request: &OriginRequest<'_>,
    path: &str,
) -> Option<ApiAnswer> {
    if domain.rules.is_empty() || !domain.mode.is_some_and(|m| m.uses_rules()) {
        return None;
    }
    let host = request
        .origin
        .domain_name
        .get()
        .map(String::as_str)
        .unwrap_or_default();
    let tested: Vec<&str> = domain
        .rules
        .iter()
        .filter_map(|r| r.rule.conditions.get())
        .flatten()
        .filter_map(|c| match &c.test {
            ConditionTest::Headers(any_of) => Some(any_of),
            _ => None,
        })
        .flatten()
        .filter_map(|m| m.header.get().map(String::as_str))
        .collect();
    if let Some(h) = tested.iter().find(|h| {
        request
            .headers
            .iter()
            .any(|x| x.name.eq_ignore_ascii_case(h) && x.arrives.is_none())
    }) {
        return Some(answer(
            Verdict::Depends,
            format!("custom domain `{host}` has routing rules that test header `{h}`, and whether CloudFront forwards it is not known here"),
            api_responses(),
        ));
    }
    let headers = arriving(request);
    let resolution = routed(domain, &request.method, path, Some(&headers))?;
    let Some(rule) = resolution.rule else {
        let why = match &resolution.outcome {
            Outcome::Depends { unknown } => unknown
                .iter()
                .map(|u| u.reason.clone())
                .collect::<Vec<_>>()
                .join("; "),
            _ => String::new(),
        };
        return Some(answer(
            Verdict::Depends,
            format!("custom domain `{host}` routes by routing rules: {why}"),
            api_responses(),
        ));
    };
    let priority = rule
        .priority
        .get()
        .map_or_else(String::new, |p| format!(" (priority {p})"));
    let target = match (resolution.api, resolution.stage.as_ref()) {
        (Some(api), Some(stage)) => format!("stage `{}` of `{}`", stage.name, api.name),
        _ => "its API stage".to_string(),
    };
    let route_path = resolution.route_path.as_deref().unwrap_or(path);
    let a = match &resolution.outcome {
        Outcome::Rejected(r) => answer(
            Verdict::Fail,
            format!("custom domain `{host}` sends `{path}` by routing rule `{}`{priority} to {target} as `{route_path}`, which answers {} by itself", rule.name, r.status),
            vec![Possibility::new(Some(r.status), AnsweredBy::ApiGateway, "API Gateway answers by itself")],
        ),
        _ => answer(
            Verdict::Depends,
            format!("custom domain `{host}` sends `{path}` by routing rule `{}`{priority} to {target} as `{route_path}`; the route, authorizer and integration decide the answer", rule.name),
            api_responses(),
        ),
    };
    Some(a.at(rule.span).detail(format!(
        "routing rules are evaluated lowest priority first, before any API mapping ({})",
        source::ROUTING_RULES
    )))
}
