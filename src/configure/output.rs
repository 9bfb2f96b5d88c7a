//! The generated snippets: one tab per output format, linted live, with copy and download.

use crate::highlight::highlight;
use apifront_core::lint::{lint_text, LintConfig, Severity};
use apifront_core::render::{render, OutputFormat, Rendered};
use apifront_core::state::FormState;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Human names of the output formats.
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

/// What linting a generated snippet says ("0 problems"), for the formats apifront can read back.
pub fn lint_summary(format: OutputFormat, text: &str) -> Option<String> {
    if matches!(
        format,
        OutputFormat::CdkTypeScript | OutputFormat::CdkPython
    ) {
        return None;
    }
    Some(match lint_text(text, &LintConfig::default()) {
        Ok(report) => {
            let problems = report
                .findings
                .iter()
                .filter(|f| f.severity != Severity::Info)
                .count();
            let info = report.findings.len() - problems;
            format!("{problems} problems ({info} info)")
        }
        Err(err) => format!("does not parse back: {err}"),
    })
}

/// Copies text to the clipboard.
fn copy(text: &str) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let _ = clipboard.write_text(text);
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

/// Properties of [`OutputPanel`].
#[derive(Properties, PartialEq)]
pub struct OutputPanelProps {
    pub form: FormState,
}

/// The tabs of generated snippets.
#[function_component(OutputPanel)]
pub fn output_panel(props: &OutputPanelProps) -> Html {
    let tab = use_state(|| OutputFormat::ALL[0]);
    let rendered = render(&props.form, *tab);
    let tabs = OutputFormat::ALL.iter().map(|&format| {
        let selected = format == *tab;
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_| tab.set(format))
        };
        html! {
            <button type="button" role="tab" id={format!("tab-{}", format.as_str())}
                aria-selected={selected.to_string()} aria-controls="output-panel"
                class={classes!("out-tab", selected.then_some("active"))} {onclick}>
                { format_label(format) }
            </button>
        }
    });
    let body = match rendered {
        Ok(file) => {
            let summary = lint_summary(*tab, &file.text);
            let notes = file.notes.iter().map(|n| html! { <li>{ n }</li> });
            let on_copy = {
                let text = file.text.clone();
                Callback::from(move |_| copy(&text))
            };
            let on_download = {
                let file = file.clone();
                Callback::from(move |_| download(&file))
            };
            html! { <>
                <div class="output-bar">
                    <span class="file-name">{ &file.file_name }</span>
                    if let Some(summary) = summary {
                        <span class="output-lint" role="status">{ format!("apifront: {summary}") }</span>
                    }
                    <button type="button" onclick={on_copy}>{ "Copy" }</button>
                    <button type="button" onclick={on_download}>{ "Download" }</button>
                </div>
                if !file.notes.is_empty() { <ul class="output-notes">{ for notes }</ul> }
                <pre class="output-code" tabindex="0" aria-label={format!("Generated {}", format_label(*tab))}><code>{ highlight(&file.text) }</code></pre>
            </> }
        }
        Err(errors) => html! {
            <div class="output-blocked" role="alert">
                <p>{ "Fix the form first:" }</p>
                <ul>{ for errors.iter().map(|e| html! { <li>{ format!("{}: {}", e.field, e.message) }</li> }) }</ul>
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
    fn cdk_code_is_not_linted_back_and_the_rest_is() {
        let state = FormState::default();
        for &format in OutputFormat::ALL {
            let file = render(&state, format).expect("renders");
            let summary = lint_summary(format, &file.text);
            match format {
                OutputFormat::CdkTypeScript | OutputFormat::CdkPython => assert!(summary.is_none()),
                _ => assert!(summary.expect("linted").starts_with("0 problems")),
            }
        }
    }
}
