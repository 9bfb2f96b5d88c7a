//! The JSON report: `{"version", "files": [{"path", "format", "module", "error", "findings"}]}`.
//!
//! One entry per file: every file of a linted Terraform module is listed (`module` names its
//! directory), with the findings that point into it; when a module does not parse, only the
//! file with the error is. Lines and columns are 1-based and local to the file, columns in
//! UTF-16 code units; `end_column` is exclusive. Related places and fix edits name their own
//! file (`path`); edits are byte ranges of that file (`start`, `end`, `replacement`).

use super::{InputReport, Outcome};
use apifront_core::source::LocatedFinding;
use serde_json::{json, Value};

/// The JSON report of `inputs`.
pub fn render(inputs: &[InputReport]) -> Value {
    json!({
        "version": apifront_core::VERSION,
        "files": inputs.iter().flat_map(files).collect::<Vec<_>>(),
    })
}

fn files(input: &InputReport) -> Vec<Value> {
    let error = match &input.outcome {
        Outcome::Linted(_) => Value::Null,
        Outcome::Invalid { error: e, .. } => json!({
            "message": e.message,
            "line": e.line,
            "column": e.column,
            "hint": e.hint,
        }),
        Outcome::Unreadable { message, .. } => json!({
            "message": message,
            "line": Value::Null,
            "column": Value::Null,
            "hint": Value::Null,
        }),
    };
    input
        .listed_files()
        .into_iter()
        .map(|(i, file)| {
            json!({
                "path": file.name,
                "format": input.format.map(|f| f.as_str()),
                "module": input.module(),
                "error": error,
                "findings": input
                    .findings()
                    .iter()
                    .filter(|f| f.file == i)
                    .map(|f| finding(input, f))
                    .collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// One finding as JSON.
pub fn finding(input: &InputReport, f: &LocatedFinding) -> Value {
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
        "related": f.related.iter().map(|(at, note)| json!({
            "message": note,
            "path": input.name(at.file),
            "line": at.span.line,
            "column": at.span.column,
            "end_line": at.span.end_line,
            "end_column": at.span.end_column,
        })).collect::<Vec<_>>(),
        "fix": f.fix.as_ref().map(|fix| json!({
            "safe": fix.safe,
            "description": fix.description,
            "edits": fix.edits.iter().map(|(file, e)| json!({
                "path": input.name(*file),
                "start": e.start,
                "end": e.end,
                "replacement": e.replacement,
            })).collect::<Vec<_>>(),
        })),
    })
}
