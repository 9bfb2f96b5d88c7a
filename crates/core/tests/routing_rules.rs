//! API Gateway routing rules of REST custom domains in the API model, route resolution and the
//! trace. Sources:
//!
//! - [rules]: evaluated lowest priority first; all conditions of a rule must hold; header names
//!   are case-insensitive and value globs case-sensitive, `*` only at the start and/or end
//!   (`a*` matches `alpha`); a rule without conditions is a catch-all; the one action invokes a
//!   REST API stage
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-rules.html>
//! - [mode]: `ROUTING_RULE_THEN_BASE_PATH_MAPPING` evaluates every rule before any API mapping;
//!   `ROUTING_RULE_ONLY` ignores the mappings; `BASE_PATH_MAPPING_ONLY` (the default) the rules
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/set-routing-mode.html>
//! - [strip]: `StripBasePath` removes the matched base path before the stage sees the path
//!   (the field's name and the mapping behaviour; the guide does not spell it out).

use apifront_core::api::resolve::{glob_matches, resolve, resolve_with_headers, Outcome};
use apifront_core::api::RoutingMode;
use apifront_core::model::Document;
use apifront_core::parse::parse;
use apifront_core::trace::{self, Options, Request, Stage, Verdict};

fn correct(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/correct/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).expect("fixture exists")
}

fn terraform_module(dir: &str) -> Document {
    use apifront_core::source::Sources;
    let root = format!(
        "{}/tests/fixtures/correct/{dir}",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tf"))
        .collect();
    files.sort();
    let sources = Sources::from_files(files.iter().map(|f| {
        (
            f.file_name().unwrap().to_string_lossy().into_owned(),
            std::fs::read_to_string(f).unwrap(),
        )
    }));
    apifront_core::parse::parse_sources(&sources).unwrap()
}

/// The API name, stage and route path a request resolves to.
fn target(
    doc: &Document,
    path: &str,
    headers: Option<&[(&str, &str)]>,
) -> (String, String, String) {
    let origin = &doc.distributions[0].origins[0];
    let entry = doc
        .api_model
        .entry_for(origin)
        .expect("the origin's custom domain");
    let owned: Vec<(String, String)> = headers
        .unwrap_or_default()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    let r = match headers {
        Some(_) => resolve_with_headers(&entry, "GET", path, &owned),
        None => resolve(&entry, "GET", path),
    };
    assert!(
        matches!(r.outcome, Outcome::Route(_)),
        "{path}: {:?}",
        r.outcome
    );
    (
        r.api.map(|a| a.name.clone()).unwrap_or_default(),
        r.stage.map(|s| s.name).unwrap_or_default(),
        r.route_path.unwrap_or_default(),
    )
}

#[test]
fn cloudformation_rules_come_before_mappings() {
    let doc = parse(&correct("cfn-rest-routing-rules.yaml")).unwrap();
    let m = &doc.api_model;
    assert_eq!(m.routing_rules.len(), 1);
    let rule = &m.routing_rules[0];
    assert_eq!(rule.domain_ref.as_deref(), Some("ApiDomain"));
    assert_eq!(rule.api_ref.as_deref(), Some("OrdersBetaApi"));
    assert_eq!(rule.priority.get(), Some(&100));
    assert_eq!(m.domains[0].mode(), Some(RoutingMode::RulesThenMappings));
    // [rules] [strip]: both conditions hold: the beta API, without the base path.
    let beta = [("X-Version", "beta")];
    assert_eq!(
        target(&doc, "/orders/items", Some(&beta)),
        ("OrdersBetaApi".into(), "prod".into(), "/items".into())
    );
    // [mode]: the rule misses (no header, or another value), the mapping takes the request.
    for headers in [Some(&[][..]), Some(&[("x-version", "Beta")][..])] {
        assert_eq!(
            target(&doc, "/orders/items", headers),
            ("OrdersApi".into(), "prod".into(), "/items".into())
        );
    }
    // Headers not known: the rule may or may not match.
    let origin = &doc.distributions[0].origins[0];
    let entry = m.entry_for(origin).unwrap();
    let Outcome::Depends { unknown } = resolve(&entry, "GET", "/orders/items").outcome else {
        panic!("depends on the headers");
    };
    assert!(
        unknown[0].reason.contains("tests a request header"),
        "{unknown:?}"
    );
}

#[test]
fn routing_modes_decide_what_is_used() {
    let text = correct("cfn-rest-routing-rules.yaml");
    // [mode]: mappings only: the rule is never used, whatever the headers.
    let mappings = text.replace(
        "RoutingMode: ROUTING_RULE_THEN_BASE_PATH_MAPPING",
        "RoutingMode: BASE_PATH_MAPPING_ONLY",
    );
    let doc = parse(&mappings).unwrap();
    let beta = [("x-version", "beta")];
    assert_eq!(target(&doc, "/orders/items", Some(&beta)).0, "OrdersApi");
    // [mode]: rules only: a request no rule takes is not given to the mapping.
    let rules = text.replace(
        "RoutingMode: ROUTING_RULE_THEN_BASE_PATH_MAPPING",
        "RoutingMode: ROUTING_RULE_ONLY",
    );
    let doc = parse(&rules).unwrap();
    let entry = doc
        .api_model
        .entry_for(&doc.distributions[0].origins[0])
        .unwrap();
    let r = resolve_with_headers(&entry, "GET", "/orders/items", &[]);
    let Outcome::Depends { unknown } = r.outcome else {
        panic!("no rule matches: {:?}", r.outcome);
    };
    assert!(unknown[0].reason.contains("no routing rule"), "{unknown:?}");
    // [rules]: a catch-all rule with a lower priority number than the beta rule wins.
    let catch_all = rules.replace(
        "  OrdersMapping:",
        "  CatchAll:\n    Type: AWS::ApiGatewayV2::RoutingRule\n    Properties:\n      \
         DomainNameArn: !GetAtt ApiDomain.DomainNameArn\n      Priority: 50\n      Conditions: []\n      \
         Actions:\n        - InvokeApi: {ApiId: !Ref OrdersApi, Stage: prod}\n  OrdersMapping:",
    );
    let doc = parse(&catch_all).unwrap();
    let beta = [("x-version", "beta")];
    assert_eq!(
        target(&doc, "/items", Some(&beta)),
        ("OrdersApi".into(), "prod".into(), "/items".into())
    );
}

#[test]
fn value_globs() {
    // [rules]: `a*` matches `alpha` and `account`, not `beta`; case-sensitive.
    assert!(glob_matches("a*", "alpha"));
    assert!(glob_matches("a*", "account"));
    assert!(!glob_matches("a*", "beta"));
    assert!(glob_matches("*-beta", "v2-beta"));
    assert!(glob_matches("*beta*", "v2-beta-1"));
    assert!(glob_matches("beta", "beta"));
    assert!(!glob_matches("beta", "Beta"));
}

#[test]
fn terraform_rules_are_read_and_followed() {
    let doc = terraform_module("terraform-rest-routing-rules");
    let m = &doc.api_model;
    assert_eq!(m.routing_rules.len(), 1);
    let rule = &m.routing_rules[0];
    assert_eq!(
        rule.domain_ref.as_deref(),
        Some("aws_api_gateway_domain_name.api")
    );
    assert_eq!(rule.priority.get(), Some(&100));
    let beta = [("x-version", "beta")];
    assert_eq!(
        target(&doc, "/orders/items", Some(&beta)),
        (
            "aws_api_gateway_rest_api.orders_beta".into(),
            "prod".into(),
            "/items".into()
        )
    );
    assert_eq!(
        target(&doc, "/orders/items", Some(&[])).0,
        "aws_api_gateway_rest_api.orders"
    );
}

#[test]
fn the_trace_follows_the_rule_with_the_headers_cloudfront_forwards() {
    let text = correct("cfn-rest-routing-rules.yaml");
    let doc = parse(&text).unwrap();
    let mut request =
        Request::parse("GET https://d111111abcdef8.cloudfront.net/orders/items").unwrap();
    request.add_header("x-version: beta").unwrap();
    let t = trace::trace(&doc, &text, &request, &Options::default()).unwrap();
    let api = t.hops.iter().find(|h| h.stage == Stage::Api).unwrap();
    assert!(
        api.message
            .contains("routing rule `BetaOrdersRule` (priority 100)")
            && api
                .message
                .contains("stage `prod` of `OrdersBetaApi` as `/items`"),
        "{}",
        api.message
    );
    // A behavior whose origin request policy does not forward x-version: the rule cannot match
    // through CloudFront, and the mapping answers.
    let cors_only = text.replace(
        "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac",
        "OriginRequestPolicyId: 59781a5b-3903-41f3-afcb-af62929ccde1",
    );
    let doc = parse(&cors_only).unwrap();
    let t = trace::trace(&doc, &cors_only, &request, &Options::default()).unwrap();
    let api = t.hops.iter().find(|h| h.stage == Stage::Api).unwrap();
    assert!(!api.message.contains("routing rule"), "{}", api.message);
    // The mapping takes it, and the API model decides the route (an open HTTP_PROXY route).
    assert_eq!(api.verdict, Verdict::Ok, "{}", api.message);
    assert!(
        api.message.contains("REST API `OrdersApi`") && api.message.contains("GET /items"),
        "{}",
        api.message
    );
    assert!(
        api.details.iter().any(|d| d.contains("base path `orders`")),
        "{:?}",
        api.details
    );
}
