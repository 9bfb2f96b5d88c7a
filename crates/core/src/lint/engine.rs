//! Running the rules over a document.

use super::context::LintContext;
use super::finding::Finding;
use super::fix::apply_fixes;
use super::severity::LintConfig;
use crate::model::{Distribution, Document, Format};
use crate::parse::{parse, ParseError};
use crate::rules;
use serde::Serialize;

/// The outcome of linting a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LintReport {
    /// The format the text was read as.
    pub format: Format,
    /// Findings sorted by position.
    pub findings: Vec<Finding>,
}

/// Lints every distribution of `doc` (parsed from `text`). Findings come sorted by position.
pub fn lint(doc: &Document, text: &str, config: &LintConfig) -> Vec<Finding> {
    let mut findings = Vec::new();
    for dist in &doc.distributions {
        let ctx = LintContext::new(doc, text, dist);
        for rule in rules::all() {
            if config.is_disabled(rule.slug) || is_suppressed(dist, rule.slug) {
                continue;
            }
            for mut finding in (rule.check)(&ctx) {
                if let Some(severity) = config.severity_overrides.get(rule.slug) {
                    finding.severity = *severity;
                }
                findings.push(finding);
            }
        }
    }
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule, &a.message).cmp(&(
            b.span.start,
            b.span.end,
            b.rule,
            &b.message,
        ))
    });
    findings
}

/// Parses `text` and lints it.
pub fn lint_text(text: &str, config: &LintConfig) -> Result<LintReport, ParseError> {
    let doc = parse(text)?;
    Ok(LintReport {
        format: doc.format,
        findings: lint(&doc, text, config),
    })
}

/// Applies fixes until none is left to apply (at most `MAX_FIX_PASSES` passes): each pass
/// re-parses and re-lints, so fixes skipped for overlapping edits get their turn.
pub fn fix_text(
    text: &str,
    config: &LintConfig,
    include_unsafe: bool,
) -> Result<String, ParseError> {
    let mut current = text.to_string();
    for _ in 0..MAX_FIX_PASSES {
        let report = lint_text(&current, config)?;
        let next = apply_fixes(&current, &report.findings, include_unsafe);
        if next == current {
            break;
        }
        current = next;
    }
    Ok(current)
}

/// Upper bound of fix passes in [`fix_text`].
pub const MAX_FIX_PASSES: usize = 8;

/// True when the distribution suppresses `slug` (`Metadata.apifront.ignore` in CloudFormation,
/// `# apifront-ignore:` comments in Terraform). `all` suppresses every rule.
fn is_suppressed(dist: &Distribution, slug: &str) -> bool {
    dist.ignore
        .iter()
        .any(|s| s.trim().eq_ignore_ascii_case(slug) || s.trim() == "all")
}
