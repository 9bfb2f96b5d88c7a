//! The correct-setups suite: well-built configurations, written the way experienced engineers
//! write them (`fixtures/correct/`), must lint with no error and no warning. One test lints them
//! all and, when it fails, lists every finding above info with its file and position, so a
//! false positive is seen at once.
//!
//! A file is one setup; a directory is one Terraform module (its `.tf` files read together).

use apifront_core::lint::{lint_text, LintConfig, Severity};
use std::path::{Path, PathBuf};

fn setups() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/correct");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the correct-setups folder")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    paths.sort();
    paths
}

/// The text of a setup: a file's contents, or a module's `.tf` files one after the other.
fn text_of(path: &Path) -> String {
    if !path.is_dir() {
        return std::fs::read_to_string(path).expect("a readable setup");
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .expect("a module folder")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "tf"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("a readable .tf file") + "\n")
        .collect()
}

#[test]
fn there_are_at_least_twenty_setups_in_every_format() {
    let names: Vec<String> = setups()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.len() >= 20, "{names:?}");
    for prefix in ["cli-", "cfn-", "cdk-", "sam-", "tf-"] {
        assert!(
            names.iter().any(|n| n.starts_with(prefix)),
            "no {prefix} setup"
        );
    }
    assert!(setups().iter().any(|p| p.is_dir()), "no multi-file module");
}

#[test]
fn correct_setups_have_no_error_or_warning() {
    let mut loud = Vec::new();
    for path in setups() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = text_of(&path);
        match lint_text(&text, &LintConfig::default()) {
            Err(e) => loud.push(format!("{name}: does not parse: {e}")),
            Ok(report) => loud.extend(
                report
                    .findings
                    .iter()
                    .filter(|f| f.severity != Severity::Info)
                    .map(|f| {
                        format!(
                            "{name}:{}:{} {:?} {}: {}",
                            f.span.line, f.span.column, f.severity, f.rule, f.message
                        )
                    }),
            ),
        }
    }
    assert!(
        loud.is_empty(),
        "{} finding(s) above info on correct setups:\n{}",
        loud.len(),
        loud.join("\n")
    );
}
