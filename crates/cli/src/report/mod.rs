//! Lint reports: what was found in each input, written as text, JSON, SARIF, GitHub workflow
//! commands, JUnit XML or one parseable line per finding. An input is one
//! file or the files of a Terraform module; every finding, related place and fix edit names its
//! own file, at that file's line and column.

use apifront_core::model::Format;
use apifront_core::parse::ParseError;
use apifront_core::source::LocatedFinding;

mod frame;
pub mod github;
pub mod json;
pub mod junit;
pub mod parseable;
pub mod sarif;
pub mod text;
pub mod trace;

/// One file of an input, as read.
#[derive(Debug)]
pub struct ReportFile {
    /// The name shown in reports.
    pub name: String,
    /// The text read (empty when it could not be read).
    pub text: String,
    /// True for an API definition given with `--api`, false for configuration.
    pub definition: bool,
}

/// What linting one input gave.
#[derive(Debug)]
pub struct InputReport {
    /// The input's name: the file, or the module's directory.
    pub name: String,
    /// The CDK stack whose template this is (inputs read from a cloud assembly).
    pub stack: Option<String>,
    /// The input's files, in order (one for a plain file or standard input).
    pub files: Vec<ReportFile>,
    /// The format the input was read as, when detection got that far.
    pub format: Option<Format>,
    pub outcome: Outcome,
}

/// The result of linting one input.
#[derive(Debug)]
pub enum Outcome {
    /// Parsed and linted; findings in file order, then by position.
    Linted(Vec<LocatedFinding>),
    /// File `file` could not be parsed.
    Invalid { file: usize, error: ParseError },
    /// File `file` could not be read.
    Unreadable { file: usize, message: String },
}

/// A failure's file, message and position (line 0 when it has none).
pub struct Failure<'a> {
    pub file: &'a ReportFile,
    pub message: String,
    pub line: u32,
    pub column: u32,
    pub hint: Option<&'a str>,
}

impl InputReport {
    /// The findings (none when the input failed).
    pub fn findings(&self) -> &[LocatedFinding] {
        match &self.outcome {
            Outcome::Linted(f) => f,
            _ => &[],
        }
    }

    /// File `file` of the input.
    pub fn file(&self, file: usize) -> Option<&ReportFile> {
        self.files.get(file)
    }

    /// The name of file `file` (empty when there is none).
    pub fn name(&self, file: usize) -> &str {
        self.file(file).map_or("", |f| f.name.as_str())
    }

    /// The failure, if the input failed.
    pub fn failure(&self) -> Option<Failure<'_>> {
        let (file, message, line, column, hint) = match &self.outcome {
            Outcome::Linted(_) => return None,
            Outcome::Invalid { file, error } => (
                *file,
                error.message.clone(),
                error.line,
                error.column,
                error.hint.as_deref(),
            ),
            Outcome::Unreadable { file, message } => (*file, message.clone(), 0, 0, None),
        };
        Some(Failure {
            file: self.file(file)?,
            message,
            line,
            column,
            hint,
        })
    }

    /// The files the report lists: every file of a linted input, the failing one otherwise.
    pub fn listed_files(&self) -> Vec<(usize, &ReportFile)> {
        match &self.outcome {
            Outcome::Linted(_) => self.files.iter().enumerate().collect(),
            Outcome::Invalid { file, .. } | Outcome::Unreadable { file, .. } => {
                self.file(*file).map(|f| (*file, f)).into_iter().collect()
            }
        }
    }

    /// The module's directory when the input is a Terraform module of several files.
    pub fn module(&self) -> Option<&str> {
        (self.files.iter().filter(|f| !f.definition).count() > 1).then_some(self.name.as_str())
    }
}
