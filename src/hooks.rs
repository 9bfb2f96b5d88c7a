//! The app's effects as hooks (as yew's todomvc keeps `use_bool_toggle`): the address bar, the
//! linter, a debounce, and keeping the work in this browser. Each feeds what it learns back to the
//! reducer as actions.

use crate::check::linter::Linter;
use crate::check::state::CheckAction;
use crate::route::Route;
use crate::state::{AppAction, AppState};
use crate::storage;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Runs a closure once calls stop for a while: each call replaces the pending one.
#[derive(Clone)]
pub struct Debounced {
    delay_ms: u32,
    pending: Rc<RefCell<Option<Timeout>>>,
}

impl Debounced {
    /// Runs `f` after the delay, unless called again before.
    pub fn run(&self, f: impl FnOnce() + 'static) {
        *self.pending.borrow_mut() = Some(Timeout::new(self.delay_ms, f));
    }

    /// Drops the pending run.
    pub fn cancel(&self) {
        self.pending.borrow_mut().take();
    }
}

/// A debounce of `delay_ms` that lives as long as the component.
#[hook]
pub fn use_debounced(delay_ms: u32) -> Debounced {
    let pending = use_mut_ref(|| None::<Timeout>);
    Debounced { delay_ms, pending }
}

/// Keeps the address bar and the state in step: the address shows the state's view (or the
/// share link it was opened from), and a changed address (a link, back and forward) navigates.
#[hook]
pub fn use_address(state: &UseReducerHandle<AppState>) {
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                state.dispatch(AppAction::Navigate(Route::parse(&hash)));
            });
            move || drop(listener)
        });
    }
    use_effect_with(state.hash(), |hash| {
        let location = gloo::utils::window().location();
        if location.hash().unwrap_or_default() != *hash {
            let _ = location.replace(hash);
        }
    });
}

/// Hands every new lint job to the linter (a Web Worker started with the page) and feeds its
/// answers back.
#[hook]
pub fn use_linter(state: &UseReducerHandle<AppState>) {
    let linter = use_state(Linter::start);
    // The jobs already handed over (an effect may see a job again when another doc's changes).
    let submitted = use_mut_ref(Vec::<u64>::new);
    let jobs = state.check.jobs();
    let check = state.check.clone();
    let dispatch = state.dispatcher();
    use_effect_with(jobs, move |jobs| {
        let mut submitted = submitted.borrow_mut();
        submitted.retain(|id| jobs.iter().any(|j| j.id == *id));
        let new: Vec<_> = jobs.iter().filter(|j| !submitted.contains(&j.id)).collect();
        for job in new {
            submitted.push(job.id);
            let reply = {
                let dispatch = dispatch.clone();
                Callback::from(move |(id, answer)| {
                    dispatch.dispatch(AppAction::Check(CheckAction::Answered(id, answer)))
                })
            };
            linter.submit(*job, check.docs[job.doc].text.clone(), reply);
        }
    });
}

/// How long after a change the texts are written to storage (writing a large text costs
/// milliseconds; typing should not pay them per keystroke).
const SAVE_DELAY_MS: u32 = 400;

/// Keeps the form and the texts in this browser's storage while the user wants them kept.
#[hook]
pub fn use_keep_work(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    use_effect_with(state.keep, |keep| storage::set_keep(*keep));
    {
        let dispatch = dispatch.clone();
        use_effect_with(
            (state.form.clone(), state.output, state.keep),
            move |(form, output, keep)| {
                if *keep {
                    if let Err(why) = storage::save_form(form, *output) {
                        dispatch.dispatch(AppAction::Announce(format!("Not kept: {why}.")));
                    }
                }
            },
        );
    }
    let debounce = use_debounced(SAVE_DELAY_MS);
    let texts: Vec<Rc<str>> = state.check.docs.iter().map(|d| d.text.clone()).collect();
    use_effect_with((texts, state.keep), move |(texts, keep)| {
        if *keep {
            let texts = texts.clone();
            debounce.run(move || {
                for (i, text) in texts.iter().enumerate() {
                    if let Err(why) = storage::save_text(i, text) {
                        dispatch.dispatch(AppAction::Announce(format!("Not kept: {why}.")));
                    }
                }
            });
        } else {
            debounce.cancel();
        }
    });
}
