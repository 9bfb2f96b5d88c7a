//! AWS CLI outputs that hold no distribution (`aws lambda get-policy`,
//! `get-function-url-config`, `aws apigatewayv2 list-routing-rules`, `get-domain-name`,
//! `get-api-mappings`, `aws apigateway get-domain-name`, `get-base-path-mappings`): where they are
//! not read, every command that reads a file says what the file is and what to give instead, at
//! the key that tells it, and exits 2 as for any input it cannot read; in a directory they are
//! skipped like any file without a distribution. The function URL's settings and the policy
//! given with `--api` beside AWS CLI JSON are read, and their permissions judged.

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
resource-based policy): apifront reads it only beside the distribution's AWS CLI JSON, as an API \
definition (`apifront lint --api FILE`, or the app's API definition tab) with the \
`aws lambda get-function-url-config` output; for a template or module, give the one that defines \
the function's permissions (`AWS::Lambda::Permission`, `aws_lambda_permission`)";

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
            message.contains("apifront does not read it yet; ")
                || message
                    .contains("apifront reads it only beside the distribution's AWS CLI JSON"),
            "{name}: {message}"
        );
        assert!(
            message.contains("give the CloudFormation template or Terraform module")
                || message.contains("for a template or module, give the one that defines"),
            "{name}: {message}"
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
            &output("apigatewayv2-get-domain-name.json"),
        ])
        .args(["--request", request])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "aws-outputs/apigatewayv2-get-domain-name.json:3:5: this is the output of \
             `aws apigatewayv2 get-domain-name` (an API Gateway custom domain): apifront does not \
             read it yet; to check the custom domain, give the CloudFormation template or \
             Terraform module that defines it (`AWS::ApiGatewayV2::DomainName`, \
             `aws_apigatewayv2_domain_name`)",
        ));
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

#[test]
fn a_function_url_and_its_policy_beside_cli_json_are_judged() {
    let run = |policy: &str| {
        let mut cmd = apifront();
        cmd.args(["lint", "--format", "parseable", &distribution()])
            .args(["--api", &output("thumbs-get-function-url-config.json")])
            .args(["--api", &output(policy)]);
        cmd
    };
    run("thumbs-get-policy.json")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("lambda-url-oac-permissions").not())
        .stderr(predicate::str::contains(
            "): the function URL of `thumbs` is origin `thumbs` of `DistributionConfig`",
        ))
        .stderr(predicate::str::contains(
            "): 2 permissions read from the policy",
        ));
    run("thumbs-get-policy-one-permission.json")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "correct/cli-lambda-url-oac.json:37:36: error lambda-url-oac-permissions origin \
             `thumbs`: CloudFront may invoke the function of `thumbs` with one permission only; \
             since October 2025 a function URL also needs lambda:InvokeFunction for \
             cloudfront.amazonaws.com, else every request gets 403",
        ));
    run("thumbs-get-policy-any-distribution.json")
        .args(["--severity", "warning"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "aws-outputs/thumbs-get-policy-any-distribution.json:2:172: warning \
             lambda-url-oac-permissions permission `AllowCloudFrontInvokeFunctionUrl` lets any \
             CloudFront distribution",
        ));
}
