//! `apifront lint`: formats, exit statuses, stdin, directories and errors.

use super::{apifront, core_findings, core_fixture, fixture, json_of};
use predicates::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;

fn findings(report: &Value, file: usize) -> &Vec<Value> {
    report["files"][file]["findings"].as_array().unwrap()
}

fn finding<'a>(report: &'a Value, rule: &str) -> &'a Value {
    findings(report, 0)
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {report}"))
}

#[test]
fn text_report_shows_code_frames_fix_and_docs() {
    apifront()
        .args(["lint", "tree/api.yaml"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[apigw-host-header-forwarded]: default behavior forwards the viewer Host",
        ))
        .stdout(predicate::str::contains(
            "  --> tree/api.yaml:22:34\n   |\n\
             22 |           OriginRequestPolicyId: 216adef6-5c7f-47e4-b989-5492eafa07d3\n   \
             |                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n",
        ))
        .stdout(predicate::str::contains(
            "   = in: Cdn (Resources/Cdn/Properties/DistributionConfig/DefaultCacheBehavior/OriginRequestPolicyId)\n\
             \x20  = fix: use origin request policy AllViewerExceptHostHeader (safe: `apifront fix`)\n\
             \x20  = see: apifront explain apigw-host-header-forwarded\n",
        ))
        .stdout(predicate::str::contains(format!(
            "Found {} problems (",
            core_findings("tree/api.yaml").len()
        )))
        .stdout(predicate::str::contains(format!(
            "fixable with `apifront fix`; {} more with `apifront fix --unsafe`.",
            core_findings("tree/api.yaml")
                .iter()
                .filter(|f| f.fix.as_ref().is_some_and(|x| !x.safe))
                .count()
        )))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn colour_only_when_forced_or_on_a_terminal() {
    apifront()
        .args(["lint", "tree/api.yaml"])
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\x1b["));
    // Not a terminal (captured) and nothing forced: plain text.
    apifront()
        .args(["lint", "tree/api.yaml"])
        .env_remove("NO_COLOR")
        .assert()
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn json_report_has_the_documented_shape() {
    let report = json_of(apifront().args(["lint", "--format", "json", "tree/api.yaml"]));
    assert_eq!(report["version"], apifront_core::VERSION);
    let file = &report["files"][0];
    assert_eq!(file["path"], "tree/api.yaml");
    assert_eq!(file["format"], "cfn-yaml");
    assert_eq!(file["error"], Value::Null);
    let host = finding(&report, "apigw-host-header-forwarded");
    assert_eq!(host["severity"], "error");
    assert_eq!(
        (
            &host["span"]["line"],
            &host["span"]["column"],
            &host["span"]["end_line"],
            &host["span"]["end_column"]
        ),
        (&22.into(), &34.into(), &22.into(), &70.into())
    );
    assert_eq!(
        host["path"],
        "Resources/Cdn/Properties/DistributionConfig/DefaultCacheBehavior/OriginRequestPolicyId"
    );
    assert_eq!(host["distribution"], "Cdn");
    assert_eq!(host["fix"]["safe"], true);
    let edit = &host["fix"]["edits"][0];
    assert_eq!(edit["replacement"], "b689b0a8-53d0-40ab-baf2-68738e2966ac");
    let text = std::fs::read_to_string(fixture("tree/api.yaml")).unwrap();
    let (start, end) = (
        edit["start"].as_u64().unwrap() as usize,
        edit["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "216adef6-5c7f-47e4-b989-5492eafa07d3");
    let logging = finding(&report, "access-logging-disabled");
    assert_eq!(logging["fix"], Value::Null);
    assert_eq!(logging["severity"], "info");
}

#[test]
fn exit_status_follows_the_threshold() {
    // Errors present: 1 at the default threshold.
    apifront().args(["lint", "tree/api.yaml"]).assert().code(1);
    // Only info left once the two error rules are disabled.
    let only_info = [
        "lint",
        "tree/api.yaml",
        "--disable",
        "apigw-host-header-forwarded",
        "--disable",
        "viewer-protocol-allow-all",
    ];
    apifront().args(only_info).assert().code(0);
    apifront()
        .args(only_info)
        .args(["--severity", "warning"])
        .assert()
        .code(0);
    apifront()
        .args(only_info)
        .args(["--severity", "info"])
        .assert()
        .code(1);
    // A hardened configuration is clean at every level but info.
    for name in ["hardened.yaml", "hardened.json", "hardened.tf"] {
        apifront()
            .arg("lint")
            .arg(core_fixture(&format!("reference/{name}")))
            .args(["--severity", "warning"])
            .assert()
            .code(0);
    }
}

#[test]
fn reads_standard_input() {
    let text = std::fs::read_to_string(fixture("tree/api.yaml")).unwrap();
    for args in [
        &["lint", "-", "--format", "json"][..],
        &["lint", "--format", "json"],
    ] {
        let output = apifront()
            .args(args)
            .write_stdin(text.clone())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["files"][0]["path"], "<stdin>");
        assert_eq!(
            findings(&report, 0).len(),
            core_findings("tree/api.yaml").len()
        );
    }
    apifront()
        .arg("lint")
        .write_stdin("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "the template defines no AWS::CloudFront::Distribution",
        ));
}

#[test]
fn walks_directories_and_skips_files_without_distributions() {
    let report = json_of(apifront().args(["lint", "--format", "json", "tree"]));
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["tree/api.yaml", "tree/nested/main.tf"]);
    assert_eq!(report["files"][1]["format"], "terraform");
    apifront().args(["lint", "tree"]).assert().code(1);
    // A named file is never skipped: it must hold a distribution.
    let report = json_of(apifront().args(["lint", "--format", "json", "tree/nested/queue.yaml"]));
    assert_eq!(
        report["files"][0]["error"]["message"],
        "the template defines no AWS::CloudFront::Distribution"
    );
    apifront()
        .args(["lint", "tree/nested/queue.yaml"])
        .assert()
        .code(2);
}

#[test]
fn parse_errors_are_reported_in_the_chosen_format_with_status_2() {
    let output = apifront()
        .args(["lint", "--format", "json", "invalid.json", "tree/api.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let error = &report["files"][0]["error"];
    assert_eq!(report["files"][0]["format"], "cli-json");
    assert_eq!((&error["line"], &error["column"]), (&3.into(), &21.into()));
    assert!(error["message"].as_str().unwrap().contains("unexpected"));
    assert_eq!(findings(&report, 0).len(), 0);
    assert_eq!(
        findings(&report, 1).len(),
        core_findings("tree/api.yaml").len()
    );

    apifront()
        .args(["lint", "invalid.json"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "  --> invalid.json:3:21\n  |\n3 |     \"Enabled\": true,,\n  |                     ^\n",
        ))
        .stdout(predicate::str::contains("1 input could not be read or parsed."));
}

#[test]
fn clear_errors_for_missing_files_empty_directories_and_unknown_rules() {
    apifront()
        .args(["lint", "missing.yaml"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "error: missing.yaml: no such file or directory",
        ));
    apifront()
        .args(["lint", "empty-dir"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: nothing to lint in empty-dir: no file there holds a CloudFront distribution",
        ));
    apifront()
        .args(["lint", "tree", "--disable", "apigw-host-header-forwarde"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule `apigw-host-header-forwarde`",
        ))
        .stderr(predicate::str::contains(
            "did you mean `apigw-host-header-forwarded`?",
        ));
    apifront()
        .args(["lint", "--format", "xml", "tree"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: text, json, sarif, github, junit, parseable",
        ));
}

#[test]
fn each_distribution_of_a_template_reports_under_its_resource() {
    let path = core_fixture("cfn/serverless-two-distributions.yml");
    let report = json_of(apifront().args(["lint", "--format", "json"]).arg(&path));
    let found = findings(&report, 0);
    let names: BTreeSet<&str> = found
        .iter()
        .map(|f| f["distribution"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        BTreeSet::from(["ApiDistribution", "StaticDistribution"])
    );
    for f in found {
        let prefix = format!(
            "resources/Resources/{}/",
            f["distribution"].as_str().unwrap()
        );
        assert!(f["path"].as_str().unwrap().starts_with(&prefix), "{f}");
    }
    let static_allow_all = found
        .iter()
        .find(|f| f["rule"] == "viewer-protocol-allow-all")
        .unwrap();
    assert_eq!(static_allow_all["distribution"], "StaticDistribution");
    assert_eq!(static_allow_all["span"]["line"], 71);

    apifront()
        .arg("lint")
        .arg(&path)
        .assert()
        .stdout(predicate::str::contains(
            "= in: StaticDistribution (resources/Resources/StaticDistribution/Properties/DistributionConfig",
        ))
        .stdout(predicate::str::contains(
            "= in: ApiDistribution (resources/Resources/ApiDistribution/Properties/DistributionConfig",
        ));
}

#[test]
fn columns_count_utf16_code_units() {
    // The rocket before the value is one character but two UTF-16 code units.
    let line = std::fs::read_to_string(fixture("unicode.json")).unwrap();
    let line = line.lines().next().unwrap();
    let at = line.find("\"http-only\"").unwrap();
    let utf16 = line[..at].encode_utf16().count() as u64 + 1;
    assert_eq!(utf16, line[..at].chars().count() as u64 + 2);
    let report = json_of(apifront().args(["lint", "--format", "json", "unicode.json"]));
    let f = finding(&report, "apigw-origin-protocol-not-https-only");
    assert_eq!(
        (f["span"]["line"].as_u64(), f["span"]["column"].as_u64()),
        (Some(1), Some(utf16))
    );
    assert_eq!(f["span"]["end_column"].as_u64(), Some(utf16 + 11));
    let log = json_of(apifront().args(["lint", "--format", "sarif", "unicode.json"]));
    let result = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "apigw-origin-protocol-not-https-only")
        .unwrap();
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"].as_u64(), Some(utf16));
    // The text frame underlines the value itself.
    apifront()
        .args(["lint", "unicode.json"])
        .assert()
        .stdout(predicate::str::contains(format!(
            "  |{}^^^^^^^^^^^\n",
            " ".repeat(line[..at].chars().count() + 1)
        )));
}

#[test]
fn skip_unrelated_skips_named_files_without_a_distribution() {
    apifront()
        .args(["lint", "tree/nested/queue.yaml"])
        .assert()
        .code(2);
    apifront()
        .args(["lint", "--skip-unrelated", "tree/nested/queue.yaml"])
        .assert()
        .code(0);
    let report = json_of(apifront().args([
        "lint",
        "--format",
        "json",
        "--skip-unrelated",
        "tree/nested/queue.yaml",
        "tree/api.yaml",
        "invalid.json",
    ]));
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    // A file that mentions a distribution but does not parse is still reported.
    assert_eq!(paths, ["tree/api.yaml", "invalid.json"]);
}
