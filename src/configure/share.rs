//! The share link: the form state in the URL fragment, secrets redacted unless asked for.

use apifront_core::share::{encode, link, ShareOptions};
use apifront_core::state::FormState;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The page's address without its fragment (works under any sub-path).
fn base_url() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// Properties of [`SharePanel`].
#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub form: FormState,
    /// Pasted configuration text to carry as well (the Check view's link).
    #[prop_or_default]
    pub text: Option<AttrValue>,
}

/// A copyable link that reopens the form (and the pasted text, if given) as it is.
#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let include_secrets = use_state(|| false);
    let options = ShareOptions {
        include_secrets: *include_secrets,
    };
    let (url, redacted) = match encode(&props.form, props.text.as_deref(), options) {
        Ok(encoded) => (link(&base_url(), &encoded.fragment), encoded.redacted),
        Err(err) => (String::new(), vec![err.message]),
    };
    let on_copy = {
        let url = url.clone();
        Callback::from(move |_| {
            let _ = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&url);
        })
    };
    let on_secrets = {
        let include_secrets = include_secrets.clone();
        Callback::from(move |e: Event| {
            include_secrets.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    html! {
        <section class="share" aria-labelledby="share-title">
            <h3 id="share-title">{ "Share" }</h3>
            <div class="share-row">
                <input type="text" readonly=true class="share-url" aria-label="Share link" value={url} />
                <button type="button" onclick={on_copy}>{ "Copy link" }</button>
            </div>
            <div class="field field-check">
                <input id={if props.text.is_some() { "share-secrets-text" } else { "share-secrets" }} type="checkbox" checked={*include_secrets} onchange={on_secrets} />
                <label for={if props.text.is_some() { "share-secrets-text" } else { "share-secrets" }}>{ "Include secret values" }</label>
            </div>
            if !redacted.is_empty() {
                <p class="notice" role="note">{ format!("Redacted from the link: {}", redacted.join(", ")) }</p>
            }
            <p class="why">{ "The state travels in the part after #, which browsers never send to a server." }</p>
        </section>
    }
}
