//! Where the Check view's lint (and its trace and map) runs: in a Web Worker running this same
//! WebAssembly module, so a large text never blocks typing; on the main thread when no worker
//! can start.
//!
//! The page hands the worker (`static/lint-worker.js`) the URL of its wasm-bindgen glue (from
//! the `modulepreload` link Trunk writes) and the `WebAssembly.Module` it already compiled. A job
//! is a [`WorkRequest`] (every text with its name and kind, the request to trace, the map to
//! draw) and its answer an [`Answer`] (findings placed in their files, hops, the map), both
//! crossing as plain JavaScript objects (serde-wasm-bindgen). One job runs at a time; a newer job
//! replaces the one waiting (it covers everything the older one asked for).
//! `<html data-linter>` says where the lint runs: `worker` once the worker is ready,
//! `main-thread` when it could not start.

use super::state::Job;
use super::work::{Answer, WorkRequest};
use gloo::events::EventListener;
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlLinkElement, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

/// The worker's entry point: does the job `request` (a [`WorkRequest`] as made by
/// [`to_request`]) and answers with a plain JavaScript object (serde-wasm-bindgen, the transport
/// of the `apifront` npm package too), which the worker posts to the page as it is.
#[wasm_bindgen]
pub fn lint_worker_answer(request: JsValue) -> Result<JsValue, JsValue> {
    let request: WorkRequest = serde_wasm_bindgen::from_value(request)?;
    serde_wasm_bindgen::to_value(&Answer::to(&request)).map_err(JsValue::from)
}

/// A job as the worker reads it.
pub(super) fn to_request(request: &WorkRequest) -> Result<JsValue, JsValue> {
    serde_wasm_bindgen::to_value(request).map_err(JsValue::from)
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
    work: WorkRequest,
    reply: Reply,
}

impl Request {
    fn run_here(self) {
        self.reply.emit((self.job.id, Answer::to(&self.work)));
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

    /// Runs `job` (`work` is what it asks); `reply` gets the answer (at once when there is
    /// no worker).
    pub fn submit(&self, job: Job, work: WorkRequest, reply: Reply) {
        let request = Request { job, work, reply };
        let mut inner = self.0.borrow_mut();
        if inner.worker.is_none() {
            drop(inner);
            request.run_here();
        } else if inner.running.is_some() {
            inner.waiting.clear();
            inner.waiting.push(request);
        } else {
            drop(inner);
            Self::post(&self.0, request);
        }
    }

    /// Hands `request` to the worker (on the main thread when it cannot be handed over).
    fn post(inner: &Rc<RefCell<Inner>>, request: Request) {
        let message = Object::new();
        set(&message, "id", &JsValue::from_f64(request.job.id as f64));
        let posted = to_request(&request.work).and_then(|work| {
            set(&message, "request", &work);
            match &inner.borrow().worker {
                Some(worker) => worker.post_message(&message),
                None => Err(JsValue::from_str("no worker")),
            }
        });
        match posted {
            Ok(()) => inner.borrow_mut().running = Some(request),
            Err(_) => request.run_here(),
        }
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
        let (finished, next) = {
            let mut inner = inner.borrow_mut();
            let next = (!inner.waiting.is_empty()).then(|| inner.waiting.remove(0));
            (inner.running.take(), next)
        };
        if let Some(next) = next {
            Self::post(&inner, next);
        }
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
    use super::{lint_worker_answer, read_answer, to_request};
    use crate::check::state::DocKind;
    use crate::check::work::{Answer, MapInput, TraceInput, WorkFile, WorkRequest};
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::wasm_bindgen_test;

    const BROKEN: &str = include_str!("../../static/examples/broken-cli.json");
    const USERS: &str = include_str!("../../crates/core/tests/fixtures/trace/cli-users-api.json");
    const USERS_API: &str =
        include_str!("../../crates/core/tests/fixtures/trace/users-api.oas30.json");

    fn work(fix_all: bool, files: &[(DocKind, &str)]) -> WorkRequest {
        WorkRequest {
            fix_all,
            files: files
                .iter()
                .enumerate()
                .map(|(i, (kind, text))| WorkFile {
                    name: format!("file-{i}").into(),
                    kind: *kind,
                    text: (*text).into(),
                })
                .collect(),
            trace: None,
            map: None,
        }
    }

    #[wasm_bindgen_test]
    fn answers_cross_the_worker_boundary() {
        let mut with_panels = work(
            false,
            &[
                (DocKind::Configuration, USERS),
                (DocKind::ApiDefinition, USERS_API),
            ],
        );
        with_panels.trace = Some(TraceInput {
            method: "GET".into(),
            url: None,
            headers: "Accept: application/json".into(),
        });
        with_panels.map = Some(MapInput {
            of: Some("DistributionConfig".into()),
        });
        // The first distribution's map: asked for without a name, it is still asked for.
        let mut first_map = with_panels.clone();
        first_map.map = Some(MapInput::default());
        for request in [
            first_map,
            work(true, &[(DocKind::Configuration, BROKEN)]),
            work(false, &[(DocKind::Configuration, BROKEN)]),
            work(false, &[(DocKind::Configuration, "{ broken")]),
            work(false, &[]),
            with_panels,
        ] {
            let sent = to_request(&request).expect("serializes");
            let read: WorkRequest = serde_wasm_bindgen::from_value(sent.clone()).expect("reads");
            assert_eq!(read, request, "the worker reads the request as sent");
            let value = lint_worker_answer(sent).expect("answers");
            assert!(value.is_object());
            if request.map.is_some() {
                assert!(Answer::to(&request).map.is_some_and(|m| m.is_ok()), "a map");
            }
            assert_eq!(read_answer(value), Some(Answer::to(&request)));
        }
        assert_eq!(read_answer(js_sys::Object::new().into()), None);
        assert_eq!(read_answer(JsValue::from_str("{}")), None);
        assert!(lint_worker_answer(JsValue::from_str("junk")).is_err());
    }

    #[wasm_bindgen_test]
    fn findings_reach_the_page_in_the_wire_shape() {
        let request = work(false, &[(DocKind::Configuration, BROKEN)]);
        let value = lint_worker_answer(to_request(&request).expect("serializes")).expect("answers");
        let findings = js_sys::Reflect::get(&value, &"outcome".into())
            .and_then(|o| js_sys::Reflect::get(&o, &"Linted".into()))
            .and_then(|l| js_sys::Reflect::get(&l, &"findings".into()))
            .expect("findings");
        let first = js_sys::Reflect::get(&findings, &0.into()).expect("a finding");
        for key in [
            "rule",
            "severity",
            "message",
            "file",
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
