//! `default_cache_behavior` and `ordered_cache_behavior` blocks.

use super::eval::{block, Ctx, Loc};
use crate::model::{Behavior, ForwardedValues, FunctionAssociation};
use hcl_edit::structure::Block;

/// Builds a behavior; `ordered` reads its `path_pattern`.
pub(super) fn build(ctx: &Ctx, b: &Block, at: &Loc, ordered: bool) -> Behavior {
    let body = &b.body;
    Behavior {
        span: at.span,
        path: at.path.clone(),
        path_pattern: ordered.then(|| ctx.string(body, "path_pattern", at)),
        target_origin_id: ctx.string(body, "target_origin_id", at),
        viewer_protocol_policy: ctx.string(body, "viewer_protocol_policy", at),
        allowed_methods: ctx.list(body, "allowed_methods", at),
        cached_methods: ctx.list(body, "cached_methods", at),
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
            "lambda_arn",
        ),
        function_associations: associations(ctx, b, at, "function_association", "function_arn"),
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
        path: at.path.clone(),
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
                span: loc.span,
                path: loc.path,
            }
        })
        .collect()
}
