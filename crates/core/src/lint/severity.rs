//! Severities, categories, fix availability and the user's lint configuration.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// CloudFront rejects the configuration, or every affected request fails.
    Error,
    /// Very likely broken, insecure or costly for an API; legitimate in rare setups.
    Warning,
    /// Best practice, hardening or explanation.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// Parses `error`, `warning` (or `warn`) and `info`.
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// What part of the configuration a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// CloudFront reaching the origin at all (host, path, protocol).
    Connectivity,
    /// Cache key, TTLs and what is forwarded.
    Caching,
    /// Access control and exposure.
    Security,
    /// Viewer and origin TLS, certificates.
    Tls,
    /// References, lists and structure of the configuration.
    Structure,
    /// Hardening checks mirrored from posture tools.
    Posture,
    /// Allowed and cached HTTP methods.
    Methods,
    /// Custom error responses and error caching.
    Errors,
    /// The input text itself: repeated keys, placeholders, a template read as YAML,
    /// conditions left unevaluated. These rules report once per input.
    Input,
}

/// Whether a rule can fix what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixAvailability {
    /// No automatic fix.
    None,
    /// A fix that keeps the intended behaviour.
    Safe,
    /// A fix that changes behaviour: offered, applied only on request.
    Unsafe,
}

/// User settings for a lint run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LintConfig {
    /// Rule slugs not to run.
    pub disabled: Vec<String>,
    /// Severity per rule slug, replacing the rule's own.
    pub severity_overrides: BTreeMap<String, Severity>,
}

impl LintConfig {
    /// True when `slug` is disabled.
    pub fn is_disabled(&self, slug: &str) -> bool {
        self.disabled.iter().any(|d| d == slug)
    }
}
