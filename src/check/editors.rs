//! The editors of the Check view's tabs, and the hooks that move them: going to a place in
//! any tab, and bringing a newly linted text's first problem into view.

use super::state::{CheckAction, CheckState, DocId};
use crate::editor::{EditorRef, Pos};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// The editor of each tab, by doc id (kept across renders).
#[derive(Clone)]
pub(super) struct Editors(Rc<RefCell<HashMap<DocId, EditorRef>>>);

impl Editors {
    /// The editor of `doc` (a detached one while it has none).
    pub fn of(&self, doc: DocId) -> EditorRef {
        self.0.borrow().get(&doc).cloned().unwrap_or_default()
    }
}

/// One editor per doc, and the docs whose editors are mounted: once a doc holds a text or was
/// shown, its editor stays mounted (with its undo history) until the doc is closed.
#[hook]
pub(super) fn use_editors(state: &CheckState) -> (Editors, Rc<RefCell<Vec<DocId>>>) {
    let editors = use_mut_ref(HashMap::<DocId, EditorRef>::new);
    let mounted = use_mut_ref(Vec::<DocId>::new);
    {
        let mut editors = editors.borrow_mut();
        editors.retain(|id, _| state.doc(*id).is_some());
        let mut mounted = mounted.borrow_mut();
        mounted.retain(|id| state.doc(*id).is_some());
        for d in &state.docs {
            editors.entry(d.id).or_default();
            if (d.id == state.active || d.has_text()) && !mounted.contains(&d.id) {
                mounted.push(d.id);
            }
        }
    }
    (Editors(editors), mounted)
}

/// Goes to a range of a doc: at once in the shown tab, else once its tab is shown.
#[hook]
pub(super) fn use_goto(
    active: DocId,
    dispatch: &Callback<CheckAction>,
    editors: &Editors,
) -> Callback<(DocId, Pos, Pos)> {
    // A place to reveal once its tab is shown.
    let pending = use_mut_ref(|| None::<(DocId, Pos, Pos)>);
    {
        let (pending, editors) = (pending.clone(), editors.clone());
        use_effect_with(active, move |active| {
            let ready = pending.borrow().filter(|(doc, _, _)| doc == active);
            if let Some((doc, from, to)) = ready {
                pending.borrow_mut().take();
                editors.of(doc).reveal(from, to);
            }
        });
    }
    let (dispatch, editors) = (dispatch.clone(), editors.clone());
    Callback::from(move |(doc, from, to): (DocId, Pos, Pos)| {
        if doc == active {
            editors.of(doc).reveal(from, to);
        } else {
            *pending.borrow_mut() = Some((doc, from, to));
            dispatch.emit(CheckAction::Select(doc));
        }
    })
}

/// Once a whole new text is linted, its first problem (of the severities shown) comes into
/// view.
#[hook]
pub(super) fn use_reveal_first_problem(
    state: &CheckState,
    dispatch: &Callback<CheckAction>,
    editors: &Editors,
) {
    let doc = state.active_doc();
    let file = state.checked.file_of(doc.id);
    let first = state
        .checked
        .parse_error()
        .filter(|(d, _)| *d == doc.id)
        .map(|(_, e)| [e.line, e.column])
        .or_else(|| {
            state
                .checked
                .findings()
                .iter()
                .filter(|f| Some(f.file) == file && state.is_shown(f.severity))
                .map(|f| [f.span.line, f.span.column])
                .min()
        });
    let (editor, dispatch, id) = (editors.of(doc.id), dispatch.clone(), doc.id);
    use_effect_with(
        (doc.reveal && !state.stale, first, id),
        move |(reveal, first, id)| {
            if *reveal {
                editor.scroll_to(first.unwrap_or([1, 1]));
                dispatch.emit(CheckAction::Revealed(*id));
            }
        },
    );
}
