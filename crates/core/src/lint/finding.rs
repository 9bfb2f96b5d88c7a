//! What a rule reports: findings and their fixes.

use super::severity::Severity;
use crate::span::Span;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

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

/// A finding as serialized (the web app sends findings from its lint worker to the page): the
/// rule slug is read back as the registry's `&'static str`.
#[derive(Deserialize)]
struct SerializedFinding {
    rule: String,
    severity: Severity,
    message: String,
    span: Span,
    path: String,
    distribution: String,
    related: Vec<(Span, String)>,
    fix: Option<Fix>,
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let f = SerializedFinding::deserialize(deserializer)?;
        let rule = crate::rules::by_slug(&f.rule)
            .ok_or_else(|| D::Error::custom(format!("unknown rule `{}`", f.rule)))?;
        Ok(Finding {
            rule: rule.slug,
            severity: f.severity,
            message: f.message,
            span: f.span,
            path: f.path,
            distribution: f.distribution,
            related: f.related,
            fix: f.fix,
        })
    }
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

#[cfg(test)]
mod tests {
    use crate::lint::{lint_text, Finding, LintConfig};

    #[test]
    fn findings_survive_json() {
        let text = include_str!("../../tests/fixtures/cli-json/distribution-config-legacy.json");
        let findings = lint_text(text, &LintConfig::default())
            .expect("lints")
            .findings;
        assert!(findings.iter().any(|f| f.fix.is_some()));
        let json = serde_json::to_string(&findings).expect("serializes");
        let back: Vec<Finding> = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, findings);
    }

    #[test]
    fn an_unknown_rule_does_not_deserialize() {
        let json = r#"{"rule":"no-such-rule","severity":"error","message":"m",
            "span":{"start":0,"end":1,"line":1,"column":1,"end_line":1,"end_column":2},
            "path":"p","distribution":"d","related":[],"fix":null}"#;
        let err = serde_json::from_str::<Finding>(json).expect_err("unknown rule");
        assert!(err.to_string().contains("no-such-rule"), "{err}");
    }
}
