//! Component tests of the web app, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use apifront_web::App;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element (the harness page has its own `#output`) and waits a tick.
async fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    TimeoutFuture::new(10).await;
    root
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn renders_heading_and_footer() {
    let root = mount().await;
    assert_eq!(text_of(&root, "h1"), "apifront");
    assert!(text_of(&root, ".version").contains(apifront_core::VERSION));
}

#[wasm_bindgen_test]
async fn typing_updates_the_status_line() {
    let root = mount().await;
    assert!(text_of(&root, "[role=status]").starts_with("Paste"));
    let area: HtmlTextAreaElement = root
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    area.set_value("{ \"broken\": ");
    let init = EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    TimeoutFuture::new(10).await;
    let status = text_of(&root, "[role=status]");
    assert!(
        status.starts_with("Line 1, column"),
        "status was {status:?}"
    );
}
