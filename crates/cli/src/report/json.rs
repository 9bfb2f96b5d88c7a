//! The JSON report: `{"version", "files": [{"path", "format", "error", "findings"}]}`.
//!
//! Lines and columns are 1-based, columns in UTF-16 code units; `end_column` is exclusive.
//! Fix edits are byte ranges of the file (`start`, `end`, `replacement`).

use super::{FileReport, Outcome};
use apifront_core::lint::Finding;
use serde_json::{json, Value};

/// The JSON report of `files`.
pub fn render(files: &[FileReport]) -> Value {
    json!({
        "version": apifront_core::VERSION,
        "files": files.iter().map(file).collect::<Vec<_>>(),
    })
}

fn file(report: &FileReport) -> Value {
    let error = match &report.outcome {
        Outcome::Linted(_) => Value::Null,
        Outcome::Invalid(e) => json!({
            "message": e.message,
            "line": e.line,
            "column": e.column,
            "hint": e.hint,
        }),
        Outcome::Unreadable(message) => json!({
            "message": message,
            "line": Value::Null,
            "column": Value::Null,
            "hint": Value::Null,
        }),
    };
    json!({
        "path": report.name,
        "format": report.format.map(|f| f.as_str()),
        "error": error,
        "findings": report.findings().iter().map(finding).collect::<Vec<_>>(),
    })
}

/// One finding as JSON.
pub fn finding(f: &Finding) -> Value {
    json!({
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "message": f.message,
        "line": f.span.line,
        "column": f.span.column,
        "end_line": f.span.end_line,
        "end_column": f.span.end_column,
        "path": f.path,
        "distribution": f.distribution,
        "related": f.related.iter().map(|(span, note)| json!({
            "message": note,
            "line": span.line,
            "column": span.column,
            "end_line": span.end_line,
            "end_column": span.end_column,
        })).collect::<Vec<_>>(),
        "fix": f.fix.as_ref().map(|fix| json!({
            "safe": fix.safe,
            "description": fix.description,
            "edits": fix.edits,
        })),
    })
}
