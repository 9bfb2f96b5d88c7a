//! The findings list: grouped by severity, filterable; a click moves the caret to the finding
//! (in its own tab when the input has several files), the rule's name opens its docs right
//! under the finding, and the places a finding relates to (an API definition's routes) are
//! links of their own. Shown by Check (with fixes) and by Configure for the generated snippet
//! (without).

use super::diagnostics::fix_label;
use super::state::{plural, severity_index};
use crate::docs::{rich, RuleDocsPanel};
use apifront_core::lint::Severity;
use apifront_core::source::{LocatedFinding, SourceError};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Findings shown per severity before "Show more" (a list of 40 000 items takes the browser
/// seconds to lay out).
const PAGE: usize = 200;

const GROUPS: [(Severity, &str); 3] = [
    (Severity::Error, "Errors"),
    (Severity::Warning, "Warnings"),
    (Severity::Info, "Info"),
];

/// CSS class of a severity.
pub fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

/// What a click in the list asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The finding with this index.
    Finding(usize),
    /// Related place `.1` of finding `.0`.
    Related(usize, usize),
    /// The parse error.
    ParseError,
}

/// Properties of [`FindingsList`].
#[derive(Properties, PartialEq)]
pub struct FindingsListProps {
    pub findings: Rc<[LocatedFinding]>,
    #[prop_or_default]
    pub error: Option<SourceError>,
    /// The name of each file of the input; positions name their file when there are several.
    #[prop_or_default]
    pub names: Rc<[Rc<str>]>,
    /// Severities shown.
    pub shown: [bool; 3],
    /// The findings are older than the text (dimmed, fixes disabled).
    #[prop_or_default]
    pub stale: bool,
    pub on_toggle: Callback<Severity>,
    /// Move the caret to a finding.
    pub on_goto: Callback<Target>,
    /// Apply a finding's fix; no fix buttons without it.
    #[prop_or_default]
    pub on_fix: Option<Callback<usize>>,
    /// The finding whose rule docs are open under it.
    #[prop_or_default]
    pub open_docs: Option<usize>,
    /// Open (`Some`) or close the docs of a finding's rule.
    pub on_docs: Callback<Option<usize>>,
    /// Names the list for screen readers ("Findings", "Findings of the generated snippet").
    pub label: AttrValue,
}

/// The findings, grouped by severity.
#[function_component(FindingsList)]
pub fn findings_list(props: &FindingsListProps) -> Html {
    let mut counts = [0usize; 3];
    for f in props.findings.iter() {
        counts[severity_index(f.severity)] += 1;
    }
    if props.error.is_some() {
        counts[0] += 1;
    }
    let limits = use_state(|| [PAGE; 3]);
    let docs_ref = use_node_ref();
    {
        // Opened docs come into view where the finding is, and take the focus.
        let docs_ref = docs_ref.clone();
        use_effect_with(props.open_docs, move |open| {
            if open.is_some() {
                if let Some(heading) = docs_ref
                    .cast::<web_sys::Element>()
                    .and_then(|el| el.query_selector("h3").ok().flatten())
                    .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    heading.scroll_into_view_with_bool(false);
                    let _ = heading.focus();
                }
            }
        });
    }
    let filters = GROUPS.iter().enumerate().map(|(i, (severity, label))| {
        let severity = *severity;
        html! {
            <label class={classes!("filter", severity_class(severity))}>
                <input type="checkbox" checked={props.shown[i]}
                    onchange={props.on_toggle.reform(move |_| severity)} />
                { format!("{label} ({})", counts[i]) }
            </label>
        }
    });
    let groups = GROUPS
        .iter()
        .enumerate()
        .filter(|(i, _)| props.shown[*i])
        .map(|(group, (severity, label))| {
            let limit = limits[group];
            let mut items: Vec<Html> = Vec::new();
            if *severity == Severity::Error {
                if let Some(err) = &props.error {
                    items.push(parse_error_item(props, err));
                }
            }
            items.extend(
                props
                    .findings
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.severity == *severity)
                    .take(limit)
                    .map(|(index, f)| finding_item(props, index, f, &docs_ref)),
            );
            if items.is_empty() {
                return Html::default();
            }
            let hidden = counts[group].saturating_sub(limit);
            let more = (hidden > 0).then(|| {
                let limits = limits.clone();
                let onclick = Callback::from(move |_| {
                    let mut next = *limits;
                    next[group] += PAGE;
                    limits.set(next);
                });
                html! {
                    <button type="button" class="show-more" {onclick}>
                        { format!("Show {} more of {hidden}", PAGE.min(hidden)) }
                    </button>
                }
            });
            html! {
                <section class="finding-group" aria-label={*label}>
                    <h3>{ *label }</h3>
                    <ul>{ for items }</ul>
                    { for more }
                </section>
            }
        });
    let total: usize = counts.iter().sum();
    html! {
        <div class={classes!("findings", props.stale.then_some("findings-stale"))}
            aria-label={props.label.clone()}>
            <div class="filters" role="group" aria-label={format!("Show severities ({})", plural(total, "finding"))}>
                { for filters }
            </div>
            { for groups }
        </div>
    }
}

/// "12:5", or "main.tf 12:5" when the input has several files.
fn place(props: &FindingsListProps, file: usize, line: u32, column: u32) -> String {
    match props.names.get(file).filter(|_| props.names.len() > 1) {
        Some(name) => format!("{name} {line}:{column}"),
        None => format!("{line}:{column}"),
    }
}

fn parse_error_item(props: &FindingsListProps, err: &SourceError) -> Html {
    let (file, err) = (err.file, &err.error);
    let hint = err
        .hint
        .as_ref()
        .map(|h| html! { <span class="hint">{ h }</span> });
    html! {
        <li class={classes!("finding", "sev-error")} data-rule="parse-error">
            <button type="button" class="finding-goto" onclick={props.on_goto.reform(|_| Target::ParseError)}>
                <span class="loc">{ place(props, file, err.line, err.column) }</span>
                <span class="message">{ &err.message }</span>
            </button>
            { for hint }
        </li>
    }
}

fn finding_item(
    props: &FindingsListProps,
    index: usize,
    f: &LocatedFinding,
    docs_ref: &NodeRef,
) -> Html {
    let rule = AttrValue::from(f.rule.to_string());
    let open = props.open_docs == Some(index);
    let fix = props.on_fix.as_ref().zip(f.fix.as_ref()).map(|(on_fix, fix)| {
        html! {
            <button type="button" class="fix" title={fix.description.clone()} disabled={props.stale}
                onclick={on_fix.reform(move |_| index)}>{ fix_label(fix.safe) }</button>
        }
    });
    let toggle_docs = props
        .on_docs
        .reform(move |_| if open { None } else { Some(index) });
    // Places in other files (an API definition's routes): links to them.
    let related: Vec<Html> = f
        .related
        .iter()
        .enumerate()
        .filter(|(_, (at, _))| at.file != f.file)
        .map(|(j, (at, note))| {
            html! {
                <li><button type="button" class="link related-goto"
                    onclick={props.on_goto.reform(move |_| Target::Related(index, j))}>
                    <span class="loc">{ place(props, at.file, at.span.line, at.span.column) }</span>
                    <span class="message">{ rich(note) }</span>
                </button></li>
            }
        })
        .collect();
    html! {
        <li class={classes!("finding", severity_class(f.severity))} data-rule={rule.clone()}>
            <button type="button" class="finding-goto" onclick={props.on_goto.reform(move |_| Target::Finding(index))}>
                <span class="loc">{ place(props, f.file, f.span.line, f.span.column) }</span>
                <span class="message">{ rich(&f.message) }</span>
            </button>
            if !related.is_empty() {
                <ul class="related" aria-label="Related places">{ for related }</ul>
            }
            <div class="finding-actions">
                <button type="button" class="rule-link" aria-expanded={open.to_string()}
                    title="The rule's docs" onclick={toggle_docs}>{ rule.clone() }</button>
                { for fix }
            </div>
            if open {
                <div class="finding-docs" ref={docs_ref.clone()}>
                    <RuleDocsPanel slug={rule} on_close={Some(props.on_docs.reform(|_| None))} />
                </div>
            }
        </li>
    }
}
