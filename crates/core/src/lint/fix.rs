//! Applying fixes to the source text.

use super::finding::{Edit, Finding};

/// Applies the fixes of `findings` to `text` (safe ones, and unsafe ones when
/// `include_unsafe`). Fixes are taken in position order; a fix whose edits overlap an already
/// accepted one is skipped (it can be applied on a next pass, after re-linting). Edits are
/// applied back to front so byte offsets stay valid.
pub fn apply_fixes(text: &str, findings: &[Finding], include_unsafe: bool) -> String {
    let mut accepted = accepted_edits(text, findings, include_unsafe);
    accepted.sort_by_key(|e| std::cmp::Reverse((e.start, e.end)));
    let mut out = text.to_string();
    for e in accepted {
        out.replace_range(e.start..e.end, &e.replacement);
    }
    out
}

/// The edits [`apply_fixes`] applies: those of the fixes taken in position order, skipping a
/// fix that is invalid for `text` or overlaps an accepted one.
pub(crate) fn accepted_edits<'f>(
    text: &str,
    findings: &'f [Finding],
    include_unsafe: bool,
) -> Vec<&'f Edit> {
    let mut fixes: Vec<&[Edit]> = findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .filter(|fix| fix.safe || include_unsafe)
        .map(|fix| fix.edits.as_slice())
        .collect();
    fixes.sort_by_key(|edits| edits.iter().map(|e| e.start).min().unwrap_or(0));
    let mut accepted: Vec<&Edit> = Vec::new();
    for edits in fixes {
        let valid = edits.iter().all(|e| {
            e.start <= e.end
                && e.end <= text.len()
                && text.is_char_boundary(e.start)
                && text.is_char_boundary(e.end)
        });
        let clashes = edits.iter().any(|e| {
            accepted.iter().any(|a| overlaps(a, e))
                || edits.iter().any(|o| !std::ptr::eq(o, e) && overlaps(o, e))
        });
        if valid && !clashes {
            accepted.extend(edits);
        }
    }
    accepted
}

/// True when two edits touch the same bytes (two insertions at one point also clash).
fn overlaps(a: &Edit, b: &Edit) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Fix, Severity};
    use crate::span::Span;

    fn finding(edits: Vec<Edit>, safe: bool) -> Finding {
        Finding {
            rule: "r".into(),
            severity: Severity::Error,
            message: String::new(),
            span: Span::default(),
            path: String::new(),
            distribution: String::new(),
            related: Vec::new(),
            fix: Some(Fix {
                safe,
                description: String::new(),
                edits,
            }),
        }
    }

    fn edit(start: usize, end: usize, r: &str) -> Edit {
        Edit {
            start,
            end,
            replacement: r.into(),
        }
    }

    #[test]
    fn applies_back_to_front_and_skips_conflicts() {
        let text = "abcdef";
        let findings = vec![
            finding(vec![edit(0, 1, "X"), edit(4, 5, "YY")], true),
            finding(vec![edit(1, 3, "")], true),
            finding(vec![edit(0, 2, "Z")], true),
            finding(vec![edit(5, 6, "U")], false),
        ];
        assert_eq!(apply_fixes(text, &findings, false), "XdYYf");
        assert_eq!(apply_fixes(text, &findings, true), "XdYYU");
        let bad = vec![finding(vec![edit(3, 99, "")], true)];
        assert_eq!(apply_fixes(text, &bad, true), text);
    }
}
