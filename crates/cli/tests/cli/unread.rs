//! AWS CLI outputs apifront does not read yet (`aws lambda get-policy`,
//! `get-function-url-config`, `aws apigatewayv2 list-routing-rules`, `get-domain-name`,
//! `get-api-mappings`, `aws apigateway get-domain-name`, `get-base-path-mappings`): every command
//! that reads a file says what the file is and what to give instead, at the key that tells it,
//! and exits 2 as for any input it cannot read; in a directory they are skipped like any file
//! without a distribution.

use super::{apifront, core_fixture, json_of};
use predicates::prelude::*;

fn output(name: &str) -> String {
    core_fixture(&format!("aws-outputs/{name}"))
        .display()
        .to_string()
}

fn distribution() -> String {
    core_fixture("correct/cli-lambda-url-oac.json")
        .display()
        .to_string()
}

const POLICY: &str = "this is the output of `aws lambda get-policy` (a Lambda function's \
resource-based policy): apifront does not read it yet; to check the function URL's permissions, \
give the CloudFormation template or Terraform module that defines them \
(`AWS::Lambda::Permission`, `aws_lambda_permission`)";

/// Each fixture with the command it names and the key's line and column.
const OUTPUTS: &[(&str, &str, (u64, u64))] = &[
    ("get-policy.json", "aws lambda get-policy", (2, 5)),
    (
        "get-function-url-config.json",
        "aws lambda get-function-url-config",
        (2, 5),
    ),
    (
        "list-routing-rules.json",
        "aws apigatewayv2 list-routing-rules",
        (2, 5),
    ),
    (
        "apigatewayv2-get-domain-name.json",
        "aws apigatewayv2 get-domain-name",
        (3, 5),
    ),
    (
        "apigateway-get-domain-name.json",
        "aws apigateway get-domain-name",
        (2, 5),
    ),
    (
        "get-api-mappings.json",
        "aws apigatewayv2 get-api-mappings",
        (2, 5),
    ),
    (
        "get-base-path-mappings.json",
        "aws apigateway get-base-path-mappings",
        (2, 5),
    ),
];

#[test]
fn lint_names_an_output_given_beside_a_distribution_and_lints_the_distribution() {
    apifront()
        .args(["lint", &distribution(), &output("get-policy.json")])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(format!("error: {POLICY}\n")))
        .stdout(predicate::str::contains("aws-outputs/get-policy.json:2:5"))
        .stdout(predicate::str::contains("not a CloudFront distribution config").not())
        // The distribution beside it is linted as before.
        .stdout(predicate::str::contains("cli-lambda-url-oac.json:89:18"));
}

#[test]
fn every_output_kind_is_named_in_the_json_report() {
    for (name, command, (line, column)) in OUTPUTS {
        let report =
            json_of(apifront().args(["lint", "--format", "json", &distribution(), &output(name)]));
        let files = report["files"].as_array().unwrap();
        assert_eq!(files.len(), 2, "{name}");
        assert!(files[0]["error"].is_null(), "{name}");
        let error = &files[1]["error"];
        let message = error["message"].as_str().unwrap();
        assert!(
            message.starts_with(&format!("this is the output of `{command}` (")),
            "{name}: {message}"
        );
        assert!(
            message.contains("apifront does not read it yet; "),
            "{name}"
        );
        assert!(
            message.contains("give the CloudFormation template or Terraform module"),
            "{name}"
        );
        assert_eq!(
            (error["line"].as_u64(), error["column"].as_u64()),
            (Some(*line), Some(*column)),
            "{name}"
        );
    }
}

#[test]
fn an_output_given_as_an_api_definition_is_named() {
    apifront()
        .args([
            "lint",
            &distribution(),
            "--api",
            &output("list-routing-rules.json"),
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "error: this is the output of `aws apigatewayv2 list-routing-rules` (the routing rules \
             of an API Gateway custom domain): apifront does not read it yet; to follow the \
             routing rules, give the CloudFormation template or Terraform module that defines \
             them (`AWS::ApiGatewayV2::RoutingRule`, `aws_apigatewayv2_routing_rule`)",
        ))
        .stdout(predicate::str::contains(
            "aws-outputs/list-routing-rules.json:2:5",
        ))
        .stdout(predicate::str::contains("not an API definition").not());
}

#[test]
fn trace_and_map_name_an_output_as_file_or_definition() {
    let request = "GET https://d111111abcdef8.cloudfront.net/";
    apifront()
        .args(["trace", &output("get-policy.yaml"), "--request", request])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "aws-outputs/get-policy.yaml:1:1: {POLICY}"
        )));
    apifront()
        .args([
            "trace",
            &distribution(),
            "--api",
            &output("get-policy.json"),
        ])
        .args(["--request", request])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "aws-outputs/get-policy.json:2:5: {POLICY}"
        )));
    apifront()
        .args([
            "map",
            &output("get-api-mappings.json"),
            "--format",
            "mermaid",
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "aws-outputs/get-api-mappings.json:2:5: this is the output of \
             `aws apigatewayv2 get-api-mappings`",
        ));
}

#[test]
fn in_a_directory_an_output_is_skipped() {
    // The policy names CloudFront's service principal, yet holds no distribution.
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [
        (distribution(), "cdn.json"),
        (output("get-policy.json"), "policy.json"),
    ] {
        std::fs::copy(from, dir.path().join(to)).unwrap();
    }
    apifront()
        .args(["lint", "--format", "parseable"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("cdn.json:"))
        .stdout(predicate::str::contains("policy.json").not());
}
