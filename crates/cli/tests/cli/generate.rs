//! `apifront generate`, `presets` and `import`.

use super::{apifront, core_fixture, json_of};
use apifront_core::render::OutputFormat;
use apifront_core::state::{presets, FormState};
use predicates::prelude::*;

/// Formats the linter reads back.
fn lintable(format: OutputFormat) -> bool {
    matches!(
        format.as_str(),
        "cfn-yaml" | "cfn-json" | "cli-json" | "terraform"
    )
}

#[test]
fn every_preset_renders_in_every_format_and_lints_clean_of_errors() {
    for preset in presets() {
        for format in OutputFormat::ALL {
            let output = apifront()
                .args([
                    "generate",
                    "--preset",
                    preset.name,
                    "--format",
                    format.as_str(),
                ])
                .output()
                .unwrap();
            let label = format!("{} as {}", preset.name, format.as_str());
            if output.status.code() == Some(2) {
                // A preset the format cannot express is refused with the reason.
                let stderr = String::from_utf8_lossy(&output.stderr);
                assert!(
                    stderr.contains("cannot be rendered as"),
                    "{label}: {stderr}"
                );
                continue;
            }
            assert_eq!(output.status.code(), Some(0), "{label}");
            assert!(!output.stdout.is_empty(), "{label}");
            if lintable(*format) {
                apifront()
                    .arg("lint")
                    .write_stdin(output.stdout)
                    .assert()
                    .code(0);
            }
        }
    }
}

#[test]
fn writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cdn.yaml");
    apifront()
        .args([
            "generate", "--preset", "http-api", "--format", "cfn-yaml", "-o",
        ])
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("AWS::CloudFront::Distribution"));
}

#[test]
fn imports_a_configuration_and_generates_from_its_state() {
    apifront()
        .arg("import")
        .arg(core_fixture("cfn/serverless-two-distributions.yml"))
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "warning: not carried over: only the first of 2 distributions",
        ));
    let output = apifront()
        .arg("import")
        .arg(core_fixture("reference/hardened.yaml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let state: FormState = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(state.api.resource_name, "OrdersApi");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("state.json");
    std::fs::write(&file, &output.stdout).unwrap();
    apifront()
        .args(["generate", "--format", "cfn-json", "--state"])
        .arg(&file)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("OrdersApi"));
    // The state can also come from standard input.
    apifront()
        .args(["generate", "--format", "cfn-yaml", "--state", "-"])
        .write_stdin(output.stdout)
        .assert()
        .code(0);
}

#[test]
fn import_of_an_unparseable_file_fails_with_its_position() {
    apifront()
        .args(["import", "invalid.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: invalid.json:3:21:"));
}

#[test]
fn unknown_preset_lists_the_presets() {
    apifront()
        .args(["generate", "--preset", "http-ap", "--format", "cfn-yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown preset `http-ap`"))
        .stderr(predicate::str::contains("did you mean `http-api`?"))
        .stderr(predicate::str::contains("rest-custom-domain"));
}

#[test]
fn bad_state_and_bad_usage_are_status_2() {
    apifront()
        .args(["generate", "--format", "cfn-yaml", "--state", "-"])
        .write_stdin("{\"api\": {\"kind\": \"soap\"}}")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a valid form state"));
    apifront()
        .args(["generate", "--format", "cfn-yaml"])
        .assert()
        .code(2);
    apifront()
        .args(["generate", "--preset", "http-api", "--format", "pulumi"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cfn-yaml"));
    let mut invalid = FormState::default();
    invalid.api.region = String::new();
    invalid.api.api_id = String::new();
    apifront()
        .args(["generate", "--format", "cfn-yaml", "--state", "-"])
        .write_stdin(serde_json::to_string(&invalid).unwrap())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be rendered as cfn-yaml"))
        .stderr(predicate::str::contains("api."));
}

#[test]
fn presets_list_as_text_and_json() {
    let output = apifront().arg("presets").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    for preset in presets() {
        assert!(
            text.contains(preset.name) && text.contains(preset.title),
            "{text}"
        );
    }
    let list = json_of(apifront().args(["presets", "--format", "json"]));
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), presets().len());
    let first: FormState = serde_json::from_value(list[0]["state"].clone()).unwrap();
    assert_eq!(first, presets()[0].state);
}
