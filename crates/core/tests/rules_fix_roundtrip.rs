//! Every fixture of the repository: linting never panics, and applying all fixes (safe and
//! unsafe) yields text that still parses.

use apifront_core::lint::{fix_text, lint_text, LintConfig};
use apifront_core::parse::parse;
use std::path::Path;

fn fixtures() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in ["cli-json", "cfn", "terraform", "rules", "reference"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push((path.display().to_string(), text));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn fixes_keep_every_fixture_parseable() {
    let all = fixtures();
    assert!(all.len() >= 10, "found only {} fixtures", all.len());
    let mut checked = 0;
    for (name, text) in all {
        if parse(&text).is_err() {
            continue; // fixtures of parse errors
        }
        let report = lint_text(&text, &LintConfig::default()).unwrap();
        for f in &report.findings {
            assert!(
                f.span.end <= text.len(),
                "{name}: {} span past the end",
                f.rule
            );
            for edit in f.fix.iter().flat_map(|x| &x.edits) {
                assert!(
                    edit.start <= edit.end && edit.end <= text.len(),
                    "{name}: {edit:?}"
                );
            }
        }
        for include_unsafe in [false, true] {
            let fixed =
                fix_text(&text, &LintConfig::default(), include_unsafe).unwrap_or_else(|e| {
                    panic!("{name} (unsafe: {include_unsafe}): fixed text does not parse: {e}")
                });
            let again = lint_text(&fixed, &LintConfig::default()).unwrap();
            let left: Vec<_> = again
                .findings
                .iter()
                .filter(|f| f.fix.as_ref().is_some_and(|x| x.safe || include_unsafe))
                .map(|f| format!("{} {}:{} {}", f.rule, f.span.line, f.span.column, f.message))
                .collect();
            assert!(
                left.is_empty(),
                "{name} (unsafe: {include_unsafe}): {left:#?}\n{fixed}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 10);
}

/// Found by the `fix` fuzz target: an origin with `CustomOriginConfig:` and no value (read as
/// absent) got a second `CustomOriginConfig` inserted, a duplicate key. Every fix still applies
/// where it can, and the fixed text parses.
#[test]
fn a_key_without_a_value_is_not_inserted_twice() {
    let text = include_str!("fixtures/fuzz/fix-custom-origin-config-without-value.yaml");
    let before = lint_text(text, &LintConfig::default()).expect("the fuzz input parses");
    assert!(before
        .findings
        .iter()
        .any(|f| f.rule == "apigw-origin-needs-custom-config"));
    let fixed = fix_text(text, &LintConfig::default(), true).expect("fixes apply");
    assert_ne!(fixed, text, "the other fixes still apply");
    let doc = parse(&fixed).unwrap_or_else(|e| panic!("{e}\n{fixed}"));
    assert_eq!(doc.distributions.len(), 2);
    assert_eq!(
        fixed.matches("CustomOriginConfig:").count(),
        text.matches("CustomOriginConfig:").count()
    );
}
