//! The format-neutral plan: which origins, behaviors, policies and functions a form state needs.
//!
//! Every renderer walks the same [`Plan`], derived once from the state, so the six outputs
//! cannot drift apart.

use super::OutputFormat;
use crate::managed;
use crate::state::{
    ApiKind, AuthMode, CacheMode, Cors, CorsMode, Domain, FormState, Protection, ReferenceMode,
    Routing, RoutingMode, SecretSource,
};
use std::borrow::Cow;

/// Why API behaviors use AllViewerExceptHostHeader (shown as a comment where the format allows).
pub(crate) const WHY_ORP: &str = "AllViewerExceptHostHeader forwards headers, cookies and query \
strings but not Host: API Gateway and Lambda URLs route by their own host name and answer 403 \
to a CloudFront Host.";
/// Why uncached API behaviors use CachingDisabled.
pub(crate) const WHY_NO_CACHE: &str =
    "CachingDisabled: API responses are per caller and must not be replayed to others.";
/// Why the viewer protocol is https-only.
pub(crate) const WHY_HTTPS_ONLY: &str =
    "https-only: a redirect would turn a POST into a GET and hide misconfigured clients.";
/// Why API error codes have a TTL of 0.
pub(crate) const WHY_ERROR_TTL: &str =
    "Error caching TTL 0 for API status codes: CloudFront caches errors for 10 s by default.";
/// What a Lambda URL behind OAC needs from clients.
pub(crate) const WHY_PAYLOAD_HASH: &str = "With OAC, POST and PUT requests must carry \
x-amz-content-sha256 (hex SHA-256 of the body): Lambda does not accept unsigned payloads.";
/// Why the CloudFront Function exists.
pub(crate) const WHY_STRIP: &str = "Viewer-request function: removes the path prefix that only \
selects the behavior, so the API sees /users instead of /api/users.";

/// A choice the generator makes on purpose that a rule would report: the output states it and
/// suppresses the rule with this reason (CloudFormation `Metadata.apifront`, a Terraform
/// `# apifront-ignore:` comment; CLI JSON, which has no comments, lists it in the notes).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TradeOff {
    /// The rule not to warn about.
    pub rule: &'static str,
    /// Why the output is so, and what to change in the form if it should not be.
    pub reason: String,
}

/// The format-neutral plan.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    /// Resource-name prefix (`orders-api`).
    pub name: String,
    pub comment: String,
    pub api: ApiOrigin,
    pub site: Option<SiteOrigin>,
    pub default_behavior: BehaviorPlan,
    pub behaviors: Vec<BehaviorPlan>,
    pub cache_policy: Option<CachePolicyPlan>,
    pub cors_policy: Option<CorsPlan>,
    pub strip_function: Option<StripFunction>,
    pub viewer: Option<ViewerPlan>,
    pub http_version: String,
    pub ipv6: bool,
    pub price_class: String,
    pub web_acl: Option<String>,
    /// Bucket name for standard logs.
    pub logging_bucket: Option<String>,
    /// (status code, TTL) pairs.
    pub error_ttls: Vec<(u16, u32)>,
    pub secret: Option<SecretPlan>,
    pub lambda_oac: Option<LambdaOacPlan>,
}

/// How the API origin's host name is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ApiHost {
    /// A literal host name.
    Literal(String),
    /// A REST or HTTP API of the same stack (its id + `.execute-api.{region}.amazonaws.com`).
    StackApi(String),
    /// An `AWS::Lambda::Url` of the same stack (host taken from its `FunctionUrl`).
    StackLambdaUrl(String),
    /// An API Gateway domain name of the same stack.
    StackDomain(String),
}

/// The API origin.
#[derive(Debug, Clone)]
pub(crate) struct ApiOrigin {
    pub kind: ApiKind,
    pub host: ApiHost,
    /// The region of a literal API (for region-dependent names).
    pub region: String,
    /// `/prod`, or empty.
    pub origin_path: String,
    pub read_timeout: u32,
    pub keepalive_timeout: u32,
    /// `ResponseCompletionTimeout`, when set.
    pub response_completion_timeout: Option<u32>,
    /// The API streams its responses.
    pub streaming: bool,
    /// The client certificate for origin mutual TLS.
    pub client_certificate_arn: Option<String>,
}

/// The S3 site origin (bucket created by template formats).
#[derive(Debug, Clone)]
pub(crate) struct SiteOrigin {
    pub bucket_name: String,
    pub region: String,
}

/// Which origin a behavior targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Api,
    Site,
}

/// The origin ids.
pub(crate) const API_ORIGIN_ID: &str = "api";
pub(crate) const SITE_ORIGIN_ID: &str = "site";

impl Target {
    pub fn origin_id(self) -> &'static str {
        match self {
            Target::Api => API_ORIGIN_ID,
            Target::Site => SITE_ORIGIN_ID,
        }
    }
}

/// The cache policy of a behavior.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CacheChoice {
    /// A managed policy.
    Managed(&'static managed::ManagedCachePolicy),
    /// The plan's custom cache policy.
    Custom,
}

/// One cache behavior.
#[derive(Debug, Clone)]
pub(crate) struct BehaviorPlan {
    /// `None` for the default behavior.
    pub pattern: Option<String>,
    pub target: Target,
    pub cache: CacheChoice,
    pub origin_request: Option<&'static managed::ManagedOriginRequestPolicy>,
    /// Attach the custom CORS response headers policy.
    pub cors: bool,
    /// All seven methods (API) or GET/HEAD (site).
    pub all_methods: bool,
    /// Viewer protocol policy.
    pub viewer_protocol: &'static str,
    pub compress: bool,
    /// Attach the strip-prefix function.
    pub strip: bool,
}

impl BehaviorPlan {
    pub fn allowed_methods(&self) -> &'static [&'static str] {
        if self.all_methods {
            &["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
        } else {
            &["GET", "HEAD"]
        }
    }

    pub fn cached_methods(&self) -> &'static [&'static str] {
        &["GET", "HEAD"]
    }
}

/// The custom cache policy for cached GET routes.
#[derive(Debug, Clone)]
pub(crate) struct CachePolicyPlan {
    pub default_ttl: u32,
    pub max_ttl: u32,
    /// Header names in the cache key.
    pub headers: Vec<String>,
    pub query_strings: bool,
}

/// A custom response headers policy with CORS.
#[derive(Debug, Clone)]
pub(crate) struct CorsPlan {
    pub allow_origins: Vec<String>,
    pub allow_headers: Vec<String>,
    pub allow_methods: Vec<String>,
    pub allow_credentials: bool,
    pub max_age: u32,
}

/// The viewer-request function that strips path prefixes.
#[derive(Debug, Clone)]
pub(crate) struct StripFunction {
    /// Literal prefixes such as `/api`, longest first.
    pub prefixes: Vec<String>,
}

impl StripFunction {
    /// The function's JavaScript (cloudfront-js-2.0).
    pub fn code(&self) -> String {
        let list = self
            .prefixes
            .iter()
            .map(|p| format!("'{}'", p.replace('\\', "\\\\").replace('\'', "\\'")))
            .collect::<Vec<_>>()
            .join(", ");
        let mut w = super::writer::Writer::new("  ");
        w.open("function handler(event) {");
        w.line("var request = event.request;");
        w.line(format!("var prefixes = [{list}];"));
        w.open("for (var i = 0; i < prefixes.length; i++) {");
        w.line("var p = prefixes[i];");
        w.open("if (request.uri === p || request.uri.indexOf(p + '/') === 0) {");
        w.line("request.uri = request.uri.substring(p.length) || '/';");
        w.line("break;");
        w.close("}");
        w.close("}");
        w.line("return request;");
        w.close("}");
        w.finish()
    }

    /// The function whose code `code` is, when it is exactly this generator's (whitespace
    /// aside: a YAML block or a Terraform heredoc re-indents it). Rules and the trace know what
    /// this one function does to a path; any other code may do anything.
    pub fn recognise(code: &str) -> Option<Self> {
        let start = code.find("var prefixes = [")? + "var prefixes = [".len();
        let mut prefixes = Vec::new();
        let mut chars = code[start..].chars();
        loop {
            match chars.next()? {
                ']' => break,
                ' ' | ',' => {}
                '\'' => {
                    let mut s = String::new();
                    loop {
                        match chars.next()? {
                            '\\' => s.push(chars.next()?),
                            '\'' => break,
                            c => s.push(c),
                        }
                    }
                    prefixes.push(s);
                }
                _ => return None,
            }
        }
        let function = Self { prefixes };
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        (squash(&function.code()) == squash(code)).then_some(function)
    }

    /// What the function does to a request path ([`strip`] with its prefixes).
    pub fn strip<'p>(&self, path: &'p str) -> Cow<'p, str> {
        strip(&self.prefixes, path)
    }
}

/// What the strip-prefix function with `prefixes` does to a request path: the first prefix that
/// is the path or one of its leading segments goes (`/api/users` → `/users`, `/api` → `/`).
pub(crate) fn strip<'p>(prefixes: &[String], path: &'p str) -> Cow<'p, str> {
    for p in prefixes {
        let rest = path.strip_prefix(p.as_str());
        if let Some(rest) = rest.filter(|r| r.is_empty() || r.starts_with('/')) {
            return if rest.is_empty() {
                "/".into()
            } else {
                rest.into()
            };
        }
    }
    path.into()
}

/// Alternate domain names and their certificate.
#[derive(Debug, Clone)]
pub(crate) struct ViewerPlan {
    pub aliases: Vec<String>,
    pub certificate_arn: String,
    pub minimum_protocol_version: String,
    /// Route 53 hosted zone for alias records.
    pub hosted_zone_id: Option<String>,
}

/// The origin secret header.
#[derive(Debug, Clone)]
pub(crate) struct SecretPlan {
    pub header: String,
    pub source: SecretSource,
    pub secret_name: String,
    pub json_key: Option<String>,
}

impl SecretPlan {
    /// The CloudFormation dynamic reference for a Secrets Manager source.
    pub fn dynamic_reference(&self) -> String {
        match &self.json_key {
            Some(k) => format!(
                "{{{{resolve:secretsmanager:{}:SecretString:{k}}}}}",
                self.secret_name
            ),
            None => format!("{{{{resolve:secretsmanager:{}}}}}", self.secret_name),
        }
    }
}

/// A Lambda URL protected by OAC.
#[derive(Debug, Clone)]
pub(crate) struct LambdaOacPlan {
    /// Literal function name/ARN; `None` in stack mode (the URL resource's `FunctionArn`).
    pub function: Option<String>,
}

/// Logical id / parameter name of the NoEcho secret parameter.
pub(crate) const SECRET_PARAMETER: &str = "OriginSecret";

impl Plan {
    /// The deliberate trade-offs of this plan written as `format`, each with its reason.
    pub fn trade_offs(&self, format: OutputFormat) -> Vec<TradeOff> {
        let mut out = Vec::new();
        let mut add = |rule: &'static str, reason: &str| {
            out.push(TradeOff {
                rule,
                reason: reason.to_string(),
            })
        };
        if self.web_acl.is_none() {
            add(
                "waf-not-associated",
                "No AWS WAF web ACL was given in the form; add its ARN to filter requests before \
                 they reach the API.",
            );
        }
        if self.logging_bucket.is_none() {
            add(
                "access-logging-disabled",
                "No access log bucket was given in the form; add one to keep CloudFront's request \
                 logs.",
            );
        }
        let behaviors = std::iter::once(&self.default_behavior).chain(&self.behaviors);
        if behaviors.clone().any(|b| !b.cors) {
            add(
                "response-headers-policy-missing",
                if self.site.is_some() {
                    "No response headers policy: responses reach viewers with the headers the \
                     API and the site bucket send."
                } else {
                    "No response headers policy: responses reach viewers with the headers the API \
                     sends."
                },
            );
        }
        if self.secret.is_none() && self.web_acl.is_none() && self.lambda_oac.is_none() {
            add(
                "api-origin-bypassable",
                "No secret origin header: the API can also be called directly; turn on \
                 \"Secret origin header\" in the form to let it refuse such requests.",
            );
        }
        if self.api.kind == ApiKind::HttpApi && self.api.origin_path.is_empty() {
            add(
                "apigw-rest-origin-path-missing-stage",
                "An HTTP API on its $default stage is served from /: the origin needs no path.",
            );
        }
        // CLI JSON names the cache policy by id only: the rule cannot see its TTLs.
        if self.cache_policy.is_some() && format != OutputFormat::CliJson {
            add(
                "api-behavior-caching-enabled",
                "GET responses of the paths chosen under Caching are cached on purpose, keyed on \
                 Authorization, the CORS headers and the query strings.",
            );
        }
        let fills = self.secret.is_some()
            || self.cache_policy.is_some()
            || self.cors_policy.is_some()
            || self.site.is_some()
            || self.lambda_oac.is_some()
            || self.strip_function.is_some();
        if format == OutputFormat::CliJson && fills {
            add(
                "placeholder-value",
                "CLI JSON cannot refer to other resources: the ids and values to fill in are \
                 written as REPLACE_WITH_… and each is named in these notes.",
            );
        }
        if self.lambda_oac.is_some() {
            add(
                "lambda-url-oac-payload-hash",
                "With origin access control, clients must send x-amz-content-sha256 on POST and \
                 PUT (see the comment at the origin).",
            );
        }
        if self.site.is_none() && behaviors.clone().any(|b| b.pattern.is_some()) {
            add(
                "path-pattern-prefix-not-stripped",
                "The API serves every path: the cached path patterns are its own routes and \
                 reach it unchanged.",
            );
        }
        // CLI JSON names the CORS policy by id only: the rule cannot see what it adds.
        if self.cors_policy.is_some() && format != OutputFormat::CliJson {
            add(
                "response-headers-cors-overlap",
                "CloudFront answers CORS (chosen under CORS) and overrides the API's own CORS \
                 headers.",
            );
        }
        if format == OutputFormat::Terraform {
            add(
                "geo-restriction-none",
                "No geographic restriction was asked for: viewers in every country are served.",
            );
        }
        out
    }

    /// Derives the plan from a state (assumed valid).
    pub fn new(state: &FormState) -> Self {
        let api = api_origin(state);
        let site_mode = state.routing.mode == RoutingMode::SiteWithApi;
        let cached = state.caching.mode == CacheMode::CacheGet;
        let cors = state.cors.mode == CorsMode::ByCloudFront;
        let strip = site_mode && state.routing.strip_prefix && api.kind != ApiKind::CustomDomain;
        let (default_behavior, mut behaviors) = behavior_plans(state, strip, cors);
        let strip_function = strip_prefix_function(strip, &mut behaviors);
        let d = &state.domain;
        let p = &state.protection;
        Plan {
            name: state.name.clone(),
            comment: format!("{}: {} via apifront", state.name, kind_label(api.kind)),
            site: site_mode.then(|| site_origin(&state.routing, &api.region)),
            api,
            default_behavior,
            behaviors,
            cache_policy: cached.then(|| cache_policy(state)),
            cors_policy: cors.then(|| cors_plan(&state.cors)),
            strip_function,
            viewer: viewer_plan(d),
            http_version: d.http_version.clone(),
            ipv6: d.ipv6,
            price_class: d.price_class.clone(),
            web_acl: (!p.web_acl_arn.is_empty()).then(|| p.web_acl_arn.clone()),
            logging_bucket: (!p.logging_bucket.is_empty()).then(|| p.logging_bucket.clone()),
            error_ttls: state
                .error_caching
                .iter()
                .map(|e| (e.code, e.ttl))
                .collect(),
            secret: secret_plan(p),
            lambda_oac: lambda_oac_plan(state),
        }
    }
}

/// The default behavior and the path behaviors (cached GET paths, then the site's API paths).
fn behavior_plans(state: &FormState, strip: bool, cors: bool) -> (BehaviorPlan, Vec<BehaviorPlan>) {
    let api_behavior = |pattern: Option<String>, cache: CacheChoice| BehaviorPlan {
        strip: strip && pattern.is_some(),
        pattern,
        target: Target::Api,
        cache,
        origin_request: managed::origin_request_policy(managed::ALL_VIEWER_EXCEPT_HOST_HEADER),
        cors,
        all_methods: true,
        viewer_protocol: "https-only",
        compress: cache == CacheChoice::Custom,
    };
    let disabled = managed::cache_policy(managed::CACHING_DISABLED)
        .map_or(CacheChoice::Custom, CacheChoice::Managed);

    let mut behaviors = Vec::new();
    if state.caching.mode == CacheMode::CacheGet {
        for p in &state.caching.paths {
            behaviors.push(api_behavior(Some(p.clone()), CacheChoice::Custom));
        }
    }
    let default_behavior = if state.routing.mode == RoutingMode::SiteWithApi {
        for p in &state.routing.api_paths {
            behaviors.push(api_behavior(Some(p.clone()), disabled));
        }
        site_default_behavior()
    } else {
        api_behavior(None, disabled)
    };
    (default_behavior, behaviors)
}

/// The default behavior of a site with an API: the bucket, cached, GET and HEAD only.
fn site_default_behavior() -> BehaviorPlan {
    BehaviorPlan {
        pattern: None,
        target: Target::Site,
        cache: managed::cache_policy(managed::CACHING_OPTIMIZED)
            .map_or(CacheChoice::Custom, CacheChoice::Managed),
        origin_request: None,
        cors: false,
        all_methods: false,
        viewer_protocol: "redirect-to-https",
        compress: true,
        strip: false,
    }
}

/// The function stripping the behaviors' literal prefixes; without one, no behavior strips.
fn strip_prefix_function(strip: bool, behaviors: &mut [BehaviorPlan]) -> Option<StripFunction> {
    let mut prefixes: Vec<String> = behaviors
        .iter()
        .filter(|b| b.strip)
        .filter_map(|b| literal_prefix(b.pattern.as_deref()?))
        .collect();
    prefixes.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    prefixes.dedup();
    let strip_function = (strip && !prefixes.is_empty()).then_some(StripFunction { prefixes });
    if strip_function.is_none() {
        for b in behaviors {
            b.strip = false;
        }
    }
    strip_function
}

/// The site bucket, in the API's region unless the form names another.
fn site_origin(routing: &Routing, api_region: &str) -> SiteOrigin {
    SiteOrigin {
        bucket_name: routing.bucket_name.clone(),
        region: if routing.bucket_region.is_empty() {
            api_region.to_string()
        } else {
            routing.bucket_region.clone()
        },
    }
}

/// The CORS answers CloudFront adds, as the form sets them.
fn cors_plan(cors: &Cors) -> CorsPlan {
    CorsPlan {
        allow_origins: cors.allow_origins.clone(),
        allow_headers: cors.allow_headers.clone(),
        allow_methods: cors.allow_methods.clone(),
        allow_credentials: cors.allow_credentials,
        max_age: cors.max_age,
    }
}

/// The aliases and their certificate; `None` without aliases.
fn viewer_plan(d: &Domain) -> Option<ViewerPlan> {
    (!d.aliases.is_empty()).then(|| ViewerPlan {
        aliases: d.aliases.clone(),
        certificate_arn: d.certificate_arn.clone(),
        minimum_protocol_version: d.minimum_protocol_version.clone(),
        hosted_zone_id: (!d.hosted_zone_id.is_empty()).then(|| d.hosted_zone_id.clone()),
    })
}

/// The secret origin header, when the form asks for one.
fn secret_plan(p: &Protection) -> Option<SecretPlan> {
    p.secret_header.then(|| SecretPlan {
        header: p.secret_header_name.clone(),
        source: p.secret_source,
        secret_name: p.secret_name.clone(),
        json_key: (!p.secret_json_key.is_empty()).then(|| p.secret_json_key.clone()),
    })
}

/// The origin access control of a Lambda URL, when the form asks for one.
fn lambda_oac_plan(state: &FormState) -> Option<LambdaOacPlan> {
    (state.auth.mode == AuthMode::LambdaUrlOac).then(|| LambdaOacPlan {
        function: (state.api.reference == ReferenceMode::Literal)
            .then(|| state.api.function_name.clone()),
    })
}

/// A short label of the API kind for comments.
pub(crate) fn kind_label(kind: ApiKind) -> &'static str {
    match kind {
        ApiKind::RestRegional => "regional REST API",
        ApiKind::RestEdge => "edge-optimized REST API",
        ApiKind::RestPrivate => "private REST API",
        ApiKind::HttpApi => "HTTP API",
        ApiKind::LambdaUrl => "Lambda function URL",
        ApiKind::CustomDomain => "API Gateway custom domain",
    }
}

fn api_origin(state: &FormState) -> ApiOrigin {
    let api = &state.api;
    let literal = api.reference == ReferenceMode::Literal;
    let host = match (api.kind, literal) {
        (ApiKind::CustomDomain, true) => ApiHost::Literal(api.custom_domain.clone()),
        (ApiKind::CustomDomain, false) => ApiHost::StackDomain(api.resource_name.clone()),
        (ApiKind::LambdaUrl, true) => {
            ApiHost::Literal(format!("{}.lambda-url.{}.on.aws", api.api_id, api.region))
        }
        (ApiKind::LambdaUrl, false) => ApiHost::StackLambdaUrl(api.resource_name.clone()),
        (_, true) => ApiHost::Literal(format!(
            "{}.execute-api.{}.amazonaws.com",
            api.api_id, api.region
        )),
        (_, false) => ApiHost::StackApi(api.resource_name.clone()),
    };
    let origin_path = match api.kind {
        ApiKind::LambdaUrl => String::new(),
        ApiKind::CustomDomain => match api.base_path.trim_matches('/') {
            "" => String::new(),
            p => format!("/{p}"),
        },
        _ if api.stage == "$default" || api.stage.is_empty() => String::new(),
        _ => format!("/{}", api.stage),
    };
    let t = &state.timeouts;
    // A streamed response may pause between chunks: CloudFront's response timeout also bounds
    // that gap, so a streaming API gets the most CloudFront allows without a quota increase,
    // and a completion timeout that matches API Gateway's 15-minute stream (and Lambda's
    // 15-minute limit) unless the user set one.
    let read_timeout = match api.streaming {
        true => t.read.max(STREAM_READ_TIMEOUT),
        false => t.read,
    };
    let response_completion_timeout = match (t.response_completion, api.streaming) {
        (0, true) => Some(STREAM_COMPLETION_TIMEOUT.max(read_timeout)),
        (0, false) => None,
        (n, _) => Some(n),
    };
    let certificate = &state.protection.client_certificate_arn;
    ApiOrigin {
        kind: api.kind,
        host,
        region: api.region.clone(),
        origin_path,
        read_timeout,
        keepalive_timeout: t.keepalive,
        response_completion_timeout,
        streaming: api.streaming,
        client_certificate_arn: (!certificate.is_empty()).then(|| certificate.clone()),
    }
}

/// The response timeout of a streaming origin: the longest pause between two chunks CloudFront
/// allows without a quota increase.
pub const STREAM_READ_TIMEOUT: u32 = 120;
/// The response completion timeout of a streaming origin: API Gateway streams for at most 15
/// minutes, and a Lambda function runs for at most 15 minutes.
pub const STREAM_COMPLETION_TIMEOUT: u32 = 900;

/// What a streaming origin needs on the API side (a comment in the generated code).
pub(crate) const WHY_STREAMING: &str = "Streaming: the response timeout also bounds the pause \
between two chunks of a streamed response, and the completion timeout ends the whole response. \
The API must stream too: ResponseTransferMode STREAM on REST integrations (HTTP_PROXY or \
AWS_PROXY), or InvokeMode RESPONSE_STREAM on the function URL.";

/// Why the origin presents a client certificate (a comment in the generated code).
pub(crate) const WHY_MTLS: &str = "Origin mutual TLS: CloudFront presents this us-east-1 ACM \
certificate to the custom domain, which requires it; disable the API's default execute-api \
endpoint so that the domain is the only way in.";

fn cache_policy(state: &FormState) -> CachePolicyPlan {
    let mut headers: Vec<String> = Vec::new();
    match state.auth.mode {
        AuthMode::Authorizer => headers.push("Authorization".into()),
        AuthMode::ApiKey => headers.push("x-api-key".into()),
        _ => {}
    }
    if state.cors.mode == CorsMode::ByApi {
        headers.push("Origin".into());
    }
    for h in &state.caching.headers {
        if !headers.iter().any(|x| x.eq_ignore_ascii_case(h)) {
            headers.push(h.clone());
        }
    }
    CachePolicyPlan {
        default_ttl: state.caching.default_ttl,
        max_ttl: state.caching.max_ttl,
        headers,
        query_strings: state.caching.query_strings,
    }
}

/// The literal prefix of a path pattern before its first wildcard, without a trailing slash
/// (`/api/*` → `/api`); `None` when nothing literal is left.
pub(crate) fn literal_prefix(pattern: &str) -> Option<String> {
    let end = pattern.find(['*', '?']).unwrap_or(pattern.len());
    let lit = pattern[..end].trim_end_matches('/');
    let lit = match lit.rfind('/') {
        Some(i) if end < pattern.len() && !pattern[..end].ends_with('/') => &lit[..i],
        _ => lit,
    };
    let lit = if lit.starts_with('/') {
        lit.to_string()
    } else {
        format!("/{lit}")
    };
    (lit.len() > 1).then_some(lit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip_function(prefixes: &[&str]) -> StripFunction {
        StripFunction {
            prefixes: prefixes.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn recognises_the_generated_strip_function_only() {
        let code = strip_function(&["/api", "/v1"]).code();
        let found = StripFunction::recognise(&code).map(|f| f.prefixes);
        assert_eq!(found, Some(vec!["/api".into(), "/v1".into()]));
        // Re-indented (YAML block, Terraform heredoc) is the same function.
        let indented: String = code.lines().map(|l| format!("    {l}\n")).collect();
        assert!(StripFunction::recognise(&indented).is_some());
        assert!(StripFunction::recognise(&code.replace("break;", "")).is_none());
        let other = "function handler(event) { return event.request; }";
        assert!(StripFunction::recognise(other).is_none());
        let quoted = strip_function(&["/it's", "/a\\b"]).code();
        let found = StripFunction::recognise(&quoted).map(|f| f.prefixes);
        assert_eq!(found, Some(vec!["/it's".into(), "/a\\b".into()]));
    }

    #[test]
    fn strips_like_the_function() {
        let f = strip_function(&["/api/v2", "/api"]);
        assert_eq!(f.strip("/api/users"), "/users");
        assert_eq!(f.strip("/api"), "/");
        assert_eq!(f.strip("/api/v2/x"), "/x");
        assert_eq!(f.strip("/apiary"), "/apiary");
        assert_eq!(f.strip("/other"), "/other");
    }

    #[test]
    fn literal_prefixes() {
        assert_eq!(literal_prefix("/api/*").as_deref(), Some("/api"));
        assert_eq!(literal_prefix("/api/v2/*").as_deref(), Some("/api/v2"));
        assert_eq!(literal_prefix("/api*").as_deref(), None);
        assert_eq!(literal_prefix("/api/v*").as_deref(), Some("/api"));
        assert_eq!(literal_prefix("/*.json"), None);
    }

    #[test]
    fn derives_origin_path_and_behaviors() {
        let mut s = FormState::default();
        let plan = Plan::new(&s);
        assert_eq!(plan.api.origin_path, "/prod");
        assert_eq!(
            plan.api.host,
            ApiHost::Literal("abc123defg.execute-api.eu-west-1.amazonaws.com".into())
        );
        assert!(plan.behaviors.is_empty());
        s.api.kind = ApiKind::HttpApi;
        s.api.stage = "$default".into();
        s.routing.mode = RoutingMode::SiteWithApi;
        s.routing.bucket_name = "site".into();
        let plan = Plan::new(&s);
        assert_eq!(plan.api.origin_path, "");
        assert_eq!(plan.behaviors.len(), 1);
        assert_eq!(plan.default_behavior.target, Target::Site);
        assert_eq!(
            plan.strip_function.map(|f| f.prefixes),
            Some(vec!["/api".to_string()])
        );
    }
}
