//! `apifront trace`: a request walked through a distribution, hop by hop.

use super::read_path;
use crate::args::{ListFormat, TraceArgs};
use crate::error::{CliError, CmdResult, Status};
use crate::report::trace as report;
use apifront_core::model::Document;
use apifront_core::trace::{self, examples, Options, Request};
use std::path::Path;

/// A configuration read and parsed.
pub struct Loaded {
    /// The name shown in reports.
    pub name: String,
    pub text: String,
    pub doc: Document,
}

/// Reads and parses a configuration file (or standard input for `-`); a parse error is a
/// [`CliError`] with the position.
pub fn load(path: &Path) -> Result<Loaded, CliError> {
    let text = read_path(path)?;
    let name = if path.as_os_str() == "-" {
        crate::input::STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    };
    match apifront_core::parse::parse(&text) {
        Ok(doc) => Ok(Loaded { name, text, doc }),
        Err(e) => {
            let error = CliError::new(format!("{name}:{}:{}: {}", e.line, e.column, e.message));
            Err(match e.hint {
                Some(hint) => error.with_hint(hint),
                None => error,
            })
        }
    }
}

/// Runs `apifront trace`.
pub fn run(args: TraceArgs) -> CmdResult {
    let mut request = Request::parse(&args.request).map_err(|e| {
        CliError::new(format!("--request: {e}")).with_hint(
            "write the method and the URL: --request 'GET https://www.example.com/api/orders'",
        )
    })?;
    for h in &args.headers {
        request
            .add_header(h)
            .map_err(|e| CliError::new(format!("--header: {e}")))?;
    }
    for c in &args.cookies {
        request
            .add_cookie(c)
            .map_err(|e| CliError::new(format!("--cookie: {e}")))?;
    }
    let loaded = load(&args.path)?;
    let options = Options {
        distribution: args.distribution.clone(),
    };
    let t = trace::trace(&loaded.doc, &loaded.text, &request, &options).map_err(|e| {
        let error = CliError::new(format!("{}: {}", loaded.name, e.message));
        match e.hint {
            Some(hint) => error.with_hint(hint),
            None => error,
        }
    })?;
    match args.format {
        // Through anstream, which drops the colours when they are not wanted.
        ListFormat::Text => {
            anstream::print!("{}", report::text(&t, &request, &loaded, args.verbose))
        }
        ListFormat::Json => {
            let value = report::json(&t, &request, &loaded);
            let mut s = serde_json::to_string_pretty(&value)
                .map_err(|e| CliError::new(format!("cannot serialise the trace: {e}")))?;
            s.push('\n');
            super::write_output(None, &s)?;
        }
    }
    Ok(if t.outcome.is_success() {
        Status::Success
    } else {
        Status::Findings
    })
}

/// The trace `apifront explain` suggests for a rule: saving the example and the command.
pub fn explain_hint(slug: &str) -> Option<String> {
    let example = examples::for_rule(slug)?;
    let headers: String = example
        .headers
        .iter()
        .map(|h| format!(" --header '{h}'"))
        .collect();
    Some(format!(
        "\n## Trace it\n\nSave the example above as `example.yaml` and run:\n\n    apifront trace example.yaml --request '{}'{headers}\n\nThe trace shows the hop where the request fails because of this rule, and what the viewer gets.\n",
        example.request
    ))
}
