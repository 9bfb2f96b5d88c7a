//! The Check view's state and its reducer: pure logic over the core, testable natively.
//!
//! Check holds several texts, each in its own tab ([`Doc`]): configuration files (one, or the
//! files of a Terraform module) and API definitions. They are linted together, as one input:
//! changing a text (or asking for every safe fix, or a panel that needs the model) records a
//! [`Job`]; the app hands it to the linter (a Web Worker, see [`super::linter`]) and feeds the
//! [`Answer`] back. Only the latest job's answer is taken. Every finding, parse error, trace hop
//! and map box names the file it is in; [`Checked::doc_of`] says which tab holds that file.

use super::work::{
    Answer, MapInput, MapView, Outcome, TraceInput, TraceView, WorkFile, WorkRequest,
};
use apifront_core::api::AttachNote;
use apifront_core::lint::Severity;
use apifront_core::parse::ParseError;
use apifront_core::source::LocatedFinding;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// A tab's identity: stays the same while the tab exists (indices move when tabs come and go).
pub type DocId = u64;

/// What a tab holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// A CloudFront configuration: CLI JSON, CloudFormation, Terraform (or one file of a module).
    Configuration,
    /// An exported API definition: OpenAPI/Swagger, `aws apigateway`/`apigatewayv2` output.
    ApiDefinition,
}

impl DocKind {
    /// The name of a tab of this kind that holds no file.
    pub fn default_name(self) -> &'static str {
        match self {
            DocKind::Configuration => "Configuration",
            DocKind::ApiDefinition => "API definition",
        }
    }
}

/// One text of the Check view.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub id: DocId,
    pub kind: DocKind,
    /// The tab's name: the file's name, or the kind's default name.
    pub name: Rc<str>,
    /// The text as last read from the editor (or loaded into it).
    pub text: Rc<str>,
    /// Increases whenever the text is replaced from outside the editor (an example, a file, a
    /// share link, fix-all): the editor then shows `text`.
    pub revision: u64,
    /// Whether the text of the latest revision is shown from its top (a new text) or replaces
    /// only what differs, keeping the caret (fix-all).
    pub fresh: bool,
    /// Scroll to the first problem when the next answer comes (a whole new text arrived).
    pub reveal: bool,
}

impl Doc {
    fn new(id: DocId, kind: DocKind, name: Option<&str>, text: Rc<str>) -> Self {
        Self {
            id,
            kind,
            name: Rc::from(name.unwrap_or(kind.default_name())),
            text,
            revision: 0,
            fresh: true,
            reveal: false,
        }
    }

    /// True when the text holds something besides blanks.
    pub fn has_text(&self) -> bool {
        !self.text.trim().is_empty()
    }
}

/// Work for the linter: lint every text (after every safe fix, when asked), plus what the shown
/// panels need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Increases with every job; only the latest one's answer is taken.
    pub id: u64,
    pub fix_all: bool,
    /// The docs whose texts are the input's files, in order.
    pub files: Rc<[DocId]>,
    pub trace: Option<TraceInput>,
    pub map: Option<MapInput>,
}

/// The last answer taken, with the docs its files came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub outcome: Outcome,
    /// The doc of each file of the input the answer is about.
    pub files: Rc<[DocId]>,
    pub suggested_url: Option<Rc<str>>,
    pub trace: Option<Rc<Result<TraceView, String>>>,
    pub map: Option<Rc<Result<MapView, String>>>,
    /// Counts the answers taken: the editors show the findings of each one, also when they
    /// equal the previous ones (the text around them may be new).
    pub answers: u64,
}

impl Default for Checked {
    fn default() -> Self {
        Self {
            outcome: Outcome::Empty,
            files: Rc::from([]),
            suggested_url: None,
            trace: None,
            map: None,
            answers: 0,
        }
    }
}

impl Checked {
    /// The doc that holds file `file` of the input.
    pub fn doc_of(&self, file: usize) -> Option<DocId> {
        self.files.get(file).copied()
    }

    /// The file index of doc `doc` in the input, if it was part of it.
    pub fn file_of(&self, doc: DocId) -> Option<usize> {
        self.files.iter().position(|d| *d == doc)
    }

    /// Every finding (none unless linted).
    pub fn findings(&self) -> Rc<[LocatedFinding]> {
        match &self.outcome {
            Outcome::Linted { findings, .. } => findings.clone(),
            _ => Rc::from([]),
        }
    }

    /// The parse error and the doc it is in, if a file did not parse.
    pub fn parse_error(&self) -> Option<(DocId, &ParseError)> {
        match &self.outcome {
            Outcome::Failed(err) => Some((self.doc_of(err.file)?, &err.error)),
            _ => None,
        }
    }

    /// What became of each API definition.
    pub fn notes(&self) -> &[AttachNote] {
        match &self.outcome {
            Outcome::Linted { notes, .. } => notes,
            _ => &[],
        }
    }
}

/// The panel beside the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Findings,
    Trace,
    Map,
}

/// The inputs of the trace panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceForm {
    pub method: String,
    /// `None` until the user writes one: the URL the input suggests is used.
    pub url: Option<String>,
    /// One `Name: value` per line.
    pub headers: String,
}

impl Default for TraceForm {
    fn default() -> Self {
        Self {
            method: "GET".into(),
            url: None,
            headers: String::new(),
        }
    }
}

/// An unsafe fix shown as a diff, waiting for the user to apply or cancel it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixPreview {
    /// The finding's index in the findings.
    pub finding: usize,
}

/// Everything the Check view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckState {
    /// The tabs: configuration files first, then API definitions; at least one of each.
    pub docs: Vec<Doc>,
    /// The tab shown.
    pub active: DocId,
    /// Severities shown in the list and in the editor.
    pub shown: [bool; 3],
    /// The finding whose rule docs are open under it, and its rule.
    pub rule_docs: Option<(usize, &'static str)>,
    /// An unsafe fix waiting for confirmation.
    pub preview: Option<FixPreview>,
    /// What the last fix did, while it can be undone from the page.
    pub undo: Option<String>,
    /// The last answer.
    pub checked: Checked,
    /// True while a text changed since the last answer (the status says "Checking…").
    pub stale: bool,
    /// The job whose answer the view waits for.
    pub job: Option<Job>,
    pub panel: Panel,
    pub trace: TraceForm,
    /// The distribution the map shows (the first when none was picked).
    pub map_of: Option<String>,
    last_job: u64,
    last_doc: DocId,
}

impl Default for CheckState {
    fn default() -> Self {
        Self::with_docs(Vec::new())
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

/// A file the user opened, dropped or got from a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub kind: DocKind,
    /// The file's name; empty for a text without one (a v1 share link).
    pub name: String,
    pub text: Rc<str>,
}

/// What the user (or the linter) can do in the Check view.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckAction {
    /// The user changed a doc's text in the editor (read and linted once typing pauses; the
    /// editor holds it meanwhile). `whole`: a paste or drop replaced all of it. Drops the
    /// running job.
    Edit { doc: DocId, whole: bool },
    /// Take this text for a doc and lint it.
    Load {
        doc: DocId,
        text: Rc<str>,
        source: Source,
    },
    /// Files opened together: each becomes a tab; configuration files replace the
    /// configuration tabs, definitions the definition tabs.
    Open(Vec<Opened>),
    /// Close a tab (the last one of its kind is emptied instead).
    Close(DocId),
    /// Empty every text: one empty configuration tab and one empty definition tab remain.
    Clear,
    /// The editor applied a fix (or undid one): take its text and lint it at once.
    Fixed {
        doc: DocId,
        text: Rc<str>,
        /// What the fix did; `None` after an undo.
        description: Option<String>,
    },
    /// Show a tab.
    Select(DocId),
    /// Show or hide one severity in the list and the editor.
    ToggleSeverity(Severity),
    /// Show an unsafe fix's diff before applying it (the finding's index).
    Preview(usize),
    /// Close the fix preview.
    ClosePreview,
    /// Apply every safe fix.
    FixAllSafe,
    /// Open the rule docs of a finding (its index), or close them.
    ShowDocs(Option<usize>),
    /// Show another panel beside the editor.
    Panel(Panel),
    /// The trace panel's inputs changed.
    Trace(TraceForm),
    /// Draw the map of this distribution.
    MapOf(String),
    /// The linter answered the job with this id.
    Answered(u64, Box<Answer>),
    /// The view scrolled to a doc's first problem (after a whole new text was linted).
    Revealed(DocId),
}

pub(crate) fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
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

impl CheckState {
    /// A state with these files (kept work, a share link); an empty configuration tab and an
    /// empty definition tab when there is none of a kind.
    pub fn with_docs(files: Vec<Opened>) -> Self {
        let mut state = Self {
            docs: Vec::new(),
            active: 0,
            shown: [true, true, true],
            rule_docs: None,
            preview: None,
            undo: None,
            checked: Checked::default(),
            stale: false,
            job: None,
            panel: Panel::default(),
            trace: TraceForm::default(),
            map_of: None,
            last_job: 0,
            last_doc: 0,
        };
        state.replace_docs(files);
        state.active = state.docs[0].id;
        if state.docs.iter().any(Doc::has_text) {
            state.start_job(false, true);
        }
        state
    }

    fn new_doc(&mut self, kind: DocKind, name: Option<&str>, text: Rc<str>) -> Doc {
        self.last_doc += 1;
        Doc::new(self.last_doc, kind, name.filter(|n| !n.is_empty()), text)
    }

    /// Replaces the tabs of each kind `files` hold (all of them when `files` is empty), keeping
    /// the order configurations, definitions, and one tab of each kind at least.
    fn replace_docs(&mut self, files: Vec<Opened>) {
        let kinds: Vec<DocKind> = files.iter().map(|f| f.kind).collect();
        let mut keep: Vec<Doc> = std::mem::take(&mut self.docs)
            .into_iter()
            .filter(|d| !files.is_empty() && !kinds.contains(&d.kind))
            .collect();
        for f in files {
            let doc = self.new_doc(f.kind, Some(&f.name), f.text);
            keep.push(doc);
        }
        for kind in [DocKind::Configuration, DocKind::ApiDefinition] {
            if !keep.iter().any(|d| d.kind == kind) {
                let doc = self.new_doc(kind, None, Rc::from(""));
                keep.push(doc);
            }
        }
        keep.sort_by_key(|d| d.kind == DocKind::ApiDefinition);
        unique_names(&mut keep);
        self.docs = keep;
    }

    /// The doc with id `id`.
    pub fn doc(&self, id: DocId) -> Option<&Doc> {
        self.docs.iter().find(|d| d.id == id)
    }

    fn doc_mut(&mut self, id: DocId) -> Option<&mut Doc> {
        self.docs.iter_mut().find(|d| d.id == id)
    }

    /// The doc shown.
    pub fn active_doc(&self) -> &Doc {
        self.doc(self.active).unwrap_or(&self.docs[0])
    }

    /// The configuration texts (non-empty ones), in order.
    pub fn configs(&self) -> impl Iterator<Item = &Doc> {
        self.docs
            .iter()
            .filter(|d| d.kind == DocKind::Configuration && d.has_text())
    }

    /// True when `severity` is shown.
    pub fn is_shown(&self, severity: Severity) -> bool {
        self.shown[severity_index(severity)]
    }

    /// How many problems have each severity: errors (a parse error counts), warnings, infos.
    pub fn counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for f in self.checked.findings().iter() {
            counts[severity_index(f.severity)] += 1;
        }
        if self.checked.parse_error().is_some() {
            counts[0] += 1;
        }
        counts
    }

    /// True when at least one finding has a safe fix.
    pub fn has_safe_fix(&self) -> bool {
        self.checked
            .findings()
            .iter()
            .any(|f| f.fix.as_ref().is_some_and(|fix| fix.safe))
    }

    /// What the linter is asked for `job`.
    pub fn request(&self, job: &Job) -> WorkRequest {
        WorkRequest {
            fix_all: job.fix_all,
            files: job
                .files
                .iter()
                .filter_map(|id| self.doc(*id))
                .map(|d| WorkFile {
                    name: d.name.clone(),
                    kind: d.kind,
                    text: d.text.clone(),
                })
                .collect(),
            trace: job.trace.clone(),
            map: job.map.clone(),
        }
    }

    /// The trace request of the shown panel.
    pub fn trace_input(&self) -> TraceInput {
        TraceInput {
            method: self.trace.method.clone(),
            url: self.trace.url.clone(),
            headers: self.trace.headers.clone(),
        }
    }

    /// Records a new job over the current texts; `texts`: a text changed (the findings are
    /// stale until the answer).
    fn start_job(&mut self, fix_all: bool, texts: bool) {
        self.last_job += 1;
        self.job = Some(Job {
            id: self.last_job,
            fix_all,
            files: self
                .docs
                .iter()
                .filter(|d| d.has_text())
                .map(|d| d.id)
                .collect(),
            trace: (self.panel == Panel::Trace).then(|| self.trace_input()),
            map: (self.panel == Panel::Map).then(|| MapInput {
                of: self.map_of.clone(),
            }),
        });
        self.stale |= texts;
    }

    /// True when the answer at hand lacks what the shown panel needs.
    fn panel_needs_work(&self) -> bool {
        let has_config = self.configs().next().is_some();
        match self.panel {
            Panel::Findings => false,
            Panel::Trace => has_config && self.checked.trace.is_none(),
            Panel::Map => has_config && self.checked.map.is_none(),
        }
    }

    /// The state after `action` (the reducer, without Yew). Returns `None` when nothing
    /// changed, so that the page does not render again (every keystroke after the first).
    pub fn apply(&self, action: CheckAction) -> Option<Self> {
        let mut next = self.clone();
        match action {
            CheckAction::Edit { doc, whole } => next.edited(doc, whole)?,
            CheckAction::Load { doc, text, source } => next.loaded(doc, text, source)?,
            CheckAction::Open(files) => next.opened(files)?,
            CheckAction::Close(id) => next.closed(id)?,
            CheckAction::Clear => next.cleared(),
            CheckAction::Fixed {
                doc,
                text,
                description,
            } => {
                next.doc_mut(doc)?.text = text;
                next.undo = description;
                next.preview = None;
                next.start_job(false, true);
            }
            CheckAction::Select(id) => {
                if next.active == id || next.doc(id).is_none() {
                    return None;
                }
                next.active = id;
            }
            CheckAction::ToggleSeverity(severity) => {
                next.shown[severity_index(severity)] ^= true;
            }
            CheckAction::Preview(finding) => {
                if next.stale || next.checked.findings().get(finding)?.fix.is_none() {
                    return None;
                }
                next.preview = Some(FixPreview { finding });
            }
            CheckAction::ClosePreview => next.preview = None,
            CheckAction::FixAllSafe => {
                if next.stale || !next.has_safe_fix() {
                    return None;
                }
                next.start_job(true, true);
            }
            CheckAction::ShowDocs(None) => next.rule_docs = None,
            CheckAction::ShowDocs(Some(finding)) => {
                let findings = next.checked.findings();
                let slug = &findings.get(finding)?.rule;
                // The docs this build has: a finding names its rule by slug.
                let rule = apifront_core::rules::by_slug(slug)?.slug;
                next.rule_docs = Some((finding, rule));
            }
            CheckAction::Panel(panel) => {
                if next.panel == panel {
                    return None;
                }
                next.panel = panel;
                if next.panel_needs_work() {
                    next.restart_for_view();
                }
            }
            CheckAction::Trace(form) => {
                if next.trace == form {
                    return None;
                }
                next.trace = form;
                if next.panel == Panel::Trace && next.configs().next().is_some() {
                    next.restart_for_view();
                }
            }
            CheckAction::MapOf(name) => {
                if next.map_of.as_ref() == Some(&name) {
                    return None;
                }
                next.map_of = Some(name);
                if next.panel == Panel::Map {
                    next.restart_for_view();
                }
            }
            CheckAction::Answered(id, answer) => next.answered(id, *answer)?,
            CheckAction::Revealed(id) => {
                let d = next.doc_mut(id)?;
                if !d.reveal {
                    return None;
                }
                d.reveal = false;
            }
        }
        Some(next)
    }

    /// A keystroke in `doc`; `whole` when the editor replaced its whole text. `None` when a check is already due and nothing else changes.
    fn edited(&mut self, doc: DocId, whole: bool) -> Option<()> {
        let reveal = self.doc(doc)?.reveal;
        if self.stale && self.job.is_none() && (reveal || !whole) {
            return None;
        }
        self.doc_mut(doc)?.reveal |= whole;
        self.stale = true;
        self.job = None;
        self.undo = None;
        Some(())
    }

    /// New text of `doc`, from its editor or from outside (a share link, a file, an example).
    fn loaded(&mut self, doc: DocId, text: Rc<str>, source: Source) -> Option<()> {
        let d = self.doc_mut(doc)?;
        d.text = text;
        if source == Source::Outside {
            d.revision += 1;
            d.fresh = true;
            d.reveal = true;
            self.undo = None;
        }
        self.start_job(false, true);
        Some(())
    }

    /// Files opened or dropped: they replace the documents of their kinds.
    fn opened(&mut self, files: Vec<Opened>) -> Option<()> {
        if files.is_empty() {
            return None;
        }
        let first = self.last_doc + 1;
        self.replace_docs(files);
        for d in self.docs.iter_mut().filter(|d| d.id >= first) {
            d.reveal = d.has_text();
        }
        self.active = first;
        self.undo = None;
        self.preview = None;
        self.rule_docs = None;
        self.start_job(false, true);
        Some(())
    }

    /// Closes document `id`; the last of its kind is emptied instead.
    fn closed(&mut self, id: DocId) -> Option<()> {
        let kind = self.doc(id)?.kind;
        if self.docs.iter().filter(|d| d.kind == kind).count() > 1 {
            let at = self.docs.iter().position(|d| d.id == id)?;
            self.docs.remove(at);
            if self.active == id {
                self.active = self.docs[at.min(self.docs.len() - 1)].id;
            }
        } else {
            let d = self.doc_mut(id)?;
            if !d.has_text() && &*d.name == kind.default_name() {
                return None;
            }
            d.text = Rc::from("");
            d.name = Rc::from(kind.default_name());
            d.revision += 1;
            d.fresh = true;
        }
        self.rule_docs = None;
        self.preview = None;
        self.start_job(false, true);
        Some(())
    }

    /// Empties the configuration and the API definition and forgets the rest.
    fn cleared(&mut self) {
        let mut kept = Vec::new();
        for kind in [DocKind::Configuration, DocKind::ApiDefinition] {
            if let Some(d) = self.docs.iter().find(|d| d.kind == kind) {
                let mut d = d.clone();
                // Emptied in its editor as an undoable step.
                d.text = Rc::from("");
                d.name = Rc::from(kind.default_name());
                d.revision += 1;
                d.fresh = true;
                d.reveal = false;
                kept.push(d);
            }
        }
        self.active = kept[0].id;
        self.docs = kept;
        self.undo = None;
        self.preview = None;
        self.rule_docs = None;
        self.trace = TraceForm::default();
        self.map_of = None;
        self.start_job(false, true);
    }

    /// Starts the check again for the shown panel, keeping whether the job at hand fixes all.
    fn restart_for_view(&mut self) {
        let fix_all = self.job.as_ref().is_some_and(|j| j.fix_all);
        self.start_job(fix_all, false);
    }

    /// Takes the answer to job `id`, if it is the latest job.
    fn answered(&mut self, id: u64, answer: Answer) -> Option<()> {
        let job = self.job.clone().filter(|j| j.id == id)?;
        self.job = None;
        if let Some(fixed) = answer.fixed {
            for (doc, text) in job.files.iter().zip(fixed) {
                if let Some(d) = self.doc_mut(*doc).filter(|d| *d.text != text) {
                    d.text = Rc::from(text);
                    d.revision += 1;
                    d.fresh = false;
                }
            }
            self.undo = Some("every safe fix".to_string());
        }
        self.checked = Checked {
            outcome: answer.outcome,
            files: job.files,
            suggested_url: answer.suggested_url.map(Rc::from),
            // What the panels were not asked for is dropped: it would be out of date.
            trace: answer.trace.map(Rc::new),
            map: answer.map.map(Rc::new),
            answers: self.checked.answers + 1,
        };
        self.stale = false;
        // Open docs stay open on a finding of the same rule, if one is left.
        let findings = self.checked.findings();
        self.rule_docs = self.rule_docs.and_then(|(at, rule)| {
            let same = |j: &usize| findings.get(*j).is_some_and(|f| f.rule == rule);
            Some(at)
                .filter(same)
                .or_else(|| (0..findings.len()).find(same))
                .map(|j| (j, rule))
        });
        Some(())
    }

    /// The status line of a doc: what the last lint found in it, in words.
    pub fn status(&self, doc: &Doc) -> String {
        if self.stale {
            return "Checking…".to_string();
        }
        let file = self.checked.file_of(doc.id);
        match &self.checked.outcome {
            Outcome::Failed(err) if file == Some(err.file) => {
                let e = &err.error;
                let hint = e
                    .hint
                    .as_deref()
                    .map(|h| format!(" ({h})"))
                    .unwrap_or_default();
                format!("Line {}, column {}: {}{hint}", e.line, e.column, e.message)
            }
            Outcome::Failed(err) if file.is_some() => {
                let other = self
                    .checked
                    .doc_of(err.file)
                    .and_then(|d| self.doc(d))
                    .map_or("another file", |d| &d.name);
                format!("Not checked: {other} does not parse.")
            }
            _ if doc.kind == DocKind::ApiDefinition => self.definition_status(doc, file),
            Outcome::Linted { format, .. } if file.is_some() => {
                let mut counts = [0; 3];
                let mut elsewhere = 0;
                for f in self.checked.findings().iter() {
                    if Some(f.file) == file {
                        counts[severity_index(f.severity)] += 1;
                    } else {
                        elsewhere += 1;
                    }
                }
                let [e, w, i] = counts;
                let mut status = match e + w + i {
                    0 => format!("{}: 0 problems", format.as_str()),
                    total => format!(
                        "{}: {} ({}, {}, {})",
                        format.as_str(),
                        plural(total, "problem"),
                        plural(e, "error"),
                        plural(w, "warning"),
                        plural(i, "info")
                    ),
                };
                if elsewhere > 0 {
                    status.push_str(&format!("; {elsewhere} in the other files"));
                }
                status
            }
            _ => "Paste a CloudFront configuration to check it.".to_string(),
        }
    }

    /// The status of an API definition tab.
    fn definition_status(&self, doc: &Doc, file: Option<usize>) -> String {
        if !doc.has_text() {
            return "Paste or open the API's definition (an OpenAPI or Swagger export, \
                    `aws apigateway get-resources` or `aws apigatewayv2 get-routes` JSON) to \
                    check the routes behind the configuration."
                .to_string();
        }
        if self.configs().next().is_none() {
            return "Paste the configuration too: the definition is checked with it.".to_string();
        }
        let note = self
            .checked
            .notes()
            .iter()
            .find(|n| n.definition.split(" + ").any(|d| d == &*doc.name))
            .map_or(String::new(), |n| n.message.clone());
        let here = self
            .checked
            .findings()
            .iter()
            .filter(|f| Some(f.file) == file)
            .count();
        let related = self
            .checked
            .findings()
            .iter()
            .filter(|f| Some(f.file) != file && f.related.iter().any(|(l, _)| Some(l.file) == file))
            .count();
        let mut parts = vec![format!("API definition: {}", plural(here, "problem"))];
        if related > 0 {
            parts.push(format!(
                "{} in the configuration point here",
                plural(related, "finding")
            ));
        }
        if !note.is_empty() {
            parts.push(note);
        }
        parts.join("; ")
    }
}

/// Makes tab names unique (two `main.tf` from two folders: `main.tf (2)`).
fn unique_names(docs: &mut [Doc]) {
    for i in 1..docs.len() {
        let taken = |name: &str, docs: &[Doc]| docs[..i].iter().any(|d| &*d.name == name);
        if taken(&docs[i].name, docs) {
            let base = docs[i].name.clone();
            let name = (2..)
                .map(|n| format!("{base} ({n})"))
                .find(|n| !taken(n, docs))
                .unwrap_or_default();
            docs[i].name = Rc::from(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::work::Outcome;

    const BROKEN: &str = include_str!("../../static/examples/broken-cli.json");
    const USERS: &str = include_str!("../../crates/core/tests/fixtures/trace/cli-users-api.json");
    const USERS_API: &str =
        include_str!("../../crates/core/tests/fixtures/trace/users-api.oas30.json");

    /// Runs the state's job as the linter would, and feeds the answer back.
    pub(crate) fn settled(s: CheckState) -> CheckState {
        match s.job.clone() {
            Some(job) => {
                let answer = Answer::to(&s.request(&job));
                s.apply(CheckAction::Answered(job.id, Box::new(answer)))
                    .expect("taken")
            }
            None => s,
        }
    }

    fn config(s: &CheckState) -> DocId {
        s.docs[0].id
    }

    fn load(s: &CheckState, text: &str) -> CheckState {
        s.apply(CheckAction::Load {
            doc: config(s),
            text: Rc::from(text),
            source: Source::Outside,
        })
        .expect("changes")
    }

    fn loaded(text: &str) -> CheckState {
        settled(load(&CheckState::default(), text))
    }

    fn opened(kind: DocKind, name: &str, text: &str) -> Opened {
        Opened {
            kind,
            name: name.into(),
            text: Rc::from(text),
        }
    }

    #[test]
    fn a_fresh_state_has_a_configuration_and_a_definition_tab() {
        let s = CheckState::default();
        let kinds: Vec<DocKind> = s.docs.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [DocKind::Configuration, DocKind::ApiDefinition]);
        assert_eq!(&*s.docs[1].name, "API definition");
        assert_eq!(s.active, s.docs[0].id);
        assert!(s.job.is_none(), "nothing to lint");
    }

    #[test]
    fn edit_marks_stale_and_lint_refreshes() {
        let s = CheckState::default();
        let id = config(&s);
        let s = s
            .apply(CheckAction::Edit {
                doc: id,
                whole: false,
            })
            .expect("changes");
        assert!(s.stale);
        // Further keystrokes change nothing: no render per keystroke.
        assert!(s
            .apply(CheckAction::Edit {
                doc: id,
                whole: false
            })
            .is_none());
        let s = load(&s, BROKEN);
        assert!(s.stale, "stale until the linter answers");
        let s = settled(s);
        assert!(!s.stale && s.job.is_none());
        assert!(s
            .checked
            .findings()
            .iter()
            .any(|f| f.rule == "apigw-host-header-forwarded"));
        assert!(s.status(&s.docs[0]).starts_with("cli-json: "));
    }

    #[test]
    fn an_overtaken_answer_is_dropped() {
        let s = load(&CheckState::default(), BROKEN);
        let first = s.job.clone().expect("job");
        let stale_answer = Answer::to(&s.request(&first));
        let s = load(&s, "{}");
        assert!(s
            .apply(CheckAction::Answered(first.id, Box::new(stale_answer)))
            .is_none());
        let s = settled(s);
        assert!(!s.stale);
        assert!(s.checked.findings().is_empty() || s.checked.parse_error().is_some());
    }

    #[test]
    fn typing_drops_the_running_job() {
        let s = load(&CheckState::default(), BROKEN);
        let job = s.job.clone().expect("job");
        let answer = Answer::to(&s.request(&job));
        let s = s
            .apply(CheckAction::Edit {
                doc: config(&s),
                whole: false,
            })
            .expect("changes");
        assert!(s.job.is_none());
        assert!(s
            .apply(CheckAction::Answered(job.id, Box::new(answer)))
            .is_none());
    }

    #[test]
    fn outside_texts_are_shown_and_revealed_editor_texts_are_not() {
        let s = load(&CheckState::default(), BROKEN);
        let id = config(&s);
        assert_eq!(s.docs[0].revision, 1);
        assert!(s.docs[0].reveal);
        let s = settled(s)
            .apply(CheckAction::Revealed(id))
            .expect("was to reveal");
        assert!(!s.docs[0].reveal);
        let s = s
            .apply(CheckAction::Load {
                doc: id,
                text: Rc::from("{}"),
                source: Source::Editor,
            })
            .expect("changes");
        assert_eq!(s.docs[0].revision, 1, "the editor already shows it");
        // A paste that replaced everything asks for the first problem to be shown.
        let s = settled(s)
            .apply(CheckAction::Edit {
                doc: id,
                whole: true,
            })
            .expect("changes");
        assert!(s.docs[0].reveal);
    }

    #[test]
    fn fix_all_safe_leaves_no_safe_fix_and_can_be_undone() {
        let s = loaded(BROKEN);
        assert!(s.has_safe_fix());
        let s = s.apply(CheckAction::FixAllSafe).expect("starts");
        assert!(s.stale && s.job.as_ref().is_some_and(|job| job.fix_all));
        let s = settled(s);
        assert_ne!(&*s.docs[0].text, BROKEN);
        assert_eq!(s.docs[0].revision, 2, "the editor shows the fixed text");
        assert!(!s.has_safe_fix());
        assert_eq!(s.undo.as_deref(), Some("every safe fix"));
    }

    #[test]
    fn a_fix_applied_by_the_editor_is_linted_and_offered_for_undo() {
        let s = loaded(BROKEN);
        let id = config(&s);
        let s = s
            .apply(CheckAction::Fixed {
                doc: id,
                text: Rc::from("{}"),
                description: Some("use AllViewerExceptHostHeader".into()),
            })
            .expect("changes");
        assert!(s.stale);
        assert_eq!(s.docs[0].revision, 1, "the editor already shows it");
        assert_eq!(s.undo.as_deref(), Some("use AllViewerExceptHostHeader"));
        let s = s
            .apply(CheckAction::Edit {
                doc: id,
                whole: false,
            })
            .expect("changes");
        assert!(s.undo.is_none(), "typing ends the undo offer");
    }

    #[test]
    fn stale_fixes_and_previews_are_ignored() {
        let s = loaded(BROKEN);
        let s = s
            .apply(CheckAction::Edit {
                doc: config(&s),
                whole: false,
            })
            .expect("changes");
        assert!(s.apply(CheckAction::FixAllSafe).is_none());
        assert!(s.apply(CheckAction::Preview(0)).is_none());
    }

    #[test]
    fn an_unsafe_fix_is_previewed_first() {
        let s = loaded(BROKEN);
        let index = s
            .checked
            .findings()
            .iter()
            .position(|f| f.fix.as_ref().is_some_and(|fix| !fix.safe))
            .expect("an unsafe fix in the example");
        let s = s.apply(CheckAction::Preview(index)).expect("previews");
        assert_eq!(s.preview, Some(FixPreview { finding: index }));
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
    fn a_parse_error_counts_as_an_error_in_its_own_tab() {
        let s = loaded("{ \"broken\": ");
        assert_eq!(s.counts(), [1, 0, 0]);
        assert!(s.status(&s.docs[0]).starts_with("Line 1, column"));
        // A definition that does not parse shows its error in its own tab; the configuration
        // says why it was not checked.
        let s = settled(
            loaded(USERS)
                .apply(CheckAction::Load {
                    doc: s.docs[1].id,
                    text: Rc::from("{ \"openapi\": "),
                    source: Source::Outside,
                })
                .expect("changes"),
        );
        let (doc, _) = s.checked.parse_error().expect("an error");
        assert_eq!(doc, s.docs[1].id);
        assert!(s.status(&s.docs[1]).starts_with("Line 1, column"));
        assert_eq!(
            s.status(&s.docs[0]),
            "Not checked: API definition does not parse."
        );
    }

    #[test]
    fn statuses_use_plurals() {
        assert_eq!(plural(1, "error"), "1 error");
        assert_eq!(plural(2, "error"), "2 errors");
        assert_eq!(plural(0, "warning"), "0 warnings");
        assert_eq!(plural(3, "info"), "3 info");
        let s = loaded(BROKEN);
        let status = s.status(&s.docs[0]);
        assert!(status.starts_with("cli-json: "), "{status}");
        assert!(!status.contains(" 1 errors") && !status.contains(" 1 problems"));
    }

    #[test]
    fn a_definition_is_linted_with_the_configuration() {
        let s = loaded(USERS);
        let api = s.docs[1].id;
        let s = settled(
            s.apply(CheckAction::Load {
                doc: api,
                text: Rc::from(USERS_API),
                source: Source::Outside,
            })
            .expect("changes"),
        );
        assert_eq!(&*s.checked.files, [s.docs[0].id, api]);
        assert_eq!(s.checked.file_of(api), Some(1));
        let status = s.status(&s.docs[1]);
        assert!(status.starts_with("API definition: "), "{status}");
        assert!(status.contains("users-api"), "the attach note: {status}");
    }

    #[test]
    fn opening_a_module_replaces_the_configuration_tabs_and_keeps_the_definition() {
        let s = loaded(USERS)
            .apply(CheckAction::Load {
                doc: CheckState::default().docs[1].id,
                text: Rc::from(USERS_API),
                source: Source::Outside,
            })
            .expect("changes");
        let s = settled(
            s.apply(CheckAction::Open(vec![
                opened(
                    DocKind::Configuration,
                    "variables.tf",
                    "variable \"x\" {}\n",
                ),
                opened(
                    DocKind::Configuration,
                    "cdn.tf",
                    include_str!("../../crates/core/tests/fixtures/terraform/rest_api_regional.tf"),
                ),
            ]))
            .expect("changes"),
        );
        let names: Vec<&str> = s.docs.iter().map(|d| &*d.name).collect();
        assert_eq!(names, ["variables.tf", "cdn.tf", "API definition"]);
        assert_eq!(s.active, s.docs[0].id, "the first opened file is shown");
        assert_eq!(&*s.docs[2].text, USERS_API);
        assert!(s.status(&s.docs[1]).starts_with("terraform: "));
        // Closing a module file leaves the others; closing the last one empties it.
        let s = s.apply(CheckAction::Close(s.docs[0].id)).expect("closes");
        assert_eq!(s.docs.len(), 2);
        assert_eq!(s.active, s.docs[0].id);
        let s = s.apply(CheckAction::Close(s.docs[0].id)).expect("empties");
        assert_eq!(&*s.docs[0].name, "Configuration");
        assert_eq!(&*s.docs[0].text, "");
    }

    #[test]
    fn names_stay_unique_and_clear_leaves_one_empty_tab_of_each_kind() {
        let s = CheckState::default()
            .apply(CheckAction::Open(vec![
                opened(DocKind::Configuration, "main.tf", "a = 1\n"),
                opened(DocKind::Configuration, "main.tf", "b = 2\n"),
                opened(DocKind::ApiDefinition, "api.json", "{}"),
                opened(DocKind::ApiDefinition, "stages.json", "{}"),
            ]))
            .expect("changes");
        let names: Vec<&str> = s.docs.iter().map(|d| &*d.name).collect();
        assert_eq!(names, ["main.tf", "main.tf (2)", "api.json", "stages.json"]);
        let s = s.apply(CheckAction::Clear).expect("clears");
        let left: Vec<(&str, &str)> = s.docs.iter().map(|d| (&*d.name, &*d.text)).collect();
        assert_eq!(left, [("Configuration", ""), ("API definition", "")]);
        assert!(
            s.docs.iter().all(|d| d.revision > 0),
            "emptied in the editors"
        );
    }

    #[test]
    fn panels_ask_for_their_work_without_making_the_findings_stale() {
        let s = loaded(BROKEN);
        let s = s.apply(CheckAction::Panel(Panel::Trace)).expect("shows");
        assert!(!s.stale, "the texts did not change");
        let job = s.job.clone().expect("a job for the trace");
        assert!(job.trace.is_some() && job.map.is_none());
        let s = settled(s);
        let traced = s.checked.trace.clone().expect("traced");
        let t = traced.as_ref().as_ref().expect("a trace");
        assert_eq!(t.request, "GET https://api.example.com/");
        assert_eq!(
            s.checked.suggested_url.as_deref(),
            Some("https://api.example.com/")
        );
        // New inputs trace again; the same inputs do nothing.
        let form = TraceForm {
            method: "POST".into(),
            ..s.trace.clone()
        };
        let s = s.apply(CheckAction::Trace(form.clone())).expect("changes");
        assert!(s
            .job
            .as_ref()
            .is_some_and(|j| j.trace.as_ref().is_some_and(|t| t.method == "POST")));
        assert!(s.apply(CheckAction::Trace(form)).is_none());
        let s = settled(s)
            .apply(CheckAction::Panel(Panel::Map))
            .expect("shows");
        assert!(s
            .job
            .as_ref()
            .is_some_and(|j| j.map == Some(MapInput::default())));
        let s = settled(s);
        let map = s.checked.map.clone().expect("drawn");
        assert!(map
            .as_ref()
            .as_ref()
            .expect("a map")
            .svg
            .starts_with("<svg"));
        // Back to the findings: nothing to do.
        let s = s.apply(CheckAction::Panel(Panel::Findings)).expect("shows");
        assert!(s.job.is_none());
        assert!(matches!(s.checked.outcome, Outcome::Linted { .. }));
    }
}
