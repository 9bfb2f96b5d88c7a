//! `apifront share-link`: a link to the web app carrying a form state, or the state of a link.

use super::{load_state, read_path, write_output};
use crate::args::ShareLinkArgs;
use crate::error::{CliError, CmdResult, Status};
use crate::style;
use apifront_core::share::{self, ShareOptions, Shared};
use apifront_core::state::FormState;

/// Runs `apifront share-link`.
pub fn run(args: ShareLinkArgs) -> CmdResult {
    if let Some(url) = &args.decode {
        return decode(url, args.text_out.as_deref());
    }
    let state = load_state(args.preset.as_deref(), args.state.as_deref())?;
    let text = args.text.as_deref().map(read_path).transpose()?;
    let options = ShareOptions {
        include_secrets: args.include_secrets,
    };
    let encoded =
        share::encode(&state, text.as_deref(), options).map_err(|e| CliError::new(e.message))?;
    for what in &encoded.redacted {
        anstream::eprintln!(
            "{}: redacted {what} (--include-secrets keeps it)",
            style::paint(style::INFO, "note")
        );
    }
    write_output(
        None,
        &format!("{}\n", share::link(&args.base, &encoded.fragment)),
    )?;
    Ok(Status::Success)
}

fn decode(url: &str, text_out: Option<&std::path::Path>) -> CmdResult {
    let shared: Shared<FormState> = share::decode(url)
        .map_err(|e| CliError::new(format!("cannot read the share link: {}", e.message)))?;
    let json = serde_json::to_string_pretty(&shared.state)
        .map_err(|e| CliError::new(format!("cannot serialise the state: {e}")))?;
    write_output(None, &(json + "\n"))?;
    let others = shared.files.len().saturating_sub(1);
    if others > 0 {
        anstream::eprintln!(
            "{}: the link carries {} more {} ({}); --text-out saves the first configuration only",
            style::paint(style::INFO, "note"),
            others,
            if others == 1 { "file" } else { "files" },
            shared.files[1..]
                .iter()
                .map(|f| f.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    match (shared.text(), text_out) {
        (Some(text), Some(path)) => write_output(Some(path), text)?,
        (Some(text), None) => anstream::eprintln!(
            "{}: the link also carries {} lines of configuration text; --text-out FILE saves it",
            style::paint(style::INFO, "note"),
            text.lines().count()
        ),
        (None, Some(_)) => anstream::eprintln!(
            "{}: the link carries no configuration text",
            style::paint(style::INFO, "note")
        ),
        (None, None) => {}
    }
    Ok(Status::Success)
}
