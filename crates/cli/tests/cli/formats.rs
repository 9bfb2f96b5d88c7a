//! `apifront lint --format json|github|junit|parseable`: the JSON report validates against the
//! repository's schema (`schema/apifront.schema.json`, also used by the JavaScript package and
//! the README), and the CI formats carry every finding with the same exit statuses.

use super::{apifront, core_findings, core_fixture, json_of};
use serde_json::Value;
use std::path::Path;

/// The repository's JSON Schema of apifront's data shapes.
pub fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/apifront.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Errors of `value` against the schema's root, or against `definitions/NAME`.
pub fn schema_errors(value: &Value, definition: Option<&str>) -> Vec<String> {
    let mut schema = schema();
    if let Some(name) = definition {
        schema["$ref"] = format!("#/definitions/{name}").into();
        for key in [
            "properties",
            "required",
            "type",
            "additionalProperties",
            "title",
        ] {
            schema.as_object_mut().unwrap().remove(key);
        }
    }
    let validator = jsonschema::validator_for(&schema).unwrap();
    validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

fn assert_valid(value: &Value, definition: Option<&str>) {
    let errors = schema_errors(value, definition);
    assert!(
        errors.is_empty(),
        "not valid against the schema: {errors:#?}"
    );
}

#[test]
fn json_reports_validate_against_the_schema() {
    let report = json_of(
        apifront()
            .args([
                "lint",
                "--format",
                "json",
                "tree",
                "invalid.json",
                "missing.yaml",
            ])
            .arg(core_fixture("cfn/serverless-two-distributions.yml"))
            .arg(core_fixture("rules/broken.tf"))
            .arg(core_fixture("rules/broken.yaml"))
            .arg(core_fixture("cli-json/distribution-config-legacy.json")),
    );
    assert_valid(&report, None);
    let findings: Vec<&Value> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["findings"].as_array().unwrap())
        .collect();
    // Every part of the shape is exercised: fixes, related places, both kinds of error.
    assert!(findings.iter().any(|f| !f["fix"].is_null()));
    assert!(findings
        .iter()
        .any(|f| !f["related"].as_array().unwrap().is_empty()));
    let errors: Vec<&Value> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["error"])
        .filter(|e| !e.is_null())
        .collect();
    assert!(errors.iter().any(|e| e["line"].is_null()));
    assert!(errors.iter().any(|e| e["line"].is_u64()));
}

#[test]
fn the_schema_is_strict() {
    let report = json_of(apifront().args(["lint", "--format", "json", "tree/api.yaml"]));
    let mut extra = report.clone();
    extra["files"][0]["findings"][0]["line"] = 3.into();
    assert!(!schema_errors(&extra, None).is_empty());
    let mut missing = report.clone();
    missing["files"][0]["findings"][0]
        .as_object_mut()
        .unwrap()
        .remove("related");
    assert!(!schema_errors(&missing, None).is_empty());
    let mut wrong = report;
    wrong["files"][0]["findings"][0]["severity"] = "fatal".into();
    assert!(!schema_errors(&wrong, None).is_empty());
}

#[test]
fn rules_and_presets_listings_validate_against_the_schema() {
    let rules = json_of(apifront().args(["rules", "--format", "json"]));
    assert_eq!(
        rules.as_array().unwrap().len(),
        apifront_core::rules::all().len()
    );
    for rule in rules.as_array().unwrap() {
        assert_valid(rule, Some("Rule"));
    }
    let presets = json_of(apifront().args(["presets", "--format", "json"]));
    assert!(!presets.as_array().unwrap().is_empty());
    for preset in presets.as_array().unwrap() {
        assert_valid(preset, Some("Preset"));
    }
}

/// The README's JSON example (the block after `<!-- lint-json-example -->`).
fn readme_example() -> Value {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"))
            .unwrap();
    let (_, after) = readme
        .split_once("<!-- lint-json-example -->")
        .expect("README marks its JSON example");
    let block = after
        .split_once("```json\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(block, _)| block)
        .expect("a ```json block follows the marker");
    serde_json::from_str(block).unwrap_or_else(|e| panic!("README example is not JSON: {e}"))
}

#[test]
fn the_readme_example_is_a_valid_report() {
    let example = readme_example();
    assert_valid(&example, None);
    let findings: Vec<&Value> = example["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["findings"].as_array().unwrap())
        .collect();
    assert!(findings.iter().any(|f| !f["fix"].is_null()), "show a fix");
    assert!(
        findings
            .iter()
            .any(|f| !f["related"].as_array().unwrap().is_empty()),
        "show a related place"
    );
    assert!(
        example["files"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| !f["error"].is_null()),
        "show a file error"
    );
}

#[test]
fn github_commands_annotate_each_finding_with_escaping() {
    let output = apifront()
        .args([
            "lint",
            "--format",
            "github",
            "tree/api.yaml",
            "invalid.json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), core_findings("tree/api.yaml").len() + 1);
    assert!(lines.contains(
        &"::error file=tree/api.yaml,line=22,col=34,endLine=22,endColumn=70,\
          title=apigw-host-header-forwarded::default behavior forwards the viewer Host to origin \
          `orders-api` via origin request policy AllViewer (216adef6-…); API Gateway and Lambda \
          URLs route by their own host name and answer 403 (or 502)%0Ain: Cdn \
          (Resources/Cdn/Properties/DistributionConfig/DefaultCacheBehavior/OriginRequestPolicyId)\
          %0Asee: apifront explain apigw-host-header-forwarded"
    ));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("::notice file=tree/api.yaml,")));
    let parse = lines.last().unwrap();
    assert!(
        parse.starts_with(
            "::error file=invalid.json,line=3,col=21,title=apifront%3A cannot parse::"
        ),
        "{parse}"
    );
    // Only the property separators and the message's line breaks are escaped.
    for line in &lines {
        let (_, message) = line[2..].split_once("::").unwrap();
        assert!(!message.contains('\n') && !message.contains('\r'));
    }
    apifront()
        .args(["lint", "--format", "github", "tree/api.yaml"])
        .assert()
        .code(1);
}

#[test]
fn parseable_lines_name_file_position_severity_rule_and_message() {
    let output = apifront()
        .args([
            "lint",
            "--format",
            "parseable",
            "tree/api.yaml",
            "invalid.json",
            "missing.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), core_findings("tree/api.yaml").len() + 2);
    assert!(lines.contains(
        &"tree/api.yaml:19:33: warning viewer-protocol-allow-all default behavior accepts plain HTTP \
          from viewers (ViewerProtocolPolicy `allow-all`); use `https-only`"
    ));
    for line in &lines[..lines.len() - 2] {
        let mut parts = line.splitn(4, ':');
        let (file, l, c, rest) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        assert_eq!(file, "tree/api.yaml");
        assert!(
            l.parse::<u32>().is_ok() && c.parse::<u32>().is_ok(),
            "{line}"
        );
        let severity = rest.trim_start().split(' ').next().unwrap();
        assert!(["error", "warning", "info"].contains(&severity), "{line}");
    }
    assert!(lines[lines.len() - 2].starts_with("invalid.json:3:21: error parse-error "));
    assert!(lines[lines.len() - 1].starts_with("missing.yaml:1:1: error read-error "));
    apifront()
        .args([
            "lint",
            "--format",
            "parseable",
            "tree/api.yaml",
            "--disable",
            "apigw-host-header-forwarded",
            "--disable",
            "viewer-protocol-allow-all",
        ])
        .assert()
        .code(0);
}

#[test]
fn junit_fails_the_findings_at_the_threshold() {
    let output = apifront()
        .args(["lint", "--format", "junit", "tree/api.yaml", "invalid.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stdout).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let findings = core_findings("tree/api.yaml");
    let errors = findings
        .iter()
        .filter(|f| f.severity == apifront_core::lint::Severity::Error)
        .count();
    assert_eq!(
        root.attribute("tests"),
        Some((findings.len() + 1).to_string().as_str())
    );
    assert_eq!(
        root.attribute("failures"),
        Some(errors.to_string().as_str())
    );
    assert_eq!(root.attribute("errors"), Some("1"));
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites[0].attribute("name"), Some("tree/api.yaml"));
    let host = suites[0]
        .children()
        .find(|n| n.attribute("name") == Some("apigw-host-header-forwarded at 22:34"))
        .unwrap();
    let failure = host.children().find(|n| n.has_tag_name("failure")).unwrap();
    assert_eq!(failure.attribute("type"), Some("error"));
    assert!(failure
        .attribute("message")
        .unwrap()
        .contains("forwards the viewer Host"));
    assert!(suites[1].descendants().any(|n| n.has_tag_name("error")));

    // At `--severity info` every finding fails.
    let text = String::from_utf8(
        apifront()
            .args([
                "lint",
                "--format",
                "junit",
                "--severity",
                "info",
                "tree/api.yaml",
            ])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(
        doc.root_element().attribute("failures"),
        Some(findings.len().to_string().as_str())
    );
}

#[test]
fn version_names_the_rule_set() {
    let output = apifront().arg("--version").output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        text.trim(),
        format!(
            "apifront {}, rule set {} ({} rules)",
            apifront_core::VERSION,
            apifront_core::lint::rule_set_id(),
            apifront_core::rules::all().len()
        )
    );
}

#[test]
fn many_files_come_back_in_a_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    let template = std::fs::read_to_string(core_fixture("rules/broken.yaml")).unwrap();
    let mut names = Vec::new();
    for i in 0..40 {
        // Sizes differ, so threads finish out of order.
        let name = format!("t{i:02}.yaml");
        let padding = "# padding\n".repeat((40 - i) * 200);
        std::fs::write(dir.path().join(&name), format!("{template}\n{padding}")).unwrap();
        names.push(name);
    }
    let first = apifront()
        .current_dir(dir.path())
        .args(["lint", "--format", "parseable", "."])
        .output()
        .unwrap();
    let files: Vec<String> = String::from_utf8(first.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| {
            l.split(':')
                .next()
                .unwrap()
                .trim_start_matches("./")
                .to_string()
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(files, names);
    for _ in 0..3 {
        let again = apifront()
            .current_dir(dir.path())
            .args(["lint", "--format", "parseable", "."])
            .output()
            .unwrap();
        assert_eq!(again.stdout, first.stdout);
    }
    let listed: Vec<String> = String::from_utf8(first.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split(':').next().unwrap().to_string())
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(listed, sorted, "files in name order");
}
