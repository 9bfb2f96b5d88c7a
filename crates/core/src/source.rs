//! Several source files read as one input: the files of a Terraform module (`main.tf`,
//! `cdn.tf`, `variables.tf`, `terraform.tfvars`, …), and later an exported API definition
//! beside the configuration it belongs to.
//!
//! # The contract
//!
//! A [`Sources`] is an ordered list of files, each a name and a text. The texts are joined into
//! one buffer ([`Sources::text`]): every file starts on a new line (a `\n` is put between two
//! files when the first does not end with one) at a recorded byte offset and line. The parsers
//! and rules see only that buffer, so every [`Span`] of the model and of a
//! [`Finding`](crate::lint::Finding) is a span of the buffer. At the boundary a span is mapped
//! back to its file with [`Sources::locate`] — `(file index, local line, local column)`, byte
//! offsets local to the file — and a finding with [`Sources::localize`]; fix edits are split
//! back per file by offset range ([`Sources::local_edit`]). A fix whose edits would cross from
//! one file into another is never applied.
//!
//! One file is the special case: the buffer is the file's text, at offset 0 on line 1, so every
//! single-text entry point ([`crate::parse::parse`], [`crate::lint::lint_text`]) is unchanged.
//!
//! Entry points: [`crate::parse::parse_sources`] (the model),
//! [`crate::lint::lint_sources`] (findings placed in their own files) and
//! [`crate::lint::fix_sources`] (the fixed text of each file).
//!
//! ```
//! use apifront_core::lint::{lint_sources, LintConfig};
//! use apifront_core::source::Sources;
//!
//! let mut module = Sources::new();
//! module.push("variables.tf", "variable \"api_host\" {\n  default = \"abc123.execute-api.eu-west-1.amazonaws.com\"\n}\n");
//! module.push("cdn.tf", r#"resource "aws_cloudfront_distribution" "cdn" {
//!   enabled = true
//!   origin {
//!     origin_id   = "api"
//!     domain_name = var.api_host
//!     custom_origin_config {
//!       http_port              = 80
//!       https_port             = 443
//!       origin_protocol_policy = "http-only"
//!       origin_ssl_protocols   = ["TLSv1.2"]
//!     }
//!   }
//!   default_cache_behavior {
//!     target_origin_id       = "api"
//!     viewer_protocol_policy = "https-only"
//!     allowed_methods        = ["GET", "HEAD"]
//!     cached_methods         = ["GET", "HEAD"]
//!     cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
//!   }
//! }
//! "#);
//! let report = lint_sources(&module, &LintConfig::default()).unwrap();
//! let http = report
//!     .findings
//!     .iter()
//!     .find(|f| f.rule == "apigw-origin-protocol-not-https-only")
//!     .unwrap();
//! // The finding names its own file, with the line and column of that file.
//! assert_eq!(module.name(http.file), "cdn.tf");
//! assert_eq!((http.span.line, http.span.column), (9, 32));
//! ```
//!
//! The web app can hand several dropped or opened files to the same functions: one
//! [`Sources::push`] per file, in the order the user sees them.

use crate::lint::{Edit, Finding, Severity};
use crate::parse::{ParameterValues, ParseError};
use crate::span::{LineIndex, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Files read as one input, joined into one buffer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    files: Vec<SourceFile>,
    buffer: String,
    /// Number of `\n` in `buffer`.
    newlines: u32,
    /// Values of a CloudFormation template's parameters, in place of their defaults.
    parameters: ParameterValues,
}

/// One file of a [`Sources`]: its name and where its text sits in the buffer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceFile {
    /// The name the user knows the file by (a path, or a name chosen in the app).
    pub name: String,
    /// Byte offset of the file's first byte in the buffer.
    pub start: usize,
    /// Length of the file's text in bytes.
    pub len: usize,
    /// 1-based buffer line of the file's first line.
    pub first_line: u32,
    /// What the file holds.
    pub role: Role,
}

/// What a file of the input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Configuration: a distribution and the resources around it (or a Terraform module's file).
    #[default]
    Config,
    /// An exported API definition (OpenAPI, `aws apigateway get-resources`, …) of an API behind
    /// an origin; see [`crate::api`].
    ApiDefinition,
}

impl SourceFile {
    /// The buffer offset one past the file's last byte.
    pub fn end(&self) -> usize {
        self.start + self.len
    }
}

/// A span of one file: `span` has byte offsets, lines and columns local to file `file`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub file: usize,
    pub span: Span,
}

/// A parse error in one file of a [`Sources`]; its line and column are local to that file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceError {
    pub file: usize,
    pub error: ParseError,
}

impl SourceError {
    /// An error in file `file`.
    pub fn new(file: usize, error: ParseError) -> Self {
        Self { file, error }
    }
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "file {}: {}", self.file + 1, self.error)
    }
}

impl std::error::Error for SourceError {}

/// A finding placed in the file it points at: every position local to its own file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocatedFinding {
    /// The rule slug.
    pub rule: Cow<'static, str>,
    pub severity: Severity,
    pub message: String,
    /// The file of `span`.
    pub file: usize,
    pub span: Span,
    pub path: String,
    pub distribution: String,
    /// Other places that explain the finding, each in its own file.
    pub related: Vec<(Location, String)>,
    pub fix: Option<LocatedFix>,
}

/// A fix whose edits are byte ranges of the files they change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocatedFix {
    pub safe: bool,
    pub description: String,
    /// `(file, edit)` with the edit's offsets local to that file.
    pub edits: Vec<(usize, Edit)>,
}

impl Sources {
    /// No files yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// One file.
    pub fn single(name: impl Into<String>, text: &str) -> Self {
        let mut s = Self::new();
        s.push(name, text);
        s
    }

    /// Files in order, each a `(name, text)` pair.
    pub fn from_files<N: Into<String>, T: AsRef<str>>(
        files: impl IntoIterator<Item = (N, T)>,
    ) -> Self {
        let mut s = Self::new();
        for (name, text) in files {
            s.push(name, text.as_ref());
        }
        s
    }

    /// Gives the template's parameter `name` the value `value` (as a stack does), in place of
    /// its default ([`crate::parse::parse_with`]).
    pub fn set_parameter(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.parameters.insert(name.into(), value.into());
    }

    /// The parameter values given with [`Sources::set_parameter`].
    pub fn parameters(&self) -> &ParameterValues {
        &self.parameters
    }

    /// Appends a configuration file and returns its index. It starts on a new line of the
    /// buffer. Configuration files come before API definitions.
    pub fn push(&mut self, name: impl Into<String>, text: &str) -> usize {
        self.push_as(name, text, Role::Config)
    }

    /// Appends an exported API definition and returns its index; [`crate::parse::parse_sources`]
    /// attaches it to the origins of its API.
    pub fn push_api_definition(&mut self, name: impl Into<String>, text: &str) -> usize {
        self.push_as(name, text, Role::ApiDefinition)
    }

    fn push_as(&mut self, name: impl Into<String>, text: &str, role: Role) -> usize {
        if !self.buffer.is_empty() && !self.buffer.ends_with('\n') {
            self.buffer.push('\n');
            self.newlines += 1;
        }
        self.files.push(SourceFile {
            name: name.into(),
            start: self.buffer.len(),
            len: text.len(),
            first_line: self.newlines + 1,
            role,
        });
        self.buffer.push_str(text);
        self.newlines +=
            u32::try_from(memchr::memchr_iter(b'\n', text.as_bytes()).count()).unwrap_or(u32::MAX);
        self.files.len() - 1
    }

    /// The buffer: every file's text, each starting on a new line.
    pub fn text(&self) -> &str {
        &self.buffer
    }

    /// The files, in order.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when there is no file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The name of file `file` (empty when there is no such file).
    pub fn name(&self, file: usize) -> &str {
        self.files.get(file).map_or("", |f| f.name.as_str())
    }

    /// The text of file `file` (empty when there is no such file).
    pub fn file_text(&self, file: usize) -> &str {
        self.files
            .get(file)
            .and_then(|f| self.buffer.get(f.start..f.end()))
            .unwrap_or_default()
    }

    /// The file holding buffer offset `offset`. An offset at the end of a file (or on the `\n`
    /// put after it) belongs to that file; past the end of the buffer, to the last file.
    pub fn file_at(&self, offset: usize) -> usize {
        self.files
            .partition_point(|f| f.start <= offset)
            .saturating_sub(1)
    }

    /// Maps a buffer span to its file, with offsets, lines and columns local to that file.
    /// A span running past the end of its file is cut at that end.
    pub fn locate(&self, span: Span) -> Location {
        let file = self.file_at(span.start);
        let Some(f) = self.files.get(file) else {
            return Location { file, span };
        };
        let start = span.start.saturating_sub(f.start).min(f.len);
        let end = span.end.saturating_sub(f.start).clamp(start, f.len);
        let local_line = |line: u32| match line {
            0 => 0,
            l => l.saturating_sub(f.first_line) + 1,
        };
        let (end_line, end_column) = if span.end > f.end() {
            LineIndex::new(self.file_text(file)).line_col(end)
        } else {
            (local_line(span.end_line), span.end_column)
        };
        Location {
            file,
            span: Span {
                start,
                end,
                line: local_line(span.line),
                column: span.column,
                end_line,
                end_column,
            },
        }
    }

    /// A buffer edit as an edit of one file; `None` when it would change bytes of two files (or
    /// the `\n` put between them).
    pub fn local_edit(&self, edit: &Edit) -> Option<(usize, Edit)> {
        let file = self.file_at(edit.start);
        let f = self.files.get(file)?;
        (edit.start <= edit.end && edit.end <= f.end()).then(|| {
            (
                file,
                Edit {
                    start: edit.start - f.start,
                    end: edit.end - f.start,
                    replacement: edit.replacement.clone(),
                },
            )
        })
    }

    /// True when every edit of the finding's fix stays inside one file.
    pub(crate) fn fix_fits(&self, finding: &Finding) -> bool {
        finding
            .fix
            .as_ref()
            .is_none_or(|fix| fix.edits.iter().all(|e| self.local_edit(e).is_some()))
    }

    /// A finding with every position mapped to its own file. A fix that would cross files is
    /// dropped.
    pub fn localize(&self, finding: &Finding) -> LocatedFinding {
        let at = self.locate(finding.span);
        let fix = finding.fix.as_ref().and_then(|fix| {
            let edits: Option<Vec<(usize, Edit)>> =
                fix.edits.iter().map(|e| self.local_edit(e)).collect();
            edits.map(|edits| LocatedFix {
                safe: fix.safe,
                description: fix.description.clone(),
                edits,
            })
        });
        LocatedFinding {
            rule: finding.rule.clone(),
            severity: finding.severity,
            message: finding.message.clone(),
            file: at.file,
            span: at.span,
            path: finding.path.clone(),
            distribution: finding.distribution.clone(),
            related: finding
                .related
                .iter()
                .map(|(span, note)| (self.locate(*span), note.clone()))
                .collect(),
            fix,
        }
    }

    /// The files with `edits` (buffer offsets, not overlapping) applied, one text per file.
    pub(crate) fn apply_edits(&self, edits: &[&Edit]) -> Vec<String> {
        let mut per_file: Vec<Vec<Edit>> = vec![Vec::new(); self.files.len()];
        for (file, edit) in edits.iter().filter_map(|e| self.local_edit(e)) {
            if let Some(list) = per_file.get_mut(file) {
                list.push(edit);
            }
        }
        per_file
            .into_iter()
            .enumerate()
            .map(|(file, mut list)| {
                let mut text = self.file_text(file).to_string();
                list.sort_by_key(|e| std::cmp::Reverse((e.start, e.end)));
                for e in list {
                    if text.is_char_boundary(e.start) && text.is_char_boundary(e.end) {
                        text.replace_range(e.start..e.end, &e.replacement);
                    }
                }
                text
            })
            .collect()
    }

    /// The same file names with new texts.
    pub(crate) fn with_texts(&self, texts: &[String]) -> Sources {
        let mut out = Sources::new();
        for (f, t) in self.files.iter().zip(texts) {
            out.push_as(f.name.clone(), t, f.role);
        }
        out
    }

    /// The texts of the files, in order.
    pub fn texts(&self) -> Vec<String> {
        (0..self.files.len())
            .map(|i| self.file_text(i).to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn three() -> Sources {
        Sources::from_files([
            ("a.tf", "a = 1\nb = 2"),
            ("b.tf", "c = \"é\"\n"),
            ("c.tf", ""),
        ])
    }

    #[test]
    fn files_start_on_new_lines_at_recorded_offsets() {
        let s = three();
        assert_eq!(s.text(), "a = 1\nb = 2\nc = \"é\"\n");
        let starts: Vec<(usize, usize, u32)> = s
            .files()
            .iter()
            .map(|f| (f.start, f.len, f.first_line))
            .collect();
        assert_eq!(starts, [(0, 11, 1), (12, 9, 3), (21, 0, 4)]);
        assert_eq!(s.file_text(1), "c = \"é\"\n");
        assert_eq!(s.file_text(2), "");
        assert_eq!(
            s.file_at(11),
            0,
            "the added newline belongs to the file before it"
        );
        assert_eq!(s.file_at(12), 1);
        assert_eq!(s.file_at(99), 2);
    }

    #[test]
    fn spans_map_back_to_local_lines_and_columns() {
        let s = three();
        let idx = LineIndex::new(s.text());
        // `"é"` in b.tf: buffer line 3.
        let start = s.text().find('"').unwrap();
        let span = idx.span(start, start + 4);
        assert_eq!((span.line, span.column), (3, 5));
        let at = s.locate(span);
        assert_eq!(at.file, 1);
        assert_eq!((at.span.start, at.span.end), (4, 8));
        assert_eq!((at.span.line, at.span.column), (1, 5));
        assert_eq!((at.span.end_line, at.span.end_column), (1, 8));
        // A span running into the next file is cut at its own file's end.
        let long = idx.span(6, 14);
        let at = s.locate(long);
        assert_eq!((at.file, at.span.start, at.span.end), (0, 6, 11));
        assert_eq!((at.span.end_line, at.span.end_column), (2, 6));
    }

    #[test]
    fn one_file_is_the_identity() {
        let text = "x = 1\ny = 2";
        let s = Sources::single("main.tf", text);
        assert_eq!(s.text(), text);
        let span = LineIndex::new(text).span(6, 11);
        assert_eq!(s.locate(span), Location { file: 0, span });
    }

    #[test]
    fn located_findings_survive_json() {
        let module = Sources::from_files([
            (
                "variables.tf",
                "variable \"stage\" {\n  default = \"prod\"\n}\n",
            ),
            (
                "cdn.tf",
                include_str!("../tests/fixtures/terraform/rest_api_regional.tf"),
            ),
        ]);
        let report = crate::lint::lint_sources(&module, &Default::default()).unwrap();
        assert!(report.findings.iter().any(|f| f.fix.is_some()));
        assert!(report
            .findings
            .iter()
            .all(|f| module.name(f.file) == "cdn.tf"));
        let json = serde_json::to_string(&report.findings).unwrap();
        let back: Vec<LocatedFinding> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report.findings);
    }

    #[test]
    fn edits_split_per_file_and_never_cross() {
        let s = three();
        let edit = |start, end| Edit {
            start,
            end,
            replacement: "X".into(),
        };
        assert_eq!(s.local_edit(&edit(12, 13)), Some((1, edit(0, 1))));
        // An insertion at the very end of a file belongs to it.
        assert_eq!(s.local_edit(&edit(11, 11)), Some((0, edit(11, 11))));
        assert_eq!(s.local_edit(&edit(10, 13)), None);
        let fixed = s.apply_edits(&[&edit(0, 1), &edit(12, 13), &edit(14, 14)]);
        assert_eq!(fixed, ["X = 1\nb = 2", "X X= \"é\"\n", ""]);
    }
}
