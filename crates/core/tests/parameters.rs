//! Parameter values given with a CloudFormation template (a stack's values, `apifront lint
//! --parameter NAME=VALUE`): they replace the defaults wherever the template reads a parameter,
//! so conditions pick their branch and a distribution the defaults leave uncreated is checked.
//! CloudFormation refuses a stack that gives a value to a parameter the template does not
//! declare ("Parameters: [name] do not exist in the template",
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html>).

use apifront_core::lint::{lint_sources, lint_text, LintConfig};
use apifront_core::model::{NoteKind, OriginKind};
use apifront_core::parse::{parse, parse_with, ParameterValues};
use apifront_core::source::Sources;
use apifront_core::value::Val;

/// A distribution created only when `CreateCdn` is `yes` (its default is `no`), whose origin
/// path comes from `Stage` and whose aliases from a list parameter.
const TEMPLATE: &str = "\
Parameters:
  CreateCdn:
    Type: String
    Default: 'no'
  Stage:
    Type: String
    Default: prod
  Names:
    Type: CommaDelimitedList
    Default: ''
  Secret:
    Type: String
    NoEcho: true
  Lookup:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /cdn/secret
Conditions:
  WantCdn: !Equals [!Ref CreateCdn, 'yes']
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Condition: WantCdn
    Properties:
      DistributionConfig:
        Enabled: true
        Aliases: !Ref Names
        Origins:
          - Id: api
            DomainName: a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com
            OriginPath: !Sub '/${Stage}'
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
            OriginCustomHeaders:
              - HeaderName: x-origin-verify
                HeaderValue: !Ref Secret
              - HeaderName: x-lookup
                HeaderValue: !Ref Lookup
        DefaultCacheBehavior:
          TargetOriginId: api
          ViewerProtocolPolicy: https-only
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
";

fn values(pairs: &[(&str, &str)]) -> ParameterValues {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn given_values_replace_defaults_and_pick_branches() {
    // With the defaults the distribution is not created, and said so.
    let by_default = parse(TEMPLATE).expect("parses");
    assert!(by_default.distributions.is_empty());
    assert_eq!(by_default.notes[0].kind, NoteKind::DistributionNotCreated);

    let given = values(&[
        ("CreateCdn", "yes"),
        ("Stage", "live"),
        ("Names", "api.example.com, www.example.com"),
        ("Secret", "s3cr3t"),
        ("Lookup", "/other/name"),
    ]);
    let doc = parse_with(TEMPLATE, &given).expect("parses");
    let [dist] = doc.distributions.as_slice() else {
        panic!("one distribution: {:?}", doc.distributions.len())
    };
    let origin = &dist.origins[0];
    assert!(matches!(
        origin.kind.0,
        OriginKind::ApiGatewayDefault { .. }
    ));
    assert_eq!(origin.origin_path.get().map(String::as_str), Some("/live"));
    // A list parameter takes its items from the commas.
    assert_eq!(
        dist.aliases.known_items(),
        Some(vec!["api.example.com", "www.example.com"])
    );
    // A NoEcho parameter's given value is known; an SSM-typed one names the SSM parameter,
    // so its value stays unknown.
    let headers = &origin.custom_headers;
    assert_eq!(headers[0].value.get().map(String::as_str), Some("s3cr3t"));
    assert!(matches!(headers[1].value.val, Val::Unknown(_)));
}

#[test]
fn lint_with_values_checks_the_created_distribution() {
    let mut sources = Sources::single("template.yaml", TEMPLATE);
    let before = lint_sources(&sources, &LintConfig::default()).expect("lints");
    assert!(before
        .findings
        .iter()
        .all(|f| f.rule == "distribution-not-created"));
    sources.set_parameter("CreateCdn", "yes");
    sources.set_parameter("Stage", "");
    let after = lint_sources(&sources, &LintConfig::default()).expect("lints");
    assert!(!after
        .findings
        .iter()
        .any(|f| f.rule == "distribution-not-created"));
    // An empty stage leaves the origin path `/`: the REST API rules see the created
    // distribution.
    assert!(
        after
            .findings
            .iter()
            .any(|f| f.rule == "origin-path-format"),
        "{:#?}",
        after.findings
    );
    // Without values, lint_text is the same as the sources read alone.
    let plain = lint_text(TEMPLATE, &LintConfig::default()).expect("lints");
    assert_eq!(plain.findings.len(), before.findings.len());
}

#[test]
fn a_value_for_an_undeclared_parameter_is_an_error_at_the_parameters() {
    let err = parse_with(TEMPLATE, &values(&[("Stgae", "live")])).unwrap_err();
    assert!(err.message.contains("`Stgae`"), "{}", err.message);
    assert!(err.message.contains("does not declare"), "{}", err.message);
    assert_eq!((err.line, err.column), (1, 1));
    // Without a Parameters section: the template's start.
    let bare = TEMPLATE
        .split_once("Conditions:")
        .map(|(_, r)| format!("Conditions:{r}"));
    let bare = bare.expect("split");
    let err = parse_with(&bare, &values(&[("Stage", "x")])).unwrap_err();
    assert_eq!((err.line, err.column), (1, 1));
}

#[test]
fn values_are_for_cloudformation_templates_only() {
    let terraform = "resource \"aws_cloudfront_distribution\" \"d\" {\n  enabled = true\n}\n";
    let err = parse_with(terraform, &values(&[("Stage", "x")])).unwrap_err();
    assert!(err.message.contains("Terraform"), "{}", err.message);
    let cli = r#"{"DistributionConfig": {"Enabled": true, "Origins": {"Quantity": 0}}}"#;
    let err = parse_with(cli, &values(&[("Stage", "x")])).unwrap_err();
    assert!(err.message.contains("AWS CLI"), "{}", err.message);
    // A module of several files is Terraform too.
    let mut module = Sources::from_files([("a.tf", terraform), ("b.tf", "locals {}\n")]);
    module.set_parameter("Stage", "x");
    let err = lint_sources(&module, &LintConfig::default()).unwrap_err();
    assert!(
        err.error.message.contains("Terraform"),
        "{}",
        err.error.message
    );
}
