//! The Check view: paste or open configurations (one, or a Terraform module's files) and the
//! API definitions beside them, each in its tab; see findings in the editors and in a list, fix
//! them; trace a request through the configuration; see it as a map.

mod callbacks;
pub mod diagnostics;
mod editors;
mod examples;
mod files;
pub mod findings;
pub mod linter;
mod map_panel;
pub mod state;
mod tabs;
mod trace_panel;
pub mod work;

use crate::configure::{Carried, SharePanel, ShareText};
use crate::docs::rich;
use crate::editor::{CodeEditor, EditorRef, Language};
use crate::hooks::use_debounced;
use apifront_core::parse::{detect, ParseError};
use apifront_core::source::{LocatedFinding, LocatedFix, Location, Role, SourceError};
use apifront_core::state::FormState;
use diagnostics::{diff, fix_edits, fix_files, DiffLine};
use examples::ExamplesMenu;
use findings::FindingsList;
use map_panel::MapPanel;
use state::{CheckAction, CheckState, Doc, DocId, DocKind, Panel, Source, TraceForm};
use std::rc::Rc;
use trace_panel::TracePanel;
use wasm_bindgen::JsCast;
use work::Outcome;
use yew::prelude::*;

/// How long typing must pause before the texts are linted again.
const LINT_DELAY_MS: u32 = 120;

/// What the share link of the Check view carries: every text, and the traced request while the
/// trace panel is shown (or its request was changed); `None` when there is no text.
pub fn carried(state: &CheckState) -> Option<Carried> {
    let texts: Vec<ShareText> = state
        .docs
        .iter()
        .filter(|d| d.has_text())
        .map(|d| ShareText {
            name: d.name.clone(),
            role: match d.kind {
                DocKind::Configuration => Role::Config,
                DocKind::ApiDefinition => Role::ApiDefinition,
            },
            text: d.text.clone(),
        })
        .collect();
    if texts.is_empty() {
        return None;
    }
    let traced = state.panel == Panel::Trace || state.trace != TraceForm::default();
    let url = state
        .trace
        .url
        .clone()
        .or_else(|| state.checked.suggested_url.as_deref().map(str::to_string));
    let trace = traced
        .then_some(url)
        .flatten()
        .map(|url| apifront_core::share::SharedTrace {
            method: state.trace.method.clone(),
            url,
            headers: state
                .trace
                .headers
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
        });
    Some(Carried { texts, trace })
}

/// Properties of [`CheckView`].
#[derive(Properties, PartialEq)]
pub struct CheckViewProps {
    pub state: Rc<CheckState>,
    pub dispatch: Callback<CheckAction>,
    /// The form state, carried by this view's share link beside the pasted texts.
    pub form: Rc<FormState>,
    pub include_secrets: bool,
    pub on_secrets: Callback<bool>,
    /// "Load into form".
    pub on_import: Callback<()>,
    /// Says something in the page's live region.
    pub announce: Callback<String>,
    /// Files that were not opened, each with what to tell about it (shown in the banner).
    pub on_not_opened: Callback<Vec<String>>,
}

/// The syntax to colour a doc in: its linted format (configurations), else a guess from its text.
fn language_of(doc: &Doc, state: &CheckState) -> Language {
    let linted = match (&state.checked.outcome, doc.kind) {
        (Outcome::Linted { format, .. }, DocKind::Configuration) => Some(*format),
        _ => None,
    };
    Language::of_format(linted.unwrap_or_else(|| detect(&doc.text)))
}

/// The accessible name of a doc's editor.
fn editor_label(doc: &Doc) -> String {
    match doc.kind {
        DocKind::Configuration => format!(
            "{}: the configuration to check (AWS CLI JSON, CloudFormation JSON or YAML, or Terraform)",
            doc.name
        ),
        DocKind::ApiDefinition => format!(
            "{}: the API's definition (OpenAPI or Swagger export, aws apigateway or apigatewayv2 JSON)",
            doc.name
        ),
    }
}

/// The names of the input's files, in file order.
fn file_names(state: &CheckState) -> Rc<[Rc<str>]> {
    state
        .checked
        .files
        .iter()
        .map(|id| {
            state
                .doc(*id)
                .map_or_else(|| Rc::from(""), |d| d.name.clone())
        })
        .collect()
}

/// Properties of [`DocEditor`].
#[derive(Properties, PartialEq)]
struct DocEditorProps {
    editor: EditorRef,
    /// The id of the editable element (`paste` for the first tab).
    editor_id: AttrValue,
    doc: Doc,
    shown: bool,
    language: Language,
    /// The doc's file index in the last answer's input.
    file: Option<usize>,
    findings: Rc<[LocatedFinding]>,
    /// The doc's parse error.
    error: Option<ParseError>,
    /// Which answer the findings come from.
    answers: u64,
    severities: [bool; 3],
    names: Rc<[Rc<str>]>,
    on_change: Callback<(DocId, bool)>,
    on_fix: Callback<usize>,
    on_docs: Callback<usize>,
}

/// One tab's editor with its diagnostics (kept mounted while another tab is shown, so that its
/// undo history and scroll position stay).
#[function_component(DocEditor)]
fn doc_editor(props: &DocEditorProps) -> Html {
    let diagnostics = {
        let (findings, error, file, names) = (
            props.findings.clone(),
            props.error.clone(),
            props.file,
            props.names.clone(),
        );
        // Keyed on the answer, not the findings' contents: equal findings of a replaced text
        // must be shown again.
        use_memo(
            (props.answers, props.severities, props.file),
            move |(_, shown, _)| {
                let names: Vec<&str> = names.iter().map(|n| &**n).collect();
                Rc::<str>::from(diagnostics::to_json(
                    &findings,
                    file,
                    error.as_ref(),
                    *shown,
                    &names,
                ))
            },
        )
    };
    let id = props.doc.id;
    html! {
        <div class="editor-frame" hidden={!props.shown} data-doc={props.doc.name.to_string()}>
            <CodeEditor editor={props.editor.clone()} text={props.doc.text.clone()} revision={props.doc.revision}
                fresh={props.doc.fresh} language={Some(props.language)} diagnostics={Some((*diagnostics).clone())}
                id={props.editor_id.clone()} label={AttrValue::from(editor_label(&props.doc))}
                on_change={props.on_change.reform(move |whole| (id, whole))} on_fix={props.on_fix.clone()}
                on_docs={props.on_docs.clone()} />
        </div>
    }
}

/// The Check view.
#[function_component(CheckView)]
pub fn check_view(props: &CheckViewProps) -> Html {
    let state = &props.state;
    let active = state.active;
    let dispatch = props.dispatch.clone();
    let debounce = use_debounced(LINT_DELAY_MS);
    let (editors, mounted) = editors::use_editors(state);
    let editor_of = {
        let editors = editors.clone();
        move |id: DocId| editors.of(id)
    };
    let goto = editors::use_goto(active, &dispatch, &editors);
    let goto_location = {
        let (goto, checked) = (goto.clone(), state.checked.clone());
        Callback::from(move |at: Location| {
            if let Some(doc) = checked.doc_of(at.file) {
                goto.emit((
                    doc,
                    [at.span.line, at.span.column],
                    [at.span.end_line, at.span.end_column],
                ));
            }
        })
    };

    // Reads a doc's editor and lints the texts.
    let lint_now = {
        let (editor_of, dispatch, debounce) =
            (editor_of.clone(), dispatch.clone(), debounce.clone());
        Callback::from(move |doc: DocId| {
            debounce.cancel();
            if let Some(text) = editor_of(doc).text() {
                dispatch.emit(CheckAction::Load {
                    doc,
                    text: Rc::from(text),
                    source: Source::Editor,
                });
            }
        })
    };
    let on_change = {
        let (dispatch, lint_now) = (dispatch.clone(), lint_now.clone());
        Callback::from(move |(doc, whole): (DocId, bool)| {
            dispatch.emit(CheckAction::Edit { doc, whole });
            let lint_now = lint_now.clone();
            debounce.run(move || lint_now.emit(doc));
        })
    };
    // The docs the last fix changed (the page's Undo undoes it in each of them).
    let fixed_docs = use_mut_ref(Vec::<DocId>::new);
    // A fix (from the list or a hover card): safe ones apply at once, unsafe ones after their
    // diff was shown; either way as one step of the undo history of each editor it changes.
    let apply_fix = callbacks::apply_fix(state, &dispatch, &editors, &fixed_docs);
    let on_fix = apply_fix.reform(|index| (index, false));
    let on_undo = callbacks::undo(state, &dispatch, &editors, &fixed_docs);
    let on_goto = callbacks::goto_target(state, &goto, &goto_location);
    let on_box = callbacks::goto_box(state, &goto);
    editors::use_reveal_first_problem(state, &dispatch, &editors);

    // Open files, from the picker or dropped on the editor; the readers must outlive the call.
    let readers = use_mut_ref(Vec::new);
    let open_files =
        callbacks::open_files(&dispatch, &props.announce, &props.on_not_opened, &readers);
    let on_pick = {
        let open_files = open_files.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            open_files.emit(files::of_list(input.files()));
            input.set_value("");
        })
    };
    let on_drop = Callback::from(move |e: DragEvent| {
        let list = files::of_list(e.data_transfer().and_then(|d| d.files()));
        if !list.is_empty() {
            e.prevent_default();
            open_files.emit(list);
        }
    });
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    // Ctrl/Cmd+Enter lints at once.
    let on_key = {
        let lint_now = lint_now.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                lint_now.emit(active);
            }
        })
    };
    let on_example = callbacks::load_example(state, &dispatch, &props.announce);
    let names = file_names(state);
    let findings = state.checked.findings();
    let doc = state.active_doc();
    let linted = matches!(state.checked.outcome, Outcome::Linted { .. }) && !state.stale;
    let parse_error: Option<SourceError> = match &state.checked.outcome {
        Outcome::Failed(err) => Some(err.clone()),
        _ => None,
    };
    let status = state.status(doc);
    let status_class = classes!(
        "status",
        state
            .checked
            .parse_error()
            .filter(|(d, _)| *d == doc.id)
            .map(|_| "status-error"),
        state.stale.then_some("status-stale"),
    );
    let doc_tabs = tabs::doc_tabs(state, &dispatch);
    let closable = doc.has_text()
        || state.docs.iter().filter(|d| d.kind == doc.kind).count() > 1
        || *doc.name != *doc.kind.default_name();
    let editors_html = state.docs.iter().filter(|d| mounted.borrow().contains(&d.id)).map(|d| {
        let file = state.checked.file_of(d.id);
        let error = state
            .checked
            .parse_error()
            .filter(|(doc, _)| *doc == d.id)
            .map(|(_, e)| e.clone());
        html! {
            <DocEditor key={d.id} editor={editor_of(d.id)} doc={d.clone()}
                editor_id={if d.id == state.docs[0].id { AttrValue::from("paste") } else { AttrValue::from(format!("paste-{}", d.id)) }} shown={d.id == active}
                language={language_of(d, state)} file={file} findings={findings.clone()} error={error}
                answers={state.checked.answers} severities={state.shown} names={names.clone()}
                on_change={on_change.clone()} on_fix={on_fix.clone()}
                on_docs={dispatch.reform(|i| CheckAction::ShowDocs(Some(i)))} />
        }
    }).collect::<Vec<_>>();
    let counts = state.counts();
    let total = counts.iter().sum::<usize>();
    let panel_id = tabs::panel_tab_id(state.panel);
    let ready = state.configs().next().is_some();
    let side = match state.panel {
        Panel::Findings => html! {
            <FindingsList findings={findings.clone()} error={parse_error} names={names.clone()}
                shown={state.shown} stale={state.stale} label="Findings"
                on_toggle={dispatch.reform(CheckAction::ToggleSeverity)} on_goto={on_goto}
                on_fix={Some(on_fix)} open_docs={state.rule_docs.map(|(i, _)| i)}
                on_docs={dispatch.reform(CheckAction::ShowDocs)} />
        },
        Panel::Trace => html! {
            <TracePanel form={state.trace.clone()} suggested={state.checked.suggested_url.clone()}
                result={state.checked.trace.clone()} ready={ready} stale={state.stale} names={names.clone()}
                on_change={dispatch.reform(CheckAction::Trace)} on_goto={goto_location} />
        },
        Panel::Map => html! {
            <MapPanel result={state.checked.map.clone()} ready={ready} stale={state.stale}
                on_pick={dispatch.reform(CheckAction::MapOf)} on_goto={on_box} />
        },
    };
    let preview = fix_preview(state, &findings);
    html! {
        <section class="check" aria-labelledby="check-title" onkeydown={on_key} aria-busy={state.stale.to_string()}>
            <div class="toolbar">
                <h2 id="check-title">{ "Check a configuration" }</h2>
                <ExamplesMenu on_load={on_example} />
                <label class="button" for="open-file">{ "Open files…" }</label>
                <input id="open-file" class="visually-hidden" type="file" multiple=true
                    accept=".json,.yaml,.yml,.template,.tf,.tfvars,.txt" onchange={on_pick} />
                <button type="button" disabled={!state.has_safe_fix() || state.stale}
                    onclick={dispatch.reform(|_| CheckAction::FixAllSafe)}>{ "Fix all safe" }</button>
                <button type="button" disabled={!linted} onclick={props.on_import.reform(|_| ())}>{ "Load into form" }</button>
            </div>
            // The map needs the page's width: it goes under the editor, not beside it.
            <div class={classes!("check-body", (state.panel == Panel::Map).then_some("check-body-wide"))}>
                <div class="check-editor" ondrop={on_drop} ondragover={on_drag_over}>
                    <div class="doc-bar">
                        <div class="doc-tabs" role="tablist" aria-label="Texts">{ for doc_tabs }</div>
                        if closable {
                            <button type="button" class="close-tab" aria-label={format!("Close {}", doc.name)}
                                title={format!("Close {}", doc.name)}
                                onclick={dispatch.reform(move |_| CheckAction::Close(active))}>{ "×" }</button>
                        }
                    </div>
                    <div id="check-panel" role="tabpanel" aria-labelledby={format!("check-tab-{active}")} class="editor-stack">
                        { for editors_html }
                    </div>
                    <p class={status_class} role="status" aria-live="polite">{ rich(&status) }</p>
                    if let Some(what) = &state.undo {
                        <p class="undo-bar">
                            <span>{ format!("Fixed: {what}.") }</span>
                            <button type="button" onclick={on_undo}>{ "Undo" }</button>
                        </p>
                    }
                    <p class="drop-hint">{ "Paste, or drop files on the editor (a Terraform module's files together; an API definition goes to its own tab). Ctrl+Enter checks at once; F8 and Shift+F8 move between findings; Esc then Tab leaves the editor." }</p>
                </div>
                <div class="check-side">
                    <div class="doc-tabs panel-tabs" role="tablist" aria-label="Panels">
                        { tabs::panel_tabs(state.panel, &dispatch, total) }
                    </div>
                    <div id="side-panel" role="tabpanel" aria-labelledby={panel_id} class="side-panel">
                        { side }
                    </div>
                    if let Some(carried) = carried(state) {
                        <SharePanel form={props.form.clone()} carried={Some(carried)}
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

/// The fix shown for confirmation: its finding's index, its diff (by file when it changes
/// several) and the fix.
fn fix_preview(
    state: &CheckState,
    findings: &[LocatedFinding],
) -> Option<(usize, Vec<DiffLine>, LocatedFix)> {
    state.preview.and_then(|p| {
        let finding = findings.get(p.finding)?;
        let fix = finding.fix.clone()?;
        let files = fix_files(finding);
        let mut lines = Vec::new();
        for file in &files {
            let d = state.checked.doc_of(*file).and_then(|id| state.doc(id))?;
            if files.len() > 1 {
                lines.push(DiffLine::File(d.name.to_string()));
            }
            lines.extend(diff(&d.text, &fix_edits(finding, *file)));
        }
        Some((p.finding, lines, fix))
    })
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
        DiffLine::File(name) => html! { <span class="diff-file">{ format!("{name}:\n") }</span> },
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
