//! `resource "aws_cloudfront_distribution"` blocks.

use super::eval::resource_address;
use super::eval::{attr, block, Ctx, Loc};
use super::{behavior, host, ignore};
use crate::model::{
    CustomErrorResponse, CustomHeader, CustomOriginConfig, Distribution, Logging, Origin,
    OriginGroup, OriginKindField, OriginMtls, TenantConfig, TenantParameterDefinition,
    ViewerCertificate, VpcOriginConfig,
};
use crate::span::Span;
use crate::value::Field;
use hcl_edit::structure::{Block, Body};

/// The resource type of multi-tenant distributions, whose blocks name a few keys differently.
pub(super) const MULTITENANT: &str = "aws_cloudfront_multitenant_distribution";

/// Builds a distribution from its resource block; `address` is `aws_cloudfront_distribution.x`
/// or `aws_cloudfront_multitenant_distribution.x` (always `tenant-only`).
pub(super) fn build(ctx: &Ctx, b: &Block, address: &str) -> Distribution {
    let mt = address.starts_with(MULTITENANT);
    let at = Loc {
        span: ctx.span_of(b),
        path: address.to_string(),
    };
    let body = &b.body;
    let geo = block(body, "restrictions").map(|r| (r, at.child(ctx, r, "restrictions")));
    let geo_restriction_type = match geo {
        Some((r, r_at)) => match block(&r.body, "geo_restriction") {
            Some(g) => ctx.string(
                &g.body,
                "restriction_type",
                &r_at.child(ctx, g, "geo_restriction"),
            ),
            None => r_at.absent(),
        },
        None => at.absent(),
    };
    let dynamic = dynamic_blocks(ctx, body);
    Distribution {
        name: address.to_string(),
        enabled: ctx.boolean(body, "enabled", &at),
        comment: ctx.string(body, "comment", &at),
        aliases: ctx.list(body, "aliases", &at),
        origins: repeated(ctx, body, &at, "origin", |ctx, b, loc| {
            origin(ctx, b, loc, mt)
        }),
        origin_groups: repeated(ctx, body, &at, "origin_group", |ctx, b, loc| {
            origin_group(ctx, b, loc, mt)
        }),
        default_behavior: block(body, "default_cache_behavior").map(|d| {
            behavior::build(
                ctx,
                d,
                &at.child(ctx, d, "default_cache_behavior"),
                false,
                mt,
            )
        }),
        behaviors: repeated(
            ctx,
            body,
            &at,
            if mt {
                "cache_behavior"
            } else {
                "ordered_cache_behavior"
            },
            |ctx, b, loc| behavior::build(ctx, b, loc, true, mt),
        ),
        custom_error_responses: repeated(ctx, body, &at, "custom_error_response", error_response),
        viewer_certificate: viewer_certificate(ctx, body, &at),
        logging: logging(ctx, body, &at),
        web_acl_id: ctx.string(body, "web_acl_id", &at),
        http_version: ctx.string(body, "http_version", &at),
        price_class: ctx.string(body, "price_class", &at),
        ipv6_enabled: ctx.boolean(body, "is_ipv6_enabled", &at),
        default_root_object: ctx.string(body, "default_root_object", &at),
        geo_restriction_type,
        quantity_mismatches: Vec::new(),
        ignore: ignore::slugs(ctx.text, b),
        dynamic_blocks: dynamic.iter().map(|(path, _)| path.clone()).collect(),
        dynamic_block_spans: dynamic.into_iter().map(|(_, span)| span).collect(),
        staging: ctx.boolean(body, "staging", &at),
        continuous_deployment_policy_id: ctx.string(body, "continuous_deployment_policy_id", &at),
        continuous_deployment_policy_ref: attr(body, "continuous_deployment_policy_id")
            .and_then(resource_address),
        connection_mode: match mt {
            true => Field::known("tenant-only".to_string(), at.span, at.path.clone()),
            false => ctx.string(body, "connection_mode", &at),
        },
        anycast_ip_list_id: ctx.string(body, "anycast_ip_list_id", &at),
        tenant_config: block(body, "tenant_config")
            .map(|t| tenant_config(ctx, t, &at.child(ctx, t, "tenant_config"))),
        span: at.span,
        path: at.path.into(),
    }
}

/// `tenant_config { parameter_definition { name, definition { string_schema { … } } } }`.
fn tenant_config(ctx: &Ctx, b: &Block, at: &Loc) -> TenantConfig {
    let parameter_definitions =
        repeated(ctx, &b.body, at, "parameter_definition", |ctx, p, loc| {
            let schema = block(&p.body, "definition").and_then(|d| {
                let d_at = loc.child(ctx, d, "definition");
                block(&d.body, "string_schema").map(|s| (s, d_at.child(ctx, s, "string_schema")))
            });
            let get = |key| match &schema {
                Some((s, s_at)) => ctx.string(&s.body, key, s_at),
                None => loc.absent(),
            };
            TenantParameterDefinition {
                span: loc.span,
                path: loc.path.as_str().into(),
                name: ctx.string(&p.body, "name", loc),
                required: match &schema {
                    Some((s, s_at)) => ctx.boolean(&s.body, "required", s_at),
                    None => loc.absent(),
                },
                default_value: get("default_value"),
            }
        });
    TenantConfig {
        span: at.span,
        path: at.path.as_str().into(),
        parameter_definitions,
    }
}

/// Builds every nested block `name` of `body` with `f`, in order.
fn repeated<T>(
    ctx: &Ctx,
    body: &Body,
    at: &Loc,
    name: &str,
    f: impl Fn(&Ctx, &Block, &Loc) -> T,
) -> Vec<T> {
    body.get_blocks(name)
        .enumerate()
        .map(|(i, b)| f(ctx, b, &at.item(ctx, b, name, i)))
        .collect()
}

/// One `origin` block (`mt`: of a multi-tenant distribution, where the id is `id` and custom
/// headers are `header_name` / `header_value`).
fn origin(ctx: &Ctx, b: &Block, at: &Loc, mt: bool) -> Origin {
    let body = &b.body;
    let host = host::resolve(ctx, body, at);
    let s3 = block(body, "s3_origin_config");
    let (header_name, header_value) = match mt {
        true => ("header_name", "header_value"),
        false => ("name", "value"),
    };
    Origin {
        span: at.span,
        path: at.path.as_str().into(),
        id: ctx.string(body, if mt { "id" } else { "origin_id" }, at),
        domain_name: host.domain_name,
        origin_path: ctx.string(body, "origin_path", at),
        domain_is_url: host.is_url,
        kind: OriginKindField(host.kind),
        api_ref: host.api_ref,
        lambda_url_ref: host.lambda_url_ref,
        distribution_ref: host.distribution_ref,
        custom_origin_config: block(body, "custom_origin_config")
            .map(|c| custom_origin_config(ctx, c, &at.child(ctx, c, "custom_origin_config"))),
        s3_origin_config: s3.map(|s| ctx.span_of(s)),
        origin_access_identity: s3
            .map(|s| {
                let s_at = at.child(ctx, s, "s3_origin_config");
                ctx.string(&s.body, "origin_access_identity", &s_at)
            })
            .unwrap_or_default(),
        vpc_origin_config: block(body, "vpc_origin_config")
            .map(|v| vpc_origin_config(ctx, v, &at.child(ctx, v, "vpc_origin_config"))),
        origin_access_control_id: ctx.policy(body, "origin_access_control_id", at),
        custom_headers: repeated(ctx, body, at, "custom_header", |ctx, h, loc| CustomHeader {
            span: loc.span,
            path: loc.path.as_str().into(),
            name: ctx.string(&h.body, header_name, loc),
            value: ctx.string(&h.body, header_value, loc),
        }),
        connection_attempts: ctx.int(body, "connection_attempts", at),
        connection_timeout: ctx.int(body, "connection_timeout", at),
        // The provider keeps 0 in its state for "not set".
        response_completion_timeout: match ctx.int(body, "response_completion_timeout", at) {
            f if f.get() == Some(&0) => at.absent(),
            f => f,
        },
        misplaced_mtls: None,
        opaque: false,
    }
}

/// `vpc_origin_config`.
fn vpc_origin_config(ctx: &Ctx, b: &Block, at: &Loc) -> VpcOriginConfig {
    let body = &b.body;
    VpcOriginConfig {
        span: at.span,
        path: at.path.as_str().into(),
        vpc_origin_id: ctx.string(body, "vpc_origin_id", at),
        vpc_origin_ref: attr(body, "vpc_origin_id").and_then(resource_address),
        owner_account_id: ctx.string(body, "owner_account_id", at),
        origin_read_timeout: ctx.int(body, "origin_read_timeout", at),
        origin_keepalive_timeout: ctx.int(body, "origin_keepalive_timeout", at),
    }
}

/// `custom_origin_config`.
fn custom_origin_config(ctx: &Ctx, b: &Block, at: &Loc) -> CustomOriginConfig {
    let body = &b.body;
    CustomOriginConfig {
        span: at.span,
        path: at.path.as_str().into(),
        http_port: ctx.int(body, "http_port", at),
        https_port: ctx.int(body, "https_port", at),
        origin_protocol_policy: ctx.string(body, "origin_protocol_policy", at),
        origin_ssl_protocols: ctx.list(body, "origin_ssl_protocols", at),
        origin_read_timeout: ctx.int(body, "origin_read_timeout", at),
        origin_keepalive_timeout: ctx.int(body, "origin_keepalive_timeout", at),
        origin_mtls: block(body, "origin_mtls_config").map(|m| {
            let m_at = at.child(ctx, m, "origin_mtls_config");
            OriginMtls {
                client_certificate_arn: ctx.string(&m.body, "client_certificate_arn", &m_at),
                span: m_at.span,
                path: m_at.path.into(),
            }
        }),
    }
}

/// `origin_group { origin_id, member { origin_id } … }` (`id` in a multi-tenant distribution);
/// the members list spans the group.
fn origin_group(ctx: &Ctx, b: &Block, at: &Loc, mt: bool) -> OriginGroup {
    let members = repeated(ctx, &b.body, at, "member", |ctx, m, loc| {
        ctx.string(&m.body, "origin_id", loc)
    });
    OriginGroup {
        span: at.span,
        path: at.path.as_str().into(),
        id: ctx.string(&b.body, if mt { "id" } else { "origin_id" }, at),
        members: Field::known(members, at.span, at.key("member")),
    }
}

/// `custom_error_response`.
fn error_response(ctx: &Ctx, b: &Block, at: &Loc) -> CustomErrorResponse {
    let body = &b.body;
    CustomErrorResponse {
        span: at.span,
        path: at.path.as_str().into(),
        error_code: ctx.int(body, "error_code", at),
        response_code: ctx.int(body, "response_code", at),
        response_page_path: ctx.string(body, "response_page_path", at),
        error_caching_min_ttl: ctx.int(body, "error_caching_min_ttl", at),
    }
}

/// `viewer_certificate`; when absent, every field points at the distribution.
fn viewer_certificate(ctx: &Ctx, body: &Body, dist: &Loc) -> ViewerCertificate {
    let Some(b) = block(body, "viewer_certificate") else {
        return ViewerCertificate {
            span: dist.span,
            path: dist.path.as_str().into(),
            present: false,
            cloudfront_default_certificate: dist.absent(),
            acm_certificate_arn: dist.absent(),
            iam_certificate_id: dist.absent(),
            ssl_support_method: dist.absent(),
            minimum_protocol_version: dist.absent(),
        };
    };
    let at = dist.child(ctx, b, "viewer_certificate");
    let body = &b.body;
    ViewerCertificate {
        present: true,
        cloudfront_default_certificate: ctx.boolean(body, "cloudfront_default_certificate", &at),
        acm_certificate_arn: ctx.string(body, "acm_certificate_arn", &at),
        iam_certificate_id: ctx.string(body, "iam_certificate_id", &at),
        ssl_support_method: ctx.string(body, "ssl_support_method", &at),
        minimum_protocol_version: ctx.string(body, "minimum_protocol_version", &at),
        span: at.span,
        path: at.path.into(),
    }
}

/// `logging_config`: present means logging is on (Terraform has no `enabled` flag, so
/// `enabled` stays absent).
fn logging(ctx: &Ctx, body: &Body, dist: &Loc) -> Logging {
    let Some(b) = block(body, "logging_config") else {
        return Logging {
            span: dist.span,
            path: dist.path.as_str().into(),
            present: false,
            enabled: dist.absent(),
            bucket: dist.absent(),
            prefix: dist.absent(),
        };
    };
    let at = dist.child(ctx, b, "logging_config");
    Logging {
        present: true,
        enabled: at.absent(),
        bucket: ctx.string(&b.body, "bucket", &at),
        prefix: ctx.string(&b.body, "prefix", &at),
        span: at.span,
        path: at.path.into(),
    }
}

/// The block types generated by `dynamic "…"` blocks in the distribution and one level below
/// it, as paths (`origin`, `default_cache_behavior.function_association`,
/// `ordered_cache_behavior[1].lambda_function_association`), with the `dynamic` block's span.
fn dynamic_blocks(ctx: &Ctx, body: &Body) -> Vec<(String, Span)> {
    let label = |b: &Block| {
        b.labels
            .first()
            .map(|l| (l.as_str().to_string(), ctx.span_of(b)))
    };
    let mut out: Vec<(String, Span)> = body.get_blocks("dynamic").filter_map(label).collect();
    for name in ["origin", "default_cache_behavior", "ordered_cache_behavior"] {
        let repeated = name != "default_cache_behavior";
        for (i, b) in body.get_blocks(name).enumerate() {
            let prefix = if repeated {
                format!("{name}[{i}]")
            } else {
                name.to_string()
            };
            out.extend(
                b.body
                    .get_blocks("dynamic")
                    .filter_map(label)
                    .map(|(l, span)| (format!("{prefix}.{l}"), span)),
            );
        }
    }
    out
}
