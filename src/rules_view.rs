//! The Rules view: the searchable catalogue, and one page per rule at `#/rules/<slug>`.

use crate::docs::RuleDocsPanel;
use crate::route::Route;
use apifront_core::lint::Rule;
use apifront_core::rules;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// True when `rule` matches every word of `query` (slug, summary or category).
pub fn matches(rule: &Rule, query: &str) -> bool {
    let haystack = format!(
        "{} {} {:?} {}",
        rule.slug,
        rule.summary,
        rule.category,
        rule.default_severity.as_str()
    )
    .to_lowercase();
    query
        .split_whitespace()
        .all(|word| haystack.contains(&word.to_lowercase()))
}

/// Properties of [`RulesView`].
#[derive(Properties, PartialEq)]
pub struct RulesViewProps {
    /// The rule whose page is open.
    #[prop_or_default]
    pub slug: Option<AttrValue>,
}

/// The catalogue of rules.
#[function_component(RulesView)]
pub fn rules_view(props: &RulesViewProps) -> Html {
    let query = use_state(String::new);
    if let Some(slug) = &props.slug {
        return html! {
            <section class="rules" aria-label="Rule">
                <p><a href={Route::Rules.hash()}>{ "← All rules" }</a></p>
                <RuleDocsPanel slug={slug.clone()} />
            </section>
        };
    }
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let shown: Vec<&Rule> = rules::all()
        .iter()
        .copied()
        .filter(|r| matches(r, &query))
        .collect();
    html! {
        <section class="rules" aria-labelledby="rules-title">
            <h2 id="rules-title">{ format!("Rules ({})", rules::all().len()) }</h2>
            <input type="search" class="rule-search" placeholder="Search rules" aria-label="Search rules"
                value={(*query).clone()} {oninput} />
            <ul class="rule-list">
                { for shown.iter().map(|r| html! {
                    <li>
                        <a href={Route::Rule(r.slug.to_string()).hash()}><code>{ r.slug }</code></a>
                        <span class={classes!("badge", format!("sev-{}", r.default_severity.as_str()))}>
                            { r.default_severity.as_str() }</span>
                        <span class="summary">{ r.summary }</span>
                    </li>
                }) }
            </ul>
            if shown.is_empty() { <p>{ "No rule matches." }</p> }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_matches_every_word() {
        let rule = rules::by_slug("apigw-host-header-forwarded").unwrap();
        assert!(matches(rule, "host FORWARDED"));
        assert!(matches(rule, ""));
        assert!(!matches(rule, "host lambda-edge"));
    }
}
