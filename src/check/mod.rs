//! The Check view: paste a configuration, see findings inline and in a list, fix them.

mod editor;
mod examples;
mod findings;
pub mod linter;
pub mod state;

use crate::configure::SharePanel;
use crate::docs::RuleDocsPanel;
use apifront_core::state::{state_from_model, FormState};
use editor::Editor;
use examples::ExamplesMenu;
use findings::FindingsList;
use gloo::timers::callback::Timeout;
use linter::Linter;
use state::{CheckAction, CheckState, Outcome};
use yew::prelude::*;

/// How long typing must pause before the text is linted again.
const LINT_DELAY_MS: u32 = 120;

/// Properties of [`CheckView`].
#[derive(Properties, PartialEq)]
pub struct CheckViewProps {
    /// "Load into form": the form state closest to the checked configuration, and what could not
    /// be carried over.
    pub on_import: Callback<(FormState, Vec<String>)>,
    /// The form state, carried by this view's share link beside the pasted text.
    pub form: FormState,
    /// Text to load when the view opens (from a share link).
    #[prop_or_default]
    pub initial: Option<String>,
}

/// The Check view.
#[function_component(CheckView)]
pub fn check_view(props: &CheckViewProps) -> Html {
    let state = use_reducer(CheckState::default);
    let editor_ref = use_node_ref();
    let pending = use_mut_ref(|| None::<Timeout>);
    let linter = use_context::<Linter>().unwrap_or_default();
    {
        // Hand every new job to the linter; its answer comes back as an action.
        let (state, text) = (state.clone(), state.text.clone());
        use_effect_with(state.job, move |job| {
            if let Some(job) = *job {
                let reply = Callback::from(move |(id, answer)| {
                    state.dispatch(CheckAction::Answered(id, answer))
                });
                linter.submit(job, text, reply);
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(props.initial.clone(), move |initial| {
            if let Some(text) = initial {
                state.dispatch(CheckAction::Load(text.clone()));
            }
        });
    }

    // Reads the editor's text and lints it.
    let lint_now = {
        let (state, editor_ref) = (state.clone(), editor_ref.clone());
        Callback::from(move |_: ()| {
            if let Some(area) = editor_ref.cast::<web_sys::HtmlTextAreaElement>() {
                state.dispatch(CheckAction::Load(area.value()));
            }
        })
    };
    let on_edit = {
        let (state, lint_now) = (state.clone(), lint_now.clone());
        Callback::from(move |()| {
            state.dispatch(CheckAction::Edit);
            let lint_now = lint_now.clone();
            // Replacing the timeout cancels the previous one: lint once typing pauses.
            *pending.borrow_mut() = Some(Timeout::new(LINT_DELAY_MS, move || lint_now.emit(())));
        })
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: CheckAction| state.dispatch(action))
    };

    let on_import = {
        let (state, on_import) = (state.clone(), props.on_import.clone());
        Callback::from(move |_| {
            if let Ok(doc) = apifront_core::parse::parse(&state.text) {
                on_import.emit(state_from_model(&doc));
            }
        })
    };
    let linted = matches!(state.outcome, Outcome::Linted { .. }) && !state.stale;

    // Open a file, from the picker or dropped on the editor; the reader must outlive the call.
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let load_file = {
        let state = state.clone();
        Callback::from(move |file: web_sys::File| {
            let state = state.clone();
            let task = gloo::file::callbacks::read_as_text(&file.into(), move |result| {
                if let Ok(text) = result {
                    state.dispatch(CheckAction::Load(text));
                }
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
        })
    };
    let on_drop = {
        let load_file = load_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                load_file.emit(file);
            }
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    // Ctrl/Cmd+Enter lints at once.
    let on_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
            e.prevent_default();
            lint_now.emit(());
        }
    });

    let status = match &state.outcome {
        _ if state.stale => "Checking…".to_string(),
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
            let [e, w, i] = state.counts();
            let total = e + w + i;
            if total == 0 {
                format!("{}: 0 problems", format.as_str())
            } else {
                format!(
                    "{}: {total} problems ({e} errors, {w} warnings, {i} info)",
                    format.as_str()
                )
            }
        }
    };
    let status_class = classes!(
        "status",
        matches!(state.outcome, Outcome::Failed(_)).then_some("status-error"),
        state.stale.then_some("status-stale"),
    );

    html! {
        <section class="check" aria-labelledby="check-title" onkeydown={on_key}>
            <div class="toolbar">
                <h2 id="check-title">{ "Check a configuration" }</h2>
                <ExamplesMenu on_load={dispatch.reform(CheckAction::Load)} />
                <label class="button" for="open-file">{ "Open file…" }</label>
                <input id="open-file" class="visually-hidden" type="file"
                    accept=".json,.yaml,.yml,.template,.tf,.txt" onchange={on_pick} />
                <button type="button" disabled={!state.has_safe_fix() || state.stale}
                    onclick={dispatch.reform(|_| CheckAction::FixAllSafe)}>{ "Fix all safe" }</button>
                <button type="button" disabled={!linted} onclick={on_import}>{ "Load into form" }</button>
            </div>
            <div class="check-body">
                <div class="check-editor" ondrop={on_drop} ondragover={on_drag_over}>
                    <Editor text={state.text.clone()} findings={state.findings().to_vec()}
                        stale={state.stale} on_edit={on_edit} node_ref={editor_ref.clone()} />
                    <p class={status_class} role="status" aria-live="polite">{ status }</p>
                    <p class="drop-hint">{ "Drop a file on the editor to open it. Ctrl+Enter checks at once." }</p>
                </div>
                <div class="check-side">
                    <FindingsList state={state.clone()} editor={editor_ref} dispatch={dispatch.clone()} />
                    if !state.text.is_empty() {
                        <SharePanel form={props.form.clone()} text={state.text.clone()} />
                    }
                    if let Some(slug) = state.docs {
                        <RuleDocsPanel slug={slug} on_close={dispatch.reform(|_| CheckAction::ShowDocs(None))} />
                    }
                </div>
            </div>
        </section>
    }
}
