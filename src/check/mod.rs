//! The Check view: paste a configuration, see findings in the editor and in a list, fix them.

pub mod diagnostics;
mod examples;
pub mod findings;
pub mod linter;
pub mod state;

use crate::configure::SharePanel;
use crate::editor::{CodeEditor, EditorRef, Language};
use crate::hooks::use_debounced;
use apifront_core::parse::detect;
use apifront_core::state::FormState;
use diagnostics::{fix_changes, fix_diff, DiffLine};
use examples::ExamplesMenu;
use findings::{FindingsList, Target};
use state::{CheckAction, CheckState, Doc, Source};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long typing must pause before the text is linted again.
const LINT_DELAY_MS: u32 = 120;

/// Properties of [`CheckView`].
#[derive(Properties, PartialEq)]
pub struct CheckViewProps {
    pub state: Rc<CheckState>,
    pub dispatch: Callback<CheckAction>,
    /// The form state, carried by this view's share link beside the pasted text.
    pub form: Rc<FormState>,
    pub include_secrets: bool,
    pub on_secrets: Callback<bool>,
    /// "Load into form".
    pub on_import: Callback<()>,
    /// Says something in the page's live region.
    pub announce: Callback<String>,
}

/// The syntax to colour a doc in: its linted format, else a guess from its text.
fn language_of(doc: &Doc) -> Language {
    Language::of_format(doc.format().unwrap_or_else(|| detect(&doc.text)))
}

/// The Check view.
#[function_component(CheckView)]
pub fn check_view(props: &CheckViewProps) -> Html {
    let state = &props.state;
    let active = state.active;
    let doc = &state.docs[active];
    let editor = use_state(EditorRef::default);
    let editor = (*editor).clone();
    let debounce = use_debounced(LINT_DELAY_MS);
    let dispatch = props.dispatch.clone();

    // Reads the editor's text and lints it.
    let lint_now = {
        let (editor, dispatch, debounce) = (editor.clone(), dispatch.clone(), debounce.clone());
        Callback::from(move |_: ()| {
            debounce.cancel();
            if let Some(text) = editor.text() {
                dispatch.emit(CheckAction::Load {
                    doc: active,
                    text: Rc::from(text),
                    source: Source::Editor,
                });
            }
        })
    };
    let on_change = {
        let (dispatch, lint_now) = (dispatch.clone(), lint_now.clone());
        Callback::from(move |whole: bool| {
            dispatch.emit(CheckAction::Edit { doc: active, whole });
            let lint_now = lint_now.clone();
            debounce.run(move || lint_now.emit(()));
        })
    };
    // A fix (from the list or a hover card): safe ones apply at once, unsafe ones after their
    // diff was shown; either way as one step of the editor's undo history.
    let apply_fix = {
        let (state, editor, dispatch) = (state.clone(), editor.clone(), dispatch.clone());
        Callback::from(move |(index, confirmed): (usize, bool)| {
            let doc = &state.docs[active];
            let Some(finding) = doc.findings().get(index).filter(|_| !doc.stale) else {
                return;
            };
            let Some(fix) = &finding.fix else { return };
            if !fix.safe && !confirmed {
                dispatch.emit(CheckAction::Preview {
                    doc: active,
                    finding: index,
                });
                return;
            }
            editor.apply(&fix_changes(&doc.text, finding));
            if let Some(text) = editor.text() {
                dispatch.emit(CheckAction::Fixed {
                    doc: active,
                    text: Rc::from(text),
                    description: Some(fix.description.clone()),
                });
            }
        })
    };
    let on_fix = apply_fix.reform(|index| (index, false));
    let on_undo = {
        let (editor, dispatch) = (editor.clone(), dispatch.clone());
        Callback::from(move |_| {
            if editor.undo() {
                if let Some(text) = editor.text() {
                    dispatch.emit(CheckAction::Fixed {
                        doc: active,
                        text: Rc::from(text),
                        description: None,
                    });
                }
            }
        })
    };
    let on_goto = {
        let (state, editor) = (state.clone(), editor.clone());
        Callback::from(move |target: Target| {
            let doc = &state.docs[active];
            match target {
                Target::Finding(i) => {
                    if let Some(f) = doc.findings().get(i) {
                        editor.reveal(
                            [f.span.line, f.span.column],
                            [f.span.end_line, f.span.end_column],
                        );
                    }
                }
                Target::ParseError => {
                    if let Some(err) = doc.parse_error() {
                        editor.reveal([err.line, err.column], [err.line, err.column]);
                    }
                }
            }
        })
    };
    {
        // Once a whole new text is linted, its first problem comes into view.
        let (editor, dispatch) = (editor.clone(), dispatch.clone());
        let first = doc.parse_error().map(|e| [e.line, e.column]).or_else(|| {
            doc.findings()
                .iter()
                .filter(|f| state.is_shown(f.severity))
                .map(|f| [f.span.line, f.span.column])
                .min()
        });
        use_effect_with((doc.reveal && !doc.stale, first), move |(reveal, first)| {
            if *reveal {
                editor.scroll_to(first.unwrap_or([1, 1]));
                dispatch.emit(CheckAction::Revealed(active));
            }
        });
    }
    let diagnostics = {
        let (findings, error) = (doc.findings_rc(), doc.parse_error().cloned());
        // Keyed on the answer, not the findings' contents: equal findings of a replaced text
        // must be shown again.
        use_memo((active, doc.answers, state.shown), move |(_, _, shown)| {
            Rc::<str>::from(diagnostics::to_json(&findings, error.as_ref(), *shown))
        })
    };

    // Open a file, from the picker or dropped on the editor; the reader must outlive the call.
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let load_file = {
        let (dispatch, announce) = (dispatch.clone(), props.announce.clone());
        Callback::from(move |file: web_sys::File| {
            let (dispatch, announce) = (dispatch.clone(), announce.clone());
            let name = file.name();
            let task =
                gloo::file::callbacks::read_as_text(&file.into(), move |result| match result {
                    Ok(text) => {
                        dispatch.emit(CheckAction::Load {
                            doc: active,
                            text: Rc::from(text),
                            source: Source::Outside,
                        });
                        announce.emit(format!("Opened {name}."));
                    }
                    Err(err) => announce.emit(format!("Could not read {name}: {err}")),
                });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_pick = {
        let load_file = load_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                load_file.emit(file);
            }
            input.set_value("");
        })
    };
    let on_drop = Callback::from(move |e: DragEvent| {
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            e.prevent_default();
            load_file.emit(file);
        }
    });
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    // Ctrl/Cmd+Enter lints at once.
    let on_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
            e.prevent_default();
            lint_now.emit(());
        }
    });
    let on_example = {
        let (dispatch, announce) = (dispatch.clone(), props.announce.clone());
        Callback::from(move |(label, text): (&'static str, &'static str)| {
            dispatch.emit(CheckAction::Load {
                doc: active,
                text: Rc::from(text),
                source: Source::Outside,
            });
            announce.emit(format!(
                "Loaded the example {label}. Ctrl+Z brings your text back."
            ));
        })
    };

    let linted = doc.format().is_some() && doc.parse_error().is_none() && !doc.stale;
    let status_class = classes!(
        "status",
        doc.parse_error().is_some().then_some("status-error"),
        doc.stale.then_some("status-stale"),
    );
    let tabs = state.docs.iter().enumerate().map(|(i, d)| {
        let selected = i == active;
        html! {
            <button type="button" role="tab" id={format!("check-tab-{i}")} aria-selected={selected.to_string()}
                aria-controls="check-panel" class={classes!("doc-tab", selected.then_some("active"))}
                onclick={dispatch.reform(move |_| CheckAction::Select(i))}>{ d.kind.label() }</button>
        }
    });
    let preview = state.preview.as_ref().and_then(|p| {
        let d = state.docs.get(p.doc)?;
        let finding = d.findings().get(p.finding)?;
        Some((p.finding, fix_diff(&d.text, finding), finding.fix.clone()?))
    });
    html! {
        <section class="check" aria-labelledby="check-title" onkeydown={on_key} aria-busy={doc.stale.to_string()}>
            <div class="toolbar">
                <h2 id="check-title">{ "Check a configuration" }</h2>
                <ExamplesMenu on_load={on_example} />
                <label class="button" for="open-file">{ "Open file…" }</label>
                <input id="open-file" class="visually-hidden" type="file"
                    accept=".json,.yaml,.yml,.template,.tf,.txt" onchange={on_pick} />
                <button type="button" disabled={!doc.has_safe_fix() || doc.stale}
                    onclick={dispatch.reform(move |_| CheckAction::FixAllSafe(active))}>{ "Fix all safe" }</button>
                <button type="button" disabled={!linted} onclick={props.on_import.reform(|_| ())}>{ "Load into form" }</button>
            </div>
            <div class="check-body">
                <div class="check-editor" ondrop={on_drop} ondragover={on_drag_over}>
                    <div class="doc-tabs" role="tablist" aria-label="Texts">{ for tabs }</div>
                    <div id="check-panel" role="tabpanel" aria-labelledby={format!("check-tab-{active}")} class="editor-frame">
                        <CodeEditor editor={editor.clone()} text={doc.text.clone()} revision={doc.revision}
                            fresh={doc.fresh} language={Some(language_of(doc))} diagnostics={Some((*diagnostics).clone())}
                            id={AttrValue::from("paste")}
                            label="Configuration to check: AWS CLI JSON, CloudFormation (JSON or YAML) or Terraform"
                            on_change={on_change} on_fix={on_fix.clone()}
                            on_docs={dispatch.reform(|i| CheckAction::ShowDocs(Some(i)))} />
                    </div>
                    <p class={status_class} role="status" aria-live="polite">{ doc.status() }</p>
                    if let Some(what) = &state.undo {
                        <p class="undo-bar">
                            <span>{ format!("Fixed: {what}.") }</span>
                            <button type="button" onclick={on_undo}>{ "Undo" }</button>
                        </p>
                    }
                    <p class="drop-hint">{ "Paste, or drop a file on the editor. Ctrl+Enter checks at once; F8 and Shift+F8 move between findings; Esc then Tab leaves the editor." }</p>
                </div>
                <div class="check-side">
                    <FindingsList findings={doc.findings_rc()} error={doc.parse_error().cloned()}
                        shown={state.shown} stale={doc.stale} label="Findings"
                        on_toggle={dispatch.reform(CheckAction::ToggleSeverity)} on_goto={on_goto}
                        on_fix={Some(on_fix)} open_docs={state.rule_docs.map(|(i, _)| i)}
                        on_docs={dispatch.reform(CheckAction::ShowDocs)} />
                    if !doc.text.is_empty() {
                        <SharePanel form={props.form.clone()} text={Some(doc.text.clone())}
                            include_secrets={props.include_secrets} on_secrets={props.on_secrets.clone()}
                            announce={props.announce.clone()} />
                    }
                </div>
            </div>
            if let Some((index, lines, fix)) = preview {
                <FixPreviewDialog description={fix.description} lines={lines}
                    on_apply={apply_fix.reform(move |_| (index, true))}
                    on_cancel={dispatch.reform(|_| CheckAction::ClosePreview)} />
            }
        </section>
    }
}

/// Properties of [`FixPreviewDialog`].
#[derive(Properties, PartialEq)]
struct FixPreviewDialogProps {
    description: String,
    lines: Vec<DiffLine>,
    on_apply: Callback<()>,
    on_cancel: Callback<()>,
}

/// The diff of an unsafe fix, in a modal dialog, to apply or cancel.
#[function_component(FixPreviewDialog)]
fn fix_preview_dialog(props: &FixPreviewDialogProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(d) = dialog.cast::<web_sys::Element>() {
                if let Ok(d) = d.dyn_into::<web_sys::HtmlDialogElement>() {
                    let _ = d.show_modal();
                }
            }
        });
    }
    let lines = props.lines.iter().map(|line| match line {
        DiffLine::Removed(l) => html! { <span class="diff-removed">{ format!("- {l}\n") }</span> },
        DiffLine::Added(l) => html! { <span class="diff-added">{ format!("+ {l}\n") }</span> },
    });
    let on_cancel = props.on_cancel.clone();
    html! {
        <dialog class="fix-preview" ref={dialog} aria-labelledby="fix-preview-title"
            oncancel={Callback::from(move |e: Event| { e.prevent_default(); on_cancel.emit(()); })}>
            <h3 id="fix-preview-title">{ "Apply an unsafe fix?" }</h3>
            <p>{ format!("This fix will {}. It changes behaviour beyond the finding: read the change first.", props.description) }</p>
            <pre class="diff" aria-label="The change">{ for lines }</pre>
            <div class="dialog-actions">
                <button type="button" class="primary" onclick={props.on_apply.reform(|_| ())}>{ "Apply the fix" }</button>
                <button type="button" onclick={props.on_cancel.reform(|_| ())}>{ "Cancel" }</button>
            </div>
        </dialog>
    }
}
