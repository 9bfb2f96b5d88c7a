//! What a rule reports: findings and their fixes.
//!
//! A [`Finding`] is complete on its own: it names its rule by slug and needs no rule registry to
//! be read back. Its serde shape is the one wire shape of a finding, the same for the CLI's
//! `--format json`, the JavaScript package and the web app's lint worker; the JSON Schema in
//! `schema/apifront.schema.json` (`$defs/Finding`) describes it and the tests validate it.

use super::severity::Severity;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One problem found in one distribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule slug (a rule's `&'static str` when found here; owned when read back).
    pub rule: Cow<'static, str>,
    pub severity: Severity,
    /// What is wrong, naming the concrete values involved.
    pub message: String,
    /// The value the finding is about (for an absent value: the object that lacks it).
    pub span: Span,
    pub path: String,
    /// The distribution's name (logical id, Terraform address or `DistributionConfig`).
    pub distribution: String,
    /// Other places that explain the finding, with a note each; on the wire
    /// `[{"span": …, "message": …}]`.
    #[serde(with = "related_wire")]
    pub related: Vec<(Span, String)>,
    pub fix: Option<Fix>,
}

/// `related` as objects on the wire (`{"span", "message"}`), pairs in Rust.
mod related_wire {
    use crate::span::Span;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize)]
    struct RelatedRef<'a> {
        span: &'a Span,
        message: &'a str,
    }

    #[derive(Deserialize)]
    struct Related {
        span: Span,
        message: String,
    }

    pub fn serialize<S: Serializer>(related: &[(Span, String)], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            related
                .iter()
                .map(|(span, message)| RelatedRef { span, message }),
        )
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(Span, String)>, D::Error> {
        let related = Vec::<Related>::deserialize(d)?;
        Ok(related.into_iter().map(|r| (r.span, r.message)).collect())
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
    fn a_finding_of_a_rule_this_build_lacks_still_reads() {
        let json = r#"{"rule":"no-such-rule","severity":"error","message":"m",
            "span":{"start":0,"end":1,"line":1,"column":1,"end_line":1,"end_column":2},
            "path":"p","distribution":"d",
            "related":[{"span":{"start":2,"end":3,"line":1,"column":3,"end_line":1,"end_column":4},
                "message":"here"}],
            "fix":null}"#;
        let finding: Finding = serde_json::from_str(json).expect("reads");
        assert_eq!(finding.rule, "no-such-rule");
        assert_eq!(finding.related[0].0.column, 3);
        assert_eq!(finding.related[0].1, "here");
        let again = serde_json::to_value(&finding).expect("serializes");
        assert_eq!(again["related"][0]["message"], "here");
        assert_eq!(again["related"][0]["span"]["start"], 2);
    }
}
