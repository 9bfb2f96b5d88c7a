//! `state_from_model`: the closest form state for a parsed configuration.

use apifront_core::parse::parse;
use apifront_core::render::{render, OutputFormat};
use apifront_core::state::{
    preset, state_from_model, ApiKind, AuthMode, ReferenceMode, RoutingMode, SecretSource,
};

#[test]
fn imports_cli_json() {
    let text = include_str!("fixtures/cli-json/get-distribution-config-rest-api.json");
    let (state, lost) = state_from_model(&parse(text).unwrap());
    assert_eq!(state.api.kind, ApiKind::RestRegional);
    assert_eq!(state.api.reference, ReferenceMode::Literal);
    assert_eq!(state.api.api_id, "k3x9q2m7vd");
    assert_eq!(state.api.region, "eu-central-1");
    assert_eq!(state.api.stage, "prod");
    assert_eq!(state.domain.aliases, vec!["api.shop.example.com"]);
    assert!(state.protection.secret_header);
    assert_eq!(state.protection.secret_header_name, "X-Origin-Verify");
    assert_eq!(state.timeouts.read, 30);
    // The literal secret is never carried over, and the S3 origin has no place in the form.
    assert!(
        lost.iter()
            .any(|l| l.contains("value of `X-Origin-Verify`")),
        "{lost:?}"
    );
    assert!(lost.iter().any(|l| l.contains("static-assets")), "{lost:?}");
}

#[test]
fn imports_cfn_yaml_site_with_stack_api() {
    let text = include_str!("fixtures/cfn/import-site-http-api.yaml");
    let (state, lost) = state_from_model(&parse(text).unwrap());
    assert_eq!(state.name, "Storefront");
    assert_eq!(state.api.kind, ApiKind::HttpApi);
    assert_eq!(state.api.reference, ReferenceMode::DefinedInStack);
    assert_eq!(state.api.resource_name, "HttpApi");
    assert_eq!(state.api.stage, "$default");
    assert_eq!(state.routing.mode, RoutingMode::SiteWithApi);
    assert_eq!(state.routing.bucket_name, "storefront-spa");
    assert_eq!(state.routing.bucket_region, "us-west-2");
    assert_eq!(state.routing.api_paths, vec!["/api/*"]);
    assert!(!state.routing.strip_prefix);
    assert_eq!(state.domain.minimum_protocol_version, "TLSv1.2_2025");
    assert_eq!(state.domain.http_version, "http2");
    assert!(!state.domain.ipv6);
    assert_eq!(state.domain.price_class, "PriceClass_100");
    assert_eq!(state.protection.secret_source, SecretSource::Parameter);
    assert_eq!(state.timeouts.read, 25);
    assert!(lost.iter().any(|l| l.contains("AllViewer ")), "{lost:?}");
    assert!(lost.iter().any(|l| l.contains("`legacy`")), "{lost:?}");
}

#[test]
fn generated_cli_json_imports_back_to_its_state() {
    let original = &preset("rest-custom-domain").unwrap().state;
    let out = render(original, OutputFormat::CliJson).unwrap();
    let (state, _) = state_from_model(&parse(&out.text).unwrap());
    assert_eq!(state.api, original.api);
    assert_eq!(state.domain.aliases, original.domain.aliases);
    assert_eq!(
        state.domain.certificate_arn,
        original.domain.certificate_arn
    );
    assert_eq!(state.error_caching, original.error_caching);
    assert_eq!(
        state.auth.mode,
        AuthMode::None,
        "auth is not visible in a distribution"
    );
}
