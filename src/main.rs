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
    install_panic_hook();
    yew::Renderer::<apifront_web::App>::new().render();
}
