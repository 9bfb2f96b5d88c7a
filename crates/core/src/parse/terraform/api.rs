//! The API model of a Terraform file: `aws_api_gateway_rest_api` (with `body`),
//! `aws_api_gateway_resource`, `_method`, `_integration`, `_authorizer`, `_stage`, `_deployment`,
//! `_domain_name`, `_base_path_mapping`; `aws_apigatewayv2_api` (`protocol_type`,
//! `cors_configuration`, quick create `route_key` / `target`, `body`), `_route`, `_authorizer`,
//! `_stage`, `_domain_name`, `_api_mapping`, `_routing_rule`; `aws_lambda_function_url`.
//!
//! Resources refer to each other by address (`aws_api_gateway_rest_api.orders.id`); a reference
//! to something the file does not define (a variable, a data source, a module output) leaves
//! the value unknown. Provider defaults are applied where the provider documents them
//! (`aws_api_gateway_authorizer`: `type` `TOKEN`, `identity_source`
//! `method.request.header.Authorization`).

use super::eval::{attr, block, ref_chain, traversal, Ctx, Loc};
use crate::api::{
    Api, ApiModel, Authorization, Authorizer, AuthorizerKind, ConditionTest, Cors, DomainName,
    FunctionUrl, HeaderMatch, IdentitySource, Integration, Mapping, Offset, OriginDomain, Part,
    Route, RouteKey, RoutingCondition, RoutingRule, Shift, Stage,
};
use crate::model::ApiKind;
use crate::parse::api_tree::{convert, EXPRESSION_KEY};
use crate::parse::{json, openapi, yaml, MAX_DEPTH};
use crate::span::LineIndex;
use crate::tree::{Entry, Node, NodeKind};
use crate::value::{Field, List, Unknown, Val};
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Block, Body};
use std::borrow::Cow;
use std::collections::HashMap;

/// Resource types of custom domains.
const DOMAIN_TYPES: [&str; 2] = [
    "aws_api_gateway_domain_name",
    "aws_apigatewayv2_domain_name",
];

/// Reads the API model of a Terraform file body.
/// A `resource` block of the module with the context of the file it is in.
type Resource<'b, 'c> = (&'b Ctx<'c>, &'b str, String, &'b Block);

/// Reads the API model from the bodies of a module's files (each with its file's context).
pub(super) fn read(bodies: &[(Ctx, &Body)]) -> ApiModel {
    let resources: Vec<Resource> = bodies
        .iter()
        .flat_map(|(ctx, body)| {
            body.blocks()
                .filter(|b| b.ident.as_str() == "resource")
                .filter_map(move |b| match b.labels.as_slice() {
                    [rtype, name] => Some((
                        ctx,
                        rtype.as_str(),
                        format!("{}.{}", rtype.as_str(), name.as_str()),
                        b,
                    )),
                    _ => None,
                })
        })
        .collect();
    let mut model = ApiModel::default();
    for (ctx, rtype, address, b) in &resources {
        if let Some(api) = api(ctx, rtype, address, b) {
            model.apis.push(api);
        }
    }
    let tree = RestTree::new(&resources);
    for (ctx, rtype, address, b) in &resources {
        child(ctx, rtype, address, b, &tree, &mut model);
    }
    for api in &mut model.apis {
        unknown_parts(api, if bodies.len() > 1 { "module" } else { "file" });
    }
    origin_domains(&resources, &mut model);
    model
}

fn loc(ctx: &Ctx, b: &Block, address: &str) -> Loc {
    Loc {
        span: ctx.span_of(b),
        path: address.to_string(),
    }
}

/// The resource a reference names and the attribute it reads:
/// `aws_api_gateway_rest_api.orders.root_resource_id` → (`aws_api_gateway_rest_api.orders`,
/// `root_resource_id`).
fn reference(expr: &Expression) -> Option<(String, String)> {
    let chain = ref_chain(traversal(expr)?)?;
    match chain.as_slice() {
        [rtype, name, attribute, ..] if rtype.starts_with("aws_") => {
            Some((format!("{rtype}.{name}"), attribute.to_string()))
        }
        _ => None,
    }
}

/// The API a `rest_api_id` / `api_id` attribute refers to.
fn api_of(body: &Body, key: &str) -> Option<String> {
    attr(body, key)
        .and_then(reference)
        .filter(|(address, _)| {
            address.starts_with("aws_api_gateway_rest_api.")
                || address.starts_with("aws_apigatewayv2_api.")
        })
        .map(|(address, _)| address)
}

/// A field naming another resource of the file (`authorizer_id = aws_…_authorizer.x.id`).
fn resource_field(ctx: &Ctx, body: &Body, key: &str, at: &Loc) -> Field<String> {
    let Some(expr) = attr(body, key) else {
        return at.absent();
    };
    match reference(expr) {
        Some((address, _)) => Field::known(address, ctx.value_span(expr), at.key(key)),
        None => ctx.unknown(expr, at.key(key)),
    }
}

/// Identity sources from a comma-separated string (REST) or a list (HTTP API).
fn identity(
    ctx: &Ctx,
    body: &Body,
    key: &str,
    at: &Loc,
    default: Option<&str>,
) -> Field<Vec<Field<IdentitySource>>> {
    let text = ctx.string(body, key, at);
    let list: List = match (&text.val, default) {
        (Val::Known(s), _) => split(s, &text),
        (Val::Absent, Some(d)) => split(d, &text),
        (Val::Absent, None) => at.absent(),
        (Val::Unknown(_), _) => ctx.list(body, key, at),
    };
    openapi::identity_list(&list)
}

/// A comma-separated value as a list, every item at the value's position.
fn split(s: &str, at: &Field<String>) -> List {
    let items = s
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Field::known(p.to_string(), at.span, at.path.clone()))
        .collect();
    Field::known(items, at.span, at.path.clone())
}

/// A `cors_configuration` / `cors` block.
fn cors(ctx: &Ctx, b: &Block, at: &Loc) -> Cors {
    let body = &b.body;
    Cors {
        span: at.span,
        path: at.path.as_str().into(),
        allow_origins: ctx.list(body, "allow_origins", at),
        allow_methods: ctx.list(body, "allow_methods", at),
        allow_headers: ctx.list(body, "allow_headers", at),
        expose_headers: ctx.list(body, "expose_headers", at),
        allow_credentials: ctx.boolean(body, "allow_credentials", at),
        max_age: ctx.int(body, "max_age", at),
    }
}

fn new_api(at: &Loc, kind: ApiKind) -> Api {
    Api {
        name: at.path.clone(),
        span: at.span,
        path: at.path.as_str().into(),
        kind,
        api_id: at.absent(),
        ..Api::default()
    }
}

fn api(ctx: &Ctx, rtype: &str, address: &str, b: &Block) -> Option<Api> {
    let at = loc(ctx, b, address);
    let body = &b.body;
    let mut api = match rtype {
        "aws_api_gateway_rest_api" => {
            let mut api = new_api(&at, ApiKind::Rest);
            api.endpoint_types = match block(body, "endpoint_configuration") {
                Some(e) => ctx.list(
                    &e.body,
                    "types",
                    &at.child(ctx, e, "endpoint_configuration"),
                ),
                None => at.absent(),
            };
            api.api_key_source = ctx.string(body, "api_key_source", &at);
            api
        }
        "aws_apigatewayv2_api" => {
            let protocol = ctx.string(body, "protocol_type", &at);
            let kind = match protocol.get().map(|p| p.to_ascii_uppercase()) {
                Some(p) if p == "HTTP" => ApiKind::Http,
                Some(p) if p == "WEBSOCKET" => ApiKind::WebSocket,
                _ => ApiKind::Unknown,
            };
            let mut api = new_api(&at, kind);
            api.route_selection_expression = ctx.string(body, "route_selection_expression", &at);
            if let Some(c) = block(body, "cors_configuration") {
                api.cors = Some(cors(ctx, c, &at.child(ctx, c, "cors_configuration")));
            }
            quick_create(ctx, body, &at, &mut api);
            api
        }
        _ => return None,
    };
    api.title = ctx.string(body, "name", &at);
    api.disable_execute_api_endpoint = ctx.boolean(body, "disable_execute_api_endpoint", &at);
    definition(ctx, body, &at, &mut api);
    Some(api)
}

/// HTTP API quick create (`target`): a `$default` stage that deploys automatically and one
/// route, `route_key` or `$default`.
fn quick_create(ctx: &Ctx, body: &Body, at: &Loc, api: &mut Api) {
    let target = ctx.string(body, "target", at);
    if !target.is_present() {
        return;
    }
    api.stages.push(Stage {
        name: at.path.clone(),
        span: target.span,
        path: target.path.clone(),
        stage_name: Field::known("$default".into(), target.span, target.path.clone()),
        auto_deploy: Field::known(true, target.span, target.path.clone()),
    });
    let raw = ctx.string(body, "route_key", at);
    let key = match &raw.val {
        Val::Absent => Field::known(RouteKey::Default, target.span, target.path.clone()),
        Val::Known(k) => route_key(k, &raw, false),
        Val::Unknown(why) => Field::unknown(why.clone(), raw.span, raw.path.clone()),
    };
    api.routes.push(Route {
        name: at.path.clone(),
        span: target.span,
        path: target.path.clone(),
        key,
        authorization: at.absent(),
        authorizer: at.absent(),
        authorization_scopes: at.absent(),
        api_key_required: at.absent(),
        integration: at.absent(),
    });
}

/// A route key as written.
fn route_key(k: &str, raw: &Field<String>, websocket: bool) -> Field<RouteKey> {
    let (span, path) = (raw.span, raw.path.clone());
    if websocket {
        return Field::known(RouteKey::WebSocket { key: k.to_string() }, span, path);
    }
    match RouteKey::parse_http(k) {
        Some(key) => Field::known(key, span, path),
        None => Field::unknown(
            Unknown::Expression(format!("`{k}` is not a route key")),
            span,
            path,
        ),
    }
}

/// The OpenAPI `body` of an API: `jsonencode({…})` or a heredoc are read; anything else
/// (`file(…)`, `templatefile(…)`, a variable) leaves the routes unknown.
fn definition(ctx: &Ctx, body: &Body, at: &Loc, api: &mut Api) {
    let Some(expr) = attr(body, "body") else {
        return;
    };
    let path = at.key("body");
    let span = ctx.span_of(expr);
    let mut unknown = |reason: String| {
        for part in [Part::Routes, Part::Authorizers, Part::Cors] {
            api.gap(part, reason.clone(), span, &path);
        }
    };
    match expr {
        Expression::FuncCall(call) if call.name.name.as_str() == "jsonencode" => {
            match call.args.iter().next().map(|arg| to_node(ctx, arg, 0)) {
                Some(node) if node.as_map().is_some() => {
                    openapi::read(&node, &path, api);
                }
                _ => unknown("`body` is built from an expression apifront cannot evaluate; give the definition with `--api`".into()),
            }
        }
        Expression::HeredocTemplate(_) => match heredoc(ctx, expr, &path) {
            Ok(read) => api.merge(read),
            Err(reason) => unknown(reason),
        },
        _ => unknown(format!(
            "`body` is `{}`, which apifront does not read; give the definition with `--api`",
            ctx.text_of(expr)
        )),
    }
}

/// An OpenAPI definition written in a heredoc, read with its positions in the file.
fn heredoc(ctx: &Ctx, expr: &Expression, path: &str) -> Result<Api, String> {
    let span = ctx.span_of(expr);
    let text = ctx.idx.text();
    let raw = text.get(span.start..span.end).unwrap_or_default();
    let (Some(first), Some(last)) = (raw.find('\n'), raw.rfind('\n')) else {
        return Err("the heredoc `body` is empty".into());
    };
    let start = span.start + first + 1;
    let content = text.get(start..span.start + last + 1).unwrap_or_default();
    if content.contains("${") || content.contains("%{") {
        return Err(
            "the heredoc `body` has template interpolations; give the definition with `--api`"
                .into(),
        );
    }
    let idx = LineIndex::new(content);
    let parsed = if content.trim_start().starts_with('{') {
        json::parse_tree(content, &idx)
    } else {
        yaml::parse_tree(content, &idx)
    };
    let tree = parsed.map_err(|e| format!("the heredoc `body` does not parse: {e}"))?;
    let mut read = Api::default();
    openapi::read(&tree.root, path, &mut read);
    let (line, _) = ctx.idx.line_col(start);
    read.shift(Offset {
        bytes: start,
        lines: line - 1,
    });
    Ok(read)
}

/// An HCL expression as a tree; what cannot be evaluated becomes a one-entry map under
/// [`EXPRESSION_KEY`] holding the expression's text.
fn to_node(ctx: &Ctx, expr: &Expression, depth: usize) -> Node<'static> {
    let span = ctx.span_of(expr);
    let node = |kind| Node { kind, span };
    let unknown = || {
        node(NodeKind::Map(vec![Entry {
            key: Cow::Borrowed(EXPRESSION_KEY),
            key_span: span,
            value: Node {
                kind: NodeKind::Str(Cow::Owned(ctx.text_of(expr).to_string())),
                span,
            },
        }]))
    };
    if depth > MAX_DEPTH {
        return unknown();
    }
    match expr {
        Expression::Null(_) => node(NodeKind::Null),
        Expression::Bool(b) => node(NodeKind::Bool(*b.value())),
        Expression::Number(n) => node(NodeKind::Number(Cow::Owned(n.value().to_string()))),
        Expression::String(s) => node(NodeKind::Str(Cow::Owned(s.value().to_string()))),
        Expression::Array(items) => node(NodeKind::Seq(
            items.iter().map(|i| to_node(ctx, i, depth + 1)).collect(),
        )),
        Expression::Object(object) => {
            let mut entries = Vec::new();
            for (key, value) in object.iter() {
                let (key, key_span) = match key {
                    ObjectKey::Ident(i) => (i.as_str().to_string(), ctx.span_of(i)),
                    ObjectKey::Expression(Expression::String(s)) => {
                        (s.value().to_string(), ctx.span_of(s))
                    }
                    ObjectKey::Expression(_) => return unknown(),
                };
                entries.push(Entry {
                    key: Cow::Owned(key),
                    key_span,
                    value: to_node(ctx, value.expr(), depth + 1),
                });
            }
            node(NodeKind::Map(entries))
        }
        Expression::Parenthesis(p) => to_node(ctx, p.inner(), depth + 1),
        _ => match ctx
            .literal(expr, depth + 1)
            .and_then(super::lit::Lit::into_string)
        {
            Some(s) => node(NodeKind::Str(Cow::Owned(s))),
            None => unknown(),
        },
    }
}

/// The REST resources of the file: each one's API, parent and path part.
struct RestTree {
    resources: HashMap<String, (Option<String>, Parent, Field<String>)>,
}

enum Parent {
    Root,
    Resource(String),
    Unknown(Unknown),
}

impl RestTree {
    fn new(resources: &[Resource]) -> Self {
        let mut tree = HashMap::new();
        for (ctx, _, address, b) in resources
            .iter()
            .filter(|(_, t, ..)| *t == "aws_api_gateway_resource")
        {
            let at = loc(ctx, b, address);
            let body = &b.body;
            let parent = match attr(body, "parent_id") {
                Some(expr) => match reference(expr) {
                    Some((_, attribute)) if attribute == "root_resource_id" => Parent::Root,
                    Some((r, _)) if r.starts_with("aws_api_gateway_resource.") => {
                        Parent::Resource(r)
                    }
                    _ => Parent::Unknown(Unknown::Expression(super::normalize::normalize(
                        ctx.text_of(expr),
                    ))),
                },
                None => Parent::Unknown(Unknown::Expression("`parent_id` is not set".into())),
            };
            tree.insert(
                address.clone(),
                (
                    api_of(body, "rest_api_id"),
                    parent,
                    ctx.string(body, "path_part", &at),
                ),
            );
        }
        Self { resources: tree }
    }

    /// The full path of resource `address`, placed at `span`/`path`.
    fn path(&self, address: &str, at: &Field<()>) -> Field<String> {
        let unknown = |why| Field::unknown(why, at.span, at.path.clone());
        let mut parts = Vec::new();
        let mut current = address;
        for _ in 0..=self.resources.len() {
            let Some((_, parent, part)) = self.resources.get(current) else {
                return unknown(Unknown::Expression(format!(
                    "`{current}` is not in this module"
                )));
            };
            let Some(part) = part.get() else {
                return unknown(Unknown::Expression(format!(
                    "the `path_part` of `{current}` is not known"
                )));
            };
            parts.push(part.as_str());
            match parent {
                Parent::Root => {
                    parts.reverse();
                    return Field::known(format!("/{}", parts.join("/")), at.span, at.path.clone());
                }
                Parent::Resource(p) => current = p,
                Parent::Unknown(why) => return unknown(why.clone()),
            }
        }
        unknown(Unknown::Expression("the resource tree has a cycle".into()))
    }
}

/// Stages, methods, routes, authorizers, domains, mappings and function URLs.
fn child(ctx: &Ctx, rtype: &str, address: &str, b: &Block, tree: &RestTree, model: &mut ApiModel) {
    let at = loc(ctx, b, address);
    let body = &b.body;
    let api_key = if rtype.starts_with("aws_apigatewayv2_") {
        "api_id"
    } else {
        "rest_api_id"
    };
    let api = |model: &mut ApiModel| {
        let name = api_of(body, api_key)?;
        model.apis.iter_mut().position(|a| a.name == name)
    };
    match rtype {
        "aws_api_gateway_stage" | "aws_api_gateway_deployment" | "aws_apigatewayv2_stage" => {
            let key = if rtype == "aws_apigatewayv2_stage" {
                "name"
            } else {
                "stage_name"
            };
            let stage_name = ctx.string(body, key, &at);
            if rtype == "aws_api_gateway_deployment" && !stage_name.is_present() {
                return;
            }
            if let Some(i) = api(model) {
                model.apis[i].stages.push(Stage {
                    name: address.to_string(),
                    span: at.span,
                    path: at.path.as_str().into(),
                    stage_name,
                    auto_deploy: ctx.boolean(body, "auto_deploy", &at),
                });
            }
        }
        "aws_api_gateway_method" => {
            let route = rest_method(ctx, body, &at, address, tree);
            if let Some(i) = api(model) {
                model.apis[i].routes.push(route);
            }
        }
        "aws_api_gateway_integration" => integration(ctx, body, &at, model),
        "aws_apigatewayv2_route" => {
            let Some(i) = api(model) else { return };
            let raw = ctx.string(body, "route_key", &at);
            let websocket = model.apis[i].kind == ApiKind::WebSocket;
            let key = match &raw.val {
                Val::Known(k) => route_key(k, &raw, websocket),
                Val::Unknown(why) => Field::unknown(why.clone(), raw.span, raw.path.clone()),
                Val::Absent => Field::unknown(
                    Unknown::Expression("`route_key` is not set".into()),
                    raw.span,
                    raw.path.clone(),
                ),
            };
            model.apis[i].routes.push(Route {
                name: address.to_string(),
                span: at.span,
                path: at.path.as_str().into(),
                key,
                authorization: convert(ctx.string(body, "authorization_type", &at), |s| {
                    Authorization::parse(&s)
                }),
                authorizer: resource_field(ctx, body, "authorizer_id", &at),
                authorization_scopes: ctx.list(body, "authorization_scopes", &at),
                api_key_required: ctx.boolean(body, "api_key_required", &at),
                integration: at.absent(),
            });
        }
        "aws_api_gateway_authorizer" | "aws_apigatewayv2_authorizer" => {
            let Some(i) = api(model) else { return };
            let v2 = rtype == "aws_apigatewayv2_authorizer";
            model.apis[i]
                .authorizers
                .push(authorizer(ctx, body, &at, address, v2));
        }
        "aws_api_gateway_domain_name" | "aws_apigatewayv2_domain_name" => {
            let domain = domain_name(ctx, body, &at, address, rtype);
            model.domains.push(domain);
        }
        "aws_apigatewayv2_routing_rule" => {
            let rule = routing_rule(ctx, body, &at, model);
            model.routing_rules.push(rule);
        }
        "aws_api_gateway_base_path_mapping" | "aws_apigatewayv2_api_mapping" => {
            let v2 = rtype == "aws_apigatewayv2_api_mapping";
            let mapping = mapping(ctx, body, &at, address, v2, model);
            model.mappings.push(mapping);
        }
        "aws_lambda_function_url" => {
            let cors = block(body, "cors").map(|c| cors(ctx, c, &at.child(ctx, c, "cors")));
            model.function_urls.push(FunctionUrl {
                name: address.to_string(),
                span: at.span,
                path: at.path.as_str().into(),
                auth_type: ctx.string(body, "authorization_type", &at),
                invoke_mode: ctx.string(body, "invoke_mode", &at),
                cors,
            });
        }
        _ => {}
    }
}

/// A REST method (`aws_api_gateway_method`) as a route: its path from the resource tree.
fn rest_method(ctx: &Ctx, body: &Body, at: &Loc, address: &str, tree: &RestTree) -> Route {
    let method = ctx.string(body, "http_method", at);
    let resource_at = Field {
        val: Val::<()>::Absent,
        span: attr(body, "resource_id").map_or(at.span, |e| ctx.span_of(e)),
        path: at.key("resource_id").into(),
    };
    let resource_path = match attr(body, "resource_id").and_then(reference) {
        Some((_, attribute)) if attribute == "root_resource_id" => {
            Field::known("/".to_string(), resource_at.span, resource_at.path.clone())
        }
        Some((r, _)) => tree.path(&r, &resource_at),
        None => Field::unknown(
            Unknown::Expression("`resource_id` names no resource of this file".into()),
            resource_at.span,
            resource_at.path.clone(),
        ),
    };
    let key = match (&resource_path.val, &method.val) {
        (Val::Known(path), Val::Known(m)) => Field::known(
            RouteKey::Http {
                method: m.to_ascii_uppercase(),
                path: path.clone(),
            },
            method.span,
            method.path.clone(),
        ),
        (Val::Unknown(why), _) => {
            Field::unknown(why.clone(), resource_path.span, resource_path.path.clone())
        }
        _ => Field::unknown(
            Unknown::Expression("`http_method` is not known".into()),
            method.span,
            method.path.clone(),
        ),
    };
    Route {
        name: address.to_string(),
        span: at.span,
        path: at.path.as_str().into(),
        key,
        authorization: convert(ctx.string(body, "authorization", at), |s| {
            Authorization::parse(&s)
        }),
        authorizer: resource_field(ctx, body, "authorizer_id", at),
        authorization_scopes: ctx.list(body, "authorization_scopes", at),
        api_key_required: ctx.boolean(body, "api_key_required", at),
        integration: at.absent(),
    }
}

/// A REST (`aws_api_gateway_authorizer`) or HTTP/WebSocket (`aws_apigatewayv2_authorizer`)
/// authorizer, its type and identity sources.
fn authorizer(ctx: &Ctx, body: &Body, at: &Loc, address: &str, v2: bool) -> Authorizer {
    let kind = ctx.string(body, if v2 { "authorizer_type" } else { "type" }, at);
    let kind = match (&kind.val, v2) {
        // The provider's default for REST authorizers.
        (Val::Absent, false) => Field::known(AuthorizerKind::Token, at.span, at.path.clone()),
        (Val::Known(k), _) => match AuthorizerKind::parse(k) {
            Some(parsed) => Field::known(parsed, kind.span, kind.path.clone()),
            None => Field::unknown(
                Unknown::Expression(format!("`{k}` is not an authorizer type")),
                kind.span,
                kind.path.clone(),
            ),
        },
        (Val::Unknown(why), _) => Field::unknown(why.clone(), kind.span, kind.path.clone()),
        (Val::Absent, true) => Field::unknown(
            Unknown::Expression("`authorizer_type` is not set".into()),
            at.span,
            at.path.clone(),
        ),
    };
    let identity_sources = if v2 {
        openapi::identity_list(&ctx.list(body, "identity_sources", at))
    } else {
        identity(
            ctx,
            body,
            "identity_source",
            at,
            Some("method.request.header.Authorization"),
        )
    };
    Authorizer {
        name: address.to_string(),
        span: at.span,
        path: at.path.as_str().into(),
        display_name: ctx.string(body, "name", at),
        kind,
        identity_sources,
        result_ttl: ctx.int(body, "authorizer_result_ttl_in_seconds", at),
    }
}

/// A REST or HTTP API custom domain name with its endpoint types.
fn domain_name(ctx: &Ctx, body: &Body, at: &Loc, address: &str, rtype: &str) -> DomainName {
    let endpoint_types = if rtype == "aws_api_gateway_domain_name" {
        match block(body, "endpoint_configuration") {
            Some(e) => ctx.list(
                &e.body,
                "types",
                &at.child(ctx, e, "endpoint_configuration"),
            ),
            None => at.absent(),
        }
    } else {
        match block(body, "domain_name_configuration") {
            Some(c) => {
                let t = ctx.string(
                    &c.body,
                    "endpoint_type",
                    &at.child(ctx, c, "domain_name_configuration"),
                );
                let (span, path) = (t.span, t.path.clone());
                Field::known(vec![t], span, path)
            }
            None => at.absent(),
        }
    };
    DomainName {
        name: address.to_string(),
        span: at.span,
        path: at.path.as_str().into(),
        domain_name: ctx.string(body, "domain_name", at),
        endpoint_types,
        routing_mode: ctx.string(body, "routing_mode", at),
    }
}

/// The custom domain `domain_name` names: the domain resource it refers to (when it does) and
/// the domain's name, read from that resource when the file has it.
fn domain_of(
    ctx: &Ctx,
    body: &Body,
    at: &Loc,
    model: &ApiModel,
) -> (Option<String>, Field<String>) {
    let domain_ref = attr(body, "domain_name")
        .and_then(reference)
        .map(|(r, _)| r)
        .filter(|r| DOMAIN_TYPES.iter().any(|t| r.starts_with(&format!("{t}."))));
    let domain_name = match &domain_ref {
        Some(r) => model.domains.iter().find(|d| &d.name == r).map_or_else(
            || ctx.string(body, "domain_name", at),
            |d| d.domain_name.clone(),
        ),
        None => ctx.string(body, "domain_name", at),
    };
    (domain_ref, domain_name)
}

/// A base path mapping (REST) or API mapping (HTTP): the domain, API, stage and base path it
/// joins.
fn mapping(ctx: &Ctx, body: &Body, at: &Loc, address: &str, v2: bool, model: &ApiModel) -> Mapping {
    let (domain_ref, domain_name) = domain_of(ctx, body, at, model);
    Mapping {
        name: address.to_string(),
        span: at.span,
        path: at.path.as_str().into(),
        domain_name,
        domain_ref,
        api_ref: api_of(body, "api_id"),
        stage: stage_of(
            ctx,
            body,
            if v2 { "stage" } else { "stage_name" },
            at,
            model,
        ),
        base_path: ctx.string(body, if v2 { "api_mapping_key" } else { "base_path" }, at),
    }
}

/// The stage a mapping names: a literal, or a stage resource of the file.
fn stage_of(ctx: &Ctx, body: &Body, key: &str, at: &Loc, model: &ApiModel) -> Field<String> {
    let literal = ctx.string(body, key, at);
    if literal.get().is_some() {
        return literal;
    }
    let stage = attr(body, key)
        .and_then(reference)
        .and_then(|(address, _)| {
            model
                .apis
                .iter()
                .flat_map(|a| &a.stages)
                .find(|s| s.name == address)
        });
    match stage {
        Some(s) => Field {
            val: s.stage_name.val.clone(),
            span: literal.span,
            path: literal.path,
        },
        None => literal,
    }
}

/// `aws_apigatewayv2_routing_rule`: the domain (`domain_name`, a name, not an ARN), priority,
/// `condition` blocks and the `action { invoke_api { … } }`.
fn routing_rule(ctx: &Ctx, body: &Body, at: &Loc, model: &ApiModel) -> RoutingRule {
    let (domain_ref, domain_name) = domain_of(ctx, body, at, model);
    let conditions = body
        .get_blocks("condition")
        .enumerate()
        .map(|(i, c)| {
            let c_at = at.item(ctx, c, "condition", i);
            let test = if let Some(h) = block(&c.body, "match_headers") {
                let h_at = c_at.child(ctx, h, "match_headers");
                ConditionTest::Headers(
                    h.body
                        .get_blocks("any_of")
                        .enumerate()
                        .map(|(j, a)| {
                            let a_at = h_at.item(ctx, a, "any_of", j);
                            HeaderMatch {
                                header: ctx.string(&a.body, "header", &a_at),
                                value_glob: ctx.string(&a.body, "value_glob", &a_at),
                            }
                        })
                        .collect(),
                )
            } else if let Some(p) = block(&c.body, "match_base_paths") {
                ConditionTest::BasePaths(ctx.list(
                    &p.body,
                    "any_of",
                    &c_at.child(ctx, p, "match_base_paths"),
                ))
            } else {
                ConditionTest::Unknown
            };
            RoutingCondition {
                span: c_at.span,
                path: c_at.path.into(),
                test,
            }
        })
        .collect();
    let invoke = block(body, "action").and_then(|a| {
        let a_at = at.child(ctx, a, "action");
        block(&a.body, "invoke_api").map(|i| (i, a_at.child(ctx, i, "invoke_api")))
    });
    let text = |key| match &invoke {
        Some((i, i_at)) => ctx.string(&i.body, key, i_at),
        None => at.absent(),
    };
    RoutingRule {
        name: at.path.clone(),
        span: at.span,
        path: at.path.as_str().into(),
        domain_ref,
        domain_name,
        priority: ctx.int(body, "priority", at),
        conditions: Field::known(conditions, at.span, at.key("condition")),
        api_ref: invoke.as_ref().and_then(|(i, _)| api_of(&i.body, "api_id")),
        api_id: text("api_id"),
        stage: text("stage"),
        strip_base_path: match &invoke {
            Some((i, i_at)) => ctx.boolean(&i.body, "strip_base_path", i_at),
            None => at.absent(),
        },
    }
}

/// `aws_api_gateway_integration`: the integration type of the method it belongs to, and its
/// streaming settings.
fn integration(ctx: &Ctx, body: &Body, at: &Loc, model: &mut ApiModel) {
    model.integrations.push(Integration {
        name: at.path.clone(),
        span: at.span,
        path: at.path.as_str().into(),
        api: api_of(body, "rest_api_id"),
        kind: convert(ctx.string(body, "type", at), |s| s.to_ascii_uppercase()),
        uri: attr(body, "uri").map(|e| match ctx.string(body, "uri", at).val {
            Val::Known(u) => u,
            _ => ctx.text_of(e).trim_matches('"').to_string(),
        }),
        timeout_ms: ctx.int(body, "timeout_milliseconds", at),
        response_transfer_mode: ctx.string(body, "response_transfer_mode", at),
    });
    let method = attr(body, "http_method")
        .and_then(reference)
        .map(|(r, _)| r);
    let Some(method) = method.filter(|m| m.starts_with("aws_api_gateway_method.")) else {
        return;
    };
    let kind = convert(ctx.string(body, "type", at), |s| s.to_ascii_uppercase());
    let route = model
        .apis
        .iter_mut()
        .flat_map(|a| a.routes.iter_mut())
        .find(|r| r.name == method);
    if let Some(route) = route {
        route.integration = kind;
    }
}

/// Routes and stages the file (or the module's files: `input` says which) does not show.
fn unknown_parts(api: &mut Api, input: &str) {
    let (span, path) = (api.span, api.path.clone());
    if api.routes.is_empty() && api.resources.is_empty() && api.knows(Part::Routes) {
        let what = if api.kind == ApiKind::Rest {
            "method"
        } else {
            "route"
        };
        let reason = format!(
            "the {input} defines no {what} of `{}`; they may be defined elsewhere",
            api.name
        );
        api.gap(Part::Routes, reason, span, &path);
    }
    if api.stages.is_empty() {
        let reason = format!("the {input} defines no stage of `{}`", api.name);
        api.gap(Part::Stages, reason, span, &path);
    }
}

/// Origins whose `domain_name` refers to a custom domain resource of the file.
fn origin_domains(resources: &[Resource], model: &mut ApiModel) {
    let domains: Vec<&str> = resources
        .iter()
        .filter(|(_, t, ..)| DOMAIN_TYPES.contains(t))
        .map(|(_, _, a, _)| a.as_str())
        .collect();
    if domains.is_empty() {
        return;
    }
    let distributions = resources.iter().filter(|(_, t, ..)| {
        matches!(
            *t,
            "aws_cloudfront_distribution" | "aws_cloudfront_multitenant_distribution"
        )
    });
    for (ctx, _, address, b) in distributions {
        for (i, origin) in b.body.get_blocks("origin").enumerate() {
            let Some(host) = attr(&origin.body, "domain_name") else {
                continue;
            };
            let text = ctx.text_of(host);
            if let Some(domain) = domains.iter().find(|d| mentions(text, d)) {
                model.origin_domains.push(OriginDomain {
                    origin_path: format!("{address}.origin[{i}]"),
                    domain: domain.to_string(),
                });
            }
        }
    }
}

/// True when `text` refers to `address` (not to a longer name that starts with it).
fn mentions(text: &str, address: &str) -> bool {
    text.match_indices(address).any(|(i, _)| {
        let after = text[i + address.len()..].chars().next();
        !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    })
}
