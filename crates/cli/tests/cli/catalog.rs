//! `apifront rules`, `explain`, `completions`, `--help` and `--version`.

use super::{apifront, json_of};
use apifront_core::rules;
use predicates::prelude::*;

#[test]
fn rules_list_every_rule() {
    let output = apifront().arg("rules").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    for rule in rules::all() {
        assert!(text.contains(rule.slug), "{} missing", rule.slug);
    }
    assert!(text.contains(&format!("{} rules.", rules::all().len())));
    let list = json_of(apifront().args(["rules", "--format", "json"]));
    let slugs: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["slug"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = rules::all().iter().map(|r| r.slug).collect();
    assert_eq!(slugs, expected);
    assert!(list[0]["docs"]["why_bad"].is_string());
}

#[test]
fn explain_prints_the_full_docs() {
    let rule = rules::by_slug("apigw-host-header-forwarded").unwrap();
    apifront()
        .args(["explain", "apigw-host-header-forwarded"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            apifront_core::lint::docs_markdown(rule),
        ))
        .stdout(predicate::str::contains("## Use instead"))
        .stdout(predicate::str::contains("## References"));
    apifront()
        .args(["explain", "host-header-forwarded"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule `host-header-forwarded`",
        ))
        .stderr(predicate::str::contains(
            "did you mean `apigw-host-header-forwarded`?",
        ));
    apifront()
        .args(["explain", "qqqq"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`apifront rules` lists them"));
}

#[test]
fn completions_help_and_version() {
    apifront()
        .args(["completions", "bash"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("_apifront()"));
    apifront()
        .args(["completions", "zsh"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("#compdef apifront"));
    for command in [
        "lint",
        "fix",
        "generate",
        "presets",
        "import",
        "rules",
        "explain",
        "share-link",
        "completions",
    ] {
        apifront().args([command, "--help"]).assert().code(0);
    }
    apifront()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Exit status: 0 no problem"));
    apifront()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(format!(
            "apifront {}, rule set ",
            apifront_core::VERSION
        )));
    apifront().arg("frobnicate").assert().code(2);
}
