//! The model built from CloudFormation templates (YAML, JSON, `cdk synth`, SAM, Serverless).

use apifront_core::api::Authorization;
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
    // `HasCertificate` depends on a parameter without a default: the document is the branch
    // where it is true, and the other branch is a variant, where the distribution (whose
    // `Condition` it is) does not exist.
    assert_eq!(doc.conditions.len(), 1);
    assert_eq!(
        (doc.conditions[0].name.as_str(), doc.conditions[0].value),
        ("HasCertificate", true)
    );
    let webhooks = &d.behaviors[0];
    assert_eq!(
        text(&webhooks.origin_request_policy_id),
        Some(&PolicyRef::Id(
            "b689b0a8-53d0-40ab-baf2-68738e2966ac".into()
        ))
    );
    let [other] = doc.variants.as_slice() else {
        panic!("one other branch")
    };
    assert_eq!(
        (other.conditions[0].name.as_str(), other.conditions[0].value),
        ("HasCertificate", false)
    );
    assert!(other.distributions.is_empty());
    assert_eq!(other.apis.len(), doc.apis.len());
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
    assert_eq!(
        route_authorization(&doc, "PaymentsApi", "RefundMethod"),
        Some(&Authorization::AwsIam)
    );
    assert_eq!(
        route_authorization(&doc, "WebhookApi", "WebhookRoute"),
        Some(&Authorization::None)
    );
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

#[test]
fn json_with_long_intrinsics_and_a_custom_domain() {
    let doc = load("api-custom-domain.json");
    assert_eq!(doc.format, Format::CfnJson);
    let d = dist(&doc, "CatalogCdn");
    // `Ref` of an API Gateway DomainName is its (resolved) name: a custom domain origin.
    let custom = &d.origins[0];
    assert_eq!(
        text(&custom.domain_name).map(String::as_str),
        Some("catalog-origin.example.io")
    );
    assert_eq!(custom.kind.0, OriginKind::ApiGatewayCustomDomain);
    assert_eq!(
        text(
            &custom
                .custom_origin_config
                .as_ref()
                .expect("custom")
                .https_port
        ),
        Some(&443)
    );
    // Its RegionalDomainName is the d-… target.
    let target = &d.origins[1];
    assert_eq!(target.kind.0, OriginKind::ApiGatewayRegionalDomainTarget);
    assert_eq!(
        (target.domain_name.span.line, target.domain_name.span.column),
        (65, 29)
    );
    // Join with Ref AWS::URLSuffix still classifies.
    let default = &d.origins[2];
    assert_eq!(default.kind.0, api_default());
    assert_eq!(default.api_ref.as_deref(), Some("CatalogApi"));
    assert_eq!(text(&default.origin_path).map(String::as_str), Some("/v1"));
    // Sub with a variable map over a parameter without default: unknown, shape kept.
    let partner = &d.origins[3];
    assert_eq!(
        partner.kind.0,
        OriginKind::ApiGatewayDefault {
            api_id: None,
            region: Some("eu-west-1".into())
        }
    );
    assert_eq!(partner.api_ref, None);
    assert_eq!(
        partner.domain_name.val,
        Val::Unknown(Unknown::Parameter {
            name: "ApiIdFromOtherStack".into(),
            no_echo: false
        })
    );
    // ImportValue says nothing about the host.
    let imported = &d.origins[4];
    assert_eq!(imported.kind.0, OriginKind::Unknown);
    assert_eq!(
        imported.domain_name.val,
        Val::Unknown(Unknown::Intrinsic("Fn::ImportValue".into()))
    );

    let def = d.default_behavior.as_ref().expect("default behavior");
    assert_eq!(
        text(&def.origin_request_policy_id),
        Some(&PolicyRef::Local("ForwardingPolicy".into()))
    );
    assert_eq!(
        text(&def.response_headers_policy_id),
        Some(&PolicyRef::Local("CorsHeaders".into()))
    );
    assert_eq!(
        text(&def.cache_policy_id),
        Some(&PolicyRef::Id(
            "4135ea2d-6df8-44a3-9df3-4b5a84be39ad".into()
        ))
    );
    // A CommaDelimitedList parameter default becomes a list.
    assert_eq!(
        d.aliases.known_items(),
        Some(vec!["catalog.example.io", "www.catalog.example.io"])
    );
    assert_eq!(
        text(&d.geo_restriction_type).map(String::as_str),
        Some("whitelist")
    );
    assert!(!d.logging.present);
    assert_eq!(d.logging.enabled.val, Val::Absent);

    let api = &doc.apis[0];
    assert_eq!(api.kind, ApiKind::Rest);
    assert_eq!(api.endpoint_types.val, Val::Absent, "EDGE by default");
    assert_eq!(text(&api.disable_execute_api_endpoint), Some(&true));
    assert_eq!(
        text(&doc.api_domain_names[0].domain_name).map(String::as_str),
        Some("catalog-origin.example.io")
    );
    assert_eq!(
        doc.api_domain_names[0].endpoint_types.known_items(),
        Some(vec!["REGIONAL"])
    );
    assert_eq!(doc.certificates.len(), 1);
    let orp = &doc.origin_request_policies[0];
    assert_eq!(
        orp.headers.items.known_items(),
        Some(vec!["Accept-Language", "Host"])
    );
    let rhp = &doc.response_headers_policies[0];
    assert!(rhp.has_cors);
    assert_eq!(text(&rhp.cors_origin_override), Some(&true));
}

#[test]
fn cdk_synth_split_join_pattern() {
    let doc = load("cdk-synth.json");
    let d = dist(&doc, "CdnE3A1B2C4");
    let o = &d.origins[0];
    assert_eq!(o.kind.0, api_default());
    assert_eq!(o.api_ref.as_deref(), Some("OrdersApi4C1F5E55"));
    assert!(!o.domain_is_url);
    assert!(o.domain_name.is_unknown());
    // `Ref` of a stage is its stage name, so CDK's origin path resolves.
    assert_eq!(text(&o.origin_path).map(String::as_str), Some("/prod"));
    let def = d.default_behavior.as_ref().expect("default behavior");
    assert_eq!(
        text(&def.cache_policy_id),
        Some(&PolicyRef::Local("ApiCachePolicyF1E2D3C4".into()))
    );
    let api = &doc.apis[0];
    assert_eq!(api.endpoint_types.known_items(), Some(vec!["EDGE"]));
    assert_eq!(doc.stages[0].api_ref.as_deref(), Some("OrdersApi4C1F5E55"));
    let api = doc.api_model.api("OrdersApi4C1F5E55").expect("api");
    assert_eq!(
        api.routes[0].authorization.get(),
        Some(&Authorization::None)
    );
    assert_eq!(text(&doc.cache_policies[0].max_ttl), Some(&0));
}

#[test]
fn sam_apis_and_implicit_http_api() {
    let doc = load("sam-template.yaml");
    let d = dist(&doc, "InventoryCdn");
    assert_eq!(d.origins[0].api_ref.as_deref(), Some("InventoryApi"));
    assert_eq!(d.origins[0].kind.0, api_default());
    // SAM's implicit HTTP API is an API too.
    assert_eq!(d.origins[1].api_ref.as_deref(), Some("ServerlessHttpApi"));
    assert_eq!(d.origins[1].kind.0, api_default());
    let api = doc
        .apis
        .iter()
        .find(|a| a.name == "InventoryApi")
        .expect("sam api");
    assert_eq!(api.kind, ApiKind::Rest);
    assert_eq!(api.endpoint_types.known_items(), Some(vec!["REGIONAL"]));
    let stage = doc
        .stages
        .iter()
        .find(|s| s.name == "InventoryApi")
        .expect("sam stage");
    assert_eq!(text(&stage.stage_name).map(String::as_str), Some("v1"));
    let api = doc.api_model.api("InventoryApi").expect("sam api");
    assert!(!api.routes.is_empty());
    assert!(api
        .routes
        .iter()
        .all(|r| r.authorization.get() == Some(&Authorization::AwsIam)));
}

#[test]
fn serverless_framework_with_two_distributions() {
    let doc = load("serverless-two-distributions.yml");
    let names: Vec<&str> = doc.distributions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["ApiDistribution", "StaticDistribution"]);
    let api = dist(&doc, "ApiDistribution");
    assert_eq!(
        api.path,
        "resources/Resources/ApiDistribution/Properties/DistributionConfig"
    );
    assert_eq!(
        api.origins[0].kind.0,
        OriginKind::ApiGatewayDefault {
            api_id: None,
            region: Some("eu-west-1".into())
        }
    );
    // A function URL used directly as the host: a URL, still a Lambda URL origin.
    let url = &api.origins[1];
    assert!(url.domain_is_url);
    assert_eq!(url.kind.0, OriginKind::LambdaUrl { region: None });
    assert_eq!(
        url.domain_name.val,
        Val::Unknown(Unknown::Intrinsic("Fn::GetAtt".into()))
    );
    assert_eq!(
        text(&url.origin_access_control_id),
        Some(&PolicyRef::Local("TranscodeOac".into()))
    );
    assert!(api.ignore.is_empty());

    let stat = dist(&doc, "StaticDistribution");
    assert_eq!(
        stat.ignore,
        [
            "cloudfront-chain-origin",
            "default-cert-min-protocol-ignored"
        ]
    );
    assert_eq!(text(&stat.enabled), Some(&false));
    assert_eq!(stat.origins[0].kind.0, OriginKind::CloudFront);
    // A list where a host belongs: unknown with a reason, the rest still read.
    match &stat.origins[1].domain_name.val {
        Val::Unknown(Unknown::Invalid(why)) => assert!(why.contains("a list"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(stat.origins[1].kind.0, OriginKind::Unknown);
    let fv = stat
        .default_behavior
        .as_ref()
        .and_then(|b| b.forwarded_values.as_ref());
    assert_eq!(
        fv.expect("forwarded values").headers.known_items(),
        Some(vec!["*"])
    );
}

#[test]
fn template_without_a_distribution_is_an_error() {
    let yaml =
        "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Topic:\n    Type: AWS::SNS::Topic\n";
    let err = parse(yaml).expect_err("no distribution");
    assert_eq!(
        err.message,
        "the template defines no AWS::CloudFront::Distribution"
    );
    assert_eq!((err.line, err.column), (1, 1));
    let hint = err.hint.expect("hint");
    assert!(
        hint.contains("2 resources") && hint.contains("AWS::SNS::Topic"),
        "{hint}"
    );
    assert_eq!(err.format, Some(Format::CfnYaml));

    let json = r#"{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}"#;
    let err = parse(json).expect_err("no distribution");
    assert_eq!(err.format, Some(Format::CfnJson));
    assert_eq!(err.hint.as_deref(), Some("the template has no resources"));
}

#[test]
fn intrinsic_edge_cases() {
    let yaml = r#"
Parameters:
  Env: {Type: String, Default: prod}
  Version: {Type: "AWS::SSM::Parameter::Value<String>", Default: /app/version}
Mappings:
  Hosts: {prod: {api: api.example.com}}
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: !If [IsProd, true, true]
        Comment: !Ref Version
        DefaultRootObject: !Ref AWS::NoValue
        WebACLId: !Sub "arn:${AWS::Partition}:wafv2:${!Literal}"
        PriceClass: !Join ["_", [PriceClass, !Select [1, [All, "100"]]]]
        Origins:
          - Id: mapped
            DomainName: !FindInMap [Hosts, !Ref Env, api]
            ConnectionAttempts: "2"
          - !If [IsProd, {Id: conditional, DomainName: x.example.com}, !Ref AWS::NoValue]
          - !Ref AWS::NoValue
        DefaultCacheBehavior:
          TargetOriginId: mapped
          ViewerProtocolPolicy: !Select [5, [a, b]]
        ViewerCertificate: !If [IsProd, {CloudFrontDefaultCertificate: true}, {CloudFrontDefaultCertificate: false}]
"#;
    let doc = parse(yaml).expect("parses");
    let d = &doc.distributions[0];
    assert_eq!(text(&d.enabled), Some(&true), "Fn::If with equal branches");
    assert!(
        matches!(&d.comment.val, Val::Unknown(Unknown::Parameter { name, .. }) if name == "Version")
    );
    assert_eq!(d.default_root_object.val, Val::Absent);
    assert_eq!(
        d.default_root_object.path,
        "Resources/Cdn/Properties/DistributionConfig"
    );
    assert!(d.web_acl_id.is_unknown());
    assert_eq!(
        text(&d.price_class).map(String::as_str),
        Some("PriceClass_100")
    );
    // `IsProd` is not defined (a pasted snippet): it is read both ways, true first.
    assert_eq!(d.origins.len(), 2, "AWS::NoValue items are dropped");
    assert_eq!(
        text(&d.origins[0].domain_name).map(String::as_str),
        Some("api.example.com")
    );
    assert_eq!(text(&d.origins[0].connection_attempts), Some(&2));
    assert_eq!(
        text(&d.origins[1].id).map(String::as_str),
        Some("conditional")
    );
    assert_eq!(
        d.origins[1].path,
        "Resources/Cdn/Properties/DistributionConfig/Origins/1"
    );
    let def = d.default_behavior.as_ref().expect("default");
    assert!(
        matches!(&def.viewer_protocol_policy.val, Val::Unknown(Unknown::Invalid(w)) if w.contains("out of range"))
    );
    assert!(d.viewer_certificate.present);
    assert_eq!(
        text(&d.viewer_certificate.cloudfront_default_certificate),
        Some(&true)
    );
    let [other] = doc.variants.as_slice() else {
        panic!("one other branch")
    };
    let o = &other.distributions[0];
    assert_eq!(o.origins.len(), 1);
    assert_eq!(
        text(&o.viewer_certificate.cloudfront_default_certificate),
        Some(&false)
    );
}

#[test]
fn a_conditional_list_of_origins_is_read_per_branch() {
    let yaml = r#"
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Origins: !If
          - WithStatic
          - [{Id: api, DomainName: a.example.com}, {Id: static, DomainName: b.example.com}]
          - [{Id: api, DomainName: a.example.com}]
        CacheBehaviors: {PathPattern: "/x"}
        DefaultCacheBehavior: {TargetOriginId: static}
"#;
    let doc = parse(yaml).expect("parses");
    let d = &doc.distributions[0];
    // The branch where `WithStatic` is true: both origins, each at its own position.
    let ids: Vec<_> = d.origins.iter().filter_map(|o| text(&o.id)).collect();
    assert_eq!(ids, ["api", "static"]);
    assert_eq!(d.origins[1].kind.0, OriginKind::Other);
    assert_eq!(
        d.origins[1].path,
        "Resources/Cdn/Properties/DistributionConfig/Origins/1"
    );
    assert_eq!((d.origins[1].span.line, d.origins[1].span.column), (9, 52));
    // The other branch has the API origin only.
    let [other] = doc.variants.as_slice() else {
        panic!("one other branch")
    };
    let ids: Vec<_> = other.distributions[0]
        .origins
        .iter()
        .filter_map(|o| text(&o.id))
        .collect();
    assert_eq!(ids, ["api"]);
    assert_eq!(other.distributions[0].origins[0].span.line, 10);
    // A map where the list belongs.
    assert_eq!(d.behaviors.len(), 1);
    assert!(matches!(
        &d.behaviors[0].target_origin_id.val,
        Val::Unknown(Unknown::Invalid(w)) if w.contains("expected a list")
    ));
}

#[test]
fn reference_cycles_and_odd_values_do_not_break_the_model() {
    let yaml = r#"
Resources:
  A: {Type: AWS::ApiGateway::DomainName, Properties: {DomainName: !Ref B}}
  B: {Type: AWS::ApiGateway::DomainName, Properties: {DomainName: !Ref A}}
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases: {Items: [x.example.com]}
        Origins:
          - Id: cyclic
            DomainName: !Ref A
          - Id: 42
            DomainName: !Sub "${Missing.Attr}.example.com"
            OriginPath: !Sub "/${"
            ConnectionTimeout: ten
"#;
    let doc = parse(yaml).expect("parses");
    let d = &doc.distributions[0];
    assert!(d.origins[0].domain_name.is_unknown());
    assert_eq!(text(&d.origins[1].id).map(String::as_str), Some("42"));
    assert_eq!(d.origins[1].kind.0, OriginKind::Other);
    assert_eq!(
        text(&d.origins[1].origin_path).map(String::as_str),
        Some("/${")
    );
    assert!(matches!(
        &d.origins[1].connection_timeout.val,
        Val::Unknown(Unknown::Invalid(w)) if w.contains("\"ten\"")
    ));
    assert!(matches!(
        &d.aliases.val,
        Val::Unknown(Unknown::Invalid(w)) if w.contains("expected a list")
    ));
}

/// The authorization of the route a resource `name` defines in API `api` of the API model.
fn route_authorization<'d>(doc: &'d Document, api: &str, name: &str) -> Option<&'d Authorization> {
    let api = doc.api_model.api(api).expect("api in the model");
    let route = api.routes.iter().find(|r| r.name == name).expect("route");
    route.authorization.get()
}
