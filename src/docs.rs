//! A rule's documentation, as the Check and Rules views show it.

use apifront_core::rules;
use yew::prelude::*;

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
        return html! { <p class="status status-error">{ format!("No rule named `{}`.", props.slug) }</p> };
    };
    let docs = &rule.docs;
    let close = props.on_close.as_ref().map(|cb| {
        let cb = cb.clone();
        html! { <button type="button" class="close" aria-label="Close the rule docs"
        onclick={Callback::from(move |_| cb.emit(()))}>{ "×" }</button> }
    });
    html! {
        <article class="rule-docs" aria-labelledby={format!("rule-{}", rule.slug)}>
            <header>
                <h3 id={format!("rule-{}", rule.slug)}><code>{ rule.slug }</code></h3>
                <span class={classes!("badge", format!("sev-{}", rule.default_severity.as_str()))}>
                    { rule.default_severity.as_str() }</span>
                { for close }
            </header>
            <p class="summary">{ rule.summary }</p>
            <h4>{ "What it does" }</h4>
            <p>{ docs.what_it_does }</p>
            <h4>{ "Why is this bad?" }</h4>
            <p>{ docs.why_bad }</p>
            <h4>{ "Example" }</h4>
            <pre><code>{ docs.example.text }</code></pre>
            <h4>{ "Use instead" }</h4>
            <pre><code>{ docs.use_instead.text }</code></pre>
            { for docs.fix_safety.map(|text| html! { <><h4>{ "Fix safety" }</h4><p>{ text }</p></> }) }
            <h4>{ "Exceptions" }</h4>
            <p>{ docs.exceptions }</p>
            <h4>{ "References" }</h4>
            <ul class="references">
                { for docs.references.iter().map(|r| html! {
                    <li><a href={*r} target="_blank" rel="noopener noreferrer">{ *r }</a></li>
                }) }
            </ul>
        </article>
    }
}
