//! The findings list: grouped by severity, filterable; a click moves the caret to the finding.

use super::editor::severity_class;
use super::state::{utf16_offset, CheckAction, CheckState};
use apifront_core::lint::{Finding, Severity};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Properties of [`FindingsList`].
#[derive(Properties, PartialEq)]
pub struct FindingsListProps {
    pub state: UseReducerHandle<CheckState>,
    /// The editor's textarea.
    pub editor: NodeRef,
    pub dispatch: Callback<CheckAction>,
}

/// Findings shown per severity before "Show more" (a list of 40 000 items takes the browser
/// seconds to lay out).
const PAGE: usize = 200;

const GROUPS: [(Severity, &str); 3] = [
    (Severity::Error, "Errors"),
    (Severity::Warning, "Warnings"),
    (Severity::Info, "Info"),
];

/// Selects the finding's text in the editor and scrolls it into the middle of the view.
fn reveal(editor: &NodeRef, text: &str, finding: &Finding) {
    let Some(area) = editor.cast::<HtmlTextAreaElement>() else {
        return;
    };
    let start = utf16_offset(text, finding.span.start);
    let end = utf16_offset(text, finding.span.end.min(finding.span.start + 200));
    let _ = area.focus();
    let _ = area.set_selection_range(start, end);
    let line_height = f64::from(area.scroll_height()) / (text.lines().count().max(1) as f64);
    let top =
        (f64::from(finding.span.line) - 1.0) * line_height - f64::from(area.client_height()) / 2.0;
    area.set_scroll_top(top.max(0.0) as i32);
}

/// The findings of the last lint, grouped by severity.
#[function_component(FindingsList)]
pub fn findings_list(props: &FindingsListProps) -> Html {
    let state = &props.state;
    let counts = state.counts();
    let limits = use_state(|| [PAGE; 3]);
    let filters = GROUPS.iter().enumerate().map(|(i, (severity, label))| {
        let severity = *severity;
        html! {
            <label class={classes!("filter", severity_class(severity))}>
                <input type="checkbox" checked={state.is_shown(severity)}
                    onchange={props.dispatch.reform(move |_| CheckAction::ToggleSeverity(severity))} />
                { format!("{label} ({})", counts[i]) }
            </label>
        }
    });
    let groups = GROUPS
        .iter()
        .enumerate()
        .filter(|(_, (s, _))| state.is_shown(*s))
        .map(|(group, (severity, label))| {
            let limit = limits[group];
            let items: Vec<Html> = state
                .findings()
                .iter()
                .enumerate()
                .filter(|(_, f)| f.severity == *severity)
                .take(limit)
                .map(|(index, f)| finding_item(props, index, f))
                .collect();
            if items.is_empty() {
                return Html::default();
            }
            let hidden = counts[group].saturating_sub(limit);
            let more = (hidden > 0).then(|| {
                let limits = limits.clone();
                let onclick = Callback::from(move |_| {
                    let mut next = *limits;
                    next[group] += PAGE;
                    limits.set(next);
                });
                html! {
                    <button type="button" class="show-more" {onclick}>
                        { format!("Show {} more of {hidden}", PAGE.min(hidden)) }
                    </button>
                }
            });
            html! {
                <section class="finding-group" aria-label={*label}>
                    <h3>{ *label }</h3>
                    <ul>{ for items }</ul>
                    { for more }
                </section>
            }
        });
    html! {
        <div class={classes!("findings", state.stale.then_some("findings-stale"))} aria-label="Findings">
            <div class="filters" role="group" aria-label="Show severities">{ for filters }</div>
            { for groups }
        </div>
    }
}

fn finding_item(props: &FindingsListProps, index: usize, f: &Finding) -> Html {
    let onclick = {
        let (editor, state, finding) = (props.editor.clone(), props.state.clone(), f.clone());
        Callback::from(move |_| reveal(&editor, &state.text, &finding))
    };
    let rule = f.rule.clone();
    // The docs panel shows the rules this build has; a finding names its rule by slug.
    let docs = apifront_core::rules::by_slug(&f.rule).map(|r| r.slug);
    let fix = f.fix.as_ref().map(|fix| {
        let label = if fix.safe { "Fix" } else { "Fix (unsafe)" };
        html! {
            <button type="button" class="fix" title={fix.description.clone()} disabled={props.state.stale}
                onclick={props.dispatch.reform(move |_| CheckAction::ApplyFix(index))}>{ label }</button>
        }
    });
    html! {
        <li class={classes!("finding", severity_class(f.severity))} data-rule={rule.clone()}>
            <button type="button" class="finding-goto" {onclick}>
                <span class="loc">{ format!("{}:{}", f.span.line, f.span.column) }</span>
                <span class="message">{ &f.message }</span>
            </button>
            <div class="finding-actions">
                <button type="button" class="rule-link"
                    onclick={props.dispatch.reform(move |_| CheckAction::ShowDocs(docs))}>{ rule }</button>
                { for fix }
            </div>
        </li>
    }
}
