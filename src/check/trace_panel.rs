//! The trace panel: a request (method, URL, headers; three presets) walked through the checked
//! configuration to the API, as a vertical timeline of hops. Each hop says how it went in words
//! and with an icon, and moves the editor to the line that decides it (in its own tab).

use super::state::TraceForm;
use super::work::{HopView, TraceView};
use crate::docs::rich;
use crate::hooks::use_debounced;
use apifront_core::source::Location;
use apifront_core::trace::{AnsweredBy, Possibility, Stage, Verdict};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// How long typing in the URL or the headers must pause before the request is traced again.
const TRACE_DELAY_MS: u32 = 400;

const METHODS: &[&str] = &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/// The stage of a hop, for people.
fn stage_label(stage: Stage) -> &'static str {
    match stage {
        Stage::Viewer => "Viewer",
        Stage::Behavior => "Cache behavior",
        Stage::Protocol => "Viewer protocol",
        Stage::Method => "Method",
        Stage::Functions => "Functions",
        Stage::Cache => "Cache",
        Stage::OriginRequest => "Origin request",
        Stage::Api => "API",
        Stage::Response => "Response",
    }
}

/// The icon and the words of a verdict (never the colour alone).
fn verdict_label(verdict: Verdict) -> (&'static str, &'static str) {
    match verdict {
        Verdict::Ok => ("✓", "passes"),
        Verdict::Fail => ("✖", "stops here"),
        Verdict::Depends => ("?", "depends"),
    }
}

/// Who answers, for people.
pub fn answered_by_label(by: AnsweredBy) -> &'static str {
    match by {
        AnsweredBy::Cloudfront => "CloudFront",
        AnsweredBy::EdgeFunction => "an edge function",
        AnsweredBy::ApiGateway => "API Gateway",
        AnsweredBy::LambdaUrl => "the Lambda function URL",
        AnsweredBy::Integration => "the API's integration",
        AnsweredBy::S3 => "S3",
        AnsweredBy::Origin => "the origin",
    }
}

/// A status code with its reason phrase, when it is a common one.
fn status_text(status: u16) -> String {
    let reason = match status {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return status.to_string(),
    };
    format!("{status} {reason}")
}

fn cached_text(cached: Option<bool>) -> &'static str {
    match cached {
        Some(true) => "can be served from CloudFront's cache",
        Some(false) => "not cached",
        None => "cached or not depending on the origin's Cache-Control",
    }
}

/// One possible response, in words.
fn possibility_text(p: &Possibility) -> String {
    let status = p.status.map_or("A response".to_string(), status_text);
    format!(
        "{status} from {} ({}) when {}",
        answered_by_label(p.answered_by),
        cached_text(p.cached),
        p.when
    )
}

/// The presets: a request each, from the current one.
fn preset(name: &str, form: &TraceForm, url: &str) -> TraceForm {
    match name {
        "post" => TraceForm {
            method: "POST".into(),
            url: form.url.clone(),
            headers: "Authorization: Bearer example-token\nContent-Type: application/json".into(),
        },
        "preflight" => TraceForm {
            method: "OPTIONS".into(),
            url: form.url.clone(),
            headers: "Origin: https://www.example.com\nAccess-Control-Request-Method: POST\n\
                      Access-Control-Request-Headers: authorization, content-type"
                .into(),
        },
        _ => {
            // The same scheme and host, path `/`.
            let root = url
                .split_once("://")
                .map(|(scheme, rest)| {
                    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
                    format!("{scheme}://{host}/")
                })
                .unwrap_or_else(|| url.to_string());
            TraceForm {
                method: "GET".into(),
                url: Some(root),
                headers: String::new(),
            }
        }
    }
}

/// Properties of [`TracePanel`].
#[derive(Properties, PartialEq)]
pub struct TracePanelProps {
    pub form: TraceForm,
    /// The URL the input suggests (used while the user has written none).
    pub suggested: Option<Rc<str>>,
    /// The last trace, or why the request could not be traced; `None` while tracing.
    pub result: Option<Rc<Result<TraceView, String>>>,
    /// A configuration is there to trace through.
    pub ready: bool,
    /// The texts changed since the trace.
    pub stale: bool,
    /// The name of each file of the input.
    pub names: Rc<[Rc<str>]>,
    pub on_change: Callback<TraceForm>,
    /// Move the editor to a place.
    pub on_goto: Callback<Location>,
}

/// The trace panel.
#[function_component(TracePanel)]
pub fn trace_panel(props: &TracePanelProps) -> Html {
    let (method, url, headers) = (use_node_ref(), use_node_ref(), use_node_ref());
    let debounce = use_debounced(TRACE_DELAY_MS);
    let shown_url = props
        .form
        .url
        .clone()
        .or_else(|| props.suggested.as_deref().map(str::to_string))
        .unwrap_or_default();
    // The form as the inputs hold it now.
    let read = {
        let (method, url, headers) = (method.clone(), url.clone(), headers.clone());
        let (form, shown_url) = (props.form.clone(), shown_url.clone());
        move || {
            let typed = url
                .cast::<HtmlInputElement>()
                .map_or(shown_url.clone(), |i| i.value());
            TraceForm {
                method: method
                    .cast::<HtmlSelectElement>()
                    .map_or(form.method.clone(), |s| s.value()),
                url: if form.url.is_none() && typed == shown_url {
                    None
                } else {
                    Some(typed)
                },
                headers: headers
                    .cast::<HtmlTextAreaElement>()
                    .map_or(form.headers.clone(), |t| t.value()),
            }
        }
    };
    let now = {
        let (read, on_change, debounce) = (read.clone(), props.on_change.clone(), debounce.clone());
        Callback::from(move |_: ()| {
            debounce.cancel();
            on_change.emit(read());
        })
    };
    let later = {
        let (read, on_change) = (read.clone(), props.on_change.clone());
        Callback::from(move |_: InputEvent| {
            let (read, on_change) = (read.clone(), on_change.clone());
            debounce.run(move || on_change.emit(read()));
        })
    };
    let on_submit = now.reform(|e: SubmitEvent| e.prevent_default());
    let presets = [
        ("post", "POST with Authorization"),
        ("preflight", "CORS preflight"),
        ("root", "GET /"),
    ]
    .map(|(name, label)| {
        let (on_change, form, shown_url) = (
            props.on_change.clone(),
            props.form.clone(),
            shown_url.clone(),
        );
        let onclick = Callback::from(move |_| on_change.emit(preset(name, &form, &shown_url)));
        html! { <button type="button" {onclick}>{ label }</button> }
    });
    let body = if !props.ready {
        html! { <p class="hint">{ "Paste or open a configuration to trace a request through it." }</p> }
    } else {
        match props.result.as_deref() {
            None => html! { <p class="hint" role="status">{ "Tracing…" }</p> },
            Some(Err(why)) => html! {
                <p class="status status-error" role="alert">{ format!("This request cannot be traced: {why}") }</p>
            },
            Some(Ok(t)) => trace_view(props, t),
        }
    };
    html! {
        <div class={classes!("trace-panel", props.stale.then_some("findings-stale"))}>
            <form class="trace-form" onsubmit={on_submit} aria-label="Request to trace">
                <div class="trace-request">
                    <div class="field">
                        <label for="trace-method">{ "Method" }</label>
                        <select id="trace-method" ref={method} onchange={now.reform(|_| ())}>
                            { for METHODS.iter().map(|m| html! {
                                <option value={*m} selected={props.form.method == *m}>{ *m }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field trace-url">
                        <label for="trace-url">{ "URL" }</label>
                        <input id="trace-url" ref={url} type="text" inputmode="url" spellcheck="false"
                            autocomplete="off" value={shown_url.clone()} oninput={later.clone()}
                            onchange={now.reform(|_| ())} />
                    </div>
                </div>
                <div class="field">
                    <label for="trace-headers">{ "Headers, one Name: value per line" }</label>
                    <textarea id="trace-headers" ref={headers} rows="3" spellcheck="false"
                        value={props.form.headers.clone()} oninput={later} onchange={now.reform(|_| ())} />
                </div>
                <div class="trace-actions">
                    <div class="trace-presets" role="group" aria-label="Presets">{ for presets }</div>
                    <button type="submit" class="primary">{ "Trace" }</button>
                </div>
            </form>
            { body }
        </div>
    }
}

/// The outcome and the hops of a trace.
fn trace_view(props: &TracePanelProps, t: &TraceView) -> Html {
    let o = &t.outcome;
    let kind = match o.status {
        Some(s) if (200..400).contains(&s) => "outcome-success",
        Some(_) => "outcome-failure",
        None => "outcome-depends",
    };
    let headline = match (o.status, o.answered_by) {
        (Some(status), Some(by)) => {
            format!("{} from {}", status_text(status), answered_by_label(by))
        }
        (Some(status), None) => status_text(status),
        (None, _) => "It depends".to_string(),
    };
    let possibilities = (o.possibilities.len() > 1).then(|| {
        html! {
            <ul class="possibilities" aria-label="Possible responses">
                { for o.possibilities.iter().map(|p| html! { <li>{ rich(&possibility_text(p)) }</li> }) }
            </ul>
        }
    });
    let hops = t.hops.iter().map(|h| hop_item(props, h));
    html! { <>
        <section class={classes!("trace-outcome", kind)} aria-labelledby="trace-outcome-title">
            <h3 id="trace-outcome-title">{ "Outcome" }</h3>
            <p class="outcome-status" role="status">{ headline }
                if o.status.is_some() && o.possibilities.len() <= 1 {
                    { format!(", {}", cached_text(o.cached)) }
                }
            </p>
            { for possibilities }
            <p class="trace-of">{ format!("{} through distribution {}", t.request, t.distribution) }</p>
        </section>
        <ol class="hops" aria-label="Hops, in the order the request passes them">{ for hops }</ol>
    </> }
}

fn hop_item(props: &TracePanelProps, h: &HopView) -> Html {
    let (icon, verdict) = verdict_label(h.verdict);
    let class = match h.verdict {
        Verdict::Ok => "hop-ok",
        Verdict::Fail => "hop-fail",
        Verdict::Depends => "hop-depends",
    };
    // The message may hold links: it stays outside the button that goes to the place.
    let goto = h.at.map(|at| {
        let name = props.names.get(at.file).filter(|_| props.names.len() > 1);
        let place = match name {
            Some(name) => format!("{name} {}:{}", at.span.line, at.span.column),
            None => format!("line {}:{}", at.span.line, at.span.column),
        };
        html! {
            <button type="button" class="hop-goto link" title="Show it in the editor"
                onclick={props.on_goto.reform(move |_| at)}>{ place }</button>
        }
    });
    html! {
        <li class={classes!("hop", class)} data-stage={h.stage.as_str()}>
            <span class="hop-icon" aria-hidden="true">{ icon }</span>
            <div class="hop-body">
                <div class="hop-head">
                    <span class="hop-stage">{ stage_label(h.stage) }</span>
                    <span class="hop-verdict">{ verdict }</span>
                    { for goto }
                </div>
                <p class="hop-message">{ rich(&h.message) }</p>
                if !h.details.is_empty() || h.rule.is_some() {
                    <details class="hop-details">
                        <summary>{ "Details" }</summary>
                        <ul>{ for h.details.iter().map(|d| html! { <li>{ rich(d) }</li> }) }</ul>
                        if let Some(rule) = &h.rule {
                            <p class="hop-rule">{ "Rule: " }<code>{ rule }</code></p>
                        }
                    </details>
                }
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_keep_the_url_or_go_to_its_root() {
        let form = TraceForm {
            method: "GET".into(),
            url: Some("https://api.example.com/orders?x=1".into()),
            headers: "X-A: 1".into(),
        };
        let post = preset("post", &form, "https://api.example.com/orders?x=1");
        assert_eq!(post.method, "POST");
        assert_eq!(post.url, form.url);
        assert!(post.headers.starts_with("Authorization: Bearer "));
        let preflight = preset("preflight", &form, "https://api.example.com/orders?x=1");
        assert_eq!(preflight.method, "OPTIONS");
        assert!(preflight
            .headers
            .contains("Access-Control-Request-Method: POST"));
        let root = preset("root", &form, "https://api.example.com/orders?x=1");
        assert_eq!(root.url.as_deref(), Some("https://api.example.com/"));
        assert_eq!((root.method.as_str(), root.headers.as_str()), ("GET", ""));
    }

    #[test]
    fn outcomes_read_as_words() {
        assert_eq!(status_text(403), "403 Forbidden");
        assert_eq!(status_text(418), "418");
        let p = Possibility {
            status: Some(401),
            answered_by: AnsweredBy::ApiGateway,
            cached: Some(false),
            when: "the token is missing".into(),
        };
        assert_eq!(
            possibility_text(&p),
            "401 Unauthorized from API Gateway (not cached) when the token is missing"
        );
    }
}
