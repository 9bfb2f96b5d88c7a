//! The hosting template the project ships (`deploy/site.yaml`) passes its own linter: no error
//! and no warning.

use apifront_core::lint::{lint_text, LintConfig, Severity};
use apifront_core::model::Format;

#[test]
fn the_site_template_lints_clean() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../deploy/site.yaml");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let report = lint_text(&text, &LintConfig::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.format, Format::CfnYaml);
    let serious: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity <= Severity::Warning)
        .map(|f| format!("{}:{} {} {}", f.span.line, f.span.column, f.rule, f.message))
        .collect();
    assert!(serious.is_empty(), "{serious:#?}");
    let doc = apifront_core::parse::parse(&text).expect("parses");
    assert_eq!(doc.distributions.len(), 1);
    assert_eq!(doc.distributions[0].name, "Site");
}
