//! Terraform modules: `lint DIR` reads the `.tf` files of a directory as one module, findings
//! name their own file in every format, `fix DIR` writes each file, a syntax error is placed in
//! its own file.

use super::{apifront, fixture, json_of};
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;

/// The JSON report's file entries, by path.
fn entries(report: &Value) -> Vec<&Value> {
    report["files"].as_array().unwrap().iter().collect()
}

fn entry<'r>(report: &'r Value, path: &str) -> &'r Value {
    entries(report)
        .into_iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("no {path} in {report}"))
}

fn rule<'r>(file: &'r Value, slug: &str) -> &'r Value {
    file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == slug)
        .unwrap_or_else(|| panic!("no {slug} in {file}"))
}

#[test]
fn a_directory_of_tf_files_is_one_module() {
    let report = json_of(apifront().args(["lint", "--format", "json", "module"]));
    let paths: Vec<&str> = entries(&report)
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    // prod.tfvars is only read with -var-file; modules/logs holds no distribution.
    assert_eq!(
        paths,
        [
            "module/api.tf",
            "module/cdn.tf",
            "module/main.tf",
            "module/terraform.tfvars",
            "module/variables.tf"
        ]
    );
    for f in entries(&report) {
        assert_eq!(f["module"], "module");
        assert_eq!(f["format"], "terraform");
        assert_eq!(f["error"], Value::Null);
    }
    let cdn = entry(&report, "module/cdn.tf");
    // terraform.tfvars turns the execute-api endpoint off; the API is in api.tf.
    let disabled = rule(cdn, "apigw-default-endpoint-disabled");
    assert_eq!(
        (&disabled["span"]["line"], &disabled["span"]["column"]),
        (&7.into(), &19.into())
    );
    let related = &disabled["related"][0];
    assert_eq!(related["file"], "module/api.tf");
    assert_eq!(
        (&related["span"]["line"], &related["span"]["column"]),
        (&4.into(), &34.into())
    );
    // The fix edits cdn.tf at cdn.tf's own byte offsets.
    let host = rule(cdn, "apigw-host-header-forwarded");
    assert_eq!(
        (&host["span"]["line"], &host["span"]["column"]),
        (&23.into(), &32.into())
    );
    // An edit of the finding's own file names no other file.
    let edit = &host["fix"]["edits"][0];
    assert_eq!(edit.get("file"), None);
    let text = fs::read_to_string(fixture("module/cdn.tf")).unwrap();
    let (start, end) = (
        edit["start"].as_u64().unwrap() as usize,
        edit["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &text[start..end],
        "\"216adef6-5c7f-47e4-b989-5492eafa07d3\""
    );
    let module = rule(
        entry(&report, "module/main.tf"),
        "terraform-module-not-read",
    );
    assert_eq!(
        (&module["span"]["line"], &module["span"]["column"]),
        (&1.into(), &1.into())
    );
    assert!(entry(&report, "module/variables.tf")["findings"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn text_frames_show_each_files_own_lines() {
    apifront()
        .args(["lint", "module"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[apigw-default-endpoint-disabled]",
        ))
        .stdout(predicate::str::contains(
            "  --> module/cdn.tf:7:19\n  |\n\
             7 |     domain_name = trimprefix(aws_apigatewayv2_api.http.api_endpoint, \"https://\")\n",
        ))
        .stdout(predicate::str::contains("(module/api.tf:4:34)"))
        .stdout(predicate::str::contains(
            "  --> module/main.tf:1:1\n  |\n1 | module \"logs\" {\n",
        ))
        .stdout(predicate::str::contains(" in 5 files;"));
}

#[test]
fn sarif_locations_name_each_file() {
    let log = json_of(apifront().args(["lint", "--format", "sarif", "module"]));
    super::sarif::validate(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let disabled = results
        .iter()
        .find(|r| r["ruleId"] == "apigw-default-endpoint-disabled")
        .unwrap();
    let location = &disabled["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "module/cdn.tf");
    assert_eq!(location["region"]["startLine"], 7);
    assert_eq!(location["region"]["startColumn"], 19);
    let related = &disabled["relatedLocations"][0]["physicalLocation"];
    assert_eq!(related["artifactLocation"]["uri"], "module/api.tf");
    assert_eq!(related["region"]["startLine"], 4);
    let host = results
        .iter()
        .find(|r| r["ruleId"] == "apigw-host-header-forwarded")
        .unwrap();
    let change = &host["fixes"][0]["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "module/cdn.tf");
    let text = fs::read_to_string(fixture("module/cdn.tf")).unwrap();
    let region = &change["replacements"][0]["deletedRegion"];
    let start = region["byteOffset"].as_u64().unwrap() as usize;
    assert!(text[start..].starts_with("\"216adef6-"));
}

/// A copy of the `module` fixture in a temporary directory.
fn copy_module() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("module");
    fs::create_dir(&target).unwrap();
    for entry in fs::read_dir(fixture("module")).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            fs::copy(entry.path(), target.join(entry.file_name())).unwrap();
        }
    }
    (dir, target)
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn fix_writes_each_file_of_a_module() {
    let (_tmp, dir) = copy_module();
    let before: Vec<(String, String)> = ["api.tf", "main.tf", "variables.tf", "terraform.tfvars"]
        .iter()
        .map(|n| (n.to_string(), read(&dir, n)))
        .collect();
    apifront()
        .arg("fix")
        .arg(&dir)
        .assert()
        .code(0)
        .stderr(predicate::str::is_match("module: fixed 1 problem; [0-9]+ remaining").unwrap());
    assert!(read(&dir, "cdn.tf")
        .contains("origin_request_policy_id = \"b689b0a8-53d0-40ab-baf2-68738e2966ac\"\n"));
    for (name, text) in before {
        assert_eq!(read(&dir, &name), text, "{name} changed");
    }
    // Nothing safe is left to fix.
    let report = json_of(apifront().args(["lint", "--format", "json"]).arg(&dir));
    for f in entries(&report) {
        for finding in f["findings"].as_array().unwrap() {
            assert_ne!(finding["fix"]["safe"], true, "{finding}");
        }
    }
}

#[test]
fn fix_diff_names_the_file_and_stdout_refuses_a_module() {
    apifront()
        .args(["fix", "--diff", "module"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "--- a/module/cdn.tf\n+++ b/module/cdn.tf\n",
        ))
        .stdout(predicate::str::contains("api.tf").not());
    apifront()
        .args(["fix", "--stdout", "module"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "module is a Terraform module of 5 files",
        ));
}

#[test]
fn a_syntax_error_is_placed_in_its_file() {
    apifront()
        .args(["lint", "module-broken"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "  --> module-broken/variables.tf:8:3\n  |\n8 |   default = \"prod\n",
        ))
        .stdout(predicate::str::contains(
            "1 input could not be read or parsed.",
        ));
    let report = json_of(apifront().args(["lint", "--format", "json", "module-broken"]));
    let files = entries(&report);
    assert_eq!(files.len(), 1, "only the file with the error: {report}");
    assert_eq!(files[0]["path"], "module-broken/variables.tf");
    assert_eq!(files[0]["module"], "module-broken");
    assert_eq!(
        (&files[0]["error"]["line"], &files[0]["error"]["column"]),
        (&8.into(), &3.into())
    );
    apifront()
        .args(["fix", "module-broken"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "module-broken/variables.tf:8:3: invalid HCL",
        ));
}

#[test]
fn named_tf_files_of_one_directory_form_one_module() {
    // Named together: cdn.tf sees the variables and the API.
    let report = json_of(apifront().args([
        "lint",
        "--format",
        "json",
        "module/cdn.tf",
        "module/api.tf",
        "module/variables.tf",
        "module/terraform.tfvars",
    ]));
    let cdn = entry(&report, "module/cdn.tf");
    assert_eq!(cdn["module"], "module");
    rule(cdn, "apigw-default-endpoint-disabled");
    // Alone, cdn.tf does not know the API's settings.
    let report = json_of(apifront().args(["lint", "--format", "json", "module/cdn.tf"]));
    let cdn = entry(&report, "module/cdn.tf");
    assert_eq!(cdn["module"], Value::Null);
    assert!(cdn["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule"] != "apigw-default-endpoint-disabled"));
    // A variable file alone is no module.
    apifront()
        .args(["lint", "module/terraform.tfvars"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds only variable values"));
}

#[test]
fn trace_and_map_read_a_module_directory() {
    // The module's files together: the API in api.tf is behind the origin in cdn.tf.
    apifront()
        .args([
            "trace",
            "module",
            "--request",
            "GET https://d111111abcdef8.cloudfront.net/orders",
        ])
        .assert()
        .stdout(predicate::str::contains(
            "→ distribution `aws_cloudfront_distribution.api` (module)",
        ))
        .stdout(predicate::str::contains("module/cdn.tf:"));
    apifront()
        .args(["map", "module", "--format", "mermaid"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Distribution aws_cloudfront_distribution.api",
        ));
    // A directory of several configurations, or of none: say which.
    apifront()
        .args(["trace", "tree", "--request", "GET https://x.example.com/"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "tree holds 3 configurations; give one of them",
        ));
    apifront()
        .args(["map", "empty-dir", "--format", "svg"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "empty-dir holds no CloudFront distribution",
        ));
}
