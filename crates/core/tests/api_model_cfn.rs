//! The API model read from CloudFormation templates, `cdk synth` output and SAM.

use apifront_core::api::{
    Api, Authorization, AuthorizerKind, Entry, IdentitySource, Part, Route, RouteKey,
};
use apifront_core::model::{ApiKind, Document};
use apifront_core::parse::parse;

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
fn at(text: &str, span: apifront_core::span::Span) -> &str {
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
}

#[test]
fn cdk_http_api_with_jwt_authorizer_and_cors() {
    let (doc, text) = load("http-jwt-cdk.json");
    let a = api(&doc, "CatalogApi1A2B3C4D");
    assert_eq!(a.kind, ApiKind::Http);
    assert_eq!(
        keys(a),
        [
            "ANY /admin/{proxy+}",
            "GET /items",
            "GET /items/{id}",
            "POST /items"
        ]
    );
    let stage = &a.stages[0];
    assert_eq!(stage.stage_name.get().map(String::as_str), Some("$default"));
    assert_eq!(stage.auto_deploy.get(), Some(&true));

    let post = route(a, "POST /items");
    assert_eq!(post.authorization.get(), Some(&Authorization::Jwt));
    assert_eq!(
        post.authorizer.get().map(String::as_str),
        Some("CatalogApiUserPoolAuthorizer9C0D1E2F")
    );
    assert_eq!(
        post.authorization_scopes.known_items(),
        Some(vec!["catalog/write"])
    );
    assert_eq!(at(&text, post.key.span), "\"POST /items\"");
    assert_eq!(
        route(a, "ANY /admin/{proxy+}").authorization.get(),
        Some(&Authorization::AwsIam)
    );

    let jwt = a
        .authorizer("CatalogApiUserPoolAuthorizer9C0D1E2F")
        .expect("authorizer");
    assert_eq!(jwt.kind.get(), Some(&AuthorizerKind::Jwt));
    let sources = jwt.identity_sources.get().expect("sources");
    assert_eq!(
        sources[0].get(),
        Some(&IdentitySource::Header("Authorization".into()))
    );
    assert_eq!(
        at(&text, sources[0].span),
        "\"$request.header.Authorization\""
    );

    let cors = a.cors.as_ref().expect("CORS");
    assert_eq!(
        cors.allow_origins.known_items(),
        Some(vec!["https://shop.example.com"])
    );
    assert_eq!(
        cors.allow_headers.known_items(),
        Some(vec!["Authorization", "Content-Type"])
    );
    assert_eq!(cors.max_age.get(), Some(&600));

    // The origin's host is `Fn::Select` over the API's `ApiEndpoint`.
    let entry = doc.api_model.entry_for(&doc.distributions[0].origins[0]);
    assert!(
        matches!(entry, Some(apifront_core::api::Entry::DefaultEndpoint(x)) if x.name == a.name)
    );
}

#[test]
fn sam_events_default_authorizer_cors_and_implicit_http_api() {
    let (doc, text) = load("sam-events-auth.yaml");
    let a = api(&doc, "BillingApi");
    assert_eq!(a.kind, ApiKind::Rest);
    assert_eq!(a.endpoint_types.known_items(), Some(vec!["REGIONAL"]));
    // `StageName` and the `Stage` stage SAM adds without `OpenApiVersion`.
    let stages: Vec<&str> = a
        .stages
        .iter()
        .filter_map(|s| s.stage_name.get().map(String::as_str))
        .collect();
    assert_eq!(stages, ["live", "Stage"]);
    assert_eq!(
        keys(a),
        [
            "GET /health",
            "GET /invoices",
            "OPTIONS /health",
            "OPTIONS /invoices",
            "OPTIONS /invoices/{id}/pay",
            "POST /invoices/{id}/pay"
        ]
    );
    // The default authorizer applies unless the event says otherwise …
    let list = route(a, "GET /invoices");
    assert_eq!(
        list.authorization.get(),
        Some(&Authorization::CognitoUserPools)
    );
    assert_eq!(list.authorizer.get().map(String::as_str), Some("UsersPool"));
    assert_eq!(at(&text, list.span), "ListInvoices");
    assert_eq!(
        route(a, "GET /health").authorization.get(),
        Some(&Authorization::None)
    );
    assert_eq!(
        route(a, "POST /invoices/{id}/pay")
            .authorizer
            .get()
            .map(String::as_str),
        Some("TenantAuthorizer")
    );
    // … and SAM puts it on the CORS preflight methods too (AddDefaultAuthorizerToCorsPreflight).
    let preflight = route(a, "OPTIONS /invoices");
    assert_eq!(
        preflight.authorization.get(),
        Some(&Authorization::CognitoUserPools)
    );
    assert_eq!(
        preflight.integration.get().map(String::as_str),
        Some("MOCK")
    );

    let cognito = a.authorizer("UsersPool").expect("cognito");
    assert_eq!(cognito.kind.get(), Some(&AuthorizerKind::CognitoUserPools));
    assert_eq!(
        cognito.identity_sources.get().map(|s| s
            .iter()
            .filter_map(|i| i.get().cloned())
            .collect::<Vec<_>>()),
        Some(vec![IdentitySource::Header("Authorization".into())])
    );
    let tenant = a
        .authorizer("TenantAuthorizer")
        .expect("request authorizer");
    assert_eq!(tenant.kind.get(), Some(&AuthorizerKind::Request));
    assert_eq!(tenant.result_ttl.get(), Some(&0));
    assert_eq!(
        tenant.identity_sources.get().map(|s| s
            .iter()
            .filter_map(|i| i.get().cloned())
            .collect::<Vec<_>>()),
        Some(vec![
            IdentitySource::Header("X-Tenant-Id".into()),
            IdentitySource::QueryString("tenant".into())
        ])
    );
    let cors = a.cors.as_ref().expect("SAM Cors");
    assert_eq!(
        cors.allow_origins.known_items(),
        Some(vec!["https://billing.example.com"])
    );

    // Events without `ApiId` go to the implicit HTTP API, whose stage is `$default`.
    let http = api(&doc, "ServerlessHttpApi");
    assert_eq!(http.kind, ApiKind::Http);
    assert_eq!(keys(http), ["$default", "POST /webhooks/stripe"]);
    assert_eq!(
        http.stages[0].stage_name.get().map(String::as_str),
        Some("$default")
    );
    assert_eq!(http.stages[0].auto_deploy.get(), Some(&true));
    let webhooks = &doc.distributions[0].origins[1];
    assert!(matches!(
        doc.api_model.entry_for(webhooks),
        Some(apifront_core::api::Entry::DefaultEndpoint(x)) if x.name == "ServerlessHttpApi"
    ));

    let url = &doc.api_model.function_urls[0];
    assert_eq!(url.name, "InvoicesFunctionUrl");
    assert_eq!(url.auth_type.get().map(String::as_str), Some("AWS_IAM"));
    assert_eq!(
        url.invoke_mode.get().map(String::as_str),
        Some("RESPONSE_STREAM")
    );
    assert!(matches!(
        route(http, "$default").key.get(),
        Some(RouteKey::Default)
    ));
}

#[test]
fn quick_create_http_api_and_websocket_routes() {
    let t = r#"
Resources:
  Quick:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: quick
      ProtocolType: HTTP
      Target: !GetAtt Handler.Arn
  Chat:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: chat
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.action
  Connect:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: $connect
      AuthorizationType: CUSTOM
      AuthorizerId: !Ref ChatAuth
  ChatAuth:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref Chat
      AuthorizerType: REQUEST
      IdentitySource: [route.request.querystring.token]
      Name: chat-auth
  Send:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Chat, RouteKey: sendMessage}
  ChatStage:
    Type: AWS::ApiGatewayV2::Stage
    Properties: {ApiId: !Ref Chat, StageName: production}
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: chat
            DomainName: !Sub "${Chat}.execute-api.${AWS::Region}.amazonaws.com"
            CustomOriginConfig: {OriginProtocolPolicy: https-only}
        DefaultCacheBehavior: {TargetOriginId: chat, ViewerProtocolPolicy: https-only, CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad}
"#;
    let doc = parse(t).expect("template");
    // Quick create: a `$default` route and a `$default` stage that deploys automatically.
    let quick = api(&doc, "Quick");
    assert_eq!(keys(quick), ["$default"]);
    assert_eq!(
        quick.stages[0].stage_name.get().map(String::as_str),
        Some("$default")
    );
    assert_eq!(quick.stages[0].auto_deploy.get(), Some(&true));
    let chat = api(&doc, "Chat");
    assert_eq!(chat.kind, ApiKind::WebSocket);
    assert_eq!(
        chat.route_selection_expression.get().map(String::as_str),
        Some("$request.body.action")
    );
    assert!(matches!(
        route(chat, "$connect").key.get(),
        Some(RouteKey::WebSocket { .. })
    ));
    assert_eq!(
        route(chat, "$connect").authorizer.get().map(String::as_str),
        Some("ChatAuth")
    );
    let auth = chat.authorizer("ChatAuth").expect("authorizer");
    assert_eq!(
        auth.identity_sources
            .get()
            .and_then(|s| s[0].get().cloned()),
        Some(IdentitySource::QueryString("token".into()))
    );
    // The flat list of stages the older rules read is still filled.
    assert_eq!(doc.stages.len(), 1);
}

#[test]
fn an_origin_reaches_the_function_url_sam_generates() {
    // SAM turns `FunctionUrlConfig` into an `AWS::Lambda::Url` named `<function>Url`, which the
    // template refers to without declaring it.
    let text = r#"
Transform: AWS::Serverless-2016-10-31
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      FunctionUrlConfig:
        AuthType: NONE
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: fn
            DomainName: !Select [2, !Split ["/", !GetAtt HandlerUrl.FunctionUrl]]
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
        DefaultCacheBehavior:
          TargetOriginId: fn
          ViewerProtocolPolicy: https-only
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
"#;
    let doc = parse(text).unwrap();
    let origin = &doc.distributions[0].origins[0];
    match doc.api_model.entry_for(origin) {
        Some(Entry::FunctionUrl(url)) => assert_eq!(url.name, "HandlerUrl"),
        other => panic!("{other:?}"),
    }
}
