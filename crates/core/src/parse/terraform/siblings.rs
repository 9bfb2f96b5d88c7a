//! The resources next to a distribution: policies, OACs, API Gateway and Lambda URL resources,
//! custom domains and certificates.

use super::eval::{attr, block, resource_address, Ctx, Loc};
use crate::model::{
    Api, ApiDomainName, ApiKind, ApiMapping, CachePolicy, Certificate, Document, KeyConfig,
    LambdaUrl, Method, OriginAccessControl, OriginRequestPolicy, ResponseHeadersPolicy, Stage,
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
            let params = block(body, "parameters_in_cache_key_and_forwarded_to_origin");
            let p_at = params.map_or_else(
                || at.clone(),
                |p| at.child(ctx, p, "parameters_in_cache_key_and_forwarded_to_origin"),
            );
            let p_body = params.map(|p| &p.body);
            let flag = |key| p_body.map_or_else(|| at.absent(), |p| ctx.boolean(p, key, &p_at));
            doc.cache_policies.push(CachePolicy {
                display_name: ctx.string(body, "name", &at),
                min_ttl: ctx.int(body, "min_ttl", &at),
                default_ttl: ctx.int(body, "default_ttl", &at),
                max_ttl: ctx.int(body, "max_ttl", &at),
                headers: key_config(ctx, p_body, &p_at, "headers"),
                cookies: key_config(ctx, p_body, &p_at, "cookies"),
                query_strings: key_config(ctx, p_body, &p_at, "query_strings"),
                enable_accept_encoding_gzip: flag("enable_accept_encoding_gzip"),
                enable_accept_encoding_brotli: flag("enable_accept_encoding_brotli"),
                name,
                span,
                path,
            });
        }
        "aws_cloudfront_origin_request_policy" => {
            doc.origin_request_policies.push(OriginRequestPolicy {
                display_name: ctx.string(body, "name", &at),
                headers: key_config(ctx, Some(body), &at, "headers"),
                cookies: key_config(ctx, Some(body), &at, "cookies"),
                query_strings: key_config(ctx, Some(body), &at, "query_strings"),
                name,
                span,
                path,
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
                path,
            });
        }
        "aws_cloudfront_origin_access_control" => {
            doc.origin_access_controls.push(OriginAccessControl {
                origin_type: ctx.string(body, "origin_access_control_origin_type", &at),
                signing_behavior: ctx.string(body, "signing_behavior", &at),
                name,
                span,
                path,
            });
        }
        "aws_api_gateway_rest_api" | "aws_apigatewayv2_api" => {
            let kind = if rtype == "aws_api_gateway_rest_api" {
                ApiKind::Rest
            } else {
                match ctx
                    .string(body, "protocol_type", &at)
                    .get()
                    .map(String::as_str)
                {
                    Some("HTTP") => ApiKind::Http,
                    Some("WEBSOCKET") => ApiKind::WebSocket,
                    _ => ApiKind::Unknown,
                }
            };
            doc.apis.push(Api {
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
                disable_execute_api_endpoint: ctx.boolean(
                    body,
                    "disable_execute_api_endpoint",
                    &at,
                ),
                name,
                span,
                path,
            });
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
                path,
            });
        }
        "aws_api_gateway_method" | "aws_apigatewayv2_route" => {
            let (auth_key, api_key) = if rtype == "aws_api_gateway_method" {
                ("authorization", "rest_api_id")
            } else {
                ("authorization_type", "api_id")
            };
            doc.methods.push(Method {
                api_ref: attr(body, api_key).and_then(resource_address),
                authorization_type: ctx.string(body, auth_key, &at),
                name,
                span,
                path,
            });
        }
        "aws_lambda_function_url" => {
            doc.lambda_urls.push(LambdaUrl {
                auth_type: ctx.string(body, "authorization_type", &at),
                name,
                span,
                path,
            });
        }
        "aws_api_gateway_domain_name" | "aws_apigatewayv2_domain_name" => {
            doc.api_domain_names.push(ApiDomainName {
                domain_name: ctx.string(body, "domain_name", &at),
                endpoint_types: domain_endpoint_types(ctx, body, &at, rtype),
                name,
                span,
                path,
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
                path,
            });
        }
        "aws_acm_certificate" => {
            doc.certificates.push(Certificate {
                domain_name: ctx.string(body, "domain_name", &at),
                name,
                span,
                path,
            });
        }
        _ => {}
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
