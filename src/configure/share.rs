//! The share link: the form state (and the Check text) in the URL fragment, secrets redacted
//! unless asked for.

use crate::clipboard;
use apifront_core::share::{encode, link, ShareOptions};
use apifront_core::state::FormState;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The page's address without its fragment (works under any sub-path).
fn base_url() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// A link that reopens `form` (and `text`): the URL and what was redacted from it.
pub fn share_link(
    form: &FormState,
    text: Option<&str>,
    include_secrets: bool,
) -> Result<(String, Vec<String>), String> {
    encode(form, text, ShareOptions { include_secrets })
        .map(|encoded| (link(&base_url(), &encoded.fragment), encoded.redacted))
        .map_err(|err| err.message)
}

/// Properties of [`SharePanel`].
#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub form: Rc<FormState>,
    /// Pasted configuration text to carry as well (the Check view's link).
    #[prop_or_default]
    pub text: Option<Rc<str>>,
    pub include_secrets: bool,
    pub on_secrets: Callback<bool>,
    pub announce: Callback<String>,
}

/// A copyable link that reopens the form (and the pasted text, if given) as it is.
///
/// The form alone is small and its link follows every change. A link with pasted text is made
/// on request: compressing and redacting a large paste on every edit would slow typing.
#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let requested = use_state(|| false);
    {
        // New text: the old link no longer matches it.
        let requested = requested.clone();
        use_effect_with(props.text.clone(), move |_| requested.set(false));
    }
    let on_demand = props.text.is_some();
    let made = (!on_demand || *requested)
        .then(|| share_link(&props.form, props.text.as_deref(), props.include_secrets));
    let on_make = {
        let requested = requested.clone();
        Callback::from(move |_| requested.set(true))
    };
    let on_secrets = props
        .on_secrets
        .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    let secrets_id = if on_demand {
        "share-secrets-text"
    } else {
        "share-secrets"
    };
    let body = match made {
        None => html! {
            <button type="button" class="make-link" onclick={on_make}>{ "Make a link with this text" }</button>
        },
        Some(Err(why)) => {
            html! { <p class="status status-error">{ format!("No link: {why}") }</p> }
        }
        Some(Ok((url, redacted))) => {
            let on_copy = {
                let (url, announce) = (url.clone(), props.announce.clone());
                Callback::from(move |_| {
                    clipboard::copy(url.clone(), "the share link", announce.clone())
                })
            };
            html! { <>
                <div class="share-row">
                    <input type="text" readonly=true class="share-url" aria-label="Share link" value={url} />
                    <button type="button" onclick={on_copy}>{ "Copy link" }</button>
                </div>
                if !redacted.is_empty() {
                    <p class="notice" role="note">{ format!("Redacted from the link: {}", redacted.join(", ")) }</p>
                }
            </> }
        }
    };
    html! {
        <section class="share" aria-labelledby="share-title">
            <h3 id="share-title">{ "Share" }</h3>
            { body }
            <div class="field field-check">
                <input id={secrets_id} type="checkbox" checked={props.include_secrets} onchange={on_secrets} />
                <label for={secrets_id}>{ "Include secret values" }</label>
            </div>
            <p class="why">{ "The state travels in the part after #, which browsers never send to a server." }</p>
        </section>
    }
}
