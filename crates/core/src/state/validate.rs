//! Field-level validation of a [`FormState`].

use super::{
    ApiKind, AuthMode, CacheMode, CorsMode, FormState, ReferenceMode, RoutingMode, SecretSource,
};
use serde::Serialize;

/// How serious a [`FieldError`] is: errors block generation, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Error,
    Warning,
}

/// A problem with one form field (`field` is a dotted path such as `api.region`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    pub level: Level,
}

impl FieldError {
    /// An error on `field`.
    pub fn error(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
            level: Level::Error,
        }
    }

    /// A warning on `field`.
    pub fn warning(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
            level: Level::Warning,
        }
    }
}

/// Header names CloudFront refuses as origin custom headers (lower-case).
const DENIED_ORIGIN_HEADERS: &[&str] = &[
    "cache-control",
    "connection",
    "content-length",
    "cookie",
    "host",
    "if-match",
    "if-modified-since",
    "if-none-match",
    "if-range",
    "if-unmodified-since",
    "max-forwards",
    "pragma",
    "proxy-authorization",
    "proxy-connection",
    "range",
    "request-range",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
    "x-real-ip",
];

/// Status codes CloudFront accepts in `CustomErrorResponses`.
const ERROR_CODES: &[u16] = &[400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];

/// Every problem of `state`, errors and warnings, in form order.
pub fn validate(state: &FormState) -> Vec<FieldError> {
    let mut out = Vec::new();
    if state.version > super::STATE_VERSION {
        out.push(FieldError::warning(
            "version",
            format!(
                "state version {} is newer than this generator (version {}); unknown fields are ignored",
                state.version,
                super::STATE_VERSION
            ),
        ));
    }
    if !is_name(&state.name) {
        out.push(FieldError::error(
            "name",
            "use 1-64 letters, digits and dashes, starting with a letter",
        ));
    }
    api(state, &mut out);
    routing(state, &mut out);
    auth(state, &mut out);
    caching(state, &mut out);
    cors(state, &mut out);
    domain(state, &mut out);
    protection(state, &mut out);
    timeouts(state, &mut out);
    for (i, e) in state.error_caching.iter().enumerate() {
        if !ERROR_CODES.contains(&e.code) {
            out.push(FieldError::error(
                format!("error_caching[{i}].code"),
                format!(
                    "CloudFront accepts error responses for 400, 403, 404, 405, 414, 416 and 500-504, not {}",
                    e.code
                ),
            ));
        } else if e.ttl > 0 {
            out.push(FieldError::warning(
                format!("error_caching[{i}].ttl"),
                format!(
                    "a {} from the API will be replayed to every caller for {} s; 0 is safer for API errors (a few seconds on 503 shields an overloaded origin)",
                    e.code, e.ttl
                ),
            ));
        }
    }
    out
}

fn api(state: &FormState, out: &mut Vec<FieldError>) {
    let api = &state.api;
    if api.streaming {
        match api.kind {
            ApiKind::HttpApi => out.push(FieldError::error(
                "api.streaming",
                "HTTP APIs do not stream responses: response streaming is for REST APIs \
                 (ResponseTransferMode STREAM) and Lambda function URLs (InvokeMode RESPONSE_STREAM)",
            )),
            ApiKind::RestEdge => out.push(FieldError::warning(
                "api.streaming",
                "an edge-optimized API closes a stream after 30 s without data, whatever \
                 CloudFront allows; a regional API waits 5 minutes",
            )),
            _ => {}
        }
    }
    match api.kind {
        ApiKind::RestEdge => out.push(FieldError::warning(
            "api.kind",
            "an edge-optimized API already sits behind an AWS-owned CloudFront distribution: \
             requests cross two distributions and your cache/WAF settings apply only to the first; \
             prefer a regional endpoint",
        )),
        ApiKind::RestPrivate => out.push(FieldError::error(
            "api.kind",
            "a private REST API is reachable only through a VPC endpoint, which needs a CloudFront \
             VPC origin (VpcOriginConfig): the generator does not produce that yet",
        )),
        _ => {}
    }
    if api.kind == ApiKind::CustomDomain {
        if !is_dns_name(&api.custom_domain) {
            out.push(FieldError::error(
                "api.custom_domain",
                "enter the API Gateway custom domain name, e.g. api.example.com",
            ));
        }
        if !api.base_path.is_empty() && !is_path_segment(api.base_path.trim_matches('/')) {
            out.push(FieldError::error(
                "api.base_path",
                "a base-path mapping is letters, digits, `-`, `_` and `.`",
            ));
        }
    } else if api.kind != ApiKind::LambdaUrl {
        stage(state, out);
    }
    match api.reference {
        ReferenceMode::Literal => literal(state, out),
        ReferenceMode::DefinedInStack => {
            if !is_logical_id(&api.resource_name) {
                out.push(FieldError::error(
                    "api.resource_name",
                    "a logical id is 1-255 letters and digits, starting with a letter",
                ));
            }
        }
    }
    if state.auth.mode == AuthMode::LambdaUrlOac
        && api.reference == ReferenceMode::Literal
        && api.function_name.trim().is_empty()
    {
        out.push(FieldError::error(
            "api.function_name",
            "the origin access control needs permission to invoke the function: enter its name or ARN",
        ));
    }
}

fn stage(state: &FormState, out: &mut Vec<FieldError>) {
    let stage = state.api.stage.as_str();
    if stage.is_empty() {
        out.push(FieldError::error(
            "api.stage",
            if state.api.kind == ApiKind::HttpApi {
                "enter the stage name, or `$default` for the default stage"
            } else {
                "a REST API is served under its stage (`/prod/...`): enter the stage name"
            },
        ));
    } else if stage.contains('/') {
        out.push(FieldError::error(
            "api.stage",
            "enter the stage name without slashes (`prod`, not `/prod/`); it becomes the origin path",
        ));
    } else if stage == "$default" {
        if state.api.kind != ApiKind::HttpApi {
            out.push(FieldError::error(
                "api.stage",
                "`$default` exists only for HTTP APIs",
            ));
        }
    } else if !is_path_segment(stage) || stage.len() > 128 {
        out.push(FieldError::error(
            "api.stage",
            "a stage name is 1-128 letters, digits, `-` and `_`",
        ));
    }
}

/// "an API id", "a function URL id".
fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

fn literal(state: &FormState, out: &mut Vec<FieldError>) {
    let api = &state.api;
    if api.kind == ApiKind::CustomDomain {
        return;
    }
    let id = api.api_id.as_str();
    let (what, len) = if api.kind == ApiKind::LambdaUrl {
        ("function URL id", 32)
    } else {
        ("API id", 10)
    };
    if id.is_empty() {
        out.push(FieldError::error(
            "api.api_id",
            format!("enter the {what} (the first label of its host name)"),
        ));
    } else if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        || id.len() != len
    {
        out.push(FieldError::error(
            "api.api_id",
            format!(
                "{} is {len} lower-case letters and digits, not `{id}`",
                with_article(what)
            ),
        ));
    }
    if !is_region(&api.region) {
        out.push(FieldError::error(
            "api.region",
            format!(
                "`{}` is not an AWS region name such as eu-west-1",
                api.region
            ),
        ));
    }
}

fn routing(state: &FormState, out: &mut Vec<FieldError>) {
    let r = &state.routing;
    if r.mode != RoutingMode::SiteWithApi {
        return;
    }
    if r.api_paths.is_empty() {
        out.push(FieldError::error(
            "routing.api_paths",
            "add at least one path pattern for the API, e.g. /api/*",
        ));
    }
    for (i, p) in r.api_paths.iter().enumerate() {
        path_pattern(&format!("routing.api_paths[{i}]"), p, out);
    }
    if !is_bucket_name(&r.bucket_name) {
        out.push(FieldError::error(
            "routing.bucket_name",
            "an S3 bucket name is 3-63 lower-case letters, digits, `-` and `.`",
        ));
    }
    if !r.bucket_region.is_empty() && !is_region(&r.bucket_region) {
        out.push(FieldError::error(
            "routing.bucket_region",
            format!(
                "`{}` is not an AWS region name such as eu-west-1",
                r.bucket_region
            ),
        ));
    }
    if !r.strip_prefix && state.api.kind != ApiKind::CustomDomain {
        out.push(FieldError::warning(
            "routing.strip_prefix",
            "CloudFront forwards the full path: the API receives `/api/...` and needs routes with that prefix",
        ));
    }
}

fn auth(state: &FormState, out: &mut Vec<FieldError>) {
    match state.auth.mode {
        AuthMode::Iam => out.push(FieldError::error(
            "auth.mode",
            "IAM (SigV4) authorization breaks behind CloudFront: the client signs the CloudFront \
             host name, API Gateway checks the signature against its own host, and CloudFront may \
             rewrite Authorization. Use a JWT/Cognito/Lambda authorizer or an API key",
        )),
        AuthMode::LambdaUrlOac if state.api.kind != ApiKind::LambdaUrl => {
            out.push(FieldError::error(
                "auth.mode",
                "origin access control signs requests for Lambda function URLs only; API Gateway \
                 does not accept it",
            ))
        }
        AuthMode::LambdaUrlOac => out.push(FieldError::warning(
            "auth.mode",
            "with OAC, clients must send `x-amz-content-sha256` (SHA-256 of the body) on POST \
             and PUT, and the viewer's Authorization header is replaced by the signature",
        )),
        _ if state.api.kind == ApiKind::LambdaUrl => out.push(FieldError::warning(
            "auth.mode",
            "without origin access control the function URL stays publicly callable around CloudFront",
        )),
        _ => {}
    }
}

fn caching(state: &FormState, out: &mut Vec<FieldError>) {
    let c = &state.caching;
    if c.mode != CacheMode::CacheGet {
        return;
    }
    if c.paths.is_empty() {
        out.push(FieldError::error(
            "caching.paths",
            "add the path patterns whose GET responses may be cached",
        ));
    }
    for (i, p) in c.paths.iter().enumerate() {
        path_pattern(&format!("caching.paths[{i}]"), p, out);
    }
    if c.default_ttl == 0 || c.max_ttl < c.default_ttl {
        out.push(FieldError::error(
            "caching.default_ttl",
            "caching needs a default TTL above 0 and no greater than the maximum TTL",
        ));
    }
    for (i, h) in c.headers.iter().enumerate() {
        if !is_header_name(h) || h.eq_ignore_ascii_case("host") {
            out.push(FieldError::error(
                format!("caching.headers[{i}]"),
                "a header name of letters, digits and dashes (not Host: API Gateway needs its own)",
            ));
        } else if h.eq_ignore_ascii_case("accept-encoding") {
            out.push(FieldError::error(
                format!("caching.headers[{i}]"),
                "Accept-Encoding is normalised by CloudFront; the policy enables gzip and brotli",
            ));
        }
    }
    if state.auth.mode == AuthMode::LambdaUrlOac {
        out.push(FieldError::warning(
            "caching.mode",
            "with OAC the Authorization header carries CloudFront's signature, so it cannot be in the cache key",
        ));
    }
}

fn cors(state: &FormState, out: &mut Vec<FieldError>) {
    const METHODS: &[&str] = &[
        "GET", "POST", "OPTIONS", "PUT", "DELETE", "PATCH", "HEAD", "ALL",
    ];
    let c = &state.cors;
    if c.mode != CorsMode::ByCloudFront {
        return;
    }
    if c.allow_origins.is_empty() {
        out.push(FieldError::error(
            "cors.allow_origins",
            "add the origins allowed to call the API (https://app.example.com, or *)",
        ));
    }
    for (i, o) in c.allow_origins.iter().enumerate() {
        if o == "*" && c.allow_credentials {
            out.push(FieldError::error(
                format!("cors.allow_origins[{i}]"),
                "browsers refuse credentials with a `*` origin: list the origins",
            ));
        } else if o != "*" && !(o.starts_with("https://") || o.starts_with("http://")) {
            out.push(FieldError::error(
                format!("cors.allow_origins[{i}]"),
                "an origin is a scheme and host, e.g. https://app.example.com",
            ));
        }
    }
    if c.allow_methods.is_empty() {
        out.push(FieldError::error(
            "cors.allow_methods",
            "allow at least one method",
        ));
    }
    for (i, m) in c.allow_methods.iter().enumerate() {
        if !METHODS.contains(&m.as_str()) {
            out.push(FieldError::error(
                format!("cors.allow_methods[{i}]"),
                "choose from GET, POST, OPTIONS, PUT, DELETE, PATCH, HEAD or ALL",
            ));
        }
    }
    if c.allow_headers.is_empty() {
        out.push(FieldError::error(
            "cors.allow_headers",
            "allow at least one request header (or *)",
        ));
    }
    for (i, h) in c.allow_headers.iter().enumerate() {
        if h != "*" && !is_header_name(h) {
            out.push(FieldError::error(
                format!("cors.allow_headers[{i}]"),
                "a header name of letters, digits and dashes, or *",
            ));
        }
    }
}

fn domain(state: &FormState, out: &mut Vec<FieldError>) {
    let d = &state.domain;
    for (i, a) in d.aliases.iter().enumerate() {
        let name = a.strip_prefix("*.").unwrap_or(a);
        if !is_dns_name(name) {
            out.push(FieldError::error(
                format!("domain.aliases[{i}]"),
                format!("`{a}` is not a domain name (a wildcard may only be the left-most label)"),
            ));
        }
    }
    if !d.aliases.is_empty() || !d.certificate_arn.is_empty() {
        certificate(&d.certificate_arn, d.aliases.is_empty(), out);
    }
    if !d.hosted_zone_id.is_empty() {
        if d.aliases.is_empty() {
            out.push(FieldError::error(
                "domain.hosted_zone_id",
                "Route 53 records need at least one alias",
            ));
        }
        if !(d.hosted_zone_id.starts_with('Z')
            && d.hosted_zone_id.len() <= 32
            && d.hosted_zone_id.bytes().all(|b| b.is_ascii_alphanumeric()))
        {
            out.push(FieldError::error(
                "domain.hosted_zone_id",
                "a hosted zone id looks like Z0123456789ABCDEFGHIJ",
            ));
        }
    }
    const TLS: &[&str] = &["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];
    if !TLS.contains(&d.minimum_protocol_version.as_str()) {
        out.push(FieldError::error(
            "domain.minimum_protocol_version",
            "choose TLSv1.2_2021, TLSv1.2_2025 or TLSv1.3_2025",
        ));
    }
    if !["http1.1", "http2", "http3", "http2and3"].contains(&d.http_version.as_str()) {
        out.push(FieldError::error(
            "domain.http_version",
            "choose http1.1, http2, http3 or http2and3",
        ));
    }
    if !["PriceClass_100", "PriceClass_200", "PriceClass_All"].contains(&d.price_class.as_str()) {
        out.push(FieldError::error(
            "domain.price_class",
            "choose PriceClass_100, PriceClass_200 or PriceClass_All",
        ));
    }
}

fn certificate(arn: &str, no_aliases: bool, out: &mut Vec<FieldError>) {
    const FIELD: &str = "domain.certificate_arn";
    if no_aliases {
        out.push(FieldError::error(
            "domain.aliases",
            "a certificate is only used with alternate domain names: add the aliases it covers",
        ));
    }
    let parts: Vec<&str> = arn.split(':').collect();
    match parts.as_slice() {
        [] | [""] => out.push(FieldError::error(
            FIELD,
            "custom domain names need an ACM certificate ARN (in us-east-1) covering them",
        )),
        ["arn", partition, "acm", region, account, resource]
            if partition.starts_with("aws")
                && account.len() == 12
                && account.bytes().all(|b| b.is_ascii_digit())
                && resource.starts_with("certificate/") =>
        {
            if *region != "us-east-1" {
                out.push(FieldError::error(
                    FIELD,
                    format!(
                        "CloudFront only uses ACM certificates from us-east-1; this one is in {region} \
                         (regional API custom domains use the API's region, CloudFront does not)"
                    ),
                ));
            }
        }
        _ => out.push(FieldError::error(
            FIELD,
            "expected arn:aws:acm:us-east-1:123456789012:certificate/...",
        )),
    }
}

fn protection(state: &FormState, out: &mut Vec<FieldError>) {
    let p = &state.protection;
    if p.secret_header {
        let name = p.secret_header_name.to_ascii_lowercase();
        if !is_header_name(&p.secret_header_name) {
            out.push(FieldError::error(
                "protection.secret_header_name",
                "a header name is letters, digits and dashes",
            ));
        } else if DENIED_ORIGIN_HEADERS.contains(&name.as_str())
            || name.starts_with("x-amz-")
            || name.starts_with("x-edge-")
        {
            out.push(FieldError::error(
                "protection.secret_header_name",
                format!(
                    "CloudFront refuses to add `{}` as an origin header; use e.g. X-Origin-Verify",
                    p.secret_header_name
                ),
            ));
        }
        if p.secret_source == SecretSource::SecretsManager && !is_secret_name(&p.secret_name) {
            out.push(FieldError::error(
                "protection.secret_name",
                "enter the Secrets Manager secret name or ARN",
            ));
        }
        if !p.secret_json_key.is_empty() && !is_secret_name(&p.secret_json_key) {
            out.push(FieldError::error(
                "protection.secret_json_key",
                "a JSON key of letters, digits, `-`, `_`, `/` and `.`",
            ));
        }
    }
    let acl = &p.web_acl_arn;
    let global_acl = acl.starts_with("arn:aws:wafv2:us-east-1:") && acl.contains(":global/webacl/");
    if !acl.is_empty() && !global_acl {
        out.push(FieldError::error(
            "protection.web_acl_arn",
            "CloudFront needs a WAFv2 web ACL with scope CLOUDFRONT: arn:aws:wafv2:us-east-1:…:global/webacl/…",
        ));
    }
    let cert = &p.client_certificate_arn;
    if !cert.is_empty() {
        if !(cert.starts_with("arn:aws:acm:us-east-1:") && cert.contains(":certificate/")) {
            out.push(FieldError::error(
                "protection.client_certificate_arn",
                "origin mutual TLS takes an ACM certificate from us-east-1: \
                 arn:aws:acm:us-east-1:…:certificate/…",
            ));
        }
        if state.api.kind != ApiKind::CustomDomain {
            out.push(FieldError::error(
                "protection.client_certificate_arn",
                "origin mutual TLS needs an API Gateway custom domain that requires it: the \
                 default execute-api endpoint and function URLs never ask for a client certificate",
            ));
        }
    }
    if !p.logging_bucket.is_empty() && !is_bucket_name(&p.logging_bucket) {
        out.push(FieldError::error(
            "protection.logging_bucket",
            "enter the bucket name (not its domain), 3-63 lower-case letters, digits, `-` and `.`",
        ));
    }
}

fn timeouts(state: &FormState, out: &mut Vec<FieldError>) {
    let t = state.timeouts;
    let kind = state.api.kind;
    let streaming = state.api.streaming;
    if !(1..=180).contains(&t.read) {
        out.push(FieldError::error(
            "timeouts.read",
            "the origin read timeout is 1-120 s (up to 180 s with a quota increase)",
        ));
    } else if t.read > 120 {
        out.push(FieldError::warning(
            "timeouts.read",
            "above 120 s CloudFront needs a service quota increase for the response timeout",
        ));
    } else if streaming {
        // A stream may pause between chunks and run up to 15 minutes: the generator raises
        // the response timeout to 120 s, so the buffered-response limits below do not apply.
    } else if t.read > 30 && matches!(kind, ApiKind::HttpApi | ApiKind::RestEdge) {
        out.push(FieldError::warning(
            "timeouts.read",
            "API Gateway ends this API's integrations after 30 s (HTTP API) / 29 s (edge REST) \
             and answers 504 first; a longer CloudFront timeout never applies",
        ));
    } else if t.read > 30 && kind.is_rest() {
        out.push(FieldError::warning(
            "timeouts.read",
            "REST integrations end after 29 s unless you raised the integration timeout quota",
        ));
    } else if t.read < 29 && kind != ApiKind::LambdaUrl {
        out.push(FieldError::warning(
            "timeouts.read",
            "CloudFront may cut off responses that API Gateway would still deliver (up to 29-30 s)",
        ));
    }
    let read = match streaming {
        true => t.read.max(crate::render::STREAM_READ_TIMEOUT),
        false => t.read,
    };
    if t.response_completion > 0 && t.response_completion < read {
        out.push(FieldError::error(
            "timeouts.response_completion",
            format!(
                "the response completion timeout must be at least the response timeout ({read} s)"
            ),
        ));
    }
    if !(1..=180).contains(&t.keepalive) {
        out.push(FieldError::error(
            "timeouts.keepalive",
            "the keep-alive timeout is 1-120 s (up to 180 s with a quota increase)",
        ));
    } else if t.keepalive > 120 {
        out.push(FieldError::warning(
            "timeouts.keepalive",
            "above 120 s CloudFront needs a service quota increase",
        ));
    }
}

/// Checks a CloudFront path pattern for an API behavior.
fn path_pattern(field: &str, p: &str, out: &mut Vec<FieldError>) {
    const EXTRA: &str = "_-.*$/~\"'@:+&?";
    if p.is_empty() || p == "*" || p == "/*" {
        out.push(FieldError::error(
            field,
            "`*` is the default behavior; use a pattern with a prefix, e.g. /api/*",
        ));
    } else if p.len() > 255 {
        out.push(FieldError::error(
            field,
            "a path pattern is at most 255 characters",
        ));
    } else if !p.starts_with('/') {
        out.push(FieldError::error(field, "start the path pattern with `/`"));
    } else if let Some(c) = p
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || EXTRA.contains(*c)))
    {
        out.push(FieldError::error(
            field,
            format!(
                "`{c}` is not allowed in a path pattern (letters, digits and _-.*$/~\"'@:+&? only)"
            ),
        ));
    }
}

/// A region name such as `eu-west-1` or `us-gov-east-1`.
pub(crate) fn is_region(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 3
        && parts.len() <= 4
        && parts[0].len() == 2
        && parts
            .iter()
            .take(parts.len() - 1)
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts
            .last()
            .is_some_and(|n| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn is_logical_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 255
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_path_segment(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

fn is_header_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 256 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn is_secret_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 2048
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/_+=.@-:".contains(&b))
}

/// A DNS name of at least two labels.
pub(crate) fn is_dns_name(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    s.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

fn is_bucket_name(s: &str) -> bool {
    (3..=63).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && s.starts_with(|c: char| c.is_ascii_alphanumeric())
        && s.ends_with(|c: char| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{ApiKind, AuthMode, FormState};

    fn errors_on(state: &FormState, field: &str) -> Vec<String> {
        validate(state)
            .into_iter()
            .filter(|e| e.field == field && e.level == Level::Error)
            .map(|e| e.message)
            .collect()
    }

    #[test]
    fn messages_read_as_sentences_without_field_paths() {
        let mut s = FormState::default();
        s.api.api_id = "NOPE".into();
        assert_eq!(
            errors_on(&s, "api.api_id"),
            vec!["an API id is 10 lower-case letters and digits, not `NOPE`"]
        );
        s.api.kind = ApiKind::LambdaUrl;
        assert!(errors_on(&s, "api.api_id")[0].starts_with("a function URL id is 32"));
        for e in validate(&s) {
            assert!(
                !e.message.contains("api.") && !e.message.contains("routing."),
                "{e:?}"
            );
        }
    }

    #[test]
    fn default_state_is_valid() {
        let errs: Vec<_> = validate(&FormState::default())
            .into_iter()
            .filter(|e| e.level == Level::Error)
            .collect();
        assert!(errs.is_empty(), "{errs:?}");
    }

    #[test]
    fn reports_field_level_errors() {
        let mut s = FormState::default();
        s.api.region = "europe".into();
        s.api.stage = "/prod/".into();
        s.api.api_id = String::new();
        s.auth.mode = AuthMode::Iam;
        s.domain.aliases = vec!["api.example.com".into()];
        s.domain.certificate_arn =
            "arn:aws:acm:eu-west-1:123456789012:certificate/abcd-1234".into();
        assert_eq!(errors_on(&s, "api.region").len(), 1);
        assert!(errors_on(&s, "api.stage")[0].contains("without slashes"));
        assert!(errors_on(&s, "api.api_id")[0].contains("enter the API id"));
        assert!(errors_on(&s, "auth.mode")[0].contains("SigV4"));
        assert!(errors_on(&s, "domain.certificate_arn")[0].contains("us-east-1"));
    }

    #[test]
    fn checks_path_patterns_and_edge_warning() {
        let mut s = FormState::default();
        s.api.kind = ApiKind::RestEdge;
        s.routing.mode = RoutingMode::SiteWithApi;
        s.routing.bucket_name = "my-site".into();
        s.routing.api_paths = vec!["/api/*".into(), "api v2/*".into(), "*".into()];
        let all = validate(&s);
        assert!(all
            .iter()
            .any(|e| e.field == "api.kind" && e.level == Level::Warning));
        assert_eq!(errors_on(&s, "routing.api_paths[0]").len(), 0);
        assert!(errors_on(&s, "routing.api_paths[1]")[0].contains("start the path"));
        assert!(errors_on(&s, "routing.api_paths[2]")[0].contains("default behavior"));
    }

    #[test]
    fn recognises_regions_and_dns_names() {
        assert!(is_region("eu-west-1"));
        assert!(is_region("us-gov-east-1"));
        assert!(!is_region("eu-west"));
        assert!(!is_region("EU-west-1"));
        assert!(is_dns_name("api.example.com"));
        assert!(!is_dns_name("-a.example.com"));
        assert!(!is_dns_name("localhost"));
    }

    fn on(state: &FormState, field: &str, level: Level) -> usize {
        validate(state)
            .iter()
            .filter(|e| e.field == field && e.level == level)
            .count()
    }

    #[test]
    fn checks_streaming_and_its_timeouts() {
        let mut s = FormState::default();
        s.api.streaming = true;
        // A streaming REST API: the 29 s integration limit no longer applies to the read timeout.
        s.timeouts.read = 120;
        assert_eq!(on(&s, "api.streaming", Level::Error), 0);
        assert_eq!(on(&s, "timeouts.read", Level::Warning), 0);
        // The completion timeout may not be below the response timeout the generator uses (120 s).
        s.timeouts.response_completion = 60;
        assert!(errors_on(&s, "timeouts.response_completion")[0].contains("120 s"));
        s.timeouts.response_completion = 900;
        assert_eq!(on(&s, "timeouts.response_completion", Level::Error), 0);
        s.api.kind = ApiKind::RestEdge;
        assert_eq!(on(&s, "api.streaming", Level::Warning), 1);
        s.api.kind = ApiKind::HttpApi;
        assert!(errors_on(&s, "api.streaming")[0].contains("HTTP APIs do not stream"));
        s.api.streaming = false;
        s.timeouts.read = 121;
        assert_eq!(on(&s, "timeouts.read", Level::Warning), 1);
    }

    #[test]
    fn checks_the_origin_client_certificate() {
        let mut s = FormState::default();
        s.protection.client_certificate_arn =
            "arn:aws:acm:eu-west-1:123456789012:certificate/abcd".into();
        let errs = errors_on(&s, "protection.client_certificate_arn");
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs[0].contains("us-east-1"));
        assert!(errs[1].contains("custom domain"));
        s.api.kind = ApiKind::CustomDomain;
        s.protection.client_certificate_arn =
            "arn:aws:acm:us-east-1:123456789012:certificate/abcd".into();
        assert_eq!(on(&s, "protection.client_certificate_arn", Level::Error), 0);
    }
}
