//! The JSON report: `{"version", "files": [{"path", "format", "error", "findings"}]}`, described
//! by `schema/apifront.schema.json` (the document's root; a finding is `definitions/Finding`,
//! the core's own serde shape).
//!
//! Lines and columns are 1-based, columns in UTF-16 code units; `end_column` is exclusive.
//! Spans and fix edits also carry byte offsets of the file (`start`, `end`).

use super::{FileReport, Outcome};
use apifront_core::lint::Finding;
use apifront_core::model::Format;
use serde::Serialize;

/// The whole report.
#[derive(Serialize)]
pub struct Report<'a> {
    version: &'static str,
    files: Vec<File<'a>>,
}

/// What linting one input gave.
#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    stack: Option<&'a str>,
    format: Option<Format>,
    error: Option<FileError<'a>>,
    findings: &'a [Finding],
}

/// Why an input could not be read (no position) or parsed.
#[derive(Serialize)]
struct FileError<'a> {
    message: &'a str,
    line: Option<u32>,
    column: Option<u32>,
    hint: Option<&'a str>,
}

/// The JSON report of `files`.
pub fn render(files: &[FileReport]) -> Report<'_> {
    Report {
        version: apifront_core::VERSION,
        files: files.iter().map(file).collect(),
    }
}

fn file(report: &FileReport) -> File<'_> {
    let error = match &report.outcome {
        Outcome::Linted(_) => None,
        Outcome::Invalid(e) => Some(FileError {
            message: &e.message,
            line: Some(e.line),
            column: Some(e.column),
            hint: e.hint.as_deref(),
        }),
        Outcome::Unreadable(message) => Some(FileError {
            message,
            line: None,
            column: None,
            hint: None,
        }),
    };
    File {
        path: &report.name,
        stack: report.stack.as_deref(),
        format: report.format,
        error,
        findings: report.findings(),
    }
}
