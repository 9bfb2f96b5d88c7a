//! The normalized model of a CloudFront distribution and the API resources around it.
//!
//! Every input format (AWS CLI JSON, CloudFormation JSON/YAML, Terraform) is turned into this one
//! model. Field names follow the CloudFront API; each value is a [`Field`] that knows its state
//! (known / unknown / absent), its [`Span`] and its path in the source document.

use crate::span::Span;
use crate::value::{Field, List, Val};
use serde::{Deserialize, Serialize};

/// The input formats apifront understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// AWS CLI / CloudFront API JSON (`get-distribution-config` and friends).
    CliJson,
    /// A CloudFormation template in JSON (also `cdk synth` output).
    CfnJson,
    /// A CloudFormation template in YAML (also SAM / Serverless `resources:`).
    CfnYaml,
    /// Terraform HCL.
    Terraform,
}

impl Format {
    /// The stable name used in CLI output (`cli-json`, `cfn-json`, `cfn-yaml`, `terraform`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::CliJson => "cli-json",
            Format::CfnJson => "cfn-json",
            Format::CfnYaml => "cfn-yaml",
            Format::Terraform => "terraform",
        }
    }

    /// True for the two CloudFormation formats.
    pub fn is_cloudformation(self) -> bool {
        matches!(self, Format::CfnJson | Format::CfnYaml)
    }
}

/// A parsed input: its distributions and the sibling resources they refer to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub format: Format,
    pub distributions: Vec<Distribution>,
    pub cache_policies: Vec<CachePolicy>,
    pub origin_request_policies: Vec<OriginRequestPolicy>,
    pub response_headers_policies: Vec<ResponseHeadersPolicy>,
    pub origin_access_controls: Vec<OriginAccessControl>,
    pub apis: Vec<Api>,
    pub stages: Vec<Stage>,
    pub methods: Vec<Method>,
    pub lambda_urls: Vec<LambdaUrl>,
    pub api_domain_names: Vec<ApiDomainName>,
    pub certificates: Vec<Certificate>,
    /// API mappings (base path mappings) of custom domains.
    pub api_mappings: Vec<ApiMapping>,
    /// Terraform `module` blocks: what they create is not in the model.
    pub modules: Vec<ModuleCall>,
    /// The APIs behind the origins: routes, stages, authorizers, custom domains, function URLs
    /// (see [`crate::api`]).
    pub api_model: crate::api::ApiModel,
    /// Facts about the text itself that the input rules report: duplicate keys, placeholders,
    /// a template read as YAML, conditions left unevaluated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// The values of a CloudFormation template's conditions this document was built for, in
    /// the order the model needed them; empty when the model depends on no condition that the
    /// template leaves open.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<ConditionValue>,
    /// The documents of the other combinations of condition values (only on the document that
    /// [`crate::parse::parse`] returns, which is the first combination: each open condition
    /// true when it can be). [`crate::lint::lint`] lints them all.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Document>,
}

/// The value of one CloudFormation condition in a [`Document`] built for a combination of
/// condition values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConditionValue {
    /// The condition's name in `Conditions`.
    pub name: String,
    pub value: bool,
    /// False when earlier values forced it (`IsDev` once `IsProd` is true).
    pub free: bool,
}

/// A fact about the input text that the rules of the input category report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    pub kind: NoteKind,
    /// Where it is.
    pub span: Span,
    /// What it is about (a key, a placeholder, the JSON error), for the message.
    pub detail: String,
    /// A second place (the first occurrence of a repeated key).
    pub related: Option<Span>,
}

/// What a [`Note`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// A key repeated in one map; the last value was read.
    DuplicateKey,
    /// A template that is not valid JSON was read as YAML.
    ReadAsYaml,
    /// A value left to fill in; it was read as unknown.
    Placeholder,
    /// The template has more combinations of conditions than apifront builds; the ones left
    /// open were read as unknown.
    ConditionsNotEvaluated,
}

impl Document {
    /// An empty document of a format.
    pub fn new(format: Format) -> Self {
        Self {
            format,
            distributions: Vec::new(),
            cache_policies: Vec::new(),
            origin_request_policies: Vec::new(),
            response_headers_policies: Vec::new(),
            origin_access_controls: Vec::new(),
            apis: Vec::new(),
            stages: Vec::new(),
            methods: Vec::new(),
            lambda_urls: Vec::new(),
            api_domain_names: Vec::new(),
            certificates: Vec::new(),
            api_mappings: Vec::new(),
            modules: Vec::new(),
            api_model: crate::api::ApiModel::default(),
            notes: Vec::new(),
            conditions: Vec::new(),
            variants: Vec::new(),
        }
    }
}

/// One CloudFront distribution.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Distribution {
    /// CloudFormation logical id, Terraform address (`aws_cloudfront_distribution.api`), or
    /// `DistributionConfig` for CLI JSON.
    pub name: String,
    /// The span and path of the `DistributionConfig` object (or Terraform block body).
    pub span: Span,
    pub path: String,
    pub enabled: Field<bool>,
    pub comment: Field<String>,
    pub aliases: List,
    pub origins: Vec<Origin>,
    pub origin_groups: Vec<OriginGroup>,
    /// The default behavior; `None` only when the input lacks it entirely.
    pub default_behavior: Option<Behavior>,
    /// Ordered cache behaviors, in evaluation order.
    pub behaviors: Vec<Behavior>,
    pub custom_error_responses: Vec<CustomErrorResponse>,
    pub viewer_certificate: ViewerCertificate,
    pub logging: Logging,
    pub web_acl_id: Field<String>,
    pub http_version: Field<String>,
    pub price_class: Field<String>,
    pub ipv6_enabled: Field<bool>,
    pub default_root_object: Field<String>,
    pub geo_restriction_type: Field<String>,
    /// CLI JSON `{Quantity, Items}` wrappers whose counts disagree.
    pub quantity_mismatches: Vec<QuantityMismatch>,
    /// Rule slugs suppressed for this distribution (CloudFormation `Metadata.apifront.ignore`,
    /// or a Terraform `# apifront-ignore: slug, …` comment; CLI JSON has no comments, so it
    /// has none).
    pub ignore: Vec<String>,
    /// Terraform `dynamic "…"` block types in the distribution (`origin`,
    /// `ordered_cache_behavior`, …): the blocks they generate are not in the model, so the lists
    /// of those types are incomplete. Empty for the other formats.
    pub dynamic_blocks: Vec<String>,
    /// The span of each `dynamic` block of [`Distribution::dynamic_blocks`], in the same order.
    pub dynamic_block_spans: Vec<Span>,
}

impl Distribution {
    /// The default behavior followed by the ordered ones.
    pub fn all_behaviors(&self) -> impl Iterator<Item = &Behavior> {
        self.default_behavior.iter().chain(self.behaviors.iter())
    }

    /// The origin whose id is `id`.
    pub fn origin(&self, id: &str) -> Option<&Origin> {
        self.origins
            .iter()
            .find(|o| o.id.get().map(String::as_str) == Some(id))
    }

    /// Where a behavior's `TargetOriginId` leads (see [`Link`]).
    pub fn link(&self, behavior: &Behavior) -> Link<'_> {
        let target = &behavior.target_origin_id;
        if !target.is_present() {
            return Link::Missing;
        }
        if let Some(origin) = self.origins.iter().find(|o| same(target, &o.id)) {
            return Link::Origins(vec![origin]);
        }
        if let Some(group) = self.origin_groups.iter().find(|g| same(target, &g.id)) {
            let members = group.members.get().map(Vec::as_slice).unwrap_or_default();
            let origins = members
                .iter()
                .filter_map(|m| self.origins.iter().find(|o| same(m, &o.id)))
                .collect();
            return Link::Origins(origins);
        }
        let ids = self
            .origins
            .iter()
            .map(|o| &o.id)
            .chain(self.origin_groups.iter().map(|g| &g.id));
        let generated = self
            .dynamic_blocks
            .iter()
            .any(|b| b == "origin" || b == "origin_group");
        if target.get().is_some() && !generated && ids.clone().all(|id| id.get().is_some()) {
            Link::Missing
        } else {
            Link::Unlinked
        }
    }
}

/// Where a behavior's `TargetOriginId` leads.
#[derive(Debug, Clone, PartialEq)]
pub enum Link<'a> {
    /// The origin it names, or the members of the origin group it names (those that can be
    /// told).
    Origins(Vec<&'a Origin>),
    /// It names no origin or group: every id is known and none matches, or the target is not
    /// set.
    Missing,
    /// It cannot be told: the target or some ids are unknown and no id is sure to match.
    Unlinked,
}

/// True when two ids are sure to be equal: the same known value, or the same unknown value
/// (the same parameter or expression, see [`crate::value::Unknown::expression_key`]).
pub fn same(a: &Field<String>, b: &Field<String>) -> bool {
    match (&a.val, &b.val) {
        (Val::Known(x), Val::Known(y)) => x == y,
        (Val::Unknown(_), Val::Unknown(_)) => {
            a.expression_key().is_some() && a.expression_key() == b.expression_key()
        }
        _ => false,
    }
}

/// A `{Quantity, Items}` wrapper whose `Quantity` is not the number of `Items`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuantityMismatch {
    pub quantity: i64,
    pub items: usize,
    /// Span and path of the `Quantity` value.
    pub span: Span,
    pub path: String,
}

/// What kind of server an origin's host name points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum OriginKind {
    /// `{id}.execute-api.{region}.amazonaws.com` (REST or HTTP API default endpoint).
    ApiGatewayDefault {
        api_id: Option<String>,
        region: Option<String>,
    },
    /// `d-{id}.execute-api.{region}.amazonaws.com`: the target of a regional custom domain.
    ApiGatewayRegionalDomainTarget,
    /// A custom domain name that the same input maps to an API.
    ApiGatewayCustomDomain,
    /// A private API reached through an interface VPC endpoint host name.
    ApiGatewayPrivateVpce,
    /// `{id}.lambda-url.{region}.on.aws`.
    LambdaUrl { region: Option<String> },
    /// An S3 REST endpoint (`*.s3.*amazonaws.com`).
    S3,
    /// An S3 static website endpoint (`*.s3-website*`).
    S3Website,
    /// Another CloudFront distribution (`*.cloudfront.net`).
    CloudFront,
    /// Any other custom origin.
    Other,
    /// The host name is not known statically.
    Unknown,
}

impl OriginKind {
    /// True for API Gateway origins of any kind.
    pub fn is_api_gateway(&self) -> bool {
        matches!(
            self,
            OriginKind::ApiGatewayDefault { .. }
                | OriginKind::ApiGatewayRegionalDomainTarget
                | OriginKind::ApiGatewayCustomDomain
                | OriginKind::ApiGatewayPrivateVpce
        )
    }

    /// True for API Gateway and Lambda function URL origins (the "API origins" of the rules).
    pub fn is_api(&self) -> bool {
        self.is_api_gateway() || matches!(self, OriginKind::LambdaUrl { .. })
    }
}

/// One origin.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Origin {
    pub span: Span,
    pub path: String,
    pub id: Field<String>,
    pub domain_name: Field<String>,
    pub origin_path: Field<String>,
    /// True when `domain_name` is set to a URL or a host with a path rather than a host name,
    /// though its exact value is unknown: a URL-valued attribute (Terraform
    /// `aws_apigatewayv2_api.x.api_endpoint`, `aws_lambda_function_url.x.function_url`,
    /// CloudFormation `Fn::GetAtt` of `ApiEndpoint` / `FunctionUrl`), or an expression whose
    /// known text has a scheme or a `/` (`replace(aws_api_gateway_stage.s.invoke_url,
    /// "https://", "")` is `{id}.execute-api.{region}.amazonaws.com/{stage}`). CloudFront
    /// accepts only a DNS name there.
    pub domain_is_url: bool,
    /// Classification of `domain_name` (see [`crate::classify`]).
    pub kind: OriginKindField,
    /// The sibling API resource this origin's host refers to (CloudFormation logical id or
    /// Terraform address), when the input says so.
    pub api_ref: Option<String>,
    /// The sibling Lambda function URL resource this origin refers to.
    pub lambda_url_ref: Option<String>,
    pub custom_origin_config: Option<CustomOriginConfig>,
    /// Span of an `S3OriginConfig` block, when present.
    pub s3_origin_config: Option<Span>,
    /// Span of a `VpcOriginConfig` block, when present.
    pub vpc_origin_config: Option<Span>,
    /// `OriginAccessControlId`; a reference to a sibling OAC resolves to [`PolicyRef::Local`].
    pub origin_access_control_id: Field<PolicyRef>,
    pub custom_headers: Vec<CustomHeader>,
    pub connection_attempts: Field<i64>,
    pub connection_timeout: Field<i64>,
}

/// [`OriginKind`] with a usable default (`Unknown`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct OriginKindField(pub OriginKind);

impl Default for OriginKindField {
    fn default() -> Self {
        OriginKindField(OriginKind::Unknown)
    }
}

/// `CustomOriginConfig`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CustomOriginConfig {
    pub span: Span,
    pub path: String,
    pub http_port: Field<i64>,
    pub https_port: Field<i64>,
    pub origin_protocol_policy: Field<String>,
    pub origin_ssl_protocols: List,
    pub origin_read_timeout: Field<i64>,
    pub origin_keepalive_timeout: Field<i64>,
}

/// An origin custom header.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CustomHeader {
    pub span: Span,
    pub path: String,
    pub name: Field<String>,
    pub value: Field<String>,
}

/// An origin group (failover).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OriginGroup {
    pub span: Span,
    pub path: String,
    pub id: Field<String>,
    /// Member origin ids.
    pub members: List,
}

/// A reference to a policy or OAC: a literal id, or a resource in the same input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum PolicyRef {
    /// A literal id (managed policy ids are known by [`crate::managed`]). Terraform data sources
    /// that look up a managed policy by name resolve to its id.
    Id(String),
    /// A resource of the same input: CloudFormation logical id or Terraform address.
    Local(String),
}

/// A cache behavior (default or ordered).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Behavior {
    pub span: Span,
    pub path: String,
    /// `None` for the default behavior.
    pub path_pattern: Option<Field<String>>,
    pub target_origin_id: Field<String>,
    pub viewer_protocol_policy: Field<String>,
    pub allowed_methods: List,
    pub cached_methods: List,
    pub cache_policy_id: Field<PolicyRef>,
    pub origin_request_policy_id: Field<PolicyRef>,
    pub response_headers_policy_id: Field<PolicyRef>,
    pub forwarded_values: Option<ForwardedValues>,
    pub min_ttl: Field<i64>,
    pub default_ttl: Field<i64>,
    pub max_ttl: Field<i64>,
    pub compress: Field<bool>,
    pub lambda_function_associations: Vec<FunctionAssociation>,
    pub function_associations: Vec<FunctionAssociation>,
}

impl Behavior {
    /// True for the default behavior.
    pub fn is_default(&self) -> bool {
        self.path_pattern.is_none()
    }
}

/// Legacy `ForwardedValues`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ForwardedValues {
    pub span: Span,
    pub path: String,
    pub query_string: Field<bool>,
    pub query_string_cache_keys: List,
    pub headers: List,
    /// `Cookies.Forward`: `none`, `whitelist` or `all`.
    pub cookies_forward: Field<String>,
    pub cookies_whitelisted_names: List,
}

/// A Lambda@Edge or CloudFront Functions association.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FunctionAssociation {
    pub span: Span,
    pub path: String,
    pub event_type: Field<String>,
    /// `LambdaFunctionARN` or `FunctionARN`.
    pub arn: Field<String>,
}

/// A custom error response.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CustomErrorResponse {
    pub span: Span,
    pub path: String,
    pub error_code: Field<i64>,
    pub response_code: Field<i64>,
    pub response_page_path: Field<String>,
    pub error_caching_min_ttl: Field<i64>,
}

/// `ViewerCertificate`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ViewerCertificate {
    /// The block's span, or the distribution's when absent.
    pub span: Span,
    pub path: String,
    pub present: bool,
    pub cloudfront_default_certificate: Field<bool>,
    pub acm_certificate_arn: Field<String>,
    pub iam_certificate_id: Field<String>,
    pub ssl_support_method: Field<String>,
    pub minimum_protocol_version: Field<String>,
}

/// Standard (legacy) access logging.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Logging {
    pub span: Span,
    pub path: String,
    pub present: bool,
    pub enabled: Field<bool>,
    pub bucket: Field<String>,
    pub prefix: Field<String>,
}

/// The `HeadersConfig` / `CookiesConfig` / `QueryStringsConfig` of a policy.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct KeyConfig {
    /// `none`, `whitelist`, `allExcept`, `all`, `allViewer`, `allViewerAndWhitelistCloudFront`.
    pub behavior: Field<String>,
    pub items: List,
}

/// A custom cache policy defined in the same input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CachePolicy {
    /// CloudFormation logical id or Terraform address.
    pub name: String,
    pub span: Span,
    pub path: String,
    pub display_name: Field<String>,
    pub min_ttl: Field<i64>,
    pub default_ttl: Field<i64>,
    pub max_ttl: Field<i64>,
    pub headers: KeyConfig,
    pub cookies: KeyConfig,
    pub query_strings: KeyConfig,
    pub enable_accept_encoding_gzip: Field<bool>,
    pub enable_accept_encoding_brotli: Field<bool>,
}

/// A custom origin request policy defined in the same input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OriginRequestPolicy {
    pub name: String,
    pub span: Span,
    pub path: String,
    pub display_name: Field<String>,
    pub headers: KeyConfig,
    pub cookies: KeyConfig,
    pub query_strings: KeyConfig,
}

/// A custom response headers policy defined in the same input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ResponseHeadersPolicy {
    pub name: String,
    pub span: Span,
    pub path: String,
    pub display_name: Field<String>,
    /// True when the policy has a CORS configuration.
    pub has_cors: bool,
    pub cors_origin_override: Field<bool>,
}

/// An origin access control defined in the same input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OriginAccessControl {
    pub name: String,
    pub span: Span,
    pub path: String,
    /// `s3`, `lambda`, `mediastore`, `mediapackagev2`.
    pub origin_type: Field<String>,
    /// `always`, `never`, `no-override`.
    pub signing_behavior: Field<String>,
}

/// What kind of API Gateway API a resource is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApiKind {
    Rest,
    Http,
    WebSocket,
    #[default]
    Unknown,
}

/// An API Gateway API defined in the same input
/// (`AWS::ApiGateway::RestApi`, `AWS::ApiGatewayV2::Api`, Terraform equivalents).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Api {
    pub name: String,
    pub span: Span,
    pub path: String,
    pub kind: ApiKind,
    /// REST `EndpointConfiguration.Types` (`EDGE` is the default when absent).
    pub endpoint_types: List,
    pub disable_execute_api_endpoint: Field<bool>,
}

/// An API stage defined in the same input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Stage {
    /// The stage resource's own name (logical id / address).
    pub name: String,
    pub span: Span,
    pub path: String,
    /// The API it belongs to (logical id / address), when known.
    pub api_ref: Option<String>,
    pub stage_name: Field<String>,
}

/// An API method or HTTP API route defined in the same input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Method {
    pub name: String,
    pub span: Span,
    pub path: String,
    pub api_ref: Option<String>,
    /// `NONE`, `AWS_IAM`, `CUSTOM`, `COGNITO_USER_POOLS`, `JWT`.
    pub authorization_type: Field<String>,
}

/// A Lambda function URL defined in the same input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LambdaUrl {
    pub name: String,
    pub span: Span,
    pub path: String,
    /// `NONE` or `AWS_IAM`.
    pub auth_type: Field<String>,
}

/// An API Gateway custom domain name defined in the same input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ApiDomainName {
    pub name: String,
    pub span: Span,
    pub path: String,
    pub domain_name: Field<String>,
    /// `EDGE` or `REGIONAL`.
    pub endpoint_types: List,
}

/// An API mapping of a custom domain defined in the same input
/// (`AWS::ApiGateway::BasePathMapping`, `AWS::ApiGatewayV2::ApiMapping`, Terraform equivalents).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ApiMapping {
    pub name: String,
    pub span: Span,
    pub path: String,
    /// The base path (`BasePath`, `ApiMappingKey`); absent or empty maps the domain's root.
    pub base_path: Field<String>,
}

/// A Terraform `module "name" { source = … }` block. apifront does not read modules: the
/// distribution, policies or APIs it creates are not in the model.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ModuleCall {
    /// The module's name (`cdn` for `module "cdn"`).
    pub name: String,
    pub span: Span,
    /// `module.cdn`.
    pub path: String,
    /// Where the module comes from (`./modules/cdn`, `terraform-aws-modules/cloudfront/aws`).
    pub source: Field<String>,
}

/// An ACM certificate defined in the same input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Certificate {
    pub name: String,
    pub span: Span,
    pub path: String,
    pub domain_name: Field<String>,
}
