//! Terraform HCL into the model: classification, references, unknowns, order, suppressions,
//! spans and errors.

use apifront_core::api::Authorization;
use apifront_core::managed::{
    ALL_VIEWER_EXCEPT_HOST_HEADER, CACHING_DISABLED, CACHING_OPTIMIZED, SECURITY_HEADERS,
};
use apifront_core::model::{ApiKind, Distribution, Document, Format, OriginKind, PolicyRef};
use apifront_core::parse::parse;
use apifront_core::value::{Field, Unknown, Val};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/terraform/{name}.tf",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn doc(name: &str) -> Document {
    let d = parse(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(d.format, Format::Terraform);
    d
}

fn only_distribution(d: &Document) -> &Distribution {
    assert_eq!(d.distributions.len(), 1);
    &d.distributions[0]
}

fn expression<T: std::fmt::Debug>(f: &Field<T>) -> &str {
    match &f.val {
        Val::Unknown(Unknown::Expression(text)) => text,
        other => panic!("expected an unknown expression, got {other:?}"),
    }
}

fn at<T>(f: &Field<T>) -> (u32, u32) {
    (f.span.line, f.span.column)
}

#[test]
fn rest_api_origin_from_template_is_classified_with_its_api() {
    let d = doc("rest_api_regional");
    let dist = only_distribution(&d);
    assert_eq!(dist.name, "aws_cloudfront_distribution.cdn");
    let o = &dist.origins[0];
    // The API id is unknown, the region resolves from the variable default.
    assert_eq!(
        o.kind.0,
        OriginKind::ApiGatewayDefault {
            api_id: None,
            region: Some("eu-west-1".into())
        }
    );
    assert_eq!(o.api_ref.as_deref(), Some("aws_api_gateway_rest_api.api"));
    assert!(o.domain_name.is_unknown());
    assert!(!o.domain_is_url);
    assert_eq!(
        expression(&o.domain_name),
        "\"${aws_api_gateway_rest_api.api.id}.execute-api.${var.region}.amazonaws.com\""
    );
    assert_eq!(at(&o.domain_name), (84, 19));
    assert_eq!(
        o.domain_name.path,
        "aws_cloudfront_distribution.cdn.origin[0].domain_name"
    );
    // Locals and variables with literal defaults resolve.
    assert_eq!(o.id.get().map(String::as_str), Some("rest-api"));
    assert_eq!(o.origin_path.get().map(String::as_str), Some("/prod"));
    let coc = o
        .custom_origin_config
        .as_ref()
        .expect("custom_origin_config");
    assert_eq!(coc.http_port.get(), Some(&80));
    assert_eq!(coc.origin_read_timeout.get(), Some(&30));
    assert_eq!(
        coc.origin_ssl_protocols.known_items(),
        Some(vec!["TLSv1.2"])
    );
    assert_eq!(at(&coc.origin_ssl_protocols), (91, 32));
    let item = &coc.origin_ssl_protocols.get().unwrap()[0];
    assert_eq!(at(item), (91, 33));
    assert_eq!(
        item.path,
        "aws_cloudfront_distribution.cdn.origin[0].custom_origin_config.origin_ssl_protocols[0]"
    );
    // Absent fields point at their enclosing block.
    assert!(!coc.origin_keepalive_timeout.is_present());
    assert_eq!(coc.origin_keepalive_timeout.span, coc.span);
    assert_eq!(
        coc.origin_keepalive_timeout.path,
        "aws_cloudfront_distribution.cdn.origin[0].custom_origin_config"
    );
    assert_eq!((coc.span.line, coc.span.column), (87, 5));
    // An undeclared variable is unknown.
    assert_eq!(expression(&o.custom_headers[0].value), "var.origin_secret");
    assert_eq!(
        o.custom_headers[0].name.get().map(String::as_str),
        Some("x-origin-verify")
    );
}

#[test]
fn variables_with_and_without_defaults() {
    let d = doc("rest_api_regional");
    let dist = only_distribution(&d);
    // `var.web_acl_arn` is declared without a default.
    assert_eq!(expression(&dist.web_acl_id), "var.web_acl_arn");
    assert_eq!(at(&dist.web_acl_id), (80, 21));
    assert_eq!(
        dist.web_acl_id.path,
        "aws_cloudfront_distribution.cdn.web_acl_id"
    );
    // A template of literals and defaulted variables is known.
    assert_eq!(
        dist.comment.get().map(String::as_str),
        Some("Orders API in eu-west-1")
    );
    // A list from a local keeps the span of the reference.
    assert_eq!(dist.aliases.known_items(), Some(vec!["api.example.com"]));
    assert_eq!(at(&dist.aliases), (77, 21));
    assert_eq!(dist.enabled.get(), Some(&true));
    assert_eq!(dist.ipv6_enabled.get(), Some(&true));
    assert_eq!(
        dist.geo_restriction_type.get().map(String::as_str),
        Some("none")
    );
    assert_eq!(
        dist.geo_restriction_type.path,
        "aws_cloudfront_distribution.cdn.restrictions.geo_restriction.restriction_type"
    );
    // Absent top-level fields point at the resource block.
    assert!(!dist.http_version.is_present());
    assert_eq!(dist.http_version.span, dist.span);
    assert_eq!((dist.span.line, dist.span.column), (74, 1));
    assert!(!dist.logging.present);
    // The stage name comes from a defaulted variable; the stage knows its API.
    let stage = &d.stages[0];
    assert_eq!(stage.name, "aws_api_gateway_stage.prod");
    assert_eq!(stage.stage_name.get().map(String::as_str), Some("prod"));
    assert_eq!(
        stage.api_ref.as_deref(),
        Some("aws_api_gateway_rest_api.api")
    );
}

#[test]
fn data_sources_resolve_to_managed_policy_ids() {
    let d = doc("rest_api_regional");
    let dist = only_distribution(&d);
    let def = dist.default_behavior.as_ref().expect("default behavior");
    assert!(def.is_default());
    assert_eq!(
        def.cache_policy_id.get(),
        Some(&PolicyRef::Id(CACHING_DISABLED.into()))
    );
    assert_eq!(at(&def.cache_policy_id), (106, 32));
    assert_eq!(
        def.origin_request_policy_id.get(),
        Some(&PolicyRef::Id(ALL_VIEWER_EXCEPT_HOST_HEADER.into()))
    );
    assert_eq!(
        def.target_origin_id.get().map(String::as_str),
        Some("rest-api")
    );
    assert_eq!(def.allowed_methods.known_items().map(|m| m.len()), Some(7));
    assert_eq!(def.compress.get(), Some(&true));
    assert!(def.forwarded_values.is_none());

    let reports = &dist.behaviors[0];
    // A data source with a literal `id` resolves to that id.
    assert_eq!(
        reports.response_headers_policy_id.get(),
        Some(&PolicyRef::Id(SECURITY_HEADERS.into()))
    );
    // A data source looking up a policy that is not managed stays unknown.
    assert_eq!(
        expression(&reports.cache_policy_id),
        "data.aws_cloudfront_cache_policy.team.id"
    );
    assert_eq!(
        expression(&dist.behaviors[1].cache_policy_id),
        "var.health_cache_policy"
    );
}

#[test]
fn ordered_behaviors_keep_order_paths_and_positions() {
    let d = doc("rest_api_regional");
    let dist = only_distribution(&d);
    let patterns: Vec<&str> = dist
        .behaviors
        .iter()
        .map(|b| {
            b.path_pattern
                .as_ref()
                .and_then(|p| p.get())
                .unwrap()
                .as_str()
        })
        .collect();
    assert_eq!(patterns, ["/reports/*", "/health"]);
    let p = dist.behaviors[0].path_pattern.as_ref().unwrap();
    assert_eq!(at(p), (112, 34));
    assert_eq!((p.span.end_line, p.span.end_column), (112, 46));
    assert_eq!(
        p.path,
        "aws_cloudfront_distribution.cdn.ordered_cache_behavior[0].path_pattern"
    );
    assert_eq!(
        dist.behaviors[1].path,
        "aws_cloudfront_distribution.cdn.ordered_cache_behavior[1]"
    );
    assert_eq!(dist.behaviors[1].span.line, 121);
}

#[test]
fn ignore_comments_above_and_inside_the_resource() {
    let d = doc("rest_api_regional");
    let dist = only_distribution(&d);
    // The slug inside a string (`tags`) is not a comment.
    assert_eq!(
        dist.ignore,
        [
            "access-logging-disabled",
            "apigw-route-unreachable",
            "path-pattern-prefix-not-stripped"
        ]
    );
    let d = doc("lambda_url_oac");
    assert_eq!(
        only_distribution(&d).ignore,
        ["lambda-url-oac-payload-hash"]
    );
    let d = doc("s3_site_api");
    assert!(only_distribution(&d).ignore.is_empty());
}

#[test]
fn ignore_comments_suppress_findings() {
    let text = fixture("rest_api_regional");
    let report = apifront_core::lint::lint_text(&text, &Default::default()).unwrap();
    let slugs: Vec<&str> = report.findings.iter().map(|f| &*f.rule).collect();
    assert!(!slugs.contains(&"apigw-route-unreachable"), "{slugs:?}");
    assert!(!slugs.contains(&"access-logging-disabled"), "{slugs:?}");
    let unsuppressed = text.replace("apifront-ignore:", "note:");
    let report = apifront_core::lint::lint_text(&unsuppressed, &Default::default()).unwrap();
    let slugs: Vec<&str> = report.findings.iter().map(|f| &*f.rule).collect();
    // `/health` and `/reports/*` reach no route of the API, whose only method is `GET /`.
    assert!(slugs.contains(&"apigw-route-unreachable"), "{slugs:?}");
}

#[test]
fn rest_api_and_method_resources() {
    let d = doc("rest_api_regional");
    let api = &d.apis[0];
    assert_eq!(api.name, "aws_api_gateway_rest_api.api");
    assert_eq!(api.kind, ApiKind::Rest);
    assert_eq!(api.endpoint_types.known_items(), Some(vec!["REGIONAL"]));
    assert!(!api.disable_execute_api_endpoint.is_present());
    let model = d
        .api_model
        .api("aws_api_gateway_rest_api.api")
        .expect("api");
    assert_eq!(
        model.routes[0].authorization.get(),
        Some(&Authorization::None)
    );
    assert_eq!(
        d.certificates[0].domain_name.get().map(String::as_str),
        Some("api.example.com")
    );
}

#[test]
fn http_api_origins_replace_raw_endpoint_and_custom_domain() {
    let d = doc("http_api");
    let dist = only_distribution(&d);
    let [replaced, raw, target, by_name] = dist.origins.as_slice() else {
        panic!("expected four origins");
    };
    let default_endpoint = OriginKind::ApiGatewayDefault {
        api_id: None,
        region: None,
    };
    // replace(api_endpoint, "https://", "") is a host.
    assert_eq!(replaced.kind.0, default_endpoint);
    assert!(!replaced.domain_is_url);
    assert_eq!(
        replaced.api_ref.as_deref(),
        Some("aws_apigatewayv2_api.http")
    );
    assert_eq!(
        expression(&replaced.domain_name),
        "replace(aws_apigatewayv2_api.http.api_endpoint, \"https://\", \"\")"
    );
    // The bare api_endpoint is a URL, not a host.
    assert!(raw.domain_is_url);
    assert_eq!(raw.kind.0, default_endpoint);
    assert_eq!(raw.api_ref.as_deref(), Some("aws_apigatewayv2_api.http"));
    assert_eq!(at(&raw.domain_name), (74, 19));
    assert_eq!(
        raw.domain_name.path,
        "aws_cloudfront_distribution.checkout.origin[1].domain_name"
    );
    // The regional target of a custom domain.
    assert_eq!(target.kind.0, OriginKind::ApiGatewayRegionalDomainTarget);
    // A host equal to a custom domain of the same file.
    assert_eq!(
        by_name.domain_name.get().map(String::as_str),
        Some("app.example.com")
    );
    assert_eq!(by_name.kind.0, OriginKind::ApiGatewayCustomDomain);
    assert_eq!(
        d.api_domain_names[0].endpoint_types.known_items(),
        Some(vec!["REGIONAL"])
    );
}

#[test]
fn http_api_lists_policies_and_dynamic_blocks() {
    let d = doc("http_api");
    let dist = only_distribution(&d);
    // List items: literal, template of a defaulted variable, undeclared variable.
    let aliases = dist.aliases.get().expect("aliases list");
    assert_eq!(
        aliases[0].get().map(String::as_str),
        Some("app.example.com")
    );
    assert_eq!(
        aliases[1].get().map(String::as_str),
        Some("www.app.example.com")
    );
    assert_eq!(expression(&aliases[2]), "var.extra_alias");
    assert_eq!(at(&aliases[2]), (58, 47));
    assert!(!dist.aliases.fully_known());
    let def = dist.default_behavior.as_ref().unwrap();
    assert_eq!(
        def.origin_request_policy_id.get(),
        Some(&PolicyRef::Local(
            "aws_cloudfront_origin_request_policy.api".into()
        ))
    );
    assert_eq!(
        def.cache_policy_id.get(),
        Some(&PolicyRef::Id(CACHING_DISABLED.into()))
    );
    let fa = &def.function_associations[0];
    assert_eq!(
        fa.event_type.get().map(String::as_str),
        Some("viewer-request")
    );
    assert_eq!(
        expression(&fa.arn),
        "aws_cloudfront_function.forward_host.arn"
    );
    // The dynamic ordered behaviors are not in the model but are recorded.
    assert!(dist.behaviors.is_empty());
    assert_eq!(dist.dynamic_blocks, ["ordered_cache_behavior"]);
    // A conditional is an unknown expression, never a guess.
    assert_eq!(
        expression(&dist.viewer_certificate.cloudfront_default_certificate),
        "var.enable_logs ? false : true"
    );
    // The custom origin request policy and the HTTP API resources.
    let orp = &d.origin_request_policies[0];
    assert_eq!(
        orp.headers.behavior.get().map(String::as_str),
        Some("whitelist")
    );
    assert_eq!(
        orp.headers.items.known_items(),
        Some(vec!["Authorization", "Host"])
    );
    assert_eq!(
        orp.headers.items.path,
        "aws_cloudfront_origin_request_policy.api.headers_config.headers.items"
    );
    assert_eq!(orp.cookies.behavior.get().map(String::as_str), Some("all"));
    assert!(!orp.cookies.items.is_present());
    assert_eq!(
        orp.query_strings.behavior.get().map(String::as_str),
        Some("all")
    );
    assert_eq!(d.apis[0].kind, ApiKind::Http);
    assert_eq!(
        d.stages[0].stage_name.get().map(String::as_str),
        Some("$default")
    );
    assert_eq!(
        d.stages[0].api_ref.as_deref(),
        Some("aws_apigatewayv2_api.http")
    );
    let http = d.api_model.api("aws_apigatewayv2_api.http").expect("api");
    assert_eq!(
        http.routes[0].authorization.get(),
        Some(&Authorization::Jwt)
    );
}

#[test]
fn lambda_url_with_oac_and_custom_cache_policy() {
    let d = doc("lambda_url_oac");
    let dist = only_distribution(&d);
    let lambda = OriginKind::LambdaUrl { region: None };
    let [split, replaced, template, other] = dist.origins.as_slice() else {
        panic!("expected four origins");
    };
    // split("/", function_url)[2] is the host.
    assert_eq!(split.kind.0, lambda);
    assert!(!split.domain_is_url);
    assert_eq!(
        split.lambda_url_ref.as_deref(),
        Some("aws_lambda_function_url.fn")
    );
    assert_eq!(
        split.origin_access_control_id.get(),
        Some(&PolicyRef::Local(
            "aws_cloudfront_origin_access_control.lambda".into()
        ))
    );
    // Only the scheme is cut: the trailing slash of the function URL remains.
    assert_eq!(replaced.kind.0, lambda);
    assert!(replaced.domain_is_url);
    // A template on the url_id classifies with its literal region.
    assert_eq!(
        template.kind.0,
        OriginKind::LambdaUrl {
            region: Some("us-east-2".into())
        }
    );
    assert_eq!(
        template.lambda_url_ref.as_deref(),
        Some("aws_lambda_function_url.fn")
    );
    // Any other function is not interpreted.
    assert_eq!(other.kind.0, OriginKind::Unknown);
    assert!(!other.domain_is_url);
    assert_eq!(
        expression(&other.domain_name),
        "trimspace(aws_lambda_function_url.fn.function_url)"
    );

    let def = dist.default_behavior.as_ref().unwrap();
    assert_eq!(
        def.cache_policy_id.get(),
        Some(&PolicyRef::Local("aws_cloudfront_cache_policy.api".into()))
    );
    assert_eq!(
        dist.http_version.get().map(String::as_str),
        Some("http2and3")
    );

    let oac = &d.origin_access_controls[0];
    assert_eq!(oac.name, "aws_cloudfront_origin_access_control.lambda");
    assert_eq!(oac.origin_type.get().map(String::as_str), Some("lambda"));
    assert_eq!(
        oac.signing_behavior.get().map(String::as_str),
        Some("always")
    );
    assert_eq!(
        d.lambda_urls[0].auth_type.get().map(String::as_str),
        Some("AWS_IAM")
    );

    let cp = &d.cache_policies[0];
    assert_eq!(cp.name, "aws_cloudfront_cache_policy.api");
    assert_eq!(
        cp.display_name.get().map(String::as_str),
        Some("fn-no-cache")
    );
    assert_eq!(
        (cp.min_ttl.get(), cp.default_ttl.get(), cp.max_ttl.get()),
        (Some(&0), Some(&0), Some(&1))
    );
    assert_eq!(cp.headers.items.known_items(), Some(vec!["Authorization"]));
    assert_eq!(cp.cookies.behavior.get().map(String::as_str), Some("none"));
    assert_eq!(
        cp.query_strings.behavior.get().map(String::as_str),
        Some("allExcept")
    );
    assert_eq!(
        cp.query_strings.items.known_items(),
        Some(vec!["utm_source", "utm_medium"])
    );
    assert_eq!(cp.enable_accept_encoding_gzip.get(), Some(&true));
    assert_eq!(cp.enable_accept_encoding_brotli.get(), Some(&false));
    assert_eq!(
        cp.enable_accept_encoding_gzip.path,
        "aws_cloudfront_cache_policy.api.parameters_in_cache_key_and_forwarded_to_origin.enable_accept_encoding_gzip"
    );
}

#[test]
fn s3_site_with_api_behavior() {
    let d = doc("s3_site_api");
    let dist = only_distribution(&d);
    let [site, api] = dist.origins.as_slice() else {
        panic!("expected two origins");
    };
    assert_eq!(site.kind.0, OriginKind::S3);
    assert!(site.s3_origin_config.is_some());
    assert!(site.custom_origin_config.is_none());
    assert_eq!(
        site.origin_access_control_id.get(),
        Some(&PolicyRef::Local(
            "aws_cloudfront_origin_access_control.site".into()
        ))
    );
    // A host from a local is known and classified.
    assert_eq!(
        api.kind.0,
        OriginKind::ApiGatewayDefault {
            api_id: Some("k3x9q2w7ab".into()),
            region: Some("us-east-1".into())
        }
    );
    assert!(api.api_ref.is_none());
    assert_eq!(
        dist.default_behavior
            .as_ref()
            .unwrap()
            .cache_policy_id
            .get(),
        Some(&PolicyRef::Id(CACHING_OPTIMIZED.into()))
    );

    let [api_b, assets] = dist.behaviors.as_slice() else {
        panic!("expected two ordered behaviors");
    };
    let pattern = api_b.path_pattern.as_ref().unwrap();
    assert_eq!(pattern.get().map(String::as_str), Some("/api/*"));
    assert_eq!(at(pattern), (75, 34));
    assert_eq!(
        api_b.target_origin_id.get().map(String::as_str),
        Some("api")
    );
    assert_eq!(
        dist.origin("api").map(|o| o.path.as_str()),
        Some("aws_cloudfront_distribution.site.origin[1]")
    );
    assert_eq!(
        api_b.response_headers_policy_id.get(),
        Some(&PolicyRef::Local(
            "aws_cloudfront_response_headers_policy.cors".into()
        ))
    );
    assert_eq!(
        assets
            .path_pattern
            .as_ref()
            .and_then(|p| p.get())
            .map(String::as_str),
        Some("/assets/*")
    );

    let rhp = &d.response_headers_policies[0];
    assert!(rhp.has_cors);
    assert_eq!(rhp.cors_origin_override.get(), Some(&true));

    let errors = &dist.custom_error_responses;
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].error_caching_min_ttl.get(), Some(&10));
    assert_eq!(errors[1].error_code.get(), Some(&404));
    assert!(!errors[1].error_caching_min_ttl.is_present());
    assert_eq!(
        errors[1].error_caching_min_ttl.path,
        "aws_cloudfront_distribution.site.custom_error_response[1]"
    );
    assert!(dist.logging.present);
    assert_eq!(dist.logging.prefix.get().map(String::as_str), Some("site/"));
    assert_eq!(
        dist.default_root_object.get().map(String::as_str),
        Some("index.html")
    );
    assert_eq!(
        dist.viewer_certificate.cloudfront_default_certificate.get(),
        Some(&true)
    );
}

#[test]
fn legacy_forwarded_values() {
    let d = doc("legacy_forwarded_values");
    let dist = only_distribution(&d);
    let o = &dist.origins[0];
    // A template of a defaulted variable is a known host.
    assert_eq!(
        o.domain_name.get().map(String::as_str),
        Some("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com")
    );
    assert_eq!(
        o.kind.0,
        OriginKind::ApiGatewayDefault {
            api_id: Some("a1b2c3d4e5".into()),
            region: Some("us-east-1".into())
        }
    );
    let coc = o.custom_origin_config.as_ref().unwrap();
    // Terraform converts "80" to a number.
    assert_eq!(coc.http_port.get(), Some(&80));
    assert_eq!(at(&coc.http_port), (24, 34));
    assert_eq!(
        coc.origin_protocol_policy.get().map(String::as_str),
        Some("http-only")
    );
    assert_eq!(
        coc.origin_ssl_protocols.known_items(),
        Some(vec!["SSLv3", "TLSv1"])
    );
    assert_eq!(coc.origin_keepalive_timeout.get(), Some(&5));

    let def = dist.default_behavior.as_ref().unwrap();
    assert!(!def.cache_policy_id.is_present());
    assert_eq!(def.min_ttl.get(), Some(&0));
    assert_eq!(def.default_ttl.get(), Some(&3600));
    assert_eq!(def.max_ttl.get(), Some(&86400));
    let fv = def.forwarded_values.as_ref().expect("forwarded_values");
    assert_eq!(fv.query_string.get(), Some(&true));
    assert_eq!(fv.query_string_cache_keys.known_items(), Some(vec!["page"]));
    assert_eq!(
        fv.headers.known_items(),
        Some(vec!["Host", "Authorization"])
    );
    assert_eq!(
        fv.cookies_forward.get().map(String::as_str),
        Some("whitelist")
    );
    assert_eq!(
        fv.cookies_forward.path,
        "aws_cloudfront_distribution.legacy.default_cache_behavior.forwarded_values.cookies.forward"
    );
    assert_eq!(
        fv.cookies_whitelisted_names.known_items(),
        Some(vec!["session"])
    );
    let la = &def.lambda_function_associations[0];
    assert_eq!(
        la.event_type.get().map(String::as_str),
        Some("origin-request")
    );
    assert!(la.arn.get().is_some_and(|a| a.ends_with(":rewrite:3")));
    assert_eq!(
        la.path,
        "aws_cloudfront_distribution.legacy.default_cache_behavior.lambda_function_association[0]"
    );
    // Columns count UTF-16 code units; the span covers the quotes.
    let c = &dist.comment;
    assert_eq!(at(c), (16, 13));
    assert_eq!(
        c.span.end_column - c.span.column,
        "\"Legacy forwarding — ünïcode\"".encode_utf16().count() as u32
    );
    assert_eq!(
        &fixture("legacy_forwarded_values")[c.span.start..c.span.end],
        "\"Legacy forwarding — ünïcode\""
    );
}

#[test]
fn null_values_are_absent() {
    let text = r#"variable "acl" {
  default = null
}

resource "aws_cloudfront_distribution" "d" {
  web_acl_id = var.acl
  comment    = null
}
"#;
    let d = parse(text).unwrap();
    let dist = only_distribution(&d);
    assert!(!dist.web_acl_id.is_present());
    assert!(!dist.comment.is_present());
    assert_eq!(dist.comment.path, "aws_cloudfront_distribution.d");
    assert!(dist.default_behavior.is_none());
    assert!(!dist.viewer_certificate.present);
}

#[test]
fn dynamic_origin_blocks_are_recorded() {
    let text = r#"resource "aws_cloudfront_distribution" "d" {
  enabled = true

  dynamic "origin" {
    for_each = var.origins
    content {
      origin_id   = origin.key
      domain_name = origin.value
    }
  }

  default_cache_behavior {
    target_origin_id = "a"
    dynamic "function_association" {
      for_each = var.functions
      content {
        event_type   = "viewer-request"
        function_arn = function_association.value
      }
    }
  }
}
"#;
    let d = parse(text).unwrap();
    let dist = only_distribution(&d);
    assert!(dist.origins.is_empty());
    assert_eq!(
        dist.dynamic_blocks,
        ["origin", "default_cache_behavior.function_association"]
    );
}

#[test]
fn for_expressions_and_counted_resources_are_unknown() {
    let text = r#"resource "aws_cloudfront_distribution" "d" {
  count   = var.create ? 1 : 0
  aliases = [for d in var.domains : lower(d)]

  origin {
    origin_id   = module.api.origin_id
    domain_name = module.api.host
  }
}
"#;
    let d = parse(text).unwrap();
    let dist = only_distribution(&d);
    assert_eq!(dist.name, "aws_cloudfront_distribution.d");
    assert_eq!(
        expression(&dist.aliases),
        "[for d in var.domains : lower(d)]"
    );
    assert_eq!(at(&dist.aliases), (3, 13));
    let o = &dist.origins[0];
    assert_eq!(expression(&o.id), "module.api.origin_id");
    assert_eq!(o.kind.0, OriginKind::Unknown);
    assert!(o.api_ref.is_none());
}

#[test]
fn invalid_hcl_is_an_error_with_position_and_hint() {
    let text =
        "resource \"aws_cloudfront_distribution\" \"d\" {\n  enabled = true\n  comment = \n}\n";
    let e = parse(text).unwrap_err();
    assert_eq!(e.format, Some(Format::Terraform));
    assert!(e.message.starts_with("invalid HCL"), "{}", e.message);
    assert_eq!((e.line, e.column), (3, 13), "{e}");
    assert!(e.hint.is_some());

    let unclosed = "resource \"aws_cloudfront_distribution\" \"d\" {\n  enabled = true\n";
    let e = parse(unclosed).unwrap_err();
    assert!(e.message.starts_with("invalid HCL"), "{}", e.message);
    assert!(e.line >= 2);

    // An argument set twice: the hint names the first, in the same block only.
    let twice = "resource \"aws_cloudfront_distribution\" \"d\" {\n  enabled = true\n  \
        origin {\n    origin_id = \"a\"\n  }\n  default_cache_behavior {\n    \
        target_origin_id = \"a\"\n    viewer_protocol_policy = \"https-only\"\n    \
        target_origin_id = \"b\"\n  }\n}\n";
    let e = parse(twice).unwrap_err();
    assert_eq!((e.line, e.column), (9, 5), "{e}");
    assert_eq!(
        e.hint.as_deref(),
        Some("`target_origin_id` is already set on line 7 of this block; Terraform takes each argument once")
    );
    let e = parse(&twice.replace("    target_origin_id = \"a\"\n", "")).unwrap();
    assert_eq!(e.distributions.len(), 1);
}

#[test]
fn a_file_without_a_distribution_is_an_error_at_the_start() {
    let text = "resource \"aws_api_gateway_rest_api\" \"api\" {\n  name = \"x\"\n}\n";
    let e = parse(text).unwrap_err();
    assert_eq!(
        e.message,
        "the Terraform file defines no aws_cloudfront_distribution"
    );
    assert_eq!((e.line, e.column), (1, 1));
    assert_eq!(e.format, Some(Format::Terraform));

    let module = "module \"cdn\" {\n  source = \"terraform-aws-modules/cloudfront/aws\"\n}\n";
    let e = parse(module).unwrap_err();
    assert!(e.hint.as_deref().is_some_and(|h| h.contains("module")));
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    for body in [
        "[".repeat(100_000),
        "(".repeat(100_000),
        "{a=".repeat(100_000),
        "!".repeat(100_000) + "true",
        format!("\"{}\"", "${\"".repeat(100_000)),
        "x ? 1 : ".repeat(100_000) + "1",
        "f(".repeat(100_000),
        "a[".repeat(100_000),
        "1 + ".repeat(100_000) + "1",
    ] {
        let text =
            format!("resource \"aws_cloudfront_distribution\" \"d\" {{\n  comment = {body}\n}}\n");
        let e = parse(&text).unwrap_err();
        assert_eq!(e.format, Some(Format::Terraform));
        assert_eq!(e.line, 2);
    }
    let heredocs = format!(
        "resource \"aws_cloudfront_distribution\" \"d\" {{\n  comment = <<EOT\n{}\nEOT\n}}\n",
        "${<<EOT\n".repeat(10_000)
    );
    let e = parse(&heredocs).unwrap_err();
    assert!(e.message.contains("nests deeper than 32"), "{e}");
    let blocks =
        "resource \"aws_cloudfront_distribution\" \"d\" {\n".to_string() + &"b {\n".repeat(100_000);
    assert!(parse(&blocks).is_err());
}

#[test]
fn self_referencing_locals_do_not_loop() {
    let text = r#"locals {
  a = local.b
  b = local.a
}

resource "aws_cloudfront_distribution" "d" {
  comment = local.a
}
"#;
    let d = parse(text).unwrap();
    assert_eq!(expression(&only_distribution(&d).comment), "local.a");
}

#[test]
fn byte_order_mark_and_crlf_keep_positions() {
    let text = "\u{feff}resource \"aws_cloudfront_distribution\" \"d\" {\r\n  # apifront-ignore: waf-missing\r\n  comment = \"crlf\"\r\n\r\n  ordered_cache_behavior {\r\n    dynamic \"lambda_function_association\" {\r\n      for_each = []\r\n      content {}\r\n    }\r\n  }\r\n}\r\n";
    let d = parse(text).unwrap();
    let dist = only_distribution(&d);
    assert_eq!(dist.comment.get().map(String::as_str), Some("crlf"));
    assert_eq!(at(&dist.comment), (3, 13));
    assert_eq!(
        &text[dist.comment.span.start..dist.comment.span.end],
        "\"crlf\""
    );
    assert_eq!(dist.ignore, ["waf-missing"]);
    assert_eq!(
        dist.dynamic_blocks,
        ["ordered_cache_behavior[0].lambda_function_association"]
    );
}

#[test]
fn nesting_at_the_limit_fits_a_small_stack() {
    // The browser's WebAssembly stack is 1 MiB: the deepest accepted input must parse on a stack
    // that size, even unoptimised. A string and its interpolation count as two levels.
    let worker = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(|| {
            let cases = [
                ("[", "]", 31),
                ("(", ")", 31),
                ("{a=", "}", 31),
                ("f(", ")", 31),
                ("\"${", "}\"", 15),
            ];
            for (open, close, depth) in cases {
                let text = format!(
                    "resource \"aws_cloudfront_distribution\" \"d\" {{\n  comment = {}1{}\n}}\n",
                    open.repeat(depth),
                    close.repeat(depth)
                );
                assert!(parse(&text).is_ok(), "{open} x {depth}");
                let deeper = format!(
                    "resource \"aws_cloudfront_distribution\" \"d\" {{\n  comment = {}1{}\n}}\n",
                    open.repeat(depth + 1),
                    close.repeat(depth + 1)
                );
                let e = parse(&deeper).unwrap_err();
                assert!(e.message.contains("nests deeper"), "{open}: {e}");
            }
        })
        .expect("spawn");
    assert!(worker.join().is_ok());
}

/// A host template written as a URL (`"https://${var.api_id}.execute-api…/$default"`) is still
/// an API origin, and a URL: the API rules and `origin-domain-not-hostname` apply.
#[test]
fn a_url_shaped_host_template_is_an_api_and_a_url() {
    let tf = r#"resource "aws_cloudfront_distribution" "api" {
  enabled = true
  origin {
    origin_id   = "payments"
    domain_name = "https://${var.api_id}.execute-api.us-east-1.amazonaws.com/$default"
  }
  default_cache_behavior {
    target_origin_id       = "payments"
    viewer_protocol_policy = "https-only"
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }
}
"#;
    let doc = apifront_core::parse::parse(tf).expect("parses");
    let origin = &doc.distributions[0].origins[0];
    assert!(origin.domain_is_url);
    assert!(
        matches!(origin.kind.0, OriginKind::ApiGatewayDefault { .. }),
        "{:?}",
        origin.kind.0
    );
    let report = apifront_core::lint::lint_text(tf, &Default::default()).expect("lints");
    let rules: Vec<&str> = report.findings.iter().map(|f| &*f.rule).collect();
    assert!(rules.contains(&"origin-domain-not-hostname"), "{rules:?}");
    assert!(
        rules.contains(&"api-write-methods-not-allowed"),
        "{rules:?}"
    );
}

#[test]
fn messages_name_fields_as_terraform_spells_them() {
    // A REST API origin without its stage: the message and the fix say `origin_path`.
    let text = r#"
resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}
resource "aws_api_gateway_stage" "v1" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  stage_name    = "v1"
  deployment_id = "abc123"
}
resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  origin {
    origin_id   = "api"
    domain_name = "${aws_api_gateway_rest_api.api.id}.execute-api.eu-west-1.amazonaws.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
"#;
    let report = apifront_core::lint::lint_text(text, &Default::default()).unwrap();
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "apigw-rest-origin-path-missing-stage")
        .expect("the stage is missing");
    assert!(
        f.message.ends_with("Set origin_path to `/v1`"),
        "{}",
        f.message
    );
    let fix = f.fix.as_ref().expect("a fix");
    assert_eq!(fix.description, "set origin_path to `/v1`");
}
