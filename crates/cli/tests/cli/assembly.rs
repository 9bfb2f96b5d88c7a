//! `apifront lint cdk.out`: a CDK cloud assembly is read through its manifest, stages included,
//! and findings are named by stack.

use super::{apifront, core_fixture, json_of};
use predicates::prelude::*;
use serde_json::{json, Value};
use std::path::Path;

/// A `cdk.out` with one top-level stack holding a distribution, one without, and a stage
/// (`Prod`) whose stack holds the same distribution.
fn assembly(root: &Path) {
    let template = std::fs::read_to_string(core_fixture("cfn/cdk-synth.json")).unwrap();
    let queue = r#"{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}"#;
    let stage = root.join("assembly-Prod");
    std::fs::create_dir_all(&stage).unwrap();
    std::fs::write(root.join("ApiStack.template.json"), &template).unwrap();
    std::fs::write(root.join("QueueStack.template.json"), queue).unwrap();
    std::fs::write(stage.join("ProdApiStack1234.template.json"), &template).unwrap();
    let manifest = json!({
        "version": "48.0.0",
        "artifacts": {
            "ApiStack": {
                "type": "aws:cloudformation:stack",
                "environment": "aws://unknown-account/unknown-region",
                "properties": {"templateFile": "ApiStack.template.json"},
                "displayName": "ApiStack"
            },
            "QueueStack": {
                "type": "aws:cloudformation:stack",
                "environment": "aws://unknown-account/unknown-region",
                "properties": {"templateFile": "QueueStack.template.json"},
                "displayName": "QueueStack"
            },
            "assembly-Prod": {
                "type": "cdk:cloud-assembly",
                "properties": {"directoryName": "assembly-Prod", "displayName": "Prod"}
            },
            "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}
        }
    });
    std::fs::write(root.join("manifest.json"), manifest.to_string()).unwrap();
    let stage_manifest = json!({
        "version": "48.0.0",
        "artifacts": {
            "ProdApiStack1234": {
                "type": "aws:cloudformation:stack",
                "environment": "aws://unknown-account/unknown-region",
                "properties": {"templateFile": "ProdApiStack1234.template.json"},
                "displayName": "Prod/ApiStack"
            }
        }
    });
    std::fs::write(stage.join("manifest.json"), stage_manifest.to_string()).unwrap();
}

#[test]
fn lints_each_stack_of_a_cloud_assembly_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cdk.out");
    assembly(&out);
    let report = json_of(
        apifront()
            .current_dir(dir.path())
            .args(["lint", "--format", "json", "cdk.out"]),
    );
    assert!(super::formats::schema_errors(&report, None).is_empty());
    let files = report["files"].as_array().unwrap();
    let named: Vec<(&str, &str)> = files
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["stack"].as_str().unwrap()))
        .collect();
    assert_eq!(
        named,
        [
            ("cdk.out/ApiStack.template.json", "ApiStack"),
            (
                "cdk.out/assembly-Prod/ProdApiStack1234.template.json",
                "Prod/ApiStack"
            ),
        ]
    );
    let text = std::fs::read_to_string(core_fixture("cfn/cdk-synth.json")).unwrap();
    let expected = apifront_core::lint::lint_text(&text, &Default::default())
        .unwrap()
        .findings;
    assert!(!expected.is_empty());
    for file in files {
        assert_eq!(file["findings"].as_array().unwrap().len(), expected.len());
    }
    apifront()
        .current_dir(dir.path())
        .args(["lint", "cdk.out", "--severity", "info"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("= in: stack Prod/ApiStack: "));
}

#[test]
fn a_broken_manifest_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("manifest.json"), "{\"artifacts\": 3}").unwrap();
    apifront()
        .arg("lint")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a cloud assembly manifest"));
}

#[test]
fn an_assembly_without_distributions_has_nothing_to_lint() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Q.template.json"),
        r#"{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}"#,
    )
    .unwrap();
    let manifest: Value = json!({"version": "48.0.0", "artifacts": {"Q": {
        "type": "aws:cloudformation:stack",
        "properties": {"templateFile": "Q.template.json"}}}});
    std::fs::write(dir.path().join("manifest.json"), manifest.to_string()).unwrap();
    apifront()
        .arg("lint")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to lint in"));
}
