//! Lint reports: what was found in each file, written as text, JSON, SARIF, GitHub workflow
//! commands, JUnit XML or one parseable line per finding.

use apifront_core::lint::Finding;
use apifront_core::model::Format;
use apifront_core::parse::ParseError;

mod frame;
pub mod github;
pub mod json;
pub mod junit;
pub mod parseable;
pub mod sarif;
pub mod text;

/// What linting one input gave.
#[derive(Debug)]
pub struct FileReport {
    /// The name shown in reports.
    pub name: String,
    /// The CDK stack whose template this is (inputs read from a cloud assembly).
    pub stack: Option<String>,
    /// The text read (empty when it could not be read).
    pub text: String,
    /// The format the text was read as, when detection got that far.
    pub format: Option<Format>,
    pub outcome: Outcome,
}

/// The result of linting one input.
#[derive(Debug)]
pub enum Outcome {
    /// Parsed and linted; findings sorted by position.
    Linted(Vec<Finding>),
    /// The text could not be parsed.
    Invalid(ParseError),
    /// The input could not be read.
    Unreadable(String),
}

impl FileReport {
    /// The findings (none when the file failed).
    pub fn findings(&self) -> &[Finding] {
        match &self.outcome {
            Outcome::Linted(f) => f,
            _ => &[],
        }
    }

    /// The failure's message and position (line 0 when it has none), if the file failed.
    pub fn failure(&self) -> Option<(String, u32, u32)> {
        match &self.outcome {
            Outcome::Linted(_) => None,
            Outcome::Invalid(e) => Some((e.message.clone(), e.line, e.column)),
            Outcome::Unreadable(message) => Some((message.clone(), 0, 0)),
        }
    }
}
