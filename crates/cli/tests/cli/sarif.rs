//! `apifront lint --format sarif`: valid SARIF 2.1.0 with rule metadata and locations.
//!
//! `tests/sarif-schema-2.1.0.json` is the SARIF 2.1.0 (rtm.5) JSON schema as shipped in the npm
//! package `@microsoft/jest-sarif` 1.0.0-beta.0 (`lib/schemas/sarif-2.1.0-rtm.5.json`, MIT).

use super::{apifront, core_findings, core_fixture, json_of};
use serde_json::Value;

pub fn validate(log: &Value) {
    let schema: Value = serde_json::from_str(include_str!("../sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF: {errors:#?}");
}

#[test]
fn the_schema_rejects_a_broken_log() {
    let schema: Value = serde_json::from_str(include_str!("../sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let broken = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {}}]});
    assert!(!validator.is_valid(&broken));
}

#[test]
fn lint_output_validates_against_the_sarif_schema() {
    let log = json_of(
        apifront()
            .args([
                "lint",
                "--format",
                "sarif",
                "tree",
                "invalid.json",
                "missing.yaml",
            ])
            .arg(core_fixture("cfn/serverless-two-distributions.yml"))
            .arg(core_fixture("rules/broken.tf")),
    );
    validate(&log);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 2);
    let region = &notes[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&region["startLine"], &region["startColumn"]),
        (&3.into(), &21.into())
    );
    assert!(notes[1]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("no such file"));
}

#[test]
fn rules_carry_full_metadata() {
    let log = json_of(apifront().args(["lint", "--format", "sarif", "tree/api.yaml"]));
    validate(&log);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), apifront_core::rules::all().len());
    for rule in rules {
        for key in ["shortDescription", "fullDescription"] {
            assert!(!rule[key]["text"].as_str().unwrap().is_empty(), "{rule}");
        }
        assert!(rule["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## Why is this bad?"));
        assert!(!rule["help"]["text"].as_str().unwrap().is_empty());
        assert!(rule["helpUri"].as_str().unwrap().starts_with("https://"));
        let level = rule["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level), "{level}");
    }
    let host = rules
        .iter()
        .find(|r| r["id"] == "apigw-host-header-forwarded")
        .unwrap();
    assert_eq!(host["defaultConfiguration"]["level"], "error");
}

#[test]
fn results_have_regions_logical_locations_and_fixes() {
    let log = json_of(apifront().args(["lint", "--format", "sarif", "tree/api.yaml"]));
    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), core_findings("tree/api.yaml").len());
    let host = results
        .iter()
        .find(|r| r["ruleId"] == "apigw-host-header-forwarded")
        .unwrap();
    assert_eq!(host["level"], "error");
    let index = host["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(
        run["tool"]["driver"]["rules"][index]["id"],
        "apigw-host-header-forwarded"
    );
    let location = &host["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        "tree/api.yaml"
    );
    let region = &location["physicalLocation"]["region"];
    assert_eq!(
        [
            &region["startLine"],
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"]
        ],
        [&Value::from(22), &34.into(), &22.into(), &70.into()]
    );
    assert_eq!(location["logicalLocations"][0]["name"], "Cdn");
    assert_eq!(location["logicalLocations"][0]["kind"], "resource");
    let replacement = &host["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(
        replacement["insertedContent"]["text"],
        "b689b0a8-53d0-40ab-baf2-68738e2966ac"
    );
    let info = results
        .iter()
        .find(|r| r["ruleId"] == "access-logging-disabled")
        .unwrap();
    assert_eq!(info["level"], "note");
}

#[test]
fn multiple_distributions_are_separate_logical_locations() {
    let log = json_of(
        apifront()
            .args(["lint", "--format", "sarif"])
            .arg(core_fixture("cfn/serverless-two-distributions.yml")),
    );
    validate(&log);
    let names: std::collections::BTreeSet<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["logicalLocations"][0]["name"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(
        names,
        std::collections::BTreeSet::from(["ApiDistribution", "StaticDistribution"])
    );
}
