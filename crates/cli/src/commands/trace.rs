//! `apifront trace`: a request walked through a distribution, hop by hop.

use super::read_path;
use crate::args::{ListFormat, ParameterArgs, TraceArgs};
use crate::error::{CliError, CmdResult, Status};
use crate::input;
use crate::report::trace as report;
use apifront_core::model::Document;
use apifront_core::parse::parse_sources_noted;
use apifront_core::source::Sources;
use apifront_core::trace::{self, examples, Options, Request};
use std::path::{Path, PathBuf};

/// A configuration read and parsed, with the API definitions given beside it.
pub struct Loaded {
    /// The configuration's name, as shown in reports.
    pub name: String,
    /// The configuration (file 0) and the definitions, in the order given.
    pub sources: Sources,
    pub doc: Document,
}

/// Reads and parses a configuration file (standard input for `-`, or the one configuration a
/// directory holds: a Terraform module's files) and the API definitions `api`; what became of
/// each definition is said on standard error. A parse error is a [`CliError`] with the file,
/// line and column.
pub fn load(path: &Path, api: &[PathBuf], parameters: &ParameterArgs) -> Result<Loaded, CliError> {
    let (name, mut sources) = if path.is_dir() {
        directory(path)?
    } else {
        let text = read_path(path)?;
        let name = if path.as_os_str() == "-" {
            input::STDIN_NAME.to_string()
        } else {
            path.display().to_string()
        };
        (name.clone(), Sources::single(name, &text))
    };
    parameters.apply(&mut sources);
    for definition in api {
        if definition.as_os_str() == "-" {
            return Err(
                CliError::new("`--api` takes a file, not standard input").with_hint(
                    "save the definition to a file: `aws apigateway get-export … api.json`",
                ),
            );
        }
        let text = std::fs::read_to_string(definition)
            .map_err(|e| CliError::new(input::describe_io(definition, &e)))?;
        sources.push_api_definition(definition.display().to_string(), &text);
    }
    match parse_sources_noted(&sources) {
        Ok((doc, notes)) => {
            for note in &notes {
                anstream::eprintln!(
                    "{}: {} (for {name}): {}",
                    crate::style::paint(crate::style::INFO, "info"),
                    note.definition,
                    note.message
                );
            }
            Ok(Loaded { name, sources, doc })
        }
        Err(e) => {
            let error = CliError::new(format!(
                "{}:{}:{}: {}",
                sources.name(e.file),
                e.error.line,
                e.error.column,
                e.error.message
            ));
            Err(match e.error.hint {
                Some(hint) => error.with_hint(hint),
                None => error,
            })
        }
    }
}

/// The one configuration a directory holds (a Terraform module's files, or one template),
/// read; files that cannot hold a distribution are left out as `lint` leaves them.
fn directory(path: &Path) -> Result<(String, Sources), CliError> {
    let mut found = Vec::new();
    for input in input::collect(&[path.to_path_buf()])? {
        let sources = input.read().map_err(|(_, e)| CliError::new(e))?;
        if !input::holds_no_distribution(sources.text(), None) {
            found.push((input.name, sources));
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(CliError::new(format!(
            "{} holds no CloudFront distribution",
            path.display()
        ))),
        n => {
            let names: Vec<&str> = found.iter().map(|(name, _)| name.as_str()).collect();
            Err(CliError::new(format!(
                "{} holds {n} configurations; give one of them",
                path.display()
            ))
            .with_hint(names.join(", ")))
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
    let loaded = load(&args.path, &args.api, &args.parameters)?;
    let options = Options {
        distribution: args.distribution.clone(),
    };
    let t =
        trace::trace_sources(&loaded.sources, &loaded.doc, &request, &options).map_err(|e| {
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
