//! Route resolution: which stage, route and authorizer API Gateway picks for a request, or what
//! it answers by itself. Each row names the AWS page its expectation comes from:
//!
//! - [invoke]: REST invoke URL `https://{restapi_id}.execute-api.{region}.amazonaws.com/{stage_name}/`
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html>
//! - [403]: a REST API called with a stage that does not exist answers 403 `Forbidden`
//!   <https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden>
//! - [mat]: `MISSING_AUTHENTICATION_TOKEN` 403, "including the cases when the client attempts to
//!   invoke an unsupported API method or resource"
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html>
//! - [method]: a method not defined on the targeted resource gets 403 `Missing Authentication Token`
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html>
//! - [proxy]: "a method request against a specific resource takes precedence over a method request
//!   against a generic resource at the same level"; a proxy resource's siblings are excluded from it
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html>
//! - [http]: HTTP API stage selection (`$default` unless a stage matches; `Not Found` without one),
//!   route priorities (full match, greedy variable, `$default`), `ANY`, 404 `Not Found`
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html>
//! - [cors]: an HTTP API with CORS answers preflight requests itself
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html>
//! - [mappings]: longest matching base path, stripped; `(none)` catches the rest
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html>
//! - [domain-403]: on a custom domain the stage is not part of the path, and a path the API
//!   mappings do not route gets 403 `Missing Authentication Token`
//!   <https://repost.aws/knowledge-center/api-gateway-403-custom-domain>
//! - [disabled]: default endpoint turned off: 403 for REST, 404 for HTTP
//!   <https://repost.aws/knowledge-center/api-gateway-disable-endpoint>
//! - [rest-auth]: REST Lambda authorizers: token header required; with caching a missing identity
//!   source is a 401, without caching none is needed
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization-with-console.html>
//! - [http-auth]: HTTP API Lambda authorizer identity sources must be sent (401)
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html>
//! - [jwt]: JWT authorizers read the token from their identity source
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html>
//! - [ws]: WebSocket authorization runs on `$connect` only
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-keys-connect-disconnect.html>
//! - [key]: API keys come in `x-api-key` (`ApiKeySourceType: HEADER`)
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html>
//! - [sam-cors]: SAM adds the default authorizer to the preflight methods unless
//!   `AddDefaultAuthorizerToCorsPreflight` is false
//!   <https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-apiauth.html>
//! - [undocumented]: what the guide does not say answers "depends".

use apifront_core::api::resolve::{ApiKey, Auth, Outcome, Resolution};
use apifront_core::api::{merge_definitions, resolve, Api, ApiModel, Entry, FunctionUrl};
use apifront_core::model::Document;
use apifront_core::parse::{parse, parse_api_definition};
use apifront_core::value::Field;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/api/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).expect("fixture exists")
}

fn template(name: &str) -> Document {
    parse(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// One API from definition texts (pieces are merged).
fn definition(texts: &[(&str, &str)]) -> Api {
    let defs = texts
        .iter()
        .map(|(name, t)| parse_api_definition(name, t).unwrap_or_else(|e| panic!("{name}: {e}")))
        .collect();
    merge_definitions(defs).remove(0).api
}

fn api_of(model: &ApiModel, name: &str) -> Api {
    model
        .api(name)
        .cloned()
        .unwrap_or_else(|| panic!("no API {name}"))
}

/// A one-line summary of a resolution, for the tables.
fn summary(r: &Resolution) -> String {
    let stage = r
        .stage
        .as_ref()
        .map_or(String::new(), |s| format!("[{}] ", s.name));
    match &r.outcome {
        Outcome::Route(m) => {
            let key = m.route.key.get().map_or("?".into(), ToString::to_string);
            let auth = match &m.auth {
                Auth::Open => "open".to_string(),
                Auth::Iam => "iam".to_string(),
                Auth::Authorizer(a) if !a.unknown.is_empty() => {
                    format!("authorizer {} ?", a.authorizer.name)
                }
                Auth::Authorizer(a) => {
                    let needs: Vec<String> = a.required.iter().map(ToString::to_string).collect();
                    format!(
                        "authorizer {} needs [{}]",
                        a.authorizer.name,
                        needs.join(", ")
                    )
                }
                Auth::Depends { .. } => "auth ?".to_string(),
            };
            let key_needed = match &m.api_key {
                ApiKey::NotRequired => "",
                ApiKey::Header => " +x-api-key",
                ApiKey::FromAuthorizer => " +key from authorizer",
                ApiKey::Depends { .. } => " +key ?",
            };
            format!("{stage}{key} {auth}{key_needed}")
        }
        Outcome::WebSocketConnect { connect: Some(m) } => match &m.auth {
            Auth::Authorizer(a) => {
                let needs: Vec<String> = a.required.iter().map(ToString::to_string).collect();
                format!(
                    "{stage}$connect authorizer {} needs [{}]",
                    a.authorizer.name,
                    needs.join(", ")
                )
            }
            _ => format!("{stage}$connect"),
        },
        Outcome::WebSocketConnect { connect: None } => format!("{stage}connected"),
        Outcome::Preflight { .. } => format!("{stage}preflight"),
        Outcome::Function { url } => format!("function {}", url.name),
        Outcome::Rejected(r) => format!("{stage}{} {}", r.status, r.body),
        Outcome::Depends { unknown } => format!(
            "depends: {}",
            unknown.first().map_or("", |u| u.reason.as_str())
        ),
    }
}

/// Checks rows of (method, path, expected summary or prefix ending in `…`).
fn check(entry: &Entry, rows: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for (method, path, expected) in rows {
        let got = summary(&resolve(entry, method, path));
        let ok = match expected.strip_suffix('…') {
            Some(prefix) => got.starts_with(prefix),
            None => got == *expected,
        };
        if !ok {
            failures.push(format!(
                "{method} {path}\n   expected {expected}\n   got      {got}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

const MAT: &str = r#"{"message":"Missing Authentication Token"}"#;

#[test]
fn rest_api_on_its_default_endpoint() {
    let doc = template("rest-token-authorizer.yaml");
    let api = api_of(&doc.api_model, "OrdersApi");
    let entry = Entry::DefaultEndpoint(&api);
    check(
        &entry,
        &[
            // [invoke] the first segment is the stage; [rest-auth] a TOKEN authorizer needs its header.
            ("GET", "/prod/orders", "[prod] GET /orders authorizer TokenAuthorizer needs [header `Authorization`]"),
            ("GET", "/prod/orders/42", "[prod] GET /orders/{orderId} authorizer TokenAuthorizer needs [header `Authorization`]"),
            // [key]
            ("POST", "/prod/orders", "[prod] POST /orders authorizer TokenAuthorizer needs [header `Authorization`] +x-api-key"),
            // [invoke] the stage alone is the root resource.
            ("GET", "/prod", "[prod] GET / open"),
            ("GET", "/prod/", "[prod] GET / open"),
            ("OPTIONS", "/prod/orders", "[prod] OPTIONS /orders open"),
            // [method] the resource exists, the method does not.
            ("DELETE", "/prod/orders", &format!("[prod] 403 {MAT}")),
            // [mat] a CloudFront path pattern that reached the API unstripped.
            ("GET", "/prod/api/orders", &format!("[prod] 403 {MAT}")),
            ("GET", "/prod/orders/42/items", &format!("[prod] 403 {MAT}")),
            // [403] no stage named `orders`, or none at all.
            ("GET", "/orders", r#"403 {"message":"Forbidden"}"#),
            ("GET", "/", r#"403 {"message":"Forbidden"}"#),
            // [undocumented]
            ("HEAD", "/prod/orders", "depends: `/orders` defines GET but not HEAD…"),
            ("GET", "/prod/orders/", "depends: `/orders/` has an empty path segment…"),
        ],
    );
}

#[test]
fn rest_proxy_resource_and_its_siblings() {
    let api = definition(&[
        ("get-resources.json", &fixture("get-resources.json")),
        ("get-authorizers.json", &fixture("get-authorizers.json")),
        ("get-stages.json", &fixture("get-stages.json")),
    ]);
    let entry = Entry::DefaultEndpoint(&api);
    check(
        &entry,
        &[
            // [proxy] the greedy resource takes what no sibling takes.
            ("GET", "/live/anything/else", "[live] ANY /{proxy+} open"),
            ("PATCH", "/live/x", "[live] ANY /{proxy+} open"),
            // [proxy] `/accounts` exists (without methods): the proxy resource excludes it.
            ("GET", "/live/accounts", &format!("[live] 403 {MAT}")),
            (
                "GET",
                "/live/accounts/7/statements",
                &format!("[live] 403 {MAT}"),
            ),
            // [rest-auth] TTL 300: the token header is required.
            (
                "GET",
                "/live/accounts/7",
                "[live] GET /accounts/{accountId} authorizer tq8ab1 needs [header `Authorization`]",
            ),
            (
                "DELETE",
                "/live/accounts/7",
                "[live] DELETE /accounts/{accountId} iam +x-api-key",
            ),
            ("GET", "/live", "[live] GET / open"),
            ("GET", "/prod/x", r#"403 {"message":"Forbidden"}"#),
        ],
    );
}

#[test]
fn rest_export_knows_one_stage_only() {
    let api = definition(&[("export-rest-oas30.json", &fixture("export-rest-oas30.json"))]);
    let entry = Entry::DefaultEndpoint(&api);
    check(
        &entry,
        &[
            (
                "GET",
                "/prod/pets",
                "[prod] GET /pets authorizer token-auth needs [header `Authorization`] +x-api-key",
            ),
            (
                "GET",
                "/prod/pets/1",
                "[prod] GET /pets/{petId} authorizer cognito needs [header `Authorization`]",
            ),
            ("PUT", "/prod/toys/1/photo", "[prod] ANY /{proxy+} open"),
            // [proxy] `/pets` is a sibling of `/{proxy+}`: what is under it is not the proxy's.
            ("PUT", "/prod/pets/1/photo", &format!("[prod] 403 {MAT}")),
            // [undocumented] other stages may exist: the export does not list them.
            (
                "GET",
                "/dev/pets",
                "depends: the definition was exported from stage `prod`…",
            ),
        ],
    );
}

#[test]
fn sam_request_authorizer_without_caching_and_preflight_auth() {
    let doc = template("sam-events-auth.yaml");
    let api = api_of(&doc.api_model, "BillingApi");
    let entry = Entry::DefaultEndpoint(&api);
    check(
        &entry,
        &[
            // [rest-auth] caching off (`ReauthorizeEvery: 0`): no identity source is required.
            (
                "POST",
                "/live/invoices/9/pay",
                "[live] POST /invoices/{id}/pay authorizer TenantAuthorizer needs []",
            ),
            (
                "GET",
                "/live/invoices",
                "[live] GET /invoices authorizer UsersPool needs [header `Authorization`]",
            ),
            // [sam-cors] the preflight carries the default authorizer: browsers send no token.
            (
                "OPTIONS",
                "/live/invoices",
                "[live] OPTIONS /invoices authorizer UsersPool needs [header `Authorization`]",
            ),
            ("GET", "/live/health", "[live] GET /health open"),
            // SAM's second stage.
            ("GET", "/Stage/health", "[Stage] GET /health open"),
        ],
    );
}

#[test]
fn http_api_default_stage_routes_and_cors() {
    let doc = template("http-jwt-cdk.json");
    let api = api_of(&doc.api_model, "CatalogApi1A2B3C4D");
    let entry = Entry::DefaultEndpoint(&api);
    let not_found = r#"[$default] 404 {"message":"Not Found"}"#;
    check(
        &entry,
        &[
            // [http] the `$default` stage serves the root.
            ("GET", "/items", "[$default] GET /items open"),
            ("GET", "/items/9", "[$default] GET /items/{id} open"),
            // [jwt]
            ("POST", "/items", "[$default] POST /items authorizer CatalogApiUserPoolAuthorizer9C0D1E2F needs [header `Authorization`]"),
            // [http] no route, no `$default` route.
            ("DELETE", "/items", not_found),
            // [http] a stage prefix that is not a stage is part of the path.
            ("GET", "/prod/items", not_found),
            // [cors] no OPTIONS route: API Gateway answers the preflight.
            ("OPTIONS", "/items", "[$default] preflight"),
            // [http] greedy variable, `ANY`; it needs at least one segment.
            ("PUT", "/admin/users/1", "[$default] ANY /admin/{proxy+} iam"),
            ("GET", "/admin", not_found),
        ],
    );
}

#[test]
fn http_api_priorities_from_pieces() {
    let api = definition(&[
        ("get-routes.json", &fixture("get-routes.json")),
        (
            "v2-get-authorizers.json",
            &fixture("v2-get-authorizers.json"),
        ),
        ("v2-get-stages.json", &fixture("v2-get-stages.json")),
    ]);
    let entry = Entry::DefaultEndpoint(&api);
    check(
        &entry,
        &[
            (
                "GET",
                "/me",
                "[$default] GET /me authorizer x7y8z9 needs [header `Authorization`]",
            ),
            // [http] a route and method that do not both match fall through to `$default`.
            ("POST", "/me", "[$default] $default open"),
            ("GET", "/public/a/b", "[$default] ANY /public/{proxy+} open"),
            ("GET", "/anything", "[$default] $default open"),
        ],
    );
}

#[test]
fn http_api_with_named_stages_only() {
    let routes = r#"{"Items": [{"RouteKey": "GET /items", "AuthorizationType": "NONE"},
                                {"RouteKey": "GET /items/{id}", "AuthorizationType": "NONE"},
                                {"RouteKey": "GET /{tenant}/items", "AuthorizationType": "NONE"},
                                {"RouteKey": "GET /a/{x}", "AuthorizationType": "NONE"},
                                {"RouteKey": "GET /{y}/b", "AuthorizationType": "NONE"}]}"#;
    let stages = r#"{"Items": [{"StageName": "v1", "AutoDeploy": true}]}"#;
    let api = definition(&[("routes.json", routes), ("stages.json", stages)]);
    let entry = Entry::DefaultEndpoint(&api);
    check(
        &entry,
        &[
            // [http] no stage matches and there is no `$default` stage.
            ("GET", "/items", r#"404 {"message":"Not Found"}"#),
            ("GET", "/v1/items", "[v1] GET /items open"),
            // [http] the static segment is the more specific match.
            ("GET", "/v1/acme/items", "[v1] GET /{tenant}/items open"),
            ("GET", "/v1/items/3", "[v1] GET /items/{id} open"),
            // [undocumented] neither route is more specific than the other.
            (
                "GET",
                "/v1/a/b",
                "depends: `GET /a/{x}` matches as specifically as another route…",
            ),
        ],
    );
}

#[test]
fn custom_domain_with_base_path_mappings() {
    let doc = template("terraform-rest-http.tf");
    let origin = &doc.distributions[0].origins[0];
    let entry = doc
        .api_model
        .entry_for(origin)
        .expect("the origin is the custom domain");
    check(
        &entry,
        &[
            // [mappings] `orders` is taken off; the mapping fixes the stage.
            ("GET", "/orders/orders", "[prod] GET /orders authorizer aws_api_gateway_authorizer.users needs [header `Authorization`]"),
            ("GET", "/orders/orders/5", "[prod] GET /orders/{orderId} authorizer aws_api_gateway_authorizer.token needs [header `Authorization`] +x-api-key"),
            // [domain-403] the stage name does not belong in a custom domain's path.
            ("GET", "/orders/prod/orders", &format!("[prod] 403 {MAT}")),
            // [domain-403] no mapping takes `/catalog` and none maps the root.
            ("GET", "/catalog", &format!("403 {MAT}")),
        ],
    );
}

#[test]
fn longest_base_path_and_root_mapping() {
    // Two REST APIs on one SAM-style domain: `(none)` and `v2/orders`.
    let t = r#"
Resources:
  Orders:
    Type: AWS::ApiGateway::RestApi
    Properties: {Name: orders}
  OrdersRoot:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Orders, ResourceId: !GetAtt Orders.RootResourceId, HttpMethod: ANY, AuthorizationType: NONE}
  OrdersStage:
    Type: AWS::ApiGateway::Stage
    Properties: {RestApiId: !Ref Orders, StageName: v2}
  Site:
    Type: AWS::ApiGateway::RestApi
    Properties: {Name: site}
  SiteProxy:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Site, ParentId: !GetAtt Site.RootResourceId, PathPart: "{proxy+}"}
  SiteAny:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Site, ResourceId: !Ref SiteProxy, HttpMethod: ANY, AuthorizationType: NONE}
  SiteStage:
    Type: AWS::ApiGateway::Stage
    Properties: {RestApiId: !Ref Site, StageName: live}
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties: {DomainName: api.example.com, RegionalCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/x, EndpointConfiguration: {Types: [REGIONAL]}}
  RootMapping:
    Type: AWS::ApiGateway::BasePathMapping
    Properties: {DomainName: !Ref Domain, RestApiId: !Ref Site, Stage: !Ref SiteStage}
  OrdersMapping:
    Type: AWS::ApiGatewayV2::ApiMapping
    Properties: {DomainName: !Ref Domain, ApiId: !Ref Orders, Stage: v2, ApiMappingKey: v2/orders}
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: api
            DomainName: !GetAtt Domain.RegionalDomainName
            CustomOriginConfig: {OriginProtocolPolicy: https-only}
        DefaultCacheBehavior: {TargetOriginId: api, ViewerProtocolPolicy: https-only, CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad}
"#;
    let doc = parse(t).expect("template");
    let entry = doc
        .api_model
        .entry_for(&doc.distributions[0].origins[0])
        .expect("domain");
    check(
        &entry,
        &[
            // [mappings] the longest matching base path wins and is taken off.
            ("POST", "/v2/orders", "[v2] ANY / open"),
            ("GET", "/v2/orders/", "[v2] ANY / open"),
            // [mappings] `(none)` catches the rest.
            ("GET", "/v2/other", "[live] ANY /{proxy+} open"),
            ("GET", "/index.html", "[live] ANY /{proxy+} open"),
            // [proxy] the root of the site API has no method.
            ("GET", "/", &format!("[live] 403 {MAT}")),
        ],
    );
}

#[test]
fn default_endpoint_turned_off() {
    let doc = template("http-jwt-cdk.json");
    let mut http = api_of(&doc.api_model, "CatalogApi1A2B3C4D");
    http.disable_execute_api_endpoint = Field::known(true, http.span, "x");
    // [disabled]
    check(
        &Entry::DefaultEndpoint(&http),
        &[("GET", "/items", r#"404 {"message":"Not Found"}"#)],
    );
    let doc = template("rest-token-authorizer.yaml");
    let mut rest = api_of(&doc.api_model, "OrdersApi");
    rest.disable_execute_api_endpoint = Field::known(true, rest.span, "x");
    check(
        &Entry::DefaultEndpoint(&rest),
        &[("GET", "/prod/orders", r#"403 {"message":"Forbidden"}"#)],
    );
}

#[test]
fn unknown_parts_give_depends() {
    let t = r#"
Parameters:
  Part: {Type: String}
Resources:
  FromS3:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BodyS3Location: {Bucket: defs, Key: api.yaml}
  S3Stage:
    Type: AWS::ApiGateway::Stage
    Properties: {RestApiId: !Ref FromS3, StageName: prod}
  Dynamic:
    Type: AWS::ApiGateway::RestApi
    Properties: {Name: dynamic}
  DynamicResource:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Dynamic, ParentId: !GetAtt Dynamic.RootResourceId, PathPart: !Ref Part}
  DynamicGet:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Dynamic, ResourceId: !Ref DynamicResource, HttpMethod: GET, AuthorizationType: NONE}
  DynamicStage:
    Type: AWS::ApiGateway::Stage
    Properties: {RestApiId: !Ref Dynamic, StageName: prod}
  Bare:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: bare, ProtocolType: HTTP}
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: a
            DomainName: !Sub "${FromS3}.execute-api.${AWS::Region}.amazonaws.com"
            CustomOriginConfig: {OriginProtocolPolicy: https-only}
        DefaultCacheBehavior: {TargetOriginId: a, ViewerProtocolPolicy: https-only, CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad}
"#;
    let doc = parse(t).expect("template");
    let s3 = api_of(&doc.api_model, "FromS3");
    // [undocumented] routes in S3: never "no routes".
    check(
        &Entry::DefaultEndpoint(&s3),
        &[(
            "GET",
            "/prod/x",
            "depends: the definition is kept elsewhere (`BodyS3Location`)…",
        )],
    );
    let dynamic = api_of(&doc.api_model, "Dynamic");
    check(
        &Entry::DefaultEndpoint(&dynamic),
        &[(
            "GET",
            "/prod/x",
            "depends: the path or method of `DynamicGet` is not known",
        )],
    );
    // An HTTP API whose routes and stages the template does not define.
    let bare = api_of(&doc.api_model, "Bare");
    check(
        &Entry::DefaultEndpoint(&bare),
        &[(
            "GET",
            "/x",
            "depends: the template defines no stage of API `Bare`",
        )],
    );
}

#[test]
fn websocket_connect() {
    let routes = r#"{"Items": [{"RouteKey": "$connect", "AuthorizationType": "CUSTOM", "AuthorizerId": "w1"},
                                {"RouteKey": "$default", "AuthorizationType": "NONE"},
                                {"RouteKey": "sendMessage", "AuthorizationType": "NONE"}]}"#;
    let authorizers = r#"{"Items": [{"AuthorizerId": "w1", "AuthorizerType": "REQUEST", "AuthorizerResultTtlInSeconds": 300,
                                     "IdentitySource": ["route.request.querystring.token"], "Name": "ws-auth"}]}"#;
    let stages = r#"{"Items": [{"StageName": "production"}]}"#;
    let api = definition(&[
        ("r.json", routes),
        ("a.json", authorizers),
        ("s.json", stages),
    ]);
    check(
        &Entry::DefaultEndpoint(&api),
        &[
            // [ws] the upgrade request runs `$connect` and its authorizer.
            (
                "GET",
                "/production",
                "[production] $connect authorizer w1 needs [query string `token`]",
            ),
            (
                "POST",
                "/production",
                "depends: a WebSocket API is reached by a GET upgrade request…",
            ),
        ],
    );
}

#[test]
fn function_url_does_no_routing() {
    let url = FunctionUrl {
        name: "Fn".into(),
        ..FunctionUrl::default()
    };
    let entry = Entry::FunctionUrl(&url);
    check(
        &entry,
        &[
            ("GET", "/", "function Fn"),
            ("DELETE", "/any/path/at/all", "function Fn"),
        ],
    );
}

#[test]
fn sam_domain_reached_by_its_name() {
    // The origin names the custom domain itself; SAM's `Domain` maps `/orders` to the stage.
    let t = r#"
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      OpenApiVersion: "3.0.1"
      Domain:
        DomainName: api.example.com
        CertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
        EndpointConfiguration: REGIONAL
        BasePath: [/orders]
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      CodeUri: src/
      Events:
        List:
          Type: Api
          Properties: {RestApiId: !Ref OrdersApi, Path: /, Method: get}
        One:
          Type: Api
          Properties: {RestApiId: !Ref OrdersApi, Path: "/{id}", Method: get}
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: api
            DomainName: api.example.com
            CustomOriginConfig: {OriginProtocolPolicy: https-only}
        DefaultCacheBehavior: {TargetOriginId: api, ViewerProtocolPolicy: https-only, CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad}
"#;
    let doc = parse(t).expect("template");
    // `OpenApiVersion` set: no `Stage` stage.
    let api = api_of(&doc.api_model, "OrdersApi");
    assert_eq!(api.stages.len(), 1);
    let entry = doc
        .api_model
        .entry_for(&doc.distributions[0].origins[0])
        .expect("by name");
    check(
        &entry,
        &[
            // [mappings] `/orders` is taken off and the mapping's stage is used.
            ("GET", "/orders", "[v1] GET / open"),
            ("GET", "/orders/42", "[v1] GET /{id} open"),
            ("POST", "/orders/42", &format!("[v1] 403 {MAT}")),
            // [domain-403] no mapping takes `/other` and none maps the root.
            ("GET", "/other", &format!("403 {MAT}")),
        ],
    );
}
