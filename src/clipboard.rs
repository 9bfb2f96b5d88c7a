//! Copying to the clipboard, confirmed (or explained) in the page's live region.

use wasm_bindgen_futures::JsFuture;
use yew::Callback;

/// Copies `text`; `announce` then says "Copied {what}." or why it could not.
pub fn copy(text: String, what: &'static str, announce: Callback<String>) {
    let promise = gloo::utils::window()
        .navigator()
        .clipboard()
        .write_text(&text);
    yew::platform::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(_) => announce.emit(format!("Copied {what}.")),
            Err(err) => announce.emit(format!(
                "Could not copy {what}: the browser refused ({}). Select the text and press Ctrl+C.",
                err.as_string()
                    .or_else(|| js_sys::Reflect::get(&err, &"message".into())
                        .ok()
                        .and_then(|m| m.as_string()))
                    .unwrap_or_else(|| "no reason given".into())
            )),
        }
    });
}
