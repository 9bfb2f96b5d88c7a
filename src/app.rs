//! The root component: the app's state (one reducer, [`AppState`]), its effects as hooks, the
//! header with the views, the footer with the shortcuts of the view and the work-keeping
//! settings, and the live region that confirms every action.

use crate::check::{carried, CheckView};
use crate::clipboard;
use crate::configure::{share_link, ConfigureView};
use crate::hooks::{use_address, use_keep_work, use_linter};
use crate::route::Route;
use crate::rules_view::RulesView;
use crate::shortcuts::{listed, Shortcut};
use crate::state::{AppAction, AppState};
use crate::storage;
use crate::theme::ThemeToggle;
use apifront_core::render::render;
use gloo::timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How long a confirmation stays on screen (screen readers get it from the live region).
const TOAST_MS: u32 = 4000;

fn initial_state() -> AppState {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let keep = storage::keep_enabled();
    AppState::new(&hash, storage::load(), keep)
}

/// Does what a shortcut asks, from the state.
fn run_shortcut(shortcut: Shortcut, state: &AppState, announce: Callback<String>) {
    match shortcut {
        Shortcut::CopySnippet => match render(&state.form, state.output) {
            Ok(file) => clipboard::copy(file.text, "the snippet", announce),
            Err(_) => announce.emit("Nothing to copy: fix the form first.".into()),
        },
        Shortcut::CopyShareLink => {
            let carried = (state.route.view() == Route::Check)
                .then(|| carried(&state.check))
                .flatten()
                .unwrap_or_default();
            match share_link(&state.form, &carried, state.include_secrets) {
                Ok((url, _)) => clipboard::copy(url, "the share link", announce),
                Err(why) => announce.emit(format!("No share link: {why}")),
            }
        }
    }
}

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    use_address(&state);
    use_linter(&state);
    use_keep_work(&state);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: AppAction| state.dispatch(action))
    };
    let announce = dispatch.reform(AppAction::Announce);
    let route = state.route.clone();

    let tab = |target: Route, label: &'static str| {
        let aria_current = (route.view() == target).then_some("page");
        html! { <a class="tab" href={target.hash()} aria-current={aria_current}>{ label }</a> }
    };
    let on_key = {
        let (state, announce) = (state.clone(), announce.clone());
        Callback::from(move |e: KeyboardEvent| {
            if let Some(shortcut) = Shortcut::of(e.alt_key(), e.shift_key(), &e.code())
                .filter(|s| s.works_on(&state.route))
            {
                e.prevent_default();
                run_shortcut(shortcut, &state, announce.clone());
            }
        })
    };
    let on_secrets = dispatch.reform(AppAction::IncludeSecrets);
    let view = match &route {
        Route::Configure | Route::Shared(_) => html! {
            <ConfigureView form={state.form.clone()} output={state.output}
                include_secrets={state.include_secrets} on_change={dispatch.reform(|f| AppAction::Form(Box::new(f)))}
                on_output={dispatch.reform(AppAction::Output)} on_secrets={on_secrets.clone()}
                announce={announce.clone()} />
        },
        Route::Check => Html::default(),
        Route::Rules => html! { <RulesView /> },
        Route::Rule(slug) => html! { <RulesView slug={AttrValue::from(slug.clone())} /> },
    };
    let notice = state
        .notice
        .as_ref()
        .filter(|n| n.route.view() == route.view())
        .map(|n| {
            html! {
                <div class="banner" role="status">
                    <div>
                        <p>{ &n.text }</p>
                        if !n.items.is_empty() {
                            <ul>{ for n.items.iter().map(|i| html! { <li>{ crate::docs::rich(i) }</li> }) }</ul>
                        }
                    </div>
                    <button type="button" aria-label="Dismiss" onclick={dispatch.reform(|_| AppAction::Dismiss)}>{ "×" }</button>
                </div>
            }
        });
    let shortcuts = listed(&route)
        .iter()
        .map(|(keys, what)| html! { <li><kbd>{ *keys }</kbd>{ format!(": {what}") }</li> });
    let on_keep = dispatch.reform(|e: Event| {
        AppAction::Keep(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    html! {
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
            { for notice }
            <main id="main" onkeydown={on_key}>
                { view }
                // Check stays mounted (hidden on the other views): its editor keeps the text, the
                // undo history and the scroll position while the user looks elsewhere.
                <div hidden={route != Route::Check}>
                    <CheckView state={state.check.clone()} dispatch={dispatch.reform(AppAction::Check)}
                        form={state.form.clone()} include_secrets={state.include_secrets}
                        on_secrets={on_secrets} on_import={dispatch.reform(|_| AppAction::Import)}
                        announce={announce.clone()}
                        on_not_opened={dispatch.reform(AppAction::NotOpened)} />
                </div>
            </main>
            <Toast seq={state.announcement.seq} text={state.announcement.text.clone()} />
            <footer class="app-footer">
                <span class="version">{ format!("apifront {}", apifront_core::VERSION) }</span>
                if !listed(&route).is_empty() {
                    <ul class="shortcuts" aria-label="Keyboard shortcuts of this view">{ for shortcuts }</ul>
                }
                <div class="privacy">
                    <p>{ "Runs in your browser: nothing you paste is uploaded. " }
                        { if state.keep {
                            "Your work (texts and form) is kept in this browser, on this device only."
                        } else {
                            "Your work is not kept: a reload starts afresh."
                        } }</p>
                    <div class="keep">
                        <input id="keep-work" type="checkbox" checked={state.keep} onchange={on_keep} />
                        <label for="keep-work">{ "Keep my work in this browser" }</label>
                        <button type="button" onclick={dispatch.reform(|_| AppAction::Clear)}>{ "Clear my work" }</button>
                    </div>
                </div>
            </footer>
        </div>
    }
}

/// Properties of [`Toast`].
#[derive(Properties, PartialEq)]
struct ToastProps {
    seq: u64,
    text: String,
}

/// The live region: each new announcement is read by screen readers and shown for a moment.
#[function_component(Toast)]
fn toast(props: &ToastProps) -> Html {
    let visible = use_state(|| false);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let visible = visible.clone();
        use_effect_with(props.seq, move |seq| {
            if *seq > 0 {
                visible.set(true);
                let visible = visible.clone();
                *timer.borrow_mut() = Some(Timeout::new(TOAST_MS, move || visible.set(false)));
            }
        });
    }
    html! {
        <div class={classes!("toast", (!*visible).then_some("toast-hidden"))} role="status" aria-live="polite" aria-atomic="true">
            <span key={props.seq}>{ &props.text }</span>
        </div>
    }
}
