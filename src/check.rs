//! The Check view: paste a configuration and see what the core makes of it.

use apifront_core::parse::{self, ParseError};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// What the status line says about the pasted text.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Nothing pasted yet.
    Empty,
    /// Parsed: the format's name and how many distributions and origins were found.
    Parsed {
        format: &'static str,
        distributions: usize,
        origins: usize,
    },
    /// Could not parse.
    Failed(ParseError),
}

impl Status {
    /// Runs the core parser over `text`.
    pub fn of(text: &str) -> Self {
        if text.trim().is_empty() {
            return Status::Empty;
        }
        match parse::parse(text) {
            Ok(doc) => Status::Parsed {
                format: doc.format.as_str(),
                distributions: doc.distributions.len(),
                origins: doc.distributions.iter().map(|d| d.origins.len()).sum(),
            },
            Err(err) => Status::Failed(err),
        }
    }

    fn message(&self) -> String {
        match self {
            Status::Empty => "Paste a CloudFront configuration to check it.".to_string(),
            Status::Parsed {
                format,
                distributions,
                origins,
            } => format!("{format}: {distributions} distribution(s), {origins} origin(s)"),
            Status::Failed(err) => {
                format!("Line {}, column {}: {}", err.line, err.column, err.message)
            }
        }
    }
}

/// A labelled paste box and a live status line.
#[function_component(CheckView)]
pub fn check_view() -> Html {
    let status = use_state(|| Status::Empty);
    let oninput = {
        let status = status.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            status.set(Status::of(&area.value()));
        })
    };
    let class = match *status {
        Status::Failed(_) => "status status-error",
        _ => "status",
    };
    html! {
        <section class="check" aria-labelledby="check-title">
            <h2 id="check-title">{ "Check a configuration" }</h2>
            <label for="paste">{ "AWS CLI JSON, CloudFormation (JSON or YAML) or Terraform" }</label>
            <textarea id="paste" spellcheck="false" {oninput}
                placeholder="Paste the output of `aws cloudfront get-distribution-config`, a template or a .tf file" />
            <p class={class} role="status" aria-live="polite">{ status.message() }</p>
        </section>
    }
}
