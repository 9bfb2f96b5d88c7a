//! Keeping the work in this browser (`localStorage`, on this device only; nothing is sent
//! anywhere): the form, the Check texts and the output tab come back after a reload. The user can
//! turn it off (the kept work is then deleted) and clear it.

use crate::state::Kept;
use apifront_core::render::OutputFormat;
use apifront_core::state::FormState;
use web_sys::Storage;

/// "off" when the user turned keeping off; absent means on.
const KEEP_KEY: &str = "apifront-keep";
const FORM_KEY: &str = "apifront-form";
const OUTPUT_KEY: &str = "apifront-output";
/// Texts are kept one per key (`apifront-text-0`, …), as they are: no encoding to pay for.
const TEXT_KEY: &str = "apifront-text-";

fn storage() -> Option<Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// True unless the user turned keeping off.
pub fn keep_enabled() -> bool {
    storage()
        .and_then(|s| s.get_item(KEEP_KEY).ok().flatten())
        .is_none_or(|v| v != "off")
}

/// The kept work (empty when keeping is off or nothing was kept).
pub fn load() -> Kept {
    let Some(s) = storage().filter(|_| keep_enabled()) else {
        return Kept::default();
    };
    let get = |key: &str| s.get_item(key).ok().flatten();
    Kept {
        form: get(FORM_KEY).and_then(|json| read_form(&json)),
        texts: (0..)
            .map_while(|i| get(&format!("{TEXT_KEY}{i}")))
            .collect(),
        output: get(OUTPUT_KEY).and_then(|name| OutputFormat::parse(&name)),
    }
}

/// Keeps the form and the output tab (the default form is not kept: nothing to bring back).
pub fn save_form(form: &FormState, output: OutputFormat) -> Result<(), String> {
    let s = storage().ok_or("this browser has no storage for the page")?;
    if *form == FormState::default() {
        let _ = s.remove_item(FORM_KEY);
        return s
            .set_item(OUTPUT_KEY, output.as_str())
            .map_err(|_| "the browser refused to store the output tab".to_string());
    }
    let json = write_form(form).ok_or("the form cannot be written")?;
    s.set_item(FORM_KEY, &json)
        .and_then(|()| s.set_item(OUTPUT_KEY, output.as_str()))
        .map_err(|_| "the browser refused to store the form".to_string())
}

/// Keeps text `i` (an empty one is forgotten); a text the browser has no room for is dropped
/// from the kept work.
pub fn save_text(i: usize, text: &str) -> Result<(), String> {
    let s = storage().ok_or("this browser has no storage for the page")?;
    let key = format!("{TEXT_KEY}{i}");
    if text.is_empty() {
        let _ = s.remove_item(&key);
        return Ok(());
    }
    s.set_item(&key, text).map_err(|_| {
        let _ = s.remove_item(&key);
        format!(
            "the text ({} KB) is too large for this browser's storage: it will not come back after a reload",
            text.len() / 1024
        )
    })
}

/// The form as JSON. Through `serde_json::Value`, as share links and the lint worker go: the
/// bundle then holds no second (de)serializer of the form state.
fn write_form(form: &FormState) -> Option<String> {
    let bytes = serde_json::to_value(form)
        .and_then(|value| serde_json::to_vec(&value))
        .ok()?;
    String::from_utf8(bytes).ok()
}

/// Reads a form written by [`write_form`].
fn read_form(json: &str) -> Option<FormState> {
    let value: serde_json::Value = serde_json::from_slice(json.as_bytes()).ok()?;
    serde_json::from_value(value).ok()
}

/// Deletes the kept work (not the settings).
pub fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(FORM_KEY);
        let _ = s.remove_item(OUTPUT_KEY);
        for i in 0.. {
            let key = format!("{TEXT_KEY}{i}");
            if s.get_item(&key).ok().flatten().is_none() {
                break;
            }
            let _ = s.remove_item(&key);
        }
    }
}

/// Turns keeping on or off (off deletes what was kept).
pub fn set_keep(keep: bool) {
    if let Some(s) = storage() {
        if keep {
            let _ = s.remove_item(KEEP_KEY);
        } else {
            let _ = s.set_item(KEEP_KEY, "off");
            clear();
        }
    }
}
