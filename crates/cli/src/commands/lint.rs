//! `apifront lint`: lint files, directories or standard input.

use super::{lint_config, write_output};
use crate::args::{LintArgs, LintFormat};
use crate::error::{CliError, CmdResult, Status};
use crate::input::{self, holds_no_distribution, Input, EXTENSIONS};
use crate::parallel;
use crate::report::{self, FileReport, Outcome};
use apifront_core::lint::{lint, LintConfig};
use apifront_core::parse::{detect, parse};
use std::path::PathBuf;

/// Runs `apifront lint`.
pub fn run(args: LintArgs) -> CmdResult {
    let config = lint_config(&args.disable)?;
    let mut inputs = input::collect(&args.paths)?;
    if args.skip_unrelated {
        for input in &mut inputs {
            input.explicit = false;
        }
    }
    let mut dirs: Vec<(PathBuf, usize)> = args
        .paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| (p.clone(), 0))
        .collect();
    // Inputs are read, parsed and linted on every core; reports keep the inputs' order.
    let reports = parallel::map_ordered(&inputs, |input| lint_input(input, &config));
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

/// Reads, parses and lints one input; `None` when a directory's file holds no distribution.
fn lint_input(input: &Input, config: &LintConfig) -> Option<FileReport> {
    let text = match input.read() {
        Ok(text) => text,
        Err(message) => {
            return Some(FileReport {
                name: input.name.clone(),
                stack: input.stack.clone(),
                text: String::new(),
                format: None,
                outcome: Outcome::Unreadable(message),
            })
        }
    };
    if !input.explicit && holds_no_distribution(&text, None) {
        return None;
    }
    let (format, outcome) = match parse(&text) {
        Ok(doc) => (Some(doc.format), Outcome::Linted(lint(&doc, &text, config))),
        Err(e) => {
            if !input.explicit && holds_no_distribution(&text, Some(&e)) {
                return None;
            }
            (
                Some(e.format.unwrap_or_else(|| detect(&text))),
                Outcome::Invalid(e),
            )
        }
    };
    Some(FileReport {
        name: input.name.clone(),
        stack: input.stack.clone(),
        text,
        format,
        outcome,
    })
}

/// Exit 2 when an input failed, 1 when a finding reaches `threshold`, else 0.
fn status(files: &[FileReport], threshold: apifront_core::lint::Severity) -> Status {
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
