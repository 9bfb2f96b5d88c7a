//! Realistic broken configurations, one per input format, compiled into the app (loading them
//! makes no request).

use yew::prelude::*;

/// An example: its menu label and text.
pub struct Example {
    pub label: &'static str,
    pub text: &'static str,
}

/// Every example, in menu order.
pub const EXAMPLES: &[Example] = &[
    Example {
        label: "AWS CLI JSON: REST API with the classic mistakes",
        text: include_str!("../../static/examples/broken-cli.json"),
    },
    Example {
        label: "CloudFormation YAML: S3 site + /api/*",
        text: include_str!("../../static/examples/broken-cfn.yaml"),
    },
    Example {
        label: "Terraform: HTTP API in a hurry",
        text: include_str!("../../static/examples/broken.tf"),
    },
];

/// Properties of [`ExamplesMenu`].
#[derive(Properties, PartialEq)]
pub struct ExamplesMenuProps {
    /// The chosen example's label and text.
    pub on_load: Callback<(&'static str, &'static str)>,
}

/// A select that loads an example into the editor.
#[function_component(ExamplesMenu)]
pub fn examples_menu(props: &ExamplesMenuProps) -> Html {
    let onchange = {
        let on_load = props.on_load.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(example) = select
                .value()
                .parse::<usize>()
                .ok()
                .and_then(|i| EXAMPLES.get(i))
            {
                on_load.emit((example.label, example.text));
            }
            select.set_value("");
        })
    };
    html! {
        <select class="examples" aria-label="Load an example" {onchange}>
            <option value="" selected=true>{ "Load an example…" }</option>
            { for EXAMPLES.iter().enumerate().map(|(i, ex)| html! {
                <option value={i.to_string()}>{ ex.label }</option>
            }) }
        </select>
    }
}

#[cfg(test)]
mod tests {
    use super::EXAMPLES;
    use apifront_core::lint::{lint_text, LintConfig, Severity};

    /// Each example shows the traps its label promises: errors, and outdated origin protocols as
    /// the posture warning they are (nothing fails while the origin also offers TLS 1.2).
    #[test]
    fn every_example_shows_its_traps() {
        use Severity::{Error, Warning};
        let expected: [&[(&str, Severity)]; 3] = [
            &[
                ("apigw-host-header-forwarded", Error),
                ("apigw-origin-protocol-not-https-only", Error),
            ],
            &[
                ("origin-path-format", Error),
                ("spa-error-rewrite-hits-api", Error),
            ],
            &[
                ("origin-domain-not-hostname", Error),
                ("apigw-origin-path-on-default-stage", Error),
                ("apigw-host-header-forwarded", Error),
                ("origin-ssl-protocols-outdated", Warning),
            ],
        ];
        for (example, rules) in EXAMPLES.iter().zip(expected) {
            let report = lint_text(example.text, &LintConfig::default()).expect("lints");
            for (rule, severity) in rules {
                assert!(
                    report
                        .findings
                        .iter()
                        .any(|f| f.rule == *rule && f.severity == *severity),
                    "{}: no {rule} {severity:?}",
                    example.label
                );
            }
        }
    }
}
