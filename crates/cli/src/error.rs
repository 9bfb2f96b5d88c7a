//! Exit statuses and the errors that end a command.

use crate::style;
use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Exit 0: nothing to report.
    Success,
    /// Exit 1: findings at or above the threshold (or a non-empty `fix --diff`).
    Findings,
    /// Exit 2: bad usage, unreadable or unparseable input.
    Failure,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(match status {
            Status::Success => 0,
            Status::Findings => 1,
            Status::Failure => 2,
        })
    }
}

/// An error that stops a command (exit 2), with an optional hint.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub hint: Option<String>,
}

impl CliError {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Prints `error: …` (and `hint: …`) on stderr.
    pub fn print(&self) {
        anstream::eprintln!("{}: {}", style::paint(style::ERROR, "error"), self.message);
        if let Some(hint) = &self.hint {
            anstream::eprintln!("  {}: {hint}", style::paint(style::HELP, "hint"));
        }
    }
}

/// The result of a command.
pub type CmdResult = Result<Status, CliError>;
