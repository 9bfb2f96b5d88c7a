//! Terraform HCL to the model.
//!
//! Parsed with `hcl-edit`, which keeps byte spans of every expression. Input nested deeper than
//! [`depth::MAX_HCL_DEPTH`] levels is refused before parsing, so neither the recursive parser nor
//! the walk below can overflow even a small (WebAssembly) stack.

mod api;
mod behavior;
mod depth;
mod distribution;
mod eval;
mod host;
mod ignore;
mod siblings;

use super::ParseError;
use crate::model::{Document, Format};
use crate::span::LineIndex;
use eval::Ctx;
use std::borrow::Cow;

/// Parses Terraform HCL and builds the model: every `aws_cloudfront_distribution` and the
/// sibling resources the rules look at.
pub fn parse(text: &str, idx: &LineIndex) -> Result<Document, ParseError> {
    // A byte order mark becomes blanks of the same length, so offsets stay those of `text`.
    let source = match text.strip_prefix('\u{feff}') {
        Some(rest) => Cow::Owned(format!("   {rest}")),
        None => Cow::Borrowed(text),
    };
    if let Some(offset) = depth::too_deep(&source) {
        return Err(ParseError::at(
            idx,
            offset,
            format!("the HCL nests deeper than {} levels", depth::MAX_HCL_DEPTH),
        )
        .with_hint("flatten the nested blocks, brackets or templates")
        .with_format(Format::Terraform));
    }
    let body = hcl_edit::parser::parse_body(&source).map_err(|e| syntax_error(&e, idx))?;
    let mut ctx = Ctx::new(&body, idx);
    let mut doc = Document::new(Format::Terraform);
    let mut distributions = Vec::new();
    let mut modules = 0;
    for b in body.blocks() {
        let labels: Vec<&str> = b.labels.iter().map(|l| l.as_str()).collect();
        match (b.ident.as_str(), labels.as_slice()) {
            ("resource", ["aws_cloudfront_distribution", name]) => {
                distributions.push((b, format!("aws_cloudfront_distribution.{name}")));
            }
            ("resource", [rtype, name]) => {
                siblings::add(&mut doc, &ctx, b, rtype, format!("{rtype}.{name}"));
            }
            ("module", _) => modules += 1,
            _ => {}
        }
    }
    if distributions.is_empty() {
        let err = ParseError::at(
            idx,
            0,
            "the Terraform file defines no aws_cloudfront_distribution",
        )
        .with_format(Format::Terraform);
        return Err(if modules > 0 {
            err.with_hint("a `module` block is opaque here: paste the module's aws_cloudfront_distribution resource instead")
        } else {
            err.with_hint(
                "paste the file with the `resource \"aws_cloudfront_distribution\"` block",
            )
        });
    }
    doc.api_model = api::read(&ctx, &body);
    ctx.custom_domains = doc
        .api_domain_names
        .iter()
        .filter_map(|d| d.domain_name.get().cloned())
        .collect();
    doc.distributions = distributions
        .into_iter()
        .map(|(b, address)| distribution::build(&ctx, b, &address))
        .collect();
    Ok(doc)
}

/// A syntax error with its position and a hint at the usual causes.
fn syntax_error(e: &hcl_edit::parser::Error, idx: &LineIndex) -> ParseError {
    let hint = if e.message().contains("nesting depth") {
        "the input nests expressions or blocks more than 64 levels deep"
    } else {
        "check for an unclosed `{`, `[`, `(` or string, or a missing `=` before this point"
    };
    ParseError::at(
        idx,
        e.location().offset(),
        format!("invalid HCL: {}", e.message()),
    )
    .with_hint(hint)
    .with_format(Format::Terraform)
}
