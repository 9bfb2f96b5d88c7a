//! `--parameter NAME=VALUE`: a CloudFormation template checked with a stack's parameter values.

use super::apifront;
use predicates::prelude::*;

#[test]
fn lint_checks_the_distribution_the_values_create() {
    // With the defaults the distribution is not created: information only, exit 0.
    apifront()
        .args(["lint", "conditional.yaml"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("info[distribution-not-created]"));
    // As a stack with CreateCdn=yes deploys it: the forwarded Host is an error.
    apifront()
        .args(["lint", "conditional.yaml", "--parameter", "CreateCdn=yes"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[apigw-host-header-forwarded]",
        ))
        .stdout(predicate::str::contains("distribution-not-created").not());
}

#[test]
fn trace_and_map_take_the_values_too() {
    apifront()
        .args([
            "trace",
            "conditional.yaml",
            "--parameter",
            "CreateCdn=yes",
            "--parameter",
            "Stage=live",
            "--request",
            "GET https://d111111abcdef8.cloudfront.net/orders",
        ])
        .assert()
        .stdout(predicate::str::contains(
            "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/live/orders",
        ));
    apifront()
        .args(["map", "conditional.yaml", "--format", "mermaid"])
        .args(["--parameter", "CreateCdn=yes"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("a1b2c3d4e5"));
}

#[test]
fn a_misspelt_or_misplaced_value_is_refused() {
    apifront()
        .args(["lint", "conditional.yaml", "--parameter", "CreateCDN=yes"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "a value is given for parameter `CreateCDN`, which the template does not declare",
        ));
    apifront()
        .args(["lint", "conditional.yaml", "--parameter", "CreateCdn"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`CreateCdn` is not NAME=VALUE"));
    apifront()
        .args(["lint", "conditional.yaml", "tree/api.yaml"])
        .args(["--parameter", "CreateCdn=yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`--parameter` gives the values of one CloudFormation template's parameters",
        ));
    apifront()
        .args(["lint", "module", "--parameter", "Stage=live"])
        .assert()
        .code(2);
}
