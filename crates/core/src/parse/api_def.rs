//! Exported API definitions, given beside a configuration (`apifront lint FILE --api DEF`):
//! OpenAPI 3 and Swagger 2 exports (JSON or YAML) and the JSON of `aws apigateway get-rest-api`,
//! `get-resources`, `get-stages`, `get-authorizers` and `aws apigatewayv2 get-api`, `get-routes`,
//! `get-stages`, `get-authorizers`.
//!
//! [`parse_api_definition`] tells which one a text is and reads it into an [`Api`] whose spans are
//! local to the text ([`crate::api::Shift`] moves them into a larger buffer). What a piece does
//! not show (the stages of `get-resources`, the routes of `get-stages`) is a gap of the API, so
//! nothing is taken for empty.

use super::api_tree::{self, bool_at, convert, i64_at, join, list_at, map, str_at};
use super::{aws_output, json, openapi, yaml, ParseError, MAX_INPUT_BYTES};
use crate::api::{
    Api, ApiSource, Authorization, Authorizer, AuthorizerKind, Definition, DefinitionKind, Part,
    Route, RouteKey, Stage,
};
use crate::model::{ApiKind, Format};
use crate::span::LineIndex;
use crate::tree::Node;
use crate::value::{Field, Unknown, Val};

/// The message for a text that is none of the definitions apifront reads.
const NOT_A_DEFINITION: &str = "not an API definition; expected an OpenAPI 3 or Swagger 2 \
export, or the JSON of `aws apigateway get-rest-api`, `get-resources`, `get-stages`, \
`get-authorizers` or `aws apigatewayv2 get-api`, `get-routes`, `get-stages`, `get-authorizers`";

/// Reads an exported API definition named `name` (its file name, for messages).
pub fn parse_api_definition(name: &str, text: &str) -> Result<Definition, ParseError> {
    let idx = LineIndex::new(text);
    if text.len() > MAX_INPUT_BYTES {
        return Err(ParseError::at(
            &idx,
            0,
            format!(
                "the definition is {} bytes; the limit is {MAX_INPUT_BYTES} bytes",
                text.len()
            ),
        ));
    }
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.is_empty() {
        return Err(ParseError::at(&idx, 0, "the API definition is empty"));
    }
    let (tree, format) = if body.starts_with(['{', '[']) {
        (json::parse_tree(text, &idx)?, Format::CliJson)
    } else {
        (yaml::parse_tree(text, &idx)?, Format::CfnYaml)
    };
    let root = &tree.root;
    if root.as_map().is_none() {
        return Err(ParseError::at(&idx, root.span.start, NOT_A_DEFINITION)
            .with_hint("the text is not a map of settings"));
    }
    let Some(kind) = detect(root) else {
        return Err(match aws_output::of_tree(root) {
            Some((output, at)) => aws_output::error(output, at, &idx, format),
            None => not_a_definition(root, &idx),
        });
    };
    let mut api = Api {
        name: name.to_string(),
        span: root.span,
        path: Default::default(),
        source: ApiSource::Definition(kind),
        api_id: Field::absent(root.span, ""),
        ..Api::default()
    };
    match kind {
        DefinitionKind::OpenApi3 | DefinitionKind::Swagger2 => export(root, &mut api),
        DefinitionKind::RestApi => rest_api(root, &mut api),
        DefinitionKind::RestResources => rest_resources(root, &mut api),
        DefinitionKind::RestStages => rest_stages(root, &mut api),
        DefinitionKind::RestAuthorizers => rest_authorizers(root, &mut api),
        DefinitionKind::V2Api => v2_api(root, &mut api),
        DefinitionKind::V2Routes => v2_routes(root, &mut api),
        DefinitionKind::V2Stages => v2_stages(root, &mut api),
        DefinitionKind::V2Authorizers => v2_authorizers(root, &mut api),
    }
    Ok(Definition {
        name: name.to_string(),
        kind,
        api,
    })
}

/// The items of a list under `key` of the root, with their paths.
fn items<'n, 's>(root: &'n Node<'s>, key: &str) -> Vec<(&'n Node<'s>, String)> {
    root.get(key)
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, n)| (n, join(key, &i.to_string())))
        .collect()
}

/// True when the first item of the list under `key` has one of `keys`.
fn listed_with(root: &Node, key: &str, keys: &[&str]) -> bool {
    root.get(key)
        .and_then(Node::as_seq)
        .and_then(|items| items.first())
        .is_some_and(|first| keys.iter().any(|k| first.get(k).is_some()))
}

/// Which definition the tree is.
fn detect(root: &Node) -> Option<DefinitionKind> {
    let version = |key| root.get(key).and_then(api_tree::scalar);
    if version("openapi").is_some_and(|v| v.starts_with('3')) {
        return Some(DefinitionKind::OpenApi3);
    }
    if version("swagger").is_some_and(|v| v.starts_with('2')) {
        return Some(DefinitionKind::Swagger2);
    }
    if listed_with(root, "items", &["pathPart", "resourceMethods", "parentId"])
        || root.get("items").and_then(Node::as_seq).is_some_and(|i| {
            i.first()
                .is_some_and(|f| f.get("path").is_some() && f.get("id").is_some())
        })
    {
        return Some(DefinitionKind::RestResources);
    }
    if listed_with(
        root,
        "items",
        &[
            "identitySource",
            "authorizerUri",
            "providerARNs",
            "authType",
        ],
    ) {
        return Some(DefinitionKind::RestAuthorizers);
    }
    if listed_with(root, "item", &["stageName", "deploymentId"]) {
        return Some(DefinitionKind::RestStages);
    }
    if listed_with(root, "Items", &["RouteKey", "RouteId"]) {
        return Some(DefinitionKind::V2Routes);
    }
    if listed_with(root, "Items", &["StageName"]) {
        return Some(DefinitionKind::V2Stages);
    }
    if listed_with(root, "Items", &["AuthorizerType", "AuthorizerId"]) {
        return Some(DefinitionKind::V2Authorizers);
    }
    if root.get("ApiId").is_some() && root.get("ProtocolType").is_some() {
        return Some(DefinitionKind::V2Api);
    }
    if root.get("id").is_some()
        && ["rootResourceId", "endpointConfiguration", "apiKeySource"]
            .iter()
            .any(|k| root.get(k).is_some())
    {
        return Some(DefinitionKind::RestApi);
    }
    None
}

/// The error for a text that is none of the definitions, with a hint at what it looks like.
fn not_a_definition(root: &Node, idx: &LineIndex) -> ParseError {
    let hint = if root.get("Resources").is_some()
        || root.get("DistributionConfig").is_some()
        || root.get("AWSTemplateFormatVersion").is_some()
    {
        "this looks like a configuration: lint it as the FILE and give the API definition with `--api`"
            .to_string()
    } else if ["items", "item", "Items"].iter().any(|k| {
        root.get(k)
            .and_then(Node::as_seq)
            .is_some_and(<[Node]>::is_empty)
    }) {
        "the list is empty: there is nothing to read".to_string()
    } else {
        let keys: Vec<&str> = root
            .as_map()
            .unwrap_or_default()
            .iter()
            .take(5)
            .map(|e| e.key.as_ref())
            .collect();
        format!("its top-level keys are {}", keys.join(", "))
    };
    ParseError::at(idx, root.span.start, NOT_A_DEFINITION).with_hint(hint)
}

/// What an export does not show: its stages beyond the one it was taken from, its endpoint type.
fn export(root: &Node, api: &mut Api) {
    let read = openapi::read(root, "", api);
    api.kind = read.kind;
    api.api_id = read.api_id;
    api.title = read.title;
    let (span, path) = (root.span, String::new());
    if api.kind == ApiKind::Unknown {
        api.gap(
            Part::Settings,
            "nothing in the definition tells a REST API from an HTTP API",
            span,
            &path,
        );
    }
    let reason = match &read.stage {
        Some(s) => format!(
            "the definition was exported from stage `{}`; other stages are not in it",
            s.stage_name.get().map_or("?", String::as_str)
        ),
        None => "the definition does not list the API's stages".to_string(),
    };
    api.stages.extend(read.stage);
    api.gap(Part::Stages, reason, span, &path);
    api.endpoint_types = Field::unknown(
        Unknown::Expression("an export does not state the endpoint type".into()),
        span,
        path,
    );
}

/// The parts a piece leaves out.
fn without(api: &mut Api, root: &Node, parts: &[Part], command: &str) {
    for part in parts {
        let what = match part {
            Part::Routes => "routes",
            Part::Stages => "stages",
            Part::Authorizers => "authorizers",
            Part::Cors => "CORS configuration",
            Part::Settings => "settings",
        };
        api.gap(
            *part,
            format!("the {what} are not in {command} output"),
            root.span,
            "",
        );
    }
}

/// `aws apigateway get-rest-api`.
fn rest_api(root: &Node, api: &mut Api) {
    api.kind = ApiKind::Rest;
    api.api_id = str_at(root, "", "id");
    api.title = str_at(root, "", "name");
    api.endpoint_types = match root.get("endpointConfiguration") {
        Some(e) => list_at(e, "endpointConfiguration", "types", false),
        None => Field::absent(root.span, ""),
    };
    api.disable_execute_api_endpoint = bool_at(root, "", "disableExecuteApiEndpoint");
    api.api_key_source = str_at(root, "", "apiKeySource");
    without(
        api,
        root,
        &[Part::Routes, Part::Stages, Part::Authorizers],
        "`get-rest-api`",
    );
}

/// `aws apigateway get-resources`: resources with `resourceMethods`, each method with its
/// authorization when `--embed methods` was given.
fn rest_resources(root: &Node, api: &mut Api) {
    api.kind = ApiKind::Rest;
    for (item, at) in items(root, "items") {
        let path = str_at(item, &at, "path");
        api.resources.push(path.clone());
        let methods_at = join(&at, "resourceMethods");
        for e in item
            .get("resourceMethods")
            .and_then(map)
            .unwrap_or_default()
        {
            let m_at = join(&methods_at, &e.key);
            let key = match &path.val {
                Val::Known(p) => Field::known(
                    RouteKey::Http {
                        method: e.key.to_ascii_uppercase(),
                        path: p.clone(),
                    },
                    e.key_span,
                    &m_at,
                ),
                _ => Field::unknown(
                    Unknown::Expression("the resource has no path".into()),
                    e.key_span,
                    &m_at,
                ),
            };
            let method = &e.value;
            let embedded =
                method.get("httpMethod").is_some() || method.get("authorizationType").is_some();
            let route = if embedded {
                Route {
                    name: format!("{} {}", e.key, path.get().map_or("?", String::as_str)),
                    span: e.key_span,
                    path: m_at.as_str().into(),
                    key,
                    authorization: convert(str_at(method, &m_at, "authorizationType"), |s| {
                        Authorization::parse(&s)
                    }),
                    authorizer: str_at(method, &m_at, "authorizerId"),
                    authorization_scopes: list_at(method, &m_at, "authorizationScopes", false),
                    api_key_required: bool_at(method, &m_at, "apiKeyRequired"),
                    integration: method.get("methodIntegration").map_or_else(
                        || Field::absent(method.span, &m_at),
                        |i| {
                            convert(str_at(i, &join(&m_at, "methodIntegration"), "type"), |s| {
                                s.to_ascii_uppercase()
                            })
                        },
                    ),
                }
            } else {
                Route {
                    name: format!("{} {}", e.key, path.get().map_or("?", String::as_str)),
                    span: e.key_span,
                    path: m_at.as_str().into(),
                    key,
                    authorization: not_embedded(e.key_span, &m_at),
                    authorizer: not_embedded(e.key_span, &m_at),
                    authorization_scopes: not_embedded(e.key_span, &m_at),
                    api_key_required: not_embedded(e.key_span, &m_at),
                    integration: not_embedded(e.key_span, &m_at),
                }
            };
            api.routes.push(route);
        }
    }
    without(
        api,
        root,
        &[Part::Stages, Part::Authorizers, Part::Settings],
        "`get-resources`",
    );
}

/// `aws apigateway get-stages` (its list is `item`).
fn rest_stages(root: &Node, api: &mut Api) {
    api.kind = ApiKind::Rest;
    for (item, at) in items(root, "item") {
        let stage_name = str_at(item, &at, "stageName");
        api.stages.push(Stage {
            name: stage_name.get().cloned().unwrap_or_else(|| at.clone()),
            span: item.span,
            path: at.as_str().into(),
            stage_name,
            auto_deploy: Field::absent(item.span, &at),
        });
    }
    without(
        api,
        root,
        &[Part::Routes, Part::Authorizers, Part::Settings],
        "`get-stages`",
    );
}

/// `aws apigateway get-authorizers`: each authorizer named by its id, as methods refer to it.
fn rest_authorizers(root: &Node, api: &mut Api) {
    api.kind = ApiKind::Rest;
    for (item, at) in items(root, "items") {
        let identity = list_at(item, &at, "identitySource", true);
        api.authorizers.push(Authorizer {
            name: str_at(item, &at, "id")
                .get()
                .cloned()
                .unwrap_or_else(|| at.clone()),
            span: item.span,
            path: at.as_str().into(),
            display_name: str_at(item, &at, "name"),
            kind: authorizer_kind(item, &at, "type"),
            identity_sources: openapi::identity_list(&identity),
            result_ttl: i64_at(item, &at, "authorizerResultTtlInSeconds"),
        });
    }
    without(
        api,
        root,
        &[Part::Routes, Part::Stages, Part::Settings],
        "`get-authorizers`",
    );
}

/// `aws apigatewayv2 get-api`.
fn v2_api(root: &Node, api: &mut Api) {
    let protocol = str_at(root, "", "ProtocolType");
    api.kind = match protocol.get().map(|p| p.to_ascii_uppercase()) {
        Some(p) if p == "HTTP" => ApiKind::Http,
        Some(p) if p == "WEBSOCKET" => ApiKind::WebSocket,
        _ => ApiKind::Unknown,
    };
    api.api_id = str_at(root, "", "ApiId");
    api.title = str_at(root, "", "Name");
    api.disable_execute_api_endpoint = bool_at(root, "", "DisableExecuteApiEndpoint");
    api.route_selection_expression = str_at(root, "", "RouteSelectionExpression");
    if let Some(cors) = root.get("CorsConfiguration") {
        api.cors = Some(openapi::read_cors(cors, "CorsConfiguration", true));
    }
    without(
        api,
        root,
        &[Part::Routes, Part::Stages, Part::Authorizers],
        "`get-api`",
    );
}

/// `aws apigatewayv2 get-routes`: HTTP API routes, or WebSocket routes when a key is not an
/// HTTP route key (`$connect`, `sendMessage`).
fn v2_routes(root: &Node, api: &mut Api) {
    let listed = items(root, "Items");
    let keys: Vec<Field<String>> = listed
        .iter()
        .map(|(item, at)| str_at(item, at, "RouteKey"))
        .collect();
    let websocket = keys
        .iter()
        .filter_map(Field::get)
        .any(|k| RouteKey::parse_http(k).is_none());
    let http = keys
        .iter()
        .filter_map(Field::get)
        .any(|k| matches!(RouteKey::parse_http(k), Some(RouteKey::Http { .. })));
    api.kind = match (websocket, http) {
        (true, _) => ApiKind::WebSocket,
        (false, true) => ApiKind::Http,
        // Only `$default`: either protocol.
        (false, false) => ApiKind::Unknown,
    };
    for ((item, at), raw) in listed.into_iter().zip(keys) {
        let key = match &raw.val {
            Val::Known(k) if websocket => Field::known(
                RouteKey::WebSocket { key: k.clone() },
                raw.span,
                raw.path.clone(),
            ),
            Val::Known(k) => match RouteKey::parse_http(k) {
                Some(key) => Field::known(key, raw.span, raw.path.clone()),
                None => Field::unknown(
                    Unknown::Expression(format!("`{k}` is not a route key")),
                    raw.span,
                    raw.path.clone(),
                ),
            },
            _ => Field::unknown(
                Unknown::Expression("the route has no `RouteKey`".into()),
                raw.span,
                raw.path.clone(),
            ),
        };
        api.routes.push(Route {
            name: raw.get().cloned().unwrap_or_else(|| at.clone()),
            span: item.span,
            path: at.as_str().into(),
            key,
            authorization: convert(str_at(item, &at, "AuthorizationType"), |s| {
                Authorization::parse(&s)
            }),
            authorizer: str_at(item, &at, "AuthorizerId"),
            authorization_scopes: list_at(item, &at, "AuthorizationScopes", false),
            api_key_required: bool_at(item, &at, "ApiKeyRequired"),
            integration: Field::absent(item.span, &at),
        });
    }
    without(
        api,
        root,
        &[Part::Stages, Part::Authorizers, Part::Settings],
        "`get-routes`",
    );
}

/// `aws apigatewayv2 get-stages`.
fn v2_stages(root: &Node, api: &mut Api) {
    for (item, at) in items(root, "Items") {
        let stage_name = str_at(item, &at, "StageName");
        api.stages.push(Stage {
            name: stage_name.get().cloned().unwrap_or_else(|| at.clone()),
            span: item.span,
            path: at.as_str().into(),
            stage_name,
            auto_deploy: bool_at(item, &at, "AutoDeploy"),
        });
    }
    without(
        api,
        root,
        &[Part::Routes, Part::Authorizers, Part::Settings],
        "`get-stages`",
    );
}

/// `aws apigatewayv2 get-authorizers`: each authorizer named by its id, as routes refer to it.
fn v2_authorizers(root: &Node, api: &mut Api) {
    for (item, at) in items(root, "Items") {
        let identity = list_at(item, &at, "IdentitySource", true);
        api.authorizers.push(Authorizer {
            name: str_at(item, &at, "AuthorizerId")
                .get()
                .cloned()
                .unwrap_or_else(|| at.clone()),
            span: item.span,
            path: at.as_str().into(),
            display_name: str_at(item, &at, "Name"),
            kind: authorizer_kind(item, &at, "AuthorizerType"),
            identity_sources: openapi::identity_list(&identity),
            result_ttl: i64_at(item, &at, "AuthorizerResultTtlInSeconds"),
        });
    }
    without(
        api,
        root,
        &[Part::Routes, Part::Stages, Part::Settings],
        "`get-authorizers`",
    );
}

fn authorizer_kind(item: &Node, at: &str, key: &str) -> Field<AuthorizerKind> {
    api_tree::field(item, at, key, "an authorizer type", AuthorizerKind::parse)
}

/// A method setting `get-resources` shows only with `--embed methods`.
fn not_embedded<T>(span: crate::span::Span, path: &str) -> Field<T> {
    Field::unknown(
        Unknown::Expression("`get-resources` without `--embed methods` does not show it".into()),
        span,
        path,
    )
}
