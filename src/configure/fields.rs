//! Small form controls bound to one field of the form state, each with its label, an optional
//! "why" note and the validation messages of that field; and the labels of every field, so that
//! messages elsewhere name a field as the form shows it.

use super::choices::{from_value, value_of, Choice};
use apifront_core::state::{ApiKind, FieldError, FormState, Level};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The label of a field, as the form shows it (`api.api_id` → "API id"). List items
/// (`routing.api_paths[1]`) are named after their list; fields without a control get a
/// description.
pub fn field_label(form: &FormState, key: &str) -> String {
    let (base, item) = match key.split_once('[') {
        Some((base, rest)) => (
            base,
            rest.split(']').next().and_then(|i| i.parse::<usize>().ok()),
        ),
        None => (key, None),
    };
    let label = match base {
        "name" => "Name",
        "version" => "Saved form version",
        "api.kind" => "API type",
        "api.reference" => "How the API is referenced",
        "api.api_id" if form.api.kind == ApiKind::LambdaUrl => "Function URL id",
        "api.api_id" => "API id",
        "api.region" => "Region",
        "api.stage" => "Stage",
        "api.resource_name" => "Logical id / resource name",
        "api.function_name" => "Function name or ARN",
        "api.custom_domain" => "Custom domain name",
        "api.base_path" => "Base-path mapping",
        "api.streaming" => "The API streams its responses",
        "routing.mode" => "Routing",
        "routing.api_paths" => "API path patterns",
        "routing.strip_prefix" => "Strip the prefix with a CloudFront Function",
        "routing.bucket_name" => "Site bucket name",
        "routing.bucket_region" => "Site bucket region",
        "auth.mode" => "Authentication",
        "auth.authorizer" => "Authorizer",
        "caching.mode" => "Caching",
        "caching.paths" => "Cached path patterns",
        "caching.default_ttl" => "Default TTL (s)",
        "caching.max_ttl" => "Max TTL (s)",
        "caching.query_strings" => "Query strings in the cache key",
        "caching.headers" => "Cache key headers",
        "cors.mode" => "CORS",
        "cors.allow_origins" => "Allowed origins",
        "cors.allow_headers" => "Allowed headers",
        "cors.allow_methods" => "Allowed methods",
        "domain.aliases" => "Aliases",
        "domain.certificate_arn" => "ACM certificate ARN",
        "domain.hosted_zone_id" => "Route 53 hosted zone id",
        "domain.minimum_protocol_version" => "Minimum TLS version",
        "domain.http_version" => "HTTP versions",
        "domain.price_class" => "Price class",
        "domain.ipv6" => "IPv6",
        "protection.secret_header" => "Secret origin header",
        "protection.secret_header_name" => "Header name",
        "protection.secret_source" => "Value from",
        "protection.secret_name" => "Secret name or ARN",
        "protection.secret_json_key" => "Key in the secret",
        "protection.web_acl_arn" => "WAF web ACL ARN",
        "protection.logging_bucket" => "Access log bucket",
        "protection.client_certificate_arn" => "Origin mutual TLS: client certificate ARN",
        "timeouts.read" => "Origin read timeout (s)",
        "timeouts.keepalive" => "Origin keep-alive timeout (s)",
        "timeouts.response_completion" => "Response completion timeout (s)",
        "error_caching" => "Error caching",
        _ => "This setting",
    };
    match item {
        Some(i) => format!("{label} (item {})", i + 1),
        None => label.to_string(),
    }
}

/// A comma-separated list as entered in a text field.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The id of a field's control (`api.api_id` → `f-api-api-id`); list items share their list's.
pub fn control_id(key: &str) -> String {
    let base = key.split('[').next().unwrap_or(key);
    format!("f-{}", base.replace(['.', '_'], "-"))
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
    pub label: String,
    pub why: Option<&'a str>,
    pub placeholder: Option<&'a str>,
    pub errors: &'a [FieldError],
}

impl Ctl<'_> {
    fn wrap(&self, control: Html) -> Html {
        let why = self.why.map(|w| html! { <p class="why">{ w }</p> });
        html! {
            <div class="field">
                <label for={control_id(self.key)}>{ &self.label }</label>
                { control }
                { for why }
                { messages(self.errors, self.key) }
            </div>
        }
    }

    fn invalid(&self) -> Option<&'static str> {
        self.errors
            .iter()
            .any(|e| {
                (e.field == self.key || e.field.starts_with(&format!("{}[", self.key)))
                    && e.level == Level::Error
            })
            .then_some("true")
    }

    /// A text input.
    pub fn text(&self, value: &str, on_set: Callback<String>) -> Html {
        let oninput =
            on_set.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        self.wrap(html! {
            <input id={control_id(self.key)} type="text" value={value.to_string()} {oninput}
                placeholder={self.placeholder.map(str::to_string)}
                aria-invalid={self.invalid()} spellcheck="false" />
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
            <input id={control_id(self.key)} type="number" min="0" value={value.to_string()} {oninput}
                aria-invalid={self.invalid()} />
        })
    }

    /// A select over an enum's variants.
    pub fn choice<T: Choice>(&self, current: T, on_set: Callback<T>) -> Html {
        let onchange = Callback::from(move |e: Event| {
            if let Some(v) =
                from_value::<T>(&e.target_unchecked_into::<HtmlSelectElement>().value())
            {
                on_set.emit(v);
            }
        });
        self.wrap(html! {
            <select id={control_id(self.key)} {onchange} aria-invalid={self.invalid()}>
                { for T::ALL.iter().map(|v| html! {
                    <option value={value_of(*v)} selected={*v == current}>{ v.label() }</option>
                }) }
            </select>
        })
    }

    /// A select over string values (`(value, label)`).
    pub fn select(
        &self,
        current: &str,
        options: &[(&str, &str)],
        on_set: Callback<String>,
    ) -> Html {
        let onchange =
            on_set.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
        self.wrap(html! {
            <select id={control_id(self.key)} {onchange} aria-invalid={self.invalid()}>
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
                <label for={control_id(self.key)}>{ &self.label }</label>
                { for why }
                { messages(self.errors, self.key) }
            </div>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use apifront_core::state::validate;

    #[test]
    fn lists_split_on_commas() {
        assert_eq!(split_list(" /api/*, ,/v2/* "), vec!["/api/*", "/v2/*"]);
    }

    #[test]
    fn keys_become_labels_and_ids() {
        let form = FormState::default();
        assert_eq!(field_label(&form, "api.api_id"), "API id");
        assert_eq!(
            field_label(&form, "routing.api_paths[1]"),
            "API path patterns (item 2)"
        );
        assert_eq!(control_id("routing.api_paths[1]"), "f-routing-api-paths");
        let mut lambda = form.clone();
        lambda.api.kind = ApiKind::LambdaUrl;
        assert_eq!(field_label(&lambda, "api.api_id"), "Function URL id");
    }

    #[test]
    fn every_field_validation_names_has_a_label() {
        // A form with every section switched on and every value wrong.
        let mut form = FormState {
            name: "!".into(),
            ..FormState::default()
        };
        form.api.api_id = "X".into();
        form.api.region = "moon".into();
        form.api.stage = "a/b".into();
        form.routing.mode = apifront_core::state::RoutingMode::SiteWithApi;
        form.routing.api_paths = vec!["nope".into()];
        form.caching.mode = apifront_core::state::CacheMode::CacheGet;
        form.caching.default_ttl = 0;
        form.cors.mode = apifront_core::state::CorsMode::ByCloudFront;
        form.cors.allow_origins = vec!["x".into()];
        form.domain.aliases = vec!["-".into()];
        form.domain.hosted_zone_id = "x".into();
        for e in validate(&form) {
            assert_ne!(field_label(&form, &e.field), "This setting", "{}", e.field);
        }
    }
}
