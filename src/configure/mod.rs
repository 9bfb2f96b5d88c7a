//! The Configure view: presets, the form, live generated snippets and share links.

mod fields;
mod form;
mod output;
mod share;

use apifront_core::state::{presets, validate, FormState};
use form::ConfigForm;
use output::OutputPanel;
pub use share::SharePanel;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`ConfigureView`].
#[derive(Properties, PartialEq)]
pub struct ConfigureViewProps {
    pub form: FormState,
    pub on_change: Callback<FormState>,
}

/// The Configure view.
#[function_component(ConfigureView)]
pub fn configure_view(props: &ConfigureViewProps) -> Html {
    let errors = validate(&props.form);
    let on_preset = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(p) = apifront_core::state::preset(&select.value()) {
                on_change.emit(p.state.clone());
            }
            select.set_value("");
        })
    };
    html! {
        <section class="configure" aria-labelledby="configure-title">
            <div class="toolbar">
                <h2 id="configure-title">{ "Configure a distribution" }</h2>
                <select class="presets" aria-label="Start from a preset" onchange={on_preset}>
                    <option value="" selected=true>{ "Start from a preset…" }</option>
                    { for presets().iter().map(|p| html! {
                        <option value={p.name} title={p.description}>{ p.title }</option>
                    }) }
                </select>
            </div>
            <div class="configure-body">
                <ConfigForm form={props.form.clone()} errors={errors} on_change={props.on_change.clone()} />
                <div class="configure-side">
                    <OutputPanel form={props.form.clone()} />
                    <SharePanel form={props.form.clone()} />
                </div>
            </div>
        </section>
    }
}
