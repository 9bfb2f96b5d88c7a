//! `apifront map`: SVG that parses as XML, stable Mermaid text, output files and errors.

use super::{apifront, core_fixture};
use predicates::prelude::*;

fn seed() -> std::path::PathBuf {
    core_fixture("trace/seed-legacy.yaml")
}

#[test]
fn svg_parses_as_xml_and_marks_the_host_problem() {
    let out = apifront()
        .arg("map")
        .arg(seed())
        .args(["--format", "svg"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let svg = String::from_utf8(out.stdout).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    let error = root
        .descendants()
        .find(|n| n.attribute("class") == Some("node behavior error"))
        .expect("the /api/* behavior is drawn as an error");
    assert_eq!(error.attribute("data-line"), Some("63"));
    assert!(error
        .descendants()
        .any(|n| n.text() == Some("✖ error: apigw-host-header-forwarded")));
}

#[test]
fn mermaid_is_stable() {
    apifront()
        .arg("map")
        .arg(seed())
        .args(["--format", "mermaid"])
        .assert()
        .success()
        .stdout(concat!(
            "flowchart LR\n",
            "  %% Distribution Cdn: 1 domain name, 2 cache behaviors, 2 origins; 1 box marked with problems\n",
            "  alias_0[\"<b>www.example.com</b>\"]\n",
            "  distribution[\"<b>Distribution Cdn</b>\"]\n",
            "  behavior_0[\"<b>1. /api/*</b><br/>all 7 methods<br/>legacy ForwardedValues<br/>✖ error: apigw-host-header-forwarded\"]\n",
            "  behavior_1[\"<b>2. * (default)</b><br/>GET, HEAD<br/>CachingOptimized\"]\n",
            "  origin_0[\"<b>site</b><br/>S3 bucket\"]\n",
            "  origin_1[\"<b>orders-api</b><br/>API Gateway REST API<br/>origin path /prod\"]\n",
            "  api_0[\"<b>REST API OrdersApi</b><br/>stages: prod<br/>routes not in this input\"]\n",
            "  alias_0 --> distribution\n",
            "  distribution --> behavior_0\n",
            "  distribution --> behavior_1\n",
            "  behavior_0 --> origin_1\n",
            "  behavior_1 --> origin_0\n",
            "  origin_1 --> api_0\n",
            "  classDef error fill:#fef2f2,stroke:#b91c1c,stroke-width:3px,color:#7f1d1d\n",
            "  classDef warning fill:#fffbeb,stroke:#92400e,stroke-width:3px,color:#78350f\n",
            "  class behavior_0 error\n",
        ));
}

#[test]
fn writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.svg");
    apifront()
        .arg("map")
        .arg(seed())
        .args(["--format", "svg", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let svg = std::fs::read_to_string(&path).unwrap();
    roxmltree::Document::parse(&svg).unwrap();
}

#[test]
fn several_distributions_need_a_name() {
    let file = core_fixture("cfn/serverless-two-distributions.yml");
    apifront()
        .arg("map")
        .arg(&file)
        .args(["--format", "mermaid"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "2 distributions; name the one to draw",
        ));
    let names = apifront_core::parse::parse(&std::fs::read_to_string(&file).unwrap())
        .unwrap()
        .distributions
        .iter()
        .map(|d| d.name.clone())
        .collect::<Vec<_>>();
    apifront()
        .arg("map")
        .arg(&file)
        .args(["--format", "mermaid", "--distribution", &names[1]])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "Distribution {}",
            names[1]
        )));
    apifront()
        .args(["map", "invalid.json", "--format", "svg"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid.json:3:21:"));
}

#[test]
fn api_definitions_are_drawn_and_their_boxes_name_their_file() {
    let definition = core_fixture("trace/users-api.oas30.json");
    let out = apifront()
        .arg("map")
        .arg(core_fixture("trace/cli-users-api.json"))
        .arg("--api")
        .arg(&definition)
        .args(["--format", "svg"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("an OpenAPI 3 definition is attached to origin `users-api`"));
    let svg = String::from_utf8(out.stdout).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let api = doc
        .descendants()
        .find(|n| {
            n.attribute("class")
                .is_some_and(|c| c.starts_with("node api"))
        })
        .expect("the API box");
    assert_eq!(
        api.attribute("data-file"),
        Some(definition.display().to_string().as_str())
    );
    assert!(api
        .descendants()
        .any(|n| n.text() == Some("GET /users/{id} (AWS_IAM)")));
    // `/api/*` reaches `/prod/api/…`, which no resource of the definition takes.
    let red = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("node behavior error"))
        .expect("the /api/* behavior is drawn as an error");
    assert!(red
        .descendants()
        .any(|n| n.text() == Some("✖ error: apigw-route-unreachable")));
}
