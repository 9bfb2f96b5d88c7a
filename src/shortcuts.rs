//! Keyboard shortcuts shared by the views: Alt+Shift+C copies the generated snippet,
//! Alt+Shift+L copies the share link.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};

/// What a key press asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    CopySnippet,
    CopyShareLink,
}

impl Shortcut {
    /// The shortcut of a key press (`code` is layout-independent), if any.
    pub fn of(alt: bool, shift: bool, code: &str) -> Option<Self> {
        match (alt && shift, code) {
            (true, "KeyC") => Some(Shortcut::CopySnippet),
            (true, "KeyL") => Some(Shortcut::CopyShareLink),
            _ => None,
        }
    }
}

/// Handles a key press on a view: copies what the shortcut names from the page.
pub fn handle(e: &KeyboardEvent) {
    let Some(shortcut) = Shortcut::of(e.alt_key(), e.shift_key(), &e.code()) else {
        return;
    };
    let document = gloo::utils::document();
    let text = match shortcut {
        Shortcut::CopySnippet => document
            .query_selector(".output-code")
            .ok()
            .flatten()
            .and_then(|el| el.text_content()),
        Shortcut::CopyShareLink => document
            .query_selector(".share-url")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
            .map(|input| input.value()),
    };
    if let Some(text) = text {
        e.prevent_default();
        let _ = gloo::utils::window()
            .navigator()
            .clipboard()
            .write_text(&text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_keys() {
        assert_eq!(
            Shortcut::of(true, true, "KeyC"),
            Some(Shortcut::CopySnippet)
        );
        assert_eq!(
            Shortcut::of(true, true, "KeyL"),
            Some(Shortcut::CopyShareLink)
        );
        assert_eq!(Shortcut::of(false, true, "KeyC"), None);
        assert_eq!(Shortcut::of(true, true, "KeyX"), None);
    }
}
