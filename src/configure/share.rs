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

/// Encodes the link: `(url, what was redacted)`.
fn make_link(form: &FormState, text: Option<&str>, include_secrets: bool) -> (String, Vec<String>) {
    match encode(form, text, ShareOptions { include_secrets }) {
        Ok(encoded) => (link(&base_url(), &encoded.fragment), encoded.redacted),
        Err(err) => (String::new(), vec![err.message]),
    }
}

/// A copyable link that reopens the form (and the pasted text, if given) as it is.
///
/// The form alone is small and its link follows every change. A link with pasted text is made
/// on request: compressing and redacting a large paste on every edit would slow typing.
#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let include_secrets = use_state(|| false);
    let requested = use_state(|| false);
    {
        // New text: the old link no longer matches it.
        let requested = requested.clone();
        use_effect_with(props.text.clone(), move |_| requested.set(false));
    }
    let on_demand = props.text.is_some();
    let made = (!on_demand || *requested)
        .then(|| make_link(&props.form, props.text.as_deref(), *include_secrets));
    let on_make = {
        let requested = requested.clone();
        Callback::from(move |_| requested.set(true))
    };
    let on_secrets = {
        let include_secrets = include_secrets.clone();
        Callback::from(move |e: Event| {
            include_secrets.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let secrets_id = if on_demand {
        "share-secrets-text"
    } else {
        "share-secrets"
    };
    let body = match made {
        None => html! {
            <button type="button" class="make-link" onclick={on_make}>{ "Make a link with this text" }</button>
        },
        Some((url, redacted)) => {
            let on_copy = {
                let url = url.clone();
                Callback::from(move |_| {
                    let _ = gloo::utils::window()
                        .navigator()
                        .clipboard()
                        .write_text(&url);
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
                <input id={secrets_id} type="checkbox" checked={*include_secrets} onchange={on_secrets} />
                <label for={secrets_id}>{ "Include secret values" }</label>
            </div>
            <p class="why">{ "The state travels in the part after #, which browsers never send to a server." }</p>
        </section>
    }
}
