//! AWS CLI outputs that hold no distribution and that apifront does not read yet (a Lambda
//! function's policy and URL settings, an API Gateway custom domain, its routing rules and API
//! mappings): wherever they are given — alone, beside a `get-distribution-config` output as a
//! second configuration file, or as an API definition — the error names the command they came
//! from and what to give instead, at the key that tells them, and never reads them as Terraform.

use apifront_core::parse::{
    parse, parse_api_definition, parse_sources, unread_output, UnreadOutput,
};
use apifront_core::source::Sources;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Each fixture, the output it is, and the position of the key that tells it.
const OUTPUTS: &[(&str, UnreadOutput, (u32, u32))] = &[
    ("get-policy.json", UnreadOutput::LambdaPolicy, (2, 5)),
    ("get-policy.yaml", UnreadOutput::LambdaPolicy, (1, 1)),
    (
        "get-function-url-config.json",
        UnreadOutput::FunctionUrlConfig,
        (2, 5),
    ),
    (
        "list-routing-rules.json",
        UnreadOutput::RoutingRules,
        (2, 5),
    ),
    (
        "apigatewayv2-get-domain-name.json",
        UnreadOutput::DomainNameV2,
        (3, 5),
    ),
    (
        "apigateway-get-domain-name.json",
        UnreadOutput::DomainNameV1,
        (2, 5),
    ),
    ("get-api-mappings.json", UnreadOutput::ApiMappings, (2, 5)),
    (
        "get-base-path-mappings.json",
        UnreadOutput::BasePathMappings,
        (2, 5),
    ),
];

const DISTRIBUTION: &str = "correct/cli-lambda-url-oac.json";

#[test]
fn each_output_alone_is_named_with_its_command() {
    for (name, output, at) in OUTPUTS {
        let text = fixture(&format!("aws-outputs/{name}"));
        assert_eq!(unread_output(&text), Some(*output), "{name}");
        let e = parse(&text).expect_err(name);
        assert_eq!(e.message, output.message(), "{name}");
        assert!(
            e.message
                .starts_with(&format!("this is the output of `{}` (", output.command())),
            "{name}: {}",
            e.message
        );
        assert!(
            e.message.contains("apifront does not read it yet"),
            "{name}"
        );
        assert_eq!((e.line, e.column), *at, "{name}");
    }
}

#[test]
fn beside_a_distribution_the_output_is_named_not_read_as_terraform() {
    let distribution = fixture(DISTRIBUTION);
    for (name, output, at) in OUTPUTS.iter().filter(|(n, ..)| n.ends_with(".json")) {
        let text = fixture(&format!("aws-outputs/{name}"));
        for (files, index) in [
            (vec![("cdn.json", &*distribution), (*name, &*text)], 1),
            (vec![(*name, &*text), ("cdn.json", &*distribution)], 0),
        ] {
            let sources = Sources::from_files(files);
            let e = parse_sources(&sources).expect_err(name);
            assert_eq!(e.file, index, "{name}");
            assert_eq!(e.error.message, output.message(), "{name}");
            assert!(!e.error.message.contains("is not Terraform"), "{name}");
            assert_eq!((e.error.line, e.error.column), *at, "{name} {index}");
        }
    }
}

#[test]
fn as_an_api_definition_the_output_is_named_too() {
    for (name, output, at) in OUTPUTS {
        let text = fixture(&format!("aws-outputs/{name}"));
        let e = parse_api_definition(name, &text).expect_err(name);
        assert_eq!(e.message, output.message(), "{name}");
        assert_eq!((e.line, e.column), *at, "{name}");
    }
}

#[test]
fn configurations_and_definitions_are_still_read() {
    // The recognition only replaces "not a configuration": what parses still parses.
    assert!(parse(&fixture(DISTRIBUTION)).is_ok());
    assert_eq!(unread_output(&fixture(DISTRIBUTION)), None);
    for definition in ["api/get-routes.json", "api/get-resources.json"] {
        let text = fixture(definition);
        assert_eq!(unread_output(&text), None, "{definition}");
        assert!(
            parse_api_definition(definition, &text).is_ok(),
            "{definition}"
        );
    }
    // A template that defines the same things is linted as a template.
    let template = fixture("current/cfn-routing-rules-mappings-only.yaml");
    assert_eq!(unread_output(&template), None);
    assert!(parse(&template).is_ok());
}
