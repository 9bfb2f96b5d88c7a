//! The app's state and its reducer (as yew's todomvc does): the view, the form, the Check view's
//! texts and findings, notices and announcements, and the work-keeping setting. Pure: the effects
//! (the address bar, storage, the linter, the clipboard) live in hooks and are fed back as
//! actions, so this is tested natively.

use crate::check::state::{CheckAction, CheckState, DocKind, Opened, Panel, TraceForm};
use crate::route::Route;
use apifront_core::render::OutputFormat;
use apifront_core::share;
use apifront_core::source::{Role, Sources};
use apifront_core::state::{state_from_model, FormState};
use std::rc::Rc;
use yew::Reducible;

/// A banner that belongs to one view (it does not follow the user elsewhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The view it is shown on.
    pub route: Route,
    pub text: String,
    /// Items listed under the text (what an import could not carry over).
    pub items: Vec<String>,
}

/// A message for the page's live region (screen readers read it; sighted users see it briefly).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Announcement {
    /// Increases with every message, so that the same text is announced again.
    pub seq: u64,
    pub text: String,
}

/// Work kept from an earlier visit (see [`crate::storage`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Kept {
    pub form: Option<FormState>,
    /// The tabs of Check with their texts.
    pub docs: Vec<Opened>,
    pub output: Option<OutputFormat>,
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The view shown (never [`Route::Shared`]: a share link opens the view it carries).
    pub route: Route,
    /// The share link fragment the address keeps showing until the user changes something, so
    /// that reloading it opens the same link.
    pub shared: Option<String>,
    pub form: Rc<FormState>,
    /// The output tab of the Configure view.
    pub output: OutputFormat,
    pub check: Rc<CheckState>,
    pub notice: Option<Notice>,
    pub announcement: Announcement,
    /// Keep the work (form and texts) in this browser's storage.
    pub keep: bool,
    /// Share links carry secret values.
    pub include_secrets: bool,
}

/// What the user (or an effect) can do.
#[derive(Debug, Clone, PartialEq)]
pub enum AppAction {
    /// The address changed (a link, the back button, a share link pasted into the address bar).
    Navigate(Route),
    /// The form changed.
    Form(Box<FormState>),
    /// Another output tab.
    Output(OutputFormat),
    /// Something happened in the Check view.
    Check(CheckAction),
    /// "Load into form": the checked configuration becomes the form.
    Import,
    /// Files opened on the Check view were not opened: what to tell about each (AWS CLI outputs
    /// apifront does not read).
    NotOpened(Vec<String>),
    /// Close the banner.
    Dismiss,
    /// Say something in the live region.
    Announce(String),
    /// Turn keeping work in this browser on or off.
    Keep(bool),
    /// Forget the work: empty texts, default form.
    Clear,
    /// Share links carry secret values, or not.
    IncludeSecrets(bool),
}

impl AppState {
    /// The state a page starts in: the address's view (or share link) over the kept work.
    pub fn new(hash: &str, kept: Kept, keep: bool) -> Self {
        let state = Self {
            route: Route::Configure,
            shared: None,
            form: Rc::new(kept.form.unwrap_or_default()),
            output: kept.output.unwrap_or(OutputFormat::ALL[0]),
            check: Rc::new(CheckState::with_docs(kept.docs)),
            notice: None,
            announcement: Announcement::default(),
            keep,
            include_secrets: false,
        };
        state.navigate(Route::parse(hash))
    }

    /// The address the page should show.
    pub fn hash(&self) -> String {
        match &self.shared {
            Some(fragment) => format!("#{fragment}"),
            None => self.route.hash(),
        }
    }

    fn announce(mut self, text: impl Into<String>) -> Self {
        self.announcement = Announcement {
            seq: self.announcement.seq + 1,
            text: text.into(),
        };
        self
    }

    /// The user changed something: the address no longer needs to show the share link.
    fn edited(mut self) -> Self {
        self.shared = None;
        self
    }

    fn navigate(mut self, route: Route) -> Self {
        let Route::Shared(fragment) = route else {
            if self
                .notice
                .as_ref()
                .is_some_and(|n| n.route.view() != route.view())
            {
                self.notice = None;
            }
            self.route = route;
            self.shared = None;
            return self;
        };
        match share::decode::<FormState>(&fragment) {
            Ok(shared) => {
                self.form = Rc::new(shared.state);
                self.route = if shared.files.is_empty() {
                    Route::Configure
                } else {
                    let opened = shared
                        .files
                        .into_iter()
                        .map(|f| Opened {
                            kind: match f.role {
                                Role::Config => DocKind::Configuration,
                                Role::ApiDefinition => DocKind::ApiDefinition,
                            },
                            name: f.name,
                            text: Rc::from(f.text),
                        })
                        .collect();
                    let mut check = (*self.check).clone();
                    for action in [CheckAction::Clear, CheckAction::Open(opened)] {
                        if let Some(next) = check.apply(action) {
                            check = next;
                        }
                    }
                    if let Some(trace) = shared.trace {
                        let form = TraceForm {
                            method: trace.method,
                            url: Some(trace.url),
                            headers: trace.headers.join("\n"),
                        };
                        for action in [CheckAction::Trace(form), CheckAction::Panel(Panel::Trace)] {
                            if let Some(next) = check.apply(action) {
                                check = next;
                            }
                        }
                    }
                    self.check = Rc::new(check);
                    Route::Check
                };
                self.shared = Some(fragment);
                self.notice = Some(Notice {
                    route: self.route.clone(),
                    text: "Opened from a share link.".into(),
                    items: Vec::new(),
                });
            }
            Err(err) => {
                self.route = Route::Configure;
                self.shared = None;
                self.notice = Some(Notice {
                    route: Route::Configure,
                    text: format!("This share link cannot be opened: {err}"),
                    items: Vec::new(),
                });
            }
        }
        self
    }

    /// "Load into form" on the configuration texts.
    fn import(mut self) -> Self {
        let sources =
            Sources::from_files(self.check.configs().map(|d| (d.name.to_string(), &*d.text)));
        let (form, lost) = match apifront_core::parse::parse_sources(&sources) {
            Ok(doc) => state_from_model(&doc),
            Err(err) => {
                return self.announce(format!(
                    "The configuration does not parse: {}: {}",
                    sources.name(err.file),
                    err.error
                ));
            }
        };
        self.form = Rc::new(form);
        self.route = Route::Configure;
        self.shared = None;
        let text = if lost.is_empty() {
            "Loaded into the form from the checked configuration; everything was carried over."
        } else {
            "Loaded into the form from the checked configuration. Not carried over:"
        };
        self.notice = Some(Notice {
            route: Route::Configure,
            text: text.into(),
            items: lost,
        });
        self.announce(text)
    }

    /// What the live region says after a Check action, if anything.
    fn check_announcement(
        before: &CheckState,
        after: &CheckState,
        action: &CheckAction,
    ) -> Option<String> {
        match action {
            CheckAction::Fixed {
                description: Some(description),
                ..
            } => Some(format!(
                "Fixed: {description}. Undo with Ctrl+Z or the Undo button."
            )),
            CheckAction::Fixed {
                description: None, ..
            } => Some("Undone.".into()),
            CheckAction::Answered(..)
                if after.undo.as_deref() == Some("every safe fix") && before.undo != after.undo =>
            {
                Some("Applied every safe fix. Undo with Ctrl+Z or the Undo button.".into())
            }
            _ => None,
        }
    }

    /// The state after `action` (the reducer, without Yew); `None` when nothing changed.
    pub fn apply(&self, action: AppAction) -> Option<Self> {
        let next = self.clone();
        Some(match action {
            AppAction::Navigate(route) => {
                if route == self.route && self.shared.is_none() {
                    return None;
                }
                if let Route::Shared(fragment) = &route {
                    if self.shared.as_deref() == Some(fragment.as_str()) {
                        return None;
                    }
                }
                next.navigate(route)
            }
            AppAction::Form(form) => {
                if *self.form == *form {
                    return None;
                }
                Self {
                    form: Rc::new(*form),
                    ..next
                }
                .edited()
            }
            AppAction::Output(output) => Self { output, ..next },
            AppAction::Check(action) => {
                let check = self.check.apply(action.clone())?;
                let said = Self::check_announcement(&self.check, &check, &action);
                let edited = !matches!(
                    action,
                    CheckAction::Answered(..)
                        | CheckAction::Revealed(_)
                        | CheckAction::ShowDocs(_)
                        | CheckAction::ToggleSeverity(_)
                        | CheckAction::Select(_)
                        | CheckAction::Panel(_)
                        | CheckAction::MapOf(_)
                        | CheckAction::Preview(_)
                        | CheckAction::ClosePreview
                );
                let mut next = Self {
                    check: Rc::new(check),
                    ..next
                };
                if edited {
                    next = next.edited();
                }
                match said {
                    Some(text) => next.announce(text),
                    None => next,
                }
            }
            AppAction::Import => next.import(),
            AppAction::NotOpened(items) => Self {
                notice: Some(Notice {
                    route: Route::Check,
                    text: if items.len() == 1 {
                        "This file was not opened:".into()
                    } else {
                        format!("{} files were not opened:", items.len())
                    },
                    items,
                }),
                ..next
            },
            AppAction::Dismiss => Self {
                notice: None,
                ..next
            },
            AppAction::Announce(text) => next.announce(text),
            AppAction::Keep(keep) => Self { keep, ..next }.announce(if keep {
                "Your work is kept in this browser."
            } else {
                "Your work is no longer kept in this browser; what was kept is deleted."
            }),
            AppAction::Clear => Self {
                form: Rc::new(FormState::default()),
                check: Rc::new(
                    self.check
                        .apply(CheckAction::Clear)
                        .unwrap_or_else(|| (*self.check).clone()),
                ),
                notice: None,
                ..next
            }
            .edited()
            .announce("Cleared: the texts are empty and the form is back to its defaults."),
            AppAction::IncludeSecrets(include_secrets) => Self {
                include_secrets,
                ..next
            },
        })
    }
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use apifront_core::share::{
        encode, encode_shared, ShareOptions, Shared, SharedFile, SharedTrace,
    };
    use apifront_core::state::ApiKind;

    const BROKEN_CFN: &str = include_str!("../static/examples/broken-cfn.yaml");
    const USERS: &str = include_str!("../crates/core/tests/fixtures/trace/cli-users-api.json");
    const USERS_API: &str =
        include_str!("../crates/core/tests/fixtures/trace/users-api.oas30.json");

    fn fresh(hash: &str) -> AppState {
        AppState::new(hash, Kept::default(), true)
    }

    fn load(s: &AppState, text: &str) -> AppState {
        s.apply(AppAction::Check(CheckAction::Load {
            doc: s.check.docs[0].id,
            text: Rc::from(text),
            source: crate::check::state::Source::Outside,
        }))
        .expect("changes")
    }

    #[test]
    fn the_address_picks_the_view() {
        assert_eq!(fresh("#/check").route, Route::Check);
        assert_eq!(fresh("").route, Route::Configure);
        assert_eq!(fresh("#/rules/x").hash(), "#/rules/x");
    }

    #[test]
    fn kept_work_comes_back() {
        let mut form = FormState::default();
        form.api.stage = "v7".into();
        let kept = Kept {
            form: Some(form.clone()),
            docs: vec![
                Opened {
                    kind: DocKind::Configuration,
                    name: String::new(),
                    text: Rc::from(USERS),
                },
                Opened {
                    kind: DocKind::ApiDefinition,
                    name: "users.json".into(),
                    text: Rc::from(USERS_API),
                },
            ],
            output: Some(OutputFormat::Terraform),
        };
        let s = AppState::new("#/check", kept, true);
        assert_eq!(*s.form, form);
        assert_eq!(&*s.check.docs[0].text, USERS);
        assert_eq!(&*s.check.docs[0].name, "Configuration");
        assert_eq!(&*s.check.docs[1].name, "users.json");
        assert_eq!(&*s.check.docs[1].text, USERS_API);
        assert!(s.check.job.is_some(), "kept texts are linted");
        assert_eq!(s.output, OutputFormat::Terraform);
    }

    #[test]
    fn views_keep_the_text() {
        let s = load(&fresh("#/check"), BROKEN_CFN);
        let s = s.apply(AppAction::Navigate(Route::Rules)).expect("changes");
        let s = s.apply(AppAction::Navigate(Route::Check)).expect("changes");
        assert_eq!(&*s.check.docs[0].text, BROKEN_CFN);
    }

    #[test]
    fn a_share_link_stays_in_the_address_until_an_edit() {
        let mut form = FormState::default();
        form.api.kind = ApiKind::HttpApi;
        form.api.stage = "$default".into();
        let encoded = encode(&form, Some(BROKEN_CFN), ShareOptions::default()).expect("encodes");
        let s = fresh(&format!("#{}", encoded.fragment));
        assert_eq!(s.route, Route::Check);
        assert_eq!(s.hash(), format!("#{}", encoded.fragment));
        assert_eq!(s.form.api.kind, ApiKind::HttpApi);
        assert_eq!(&*s.check.docs[0].text, BROKEN_CFN);
        assert_eq!(s.notice.as_ref().expect("notice").route, Route::Check);
        let s = s
            .apply(AppAction::Check(CheckAction::Edit {
                doc: s.check.docs[0].id,
                whole: false,
            }))
            .expect("changes");
        assert_eq!(s.hash(), "#/check");
    }

    #[test]
    fn a_share_link_opens_every_file_and_the_traced_request() {
        let shared = Shared {
            state: FormState::default(),
            files: vec![
                SharedFile {
                    name: "dist.json".into(),
                    role: Role::Config,
                    text: USERS.into(),
                },
                SharedFile {
                    name: "users.json".into(),
                    role: Role::ApiDefinition,
                    text: USERS_API.into(),
                },
            ],
            trace: Some(SharedTrace {
                method: "POST".into(),
                url: "https://d111111abcdef8.cloudfront.net/api/users".into(),
                headers: vec!["Content-Type: application/json".into(), "X-A: 1".into()],
            }),
        };
        let encoded = encode_shared(&shared, ShareOptions::default()).expect("encodes");
        // Kept work of another session is replaced by what the link carries.
        let kept = Kept {
            docs: vec![Opened {
                kind: DocKind::ApiDefinition,
                name: "old.json".into(),
                text: Rc::from("{}"),
            }],
            ..Kept::default()
        };
        let s = AppState::new(&format!("#{}", encoded.fragment), kept, true);
        assert_eq!(s.route, Route::Check);
        let names: Vec<&str> = s.check.docs.iter().map(|d| &*d.name).collect();
        assert_eq!(names, ["dist.json", "users.json"]);
        assert_eq!(s.check.panel, Panel::Trace);
        assert_eq!(s.check.trace.method, "POST");
        assert_eq!(
            s.check.trace.headers,
            "Content-Type: application/json\nX-A: 1"
        );
        let job = s.check.job.clone().expect("linted and traced");
        assert_eq!(
            job.trace.and_then(|t| t.url).as_deref(),
            Some(
                shared
                    .trace
                    .as_ref()
                    .map(|t| t.url.as_str())
                    .unwrap_or_default()
            )
        );
    }

    #[test]
    fn a_broken_share_link_says_why() {
        let s = fresh("#v1.zzzz");
        assert_eq!(s.route, Route::Configure);
        assert!(s.notice.expect("notice").text.contains("cannot be opened"));
    }

    #[test]
    fn import_goes_to_the_form_and_its_banner_stays_there() {
        let s = load(&fresh("#/check"), BROKEN_CFN)
            .apply(AppAction::Import)
            .expect("changes");
        assert_eq!(s.route, Route::Configure);
        let notice = s.notice.clone().expect("notice");
        assert_eq!(notice.route, Route::Configure);
        assert!(s.announcement.text.starts_with("Loaded into the form"));
        let s = s.apply(AppAction::Navigate(Route::Check)).expect("changes");
        assert!(s.notice.is_none(), "the banner does not follow into Check");
    }

    #[test]
    fn files_not_opened_are_listed_in_a_banner_on_check() {
        let s = fresh("#/check")
            .apply(AppAction::NotOpened(vec![
                "`policy.json` is the output of `aws lambda get-policy`".into(),
            ]))
            .expect("changes");
        let notice = s.notice.clone().expect("notice");
        assert_eq!(notice.route, Route::Check);
        assert_eq!(notice.text, "This file was not opened:");
        assert_eq!(notice.items.len(), 1);
        let two = s
            .apply(AppAction::NotOpened(vec!["a".into(), "b".into()]))
            .expect("changes");
        assert_eq!(two.notice.expect("notice").text, "2 files were not opened:");
        let s = s.apply(AppAction::Navigate(Route::Rules)).expect("changes");
        assert!(s.notice.is_none(), "the banner stays on Check");
    }

    #[test]
    fn clear_empties_texts_and_resets_the_form() {
        let mut form = FormState::default();
        form.api.stage = "v9".into();
        let s = fresh("#/check")
            .apply(AppAction::Form(Box::new(form)))
            .expect("changes");
        let s = load(&s, BROKEN_CFN)
            .apply(AppAction::Clear)
            .expect("changes");
        assert_eq!(*s.form, FormState::default());
        assert!(s.check.docs.iter().all(|d| d.text.is_empty()));
        assert!(s.announcement.text.starts_with("Cleared"));
    }

    #[test]
    fn announcements_repeat() {
        let s = fresh("")
            .apply(AppAction::Announce("Copied.".into()))
            .expect("changes");
        let t = s
            .apply(AppAction::Announce("Copied.".into()))
            .expect("changes");
        assert_eq!(t.announcement.text, "Copied.");
        assert_ne!(t.announcement.seq, s.announcement.seq);
    }
}
