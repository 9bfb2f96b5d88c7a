//! What a matched route asks of the request — IAM signature, authorizer identity sources, API
//! key — checked against what the origin request carries.
//!
//! Sources:
//! - an unsigned request to an `AWS_IAM` route gets 403 "Missing Authentication Token"; a
//!   signature that does not match gets 403 (`MISSING_AUTHENTICATION_TOKEN`, `INVALID_SIGNATURE`,
//!   "Gateway response types",
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html>;
//!   re:Post, <https://repost.aws/knowledge-center/api-gateway-authentication-token-errors>);
//!   SigV4 signs the `Host` header
//!   (<https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control-iam.html>);
//!   what an HTTP API answers is not documented;
//! - an identity source the authorizer requires and the request lacks: 401
//!   `{"message":"Unauthorized"}` without calling the authorizer (`UNAUTHORIZED`, ibid.; REST
//!   Lambda authorizers, <https://repost.aws/knowledge-center/api-gateway-401-error-lambda-authorizer>;
//!   HTTP API Lambda authorizers, "the client receives a 401 error",
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html>;
//!   JWT authorizers, <https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html>;
//!   WebSocket Lambda authorizers, `IdentitySource` in the API Gateway V2 reference,
//!   <https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-authorizers-authorizerid.html>;
//!   which sources are required is [`crate::api::resolve`]'s);
//! - a route that requires an API key and a request without a valid one in `x-api-key`: 403
//!   Forbidden ("Choose an API key source",
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html>).

use super::OriginRequest;
use crate::api::resolve::{ApiKey, Auth, AuthorizerCheck, RouteMatch, Unresolved};
use crate::api::{AuthorizerKind, IdentitySource};
use crate::model::ApiKind;
use crate::span::Span;
use crate::trace::{AnsweredBy, Possibility, Verdict};
use crate::value::Val;

const UNAUTHORIZED: &str = r#"{"message":"Unauthorized"}"#;
const FORBIDDEN: &str = r#"{"message":"Forbidden"}"#;
const MISSING_TOKEN: &str = r#"{"message":"Missing Authentication Token"}"#;

/// The AWS pages each check follows.
const GATEWAY_RESPONSES: &str =
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html";
const API_KEY_SOURCE: &str =
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html";
const REST_LAMBDA_401: &str =
    "https://repost.aws/knowledge-center/api-gateway-401-error-lambda-authorizer";
const HTTP_LAMBDA_401: &str =
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html";
const V2_IDENTITY_401: &str =
    "https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-authorizers-authorizerid.html#apis-apiid-authorizers-authorizerid-prop-authorizer-identitysource";
const JWT_401: &str =
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html";

/// One thing the route asks of the request, and how it goes.
#[derive(Debug, Clone)]
pub(super) struct Check {
    /// `Fail`: API Gateway refuses the request here; `Depends`: the input does not show whether
    /// it passes; `Ok`: it passes as far as the input shows.
    pub verdict: Verdict,
    pub message: String,
    pub span: Span,
    pub rule: Option<&'static str>,
    /// `Fail`: what the viewer gets. Otherwise: what the viewer gets when it does not pass.
    pub responses: Vec<Possibility>,
    /// The AWS page it follows.
    pub source: &'static str,
}

/// The checks of a matched route, in the order API Gateway makes them: authorization, then the
/// API key.
pub(super) fn checks(kind: ApiKind, m: &RouteMatch<'_>, request: &OriginRequest<'_>) -> Vec<Check> {
    let mut out = Vec::new();
    match &m.auth {
        Auth::Open => {}
        Auth::Iam => out.push(iam(kind, m, request)),
        Auth::Authorizer(c) => out.push(authorizer(kind, c, request)),
        Auth::Depends { unknown } => out.push(unknown_check(
            "its authorization is not known",
            unknown,
            m.route.span,
            Possibility::new(
                None,
                AnsweredBy::ApiGateway,
                "the route's authorization refuses the request",
            ),
        )),
    }
    if let Some(c) = api_key(m, request) {
        out.push(c);
    }
    out
}

/// An `AWS_IAM` route behind CloudFront.
fn iam(kind: ApiKind, m: &RouteMatch<'_>, request: &OriginRequest<'_>) -> Check {
    let authorization = request
        .headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case("authorization"));
    let arrives = request.header_arrives("authorization");
    let signed = authorization.is_some_and(|h| h.value.starts_with("AWS4-HMAC-SHA256"));
    let (why, body) = match arrives {
        Some(true) if signed => (
            "its SigV4 signature covers the viewer's host, not the API host CloudFront sends, so it does not match",
            "(signature mismatch)",
        ),
        Some(true) => ("its Authorization header is not a SigV4 signature", ""),
        Some(false) if authorization.is_some() => (
            "CloudFront does not forward the viewer's Authorization header, so it arrives unsigned",
            MISSING_TOKEN,
        ),
        Some(false) => ("the request carries no SigV4 signature", MISSING_TOKEN),
        None => (
            "a signature made for the viewer's host does not match the API host CloudFront sends",
            "",
        ),
    };
    let (status, answer) = match kind {
        ApiKind::Rest => (Some(403), format!("API Gateway answers 403 {body}")),
        _ => (
            None,
            "API Gateway refuses it (the status an HTTP API answers is not documented)".into(),
        ),
    };
    Check {
        verdict: Verdict::Fail,
        message: format!(
            "it uses AWS_IAM authorization and {why}: {}",
            answer.trim_end()
        ),
        span: spanned(m.route.authorization.span, m.route.span),
        rule: Some("apigw-iam-auth-behind-cloudfront"),
        responses: vec![Possibility::new(
            status,
            AnsweredBy::ApiGateway,
            "IAM authorization refuses the request",
        )],
        source: GATEWAY_RESPONSES,
    }
}

/// The authorizer's type, as API Gateway spells it.
fn kind_text(c: &AuthorizerCheck<'_>) -> &'static str {
    match c.authorizer.kind.get() {
        Some(AuthorizerKind::Token) => "TOKEN",
        Some(AuthorizerKind::Request) => "REQUEST",
        Some(AuthorizerKind::CognitoUserPools) => "COGNITO_USER_POOLS",
        Some(AuthorizerKind::Jwt) => "JWT",
        None => "type not known",
    }
}

/// Whether an identity source arrives, and why not.
fn source_arrives(source: &IdentitySource, request: &OriginRequest<'_>) -> (Option<bool>, String) {
    match source {
        IdentitySource::Header(name) => {
            let arrives = request.header_arrives(name);
            let why = if request.header_sent(name) {
                "CloudFront does not forward it"
            } else {
                "the request does not carry it"
            };
            (arrives, why.into())
        }
        IdentitySource::QueryString(name) => {
            let why = if request.query_sent(name) {
                "CloudFront does not forward it"
            } else {
                "the request does not carry it"
            };
            (request.query_arrives(name), why.into())
        }
        // Not sent by the client: nothing to check here.
        _ => (Some(true), String::new()),
    }
}

/// The position of one identity source of the authorizer (the list's, or the authorizer's).
fn source_span(c: &AuthorizerCheck<'_>, source: &IdentitySource) -> Span {
    let list = &c.authorizer.identity_sources;
    let item = match &list.val {
        Val::Known(items) => items.iter().find(|i| i.get() == Some(source)),
        _ => None,
    };
    spanned(
        item.map_or(list.span, |i| i.span),
        spanned(list.span, c.authorizer.span),
    )
}

/// The page that documents the 401 of a missing identity source.
fn unauthorized_source(kind: ApiKind, c: &AuthorizerCheck<'_>) -> &'static str {
    match (kind, c.authorizer.kind.get()) {
        (ApiKind::Http, Some(AuthorizerKind::Jwt)) => JWT_401,
        (ApiKind::Http, _) => HTTP_LAMBDA_401,
        (ApiKind::WebSocket, _) => V2_IDENTITY_401,
        (_, Some(AuthorizerKind::CognitoUserPools)) => GATEWAY_RESPONSES,
        _ => REST_LAMBDA_401,
    }
}

fn authorizer(kind: ApiKind, c: &AuthorizerCheck<'_>, request: &OriginRequest<'_>) -> Check {
    let name = c
        .authorizer
        .display_name
        .get()
        .unwrap_or(&c.authorizer.name);
    let label = format!("authorizer `{name}` ({})", kind_text(c));
    let refused = Possibility::new(
        Some(401),
        AnsweredBy::ApiGateway,
        format!("{label} lacks an identity source (401 Unauthorized)"),
    );
    let mut unknown = Vec::new();
    for source in &c.required {
        let (arrives, why) = source_arrives(source, request);
        match arrives {
            Some(false) => {
                let dropped_authorization = matches!(source, IdentitySource::Header(h) if h.eq_ignore_ascii_case("authorization"))
                    && request.header_sent("authorization");
                return Check {
                    verdict: Verdict::Fail,
                    message: format!(
                        "it runs {label}, which takes the caller's identity from {source}, and {why}: API Gateway answers 401 {UNAUTHORIZED} without calling the authorizer"
                    ),
                    span: source_span(c, source),
                    rule: dropped_authorization.then_some("authorization-not-forwarded"),
                    responses: vec![Possibility::new(
                        Some(401),
                        AnsweredBy::ApiGateway,
                        format!("{source} does not reach {label} (401 Unauthorized)"),
                    )],
                    source: unauthorized_source(kind, c),
                };
            }
            None => unknown.push(source),
            Some(true) => {}
        }
    }
    if let Some(source) = unknown.first() {
        return Check {
            verdict: Verdict::Depends,
            message: format!(
                "it runs {label}, which takes the caller's identity from {source}; whether CloudFront forwards it is not known: if not, API Gateway answers 401 {UNAUTHORIZED}"
            ),
            span: source_span(c, source),
            rule: None,
            responses: vec![refused],
            source: unauthorized_source(kind, c),
        };
    }
    if !c.unknown.is_empty() {
        return unknown_check(
            &format!("what {label} needs from the request is not known"),
            &c.unknown,
            c.authorizer.span,
            refused,
        );
    }
    let needs = if c.required.is_empty() {
        "which needs no identity source in the request: the authorizer decides".to_string()
    } else {
        let listed: Vec<String> = c.required.iter().map(ToString::to_string).collect();
        let reach = if listed.len() == 1 {
            "reaches"
        } else {
            "reach"
        };
        format!("with {}, which {reach} it", listed.join(" and "))
    };
    Check {
        verdict: Verdict::Ok,
        message: format!("it runs {label} {needs}"),
        span: spanned(c.authorizer.span, Span::default()),
        rule: None,
        responses: vec![Possibility::new(
            None,
            AnsweredBy::ApiGateway,
            format!("{label} refuses the caller (401 or 403)"),
        )],
        source: c.source,
    }
}

fn api_key(m: &RouteMatch<'_>, request: &OriginRequest<'_>) -> Option<Check> {
    let span = spanned(m.route.api_key_required.span, m.route.span);
    let invalid = || {
        Possibility::new(
            Some(403),
            AnsweredBy::ApiGateway,
            "the API key is missing or not valid for the stage (403 Forbidden)",
        )
    };
    Some(match &m.api_key {
        ApiKey::NotRequired => return None,
        ApiKey::Header => match request.header_arrives("x-api-key") {
            Some(false) => {
                let why = if request.header_sent("x-api-key") {
                    "CloudFront does not forward it"
                } else {
                    "the request does not carry it"
                };
                Check {
                    verdict: Verdict::Fail,
                    message: format!(
                        "it requires an API key in the `x-api-key` header, and {why}: API Gateway answers 403 {FORBIDDEN}"
                    ),
                    span,
                    rule: None,
                    responses: vec![Possibility::new(
                        Some(403),
                        AnsweredBy::ApiGateway,
                        "no API key reaches API Gateway (403 Forbidden)",
                    )],
                    source: API_KEY_SOURCE,
                }
            }
            None => Check {
                verdict: Verdict::Depends,
                message: format!("it requires an API key in the `x-api-key` header; whether CloudFront forwards it is not known: if not, API Gateway answers 403 {FORBIDDEN}"),
                span,
                rule: None,
                responses: vec![invalid()],
                source: API_KEY_SOURCE,
            },
            Some(true) => Check {
                verdict: Verdict::Ok,
                message: "it requires an API key, and `x-api-key` reaches it".into(),
                span,
                rule: None,
                responses: vec![invalid()],
                source: API_KEY_SOURCE,
            },
        },
        ApiKey::FromAuthorizer => Check {
            verdict: Verdict::Ok,
            message: "it requires an API key, which the Lambda authorizer supplies (the API's key source is the authorizer)".into(),
            span,
            rule: None,
            responses: vec![invalid()],
            source: API_KEY_SOURCE,
        },
        ApiKey::Depends { unknown } => unknown_check(
            "whether it requires an API key is not known",
            unknown,
            span,
            invalid(),
        ),
    })
}

/// A check the input does not decide.
fn unknown_check(
    what: &str,
    unknown: &[Unresolved],
    fallback: Span,
    response: Possibility,
) -> Check {
    let reasons: Vec<&str> = unknown.iter().map(|u| u.reason.as_str()).collect();
    let span = unknown
        .iter()
        .map(|u| u.span)
        .find(|s| s.line > 0)
        .unwrap_or(fallback);
    Check {
        verdict: Verdict::Depends,
        message: format!("{what}: {}", reasons.join("; ")),
        span,
        rule: None,
        responses: vec![response],
        source: GATEWAY_RESPONSES,
    }
}

/// `span` when it has a position, else `fallback`.
fn spanned(span: Span, fallback: Span) -> Span {
    if span.line > 0 {
        span
    } else {
        fallback
    }
}
