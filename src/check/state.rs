//! The Check view's state and its reducer: pure logic over the core, testable natively.
//!
//! Linting is asynchronous: loading a text (or asking for every safe fix) records a [`Job`];
//! the view hands it to the linter (a Web Worker, see [`super::linter`]) and feeds the
//! [`Answer`] back. Answers to jobs that were overtaken by newer text are dropped.

use apifront_core::lint::{apply_fixes, fix_text, lint_text, Finding, LintConfig, Severity};
use apifront_core::model::Format;
use apifront_core::parse::ParseError;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::Reducible;

/// The result of the last lint run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// Work for the linter: lint the state's text, or first apply every safe fix to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Job {
    /// Increases with every job; an answer is taken only for the latest one.
    pub id: u64,
    pub fix_all: bool,
}

/// What the linter answers to a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The text with every safe fix applied (fix-all jobs that changed something).
    pub fixed: Option<String>,
    /// The lint outcome of the fixed text, or of the job's text.
    pub outcome: Outcome,
}

impl Answer {
    /// Does a job's work on `text` (in the worker, or on the main thread without one).
    pub fn to(fix_all: bool, text: &str) -> Self {
        let fixed = if fix_all {
            fix_text(text, &LintConfig::default(), false)
                .ok()
                .filter(|fixed| fixed != text)
        } else {
            None
        };
        let outcome = CheckState::outcome_of(fixed.as_deref().unwrap_or(text));
        Answer { fixed, outcome }
    }
}

/// Everything the Check view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckState {
    /// The pasted text.
    pub text: String,
    /// The lint outcome of `text`, or of an earlier text while `stale`.
    pub outcome: Outcome,
    /// True while the text changed since the last lint, or a job runs (annotations are hidden
    /// then and the status says "Checking…").
    pub stale: bool,
    /// The job whose answer the view waits for.
    pub job: Option<Job>,
    /// The id of the last job created.
    last_job: u64,
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
            job: None,
            last_job: 0,
            shown: [true, true, true],
            docs: None,
        }
    }
}

/// What the user (or the linter) can do in the Check view.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckAction {
    /// The text in the editor changed (it is read and linted after a pause: the editor holds it
    /// meanwhile, so typing in a large text copies nothing per keystroke). Drops the running job.
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
    /// The linter answered the job with this id.
    Answered(u64, Answer),
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

    /// The state waiting for a new job on its text.
    fn with_job(mut self, fix_all: bool) -> Self {
        self.last_job += 1;
        self.job = Some(Job {
            id: self.last_job,
            fix_all,
        });
        self.stale = true;
        self
    }

    /// The state after `action` (the reducer, without Yew).
    pub fn apply(self, action: CheckAction) -> Self {
        match action {
            CheckAction::Edit => Self {
                stale: true,
                job: None,
                ..self
            },
            CheckAction::Load(text) => Self { text, ..self }.with_job(false),
            CheckAction::ToggleSeverity(severity) => {
                let mut shown = self.shown;
                shown[severity_index(severity)] ^= true;
                Self { shown, ..self }
            }
            CheckAction::ApplyFix(index) => match self.findings().get(index) {
                Some(finding) if !self.stale && finding.fix.is_some() => {
                    let text = apply_fixes(&self.text, std::slice::from_ref(finding), true);
                    Self { text, ..self }.with_job(false)
                }
                _ => self,
            },
            CheckAction::FixAllSafe if !self.stale => self.with_job(true),
            CheckAction::FixAllSafe => self,
            CheckAction::Answered(id, answer) if self.job.is_some_and(|job| job.id == id) => Self {
                text: answer.fixed.unwrap_or(self.text),
                outcome: answer.outcome,
                stale: false,
                job: None,
                ..self
            },
            CheckAction::Answered(..) => self,
            CheckAction::ShowDocs(docs) => Self { docs, ..self },
        }
    }
}

impl Reducible for CheckState {
    type Action = CheckAction;

    fn reduce(self: Rc<Self>, action: CheckAction) -> Rc<Self> {
        // Keystrokes after the first one change nothing: no re-render while typing.
        if action == CheckAction::Edit && self.stale && self.job.is_none() {
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

    /// Runs the state's job as the linter would, and feeds the answer back.
    fn settled(s: CheckState) -> CheckState {
        let job = s.job.expect("a job");
        let answer = Answer::to(job.fix_all, &s.text);
        s.apply(CheckAction::Answered(job.id, answer))
    }

    fn loaded(text: &str) -> CheckState {
        settled(CheckState::default().apply(CheckAction::Load(text.to_string())))
    }

    #[test]
    fn edit_marks_stale_and_lint_refreshes() {
        let s = CheckState::default().apply(CheckAction::Edit);
        assert!(s.stale);
        assert_eq!(s.outcome, Outcome::Empty);
        let s = s.apply(CheckAction::Load(BROKEN.to_string()));
        assert!(s.stale, "stale until the linter answers");
        let s = settled(s);
        assert!(!s.stale && s.job.is_none());
        assert!(s
            .findings()
            .iter()
            .any(|f| f.rule == "apigw-host-header-forwarded"));
    }

    #[test]
    fn an_overtaken_answer_is_dropped() {
        let s = CheckState::default().apply(CheckAction::Load(BROKEN.to_string()));
        let first = s.job.expect("job").id;
        let s = s.apply(CheckAction::Load("{}".to_string()));
        let s = s.apply(CheckAction::Answered(first, Answer::to(false, BROKEN)));
        assert!(s.stale);
        assert_eq!(s.outcome, Outcome::Empty);
        let s = settled(s);
        assert!(!s.stale);
        assert!(matches!(
            s.outcome,
            Outcome::Failed(_) | Outcome::Linted { .. }
        ));
        assert!(s.findings().is_empty());
    }

    #[test]
    fn typing_drops_the_running_job() {
        let s = CheckState::default().apply(CheckAction::Load(BROKEN.to_string()));
        let id = s.job.expect("job").id;
        let s = s.apply(CheckAction::Edit);
        assert!(s.job.is_none());
        let s = s.apply(CheckAction::Answered(id, Answer::to(false, BROKEN)));
        assert!(s.stale && s.findings().is_empty());
    }

    #[test]
    fn fixing_a_finding_removes_it() {
        let s = loaded(BROKEN);
        let index = s
            .findings()
            .iter()
            .position(|f| f.rule == "apigw-host-header-forwarded")
            .expect("finding");
        let s = settled(s.apply(CheckAction::ApplyFix(index)));
        assert!(!s
            .findings()
            .iter()
            .any(|f| f.rule == "apigw-host-header-forwarded"));
        assert!(matches!(s.outcome, Outcome::Linted { .. }));
    }

    #[test]
    fn fix_all_safe_leaves_no_safe_fix() {
        let s = loaded(BROKEN);
        assert!(s.has_safe_fix());
        let s = s.apply(CheckAction::FixAllSafe);
        assert!(s.stale && s.job.is_some_and(|job| job.fix_all));
        let s = settled(s);
        assert_ne!(s.text, BROKEN);
        assert!(!s.has_safe_fix());
    }

    #[test]
    fn a_stale_fix_is_ignored() {
        let s = loaded(BROKEN).apply(CheckAction::Edit);
        let before = s.text.clone();
        assert_eq!(s.clone().apply(CheckAction::ApplyFix(0)).text, before);
        assert!(s.apply(CheckAction::FixAllSafe).job.is_none());
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
