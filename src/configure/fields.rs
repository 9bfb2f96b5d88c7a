//! Small form controls bound to one field of the form state, each with its label, an optional
//! "why" note and the validation messages of that field.

use apifront_core::state::{FieldError, Level};
use serde::de::DeserializeOwned;
use serde::Serialize;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The kebab-case name serde gives an enum variant (`rest-regional`).
pub fn variant_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The enum variant serde names `name`.
pub fn variant_of<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

/// A comma-separated list as entered in a text field.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn control_id(key: &str) -> String {
    format!("f-{}", key.replace(['.', '_'], "-"))
}

/// The messages of `key` (and of its list items, `key[0]`).
fn messages(errors: &[FieldError], key: &str) -> Html {
    errors
        .iter()
        .filter(|e| e.field == key || e.field.starts_with(&format!("{key}[")))
        .map(|e| {
            let class = match e.level {
                Level::Error => "field-msg field-error",
                Level::Warning => "field-msg field-warning",
            };
            html! { <p class={class} data-field={e.field.clone()}>{ &e.message }</p> }
        })
        .collect()
}

/// Common inputs of every control.
pub struct Ctl<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub why: Option<&'a str>,
    pub errors: &'a [FieldError],
}

impl Ctl<'_> {
    fn wrap(&self, control: Html) -> Html {
        let why = self.why.map(|w| html! { <p class="why">{ w }</p> });
        html! {
            <div class="field">
                <label for={control_id(self.key)}>{ self.label }</label>
                { control }
                { for why }
                { messages(self.errors, self.key) }
            </div>
        }
    }

    /// A text input.
    pub fn text(&self, value: &str, on_set: Callback<String>) -> Html {
        let oninput =
            on_set.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        let invalid = self
            .errors
            .iter()
            .any(|e| e.field == self.key && e.level == Level::Error);
        self.wrap(html! {
            <input id={control_id(self.key)} type="text" value={value.to_string()} {oninput}
                aria-invalid={invalid.then_some("true")} spellcheck="false" />
        })
    }

    /// A number input.
    pub fn number(&self, value: u32, on_set: Callback<u32>) -> Html {
        let oninput = Callback::from(move |e: InputEvent| {
            if let Ok(v) = e
                .target_unchecked_into::<HtmlInputElement>()
                .value()
                .trim()
                .parse()
            {
                on_set.emit(v);
            }
        });
        self.wrap(html! {
            <input id={control_id(self.key)} type="number" min="0" value={value.to_string()} {oninput} />
        })
    }

    /// A select over `(value, label)` options.
    pub fn select(
        &self,
        current: &str,
        options: &[(&str, &str)],
        on_set: Callback<String>,
    ) -> Html {
        let onchange =
            on_set.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
        self.wrap(html! {
            <select id={control_id(self.key)} {onchange}>
                { for options.iter().map(|(value, label)| html! {
                    <option value={value.to_string()} selected={*value == current}>{ label.to_string() }</option>
                }) }
            </select>
        })
    }

    /// A checkbox (label after the box).
    pub fn check(&self, checked: bool, on_set: Callback<bool>) -> Html {
        let onchange =
            on_set.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
        let why = self.why.map(|w| html! { <p class="why">{ w }</p> });
        html! {
            <div class="field field-check">
                <input id={control_id(self.key)} type="checkbox" {checked} {onchange} />
                <label for={control_id(self.key)}>{ self.label }</label>
                { for why }
                { messages(self.errors, self.key) }
            </div>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use apifront_core::state::ApiKind;

    #[test]
    fn enum_names_round_trip() {
        assert_eq!(variant_name(&ApiKind::HttpApi), "http-api");
        assert_eq!(variant_of::<ApiKind>("http-api"), Some(ApiKind::HttpApi));
        assert_eq!(variant_of::<ApiKind>("nope"), None);
    }

    #[test]
    fn lists_split_on_commas() {
        assert_eq!(split_list(" /api/*, ,/v2/* "), vec!["/api/*", "/v2/*"]);
    }
}
