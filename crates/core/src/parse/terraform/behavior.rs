//! `default_cache_behavior` and `ordered_cache_behavior` blocks.

use super::eval::{attr, block, resource_address, Ctx, Loc};
use crate::model::{Behavior, ForwardedValues, FunctionAssociation};
use hcl_edit::structure::Block;

/// Builds a behavior; `ordered` reads its `path_pattern`; `mt`: of a multi-tenant
/// distribution, whose `allowed_methods` is a block `{ items, cached_methods }` and whose Lambda
/// associations name `lambda_function_arn`.
pub(super) fn build(ctx: &Ctx, b: &Block, at: &Loc, ordered: bool, mt: bool) -> Behavior {
    let body = &b.body;
    let methods = block(body, "allowed_methods").filter(|_| mt);
    let (allowed_methods, cached_methods) = match methods {
        Some(m) => {
            let m_at = at.child(ctx, m, "allowed_methods");
            (
                ctx.list(&m.body, "items", &m_at),
                ctx.list(&m.body, "cached_methods", &m_at),
            )
        }
        None => (
            ctx.list(body, "allowed_methods", at),
            ctx.list(body, "cached_methods", at),
        ),
    };
    let grpc = block(body, "grpc_config");
    Behavior {
        span: at.span,
        path: at.path.as_str().into(),
        path_pattern: ordered.then(|| ctx.string(body, "path_pattern", at)),
        target_origin_id: ctx.string(body, "target_origin_id", at),
        viewer_protocol_policy: ctx.string(body, "viewer_protocol_policy", at),
        allowed_methods,
        cached_methods,
        cache_policy_id: ctx.policy(body, "cache_policy_id", at),
        origin_request_policy_id: ctx.policy(body, "origin_request_policy_id", at),
        response_headers_policy_id: ctx.policy(body, "response_headers_policy_id", at),
        forwarded_values: block(body, "forwarded_values")
            .map(|fv| forwarded_values(ctx, fv, &at.child(ctx, fv, "forwarded_values"))),
        min_ttl: ctx.int(body, "min_ttl", at),
        default_ttl: ctx.int(body, "default_ttl", at),
        max_ttl: ctx.int(body, "max_ttl", at),
        compress: ctx.boolean(body, "compress", at),
        lambda_function_associations: associations(
            ctx,
            b,
            at,
            "lambda_function_association",
            if mt {
                "lambda_function_arn"
            } else {
                "lambda_arn"
            },
        ),
        function_associations: associations(ctx, b, at, "function_association", "function_arn"),
        grpc_enabled: grpc.map_or_else(
            || at.absent(),
            |g| ctx.boolean(&g.body, "enabled", &at.child(ctx, g, "grpc_config")),
        ),
    }
}

/// Legacy `forwarded_values { query_string, headers, cookies { forward, whitelisted_names } }`.
fn forwarded_values(ctx: &Ctx, b: &Block, at: &Loc) -> ForwardedValues {
    let body = &b.body;
    let cookies = block(body, "cookies");
    let cookies_at = cookies.map_or_else(|| at.clone(), |c| at.child(ctx, c, "cookies"));
    let cookies_body = cookies.map(|c| &c.body);
    ForwardedValues {
        span: at.span,
        path: at.path.as_str().into(),
        query_string: ctx.boolean(body, "query_string", at),
        query_string_cache_keys: ctx.list(body, "query_string_cache_keys", at),
        headers: ctx.list(body, "headers", at),
        cookies_forward: cookies_body
            .map_or_else(|| at.absent(), |c| ctx.string(c, "forward", &cookies_at)),
        cookies_whitelisted_names: cookies_body.map_or_else(
            || at.absent(),
            |c| ctx.list(c, "whitelisted_names", &cookies_at),
        ),
    }
}

/// Repeated Lambda@Edge or CloudFront Functions association blocks.
fn associations(
    ctx: &Ctx,
    b: &Block,
    at: &Loc,
    name: &str,
    arn_key: &str,
) -> Vec<FunctionAssociation> {
    b.body
        .get_blocks(name)
        .enumerate()
        .map(|(i, a)| {
            let loc = at.item(ctx, a, name, i);
            FunctionAssociation {
                event_type: ctx.string(&a.body, "event_type", &loc),
                arn: ctx.string(&a.body, arn_key, &loc),
                function_ref: (name == "function_association")
                    .then(|| attr(&a.body, arn_key).and_then(resource_address))
                    .flatten(),
                span: loc.span,
                path: loc.path.into(),
            }
        })
        .collect()
}
