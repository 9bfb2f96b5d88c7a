//! `apifront fix`: apply automatic fixes in place, as a diff, or to standard output.

use super::{lint_config, write_output};
use crate::args::FixArgs;
use crate::error::{CliError, CmdResult, Status};
use crate::input::{self, holds_no_distribution, Input};
use crate::style;
use apifront_core::lint::{fix_sources, lint_sources, LintConfig};
use apifront_core::parse::ParseError;
use apifront_core::source::{SourceError, Sources};

/// Where the fixed text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    InPlace,
    Diff,
    Stdout,
}

/// Runs `apifront fix`.
pub fn run(args: FixArgs) -> CmdResult {
    let config = lint_config(&args.disable)?;
    let inputs = input::collect(std::slice::from_ref(&args.path))?;
    let mode = if args.diff {
        Mode::Diff
    } else if args.stdout || inputs.iter().any(Input::is_stdin) {
        Mode::Stdout
    } else {
        Mode::InPlace
    };
    let mut status = Status::Success;
    let mut fixed_any = 0;
    let mut out = String::new();
    let mut done = 0;
    for input in &inputs {
        let sources = input
            .read()
            .map_err(|(_, message)| CliError::new(message))?;
        if !input.explicit && holds_no_distribution(sources.text(), None) {
            continue;
        }
        let (fixed, before, after) = match fix_one(&sources, &config, args.include_unsafe) {
            Ok(r) => r,
            Err(e) if !input.explicit && holds_no_distribution(sources.text(), Some(&e.error)) => {
                continue
            }
            Err(e) => {
                parse_error(sources.name(e.file), &e.error);
                status = Status::Failure;
                continue;
            }
        };
        done += 1;
        if mode == Mode::Stdout && (done > 1 || input.is_module()) {
            let what = if input.is_module() {
                format!(
                    "{} is a Terraform module of {} files",
                    input.name,
                    input.files.len()
                )
            } else {
                format!("{} holds several configurations", args.path.display())
            };
            return Err(
                CliError::new(format!("--stdout prints one file, and {what}"))
                    .with_hint("fix them in place, or use --diff"),
            );
        }
        for (i, text) in fixed.iter().enumerate() {
            let old = sources.file_text(i);
            let changed = text != old;
            match mode {
                Mode::Stdout => out.push_str(text),
                Mode::Diff if changed => {
                    out.push_str(&diff(sources.name(i), old, text));
                    fixed_any += 1;
                }
                Mode::Diff => {}
                Mode::InPlace if changed => {
                    if let Some(path) = input.files.get(i).and_then(|f| f.path.as_ref()) {
                        std::fs::write(path, text).map_err(|e| {
                            CliError::new(format!("cannot write {}: {e}", path.display()))
                        })?;
                    }
                }
                Mode::InPlace => {}
            }
        }
        if mode == Mode::InPlace {
            report(&input.name, before.saturating_sub(after), after);
        }
    }
    if done == 0 && status == Status::Success {
        return Err(CliError::new(format!(
            "nothing to fix in {}: no file there holds a CloudFront distribution",
            args.path.display()
        )));
    }
    write_output(None, &out)?;
    if mode == Mode::Diff && fixed_any > 0 && status == Status::Success {
        status = Status::Findings;
    }
    Ok(status)
}

/// The fixed text of each file and the number of findings before and after fixing.
fn fix_one(
    sources: &Sources,
    config: &LintConfig,
    include_unsafe: bool,
) -> Result<(Vec<String>, usize, usize), SourceError> {
    let before = lint_sources(sources, config)?.findings.len();
    let fixed = fix_sources(sources, config, include_unsafe)?;
    let names = (0..sources.len()).map(|i| sources.name(i).to_string());
    let after = lint_sources(&Sources::from_files(names.zip(&fixed)), config)
        .map(|r| r.findings.len())
        .unwrap_or(before);
    Ok((fixed, before, after))
}

/// A unified diff of one file, with `a/` and `b/` headers.
fn diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

fn report(name: &str, fixed: usize, remaining: usize) {
    let what = match fixed {
        0 => "nothing to fix".to_string(),
        1 => "fixed 1 problem".to_string(),
        n => format!("fixed {n} problems"),
    };
    let rest = match remaining {
        0 => String::new(),
        n => format!("; {n} remaining (see `apifront lint {name}`)"),
    };
    anstream::eprintln!("{}: {what}{rest}", style::paint(style::BOLD, name));
}

fn parse_error(name: &str, e: &ParseError) {
    let mut message = format!("{name}:{}:{}: {}", e.line, e.column, e.message);
    if let Some(hint) = &e.hint {
        message.push_str(&format!(" (hint: {hint})"));
    }
    CliError::new(message).print();
}
