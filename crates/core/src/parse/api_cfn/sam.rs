//! SAM's API resources: `AWS::Serverless::Api` / `HttpApi` with their `Globals`, function events,
//! function URLs, the implicit APIs, and the preflight methods SAM adds for `Cors`.
//!
//! What SAM generates follows its translator (`aws/serverless-application-model`): the implicit
//! REST API has stages `Prod` and `Stage` (the second one unless `OpenApiVersion` is set), the
//! implicit HTTP API a `$default` stage that deploys automatically; `Cors` adds an `OPTIONS`
//! method to every path, with the default authorizer and the API key requirement unless
//! `AddDefaultAuthorizerToCorsPreflight` / `AddApiKeyRequiredToCorsPreflight` is false; an
//! `HttpApi` event without `Path` and `Method` is the `$default` route.

use super::{api_ref, body, cors, new_api};
use crate::api::{
    Api, ApiModel, Authorization, Authorizer, AuthorizerKind, Cors, DomainName, FunctionUrl,
    IdentitySource, Mapping, Route, RouteKey, Stage,
};
use crate::model::ApiKind;
use crate::parse::api_tree::convert;
use crate::parse::cfn_resources::Resource;
use crate::parse::reader::{Obj, Reader};
use crate::parse::resolve::State;
use crate::span::Span;
use crate::tree::Node;
use crate::value::{Field, List, Unknown, Val};
use std::collections::HashMap;

/// The implicit APIs SAM creates for function events without an API id.
const IMPLICIT_REST: &str = "ServerlessRestApi";
const IMPLICIT_HTTP: &str = "ServerlessHttpApi";

/// What a SAM API's `Auth` says for the routes SAM generates.
struct Auth {
    default_authorizer: Field<String>,
    api_key_required: Field<bool>,
    preflight_authorizer: Field<bool>,
    preflight_api_key: Field<bool>,
}

/// The SAM side of a template.
pub(super) struct Sam<'n> {
    /// The template uses the SAM transform.
    enabled: bool,
    globals: Option<&'n Node<'n>>,
    /// The template declares resources with the implicit APIs' ids itself.
    declared_rest: bool,
    declared_http: bool,
    auth: HashMap<String, Auth>,
    /// SAM REST APIs with `Cors`: SAM adds preflight methods to them.
    cors: Vec<String>,
}

impl<'n> Sam<'n> {
    pub fn new(root: &'n Node<'n>, resources: &[Resource]) -> Self {
        let enabled = root.get("Transform").is_some_and(|t| {
            let names: Vec<&str> = match t.as_seq() {
                Some(items) => items.iter().filter_map(Node::as_str).collect(),
                None => t.as_str().into_iter().collect(),
            };
            names.iter().any(|n| n.starts_with("AWS::Serverless"))
        });
        Self {
            enabled,
            globals: root.get("Globals"),
            declared_rest: resources.iter().any(|r| r.id == IMPLICIT_REST),
            declared_http: resources.iter().any(|r| r.id == IMPLICIT_HTTP),
            auth: HashMap::new(),
            cors: Vec::new(),
        }
    }

    /// A property of a SAM resource, or else its `Globals` value (`global` is `Api` or `HttpApi`).
    fn obj(&self, r: &Reader, p: &Obj<'n>, global: &str, key: &'static str) -> Obj<'n> {
        let own = r.obj(p, key);
        match self.globals.and_then(|g| g.get(global)) {
            Some(g) if !own.present() => r.obj(&Obj::map(g, format!("Globals/{global}")), key),
            _ => own,
        }
    }

    fn str(&self, r: &Reader, p: &Obj<'n>, global: &str, key: &'static str) -> Field<String> {
        let own = r.str(p, key);
        match self.globals.and_then(|g| g.get(global)) {
            Some(g) if !own.is_present() => r.str(&Obj::map(g, format!("Globals/{global}")), key),
            _ => own,
        }
    }

    /// `AWS::Serverless::Api`: stage `StageName` and, unless `OpenApiVersion` is set, `Stage`.
    pub fn rest_api(
        &mut self,
        r: &mut Reader,
        name: &str,
        span: Span,
        path: &str,
        p: &Obj<'n>,
        model: &mut ApiModel,
    ) -> Api {
        let mut api = new_api(name, span, path, ApiKind::Rest);
        api.endpoint_types = endpoint_types(
            r,
            &self.obj(r, p, "Api", "EndpointConfiguration"),
            self.str(r, p, "Api", "EndpointConfiguration"),
        );
        api.disable_execute_api_endpoint = r.bool(p, "DisableExecuteApiEndpoint");
        api.title = self.str(r, p, "Api", "Name");
        let stage_name = match name {
            IMPLICIT_REST => Field::known("Prod".to_string(), span, path),
            _ => r.str(p, "StageName"),
        };
        api.stages.push(Stage {
            name: name.to_string(),
            span: stage_name.span,
            path: stage_name.path.clone(),
            stage_name,
            auto_deploy: Field::absent(span, path),
        });
        if !self.str(r, p, "Api", "OpenApiVersion").is_present() {
            // SAM's deployment resource creates a second stage named `Stage`.
            api.stages.push(Stage {
                name: format!("{name}Deployment"),
                span,
                path: path.into(),
                stage_name: Field::known("Stage".to_string(), span, path),
                auto_deploy: Field::absent(span, path),
            });
        }
        let auth = self.obj(r, p, "Api", "Auth");
        self.rest_auth(r, &auth, &mut api);
        let c = self.obj(r, p, "Api", "Cors");
        if c.present() {
            api.cors = Some(rest_cors(r, &c, &self.str(r, p, "Api", "Cors")));
            self.cors.push(name.to_string());
        }
        body(r, p, "DefinitionBody", "DefinitionUri", &mut api);
        let domain = self.obj(r, p, "Api", "Domain");
        domain_mappings(r, name, &domain, api.stages.first(), model);
        api
    }

    /// `AWS::Serverless::HttpApi`: stage `StageName` (`$default` when absent), deployed
    /// automatically.
    pub fn http_api(
        &mut self,
        r: &mut Reader,
        name: &str,
        span: Span,
        path: &str,
        p: &Obj<'n>,
        model: &mut ApiModel,
    ) -> Api {
        let mut api = new_api(name, span, path, ApiKind::Http);
        api.disable_execute_api_endpoint = r.bool(p, "DisableExecuteApiEndpoint");
        api.title = self.str(r, p, "HttpApi", "Name");
        let stage_name = match self.str(r, p, "HttpApi", "StageName") {
            f if f.is_present() => f,
            _ => Field::known("$default".to_string(), span, path),
        };
        api.stages.push(Stage {
            name: name.to_string(),
            span: stage_name.span,
            path: stage_name.path.clone(),
            stage_name,
            auto_deploy: Field::known(true, span, path),
        });
        let auth = self.obj(r, p, "HttpApi", "Auth");
        self.http_auth(r, &auth, &mut api);
        let c = self.obj(r, p, "HttpApi", "CorsConfiguration");
        if c.map.is_some() {
            api.cors = Some(cors(r, &c));
        } else if self
            .str(r, p, "HttpApi", "CorsConfiguration")
            .get()
            .map(String::as_str)
            == Some("true")
        {
            // `CorsConfiguration: true` allows every origin.
            let all = Field::known(
                vec![Field::known("*".to_string(), c.span, &c.path)],
                c.span,
                &c.path,
            );
            api.cors = Some(Cors {
                span: c.span,
                path: c.path.clone(),
                allow_origins: all,
                ..Cors::default()
            });
        }
        body(r, p, "DefinitionBody", "DefinitionUri", &mut api);
        let domain = self.obj(r, p, "HttpApi", "Domain");
        domain_mappings(r, name, &domain, api.stages.first(), model);
        api
    }

    /// The authorizers of a REST API's `Auth`: Cognito (`UserPoolArn`) and Lambda
    /// (`FunctionArn`, `FunctionPayloadType` `TOKEN` or `REQUEST`) with their `Identity`.
    fn rest_auth(&mut self, r: &mut Reader, auth: &Obj<'n>, api: &mut Api) {
        let authorizers = r.obj(auth, "Authorizers");
        for key in keys(&authorizers) {
            let a = r.named_obj(&authorizers, key);
            let identity = r.obj(&a, "Identity");
            let header = || {
                let h = r.str(&identity, "Header");
                let h = match h.is_present() {
                    true => h,
                    // SAM's default identity header.
                    false => Field::known("Authorization".to_string(), a.span, &a.path),
                };
                one(convert(h, IdentitySource::Header))
            };
            let (kind, sources) = if a.get("UserPoolArn").is_some() {
                (AuthorizerKind::CognitoUserPools, header())
            } else {
                let payload = r.str(&a, "FunctionPayloadType");
                match payload.get().map(|s| s.to_ascii_uppercase()) {
                    Some(t) if t == "REQUEST" => {
                        (AuthorizerKind::Request, request_identity(r, &identity))
                    }
                    _ => (AuthorizerKind::Token, header()),
                }
            };
            api.authorizers.push(Authorizer {
                name: key.to_string(),
                span: a.span,
                path: a.path.clone(),
                display_name: Field::known(key.to_string(), a.span, &a.path),
                kind: Field::known(kind, a.span, &a.path),
                identity_sources: sources,
                result_ttl: r.i64(&identity, "ReauthorizeEvery"),
            });
        }
        self.auth
            .insert(api.name.clone(), self.auth_defaults(r, auth));
    }

    /// The authorizers of an HTTP API's `Auth`: JWT (`JwtConfiguration`, `IdentitySource`) and
    /// Lambda (`FunctionArn`, `Identity`).
    fn http_auth(&mut self, r: &mut Reader, auth: &Obj<'n>, api: &mut Api) {
        let authorizers = r.obj(auth, "Authorizers");
        for key in keys(&authorizers) {
            let a = r.named_obj(&authorizers, key);
            let identity = r.obj(&a, "Identity");
            let (kind, sources, ttl) = if a.get("JwtConfiguration").is_some() {
                let source = r.str(&a, "IdentitySource");
                (
                    AuthorizerKind::Jwt,
                    one(convert(source, |s| IdentitySource::parse(&s))),
                    Field::absent(a.span, &a.path),
                )
            } else {
                (
                    AuthorizerKind::Request,
                    request_identity(r, &identity),
                    r.i64(&identity, "ReauthorizeEvery"),
                )
            };
            api.authorizers.push(Authorizer {
                name: key.to_string(),
                span: a.span,
                path: a.path.clone(),
                display_name: Field::known(key.to_string(), a.span, &a.path),
                kind: Field::known(kind, a.span, &a.path),
                identity_sources: sources,
                result_ttl: ttl,
            });
        }
        self.auth
            .insert(api.name.clone(), self.auth_defaults(r, auth));
    }

    fn auth_defaults(&self, r: &Reader, auth: &Obj) -> Auth {
        Auth {
            default_authorizer: r.str(auth, "DefaultAuthorizer"),
            api_key_required: r.bool(auth, "ApiKeyRequired"),
            preflight_authorizer: r.bool(auth, "AddDefaultAuthorizerToCorsPreflight"),
            preflight_api_key: r.bool(auth, "AddApiKeyRequiredToCorsPreflight"),
        }
    }

    /// SAM's implicit APIs, when function events use them and the template does not declare
    /// a resource of that id.
    pub fn implicit_apis(
        &mut self,
        r: &mut Reader,
        resources: &[Resource<'_, 'n>],
        model: &mut ApiModel,
    ) {
        if !self.enabled {
            return;
        }
        let (mut rest, mut http) = (None, None);
        for res in resources
            .iter()
            .filter(|res| res.kind == "AWS::Serverless::Function")
        {
            for (event, kind) in events(r, &res.props) {
                let (id_key, slot) = match kind.as_str() {
                    "Api" => ("RestApiId", &mut rest),
                    "HttpApi" => ("ApiId", &mut http),
                    _ => continue,
                };
                let props = r.obj(&event, "Properties");
                if slot.is_none() && r.value(&props, id_key).1.state == State::Absent {
                    *slot = Some((event.span, event.path.clone()));
                }
            }
        }
        let none = |span, path: &str| Obj {
            map: None,
            unknown: None,
            span,
            path: path.into(),
        };
        if let Some((span, path)) = rest.filter(|_| !self.declared_rest) {
            let api = self.rest_api(r, IMPLICIT_REST, span, &path, &none(span, &path), model);
            model.apis.push(api);
        }
        if let Some((span, path)) = http.filter(|_| !self.declared_http) {
            let api = self.http_api(r, IMPLICIT_HTTP, span, &path, &none(span, &path), model);
            model.apis.push(api);
        }
    }

    /// The `Stage` of an API mapping; SAM's `!Ref Api.Stage` is that SAM API's stage name.
    pub fn mapping_stage(&self, r: &Reader, p: &Obj, model: &ApiModel) -> Field<String> {
        let stage = r.str(p, "Stage");
        if stage.get().is_some() {
            return stage;
        }
        let sam_stage = p
            .get("Stage")
            .and_then(|n| n.get("Ref"))
            .and_then(Node::as_str)
            .and_then(|t| t.strip_suffix(".Stage"))
            .and_then(|api| model.api(api))
            .and_then(|a| a.stages.first());
        match sam_stage {
            Some(s) => Field {
                val: s.stage_name.val.clone(),
                span: stage.span,
                path: stage.path,
            },
            None => stage,
        }
    }

    /// The `Api` / `HttpApi` events and the `FunctionUrlConfig` of a SAM function.
    pub fn function(&mut self, r: &mut Reader, res: &Resource, model: &mut ApiModel) {
        let p = &res.props;
        for (event, kind) in events(r, p) {
            let http = match kind.as_str() {
                "Api" => false,
                "HttpApi" => true,
                _ => continue,
            };
            let props = r.obj(&event, "Properties");
            let (_, value) = r.value(&props, if http { "ApiId" } else { "RestApiId" });
            let api = match value.state {
                State::Absent => Some(if http { IMPLICIT_HTTP } else { IMPLICIT_REST }.to_string()),
                _ => api_ref(&value),
            };
            let Some(index) = api.and_then(|a| model.apis.iter().position(|x| x.name == a)) else {
                continue;
            };
            let route = self.event_route(r, &event, &props, http, &model.apis[index]);
            model.apis[index].routes.push(route);
        }
        let url = r.obj(p, "FunctionUrlConfig");
        if url.present() {
            let c = r.obj(&url, "Cors");
            let cors = c.present().then(|| cors(r, &c));
            model.function_urls.push(FunctionUrl {
                // The logical id SAM gives the `AWS::Lambda::Url` it generates.
                name: format!("{}Url", res.id),
                span: url.span,
                path: url.path.clone(),
                auth_type: r.str(&url, "AuthType"),
                invoke_mode: r.str(&url, "InvokeMode"),
                cors,
            });
        }
    }

    /// A route of an `Api` / `HttpApi` event, with the API's default authorizer and API key
    /// requirement unless the event's `Auth` overrides them.
    fn event_route(
        &self,
        r: &mut Reader,
        event: &Obj,
        props: &Obj,
        http: bool,
        api: &Api,
    ) -> Route {
        let (span, path) = (event.span, event.path.clone());
        let route_path = r.str(props, "Path");
        let method = r.str(props, "Method");
        let key = match (&route_path.val, &method.val) {
            (Val::Absent, Val::Absent) if http => Field::known(RouteKey::Default, span, &path),
            (Val::Known(p), Val::Known(m)) => {
                let method = match m.to_ascii_uppercase() {
                    any if any == "X-AMAZON-APIGATEWAY-ANY-METHOD" => "ANY".to_string(),
                    m => m,
                };
                Field::known(
                    RouteKey::Http {
                        method,
                        path: p.clone(),
                    },
                    span,
                    &path,
                )
            }
            _ => Field::unknown(Unknown::Intrinsic("Path".into()), span, &path),
        };
        let auth = r.obj(props, "Auth");
        let defaults = self.auth.get(&api.name);
        let named = r.str(&auth, "Authorizer");
        let chosen = match (named.is_present(), defaults) {
            (false, Some(d)) => d.default_authorizer.clone(),
            _ => named,
        };
        let (authorization, authorizer) = authorization(&chosen, api, span, &path);
        let key_required = r.bool(&auth, "ApiKeyRequired");
        let api_key_required = match (key_required.is_present(), defaults) {
            (false, Some(d)) if !http => d.api_key_required.clone(),
            _ => key_required,
        };
        Route {
            name: path.to_string(),
            span,
            path: path.clone(),
            key,
            authorization,
            authorizer,
            authorization_scopes: r.list(&auth, "AuthorizationScopes"),
            api_key_required,
            integration: Field::known("AWS_PROXY".to_string(), span, &path),
        }
    }

    /// The `OPTIONS` methods SAM adds to every path of a REST API with `Cors`.
    pub fn preflight_routes(&self, model: &mut ApiModel) {
        for api in model
            .apis
            .iter_mut()
            .filter(|a| self.cors.contains(&a.name))
        {
            let Some(cors) = &api.cors else { continue };
            let (span, path) = (cors.span, cors.path.clone());
            let mut paths: Vec<String> = Vec::new();
            for route in &api.routes {
                if let Some(RouteKey::Http { path, .. }) = route.key.get() {
                    if !paths.contains(path) {
                        paths.push(path.clone());
                    }
                }
            }
            let defaults = self.auth.get(&api.name);
            // Both additions default to true.
            let with_auth = defaults.is_none_or(|d| d.preflight_authorizer.get() != Some(&false));
            let with_key = defaults.is_none_or(|d| d.preflight_api_key.get() != Some(&false));
            for p in paths {
                let has_options = api.routes.iter().any(|r| {
                    matches!(r.key.get(), Some(RouteKey::Http { method, path }) if method == "OPTIONS" && *path == p)
                });
                if has_options {
                    continue;
                }
                let (authorization, authorizer) = match defaults {
                    Some(d) if with_auth => authorization(&d.default_authorizer, api, span, &path),
                    _ => (Field::absent(span, &path), Field::absent(span, &path)),
                };
                let api_key_required = match defaults {
                    Some(d) if with_key => d.api_key_required.clone(),
                    _ => Field::absent(span, &path),
                };
                api.routes.push(Route {
                    name: format!("{path} (OPTIONS {p})"),
                    span,
                    path: path.clone(),
                    key: Field::known(
                        RouteKey::Http {
                            method: "OPTIONS".into(),
                            path: p,
                        },
                        span,
                        &path,
                    ),
                    authorization,
                    authorizer,
                    authorization_scopes: Field::absent(span, &path),
                    api_key_required,
                    integration: Field::known("MOCK".to_string(), span, &path),
                });
            }
        }
    }
}

/// The authorization of a route whose authorizer is `chosen` (a name, `NONE` or `AWS_IAM`).
fn authorization(
    chosen: &Field<String>,
    api: &Api,
    span: Span,
    path: &str,
) -> (Field<Authorization>, Field<String>) {
    let at = |a| Field::known(a, chosen.span, chosen.path.clone());
    match &chosen.val {
        Val::Known(n) if n.eq_ignore_ascii_case("NONE") => {
            (at(Authorization::None), Field::absent(span, path))
        }
        Val::Known(n) if n == "AWS_IAM" => (at(Authorization::AwsIam), Field::absent(span, path)),
        Val::Known(n) => {
            let authorization = match api.authorizer(n).and_then(|a| a.kind.get().copied()) {
                Some(AuthorizerKind::CognitoUserPools) => Authorization::CognitoUserPools,
                Some(AuthorizerKind::Jwt) => Authorization::Jwt,
                _ => Authorization::Custom,
            };
            (at(authorization), chosen.clone())
        }
        Val::Unknown(why) => (
            Field::unknown(why.clone(), chosen.span, chosen.path.clone()),
            chosen.clone(),
        ),
        Val::Absent => (Field::absent(span, path), Field::absent(span, path)),
    }
}

/// The keys of a map object.
fn keys<'n>(obj: &Obj<'n>) -> Vec<&'n str> {
    obj.map
        .and_then(Node::as_map)
        .unwrap_or_default()
        .iter()
        .map(|e| e.key.as_ref())
        .collect()
}

/// A list of one identity source.
fn one(f: Field<IdentitySource>) -> Field<Vec<Field<IdentitySource>>> {
    match &f.val {
        Val::Absent => Field::absent(f.span, f.path.clone()),
        _ => {
            let (span, path) = (f.span, f.path.clone());
            Field::known(vec![f], span, path)
        }
    }
}

/// Makes an identity source from a name.
type MakeSource = fn(String) -> IdentitySource;

/// A Lambda `REQUEST` authorizer's `Identity`: `Headers`, `QueryStrings`, `StageVariables`,
/// `Context`.
fn request_identity(r: &mut Reader, identity: &Obj) -> Field<Vec<Field<IdentitySource>>> {
    if !identity.present() {
        return Field::absent(identity.span, identity.path.clone());
    }
    let mut items = Vec::new();
    let kinds: [(&str, MakeSource); 4] = [
        ("Headers", IdentitySource::Header),
        ("QueryStrings", IdentitySource::QueryString),
        ("StageVariables", IdentitySource::StageVariable),
        ("Context", IdentitySource::Context),
    ];
    for (key, make) in kinds {
        let list = r.list(identity, key);
        match list.val {
            Val::Known(names) => items.extend(names.into_iter().map(|n| convert(n, make))),
            Val::Unknown(why) => return Field::unknown(why, list.span, list.path),
            Val::Absent => {}
        }
    }
    Field::known(items, identity.span, identity.path.clone())
}

/// SAM `EndpointConfiguration: REGIONAL` or `EndpointConfiguration: {Type: REGIONAL}`
/// (`text` is the first form's value).
fn endpoint_types(r: &Reader, endpoint: &Obj, text: Field<String>) -> List {
    let t = match endpoint.map {
        Some(_) => r.str(endpoint, "Type"),
        None => text,
    };
    match t.is_present() {
        true => {
            let (span, path) = (t.span, t.path.clone());
            Field::known(vec![t], span, path)
        }
        false => Field::absent(endpoint.span, endpoint.path.clone()),
    }
}

/// SAM REST `Cors`: a string (the allowed origin, quoted: `"'*'"`) or an object of quoted strings.
fn rest_cors(r: &Reader, c: &Obj, text: &Field<String>) -> Cors {
    let list = |f: Field<String>| -> List {
        let (span, path) = (f.span, f.path.clone());
        match f.val {
            Val::Known(s) => {
                let items = s
                    .trim()
                    .trim_matches('\'')
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(|p| Field::known(p.to_string(), span, path.clone()))
                    .collect();
                Field::known(items, span, path)
            }
            Val::Unknown(why) => Field::unknown(why, span, path),
            Val::Absent => Field::absent(span, path),
        }
    };
    if c.map.is_none() {
        return Cors {
            span: text.span,
            path: text.path.clone(),
            allow_origins: list(text.clone()),
            ..Cors::default()
        };
    }
    let max_age = r.str(c, "MaxAge");
    Cors {
        span: c.span,
        path: c.path.clone(),
        allow_origins: list(r.str(c, "AllowOrigin")),
        allow_methods: list(r.str(c, "AllowMethods")),
        allow_headers: list(r.str(c, "AllowHeaders")),
        expose_headers: Field::absent(c.span, c.path.clone()),
        allow_credentials: r.bool(c, "AllowCredentials"),
        max_age: convert(max_age, |s| {
            s.trim_matches('\'').parse().unwrap_or_default()
        }),
    }
}

/// SAM `Domain`: a custom domain with one API mapping per `BasePath` (default `/`) to the
/// API's stage.
fn domain_mappings(
    r: &mut Reader,
    api: &str,
    d: &Obj,
    stage: Option<&Stage>,
    model: &mut ApiModel,
) {
    if !d.present() {
        return;
    }
    let domain_name = r.str(d, "DomainName");
    let name = format!("{api}Domain");
    let endpoint = r.str(d, "EndpointConfiguration");
    model.domains.push(DomainName {
        routing_mode: Field::absent(d.span, d.path.clone()),
        name: name.clone(),
        span: d.span,
        path: d.path.clone(),
        domain_name: domain_name.clone(),
        endpoint_types: match endpoint.is_present() {
            true => {
                let (span, path) = (endpoint.span, endpoint.path.clone());
                Field::known(vec![endpoint], span, path)
            }
            false => Field::absent(d.span, d.path.clone()),
        },
    });
    let stage = stage.map_or_else(
        || Field::absent(d.span, d.path.clone()),
        |s| s.stage_name.clone(),
    );
    let bases = r.list(d, "BasePath");
    let bases: Vec<Field<String>> = match bases.val {
        Val::Known(items) if !items.is_empty() => items,
        Val::Unknown(why) => vec![Field::unknown(why, bases.span, bases.path)],
        _ => vec![Field::known("/".to_string(), d.span, d.path.clone())],
    };
    for base in bases {
        model.mappings.push(Mapping {
            name: format!("{name} {}", base.get().map_or("?", String::as_str)),
            span: base.span,
            path: base.path.clone(),
            domain_name: domain_name.clone(),
            domain_ref: Some(name.clone()),
            api_ref: Some(api.to_string()),
            stage: stage.clone(),
            base_path: base,
        });
    }
}

/// The `Events` of a SAM function, each with its `Type`; an event's span is its name's.
fn events<'n>(r: &Reader, p: &Obj<'n>) -> Vec<(Obj<'n>, String)> {
    let events = r.obj(p, "Events");
    let Some(entries) = events.map.and_then(Node::as_map) else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|e| {
            let mut event = r.named_obj(&events, &e.key);
            event.span = e.key_span;
            let kind = r.str(&event, "Type").get().cloned().unwrap_or_default();
            (event, kind)
        })
        .collect()
}
