//! The API model of a CloudFormation template (also `cdk synth` output and SAM).
//!
//! Reads `AWS::ApiGateway::RestApi` (with an inline OpenAPI `Body`), `Resource`, `Method`,
//! `Authorizer`, `Stage`, `Deployment`, `DomainName`, `BasePathMapping`;
//! `AWS::ApiGatewayV2::Api` (protocol, `CorsConfiguration`, quick create, `Body`), `Route`,
//! `Authorizer`, `Stage`, `DomainName`, `ApiMapping`; `AWS::Lambda::Url`; SAM
//! `AWS::Serverless::Api` / `HttpApi` (`StageName`, `Auth`, `Cors`, `DefinitionBody`, `Domain`,
//! with `Globals`) and the `Api` / `HttpApi` events and `FunctionUrlConfig` of
//! `AWS::Serverless::Function`, with the implicit `ServerlessRestApi` (stages `Prod` and
//! `Stage`) and `ServerlessHttpApi` (stage `$default`).

mod sam;

use super::api_tree::{self, convert};
use super::cfn_resources::Resource;
use super::intrinsics::{Template, API_TYPES};
use super::openapi;
use super::reader::{Obj, Reader};
use super::resolve::{Evaluated, State, Target};
use crate::api::{
    Api, ApiModel, Authorization, Authorizer, AuthorizerKind, ConditionTest, Cors, DomainName,
    FunctionUrl, HeaderMatch, IdentitySource, Integration, Mapping, OriginDomain, Part, Route,
    RouteKey, RoutingCondition, RoutingRule, Stage,
};
use crate::model::{self, ApiKind, Document};
use crate::tree::{Node, NodeKind};
use crate::value::{Field, FieldPath, Unknown, Val};
use std::collections::HashMap;

/// Reads the API model of a template whose resources are `resources` into `doc`, and adds the
/// stages to the document's flat list as well.
pub(crate) fn read<'n>(
    r: &mut Reader,
    template: &Template,
    root: &'n Node<'n>,
    resources: &[Resource<'_, 'n>],
    doc: &mut Document,
) {
    let mut b = Builder {
        model: ApiModel::default(),
        sam: sam::Sam::new(root, resources),
        rest_resources: HashMap::new(),
        index: HashMap::new(),
        stages: Vec::new(),
    };
    for res in resources {
        b.api(r, res);
    }
    b.sam.implicit_apis(r, resources, &mut b.model);
    b.index = b
        .model
        .apis
        .iter()
        .enumerate()
        .map(|(i, a)| (a.name.clone(), i))
        .collect();
    for res in resources
        .iter()
        .filter(|res| res.kind == "AWS::ApiGateway::Resource")
    {
        b.rest_resource(r, template, res);
    }
    for res in resources {
        b.child(r, template, res);
    }
    b.sam.preflight_routes(&mut b.model);
    b.finish(r, template, resources);
    doc.api_model = b.model;
    doc.stages.append(&mut b.stages);
}

/// An `AWS::ApiGateway::Resource`: its API, parent and path part.
struct RestResource {
    api: Option<String>,
    parent: Parent,
    part: Field<String>,
    /// Its full path, once worked out.
    full: Option<Result<String, Unknown>>,
}

/// The parent of a REST resource.
enum Parent {
    /// The API's root resource (`!GetAtt Api.RootResourceId`).
    Root,
    Resource(String),
    Unknown(Unknown),
}

struct Builder<'n> {
    model: ApiModel,
    sam: sam::Sam<'n>,
    rest_resources: HashMap<String, RestResource>,
    /// The index of each API in `model.apis` by name, once every API is read.
    index: HashMap<String, usize>,
    /// Every stage for [`Document::stages`], those of APIs the template does not define
    /// included.
    stages: Vec<model::Stage>,
}

/// The first sibling API a value refers to.
pub(super) fn api_ref(value: &Evaluated) -> Option<String> {
    value
        .refs
        .iter()
        .find(|x| x.target == Target::Api)
        .map(|x| x.id.clone())
}

/// The resource a node refers to when it is written as `Ref X` or `Fn::GetAtt X.Attr` (or
/// `[X, Attr]`), with the attribute; read without evaluating anything.
fn direct_ref<'n>(node: &'n Node<'n>) -> Option<(&'n str, Option<&'n str>)> {
    let [entry] = node.as_map()? else {
        return None;
    };
    match entry.key.as_ref() {
        "Ref" => Some((entry.value.as_str()?, None)),
        "Fn::GetAtt" => match (entry.value.as_str(), entry.value.as_seq()) {
            (Some(text), _) => text.split_once('.').map(|(id, attr)| (id, Some(attr))),
            (_, Some([id, attr])) => Some((id.as_str()?, Some(attr.as_str()?))),
            _ => None,
        },
        _ => None,
    }
}

/// True when resource `id` of the template is an API.
fn is_api(template: &Template, id: &str) -> bool {
    template
        .resource_type(id)
        .is_some_and(|t| API_TYPES.contains(&t))
}

/// The API a property (`RestApiId`, `ApiId`) refers to.
fn api_named(r: &Reader, template: &Template, p: &Obj, key: &'static str) -> Option<String> {
    match p.get(key).and_then(direct_ref) {
        Some((id, _)) => is_api(template, id).then(|| id.to_string()),
        None => api_ref(&r.value(p, key).1),
    }
}

/// The field of a property that is not set, when `p` is a plain object (as the reader makes it).
fn unset<T>(p: &Obj, key: &'static str) -> Option<Field<T>> {
    (p.unknown.is_none() && p.get(key).is_none()).then(|| Field::absent(p.span, p.path.clone()))
}

/// A string property: a literal string is taken as written, anything else is evaluated.
fn text(r: &Reader, p: &Obj, key: &'static str) -> Field<String> {
    match p.get(key).map(|n| (&n.kind, n.span)) {
        Some((NodeKind::Str(s), span)) if !s.contains("{{resolve:") => {
            Field::known(s.to_string(), span, r.join(&p.path, key))
        }
        _ => unset(p, key).unwrap_or_else(|| r.str(p, key)),
    }
}

/// A boolean property: a literal is taken as written, anything else is evaluated.
fn flag(r: &Reader, p: &Obj, key: &'static str) -> Field<bool> {
    match p.get(key).map(|n| (&n.kind, n.span)) {
        Some((NodeKind::Bool(b), span)) => Field::known(*b, span, r.join(&p.path, key)),
        _ => unset(p, key).unwrap_or_else(|| r.bool(p, key)),
    }
}

/// A list property.
fn list(r: &mut Reader, p: &Obj, key: &'static str) -> crate::value::List {
    unset(p, key).unwrap_or_else(|| r.list(p, key))
}

/// A text in upper case (method names, integration types), converted in place.
fn upper(mut s: String) -> String {
    s.make_ascii_uppercase();
    s
}

/// A method's `Integration.Type`, upper case.
fn integration_type(r: &Reader, integration: &Obj) -> Field<String> {
    convert(text(r, integration, "Type"), upper)
}

/// A field for a value that must be set: unknown (with `why`) unless known.
fn required<T, U>(f: &Field<T>, why: impl FnOnce() -> Unknown) -> Field<U> {
    let why = match &f.val {
        Val::Unknown(w) => w.clone(),
        _ => why(),
    };
    Field::unknown(why, f.span, f.path.clone())
}

/// A field that refers to a resource of the template (`AuthorizerId: !Ref Auth`): the resource's
/// logical id; a literal or an expression that names none is unknown.
fn reference(r: &Reader, p: &Obj, key: &'static str) -> Field<String> {
    if let Some(field) = unset(p, key) {
        return field;
    }
    if let Some(node) = p.get(key) {
        if let Some((id, _)) = direct_ref(node) {
            return Field::known(id.to_string(), node.span, r.join(&p.path, key));
        }
    }
    let (at, value) = r.value(p, key);
    match (value.refs.first(), &value.state) {
        (Some(x), _) => Field::known(x.id.clone(), at.span, at.path),
        (None, State::Absent) => Field::absent(at.span, at.path),
        (None, State::Text(t)) => Field::unknown(
            Unknown::Expression(format!("`{t}` is not a resource of this template")),
            at.span,
            at.path,
        ),
        (None, _) => Field::unknown(Unknown::Intrinsic(key.into()), at.span, at.path),
    }
}

/// Identity sources: a comma-separated string (REST) or a list (HTTP API).
fn identity(r: &mut Reader, p: &Obj, key: &'static str) -> Field<Vec<Field<IdentitySource>>> {
    let text = r.str(p, key);
    if let Some(s) = text.get() {
        let items = s
            .split(',')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(|part| Field::known(part.to_string(), text.span, text.path.clone()))
            .collect();
        return openapi::identity_list(&Field::known(items, text.span, text.path.clone()));
    }
    openapi::identity_list(&r.list(p, key))
}

/// A CORS configuration in PascalCase (`CorsConfiguration`, Lambda URL `Cors`).
pub(super) fn cors(r: &mut Reader, c: &Obj) -> Cors {
    Cors {
        span: c.span,
        path: c.path.clone(),
        allow_origins: r.list(c, "AllowOrigins"),
        allow_methods: r.list(c, "AllowMethods"),
        allow_headers: r.list(c, "AllowHeaders"),
        expose_headers: r.list(c, "ExposeHeaders"),
        allow_credentials: r.bool(c, "AllowCredentials"),
        max_age: r.i64(c, "MaxAge"),
    }
}

/// A new API named after a resource.
pub(super) fn new_api(name: &str, span: crate::span::Span, path: &str, kind: ApiKind) -> Api {
    Api {
        name: name.to_string(),
        span,
        path: path.into(),
        kind,
        api_id: Field::absent(span, path),
        ..Api::default()
    }
}

/// An inline OpenAPI definition (`Body`, `DefinitionBody`) or one kept elsewhere
/// (`BodyS3Location`, `DefinitionUri`): the routes, authorizers and CORS it holds.
pub(super) fn body(
    r: &Reader,
    p: &Obj,
    inline: &'static str,
    elsewhere: &'static str,
    api: &mut Api,
) {
    let unknown = |api: &mut Api, reason: String, span, path: &str| {
        for part in [Part::Routes, Part::Authorizers, Part::Cors] {
            api.gap(part, reason.clone(), span, path);
        }
    };
    if let Some(node) = p.get(inline) {
        let path = r.join(&p.path, inline);
        match api_tree::unknown_of(node) {
            Some(Unknown::Intrinsic(f)) if f == "Fn::Transform" => unknown(
                api,
                format!("the definition is included from elsewhere (`{inline}: Fn::Transform`)"),
                node.span,
                &path,
            ),
            Some(_) => unknown(
                api,
                format!("`{inline}` is an expression apifront cannot evaluate"),
                node.span,
                &path,
            ),
            None if node.as_map().is_some() => {
                let read = openapi::read(node, &path, api);
                if !api.title.is_present() {
                    api.title = read.title;
                }
            }
            None => unknown(
                api,
                format!("`{inline}` is not an object; give the definition with `--api`"),
                node.span,
                &path,
            ),
        }
    } else if let Some(node) = p.get(elsewhere) {
        unknown(
            api,
            format!("the definition is kept elsewhere (`{elsewhere}`); give it with `--api`"),
            node.span,
            &r.join(&p.path, elsewhere),
        );
    }
}

/// HTTP API quick create (`Target`): a `$default` stage that deploys automatically and one
/// route, `RouteKey` or `$default`.
fn quick_create(r: &Reader, p: &Obj, api: &mut Api) {
    let target = r.str(p, "Target");
    if !target.is_present() {
        return;
    }
    api.stages.push(Stage {
        name: api.name.clone(),
        span: target.span,
        path: target.path.clone(),
        stage_name: Field::known("$default".into(), target.span, target.path.clone()),
        auto_deploy: Field::known(true, target.span, target.path.clone()),
    });
    let raw = r.str(p, "RouteKey");
    let key = match &raw.val {
        Val::Absent => Field::known(RouteKey::Default, target.span, target.path.clone()),
        Val::Known(k) => match RouteKey::parse_http(k) {
            Some(key) => Field::known(key, raw.span, raw.path.clone()),
            None => required(&raw, || {
                Unknown::Expression(format!("`{k}` is not a route key"))
            }),
        },
        Val::Unknown(_) => required(&raw, || Unknown::Intrinsic("RouteKey".into())),
    };
    api.routes.push(Route {
        name: api.name.clone(),
        span: target.span,
        path: target.path.clone(),
        key,
        authorization: Field::absent(target.span, target.path.clone()),
        authorizer: Field::absent(target.span, target.path.clone()),
        authorization_scopes: Field::absent(target.span, target.path.clone()),
        api_key_required: Field::absent(target.span, target.path.clone()),
        integration: Field::absent(target.span, target.path.clone()),
    });
}

/// `AWS::ApiGatewayV2::RoutingRule`: the domain (`DomainNameArn`, usually
/// `!GetAtt Domain.DomainNameArn`), priority, conditions and its one `InvokeApi` action.
fn routing_rule(
    r: &mut Reader,
    template: &Template,
    p: &Obj,
    name: String,
    span: crate::span::Span,
    path: FieldPath,
) -> RoutingRule {
    let (domain_name, domain) = r.str_value(p, "DomainNameArn");
    let domain_ref = domain
        .refs
        .iter()
        .find(|x| is_domain(template, &x.id))
        .map(|x| x.id.clone());
    let (at, value) = r.value(p, "Conditions");
    let listed = r.objects(p, "Conditions");
    let conditions = match (&value.state, listed.iter().any(|c| c.map.is_none())) {
        (State::Absent, _) => Field::known(Vec::new(), at.span, at.path),
        (_, true) => Field::unknown(
            Unknown::Expression("the conditions are an expression".into()),
            at.span,
            at.path,
        ),
        _ => {
            let items = listed
                .iter()
                .map(|c| {
                    let headers = r.obj(c, "MatchHeaders");
                    let paths = r.obj(c, "MatchBasePaths");
                    let test = if headers.map.is_some() {
                        ConditionTest::Headers(
                            r.objects(&headers, "AnyOf")
                                .iter()
                                .map(|h| HeaderMatch {
                                    header: r.str(h, "Header"),
                                    value_glob: r.str(h, "ValueGlob"),
                                })
                                .collect(),
                        )
                    } else if paths.map.is_some() {
                        ConditionTest::BasePaths(r.list(&paths, "AnyOf"))
                    } else {
                        ConditionTest::Unknown
                    };
                    RoutingCondition {
                        span: c.span,
                        path: c.path.clone(),
                        test,
                    }
                })
                .collect();
            Field::known(items, at.span, at.path)
        }
    };
    let action = r.objects(p, "Actions").into_iter().next();
    let invoke = action.map(|a| r.obj(&a, "InvokeApi"));
    let field = |f: &dyn Fn(&Obj) -> Field<String>| match &invoke {
        Some(i) => f(i),
        None => Field::absent(p.span, &p.path),
    };
    RoutingRule {
        domain_ref,
        domain_name,
        priority: r.i64(p, "Priority"),
        conditions,
        api_ref: invoke
            .as_ref()
            .and_then(|i| api_named(r, template, i, "ApiId")),
        api_id: field(&|i| r.str(i, "ApiId")),
        stage: field(&|i| r.str(i, "Stage")),
        strip_base_path: match &invoke {
            Some(i) => r.bool(i, "StripBasePath"),
            None => Field::absent(p.span, &p.path),
        },
        name,
        span,
        path,
    }
}

fn is_domain(template: &Template, id: &str) -> bool {
    matches!(
        template.resource_type(id),
        Some("AWS::ApiGateway::DomainName" | "AWS::ApiGatewayV2::DomainName")
    )
}

impl<'n> Builder<'n> {
    fn api_mut(&mut self, name: &str) -> Option<&mut Api> {
        let i = *self.index.get(name)?;
        self.model.apis.get_mut(i)
    }

    /// The APIs themselves.
    fn api(&mut self, r: &mut Reader, res: &Resource<'_, 'n>) {
        let p = &res.props;
        match res.kind {
            "AWS::ApiGateway::RestApi" => {
                let mut api = new_api(res.id, res.span, &res.path, ApiKind::Rest);
                let endpoint = r.obj(p, "EndpointConfiguration");
                api.endpoint_types = r.list(&endpoint, "Types");
                api.disable_execute_api_endpoint = r.bool(p, "DisableExecuteApiEndpoint");
                api.api_key_source = r.str(p, "ApiKeySourceType");
                api.title = r.str(p, "Name");
                body(r, p, "Body", "BodyS3Location", &mut api);
                self.model.apis.push(api);
            }
            "AWS::ApiGatewayV2::Api" => {
                let protocol = r.str(p, "ProtocolType");
                let kind = match protocol.get().map(|s| s.to_ascii_uppercase()) {
                    Some(t) if t == "WEBSOCKET" => ApiKind::WebSocket,
                    Some(t) if t == "HTTP" => ApiKind::Http,
                    // Without `ProtocolType` the API comes from an OpenAPI body: an HTTP API.
                    None if !protocol.is_present() => ApiKind::Http,
                    _ => ApiKind::Unknown,
                };
                let mut api = new_api(res.id, res.span, &res.path, kind);
                api.disable_execute_api_endpoint = r.bool(p, "DisableExecuteApiEndpoint");
                api.route_selection_expression = r.str(p, "RouteSelectionExpression");
                api.title = r.str(p, "Name");
                let c = r.obj(p, "CorsConfiguration");
                if c.present() {
                    api.cors = Some(cors(r, &c));
                }
                body(r, p, "Body", "BodyS3Location", &mut api);
                quick_create(r, p, &mut api);
                self.model.apis.push(api);
            }
            "AWS::Serverless::Api" => {
                let api = self
                    .sam
                    .rest_api(r, res.id, res.span, &res.path, p, &mut self.model);
                self.model.apis.push(api);
            }
            "AWS::Serverless::HttpApi" => {
                let api = self
                    .sam
                    .http_api(r, res.id, res.span, &res.path, p, &mut self.model);
                self.model.apis.push(api);
            }
            _ => {}
        }
    }

    fn rest_resource(&mut self, r: &Reader, template: &Template, res: &Resource) {
        let p = &res.props;
        let parent = match p.get("ParentId").and_then(direct_ref) {
            Some((id, Some("RootResourceId"))) if is_api(template, id) => Parent::Root,
            Some((id, None)) => Parent::Resource(id.to_string()),
            _ => {
                let (_, parent) = r.value(p, "ParentId");
                match (api_ref(&parent), parent.refs.first()) {
                    (Some(_), _) => Parent::Root,
                    (None, Some(x)) => Parent::Resource(x.id.clone()),
                    (None, None) => Parent::Unknown(match parent.state {
                        State::Text(t) => Unknown::Expression(format!(
                            "parent `{t}` is not a resource of this template"
                        )),
                        _ => Unknown::Intrinsic("ParentId".into()),
                    }),
                }
            }
        };
        self.rest_resources.insert(
            res.id.to_string(),
            RestResource {
                api: api_named(r, template, p, "RestApiId"),
                parent,
                part: text(r, p, "PathPart"),
                full: None,
            },
        );
    }

    /// The full path of REST resource `id` (`/items/{id}`), and its API when `need_api`.
    fn resource_path(
        &mut self,
        id: &str,
        need_api: bool,
    ) -> (Result<String, Unknown>, Option<String>) {
        let Some(res) = self.rest_resources.get(id) else {
            let why = format!("`{id}` is not a resource of this template");
            return (Err(Unknown::Expression(why)), None);
        };
        let api = if need_api { res.api.clone() } else { None };
        if let Some(done) = &res.full {
            return (done.clone(), api);
        }
        let full = self.walk(id);
        if let Some(res) = self.rest_resources.get_mut(id) {
            res.full = Some(full.clone());
        }
        (full, api)
    }

    /// The path from resource `id` up to the root.
    fn walk(&self, id: &str) -> Result<String, Unknown> {
        let mut parts = Vec::new();
        let mut current = id;
        // A chain longer than the number of resources has a cycle.
        for _ in 0..=self.rest_resources.len() {
            let Some(res) = self.rest_resources.get(current) else {
                let why = format!("`{current}` is not a resource of this template");
                return Err(Unknown::Expression(why));
            };
            let Some(part) = res.part.get() else {
                let why = format!("the path part of resource `{current}` is not known");
                return Err(Unknown::Expression(why));
            };
            parts.push(part.as_str());
            match &res.parent {
                Parent::Root => {
                    let mut path = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
                    for part in parts.iter().rev() {
                        path.push('/');
                        path.push_str(part);
                    }
                    return Ok(path);
                }
                Parent::Resource(parent) => current = parent,
                Parent::Unknown(why) => return Err(why.clone()),
            }
        }
        Err(Unknown::Expression("the resource tree has a cycle".into()))
    }

    /// The path of the resource a method is on (`ResourceId`), and that resource's API when
    /// `need_api`.
    fn method_resource(
        &mut self,
        r: &Reader,
        template: &Template,
        p: &Obj,
        need_api: bool,
    ) -> (Result<String, Unknown>, Option<String>) {
        match p.get("ResourceId").and_then(direct_ref) {
            Some((id, Some("RootResourceId"))) if is_api(template, id) => {
                (Ok("/".to_string()), Some(id.to_string()))
            }
            Some((id, None)) if self.rest_resources.contains_key(id) => {
                self.resource_path(id, need_api)
            }
            _ => {
                let (_, resource) = r.value(p, "ResourceId");
                match (api_ref(&resource), resource.refs.first()) {
                    (Some(api), _) => (Ok("/".to_string()), Some(api)),
                    (None, Some(x)) => {
                        let id = x.id.clone();
                        self.resource_path(&id, need_api)
                    }
                    (None, None) => (Err(Unknown::Intrinsic("ResourceId".into())), None),
                }
            }
        }
    }

    /// Stages, methods, routes, authorizers, domains, mappings and function URLs.
    fn child(&mut self, r: &mut Reader, template: &Template, res: &Resource) {
        match res.kind {
            "AWS::ApiGateway::Stage"
            | "AWS::ApiGateway::Deployment"
            | "AWS::ApiGatewayV2::Stage" => self.stage(r, template, res),
            "AWS::ApiGateway::Method" => self.rest_method(r, template, res),
            "AWS::ApiGatewayV2::Route" => self.v2_route(r, template, res),
            "AWS::ApiGateway::Authorizer" | "AWS::ApiGatewayV2::Authorizer" => {
                self.authorizer(r, template, res)
            }
            "AWS::ApiGateway::DomainName" | "AWS::ApiGatewayV2::DomainName" => {
                self.domain_name(r, res)
            }
            "AWS::ApiGatewayV2::RoutingRule" => {
                let (name, span, path) = (res.id.to_string(), res.span, res.path.clone());
                let rule = routing_rule(r, template, &res.props, name, span, path);
                self.model.routing_rules.push(rule);
            }
            "AWS::ApiGateway::BasePathMapping" | "AWS::ApiGatewayV2::ApiMapping" => {
                self.mapping(r, template, res)
            }
            "AWS::Lambda::Url" => self.function_url(r, res),
            "AWS::Serverless::Function" => self.sam.function(r, res, &mut self.model),
            _ => {}
        }
    }

    /// A base path mapping (REST) or API mapping (HTTP): the domain, API, stage and base path it
    /// joins.
    fn mapping(&mut self, r: &mut Reader, template: &Template, res: &Resource) {
        let p = &res.props;
        let v2 = res.kind.starts_with("AWS::ApiGatewayV2::");
        let api_key = if v2 { "ApiId" } else { "RestApiId" };
        let (domain_name, domain) = r.str_value(p, "DomainName");
        let domain_ref = domain.refs.iter().find(|x| is_domain(template, &x.id));
        self.model.mappings.push(Mapping {
            name: res.id.to_string(),
            span: res.span,
            path: res.path.clone(),
            domain_name,
            domain_ref: domain_ref.map(|x| x.id.clone()),
            api_ref: api_named(r, template, p, api_key),
            stage: self.sam.mapping_stage(r, p, &self.model),
            base_path: r.str(p, if v2 { "ApiMappingKey" } else { "BasePath" }),
        });
    }

    /// A Lambda function URL: its auth type, invoke mode and CORS.
    fn function_url(&mut self, r: &mut Reader, res: &Resource) {
        let p = &res.props;
        let c = r.obj(p, "Cors");
        let cors = c.present().then(|| cors(r, &c));
        self.model.function_urls.push(FunctionUrl {
            name: res.id.to_string(),
            span: res.span,
            path: res.path.clone(),
            auth_type: r.str(p, "AuthType"),
            invoke_mode: r.str(p, "InvokeMode"),
            cors,
        });
    }

    /// A REST or HTTP API stage, or a REST deployment that names one.
    fn stage(&mut self, r: &mut Reader, template: &Template, res: &Resource) {
        let p = &res.props;
        let (name, span, path) = (res.id.to_string(), res.span, res.path.clone());
        let v2 = res.kind.starts_with("AWS::ApiGatewayV2::");
        let api_key = if v2 { "ApiId" } else { "RestApiId" };
        let stage_name = text(r, p, "StageName");
        // A deployment without a stage name creates no stage.
        if res.kind.ends_with("Deployment") && !stage_name.is_present() {
            return;
        }
        let api = api_named(r, template, p, api_key);
        self.stages.push(model::Stage {
            name: name.clone(),
            span,
            path: path.clone(),
            api_ref: api.clone(),
            stage_name: stage_name.clone(),
        });
        let stage = Stage {
            name,
            span,
            path,
            stage_name,
            auto_deploy: flag(r, p, "AutoDeploy"),
        };
        if let Some(api) = api.and_then(|a| self.api_mut(&a)) {
            api.stages.push(stage);
        }
    }

    /// A REST method as a route (its path from the resource tree) and its integration.
    fn rest_method(&mut self, r: &mut Reader, template: &Template, res: &Resource) {
        let p = &res.props;
        let (name, span, path) = (res.id.to_string(), res.span, res.path.clone());
        let api = api_named(r, template, p, "RestApiId");
        let (resource_path, api_of_resource) = self.method_resource(r, template, p, api.is_none());
        let method = text(r, p, "HttpMethod");
        let authorization = text(r, p, "AuthorizationType");
        let key = match (resource_path, method.val) {
            (Ok(path), Val::Known(m)) => Field::known(
                RouteKey::Http {
                    method: upper(m),
                    path,
                },
                method.span,
                method.path,
            ),
            (Ok(_), val) => required(
                &Field {
                    val,
                    span: method.span,
                    path: method.path,
                },
                || Unknown::Intrinsic("HttpMethod".into()),
            ),
            (Err(why), _) => {
                let span = p.get("ResourceId").map_or(p.span, |n| n.span);
                Field::unknown(why, span, r.join(&p.path, "ResourceId"))
            }
        };
        let integration = r.obj(p, "Integration");
        let kind = integration_type(r, &integration);
        let response_transfer_mode = r.str(&integration, "ResponseTransferMode");
        // Only a streaming integration's URI is ever looked at: skip evaluating the
        // others (a `Fn::Sub` per method of a large API).
        let uri = match response_transfer_mode.is_present() {
            true => r.value(&integration, "Uri").1.shape().map(str::to_string),
            false => None,
        };
        self.model.integrations.push(Integration {
            name: name.clone(),
            span,
            path: path.clone(),
            api: api.clone().or(api_of_resource.clone()),
            kind: kind.clone(),
            uri,
            timeout_ms: r.i64(&integration, "TimeoutInMillis"),
            response_transfer_mode,
        });
        let route = Route {
            integration: kind,
            ..route_of(r, p, (name, span, path), key, authorization)
        };
        if let Some(api) = api.or(api_of_resource).and_then(|a| self.api_mut(&a)) {
            api.routes.push(route);
        }
    }

    /// An HTTP or WebSocket API route.
    fn v2_route(&mut self, r: &mut Reader, template: &Template, res: &Resource) {
        let p = &res.props;
        let (name, span, path) = (res.id.to_string(), res.span, res.path.clone());
        let api = api_named(r, template, p, "ApiId");
        let authorization = text(r, p, "AuthorizationType");
        let Some(api) = api else {
            return;
        };
        let websocket = self
            .model
            .api(&api)
            .is_some_and(|a| a.kind == ApiKind::WebSocket);
        let raw = text(r, p, "RouteKey");
        let key = match &raw.val {
            Val::Known(k) if websocket => Field::known(
                RouteKey::WebSocket { key: k.clone() },
                raw.span,
                raw.path.clone(),
            ),
            Val::Known(k) => match RouteKey::parse_http(k) {
                Some(key) => Field::known(key, raw.span, raw.path.clone()),
                None => required(&raw, || {
                    Unknown::Expression(format!("`{k}` is not a route key"))
                }),
            },
            _ => required(&raw, || Unknown::Expression("`RouteKey` is not set".into())),
        };
        let route = route_of(r, p, (name, span, path), key, authorization);
        if let Some(api) = self.api_mut(&api) {
            api.routes.push(route);
        }
    }

    /// A REST or HTTP/WebSocket API authorizer, its type and identity sources.
    fn authorizer(&mut self, r: &mut Reader, template: &Template, res: &Resource) {
        let p = &res.props;
        let (name, span, path) = (res.id.to_string(), res.span, res.path.clone());
        let v2 = res.kind.starts_with("AWS::ApiGatewayV2::");
        let api_key = if v2 { "ApiId" } else { "RestApiId" };
        let kind = r.str(p, if v2 { "AuthorizerType" } else { "Type" });
        let kind = match &kind.val {
            Val::Known(k) => match AuthorizerKind::parse(k) {
                Some(parsed) => Field::known(parsed, kind.span, kind.path.clone()),
                None => required(&kind, || {
                    Unknown::Expression(format!("`{k}` is not an authorizer type"))
                }),
            },
            _ => required(&kind, || {
                Unknown::Expression("the authorizer type is not set".into())
            }),
        };
        let authorizer = Authorizer {
            name,
            span,
            path,
            display_name: r.str(p, "Name"),
            kind,
            identity_sources: identity(r, p, "IdentitySource"),
            result_ttl: r.i64(p, "AuthorizerResultTtlInSeconds"),
        };
        let api = api_named(r, template, p, api_key);
        if let Some(api) = api.and_then(|a| self.api_mut(&a)) {
            api.authorizers.push(authorizer);
        }
    }

    /// A custom domain name with its endpoint types.
    fn domain_name(&mut self, r: &mut Reader, res: &Resource) {
        let p = &res.props;
        let (name, span, path) = (res.id.to_string(), res.span, res.path.clone());
        let v2 = res.kind.starts_with("AWS::ApiGatewayV2::");
        let endpoint_types = if v2 {
            let configs = r.objects(p, "DomainNameConfigurations");
            let types = configs.iter().map(|c| r.str(c, "EndpointType")).collect();
            let at = r.value(p, "DomainNameConfigurations").0;
            Field::known(types, at.span, at.path)
        } else {
            let endpoint = r.obj(p, "EndpointConfiguration");
            r.list(&endpoint, "Types")
        };
        self.model.domains.push(DomainName {
            name,
            span,
            path,
            domain_name: r.str(p, "DomainName"),
            endpoint_types,
            routing_mode: r.str(p, "RoutingMode"),
        });
    }

    /// What the template does not show, and the origins whose host is a custom domain resource.
    fn finish(&mut self, r: &mut Reader, template: &Template, resources: &[Resource]) {
        for api in &mut self.model.apis {
            if api.routes.is_empty() && api.resources.is_empty() && api.knows(Part::Routes) {
                let what = if api.kind == ApiKind::Rest {
                    "method"
                } else {
                    "route"
                };
                let reason = format!(
                    "the template defines no {what} of API `{}`; they may be defined elsewhere",
                    api.name
                );
                let (span, path) = (api.span, api.path.clone());
                api.gap(Part::Routes, reason, span, &path);
            }
            if api.stages.is_empty() {
                let reason = format!("the template defines no stage of API `{}`", api.name);
                let (span, path) = (api.span, api.path.clone());
                api.gap(Part::Stages, reason, span, &path);
            }
        }
        if self.model.domains.is_empty() {
            return;
        }
        let distributions = resources
            .iter()
            .filter(|res| res.kind == "AWS::CloudFront::Distribution");
        for res in distributions {
            let cfg = r.obj(&res.props, "DistributionConfig");
            for origin in r.objects(&cfg, "Origins") {
                let (_, host) = r.value(&origin, "DomainName");
                if let Some(domain) = host.refs.iter().find(|x| is_domain(template, &x.id)) {
                    self.model.origin_domains.push(OriginDomain {
                        origin_path: origin.path.to_string(),
                        domain: domain.id.clone(),
                    });
                }
            }
        }
    }
}

/// A REST method's or HTTP/WebSocket route's route, with its authorization settings (its
/// integration absent, for the caller to set).
fn route_of(
    r: &mut Reader,
    p: &Obj,
    (name, span, path): (String, crate::span::Span, FieldPath),
    key: Field<RouteKey>,
    authorization: Field<String>,
) -> Route {
    Route {
        integration: Field::absent(span, &path),
        name,
        span,
        key,
        authorization: convert(authorization, |s| Authorization::parse(&s)),
        authorizer: reference(r, p, "AuthorizerId"),
        authorization_scopes: list(r, p, "AuthorizationScopes"),
        api_key_required: flag(r, p, "ApiKeyRequired"),
        path,
    }
}
