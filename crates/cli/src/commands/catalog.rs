//! `apifront rules` and `apifront explain`: the rule catalogue.

use super::known_rule;
use crate::args::{ExplainArgs, ListArgs, ListFormat};
use crate::error::{CliError, CmdResult, Status};
use crate::style;
use apifront_core::lint::{docs_markdown, FixAvailability, Severity};
use apifront_core::rules;

/// Runs `apifront rules`.
pub fn list(args: ListArgs) -> CmdResult {
    let all = rules::all();
    match args.format {
        ListFormat::Json => {
            let text = serde_json::to_string_pretty(all)
                .map_err(|e| CliError::new(format!("cannot serialise the rules: {e}")))?;
            println!("{text}");
        }
        ListFormat::Text => {
            let width = all.iter().map(|r| r.slug.len()).max().unwrap_or(0);
            for r in all {
                let (severity, paint) = match r.default_severity {
                    Severity::Error => ("error", style::ERROR),
                    Severity::Warning => ("warning", style::WARNING),
                    Severity::Info => ("info", style::INFO),
                };
                let fix = match r.fix {
                    FixAvailability::None => "",
                    FixAvailability::Safe => " [fix]",
                    FixAvailability::Unsafe => " [unsafe fix]",
                };
                anstream::println!(
                    "{}  {}  {}{}",
                    style::paint(style::BOLD, format!("{:width$}", r.slug)),
                    style::paint(paint, format!("{severity:7}")),
                    r.summary,
                    style::paint(style::DIM, fix)
                );
            }
            anstream::println!(
                "\n{} rules. `apifront explain SLUG` shows one in full.",
                all.len()
            );
        }
    }
    Ok(Status::Success)
}

/// Runs `apifront explain`.
pub fn explain(args: ExplainArgs) -> CmdResult {
    let rule = known_rule(&args.slug)?;
    print!("{}", docs_markdown(rule));
    if let Some(hint) = super::trace::explain_hint(rule.slug) {
        print!("{hint}");
    }
    Ok(Status::Success)
}
