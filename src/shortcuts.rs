//! Keyboard shortcuts of the views, and the list the footer shows for each view (only the ones
//! that work there). They act on the app's state, never on text read back out of the page.

use crate::route::Route;

/// What a key press asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// Alt+Shift+C: copy the generated snippet (Configure).
    CopySnippet,
    /// Alt+Shift+L: copy the share link (Configure: the form; Check: the form and the text).
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

    /// True when the shortcut does something on `route`'s view.
    pub fn works_on(self, route: &Route) -> bool {
        match self {
            Shortcut::CopySnippet => route.view() == Route::Configure,
            Shortcut::CopyShareLink => matches!(route.view(), Route::Configure | Route::Check),
        }
    }
}

/// The shortcuts listed in the footer of a view: keys and what they do.
pub fn listed(route: &Route) -> &'static [(&'static str, &'static str)] {
    match route.view() {
        Route::Configure => &[
            ("Alt+Shift+C", "copy the snippet"),
            ("Alt+Shift+L", "copy the share link"),
        ],
        Route::Check => &[
            ("Ctrl+Enter", "check now"),
            ("F8 / Shift+F8", "next / previous finding"),
            ("Ctrl+F", "find and replace"),
            ("Ctrl+Z", "undo"),
            ("Esc, Tab", "leave the editor"),
            ("Alt+Shift+L", "copy a share link with the text"),
        ],
        _ => &[],
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

    #[test]
    fn the_footer_lists_only_what_works_on_the_view() {
        for route in [Route::Configure, Route::Check, Route::Rules] {
            for (keys, _) in listed(&route) {
                let shortcut = match *keys {
                    "Alt+Shift+C" => Some(Shortcut::CopySnippet),
                    "Alt+Shift+L" => Some(Shortcut::CopyShareLink),
                    _ => None,
                };
                if let Some(s) = shortcut {
                    assert!(s.works_on(&route), "{keys} on {route:?}");
                }
            }
        }
        assert!(!Shortcut::CopySnippet.works_on(&Route::Check));
        assert!(listed(&Route::Rules).is_empty());
    }
}
