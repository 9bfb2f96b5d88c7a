//! `apifront generate`, `apifront presets` and `apifront import`: the generator side.

use super::{load_state, read_path, write_output};
use crate::args::{GenerateArgs, ImportArgs, ListArgs, ListFormat};
use crate::error::{CliError, CmdResult, Status};
use crate::style;
use apifront_core::parse::parse;
use apifront_core::render::{render, OutputFormat};
use apifront_core::state::{self, state_from_model, Level};

/// Runs `apifront generate`.
pub fn run(args: GenerateArgs) -> CmdResult {
    let state = load_state(args.preset.as_deref(), args.state.as_deref())?;
    let format = OutputFormat::parse(&args.format)
        .ok_or_else(|| CliError::new(format!("unknown format `{}`", args.format)))?;
    for warning in state::validate(&state)
        .iter()
        .filter(|e| e.level == Level::Warning)
    {
        warn(&format!("{}: {}", warning.field, warning.message));
    }
    let rendered = render(&state, format).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| format!("  {}: {}", e.field, e.message))
            .collect();
        CliError::new(format!(
            "the form state cannot be rendered as {}:\n{}",
            format.as_str(),
            lines.join("\n")
        ))
    })?;
    write_output(args.output.as_deref(), &rendered.text)?;
    for note in &rendered.notes {
        anstream::eprintln!("{}: {note}", style::paint(style::INFO, "note"));
    }
    Ok(Status::Success)
}

/// Runs `apifront presets`.
pub fn presets(args: ListArgs) -> CmdResult {
    let all = state::presets();
    let text = match args.format {
        // The core's serde shape of a preset (`definitions/Preset` in the schema).
        ListFormat::Json => pretty(all)?,
        ListFormat::Text => {
            let width = all.iter().map(|p| p.name.len()).max().unwrap_or(0);
            all.iter()
                .map(|p| {
                    format!(
                        "{}  {}: {}\n",
                        style::paint(style::BOLD, format!("{:width$}", p.name)),
                        p.title,
                        p.description
                    )
                })
                .collect()
        }
    };
    anstream::print!("{text}");
    Ok(Status::Success)
}

/// Runs `apifront import`: the form state on stdout, what was not carried over on stderr.
pub fn import(args: ImportArgs) -> CmdResult {
    let text = read_path(&args.path)?;
    let doc = parse(&text).map_err(|e| {
        let error = CliError::new(format!(
            "{}:{}:{}: {}",
            args.path.display(),
            e.line,
            e.column,
            e.message
        ));
        match e.hint {
            Some(hint) => error.with_hint(hint),
            None => error,
        }
    })?;
    let (state, lost) = state_from_model(&doc);
    write_output(None, &pretty(&state)?)?;
    for line in &lost {
        warn(&format!("not carried over: {line}"));
    }
    Ok(Status::Success)
}

fn pretty<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| CliError::new(format!("cannot serialise: {e}")))
}

fn warn(message: &str) {
    anstream::eprintln!("{}: {message}", style::paint(style::WARNING, "warning"));
}
