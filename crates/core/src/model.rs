//! The normalized model of a CloudFront distribution and the API resources around it.
//!
//! Every input format (AWS CLI JSON, CloudFormation JSON/YAML, Terraform) is turned into this one
//! model. Field names follow the CloudFront API; each value is a [`Field`] that knows its state
//! (known / unknown / absent), its [`Span`] and its path in the source document.

use crate::span::Span;
use crate::value::{Field, FieldPath, List, Val};
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
    /// VPC origins (`AWS::CloudFront::VpcOrigin`, `aws_cloudfront_vpc_origin`).
    pub vpc_origins: Vec<VpcOrigin>,
    /// Continuous deployment policies (`AWS::CloudFront::ContinuousDeploymentPolicy`,
    /// `aws_cloudfront_continuous_deployment_policy`).
    pub continuous_deployment_policies: Vec<ContinuousDeploymentPolicy>,
    /// Tenants of multi-tenant distributions (`AWS::CloudFront::DistributionTenant`,
    /// `aws_cloudfront_distribution_tenant`).
    pub distribution_tenants: Vec<DistributionTenant>,
    /// CloudFront Functions (`AWS::CloudFront::Function`, `aws_cloudfront_function`).
    pub cloudfront_functions: Vec<CloudFrontFunction>,
    /// Lambda resource-based permissions (`AWS::Lambda::Permission`, `aws_lambda_permission`).
    pub lambda_permissions: Vec<LambdaPermission>,
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
    /// Where the values the model was read from that are written as expressions start (byte
    /// offsets, sorted): CloudFormation intrinsic functions, Terraform references, calls,
    /// conditionals and templates. A fix that overwrites one changes more than its finding.
    #[serde(skip)]
    pub expressions: Vec<usize>,
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
    /// A distribution's resource `Condition` is false with the parameters' defaults: it is not
    /// created, and not in the model.
    DistributionNotCreated,
}

impl Document {
    /// Sets [`Document::expressions`] from starts noted in any order, any number of times.
    pub(crate) fn set_expressions(&mut self, mut starts: Vec<usize>) {
        starts.sort_unstable();
        starts.dedup();
        self.expressions = starts;
    }

    /// True when a value written as an expression starts at byte `offset`.
    pub fn is_expression_at(&self, offset: usize) -> bool {
        self.expressions.binary_search(&offset).is_ok()
    }

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
            lambda_urls: Vec::new(),
            api_domain_names: Vec::new(),
            certificates: Vec::new(),
            api_mappings: Vec::new(),
            modules: Vec::new(),
            api_model: crate::api::ApiModel::default(),
            vpc_origins: Vec::new(),
            continuous_deployment_policies: Vec::new(),
            distribution_tenants: Vec::new(),
            cloudfront_functions: Vec::new(),
            lambda_permissions: Vec::new(),
            notes: Vec::new(),
            expressions: Vec::new(),
            conditions: Vec::new(),
            variants: Vec::new(),
        }
    }

    /// The tenants of the input whose `DistributionId` refers to the distribution `name`.
    pub fn tenants_of<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = &'a DistributionTenant> + 'a {
        self.distribution_tenants
            .iter()
            .filter(move |t| t.distribution_ref.as_deref() == Some(name))
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
    pub path: FieldPath,
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
    /// `Staging`: a staging distribution of continuous deployment.
    pub staging: Field<bool>,
    /// `ContinuousDeploymentPolicyId` of a primary distribution.
    pub continuous_deployment_policy_id: Field<String>,
    /// The continuous deployment policy of the same input that
    /// [`Distribution::continuous_deployment_policy_id`] refers to (logical id or address).
    pub continuous_deployment_policy_ref: Option<String>,
    /// `ConnectionMode`: `direct` (standard, the default) or `tenant-only` (multi-tenant). A
    /// Terraform `aws_cloudfront_multitenant_distribution` is `tenant-only` at its block.
    pub connection_mode: Field<String>,
    /// `AnycastIpListId`.
    pub anycast_ip_list_id: Field<String>,
    /// `TenantConfig` of a multi-tenant distribution.
    pub tenant_config: Option<TenantConfig>,
}

impl Distribution {
    /// The default behavior followed by the ordered ones.
    pub fn all_behaviors(&self) -> impl Iterator<Item = &Behavior> {
        self.default_behavior.iter().chain(self.behaviors.iter())
    }

    /// True for a multi-tenant distribution (`ConnectionMode: tenant-only`).
    pub fn is_multi_tenant(&self) -> bool {
        self.connection_mode
            .get()
            .is_some_and(|m| m.eq_ignore_ascii_case("tenant-only"))
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
    pub path: FieldPath,
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
    pub path: FieldPath,
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
    /// The distribution of the input whose domain name this origin's host is
    /// (`!GetAtt Front.DomainName`, `aws_cloudfront_distribution.front.domain_name`).
    pub distribution_ref: Option<String>,
    pub custom_origin_config: Option<CustomOriginConfig>,
    /// Span of an `S3OriginConfig` block, when present.
    pub s3_origin_config: Option<Span>,
    /// `S3OriginConfig.OriginAccessIdentity`: a legacy origin access identity
    /// (`origin-access-identity/cloudfront/ID`; empty for none).
    pub origin_access_identity: Field<String>,
    /// `VpcOriginConfig`, when present: the origin is a VPC origin (an internal load balancer
    /// or instance), a kind of its own that has no `CustomOriginConfig`.
    pub vpc_origin_config: Option<VpcOriginConfig>,
    /// `OriginAccessControlId`; a reference to a sibling OAC resolves to [`PolicyRef::Local`].
    pub origin_access_control_id: Field<PolicyRef>,
    pub custom_headers: Vec<CustomHeader>,
    pub connection_attempts: Field<i64>,
    pub connection_timeout: Field<i64>,
    /// `ResponseCompletionTimeout` (an origin-level setting): the most time, in seconds, a
    /// whole response may take; absent means no limit.
    pub response_completion_timeout: Field<i64>,
    /// An `OriginMtlsConfig` written directly under the origin (where the CLI example of the
    /// AWS guide puts it) instead of inside `CustomOriginConfig`: the API rejects it there.
    pub misplaced_mtls: Option<Span>,
    /// True when the whole origin is an expression the input does not resolve (an `Fn::If`
    /// whose condition stays open): which origin type and settings it has is not known, so the
    /// optional blocks above read as absent and no rule judges one missing.
    pub opaque: bool,
}

impl Origin {
    /// The origin's response (read) timeout as written: `OriginReadTimeout` of its custom or
    /// VPC origin config.
    pub fn read_timeout(&self) -> Option<&Field<i64>> {
        self.custom_origin_config
            .as_ref()
            .map(|c| &c.origin_read_timeout)
            .or(self
                .vpc_origin_config
                .as_ref()
                .map(|v| &v.origin_read_timeout))
    }
}

/// `VpcOriginConfig` of an origin.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct VpcOriginConfig {
    pub span: Span,
    pub path: FieldPath,
    pub vpc_origin_id: Field<String>,
    /// The VPC origin of the same input that `vpc_origin_id` refers to.
    pub vpc_origin_ref: Option<String>,
    pub owner_account_id: Field<String>,
    pub origin_read_timeout: Field<i64>,
    pub origin_keepalive_timeout: Field<i64>,
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
    pub path: FieldPath,
    pub http_port: Field<i64>,
    pub https_port: Field<i64>,
    pub origin_protocol_policy: Field<String>,
    pub origin_ssl_protocols: List,
    pub origin_read_timeout: Field<i64>,
    pub origin_keepalive_timeout: Field<i64>,
    /// `OriginMtlsConfig`: CloudFront presents a client certificate to the origin.
    pub origin_mtls: Option<OriginMtls>,
}

/// `OriginMtlsConfig` of a custom origin (origin mutual TLS).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OriginMtls {
    pub span: Span,
    pub path: FieldPath,
    /// The ACM certificate CloudFront presents.
    pub client_certificate_arn: Field<String>,
}

/// An origin custom header.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CustomHeader {
    pub span: Span,
    pub path: FieldPath,
    pub name: Field<String>,
    pub value: Field<String>,
}

/// An origin group (failover).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OriginGroup {
    pub span: Span,
    pub path: FieldPath,
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
    pub path: FieldPath,
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
    /// `GrpcConfig.Enabled`.
    pub grpc_enabled: Field<bool>,
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
    pub path: FieldPath,
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
    pub path: FieldPath,
    pub event_type: Field<String>,
    /// `LambdaFunctionARN` or `FunctionARN`.
    pub arn: Field<String>,
    /// The CloudFront Function of the same input the ARN refers to (logical id or address).
    pub function_ref: Option<String>,
}

/// A custom error response.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CustomErrorResponse {
    pub span: Span,
    pub path: FieldPath,
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
    pub path: FieldPath,
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
    pub path: FieldPath,
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
    pub path: FieldPath,
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
    pub path: FieldPath,
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
    pub path: FieldPath,
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
    pub path: FieldPath,
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
    pub path: FieldPath,
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
    pub path: FieldPath,
    /// The API it belongs to (logical id / address), when known.
    pub api_ref: Option<String>,
    pub stage_name: Field<String>,
}

/// A Lambda function URL defined in the same input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LambdaUrl {
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    /// `NONE` or `AWS_IAM`.
    pub auth_type: Field<String>,
    /// The function it invokes (`TargetFunctionArn`, `function_name`) as written.
    pub function: Field<String>,
    /// The Lambda function of the same input it invokes (logical id or address).
    pub function_ref: Option<String>,
}

/// An API Gateway custom domain name defined in the same input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ApiDomainName {
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    pub domain_name: Field<String>,
    /// `EDGE` or `REGIONAL`.
    pub endpoint_types: List,
    /// The span of `MutualTlsAuthentication` when the domain requires client certificates.
    pub mutual_tls: Option<Span>,
}

/// An API mapping of a custom domain defined in the same input
/// (`AWS::ApiGateway::BasePathMapping`, `AWS::ApiGatewayV2::ApiMapping`, Terraform equivalents).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ApiMapping {
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
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
    pub path: FieldPath,
    /// Where the module comes from (`./modules/cdn`, `terraform-aws-modules/cloudfront/aws`).
    pub source: Field<String>,
}

/// An ACM certificate defined in the same input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Certificate {
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    pub domain_name: Field<String>,
}

/// `TenantConfig` of a multi-tenant distribution.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TenantConfig {
    pub span: Span,
    pub path: FieldPath,
    pub parameter_definitions: Vec<TenantParameterDefinition>,
}

/// One `ParameterDefinitions` item: a value each tenant gives (used as `{{name}}` in origins).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TenantParameterDefinition {
    pub span: Span,
    pub path: FieldPath,
    pub name: Field<String>,
    /// `Definition.StringSchema.Required`.
    pub required: Field<bool>,
    /// `Definition.StringSchema.DefaultValue`.
    pub default_value: Field<String>,
}

/// A VPC origin resource: the internal load balancer or instance and how CloudFront talks to it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct VpcOrigin {
    /// CloudFormation logical id or Terraform address.
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    /// The span and path of `VpcOriginEndpointConfig`.
    pub endpoint_span: Span,
    pub endpoint_path: String,
    /// The load balancer or instance ARN.
    pub arn: Field<String>,
    pub origin_protocol_policy: Field<String>,
    pub origin_ssl_protocols: List,
}

/// A continuous deployment policy.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ContinuousDeploymentPolicy {
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    pub enabled: Field<bool>,
    /// `StagingDistributionDnsNames` as written.
    pub staging_dns_names: List,
    /// The distributions of the same input those names refer to (`!GetAtt X.DomainName`).
    pub staging_refs: Vec<String>,
    /// `TrafficConfig.Type`: `SingleWeight` or `SingleHeader`.
    pub traffic_type: Field<String>,
    pub header: Field<String>,
    pub header_value: Field<String>,
    /// `SingleWeightConfig.Weight` as written (a decimal such as `0.05`).
    pub weight: Field<String>,
    pub idle_ttl: Field<i64>,
    pub maximum_ttl: Field<i64>,
}

/// A tenant of a multi-tenant distribution.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DistributionTenant {
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    /// `DistributionId` as written.
    pub distribution_id: Field<String>,
    /// The distribution of the same input it belongs to.
    pub distribution_ref: Option<String>,
    pub domains: List,
    /// `Parameters`: name and value of each.
    pub parameters: Field<Vec<(Field<String>, Field<String>)>>,
    /// `Customizations.Certificate.Arn`.
    pub certificate_arn: Field<String>,
    /// True when the tenant asks CloudFront for a managed certificate
    /// (`ManagedCertificateRequest`).
    pub managed_certificate: bool,
}

impl DistributionTenant {
    /// Each domain whose value the input gives, with its field.
    pub fn known_domains(&self) -> impl Iterator<Item = (&Field<String>, &str)> {
        self.domains
            .get()
            .into_iter()
            .flatten()
            .filter_map(|f| f.get().map(|d| (f, d.as_str())))
    }
}

/// A CloudFront Function.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CloudFrontFunction {
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    /// `Name`: the function's own name (the last part of its ARN).
    pub function_name: Field<String>,
    /// `cloudfront-js-1.0` or `cloudfront-js-2.0`.
    pub runtime: Field<String>,
    /// The JavaScript code.
    pub code: Field<String>,
}

/// A Lambda permission (one statement of a function's resource-based policy).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LambdaPermission {
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    /// `FunctionName` as written.
    pub function: Field<String>,
    /// The Lambda function of the same input it names.
    pub function_ref: Option<String>,
    pub action: Field<String>,
    pub principal: Field<String>,
    pub source_arn: Field<String>,
    pub source_account: Field<String>,
}
