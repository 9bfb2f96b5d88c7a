//! The root component.

use crate::check::CheckView;
use yew::prelude::*;

/// The whole page: header, the Check view, and a footer with the version.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <div class="app">
            <header class="app-header">
                <h1>{ "apifront" }</h1>
                <p class="tagline">{ "CloudFront in front of API Gateway, without the traps." }</p>
            </header>
            <main id="main">
                <CheckView />
            </main>
            <footer class="app-footer">
                <span class="version">{ format!("apifront {}", apifront_core::VERSION) }</span>
                <span>{ "Runs in your browser: nothing you paste is uploaded." }</span>
            </footer>
        </div>
    }
}
