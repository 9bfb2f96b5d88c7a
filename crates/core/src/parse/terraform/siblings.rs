//! The resources next to a distribution: policies, OACs, API Gateway and Lambda URL resources,
//! custom domains and certificates.

use super::eval::{attr, block, resource_address, Ctx, Loc};
use crate::model::{
    Api, ApiDomainName, ApiKind, ApiMapping, CachePolicy, Certificate, CloudFrontFunction,
    ContinuousDeploymentPolicy, DistributionTenant, Document, KeyConfig, LambdaPermission,
    LambdaUrl, OriginAccessControl, OriginRequestPolicy, ResponseHeadersPolicy, Stage, VpcOrigin,
};
use crate::value::{Field, List};
use hcl_edit::structure::{Block, Body};

/// Adds the sibling resource `b` of type `rtype` to the document; other types are ignored.
pub(super) fn add(doc: &mut Document, ctx: &Ctx, b: &Block, rtype: &str, address: String) {
    let at = Loc {
        span: ctx.span_of(b),
        path: address.clone(),
    };
    let body = &b.body;
    let (name, span, path) = (address, at.span, at.path.clone());
    match rtype {
        "aws_cloudfront_cache_policy" => {
            doc.cache_policies.push(cache_policy(ctx, body, &at, name));
        }
        "aws_cloudfront_origin_request_policy" => {
            doc.origin_request_policies.push(OriginRequestPolicy {
                display_name: ctx.string(body, "name", &at),
                headers: key_config(ctx, Some(body), &at, "headers"),
                cookies: key_config(ctx, Some(body), &at, "cookies"),
                query_strings: key_config(ctx, Some(body), &at, "query_strings"),
                name,
                span,
                path: path.into(),
            });
        }
        "aws_cloudfront_response_headers_policy" => {
            let cors = block(body, "cors_config");
            doc.response_headers_policies.push(ResponseHeadersPolicy {
                display_name: ctx.string(body, "name", &at),
                has_cors: cors.is_some(),
                cors_origin_override: cors.map_or_else(
                    || at.absent(),
                    |c| ctx.boolean(&c.body, "origin_override", &at.child(ctx, c, "cors_config")),
                ),
                name,
                span,
                path: path.into(),
            });
        }
        "aws_cloudfront_origin_access_control" => {
            doc.origin_access_controls.push(OriginAccessControl {
                origin_type: ctx.string(body, "origin_access_control_origin_type", &at),
                signing_behavior: ctx.string(body, "signing_behavior", &at),
                name,
                span,
                path: path.into(),
            });
        }
        "aws_api_gateway_rest_api" | "aws_apigatewayv2_api" => {
            doc.apis.push(api(ctx, body, &at, rtype, name));
        }
        "aws_api_gateway_stage" | "aws_apigatewayv2_stage" => {
            let (name_key, api_key) = if rtype == "aws_api_gateway_stage" {
                ("stage_name", "rest_api_id")
            } else {
                ("name", "api_id")
            };
            doc.stages.push(Stage {
                api_ref: attr(body, api_key).and_then(resource_address),
                stage_name: ctx.string(body, name_key, &at),
                name,
                span,
                path: path.into(),
            });
        }
        "aws_lambda_function_url" => {
            doc.lambda_urls.push(LambdaUrl {
                auth_type: ctx.string(body, "authorization_type", &at),
                function: ctx.string(body, "function_name", &at),
                function_ref: attr(body, "function_name").and_then(resource_address),
                name,
                span,
                path: path.into(),
            });
        }
        "aws_api_gateway_domain_name" | "aws_apigatewayv2_domain_name" => {
            doc.api_domain_names.push(ApiDomainName {
                domain_name: ctx.string(body, "domain_name", &at),
                endpoint_types: domain_endpoint_types(ctx, body, &at, rtype),
                mutual_tls: block(body, "mutual_tls_authentication").map(|m| ctx.span_of(m)),
                name,
                span,
                path: path.into(),
            });
        }
        "aws_api_gateway_base_path_mapping" | "aws_apigatewayv2_api_mapping" => {
            let key = if rtype == "aws_api_gateway_base_path_mapping" {
                "base_path"
            } else {
                "api_mapping_key"
            };
            doc.api_mappings.push(ApiMapping {
                base_path: ctx.string(body, key, &at),
                name,
                span,
                path: path.into(),
            });
        }
        "aws_acm_certificate" => {
            doc.certificates.push(Certificate {
                domain_name: ctx.string(body, "domain_name", &at),
                name,
                span,
                path: path.into(),
            });
        }
        "aws_cloudfront_vpc_origin" => {
            doc.vpc_origins.push(vpc_origin(ctx, body, &at, name));
        }
        "aws_cloudfront_continuous_deployment_policy" => {
            doc.continuous_deployment_policies
                .push(continuous_deployment_policy(ctx, body, &at));
        }
        "aws_cloudfront_distribution_tenant" => {
            doc.distribution_tenants
                .push(distribution_tenant(ctx, body, &at, name));
        }
        "aws_cloudfront_function" => {
            doc.cloudfront_functions.push(CloudFrontFunction {
                function_name: ctx.string(body, "name", &at),
                runtime: ctx.string(body, "runtime", &at),
                code: code(ctx, body, &at),
                name,
                span,
                path: path.into(),
            });
        }
        "aws_lambda_permission" => {
            doc.lambda_permissions.push(LambdaPermission {
                function: ctx.string(body, "function_name", &at),
                function_ref: attr(body, "function_name").and_then(resource_address),
                action: ctx.string(body, "action", &at),
                principal: ctx.string(body, "principal", &at),
                source_arn: ctx.string(body, "source_arn", &at),
                source_account: ctx.string(body, "source_account", &at),
                name,
                span,
                path: path.into(),
            });
        }
        _ => {}
    }
}

/// A cache policy: its TTLs, cache key and compression settings.
fn cache_policy(ctx: &Ctx, body: &Body, at: &Loc, name: String) -> CachePolicy {
    let params = block(body, "parameters_in_cache_key_and_forwarded_to_origin");
    let p_at = params.map_or_else(
        || at.clone(),
        |p| at.child(ctx, p, "parameters_in_cache_key_and_forwarded_to_origin"),
    );
    let p_body = params.map(|p| &p.body);
    let flag = |key| p_body.map_or_else(|| at.absent(), |p| ctx.boolean(p, key, &p_at));
    CachePolicy {
        display_name: ctx.string(body, "name", at),
        min_ttl: ctx.int(body, "min_ttl", at),
        default_ttl: ctx.int(body, "default_ttl", at),
        max_ttl: ctx.int(body, "max_ttl", at),
        headers: key_config(ctx, p_body, &p_at, "headers"),
        cookies: key_config(ctx, p_body, &p_at, "cookies"),
        query_strings: key_config(ctx, p_body, &p_at, "query_strings"),
        enable_accept_encoding_gzip: flag("enable_accept_encoding_gzip"),
        enable_accept_encoding_brotli: flag("enable_accept_encoding_brotli"),
        name,
        span: at.span,
        path: at.path.clone().into(),
    }
}

/// A REST (`aws_api_gateway_rest_api`) or HTTP/WebSocket (`aws_apigatewayv2_api`) API.
fn api(ctx: &Ctx, body: &Body, at: &Loc, rtype: &str, name: String) -> Api {
    let kind = if rtype == "aws_api_gateway_rest_api" {
        ApiKind::Rest
    } else {
        match ctx
            .string(body, "protocol_type", at)
            .get()
            .map(String::as_str)
        {
            Some("HTTP") => ApiKind::Http,
            Some("WEBSOCKET") => ApiKind::WebSocket,
            _ => ApiKind::Unknown,
        }
    };
    Api {
        kind,
        endpoint_types: block(body, "endpoint_configuration").map_or_else(
            || at.absent(),
            |e| {
                ctx.list(
                    &e.body,
                    "types",
                    &at.child(ctx, e, "endpoint_configuration"),
                )
            },
        ),
        disable_execute_api_endpoint: ctx.boolean(body, "disable_execute_api_endpoint", at),
        name,
        span: at.span,
        path: at.path.clone().into(),
    }
}

/// A VPC origin and its endpoint settings.
fn vpc_origin(ctx: &Ctx, body: &Body, at: &Loc, name: String) -> VpcOrigin {
    let e = block(body, "vpc_origin_endpoint_config");
    let e_at = e.map_or_else(
        || at.clone(),
        |e| at.child(ctx, e, "vpc_origin_endpoint_config"),
    );
    let e_body = e.map(|e| &e.body);
    let text = |key| e_body.map_or_else(|| at.absent(), |b| ctx.string(b, key, &e_at));
    // A `{ items, quantity }` block here, unlike `custom_origin_config`.
    let protocols = e_body.and_then(|b| block(b, "origin_ssl_protocols"));
    VpcOrigin {
        endpoint_span: e_at.span,
        endpoint_path: e_at.path.clone(),
        arn: text("arn"),
        origin_protocol_policy: text("origin_protocol_policy"),
        origin_ssl_protocols: protocols.map_or_else(
            || e_at.absent(),
            |b| {
                ctx.list(
                    &b.body,
                    "items",
                    &e_at.child(ctx, b, "origin_ssl_protocols"),
                )
            },
        ),
        name,
        span: at.span,
        path: at.path.clone().into(),
    }
}

/// A distribution tenant: its distribution, domains, parameters and certificate.
fn distribution_tenant(ctx: &Ctx, body: &Body, at: &Loc, name: String) -> DistributionTenant {
    let parameters: Vec<_> = body
        .get_blocks("parameter")
        .enumerate()
        .map(|(i, b)| {
            let p_at = at.item(ctx, b, "parameter", i);
            (
                ctx.string(&b.body, "name", &p_at),
                ctx.string(&b.body, "value", &p_at),
            )
        })
        .collect();
    let domains: Vec<_> = body
        .get_blocks("domain")
        .enumerate()
        .map(|(i, b)| ctx.string(&b.body, "domain", &at.item(ctx, b, "domain", i)))
        .collect();
    let certificate =
        block(body, "customizations").and_then(|c| block(&c.body, "certificate").map(|x| (c, x)));
    DistributionTenant {
        distribution_id: ctx.string(body, "distribution_id", at),
        distribution_ref: attr(body, "distribution_id").and_then(resource_address),
        domains: Field::known(domains, at.span, at.key("domain")),
        parameters: Field::known(parameters, at.span, at.key("parameter")),
        certificate_arn: certificate.map_or_else(
            || at.absent(),
            |(c, x)| {
                let c_at = at.child(ctx, c, "customizations");
                ctx.string(&x.body, "arn", &c_at.child(ctx, x, "certificate"))
            },
        ),
        managed_certificate: block(body, "managed_certificate_request").is_some(),
        name,
        span: at.span,
        path: at.path.clone().into(),
    }
}

/// A function's `code`: a string, or a heredoc without interpolations.
fn code(ctx: &Ctx, body: &Body, at: &Loc) -> Field<String> {
    use hcl_edit::expr::Expression;
    use hcl_edit::template::Element;
    let field = ctx.string(body, "code", at);
    let Some(Expression::HeredocTemplate(h)) = attr(body, "code") else {
        return field;
    };
    let mut text = String::new();
    for element in h.template.iter() {
        match element {
            Element::Literal(s) => text.push_str(s.value()),
            _ => return field,
        }
    }
    Field::known(text, field.span, field.path)
}

/// `aws_cloudfront_continuous_deployment_policy`.
fn continuous_deployment_policy(ctx: &Ctx, body: &Body, at: &Loc) -> ContinuousDeploymentPolicy {
    let names = block(body, "staging_distribution_dns_names");
    let staging_refs = names
        .and_then(|n| attr(&n.body, "items"))
        .and_then(|e| e.as_array())
        .map(|items| items.iter().filter_map(resource_address).collect())
        .unwrap_or_default();
    let traffic = block(body, "traffic_config");
    let t_at = traffic.map_or_else(|| at.clone(), |t| at.child(ctx, t, "traffic_config"));
    fn nested<'b>(
        ctx: &Ctx,
        parent: Option<&'b Block>,
        at: &Loc,
        name: &str,
    ) -> Option<(&'b Block, Loc)> {
        parent
            .and_then(|p| block(&p.body, name))
            .map(|b| (b, at.child(ctx, b, name)))
    }
    let header = nested(ctx, traffic, &t_at, "single_header_config");
    let weight = nested(ctx, traffic, &t_at, "single_weight_config");
    let sticky = weight
        .as_ref()
        .and_then(|(w, w_at)| nested(ctx, Some(*w), w_at, "session_stickiness_config"));
    let get = |b: &Option<(&Block, Loc)>, key: &str| {
        b.as_ref()
            .map_or_else(|| t_at.absent(), |(b, l)| ctx.string(&b.body, key, l))
    };
    let int = |b: &Option<(&Block, Loc)>, key: &str| {
        b.as_ref()
            .map_or_else(|| t_at.absent(), |(b, l)| ctx.int(&b.body, key, l))
    };
    ContinuousDeploymentPolicy {
        name: at.path.clone(),
        span: at.span,
        path: at.path.as_str().into(),
        enabled: ctx.boolean(body, "enabled", at),
        staging_dns_names: names.map_or_else(
            || at.absent(),
            |n| {
                ctx.list(
                    &n.body,
                    "items",
                    &at.child(ctx, n, "staging_distribution_dns_names"),
                )
            },
        ),
        staging_refs,
        traffic_type: traffic.map_or_else(|| at.absent(), |t| ctx.string(&t.body, "type", &t_at)),
        header: get(&header, "header"),
        header_value: get(&header, "value"),
        weight: get(&weight, "weight"),
        idle_ttl: int(&sticky, "idle_ttl"),
        maximum_ttl: int(&sticky, "maximum_ttl"),
    }
}

/// `{what}_config { {what}_behavior, {what} { items } }` of a policy (`headers`, `cookies`,
/// `query_strings`); absent fields point at the nearest present block.
fn key_config(ctx: &Ctx, body: Option<&Body>, at: &Loc, what: &str) -> KeyConfig {
    let config_name = format!("{what}_config");
    let Some(config) = body.and_then(|b| block(b, &config_name)) else {
        return KeyConfig {
            behavior: at.absent(),
            items: at.absent(),
        };
    };
    let c_at = at.child(ctx, config, &config_name);
    let behavior_key = format!("{}_behavior", what.trim_end_matches('s'));
    let items = match block(&config.body, what) {
        Some(list) => ctx.list(&list.body, "items", &c_at.child(ctx, list, what)),
        None => c_at.absent(),
    };
    KeyConfig {
        behavior: ctx.string(&config.body, &behavior_key, &c_at),
        items,
    }
}

/// REST `endpoint_configuration { types }` or HTTP `domain_name_configuration { endpoint_type }`.
fn domain_endpoint_types(ctx: &Ctx, body: &Body, at: &Loc, rtype: &str) -> List {
    if rtype == "aws_api_gateway_domain_name" {
        return match block(body, "endpoint_configuration") {
            Some(e) => ctx.list(
                &e.body,
                "types",
                &at.child(ctx, e, "endpoint_configuration"),
            ),
            None => at.absent(),
        };
    }
    let Some(c) = block(body, "domain_name_configuration") else {
        return at.absent();
    };
    let c_at = at.child(ctx, c, "domain_name_configuration");
    let t = ctx.string(&c.body, "endpoint_type", &c_at);
    if !t.is_present() {
        return c_at.absent();
    }
    let (span, path) = (t.span, t.path.clone());
    Field::known(vec![t], span, path)
}
