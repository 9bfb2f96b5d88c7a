//! Component tests of the web app, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use apifront_web::App;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

const BROKEN: &str = include_str!("../static/examples/broken-cli.json");

/// Mounts the app showing `hash` into a fresh element (the harness page has its own `#output`)
/// and waits a tick.
async fn mount_at(hash: &str) -> Element {
    gloo::utils::window().location().set_hash(hash).unwrap();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    TimeoutFuture::new(10).await;
    root
}

/// Mounts the app on the Check view.
async fn mount() -> Element {
    mount_at("/check").await
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
}

fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Types `text` into the editor as a user would (an `input` event that bubbles).
fn type_into_editor(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = find(root, "textarea").dyn_into().unwrap();
    area.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn renders_heading_and_footer() {
    let root = mount().await;
    assert_eq!(text_of(&root, "h1"), "apifront");
    assert!(text_of(&root, ".version").contains(apifront_core::VERSION));
}

#[wasm_bindgen_test]
async fn a_parse_error_shows_its_line_and_column() {
    let root = mount().await;
    assert!(text_of(&root, "[role=status]").starts_with("Paste"));
    type_into_editor(&root, "{\n  \"broken\": ");
    TimeoutFuture::new(300).await;
    let status = text_of(&root, "[role=status]");
    assert!(
        status.starts_with("Line 2, column"),
        "status was {status:?}"
    );
}

#[wasm_bindgen_test]
async fn lint_runs_after_typing_pauses_and_lists_findings() {
    let root = mount().await;
    type_into_editor(&root, BROKEN);
    // Before the pause: the annotations are marked stale, no finding listed yet.
    TimeoutFuture::new(0).await;
    assert!(find(&root, ".editor").class_list().contains("editor-stale"));
    TimeoutFuture::new(300).await;
    assert!(!find(&root, ".editor").class_list().contains("editor-stale"));
    assert!(text_of(&root, "[role=status]").starts_with("cli-json:"));
    let host = find(&root, "li.finding[data-rule=apigw-host-header-forwarded]");
    assert!(host.text_content().unwrap().contains("AllViewer"));
    assert!(root.query_selector("mark.sev-error").unwrap().is_some());
    assert!(root.query_selector(".marker.sev-error").unwrap().is_some());

    // Fixing it rewrites the text and the finding disappears.
    let fix: HtmlElement = host
        .query_selector("button.fix")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    fix.click();
    TimeoutFuture::new(10).await;
    assert!(root
        .query_selector("li.finding[data-rule=apigw-host-header-forwarded]")
        .unwrap()
        .is_none());
    let area: HtmlTextAreaElement = find(&root, "textarea").dyn_into().unwrap();
    assert!(area
        .value()
        .contains("b689b0a8-53d0-40ab-baf2-68738e2966ac"));
}

#[wasm_bindgen_test]
async fn configure_renders_a_preset_that_lints_clean() {
    let root = mount_at("/configure").await;
    let select: web_sys::HtmlSelectElement = find(&root, "select.presets").dyn_into().unwrap();
    select.set_value("http-api");
    let init = EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    TimeoutFuture::new(10).await;
    let api_kind: web_sys::HtmlSelectElement = find(&root, "#f-api-kind").dyn_into().unwrap();
    assert_eq!(api_kind.value(), "http-api");
    assert!(text_of(&root, ".output-code").contains("execute-api"));
    assert!(text_of(&root, ".output-lint").contains("0 problems"));
}
