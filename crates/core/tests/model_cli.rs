//! The model built from AWS CLI / CloudFront API JSON.

use apifront_core::model::{Document, Format, OriginKind, PolicyRef};
use apifront_core::parse::parse;
use apifront_core::value::{Unknown, Val};

fn load(name: &str) -> Document {
    let path = format!(
        "{}/tests/fixtures/cli-json/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn items(list: &apifront_core::value::List) -> Vec<&str> {
    list.known_items().expect("a known list")
}

#[test]
fn get_distribution_config_of_a_regional_rest_api() {
    let doc = load("get-distribution-config-rest-api.json");
    assert_eq!(doc.format, Format::CliJson);
    assert_eq!(doc.distributions.len(), 1);
    let d = &doc.distributions[0];
    assert_eq!(d.name, "DistributionConfig");
    assert_eq!(d.path, "DistributionConfig");
    assert!(
        d.quantity_mismatches.is_empty(),
        "{:?}",
        d.quantity_mismatches
    );
    assert_eq!(d.enabled.get(), Some(&true));
    assert_eq!(d.ipv6_enabled.get(), Some(&true));
    assert_eq!(d.http_version.get().map(String::as_str), Some("http2and3"));
    assert_eq!(items(&d.aliases), ["api.shop.example.com"]);
    assert_eq!(d.aliases.path, "DistributionConfig.Aliases.Items");

    let api = &d.origins[0];
    assert_eq!(
        api.kind.0,
        OriginKind::ApiGatewayDefault {
            api_id: Some("k3x9q2m7vd".into()),
            region: Some("eu-central-1".into())
        }
    );
    assert!(!api.domain_is_url);
    assert_eq!(api.origin_path.get().map(String::as_str), Some("/prod"));
    assert_eq!(
        api.origin_access_control_id.val,
        Val::Absent,
        "\"\" means none"
    );
    let custom = api.custom_origin_config.as_ref().expect("custom origin");
    assert_eq!(custom.https_port.get(), Some(&443));
    assert_eq!(items(&custom.origin_ssl_protocols), ["TLSv1.2"]);
    assert_eq!(api.custom_headers.len(), 1);
    assert_eq!(
        api.custom_headers[0].name.get().map(String::as_str),
        Some("X-Origin-Verify")
    );
    assert_eq!(
        api.custom_headers[0].value.path,
        "DistributionConfig.Origins.Items[0].CustomHeaders.Items[0].HeaderValue"
    );

    let s3 = &d.origins[1];
    assert_eq!(s3.kind.0, OriginKind::S3);
    assert!(s3.s3_origin_config.is_some());
    assert_eq!(
        s3.origin_access_control_id.get(),
        Some(&PolicyRef::Id("E1ABCDEF2GHIJK".into()))
    );
    // The second origin's DomainName, quotes included.
    assert_eq!(
        s3.domain_name.path,
        "DistributionConfig.Origins.Items[1].DomainName"
    );
    assert_eq!(
        (s3.domain_name.span.line, s3.domain_name.span.column),
        (50, 35)
    );
    assert_eq!(s3.domain_name.span.end_column, 35 + 46);

    let def = d.default_behavior.as_ref().expect("default behavior");
    assert!(def.is_default());
    assert_eq!(
        def.cache_policy_id.get(),
        Some(&PolicyRef::Id(
            "4135ea2d-6df8-44a3-9df3-4b5a84be39ad".into()
        ))
    );
    assert_eq!(
        def.origin_request_policy_id.get(),
        Some(&PolicyRef::Id(
            "b689b0a8-53d0-40ab-baf2-68738e2966ac".into()
        ))
    );
    assert_eq!(def.response_headers_policy_id.val, Val::Absent);
    assert_eq!(def.allowed_methods.known_items().map(|v| v.len()), Some(7));
    assert_eq!(items(&def.cached_methods), ["HEAD", "GET"]);
    assert_eq!(
        def.cached_methods.path,
        "DistributionConfig.DefaultCacheBehavior.AllowedMethods.CachedMethods.Items"
    );
    assert_eq!(def.compress.get(), Some(&true));

    assert_eq!(d.behaviors.len(), 1);
    let assets = &d.behaviors[0];
    assert_eq!(
        assets
            .path_pattern
            .as_ref()
            .and_then(|p| p.get())
            .map(String::as_str),
        Some("/assets/*")
    );
    assert_eq!(assets.path, "DistributionConfig.CacheBehaviors.Items[0]");

    let error = &d.custom_error_responses[0];
    assert_eq!(error.error_code.get(), Some(&503));
    assert_eq!(
        error.response_code.get(),
        Some(&503),
        "\"503\" is read as a number"
    );

    assert!(d.viewer_certificate.present);
    assert_eq!(
        d.viewer_certificate
            .ssl_support_method
            .get()
            .map(String::as_str),
        Some("sni-only")
    );
    assert!(d.viewer_certificate.acm_certificate_arn.get().is_some());
    assert!(d.logging.present);
    assert_eq!(d.logging.enabled.get(), Some(&false));
    assert_eq!(
        d.geo_restriction_type.get().map(String::as_str),
        Some("none")
    );
}

#[test]
fn get_distribution_is_named_by_its_id() {
    let doc = load("get-distribution-http-api.json");
    let d = &doc.distributions[0];
    assert_eq!(d.name, "E1QSDF7EXAMPLE");
    assert_eq!(d.path, "Distribution.DistributionConfig");
    let o = &d.origins[0];
    // A pasted invoke URL: not a host name, but still recognisably an API origin.
    assert!(o.domain_is_url);
    assert_eq!(
        o.kind.0,
        OriginKind::ApiGatewayDefault {
            api_id: Some("p0q1r2s3t4".into()),
            region: Some("us-west-2".into())
        }
    );
    assert_eq!(
        o.domain_name.get().map(String::as_str),
        Some("https://p0q1r2s3t4.execute-api.us-west-2.amazonaws.com/")
    );
    let def = d.default_behavior.as_ref().expect("default behavior");
    assert_eq!(def.function_associations.len(), 1);
    assert_eq!(
        def.function_associations[0]
            .event_type
            .get()
            .map(String::as_str),
        Some("viewer-request")
    );
    assert!(def.function_associations[0].arn.get().is_some());
    assert_eq!(d.logging.enabled.get(), Some(&true));
    assert_eq!(d.web_acl_id.get().map(String::as_str), Some(""));
    assert!(d.aliases.known_items().is_some_and(|a| a.is_empty()));
    assert!(d.quantity_mismatches.is_empty());
}

#[test]
fn bare_config_with_forwarded_values_and_a_quantity_mismatch() {
    let doc = load("distribution-config-legacy.json");
    let d = &doc.distributions[0];
    assert_eq!(d.name, "DistributionConfig");
    assert_eq!(d.path, "");
    assert_eq!(
        d.enabled.get(),
        Some(&true),
        "\"true\" is read as a boolean"
    );

    assert_eq!(d.quantity_mismatches.len(), 1);
    let m = &d.quantity_mismatches[0];
    assert_eq!((m.quantity, m.items), (2, 1));
    assert_eq!(m.path, "Aliases.Quantity");
    assert_eq!((m.span.line, m.span.column), (6, 17));

    let o = &d.origins[0];
    assert_eq!(o.path, "Origins.Items[0]");
    assert_eq!(o.kind.0, OriginKind::Other);
    let custom = o.custom_origin_config.as_ref().expect("custom origin");
    assert_eq!(
        custom.http_port.get(),
        Some(&80),
        "\"80\" is read as a number"
    );
    assert_eq!(custom.origin_read_timeout.val, Val::Absent);
    assert_eq!(
        custom.origin_read_timeout.path,
        "Origins.Items[0].CustomOriginConfig"
    );

    let def = d.default_behavior.as_ref().expect("default behavior");
    assert_eq!(def.cache_policy_id.val, Val::Absent);
    let fv = def.forwarded_values.as_ref().expect("forwarded values");
    assert_eq!(fv.query_string.get(), Some(&true));
    assert_eq!(items(&fv.headers), ["Authorization", "Host"]);
    assert_eq!(
        fv.cookies_forward.get().map(String::as_str),
        Some("whitelist")
    );
    assert_eq!(items(&fv.cookies_whitelisted_names), ["session"]);
    assert!(fv
        .query_string_cache_keys
        .known_items()
        .is_some_and(|k| k.is_empty()));
    assert_eq!(def.default_ttl.get(), Some(&300));
    // A map where a boolean belongs: unknown with a reason, not an error.
    match &def.compress.val {
        Val::Unknown(Unknown::Invalid(why)) => assert!(why.contains("an object"), "{why}"),
        other => panic!("compress: {other:?}"),
    }
    assert_eq!(def.compress.span.line, 45);
    assert_eq!(d.custom_error_responses[0].response_code.get(), Some(&200));
    assert!(!d.logging.present);
    assert_eq!(d.logging.enabled.val, Val::Absent);
}

#[test]
fn list_distributions_gives_one_distribution_per_summary() {
    let doc = load("list-distributions.json");
    let names: Vec<&str> = doc.distributions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["E2ORDERSAPI01", "E3FNURLDEMO22"]);
    let second = &doc.distributions[1];
    assert_eq!(second.path, "DistributionList.Items[1]");
    let o = &second.origins[0];
    assert_eq!(
        o.kind.0,
        OriginKind::LambdaUrl {
            region: Some("ap-southeast-2".into())
        }
    );
    assert_eq!(
        o.domain_name.path,
        "DistributionList.Items[1].Origins.Items[0].DomainName"
    );
    assert_eq!(
        (o.domain_name.span.line, o.domain_name.span.column),
        (103, 43)
    );
    assert_eq!(
        o.origin_access_control_id.get(),
        Some(&PolicyRef::Id("E9LAMBDAOAC01".into()))
    );
    assert_eq!(
        second.geo_restriction_type.get().map(String::as_str),
        Some("whitelist")
    );
    assert!(doc
        .distributions
        .iter()
        .all(|d| d.quantity_mismatches.is_empty()));
    // The first one's origin is a custom domain the input does not define: just "other".
    assert_eq!(doc.distributions[0].origins[0].kind.0, OriginKind::Other);
}

#[test]
fn other_wrappers_are_recognised() {
    let config = r#"{"Origins": {"Quantity": 0, "Items": []}, "DefaultCacheBehavior": {"TargetOriginId": "x"}}"#;
    let wrapped = format!(
        r#"{{"DistributionConfigWithTags": {{"DistributionConfig": {config}, "Tags": {{"Items": []}}}}}}"#
    );
    let doc = parse(&wrapped).expect("with tags");
    assert_eq!(
        doc.distributions[0].path,
        "DistributionConfigWithTags.DistributionConfig"
    );
    let input = format!(r#"{{"DistributionConfig": {config}}}"#);
    assert_eq!(parse(&input).expect("input").distributions.len(), 1);
    let empty = parse(r#"{"DistributionList": {"Quantity": 0}}"#).expect("empty list");
    assert!(empty.distributions.is_empty());
}

#[test]
fn items_missing_while_quantity_is_positive_is_a_mismatch() {
    let text = r#"{"Origins": {"Quantity": 1}, "DefaultCacheBehavior": {"TargetOriginId": "a"}}"#;
    let doc = parse(text).expect("parses");
    let d = &doc.distributions[0];
    assert!(d.origins.is_empty());
    assert_eq!(d.quantity_mismatches.len(), 1);
    assert_eq!(
        (
            d.quantity_mismatches[0].quantity,
            d.quantity_mismatches[0].items
        ),
        (1, 0)
    );
    assert_eq!(d.quantity_mismatches[0].path, "Origins.Quantity");
}

#[test]
fn json_without_a_distribution_is_an_error() {
    let err = parse(r#"{"Users": [{"UserName": "alice"}]}"#).expect_err("not a distribution");
    assert!(
        err.message
            .starts_with("not a CloudFront distribution config; expected AWS CLI JSON"),
        "{}",
        err.message
    );
    assert_eq!((err.line, err.column), (1, 1));
    assert!(err.hint.as_deref().is_some_and(|h| h.contains("Users")));
    assert_eq!(err.format, Some(Format::CliJson));
}

#[test]
fn a_list_of_summaries_from_a_query() {
    // `aws cloudfront list-distributions --query 'DistributionList.Items'`
    let doc = load("list-distributions-query-items.json");
    let names: Vec<&str> = doc.distributions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["E2ORDERSAPI01", "E3FNURLDEMO22"]);
    let o = &doc.distributions[1].origins[0];
    assert_eq!(o.domain_name.path, "[1].Origins.Items[0].DomainName");
    assert_eq!(
        (o.domain_name.span.line, o.domain_name.span.column),
        (112, 35)
    );
    assert_eq!(
        o.kind.0,
        OriginKind::LambdaUrl {
            region: Some("ap-southeast-2".into())
        }
    );
}

#[test]
fn a_list_without_distributions_is_refused_as_a_list() {
    let err = parse("[1, 2, {\"Id\": \"x\"}]").expect_err("not a config");
    assert_eq!(
        err.hint.as_deref(),
        Some("the text is a list, not a map of settings")
    );
    let err = parse("[]").expect_err("not a config");
    assert_eq!((err.line, err.column), (1, 1));
}
