//! The types of the API model: APIs with their stages, routes, authorizers and CORS, custom
//! domains with their API mappings, and Lambda function URLs.
//!
//! Every element keeps its [`Span`] and path, and every value is a [`Field`] (known, unknown or
//! absent). A part that the input does not show at all (routes kept in an S3 object, stages of
//! an exported definition) is listed in [`Api::gaps`]: it is *unknown*, never empty.

use crate::model::ApiKind;
use crate::span::Span;
use crate::value::{Field, FieldPath, List};
use serde::Serialize;

/// The APIs of one input (a template, a module, or the definitions given with `--api`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ApiModel {
    pub apis: Vec<Api>,
    /// API Gateway custom domain names.
    pub domains: Vec<DomainName>,
    /// API mappings (base path mappings) of custom domains.
    pub mappings: Vec<Mapping>,
    pub function_urls: Vec<FunctionUrl>,
    /// Origins whose host is a custom domain resource of the same input (by reference, e.g.
    /// `!GetAtt Domain.RegionalDomainName`), by the origin's path.
    pub origin_domains: Vec<OriginDomain>,
    /// Exported definitions attached to origins (see [`super::attach()`]).
    pub attachments: Vec<Attached>,
    /// Routing rules of REST custom domains (`AWS::ApiGatewayV2::RoutingRule`,
    /// `aws_apigatewayv2_routing_rule`).
    pub routing_rules: Vec<RoutingRule>,
    /// REST integration settings that decide response streaming (`Integration` of
    /// `AWS::ApiGateway::Method`, `aws_api_gateway_integration`).
    pub integrations: Vec<Integration>,
}

/// Where an API of the model was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApiSource {
    /// A resource of the configuration itself (CloudFormation, SAM, Terraform).
    #[default]
    Template,
    /// An exported definition given beside the configuration.
    Definition(DefinitionKind),
    /// Several pieces of exported definitions (`get-resources` + `get-authorizers` …) of one
    /// API, merged.
    Pieces,
}

/// The kinds of exported definitions apifront reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DefinitionKind {
    /// OpenAPI 3 (`aws apigateway get-export --export-type oas30`, `aws apigatewayv2 export-api`).
    OpenApi3,
    /// Swagger 2 (`aws apigateway get-export --export-type swagger`).
    Swagger2,
    /// `aws apigateway get-rest-api`.
    RestApi,
    /// `aws apigateway get-resources` (with or without `--embed methods`).
    RestResources,
    /// `aws apigateway get-stages`.
    RestStages,
    /// `aws apigateway get-authorizers`.
    RestAuthorizers,
    /// `aws apigatewayv2 get-api`.
    V2Api,
    /// `aws apigatewayv2 get-routes`.
    V2Routes,
    /// `aws apigatewayv2 get-stages`.
    V2Stages,
    /// `aws apigatewayv2 get-authorizers`.
    V2Authorizers,
}

impl DefinitionKind {
    /// How the definition is described to people ("an OpenAPI 3 export", …).
    pub fn describe(self) -> &'static str {
        match self {
            DefinitionKind::OpenApi3 => "an OpenAPI 3 definition",
            DefinitionKind::Swagger2 => "a Swagger 2 definition",
            DefinitionKind::RestApi => "`aws apigateway get-rest-api` output",
            DefinitionKind::RestResources => "`aws apigateway get-resources` output",
            DefinitionKind::RestStages => "`aws apigateway get-stages` output",
            DefinitionKind::RestAuthorizers => "`aws apigateway get-authorizers` output",
            DefinitionKind::V2Api => "`aws apigatewayv2 get-api` output",
            DefinitionKind::V2Routes => "`aws apigatewayv2 get-routes` output",
            DefinitionKind::V2Stages => "`aws apigatewayv2 get-stages` output",
            DefinitionKind::V2Authorizers => "`aws apigatewayv2 get-authorizers` output",
        }
    }

    /// True for the pieces that describe one part of an API (everything but the OpenAPI and
    /// Swagger exports).
    pub fn is_piece(self) -> bool {
        !matches!(self, DefinitionKind::OpenApi3 | DefinitionKind::Swagger2)
    }

    /// True for the `aws apigatewayv2` pieces (HTTP and WebSocket APIs).
    pub fn is_v2(self) -> bool {
        matches!(
            self,
            DefinitionKind::V2Api
                | DefinitionKind::V2Routes
                | DefinitionKind::V2Stages
                | DefinitionKind::V2Authorizers
        )
    }
}

/// A part of an API that an input can leave unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    Routes,
    Stages,
    Authorizers,
    Cors,
    /// The API's settings: protocol, endpoint type, default endpoint, API key source.
    Settings,
}

/// Why a part of an API is not known, with the position that says so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub part: Part,
    /// What is missing, for people ("the routes are in an S3 object (`BodyS3Location`)").
    pub reason: String,
    pub span: Span,
    pub path: FieldPath,
}

/// An API Gateway REST, HTTP or WebSocket API.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Api {
    /// CloudFormation logical id, Terraform address, or the definition's title.
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    pub source: ApiSource,
    pub kind: ApiKind,
    /// The API id when the input states it (`servers` of an export, `get-rest-api`).
    pub api_id: Field<String>,
    /// The API's own name (`Name`, `info.title`).
    pub title: Field<String>,
    /// REST `EndpointConfiguration.Types` (`EDGE` when absent).
    pub endpoint_types: List,
    pub disable_execute_api_endpoint: Field<bool>,
    /// REST `ApiKeySourceType`: `HEADER` (the default) or `AUTHORIZER`.
    pub api_key_source: Field<String>,
    /// WebSocket `RouteSelectionExpression`.
    pub route_selection_expression: Field<String>,
    pub stages: Vec<Stage>,
    /// REST resource paths that exist whether or not they have methods (`/`, `/items`, …).
    pub resources: Vec<Field<String>>,
    pub routes: Vec<Route>,
    pub authorizers: Vec<Authorizer>,
    /// HTTP API `CorsConfiguration`, SAM `Cors`, `x-amazon-apigateway-cors`.
    pub cors: Option<Cors>,
    /// The parts the input does not show.
    pub gaps: Vec<Gap>,
}

impl Api {
    /// How messages name the API: a template's logical id or address; a definition's title, or
    /// its file name when it has none.
    pub fn display_name(&self) -> String {
        match self.source {
            ApiSource::Template => self.name.clone(),
            _ => self.title.get().cloned().unwrap_or_else(|| {
                let file = self.name.rsplit(['/', '\\']).next().unwrap_or(&self.name);
                file.to_string()
            }),
        }
    }

    /// The gaps of one part.
    pub fn gaps_of(&self, part: Part) -> impl Iterator<Item = &Gap> {
        self.gaps.iter().filter(move |g| g.part == part)
    }

    /// True when the input shows the part completely.
    pub fn knows(&self, part: Part) -> bool {
        self.gaps_of(part).next().is_none()
    }

    /// The authorizer named `name` (logical id, address, or id in a definition).
    pub fn authorizer(&self, name: &str) -> Option<&Authorizer> {
        self.authorizers.iter().find(|a| a.name == name)
    }

    /// The stage whose stage name is `name`.
    pub fn stage(&self, name: &str) -> Option<&Stage> {
        self.stages
            .iter()
            .find(|s| s.stage_name.get().map(String::as_str) == Some(name))
    }

    /// Records that `part` is not known.
    pub fn gap(&mut self, part: Part, reason: impl Into<String>, span: Span, path: &str) {
        self.gaps.push(Gap {
            part,
            reason: reason.into(),
            span,
            path: path.into(),
        });
    }

    /// Adds what `other` knows about the same API: its stages, resources, routes and
    /// authorizers, its settings where this one has none. A part stays unknown only when
    /// neither knows it.
    pub fn merge(&mut self, other: Api) {
        let known_here: Vec<Part> = PARTS.into_iter().filter(|p| self.knows(*p)).collect();
        let known_there: Vec<Part> = PARTS.into_iter().filter(|p| other.knows(*p)).collect();
        self.gaps
            .retain(|g| !known_there.contains(&g.part) || known_here.contains(&g.part));
        self.gaps.extend(
            other
                .gaps
                .into_iter()
                .filter(|g| !known_here.contains(&g.part)),
        );
        if self.kind == ApiKind::Unknown {
            self.kind = other.kind;
        }
        for (mine, theirs) in [
            (&mut self.api_id, other.api_id),
            (&mut self.title, other.title),
            (&mut self.api_key_source, other.api_key_source),
            (
                &mut self.route_selection_expression,
                other.route_selection_expression,
            ),
        ] {
            if !mine.is_present() {
                *mine = theirs;
            }
        }
        if !self.endpoint_types.is_present() {
            self.endpoint_types = other.endpoint_types;
        }
        if !self.disable_execute_api_endpoint.is_present() {
            self.disable_execute_api_endpoint = other.disable_execute_api_endpoint;
        }
        if self.cors.is_none() {
            self.cors = other.cors;
        }
        self.stages.extend(other.stages);
        self.resources.extend(other.resources);
        self.routes.extend(other.routes);
        self.authorizers.extend(other.authorizers);
    }
}

/// Every [`Part`].
const PARTS: [Part; 5] = [
    Part::Routes,
    Part::Stages,
    Part::Authorizers,
    Part::Cors,
    Part::Settings,
];

/// A stage of an API.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Stage {
    /// The resource that creates it (logical id, address, or the stage name in a definition).
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    /// The name in the URL (`prod`, `$default`).
    pub stage_name: Field<String>,
    /// HTTP API `AutoDeploy`.
    pub auto_deploy: Field<bool>,
}

/// A route key: what requests a route or REST method answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RouteKey {
    /// A REST method on a resource, or an HTTP API route `GET /items/{id}`. The method is upper
    /// case (`ANY` for every method); the path starts with `/` and may hold `{param}` and a
    /// final greedy `{proxy+}`.
    Http { method: String, path: String },
    /// The HTTP API `$default` route: every request no other route matches.
    Default,
    /// A WebSocket route key: `$connect`, `$disconnect`, `$default` or a custom key.
    WebSocket { key: String },
}

impl RouteKey {
    /// Reads an HTTP API `RouteKey` (`GET /items`, `ANY /{proxy+}`, `$default`).
    pub fn parse_http(text: &str) -> Option<RouteKey> {
        let text = text.trim();
        if text == "$default" {
            return Some(RouteKey::Default);
        }
        let (method, path) = text.split_once(' ')?;
        let path = path.trim();
        (path.starts_with('/') && !method.is_empty()).then(|| RouteKey::Http {
            method: method.to_ascii_uppercase(),
            path: path.to_string(),
        })
    }
}

impl std::fmt::Display for RouteKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RouteKey::Http { method, path } => write!(f, "{method} {path}"),
            RouteKey::Default => f.write_str("$default"),
            RouteKey::WebSocket { key } => f.write_str(key),
        }
    }
}

/// How a route or method is authorized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Authorization {
    /// `NONE`: open.
    None,
    /// `AWS_IAM`: requests must be signed with Signature Version 4.
    AwsIam,
    /// `CUSTOM`: a Lambda authorizer.
    Custom,
    /// `COGNITO_USER_POOLS` (REST).
    CognitoUserPools,
    /// `JWT` (HTTP API).
    Jwt,
    /// A value API Gateway does not define, as written.
    Other(String),
}

impl Authorization {
    /// Reads an `AuthorizationType` value (any case).
    pub fn parse(text: &str) -> Authorization {
        let t = text.trim();
        let is = |name: &str| t.eq_ignore_ascii_case(name);
        if is("NONE") {
            Authorization::None
        } else if is("AWS_IAM") {
            Authorization::AwsIam
        } else if is("CUSTOM") {
            Authorization::Custom
        } else if is("COGNITO_USER_POOLS") {
            Authorization::CognitoUserPools
        } else if is("JWT") {
            Authorization::Jwt
        } else {
            Authorization::Other(text.to_string())
        }
    }

    /// The value as API Gateway spells it.
    pub fn as_str(&self) -> &str {
        match self {
            Authorization::None => "NONE",
            Authorization::AwsIam => "AWS_IAM",
            Authorization::Custom => "CUSTOM",
            Authorization::CognitoUserPools => "COGNITO_USER_POOLS",
            Authorization::Jwt => "JWT",
            Authorization::Other(s) => s,
        }
    }
}

/// A REST method, an HTTP API route or a WebSocket route.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Route {
    /// The resource that defines it (logical id, address), or its key in a definition.
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    pub key: Field<RouteKey>,
    /// `AuthorizationType`; absent means `NONE`.
    pub authorization: Field<Authorization>,
    /// The authorizer's name in [`Api::authorizers`] (`AuthorizerId`).
    pub authorizer: Field<String>,
    pub authorization_scopes: List,
    /// `ApiKeyRequired` (the `x-api-key` header).
    pub api_key_required: Field<bool>,
    /// The integration type (`AWS_PROXY`, `HTTP_PROXY`, `MOCK`, …), upper case.
    pub integration: Field<String>,
}

/// What a Lambda authorizer, Cognito or JWT authorizer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthorizerKind {
    /// REST Lambda `TOKEN` authorizer: one header carries the token.
    Token,
    /// Lambda `REQUEST` authorizer (REST, HTTP and WebSocket APIs).
    Request,
    /// REST `COGNITO_USER_POOLS` authorizer.
    CognitoUserPools,
    /// HTTP API `JWT` authorizer.
    Jwt,
}

impl AuthorizerKind {
    /// Reads a `Type` / `AuthorizerType` value (any case).
    pub fn parse(text: &str) -> Option<AuthorizerKind> {
        match text.trim().to_ascii_uppercase().as_str() {
            "TOKEN" => Some(AuthorizerKind::Token),
            "REQUEST" => Some(AuthorizerKind::Request),
            "COGNITO_USER_POOLS" => Some(AuthorizerKind::CognitoUserPools),
            "JWT" => Some(AuthorizerKind::Jwt),
            _ => None,
        }
    }
}

/// Where an authorizer takes the caller's identity from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "kebab-case")]
pub enum IdentitySource {
    /// A request header (names are case-insensitive).
    Header(String),
    /// A query string parameter (names are case-sensitive).
    QueryString(String),
    /// A context variable (`context.x`, `$context.x`).
    Context(String),
    /// A stage variable.
    StageVariable(String),
    /// An expression apifront does not recognise, as written.
    Other(String),
}

impl IdentitySource {
    /// Reads one mapping expression: REST `method.request.header.Authorization`, HTTP API
    /// `$request.header.Authorization`, WebSocket `route.request.querystring.token`,
    /// `context.x` / `$context.x`, `stageVariables.x` / `$stageVariables.x`.
    pub fn parse(text: &str) -> IdentitySource {
        let t = text.trim();
        let request = t
            .strip_prefix("method.request.")
            .or_else(|| t.strip_prefix("$request."))
            .or_else(|| t.strip_prefix("route.request."));
        if let Some(rest) = request {
            if let Some(h) = rest.strip_prefix("header.") {
                return IdentitySource::Header(h.to_string());
            }
            if let Some(q) = rest
                .strip_prefix("querystring.")
                .or_else(|| rest.strip_prefix("multivaluequerystring."))
            {
                return IdentitySource::QueryString(q.to_string());
            }
        }
        if let Some(c) = t
            .strip_prefix("$context.")
            .or_else(|| t.strip_prefix("context."))
        {
            return IdentitySource::Context(c.to_string());
        }
        if let Some(s) = t
            .strip_prefix("$stageVariables.")
            .or_else(|| t.strip_prefix("stageVariables."))
        {
            return IdentitySource::StageVariable(s.to_string());
        }
        IdentitySource::Other(t.to_string())
    }

    /// True for the sources the client must send (headers and query strings).
    pub fn from_request(&self) -> bool {
        matches!(
            self,
            IdentitySource::Header(_) | IdentitySource::QueryString(_)
        )
    }
}

impl std::fmt::Display for IdentitySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IdentitySource::Header(h) => write!(f, "header `{h}`"),
            IdentitySource::QueryString(q) => write!(f, "query string `{q}`"),
            IdentitySource::Context(c) => write!(f, "context variable `{c}`"),
            IdentitySource::StageVariable(s) => write!(f, "stage variable `{s}`"),
            IdentitySource::Other(o) => write!(f, "`{o}`"),
        }
    }
}

/// An authorizer of an API.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Authorizer {
    /// Logical id, address, the security scheme's name, or the authorizer id in a definition.
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    /// The authorizer's own name (`Name`).
    pub display_name: Field<String>,
    pub kind: Field<AuthorizerKind>,
    /// Where the identity comes from; each item keeps its own position.
    pub identity_sources: Field<Vec<Field<IdentitySource>>>,
    /// `AuthorizerResultTtlInSeconds`: 0 turns result caching off.
    pub result_ttl: Field<i64>,
}

/// A CORS configuration.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Cors {
    pub span: Span,
    pub path: FieldPath,
    pub allow_origins: List,
    pub allow_methods: List,
    pub allow_headers: List,
    pub expose_headers: List,
    pub allow_credentials: Field<bool>,
    pub max_age: Field<i64>,
}

/// An API Gateway custom domain name.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DomainName {
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    pub domain_name: Field<String>,
    /// `EDGE` or `REGIONAL`.
    pub endpoint_types: List,
    /// `RoutingMode`: REST `BASE_PATH_MAPPING_ONLY` (the default), `ROUTING_RULE_ONLY`,
    /// `ROUTING_RULE_THEN_BASE_PATH_MAPPING`; HTTP `API_MAPPING_ONLY`, `ROUTING_RULE_ONLY`,
    /// `ROUTING_RULE_THEN_API_MAPPING`.
    pub routing_mode: Field<String>,
}

/// What a custom domain's routing mode lets callers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoutingMode {
    /// `BASE_PATH_MAPPING_ONLY` / `API_MAPPING_ONLY` (the default): API mappings only.
    MappingsOnly,
    /// `ROUTING_RULE_ONLY`: routing rules only.
    RulesOnly,
    /// `ROUTING_RULE_THEN_BASE_PATH_MAPPING` / `ROUTING_RULE_THEN_API_MAPPING`: every routing
    /// rule first, then the API mappings.
    RulesThenMappings,
}

impl RoutingMode {
    /// Reads a `RoutingMode` value in either API's spelling (any case).
    pub fn parse(text: &str) -> Option<RoutingMode> {
        match text.trim().to_ascii_uppercase().as_str() {
            "BASE_PATH_MAPPING_ONLY" | "API_MAPPING_ONLY" => Some(RoutingMode::MappingsOnly),
            "ROUTING_RULE_ONLY" => Some(RoutingMode::RulesOnly),
            "ROUTING_RULE_THEN_BASE_PATH_MAPPING" | "ROUTING_RULE_THEN_API_MAPPING" => {
                Some(RoutingMode::RulesThenMappings)
            }
            _ => None,
        }
    }

    /// True when routing rules are evaluated.
    pub fn uses_rules(self) -> bool {
        self != RoutingMode::MappingsOnly
    }

    /// True when API mappings are evaluated.
    pub fn uses_mappings(self) -> bool {
        self != RoutingMode::RulesOnly
    }
}

impl DomainName {
    /// The domain's routing mode: the default when absent, `None` when not known.
    pub fn mode(&self) -> Option<RoutingMode> {
        match &self.routing_mode.val {
            crate::value::Val::Absent => Some(RoutingMode::MappingsOnly),
            crate::value::Val::Known(m) => RoutingMode::parse(m),
            crate::value::Val::Unknown(_) => None,
        }
    }
}

/// A routing rule of a custom domain: when all its conditions hold, the request goes to a
/// stage of a REST API.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RoutingRule {
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    /// The custom domain resource it belongs to, when it refers to one of the same input.
    pub domain_ref: Option<String>,
    /// The domain as written (`DomainNameArn`, `domain_name`).
    pub domain_name: Field<String>,
    /// 1–1,000,000, lowest first; unique per domain.
    pub priority: Field<i64>,
    /// The conditions (all must hold); an empty list is a catch-all.
    pub conditions: Field<Vec<RoutingCondition>>,
    /// The REST API invoked, when it is one of the same input.
    pub api_ref: Option<String>,
    /// `InvokeApi.ApiId` as written.
    pub api_id: Field<String>,
    pub stage: Field<String>,
    pub strip_base_path: Field<bool>,
}

/// One condition of a routing rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoutingCondition {
    pub span: Span,
    pub path: FieldPath,
    pub test: ConditionTest,
}

/// What a routing rule condition tests.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "any_of", rename_all = "kebab-case")]
pub enum ConditionTest {
    /// `MatchHeaders.AnyOf`: one of these header / value glob pairs.
    Headers(Vec<HeaderMatch>),
    /// `MatchBasePaths.AnyOf`: one of these base paths (case-sensitive).
    BasePaths(List),
    /// A condition apifront cannot read.
    Unknown,
}

/// A header name (case-insensitive) and a value glob (case-sensitive; `*` only at the start,
/// the end, or both).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct HeaderMatch {
    pub header: Field<String>,
    pub value_glob: Field<String>,
}

/// The settings of a REST integration that decide response streaming.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Integration {
    /// The method or integration resource (logical id, address).
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    /// The API it belongs to ([`Api::name`]).
    pub api: Option<String>,
    /// `Type`, upper case.
    pub kind: Field<String>,
    /// The integration URI as written, unknown parts as placeholders
    /// (`arn:aws:apigateway:{AWS::Region}:lambda:path/2021-11-15/functions/{…}/…`). Only a
    /// streaming integration's is looked at, so CloudFormation's is read only when
    /// `ResponseTransferMode` is set.
    pub uri: Option<String>,
    /// `TimeoutInMillis` / `timeout_milliseconds`.
    pub timeout_ms: Field<i64>,
    /// `ResponseTransferMode`: `BUFFERED` (the default) or `STREAM`.
    pub response_transfer_mode: Field<String>,
}

impl Integration {
    /// True when the integration streams its response.
    pub fn streams(&self) -> bool {
        self.response_transfer_mode
            .get()
            .is_some_and(|m| m.eq_ignore_ascii_case("STREAM"))
    }
}

/// An API mapping of a custom domain: requests under the base path go to the API's stage.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Mapping {
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    /// The domain name it maps (`DomainName`).
    pub domain_name: Field<String>,
    /// The custom domain resource it refers to, when it refers to one of the same input.
    pub domain_ref: Option<String>,
    /// The API it maps to, by [`Api::name`], when it refers to one of the same input.
    pub api_ref: Option<String>,
    pub stage: Field<String>,
    /// `BasePath` / `ApiMappingKey`: absent, empty or `(none)` maps the domain's root.
    pub base_path: Field<String>,
}

/// A Lambda function URL.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FunctionUrl {
    pub name: String,
    pub span: Span,
    pub path: FieldPath,
    /// `AuthType`: `NONE` or `AWS_IAM`.
    pub auth_type: Field<String>,
    /// `InvokeMode`: `BUFFERED` (the default) or `RESPONSE_STREAM`.
    pub invoke_mode: Field<String>,
    pub cors: Option<Cors>,
}

/// An origin whose host refers to a custom domain resource of the same input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OriginDomain {
    /// The origin's path in the model ([`crate::model::Origin::path`]).
    pub origin_path: String,
    /// The custom domain resource ([`DomainName::name`]).
    pub domain: String,
}

/// An API of [`ApiModel::apis`] (an exported definition) attached to an origin.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attached {
    /// The index of the API in [`ApiModel::apis`].
    pub api: usize,
    /// The distribution's name and the origin's id and path in the model.
    pub distribution: String,
    pub origin_id: String,
    pub origin_path: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_sources_of_every_api_kind() {
        let cases = [
            (
                "method.request.header.Authorization",
                IdentitySource::Header("Authorization".into()),
            ),
            (
                "$request.header.X-Api-Token",
                IdentitySource::Header("X-Api-Token".into()),
            ),
            (
                "route.request.querystring.token",
                IdentitySource::QueryString("token".into()),
            ),
            (
                "method.request.querystring.tenant",
                IdentitySource::QueryString("tenant".into()),
            ),
            (
                "$request.querystring.q",
                IdentitySource::QueryString("q".into()),
            ),
            (
                "context.sourceIp",
                IdentitySource::Context("sourceIp".into()),
            ),
            (
                "$context.routeKey",
                IdentitySource::Context("routeKey".into()),
            ),
            (
                "stageVariables.env",
                IdentitySource::StageVariable("env".into()),
            ),
            (
                "$stageVariables.env",
                IdentitySource::StageVariable("env".into()),
            ),
            (
                " method.request.path.id ",
                IdentitySource::Other("method.request.path.id".into()),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(IdentitySource::parse(text), expected, "{text}");
        }
        assert!(IdentitySource::Header("a".into()).from_request());
        assert!(!IdentitySource::Context("a".into()).from_request());
    }

    #[test]
    fn route_keys_and_authorization_types() {
        assert_eq!(RouteKey::parse_http("$default"), Some(RouteKey::Default));
        assert_eq!(
            RouteKey::parse_http("get /items/{id}"),
            Some(RouteKey::Http {
                method: "GET".into(),
                path: "/items/{id}".into()
            })
        );
        assert_eq!(RouteKey::parse_http("$connect"), None);
        assert_eq!(RouteKey::parse_http("GET items"), None);
        assert_eq!(
            Authorization::parse("cognito_user_pools"),
            Authorization::CognitoUserPools
        );
        assert_eq!(Authorization::parse("Basic").as_str(), "Basic");
        assert_eq!(AuthorizerKind::parse("jwt"), Some(AuthorizerKind::Jwt));
        assert_eq!(AuthorizerKind::parse("lambda"), None);
    }

    #[test]
    fn merging_keeps_a_part_unknown_only_when_no_piece_knows_it() {
        let mut routes = Api::default();
        routes.gap(
            Part::Stages,
            "no stages here",
            crate::span::Span::default(),
            "",
        );
        routes.gap(
            Part::Authorizers,
            "none here either",
            crate::span::Span::default(),
            "",
        );
        let mut stages = Api::default();
        stages.gap(
            Part::Routes,
            "no routes here",
            crate::span::Span::default(),
            "",
        );
        stages.gap(
            Part::Authorizers,
            "no authorizers",
            crate::span::Span::default(),
            "",
        );
        routes.merge(stages);
        assert!(routes.knows(Part::Routes) && routes.knows(Part::Stages));
        assert!(!routes.knows(Part::Authorizers));
    }
}
