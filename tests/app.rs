//! Component tests of the web app, run in headless Chromium by wasm-bindgen-test.
//!
//! The page loads the code editor (CodeMirror, `js/editor/`) as a script before the app; here it
//! is evaluated from the bundle `scripts/build-editor.mjs` wrote (`scripts/test.sh wasm` builds it
//! first).
#![cfg(target_arch = "wasm32")]

use apifront_web::App;
use gloo::timers::future::TimeoutFuture;
use js_sys::Function;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const BROKEN: &str = include_str!("../static/examples/broken-cli.json");
const EDITOR_BUNDLE: &str = include_str!("../target/editor/editor.js");

/// Defines `apifrontEditor` as the page's script does (once per test binary).
fn load_editor() {
    let defined =
        js_sys::Reflect::has(&js_sys::global(), &"apifrontEditor".into()).unwrap_or(false);
    if !defined {
        Function::new_no_args(EDITOR_BUNDLE)
            .call0(&JsValue::NULL)
            .expect("the editor bundle runs");
    }
}

/// Waits until `ready` holds, looking every 10 ms. The 10 s limit only stops a test whose
/// condition never comes true; how fast it comes is measured in BENCHMARKS.md, not here.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..1000 {
        if ready() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("waited 10 s for {what}");
}

fn exists(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).ok().flatten().is_some()
}

/// Mounts the app showing `hash` into a fresh element (the harness page has its own `#output`)
/// and waits until it is drawn (with the Check editor, on Check). Keeping work in storage is off, so that each app starts empty (the apps of
/// earlier tests stay mounted).
async fn mount_at(hash: &str) -> Element {
    load_editor();
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        let _ = storage.clear();
        let _ = storage.set_item("apifront-keep", "off");
    }
    gloo::utils::window().location().set_hash(hash).unwrap();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the app to render", || {
        exists(&root, "h1") && (hash != "/check" || exists(&root, ".check .cm-content"))
    })
    .await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
}

fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Pastes `text` into the Check editor as the browser delivers a paste.
fn paste(root: &Element, text: &str) {
    let content = find(root, ".check .cm-content");
    Function::new_with_args(
        "el, text",
        "const data = new DataTransfer(); data.setData('text/plain', text);
         el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));",
    )
    .call2(&JsValue::NULL, &content, &JsValue::from_str(text))
    .expect("paste");
}

/// The text of the editor around `el`.
fn editor_text(el: &Element) -> String {
    let api = js_sys::Reflect::get(&js_sys::global(), &"apifrontEditor".into()).unwrap();
    let text_of: Function = js_sys::Reflect::get(&api, &"textOf".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    text_of
        .call1(&api, el)
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn renders_heading_and_footer() {
    let root = mount_at("/check").await;
    assert_eq!(text_of(&root, "h1"), "apifront");
    assert!(text_of(&root, ".version").contains(apifront_core::VERSION));
    assert!(text_of(&root, ".shortcuts").contains("F8"));
}

#[wasm_bindgen_test]
async fn a_parse_error_shows_its_line_and_column_and_a_gutter_mark() {
    let root = mount_at("/check").await;
    assert!(text_of(&root, ".check .status").starts_with("Paste"));
    paste(&root, "{\n  \"broken\": ");
    // The status changes first; the editor draws its gutter mark in a later frame.
    until("the parse error and its gutter mark", || {
        text_of(&root, ".check .status").starts_with("Line ")
            && exists(&root, ".cm-lint-marker-error")
    })
    .await;
    let status = text_of(&root, ".check .status");
    assert!(
        status.starts_with("Line 2, column"),
        "status was {status:?}"
    );
    let filters = text_of(&root, ".check .filters");
    assert!(filters.contains("Errors (1)"), "filters: {filters:?}");
    assert!(root
        .query_selector(".cm-lint-marker-error")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn lint_runs_after_typing_pauses_and_lists_findings() {
    let root = mount_at("/check").await;
    paste(&root, BROKEN);
    // Before the pause: the view is busy, no finding listed yet.
    TimeoutFuture::new(0).await;
    assert_eq!(
        find(&root, "section.check")
            .get_attribute("aria-busy")
            .as_deref(),
        Some("true")
    );
    until("linting to end and the editor to mark the finding", || {
        find(&root, "section.check")
            .get_attribute("aria-busy")
            .as_deref()
            == Some("false")
            && exists(&root, ".cm-lint-marker-error")
    })
    .await;
    assert!(text_of(&root, ".check .status").starts_with("cli-json:"));
    let host = find(&root, "li.finding[data-rule=apigw-host-header-forwarded]");
    assert!(host.text_content().unwrap().contains("AllViewer"));
    assert!(root
        .query_selector(".cm-lintRange-error")
        .unwrap()
        .is_some());
    assert!(root
        .query_selector(".cm-lint-marker-error")
        .unwrap()
        .is_some());

    // Fixing it changes the editor's text and the finding disappears.
    let fix: HtmlElement = host
        .query_selector("button.fix")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    fix.click();
    until("the fixed finding to go", || {
        !exists(&root, "li.finding[data-rule=apigw-host-header-forwarded]")
    })
    .await;
    assert!(editor_text(&find(&root, ".check .cm-content"))
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
    // The form may draw its fields anew: look the select up each time.
    let api_kind = || -> Option<String> {
        let select: web_sys::HtmlSelectElement = find(&root, "#f-api-kind").dyn_into().ok()?;
        select.selected_options().item(0)?.text_content()
    };
    until("the preset's form and linted output", || {
        api_kind().as_deref() == Some("HTTP API")
            && text_of(&root, ".output-lint").contains("problem")
    })
    .await;
    assert_eq!(api_kind().as_deref(), Some("HTTP API"));
    assert_eq!(
        select.value(),
        "http-api",
        "the menu shows the preset it holds"
    );
    assert!(editor_text(&find(&root, ".output-code .cm-content")).contains("execute-api"));
    assert!(text_of(&root, ".output-lint").contains("0 problems"));
}
