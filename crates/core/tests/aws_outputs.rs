//! AWS CLI outputs that hold no distribution (a Lambda function's policy and URL settings, an API
//! Gateway custom domain, its routing rules and API mappings): wherever they are not read —
//! alone, beside a `get-distribution-config` output as a second configuration file, or as an API
//! definition of another format — the error names the command they came from and what to give
//! instead, at the key that tells them, and never reads them as Terraform. The function URL's
//! settings and the policy given as API definitions beside AWS CLI JSON are read: the function
//! URL is its origin's, the policy's statements are permissions, judged by
//! `lambda-url-oac-permissions` at their place inside the policy string.

use apifront_core::lint::{lint_sources, LintConfig, Severity};
use apifront_core::parse::{aws_output_of, parse, parse_api_definition, parse_sources, AwsOutput};
use apifront_core::source::Sources;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Each fixture, the output it is, and the position of the key that tells it.
const OUTPUTS: &[(&str, AwsOutput, (u32, u32))] = &[
    ("get-policy.json", AwsOutput::LambdaPolicy, (2, 5)),
    ("get-policy.yaml", AwsOutput::LambdaPolicy, (1, 1)),
    (
        "get-function-url-config.json",
        AwsOutput::FunctionUrlConfig,
        (2, 5),
    ),
    ("list-routing-rules.json", AwsOutput::RoutingRules, (2, 5)),
    (
        "apigatewayv2-get-domain-name.json",
        AwsOutput::DomainNameV2,
        (3, 5),
    ),
    (
        "apigateway-get-domain-name.json",
        AwsOutput::DomainNameV1,
        (2, 5),
    ),
    ("get-api-mappings.json", AwsOutput::ApiMappings, (2, 5)),
    (
        "get-base-path-mappings.json",
        AwsOutput::BasePathMappings,
        (2, 5),
    ),
];

const DISTRIBUTION: &str = "correct/cli-lambda-url-oac.json";

#[test]
fn each_output_alone_is_named_with_its_command() {
    for (name, output, at) in OUTPUTS {
        let text = fixture(&format!("aws-outputs/{name}"));
        assert_eq!(aws_output_of(&text), Some(*output), "{name}");
        let e = parse(&text).expect_err(name);
        assert_eq!(e.message, output.message(), "{name}");
        assert!(
            e.message
                .starts_with(&format!("this is the output of `{}` (", output.command())),
            "{name}: {}",
            e.message
        );
        let said = if output.read_beside_cli_json() {
            "apifront reads it only beside the distribution's AWS CLI JSON, as an API definition"
        } else {
            "apifront does not read it yet; "
        };
        assert!(e.message.contains(said), "{name}: {}", e.message);
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
    assert_eq!(aws_output_of(&fixture(DISTRIBUTION)), None);
    for definition in ["api/get-routes.json", "api/get-resources.json"] {
        let text = fixture(definition);
        assert_eq!(aws_output_of(&text), None, "{definition}");
        assert!(
            parse_api_definition(definition, &text).is_ok(),
            "{definition}"
        );
    }
    // A template that defines the same things is linted as a template.
    let template = fixture("current/cfn-routing-rules-mappings-only.yaml");
    assert_eq!(aws_output_of(&template), None);
    assert!(parse(&template).is_ok());
}

/// A finding as (file, line, column, severity, message).
type Placed = (usize, u32, u32, Severity, String);

/// The findings of `lambda-url-oac-permissions` for the distribution of `DISTRIBUTION` with the
/// function URL's settings and the policy `policy` given as API definitions; and what became of
/// each output.
fn permissions(policy: &str) -> (Vec<Placed>, Vec<String>) {
    let mut sources = Sources::single("cdn.json", &fixture(DISTRIBUTION));
    sources.push_api_definition(
        "url.json",
        &fixture("aws-outputs/thumbs-get-function-url-config.json"),
    );
    sources.push_api_definition("policy.json", &fixture(&format!("aws-outputs/{policy}")));
    let report = lint_sources(&sources, &LintConfig::default()).expect("lints");
    let findings = report
        .findings
        .into_iter()
        .filter(|f| f.rule == "lambda-url-oac-permissions")
        .map(|f| (f.file, f.span.line, f.span.column, f.severity, f.message))
        .collect();
    assert!(report.notes.iter().all(|n| n.attached));
    let notes = report.notes.into_iter().map(|n| n.message).collect();
    (findings, notes)
}

// The CloudFront guide's OAC setup for a function URL grants cloudfront.amazonaws.com both
// lambda:InvokeFunctionUrl and lambda:InvokeFunction with the distribution's ARN as source
// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html,
// https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html); `aws lambda get-policy` returns
// the function's policy as a JSON string (https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html).

#[test]
fn a_policy_from_the_cli_with_both_permissions_lints_clean() {
    let (findings, notes) = permissions("thumbs-get-policy.json");
    assert_eq!(findings, []);
    assert_eq!(
        notes,
        [
            "the function URL of `thumbs` is origin `thumbs` of `DistributionConfig`",
            "2 permissions read from the policy",
        ]
    );
}

#[test]
fn a_policy_from_the_cli_with_one_permission_is_an_error_at_the_origin_access_control() {
    let (findings, _) = permissions("thumbs-get-policy-one-permission.json");
    assert_eq!(
        findings,
        [(
            0,
            37,
            36,
            Severity::Error,
            "origin `thumbs`: CloudFront may invoke the function of `thumbs` with one permission \
             only; since October 2025 a function URL also needs lambda:InvokeFunction for \
             cloudfront.amazonaws.com, else every request gets 403"
                .to_string()
        )]
    );
}

#[test]
fn a_cli_permission_without_source_is_a_warning_inside_the_policy_string() {
    let (findings, _) = permissions("thumbs-get-policy-any-distribution.json");
    let text = fixture("aws-outputs/thumbs-get-policy-any-distribution.json");
    let line = text.lines().nth(1).expect("the policy line");
    // Each warning points at the escaped `\"cloudfront.amazonaws.com\"` of its statement.
    let principals: Vec<u32> = line
        .match_indices(r#"{\"Service\":\"cloudfront.amazonaws.com\"}"#)
        .map(|(i, _)| u32::try_from(i + r#"{\"Service\":"#.len() + 1).expect("column"))
        .collect();
    assert_eq!(principals.len(), 2);
    let expected: Vec<Placed> = [
        "AllowCloudFrontInvokeFunctionUrl",
        "AllowCloudFrontInvokeFunction",
    ]
    .iter()
    .zip(&principals)
    .map(|(sid, column)| {
        (
            2,
            2,
            *column,
            Severity::Warning,
            format!(
                "permission `{sid}` lets any CloudFront distribution, of any account, invoke \
                     the function; restrict it with the distribution's ARN as source"
            ),
        )
    })
    .collect();
    assert_eq!(findings, expected);
}

#[test]
fn the_lambda_outputs_are_read_only_beside_cli_json() {
    // Beside a template, the policy stays an output apifront does not read there.
    let mut sources = Sources::single(
        "template.yaml",
        &fixture("current/cfn-lambda-url-oac-one-permission.yaml"),
    );
    sources.push_api_definition(
        "policy.json",
        &fixture("aws-outputs/thumbs-get-policy.json"),
    );
    let e = lint_sources(&sources, &LintConfig::default()).expect_err("not read");
    assert_eq!(e.file, 1);
    assert_eq!(e.error.message, AwsOutput::LambdaPolicy.message());
    // Beside CLI JSON, the YAML form (`--output yaml`) is asked for as JSON.
    let mut sources = Sources::single("cdn.json", &fixture(DISTRIBUTION));
    sources.push_api_definition("policy.yaml", &fixture("aws-outputs/get-policy.yaml"));
    let e = lint_sources(&sources, &LintConfig::default()).expect_err("not read");
    assert_eq!((e.file, e.error.line, e.error.column), (1, 1, 1));
    assert_eq!(
        e.error.message,
        "this is the output of `aws lambda get-policy` as YAML: beside AWS CLI JSON apifront \
         reads it as JSON only; run the command again with `--output json`"
    );
    // A function URL no origin uses is said to be unused, and judged nowhere.
    let mut sources = Sources::single("cdn.json", &fixture(DISTRIBUTION));
    sources.push_api_definition(
        "url.json",
        &fixture("aws-outputs/get-function-url-config.json"),
    );
    let report = lint_sources(&sources, &LintConfig::default()).expect("lints");
    assert!(!report.notes[0].attached);
    assert_eq!(
        report.notes[0].message,
        "no origin has the function URL's host \
         `x3k9q2m7vdw4t8ya6bzc5nep1rjf0hsg.lambda-url.eu-west-1.on.aws`: the function URL of \
         `orders-api` is not used"
    );
}
