//! What a behavior reaches, on whole templates.

use super::*;
use crate::lint::LintContext;
use crate::parse::parse;

/// The reach of the behavior with `pattern` (`None`: the default behavior) of the only
/// distribution of `text`.
fn reached(text: &str, pattern: Option<&str>) -> (Vec<String>, Vec<String>) {
    let doc = parse(text).unwrap();
    let dist = &doc.distributions[0];
    let ctx = LintContext::new(&doc, text, dist);
    let behavior = dist
        .all_behaviors()
        .find(|b| {
            b.path_pattern
                .as_ref()
                .and_then(|p| p.get())
                .map(String::as_str)
                == pattern
        })
        .unwrap();
    let b = behind(&ctx, behavior);
    match &b[0].target {
        Target::Api(reach) => (
            reach
                .routes
                .iter()
                .map(|r| format!("{} via {}", route_name(r.route), r.viewer_path))
                .collect(),
            reach.unknown.iter().map(|w| w.reason.clone()).collect(),
        ),
        other => panic!("{other:?}"),
    }
}

const API: &str = "  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !GetAtt Api.RootResourceId
      PathPart: orders
  List:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: GET
      AuthorizationType: NONE
      Integration: {Type: MOCK}
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      StageName: prod
";

fn template(origin_path: &str, behaviors: &str, extra: &str) -> String {
    format!(
        "Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: api
            DomainName: !Sub ${{Api}}.execute-api.${{AWS::Region}}.amazonaws.com
            OriginPath: {origin_path}
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
        DefaultCacheBehavior:
          TargetOriginId: api
          ViewerProtocolPolicy: https-only
{behaviors}{API}{extra}"
    )
}

fn api_behavior(pattern: &str, extra: &str) -> String {
    format!(
        "        CacheBehaviors:
          - PathPattern: {pattern}
            TargetOriginId: api
            ViewerProtocolPolicy: https-only
{extra}"
    )
}

#[test]
fn the_default_behavior_reaches_the_stage_routes() {
    let (routes, unknown) = reached(&template("/prod", "", ""), None);
    assert_eq!(routes, ["`GET /orders` via /orders"]);
    assert!(unknown.is_empty(), "{unknown:?}");
    // Without an origin path the viewer path names the stage.
    let (routes, _) = reached(&template("''", "", ""), None);
    assert_eq!(routes, ["`GET /orders` via /prod/orders"]);
}

#[test]
fn an_unstripped_prefix_reaches_nothing_and_a_strip_function_fixes_it() {
    let text = template("/prod", &api_behavior("/api/*", ""), "");
    let (routes, unknown) = reached(&text, Some("/api/*"));
    assert!(
        routes.is_empty() && unknown.is_empty(),
        "{routes:?} {unknown:?}"
    );
    let code = crate::render::plan::StripFunction {
        prefixes: vec!["/api".into()],
    }
    .code();
    let function = format!(
        "  Strip:
    Type: AWS::CloudFront::Function
    Properties:
      Name: strip
      FunctionCode: |
{}
",
        code.lines()
            .map(|l| format!("        {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let associated = api_behavior(
        "/api/*",
        "            FunctionAssociations:
              - EventType: viewer-request
                FunctionARN: !GetAtt Strip.FunctionARN
",
    );
    let (routes, unknown) = reached(&template("/prod", &associated, &function), Some("/api/*"));
    assert_eq!(routes, ["`GET /orders` via /api/orders"]);
    assert!(unknown.is_empty(), "{unknown:?}");
    // A function apifront does not know leaves the answer open.
    let other = function.replace("var prefixes", "var other");
    let (routes, unknown) = reached(&template("/prod", &associated, &other), Some("/api/*"));
    assert!(routes.is_empty());
    assert_eq!(unknown.len(), 1);
    assert!(unknown[0].contains("CloudFront Function"), "{unknown:?}");
}

#[test]
fn unknown_stages_and_patterns_are_said() {
    let no_stage = template("/prod", "", "").replace("  Prod:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      StageName: prod\n", "");
    let (routes, unknown) = reached(&no_stage, None);
    assert!(routes.is_empty());
    assert!(unknown[0].contains("no stage"), "{unknown:?}");
    let text = template("/prod", &api_behavior("!Ref Pattern", ""), "");
    let doc = parse(&text).unwrap();
    let dist = &doc.distributions[0];
    let ctx = LintContext::new(&doc, &text, dist);
    let b = behind(&ctx, &dist.behaviors[0]);
    let Target::Api(reach) = &b[0].target else {
        panic!()
    };
    assert!(!reach.complete());
    assert!(reach.unknowns().contains("path pattern"));
}
