//! Hop 8: what the API (or another origin) does with the origin request.
//!
//! [`ApiLookup`] is how a trace asks about the API behind an origin; an API model that knows
//! routes, methods and authorizers implements it. [`DocumentApis`] answers from what a
//! [`Document`] holds today: API kinds, stages, base path mappings, method authorization types,
//! Lambda function URL auth types and origin access controls; where it cannot decide it says
//! "depends" and what to paste.
//!
//! Sources:
//! - a REST API request to a stage, resource or method that does not exist, or an unsigned request
//!   to an IAM-authorized method, gets 403 "Missing Authentication Token" (re:Post Knowledge
//!   Center, <https://repost.aws/knowledge-center/api-gateway-authentication-token-errors>;
//!   gateway responses `MISSING_AUTHENTICATION_TOKEN` 403 and `INVALID_SIGNATURE` 403,
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html>);
//! - a custom domain routes by its API mappings and answers 403 "Missing Authentication Token"
//!   to a path no mapping covers (<https://repost.aws/knowledge-center/api-gateway-403-custom-domain>);
//! - an HTTP API's `$default` stage is served from the root, named stages under their name
//!   (<https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html>);
//! - IAM authorization needs a SigV4 signature, which covers the `Host` header
//!   (<https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control-iam.html>);
//! - a disabled default endpoint answers 403
//!   (<https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-disable-default-endpoint.html>);
//! - a function URL with `AuthType: AWS_IAM` takes only signed requests; with origin access
//!   control CloudFront signs them, and POST/PUT need `x-amz-content-sha256` from the viewer
//!   (<https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html>,
//!   <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html>).

use super::origin::{kind_text, oac_signs};
use super::{AnsweredBy, Hop, Possibility, Stage, Verdict, Walk};
use crate::model::{Api, ApiKind, Behavior, Document, Origin, OriginKind, Stage as ApiStage};
use crate::span::Span;
use crate::value::Val;

/// A viewer header (or an origin custom header) and whether it reaches the origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrivingHeader {
    /// Lower case.
    pub name: String,
    pub value: String,
    /// `None` when a policy that decides it is not known.
    pub arrives: Option<bool>,
}

/// The request as the origin receives it.
#[derive(Debug, Clone)]
pub struct OriginRequest<'a> {
    pub origin: &'a Origin,
    pub behavior: &'a Behavior,
    pub method: String,
    /// Origin path + path after functions; `None` when the origin path is not known.
    pub path: Option<String>,
    /// The query string that arrives (when `query_known`).
    pub query: Option<String>,
    pub query_known: bool,
    /// The viewer's headers (with whether each arrives) and the origin custom headers.
    pub headers: Vec<ArrivingHeader>,
    /// Whether the viewer's `Host` is forwarded (else the origin's own name is sent).
    pub host_forwarded: Option<bool>,
    pub viewer_host: String,
}

impl OriginRequest<'_> {
    /// Whether a header (any case) arrives: `Some(false)` when the viewer did not send it.
    pub fn header_arrives(&self, name: &str) -> Option<bool> {
        self.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map_or(Some(false), |h| h.arrives)
    }
}

/// What the API answers: the hop's verdict, message, position and rule, and the responses, the
/// first being what happens when nothing unknown differs.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiAnswer {
    pub verdict: Verdict,
    pub message: String,
    pub details: Vec<String>,
    pub span: Option<Span>,
    pub rule: Option<&'static str>,
    pub responses: Vec<Possibility>,
}

/// Knows the API behind an origin.
pub trait ApiLookup {
    /// What the API behind `request.origin` does with `request`; `None` when this lookup does
    /// not know that origin's API (the trace then asks [`DocumentApis`]).
    fn answer(&self, doc: &Document, request: &OriginRequest<'_>) -> Option<ApiAnswer>;
}

/// The built-in [`ApiLookup`]: what the [`Document`] holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocumentApis;

fn answer(verdict: Verdict, message: impl Into<String>, responses: Vec<Possibility>) -> ApiAnswer {
    ApiAnswer {
        verdict,
        message: message.into(),
        details: Vec::new(),
        span: None,
        rule: None,
        responses,
    }
}

impl ApiAnswer {
    fn at(mut self, span: Span) -> Self {
        self.span = (span.line > 0).then_some(span);
        self
    }

    fn rule(mut self, slug: &'static str) -> Self {
        self.rule = Some(slug);
        self
    }

    fn detail(mut self, line: impl Into<String>) -> Self {
        self.details.push(line.into());
        self
    }
}

/// What an API answers when its routes and authorizers are not known: the integration when a
/// route matches, or API Gateway itself.
fn api_responses() -> Vec<Possibility> {
    vec![
        Possibility::new(
            None,
            AnsweredBy::Integration,
            "a route matches and its integration answers",
        ),
        Possibility::new(
            None,
            AnsweredBy::ApiGateway,
            "API Gateway answers itself: no route matches, or an authorizer refuses the request",
        ),
    ]
}

/// What is missing when the API's routes are not known.
const PASTE: &str = "paste the API's definition to decide";

impl ApiLookup for DocumentApis {
    fn answer(&self, doc: &Document, request: &OriginRequest<'_>) -> Option<ApiAnswer> {
        let origin = request.origin;
        Some(match &origin.kind.0 {
            OriginKind::S3 | OriginKind::S3Website => answer(
                Verdict::Depends,
                format!(
                    "the S3 bucket answers {}: whether the object exists and the bucket allows CloudFront decide the status",
                    request.path.as_deref().unwrap_or("the request")
                ),
                vec![Possibility::new(None, AnsweredBy::S3, "S3 answers for the object")],
            ),
            OriginKind::Other | OriginKind::CloudFront => answer(
                Verdict::Depends,
                "the origin's own answer decides the status",
                vec![Possibility::new(None, AnsweredBy::Origin, "the origin answers")],
            ),
            OriginKind::Unknown => answer(
                Verdict::Depends,
                "the origin's host is not known here, so neither is what answers",
                vec![Possibility::new(None, AnsweredBy::Origin, "the origin answers")],
            ),
            OriginKind::ApiGatewayRegionalDomainTarget => answer(
                Verdict::Fail,
                "the origin is the d-… target name of a custom domain: API Gateway selects a custom domain by the name the request uses, and no custom domain is called d-…",
                vec![
                    Possibility::new(Some(403), AnsweredBy::ApiGateway, "API Gateway finds no custom domain for the d-… name"),
                    Possibility::new(Some(502), AnsweredBy::Cloudfront, "the TLS certificate does not cover the d-… name"),
                ],
            )
            .at(origin.domain_name.span)
            .rule("apigw-regional-domain-target-as-origin"),
            OriginKind::ApiGatewayPrivateVpce => answer(
                Verdict::Depends,
                "a private API behind a VPC endpoint: reachability from CloudFront and the endpoint's routing decide",
                vec![Possibility::new(None, AnsweredBy::ApiGateway, "API Gateway answers through the VPC endpoint")],
            )
            .at(origin.domain_name.span),
            OriginKind::ApiGatewayDefault { .. } => default_endpoint(doc, request),
            OriginKind::ApiGatewayCustomDomain => custom_domain(doc, request),
            OriginKind::LambdaUrl { .. } => lambda_url(doc, request),
        })
    }
}

/// The first segment of a path (`/prod/users` → `prod`).
fn first_segment(path: &str) -> &str {
    path.trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default()
}

fn stages_of<'d>(doc: &'d Document, api: &Api) -> Vec<&'d ApiStage> {
    doc.stages
        .iter()
        .filter(|s| s.api_ref.as_deref() == Some(api.name.as_str()))
        .collect()
}

/// The methods of `api` in the input, and those among them that use IAM authorization.
fn iam_methods<'d>(doc: &'d Document, api: &Api) -> (usize, Vec<&'d crate::model::Method>) {
    let methods: Vec<_> = doc
        .methods
        .iter()
        .filter(|m| m.api_ref.as_deref() == Some(api.name.as_str()))
        .collect();
    let iam = methods
        .iter()
        .copied()
        .filter(|m| {
            m.authorization_type
                .get()
                .is_some_and(|t| t.eq_ignore_ascii_case("AWS_IAM"))
        })
        .collect();
    (methods.len(), iam)
}

/// Why IAM authorization refuses a request that came through CloudFront.
fn iam_reason(request: &OriginRequest<'_>) -> &'static str {
    let signed = request
        .headers
        .iter()
        .find(|h| h.name == "authorization")
        .is_some_and(|h| h.value.starts_with("AWS4-HMAC-SHA256"));
    if signed {
        "the request's SigV4 signature covers the viewer's host, not the API's, so it does not match"
    } else {
        "the request carries no SigV4 signature"
    }
}

/// A failure when every method of the API uses IAM authorization: whatever the route, the
/// request is refused.
fn all_iam(doc: &Document, api: &Api, request: &OriginRequest<'_>) -> Option<ApiAnswer> {
    let (count, iam) = iam_methods(doc, api);
    if iam.is_empty() || iam.len() != count {
        return None;
    }
    let rest = api.kind == ApiKind::Rest;
    Some(
        answer(
            Verdict::Fail,
            format!(
                "every method of `{}` in this input uses AWS_IAM authorization and {}: API Gateway answers {}",
                api.name,
                iam_reason(request),
                if rest { "403" } else { "with an authorization error" }
            ),
            vec![Possibility::new(
                rest.then_some(403),
                AnsweredBy::ApiGateway,
                "IAM authorization refuses the request",
            )],
        )
        .at(iam[0].authorization_type.span)
        .rule("apigw-iam-auth-behind-cloudfront"),
    )
}

/// What happens once the request has reached a stage: routes, authorizers and the integration
/// decide, and IAM-authorized methods refuse it.
fn after_stage(doc: &Document, api: &Api, request: &OriginRequest<'_>, stage: String) -> ApiAnswer {
    let (count, iam) = iam_methods(doc, api);
    let rest = api.kind == ApiKind::Rest;
    let mut responses = api_responses();
    if rest {
        responses.push(Possibility::new(
            Some(403),
            AnsweredBy::ApiGateway,
            "no resource and method of the API match the path (403 Missing Authentication Token)",
        ));
    }
    let mut a = answer(
        Verdict::Depends,
        format!(
            "{stage}; its route, authorizer and integration decide the answer and are not in this input ({PASTE})"
        ),
        Vec::new(),
    );
    if !iam.is_empty() {
        responses.push(Possibility::new(
            rest.then_some(403),
            AnsweredBy::ApiGateway,
            "the route uses AWS_IAM authorization",
        ));
        a = a
            .detail(format!(
                "{} of {count} methods use AWS_IAM authorization: through CloudFront {}",
                iam.len(),
                iam_reason(request)
            ))
            .rule("apigw-iam-auth-behind-cloudfront");
    }
    a.responses = responses;
    a
}

fn default_endpoint(doc: &Document, request: &OriginRequest<'_>) -> ApiAnswer {
    let origin = request.origin;
    if origin.origin_path.get().map(String::as_str) == Some("/$default") {
        return answer(
            Verdict::Fail,
            format!(
                "the origin path `/$default` is sent as part of the path (`{}`): the `$default` stage is served from the root and is never named in a URL, so no route expects that prefix",
                request.path.as_deref().unwrap_or("/$default/…")
            ),
            vec![Possibility::new(None, AnsweredBy::ApiGateway, "no route expects the `/$default` prefix")],
        )
        .at(origin.origin_path.span)
        .rule("apigw-origin-path-on-default-stage");
    }
    let api = origin
        .api_ref
        .as_ref()
        .and_then(|r| doc.apis.iter().find(|a| &a.name == r));
    let Some(api) = api else {
        return answer(
            Verdict::Depends,
            format!("the API behind the execute-api host is not in this input: its stages and routes decide the answer ({PASTE})"),
            api_responses(),
        )
        .at(origin.domain_name.span);
    };
    if let Val::Known(true) = api.disable_execute_api_endpoint.val {
        return answer(
            Verdict::Fail,
            format!(
                "`{}` disables its default execute-api endpoint: API Gateway answers 403 there",
                api.name
            ),
            vec![Possibility::new(
                Some(403),
                AnsweredBy::ApiGateway,
                "the default endpoint is disabled",
            )],
        )
        .at(api.disable_execute_api_endpoint.span)
        .rule("apigw-default-endpoint-disabled");
    }
    if let Some(refused) = all_iam(doc, api, request) {
        return refused;
    }
    let Some(path) = request.path.as_deref() else {
        return answer(
            Verdict::Depends,
            "the origin path is not known here, so neither is the stage",
            vec![Possibility::new(
                None,
                AnsweredBy::ApiGateway,
                "API Gateway or the integration answers",
            )],
        )
        .at(origin.origin_path.span);
    };
    let segment = first_segment(path);
    let stages = stages_of(doc, api);
    let names: Option<Vec<&str>> = stages
        .iter()
        .map(|s| s.stage_name.get().map(String::as_str))
        .collect();
    let listed = |names: &[&str]| {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let origin_path_empty = matches!(&origin.origin_path.val, Val::Absent)
        || origin.origin_path.get().is_some_and(|p| p.is_empty());
    match (api.kind, names) {
        (ApiKind::Rest, Some(names)) if !names.is_empty() => {
            if let Some(stage) = stages
                .iter()
                .find(|s| s.stage_name.get().map(String::as_str) == Some(segment))
            {
                let a = after_stage(
                    doc,
                    api,
                    request,
                    format!("`{path}` reaches stage `{segment}` of REST API `{}`", api.name),
                );
                return if a.span.is_none() { a.at(stage.stage_name.span) } else { a };
            }
            let mut a = answer(
                Verdict::Fail,
                format!(
                    "REST API `{}` receives `{path}`: its first segment `{segment}` is not one of its stages ({}), so API Gateway answers 403 Missing Authentication Token",
                    api.name,
                    listed(&names)
                ),
                vec![Possibility::new(Some(403), AnsweredBy::ApiGateway, "no stage matches the path (403 Missing Authentication Token)")],
            )
            .at(if origin_path_empty { origin.span } else { origin.origin_path.span })
            .detail("the stages are the ones this input defines; a stage created elsewhere would change this");
            if origin_path_empty {
                a = a.rule("apigw-rest-origin-path-missing-stage");
            }
            a
        }
        (ApiKind::Http, Some(names)) if !names.is_empty() => {
            if names.contains(&"$default") {
                return after_stage(
                    doc,
                    api,
                    request,
                    format!("`{path}` reaches the `$default` stage of HTTP API `{}` (served from the root)", api.name),
                );
            }
            if names.contains(&segment) {
                return after_stage(
                    doc,
                    api,
                    request,
                    format!("`{path}` reaches stage `{segment}` of HTTP API `{}`", api.name),
                );
            }
            answer(
                Verdict::Fail,
                format!(
                    "HTTP API `{}` has no `$default` stage and `{segment}` is not one of its stages ({}): no stage serves `{path}` (the status of API Gateway's answer is not documented)",
                    api.name,
                    listed(&names)
                ),
                vec![Possibility::new(None, AnsweredBy::ApiGateway, "no stage serves the path")],
            )
            .at(if origin_path_empty { origin.span } else { origin.origin_path.span })
            .detail("the stages are the ones this input defines; a stage created elsewhere would change this")
        }
        (ApiKind::WebSocket, _) => answer(
            Verdict::Depends,
            format!("WebSocket API `{}`: the connection upgrade and its routes decide", api.name),
            vec![Possibility::new(None, AnsweredBy::ApiGateway, "API Gateway answers the WebSocket handshake")],
        ),
        _ => answer(
            Verdict::Depends,
            format!(
                "the stages of `{}` are not all in this input: `{segment}` is the stage the path names ({PASTE})",
                api.name
            ),
            api_responses(),
        )
        .at(api.span),
    }
}

/// What the routing rules of the custom domain behind the origin do with the request: `None`
/// when the domain has none in use, or none matches and its API mappings decide.
fn routing_rules(doc: &Document, request: &OriginRequest<'_>, host: &str) -> Option<ApiAnswer> {
    let Some(crate::api::Entry::CustomDomain(domain)) = doc.api_model.entry_for(request.origin)
    else {
        return None;
    };
    if domain.rules.is_empty() || !domain.mode.is_some_and(|m| m.uses_rules()) {
        return None;
    }
    let path = request.path.as_deref()?;
    let tested: Vec<&str> = domain
        .rules
        .iter()
        .filter_map(|r| r.rule.conditions.get())
        .flatten()
        .filter_map(|c| match &c.test {
            crate::api::ConditionTest::Headers(any_of) => Some(any_of),
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
    let headers: Vec<(String, String)> = request
        .headers
        .iter()
        .filter(|h| h.arrives == Some(true))
        .map(|h| (h.name.clone(), h.value.clone()))
        .collect();
    let resolution = crate::api::resolve::routed(&domain, &request.method, path, Some(&headers))?;
    let Some(rule) = resolution.rule else {
        let why = match &resolution.outcome {
            crate::api::resolve::Outcome::Depends { unknown } => unknown
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
        crate::api::resolve::Outcome::Rejected(r) => answer(
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
        crate::api::resolve::source::ROUTING_RULES
    )))
}

fn custom_domain(doc: &Document, request: &OriginRequest<'_>) -> ApiAnswer {
    let origin = request.origin;
    let host = origin
        .domain_name
        .get()
        .map(String::as_str)
        .unwrap_or_default();
    if let Some(routed) = routing_rules(doc, request, host) {
        return routed;
    }
    let unknown = |why: &str| {
        answer(
            Verdict::Depends,
            format!("custom domain `{host}`: {why} ({PASTE})"),
            vec![Possibility::new(
                None,
                AnsweredBy::ApiGateway,
                "API Gateway or the integration answers",
            )],
        )
        .at(origin.domain_name.span)
    };
    // Mappings are not tied to their domain in the model: decide only when the input has one
    // custom domain.
    if doc.api_domain_names.len() != 1 || doc.api_mappings.is_empty() {
        return unknown("its API mappings are not all in this input");
    }
    let Some(path) = request.path.as_deref() else {
        return unknown("the origin path is not known here");
    };
    let mut bases = Vec::new();
    for m in &doc.api_mappings {
        match &m.base_path.val {
            Val::Known(b) => bases.push((b.trim_matches('/').to_string(), m)),
            Val::Absent => bases.push((String::new(), m)),
            Val::Unknown(_) => return unknown("a base path of its API mappings is not known here"),
        }
    }
    let trimmed = path.trim_start_matches('/');
    let hit = bases
        .iter()
        .filter(|(b, _)| {
            !b.is_empty()
                && (trimmed == b.as_str()
                    || trimmed
                        .strip_prefix(b.as_str())
                        .is_some_and(|r| r.starts_with('/')))
        })
        .max_by_key(|(b, _)| b.len())
        .or_else(|| bases.iter().find(|(b, _)| b.is_empty()));
    match hit {
        Some((base, m)) => {
            let shown = if base.is_empty() {
                "the root mapping".to_string()
            } else {
                format!("the base path `{base}`")
            };
            answer(
                Verdict::Depends,
                format!("custom domain `{host}` maps `{path}` through {shown} to its API stage; the route, authorizer and integration decide the answer and are not in this input ({PASTE})"),
                api_responses(),
            )
            .at(m.base_path.span)
        }
        None => {
            let listed = bases
                .iter()
                .map(|(b, _)| format!("`{b}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let mut a = answer(
                Verdict::Fail,
                format!("custom domain `{host}` receives `{path}`, which none of its base paths ({listed}) covers and it has no root mapping: API Gateway answers 403 Missing Authentication Token"),
                vec![Possibility::new(Some(403), AnsweredBy::ApiGateway, "no API mapping covers the path (403 Missing Authentication Token)")],
            )
            .at(origin.origin_path.span);
            if origin.origin_path.get().is_some_and(|p| !p.is_empty()) {
                a = a.rule("apigw-custom-domain-origin-path-stage");
            }
            a
        }
    }
}

fn lambda_url(doc: &Document, request: &OriginRequest<'_>) -> ApiAnswer {
    let origin = request.origin;
    let function_answers = || {
        vec![Possibility::new(
            None,
            AnsweredBy::LambdaUrl,
            "the function answers",
        )]
    };
    let url = origin
        .lambda_url_ref
        .as_ref()
        .and_then(|r| doc.lambda_urls.iter().find(|u| &u.name == r));
    let Some(url) = url else {
        return answer(
            Verdict::Depends,
            "the function URL is not in this input: its auth type decides whether unsigned requests get through, the function decides the answer",
            function_answers(),
        )
        .at(origin.domain_name.span);
    };
    let auth = url.auth_type.get().map(|a| a.to_ascii_uppercase());
    let signs = oac_signs(doc, origin);
    match (auth.as_deref(), signs) {
        (Some("NONE"), _) => answer(
            Verdict::Depends,
            format!("function URL `{}` takes unauthenticated requests (`AuthType: NONE`): the function decides the answer", url.name),
            function_answers(),
        )
        .at(url.auth_type.span),
        (Some("AWS_IAM"), Some(true)) => {
            let write = matches!(request.method.as_str(), "POST" | "PUT");
            if write && request.header_arrives("x-amz-content-sha256") != Some(true) {
                return answer(
                    Verdict::Fail,
                    format!("CloudFront signs the request for `{}` with origin access control, but a {} needs the viewer to send `x-amz-content-sha256` (Lambda does not accept unsigned payloads): Lambda refuses it (the status is not documented)", url.name, request.method),
                    vec![Possibility::new(None, AnsweredBy::LambdaUrl, "Lambda refuses the unsigned payload")],
                )
                .at(origin.origin_access_control_id.span)
                .rule("lambda-url-oac-payload-hash");
            }
            answer(
                Verdict::Depends,
                format!("CloudFront signs the request for `{}` (`AuthType: AWS_IAM`) with origin access control: the function's resource policy must allow this distribution, and the function decides the answer", url.name),
                function_answers(),
            )
            .at(origin.origin_access_control_id.span)
        }
        (Some("AWS_IAM"), Some(false)) => answer(
            Verdict::Fail,
            format!("function URL `{}` takes only SigV4-signed requests (`AuthType: AWS_IAM`) and nothing signs this one (no origin access control on the origin): Lambda refuses it (the status is not documented)", url.name),
            vec![Possibility::new(None, AnsweredBy::LambdaUrl, "the function URL refuses the unsigned request")],
        )
        .at(url.auth_type.span)
        .rule("lambda-url-without-oac"),
        _ => answer(
            Verdict::Depends,
            format!("the auth type of `{}` or the origin access control's signing is not known here", url.name),
            function_answers(),
        )
        .at(url.auth_type.span),
    }
}

/// Makes the API hop from the lookup given in the options, else [`DocumentApis`].
pub(super) fn hop(walk: &mut Walk, _b: &Behavior, sent: &OriginRequest<'_>) -> Vec<Possibility> {
    let from_options = walk.api.and_then(|api| api.answer(walk.doc, sent));
    let a = from_options
        .or_else(|| DocumentApis.answer(walk.doc, sent))
        .unwrap_or_else(|| {
            answer(
                Verdict::Depends,
                "nothing is known about this origin",
                vec![Possibility::new(
                    None,
                    AnsweredBy::Origin,
                    "the origin answers",
                )],
            )
        });
    let kind = kind_text(walk.doc, sent.origin);
    let mut hop = Hop::new(Stage::Api, a.verdict, a.message)
        .details(a.details)
        .detail(format!("origin kind: {kind}"));
    let mut rule = a.rule;
    if let Some(prefix) = kept_prefix(walk, sent) {
        hop = hop.detail(format!(
            "the path still starts with `{prefix}`, the prefix that selected the behavior: CloudFront never strips it, so the API needs a `{prefix}` resource or a function must strip it"
        ));
        if rule.is_none() && a.verdict != Verdict::Ok {
            rule = Some("path-pattern-prefix-not-stripped");
        }
    }
    if let Some(span) = a.span {
        hop = hop.at(span);
    }
    if let Some(rule) = rule {
        hop = hop.rule(rule);
    }
    walk.push(hop);
    let mut responses = a.responses;
    if responses.is_empty() {
        responses.push(Possibility::new(
            None,
            AnsweredBy::Origin,
            "the origin answers",
        ));
    }
    if a.verdict == Verdict::Fail {
        return responses;
    }
    let main = responses.remove(0);
    for other in responses {
        walk.alternative(other);
    }
    vec![main]
}

/// The literal prefix of the behavior's path pattern (`/api` of `/api/*`) when the API origin
/// still receives it.
fn kept_prefix(walk: &Walk, sent: &OriginRequest<'_>) -> Option<String> {
    if !sent.origin.kind.0.is_api() {
        return None;
    }
    let pattern = sent.behavior.path_pattern.as_ref()?.get()?;
    let literal = pattern.split(['*', '?']).next()?.trim_end_matches('/');
    let prefix = format!("/{}", literal.trim_start_matches('/'));
    if prefix == "/" {
        return None;
    }
    let origin_path = sent.origin.origin_path.get().map_or("", String::as_str);
    let below = sent.path.as_deref()?.strip_prefix(origin_path)?;
    let kept = below == prefix || below.starts_with(&format!("{prefix}/"));
    (kept && walk.request.path.starts_with(&prefix)).then_some(prefix)
}
