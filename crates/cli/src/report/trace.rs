//! Trace reports: one line per hop with the code frame of the deciding line on failure (in the
//! file that holds it: the configuration or an API definition), or a JSON document (schema:
//! `crates/cli/schemas/trace.schema.json`).

use super::frame::{frame, gutter_width};
use crate::commands::trace::Loaded;
use crate::style;
use apifront_core::trace::{Hop, Possibility, Request, Trace, Verdict};
use serde_json::{json, Value};
use std::fmt::Write;

/// The version of the JSON shape; bumped only on incompatible changes.
pub const JSON_VERSION: u32 = 1;

fn verdict_style(v: Verdict) -> anstyle::Style {
    match v {
        Verdict::Ok => style::HELP,
        Verdict::Fail => style::ERROR,
        Verdict::Depends => style::WARNING,
    }
}

fn status_text(status: Option<u16>) -> String {
    status.map_or("an unknown status".into(), |s| s.to_string())
}

fn cached_text(cached: Option<bool>) -> &'static str {
    match cached {
        Some(true) => "can be served from the cache",
        Some(false) => "not cached",
        None => "caching depends on the origin's Cache-Control",
    }
}

fn possibility(p: &Possibility) -> String {
    format!(
        "{} from {}: {}",
        status_text(p.status),
        p.answered_by.as_str(),
        p.when
    )
}

/// The text report.
pub fn text(t: &Trace, request: &Request, loaded: &Loaded, verbose: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} → distribution `{}` ({})\n",
        style::paint(style::BOLD, &request.method),
        request.url(),
        t.distribution,
        loaded.name
    );
    let stage_width = t
        .hops
        .iter()
        .map(|h| h.stage.as_str().len())
        .max()
        .unwrap_or(0);
    for hop in &t.hops {
        hop_text(&mut out, hop, loaded, stage_width, verbose);
    }
    let o = &t.outcome;
    out.push('\n');
    match o.possibilities.as_slice() {
        [p] => {
            let paint = match p.status {
                Some(s) if (200..400).contains(&s) => style::HELP,
                Some(_) => style::ERROR,
                None => style::WARNING,
            };
            let _ = writeln!(
                out,
                "{} {} from {}, {}: {}",
                style::paint(style::BOLD, "Outcome:"),
                style::paint(paint, status_text(p.status)),
                p.answered_by.as_str(),
                cached_text(p.cached),
                p.when
            );
        }
        possibilities => {
            let _ = writeln!(
                out,
                "{} depends on what the input does not show:",
                style::paint(style::BOLD, "Outcome:")
            );
            for p in possibilities {
                let _ = writeln!(out, "  - {}", possibility(p));
            }
        }
    }
    out
}

fn hop_text(out: &mut String, hop: &Hop, loaded: &Loaded, stage_width: usize, verbose: bool) {
    let verdict = hop.verdict.as_str();
    let rule = hop
        .rule
        .map(|r| format!("  {}", style::paint(style::DIM, format!("[{r}]"))))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  {} {:stage_width$}  {}{rule}",
        style::paint(verdict_style(hop.verdict), format!("{verdict:7}")),
        hop.stage.as_str(),
        hop.message
    );
    let indent = " ".repeat(stage_width + 13);
    if verbose {
        for d in &hop.details {
            let _ = writeln!(out, "{indent}· {d}");
        }
    }
    if hop.verdict == Verdict::Ok {
        return;
    }
    let Some(at) = hop.location(&loaded.sources) else {
        return;
    };
    let span = at.span;
    let _ = writeln!(
        out,
        "  {} {}:{}:{}",
        style::paint(style::GUTTER, "-->"),
        loaded.sources.name(at.file),
        span.line,
        span.column
    );
    if hop.verdict == Verdict::Fail {
        let gutter = gutter_width(span.line);
        for line in frame(
            loaded.sources.file_text(at.file),
            span.line,
            (span.start, span.end),
            gutter,
            style::ERROR,
        )
        .lines()
        {
            let _ = writeln!(out, "  {line}");
        }
    }
    if let Some(rule) = hop.rule {
        let _ = writeln!(out, "  = see: apifront explain {rule}");
    }
}

fn possibility_json(p: &Possibility) -> Value {
    json!({
        "status": p.status,
        "answered_by": p.answered_by.as_str(),
        "cached": p.cached,
        "when": p.when,
    })
}

/// The JSON report (see `crates/cli/schemas/trace.schema.json`).
pub fn json(t: &Trace, request: &Request, loaded: &Loaded) -> Value {
    let hops: Vec<Value> = t
        .hops
        .iter()
        .map(|h| {
            let at = h.location(&loaded.sources);
            let span = at.map(|a| a.span);
            json!({
                "stage": h.stage.as_str(),
                "verdict": h.verdict.as_str(),
                "message": h.message,
                "details": h.details,
                "file": at.map(|a| loaded.sources.name(a.file)),
                "line": span.map(|s| s.line),
                "column": span.map(|s| s.column),
                "end_line": span.map(|s| s.end_line),
                "end_column": span.map(|s| s.end_column),
                "rule": h.rule,
            })
        })
        .collect();
    let o = &t.outcome;
    json!({
        "version": JSON_VERSION,
        "file": loaded.name,
        "format": loaded.doc.format.as_str(),
        "distribution": t.distribution,
        "request": { "method": request.method, "url": request.url() },
        "status": o.status,
        "answered_by": o.answered_by.map(|a| a.as_str()),
        "cached": o.cached,
        "possibilities": o.possibilities.iter().map(possibility_json).collect::<Vec<_>>(),
        "hops": hops,
    })
}
