//! A rule's documentation, as the Check and Rules views show it: inline code and links rendered
//! (the docs are written with Markdown backticks), examples in the read-only code view.

use crate::editor::{CodeEditor, Language};
use apifront_core::lint::Snippet;
use apifront_core::rules;
use std::rc::Rc;
use yew::prelude::*;

/// A piece of docs text: plain, `code`, or a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline<'a> {
    Text(&'a str),
    Code(&'a str),
    Link(&'a str),
}

/// Splits docs text into plain text, backtick code spans and `https://` links.
pub fn inline(text: &str) -> Vec<Inline<'_>> {
    let mut out = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if part.is_empty() {
            continue;
        }
        if i % 2 == 1 {
            out.push(Inline::Code(part));
            continue;
        }
        let mut rest = part;
        while let Some(start) = rest.find("https://") {
            if start > 0 {
                out.push(Inline::Text(&rest[..start]));
            }
            let len = rest[start..]
                .find(|c: char| c.is_whitespace() || c == ')')
                .unwrap_or(rest.len() - start);
            let url = rest[start..start + len].trim_end_matches(['.', ',', ';', ':']);
            out.push(Inline::Link(url));
            rest = &rest[start + url.len()..];
        }
        if !rest.is_empty() {
            out.push(Inline::Text(rest));
        }
    }
    out
}

/// Docs text as HTML.
pub fn rich(text: &str) -> Html {
    inline(text)
        .into_iter()
        .map(|piece| match piece {
            Inline::Text(t) => Html::from(t.to_string()),
            Inline::Code(c) => html! { <code>{ c }</code> },
            Inline::Link(url) => html! {
                <a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ url }</a>
            },
        })
        .collect()
}

/// A docs example in the read-only code view.
fn example(snippet: &Snippet, label: String) -> Html {
    html! {
        <div class="docs-example">
            <CodeEditor text={Rc::<str>::from(snippet.text.trim_end())} read_only=true
                language={Some(Language::of_format(snippet.format))} {label} />
        </div>
    }
}

/// Properties of [`RuleDocsPanel`].
#[derive(Properties, PartialEq)]
pub struct RuleDocsPanelProps {
    pub slug: AttrValue,
    /// Shows a close button when set.
    #[prop_or_default]
    pub on_close: Option<Callback<()>>,
}

/// The full docs of one rule: what it does, why, example, use instead, exceptions, references.
#[function_component(RuleDocsPanel)]
pub fn rule_docs_panel(props: &RuleDocsPanelProps) -> Html {
    let Some(rule) = rules::by_slug(&props.slug) else {
        return html! { <p class="status status-error">{ format!("No rule named {}.", props.slug) }</p> };
    };
    let docs = &rule.docs;
    let close = props.on_close.as_ref().map(|cb| {
        let cb = cb.clone();
        html! { <button type="button" class="close" aria-label="Close the rule docs"
        onclick={Callback::from(move |_| cb.emit(()))}>{ "×" }</button> }
    });
    let heading = format!("rule-{}", rule.slug);
    html! {
        <article class="rule-docs" aria-labelledby={heading.clone()}>
            <header>
                <h3 id={heading} tabindex="-1"><code>{ rule.slug }</code></h3>
                <span class={classes!("badge", format!("sev-{}", rule.default_severity.as_str()))}>
                    { rule.default_severity.as_str() }</span>
                { for close }
            </header>
            <p class="summary">{ rich(rule.summary) }</p>
            <h4>{ "What it does" }</h4>
            <p>{ rich(docs.what_it_does) }</p>
            <h4>{ "Why is this bad?" }</h4>
            <p>{ rich(docs.why_bad) }</p>
            <h4>{ "Example" }</h4>
            { example(&docs.example, format!("Example that {} flags", rule.slug)) }
            <h4>{ "Use instead" }</h4>
            { example(&docs.use_instead, format!("What to use instead ({})", rule.slug)) }
            { for docs.fix_safety.map(|text| html! { <><h4>{ "Fix safety" }</h4><p>{ rich(text) }</p></> }) }
            <h4>{ "Exceptions" }</h4>
            <p>{ rich(docs.exceptions) }</p>
            <h4>{ "References" }</h4>
            <ul class="references">
                { for docs.references.iter().map(|r| html! {
                    <li><a href={*r} target="_blank" rel="noopener noreferrer">{ *r }</a></li>
                }) }
            </ul>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backticks_become_code_and_urls_links() {
        assert_eq!(
            inline("Use `AllViewerExceptHostHeader` (see https://docs.aws.amazon.com/x.html)."),
            vec![
                Inline::Text("Use "),
                Inline::Code("AllViewerExceptHostHeader"),
                Inline::Text(" (see "),
                Inline::Link("https://docs.aws.amazon.com/x.html"),
                Inline::Text(")."),
            ]
        );
        assert_eq!(inline("plain"), vec![Inline::Text("plain")]);
    }

    #[test]
    fn no_rule_docs_show_literal_backticks_once_rendered() {
        for rule in rules::all() {
            for text in [
                rule.docs.what_it_does,
                rule.docs.why_bad,
                rule.docs.exceptions,
            ] {
                let plain: String = inline(text)
                    .iter()
                    .map(|p| match p {
                        Inline::Text(t) => *t,
                        _ => "",
                    })
                    .collect();
                assert!(!plain.contains('`'), "{}: unbalanced backticks", rule.slug);
            }
        }
    }
}
