//! File names, formats and the shape of the CDK and Terraform outputs (the real tools check them
//! in `scripts/check-generated.sh`).

use apifront_core::render::{render, OutputFormat};
use apifront_core::state::{preset, FormState, Level};

#[test]
fn file_names_and_format_names() {
    let names: Vec<(&str, String)> = OutputFormat::ALL
        .iter()
        .map(|&f| {
            (
                f.as_str(),
                render(&FormState::default(), f).unwrap().file_name,
            )
        })
        .collect();
    assert_eq!(
        names,
        vec![
            ("cfn-yaml", "apifront-distribution.yaml".to_string()),
            ("cfn-json", "apifront-distribution.json".to_string()),
            ("cdk-ts", "apifront-stack.ts".to_string()),
            ("cdk-python", "apifront_stack.py".to_string()),
            ("terraform", "main.tf".to_string()),
            ("cli-json", "distribution-config.json".to_string()),
        ]
    );
    assert_eq!(
        OutputFormat::parse("terraform"),
        Some(OutputFormat::Terraform)
    );
    assert_eq!(OutputFormat::parse("hcl"), None);
}

#[test]
fn refuses_invalid_state_with_field_errors() {
    let mut s = FormState::default();
    s.api.region = "mars-1".into();
    let errors = render(&s, OutputFormat::CfnYaml).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "api.region");
    assert_eq!(errors[0].level, Level::Error);
}

#[test]
fn cdk_uses_managed_policy_constants_in_both_languages() {
    let state = &preset("lambda-url-oac").unwrap().state;
    let ts = render(state, OutputFormat::CdkTypeScript).unwrap().text;
    assert!(ts.contains(
        "originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,"
    ));
    assert!(ts.contains("cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,"));
    assert!(ts.contains("new cloudfront.FunctionUrlOriginAccessControl(this, 'LambdaOac'"));
    assert!(ts.contains("functionName: 'orders-handler',"));
    let py = render(state, OutputFormat::CdkPython).unwrap().text;
    assert!(py.contains("from aws_cdk import aws_lambda as lambda_\n"));
    assert!(py.contains(
        "origin_request_policy=cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,"
    ));
    assert!(py.contains("origin_access_control_id=lambda_oac.origin_access_control_id,"));
    assert!(py.contains("source_arn=distribution.distribution_arn,"));
}

#[test]
fn secrets_are_never_literals() {
    let state = &preset("cached-public-get").unwrap().state; // NoEcho parameter source
    let yaml = render(state, OutputFormat::CfnYaml).unwrap().text;
    assert!(yaml.contains("NoEcho: true"));
    assert!(yaml.contains("HeaderValue: !Ref OriginSecret"));
    let tf = render(state, OutputFormat::Terraform).unwrap().text;
    assert!(tf.contains("sensitive   = true"));
    assert!(tf.contains("value = var.origin_secret"));
    let rest = &preset("rest-custom-domain").unwrap().state; // Secrets Manager source
    let json = render(rest, OutputFormat::CfnJson).unwrap().text;
    assert!(json.contains("\"HeaderValue\": \"{{resolve:secretsmanager:apifront/origin-verify}}\""));
    let py = render(rest, OutputFormat::CdkPython).unwrap().text;
    assert!(
        py.contains("cdk.SecretValue.secrets_manager(\"apifront/origin-verify\").unsafe_unwrap()")
    );
    let cli = render(rest, OutputFormat::CliJson).unwrap();
    assert!(cli
        .text
        .contains("\"HeaderValue\": \"REPLACE_WITH_SECRET_VALUE\""));
    assert!(cli.notes.iter().any(|n| n.contains("never commit it")));
}

/// Found by the `form_state` fuzz target: a byte order mark inside a value (here the certificate
/// ARN) made the CloudFormation YAML unparseable (YAML forbids a BOM inside a document, even in
/// a quoted scalar). Every readable format must parse back, with the value intact.
#[test]
fn odd_characters_in_values_render_parseably() {
    let text = include_str!("fixtures/fuzz/form-state-bom-in-arn.json");
    let base: FormState = serde_json::from_str(text).expect("fuzz input is a form state");
    for odd in [
        "\u{feff}", "\u{85}", "\u{7f}", "\u{9b}", "\u{ffff}", "\u{2028}",
    ] {
        let mut state = base.clone();
        state.domain.certificate_arn = state.domain.certificate_arn.replace('\u{feff}', odd);
        let mut parsed = 0;
        for &format in OutputFormat::ALL {
            let rendered = match render(&state, format) {
                Ok(rendered) => rendered,
                Err(errors) => panic!("{format:?} with {odd:?}: {errors:?}"),
            };
            if matches!(
                format,
                OutputFormat::CdkTypeScript | OutputFormat::CdkPython
            ) {
                continue;
            }
            let doc = apifront_core::parse::parse(&rendered.text)
                .unwrap_or_else(|e| panic!("{format:?} with {odd:?}: {e}\n{}", rendered.text));
            let arn = doc.distributions[0]
                .viewer_certificate
                .acm_certificate_arn
                .get();
            assert_eq!(
                arn,
                Some(&state.domain.certificate_arn),
                "{format:?} with {odd:?}"
            );
            parsed += 1;
        }
        assert_eq!(
            parsed, 4,
            "with {odd:?}: every readable format rendered and parsed"
        );
    }
}
