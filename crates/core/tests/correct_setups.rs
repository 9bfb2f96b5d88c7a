//! The correct-setups suite: well-built configurations, written the way experienced engineers
//! write them (`fixtures/correct/`), must lint with no error and no warning. One test lints them
//! all and, when it fails, lists every finding above info with its file and position, so a
//! false positive is seen at once.
//!
//! A file is one setup; a directory is one Terraform module (its `.tf` files read together).

use apifront_core::lint::{lint_sources, LintConfig, Severity};
use apifront_core::source::Sources;
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

/// A setup's files: the file itself, or a module's `.tf`, `.tfvars` and `.tfvars.json` files.
fn sources_of(path: &Path) -> Sources {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .expect("a module folder")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| {
                let name = p.to_string_lossy();
                name.ends_with(".tf") || name.ends_with(".tfvars") || name.ends_with(".tfvars.json")
            })
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    Sources::from_files(files.iter().map(|f| {
        let name = f
            .file_name()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        (name, std::fs::read_to_string(f).expect("a readable setup"))
    }))
}

#[test]
fn there_are_at_least_twenty_setups_in_every_format() {
    let names: Vec<String> = setups()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.len() >= 20, "{names:?}");
    for prefix in ["cli-", "cfn-", "cdk-", "sam-", "tf-", "terraform-"] {
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
        let sources = sources_of(&path);
        // A module's findings name its file; a single file's, the setup.
        let at = |file: usize| match path.is_dir() {
            true => format!("{name}/{}", sources.name(file)),
            false => name.clone(),
        };
        match lint_sources(&sources, &LintConfig::default()) {
            Err(e) => loud.push(format!("{}: does not parse: {}", at(e.file), e.error)),
            Ok(report) => loud.extend(
                report
                    .findings
                    .iter()
                    .filter(|f| f.severity != Severity::Info)
                    .map(|f| {
                        format!(
                            "{}:{}:{} {:?} {}: {}",
                            at(f.file),
                            f.span.line,
                            f.span.column,
                            f.severity,
                            f.rule,
                            f.message
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
