//! `apifront map`: a distribution drawn as SVG or Mermaid.

use super::trace::load;
use crate::args::{MapArgs, MapFormat};
use crate::error::{CliError, CmdResult, Status};
use apifront_core::lint::{lint, LintConfig};
use apifront_core::map;

/// Runs `apifront map`.
pub fn run(args: MapArgs) -> CmdResult {
    let loaded = load(&args.path, &args.api, &args.parameters)?;
    let doc = &loaded.doc;
    let names = || {
        doc.distributions
            .iter()
            .map(|d| format!("`{}`", d.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let dist = match (&args.distribution, doc.distributions.as_slice()) {
        (Some(name), all) => all.iter().find(|d| &d.name == name).ok_or_else(|| {
            CliError::new(format!("{}: no distribution `{name}`", loaded.name))
                .with_hint(format!("its distributions are {}", names()))
        })?,
        (None, [only]) => only,
        (None, _) => {
            return Err(CliError::new(format!(
                "{}: {} distributions; name the one to draw",
                loaded.name,
                doc.distributions.len()
            ))
            .with_hint(format!("--distribution NAME, one of {}", names())))
        }
    };
    let findings = lint(doc, loaded.sources.text(), &LintConfig::default());
    let m = map::build(doc, dist, &findings).locate(&loaded.sources);
    let out = match args.format {
        MapFormat::Svg => map::svg::render(&m),
        MapFormat::Mermaid => map::mermaid::render(&m),
    };
    super::write_output(args.output.as_deref(), &out)?;
    Ok(Status::Success)
}
