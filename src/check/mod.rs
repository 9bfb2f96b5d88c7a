//! The Check view: paste a configuration, see findings inline and in a list, fix them.

mod editor;
mod examples;
mod findings;
pub mod state;

use crate::docs::RuleDocsPanel;
use editor::Editor;
use examples::ExamplesMenu;
use findings::FindingsList;
use gloo::timers::callback::Timeout;
use state::{CheckAction, CheckState, Outcome};
use yew::prelude::*;

/// How long typing must pause before the text is linted again.
const LINT_DELAY_MS: u32 = 120;

/// The Check view.
#[function_component(CheckView)]
pub fn check_view() -> Html {
    let state = use_reducer(CheckState::default);
    let editor_ref = use_node_ref();
    let pending = use_mut_ref(|| None::<Timeout>);

    let on_edit = {
        let state = state.clone();
        Callback::from(move |text: String| {
            state.dispatch(CheckAction::Edit(text));
            let state = state.clone();
            // Replacing the timeout cancels the previous one: lint once typing pauses.
            *pending.borrow_mut() = Some(Timeout::new(LINT_DELAY_MS, move || {
                state.dispatch(CheckAction::Lint)
            }));
        })
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: CheckAction| state.dispatch(action))
    };

    let status = match &state.outcome {
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
        <section class="check" aria-labelledby="check-title">
            <div class="toolbar">
                <h2 id="check-title">{ "Check a configuration" }</h2>
                <ExamplesMenu on_load={dispatch.reform(CheckAction::Load)} />
                <button type="button" disabled={!state.has_safe_fix() || state.stale}
                    onclick={dispatch.reform(|_| CheckAction::FixAllSafe)}>{ "Fix all safe" }</button>
            </div>
            <div class="check-body">
                <div class="check-editor">
                    <Editor text={state.text.clone()} findings={state.findings().to_vec()}
                        stale={state.stale} on_edit={on_edit} node_ref={editor_ref.clone()} />
                    <p class={status_class} role="status" aria-live="polite">{ status }</p>
                </div>
                <div class="check-side">
                    <FindingsList state={state.clone()} editor={editor_ref} dispatch={dispatch.clone()} />
                    if let Some(slug) = state.docs {
                        <RuleDocsPanel slug={slug} on_close={dispatch.reform(|_| CheckAction::ShowDocs(None))} />
                    }
                </div>
            </div>
        </section>
    }
}
