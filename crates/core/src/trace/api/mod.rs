//! Hop 8: what the API (or another origin) does with the origin request.
//!
//! The API behind an origin comes from the [API model](crate::api) of the document
//! ([`Document::api_model`]: the configuration's own API resources and the exported definitions
//! given beside it): [`ApiModel::entry_for`](crate::api::ApiModel::entry_for) says how the
//! origin reaches it and [`crate::api::resolve`] which stage, route, authorizer and API key the
//! request meets, or what API Gateway answers by itself. This hop then checks what the route
//! asks of the request against what actually arrives ([`OriginRequest`]): the authorizer's
//! identity sources, the `x-api-key` header, a SigV4 signature. Where the input does not show
//! enough, the hop says "depends" with what is missing and lists the possible answers.
//!
//! Sources (the status codes and bodies are cited where they are decided, in [`gateway`] and
//! [`access`]):
//! - API Gateway's own answers: "Gateway response types"
//!   (<https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html>);
//! - route resolution: see [`crate::api::resolve::source`];
//! - a function URL with `AuthType: AWS_IAM` takes only signed requests; with origin access
//!   control CloudFront signs them, and POST/PUT need `x-amz-content-sha256` from the viewer
//!   (<https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html>,
//!   <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html>).

mod access;
mod function_url;
mod gateway;
mod rejection;
mod route;
mod routing;

use super::{AnsweredBy, Hop, Possibility, Stage, Verdict, Walk};
use crate::lint::LintContext;
use crate::model::{ApiKind, Behavior, Document, Origin, OriginKind};
use crate::rules::behind::Target;
use crate::span::Span;

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
    /// The query string the viewer sent.
    pub viewer_query: Option<String>,
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

    /// Whether the viewer sent the header (any case).
    pub fn header_sent(&self, name: &str) -> bool {
        self.headers
            .iter()
            .any(|h| h.name.eq_ignore_ascii_case(name))
    }

    /// Whether a query string parameter (case-sensitive name) arrives; `None` when which query
    /// strings CloudFront forwards is not known.
    pub fn query_arrives(&self, name: &str) -> Option<bool> {
        if !self.query_sent(name) {
            return Some(false);
        }
        self.query_known
            .then(|| self.query.as_deref().is_some_and(|q| has_param(q, name)))
    }

    /// Whether the viewer sent the query string parameter `name`.
    pub fn query_sent(&self, name: &str) -> bool {
        self.viewer_query
            .as_deref()
            .is_some_and(|q| has_param(q, name))
    }
}

/// True when the query string `q` has a parameter `name` (names are case-sensitive).
fn has_param(q: &str, name: &str) -> bool {
    q.split('&')
        .any(|pair| pair.split('=').next() == Some(name))
}

/// What the API answers: the hop's verdict, message, position and rule, and the responses, the
/// first being what happens when nothing unknown differs.
#[derive(Debug, Clone, PartialEq)]
struct ApiAnswer {
    verdict: Verdict,
    message: String,
    details: Vec<String>,
    span: Option<Span>,
    rule: Option<&'static str>,
    responses: Vec<Possibility>,
}

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

/// "REST API", "HTTP API", "WebSocket API" or "API".
pub(crate) fn api_kind_text(kind: ApiKind) -> &'static str {
    match kind {
        ApiKind::Rest => "REST API",
        ApiKind::Http => "HTTP API",
        ApiKind::WebSocket => "WebSocket API",
        ApiKind::Unknown => "API",
    }
}

/// What to give when the API is not (completely) in the input.
const PASTE: &str =
    "give the API's definition (an OpenAPI export, or `aws apigateway get-resources` output) to decide";

/// What the origin behind `request` does with it.
fn origin_answer(doc: &Document, request: &OriginRequest<'_>) -> ApiAnswer {
    let origin = request.origin;
    match &origin.kind.0 {
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
        // The viewer's Host is the custom domain's own name: CloudFront sends it as Host and as
        // TLS SNI, so API Gateway finds that custom domain ("One of the domain names in the
        // certificate must match … the value of the Host header if you configured CloudFront to
        // forward the Host header to your origin", CloudFront Developer Guide, HTTP 502).
        OriginKind::ApiGatewayRegionalDomainTarget if regional_target_named(doc, request) => {
            gateway::origin_answer(doc, request)
        }
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
        OriginKind::ApiGatewayDefault { .. }
        | OriginKind::ApiGatewayCustomDomain
        | OriginKind::ApiGatewayPrivateVpce
        | OriginKind::LambdaUrl { .. } => gateway::origin_answer(doc, request),
    }
}

/// True when the request reaches a custom domain's `d-…` target host with the viewer's Host,
/// and that Host is the custom domain's name.
fn regional_target_named(doc: &Document, request: &OriginRequest<'_>) -> bool {
    request.host_forwarded == Some(true)
        && doc
            .api_model
            .names_regional_target(request.origin, &request.viewer_host)
}

/// Makes the API hop.
pub(super) fn hop(walk: &mut Walk, b: &Behavior, sent: &OriginRequest<'_>) -> Vec<Possibility> {
    let a = origin_answer(walk.doc, sent);
    let kind = super::kind_text(walk.doc, sent.origin);
    let mut hop = Hop::new(Stage::Api, a.verdict, a.message)
        .details(a.details)
        .detail(format!("origin kind: {kind}"));
    let (mut rule, mut span) = (a.rule, a.span);
    if let Some(prefix) = kept_prefix(walk, sent) {
        hop = hop.detail(format!(
            "the path still starts with `{prefix}`, the prefix that selected the behavior: CloudFront never strips it, so the API needs a `{prefix}` resource or a function must strip it"
        ));
        if rule.is_none() && a.verdict != Verdict::Ok {
            if let Some((slug, at)) = kept_prefix_rule(walk, b) {
                rule = Some(slug);
                span = at.or(span);
            }
        }
    }
    if let Some(span) = span {
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

/// The rule that reports a prefix the API still receives, and where: without the API in the
/// input, `path-pattern-prefix-not-stripped`; with it, `apigw-route-unreachable` at the
/// behavior's path pattern when the behavior reaches none of its routes as far as the input
/// shows (the lint decides over every viewer path the pattern admits, and says so at
/// information when routes are missing from the input). A request that misses the routes of a
/// behavior that reaches some is no rule's finding.
fn kept_prefix_rule(walk: &Walk, b: &Behavior) -> Option<(&'static str, Option<Span>)> {
    let ctx = LintContext::new(walk.doc, walk.text, walk.dist);
    let behind = ctx.behind(b);
    if behind.iter().all(|x| matches!(x.target, Target::Unknown)) {
        return Some(("path-pattern-prefix-not-stripped", None));
    }
    let unreached = behind
        .iter()
        .any(|x| matches!(&x.target, Target::Api(reach) if reach.routes.is_empty()));
    let pattern = b.path_pattern.as_ref().map(|f| f.span);
    unreached.then_some(("apigw-route-unreachable", pattern))
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
