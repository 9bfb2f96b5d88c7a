//! The map panel: the checked distribution drawn by the core (aliases → behaviors in evaluation
//! order → origins → the API's stages and routes), problems marked red with their reason in
//! words. Every box with a source position is a button: a click, Enter or Space moves the
//! editor to its line, in its own tab. The drawing scrolls inside its own box.

use super::work::MapView;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where a box of the map is defined: its file's name (when the input has several files),
/// line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxPlace {
    pub file: Option<String>,
    pub line: u32,
    pub column: u32,
}

/// The place of the box an event happened in, if it has one.
fn place_of(target: Option<web_sys::EventTarget>) -> Option<BoxPlace> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    let node = element.closest("g.node[data-line]").ok()??;
    let number = |name: &str| node.get_attribute(name)?.parse::<u32>().ok();
    Some(BoxPlace {
        file: node.get_attribute("data-file"),
        line: number("data-line")?,
        column: number("data-column").unwrap_or(1),
    })
}

/// Properties of [`MapPanel`].
#[derive(Properties, PartialEq)]
pub struct MapPanelProps {
    /// The map, or why there is none; `None` while it is drawn.
    pub result: Option<Rc<Result<MapView, String>>>,
    /// A configuration is there to draw.
    pub ready: bool,
    /// The texts changed since the map was drawn.
    pub stale: bool,
    /// Draw another distribution.
    pub on_pick: Callback<String>,
    /// Move the editor to a box's place.
    pub on_goto: Callback<BoxPlace>,
}

/// The map panel.
#[function_component(MapPanel)]
pub fn map_panel(props: &MapPanelProps) -> Html {
    if !props.ready {
        return html! { <p class="hint">{ "Paste or open a configuration to see its map." }</p> };
    }
    let map = match props.result.as_deref() {
        None => return html! { <p class="hint" role="status">{ "Drawing…" }</p> },
        Some(Err(why)) => {
            return html! { <p class="status status-error" role="alert">{ format!("No map: {why}") }</p> }
        }
        Some(Ok(map)) => map,
    };
    let on_click = {
        let on_goto = props.on_goto.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(place) = place_of(e.target()) {
                on_goto.emit(place);
            }
        })
    };
    let on_key = {
        let on_goto = props.on_goto.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" && e.key() != " " {
                return;
            }
            if let Some(place) = place_of(e.target()) {
                e.prevent_default();
                on_goto.emit(place);
            }
        })
    };
    let picker = (map.distributions.len() > 1).then(|| {
        let on_pick = props.on_pick.reform(|e: Event| {
            e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value()
        });
        html! {
            <div class="field map-picker">
                <label for="map-of">{ "Distribution" }</label>
                <select id="map-of" onchange={on_pick}>
                    { for map.distributions.iter().map(|d| html! {
                        <option value={d.clone()} selected={*d == map.distribution}>{ d }</option>
                    }) }
                </select>
            </div>
        }
    });
    html! {
        <div class={classes!("map-panel", props.stale.then_some("findings-stale"))}>
            { for picker }
            <p class="hint">{ "Each box opens its line in the editor: click it, or Tab to it and press Enter." }</p>
            <div class="map-frame" onclick={on_click} onkeydown={on_key}>
                { Html::from_html_unchecked(AttrValue::from(map.svg.clone())) }
            </div>
        </div>
    }
}
