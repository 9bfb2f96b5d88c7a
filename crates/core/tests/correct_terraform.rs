//! The correct multi-file Terraform setups (`tests/fixtures/correct/terraform-*/`, one module
//! per directory): each lints with no error and no warning.

use apifront_core::lint::{lint_sources, LintConfig, Severity};
use apifront_core::source::Sources;
use std::path::Path;

/// The `.tf`, `.tfvars` and `.tfvars.json` files of a directory, by name.
fn module(dir: &Path) -> Sources {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tf") || n.ends_with(".tfvars") || n.ends_with(".tfvars.json"))
        .collect();
    names.sort();
    let files: Vec<(String, String)> = names
        .into_iter()
        .map(|n| {
            let text = std::fs::read_to_string(dir.join(&n)).unwrap();
            (n, text)
        })
        .collect();
    Sources::from_files(files)
}

#[test]
fn correct_terraform_modules_have_no_error_or_warning() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/correct");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("terraform-"))
        })
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 3, "{dirs:?}");
    let mut bad = Vec::new();
    for dir in &dirs {
        let sources = module(dir);
        assert!(
            sources.len() >= 3,
            "{}: a module of several files",
            dir.display()
        );
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        match lint_sources(&sources, &LintConfig::default()) {
            Err(e) => bad.push(format!("{name}/{}: {}", sources.name(e.file), e.error)),
            Ok(report) => bad.extend(
                report
                    .findings
                    .iter()
                    .filter(|f| f.severity != Severity::Info)
                    .map(|f| {
                        format!(
                            "{name}/{}:{}:{}: {} [{}] {}",
                            sources.name(f.file),
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
    assert!(bad.is_empty(), "findings above info:\n{}", bad.join("\n"));
}
