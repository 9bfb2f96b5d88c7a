//! Findings as the editor shows them (underlines, gutter markers, hover cards, the lint panel),
//! and fixes as editor changes. Pure functions: tested natively.

use crate::editor::{Change, Pos};
use apifront_core::lint::{Finding, Severity};
use apifront_core::parse::ParseError;
use apifront_core::rules;
use apifront_core::span::LineIndex;
use serde::Serialize;

/// One diagnostic as `js/editor/index.mjs` reads it.
#[derive(Serialize)]
struct Diagnostic<'a> {
    /// The finding's index (for its fix and docs buttons); none for a parse error.
    key: Option<usize>,
    from: Pos,
    to: Pos,
    severity: &'static str,
    message: &'a str,
    /// The rule slug ("" for a parse error).
    rule: &'a str,
    /// The rule's one-line summary (its short docs).
    summary: &'a str,
    fixes: Vec<FixButton>,
}

/// A fix button of a hover card: the finding's index and the button's label.
#[derive(Serialize)]
struct FixButton {
    key: usize,
    label: &'static str,
}

/// The label of a finding's fix button.
pub fn fix_label(safe: bool) -> &'static str {
    if safe {
        "Fix"
    } else {
        "Fix (unsafe)…"
    }
}

/// The editor's diagnostics for a doc: its findings of the shown severities, or its parse error
/// (shown whenever errors are), as JSON.
pub fn to_json(findings: &[Finding], error: Option<&ParseError>, shown: [bool; 3]) -> String {
    let is_shown = |s: Severity| shown[super::state::severity_index(s)];
    let mut out: Vec<Diagnostic> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| is_shown(f.severity))
        .map(|(key, f)| Diagnostic {
            key: Some(key),
            from: [f.span.line, f.span.column],
            to: [f.span.end_line, f.span.end_column],
            severity: f.severity.as_str(),
            message: &f.message,
            rule: &f.rule,
            summary: rules::by_slug(&f.rule).map_or("", |r| r.summary),
            fixes: f
                .fix
                .iter()
                .map(|fix| FixButton {
                    key,
                    label: fix_label(fix.safe),
                })
                .collect(),
        })
        .collect();
    if let Some(err) = error.filter(|_| is_shown(Severity::Error)) {
        out.push(Diagnostic {
            key: None,
            from: [err.line, err.column],
            to: [err.line, err.column + 1],
            severity: "error",
            message: &err.message,
            rule: "",
            summary: err.hint.as_deref().unwrap_or(""),
            fixes: Vec::new(),
        });
    }
    serde_json::to_string(&out).unwrap_or_else(|_| "[]".to_string())
}

/// The edits of a finding's fix as editor changes, in positions of `text`.
pub fn fix_changes(text: &str, finding: &Finding) -> Vec<Change> {
    let Some(fix) = &finding.fix else {
        return Vec::new();
    };
    let index = LineIndex::new(text);
    let mut edits: Vec<_> = fix
        .edits
        .iter()
        .filter(|e| e.start <= e.end && e.end <= text.len())
        .collect();
    // Source order, so that the line index is asked in order (one pass over the text).
    edits.sort_by_key(|e| (e.start, e.end));
    edits
        .into_iter()
        .map(|e| {
            let (l1, c1) = index.line_col(e.start);
            let (l2, c2) = index.line_col(e.end);
            Change {
                from: [l1, c1],
                to: [l2, c2],
                insert: e.replacement.clone(),
            }
        })
        .collect()
}

/// One line of a fix preview: removed (`-`), added (`+`) or context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    Removed(String),
    Added(String),
}

/// What a fix changes, as whole lines before and after (for the preview of an unsafe fix).
pub fn fix_diff(text: &str, finding: &Finding) -> Vec<DiffLine> {
    let Some(fix) = &finding.fix else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut edits: Vec<_> = fix
        .edits
        .iter()
        .filter(|e| {
            e.start <= e.end
                && e.end <= text.len()
                && text.is_char_boundary(e.start)
                && text.is_char_boundary(e.end)
        })
        .collect();
    edits.sort_by_key(|e| e.start);
    for e in edits {
        let line_start = text[..e.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[e.end..].find('\n').map_or(text.len(), |i| e.end + i);
        let before = &text[line_start..line_end];
        let after = format!(
            "{}{}{}",
            &text[line_start..e.start],
            e.replacement,
            &text[e.end..line_end]
        );
        out.extend(before.lines().map(|l| DiffLine::Removed(l.to_string())));
        out.extend(after.lines().map(|l| DiffLine::Added(l.to_string())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use apifront_core::lint::{lint_text, LintConfig};

    const BROKEN: &str = include_str!("../../static/examples/broken-cli.json");

    fn findings(text: &str) -> Vec<Finding> {
        lint_text(text, &LintConfig::default())
            .expect("lints")
            .findings
    }

    #[test]
    fn diagnostics_carry_positions_rules_and_fix_buttons() {
        let findings = findings(BROKEN);
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&findings, None, [true; 3])).expect("json");
        let all = json.as_array().expect("array");
        assert_eq!(all.len(), findings.len());
        let host = all
            .iter()
            .find(|d| d["rule"] == "apigw-host-header-forwarded")
            .expect("host finding");
        let f = findings
            .iter()
            .find(|f| f.rule == "apigw-host-header-forwarded")
            .expect("finding");
        assert_eq!(
            host["from"],
            serde_json::json!([f.span.line, f.span.column])
        );
        assert_eq!(host["severity"], "error");
        assert!(host["summary"].as_str().expect("summary").contains("Host"));
        assert_eq!(host["fixes"][0]["label"], "Fix");
    }

    #[test]
    fn hidden_severities_are_not_underlined() {
        let findings = findings(BROKEN);
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&findings, None, [false, true, true])).expect("json");
        assert!(json
            .as_array()
            .expect("array")
            .iter()
            .all(|d| d["severity"] != "error"));
    }

    #[test]
    fn a_parse_error_is_a_diagnostic() {
        let err = lint_text("{\n  \"a\": ", &LintConfig::default()).expect_err("fails");
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&[], Some(&err), [true; 3])).expect("json");
        assert_eq!(json[0]["severity"], "error");
        assert_eq!(json[0]["from"][0], err.line);
        let hidden = to_json(&[], Some(&err), [false, true, true]);
        assert_eq!(hidden, "[]");
    }

    #[test]
    fn fix_changes_are_in_utf16_positions() {
        let text = "{\"Comment\": \"caf\u{e9} \u{1F600}\",\n \"X\": \"AllViewer\"}";
        let start = text.find("AllViewer").expect("found");
        let finding = Finding {
            rule: "r".into(),
            severity: Severity::Error,
            message: String::new(),
            span: Default::default(),
            path: String::new(),
            distribution: String::new(),
            related: Vec::new(),
            fix: apifront_core::lint::Fix::safe(
                "d",
                vec![apifront_core::lint::Edit {
                    start,
                    end: start + 9,
                    replacement: "B".into(),
                }],
            ),
        };
        let changes = fix_changes(text, &finding);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].from, [2, 8]);
        assert_eq!(changes[0].to, [2, 17]);
        assert_eq!(
            fix_diff(text, &finding),
            vec![
                DiffLine::Removed(" \"X\": \"AllViewer\"}".into()),
                DiffLine::Added(" \"X\": \"B\"}".into()),
            ]
        );
    }
}
