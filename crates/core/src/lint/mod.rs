//! The lint engine: rules, findings, fixes and configuration.
//!
//! [`lint`] runs every rule of [`crate::rules::all`] on each distribution of a document and
//! returns findings sorted by position; [`apply_fixes`] applies their fixes to the text.

mod context;
mod docs;
pub mod edit;
mod engine;
mod finding;
mod fix;
mod rule;
mod ruleset;
mod severity;

pub use context::{behavior_name, origin_name, LintContext};
pub use docs::docs_markdown;
pub use engine::{fix_text, lint, lint_text, LintReport, MAX_FIX_PASSES};
pub use finding::{Edit, Finding, Fix};
pub use fix::apply_fixes;
pub use rule::{Rule, RuleDocs, Snippet};
pub use ruleset::{describe_rule_set, rule_set_id};
pub use severity::{Category, FixAvailability, LintConfig, Severity};
