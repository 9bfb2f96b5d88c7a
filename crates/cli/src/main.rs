//! The `apifront` command-line tool: the apifront core in CI pipelines.
//!
//! Exit status: 0 when all went well, 1 when `lint` found a problem at or above the threshold
//! (or `fix --diff` has changes to show), 2 for bad usage and unreadable or unparseable input.
#![forbid(unsafe_code)]

mod args;
mod assembly;
mod commands;
mod error;
mod input;
mod parallel;
mod report;
mod style;
mod suggest;

use args::{Cli, Command};
use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

fn main() -> ExitCode {
    // `--version` also names the rule set, so CI logs show which rules ran.
    let version = format!(
        "{}, {}",
        apifront_core::VERSION,
        apifront_core::lint::describe_rule_set()
    );
    let matches = Cli::command().version(version).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let result = match cli.command {
        Command::Lint(a) => commands::lint::run(a),
        Command::Fix(a) => commands::fix::run(a),
        Command::Generate(a) => commands::generate::run(a),
        Command::Presets(a) => commands::generate::presets(a),
        Command::Import(a) => commands::generate::import(a),
        Command::Rules(a) => commands::catalog::list(a),
        Command::Explain(a) => commands::catalog::explain(a),
        Command::ShareLink(a) => commands::share::run(a),
        Command::Trace(a) => commands::trace::run(a),
        Command::Map(a) => commands::map::run(a),
        Command::Completions(a) => commands::completions(a),
    };
    match result {
        Ok(status) => status.into(),
        Err(e) => {
            e.print();
            error::Status::Failure.into()
        }
    }
}
