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

/// The marker column: one line per text line, a dot on lines with findings (the most severe
/// one's colour; the messages as tooltip). Plain text lines keep it cheap for large inputs, and
/// no inline style is needed (the page's CSP forbids them).
fn markers(text: &str, findings: &[Finding]) -> Html {
    let mut lines: Vec<(u32, Severity, String)> = Vec::new();
    for f in findings {
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
    let total = text.lines().count().max(1) as u32 + u32::from(text.ends_with('\n'));
    let mut out = Vec::with_capacity(lines.len() * 2 + 1);
    let mut current = 1;
    for (line, severity, title) in lines {
        if line < current || line > total {
            continue;
        }
        out.push(Html::from("\n".repeat((line - current) as usize)));
        out.push(html! {
            <span class={classes!("marker", severity_class(severity))} {title}
                data-line={line.to_string()}>{ "●" }</span>
        });
        current = line;
    }
    out.push(Html::from("\n".repeat((total - current) as usize + 1)));
    out.into_iter().collect()
}

/// Scrolls the highlight layer and the gutter to the textarea's scroll position.
fn sync_scroll(area: &NodeRef, overlay: &NodeRef, gutter: &NodeRef) {
    let Some(area) = area.cast::<HtmlTextAreaElement>() else {
        return;
    };
    if let Some(o) = overlay.cast::<HtmlElement>() {
        o.set_scroll_top(area.scroll_top());
        o.set_scroll_left(area.scroll_left());
    }
    if let Some(g) = gutter.cast::<HtmlElement>() {
        g.set_scroll_top(area.scroll_top());
    }
}

/// The paste box.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let overlay = use_node_ref();
    let gutter = use_node_ref();

    let oninput = props.on_edit.reform(|_: InputEvent| ());
    let onscroll = {
        let (area, overlay, gutter) = (props.node_ref.clone(), overlay.clone(), gutter.clone());
        Callback::from(move |_: Event| sync_scroll(&area, &overlay, &gutter))
    };
    {
        // The textarea owns its text while the user types; write it only when the text was
        // replaced from outside (a fix, an example, a file), so the caret never jumps.
        let area = props.node_ref.clone();
        use_effect_with(props.text.clone(), move |text| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                if area.value() != *text {
                    area.set_value(text);
                }
            }
        });
    }
    {
        // A render can change the layers' heights after the last scroll event: re-sync.
        let (area, overlay, gutter) = (props.node_ref.clone(), overlay.clone(), gutter.clone());
        use_effect(move || sync_scroll(&area, &overlay, &gutter));
    }

    let markers = markers(&props.text, &props.findings);

    html! {
        <div class={classes!("editor", props.stale.then_some("editor-stale"))}>
            <div class="gutter" aria-hidden="true" ref={gutter}>
                <pre class="markers">{ markers }</pre>
                <pre class="line-numbers">{ line_numbers(&props.text) }</pre>
            </div>
            <div class="editor-main">
                <pre class="highlight" aria-hidden="true" ref={overlay}>
                    { highlight(&props.text, &props.findings) }
                </pre>
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
    fn counts_lines_including_a_trailing_empty_one() {
        assert_eq!(line_numbers(""), "1\n");
        assert_eq!(line_numbers("a\nb"), "1\n2\n");
        assert_eq!(line_numbers("a\n"), "1\n2\n");
    }
}
