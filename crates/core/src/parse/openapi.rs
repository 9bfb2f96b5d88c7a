//! OpenAPI 3 and Swagger 2 definitions with API Gateway's `x-amazon-apigateway-*` extensions:
//! an exported definition, an inline CloudFormation `Body` / SAM `DefinitionBody`, or a
//! Terraform `body`.
//!
//! Read: paths and their operations (`x-amazon-apigateway-any-method` is `ANY`, the `$default`
//! path is the HTTP API default route), security requirements against the security schemes
//! (`x-amazon-apigateway-authorizer` with its identity source, `x-amazon-apigateway-authtype:
//! awsSigv4` for IAM, an `apiKey` scheme named `x-api-key` for API keys), the integration type,
//! `x-amazon-apigateway-cors`, `-api-key-source`, `-endpoint-configuration`, and the API id and
//! stage in `servers` / `host` + `basePath`.

use super::api_tree::{self, join, map, str_at, text};
use crate::api::{
    Api, Authorization, Authorizer, AuthorizerKind, Cors, IdentitySource, Part, Route, RouteKey,
    Stage,
};
use crate::model::ApiKind;
use crate::tree::Node;
use crate::value::{Field, Unknown, Val};

/// HTTP methods as OpenAPI path items spell them.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];
const ANY_METHOD: &str = "x-amazon-apigateway-any-method";

/// What the definition says about its API.
pub(crate) struct OpenApi {
    /// Inferred from the definition: `Unknown` when nothing in it tells REST from HTTP.
    pub kind: ApiKind,
    /// The API id from `servers` / `host`.
    pub api_id: Field<String>,
    pub title: Field<String>,
    /// The stage from the `basePath` of an export.
    pub stage: Option<Stage>,
}

/// Reads the definition `root` (at `path`) into `api`: its routes, resources, authorizers,
/// CORS and settings; parts it cannot read become gaps of `api`.
pub(crate) fn read(root: &Node, path: &str, api: &mut Api) -> OpenApi {
    let schemes = schemes(root, path);
    for (name, scheme, scheme_path, key_span) in &schemes {
        if let Some(a) = authorizer(name, scheme, scheme_path, *key_span) {
            api.authorizers.push(a);
        }
    }
    let global = root.get("security").map(|g| (g, join(path, "security")));
    match root.get("paths") {
        Some(paths) => match map(paths) {
            Some(entries) => {
                for e in entries {
                    let p = join(&join(path, "paths"), &e.key);
                    let global = global.as_ref().map(|(g, at)| (*g, at.as_str()));
                    read_path(&e.key, e.key_span, &e.value, &p, global, &schemes, api);
                }
            }
            None => api.gap(
                Part::Routes,
                "the definition's `paths` cannot be read here",
                paths.span,
                &join(path, "paths"),
            ),
        },
        None if api_tree::unknown_of(root).is_some() => api.gap(
            Part::Routes,
            "the definition cannot be read here",
            root.span,
            path,
        ),
        None => {}
    }
    if let Some(cors) = root.get("x-amazon-apigateway-cors") {
        api.cors = Some(read_cors(
            cors,
            &join(path, "x-amazon-apigateway-cors"),
            false,
        ));
    }
    if root.get("x-amazon-apigateway-api-key-source").is_some() {
        api.api_key_source = str_at(root, path, "x-amazon-apigateway-api-key-source");
    }
    if let Some(endpoint) = root.get("x-amazon-apigateway-endpoint-configuration") {
        let at = join(path, "x-amazon-apigateway-endpoint-configuration");
        if endpoint.get("disableExecuteApiEndpoint").is_some() {
            api.disable_execute_api_endpoint =
                api_tree::bool_at(endpoint, &at, "disableExecuteApiEndpoint");
        }
    }
    let (api_id, stage) = server(root, path);
    OpenApi {
        kind: infer_kind(root),
        api_id,
        title: root.get("info").map_or_else(
            || Field::absent(root.span, path),
            |i| str_at(i, &join(path, "info"), "title"),
        ),
        stage,
    }
}

/// A security scheme: its name, node, path and key span.
type Scheme<'n, 's> = (String, &'n Node<'s>, String, crate::span::Span);

/// The security schemes: Swagger 2 `securityDefinitions`, OpenAPI 3 `components.securitySchemes`.
fn schemes<'n, 's>(root: &'n Node<'s>, path: &str) -> Vec<Scheme<'n, 's>> {
    let (node, at) = match root.get("securityDefinitions") {
        Some(n) => (Some(n), join(path, "securityDefinitions")),
        None => (
            root.get("components")
                .and_then(|c| c.get("securitySchemes")),
            join(&join(path, "components"), "securitySchemes"),
        ),
    };
    node.and_then(map)
        .unwrap_or_default()
        .iter()
        .map(|e| (e.key.to_string(), &e.value, join(&at, &e.key), e.key_span))
        .collect()
}

/// An authorizer from a security scheme with `x-amazon-apigateway-authorizer`.
fn authorizer(
    name: &str,
    scheme: &Node,
    path: &str,
    key_span: crate::span::Span,
) -> Option<Authorizer> {
    let ext = scheme.get("x-amazon-apigateway-authorizer")?;
    let ext_path = join(path, "x-amazon-apigateway-authorizer");
    let kind = api_tree::field(ext, &ext_path, "type", "an authorizer type", |t| {
        match t.to_ascii_lowercase().as_str() {
            "token" => Some(AuthorizerKind::Token),
            "request" => Some(AuthorizerKind::Request),
            "cognito_user_pools" => Some(AuthorizerKind::CognitoUserPools),
            "jwt" => Some(AuthorizerKind::Jwt),
            _ => None,
        }
    });
    let identity_sources = match ext.get("identitySource") {
        Some(node) => identity_list(&api_tree::strings(
            node,
            &join(&ext_path, "identitySource"),
            true,
        )),
        // Token and Cognito authorizers read the header the scheme names.
        None if matches!(
            kind.get(),
            Some(AuthorizerKind::Token | AuthorizerKind::CognitoUserPools)
        ) =>
        {
            let header = str_at(scheme, path, "name");
            match &header.val {
                Val::Known(h) => Field::known(
                    vec![Field::known(
                        IdentitySource::Header(h.clone()),
                        header.span,
                        header.path.clone(),
                    )],
                    header.span,
                    header.path.clone(),
                ),
                Val::Unknown(why) => Field::unknown(why.clone(), header.span, header.path.clone()),
                Val::Absent => Field::absent(scheme.span, path),
            }
        }
        None => Field::absent(ext.span, &ext_path),
    };
    Some(Authorizer {
        name: name.to_string(),
        span: key_span,
        path: path.into(),
        display_name: Field::known(name.to_string(), key_span, path),
        kind,
        identity_sources,
        result_ttl: api_tree::i64_at(ext, &ext_path, "authorizerResultTtlInSeconds"),
    })
}

/// Identity sources from a list of mapping expressions.
pub(crate) fn identity_list(list: &crate::value::List) -> Field<Vec<Field<IdentitySource>>> {
    match &list.val {
        Val::Known(items) => Field::known(
            items
                .iter()
                .map(|i| match &i.val {
                    Val::Known(s) => Field::known(IdentitySource::parse(s), i.span, i.path.clone()),
                    Val::Unknown(why) => Field::unknown(why.clone(), i.span, i.path.clone()),
                    Val::Absent => Field::absent(i.span, i.path.clone()),
                })
                .collect(),
            list.span,
            list.path.clone(),
        ),
        Val::Unknown(why) => Field::unknown(why.clone(), list.span, list.path.clone()),
        Val::Absent => Field::absent(list.span, list.path.clone()),
    }
}

fn read_path(
    key: &str,
    key_span: crate::span::Span,
    item: &Node,
    path: &str,
    global: Option<(&Node, &str)>,
    schemes: &[Scheme],
    api: &mut Api,
) {
    let Some(entries) = map(item) else {
        api.gap(
            Part::Routes,
            format!("the operations of `{key}` cannot be read here"),
            item.span,
            path,
        );
        return;
    };
    if key != "$default" {
        api.resources
            .push(Field::known(key.to_string(), key_span, path));
    }
    for e in entries {
        let method = if e.key == ANY_METHOD {
            "ANY".to_string()
        } else if METHODS.contains(&e.key.to_ascii_lowercase().as_str()) {
            e.key.to_ascii_uppercase()
        } else {
            continue;
        };
        let op_path = join(path, &e.key);
        let route_key = if key == "$default" {
            RouteKey::Default
        } else {
            RouteKey::Http {
                method,
                path: key.to_string(),
            }
        };
        let mut route = Route {
            name: route_key.to_string(),
            span: e.key_span,
            path: op_path.as_str().into(),
            key: Field::known(route_key, e.key_span, &op_path),
            authorization: Field::absent(e.value.span, &op_path),
            authorizer: Field::absent(e.value.span, &op_path),
            authorization_scopes: Field::absent(e.value.span, &op_path),
            api_key_required: Field::absent(e.value.span, &op_path),
            integration: Field::absent(e.value.span, &op_path),
        };
        if let Some(integration) = e.value.get("x-amazon-apigateway-integration") {
            let at = join(&op_path, "x-amazon-apigateway-integration");
            route.integration =
                api_tree::field(integration, &at, "type", "an integration type", |t| {
                    Some(t.to_ascii_uppercase())
                });
        }
        match e.value.get("security") {
            Some(security) => {
                apply_security(&mut route, security, &join(&op_path, "security"), schemes)
            }
            None => {
                if let Some((security, at)) = global {
                    apply_security(&mut route, security, at, schemes);
                }
            }
        }
        // `x-amazon-apigateway-auth: {type: AWS_IAM | NONE}` (case-insensitive) sets the
        // method's authorization type directly.
        if let Some(auth) = e.value.get("x-amazon-apigateway-auth") {
            let at = join(&op_path, "x-amazon-apigateway-auth");
            let kind = api_tree::field(auth, &at, "type", "an authorization type", |t| {
                Some(t.to_ascii_uppercase())
            });
            let value = match kind.get().map(String::as_str) {
                Some("AWS_IAM") => Some(Authorization::AwsIam),
                Some("NONE") if route.authorization.get().is_none() => Some(Authorization::None),
                _ => None,
            };
            if let Some(value) = value {
                route.authorization = Field::known(value, kind.span, kind.path.clone());
            }
        }
        api.routes.push(route);
    }
}

/// Applies a security requirement list (`[{scheme: [scopes]}]`) to a route.
fn apply_security(route: &mut Route, security: &Node, path: &str, schemes: &[Scheme]) {
    if let Some(why) = api_tree::unknown_of(security) {
        route.authorization = Field::unknown(why, security.span, path);
        return;
    }
    let Some(items) = security.as_seq() else {
        route.authorization = Field::unknown(
            Unknown::Expression("expected a list of security requirements".into()),
            security.span,
            path,
        );
        return;
    };
    for (i, requirement) in items.iter().enumerate() {
        let req_path = join(path, &i.to_string());
        for e in map(requirement).unwrap_or_default() {
            let at = join(&req_path, &e.key);
            let scheme = schemes.iter().find(|(name, ..)| *name == e.key);
            let Some((_, scheme, ..)) = scheme else {
                // A requirement on a scheme the definition does not define.
                route.authorization = Field::unknown(
                    Unknown::Expression(format!("security scheme `{}` is not defined", e.key)),
                    e.key_span,
                    &at,
                );
                continue;
            };
            match scheme_role(scheme) {
                Role::ApiKey => route.api_key_required = Field::known(true, e.key_span, &at),
                Role::Iam => {
                    route.authorization = Field::known(Authorization::AwsIam, e.key_span, &at)
                }
                Role::Authorizer(authorization) => {
                    route.authorization = Field::known(authorization, e.key_span, &at);
                    route.authorizer = Field::known(e.key.to_string(), e.key_span, &at);
                    route.authorization_scopes = api_tree::strings(&e.value, &at, false);
                }
                Role::Other => {
                    route.authorization = Field::unknown(
                        Unknown::Expression(format!(
                            "security scheme `{}` is not one API Gateway enforces",
                            e.key
                        )),
                        e.key_span,
                        &at,
                    );
                }
            }
        }
    }
}

/// What a security scheme does in API Gateway.
enum Role {
    ApiKey,
    Iam,
    Authorizer(Authorization),
    Other,
}

fn scheme_role(scheme: &Node) -> Role {
    if let Some(ext) = scheme.get("x-amazon-apigateway-authorizer") {
        let kind = ext.get("type").and_then(Node::as_str).unwrap_or_default();
        return match kind.to_ascii_lowercase().as_str() {
            "cognito_user_pools" => Role::Authorizer(Authorization::CognitoUserPools),
            "jwt" => Role::Authorizer(Authorization::Jwt),
            _ => Role::Authorizer(Authorization::Custom),
        };
    }
    let authtype = scheme
        .get("x-amazon-apigateway-authtype")
        .and_then(Node::as_str)
        .unwrap_or_default();
    if authtype.eq_ignore_ascii_case("awsSigv4") {
        return Role::Iam;
    }
    let is_key = scheme.get("type").and_then(Node::as_str) == Some("apiKey")
        && scheme
            .get("name")
            .and_then(Node::as_str)
            .is_some_and(|n| n.eq_ignore_ascii_case("x-api-key"));
    if is_key {
        Role::ApiKey
    } else {
        Role::Other
    }
}

/// A CORS configuration: `x-amazon-apigateway-cors` (camelCase keys) or an HTTP API
/// `CorsConfiguration` (PascalCase, `pascal`).
pub(crate) fn read_cors(node: &Node, path: &str, pascal: bool) -> Cors {
    let key = |camel: &'static str, upper: &'static str| if pascal { upper } else { camel };
    let list = |camel, upper| api_tree::list_at(node, path, key(camel, upper), false);
    Cors {
        span: node.span,
        path: path.into(),
        allow_origins: list("allowOrigins", "AllowOrigins"),
        allow_methods: list("allowMethods", "AllowMethods"),
        allow_headers: list("allowHeaders", "AllowHeaders"),
        expose_headers: list("exposeHeaders", "ExposeHeaders"),
        allow_credentials: api_tree::bool_at(
            node,
            path,
            key("allowCredentials", "AllowCredentials"),
        ),
        max_age: api_tree::i64_at(node, path, key("maxAge", "MaxAge")),
    }
}

/// The API id and the stage an export was taken from: Swagger `host` + `basePath`, OpenAPI 3
/// `servers[0].url` with its `basePath` variable.
fn server(root: &Node, path: &str) -> (Field<String>, Option<Stage>) {
    let absent = || Field::absent(root.span, path);
    if let Some(host) = root.get("host") {
        let host_field = text(host, &join(path, "host"));
        let id = api_id(&host_field);
        let stage = root
            .get("basePath")
            .and_then(|b| stage_from(&text(b, &join(path, "basePath"))));
        return (id, stage);
    }
    let Some(server) = root
        .get("servers")
        .and_then(|s| s.as_seq())
        .and_then(|s| s.first())
    else {
        return (absent(), None);
    };
    let at = join(&join(path, "servers"), "0");
    let url = str_at(server, &at, "url");
    let Some(u) = url.get() else {
        return (absent(), None);
    };
    let host = u
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap_or_default();
    let id = api_id(&Field::known(host.to_string(), url.span, url.path.clone()));
    let base = server
        .get("variables")
        .and_then(|v| v.get("basePath"))
        .and_then(|b| b.get("default"))
        .map(|d| text(d, &join(&at, "variables/basePath/default")));
    let stage = match base {
        Some(b) if u.contains("{basePath}") => stage_from(&b),
        _ => None,
    };
    (id, stage)
}

/// The API id of an `{id}.execute-api.{region}.amazonaws.com` host.
fn api_id(host: &Field<String>) -> Field<String> {
    match host.get().and_then(|h| h.split_once(".execute-api.")) {
        Some((id, _)) if !id.is_empty() && !id.contains(['{', '}']) => {
            Field::known(id.to_string(), host.span, host.path.clone())
        }
        _ => Field::absent(host.span, host.path.clone()),
    }
}

/// A stage from a `basePath` (`/prod`); an empty base path names none.
fn stage_from(base: &Field<String>) -> Option<Stage> {
    let name = base.get()?.trim_matches('/');
    (!name.is_empty() && !name.contains('/')).then(|| Stage {
        name: name.to_string(),
        span: base.span,
        path: base.path.clone(),
        stage_name: Field::known(name.to_string(), base.span, base.path.clone()),
        auto_deploy: Field::absent(base.span, base.path.clone()),
    })
}

/// REST or HTTP, from what only one of them exports.
fn infer_kind(root: &Node) -> ApiKind {
    if root.get("swagger").is_some() {
        return ApiKind::Rest;
    }
    let http = root
        .get("x-amazon-apigateway-importexport-version")
        .is_some()
        || root.get("x-amazon-apigateway-cors").is_some()
        || root.get("paths").and_then(|p| p.get("$default")).is_some();
    let rest = [
        "x-amazon-apigateway-api-key-source",
        "x-amazon-apigateway-gateway-responses",
        "x-amazon-apigateway-request-validators",
        "x-amazon-apigateway-minimum-compression-size",
        "x-amazon-apigateway-policy",
    ]
    .iter()
    .any(|k| root.get(k).is_some());
    match (http, rest) {
        (true, false) => ApiKind::Http,
        (false, true) => ApiKind::Rest,
        _ => ApiKind::Unknown,
    }
}
