//! The generator form's state: one versioned, serde-friendly struct.
//!
//! [`FormState`] is what the web form edits, what a share link carries and what the CLI reads
//! with `--state FILE`. Every struct has `#[serde(default)]`, so old or partial JSON still loads;
//! [`validate`] reports field-level problems, [`presets`] lists ready-made states and
//! [`state_from_model`] derives the closest state from a parsed configuration.

use serde::{Deserialize, Serialize};

mod import;
mod presets;
mod validate;

pub use import::state_from_model;
pub use presets::{preset, presets, Preset};
pub use validate::{validate, FieldError, Level};

/// The current version of [`FormState`].
pub const STATE_VERSION: u32 = 1;

/// Everything the generator needs to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FormState {
    /// Schema version, [`STATE_VERSION`].
    pub version: u32,
    /// Short name used in comments, resource names and the distribution comment.
    pub name: String,
    pub api: ApiSettings,
    pub routing: Routing,
    pub auth: Auth,
    pub caching: Caching,
    pub cors: Cors,
    pub domain: Domain,
    pub protection: Protection,
    pub timeouts: Timeouts,
    /// Error caching TTL per status code (`CustomErrorResponses`).
    pub error_caching: Vec<ErrorCaching>,
}

impl Default for FormState {
    fn default() -> Self {
        Self {
            version: STATE_VERSION,
            name: "apifront".into(),
            api: ApiSettings::default(),
            routing: Routing::default(),
            auth: Auth::default(),
            caching: Caching::default(),
            cors: Cors::default(),
            domain: Domain::default(),
            protection: Protection::default(),
            timeouts: Timeouts::default(),
            error_caching: API_ERROR_CODES
                .iter()
                .map(|&code| ErrorCaching { code, ttl: 0 })
                .collect(),
        }
    }
}

/// The status codes an API returns that CloudFront would otherwise cache for 10 s.
pub const API_ERROR_CODES: &[u16] = &[400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];

/// What sits behind CloudFront.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApiKind {
    /// A regional REST API (`{id}.execute-api.{region}.amazonaws.com/{stage}`).
    #[default]
    RestRegional,
    /// An edge-optimized REST API: works, but adds a second, AWS-owned distribution.
    RestEdge,
    /// A private REST API (needs a VPC origin; not generated).
    RestPrivate,
    /// An HTTP API (`$default` stage is served from `/`).
    HttpApi,
    /// A Lambda function URL.
    LambdaUrl,
    /// An API Gateway custom domain name (origin path = base-path mapping).
    CustomDomain,
}

impl ApiKind {
    /// True for the REST API kinds, whose URLs carry the stage.
    pub fn is_rest(self) -> bool {
        matches!(
            self,
            ApiKind::RestRegional | ApiKind::RestEdge | ApiKind::RestPrivate
        )
    }
}

/// How the generated code names the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceMode {
    /// Literal id, region and stage.
    #[default]
    Literal,
    /// The API is a resource of the same stack / configuration: templates use `!Ref`,
    /// `Fn::Sub`, `Fn::GetAtt` (Terraform: resource attributes).
    DefinedInStack,
}

/// The API and how to reach it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApiSettings {
    pub kind: ApiKind,
    pub reference: ReferenceMode,
    /// Literal mode: the API id (REST/HTTP) or the function URL id (Lambda URL).
    pub api_id: String,
    /// Literal mode: the API's region.
    pub region: String,
    /// Stage name; `$default` for an HTTP API's default stage.
    pub stage: String,
    /// Defined-in-stack mode: the logical id (CloudFormation) / resource name (Terraform) of the
    /// API, of the `AWS::Lambda::Url` for Lambda URLs, or of the API Gateway domain name.
    pub resource_name: String,
    /// Lambda URL with OAC: the function name or ARN (for the invoke permission).
    pub function_name: String,
    /// Custom domain kind: the API Gateway custom domain host name.
    pub custom_domain: String,
    /// Custom domain kind: the base-path mapping (empty for the root mapping).
    pub base_path: String,
    /// The API streams its responses (REST `ResponseTransferMode: STREAM`, Lambda URL
    /// `InvokeMode: RESPONSE_STREAM`): the origin gets timeouts that let a stream pause and
    /// run long (see [`crate::render`]).
    pub streaming: bool,
}

impl Default for ApiSettings {
    fn default() -> Self {
        Self {
            kind: ApiKind::RestRegional,
            reference: ReferenceMode::Literal,
            api_id: "abc123defg".into(),
            region: "eu-west-1".into(),
            stage: "prod".into(),
            resource_name: "Api".into(),
            function_name: String::new(),
            custom_domain: String::new(),
            base_path: String::new(),
            streaming: false,
        }
    }
}

/// Where the API lives on the distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoutingMode {
    /// The API serves every path (default behavior).
    #[default]
    WholeDistribution,
    /// An S3 static site is the default behavior; the API serves [`Routing::api_paths`].
    SiteWithApi,
}

/// Routing between the API and an optional S3 static site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Routing {
    pub mode: RoutingMode,
    /// Path patterns routed to the API in site mode (`/api/*`).
    pub api_paths: Vec<String>,
    /// Add a viewer-request CloudFront Function that strips the literal prefix of the API paths.
    pub strip_prefix: bool,
    /// Site mode: the S3 bucket name (created by the template formats).
    pub bucket_name: String,
    /// Site mode: the bucket's region.
    pub bucket_region: String,
}

impl Default for Routing {
    fn default() -> Self {
        Self {
            mode: RoutingMode::WholeDistribution,
            api_paths: vec!["/api/*".into()],
            strip_prefix: true,
            bucket_name: String::new(),
            bucket_region: String::new(),
        }
    }
}

/// How callers authenticate to the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthMode {
    /// No authentication at the API.
    #[default]
    None,
    /// A JWT, Cognito or Lambda authorizer reading `Authorization`.
    Authorizer,
    /// An API key in `x-api-key`.
    ApiKey,
    /// IAM (SigV4) authorization: refused, CloudFront breaks the signature.
    Iam,
    /// A Lambda function URL protected by an origin access control.
    LambdaUrlOac,
}

/// Which authorizer reads `Authorization`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthorizerKind {
    #[default]
    Jwt,
    Cognito,
    Lambda,
}

/// Authentication settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Auth {
    pub mode: AuthMode,
    pub authorizer: AuthorizerKind,
}

/// Whether API responses are cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CacheMode {
    /// CachingDisabled + AllViewerExceptHostHeader everywhere.
    #[default]
    Off,
    /// Cache GET/HEAD on [`Caching::paths`] with a custom cache policy.
    CacheGet,
}

/// Caching settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Caching {
    pub mode: CacheMode,
    /// Path patterns whose GET responses are cached (`/api/public/*`).
    pub paths: Vec<String>,
    pub default_ttl: u32,
    pub max_ttl: u32,
    /// Put all query strings in the cache key.
    pub query_strings: bool,
    /// Extra header names for the cache key (auth and CORS headers are added automatically).
    pub headers: Vec<String>,
}

impl Default for Caching {
    fn default() -> Self {
        Self {
            mode: CacheMode::Off,
            paths: vec!["/public/*".into()],
            default_ttl: 60,
            max_ttl: 300,
            query_strings: true,
            headers: Vec::new(),
        }
    }
}

/// Who answers CORS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CorsMode {
    /// The API answers CORS: CloudFront forwards `Origin` and the preflight headers.
    #[default]
    ByApi,
    /// A CloudFront response headers policy adds the CORS headers.
    ByCloudFront,
}

/// CORS settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cors {
    pub mode: CorsMode,
    pub allow_origins: Vec<String>,
    pub allow_headers: Vec<String>,
    pub allow_methods: Vec<String>,
    pub allow_credentials: bool,
    pub max_age: u32,
}

impl Default for Cors {
    fn default() -> Self {
        Self {
            mode: CorsMode::ByApi,
            allow_origins: vec!["https://app.example.com".into()],
            allow_headers: vec!["Authorization".into(), "Content-Type".into()],
            allow_methods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
                .iter()
                .map(|m| m.to_string())
                .collect(),
            allow_credentials: false,
            max_age: 600,
        }
    }
}

/// Viewer-side settings: custom domain, TLS, protocols, price class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Domain {
    /// Alternate domain names; empty means the `*.cloudfront.net` name only.
    pub aliases: Vec<String>,
    /// ACM certificate ARN (must be in us-east-1).
    pub certificate_arn: String,
    /// Route 53 hosted zone id for alias records (empty: no records).
    pub hosted_zone_id: String,
    pub minimum_protocol_version: String,
    /// `http1.1`, `http2`, `http3` or `http2and3`.
    pub http_version: String,
    pub ipv6: bool,
    /// `PriceClass_100`, `PriceClass_200` or `PriceClass_All`.
    pub price_class: String,
}

impl Default for Domain {
    fn default() -> Self {
        Self {
            aliases: Vec::new(),
            certificate_arn: String::new(),
            hosted_zone_id: String::new(),
            minimum_protocol_version: "TLSv1.2_2025".into(),
            http_version: "http2and3".into(),
            ipv6: true,
            price_class: "PriceClass_All".into(),
        }
    }
}

/// Where the origin secret header's value comes from (never a literal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecretSource {
    /// A Secrets Manager secret (CloudFormation dynamic reference, Terraform data source).
    #[default]
    SecretsManager,
    /// A `NoEcho` parameter (CloudFormation) / sensitive variable (Terraform).
    Parameter,
}

/// Origin protection: secret header, WAF, access logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Protection {
    /// Send a secret header to the API so it can refuse requests that bypass CloudFront.
    pub secret_header: bool,
    pub secret_header_name: String,
    pub secret_source: SecretSource,
    /// Secrets Manager secret name or ARN.
    pub secret_name: String,
    /// JSON key inside the secret (empty: the whole secret string).
    pub secret_json_key: String,
    /// WAF web ACL ARN (scope CLOUDFRONT).
    pub web_acl_arn: String,
    /// Bucket name for standard access logs (empty: no logging).
    pub logging_bucket: String,
    /// ACM certificate (us-east-1) CloudFront presents to the origin for origin mutual TLS;
    /// empty: none. For an API Gateway custom domain that requires mutual TLS.
    pub client_certificate_arn: String,
}

impl Default for Protection {
    fn default() -> Self {
        Self {
            secret_header: false,
            secret_header_name: "X-Origin-Verify".into(),
            secret_source: SecretSource::SecretsManager,
            secret_name: "apifront/origin-verify".into(),
            secret_json_key: String::new(),
            web_acl_arn: String::new(),
            logging_bucket: String::new(),
            client_certificate_arn: String::new(),
        }
    }
}

/// Origin timeouts in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Timeouts {
    pub read: u32,
    pub keepalive: u32,
    /// `ResponseCompletionTimeout`: the most time a whole response may take; 0 leaves it unset
    /// (no limit), or, for a streaming API, the generator's 900 seconds.
    pub response_completion: u32,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            read: 30,
            keepalive: 5,
            response_completion: 0,
        }
    }
}

/// The error caching TTL of one status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ErrorCaching {
    pub code: u16,
    pub ttl: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_json_loads_with_defaults() {
        let s: FormState = serde_json::from_str(r#"{"api":{"kind":"http-api"}}"#).unwrap();
        assert_eq!(s.version, STATE_VERSION);
        assert_eq!(s.api.kind, ApiKind::HttpApi);
        assert_eq!(s.api.region, "eu-west-1");
        assert_eq!(s.domain.minimum_protocol_version, "TLSv1.2_2025");
        assert_eq!(s.error_caching.len(), API_ERROR_CODES.len());
    }

    #[test]
    fn round_trips_through_json() {
        let s = FormState::default();
        let text = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<FormState>(&text).unwrap(), s);
        assert!(text.contains("\"kind\":\"rest-regional\""));
    }
}
