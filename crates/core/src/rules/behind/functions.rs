//! What the functions of a behavior do to the request path before it reaches the origin.
//!
//! Only request events can change the path: CloudFront Functions on `viewer-request`,
//! Lambda@Edge on `viewer-request` and `origin-request`. apifront knows one function's code:
//! the prefix-stripping CloudFront Function its generator writes (the request trace recognises
//! it the same way), when its code is in the input. Any other request function may rewrite the
//! path: what reaches the API then depends on its code.

use crate::edge_function::function_of;
use crate::lint::LintContext;
use crate::model::{Behavior, FunctionAssociation};
use crate::render::plan::StripFunction;
use crate::value::Val;

/// The path rewriting of a behavior's request functions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rewrite {
    /// The prefixes the generator's function strips, in its order (empty: none).
    pub strip: Vec<String>,
    /// The request functions whose effect is not known, as people name them, with why.
    pub unknown: Vec<String>,
}

/// The path rewriting of `behavior`'s request functions.
pub fn rewrite(ctx: &LintContext, behavior: &Behavior) -> Rewrite {
    let mut out = Rewrite::default();
    if generated(ctx, behavior) {
        out.unknown
            .push("function associations made by a `dynamic` block (not read)".into());
        return out;
    }
    let request = |a: &&FunctionAssociation, events: &[&str]| {
        a.event_type
            .get()
            .is_none_or(|e| events.contains(&e.as_str()))
    };
    let functions: Vec<&FunctionAssociation> = behavior
        .function_associations
        .iter()
        .filter(|a| request(a, &["viewer-request"]))
        .collect();
    let edge = behavior
        .lambda_function_associations
        .iter()
        .filter(|a| request(a, &["viewer-request", "origin-request"]));
    for association in edge {
        out.unknown.push(format!(
            "Lambda@Edge function {} (its code is not read)",
            name(ctx, association)
        ));
    }
    for association in functions {
        let found = function_of(ctx.doc, association);
        let strip = found
            .and_then(|f| f.code.get())
            .and_then(|c| StripFunction::recognise(c))
            .filter(|_| association.event_type.get().is_some());
        if let Some(strip) = strip {
            out.strip.extend(strip.prefixes);
            continue;
        }
        let why = match found {
            None => "its code is not in the input",
            Some(f) if f.code.get().is_none() => "its code is not literal in the input",
            Some(_) => "its code is not one apifront recognises",
        };
        out.unknown.push(format!(
            "CloudFront Function {} ({why})",
            name(ctx, association)
        ));
    }
    out
}

/// True when a Terraform `dynamic` block makes the behavior's function associations.
fn generated(ctx: &LintContext, behavior: &Behavior) -> bool {
    if ctx.dist.dynamic_blocks.is_empty() {
        return false;
    }
    let at = match ctx
        .dist
        .behaviors
        .iter()
        .position(|b| std::ptr::eq(b, behavior))
    {
        Some(i) => format!("ordered_cache_behavior[{i}]"),
        None => "default_cache_behavior".into(),
    };
    ["function_association", "lambda_function_association"]
        .iter()
        .any(|block| ctx.dist.dynamic_blocks.contains(&format!("{at}.{block}")))
}

/// "`strip`" from a literal ARN, or the ARN's expression as written.
fn name(ctx: &LintContext, association: &FunctionAssociation) -> String {
    let field = &association.arn;
    let text = match &field.val {
        Val::Known(arn) => arn
            .rsplit_once("function/")
            .or_else(|| arn.rsplit_once("function:"))
            .map_or(arn.as_str(), |(_, n)| n),
        _ => ctx
            .text
            .get(field.span.start..field.span.end)
            .map(|s| s.trim().trim_matches('"'))
            .filter(|s| !s.is_empty() && s.len() <= 80)
            .unwrap_or("(unknown ARN)"),
    };
    format!("`{text}`")
}
