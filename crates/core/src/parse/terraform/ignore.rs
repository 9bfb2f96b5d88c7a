//! `# apifront-ignore: slug-a, slug-b` suppression comments (also `//` and `/* … */`).

use hcl_edit::expr::Expression;
use hcl_edit::structure::Block;
use hcl_edit::visit::{visit_expr, Visit};
use hcl_edit::Span;
use std::ops::Range;

const MARKER: &str = "apifront-ignore:";

/// Rule slugs named by suppression comments inside `block` or on the line directly above it.
pub(super) fn slugs(text: &str, block: &Block) -> Vec<String> {
    let Some(range) = block.span() else {
        return Vec::new();
    };
    let mut strings = StringSpans(Vec::new());
    strings.visit_block(block);
    let mut out = Vec::new();
    if let Some(line) = line_above(text, range.start) {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') || trimmed.starts_with("//") || trimmed.starts_with("/*") {
            if let Some(pos) = line.find(MARKER) {
                push_slugs(&line[pos + MARKER.len()..], &mut out);
            }
        }
    }
    let body = text.get(range.clone()).unwrap_or_default();
    for (pos, _) in body.match_indices(MARKER) {
        let at = range.start + pos;
        if strings.0.iter().any(|s| s.contains(&at)) {
            continue;
        }
        let rest = &body[pos + MARKER.len()..];
        push_slugs(rest.lines().next().unwrap_or_default(), &mut out);
    }
    out
}

/// The line that ends right before the line holding byte `offset`.
fn line_above(text: &str, offset: usize) -> Option<&str> {
    let line_start = text.get(..offset)?.rfind('\n')?;
    let above = text.get(..line_start)?;
    let above_start = above.rfind('\n').map_or(0, |i| i + 1);
    above.get(above_start..)
}

/// Adds the comma- or space-separated slugs of a comment's rest (up to a closing `*/`).
fn push_slugs(rest: &str, out: &mut Vec<String>) {
    let rest = rest.split("*/").next().unwrap_or_default();
    for slug in rest.split([',', ' ', '\t', '\r']) {
        let slug = slug.trim();
        let valid = !slug.is_empty()
            && slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if valid && !out.iter().any(|s| s == slug) {
            out.push(slug.to_string());
        }
    }
}

/// Byte ranges of string and heredoc expressions, where a marker is text, not a comment.
struct StringSpans(Vec<Range<usize>>);

impl Visit for StringSpans {
    fn visit_expr(&mut self, expr: &Expression) {
        match expr {
            Expression::String(_)
            | Expression::StringTemplate(_)
            | Expression::HeredocTemplate(_) => {
                self.0.extend(expr.span());
            }
            _ => visit_expr(self, expr),
        }
    }
}
