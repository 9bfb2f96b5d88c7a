//! Correct, well-built configurations (`fixtures/correct/`): each must lint with no error and
//! no warning. A failure lists every finding above info, file by file.
//!
//! Add a file to the folder to add it to the suite; every format apifront reads may go there.

use apifront_core::lint::{lint_text, LintConfig, Severity};

#[test]
fn correct_setups_have_no_error_or_warning() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/correct");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "the suite has {} files", paths.len());
    let mut problems = Vec::new();
    for path in &paths {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        match lint_text(&text, &LintConfig::default()) {
            Err(e) => problems.push(format!("{name}: does not parse: {e}")),
            Ok(report) => problems.extend(
                report
                    .findings
                    .iter()
                    .filter(|f| f.severity != Severity::Info)
                    .map(|f| {
                        format!(
                            "{name}:{}:{}: {} {}: {}",
                            f.span.line,
                            f.span.column,
                            f.severity.as_str(),
                            f.rule,
                            f.message
                        )
                    }),
            ),
        }
    }
    assert!(
        problems.is_empty(),
        "{} finding(s) above info:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
