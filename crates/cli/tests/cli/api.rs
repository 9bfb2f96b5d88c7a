//! `apifront lint FILE --api DEFINITION`: reading definitions and matching them to origins.

use super::{apifront, core_fixture};
use predicates::prelude::*;

fn definition(name: &str) -> String {
    core_fixture(&format!("api/{name}")).display().to_string()
}

#[test]
fn definitions_attach_by_api_id() {
    let rest = definition("export-rest-oas30.json");
    let http = definition("export-http-oas30.yaml");
    apifront()
        .args([
            "lint",
            "api/two-apis.json",
            "--api",
            &rest,
            "--api",
            &http,
            "--format",
            "json",
        ])
        .assert()
        .stderr(predicate::str::contains(format!(
            "info: {rest} (for api/two-apis.json): an OpenAPI 3 definition is attached to origin \
             `pets` of `DistributionConfig` (API id `k7x2m9q4tb` in the origin's host)"
        )))
        .stderr(predicate::str::contains(format!(
            "info: {http} (for api/two-apis.json): an OpenAPI 3 definition is attached to origin \
             `inventory` of `DistributionConfig` (API id `z1y2x3w4v5` in the origin's host)"
        )))
        // The JSON report on standard output stays JSON.
        .stdout(predicate::str::starts_with("{"));
}

#[test]
fn a_definition_without_id_is_not_guessed_among_several_origins() {
    let routes = definition("get-routes.json");
    let stages = definition("v2-get-stages.json");
    apifront()
        .args(["lint", "api/two-apis.json", "--api", &routes, "--api", &stages])
        .assert()
        .stderr(predicate::str::contains(format!(
            "info: {routes} + {stages} (for api/two-apis.json): `aws apigatewayv2 get-routes` output \
             is not attached: the definition does not state its API id; not matched to origin \
             `pets` of `DistributionConfig` (API `k7x2m9q4tb`, host \
             `k7x2m9q4tb.execute-api.eu-west-1.amazonaws.com`), `inventory` of `DistributionConfig` \
             (API `z1y2x3w4v5`, host `z1y2x3w4v5.execute-api.ap-southeast-2.amazonaws.com`)"
        )));
}

#[test]
fn the_only_api_origin_takes_the_definition() {
    let pieces = definition("get-resources.json");
    apifront()
        .args(["lint"])
        .arg(core_fixture("api/rest-token-authorizer.yaml"))
        .args(["--api", &pieces])
        .assert()
        .stderr(predicate::str::contains(
            "`aws apigateway get-resources` output is attached to origin `orders-api` of `Cdn` \
             (the only API Gateway origin; the definition does not state its API id)",
        ));
}

#[test]
fn a_file_that_is_no_definition_stops_with_its_position() {
    apifront()
        .args([
            "lint",
            "api/two-apis.json",
            "--api",
            "api/not-a-definition.json",
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "error: not an API definition; expected an OpenAPI 3",
        ))
        .stdout(predicate::str::contains(
            "--> api/not-a-definition.json:1:1",
        ))
        .stdout(predicate::str::contains(
            "hint: its top-level keys are Distribution",
        ))
        .stdout(predicate::str::contains(
            "in: the input of api/two-apis.json (not linted)",
        ));
    apifront()
        .args(["lint", "api/two-apis.json", "--api", "api/missing.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "api/missing.json: no such file or directory",
        ));
    apifront()
        .args(["lint", "api/two-apis.json", "--api", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`--api` takes a file"));
}
