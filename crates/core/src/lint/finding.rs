//! What a rule reports: findings and their fixes.

use super::severity::Severity;
use crate::span::Span;
use serde::Serialize;

/// One problem found in one distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule slug.
    pub rule: &'static str,
    pub severity: Severity,
    /// What is wrong, naming the concrete values involved.
    pub message: String,
    /// The value the finding is about (for an absent value: the object that lacks it).
    pub span: Span,
    pub path: String,
    /// The distribution's name (logical id, Terraform address or `DistributionConfig`).
    pub distribution: String,
    /// Other places that explain the finding, with a note each.
    pub related: Vec<(Span, String)>,
    pub fix: Option<Fix>,
}

impl Finding {
    /// Sets the severity (for rules whose severity depends on the case).
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Adds a related location.
    pub fn with_related(mut self, span: Span, note: impl Into<String>) -> Self {
        self.related.push((span, note.into()));
        self
    }

    /// Attaches a fix, when there is one.
    pub fn with_fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }
}

/// Text edits that resolve a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// False when applying the fix changes behaviour beyond the finding.
    pub safe: bool,
    /// What the fix does ("replace AllViewer with AllViewerExceptHostHeader").
    pub description: String,
    /// Non-overlapping edits of the original text.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A safe fix; `None` when there are no edits.
    pub fn safe(description: impl Into<String>, edits: Vec<Edit>) -> Option<Self> {
        Self::new(true, description, edits)
    }

    /// An unsafe fix; `None` when there are no edits.
    pub fn unsafe_(description: impl Into<String>, edits: Vec<Edit>) -> Option<Self> {
        Self::new(false, description, edits)
    }

    fn new(safe: bool, description: impl Into<String>, edits: Vec<Edit>) -> Option<Self> {
        (!edits.is_empty()).then(|| Self {
            safe,
            description: description.into(),
            edits,
        })
    }
}

/// Replace the bytes `start..end` of the original text with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}
