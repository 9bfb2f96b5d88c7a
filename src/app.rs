//! The root component.

use yew::prelude::*;

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <div class="app">
            <header class="app-header">
                <h1>{ "apifront" }</h1>
                <p class="tagline">{ "CloudFront in front of API Gateway, without the traps." }</p>
            </header>
            <main id="main"></main>
            <footer class="app-footer">
                <span>{ format!("apifront {}", apifront_core::VERSION) }</span>
                <span>{ "Runs in your browser: nothing you paste is uploaded." }</span>
            </footer>
        </div>
    }
}
