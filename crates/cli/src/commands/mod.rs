//! The subcommands, and the helpers they share.

use crate::args::{Cli, CompletionsArgs};
use crate::error::{CliError, CmdResult, Status};
use crate::input::{Input, STDIN_NAME};
use crate::suggest::closest;
use apifront_core::lint::LintConfig;
use apifront_core::rules;
use apifront_core::state::{self, FormState};
use clap::CommandFactory;
use std::path::{Path, PathBuf};

pub mod catalog;
pub mod fix;
pub mod generate;
pub mod lint;
pub mod share;

/// `apifront completions SHELL`.
pub fn completions(args: CompletionsArgs) -> CmdResult {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "apifront", &mut std::io::stdout());
    Ok(Status::Success)
}

/// The lint configuration for `--disable` slugs; an unknown slug is an error.
pub fn lint_config(disable: &[String]) -> Result<LintConfig, CliError> {
    for slug in disable {
        known_rule(slug)?;
    }
    Ok(LintConfig {
        disabled: disable.to_vec(),
        ..LintConfig::default()
    })
}

/// The rule named `slug`, or an error suggesting the closest slug.
pub fn known_rule(slug: &str) -> Result<&'static apifront_core::lint::Rule, CliError> {
    rules::by_slug(slug).ok_or_else(|| {
        let error = CliError::new(format!("unknown rule `{slug}`"));
        match closest(slug, rules::all().iter().map(|r| r.slug)) {
            Some(best) => error.with_hint(format!("did you mean `{best}`?")),
            None => error.with_hint("`apifront rules` lists them"),
        }
    })
}

/// The preset named `name`, or an error listing the presets.
pub fn known_preset(name: &str) -> Result<&'static state::Preset, CliError> {
    state::preset(name).ok_or_else(|| {
        let names: Vec<&str> = state::presets().iter().map(|p| p.name).collect();
        let mut hint = format!("the presets are: {}", names.join(", "));
        if let Some(best) = closest(name, names.iter().copied()) {
            hint = format!("did you mean `{best}`? {hint}");
        }
        CliError::new(format!("unknown preset `{name}`")).with_hint(hint)
    })
}

/// Reads a whole file, or standard input for `-`.
pub fn read_path(path: &Path) -> Result<String, CliError> {
    let input = if path.as_os_str() == "-" {
        Input {
            name: STDIN_NAME.into(),
            path: None,
            explicit: true,
            from_dir: None,
            stack: None,
        }
    } else {
        if path.is_dir() {
            return Err(CliError::new(format!(
                "{} is a directory; give a file",
                path.display()
            )));
        }
        Input {
            name: path.display().to_string(),
            path: Some(PathBuf::from(path)),
            explicit: true,
            from_dir: None,
            stack: None,
        }
    };
    input.read().map_err(CliError::new)
}

/// The form state of `--preset NAME` or `--state FILE`.
pub fn load_state(preset: Option<&str>, file: Option<&Path>) -> Result<FormState, CliError> {
    if let Some(name) = preset {
        return Ok(known_preset(name)?.state.clone());
    }
    let Some(path) = file else {
        return Err(CliError::new("give --preset NAME or --state FILE"));
    };
    let text = read_path(path)?;
    serde_json::from_str(&text).map_err(|e| {
        CliError::new(format!("{} is not a valid form state: {e}", path.display())).with_hint(
            "a form state is the JSON that `apifront import` and `share-link --decode` print",
        )
    })
}

/// Writes `text` to `path`, or prints it when `path` is `None`.
pub fn write_output(path: Option<&Path>, text: &str) -> Result<(), CliError> {
    match path {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", path.display()))),
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                // A closed pipe (`apifront … | head`) is the reader's choice, not an error.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::new(
                    format!("cannot write to standard output: {e}"),
                )),
                _ => Ok(()),
            }
        }
    }
}
