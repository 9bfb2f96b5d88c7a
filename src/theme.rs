//! Light/dark theme: follows the system unless the user picks one (kept in localStorage).

use yew::prelude::*;

const KEY: &str = "apifront-theme";

/// The user's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    /// The stored name (`system`, `light`, `dark`).
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses a stored name; anything else is `System`.
    pub fn parse(s: &str) -> Self {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// The next choice of the toggle: system → light → dark → system.
    pub fn next(self) -> Self {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }
}

fn stored() -> Theme {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .map_or(Theme::System, |v| Theme::parse(&v))
}

/// Sets `data-theme` on the root element (removed for `System`) and remembers the choice.
fn apply(theme: Theme) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            t => root.set_attribute("data-theme", t.as_str()),
        };
    }
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        let _ = storage.set_item(KEY, theme.as_str());
    }
}

/// The header button that cycles the theme.
#[function_component(ThemeToggle)]
pub fn theme_toggle() -> Html {
    let theme = use_state(stored);
    use_effect_with(*theme, |t| apply(*t));
    let onclick = {
        let theme = theme.clone();
        Callback::from(move |_| theme.set(theme.next()))
    };
    html! {
        <button type="button" class="theme-toggle" {onclick}
            aria-label={format!("Colour theme: {} (change)", theme.as_str())}>
            { format!("Theme: {}", theme.as_str()) }
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_through_all_three() {
        let mut t = Theme::System;
        for expected in [Theme::Light, Theme::Dark, Theme::System] {
            t = t.next();
            assert_eq!(t, expected);
            assert_eq!(Theme::parse(t.as_str()), t);
        }
    }
}
