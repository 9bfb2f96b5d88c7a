//! The app's state and its reducer (as yew's todomvc does): the view, the form, the Check view's
//! texts and findings, notices and announcements, and the work-keeping setting. Pure: the effects
//! (the address bar, storage, the linter, the clipboard) live in hooks and are fed back as
//! actions, so this is tested natively.

use crate::check::state::{CheckAction, CheckState, Source};
use crate::route::Route;
use apifront_core::render::OutputFormat;
use apifront_core::share;
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
    pub texts: Vec<String>,
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
            check: Rc::new(CheckState::with_texts(
                kept.texts.into_iter().map(Rc::from).collect(),
            )),
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
                self.route = match shared.text {
                    Some(text) => {
                        let load = CheckAction::Load {
                            doc: 0,
                            text: Rc::from(text),
                            source: Source::Outside,
                        };
                        if let Some(check) = self.check.apply(load) {
                            self.check = Rc::new(check);
                        }
                        Route::Check
                    }
                    None => Route::Configure,
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

    /// "Load into form" on the configuration text.
    fn import(mut self) -> Self {
        let text = self.check.config().text.clone();
        let (form, lost) = match apifront_core::parse::parse(&text) {
            Ok(doc) => state_from_model(&doc),
            Err(err) => {
                return self.announce(format!("The configuration does not parse: {err}"));
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
                check: Rc::new(clear_texts(&self.check)),
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

/// The Check state with every text emptied (shown in the editor as an undoable step).
fn clear_texts(check: &CheckState) -> CheckState {
    let mut next = check.clone();
    for doc in 0..check.docs.len() {
        let load = CheckAction::Load {
            doc,
            text: Rc::from(""),
            source: Source::Outside,
        };
        if let Some(cleared) = next.apply(load) {
            next = cleared;
        }
    }
    next
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
    use apifront_core::share::{encode, ShareOptions};
    use apifront_core::state::ApiKind;

    const BROKEN_CFN: &str = include_str!("../static/examples/broken-cfn.yaml");

    fn fresh(hash: &str) -> AppState {
        AppState::new(hash, Kept::default(), true)
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
            texts: vec![BROKEN_CFN.into()],
            output: Some(OutputFormat::Terraform),
        };
        let s = AppState::new("#/check", kept, true);
        assert_eq!(*s.form, form);
        assert_eq!(&*s.check.config().text, BROKEN_CFN);
        assert!(s.check.config().job.is_some(), "kept text is linted");
        assert_eq!(s.output, OutputFormat::Terraform);
    }

    #[test]
    fn views_keep_the_text() {
        let s = fresh("#/check");
        let s = s
            .apply(AppAction::Check(CheckAction::Load {
                doc: 0,
                text: Rc::from(BROKEN_CFN),
                source: Source::Outside,
            }))
            .expect("changes");
        let s = s.apply(AppAction::Navigate(Route::Rules)).expect("changes");
        let s = s.apply(AppAction::Navigate(Route::Check)).expect("changes");
        assert_eq!(&*s.check.config().text, BROKEN_CFN);
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
        assert_eq!(&*s.check.config().text, BROKEN_CFN);
        assert_eq!(s.notice.as_ref().expect("notice").route, Route::Check);
        let s = s
            .apply(AppAction::Check(CheckAction::Edit {
                doc: 0,
                whole: false,
            }))
            .expect("changes");
        assert_eq!(s.hash(), "#/check");
    }

    #[test]
    fn a_broken_share_link_says_why() {
        let s = fresh("#v1.zzzz");
        assert_eq!(s.route, Route::Configure);
        assert!(s.notice.expect("notice").text.contains("cannot be opened"));
    }

    #[test]
    fn import_goes_to_the_form_and_its_banner_stays_there() {
        let s = fresh("#/check")
            .apply(AppAction::Check(CheckAction::Load {
                doc: 0,
                text: Rc::from(BROKEN_CFN),
                source: Source::Outside,
            }))
            .expect("changes")
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
    fn clear_empties_texts_and_resets_the_form() {
        let mut form = FormState::default();
        form.api.stage = "v9".into();
        let s = fresh("#/check")
            .apply(AppAction::Form(Box::new(form)))
            .expect("changes")
            .apply(AppAction::Check(CheckAction::Load {
                doc: 0,
                text: Rc::from(BROKEN_CFN),
                source: Source::Outside,
            }))
            .expect("changes")
            .apply(AppAction::Clear)
            .expect("changes");
        assert_eq!(*s.form, FormState::default());
        assert_eq!(&*s.check.config().text, "");
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
