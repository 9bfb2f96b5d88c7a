//! The tab lists of the Check view: a tab per text, and the side panels' tabs. Arrow keys,
//! Home and End move between the tabs of a list (the WAI-ARIA tabs pattern).

use super::state::{CheckAction, CheckState, DocId, DocKind, Panel};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A tab per text (API definitions marked), the active one selected.
pub(super) fn doc_tabs(state: &CheckState, dispatch: &Callback<CheckAction>) -> Vec<Html> {
    let ids: Vec<DocId> = state.docs.iter().map(|d| d.id).collect();
    state
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let selected = d.id == state.active;
            let id = d.id;
            let on_key = {
                let (dispatch, ids) = (dispatch.clone(), ids.clone());
                Callback::from(move |e: KeyboardEvent| {
                    if let Some(next) = arrow(&e, ids.len(), i) {
                        dispatch.emit(CheckAction::Select(ids[next]));
                        focus_later(format!("check-tab-{}", ids[next]));
                    }
                })
            };
            let badge = (d.kind == DocKind::ApiDefinition && &*d.name != DocKind::ApiDefinition.default_name())
                .then(|| html! { <span class="tab-kind">{ "API" }</span> });
            html! {
                <button type="button" role="tab" id={format!("check-tab-{id}")} aria-selected={selected.to_string()}
                    aria-controls="check-panel" tabindex={if selected { "0" } else { "-1" }}
                    class={classes!("doc-tab", selected.then_some("active"), (d.kind == DocKind::ApiDefinition).then_some("doc-tab-api"))}
                    onclick={dispatch.reform(move |_| CheckAction::Select(id))} onkeydown={on_key}>
                    { for badge }{ d.name.to_string() }
                </button>
            }
        })
        .collect()
}

/// The Findings (with their count), Trace and Map tabs, `shown` selected.
pub(super) fn panel_tabs(shown: Panel, dispatch: &Callback<CheckAction>, findings: usize) -> Html {
    html! {
        <>
            { panel_tab(shown, Panel::Findings, format!("Findings ({findings})"), dispatch) }
            { panel_tab(shown, Panel::Trace, "Trace".into(), dispatch) }
            { panel_tab(shown, Panel::Map, "Map".into(), dispatch) }
        </>
    }
}

/// The side panels in tab order, with their tabs' ids.
const PANELS: [(Panel, &str); 3] = [
    (Panel::Findings, "panel-tab-findings"),
    (Panel::Trace, "panel-tab-trace"),
    (Panel::Map, "panel-tab-map"),
];

/// The id of `panel`'s tab.
pub(super) fn panel_tab_id(panel: Panel) -> &'static str {
    PANELS
        .iter()
        .find(|(p, _)| *p == panel)
        .map_or("", |(_, id)| id)
}

/// The tab of `panel`, selected when it is the `shown` one.
fn panel_tab(shown: Panel, panel: Panel, label: String, dispatch: &Callback<CheckAction>) -> Html {
    let selected = shown == panel;
    let index = PANELS.iter().position(|(p, _)| *p == panel).unwrap_or(0);
    let on_key = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(next) = arrow(&e, PANELS.len(), index) {
                let (panel, id) = PANELS[next];
                focus_later(id.to_string());
                dispatch.emit(CheckAction::Panel(panel));
            }
        })
    };
    html! {
        <button type="button" role="tab" id={panel_tab_id(panel)} aria-selected={selected.to_string()} aria-controls="side-panel"
            tabindex={if selected { "0" } else { "-1" }} class={classes!("doc-tab", selected.then_some("active"))}
            onclick={dispatch.reform(move |_| CheckAction::Panel(panel))} onkeydown={on_key}>{ label }</button>
    }
}

/// Moves the focus to the tab after (or before) the focused one in a tab list, and returns its
/// index.
fn arrow(e: &KeyboardEvent, count: usize, at: usize) -> Option<usize> {
    let next = match e.key().as_str() {
        "ArrowRight" => (at + 1) % count,
        "ArrowLeft" => (at + count - 1) % count,
        "Home" => 0,
        "End" => count - 1,
        _ => return None,
    };
    e.prevent_default();
    Some(next)
}

/// Focuses the element with id `id` once the page shows it.
fn focus_later(id: String) {
    gloo::timers::callback::Timeout::new(0, move || {
        if let Some(el) = gloo::utils::document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    })
    .forget();
}
