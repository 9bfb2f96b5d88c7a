//! The Check view's state and its reducer: pure logic over the core, testable natively.

use apifront_core::lint::{apply_fixes, fix_text, lint_text, Finding, LintConfig, Severity};
use apifront_core::model::Format;
use apifront_core::parse::ParseError;
use std::rc::Rc;
use yew::Reducible;

/// The result of the last lint run.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing pasted.
    Empty,
    /// Parsed and linted.
    Linted {
        format: Format,
        findings: Vec<Finding>,
    },
    /// The text could not be parsed.
    Failed(ParseError),
}

/// Everything the Check view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckState {
    /// The pasted text.
    pub text: String,
    /// The lint outcome of `text`, or of an earlier text while `stale`.
    pub outcome: Outcome,
    /// True while the text changed since the last lint (annotations are hidden then).
    pub stale: bool,
    /// Severities shown in the findings list.
    pub shown: [bool; 3],
    /// The rule whose docs are open.
    pub docs: Option<&'static str>,
}

impl Default for CheckState {
    fn default() -> Self {
        Self {
            text: String::new(),
            outcome: Outcome::Empty,
            stale: false,
            shown: [true, true, true],
            docs: None,
        }
    }
}

/// What the user can do in the Check view.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckAction {
    /// The text in the editor changed (it is read and linted after a pause: the editor holds it
    /// meanwhile, so typing in a large text copies nothing per keystroke).
    Edit,
    /// Take this text (from the editor, an example, a file, a share link) and lint it.
    Load(String),
    /// Show or hide one severity in the list.
    ToggleSeverity(Severity),
    /// Apply the fix of the finding at this index of the outcome's findings.
    ApplyFix(usize),
    /// Apply every safe fix.
    FixAllSafe,
    /// Open a rule's docs, or close them.
    ShowDocs(Option<&'static str>),
}

fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

impl CheckState {
    /// Lints `text` with the default configuration.
    pub fn outcome_of(text: &str) -> Outcome {
        if text.trim().is_empty() {
            return Outcome::Empty;
        }
        match lint_text(text, &LintConfig::default()) {
            Ok(report) => Outcome::Linted {
                format: report.format,
                findings: report.findings,
            },
            Err(err) => Outcome::Failed(err),
        }
    }

    /// The findings of the last lint (none unless linted).
    pub fn findings(&self) -> &[Finding] {
        match &self.outcome {
            Outcome::Linted { findings, .. } => findings,
            _ => &[],
        }
    }

    /// True when `severity` is shown in the list.
    pub fn is_shown(&self, severity: Severity) -> bool {
        self.shown[severity_index(severity)]
    }

    /// How many findings have each severity: errors, warnings, infos.
    pub fn counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for f in self.findings() {
            counts[severity_index(f.severity)] += 1;
        }
        counts
    }

    /// True when at least one finding has a safe fix.
    pub fn has_safe_fix(&self) -> bool {
        self.findings()
            .iter()
            .any(|f| f.fix.as_ref().is_some_and(|fix| fix.safe))
    }

    fn relinted(mut self, text: String) -> Self {
        self.outcome = Self::outcome_of(&text);
        self.text = text;
        self.stale = false;
        self
    }

    /// The state after `action` (the reducer, without Yew).
    pub fn apply(self, action: CheckAction) -> Self {
        match action {
            CheckAction::Edit => Self {
                stale: true,
                ..self
            },
            CheckAction::Load(text) => self.relinted(text),
            CheckAction::ToggleSeverity(severity) => {
                let mut shown = self.shown;
                shown[severity_index(severity)] ^= true;
                Self { shown, ..self }
            }
            CheckAction::ApplyFix(index) => match self.findings().get(index) {
                Some(finding) if !self.stale && finding.fix.is_some() => {
                    let fixed = apply_fixes(&self.text, std::slice::from_ref(finding), true);
                    self.relinted(fixed)
                }
                _ => self,
            },
            CheckAction::FixAllSafe => match fix_text(&self.text, &LintConfig::default(), false) {
                Ok(fixed) => self.relinted(fixed),
                Err(_) => self,
            },
            CheckAction::ShowDocs(docs) => Self { docs, ..self },
        }
    }
}

impl Reducible for CheckState {
    type Action = CheckAction;

    fn reduce(self: Rc<Self>, action: CheckAction) -> Rc<Self> {
        // Keystrokes after the first one change nothing: no re-render while typing.
        if action == CheckAction::Edit && self.stale {
            return self;
        }
        Rc::new((*self).clone().apply(action))
    }
}

/// The UTF-16 offset of a byte offset of `text` (what a textarea's selection uses).
pub fn utf16_offset(text: &str, byte: usize) -> u32 {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    text[..byte].encode_utf16().count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROKEN: &str = include_str!("../../static/examples/broken-cli.json");

    #[test]
    fn edit_marks_stale_and_lint_refreshes() {
        let s = CheckState::default().apply(CheckAction::Edit);
        assert!(s.stale);
        assert_eq!(s.outcome, Outcome::Empty);
        let s = s.apply(CheckAction::Load(BROKEN.to_string()));
        assert!(!s.stale);
        assert!(s
            .findings()
            .iter()
            .any(|f| f.rule == "apigw-host-header-forwarded"));
    }

    #[test]
    fn fixing_a_finding_removes_it() {
        let s = CheckState::default().apply(CheckAction::Load(BROKEN.to_string()));
        let index = s
            .findings()
            .iter()
            .position(|f| f.rule == "apigw-host-header-forwarded")
            .expect("finding");
        let s = s.apply(CheckAction::ApplyFix(index));
        assert!(!s
            .findings()
            .iter()
            .any(|f| f.rule == "apigw-host-header-forwarded"));
        assert!(matches!(s.outcome, Outcome::Linted { .. }));
    }

    #[test]
    fn fix_all_safe_leaves_no_safe_fix() {
        let s = CheckState::default().apply(CheckAction::Load(BROKEN.to_string()));
        assert!(s.has_safe_fix());
        let s = s.apply(CheckAction::FixAllSafe);
        assert!(!s.has_safe_fix());
    }

    #[test]
    fn a_stale_fix_is_ignored() {
        let s = CheckState::default().apply(CheckAction::Load(BROKEN.to_string()));
        let s = s.apply(CheckAction::Edit);
        let before = s.text.clone();
        assert_eq!(s.apply(CheckAction::ApplyFix(0)).text, before);
    }

    #[test]
    fn toggling_a_severity_hides_it() {
        let s = CheckState::default().apply(CheckAction::ToggleSeverity(Severity::Info));
        assert!(!s.is_shown(Severity::Info));
        assert!(s.is_shown(Severity::Error));
    }

    #[test]
    fn utf16_offsets_count_code_units() {
        assert_eq!(utf16_offset("a\u{1F600}b", 5), 3);
        assert_eq!(utf16_offset("ab", 99), 2);
    }
}
