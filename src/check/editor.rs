//! The paste box: a textarea whose text is drawn by layers beneath it — syntax colours, and
//! underlines under findings — with a gutter of line numbers and severity markers.
//!
//! The layers render only a window of lines around the visible ones and are moved with CSS
//! transforms (set through the CSSOM, which the page's CSP allows) to follow the textarea's
//! scroll position, so a 1 MB paste costs the browser one textarea, not three copies of the text.
//! The textarea's own text is transparent while the colour layer shows the same text, up to
//! [`LIVE_LIMIT`]; a longer text is shown plain by the textarea itself. (Changing the textarea's
//! colour restyles all of its text — seconds for 10 MB in Chromium — so it changes only when the
//! text crosses the limit, never while typing or linting.)

use crate::highlight::{tokens, Tok};
use apifront_core::lint::{Finding, Severity};
use std::rc::Rc;
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Height of one editor line in pixels (the CSS `--line-height` of `.editor`).
const LINE_HEIGHT: f64 = 20.0;
/// Lines rendered beyond the visible ones, above and below.
const MARGIN_LINES: u32 = 100;
/// Longest text (in UTF-16 units) drawn in colour; the colours follow every keystroke. A longer
/// text is shown plain and read only when it is linted, so typing in it copies nothing.
const LIVE_LIMIT: usize = 256 * 1024;

/// Properties of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: String,
    pub findings: Vec<Finding>,
    /// Hides the annotations while the text is newer than the findings.
    pub stale: bool,
    /// The text changed (the editor keeps it; the parent reads it through `node_ref`).
    pub on_edit: Callback<()>,
    /// The textarea, so that a finding can move the caret there.
    pub node_ref: NodeRef,
}

/// CSS class of a severity.
pub fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

/// Byte offsets where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The rendered lines, 1-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: u32,
    pub last: u32,
}

impl Window {
    /// The lines visible at a scroll position (first, last).
    pub fn visible(scroll_top: f64, client_height: f64) -> (u32, u32) {
        let first = (scroll_top / LINE_HEIGHT).floor().max(0.0) as u32 + 1;
        (
            first,
            first + (client_height / LINE_HEIGHT).ceil() as u32 + 1,
        )
    }

    /// The window for a scroll position: the visible lines plus a margin on each side.
    /// (The textarea may briefly hold more lines than the text the window is for: everything is
    /// clamped to `lines`, so the result always [`covers`](Self::covers) the same position.)
    pub fn around(scroll_top: f64, client_height: f64, lines: u32) -> Self {
        let lines = lines.max(1);
        let (first, last) = Self::visible(scroll_top, client_height);
        Window {
            first: first.saturating_sub(MARGIN_LINES).clamp(1, lines),
            last: (last + MARGIN_LINES).min(lines),
        }
    }

    /// True when this window renders every visible line of a text of `lines` lines.
    pub fn covers(&self, (first, last): (u32, u32), lines: u32) -> bool {
        let lines = lines.max(1);
        self.first <= first.min(lines) && self.last >= last.min(lines) && self.last <= lines
    }
}

/// The byte range of the window's lines.
fn window_bytes(text: &str, starts: &[usize], window: Window) -> (usize, usize) {
    let from = starts
        .get(window.first as usize - 1)
        .copied()
        .unwrap_or(text.len());
    let to = starts.get(window.last as usize).map_or(text.len(), |&s| s);
    (from, to.max(from))
}

/// The window's lines in syntax colours.
fn colours(text: &str, starts: &[usize], window: Window) -> Html {
    let (from, to) = window_bytes(text, starts, window);
    text[from..to]
        .split_inclusive('\n')
        .flat_map(tokens)
        .map(|(tok, piece)| match tok {
            Tok::Plain => Html::from(piece.to_string()),
            _ => html! { <span class={tok.class()}>{ piece }</span> },
        })
        .collect()
}

/// The text of the window's lines with one underline per finding (clipped to the first line of
/// its span; overlapping findings keep the first).
fn underlines(text: &str, starts: &[usize], findings: &[Finding], window: Window) -> Html {
    let (from, to) = window_bytes(text, starts, window);
    let mut out = Vec::new();
    let mut pos = from;
    for f in findings {
        let start = f.span.start.min(text.len());
        if start < pos || start >= to || !text.is_char_boundary(start) {
            continue;
        }
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let end = f.span.end.clamp(start, line_end);
        if end == start || !text.is_char_boundary(end) {
            continue;
        }
        out.push(Html::from(text[pos..start].to_string()));
        out.push(html! {
            <mark class={severity_class(f.severity)} data-rule={f.rule.clone()}>{ &text[start..end] }</mark>
        });
        pos = end;
    }
    out.push(Html::from(text[pos..to.max(pos)].to_string()));
    out.into_iter().collect()
}

/// The window's line numbers, one per line.
fn line_numbers(window: Window) -> String {
    (window.first..=window.last)
        .map(|n| format!("{n}\n"))
        .collect()
}

/// The window's marker column: a dot on lines with findings (the most severe one's colour; the
/// messages as tooltip), no inline style (the page's CSP forbids them).
fn markers(findings: &[Finding], window: Window) -> Html {
    let mut lines: Vec<(u32, Severity, String)> = Vec::new();
    for f in findings
        .iter()
        .filter(|f| (window.first..=window.last).contains(&f.span.line))
    {
        match lines.iter_mut().find(|(l, _, _)| *l == f.span.line) {
            Some(entry) => {
                entry.1 = entry.1.min(f.severity);
                entry.2.push('\n');
                entry.2.push_str(&f.message);
            }
            None => lines.push((f.span.line, f.severity, f.message.clone())),
        }
    }
    lines.sort_by_key(|(line, _, _)| *line);
    let mut out = Vec::with_capacity(lines.len() * 2 + 1);
    let mut current = window.first;
    for (line, severity, title) in lines {
        out.push(Html::from("\n".repeat((line - current) as usize)));
        out.push(html! {
            <span class={classes!("marker", severity_class(severity))} {title}
                data-line={line.to_string()}>{ "●" }</span>
        });
        current = line;
    }
    out.push(Html::from(
        "\n".repeat((window.last - current) as usize + 1),
    ));
    out.into_iter().collect()
}

/// The textarea's scroll position and height, as of its last scroll event. Reading them from the
/// element after a render would force a synchronous layout of the whole text (hundreds of
/// milliseconds for a 1 MB paste), so renders use this copy.
#[derive(Debug, Clone, Copy)]
struct Scroll {
    top: f64,
    left: f64,
    height: f64,
}

impl Scroll {
    fn of(area: &HtmlTextAreaElement) -> Self {
        Scroll {
            top: f64::from(area.scroll_top()),
            left: f64::from(area.scroll_left()),
            height: f64::from(area.client_height()),
        }
    }
}

/// Moves the layers to the scroll position (CSSOM, allowed by the CSP).
fn place_layers(scroll: Scroll, overlay: &NodeRef, gutter: &NodeRef, window: Window) {
    let top = f64::from(window.first - 1) * LINE_HEIGHT - scroll.top;
    if let Some(o) = overlay.cast::<HtmlElement>() {
        let _ = o.style().set_property(
            "transform",
            &format!("translate({}px, {top}px)", -scroll.left),
        );
    }
    if let Some(g) = gutter.cast::<HtmlElement>() {
        let _ = g
            .style()
            .set_property("transform", &format!("translateY({top}px)"));
    }
}

/// The text for the colour layer, when it is short enough to be drawn in colour.
fn coloured(text: &str) -> Option<Rc<String>> {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: count only when it can matter.
    let short = text.len() <= LIVE_LIMIT
        || (text.len() <= 3 * LIVE_LIMIT && text.encode_utf16().count() <= LIVE_LIMIT);
    short.then(|| Rc::new(text.to_string()))
}

/// The paste box.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let overlay = use_node_ref();
    let gutter = use_node_ref();
    // What the colour layer shows: the textarea's text, or `None` for a text over the limit
    // (the textarea then shows its own text).
    let shown = use_state(|| coloured(&props.text));
    let live = (*shown).clone();
    let starts: Rc<Vec<usize>> = use_memo(props.text.clone(), |text| line_starts(text));
    let live_starts: Rc<Vec<usize>> = use_memo(live.clone(), |live| {
        live.as_deref()
            .map(|text| line_starts(text))
            .unwrap_or_default()
    });
    let lines = match &live {
        Some(_) => live_starts.len() as u32,
        None => starts.len() as u32,
    };
    let window = use_state(|| Window::around(0.0, 800.0, lines));

    let scroll = use_mut_ref(|| Scroll {
        top: 0.0,
        left: 0.0,
        height: 800.0,
    });

    let oninput = {
        let (on_edit, shown) = (props.on_edit.clone(), shown.clone());
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            // `text_length` counts UTF-16 units without copying the text out.
            let next = (area.text_length() as usize <= LIVE_LIMIT).then(|| Rc::new(area.value()));
            if next.is_some() || shown.is_some() {
                shown.set(next);
            }
            on_edit.emit(());
        })
    };
    let onscroll = {
        let (area, overlay, gutter, window, scroll) = (
            props.node_ref.clone(),
            overlay.clone(),
            gutter.clone(),
            window.clone(),
            scroll.clone(),
        );
        Callback::from(move |_: Event| {
            let Some(el) = area.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let now = Scroll::of(&el);
            *scroll.borrow_mut() = now;
            if !window.covers(Window::visible(now.top, now.height), lines) {
                window.set(Window::around(now.top, now.height, lines));
            }
            place_layers(now, &overlay, &gutter, *window);
        })
    };
    {
        // The textarea owns its text while the user types; write it only when the text was
        // replaced from outside (a fix, an example, a file), so the caret never jumps. Either
        // way the colour layer shows the linted text now.
        let (area, shown) = (props.node_ref.clone(), shown.clone());
        use_effect_with(props.text.clone(), move |text| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                if area.value() != *text {
                    area.set_value(text);
                }
            }
            if shown.as_deref().map(String::as_str) != Some(text.as_str()) {
                let next = coloured(text);
                if next.is_some() || shown.is_some() {
                    shown.set(next);
                }
            }
        });
    }
    {
        // After every render: keep the window inside the text and the layers in place.
        let (overlay, gutter, window, scroll) = (
            overlay.clone(),
            gutter.clone(),
            window.clone(),
            scroll.clone(),
        );
        use_effect(move || {
            let now = *scroll.borrow();
            let wanted = Window::around(now.top, now.height, lines);
            if !window.covers(Window::visible(now.top, now.height), lines) && *window != wanted {
                window.set(wanted);
            }
            place_layers(now, &overlay, &gutter, *window);
        });
    }

    let window = Window {
        first: window.first.min(lines.max(1)),
        last: window.last.min(lines.max(1)),
    };
    let marks_window = Window {
        first: window.first.min(starts.len().max(1) as u32),
        last: window.last.min(starts.len().max(1) as u32),
    };
    let class = classes!(
        "editor",
        props.stale.then_some("editor-stale"),
        live.is_some().then_some("editor-coloured"),
    );
    html! {
        <div {class}>
            <div class="gutter" aria-hidden="true">
                <div class="gutter-window" ref={gutter}>
                    <pre class="markers">{ markers(&props.findings, window) }</pre>
                    <pre class="line-numbers">{ line_numbers(window) }</pre>
                </div>
            </div>
            <div class="editor-main">
                <div class="highlight" aria-hidden="true">
                    <div class="hl-window" ref={overlay}>
                        if let Some(text) = &live {
                            <pre class="hl-colours">{ colours(text, &live_starts, window) }</pre>
                        }
                        <pre class="hl-underlines">
                            { underlines(&props.text, &starts, &props.findings, marks_window) }
                        </pre>
                    </div>
                </div>
                <textarea id="paste" ref={props.node_ref.clone()} spellcheck="false" wrap="off"
                    autocomplete="off" autocapitalize="off"
                    aria-label="Configuration to check: AWS CLI JSON, CloudFormation (JSON or YAML) or Terraform"
                    placeholder="Paste the output of `aws cloudfront get-distribution-config`, a CloudFormation template or a .tf file"
                    {oninput} {onscroll} />
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_follow_the_scroll_position() {
        let w = Window::around(0.0, 400.0, 10_000);
        assert_eq!(w.first, 1);
        assert_eq!(w.last, 1 + 21 + MARGIN_LINES);
        let w = Window::around(20.0 * 5000.0, 400.0, 10_000);
        assert_eq!(w.first, 5001 - MARGIN_LINES);
        assert!(w.last >= 5001 + 20);
        assert_eq!(Window::around(0.0, 400.0, 3).last, 3);
        let w = Window::around(0.0, 400.0, 10_000);
        assert!(w.covers(Window::visible(20.0 * 50.0, 400.0), 10_000));
        assert!(!w.covers(Window::visible(20.0 * 500.0, 400.0), 10_000));
        // A text that shrank below the window needs a new one.
        assert!(!w.covers(Window::visible(0.0, 400.0), 10));
        // Scrolled past the end of a shorter text: the new window still covers it (no loop).
        let (top, height) = (20.0 * 20_000.0, 400.0);
        let w = Window::around(top, height, 102);
        assert!(w.first <= w.last && w.last == 102);
        assert!(w.covers(Window::visible(top, height), 102));
    }

    #[test]
    fn line_starts_and_numbers() {
        assert_eq!(line_starts("a\nbc\n"), vec![0, 2, 5]);
        assert_eq!(line_numbers(Window { first: 3, last: 5 }), "3\n4\n5\n");
    }
}
