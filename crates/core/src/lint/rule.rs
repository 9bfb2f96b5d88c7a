//! A lint rule: metadata, documentation as data, and its check.

use super::context::LintContext;
use super::finding::Finding;
use super::severity::{Category, FixAvailability, Severity};
use crate::model::Format;
use serde::Serialize;

/// A lint rule. Each rule lives in its own file under `rules/` as a `pub static RULE: Rule`.
#[derive(Debug, Serialize)]
pub struct Rule {
    /// Stable kebab-case name, never reused.
    pub slug: &'static str,
    /// One line describing the problem.
    pub summary: &'static str,
    pub default_severity: Severity,
    pub category: Category,
    pub fix: FixAvailability,
    /// The apifront version that introduced the rule.
    pub since: &'static str,
    pub docs: RuleDocs,
    /// Finds the problem in one distribution.
    #[serde(skip)]
    pub check: fn(&LintContext) -> Vec<Finding>,
}

/// The user documentation of a rule.
#[derive(Debug, Serialize)]
pub struct RuleDocs {
    pub what_it_does: &'static str,
    pub why_bad: &'static str,
    /// A configuration that triggers the rule.
    pub example: Snippet,
    /// The corrected configuration; it triggers no error or warning.
    pub use_instead: Snippet,
    /// When the pattern is fine, and how to suppress the rule.
    pub exceptions: &'static str,
    /// AWS documentation and other sources.
    pub references: &'static [&'static str],
    /// When the fix is safe and when it is not, for rules whose fix safety depends on the case
    /// (ruff's "Fix safety"); `None` when every fix has the safety of [`Rule::fix`].
    pub fix_safety: Option<&'static str>,
}

/// A configuration snippet in one input format.
#[derive(Debug, Serialize)]
pub struct Snippet {
    pub format: Format,
    pub text: &'static str,
}

impl Snippet {
    /// A CloudFormation YAML snippet.
    pub const fn cfn_yaml(text: &'static str) -> Self {
        Self {
            format: Format::CfnYaml,
            text,
        }
    }
}
