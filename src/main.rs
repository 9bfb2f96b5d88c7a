//! Entry point of the web app.

use std::panic;

/// Reports a panic in the page (and the console) instead of leaving a dead page behind.
fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let document = gloo::utils::document();
        if let Some(el) = document.get_element_by_id("panic") {
            el.set_text_content(Some(&format!(
                "apifront stopped because of a bug: {info}\nReload the page; please report this."
            )));
            let _ = el.remove_attribute("hidden");
        }
    }));
}

fn main() {
    // The same module also runs in the lint worker (see `check::linter`), where there is no
    // page to render: the worker calls its exports.
    if web_sys::window().is_none() {
        console_error_panic_hook::set_once();
        return;
    }
    install_panic_hook();
    yew::Renderer::<apifront_web::App>::new().render();
}
