//! Exported API definitions: OpenAPI 3 / Swagger 2 exports and `aws apigateway` /
//! `aws apigatewayv2` JSON, read on their own and merged.

use apifront_core::api::{
    merge_definitions, Api, ApiSource, Authorization, AuthorizerKind, Definition, DefinitionKind,
    IdentitySource, Offset, Part, RouteKey, Shift,
};
use apifront_core::model::ApiKind;
use apifront_core::parse::parse_api_definition;

fn text(name: &str) -> String {
    let path = format!("{}/tests/fixtures/api/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).expect("fixture exists")
}

fn read(name: &str) -> (Definition, String) {
    let t = text(name);
    let def = parse_api_definition(name, &t).unwrap_or_else(|e| panic!("{name}: {e}"));
    (def, t)
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

fn route<'a>(api: &'a Api, key: &str) -> &'a apifront_core::api::Route {
    api.routes
        .iter()
        .find(|r| r.key.get().is_some_and(|k| k.to_string() == key))
        .unwrap_or_else(|| panic!("no route {key}"))
}

fn sources(api: &Api, name: &str) -> Vec<IdentitySource> {
    api.authorizer(name)
        .and_then(|a| a.identity_sources.get())
        .map(|s| s.iter().filter_map(|i| i.get().cloned()).collect())
        .unwrap_or_default()
}

#[test]
fn rest_openapi3_export() {
    let (def, t) = read("export-rest-oas30.json");
    assert_eq!(def.kind, DefinitionKind::OpenApi3);
    let api = &def.api;
    assert_eq!(api.source, ApiSource::Definition(DefinitionKind::OpenApi3));
    // `x-amazon-apigateway-api-key-source` is REST only.
    assert_eq!(api.kind, ApiKind::Rest);
    assert_eq!(api.api_id.get().map(String::as_str), Some("k7x2m9q4tb"));
    assert_eq!(api.title.get().map(String::as_str), Some("petstore"));
    assert_eq!(
        keys(api),
        [
            "ANY /{proxy+}",
            "GET /pets",
            "GET /pets/{petId}",
            "OPTIONS /pets"
        ]
    );
    let list = route(api, "GET /pets");
    assert_eq!(list.api_key_required.get(), Some(&true));
    assert_eq!(list.authorization.get(), Some(&Authorization::Custom));
    assert_eq!(
        list.authorizer.get().map(String::as_str),
        Some("token-auth")
    );
    assert_eq!(
        list.integration.get().map(String::as_str),
        Some("AWS_PROXY")
    );
    assert_eq!(&t[list.span.start..list.span.end], "\"get\"");
    assert_eq!(list.span.line, 17);
    let one = route(api, "GET /pets/{petId}");
    assert_eq!(
        one.authorization.get(),
        Some(&Authorization::CognitoUserPools)
    );
    assert_eq!(
        one.authorization_scopes.known_items(),
        Some(vec!["pets/read"])
    );
    assert_eq!(
        route(api, "OPTIONS /pets")
            .integration
            .get()
            .map(String::as_str),
        Some("MOCK")
    );
    assert_eq!(route(api, "ANY /{proxy+}").authorization.get(), None);
    assert_eq!(
        sources(api, "token-auth"),
        [IdentitySource::Header("Authorization".into())]
    );
    // Cognito's identity is the header the scheme names.
    assert_eq!(
        sources(api, "cognito"),
        [IdentitySource::Header("Authorization".into())]
    );
    assert_eq!(
        api.authorizer("token-auth")
            .and_then(|a| a.result_ttl.get()),
        Some(&300)
    );
    // The stage it was exported from; the others are not in the file.
    assert_eq!(
        api.stages[0].stage_name.get().map(String::as_str),
        Some("prod")
    );
    assert!(!api.knows(Part::Stages));
    assert!(api.knows(Part::Routes) && api.knows(Part::Authorizers));
    assert!(api.endpoint_types.is_unknown());
}

#[test]
fn rest_swagger2_yaml_export() {
    let (def, t) = read("export-rest-swagger2.yaml");
    assert_eq!(def.kind, DefinitionKind::Swagger2);
    let api = &def.api;
    assert_eq!(api.kind, ApiKind::Rest);
    assert_eq!(api.api_id.get().map(String::as_str), Some("q3w8e1r6t0"));
    assert_eq!(
        api.stages[0].stage_name.get().map(String::as_str),
        Some("v1")
    );
    assert_eq!(
        keys(api),
        ["GET /reports", "POST /reports/{reportId}/export"]
    );
    assert_eq!(
        route(api, "POST /reports/{reportId}/export")
            .authorization
            .get(),
        Some(&Authorization::AwsIam)
    );
    let tenant = api.authorizer("tenant-auth").expect("authorizer");
    assert_eq!(tenant.kind.get(), Some(&AuthorizerKind::Request));
    assert_eq!(tenant.result_ttl.get(), Some(&0));
    assert_eq!(
        sources(api, "tenant-auth"),
        [
            IdentitySource::Header("X-Tenant-Id".into()),
            IdentitySource::QueryString("tenant".into())
        ]
    );
    let get = route(api, "GET /reports");
    assert_eq!(&t[get.span.start..get.span.end], "get");
    assert_eq!((get.span.line, get.span.column), (12, 5));
}

#[test]
fn http_openapi3_export_with_cors_jwt_and_default_route() {
    let (def, _) = read("export-http-oas30.yaml");
    let api = &def.api;
    assert_eq!(api.kind, ApiKind::Http);
    assert_eq!(api.api_id.get().map(String::as_str), Some("z1y2x3w4v5"));
    // An empty `basePath` names no stage.
    assert!(api.stages.is_empty() && !api.knows(Part::Stages));
    assert_eq!(keys(api), ["$default", "GET /stock/{sku}", "POST /stock"]);
    assert!(matches!(
        route(api, "$default").key.get(),
        Some(RouteKey::Default)
    ));
    let post = route(api, "POST /stock");
    assert_eq!(post.authorization.get(), Some(&Authorization::Jwt));
    assert_eq!(
        post.authorization_scopes.known_items(),
        Some(vec!["inventory/write"])
    );
    assert_eq!(
        sources(api, "staff-jwt"),
        [IdentitySource::Header("Authorization".into())]
    );
    let cors = api.cors.as_ref().expect("x-amazon-apigateway-cors");
    assert_eq!(
        cors.allow_origins.known_items(),
        Some(vec!["https://store.example.com"])
    );
    assert_eq!(cors.max_age.get(), Some(&3600));
    assert_eq!(cors.allow_credentials.get(), Some(&false));
}

#[test]
fn rest_pieces_merge_into_one_api() {
    let pieces: Vec<Definition> = [
        "get-resources.json",
        "get-authorizers.json",
        "get-stages.json",
    ]
    .iter()
    .map(|n| read(n).0)
    .collect();
    assert_eq!(pieces[0].kind, DefinitionKind::RestResources);
    assert_eq!(pieces[1].kind, DefinitionKind::RestAuthorizers);
    assert_eq!(pieces[2].kind, DefinitionKind::RestStages);
    // On its own, `get-resources` knows the routes but not the stages or authorizers.
    assert!(pieces[0].api.knows(Part::Routes));
    assert!(!pieces[0].api.knows(Part::Stages) && !pieces[0].api.knows(Part::Authorizers));

    let merged = merge_definitions(pieces);
    assert_eq!(merged.len(), 1);
    let def = &merged[0];
    assert_eq!(
        def.name,
        "get-resources.json + get-authorizers.json + get-stages.json"
    );
    let api = &def.api;
    assert_eq!(api.source, ApiSource::Pieces);
    assert!(api.knows(Part::Routes) && api.knows(Part::Stages) && api.knows(Part::Authorizers));
    assert_eq!(
        keys(api),
        [
            "ANY /{proxy+}",
            "DELETE /accounts/{accountId}",
            "GET /",
            "GET /accounts/{accountId}"
        ]
    );
    // A resource without methods is still a resource.
    assert!(api
        .resources
        .iter()
        .any(|r| r.get().map(String::as_str) == Some("/accounts")));
    let get = route(api, "GET /accounts/{accountId}");
    assert_eq!(get.authorizer.get().map(String::as_str), Some("tq8ab1"));
    assert_eq!(
        sources(api, "tq8ab1"),
        [IdentitySource::Header("Authorization".into())]
    );
    let delete = route(api, "DELETE /accounts/{accountId}");
    assert_eq!(delete.authorization.get(), Some(&Authorization::AwsIam));
    assert_eq!(delete.api_key_required.get(), Some(&true));
    assert_eq!(
        api.stages[0].stage_name.get().map(String::as_str),
        Some("live")
    );
}

#[test]
fn resources_without_embedded_methods_leave_authorization_unknown() {
    let (def, _) = read("get-resources-plain.json");
    let status = route(&def.api, "GET /status");
    assert!(status.authorization.is_unknown());
    assert!(status.api_key_required.is_unknown());
}

#[test]
fn v2_pieces() {
    let (routes, t) = read("get-routes.json");
    assert_eq!(routes.kind, DefinitionKind::V2Routes);
    assert_eq!(routes.api.kind, ApiKind::Http);
    assert_eq!(
        keys(&routes.api),
        ["$default", "ANY /public/{proxy+}", "GET /me"]
    );
    let me = route(&routes.api, "GET /me");
    assert_eq!(me.authorization.get(), Some(&Authorization::Jwt));
    assert_eq!(&t[me.key.span.start..me.key.span.end], "\"GET /me\"");
    let (authorizers, _) = read("v2-get-authorizers.json");
    let (stages, _) = read("v2-get-stages.json");
    let merged = merge_definitions(vec![routes, authorizers, stages]);
    let api = &merged[0].api;
    assert_eq!(
        sources(api, "x7y8z9"),
        [IdentitySource::Header("Authorization".into())]
    );
    assert_eq!(
        api.stages[0].stage_name.get().map(String::as_str),
        Some("$default")
    );
    assert_eq!(api.stages[0].auto_deploy.get(), Some(&true));
}

#[test]
fn websocket_routes_are_read_as_such() {
    let t = r#"{"Items": [{"RouteKey": "$connect", "AuthorizationType": "CUSTOM", "AuthorizerId": "w1"},
                          {"RouteKey": "sendMessage", "AuthorizationType": "NONE"}]}"#;
    let def = parse_api_definition("ws.json", t).expect("routes");
    assert_eq!(def.api.kind, ApiKind::WebSocket);
    assert!(
        matches!(def.api.routes[0].key.get(), Some(RouteKey::WebSocket { key }) if key == "$connect")
    );
}

#[test]
fn text_that_is_no_definition_is_refused_with_its_position() {
    let e =
        parse_api_definition("x.json", "\n\n  {\"Resources\": {}}").expect_err("not a definition");
    assert_eq!((e.line, e.column), (3, 3));
    assert!(e.message.starts_with("not an API definition"));
    assert!(e.hint.as_deref().is_some_and(|h| h.contains("--api")));
    let e = parse_api_definition("x.json", "{\"items\": []}").expect_err("empty list");
    assert!(e.hint.as_deref().is_some_and(|h| h.contains("empty")));
    let e = parse_api_definition("x.yaml", "openapi: 3.0.1\npaths:\n  /a:\n    get: [\n")
        .expect_err("bad YAML");
    assert!(e.line >= 4, "{e}");
    let e = parse_api_definition("x.json", "").expect_err("empty");
    assert_eq!((e.line, e.column), (1, 1));
    let e = parse_api_definition("x.json", "[1, 2]").expect_err("a list");
    assert_eq!((e.line, e.column), (1, 1));
}

#[test]
fn spans_shift_into_a_larger_buffer() {
    let (mut def, t) = read("export-rest-swagger2.yaml");
    let before = route(&def.api, "GET /reports").span;
    // The definition as the third file of a buffer: 100 bytes and 7 lines before it.
    def.api.shift(Offset {
        bytes: 100,
        lines: 7,
    });
    let after = route(&def.api, "GET /reports").span;
    assert_eq!(after.start, before.start + 100);
    assert_eq!(after.end, before.end + 100);
    assert_eq!((after.line, after.column), (before.line + 7, before.column));
    let buffer = format!("{}{}", "x".repeat(100), t);
    assert_eq!(&buffer[after.start..after.end], "get");
    let auth = def.api.authorizer("tenant-auth").expect("authorizer");
    let first = &auth.identity_sources.get().expect("sources")[0];
    assert_eq!(
        &buffer[first.span.start..first.span.end],
        "\"method.request.header.X-Tenant-Id, method.request.querystring.tenant\""
    );
}

#[test]
fn attached_definitions_answer_for_their_origins() {
    let config = std::fs::read_to_string(format!(
        "{}/../cli/tests/fixtures/api/two-apis.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let mut doc = apifront_core::parse::parse(&config).expect("config");
    let defs = vec![read("export-rest-oas30.json").0, read("get-routes.json").0];
    let notes = apifront_core::api::attach(&mut doc, defs);
    assert!(notes[0].attached, "{}", notes[0].message);
    // Two API origins and no id in `get-routes`: not attached, and the note says where not.
    assert!(!notes[1].attached);
    assert!(notes[1].message.contains("`pets`") && notes[1].message.contains("`inventory`"));
    let pets = &doc.distributions[0].origins[0];
    let entry = doc.api_model.entry_for(pets).expect("attached");
    let r = apifront_core::api::resolve(&entry, "GET", "/prod/pets/7");
    assert_eq!(
        r.api.map(|a| a.name.as_str()),
        Some("export-rest-oas30.json")
    );
    assert!(matches!(
        r.outcome,
        apifront_core::api::resolve::Outcome::Route(_)
    ));
    assert!(doc
        .api_model
        .entry_for(&doc.distributions[0].origins[1])
        .is_none());
}

#[test]
fn the_auth_extension_sets_a_methods_authorization() {
    // `x-amazon-apigateway-auth` (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-auth.html): `AWS_IAM` or `NONE`,
    // case-insensitive.
    let t = r#"{
  "openapi": "3.0.1",
  "info": {"title": "signed", "version": "1"},
  "paths": {
    "/protected": {"get": {"x-amazon-apigateway-auth": {"type": "aws_iam"}}},
    "/open": {"get": {"x-amazon-apigateway-auth": {"type": "NONE"}}}
  }
}"#;
    let def = parse_api_definition("signed.json", t).unwrap();
    let protected = route(&def.api, "GET /protected");
    assert_eq!(protected.authorization.get(), Some(&Authorization::AwsIam));
    let at = protected.authorization.span;
    assert_eq!(&t[at.start..at.end], "\"aws_iam\"");
    assert_eq!(
        route(&def.api, "GET /open").authorization.get(),
        Some(&Authorization::None)
    );
}
