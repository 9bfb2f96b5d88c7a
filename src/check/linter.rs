//! Where the Check view's lint runs: in a Web Worker running this same WebAssembly module, so a
//! large text never blocks typing; on the main thread when no worker can start.
//!
//! The page hands the worker (`static/lint-worker.js`) the URL of its wasm-bindgen glue (from
//! the `modulepreload` link Trunk writes) and the `WebAssembly.Module` it already compiled. One
//! job runs at a time; newer jobs wait, one per doc (a newer one replaces an older waiting one of
//! the same doc).
//! `<html data-linter>` says where the lint runs: `worker` once the worker is ready,
//! `main-thread` when it could not start.

use super::state::{Answer, Job};
use gloo::events::EventListener;
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlLinkElement, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

/// The worker's entry point: does a job on `text` and answers with a plain JavaScript object
/// (serde-wasm-bindgen, the transport of the `apifront` npm package too), which the worker posts
/// to the page as it is.
#[wasm_bindgen]
pub fn lint_worker_answer(fix_all: bool, text: String) -> Result<JsValue, JsValue> {
    serde_wasm_bindgen::to_value(&Answer::to(fix_all, &text)).map_err(JsValue::from)
}

/// Reads an answer made by [`lint_worker_answer`]. Findings name their rule by slug: nothing is
/// looked up in the rule registry.
pub(super) fn read_answer(value: JsValue) -> Option<Answer> {
    serde_wasm_bindgen::from_value(value).ok()
}

/// Called with a job's id and its answer.
pub type Reply = Callback<(u64, Answer)>;

/// A job with everything needed to run it again on the main thread.
struct Request {
    job: Job,
    text: Rc<str>,
    reply: Reply,
}

impl Request {
    fn run_here(self) {
        self.reply
            .emit((self.job.id, Answer::to(self.job.fix_all, &self.text)));
    }
}

#[derive(Default)]
struct Inner {
    worker: Option<Worker>,
    running: Option<Request>,
    waiting: Vec<Request>,
    listeners: Vec<EventListener>,
}

/// The linter the Check view submits its jobs to.
#[derive(Clone, Default)]
pub struct Linter(Rc<RefCell<Inner>>);

impl PartialEq for Linter {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Records where the lint runs on `<html data-linter>`.
fn mark(place: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-linter", place);
    }
}

/// The page's wasm-bindgen glue, from the `modulepreload` link Trunk writes.
fn glue_url() -> Option<String> {
    gloo::utils::document()
        .query_selector("link[rel=modulepreload]")
        .ok()??
        .dyn_into::<HtmlLinkElement>()
        .ok()
        .map(|link| link.href())
}

/// Sets `key` of a JS object.
fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

impl Linter {
    /// A linter with a worker when one can start (else jobs run on the main thread).
    pub fn start() -> Self {
        let linter = Linter::default();
        if let Err(err) = linter.spawn() {
            gloo::console::warn!("apifront: linting on the main thread:", err);
            mark("main-thread");
        }
        linter
    }

    fn spawn(&self) -> Result<(), JsValue> {
        let glue = glue_url().ok_or("no modulepreload link for the wasm glue")?;
        let script = web_sys::Url::new_with_base("lint-worker.js", &glue)?.href();
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&script, &options)?;
        let weak = Rc::downgrade(&self.0);
        let on_message = EventListener::new(&worker, "message", move |e| {
            if let Some(e) = e.dyn_ref::<MessageEvent>() {
                Self::received(&weak, e.data());
            }
        });
        let weak = Rc::downgrade(&self.0);
        let on_error = EventListener::new(&worker, "error", move |_| {
            Self::failed(&weak, "the lint worker did not load");
        });
        let init = Object::new();
        set(&init, "glue", &JsValue::from_str(&glue));
        set(&init, "module", &wasm_bindgen::module());
        worker.post_message(&init)?;
        let mut inner = self.0.borrow_mut();
        inner.worker = Some(worker);
        inner.listeners = vec![on_message, on_error];
        Ok(())
    }

    /// Runs `job` on `text`; `reply` gets the answer (at once when there is no worker).
    pub fn submit(&self, job: Job, text: Rc<str>, reply: Reply) {
        let request = Request { job, text, reply };
        let mut inner = self.0.borrow_mut();
        if inner.worker.is_none() {
            drop(inner);
            request.run_here();
        } else if inner.running.is_some() {
            inner.waiting.retain(|r| r.job.doc != job.doc);
            inner.waiting.push(request);
        } else {
            Self::post(&mut inner, request);
        }
    }

    fn post(inner: &mut Inner, request: Request) {
        if let Some(worker) = &inner.worker {
            let message = Object::new();
            set(&message, "id", &JsValue::from_f64(request.job.id as f64));
            set(&message, "fixAll", &JsValue::from_bool(request.job.fix_all));
            set(&message, "text", &JsValue::from_str(&request.text));
            let _ = worker.post_message(&message);
        }
        inner.running = Some(request);
    }

    /// A message from the worker: ready, an answer, or a failure.
    fn received(weak: &Weak<RefCell<Inner>>, data: JsValue) {
        let field = |key: &str| Reflect::get(&data, &JsValue::from_str(key)).ok();
        if field("ready").is_some_and(|v| v.is_truthy()) {
            mark("worker");
            return;
        }
        if let Some(failure) = field("failed").and_then(|v| v.as_string()) {
            Self::failed(weak, &failure);
            return;
        }
        let Some(inner) = weak.upgrade() else { return };
        // The worker echoes the job's id: an answer to another job than the running one is
        // stale (it cannot happen while one job runs at a time, but is never taken).
        let id = field("id").and_then(|v| v.as_f64());
        let running = inner.borrow().running.as_ref().map(|r| r.job.id as f64);
        if id != running {
            return;
        }
        let answer = field("answer").and_then(read_answer);
        let finished = {
            let mut inner = inner.borrow_mut();
            let finished = inner.running.take();
            if !inner.waiting.is_empty() {
                let next = inner.waiting.remove(0);
                Self::post(&mut inner, next);
            }
            finished
        };
        match (finished, answer) {
            (Some(request), Some(answer)) => request.reply.emit((request.job.id, answer)),
            (Some(request), None) => request.run_here(),
            (None, _) => {}
        }
    }

    /// The worker failed: stop it and run its jobs on the main thread from now on.
    fn failed(weak: &Weak<RefCell<Inner>>, why: &str) {
        gloo::console::warn!("apifront: linting on the main thread:", why);
        mark("main-thread");
        let Some(inner) = weak.upgrade() else { return };
        let (running, waiting) = {
            let mut inner = inner.borrow_mut();
            if let Some(worker) = inner.worker.take() {
                worker.terminate();
            }
            (inner.running.take(), std::mem::take(&mut inner.waiting))
        };
        for request in running.into_iter().chain(waiting) {
            request.run_here();
        }
    }
}

/// The transport, in WebAssembly (JavaScript values exist only there): run by the wasm layer's
/// `cargo test --target wasm32-unknown-unknown`.
#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::{lint_worker_answer, read_answer};
    use crate::check::state::Answer;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::wasm_bindgen_test;

    const BROKEN: &str = include_str!("../../static/examples/broken-cli.json");

    #[wasm_bindgen_test]
    fn answers_cross_the_worker_boundary() {
        for (fix_all, text) in [
            (true, BROKEN),
            (false, BROKEN),
            (false, "{ broken"),
            (false, ""),
        ] {
            let value = lint_worker_answer(fix_all, text.to_string()).expect("serializes");
            assert!(value.is_object());
            assert_eq!(read_answer(value), Some(Answer::to(fix_all, text)));
        }
        assert_eq!(read_answer(js_sys::Object::new().into()), None);
        assert_eq!(read_answer(JsValue::from_str("{}")), None);
    }

    #[wasm_bindgen_test]
    fn findings_reach_the_page_in_the_wire_shape() {
        let value = lint_worker_answer(false, BROKEN.to_string()).expect("serializes");
        let findings = js_sys::Reflect::get(&value, &"outcome".into())
            .and_then(|o| js_sys::Reflect::get(&o, &"Linted".into()))
            .and_then(|l| js_sys::Reflect::get(&l, &"findings".into()))
            .expect("findings");
        let first = js_sys::Reflect::get(&findings, &0.into()).expect("a finding");
        for key in [
            "rule",
            "severity",
            "message",
            "span",
            "path",
            "distribution",
            "related",
        ] {
            assert!(
                js_sys::Reflect::has(&first, &key.into()).unwrap_or(false),
                "{key}"
            );
        }
        let line = js_sys::Reflect::get(&first, &"span".into())
            .and_then(|s| js_sys::Reflect::get(&s, &"line".into()))
            .expect("span.line");
        assert!(line.as_f64().is_some_and(|l| l >= 1.0));
    }
}
