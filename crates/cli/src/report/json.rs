//! The JSON report: `{"version", "files": [{"path", "module"?, "stack"?, "format", "error",
//! "findings"}]}`, described by `schema/apifront.schema.json` (the document's root; a finding is
//! `definitions/Finding`, the core's own serde shape).
//!
//! One entry per file: every file of a linted Terraform module is listed (`module` names its
//! directory), with the findings that point into it; when an input does not parse, only the
//! file with the error is. Lines and columns are 1-based and local to the file, columns in
//! UTF-16 code units; `end_column` is exclusive; spans and edits also carry byte offsets of the
//! file. A related place or a fix edit in another file of the input names it (`file`).

use super::{InputReport, Outcome};
use apifront_core::lint::Severity;
use apifront_core::model::Format;
use apifront_core::source::LocatedFinding;
use apifront_core::span::Span;
use serde::Serialize;

/// The whole report.
#[derive(Serialize)]
pub struct Report<'a> {
    version: &'static str,
    files: Vec<File<'a>>,
}

/// One file of an input.
#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    module: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stack: Option<&'a str>,
    format: Option<Format>,
    error: Option<FileError<'a>>,
    findings: Vec<Finding<'a>>,
}

/// Why an input could not be read (no position) or parsed.
#[derive(Serialize)]
struct FileError<'a> {
    message: &'a str,
    line: Option<u32>,
    column: Option<u32>,
    hint: Option<&'a str>,
}

/// A finding in the core's shape, placed in its file.
#[derive(Serialize)]
struct Finding<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    span: Span,
    path: &'a str,
    distribution: &'a str,
    related: Vec<Related<'a>>,
    fix: Option<Fix<'a>>,
}

#[derive(Serialize)]
struct Related<'a> {
    span: Span,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
}

#[derive(Serialize)]
struct Fix<'a> {
    safe: bool,
    description: &'a str,
    edits: Vec<Edit<'a>>,
}

#[derive(Serialize)]
struct Edit<'a> {
    start: usize,
    end: usize,
    replacement: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
}

/// The JSON report of `inputs`.
pub fn render(inputs: &[InputReport]) -> Report<'_> {
    Report {
        version: apifront_core::VERSION,
        files: inputs.iter().flat_map(files).collect(),
    }
}

fn files(input: &InputReport) -> Vec<File<'_>> {
    let error = || match &input.outcome {
        Outcome::Linted(_) => None,
        Outcome::Invalid { error: e, .. } => Some(FileError {
            message: &e.message,
            line: Some(e.line),
            column: Some(e.column),
            hint: e.hint.as_deref(),
        }),
        Outcome::Unreadable { message, .. } => Some(FileError {
            message,
            line: None,
            column: None,
            hint: None,
        }),
    };
    input
        .listed_files()
        .into_iter()
        .map(|(i, file)| File {
            path: &file.name,
            module: input.module(),
            stack: input.stack.as_deref(),
            format: input.format,
            error: error(),
            findings: input
                .findings()
                .iter()
                .filter(|f| f.file == i)
                .map(|f| finding(input, f))
                .collect(),
        })
        .collect()
}

/// One finding: places in another file of the input name it.
fn finding<'a>(input: &'a InputReport, f: &'a LocatedFinding) -> Finding<'a> {
    let elsewhere = |file: usize| (file != f.file).then(|| input.name(file));
    Finding {
        rule: &f.rule,
        severity: f.severity,
        message: &f.message,
        span: f.span,
        path: &f.path,
        distribution: &f.distribution,
        related: f
            .related
            .iter()
            .map(|(at, note)| Related {
                span: at.span,
                message: note,
                file: elsewhere(at.file),
            })
            .collect(),
        fix: f.fix.as_ref().map(|fix| Fix {
            safe: fix.safe,
            description: &fix.description,
            edits: fix
                .edits
                .iter()
                .map(|(file, e)| Edit {
                    start: e.start,
                    end: e.end,
                    replacement: &e.replacement,
                    file: elsewhere(*file),
                })
                .collect(),
        }),
    }
}
