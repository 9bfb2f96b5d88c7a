//! The model built from CloudFormation templates (YAML, JSON, `cdk synth`, SAM, Serverless).

use apifront_core::model::{ApiKind, Distribution, Document, Format, OriginKind, PolicyRef};
use apifront_core::parse::parse;
use apifront_core::value::{Field, Unknown, Val};

fn load(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/cfn/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn text<T: std::fmt::Debug>(f: &Field<T>) -> Option<&T> {
    f.get()
}

fn dist<'d>(doc: &'d Document, name: &str) -> &'d Distribution {
    doc.distributions
        .iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no distribution {name}"))
}

fn api_default() -> OriginKind {
    OriginKind::ApiGatewayDefault {
        api_id: None,
        region: None,
    }
}

#[test]
fn yaml_with_short_intrinsics() {
    let doc = load("api-edge.yaml");
    assert_eq!(doc.format, Format::CfnYaml);
    assert_eq!(doc.distributions.len(), 1);
    let d = dist(&doc, "Edge");
    assert_eq!(d.path, "Resources/Edge/Properties/DistributionConfig");
    assert_eq!(
        d.ignore,
        ["api-origin-bypassable", "cloudfront-logging-disabled"]
    );
    // A parameter default resolves; a pseudo parameter does not.
    assert_eq!(d.aliases.known_items(), Some(vec!["pay.example.com"]));
    assert!(matches!(
        &d.comment.val,
        Val::Unknown(Unknown::Parameter { name, no_echo: false }) if name == "AWS::StackName"
    ));
    assert_eq!(text(&d.ipv6_enabled), Some(&true));

    // REST API through a Sub host: the host is unknown, its class and API are not.
    let rest = &d.origins[0];
    assert!(matches!(
        rest.domain_name.val,
        Val::Unknown(Unknown::Intrinsic(_))
    ));
    assert_eq!(rest.kind.0, api_default());
    assert_eq!(rest.api_ref.as_deref(), Some("PaymentsApi"));
    assert!(!rest.domain_is_url);
    assert_eq!(text(&rest.origin_path).map(String::as_str), Some("/live"));
    let custom = rest.custom_origin_config.as_ref().expect("custom origin");
    assert_eq!(
        custom.origin_ssl_protocols.known_items(),
        Some(vec!["TLSv1.2"])
    );
    assert_eq!(text(&custom.origin_read_timeout), Some(&45), "FindInMap");
    assert_eq!(
        custom.origin_ssl_protocols.path,
        "Resources/Edge/Properties/DistributionConfig/Origins/0/CustomOriginConfig/OriginSSLProtocols"
    );
    // The NoEcho parameter and the dynamic reference stay unknown, with their reasons.
    assert_eq!(
        rest.custom_headers[0].value.val,
        Val::Unknown(Unknown::Parameter {
            name: "OriginSecret".into(),
            no_echo: true
        })
    );
    assert!(matches!(
        &rest.custom_headers[1].value.val,
        Val::Unknown(Unknown::DynamicReference(r)) if r.starts_with("{{resolve:secretsmanager:")
    ));

    // HTTP API host split out of ApiEndpoint.
    let http = &d.origins[1];
    assert_eq!(http.kind.0, api_default());
    assert_eq!(http.api_ref.as_deref(), Some("WebhookApi"));
    assert!(!http.domain_is_url);
    assert!(http.domain_name.is_unknown());
    assert_eq!(
        http.domain_name.path,
        "Resources/Edge/Properties/DistributionConfig/Origins/1/DomainName"
    );
    assert_eq!(
        (http.domain_name.span.line, http.domain_name.span.column),
        (128, 25)
    );

    // Lambda function URL host, with a sibling OAC by GetAtt.
    let url = &d.origins[2];
    assert_eq!(url.kind.0, OriginKind::LambdaUrl { region: None });
    assert_eq!(url.lambda_url_ref.as_deref(), Some("ReceiptsUrl"));
    assert_eq!(url.api_ref, None);
    assert_eq!(
        text(&url.origin_access_control_id),
        Some(&PolicyRef::Local("ReceiptsOac".into()))
    );

    let def = d.default_behavior.as_ref().expect("default behavior");
    assert_eq!(
        text(&def.cache_policy_id),
        Some(&PolicyRef::Local("ApiCachePolicy".into()))
    );
    assert_eq!(
        text(&def.origin_request_policy_id),
        Some(&PolicyRef::Id(
            "b689b0a8-53d0-40ab-baf2-68738e2966ac".into()
        ))
    );
    assert_eq!(def.allowed_methods.known_items().map(|m| m.len()), Some(7));
    assert_eq!(def.cached_methods.val, Val::Absent);
    let webhooks = &d.behaviors[0];
    assert_eq!(
        webhooks.origin_request_policy_id.val,
        Val::Unknown(Unknown::Intrinsic("Fn::If".into()))
    );
    assert_eq!(
        d.behaviors[1].path,
        "Resources/Edge/Properties/DistributionConfig/CacheBehaviors/1"
    );

    assert_eq!(text(&d.custom_error_responses[0].response_code), Some(&503));
    assert!(d.logging.present);
    assert_eq!(
        text(&d.logging.enabled),
        Some(&true),
        "a Logging block turns logging on"
    );
    assert_eq!(
        text(&d.logging.bucket).map(String::as_str),
        Some("pay-edge-logs.s3.amazonaws.com")
    );
    // A parameter without a default is unknown, not empty.
    assert_eq!(
        d.viewer_certificate.acm_certificate_arn.val,
        Val::Unknown(Unknown::Parameter {
            name: "CertificateArn".into(),
            no_echo: false
        })
    );
    assert_eq!(
        text(&d.viewer_certificate.ssl_support_method).map(String::as_str),
        Some("sni-only")
    );

    // Sibling resources.
    assert_eq!(doc.apis.len(), 2);
    let rest_api = doc
        .apis
        .iter()
        .find(|a| a.name == "PaymentsApi")
        .expect("rest api");
    assert_eq!(rest_api.kind, ApiKind::Rest);
    assert_eq!(
        rest_api.endpoint_types.known_items(),
        Some(vec!["REGIONAL"])
    );
    let http_api = doc
        .apis
        .iter()
        .find(|a| a.name == "WebhookApi")
        .expect("http api");
    assert_eq!(http_api.kind, ApiKind::Http);
    assert_eq!(doc.stages.len(), 1);
    assert_eq!(doc.stages[0].api_ref.as_deref(), Some("PaymentsApi"));
    assert_eq!(
        text(&doc.stages[0].stage_name).map(String::as_str),
        Some("live")
    );
    let method = doc
        .methods
        .iter()
        .find(|m| m.name == "RefundMethod")
        .expect("method");
    assert_eq!(method.api_ref.as_deref(), Some("PaymentsApi"));
    assert_eq!(
        text(&method.authorization_type).map(String::as_str),
        Some("AWS_IAM")
    );
    let route = doc
        .methods
        .iter()
        .find(|m| m.name == "WebhookRoute")
        .expect("route");
    assert_eq!(route.api_ref.as_deref(), Some("WebhookApi"));
    assert_eq!(
        text(&doc.lambda_urls[0].auth_type).map(String::as_str),
        Some("AWS_IAM")
    );
    let policy = &doc.cache_policies[0];
    assert_eq!(policy.name, "ApiCachePolicy");
    assert_eq!(
        text(&policy.headers.behavior).map(String::as_str),
        Some("whitelist")
    );
    assert_eq!(
        policy.headers.items.known_items(),
        Some(vec!["Authorization"])
    );
    assert_eq!(text(&policy.enable_accept_encoding_brotli), Some(&true));
    assert_eq!(text(&policy.max_ttl), Some(&1));
    assert_eq!(
        text(&doc.origin_access_controls[0].origin_type).map(String::as_str),
        Some("lambda")
    );
}
