//! The request trace: one request walked through a distribution to its origin and back.
//!
//! [`trace`] takes a parsed [`Document`], its text, a [`Request`] and [`Options`], and returns
//! the [`Hop`]s the request passes (viewer, behavior, protocol, method, functions, cache, origin
//! request, API, response), each with a [`Verdict`], a message, the [`Span`] of the setting
//! that decides it and the lint rule that covers it, plus the predicted [`Outcome`]. Nothing is
//! guessed: a value the input does not give makes its hop [`Verdict::Depends`] and the outcome
//! lists the possibilities.
//!
//! The API behind the origin is the document's [API model](crate::api) (`Document::api_model`):
//! the configuration's own API resources, and the exported definitions given beside it. To trace
//! with definitions, read the configuration and the definitions as one [`Sources`]
//! ([`Sources::push_api_definition`]), parse it with [`crate::parse::parse_sources`] and call
//! [`trace_sources`]; every [`Hop::span`] is then a span of [`Sources::text`], and
//! [`Hop::location`] maps it to its file (the configuration, or a definition).
//!
//! ```
//! use apifront_core::source::Sources;
//! use apifront_core::trace::{trace_sources, Options, Request};
//!
//! let mut sources = Sources::new();
//! sources.push("dist.json", r#"{"DistributionConfig": {"Enabled": true,
//!   "Origins": {"Quantity": 1, "Items": [{"Id": "api",
//!     "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com", "OriginPath": "/prod",
//!     "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443,
//!       "OriginProtocolPolicy": "https-only"}}]},
//!   "DefaultCacheBehavior": {"TargetOriginId": "api", "ViewerProtocolPolicy": "https-only",
//!     "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
//!     "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"}}}"#);
//! sources.push_api_definition("api.json", r#"{"openapi": "3.0.1",
//!   "info": {"title": "orders"}, "x-amazon-apigateway-api-key-source": "HEADER",
//!   "servers": [{"url": "https://abc123defg.execute-api.eu-west-1.amazonaws.com/{basePath}",
//!     "variables": {"basePath": {"default": "prod"}}}],
//!   "paths": {"/orders": {"get": {"x-amazon-apigateway-integration": {"type": "aws_proxy"}}}}}"#);
//! let doc = apifront_core::parse::parse_sources(&sources).unwrap();
//! let request = Request::parse("GET https://d111111abcdef8.cloudfront.net/users").unwrap();
//! let t = trace_sources(&sources, &doc, &request, &Options::default()).unwrap();
//! // `/prod/users`: no `/users` resource in the definition.
//! assert_eq!(t.outcome.status, Some(403));
//! let api = t.hops.iter().find(|h| h.stage.as_str() == "api").unwrap();
//! assert_eq!(sources.name(api.location(&sources).unwrap().file), "api.json");
//! ```

use crate::model::{Behavior, Distribution, Document};
use crate::source::{Location, Sources};
use crate::span::Span;
use serde::{Deserialize, Serialize};

mod api;
mod behavior;
mod cache;
pub mod examples;
mod functions;
mod headers;
mod origin;
pub mod pattern;
mod request;
mod response;
mod suggest;
mod viewer;

pub(crate) use api::api_kind_text;
pub use api::{ArrivingHeader, OriginRequest};
pub(crate) use origin::kind_text;
pub use request::{Request, RequestError, Scheme};
pub use suggest::suggested_url;

/// The steps of a trace, in the order a request passes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Which distribution answers the host, and its certificate.
    Viewer,
    /// Which cache behavior the path selects.
    Behavior,
    /// The behavior's viewer protocol policy.
    Protocol,
    /// The behavior's allowed and cached methods.
    Method,
    /// CloudFront Functions and Lambda@Edge on the behavior.
    Functions,
    /// The cache key and whether the response can come from the cache.
    Cache,
    /// What CloudFront sends to the origin, and how.
    OriginRequest,
    /// What the API (or other origin) does with it.
    Api,
    /// Custom error responses and response headers on the way back.
    Response,
}

impl Stage {
    /// The stable name used in CLI output (`origin-request`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Viewer => "viewer",
            Stage::Behavior => "behavior",
            Stage::Protocol => "protocol",
            Stage::Method => "method",
            Stage::Functions => "functions",
            Stage::Cache => "cache",
            Stage::OriginRequest => "origin-request",
            Stage::Api => "api",
            Stage::Response => "response",
        }
    }
}

/// How a hop went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The request passes this hop as the input shows.
    Ok,
    /// The request ends here with an error (or a redirect) as the input shows.
    Fail,
    /// What happens depends on something the input does not show.
    Depends,
}

impl Verdict {
    /// `ok`, `fail` or `depends`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Fail => "fail",
            Verdict::Depends => "depends",
        }
    }
}

/// Who produces the response the viewer gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnsweredBy {
    /// CloudFront itself (redirects, refused methods, origin connection errors).
    Cloudfront,
    /// A CloudFront Function or Lambda@Edge function that answers instead of the origin.
    EdgeFunction,
    /// API Gateway (gateway responses: missing routes, authorization, stages).
    ApiGateway,
    /// A Lambda function URL (its authorization) or the function behind it.
    LambdaUrl,
    /// The API's integration (the Lambda function or HTTP backend behind a route).
    Integration,
    /// An S3 bucket.
    S3,
    /// Another custom origin.
    Origin,
}

impl AnsweredBy {
    /// The stable name used in CLI output.
    pub fn as_str(self) -> &'static str {
        match self {
            AnsweredBy::Cloudfront => "cloudfront",
            AnsweredBy::EdgeFunction => "edge-function",
            AnsweredBy::ApiGateway => "api-gateway",
            AnsweredBy::LambdaUrl => "lambda-url",
            AnsweredBy::Integration => "integration",
            AnsweredBy::S3 => "s3",
            AnsweredBy::Origin => "origin",
        }
    }
}

/// One step of the trace.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hop {
    pub stage: Stage,
    pub verdict: Verdict,
    /// What happens, in plain words.
    pub message: String,
    /// Further lines: every path pattern tried, the headers sent, TTLs, …
    pub details: Vec<String>,
    /// The setting that decides the hop (for an absent setting: the object that lacks it).
    pub span: Option<Span>,
    /// The lint rule that covers what this hop found.
    pub rule: Option<&'static str>,
}

impl Hop {
    /// Where the hop's deciding setting is, in its own file, when the trace was made from
    /// `sources` ([`trace_sources`]).
    pub fn location(&self, sources: &Sources) -> Option<Location> {
        self.span.map(|s| sources.locate(s))
    }

    fn new(stage: Stage, verdict: Verdict, message: impl Into<String>) -> Self {
        Self {
            stage,
            verdict,
            message: message.into(),
            details: Vec::new(),
            span: None,
            rule: None,
        }
    }

    fn at(mut self, span: Span) -> Self {
        // A default span (line 0) is no position at all.
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

    fn details(mut self, lines: impl IntoIterator<Item = String>) -> Self {
        self.details.extend(lines);
        self
    }
}

/// One response the viewer may get.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Possibility {
    /// The status code, when known.
    pub status: Option<u16>,
    pub answered_by: AnsweredBy,
    /// Whether CloudFront can serve this response from its cache; `None` when that depends on
    /// the origin's `Cache-Control`.
    pub cached: Option<bool>,
    /// When this happens, in plain words.
    pub when: String,
}

impl Possibility {
    fn new(status: Option<u16>, answered_by: AnsweredBy, when: impl Into<String>) -> Self {
        Self {
            status,
            answered_by,
            cached: None,
            when: when.into(),
        }
    }

    fn cached(mut self, cached: Option<bool>) -> Self {
        self.cached = cached;
        self
    }
}

/// What the viewer gets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The status code, when the input decides it; `None` when it depends.
    pub status: Option<u16>,
    /// Who answers, when the input decides it.
    pub answered_by: Option<AnsweredBy>,
    /// Whether the response can come from CloudFront's cache, when the input decides it.
    pub cached: Option<bool>,
    /// Every response the viewer may get (one when the outcome is decided), the first being
    /// what happens when nothing unknown changes the request.
    pub possibilities: Vec<Possibility>,
}

impl Outcome {
    fn from(possibilities: Vec<Possibility>) -> Self {
        let first = possibilities.first();
        let all = |f: &dyn Fn(&Possibility, &Possibility) -> bool| {
            first.filter(|p| possibilities.iter().all(|q| f(p, q)))
        };
        Self {
            status: all(&|p, q| p.status == q.status).and_then(|p| p.status),
            answered_by: all(&|p, q| p.answered_by == q.answered_by).map(|p| p.answered_by),
            cached: all(&|p, q| p.cached == q.cached).and_then(|p| p.cached),
            possibilities,
        }
    }

    /// True when the outcome is known to be a success or a redirect (2xx/3xx).
    pub fn is_success(&self) -> bool {
        self.status.is_some_and(|s| (200..400).contains(&s))
    }
}

/// A request traced through one distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trace {
    /// The distribution's name (logical id, Terraform address or `DistributionConfig`).
    pub distribution: String,
    pub hops: Vec<Hop>,
    pub outcome: Outcome,
}

/// Why a trace could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceError {
    pub message: String,
    pub hint: Option<String>,
}

impl std::fmt::Display for TraceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TraceError {}

/// Choices beyond the request.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The distribution to trace (its name); by default the one whose aliases cover the host.
    pub distribution: Option<String>,
}

/// Traces `request` through the distribution of `doc` (parsed from the one text `text`) that
/// answers it.
pub fn trace(
    doc: &Document,
    text: &str,
    request: &Request,
    options: &Options,
) -> Result<Trace, TraceError> {
    run(doc, text, request, options)
}

/// Traces `request` through the configuration and API definitions of `sources`, whose model
/// is `doc` ([`crate::parse::parse_sources`] of `sources`). Spans are spans of
/// [`Sources::text`]: map them to their files with [`Hop::location`].
pub fn trace_sources(
    sources: &Sources,
    doc: &Document,
    request: &Request,
    options: &Options,
) -> Result<Trace, TraceError> {
    run(doc, sources.text(), request, options)
}

fn run(
    doc: &Document,
    text: &str,
    request: &Request,
    options: &Options,
) -> Result<Trace, TraceError> {
    let (dist, viewer_hop, stop) = viewer::pick(doc, request, options.distribution.as_deref())?;
    let mut walk = Walk {
        doc,
        text,
        dist,
        request,
        hops: Vec::new(),
        alternatives: Vec::new(),
    };
    let answer = walk.run(viewer_hop, stop);
    let possibilities = response::finish(&mut walk, answer);
    Ok(Trace {
        distribution: dist.name.clone(),
        hops: walk.hops,
        outcome: Outcome::from(possibilities),
    })
}

/// The state of a trace in progress.
struct Walk<'a> {
    doc: &'a Document,
    text: &'a str,
    dist: &'a Distribution,
    request: &'a Request,
    hops: Vec<Hop>,
    /// Responses that happen instead when something the input does not show differs.
    alternatives: Vec<Possibility>,
}

/// Where the forward part of a trace ended: the responses it produced, and the behavior that
/// served the request (custom error responses and response headers apply to it).
struct Answer<'a> {
    possibilities: Vec<Possibility>,
    behavior: Option<&'a Behavior>,
}

impl<'a> Walk<'a> {
    /// True when a Terraform `dynamic` block generates `block` blocks the model does not hold:
    /// in the distribution (`b` = `None`) or in behavior `b`.
    fn generated(&self, b: Option<&Behavior>, block: &str) -> bool {
        let path = match b {
            None => block.to_string(),
            Some(b) => match self.dist.behaviors.iter().position(|x| std::ptr::eq(x, b)) {
                Some(i) => format!("ordered_cache_behavior[{i}].{block}"),
                None => format!("default_cache_behavior.{block}"),
            },
        };
        self.dist.dynamic_blocks.contains(&path)
    }

    fn push(&mut self, hop: Hop) {
        self.hops.push(hop);
    }

    /// Adds a response that happens instead when something unknown differs.
    fn alternative(&mut self, p: Possibility) {
        if !self.alternatives.contains(&p) {
            self.alternatives.push(p);
        }
    }

    /// The forward hops: viewer to API.
    fn run(&mut self, viewer_hop: Hop, stop: Option<Vec<Possibility>>) -> Answer<'a> {
        let end = |possibilities| Answer {
            possibilities,
            behavior: None,
        };
        self.push(viewer_hop);
        if let Some(stop) = stop {
            return end(stop);
        }
        let b = match behavior::select(self) {
            Ok(b) => b,
            Err(stop) => return end(stop),
        };
        let with = |possibilities| Answer {
            possibilities,
            behavior: Some(b),
        };
        if let Some(stop) = viewer::protocol(self, b) {
            return with(stop);
        }
        if let Some(stop) = behavior::method(self, b) {
            return with(stop);
        }
        let uri = functions::run(self, b);
        let cached = cache::hop(self, b);
        let mut responses = match origin::hop(self, b, &uri) {
            Ok(sent) => api::hop(self, b, &sent),
            Err(stop) => stop,
        };
        // What the origin answers is cached as the behavior caches; a method that is never
        // cached is never cached whoever answers.
        for p in responses.iter_mut().chain(self.alternatives.iter_mut()) {
            if cached == Some(false) {
                p.cached = Some(false);
            } else if p.cached.is_none() && p.answered_by != AnsweredBy::Cloudfront {
                p.cached = cached;
            }
        }
        with(responses)
    }
}

#[cfg(test)]
mod tests;
