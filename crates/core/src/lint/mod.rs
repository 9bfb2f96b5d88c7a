//! The lint engine: rules, findings, fixes and configuration.
//!
//! [`lint`] runs every rule of [`crate::rules::all`] on each distribution of a document and
//! returns findings sorted by position; [`apply_fixes`] applies their fixes to the text.
//! [`lint_sources`] and [`fix_sources`] do the same for several files read as one input.

mod branches;
mod context;
mod docs;
pub mod edit;
mod engine;
mod finding;
mod fix;
mod key;
mod rule;
mod ruleset;
mod severity;
mod sources;

pub use context::{behavior_name, origin_name, LintContext};
pub use docs::docs_markdown;
pub use engine::{fix_text, lint, lint_text, LintReport, MAX_FIX_PASSES};
pub use finding::{Edit, Finding, Fix};
pub use fix::apply_fixes;
pub use key::Key;
pub use rule::{Rule, RuleDocs, Snippet};
pub use ruleset::{describe_rule_set, rule_set_id};
pub use severity::{Category, FixAvailability, LintConfig, Severity};
pub use sources::{fix_sources, lint_sources, SourcesReport};
