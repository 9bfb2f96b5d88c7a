//! `apifront lint`: lint files, directories or standard input.

use super::{lint_config, write_output};
use crate::args::{LintArgs, LintFormat, ParameterArgs};
use crate::error::{CliError, CmdResult, Status};
use crate::input::{self, holds_no_distribution, Input, EXTENSIONS};
use crate::parallel;
use crate::report::{self, InputReport, Outcome, ReportFile};
use apifront_core::lint::{lint_sources, LintConfig};
use apifront_core::parse::detect;
use apifront_core::source::Role;
use std::path::{Path, PathBuf};

/// Runs `apifront lint`.
pub fn run(args: LintArgs) -> CmdResult {
    let config = lint_config(&args.disable)?;
    let mut inputs = input::collect(&args.paths)?;
    if args.skip_unrelated {
        for input in &mut inputs {
            input.explicit = false;
        }
    }
    let definitions = read_definitions(&args.api)?;
    if !args.parameters.values.is_empty() && (inputs.len() != 1 || inputs[0].is_module()) {
        return Err(CliError::new(
            "`--parameter` gives the values of one CloudFormation template's parameters",
        )
        .with_hint("name exactly one template file"));
    }
    let mut dirs: Vec<(PathBuf, usize)> = args
        .paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| (p.clone(), 0))
        .collect();
    // Inputs are read, parsed and linted on every core; reports keep the inputs' order.
    let reports = parallel::map_ordered(&inputs, |input| {
        lint_input(input, &definitions, &args.parameters, &config)
    });
    let mut files = Vec::new();
    for (input, report) in inputs.iter().zip(reports) {
        if let Some(report) = report {
            if let Some(dir) = &input.from_dir {
                if let Some(entry) = dirs.iter_mut().find(|(d, _)| d == dir) {
                    entry.1 += 1;
                }
            }
            files.push(report);
        }
    }
    let empty_dirs: Vec<String> = dirs
        .iter()
        .filter(|(_, n)| *n == 0)
        .map(|(d, _)| d.display().to_string())
        .collect();
    let nothing_to_lint = (!empty_dirs.is_empty()).then(|| {
        CliError::new(format!(
            "nothing to lint in {}: no file there holds a CloudFront distribution",
            empty_dirs.join(", ")
        ))
        .with_hint(format!(
            "searched *.{} files, skipping hidden directories and node_modules",
            EXTENSIONS.join(", *.")
        ))
    });
    let nothing_to_lint = match nothing_to_lint {
        Some(error) if files.is_empty() => return Err(error),
        other => other,
    };
    let threshold = args.severity.to_core();
    let rendered = match args.format {
        LintFormat::Text => {
            anstream::print!("{}", report::text::render(&files));
            None
        }
        LintFormat::Json => Some(pretty(&report::json::render(&files))?),
        LintFormat::Sarif => Some(pretty(&report::sarif::render(&files))?),
        LintFormat::Github => Some(report::github::render(&files)),
        LintFormat::Junit => Some(report::junit::render(&files, threshold)),
        LintFormat::Parseable => Some(report::parseable::render(&files)),
    };
    if let Some(text) = rendered {
        write_output(None, &text)?;
    }
    if let Some(error) = nothing_to_lint {
        return Err(error);
    }
    Ok(status(&files, threshold))
}

/// `value` as indented JSON with a final newline.
fn pretty(value: &impl serde::Serialize) -> Result<String, CliError> {
    serde_json::to_string_pretty(value)
        .map(|text| text + "\n")
        .map_err(|e| CliError::new(format!("cannot write the report: {e}")))
}

/// The `--api` definitions, as (name, text); one that cannot be read stops the command.
fn read_definitions(paths: &[PathBuf]) -> Result<Vec<(String, String)>, CliError> {
    paths.iter().map(|path| read_definition(path)).collect()
}

fn read_definition(path: &Path) -> Result<(String, String), CliError> {
    if path.as_os_str() == "-" {
        return Err(CliError::new("`--api` takes a file, not standard input")
            .with_hint("save the definition to a file: `aws apigateway get-export … api.json`"));
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| CliError::new(input::describe_io(path, &e)))?;
    Ok((path.display().to_string(), text))
}

/// Reads, parses and lints one input (a file, or the files of a Terraform module) with the API
/// definitions attached to its origins (what became of each is said on standard error); `None`
/// when an input found in a directory holds no distribution.
fn lint_input(
    input: &Input,
    definitions: &[(String, String)],
    parameters: &ParameterArgs,
    config: &LintConfig,
) -> Option<InputReport> {
    let report = |files: Vec<ReportFile>, format, outcome| InputReport {
        name: input.name.clone(),
        stack: input.stack.clone(),
        files,
        format,
        outcome,
    };
    let mut sources = match input.read() {
        Ok(sources) => sources,
        Err((file, message)) => {
            let files = input
                .files
                .iter()
                .map(|f| ReportFile {
                    name: f.name.clone(),
                    text: String::new(),
                    definition: false,
                })
                .collect();
            return Some(report(files, None, Outcome::Unreadable { file, message }));
        }
    };
    if !input.explicit && holds_no_distribution(sources.text(), None) {
        return None;
    }
    for (name, text) in definitions {
        sources.push_api_definition(name.clone(), text);
    }
    parameters.apply(&mut sources);
    let files = (0..sources.len())
        .map(|i| ReportFile {
            name: sources.name(i).to_string(),
            text: sources.file_text(i).to_string(),
            definition: sources.files()[i].role == Role::ApiDefinition,
        })
        .collect();
    Some(match lint_sources(&sources, config) {
        Ok(r) => {
            for note in &r.notes {
                anstream::eprintln!(
                    "{}: {} (for {}): {}",
                    crate::style::paint(crate::style::INFO, "info"),
                    note.definition,
                    input.name,
                    note.message
                );
            }
            report(files, Some(r.format), Outcome::Linted(r.findings))
        }
        Err(e) => {
            if !input.explicit && holds_no_distribution(sources.text(), Some(&e.error)) {
                return None;
            }
            let format = e
                .error
                .format
                .unwrap_or_else(|| detect(sources.file_text(e.file)));
            report(
                files,
                Some(format),
                Outcome::Invalid {
                    file: e.file,
                    error: e.error,
                },
            )
        }
    })
}

/// Exit 2 when an input failed, 1 when a finding reaches `threshold`, else 0.
fn status(files: &[InputReport], threshold: apifront_core::lint::Severity) -> Status {
    if files.iter().any(|f| f.failure().is_some()) {
        Status::Failure
    } else if files
        .iter()
        .flat_map(|f| f.findings())
        .any(|f| f.severity <= threshold)
    {
        Status::Findings
    } else {
        Status::Success
    }
}
