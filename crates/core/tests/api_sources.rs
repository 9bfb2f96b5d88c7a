//! An exported API definition read beside its configuration as one input: it is attached to the
//! API origin, and every position of the API it gives is placed in the definition's own file.

use apifront_core::lint::{lint_sources, LintConfig};
use apifront_core::parse::parse_sources_noted;
use apifront_core::source::{Role, Sources};

const CONFIG: &str = r#"{
  "DistributionConfig": {
    "CallerReference": "pets",
    "Comment": "",
    "Enabled": true,
    "Origins": {"Quantity": 1, "Items": [{
      "Id": "pets-api",
      "DomainName": "k7x2m9q4tb.execute-api.eu-west-1.amazonaws.com",
      "OriginPath": "/prod",
      "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only",
        "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}
    }]},
    "DefaultCacheBehavior": {
      "TargetOriginId": "pets-api",
      "ViewerProtocolPolicy": "https-only",
      "AllowedMethods": {"Quantity": 3, "Items": ["GET", "HEAD", "OPTIONS"]},
      "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
      "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"
    }
  }
}
"#;

fn input() -> Sources {
    let mut sources = Sources::new();
    sources.push("distribution.json", CONFIG);
    sources.push_api_definition(
        "petstore.json",
        include_str!("fixtures/api/export-rest-oas30.json"),
    );
    sources
}

#[test]
fn a_definition_is_attached_and_its_positions_are_its_own() {
    let sources = input();
    assert_eq!(sources.files()[1].role, Role::ApiDefinition);
    let (doc, notes) = parse_sources_noted(&sources).expect("both files parse");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].attached, "{}", notes[0].message);
    let api = doc.api_model.apis.last().expect("the definition's API");
    let route = api
        .routes
        .iter()
        .find(|r| r.name.contains("/pets"))
        .expect("a /pets route");
    let at = sources.locate(route.span);
    assert_eq!(at.file, 1);
    let definition = sources.file_text(1);
    let line = definition
        .lines()
        .position(|l| l.contains("\"/pets\""))
        .unwrap() as u32
        + 1;
    assert!(
        at.span.line >= line && at.span.line < line + 30,
        "route at {}:{}, `/pets` on line {line}",
        at.span.line,
        at.span.column
    );
}

#[test]
fn a_definition_before_the_configuration_is_refused() {
    let mut sources = Sources::new();
    sources.push_api_definition("petstore.json", "{}");
    sources.push("distribution.json", CONFIG);
    let error = lint_sources(&sources, &LintConfig::default()).expect_err("order");
    assert_eq!(error.file, 1);
    assert!(
        error.error.message.contains("come before"),
        "{}",
        error.error
    );
}

#[test]
fn a_broken_definition_is_reported_in_its_file() {
    let mut sources = Sources::new();
    sources.push("distribution.json", CONFIG);
    sources.push_api_definition(
        "broken.json",
        "{\n  \"openapi\": \"3.0.1\",\n  \"paths\": [\n",
    );
    let error = lint_sources(&sources, &LintConfig::default()).expect_err("broken");
    assert_eq!(error.file, 1);
    assert!(error.error.line >= 3, "{}", error.error);
}
