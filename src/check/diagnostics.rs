//! Findings as an editor shows them (underlines, gutter markers, hover cards, the lint panel),
//! and fixes as editor changes. Every finding is placed in its own file
//! ([`LocatedFinding`]); an editor shows the findings of its file and the places in it that
//! findings in other files point to (an API definition's routes, for a behavior that reaches
//! none). Pure functions: tested natively.

use crate::editor::{Change, Pos};
use apifront_core::lint::{Edit, Severity};
use apifront_core::parse::ParseError;
use apifront_core::rules;
use apifront_core::source::LocatedFinding;
use apifront_core::span::{LineIndex, Span};
use serde::Serialize;

/// One diagnostic as `js/editor/index.mjs` reads it.
#[derive(Serialize)]
struct Diagnostic<'a> {
    /// The finding's index (for its fix and docs buttons); none for a parse error.
    key: Option<usize>,
    from: Pos,
    to: Pos,
    severity: &'static str,
    message: String,
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

/// The editor's diagnostics for file `file` of the input (`None`: a text that was not part of
/// it), as JSON: the findings in it and the related places in it of findings elsewhere (as
/// information), of the shown severities; and its parse error (shown whenever errors are).
/// `names` names the files (for the related places' messages).
pub fn to_json(
    findings: &[LocatedFinding],
    file: Option<usize>,
    error: Option<&ParseError>,
    shown: [bool; 3],
    names: &[&str],
) -> String {
    let is_shown = |s: Severity| shown[super::state::severity_index(s)];
    let Some(file) = file else {
        return "[]".to_string();
    };
    let summary = |rule: &str| rules::by_slug(rule).map_or("", |r| r.summary);
    let mut out: Vec<Diagnostic> = Vec::new();
    for (key, f) in findings.iter().enumerate() {
        if !is_shown(f.severity) {
            continue;
        }
        if f.file == file {
            out.push(Diagnostic {
                key: Some(key),
                from: [f.span.line, f.span.column],
                to: underline_end(&f.span),
                severity: f.severity.as_str(),
                message: f.message.clone(),
                rule: &f.rule,
                summary: summary(&f.rule),
                fixes: f
                    .fix
                    .iter()
                    .map(|fix| FixButton {
                        key,
                        label: fix_label(fix.safe),
                    })
                    .collect(),
            });
            continue;
        }
        for (at, note) in f.related.iter().filter(|(at, _)| at.file == file) {
            out.push(Diagnostic {
                key: Some(key),
                from: [at.span.line, at.span.column],
                to: underline_end(&at.span),
                severity: "info",
                message: format!(
                    "{note} — see the {} in {}, line {}: {}",
                    f.severity.as_str(),
                    names.get(f.file).copied().unwrap_or("another file"),
                    f.span.line,
                    f.message
                ),
                rule: &f.rule,
                summary: summary(&f.rule),
                fixes: Vec::new(),
            });
        }
    }
    if let Some(err) = error.filter(|_| is_shown(Severity::Error)) {
        out.push(Diagnostic {
            key: None,
            from: [err.line, err.column],
            to: [err.line, err.column + 1],
            severity: "error",
            message: err.message.clone(),
            rule: "",
            summary: err.hint.as_deref().unwrap_or(""),
            fixes: Vec::new(),
        });
    }
    serde_json::to_string(&out).unwrap_or_else(|_| "[]".to_string())
}

/// Where the underline of a finding at `span` ends: with the span on one line; at the end of
/// its first line for a span over several lines (a whole behavior or origin), which would
/// otherwise bury the lines it holds under one wavy line. The editor clamps the column to the
/// line's end; the gutter marks the line either way.
fn underline_end(span: &Span) -> [u32; 2] {
    if span.end_line > span.line {
        [span.line, u32::MAX]
    } else {
        [span.end_line, span.end_column]
    }
}

/// The edits of a finding's fix that change file `file`, in order.
pub fn fix_edits(finding: &LocatedFinding, file: usize) -> Vec<&Edit> {
    let mut edits: Vec<&Edit> = finding
        .fix
        .iter()
        .flat_map(|fix| &fix.edits)
        .filter(|(f, _)| *f == file)
        .map(|(_, e)| e)
        .collect();
    edits.sort_by_key(|e| (e.start, e.end));
    edits
}

/// The files a finding's fix changes, in order.
pub fn fix_files(finding: &LocatedFinding) -> Vec<usize> {
    let mut files: Vec<usize> = finding
        .fix
        .iter()
        .flat_map(|fix| &fix.edits)
        .map(|(f, _)| *f)
        .collect();
    files.sort_unstable();
    files.dedup();
    files
}

/// Edits (byte offsets of `text`, in source order) as editor changes.
pub fn changes(text: &str, edits: &[&Edit]) -> Vec<Change> {
    let index = LineIndex::new(text);
    edits
        .iter()
        .filter(|e| e.start <= e.end && e.end <= text.len())
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

/// One line of a fix preview: removed (`-`) or added (`+`), or the name of the file the next
/// lines are in (a fix that changes several files).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    File(String),
    Removed(String),
    Added(String),
}

/// What edits (in source order) change in `text`, as whole lines before and after (for the
/// preview of an unsafe fix).
pub fn diff(text: &str, edits: &[&Edit]) -> Vec<DiffLine> {
    let mut out = Vec::new();
    for e in edits.iter().filter(|e| {
        e.start <= e.end
            && e.end <= text.len()
            && text.is_char_boundary(e.start)
            && text.is_char_boundary(e.end)
    }) {
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
    use crate::check::state::DocKind;
    use crate::check::work::{Answer, Outcome, WorkFile, WorkRequest};
    use apifront_core::lint::Fix;
    use apifront_core::source::{LocatedFix, Location};

    const BROKEN: &str = include_str!("../../static/examples/broken-cli.json");

    fn findings(text: &str) -> Vec<LocatedFinding> {
        let answer = Answer::to(&WorkRequest {
            fix_all: false,
            files: vec![WorkFile {
                name: "c".into(),
                kind: DocKind::Configuration,
                text: text.into(),
            }],
            trace: None,
            map: None,
        });
        match answer.outcome {
            Outcome::Linted { findings, .. } => findings.to_vec(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn diagnostics_carry_positions_rules_and_fix_buttons() {
        let findings = findings(BROKEN);
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&findings, Some(0), None, [true; 3], &["c"]))
                .expect("json");
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
        // Another file shows none of them; a text outside the input nothing.
        assert_eq!(to_json(&findings, Some(1), None, [true; 3], &["c"]), "[]");
        assert_eq!(to_json(&findings, None, None, [true; 3], &["c"]), "[]");
    }

    #[test]
    fn hidden_severities_are_not_underlined() {
        let findings = findings(BROKEN);
        let json: serde_json::Value = serde_json::from_str(&to_json(
            &findings,
            Some(0),
            None,
            [false, true, true],
            &["c"],
        ))
        .expect("json");
        assert!(json
            .as_array()
            .expect("array")
            .iter()
            .all(|d| d["severity"] != "error"));
    }

    #[test]
    fn a_parse_error_is_a_diagnostic() {
        let err = apifront_core::parse::parse("{\n  \"a\": ").expect_err("fails");
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&[], Some(0), Some(&err), [true; 3], &[])).expect("json");
        assert_eq!(json[0]["severity"], "error");
        assert_eq!(json[0]["from"][0], err.line);
        let hidden = to_json(&[], Some(0), Some(&err), [false, true, true], &[]);
        assert_eq!(hidden, "[]");
    }

    fn span(line: u32, column: u32, end_column: u32) -> Span {
        Span {
            start: 0,
            end: 0,
            line,
            column,
            end_line: line,
            end_column,
        }
    }

    #[test]
    fn a_related_place_in_another_file_shows_there_as_information() {
        let finding = LocatedFinding {
            rule: "apigw-host-header-forwarded".into(),
            severity: Severity::Error,
            message: "no route".into(),
            file: 0,
            span: span(12, 5, 9),
            path: String::new(),
            distribution: String::new(),
            related: vec![(
                Location {
                    file: 1,
                    span: span(3, 2, 10),
                },
                "the API's routes".into(),
            )],
            fix: None,
        };
        let names = ["dist.json", "api.json"];
        let json: serde_json::Value = serde_json::from_str(&to_json(
            std::slice::from_ref(&finding),
            Some(1),
            None,
            [true; 3],
            &names,
        ))
        .expect("json");
        assert_eq!(json.as_array().map(Vec::len), Some(1));
        assert_eq!(json[0]["severity"], "info");
        assert_eq!(json[0]["from"], serde_json::json!([3, 2]));
        assert_eq!(json[0]["to"], serde_json::json!([3, 10]));
        assert_eq!(
            json[0]["message"],
            "the API's routes — see the error in dist.json, line 12: no route"
        );
        assert_eq!(json[0]["key"], 0);
        // Hidden with its finding's severity.
        let hidden = to_json(
            std::slice::from_ref(&finding),
            Some(1),
            None,
            [false, true, true],
            &names,
        );
        assert_eq!(hidden, "[]");
    }

    #[test]
    fn a_span_over_several_lines_is_underlined_on_its_first() {
        let one_line = span(4, 3, 20);
        assert_eq!(underline_end(&one_line), [4, 20]);
        let object = Span {
            end_line: 30,
            end_column: 6,
            ..span(12, 7, 0)
        };
        assert_eq!(underline_end(&object), [12, u32::MAX]);
    }

    #[test]
    fn fix_edits_are_per_file_and_in_utf16_positions() {
        let text = "{\"Comment\": \"caf\u{e9} \u{1F600}\",\n \"X\": \"AllViewer\"}";
        let start = text.find("AllViewer").expect("found");
        let edit = |start, end| Edit {
            start,
            end,
            replacement: "B".into(),
        };
        let fix = Fix::safe("d", vec![edit(start, start + 9)]).expect("a fix");
        let finding = LocatedFinding {
            rule: "r".into(),
            severity: Severity::Error,
            message: String::new(),
            file: 0,
            span: Default::default(),
            path: String::new(),
            distribution: String::new(),
            related: Vec::new(),
            fix: Some(LocatedFix {
                safe: fix.safe,
                description: fix.description,
                edits: vec![(1, edit(0, 1)), (0, edit(start, start + 9))],
            }),
        };
        assert_eq!(fix_files(&finding), [0, 1]);
        let edits = fix_edits(&finding, 0);
        assert_eq!(edits.len(), 1);
        let c = changes(text, &edits);
        assert_eq!(c[0].from, [2, 8]);
        assert_eq!(c[0].to, [2, 17]);
        assert_eq!(
            diff(text, &edits),
            vec![
                DiffLine::Removed(" \"X\": \"AllViewer\"}".into()),
                DiffLine::Added(" \"X\": \"B\"}".into()),
            ]
        );
    }
}
