//! What an API behavior sends its requests to, as far as the input shows: the API or Lambda
//! function URL behind each of its origins ([`crate::api::ApiModel::entry_for`]), and the routes
//! the viewer paths its path pattern admits land on.
//!
//! A route is *reached* when some viewer path the pattern matches becomes, after the behavior's
//! request functions and with the origin path in front, an API path that the route takes under
//! one of the API's stages (or a custom domain's base paths). This is decided on the two sets
//! of paths ([`language`]), so "no route is reached" is a proof over every viewer path, not a
//! sample. Whatever the input does not show (stages or routes kept elsewhere, a function that
//! may rewrite the path, an unknown origin path) is listed in [`Reach::unknown`]: the routes
//! found are then the ones reached *at least*.
//!
//! The rules that judge methods, caching, forwarding and CORS by the API ask here first; each
//! says what it needs to know and what it says when it does not know.

pub mod functions;
pub mod language;

use crate::api::resolve::{route_match, ApiKey, Auth, Entry};
use crate::api::{
    Api, Authorizer, AuthorizerKind, FunctionUrl, IdentitySource, Part, Route, RouteKey,
};
use crate::forwarding::{Amount, Forwarding};
use crate::lint::LintContext;
use crate::model::{ApiKind, Behavior, Origin};
use crate::span::Span;
use crate::value::Val;
use functions::Rewrite;
use language::{route_paths, shared_path, stage_root, Pattern};
use std::fmt;

/// What the user can do when the input does not show the API.
pub const PASTE: &str =
    "give the API's exported definition (`apifront lint --api FILE`, or the app's API definition tab)";

/// One API origin of a behavior and what is behind it.
#[derive(Debug)]
pub struct Behind<'a> {
    pub origin: &'a Origin,
    pub target: Target<'a>,
}

/// What the input shows behind an API origin.
#[derive(Debug)]
pub enum Target<'a> {
    /// Nothing: the API is not in the input (a literal host and no definition given).
    Unknown,
    /// A Lambda function URL: no routing, every path and method reaches the function.
    FunctionUrl(&'a FunctionUrl),
    /// An API Gateway API (or the APIs mapped on a custom domain).
    Api(Box<Reach<'a>>),
}

/// The routes of the APIs behind an origin that a behavior reaches.
#[derive(Debug)]
pub struct Reach<'a> {
    pub entry: Entry<'a>,
    /// The APIs behind the origin.
    pub apis: Vec<&'a Api>,
    /// The routes reached, each with a viewer path that reaches it.
    pub routes: Vec<Reached<'a>>,
    /// Why more routes may be reached than [`Reach::routes`] (empty: the list is complete).
    pub unknown: Vec<Why>,
    /// The behavior's origin path (`""` when none), when known.
    pub origin_path: Option<String>,
    pub rewrite: Rewrite,
}

/// A route a behavior reaches.
#[derive(Debug, Clone)]
pub struct Reached<'a> {
    pub api: &'a Api,
    pub route: &'a Route,
    /// One viewer path that reaches it.
    pub viewer_path: String,
    /// True when an earlier behavior takes that viewer path: the route may then reach the API
    /// through the other behavior only, and what this one allows or forwards does not matter
    /// for it.
    pub shadowed: bool,
}

/// Something the input does not show, with where it would be.
#[derive(Debug, Clone, PartialEq)]
pub struct Why {
    pub reason: String,
    pub span: Span,
    pub path: String,
}

impl Why {
    fn new(reason: impl Into<String>, span: Span, path: &str) -> Self {
        Self {
            reason: reason.into(),
            span,
            path: path.to_string(),
        }
    }
}

impl<'a> Reach<'a> {
    /// The reached routes whose viewer path no earlier behavior takes.
    pub fn own_routes(&self) -> impl Iterator<Item = &Reached<'a>> {
        self.routes.iter().filter(|r| !r.shadowed)
    }

    /// True when [`Reach::routes`] holds every route the behavior reaches.
    pub fn complete(&self) -> bool {
        self.unknown.is_empty()
    }

    /// The reasons the route list may be incomplete, for messages ("a; b").
    pub fn unknowns(&self) -> String {
        self.unknown
            .iter()
            .map(|w| w.reason.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The API origins of `behavior` (the members of an origin group too) and what is behind each.
pub fn behind<'a>(ctx: &LintContext<'a>, behavior: &'a Behavior) -> Vec<Behind<'a>> {
    ctx.origins_of(behavior)
        .iter()
        .filter(|o| o.kind.0.is_api())
        .map(|&origin| {
            let target = match ctx.doc.api_model.entry_for(origin) {
                None => Target::Unknown,
                Some(Entry::FunctionUrl(url)) => Target::FunctionUrl(url),
                Some(entry) => {
                    let mut reach = reach(ctx, behavior, origin, entry);
                    for r in &mut reach.routes {
                        r.shadowed = taken_earlier(ctx, behavior, &r.viewer_path);
                    }
                    Target::Api(Box::new(reach))
                }
            };
            Behind { origin, target }
        })
        .collect()
}

/// True when a behavior before `behavior` (in evaluation order) matches `viewer_path`.
fn taken_earlier(ctx: &LintContext, behavior: &Behavior, viewer_path: &str) -> bool {
    for b in &ctx.dist.behaviors {
        if std::ptr::eq(b, behavior) {
            return false;
        }
        let matches = b
            .path_pattern
            .as_ref()
            .and_then(|p| p.get())
            .is_some_and(|p| crate::trace::pattern::matches(p, viewer_path));
        if matches {
            return true;
        }
    }
    // The default behavior comes last, after every ordered behavior (none matched).
    false
}

/// True when the behavior targets an origin group.
pub fn targets_group(ctx: &LintContext, behavior: &Behavior) -> bool {
    behavior.target_origin_id.get().is_some_and(|t| {
        ctx.dist.origin(t).is_none() && ctx.dist.origin_groups.iter().any(|g| g.id.get() == Some(t))
    })
}

/// How an API is named in messages: "REST API `OrdersApi`" (written into the message).
pub fn api_name(api: &Api) -> ApiName<'_> {
    ApiName(api)
}

/// See [`api_name`].
#[derive(Clone, Copy)]
pub struct ApiName<'a>(&'a Api);

impl fmt::Display for ApiName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.0.kind {
            ApiKind::Rest => "REST API",
            ApiKind::Http => "HTTP API",
            ApiKind::WebSocket => "WebSocket API",
            ApiKind::Unknown => "API",
        };
        write!(f, "{kind} `{}`", self.0.display_name())
    }
}

/// How a route is named in messages: "`GET /orders`" (its key).
pub fn route_name(route: &Route) -> RouteName<'_> {
    RouteName(route)
}

/// See [`route_name`].
#[derive(Clone, Copy)]
pub struct RouteName<'a>(&'a Route);

impl fmt::Display for RouteName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.key.get() {
            Some(key) => write!(f, "`{key}`"),
            None => write!(f, "`{}`", self.0.name),
        }
    }
}

/// The methods a route answers, when it names them: `None` for `ANY`, the `$default` route and
/// WebSocket routes.
pub fn route_method(route: &Route) -> Option<&str> {
    match route.key.get() {
        Some(RouteKey::Http { method, .. }) if method != "ANY" => Some(method),
        _ => None,
    }
}

/// True for a route that takes every method (`ANY`, the HTTP API `$default` route).
pub fn takes_any_method(route: &Route) -> bool {
    matches!(route.key.get(), Some(RouteKey::Default))
        || matches!(route.key.get(), Some(RouteKey::Http { method, .. }) if method == "ANY")
}

fn reach<'a>(
    ctx: &LintContext<'a>,
    behavior: &'a Behavior,
    origin: &'a Origin,
    entry: Entry<'a>,
) -> Reach<'a> {
    let mut unknown = Vec::new();
    let origin_path = match &origin.origin_path.val {
        Val::Absent => Some(String::new()),
        Val::Known(p) => Some(p.trim().trim_end_matches('/').to_string()),
        Val::Unknown(_) => {
            let f = &origin.origin_path;
            unknown.push(Why::new("the origin path is not known", f.span, &f.path));
            None
        }
    };
    let mut apis = Vec::new();
    let mut route_sets: Vec<(&'a Api, String)> = Vec::new();
    match &entry {
        Entry::DefaultEndpoint(api) => {
            apis.push(*api);
            // The stage the origin path names, when it is one of the API's.
            let first = origin_path
                .as_deref()
                .and_then(|p| p.trim_start_matches('/').split('/').next())
                .filter(|s| !s.is_empty());
            stages(api, first, &mut route_sets, &mut unknown);
        }
        Entry::CustomDomain(domain) => {
            for gap in &domain.unknown {
                unknown.push(Why::new(gap.reason.clone(), gap.span, &gap.path));
            }
            for mapped in &domain.mappings {
                let m = mapped.mapping;
                let base = match &m.base_path.val {
                    Val::Absent => String::new(),
                    Val::Known(b) => {
                        let b = b.trim().trim_matches('/');
                        if b.is_empty() || b == "(none)" {
                            String::new()
                        } else {
                            format!("/{b}")
                        }
                    }
                    Val::Unknown(_) => {
                        let why = "the base path of an API mapping is not known";
                        unknown.push(Why::new(why, m.base_path.span, &m.base_path.path));
                        continue;
                    }
                };
                match mapped.api {
                    Some(api) => {
                        if !apis.iter().any(|a| std::ptr::eq(*a, api)) {
                            apis.push(api);
                        }
                        route_sets.push((api, base));
                    }
                    None => unknown.push(Why::new(
                        "an API mapping of the custom domain sends requests to an API that is not in the input",
                        m.span,
                        &m.path,
                    )),
                }
            }
        }
        Entry::FunctionUrl(_) => {}
    }
    let rewrite = functions::rewrite(ctx, behavior);
    for f in &rewrite.unknown {
        unknown.push(Why::new(
            format!("{f} may rewrite the path"),
            behavior.span,
            &behavior.path,
        ));
    }
    let pattern = match &behavior.path_pattern {
        None => Some("*"),
        Some(f) => match &f.val {
            Val::Known(p) => Some(p.as_str()),
            _ => {
                unknown.push(Why::new("the path pattern is not known", f.span, &f.path));
                None
            }
        },
    };
    let mut routes = Vec::new();
    if let (Some(origin_path), Some(pattern)) = (&origin_path, pattern) {
        let viewer = viewer_paths(origin_path, pattern, &rewrite.strip);
        for (api, prefix) in &route_sets {
            routes_of(api, prefix, &viewer, &mut routes, &mut unknown);
        }
    }
    Reach {
        entry,
        apis,
        routes,
        unknown,
        origin_path,
        rewrite,
    }
}

/// The stage prefixes of an API's default endpoint (`/prod`; `""` for the HTTP API `$default`
/// stage) and what is not known about them. Other stages do not matter when the origin path
/// starts with a known stage, `first`: every request goes to it.
fn stages<'a>(
    api: &'a Api,
    first: Option<&str>,
    sets: &mut Vec<(&'a Api, String)>,
    unknown: &mut Vec<Why>,
) {
    match &api.disable_execute_api_endpoint.val {
        // Every request gets API Gateway's own answer: nothing is reached.
        Val::Known(true) => return,
        Val::Unknown(_) => {
            let f = &api.disable_execute_api_endpoint;
            let why = "whether the API's default endpoint is turned off is not known";
            unknown.push(Why::new(why, f.span, &f.path));
            return;
        }
        _ => {}
    }
    if let Some(name) = first.filter(|n| *n != "$default" && api.stage(n).is_some()) {
        sets.push((api, format!("/{name}")));
        return;
    }
    for gap in api.gaps_of(Part::Stages) {
        unknown.push(Why::new(gap.reason.clone(), gap.span, &gap.path));
    }
    for stage in &api.stages {
        match stage.stage_name.get() {
            // Only HTTP APIs have a `$default` stage (an API of unknown protocol with one is one).
            Some(name) if name == "$default" && api.kind != ApiKind::Rest => {
                sets.push((api, String::new()));
            }
            Some(name) => sets.push((api, format!("/{}", name.trim_matches('/')))),
            None => {
                let f = &stage.stage_name;
                let why = format!("the name of stage `{}` is not known", stage.name);
                unknown.push(Why::new(why, f.span, &f.path));
            }
        }
    }
}

/// The API paths a behavior's viewer paths become, each with how to turn such an API path back
/// into the viewer path: drop the first `skip` bytes, put `put` in front.
struct Viewer {
    paths: Pattern,
    skip: usize,
    put: String,
}

fn viewer_paths(origin_path: &str, pattern: &str, strip: &[String]) -> Vec<Viewer> {
    let mut out = vec![Viewer {
        paths: Pattern::literal(origin_path).then_path_pattern(pattern),
        skip: origin_path.len(),
        put: String::new(),
    }];
    if strip.is_empty() {
        return out;
    }
    let alone = Pattern::default().then_path_pattern(pattern);
    for p in strip {
        for rest in alone.after(&format!("{p}/")) {
            out.push(Viewer {
                paths: Pattern::literal(origin_path).then_literal("/").then(&rest),
                skip: origin_path.len(),
                put: p.clone(),
            });
        }
        if alone.matches(p) {
            out.push(Viewer {
                paths: Pattern::literal(origin_path).then_literal("/"),
                skip: origin_path.len() + 1,
                put: p.clone(),
            });
        }
    }
    out
}

/// Adds the routes of `api` under `prefix` that a viewer path reaches.
fn routes_of<'a>(
    api: &'a Api,
    prefix: &str,
    viewer: &[Viewer],
    out: &mut Vec<Reached<'a>>,
    unknown: &mut Vec<Why>,
) {
    // REST and HTTP APIs route paths the same way here (stages, templates, `ANY`); an API
    // whose protocol is not known but whose routes are paths is one of them.
    let paths = api
        .routes
        .iter()
        .any(|r| matches!(r.key.get(), Some(RouteKey::Http { .. } | RouteKey::Default)));
    if api.kind == ApiKind::Unknown && !paths {
        let why = format!("the protocol of API `{}` is not known", api.name);
        unknown.push(Why::new(why, api.span, &api.path));
        return;
    }
    for gap in api.gaps_of(Part::Routes) {
        let why = Why::new(gap.reason.clone(), gap.span, &gap.path);
        if !unknown.contains(&why) {
            unknown.push(why);
        }
    }
    let reached = |paths: &[Pattern]| {
        viewer.iter().find_map(|v| {
            paths.iter().find_map(|p| {
                shared_path(&v.paths, p).map(|api_path| {
                    format!("{}{}", v.put, api_path.get(v.skip..).unwrap_or_default())
                })
            })
        })
    };
    if api.kind == ApiKind::WebSocket {
        // Every WebSocket route is reached once the upgrade request reaches the stage.
        if let Some(viewer_path) = reached(&stage_root(prefix)) {
            for route in &api.routes {
                out.push(Reached {
                    api,
                    route,
                    viewer_path: viewer_path.clone(),
                    shadowed: false,
                });
            }
        }
        return;
    }
    for route in &api.routes {
        let Some(key) = route.key.get() else {
            let why = format!("the path or method of `{}` is not known", route.name);
            unknown.push(Why::new(why, route.key.span, &route.key.path));
            continue;
        };
        if let RouteKey::Http { path, .. } = key {
            if viewer.iter().all(|v| v.paths.starts_apart(prefix, path)) {
                continue;
            }
        }
        let Some(paths) = route_paths(prefix, key) else {
            continue;
        };
        if let Some(viewer_path) = reached(&paths) {
            let seen = out
                .iter()
                .any(|r| std::ptr::eq(r.route, route) && std::ptr::eq(r.api, api));
            if !seen {
                out.push(Reached {
                    api,
                    route,
                    viewer_path,
                    shadowed: false,
                });
            }
        }
    }
}

/// A header or query string a reached route needs from the request.
#[derive(Debug, Clone)]
pub struct Need<'a> {
    pub api: &'a Api,
    /// The first reached route that needs it.
    pub route: &'a Route,
    pub input: IdentitySource,
    /// Who reads it: "TOKEN authorizer `Auth`", "the API key check".
    pub reader: String,
    /// The identity source as API Gateway writes it (`method.request.header.Authorization`).
    pub written: String,
    /// API Gateway answers by itself without it (401, or 403 for an API key).
    pub required: bool,
    /// Where the input says so.
    pub span: Span,
}

/// The headers and query strings the routes a behavior reaches read before their integration
/// runs: the identity sources of their authorizers (on WebSocket APIs, of `$connect` only) and
/// the `x-api-key` header of routes that require an API key.
pub fn needs<'a>(reach: &Reach<'a>) -> Vec<Need<'a>> {
    needs_of(reach.own_routes())
}

/// [`needs`] of some of the reached routes.
pub fn needs_of<'a, 'r>(routes: impl Iterator<Item = &'r Reached<'a>>) -> Vec<Need<'a>>
where
    'a: 'r,
{
    let mut out: Vec<Need<'a>> = Vec::new();
    for r in routes {
        let is_connect =
            matches!(r.route.key.get(), Some(RouteKey::WebSocket { key }) if key == "$connect");
        if r.api.kind == ApiKind::WebSocket && !is_connect {
            continue;
        }
        let m = route_match(r.api, r.route);
        if let Auth::Authorizer(check) = &m.auth {
            for source in check.identity_sources.iter().filter(|s| s.from_request()) {
                let seen = out.iter().any(|n| {
                    n.input == *source
                        && n.reader == reader(check.authorizer)
                        && std::ptr::eq(n.api, r.api)
                });
                if seen {
                    continue;
                }
                let span = source_position(check.authorizer, source);
                out.push(Need {
                    api: r.api,
                    route: r.route,
                    input: source.clone(),
                    reader: reader(check.authorizer),
                    written: written(r.api.kind, check.authorizer, source),
                    required: check.required.contains(source),
                    span,
                });
            }
        }
        if m.api_key == ApiKey::Header
            && !out
                .iter()
                .any(|n| n.reader == API_KEY_CHECK && std::ptr::eq(n.api, r.api))
        {
            let f = &r.route.api_key_required;
            out.push(Need {
                api: r.api,
                route: r.route,
                input: IdentitySource::Header("x-api-key".into()),
                reader: API_KEY_CHECK.into(),
                written: "x-api-key".into(),
                required: true,
                span: f.span,
            });
        }
    }
    out
}

const API_KEY_CHECK: &str = "the API key check";

/// "TOKEN authorizer `Auth`".
fn reader(authorizer: &Authorizer) -> String {
    let kind = match authorizer.kind.get() {
        Some(AuthorizerKind::Token) => "TOKEN authorizer",
        Some(AuthorizerKind::Request) => "REQUEST authorizer",
        Some(AuthorizerKind::CognitoUserPools) => "Cognito user pool authorizer",
        Some(AuthorizerKind::Jwt) => "JWT authorizer",
        None => "authorizer",
    };
    let name = authorizer
        .display_name
        .get()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(&authorizer.name);
    format!("{kind} `{name}`")
}

/// An identity source as the API's kind writes it (a TOKEN or Cognito authorizer is a REST
/// API's, whatever the input says of the API).
fn written(kind: ApiKind, authorizer: &Authorizer, source: &IdentitySource) -> String {
    let rest_authorizer = matches!(
        authorizer.kind.get(),
        Some(AuthorizerKind::Token | AuthorizerKind::CognitoUserPools)
    );
    let base = match kind {
        ApiKind::Rest => "method.request",
        ApiKind::WebSocket => "route.request",
        _ if rest_authorizer => "method.request",
        _ => "$request",
    };
    match source {
        IdentitySource::Header(h) => format!("{base}.header.{h}"),
        IdentitySource::QueryString(q) => format!("{base}.querystring.{q}"),
        other => other.to_string(),
    }
}

/// Where an authorizer names one of its identity sources (the authorizer itself when the item
/// has no position of its own).
fn source_position(authorizer: &Authorizer, source: &IdentitySource) -> Span {
    let item = authorizer
        .identity_sources
        .get()
        .and_then(|items| items.iter().find(|i| i.get() == Some(source)));
    match item {
        Some(f) if f.span != Span::default() => f.span,
        _ => authorizer.span,
    }
}

/// Whether the behavior's forwarding passes `input` on to the origin: `None` when unknown.
pub fn forwards(fwd: &Forwarding, input: &IdentitySource) -> Option<bool> {
    match input {
        IdentitySource::Header(h) => fwd.headers.as_ref().and_then(|set| set.contains(h)),
        IdentitySource::QueryString(_) => match fwd.query_strings.value {
            Some(Amount::All) => Some(true),
            Some(Amount::None) => Some(false),
            // A list of names: which ones is not kept by the forwarding model.
            _ => None,
        },
        _ => Some(true),
    }
}

/// True when the origin adds `input` itself (a custom origin header): CloudFront sends it on
/// every origin request, in place of any viewer value, so the API always receives it and it
/// never tells viewers apart.
pub fn origin_supplies(origin: &Origin, input: &IdentitySource) -> bool {
    let IdentitySource::Header(h) = input else {
        return false;
    };
    origin
        .custom_headers
        .iter()
        .any(|c| c.name.get().is_some_and(|n| n.eq_ignore_ascii_case(h)))
}

/// Whether the API behind an origin answers CORS.
#[derive(Debug, Clone, PartialEq)]
pub enum Cors {
    /// It does, for the reason given ("HTTP API `X` has a CORS configuration").
    Yes(String),
    /// It may: a route passes `OPTIONS` to its integration, or a function answers every method.
    Maybe(String),
    /// It does not: no CORS configuration and no reached route answers `OPTIONS`.
    No,
    /// The input does not show it.
    Unknown(String),
}

/// Whether what is behind an origin answers CORS itself.
pub fn cors(target: &Target) -> Cors {
    match target {
        Target::Unknown => Cors::Unknown("the API is not in the input".into()),
        Target::FunctionUrl(url) => match &url.cors {
            Some(_) => Cors::Yes(format!(
                "function URL `{}` has a CORS configuration",
                url.name
            )),
            None => Cors::Maybe(format!(
                "function URL `{}` passes OPTIONS to the function, which may answer CORS",
                url.name
            )),
        },
        Target::Api(reach) => {
            if let Some(api) = reach.apis.iter().find(|a| a.cors.is_some()) {
                return Cors::Yes(format!("{} has a CORS configuration", api_name(api)));
            }
            let options = reach
                .own_routes()
                .find(|r| route_method(r.route) == Some("OPTIONS"));
            if let Some(r) = options {
                return Cors::Yes(format!(
                    "{} answers {}",
                    api_name(r.api),
                    route_name(r.route)
                ));
            }
            if let Some(r) = reach.own_routes().find(|r| takes_any_method(r.route)) {
                return Cors::Maybe(format!(
                    "{} passes OPTIONS to the integration of {}",
                    api_name(r.api),
                    route_name(r.route)
                ));
            }
            let cors_unknown = reach.apis.iter().find(|a| !a.knows(Part::Cors));
            match (reach.complete(), cors_unknown) {
                (true, None) => Cors::No,
                (_, Some(api)) => Cors::Unknown(format!(
                    "the CORS configuration of {} is not known",
                    api_name(api)
                )),
                (false, None) => Cors::Unknown(reach.unknowns()),
            }
        }
    }
}

/// The severity of a CORS problem behind `target`, with the reason: a warning when the API
/// answers CORS, information when it may or the input does not show it, `None` when it does not.
pub fn cors_verdict(target: &Target) -> Option<(crate::lint::Severity, String)> {
    use crate::lint::Severity;
    match cors(target) {
        Cors::Yes(why) => Some((Severity::Warning, why)),
        Cors::Maybe(why) => Some((
            Severity::Info,
            format!("{why}; this matters if it answers CORS there"),
        )),
        Cors::Unknown(why) => Some((
            Severity::Info,
            format!("whether the API answers CORS is not known ({why}). To check, {PASTE}"),
        )),
        Cors::No => None,
    }
}

#[cfg(test)]
pub mod fixtures;
#[cfg(test)]
mod tests;
