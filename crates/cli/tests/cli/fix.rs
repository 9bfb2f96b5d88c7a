//! `apifront fix`: in place, --diff, --stdout, stdin, --unsafe.

use super::{apifront, core_fixture, fixture, json_of};
use predicates::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

/// A copy of `source` in a fresh temporary directory.
fn copy(source: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(source.file_name().unwrap());
    fs::copy(source, &path).unwrap();
    (dir, path)
}

/// The findings of `path` that still have a safe fix.
fn safe_findings(path: &Path) -> Vec<serde_json::Value> {
    let report = json_of(apifront().args(["lint", "--format", "json"]).arg(path));
    assert_eq!(report["files"][0]["error"], serde_json::Value::Null);
    report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["fix"]["safe"] == true)
        .cloned()
        .collect()
}

#[test]
fn fixes_in_place_then_lint_is_clean_of_safe_findings() {
    let (_dir, path) = copy(&fixture("tree/api.yaml"));
    assert!(!safe_findings(&path).is_empty());
    apifront().arg("fix").arg(&path).assert().code(0).stderr(
        predicate::str::is_match("api.yaml: fixed [0-9]+ problems?; [0-9]+ remaining").unwrap(),
    );
    let fixed = fs::read_to_string(&path).unwrap();
    assert!(fixed.contains("OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n"));
    // The unsafe fix was not applied.
    assert!(fixed.contains("ViewerProtocolPolicy: allow-all\n"));
    assert!(safe_findings(&path).is_empty());
    apifront()
        .arg("fix")
        .arg("--unsafe")
        .arg(&path)
        .assert()
        .code(0);
    let fixed = fs::read_to_string(&path).unwrap();
    assert!(fixed.contains("ViewerProtocolPolicy: https-only\n"));
    apifront().arg("lint").arg(&path).assert().code(0);
}

#[test]
fn fixes_the_rule_fixtures_of_every_format() {
    for name in ["broken.yaml", "broken.json", "broken.tf"] {
        let (_dir, path) = copy(&core_fixture(&format!("rules/{name}")));
        assert!(!safe_findings(&path).is_empty(), "{name} has no safe fix");
        apifront().arg("fix").arg(&path).assert().code(0);
        assert_eq!(
            safe_findings(&path),
            Vec::<serde_json::Value>::new(),
            "{name}"
        );
    }
}

#[test]
fn diff_shows_the_change_without_writing() {
    let (_dir, path) = copy(&fixture("tree/api.yaml"));
    let before = fs::read_to_string(&path).unwrap();
    let name = path.display().to_string();
    apifront()
        .args(["fix", "--diff"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "--- a/{name}\n+++ b/{name}\n"
        )))
        .stdout(predicate::str::contains(
            "-          OriginRequestPolicyId: 216adef6-5c7f-47e4-b989-5492eafa07d3\n\
             +          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n",
        ));
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
    // Nothing to fix: an empty diff and status 0.
    apifront()
        .args(["fix", "--diff"])
        .arg(core_fixture("reference/hardened.yaml"))
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn stdout_and_stdin_print_the_fixed_text() {
    let (_dir, path) = copy(&fixture("tree/api.yaml"));
    let before = fs::read_to_string(&path).unwrap();
    let expected = before.replace(
        "216adef6-5c7f-47e4-b989-5492eafa07d3",
        "b689b0a8-53d0-40ab-baf2-68738e2966ac",
    );
    apifront()
        .args(["fix", "--stdout"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout(expected.clone());
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
    apifront()
        .args(["fix", "-"])
        .write_stdin(before)
        .assert()
        .code(0)
        .stdout(expected);
}

#[test]
fn unparseable_or_missing_input_is_status_2() {
    apifront()
        .args(["fix", "invalid.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid.json:3:21:"));
    apifront()
        .args(["fix", "missing.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "missing.yaml: no such file or directory",
        ));
    apifront()
        .args(["fix", "--diff", "--stdout", "tree/api.yaml"])
        .assert()
        .code(2);
}

#[test]
fn fixes_a_directory_in_place() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("stacks")).unwrap();
    let api = dir.path().join("stacks/api.yaml");
    fs::copy(fixture("tree/api.yaml"), &api).unwrap();
    fs::copy(
        fixture("tree/nested/queue.yaml"),
        dir.path().join("queue.yaml"),
    )
    .unwrap();
    apifront().arg("fix").arg(dir.path()).assert().code(0);
    assert!(safe_findings(&api).is_empty());
    apifront()
        .args(["fix", "--stdout"])
        .arg(fixture("empty-dir"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to fix in"));
}
