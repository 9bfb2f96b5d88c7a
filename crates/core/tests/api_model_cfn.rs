//! The API model read from CloudFormation templates, `cdk synth` output and SAM.

use apifront_core::api::{
    Api, Authorization, AuthorizerKind, IdentitySource, Part, Route, RouteKey,
};
use apifront_core::model::{ApiKind, Document};
use apifront_core::parse::parse;
use apifront_core::value::Val;

fn load(name: &str) -> (Document, String) {
    let path = format!("{}/tests/fixtures/api/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    let doc = parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    (doc, text)
}

fn api<'d>(doc: &'d Document, name: &str) -> &'d Api {
    doc.api_model.api(name).unwrap_or_else(|| {
        panic!(
            "no API {name}: {:?}",
            doc.api_model
                .apis
                .iter()
                .map(|a| &a.name)
                .collect::<Vec<_>>()
        )
    })
}

/// The route with key `key` (`GET /orders`, `$default`, `$connect`).
fn route<'a>(api: &'a Api, key: &str) -> &'a Route {
    api.routes
        .iter()
        .find(|r| r.key.get().is_some_and(|k| k.to_string() == key))
        .unwrap_or_else(|| panic!("no route {key} in {}", api.name))
}

fn keys(api: &Api) -> Vec<String> {
    let mut keys: Vec<String> = api
        .routes
        .iter()
        .map(|r| r.key.get().map_or("?".into(), ToString::to_string))
        .collect();
    keys.sort();
    keys
}

/// The text a span covers.
fn at<'t>(text: &'t str, span: apifront_core::span::Span) -> &'t str {
    &text[span.start..span.end]
}

#[test]
fn rest_api_resource_tree_and_token_authorizer() {
    let (doc, text) = load("rest-token-authorizer.yaml");
    let a = api(&doc, "OrdersApi");
    assert_eq!(a.kind, ApiKind::Rest);
    assert_eq!(a.endpoint_types.known_items(), Some(vec!["REGIONAL"]));
    assert_eq!(
        keys(a),
        [
            "GET /",
            "GET /orders",
            "GET /orders/{orderId}",
            "OPTIONS /orders",
            "POST /orders"
        ]
    );
    assert!(a.knows(Part::Routes) && a.knows(Part::Stages));
    // The stage name comes from a parameter default.
    assert_eq!(a.stages.len(), 1);
    assert_eq!(
        a.stages[0].stage_name.get().map(String::as_str),
        Some("prod")
    );

    let list = route(a, "GET /orders");
    assert_eq!(list.authorization.get(), Some(&Authorization::Custom));
    assert_eq!(
        list.authorizer.get().map(String::as_str),
        Some("TokenAuthorizer")
    );
    assert_eq!(
        list.integration.get().map(String::as_str),
        Some("AWS_PROXY")
    );
    assert!(at(&text, list.span).starts_with("Type: AWS::ApiGateway::Method"));
    assert_eq!(list.span.line, 35);
    let create = route(a, "POST /orders");
    assert_eq!(create.api_key_required.get(), Some(&true));
    assert_eq!(
        route(a, "OPTIONS /orders")
            .integration
            .get()
            .map(String::as_str),
        Some("MOCK")
    );
    assert_eq!(
        route(a, "GET /").authorization.get(),
        Some(&Authorization::None)
    );

    let auth = a.authorizer("TokenAuthorizer").expect("authorizer");
    assert_eq!(auth.kind.get(), Some(&AuthorizerKind::Token));
    assert_eq!(auth.result_ttl.get(), Some(&300));
    let sources = auth.identity_sources.get().expect("identity sources");
    assert_eq!(sources.len(), 1);
    assert_eq!(
        sources[0].get(),
        Some(&IdentitySource::Header("Authorization".into()))
    );
    assert_eq!(
        at(&text, sources[0].span),
        "method.request.header.Authorization"
    );
}

#[test]
fn origin_reaches_its_api() {
    let (doc, _) = load("rest-token-authorizer.yaml");
    let origin = &doc.distributions[0].origins[0];
    match doc.api_model.entry_for(origin) {
        Some(apifront_core::api::Entry::DefaultEndpoint(a)) => assert_eq!(a.name, "OrdersApi"),
        other => panic!("unexpected entry {other:?}"),
    }
    let _ = Val::<()>::Absent;
}
