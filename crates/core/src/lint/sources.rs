//! Linting and fixing several files read as one input (see [`crate::source`]).

use super::engine::{lint, MAX_FIX_PASSES};
use super::finding::Finding;
use super::fix::accepted_edits;
use super::severity::LintConfig;
use crate::api::AttachNote;
use crate::model::{Document, Format};
use crate::parse::{parse_sources, parse_sources_noted};
use crate::source::{LocatedFinding, SourceError, Sources};
use serde::{Deserialize, Serialize};

/// The outcome of linting several files as one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourcesReport {
    /// The format the files were read as.
    pub format: Format,
    /// Findings in buffer order (file by file, then by position), each placed in its own file.
    pub findings: Vec<LocatedFinding>,
    /// What became of each API definition of the input (which origin it was attached to).
    pub notes: Vec<AttachNote>,
}

/// Parses and lints the files of `sources` as one input.
pub fn lint_sources(sources: &Sources, config: &LintConfig) -> Result<SourcesReport, SourceError> {
    let (doc, notes) = parse_sources_noted(sources)?;
    let findings = lint_parsed(sources, &doc, config);
    Ok(SourcesReport {
        format: doc.format,
        findings: findings.iter().map(|f| sources.localize(f)).collect(),
        notes,
    })
}

/// The findings of `sources` with buffer positions; fixes that would cross files are dropped.
fn lint_buffer(
    sources: &Sources,
    config: &LintConfig,
) -> Result<(Format, Vec<Finding>), SourceError> {
    let doc = parse_sources(sources)?;
    Ok((doc.format, lint_parsed(sources, &doc, config)))
}

/// The findings of the model of `sources`; fixes that would cross files are dropped.
fn lint_parsed(sources: &Sources, doc: &Document, config: &LintConfig) -> Vec<Finding> {
    let mut findings = lint(doc, sources.text(), config);
    for f in &mut findings {
        if !sources.fix_fits(f) {
            f.fix = None;
        }
    }
    findings
}

/// Applies fixes to the files of `sources` until none is left to apply, as
/// [`super::fix_text`] does for one text, and returns the text of each file (in order; the
/// ones without a fix unchanged). A pass whose result would not parse keeps only the fixes that
/// leave the files parseable on their own.
pub fn fix_sources(
    sources: &Sources,
    config: &LintConfig,
    include_unsafe: bool,
) -> Result<Vec<String>, SourceError> {
    let mut current = sources.clone();
    for _ in 0..MAX_FIX_PASSES {
        let (_, findings) = lint_buffer(&current, config)?;
        let texts = current.texts();
        let mut next =
            current.apply_edits(&accepted_edits(current.text(), &findings, include_unsafe));
        if next != texts && parse_sources(&current.with_texts(&next)).is_err() {
            next = parseable(&current, &findings, include_unsafe);
        }
        if next == texts {
            break;
        }
        current = current.with_texts(&next);
    }
    Ok(current.texts())
}

/// The fixes that each leave the files parseable, or, should they break them together, the
/// first of them alone.
fn parseable(sources: &Sources, findings: &[Finding], include_unsafe: bool) -> Vec<String> {
    let apply =
        |fs: &[Finding]| sources.apply_edits(&accepted_edits(sources.text(), fs, include_unsafe));
    let parses = |texts: &[String]| parse_sources(&sources.with_texts(texts)).is_ok();
    let good: Vec<Finding> = findings
        .iter()
        .filter(|f| f.fix.as_ref().is_some_and(|fix| fix.safe || include_unsafe))
        .filter(|f| parses(&apply(std::slice::from_ref(*f))))
        .cloned()
        .collect();
    let together = apply(&good);
    if parses(&together) {
        return together;
    }
    good.first().map_or_else(
        || sources.texts(),
        |first| apply(std::slice::from_ref(first)),
    )
}
