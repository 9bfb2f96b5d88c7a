//! The paste box: a textarea over a highlight layer that underlines findings, with a gutter of
//! line numbers and severity markers. Both layers follow the textarea's scroll position.

use apifront_core::lint::{Finding, Severity};
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: String,
    pub findings: Vec<Finding>,
    /// Hides the annotations while the text is newer than the findings.
    pub stale: bool,
    pub on_edit: Callback<String>,
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

/// Splits `text` into plain and underlined pieces, one underline per finding (clipped to the
/// first line of its span; overlapping findings keep the first).
fn highlight(text: &str, findings: &[Finding]) -> Html {
    let mut out = Vec::new();
    let mut pos = 0;
    for f in findings {
        let start = f.span.start.min(text.len());
        if start < pos || !text.is_char_boundary(start) {
            continue;
        }
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let end = f.span.end.clamp(start, line_end);
        if end == start || !text.is_char_boundary(end) {
            continue;
        }
        out.push(html! { { &text[pos..start] } });
        out.push(html! {
            <mark class={severity_class(f.severity)} data-rule={f.rule}>{ &text[start..end] }</mark>
        });
        pos = end;
    }
    out.push(html! { { &text[pos..] } });
    // A trailing newline needs a following character to take up a line in a <pre>.
    out.push(html! { { " " } });
    out.into_iter().collect()
}

/// The line numbers, one per line.
fn line_numbers(text: &str) -> String {
    let lines = text.lines().count().max(1) + usize::from(text.ends_with('\n'));
    let mut s = String::with_capacity(lines * 4);
    for n in 1..=lines {
        s.push_str(&n.to_string());
        s.push('\n');
    }
    s
}

/// The paste box.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let overlay = use_node_ref();
    let gutter = use_node_ref();

    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    let onscroll = {
        let (overlay, gutter) = (overlay.clone(), gutter.clone());
        Callback::from(move |e: Event| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            if let Some(o) = overlay.cast::<HtmlElement>() {
                o.set_scroll_top(area.scroll_top());
                o.set_scroll_left(area.scroll_left());
            }
            if let Some(g) = gutter.cast::<HtmlElement>() {
                g.set_scroll_top(area.scroll_top());
            }
        })
    };

    let markers = if props.stale {
        Html::default()
    } else {
        let mut lines: Vec<(u32, Severity, String)> = Vec::new();
        for f in &props.findings {
            match lines.iter_mut().find(|(l, _, _)| *l == f.span.line) {
                Some(entry) => {
                    entry.1 = entry.1.min(f.severity);
                    entry.2.push('\n');
                    entry.2.push_str(&f.message);
                }
                None => lines.push((f.span.line, f.severity, f.message.clone())),
            }
        }
        lines
            .into_iter()
            .map(|(line, severity, title)| {
                let style = format!("top: calc({} * var(--line-height))", line - 1);
                html! { <span class={classes!("marker", severity_class(severity))} {style} {title}
                data-line={line.to_string()}></span> }
            })
            .collect()
    };

    html! {
        <div class={classes!("editor", props.stale.then_some("editor-stale"))}>
            <div class="gutter" aria-hidden="true" ref={gutter}>
                <pre class="line-numbers">{ line_numbers(&props.text) }</pre>
                { markers }
            </div>
            <div class="editor-main">
                <pre class="highlight" aria-hidden="true" ref={overlay}>
                    { if props.stale { html! { { &props.text } } } else { highlight(&props.text, &props.findings) } }
                </pre>
                <textarea id="paste" ref={props.node_ref.clone()} spellcheck="false" wrap="off"
                    autocomplete="off" autocapitalize="off"
                    aria-label="Configuration to check: AWS CLI JSON, CloudFormation (JSON or YAML) or Terraform"
                    placeholder="Paste the output of `aws cloudfront get-distribution-config`, a CloudFormation template or a .tf file"
                    value={props.text.clone()} {oninput} {onscroll} />
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_including_a_trailing_empty_one() {
        assert_eq!(line_numbers(""), "1\n");
        assert_eq!(line_numbers("a\nb"), "1\n2\n");
        assert_eq!(line_numbers("a\n"), "1\n2\n");
    }
}
