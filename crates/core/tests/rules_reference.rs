//! The hardened reference configuration gives no error and no warning, in every format.

use apifront_core::forwarding::{self, Amount};
use apifront_core::lint::{lint_text, LintConfig, Severity};
use apifront_core::model::Format;
use apifront_core::parse::parse;

fn assert_clean(text: &str, format: Format) {
    let doc = parse(text).unwrap_or_else(|e| panic!("{format:?}: {e}"));
    assert_eq!(doc.format, format);
    assert_eq!(doc.distributions.len(), 1);
    let dist = &doc.distributions[0];
    assert!(
        dist.origins.iter().all(|o| o.kind.0.is_api_gateway()),
        "{format:?}: origin not classified as API Gateway: {:?}",
        dist.origins.iter().map(|o| &o.kind).collect::<Vec<_>>()
    );
    // Clean because the settings are understood, not because they are unknown.
    let behavior = dist.default_behavior.as_ref().expect("default behavior");
    let fwd = forwarding::effective(&doc, behavior);
    assert!(fwd.host.is(false), "{format:?}: host {:?}", fwd.host);
    assert!(fwd.authorization.is(true), "{format:?}");
    assert!(fwd.query_strings.is(Amount::All), "{format:?}");
    assert!(fwd.caching.is(false), "{format:?}");
    assert!(dist.web_acl_id.get().is_some(), "{format:?}");
    let report = lint_text(text, &LintConfig::default()).unwrap();
    let loud: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| format!("{} {}:{} {}", f.rule, f.span.line, f.span.column, f.message))
        .collect();
    assert!(loud.is_empty(), "{format:?}: {loud:#?}");
    // Info is allowed, but only what a hardened global API legitimately shows.
    // Terraform's API has no methods in the file: whether its routes are reached is not known.
    const EXPECTED_INFO: &[&str] = &["geo-restriction-none", "apigw-route-unreachable"];
    let info: Vec<&str> = report
        .findings
        .iter()
        .map(|f| &*f.rule)
        .filter(|r| !EXPECTED_INFO.contains(r))
        .collect();
    assert!(
        info.is_empty(),
        "{format:?}: unexpected info findings {info:?}"
    );
}

#[test]
fn hardened_cli_json_is_clean() {
    assert_clean(
        include_str!("fixtures/reference/hardened.json"),
        Format::CliJson,
    );
}

#[test]
fn hardened_cloudformation_yaml_is_clean() {
    assert_clean(
        include_str!("fixtures/reference/hardened.yaml"),
        Format::CfnYaml,
    );
}

#[test]
fn hardened_terraform_is_clean() {
    assert_clean(
        include_str!("fixtures/reference/hardened.tf"),
        Format::Terraform,
    );
}
