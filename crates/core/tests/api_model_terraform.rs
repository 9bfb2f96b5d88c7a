//! The API model read from Terraform.

use apifront_core::api::{Authorization, AuthorizerKind, Entry, IdentitySource, Part};
use apifront_core::model::{ApiKind, Document};
use apifront_core::parse::parse;

fn load(name: &str) -> (Document, String) {
    let path = format!("{}/tests/fixtures/api/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    let doc = parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    (doc, text)
}

fn keys(api: &apifront_core::api::Api) -> Vec<String> {
    let mut keys: Vec<String> = api
        .routes
        .iter()
        .map(|r| r.key.get().map_or("?".into(), ToString::to_string))
        .collect();
    keys.sort();
    keys
}

fn sources(a: &apifront_core::api::Authorizer) -> Vec<IdentitySource> {
    a.identity_sources
        .get()
        .map(|s| s.iter().filter_map(|i| i.get().cloned()).collect())
        .unwrap_or_default()
}

#[test]
fn rest_api_tree_methods_authorizers_and_provider_defaults() {
    let (doc, text) = load("terraform-rest-http.tf");
    let orders = doc
        .api_model
        .api("aws_api_gateway_rest_api.orders")
        .expect("REST API");
    assert_eq!(orders.kind, ApiKind::Rest);
    assert_eq!(keys(orders), ["GET /orders", "GET /orders/{orderId}"]);
    let list = orders
        .routes
        .iter()
        .find(|r| r.name == "aws_api_gateway_method.list_orders")
        .expect("method");
    assert_eq!(
        list.authorization.get(),
        Some(&Authorization::CognitoUserPools)
    );
    assert_eq!(
        list.authorizer.get().map(String::as_str),
        Some("aws_api_gateway_authorizer.users")
    );
    // From the separate `aws_api_gateway_integration`.
    assert_eq!(
        list.integration.get().map(String::as_str),
        Some("AWS_PROXY")
    );
    assert_eq!(&text[list.key.span.start..list.key.span.end], "\"GET\"");
    let get = orders
        .routes
        .iter()
        .find(|r| r.name == "aws_api_gateway_method.get_order")
        .expect("method");
    assert_eq!(get.api_key_required.get(), Some(&true));

    // `type` and `identity_source` left to the provider's defaults.
    let token = orders
        .authorizer("aws_api_gateway_authorizer.token")
        .expect("token authorizer");
    assert_eq!(token.kind.get(), Some(&AuthorizerKind::Token));
    assert_eq!(
        sources(token),
        [IdentitySource::Header("Authorization".into())]
    );
    let users = orders
        .authorizer("aws_api_gateway_authorizer.users")
        .expect("cognito");
    assert_eq!(users.kind.get(), Some(&AuthorizerKind::CognitoUserPools));
    // The stage name comes from a variable's default.
    assert_eq!(
        orders.stages[0].stage_name.get().map(String::as_str),
        Some("prod")
    );
}

#[test]
fn custom_domain_mapping_and_regional_target_origin() {
    let (doc, _) = load("terraform-rest-http.tf");
    let mapping = &doc.api_model.mappings[0];
    assert_eq!(mapping.base_path.get().map(String::as_str), Some("orders"));
    assert_eq!(mapping.stage.get().map(String::as_str), Some("prod"));
    assert_eq!(
        mapping.api_ref.as_deref(),
        Some("aws_api_gateway_rest_api.orders")
    );
    assert_eq!(
        mapping.domain_name.get().map(String::as_str),
        Some("api.example.com")
    );
    let origin = &doc.distributions[0].origins[0];
    match doc.api_model.entry_for(origin) {
        Some(Entry::CustomDomain(d)) => {
            assert_eq!(d.mappings.len(), 1);
            assert!(d.unknown.is_empty());
            assert_eq!(
                d.mappings[0].api.map(|a| a.name.as_str()),
                Some("aws_api_gateway_rest_api.orders")
            );
        }
        other => panic!("unexpected entry {other:?}"),
    }
}

#[test]
fn http_api_routes_jwt_cors_and_jsonencode_body() {
    let (doc, text) = load("terraform-rest-http.tf");
    let catalog = doc
        .api_model
        .api("aws_apigatewayv2_api.catalog")
        .expect("HTTP API");
    assert_eq!(catalog.kind, ApiKind::Http);
    assert_eq!(keys(catalog), ["GET /items", "POST /items"]);
    let jwt = catalog
        .authorizer("aws_apigatewayv2_authorizer.jwt")
        .expect("jwt");
    assert_eq!(jwt.kind.get(), Some(&AuthorizerKind::Jwt));
    assert_eq!(
        sources(jwt),
        [IdentitySource::Header("Authorization".into())]
    );
    let cors = catalog.cors.as_ref().expect("CORS");
    assert_eq!(
        cors.allow_headers.known_items(),
        Some(vec!["authorization", "content-type"])
    );
    assert_eq!(
        catalog.stages[0].stage_name.get().map(String::as_str),
        Some("$default")
    );
    assert!(matches!(
        doc.api_model.entry_for(&doc.distributions[0].origins[1]),
        Some(Entry::DefaultEndpoint(a)) if a.name == catalog.name
    ));

    // `body = jsonencode({…})`: the OpenAPI paths and security schemes, with their positions.
    let events = doc
        .api_model
        .api("aws_apigatewayv2_api.events")
        .expect("events API");
    assert!(events.knows(Part::Routes));
    assert_eq!(keys(events), ["POST /events"]);
    let post = &events.routes[0];
    assert_eq!(post.authorization.get(), Some(&Authorization::Custom));
    assert_eq!(
        post.integration.get().map(String::as_str),
        Some("AWS_PROXY")
    );
    assert_eq!(&text[post.span.start..post.span.end], "post");
    let auth = events
        .authorizer("lambda-auth")
        .expect("authorizer from the body");
    assert_eq!(
        sources(auth),
        [IdentitySource::Header("X-Signature".into())]
    );

    let url = &doc.api_model.function_urls[0];
    assert_eq!(url.auth_type.get().map(String::as_str), Some("AWS_IAM"));
    assert_eq!(
        url.cors
            .as_ref()
            .and_then(|c| c.allow_methods.known_items()),
        Some(vec!["GET"])
    );
}

#[test]
fn heredoc_body_keeps_file_positions_and_file_bodies_stay_unknown() {
    let text = r#"resource "aws_api_gateway_rest_api" "heredoc" {
  name = "heredoc"
  body = <<-EOT
    {
      "openapi": "3.0.1",
      "paths": {
        "/reports": {
          "get": {"security": [{"sigv4": []}]}
        }
      },
      "components": {"securitySchemes": {"sigv4": {
        "type": "apiKey", "name": "Authorization", "in": "header",
        "x-amazon-apigateway-authtype": "awsSigv4"}}}
    }
  EOT
}

resource "aws_api_gateway_rest_api" "from_file" {
  name = "from-file"
  body = file("${path.module}/openapi.json")
}

resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  origin {
    origin_id   = "api"
    domain_name = "${aws_api_gateway_rest_api.heredoc.id}.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
  }
}
"#;
    let doc = parse(text).expect("terraform");
    let heredoc = doc
        .api_model
        .api("aws_api_gateway_rest_api.heredoc")
        .expect("API");
    assert_eq!(keys(heredoc), ["GET /reports"]);
    let get = &heredoc.routes[0];
    assert_eq!(get.authorization.get(), Some(&Authorization::AwsIam));
    assert_eq!(&text[get.span.start..get.span.end], "\"get\"");
    assert_eq!((get.span.line, get.span.column), (8, 11));
    let from_file = doc
        .api_model
        .api("aws_api_gateway_rest_api.from_file")
        .expect("API");
    assert!(!from_file.knows(Part::Routes));
    assert!(from_file.gaps[0].reason.contains("file("));
}

#[test]
fn references_written_as_a_lone_interpolation_are_references() {
    // Terraform 0.11's `"${aws_….id}"` means the same as the bare reference (still common).
    let text = r#"
resource "aws_api_gateway_rest_api" "api" {
  name = "legacy"
}
resource "aws_api_gateway_resource" "proxy" {
  rest_api_id = "${aws_api_gateway_rest_api.api.id}"
  parent_id   = "${aws_api_gateway_rest_api.api.root_resource_id}"
  path_part   = "{proxy+}"
}
resource "aws_api_gateway_method" "any" {
  rest_api_id   = "${aws_api_gateway_rest_api.api.id}"
  resource_id   = "${aws_api_gateway_resource.proxy.id}"
  http_method   = "ANY"
  authorization = "NONE"
}
resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  origin {
    origin_id   = "api"
    domain_name = "${aws_api_gateway_rest_api.api.id}.execute-api.eu-west-1.amazonaws.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
"#;
    let doc = parse(text).unwrap();
    let api = doc
        .api_model
        .api("aws_api_gateway_rest_api.api")
        .expect("REST API");
    assert_eq!(keys(api), ["ANY /{proxy+}"]);
    assert!(api.knows(Part::Routes), "{:?}", api.gaps);
}
