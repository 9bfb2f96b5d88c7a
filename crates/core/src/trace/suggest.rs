//! A first request to trace: the distribution's first alternate domain name and a path that
//! reaches a route of the API behind it, when the input shows one.

use super::examples::EXAMPLE_HOST;
use super::pattern;
use crate::api::resolve::Outcome;
use crate::api::{resolve, RouteKey};
use crate::model::{Behavior, Distribution, Document};
use crate::value::Val;

/// Viewer paths tried at most (routes × the prefixes they may be reached under).
const MAX_TRIES: usize = 200;

/// The URL the trace panel starts with: `https://` + the first distribution's first alternate
/// domain name (`www.` for a wildcard; the CloudFront domain name of the documentation examples
/// when it has none) + the first path that CloudFront sends to a route of the API behind it (GET
/// routes first), or `/` when the input shows no such route.
pub fn suggested_url(doc: &Document) -> String {
    let Some(dist) = doc.distributions.first() else {
        return format!("https://{EXAMPLE_HOST}/");
    };
    let path = routed_path(doc, dist).unwrap_or_else(|| "/".into());
    format!("https://{}{path}", host(dist))
}

/// The first alternate domain name (a wildcard's `*` as `www`), else the example host.
fn host(dist: &Distribution) -> String {
    dist.aliases
        .known_items()
        .and_then(|aliases| aliases.first().map(|a| a.trim().to_ascii_lowercase()))
        .filter(|a| !a.is_empty())
        .map(|a| match a.strip_prefix("*.") {
            Some(rest) => format!("www.{rest}"),
            None => a,
        })
        .unwrap_or_else(|| EXAMPLE_HOST.to_string())
}

/// A route path with every `{param}` filled in (`{id}` → `1`, `{proxy+}` → `any`).
fn concrete(path: &str) -> String {
    path.split('/')
        .map(|segment| match segment.strip_prefix('{') {
            Some(name) if name.ends_with("+}") => "any",
            Some(_) => "1",
            None => segment,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The behavior a viewer path selects: the first ordered one whose pattern matches, else the
/// default; `None` when a pattern before the match is not known.
fn select<'d>(dist: &'d Distribution, path: &str) -> Option<&'d Behavior> {
    for b in &dist.behaviors {
        let p = b.path_pattern.as_ref()?.get()?;
        if pattern::matches(p, path) {
            return Some(b);
        }
    }
    dist.default_behavior.as_ref()
}

/// The literal start of each ordered behavior's pattern, up to its last `/` before a wildcard
/// (`/api/*` → `/api`).
fn prefixes(dist: &Distribution) -> Vec<String> {
    let mut out = Vec::new();
    for b in &dist.behaviors {
        let Some(p) = b.path_pattern.as_ref().and_then(|p| p.get()) else {
            continue;
        };
        let p = format!("/{}", p.trim_start_matches('/'));
        let literal = &p[..p.find(['*', '?']).unwrap_or(p.len())];
        let prefix = literal[..literal.rfind('/').unwrap_or(0)].to_string();
        if !prefix.is_empty() && !out.contains(&prefix) {
            out.push(prefix);
        }
    }
    out
}

/// The first viewer path that CloudFront sends to a route of an API the input shows.
fn routed_path(doc: &Document, dist: &Distribution) -> Option<String> {
    let mut routes: Vec<(String, String)> = doc
        .api_model
        .apis
        .iter()
        .flat_map(|api| &api.routes)
        .filter_map(|r| match r.key.get() {
            Some(RouteKey::Http { method, path }) => {
                let method = if method == "ANY" { "GET" } else { method };
                Some((method.to_string(), concrete(path)))
            }
            _ => None,
        })
        .collect();
    // GET routes first: the panel starts with a GET.
    routes.sort_by_key(|(method, _)| method != "GET");
    let mut under = vec![String::new()];
    under.extend(prefixes(dist));
    let stages = doc
        .api_model
        .apis
        .iter()
        .flat_map(|a| &a.stages)
        .filter_map(|s| s.stage_name.get())
        .filter(|s| s.as_str() != "$default")
        .map(|s| format!("/{s}"));
    under.extend(stages);
    routes
        .iter()
        .flat_map(|(method, route)| under.iter().map(move |p| (method, format!("{p}{route}"))))
        .take(MAX_TRIES)
        .find(|(method, path)| reaches_a_route(doc, dist, method, path))
        .map(|(_, path)| path)
}

/// True when `method path` goes through a behavior to an API that answers it with a route.
fn reaches_a_route(doc: &Document, dist: &Distribution, method: &str, path: &str) -> bool {
    let Some(b) = select(dist, path) else {
        return false;
    };
    let Some(origin) = b.target_origin_id.get().and_then(|id| dist.origin(id)) else {
        return false;
    };
    let Some(entry) = doc.api_model.entry_for(origin) else {
        return false;
    };
    let origin_path = match &origin.origin_path.val {
        Val::Known(p) => p.trim_end_matches('/'),
        Val::Absent => "",
        Val::Unknown(_) => return false,
    };
    matches!(
        resolve(&entry, method, &format!("{origin_path}{path}")).outcome,
        Outcome::Route(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Sources;

    fn url(config: &str, api: Option<&str>) -> String {
        let mut sources = Sources::single("config", config);
        if let Some(api) = api {
            sources.push_api_definition("api", api);
        }
        suggested_url(&crate::parse::parse_sources(&sources).expect("parses"))
    }

    /// An S3 site by default and `/api/*` to a REST API (origin path `/prod`) whose routes
    /// are `POST /api/orders` and `GET /api/orders/{id}`.
    const SITE_AND_API: &str = r#"Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: {Name: shop, EndpointConfiguration: {Types: [REGIONAL]}}
  ApiPrefix:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: api}
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: !Ref ApiPrefix, PathPart: orders}
  Order:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: !Ref Orders, PathPart: "{id}"}
  PostOrder:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Api, ResourceId: !Ref Orders, HttpMethod: POST, AuthorizationType: NONE}
  GetOrder:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Api, ResourceId: !Ref Order, HttpMethod: GET, AuthorizationType: NONE}
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties: {RestApiId: !Ref Api, StageName: prod}
  Site:
    Type: AWS::S3::Bucket
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Aliases: ["*.example.com"]
        Origins:
          - Id: site
            DomainName: !GetAtt Site.RegionalDomainName
            S3OriginConfig: {}
          - Id: api
            DomainName: !Sub "${Api}.execute-api.${AWS::Region}.amazonaws.com"
            OriginPath: /prod
            CustomOriginConfig: {OriginProtocolPolicy: https-only}
        DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: https-only}
        CacheBehaviors:
          - PathPattern: /api/*
            TargetOriginId: api
            ViewerProtocolPolicy: https-only
            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
"#;

    #[test]
    fn a_route_behind_its_behavior() {
        // `/api/*` → origin path `/prod`: the GET route `/api/orders/{id}` is reached as
        // `/api/orders/1`; a wildcard alias gets `www`.
        assert_eq!(
            url(SITE_AND_API, None),
            "https://www.example.com/api/orders/1"
        );
        let users = include_str!("../../tests/fixtures/trace/api-auth.yaml");
        assert!(url(users, None).starts_with("https://all.example.com/users"));
    }

    #[test]
    fn a_definition_beside_the_configuration() {
        let config = include_str!("../../tests/fixtures/trace/cli-users-api.json");
        let api = include_str!("../../tests/fixtures/trace/users-api.oas30.json");
        assert_eq!(
            url(config, Some(api)),
            "https://d111111abcdef8.cloudfront.net/users"
        );
    }

    #[test]
    fn slash_without_an_api() {
        let config = include_str!("../../../../static/examples/broken-cli.json");
        assert_eq!(url(config, None), "https://api.example.com/");
        assert_eq!(concrete("/items/{id}/{proxy+}"), "/items/1/any");
    }
}
