//! The code editor: CodeMirror 6 (bundled from `js/editor/` by `scripts/build-editor.mjs` and
//! loaded by the page as the global `apifrontEditor`), wrapped in a Yew component.
//!
//! The component owns one CodeMirror view. The text flows in through props (applied when
//! `revision` changes: an example, a file, a share link, fix-all) and out through `on_change`
//! (the user typed: the parent reads the text through its [`EditorRef`] once typing pauses).
//! Positions cross to JavaScript as `[line, column]` pairs (1-based, UTF-16 columns), which is
//! what the core's spans carry and what CodeMirror's document counts.

use apifront_core::model::Format;
use apifront_core::render::OutputFormat;
use gloo::events::EventListener;
use js_sys::{Object, Reflect};
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// One CodeMirror editor (`Editor` in `js/editor/index.mjs`).
    type JsEditor;

    #[wasm_bindgen(js_namespace = apifrontEditor, js_name = create, catch)]
    fn create_editor(
        parent: &web_sys::Element,
        options: &JsValue,
        callbacks: &JsValue,
    ) -> Result<JsEditor, JsValue>;

    #[wasm_bindgen(method)]
    fn text(this: &JsEditor) -> String;
    #[wasm_bindgen(method, js_name = setText)]
    fn set_text(this: &JsEditor, text: &str, fresh: bool);
    #[wasm_bindgen(method, js_name = setLanguage)]
    fn set_language(this: &JsEditor, language: &str);
    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn set_diagnostics(this: &JsEditor, json: &str);
    #[wasm_bindgen(method)]
    fn apply(this: &JsEditor, json: &str);
    #[wasm_bindgen(method)]
    fn reveal(this: &JsEditor, from: &[u32], to: &[u32]);
    #[wasm_bindgen(method, js_name = scrollTo)]
    fn scroll_to(this: &JsEditor, at: &[u32]);
    #[wasm_bindgen(method)]
    fn undo(this: &JsEditor) -> bool;
    #[wasm_bindgen(method, js_name = focusAt)]
    fn focus_at(this: &JsEditor, offset: u32);
    #[wasm_bindgen(method)]
    fn destroy(this: &JsEditor);
}

/// A position: 1-based line and 1-based UTF-16 column.
pub type Pos = [u32; 2];

/// A text change, in the positions of the text before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub from: Pos,
    pub to: Pos,
    pub insert: String,
}

/// Which syntax the editor colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Json,
    Yaml,
    Hcl,
    TypeScript,
    Python,
}

impl Language {
    /// The name `js/editor/index.mjs` knows it by.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Json => "json",
            Language::Yaml => "yaml",
            Language::Hcl => "hcl",
            Language::TypeScript => "typescript",
            Language::Python => "python",
        }
    }

    /// The syntax of an input format.
    pub fn of_format(format: Format) -> Self {
        match format {
            Format::CliJson | Format::CfnJson => Language::Json,
            Format::CfnYaml => Language::Yaml,
            Format::Terraform => Language::Hcl,
        }
    }

    /// The syntax of a generated snippet.
    pub fn of_output(format: OutputFormat) -> Self {
        match format {
            OutputFormat::CfnYaml => Language::Yaml,
            OutputFormat::CfnJson | OutputFormat::CliJson => Language::Json,
            OutputFormat::CdkTypeScript => Language::TypeScript,
            OutputFormat::CdkPython => Language::Python,
            OutputFormat::Terraform => Language::Hcl,
        }
    }
}

/// A handle on an editor, for the parent: read the text, apply a fix, move the caret. Until
/// CodeMirror is mounted (or for good, when its script could not load) the editor is a plain
/// text area: its text can be read, the rest waits for CodeMirror.
#[derive(Clone, Default)]
pub struct EditorRef {
    js: Rc<RefCell<Option<JsEditor>>>,
    plain: NodeRef,
}

impl PartialEq for EditorRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.js, &other.js)
    }
}

impl EditorRef {
    fn with<T>(&self, f: impl FnOnce(&JsEditor) -> T) -> Option<T> {
        self.js.borrow().as_ref().map(f)
    }

    /// The editor's text.
    pub fn text(&self) -> Option<String> {
        self.with(JsEditor::text).or_else(|| {
            self.plain
                .cast::<web_sys::HtmlTextAreaElement>()
                .map(|area| area.value())
        })
    }

    /// Applies `changes` as one undoable step (the page is not told: it asked).
    pub fn apply(&self, changes: &[Change]) {
        if let Ok(json) = serde_json::to_string(changes) {
            self.with(|e| e.apply(&json));
        }
    }

    /// Selects `from..to`, scrolls it into the middle of the view and focuses the editor.
    pub fn reveal(&self, from: Pos, to: Pos) {
        self.with(|e| e.reveal(&from, &to));
    }

    /// Scrolls `at` into view without moving the caret or the focus.
    pub fn scroll_to(&self, at: Pos) {
        self.with(|e| e.scroll_to(&at));
    }

    /// Undoes the last step; false when there was none.
    pub fn undo(&self) -> bool {
        self.with(JsEditor::undo).unwrap_or(false)
    }
}

/// Properties of [`CodeEditor`].
#[derive(Properties, PartialEq)]
pub struct CodeEditorProps {
    /// Filled with the editor once it is mounted.
    #[prop_or_default]
    pub editor: EditorRef,
    /// The text to show: taken at mount, and again whenever `revision` changes.
    pub text: Rc<str>,
    #[prop_or_default]
    pub revision: u64,
    /// A new text is shown from its top (caret at the start); otherwise only what differs is
    /// replaced and the caret and scroll position stay.
    #[prop_or(true)]
    pub fresh: bool,
    pub language: Option<Language>,
    /// Findings to show, as made by [`crate::check::diagnostics::to_json`]; `None` leaves the
    /// shown ones (CodeMirror moves them along with edits). A new `Rc` (not new text) shows them
    /// again, so keep it in a memo.
    #[prop_or_default]
    pub diagnostics: Option<Rc<str>>,
    #[prop_or_default]
    pub read_only: bool,
    /// The accessible name of the text area.
    pub label: AttrValue,
    /// The id of the editable element (for labels and tests).
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// The user changed the text; `true` when a paste or drop replaced all of it.
    #[prop_or_default]
    pub on_change: Callback<bool>,
    /// A fix button of a finding's hover card: the finding's index.
    #[prop_or_default]
    pub on_fix: Callback<usize>,
    /// The rule docs button of a finding's hover card: the finding's index.
    #[prop_or_default]
    pub on_docs: Callback<usize>,
}

/// The callbacks of the latest props, read by the closures handed to JavaScript.
#[derive(Default)]
struct Callbacks {
    on_change: Callback<bool>,
    on_fix: Callback<usize>,
    on_docs: Callback<usize>,
}

/// What the editor needs alive while mounted: the closures JavaScript calls.
type Closures = (
    Closure<dyn FnMut(bool)>,
    Closure<dyn FnMut(u32)>,
    Closure<dyn FnMut(u32)>,
);

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// What the editor is created with: the latest props (the editor may mount after a few renders,
/// once its script has run).
struct Init {
    text: Rc<str>,
    revision: u64,
    language: Option<Language>,
    read_only: bool,
    label: AttrValue,
    id: Option<AttrValue>,
    diagnostics: Option<Rc<str>>,
}

/// True once the editor's script has run (`apifrontEditor` is defined).
fn editor_loaded() -> bool {
    Reflect::has(&js_sys::global(), &JsValue::from_str("apifrontEditor")).unwrap_or(false)
}

/// The event `js/editor/index.mjs` sends when it has defined `apifrontEditor`.
const READY_EVENT: &str = "apifront-editor-ready";

fn mount(
    parent: &web_sys::Element,
    init: &Init,
    callbacks: &Rc<RefCell<Callbacks>>,
) -> Result<(JsEditor, Closures), JsValue> {
    let options = Object::new();
    set(&options, "text", &JsValue::from_str(&init.text));
    let language = init.language.map_or("", Language::as_str);
    set(&options, "language", &JsValue::from_str(language));
    set(&options, "readOnly", &JsValue::from_bool(init.read_only));
    set(&options, "label", &JsValue::from_str(&init.label));
    if let Some(id) = &init.id {
        set(&options, "id", &JsValue::from_str(id));
    }
    let closures: Closures = {
        let (a, b, c) = (callbacks.clone(), callbacks.clone(), callbacks.clone());
        (
            Closure::new(move |whole: bool| a.borrow().on_change.emit(whole)),
            Closure::new(move |key: u32| b.borrow().on_fix.emit(key as usize)),
            Closure::new(move |key: u32| c.borrow().on_docs.emit(key as usize)),
        )
    };
    let js = Object::new();
    set(&js, "change", closures.0.as_ref());
    set(&js, "fix", closures.1.as_ref());
    set(&js, "docs", closures.2.as_ref());
    let editor = create_editor(parent, &options, &js)?;
    Ok((editor, closures))
}

/// A CodeMirror editor (or a read-only code view).
#[function_component(CodeEditor)]
pub fn code_editor(props: &CodeEditorProps) -> Html {
    let host = use_node_ref();
    let callbacks = use_mut_ref(Callbacks::default);
    // The revision whose text the editor shows.
    let shown = use_mut_ref(|| props.revision);
    let failed = use_state(|| None::<String>);
    let mounted = use_state(|| false);
    let latest = use_mut_ref(|| None::<Init>);
    *callbacks.borrow_mut() = Callbacks {
        on_change: props.on_change.clone(),
        on_fix: props.on_fix.clone(),
        on_docs: props.on_docs.clone(),
    };
    *latest.borrow_mut() = Some(Init {
        text: props.text.clone(),
        revision: props.revision,
        language: props.language,
        read_only: props.read_only,
        label: props.label.clone(),
        id: props.id.clone(),
        diagnostics: props.diagnostics.clone(),
    });
    {
        // Mount once (as soon as the editor's script has run); destroy on unmount.
        let (host, editor, callbacks, failed, shown, mounted) = (
            host.clone(),
            props.editor.clone(),
            callbacks.clone(),
            failed.clone(),
            shown.clone(),
            mounted.clone(),
        );
        use_effect_with((), move |_| {
            let closures = Rc::new(RefCell::new(None::<Closures>));
            let try_mount = {
                let (editor, closures) = (editor.clone(), closures.clone());
                move || {
                    let (Some(parent), Some(mut init)) =
                        (host.cast::<web_sys::Element>(), latest.borrow_mut().take())
                    else {
                        return;
                    };
                    // What the plain text area holds now (the user may have typed or pasted).
                    let plain = editor.plain.cast::<web_sys::HtmlTextAreaElement>();
                    if let Some(area) = &plain {
                        init.text = Rc::from(area.value());
                    }
                    let focused = plain.as_ref().filter(|area| {
                        gloo::utils::document().active_element().as_ref() == Some(area.as_ref())
                    });
                    let caret = focused.and_then(|area| area.selection_start().ok().flatten());
                    match mount(&parent, &init, &callbacks) {
                        Ok((js, alive)) => {
                            if let Some(offset) = caret {
                                js.focus_at(offset);
                            }
                            if let Some(json) = &init.diagnostics {
                                js.set_diagnostics(json);
                            }
                            *shown.borrow_mut() = init.revision;
                            *editor.js.borrow_mut() = Some(js);
                            *closures.borrow_mut() = Some(alive);
                            mounted.set(true);
                        }
                        Err(err) => failed.set(Some(
                            err.as_string()
                                .or_else(|| js_sys::Error::from(err).message().as_string())
                                .unwrap_or_default(),
                        )),
                    }
                }
            };
            let waiting = if editor_loaded() {
                try_mount();
                None
            } else {
                Some(EventListener::once(
                    &gloo::utils::window(),
                    READY_EVENT,
                    move |_| try_mount(),
                ))
            };
            move || {
                drop(waiting);
                if let Some(js) = editor.js.borrow_mut().take() {
                    js.destroy();
                }
                closures.borrow_mut().take();
            }
        });
    }
    {
        let (editor, shown, text, fresh) = (
            props.editor.clone(),
            shown.clone(),
            props.text.clone(),
            props.fresh,
        );
        use_effect_with(props.revision, move |revision| {
            if *shown.borrow() != *revision && editor.with(|e| e.set_text(&text, fresh)).is_some() {
                *shown.borrow_mut() = *revision;
            }
        });
    }
    {
        let editor = props.editor.clone();
        use_effect_with(props.language, move |language| {
            if let Some(language) = language {
                editor.with(|e| e.set_language(language.as_str()));
            }
        });
    }
    {
        // Keyed on the findings' identity, not their text: the same findings again after the
        // whole text was replaced must be shown again (CodeMirror dropped the old ones).
        let editor = props.editor.clone();
        let json = props.diagnostics.clone();
        let identity = props
            .diagnostics
            .as_ref()
            .map(|d| Rc::as_ptr(d) as *const u8 as usize);
        use_effect_with(identity, move |_| {
            if let Some(json) = json {
                editor.with(|e| e.set_diagnostics(&json));
            }
        });
    }
    let on_plain_input = {
        let callbacks = callbacks.clone();
        Callback::from(move |_: InputEvent| callbacks.borrow().on_change.emit(false))
    };
    html! {
        <div class="code-editor" ref={host}>
            // Until CodeMirror is there (its script loads beside the app) the text is in a plain
            // text area, so the page takes a paste at once; it stays if the editor cannot load.
            if !*mounted {
                <textarea class="editor-plain" ref={props.editor.plain.clone()} id={props.id.clone()}
                    aria-label={props.label.clone()} readonly={props.read_only} spellcheck="false"
                    wrap="off" autocomplete="off" value={props.text.to_string()} oninput={on_plain_input} />
            }
            if let Some(why) = &*failed {
                <p class="status status-error" role="alert">
                    { format!("The code editor did not load ({why}): this plain text area works instead.") }
                </p>
            }
        </div>
    }
}
