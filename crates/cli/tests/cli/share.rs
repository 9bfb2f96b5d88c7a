//! `apifront share-link`: encode presets, states and text; decode links.

use super::{apifront, core_fixture};
use apifront_core::state::{preset, FormState};
use predicates::prelude::*;

fn link_of(cmd: &mut assert_cmd::Command) -> String {
    let output = cmd.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

fn decoded(link: &str) -> FormState {
    let output = apifront()
        .args(["share-link", "--decode", link])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn a_preset_link_decodes_to_the_preset() {
    let link = link_of(apifront().args(["share-link", "--preset", "lambda-url-oac"]));
    assert!(
        link.starts_with("https://apifront.github.io/apifront/#v2."),
        "{link}"
    );
    assert!(!link.contains('?'));
    assert_eq!(decoded(&link), preset("lambda-url-oac").unwrap().state);
    let custom = link_of(apifront().args([
        "share-link",
        "--preset",
        "http-api",
        "--base",
        "http://127.0.0.1:8080/app/#old",
    ]));
    assert!(
        custom.starts_with("http://127.0.0.1:8080/app/#v2."),
        "{custom}"
    );
    assert_eq!(decoded(&custom), preset("http-api").unwrap().state);
    let from_env = link_of(
        apifront()
            .args(["share-link", "--preset", "http-api"])
            .env("APIFRONT_APP_URL", "https://cdn.example.org/"),
    );
    assert!(from_env.starts_with("https://cdn.example.org/#v2."));
}

#[test]
fn secrets_in_a_state_are_redacted_unless_included() {
    let mut state = FormState::default();
    state.protection.secret_name = "{{resolve:secretsmanager:prod/origin}}".into();
    let json = serde_json::to_string(&state).unwrap();
    let output = apifront()
        .args(["share-link", "--state", "-"])
        .write_stdin(json.clone())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("note: redacted state.protection.secret_name"));
    let link = String::from_utf8(output.stdout).unwrap();
    assert_eq!(decoded(link.trim()).protection.secret_name, "REDACTED");
    let kept = link_of(
        apifront()
            .args(["share-link", "--include-secrets", "--state", "-"])
            .write_stdin(json),
    );
    assert_eq!(decoded(&kept), state);
}

#[test]
fn text_travels_with_header_values_redacted() {
    let config = core_fixture("cli-json/get-distribution-config-rest-api.json");
    let output = apifront()
        .args(["share-link", "--preset", "http-api", "--text"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("note: redacted text line 24: value of origin header"));
    let link = String::from_utf8(output.stdout).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pasted.json");
    apifront()
        .args(["share-link", "--decode", link.trim(), "--text-out"])
        .arg(&out)
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&out).unwrap();
    let original = std::fs::read_to_string(&config).unwrap();
    assert!(original.contains("3f9c1a7e-shared-secret"));
    assert_eq!(text, original.replace("3f9c1a7e-shared-secret", "REDACTED"));
    apifront()
        .args(["share-link", "--decode", link.trim()])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("also carries"));
}

#[test]
fn frozen_links_still_decode() {
    let frozen = std::fs::read_to_string(core_fixture("share/v1-http-api-deflate.txt")).unwrap();
    let state = decoded(frozen.trim());
    assert_eq!(state.api.stage, "$default");
}

#[test]
fn bad_links_and_names_are_status_2() {
    for link in [
        "v1.z!!!",
        "https://example.com/app?v1.jAAAA",
        "v7.jAAAA",
        "hello",
    ] {
        apifront()
            .args(["share-link", "--decode", link])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("cannot read the share link"));
    }
    apifront()
        .args(["share-link", "--preset", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the presets are:"));
    apifront()
        .args(["share-link", "--state", "missing.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "missing.json: no such file or directory",
        ));
    apifront().arg("share-link").assert().code(2);
}
