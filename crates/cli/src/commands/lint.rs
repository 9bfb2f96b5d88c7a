//! `apifront lint`: lint files, directories or standard input.

use super::{lint_config, write_output};
use crate::args::{LintArgs, LintFormat};
use crate::error::{CliError, CmdResult, Status};
use crate::input::{self, holds_no_distribution, Input, EXTENSIONS};
use crate::report::{self, FileReport, Outcome};
use apifront_core::api::{attach, AttachNote, Definition};
use apifront_core::lint::{lint, LintConfig};
use apifront_core::parse::{detect, parse, parse_api_definition};
use std::path::{Path, PathBuf};

/// Runs `apifront lint`.
pub fn run(args: LintArgs) -> CmdResult {
    let config = lint_config(&args.disable)?;
    let definitions = read_definitions(&args.api)?;
    let inputs = input::collect(&args.paths)?;
    let mut files = Vec::new();
    let mut notes = Vec::new();
    let mut dirs: Vec<(PathBuf, usize)> = args
        .paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| (p.clone(), 0))
        .collect();
    for input in &inputs {
        if let Some(report) = lint_input(input, &config, &definitions, &mut notes) {
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
    let rendered = match args.format {
        LintFormat::Text => {
            anstream::print!("{}", report::text::render(&files));
            None
        }
        LintFormat::Json => Some(report::json::render(&files)),
        LintFormat::Sarif => Some(report::sarif::render(&files)),
    };
    if let Some(value) = rendered {
        let text = serde_json::to_string_pretty(&value)
            .map_err(|e| CliError::new(format!("cannot write the report: {e}")))?;
        write_output(None, &(text + "\n"))?;
    }
    for (input, note) in &notes {
        print_note(input, note);
    }
    if let Some(error) = nothing_to_lint {
        return Err(error);
    }
    Ok(status(&files, args.severity.to_core()))
}

/// Reads the `--api` definitions; one that cannot be read or is not a definition stops the
/// command with its position.
fn read_definitions(paths: &[PathBuf]) -> Result<Vec<Definition>, CliError> {
    paths.iter().map(|path| read_definition(path)).collect()
}

fn read_definition(path: &Path) -> Result<Definition, CliError> {
    let name = path.display().to_string();
    if path.as_os_str() == "-" {
        return Err(CliError::new("`--api` takes a file, not standard input")
            .with_hint("save the definition to a file: `aws apigateway get-export … api.json`"));
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| CliError::new(input::describe_io(path, &e)))?;
    parse_api_definition(&name, &text).map_err(|e| {
        let error = CliError::new(format!("{name}:{}:{}: {}", e.line, e.column, e.message));
        match e.hint {
            Some(hint) => error.with_hint(hint),
            None => error,
        }
    })
}

/// Prints what became of a definition for one input, on standard error.
fn print_note(input: &str, note: &AttachNote) {
    anstream::eprintln!(
        "{}: {} (for {input}): {}",
        crate::style::paint(crate::style::INFO, "info"),
        note.definition,
        note.message
    );
}

/// Reads, parses and lints one input, with the API definitions attached to its origins (what
/// became of each goes to `notes`); `None` when a directory's file holds no distribution.
fn lint_input(
    input: &Input,
    config: &LintConfig,
    definitions: &[Definition],
    notes: &mut Vec<(String, AttachNote)>,
) -> Option<FileReport> {
    let text = match input.read() {
        Ok(text) => text,
        Err(message) => {
            return Some(FileReport {
                name: input.name.clone(),
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
        Ok(mut doc) => {
            if !definitions.is_empty() {
                let attached = attach(&mut doc, definitions.to_vec());
                notes.extend(attached.into_iter().map(|n| (input.name.clone(), n)));
            }
            (Some(doc.format), Outcome::Linted(lint(&doc, &text, config)))
        }
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
