//! The Configure view: presets, the form, live generated snippets and share links.

mod choices;
mod defaults;
mod fields;
mod form;
pub mod output;
mod share;

use apifront_core::render::OutputFormat;
use apifront_core::state::{presets, validate, FormState};
use form::ConfigForm;
use output::OutputPanel;
pub use share::{share_link, SharePanel};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`ConfigureView`].
#[derive(Properties, PartialEq)]
pub struct ConfigureViewProps {
    pub form: Rc<FormState>,
    pub output: OutputFormat,
    pub include_secrets: bool,
    pub on_change: Callback<FormState>,
    pub on_output: Callback<OutputFormat>,
    pub on_secrets: Callback<bool>,
    /// Says something in the page's live region.
    pub announce: Callback<String>,
}

/// The Configure view.
#[function_component(ConfigureView)]
pub fn configure_view(props: &ConfigureViewProps) -> Html {
    let errors: Rc<[_]> = use_memo(props.form.clone(), |form| validate(form))
        .iter()
        .cloned()
        .collect();
    let current = presets().iter().find(|p| p.state == *props.form);
    let on_preset = {
        let (on_change, announce) = (props.on_change.clone(), props.announce.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(p) = apifront_core::state::preset(&select.value()) {
                on_change.emit(p.state.clone());
                announce.emit(format!("The form now holds the preset {}.", p.title));
            }
        })
    };
    html! {
        <section class="configure" aria-labelledby="configure-title">
            <div class="toolbar">
                <h2 id="configure-title">{ "Configure a distribution" }</h2>
                <div class="preset-picker">
                <label class="preset-label" for="preset">{ "Preset" }</label>
                <select id="preset" class="presets" onchange={on_preset}>
                    <option value="" disabled=true selected={current.is_none()}>{ "Custom settings" }</option>
                    { for presets().iter().map(|p| html! {
                        <option value={p.name} title={p.description}
                            selected={current.is_some_and(|c| c.name == p.name)}>{ p.title }</option>
                    }) }
                </select>
                </div>
            </div>
            if let Some(p) = current {
                <p class="preset-description">{ p.description }</p>
            }
            <div class="configure-body">
                <ConfigForm form={props.form.clone()} errors={errors} on_change={props.on_change.clone()} />
                <div class="configure-side">
                    <OutputPanel form={props.form.clone()} output={props.output}
                        on_output={props.on_output.clone()} announce={props.announce.clone()} />
                    <SharePanel form={props.form.clone()} include_secrets={props.include_secrets}
                        on_secrets={props.on_secrets.clone()} announce={props.announce.clone()} />
                </div>
            </div>
        </section>
    }
}
