//! The Check view's callbacks that do more than dispatch an action: applying and undoing
//! fixes in the editors, going to a finding or a map box, opening files and loading examples.

use super::diagnostics::{changes, fix_edits, fix_files};
use super::editors::Editors;
use super::files;
use super::findings::Target;
use super::map_panel::BoxPlace;
use super::state::{CheckAction, CheckState, Doc, DocId, DocKind, Opened, Source};
use crate::editor::Pos;
use apifront_core::source::Location;
use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Applies a fix (the finding's index; `true` once its diff was confirmed): a safe one at
/// once, an unsafe one after its diff was shown; either way as one step of the undo history of
/// each editor it changes, whose docs go to `fixed_docs`.
pub(super) fn apply_fix(
    state: &Rc<CheckState>,
    dispatch: &Callback<CheckAction>,
    editors: &Editors,
    fixed_docs: &Rc<RefCell<Vec<DocId>>>,
) -> Callback<(usize, bool)> {
    let (state, dispatch, editors, fixed_docs) = (
        state.clone(),
        dispatch.clone(),
        editors.clone(),
        fixed_docs.clone(),
    );
    Callback::from(move |(index, confirmed): (usize, bool)| {
        let findings = state.checked.findings();
        let Some(finding) = findings.get(index).filter(|_| !state.stale) else {
            return;
        };
        let Some(fix) = &finding.fix else { return };
        if !fix.safe && !confirmed {
            dispatch.emit(CheckAction::Preview(index));
            return;
        }
        let mut changed = Vec::new();
        for file in fix_files(finding) {
            let Some(doc) = state.checked.doc_of(file).and_then(|id| state.doc(id)) else {
                continue;
            };
            let editor = editors.of(doc.id);
            editor.apply(&changes(&doc.text, &fix_edits(finding, file)));
            if let Some(text) = editor.text() {
                changed.push(doc.id);
                dispatch.emit(CheckAction::Fixed {
                    doc: doc.id,
                    text: Rc::from(text),
                    description: Some(fix.description.clone()),
                });
            }
        }
        // The fix shows in the tab it changed.
        if let Some(doc) = changed.first().filter(|d| **d != state.active) {
            dispatch.emit(CheckAction::Select(*doc));
        }
        *fixed_docs.borrow_mut() = changed;
    })
}

/// Undoes the last fix in each editor it changed (every editor after "Fix all safe").
pub(super) fn undo(
    state: &Rc<CheckState>,
    dispatch: &Callback<CheckAction>,
    editors: &Editors,
    fixed_docs: &Rc<RefCell<Vec<DocId>>>,
) -> Callback<MouseEvent> {
    let (state, dispatch, editors, fixed_docs) = (
        state.clone(),
        dispatch.clone(),
        editors.clone(),
        fixed_docs.clone(),
    );
    Callback::from(move |_: MouseEvent| {
        let mut docs = fixed_docs.borrow().clone();
        if state.undo.as_deref() == Some("every safe fix") {
            docs = state.docs.iter().map(|d| d.id).collect();
        }
        for doc in docs {
            let editor = editors.of(doc);
            if editor.undo() {
                if let Some(text) = editor.text() {
                    dispatch.emit(CheckAction::Fixed {
                        doc,
                        text: Rc::from(text),
                        description: None,
                    });
                }
            }
        }
    })
}

/// Goes to a finding, one of its related places, or the parse error.
pub(super) fn goto_target(
    state: &Rc<CheckState>,
    goto: &Callback<(DocId, Pos, Pos)>,
    goto_location: &Callback<Location>,
) -> Callback<Target> {
    let (state, goto, goto_location) = (state.clone(), goto.clone(), goto_location.clone());
    Callback::from(move |target: Target| {
        let findings = state.checked.findings();
        match target {
            Target::Finding(i) => {
                if let Some(f) = findings.get(i) {
                    goto_location.emit(Location {
                        file: f.file,
                        span: f.span,
                    });
                }
            }
            Target::Related(i, j) => {
                if let Some((at, _)) = findings.get(i).and_then(|f| f.related.get(j)) {
                    goto_location.emit(*at);
                }
            }
            Target::ParseError => {
                if let Some((doc, err)) = state.checked.parse_error() {
                    goto.emit((doc, [err.line, err.column], [err.line, err.column]));
                }
            }
        }
    })
}

/// Goes to the text behind a box of the map.
pub(super) fn goto_box(
    state: &Rc<CheckState>,
    goto: &Callback<(DocId, Pos, Pos)>,
) -> Callback<BoxPlace> {
    let (state, goto) = (state.clone(), goto.clone());
    Callback::from(move |place: BoxPlace| {
        let doc = match &place.file {
            Some(name) => state.docs.iter().find(|d| *d.name == **name).map(|d| d.id),
            None => state.checked.doc_of(0),
        };
        if let Some(doc) = doc {
            goto.emit((doc, [place.line, place.column], [place.line, place.column]));
        }
    })
}

/// Opens files, from the picker or dropped on the editor, and says which were opened and which
/// were set aside; `readers` keeps the file readers alive until they are done.
pub(super) fn open_files(
    dispatch: &Callback<CheckAction>,
    announce: &Callback<String>,
    not_opened: &Callback<Vec<String>>,
    readers: &Rc<RefCell<Vec<FileReader>>>,
) -> Callback<Vec<web_sys::File>> {
    let (dispatch, announce, not_opened, readers) = (
        dispatch.clone(),
        announce.clone(),
        not_opened.clone(),
        readers.clone(),
    );
    Callback::from(move |list: Vec<web_sys::File>| {
        if list.is_empty() {
            return;
        }
        let (dispatch, announce, not_opened) =
            (dispatch.clone(), announce.clone(), not_opened.clone());
        let done = Callback::from(move |read: Result<Vec<Opened>, String>| match read {
            Ok(opened) => {
                // AWS CLI outputs apifront does not read are not opened: the banner says
                // what each is (beside a configuration it would be read as Terraform).
                let (opened, aside) = files::set_aside(opened);
                let names: Vec<String> = opened
                    .iter()
                    .map(|o| match o.kind {
                        DocKind::Configuration => o.name.clone(),
                        DocKind::ApiDefinition => format!("{} (API definition)", o.name),
                    })
                    .collect();
                let mut said = Vec::new();
                if !opened.is_empty() {
                    dispatch.emit(CheckAction::Open(opened));
                    said.push(format!("Opened {}.", names.join(", ")));
                }
                if !aside.is_empty() {
                    let names: Vec<&str> = aside.iter().map(|(n, _)| n.as_str()).collect();
                    said.push(format!(
                        "Not opened: {} (see the notice above).",
                        names.join(", ")
                    ));
                    not_opened.emit(aside.into_iter().map(|(_, m)| m).collect());
                }
                announce.emit(said.join(" "));
            }
            Err(why) => announce.emit(why),
        });
        files::read_all(list, readers.clone(), done);
    })
}

/// Loads an example (its label and text): into the one configuration tab, where Ctrl+Z brings
/// the text back, or into a new tab when there are several.
pub(super) fn load_example(
    state: &Rc<CheckState>,
    dispatch: &Callback<CheckAction>,
    announce: &Callback<String>,
) -> Callback<(&'static str, &'static str)> {
    let (dispatch, announce, state) = (dispatch.clone(), announce.clone(), state.clone());
    Callback::from(move |(label, text): (&'static str, &'static str)| {
        let configs: Vec<&Doc> = state
            .docs
            .iter()
            .filter(|d| d.kind == DocKind::Configuration)
            .collect();
        if let [only] = configs[..] {
            // Into the one configuration tab: Ctrl+Z there brings the text back.
            dispatch.emit(CheckAction::Load {
                doc: only.id,
                text: Rc::from(text),
                source: Source::Outside,
            });
            if state.active != only.id {
                dispatch.emit(CheckAction::Select(only.id));
            }
            announce.emit(format!(
                "Loaded the example {label}. Ctrl+Z brings your text back."
            ));
        } else {
            dispatch.emit(CheckAction::Open(vec![Opened {
                kind: DocKind::Configuration,
                name: String::new(),
                text: Rc::from(text),
            }]));
            announce.emit(format!("Loaded the example {label}."));
        }
    })
}
