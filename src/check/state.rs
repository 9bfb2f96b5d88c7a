//! The Check view's state and its reducer: pure logic over the core, testable natively.
//!
//! Check holds one or more texts, each in its own tab ([`Doc`]): today the configuration; the
//! design leaves room for an API definition beside it (a second `DocKind`), each with its own
//! lint outcome. Linting is asynchronous: loading a text (or asking for every safe fix) records a
//! [`Job`] on its doc; the app hands it to the linter (a Web Worker, see [`super::linter`]) and
//! feeds the [`Answer`] back. Answers to jobs that were overtaken by newer text are dropped.

use apifront_core::lint::{fix_text, lint_text, Finding, LintConfig, Severity};
use apifront_core::model::Format;
use apifront_core::parse::ParseError;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// The result of the last lint run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// Nothing pasted.
    Empty,
    /// Parsed and linted.
    Linted {
        format: Format,
        findings: Rc<[Finding]>,
    },
    /// The text could not be parsed.
    Failed(ParseError),
}

/// Work for the linter: lint a doc's text, or first apply every safe fix to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Job {
    /// Increases with every job; an answer is taken only for its doc's latest one.
    pub id: u64,
    /// The doc (tab) whose text is linted.
    pub doc: usize,
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
        let outcome = outcome_of(fixed.as_deref().unwrap_or(text));
        Answer { fixed, outcome }
    }
}

/// Lints `text` with the default configuration.
pub fn outcome_of(text: &str) -> Outcome {
    if text.trim().is_empty() {
        return Outcome::Empty;
    }
    match lint_text(text, &LintConfig::default()) {
        Ok(report) => Outcome::Linted {
            format: report.format,
            findings: report.findings.into(),
        },
        Err(err) => Outcome::Failed(err),
    }
}

/// What a tab holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// A CloudFront configuration: CLI JSON, CloudFormation, Terraform.
    Configuration,
}

impl DocKind {
    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            DocKind::Configuration => "Configuration",
        }
    }
}

/// One text of the Check view, with its lint outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub kind: DocKind,
    /// The text as last read from the editor (or loaded into it).
    pub text: Rc<str>,
    /// The lint outcome of `text`, or of an earlier text while `stale`.
    pub outcome: Outcome,
    /// True while the text changed since the last lint, or a job runs (the status says
    /// "Checking…").
    pub stale: bool,
    /// The job whose answer the doc waits for.
    pub job: Option<Job>,
    /// Increases whenever the text is replaced from outside the editor (an example, a file, a
    /// share link, fix-all): the editor then shows `text`.
    pub revision: u64,
    /// Whether the text of the latest revision is shown from its top (a new text) or replaces
    /// only what differs, keeping the caret (fix-all).
    pub fresh: bool,
    /// Scroll to the first problem when the next answer comes (a whole new text arrived).
    pub reveal: bool,
    /// Counts the answers taken: the editor shows the findings of each one, also when they
    /// equal the previous ones (the text around them may be new).
    pub answers: u64,
}

impl Doc {
    fn new(kind: DocKind, text: Rc<str>) -> Self {
        Self {
            kind,
            text,
            outcome: Outcome::Empty,
            stale: false,
            job: None,
            revision: 0,
            fresh: true,
            reveal: false,
            answers: 0,
        }
    }

    /// The findings of the last lint (none unless linted).
    pub fn findings(&self) -> &[Finding] {
        match &self.outcome {
            Outcome::Linted { findings, .. } => findings,
            _ => &[],
        }
    }

    /// The findings of the last lint, shared (none unless linted).
    pub fn findings_rc(&self) -> Rc<[Finding]> {
        match &self.outcome {
            Outcome::Linted { findings, .. } => findings.clone(),
            _ => Rc::from([]),
        }
    }

    /// The parse error of the last lint, if the text did not parse.
    pub fn parse_error(&self) -> Option<&ParseError> {
        match &self.outcome {
            Outcome::Failed(err) => Some(err),
            _ => None,
        }
    }

    /// The format of the last lint, if the text parsed.
    pub fn format(&self) -> Option<Format> {
        match &self.outcome {
            Outcome::Linted { format, .. } => Some(*format),
            Outcome::Failed(err) => err.format,
            Outcome::Empty => None,
        }
    }

    /// How many problems have each severity: errors (a parse error counts), warnings, infos.
    pub fn counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for f in self.findings() {
            counts[severity_index(f.severity)] += 1;
        }
        if self.parse_error().is_some() {
            counts[0] += 1;
        }
        counts
    }

    /// True when at least one finding has a safe fix.
    pub fn has_safe_fix(&self) -> bool {
        self.findings()
            .iter()
            .any(|f| f.fix.as_ref().is_some_and(|fix| fix.safe))
    }

    /// The status line: what the last lint found, in words.
    pub fn status(&self) -> String {
        match &self.outcome {
            _ if self.stale => "Checking…".to_string(),
            Outcome::Empty => "Paste a CloudFront configuration to check it.".to_string(),
            Outcome::Failed(err) => {
                let hint = err
                    .hint
                    .as_deref()
                    .map(|h| format!(" ({h})"))
                    .unwrap_or_default();
                format!(
                    "Line {}, column {}: {}{hint}",
                    err.line, err.column, err.message
                )
            }
            Outcome::Linted { format, .. } => {
                let [e, w, i] = self.counts();
                match e + w + i {
                    0 => format!("{}: 0 problems", format.as_str()),
                    total => format!(
                        "{}: {} ({}, {}, {})",
                        format.as_str(),
                        plural(total, "problem"),
                        plural(e, "error"),
                        plural(w, "warning"),
                        plural(i, "info")
                    ),
                }
            }
        }
    }
}

/// `n` and the noun, in the plural unless `n` is 1 ("info" has none).
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 || noun == "info" {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// An unsafe fix shown as a diff, waiting for the user to apply or cancel it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixPreview {
    pub doc: usize,
    /// The finding's index in its doc's findings.
    pub finding: usize,
}

/// Everything the Check view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckState {
    /// The tabs; the first is the configuration.
    pub docs: Vec<Doc>,
    /// The tab shown.
    pub active: usize,
    /// Severities shown in the list and in the editor.
    pub shown: [bool; 3],
    /// The finding (of the shown doc) whose rule docs are open under it, and its rule.
    pub rule_docs: Option<(usize, &'static str)>,
    /// An unsafe fix waiting for confirmation.
    pub preview: Option<FixPreview>,
    /// What the last fix did, while it can be undone from the page.
    pub undo: Option<String>,
    /// The id of the last job created.
    last_job: u64,
}

impl Default for CheckState {
    fn default() -> Self {
        Self::with_texts(vec![Rc::from("")])
    }
}

/// Where a text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Read from the editor after the user typed (the editor already shows it).
    Editor,
    /// From outside the editor: an example, a file, a share link; shown from its top.
    Outside,
}

/// What the user (or the linter) can do in the Check view.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckAction {
    /// The user changed a doc's text in the editor (read and linted once typing pauses; the
    /// editor holds it meanwhile). `whole`: a paste or drop replaced all of it. Drops the
    /// running job.
    Edit { doc: usize, whole: bool },
    /// Take this text for a doc and lint it.
    Load {
        doc: usize,
        text: Rc<str>,
        source: Source,
    },
    /// The editor applied a fix (or undid one): take its text and lint it at once.
    Fixed {
        doc: usize,
        text: Rc<str>,
        /// What the fix did; `None` after an undo.
        description: Option<String>,
    },
    /// Show a tab.
    Select(usize),
    /// Show or hide one severity in the list and the editor.
    ToggleSeverity(Severity),
    /// Show an unsafe fix's diff before applying it (the finding's index in the doc).
    Preview { doc: usize, finding: usize },
    /// Close the fix preview.
    ClosePreview,
    /// Apply every safe fix to a doc.
    FixAllSafe(usize),
    /// Open the rule docs of a finding (its index in the shown doc), or close them.
    ShowDocs(Option<usize>),
    /// The linter answered the job with this id.
    Answered(u64, Answer),
    /// The view scrolled to a doc's first problem (after a whole new text was linted).
    Revealed(usize),
}

pub(crate) fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

impl CheckState {
    /// A state with one configuration text per entry (kept work, a share link).
    pub fn with_texts(texts: Vec<Rc<str>>) -> Self {
        let mut state = Self {
            docs: Vec::new(),
            active: 0,
            shown: [true, true, true],
            rule_docs: None,
            preview: None,
            undo: None,
            last_job: 0,
        };
        for text in texts.into_iter().take(1) {
            state.docs.push(Doc::new(DocKind::Configuration, text));
        }
        if state.docs.is_empty() {
            state
                .docs
                .push(Doc::new(DocKind::Configuration, Rc::from("")));
        }
        for i in 0..state.docs.len() {
            if !state.docs[i].text.is_empty() {
                state.start_job(i, false);
            }
        }
        state
    }

    /// The configuration doc.
    pub fn config(&self) -> &Doc {
        &self.docs[0]
    }

    /// True when `severity` is shown.
    pub fn is_shown(&self, severity: Severity) -> bool {
        self.shown[severity_index(severity)]
    }

    /// The jobs waiting for an answer, one per doc at most.
    pub fn jobs(&self) -> Vec<Job> {
        self.docs.iter().filter_map(|d| d.job).collect()
    }

    /// Records a new job on doc `i`.
    fn start_job(&mut self, i: usize, fix_all: bool) {
        self.last_job += 1;
        let job = Job {
            id: self.last_job,
            doc: i,
            fix_all,
        };
        let doc = &mut self.docs[i];
        doc.job = Some(job);
        doc.stale = true;
    }

    fn doc_mut(&mut self, i: usize) -> Option<&mut Doc> {
        self.docs.get_mut(i)
    }

    /// The state after `action` (the reducer, without Yew). Returns `None` when nothing
    /// changed, so that the page does not render again (every keystroke after the first).
    pub fn apply(&self, action: CheckAction) -> Option<Self> {
        let mut next = self.clone();
        match action {
            CheckAction::Edit { doc, whole } => {
                let d = next.doc_mut(doc)?;
                if d.stale && d.job.is_none() && (d.reveal || !whole) {
                    return None;
                }
                d.stale = true;
                d.job = None;
                d.reveal |= whole;
                next.undo = None;
            }
            CheckAction::Load { doc, text, source } => {
                let d = next.doc_mut(doc)?;
                d.text = text;
                if source == Source::Outside {
                    d.revision += 1;
                    d.fresh = true;
                    d.reveal = true;
                    next.undo = None;
                }
                next.start_job(doc, false);
            }
            CheckAction::Fixed {
                doc,
                text,
                description,
            } => {
                next.doc_mut(doc)?.text = text;
                next.undo = description;
                next.preview = None;
                next.start_job(doc, false);
            }
            CheckAction::Select(tab) if tab < next.docs.len() => next.active = tab,
            CheckAction::Select(_) => return None,
            CheckAction::ToggleSeverity(severity) => {
                next.shown[severity_index(severity)] ^= true;
            }
            CheckAction::Preview { doc, finding } => {
                let d = next.docs.get(doc)?;
                if d.stale || d.findings().get(finding)?.fix.is_none() {
                    return None;
                }
                next.preview = Some(FixPreview { doc, finding });
            }
            CheckAction::ClosePreview => next.preview = None,
            CheckAction::FixAllSafe(doc) => {
                let d = next.docs.get(doc)?;
                if d.stale || !d.has_safe_fix() {
                    return None;
                }
                next.start_job(doc, true);
            }
            CheckAction::ShowDocs(None) => next.rule_docs = None,
            CheckAction::ShowDocs(Some(finding)) => {
                let slug = &next.docs.get(next.active)?.findings().get(finding)?.rule;
                // The docs this build has: a finding names its rule by slug.
                let rule = apifront_core::rules::by_slug(slug)?.slug;
                next.rule_docs = Some((finding, rule));
            }
            CheckAction::Answered(id, answer) => {
                let i = next
                    .docs
                    .iter()
                    .position(|d| d.job.is_some_and(|j| j.id == id))?;
                let d = &mut next.docs[i];
                if let Some(fixed) = answer.fixed {
                    d.text = Rc::from(fixed);
                    d.revision += 1;
                    d.fresh = false;
                    next.undo = Some("every safe fix".to_string());
                }
                let d = &mut next.docs[i];
                d.outcome = answer.outcome;
                d.stale = false;
                d.job = None;
                d.answers += 1;
                if i == next.active {
                    // Open docs stay open on a finding of the same rule, if one is left.
                    let findings = next.docs[i].findings();
                    next.rule_docs = next.rule_docs.and_then(|(at, rule)| {
                        let same = |j: &usize| findings.get(*j).is_some_and(|f| f.rule == rule);
                        Some(at)
                            .filter(same)
                            .or_else(|| (0..findings.len()).find(same))
                            .map(|j| (j, rule))
                    });
                }
            }
            CheckAction::Revealed(doc) => {
                let d = next.doc_mut(doc)?;
                if !d.reveal || d.stale {
                    return None;
                }
                d.reveal = false;
            }
        }
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROKEN: &str = include_str!("../../static/examples/broken-cli.json");

    /// Runs the state's jobs as the linter would, and feeds the answers back.
    fn settled(mut s: CheckState) -> CheckState {
        for job in s.jobs() {
            let answer = Answer::to(job.fix_all, &s.docs[job.doc].text);
            s = s
                .apply(CheckAction::Answered(job.id, answer))
                .expect("taken");
        }
        s
    }

    fn load(s: &CheckState, text: &str) -> CheckState {
        s.apply(CheckAction::Load {
            doc: 0,
            text: Rc::from(text),
            source: Source::Outside,
        })
        .expect("changes")
    }

    fn loaded(text: &str) -> CheckState {
        settled(load(&CheckState::default(), text))
    }

    #[test]
    fn edit_marks_stale_and_lint_refreshes() {
        let s = CheckState::default()
            .apply(CheckAction::Edit {
                doc: 0,
                whole: false,
            })
            .expect("changes");
        assert!(s.config().stale);
        assert_eq!(s.config().outcome, Outcome::Empty);
        // Further keystrokes change nothing: no render per keystroke.
        assert!(s
            .apply(CheckAction::Edit {
                doc: 0,
                whole: false
            })
            .is_none());
        let s = load(&s, BROKEN);
        assert!(s.config().stale, "stale until the linter answers");
        let s = settled(s);
        assert!(!s.config().stale && s.config().job.is_none());
        assert!(s
            .config()
            .findings()
            .iter()
            .any(|f| f.rule == "apigw-host-header-forwarded"));
    }

    #[test]
    fn an_overtaken_answer_is_dropped() {
        let s = load(&CheckState::default(), BROKEN);
        let first = s.config().job.expect("job").id;
        let s = load(&s, "{}");
        assert!(s
            .apply(CheckAction::Answered(first, Answer::to(false, BROKEN)))
            .is_none());
        let s = settled(s);
        assert!(!s.config().stale);
        assert!(s.config().findings().is_empty());
    }

    #[test]
    fn typing_drops_the_running_job() {
        let s = load(&CheckState::default(), BROKEN);
        let id = s.config().job.expect("job").id;
        let s = s
            .apply(CheckAction::Edit {
                doc: 0,
                whole: false,
            })
            .expect("changes");
        assert!(s.config().job.is_none());
        assert!(s
            .apply(CheckAction::Answered(id, Answer::to(false, BROKEN)))
            .is_none());
    }

    #[test]
    fn outside_texts_are_shown_and_revealed_editor_texts_are_not() {
        let s = load(&CheckState::default(), BROKEN);
        assert_eq!(s.config().revision, 1);
        assert!(s.config().reveal);
        let s = settled(s)
            .apply(CheckAction::Revealed(0))
            .expect("was to reveal");
        assert!(!s.config().reveal);
        let s = s
            .apply(CheckAction::Load {
                doc: 0,
                text: Rc::from("{}"),
                source: Source::Editor,
            })
            .expect("changes");
        assert_eq!(s.config().revision, 1, "the editor already shows it");
        // A paste that replaced everything asks for the first problem to be shown.
        let s = settled(s)
            .apply(CheckAction::Edit {
                doc: 0,
                whole: true,
            })
            .expect("changes");
        assert!(s.config().reveal);
    }

    #[test]
    fn fix_all_safe_leaves_no_safe_fix_and_can_be_undone() {
        let s = loaded(BROKEN);
        assert!(s.config().has_safe_fix());
        let s = s.apply(CheckAction::FixAllSafe(0)).expect("starts");
        assert!(s.config().stale && s.config().job.is_some_and(|job| job.fix_all));
        let s = settled(s);
        assert_ne!(&*s.config().text, BROKEN);
        assert_eq!(s.config().revision, 2, "the editor shows the fixed text");
        assert!(!s.config().has_safe_fix());
        assert_eq!(s.undo.as_deref(), Some("every safe fix"));
    }

    #[test]
    fn a_fix_applied_by_the_editor_is_linted_and_offered_for_undo() {
        let s = loaded(BROKEN);
        let s = s
            .apply(CheckAction::Fixed {
                doc: 0,
                text: Rc::from("{}"),
                description: Some("use AllViewerExceptHostHeader".into()),
            })
            .expect("changes");
        assert!(s.config().stale);
        assert_eq!(s.config().revision, 1, "the editor already shows it");
        assert_eq!(s.undo.as_deref(), Some("use AllViewerExceptHostHeader"));
        let s = s
            .apply(CheckAction::Edit {
                doc: 0,
                whole: false,
            })
            .expect("changes");
        assert!(s.undo.is_none(), "typing ends the undo offer");
    }

    #[test]
    fn stale_fixes_and_previews_are_ignored() {
        let s = loaded(BROKEN)
            .apply(CheckAction::Edit {
                doc: 0,
                whole: false,
            })
            .expect("changes");
        assert!(s.apply(CheckAction::FixAllSafe(0)).is_none());
        assert!(s
            .apply(CheckAction::Preview { doc: 0, finding: 0 })
            .is_none());
    }

    #[test]
    fn an_unsafe_fix_is_previewed_first() {
        let s = loaded(BROKEN);
        let index = s
            .config()
            .findings()
            .iter()
            .position(|f| f.fix.as_ref().is_some_and(|fix| !fix.safe))
            .expect("an unsafe fix in the example");
        let s = s
            .apply(CheckAction::Preview {
                doc: 0,
                finding: index,
            })
            .expect("previews");
        assert_eq!(
            s.preview,
            Some(FixPreview {
                doc: 0,
                finding: index
            })
        );
        assert_eq!(
            s.apply(CheckAction::ClosePreview).expect("closes").preview,
            None
        );
    }

    #[test]
    fn toggling_a_severity_hides_it() {
        let s = CheckState::default()
            .apply(CheckAction::ToggleSeverity(Severity::Info))
            .expect("changes");
        assert!(!s.is_shown(Severity::Info));
        assert!(s.is_shown(Severity::Error));
    }

    #[test]
    fn a_parse_error_counts_as_an_error() {
        let s = loaded("{ \"broken\": ");
        assert_eq!(s.config().counts(), [1, 0, 0]);
        assert!(s.config().status().starts_with("Line 1, column"));
    }

    #[test]
    fn statuses_use_plurals() {
        assert_eq!(plural(1, "error"), "1 error");
        assert_eq!(plural(2, "error"), "2 errors");
        assert_eq!(plural(0, "warning"), "0 warnings");
        assert_eq!(plural(3, "info"), "3 info");
        let status = loaded(BROKEN).config().status();
        assert!(status.starts_with("cli-json: "), "{status}");
        assert!(!status.contains(" 1 errors") && !status.contains(" 1 problems"));
    }
}
