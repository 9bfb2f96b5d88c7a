//! The generated snippets: one tab per output format, in the read-only code view, linted live
//! with the findings shown as in Check; copy and download.

use super::fields::{control_id, field_label};
use crate::check::diagnostics;
use crate::check::findings::{FindingsList, Target};
use crate::check::state::{plural, Outcome};
use crate::clipboard;
use crate::editor::{CodeEditor, EditorRef, Language};
use apifront_core::lint::{lint_text, Finding, LintConfig, Severity};
use apifront_core::parse::ParseError;
use apifront_core::render::{render, OutputFormat, Rendered};
use apifront_core::state::{FieldError, FormState};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Human names of the output formats (short: the six tabs fit on one row).
pub fn format_label(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::CfnYaml => "CloudFormation YAML",
        OutputFormat::CfnJson => "CloudFormation JSON",
        OutputFormat::CdkTypeScript => "CDK TypeScript",
        OutputFormat::CdkPython => "CDK Python",
        OutputFormat::Terraform => "Terraform",
        OutputFormat::CliJson => "CLI JSON",
    }
}

/// The lint of a generated snippet: its findings or parse error; `None` for the formats
/// apifront cannot read back (CDK code). The snippet's trade-offs are not reported: the text
/// suppresses them itself, except CLI JSON (no comments), whose lint disables them.
pub fn lint_snippet(format: OutputFormat, file: &Rendered) -> Option<Outcome> {
    if matches!(
        format,
        OutputFormat::CdkTypeScript | OutputFormat::CdkPython
    ) {
        return None;
    }
    let mut config = LintConfig::default();
    if format == OutputFormat::CliJson {
        config.disabled = file.trade_offs.iter().map(|t| t.rule.to_string()).collect();
    }
    Some(match lint_text(&file.text, &config) {
        Ok(report) => Outcome::Linted {
            format: report.format,
            findings: report.findings.into(),
        },
        Err(err) => Outcome::Failed(err),
    })
}

/// What the lint of a snippet says ("apifront: 0 problems").
pub fn lint_summary(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Linted { findings, .. } => {
            let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
            let problems = count(Severity::Error) + count(Severity::Warning);
            format!(
                "apifront: {} ({})",
                plural(problems, "problem"),
                plural(count(Severity::Info), "info")
            )
        }
        Outcome::Failed(err) => format!("apifront: does not parse back: {err}"),
        Outcome::Empty => "apifront: empty".to_string(),
    }
}

/// Offers `file` for download under its file name and type.
fn download(file: &Rendered) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&file.text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&file.mime_type);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(&file.file_name);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Moves the focus to a form field's control.
fn focus_field(key: &str) {
    if let Some(el) = gloo::utils::document()
        .get_element_by_id(&control_id(key))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view_with_bool(false);
        let _ = el.focus();
    }
}

/// Properties of [`OutputPanel`].
#[derive(Properties, PartialEq)]
pub struct OutputPanelProps {
    pub form: Rc<FormState>,
    pub output: OutputFormat,
    pub on_output: Callback<OutputFormat>,
    pub announce: Callback<String>,
}

/// A rendered snippet and its lint.
#[derive(PartialEq)]
struct Generated {
    rendered: Result<Rendered, Vec<FieldError>>,
    outcome: Option<Outcome>,
    /// Changes with the text, so that the code view shows the new one.
    revision: u64,
}

fn generate(form: &FormState, output: OutputFormat) -> Generated {
    use std::hash::{Hash, Hasher};
    let rendered = render(form, output);
    let outcome = rendered
        .as_ref()
        .ok()
        .and_then(|file| lint_snippet(output, file));
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    if let Ok(file) = &rendered {
        file.text.hash(&mut hasher);
    }
    Generated {
        rendered,
        outcome,
        revision: hasher.finish(),
    }
}

/// The tabs of generated snippets.
#[function_component(OutputPanel)]
pub fn output_panel(props: &OutputPanelProps) -> Html {
    let tab = props.output;
    let generated = use_memo((props.form.clone(), tab), |(form, tab)| {
        generate(form, *tab)
    });
    let editor = use_state(EditorRef::default);
    let editor = (*editor).clone();
    let shown = use_state(|| [true; 3]);
    let diagnostics = use_memo((generated.clone(), *shown), |(generated, shown)| {
        let (findings, error) = match &generated.outcome {
            Some(Outcome::Linted { findings, .. }) => (&findings[..], None),
            Some(Outcome::Failed(err)) => (&[][..], Some(err)),
            _ => (&[][..], None),
        };
        Rc::<str>::from(diagnostics::to_json(findings, error, *shown))
    });
    let open_docs = use_state(|| None::<usize>);
    // A new tab starts at its top; a changed form keeps the scroll position.
    let last_tab = use_mut_ref(|| tab);
    let fresh = *last_tab.borrow() != tab;
    *last_tab.borrow_mut() = tab;
    let tabs = OutputFormat::ALL.iter().map(|&format| {
        let selected = format == tab;
        html! {
            <button type="button" role="tab" id={format!("tab-{}", format.as_str())}
                aria-selected={selected.to_string()} aria-controls="output-panel"
                class={classes!("out-tab", selected.then_some("active"))}
                onclick={props.on_output.reform(move |_| format)}>
                { format_label(format) }
            </button>
        }
    });
    let body = match &generated.rendered {
        Ok(file) => {
            let (findings, error): (Rc<[Finding]>, Option<ParseError>) = match &generated.outcome {
                Some(Outcome::Linted { findings, .. }) => (findings.clone(), None),
                Some(Outcome::Failed(err)) => (Rc::from([]), Some(err.clone())),
                _ => (Rc::from([]), None),
            };
            let summary = generated.outcome.as_ref().map(lint_summary);
            let on_copy = {
                let (text, announce) = (file.text.clone(), props.announce.clone());
                Callback::from(move |_| {
                    clipboard::copy(text.clone(), "the snippet", announce.clone())
                })
            };
            let on_download = {
                let (file, announce) = (file.clone(), props.announce.clone());
                Callback::from(move |_| {
                    download(&file);
                    announce.emit(format!("Downloaded {}.", file.file_name));
                })
            };
            let on_goto = {
                let (editor, findings, error) = (editor.clone(), findings.clone(), error.clone());
                Callback::from(move |target: Target| match target {
                    Target::Finding(i) => {
                        if let Some(f) = findings.get(i) {
                            editor.reveal(
                                [f.span.line, f.span.column],
                                [f.span.end_line, f.span.end_column],
                            );
                        }
                    }
                    Target::ParseError => {
                        if let Some(e) = &error {
                            editor.reveal([e.line, e.column], [e.line, e.column]);
                        }
                    }
                })
            };
            let diagnostics = (*diagnostics).clone();
            let on_toggle = {
                let shown = shown.clone();
                Callback::from(move |s: Severity| {
                    let mut next = *shown;
                    next[crate::check::state::severity_index(s)] ^= true;
                    shown.set(next);
                })
            };
            html! { <>
                <div class="output-bar">
                    <span class="file-name">{ &file.file_name }</span>
                    if let Some(summary) = summary {
                        <span class="output-lint">{ summary }</span>
                    }
                    <button type="button" onclick={on_copy}>{ "Copy" }</button>
                    <button type="button" onclick={on_download}>{ "Download" }</button>
                </div>
                if !file.trade_offs.is_empty() {
                    <details class="trade-offs">
                        <summary>{ format!("{} on purpose, not warned about", plural(file.trade_offs.len(), "trade-off")) }</summary>
                        <ul>{ for file.trade_offs.iter().map(|t| html! {
                            <li><code>{ t.rule }</code>{ format!(": {}", t.reason) }</li>
                        }) }</ul>
                    </details>
                }
                if !file.notes.is_empty() {
                    <ul class="output-notes">{ for file.notes.iter()
                        .filter(|n| !n.starts_with("Not warned about"))
                        .map(|n| html! { <li>{ n }</li> }) }</ul>
                }
                <div class="output-code">
                    <CodeEditor editor={editor.clone()} text={Rc::<str>::from(file.text.as_str())}
                        revision={generated.revision} fresh={fresh} read_only=true
                        language={Some(Language::of_output(tab))} diagnostics={Some(diagnostics)}
                        label={format!("Generated {}", format_label(tab))} />
                </div>
                if generated.outcome.is_some() && (!findings.is_empty() || error.is_some()) {
                    <FindingsList findings={findings} error={error} shown={*shown}
                        label="Findings of the generated snippet" on_toggle={on_toggle} on_goto={on_goto}
                        open_docs={*open_docs} on_docs={Callback::from(move |i| open_docs.set(i))} />
                }
            </> }
        }
        Err(errors) => html! {
            <div class="output-blocked" role="alert">
                <p>{ format!("Fix the form first ({}):", plural(errors.len(), "problem")) }</p>
                <ul>{ for errors.iter().map(|e| {
                    let key = e.field.clone();
                    html! {
                        <li>
                            <button type="button" class="link" onclick={Callback::from(move |_| focus_field(&key))}>
                                { field_label(&props.form, &e.field) }</button>
                            { format!(": {}", e.message) }
                        </li>
                    }
                }) }</ul>
            </div>
        },
    };
    html! {
        <section class="output" aria-label="Generated configuration">
            <div class="out-tabs" role="tablist" aria-label="Output format">{ for tabs }</div>
            <div id="output-panel" role="tabpanel" aria-labelledby={format!("tab-{}", tab.as_str())}>{ body }</div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_a_human_label() {
        for &format in OutputFormat::ALL {
            let label = format_label(format);
            assert_ne!(label, format.as_str(), "{label}");
            assert!(label.starts_with(char::is_uppercase), "{label}");
        }
    }

    #[test]
    fn presets_lint_with_nothing_to_report_in_the_page() {
        for preset in apifront_core::state::presets() {
            for &format in OutputFormat::ALL {
                let file = render(&preset.state, format).expect("renders");
                if let Some(outcome) = lint_snippet(format, &file) {
                    assert_eq!(
                        lint_summary(&outcome),
                        "apifront: 0 problems (0 info)",
                        "{} {format:?}",
                        preset.name
                    );
                }
            }
        }
    }

    #[test]
    fn cdk_code_is_not_linted_back_and_the_rest_is() {
        let state = FormState::default();
        for &format in OutputFormat::ALL {
            let file = render(&state, format).expect("renders");
            match lint_snippet(format, &file) {
                None => assert!(matches!(
                    format,
                    OutputFormat::CdkTypeScript | OutputFormat::CdkPython
                )),
                Some(outcome) => {
                    assert!(
                        lint_summary(&outcome).starts_with("apifront: 0 problems"),
                        "{format:?}"
                    )
                }
            }
        }
    }
}
