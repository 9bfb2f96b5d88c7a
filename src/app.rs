//! The root component: navigation between the views, hash routing, the shared form state,
//! header and footer.

use crate::check::linter::Linter;
use crate::check::CheckView;
use crate::configure::ConfigureView;
use crate::route::Route;
use crate::rules_view::RulesView;
use crate::theme::ThemeToggle;
use apifront_core::share;
use apifront_core::state::FormState;
use gloo::events::EventListener;
use yew::prelude::*;

fn current_route() -> Route {
    Route::parse(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// Shows `route` without adding a history entry.
fn replace_route(route: &Route) {
    let _ = gloo::utils::window().location().replace(&route.hash());
}

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let route = use_state(current_route);
    let form = use_state(FormState::default);
    let notice = use_state(|| None::<String>);
    // Started with the page, so the worker loads with it and is ready when Check needs it.
    let linter = use_state(Linter::start);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                route.set(current_route())
            });
            move || drop(listener)
        });
    }
    let pasted = use_state(|| None::<String>);
    {
        // A share link: decode it into the form (and the pasted text into Check), then show the
        // view under its own address.
        let (form, notice, pasted) = (form.clone(), notice.clone(), pasted.clone());
        use_effect_with((*route).clone(), move |route| {
            if let Route::Shared(fragment) = route {
                match share::decode::<FormState>(fragment) {
                    Ok(shared) => {
                        form.set(shared.state);
                        notice.set(Some("Opened from a share link.".into()));
                        let next = if shared.text.is_some() {
                            Route::Check
                        } else {
                            Route::Configure
                        };
                        pasted.set(shared.text);
                        replace_route(&next);
                    }
                    Err(err) => {
                        notice.set(Some(format!("This share link cannot be opened: {err}")));
                        replace_route(&Route::Configure);
                    }
                }
            }
        });
    }
    let on_form = {
        let form = form.clone();
        Callback::from(move |next: FormState| form.set(next))
    };
    let on_import = {
        let (form, notice) = (form.clone(), notice.clone());
        Callback::from(move |(next, lost): (FormState, Vec<String>)| {
            form.set(next);
            notice.set(Some(if lost.is_empty() {
                "Loaded from the checked configuration.".to_string()
            } else {
                format!(
                    "Loaded from the checked configuration; not carried over: {}",
                    lost.join("; ")
                )
            }));
            replace_route(&Route::Configure);
        })
    };
    let tab = |target: Route, label: &'static str| {
        let current = match &*route {
            Route::Rule(_) => Route::Rules,
            Route::Shared(_) => Route::Configure,
            r => r.clone(),
        };
        let aria_current = (current == target).then_some("page");
        html! { <a class="tab" href={target.hash()} aria-current={aria_current}>{ label }</a> }
    };
    let view = match &*route {
        Route::Configure | Route::Shared(_) => {
            html! { <ConfigureView form={(*form).clone()} on_change={on_form} /> }
        }
        Route::Check => {
            html! { <CheckView on_import={on_import} form={(*form).clone()} initial={(*pasted).clone()} /> }
        }
        Route::Rules => html! { <RulesView /> },
        Route::Rule(slug) => html! { <RulesView slug={AttrValue::from(slug.clone())} /> },
    };
    let on_dismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };
    html! {
        <ContextProvider<Linter> context={(*linter).clone()}>
            <div class="app">
                <header class="app-header">
                    <h1>{ "apifront" }</h1>
                    <p class="tagline">{ "CloudFront in front of API Gateway, without the traps." }</p>
                    <nav class="tabs" aria-label="Views">
                        { tab(Route::Configure, "Configure") }
                        { tab(Route::Check, "Check") }
                        { tab(Route::Rules, "Rules") }
                    </nav>
                    <ThemeToggle />
                </header>
                if let Some(text) = &*notice {
                    <div class="banner" role="status">
                        <span>{ text }</span>
                        <button type="button" aria-label="Dismiss" onclick={on_dismiss}>{ "×" }</button>
                    </div>
                }
                <main id="main" onkeydown={Callback::from(|e: KeyboardEvent| crate::shortcuts::handle(&e))}>{ view }</main>
                <footer class="app-footer">
                    <span class="version">{ format!("apifront {}", apifront_core::VERSION) }</span>
                    <span class="shortcuts">{ "Ctrl+Enter: check · Alt+Shift+C: copy snippet · Alt+Shift+L: copy share link" }</span>
                    <span>{ "Runs in your browser: nothing you paste is uploaded." }</span>
                </footer>
            </div>
        </ContextProvider<Linter>>
    }
}
