//! The root component: navigation between the views, hash routing, header and footer.

use crate::check::CheckView;
use crate::route::Route;
use crate::rules_view::RulesView;
use gloo::events::EventListener;
use yew::prelude::*;

fn current_route() -> Route {
    Route::parse(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let route = use_state(current_route);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                route.set(current_route())
            });
            move || drop(listener)
        });
    }
    let tab = |target: Route, label: &'static str| {
        let current = match &*route {
            Route::Rule(_) => Route::Rules,
            r => r.clone(),
        };
        let aria_current = (current == target).then_some("page");
        html! { <a class="tab" href={target.hash()} aria-current={aria_current}>{ label }</a> }
    };
    let view = match &*route {
        Route::Check => html! { <CheckView /> },
        Route::Rules => html! { <RulesView /> },
        Route::Rule(slug) => html! { <RulesView slug={AttrValue::from(slug.clone())} /> },
    };
    html! {
        <div class="app">
            <header class="app-header">
                <h1>{ "apifront" }</h1>
                <p class="tagline">{ "CloudFront in front of API Gateway, without the traps." }</p>
                <nav class="tabs" aria-label="Views">
                    { tab(Route::Check, "Check") }
                    { tab(Route::Rules, "Rules") }
                </nav>
            </header>
            <main id="main">{ view }</main>
            <footer class="app-footer">
                <span class="version">{ format!("apifront {}", apifront_core::VERSION) }</span>
                <span>{ "Runs in your browser: nothing you paste is uploaded." }</span>
            </footer>
        </div>
    }
}
