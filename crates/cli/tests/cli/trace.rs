//! `apifront trace`: text and JSON reports, the JSON Schema, exit statuses, bad input, and the
//! README's examples run as written.

use super::{apifront, core_fixture, json_of};
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn trace_fixture(name: &str) -> PathBuf {
    core_fixture(&format!("trace/{name}"))
}

fn schema() -> Value {
    serde_json::from_str(include_str!("../../schemas/trace.schema.json")).unwrap()
}

fn validate(report: &Value) {
    let schema = schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(report)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "invalid trace JSON: {errors:#?}\n{report:#}"
    );
}

#[test]
fn the_schema_rejects_a_broken_report() {
    let schema = schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for broken in [
        serde_json::json!({"version": 1}),
        serde_json::json!({"version": 1, "file": "x", "format": "cfn-yaml", "distribution": "D",
            "request": {"method": "GET", "url": "https://x/"}, "status": "403",
            "answered_by": null, "cached": null, "possibilities": [], "hops": []}),
    ] {
        assert!(!validator.is_valid(&broken), "{broken}");
    }
}

#[test]
fn text_shows_every_hop_and_the_frame_of_the_failing_line() {
    apifront()
        .arg("trace")
        .arg(trace_fixture("seed-legacy.yaml"))
        .args(["--request", "GET https://www.example.com/api/orders"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("→ distribution `Cdn`"))
        .stdout(predicate::str::contains(
            "  ok      behavior        `/api/orders` matches the path pattern `/api/*` (1st of 1 cache behaviors)\n",
        ))
        .stdout(predicate::str::contains(
            "  fail    origin-request  CloudFront sends GET https://${OrdersApi}.execute-api.${AWS::Region}.amazonaws.com/prod/api/orders",
        ))
        .stdout(predicate::str::contains(
            "seed-legacy.yaml:69:25\n     |\n  69 |               Headers: [\"*\"]\n     |                         ^^^\n  = see: apifront explain apigw-host-header-forwarded\n",
        ))
        .stdout(predicate::str::contains(
            "Outcome: 403 from api-gateway",
        ))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn verbose_text_lists_what_each_hop_looked_at() {
    apifront()
        .arg("trace")
        .arg(trace_fixture("generated-site-api.yaml"))
        .args(["--request", "GET https://www.example.com/api/orders", "--verbose"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "· CloudFront Function `StripPrefixFunction` (viewer-request) strips the prefix: `/api/orders` becomes `/orders`",
        ))
        .stdout(predicate::str::contains("Outcome: depends on what the input does not show:\n  - an unknown status from integration"));
}

/// File, request, headers, expected status, answerer and exit status.
type JsonCase = (
    &'static str,
    &'static str,
    &'static [&'static str],
    Option<u64>,
    Option<&'static str>,
    i32,
);

#[test]
fn json_follows_the_schema_in_every_outcome() {
    let cases: &[JsonCase] = &[
        (
            "seed-legacy.yaml",
            "GET https://www.example.com/api/orders",
            &[],
            Some(403),
            Some("api-gateway"),
            1,
        ),
        (
            "seed-legacy.yaml",
            "GET http://www.example.com/",
            &[],
            Some(301),
            Some("cloudfront"),
            0,
        ),
        (
            "spa.tf",
            "GET https://app.example.com/api/orders",
            &[],
            Some(200),
            Some("s3"),
            0,
        ),
        (
            "http-only.tf",
            "GET https://d111111abcdef8.cloudfront.net/x",
            &[],
            Some(502),
            Some("cloudfront"),
            1,
        ),
        (
            "cli-recommended.json",
            "GET https://api.example.com/orders",
            &["Authorization: Bearer x"],
            None,
            None,
            1,
        ),
        (
            "rest-api.json",
            "POST https://d111111abcdef8.cloudfront.net/orders",
            &[],
            Some(403),
            Some("cloudfront"),
            1,
        ),
        (
            "unknowns.yaml",
            "GET https://d111111abcdef8.cloudfront.net/edge/x",
            &[],
            None,
            None,
            1,
        ),
    ];
    for (file, request, headers, status, by, code) in cases {
        let mut cmd = apifront();
        cmd.arg("trace")
            .arg(trace_fixture(file))
            .args(["--request", request, "--format", "json"]);
        for h in *headers {
            cmd.args(["--header", h]);
        }
        let report = json_of(&mut cmd);
        validate(&report);
        assert_eq!(
            report["status"].as_u64(),
            *status,
            "{file} {request}: {report:#}"
        );
        assert_eq!(report["answered_by"].as_str(), *by, "{file} {request}");
        cmd.assert().code(*code);
        let hops = report["hops"].as_array().unwrap();
        assert_eq!(hops[0]["stage"], "viewer");
        assert_eq!(hops.last().unwrap()["stage"], "response");
    }
}

#[test]
fn json_hops_carry_positions_and_rules() {
    let report = json_of(
        apifront()
            .arg("trace")
            .arg(trace_fixture("rest-api.json"))
            .args([
                "--request",
                "POST https://d111111abcdef8.cloudfront.net/orders",
                "--format",
                "json",
            ]),
    );
    validate(&report);
    let method = report["hops"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["stage"] == "method")
        .unwrap();
    assert_eq!(method["verdict"], "fail");
    assert_eq!(method["rule"], "api-write-methods-not-allowed");
    assert_eq!(
        (method["line"].as_u64(), method["column"].as_u64()),
        (Some(35), Some(31))
    );
    assert_eq!(report["format"], "cfn-json");
    assert_eq!(report["request"]["method"], "POST");
    assert_eq!(report["cached"], false);
}

#[test]
fn stdin_and_the_distribution_option() {
    let text =
        std::fs::read_to_string(core_fixture("cfn/serverless-two-distributions.yml")).unwrap();
    // Two distributions and a CloudFront host: the trace asks which one.
    apifront()
        .args([
            "trace",
            "-",
            "--request",
            "GET https://d111111abcdef8.cloudfront.net/",
        ])
        .write_stdin(text.clone())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2 distributions could answer"))
        .stderr(predicate::str::contains("--distribution"));
    apifront()
        .args([
            "trace",
            "-",
            "--request",
            "GET https://d111111abcdef8.cloudfront.net/",
            "--distribution",
            "Nope",
        ])
        .write_stdin(text)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no distribution `Nope`"));
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--request", "GET /api/orders"],
            "--request: `/api/orders` is not an http:// or https:// URL",
        ),
        (&["--request", "GET"], "--request: `GET` is not a request"),
        (
            &[
                "--request",
                "GET https://x.example.com/",
                "--header",
                "Host: other",
            ],
            "--header: give the host in the URL",
        ),
        (
            &[
                "--request",
                "GET https://x.example.com/",
                "--header",
                "nocolon",
            ],
            "--header: `nocolon` is not a header",
        ),
        (
            &[
                "--request",
                "GET https://x.example.com/",
                "--cookie",
                "novalue",
            ],
            "--cookie: `novalue` is not a cookie",
        ),
    ];
    for (args, message) in cases {
        apifront()
            .arg("trace")
            .arg(trace_fixture("seed-legacy.yaml"))
            .args(*args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*message));
    }
    apifront()
        .args([
            "trace",
            "invalid.json",
            "--request",
            "GET https://x.example.com/",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid.json:3:21:"));
    apifront()
        .args([
            "trace",
            "missing.yaml",
            "--request",
            "GET https://x.example.com/",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.yaml: no such file"));
}

#[test]
fn explain_suggests_a_trace_that_shows_the_rule() {
    apifront()
        .args(["explain", "apigw-host-header-forwarded"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "## Trace it\n\nSave the example above as `example.yaml` and run:\n\n    apifront trace example.yaml --request 'GET https://d111111abcdef8.cloudfront.net/orders'\n",
        ));
    // A rule a request cannot show has no such section.
    apifront()
        .args(["explain", "waf-not-associated"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## Trace it").not());
}

#[test]
fn explained_trace_runs_on_the_rule_example() {
    let out = apifront()
        .args(["explain", "api-write-methods-not-allowed"])
        .output()
        .unwrap();
    let docs = String::from_utf8(out.stdout).unwrap();
    let example = docs
        .split("## Example\n\n```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the example block");
    let command = docs
        .lines()
        .find(|l| l.trim_start().starts_with("apifront trace example.yaml"))
        .unwrap()
        .trim();
    let request = command.split('\'').nth(1).unwrap();
    let report = json_of(
        apifront()
            .args(["trace", "-", "--format", "json", "--request", request])
            .write_stdin(example.to_string()),
    );
    assert!(report["hops"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["rule"] == "api-write-methods-not-allowed" && h["verdict"] == "fail"));
}

/// The workspace root (README commands run from there).
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Splits a command line with single-quoted arguments.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}

#[test]
fn readme_examples_print_what_the_readme_shows() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let mut ran = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("\n```").next().unwrap();
        let Some((first, expected)) = block.split_once('\n') else {
            continue;
        };
        let Some(command) = first.strip_prefix("$ apifront ") else {
            continue;
        };
        let args = words(command);
        if !matches!(args.first().map(String::as_str), Some("trace" | "map")) {
            continue;
        }
        let output = apifront()
            .current_dir(repo_root())
            .args(&args)
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert_eq!(
            stdout.trim_end(),
            expected.trim_end(),
            "README: $ apifront {command}"
        );
        ran += 1;
    }
    assert!(ran >= 2, "the README shows trace and map examples");
}

#[test]
fn words_split_like_a_shell() {
    assert_eq!(
        words("trace f.yaml --request 'GET https://x/a b' -H 'A: b'"),
        [
            "trace",
            "f.yaml",
            "--request",
            "GET https://x/a b",
            "-H",
            "A: b"
        ]
    );
    assert_eq!(words("a '' b"), ["a", "", "b"]);
}

/// `trace FILE --api DEFINITION…` from the core's trace fixtures.
fn trace_with_api(
    config: &str,
    api: &[&str],
    request: &str,
    headers: &[&str],
) -> assert_cmd::Command {
    let mut cmd = apifront();
    cmd.arg("trace").arg(trace_fixture(config));
    for a in api {
        cmd.arg("--api").arg(trace_fixture(a));
    }
    cmd.args(["--request", request]);
    for h in headers {
        cmd.args(["--header", h]);
    }
    cmd
}

#[test]
fn api_definitions_decide_the_api_hop_and_frame_their_own_file() {
    let definition = trace_fixture("users-api.oas30.json");
    trace_with_api(
        "cli-users-api.json",
        &["users-api.oas30.json"],
        "GET https://d111111abcdef8.cloudfront.net/users",
        &["Authorization: Bearer x"],
    )
    .assert()
    .code(1)
    .stderr(predicate::str::contains(
        "info: ",
    ))
    .stderr(predicate::str::contains(
        "an OpenAPI 3 definition is attached to origin `users-api` of `DistributionConfig` (API id `u5r3x8k2pd` in the origin's host)",
    ))
    .stdout(predicate::str::contains(
        "fail    api             `GET /prod/users` reaches stage `prod` of REST API `users` and its route `GET /users`: it runs authorizer `token` (TOKEN), which takes the caller's identity from header `Authorization`, and CloudFront does not forward it: API Gateway answers 401 {\"message\":\"Unauthorized\"} without calling the authorizer  [authorization-not-forwarded]\n",
    ))
    .stdout(predicate::str::contains(format!(
        "--> {}:110:30\n      |\n  110 |           \"identitySource\" : \"method.request.header.Authorization\",\n      |                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        definition.display()
    )))
    .stdout(predicate::str::contains("Outcome: 401 from api-gateway"));
}

#[test]
fn json_hops_name_the_file_of_their_position() {
    let config = trace_fixture("cli-users-api.json");
    let definition = trace_fixture("users-api.get-resources.json");
    let mut cmd = trace_with_api(
        "cli-users-api.json",
        &[
            "users-api.get-resources.json",
            "users-api.get-authorizers.json",
            "users-api.get-stages.json",
        ],
        "GET https://d111111abcdef8.cloudfront.net/orders",
        &["x-api-key: k3y"],
    );
    cmd.args(["--format", "json"]);
    let report = json_of(&mut cmd);
    validate(&report);
    cmd.assert().code(1);
    assert_eq!(report["file"], config.display().to_string());
    assert_eq!(report["status"], 403);
    let hops = report["hops"].as_array().unwrap();
    let api = hops.iter().find(|h| h["stage"] == "api").unwrap();
    assert_eq!(api["file"], definition.display().to_string());
    assert_eq!(
        (api["line"].as_u64(), api["column"].as_u64()),
        (Some(66), Some(39))
    );
    // A hop decided in the configuration names the configuration.
    let origin = hops
        .iter()
        .find(|h| h["stage"] == "origin-request")
        .unwrap();
    assert_eq!(origin["file"], config.display().to_string());
    // A hop without a position has no file either.
    let response = hops.iter().find(|h| h["stage"] == "response").unwrap();
    assert!(response["file"].is_null() && response["line"].is_null());
}

#[test]
fn bad_api_definitions_exit_2_with_their_position() {
    apifront()
        .arg("trace")
        .arg(trace_fixture("cli-users-api.json"))
        .args([
            "--api",
            "api/not-a-definition.json",
            "--request",
            "GET https://d111111abcdef8.cloudfront.net/users",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "api/not-a-definition.json:1:1: not an API definition",
        ));
    apifront()
        .arg("trace")
        .arg(trace_fixture("cli-users-api.json"))
        .args([
            "--api",
            "-",
            "--request",
            "GET https://d111111abcdef8.cloudfront.net/users",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`--api` takes a file, not standard input",
        ));
    apifront()
        .arg("trace")
        .arg(trace_fixture("cli-users-api.json"))
        .args([
            "--api",
            "api/missing.json",
            "--request",
            "GET https://d111111abcdef8.cloudfront.net/users",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("api/missing.json: no such file"));
}
