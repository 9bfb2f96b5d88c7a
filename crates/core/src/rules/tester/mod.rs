//! The rule test kit: `pass`, `fail` and `fix` cases of one rule in one table, run through the
//! real pipeline ([`lint_text`]) and again in every other input format.
//!
//! ```ignore
//! #[cfg(test)]
//! mod tests {
//!     use super::RULE;
//!     use crate::rules::tester::{case, CaseText, Tester, API};
//!
//!     const ORP: &str = "b689b0a8-53d0-40ab-baf2-68738e2966ac"; // AllViewerExceptHostHeader
//!
//!     #[test]
//!     fn cases() {
//!         let orp = |id: &str| API.with(ORP, id);
//!         Tester::new(&RULE)
//!             .pass([API.to_string(), orp("!ImportValue shared-orp-id")])
//!             .fix([(
//!                 case(orp("‸216adef6-5c7f-47e4-b989-5492eafa07d3")).message("via origin request policy AllViewer"),
//!                 API.to_string(),
//!             )])
//!             .unsafe_fix([(orp("‸bf0718e1-ba1e-49d1-88b1-f726733018ae"), API)])
//!             .test();
//!     }
//! }
//! ```
//!
//! # Cases
//!
//! A case is the text of a configuration in any input format (CloudFormation YAML or JSON, AWS
//! CLI JSON, Terraform). The marker `‸` (U+2038) stands right before each place the rule must
//! report, that is where the finding's span starts: a value (`CachePolicyId: ‸658327ea-…`), a
//! list (`AllowedMethods: ‸[GET, HEAD]`), or the object a finding about an absent key points at
//! (`- ‸Id: api` in YAML, `‸{` in JSON, `‸origin {` in Terraform). The markers are removed
//! before the text is linted.
//!
//! - **pass**: the rule reports nothing.
//! - **fail**: the rule reports exactly at the markers (one finding per marker), with the rule's
//!   severity unless [`Case::severity`] says otherwise, with every [`Case::message`] fragment in
//!   each message, with every [`Case::related`] fragment in the note of one of each finding's
//!   related places (and **no related place** on any finding when the case names none; with
//!   [`Case::related_at`], that place also starts at the given text), and
//!   **without a fix**: a finding that has a fix belongs in a fix case.
//! - **fix** ([`Tester::fix`] for safe fixes, [`Tester::unsafe_fix`]): a fail case whose findings
//!   all carry a fix of that safety; applying them (pass after pass, as `fix_text` does, but only
//!   this rule's fixes) gives exactly the expected text, which the rule no longer reports.
//!
//! So a related place can be neither dropped nor added unnoticed. The fragments are the same for
//! every finding of a case: findings with different related places (or some with and some
//! without) belong in separate cases.
//!
//! A fix whose result the rule still reports (another finding, on purpose) says so with
//! [`Case::fix_leaves_a_finding`].
//!
//! Cases are built from a few bases by exact edits: [`API`] (the recommended API distribution
//! of the rule docs), [`cfn`] (the same with other keys) and its shortcuts ([`with_config`],
//! [`without_policies`], [`with_custom_header`]), [`beside`] (resources added to a template:
//! [`tenant`], [`CUSTOM_DOMAIN`], [`REST_API_PROD`]), [`tf`] and [`tf_tenant`] (Terraform), and
//! [`CaseText::with`] / [`CaseText::mark`], which fail the test when the text to change does not
//! occur exactly once, so an edit can never silently do nothing.
//!
//! [`Tester::test`] also requires at least one fail or fix case, a pass case holding an unknown
//! value (an intrinsic, a parameter, a variable: cfn-lint's "unknown → silent" convention), fix
//! cases that match the rule's [`FixAvailability`] (none for `None`, a safe one for `Safe`, an
//! unsafe one for `Unsafe`), and a `fix_safety` section in the rule's docs when its fix cases
//! have both safeties.
//!
//! # Rendering into the other formats
//!
//! Each case is parsed, and its distributions are written from the model in the three other
//! formats ([`render`]): CloudFormation YAML and JSON, CLI JSON with `{Quantity, Items}` wrappers,
//! Terraform with snake_case blocks. The rule must behave the same there: findings at the
//! corresponding fields (the model node whose span starts at a marker in the case is looked up in
//! the rendered document's model), with the same severity and fix safety; a fix case's fix, applied
//! to the rendered text, must give the model of the rendered expected text. Before that the kit
//! checks that the rendered text parses back to the case's model (spans, paths, names and the
//! detail of unknown values aside; also logging's `enabled`, which only CLI JSON writes, and
//! `domain_is_url` of a known host, which no rule reads), so a rendering slip or a parser
//! asymmetry shows as such.
//!
//! Limits, by design:
//! - Only distributions and the custom policies and origin access controls beside them are
//!   rendered. A case with other sibling resources (APIs, stages, methods, custom domains,
//!   Lambda function URLs, certificates), suppressions, Terraform `dynamic` blocks or CLI JSON
//!   quantity mismatches, a host referring to a sibling, or a host whose classification came
//!   from an expression's shape, cannot be rendered: it must say so with [`Case::not_rendered`],
//!   giving the reason. The kit fails on an unrenderable case that does not.
//! - CLI JSON has no expressions and no resources beside the distribution: a case with an
//!   unknown value or a sibling policy is not rendered as CLI JSON (automatically).
//! - Where a rule deliberately behaves differently in a format (Terraform's provider ignoring a
//!   key the API rejects), the case names that format in [`Case::except`] and a case written in
//!   that format covers it.
//! - Messages and related notes are checked in the case's own format only: they spell keys
//!   and names as the format does.

mod render;

use crate::lint::{
    apply_fixes, lint_text, Finding, FixAvailability, LintConfig, Rule, Severity, MAX_FIX_PASSES,
};
use crate::model::{Document, Format};
use crate::parse::parse;
use crate::span::LineIndex;
use serde_json::Value as Json;
use std::collections::BTreeMap;

pub use super::test_support::API_HOST;
pub use render::render;

/// A CloudFormation YAML distribution in front of a regional REST API, set up as recommended
/// (the base of most cases; see [`cfn_doc`]).
pub const API: &str = api_doc!();

/// The keys of [`API`]'s origin after its `Id`.
pub const API_ORIGIN: &str = api_origin!();

/// The keys of [`API`]'s default behavior after its `TargetOriginId`.
pub const API_BEHAVIOR: &str = api_behavior!();

/// A CloudFormation YAML template like [`API`] with other `DistributionConfig` keys, origin keys
/// and default behavior keys (as [`cfn_doc`]).
pub fn cfn(config: &str, origin: &str, behavior: &str) -> String {
    format!(cfn_doc!("{}", "{}", "{}"), config, origin, behavior)
}

/// [`API`] with other `DistributionConfig` keys (as [`cfn`] with [`API`]'s origin and behavior).
pub fn with_config(config: &str) -> String {
    cfn(config, API_ORIGIN, API_BEHAVIOR)
}

/// [`API`] with `behavior_keys` (legacy `ForwardedValues` and TTLs, say) in place of its cache
/// policy and origin request policy.
pub fn without_policies(behavior_keys: &str) -> String {
    API.with(
        "          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n          \
         OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n",
        behavior_keys,
    )
}

/// [`API`] whose origin sends the custom header `name: value`.
pub fn with_custom_header(name: &str, value: &str) -> String {
    cfn(
        "",
        &format!(
            "{API_ORIGIN}            OriginCustomHeaders:\n              - HeaderName: {name}\n                \
             HeaderValue: {value}\n"
        ),
        API_BEHAVIOR,
    )
}

/// A distribution tenant `Acme` of `distribution` with these `domains` (for [`beside`]).
pub fn tenant(distribution: &str, domains: &str) -> String {
    format!(
        "Acme:\n  Type: AWS::CloudFront::DistributionTenant\n  Properties:\n    \
         DistributionId: {distribution}\n    Name: acme\n    Domains: {domains}\n"
    )
}

/// `text` (a CloudFormation YAML template) with `resources` added to its `Resources`; each
/// line of `resources` is indented by two spaces.
pub fn beside(text: &str, resources: &str) -> String {
    let mut out = text.to_string();
    for line in resources.lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A Terraform distribution `cdn` with the least Terraform needs to route to the API: the
/// origin `api` on [`API`]'s host and a default behavior to it. `config` holds more arguments
/// and blocks of the distribution (before the origin, indented by two spaces), `origin` and
/// `behavior` more arguments of the origin and of the default behavior (indented by four).
/// Other resources go after it, after a blank line.
pub fn tf(config: &str, origin: &str, behavior: &str) -> String {
    format!(
        "resource \"aws_cloudfront_distribution\" \"cdn\" {{\n{config}  origin {{\n    \
         origin_id   = \"api\"\n    domain_name = \"{API_HOST}\"\n{origin}  }}\n  \
         default_cache_behavior {{\n    target_origin_id = \"api\"\n{behavior}  }}\n}}\n"
    )
}

/// A Terraform distribution whose origins come from a `dynamic "origin"` block, with a default
/// behavior to the origin id `api` (which only the block's values could give).
pub const TF_DYNAMIC_ORIGINS: &str = r#"resource "aws_cloudfront_distribution" "d" {
  dynamic "origin" {
    for_each = var.origins
    content {
      origin_id   = origin.key
      domain_name = origin.value
    }
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}
"#;

/// A Terraform multi-tenant distribution `saas` in front of [`API`]'s host, and its tenant
/// `acme` with these `domain` blocks (indented by two spaces).
pub fn tf_tenant(domains: &str) -> String {
    format!(
        "resource \"aws_cloudfront_multitenant_distribution\" \"saas\" {{\n  enabled = true\n  \
         origin {{\n    id          = \"api\"\n    domain_name = \"{API_HOST}\"\n  }}\n  \
         default_cache_behavior {{\n    target_origin_id = \"api\"\n  }}\n}}\n\n\
         resource \"aws_cloudfront_distribution_tenant\" \"acme\" {{\n  name            = \"acme\"\n  \
         distribution_id = aws_cloudfront_multitenant_distribution.saas.id\n{domains}}}\n"
    )
}

/// `text` (a CloudFormation YAML template) with a copy of its distribution `Cdn` as `Cdn2`.
pub fn second_distribution(text: &str) -> String {
    let start = text.find("\n  Cdn:\n").map_or(0, |i| i + 1);
    let body = &text[start..];
    let end = body
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| {
            let line = &body[i..];
            line.starts_with("  ") && !line.starts_with("   ")
        })
        .unwrap_or(body.len());
    let copy = body[..end].replacen("  Cdn:", "  Cdn2:", 1);
    format!(
        "{text}{}{copy}",
        if text.ends_with('\n') { "" } else { "\n" }
    )
}

/// An API Gateway custom domain `api.example.com` (for [`beside`]).
pub const CUSTOM_DOMAIN: &str = "Domain:
  Type: AWS::ApiGateway::DomainName
  Properties:
    DomainName: api.example.com";

/// A REST API `Api` and its stage `prod` (for [`beside`]).
pub const REST_API_PROD: &str = "Api:
  Type: AWS::ApiGateway::RestApi
  Properties:
    Name: orders
Prod:
  Type: AWS::ApiGateway::Stage
  Properties:
    RestApiId: !Ref Api
    StageName: prod";

/// Where a finding must start, in case texts.
pub const MARKER: char = '‸';

/// The formats a case is rendered into, besides its own.
const FORMATS: [Format; 4] = [
    Format::CfnYaml,
    Format::CfnJson,
    Format::CliJson,
    Format::Terraform,
];

/// One configuration of a table, with what is expected of it.
#[derive(Debug, Clone)]
pub struct Case {
    text: String,
    severity: Option<Severity>,
    messages: Vec<String>,
    related: Vec<String>,
    /// Note fragments whose related place must start at the given text.
    related_at: Vec<(String, String)>,
    except: Vec<Format>,
    not_rendered: bool,
    /// A fix case whose fixed text the rule still reports (with another finding).
    fix_leaves_a_finding: bool,
}

/// A case from its text (for the builder methods).
pub fn case(text: impl Into<String>) -> Case {
    Case {
        text: text.into(),
        severity: None,
        messages: Vec::new(),
        related: Vec::new(),
        related_at: Vec::new(),
        except: Vec::new(),
        not_rendered: false,
        fix_leaves_a_finding: false,
    }
}

impl From<&str> for Case {
    fn from(text: &str) -> Self {
        case(text)
    }
}

impl From<String> for Case {
    fn from(text: String) -> Self {
        case(text)
    }
}

impl From<&String> for Case {
    fn from(text: &String) -> Self {
        case(text.as_str())
    }
}

impl Case {
    /// Every finding has this severity (instead of the rule's default).
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    /// Every message contains `fragment` (checked in the case's own format).
    pub fn message(mut self, fragment: &str) -> Self {
        self.messages.push(fragment.to_string());
        self
    }

    /// Every finding points to a related place whose note contains `fragment` (checked in the
    /// case's own format). A case without one requires findings without related places.
    pub fn related(mut self, fragment: &str) -> Self {
        self.related.push(fragment.to_string());
        self
    }

    /// As [`Case::related`], and that related place starts at the first `starts` of the case's
    /// text (its position, not only its note, is checked).
    pub fn related_at(mut self, fragment: &str, starts: &str) -> Self {
        self.related_at
            .push((fragment.to_string(), starts.to_string()));
        self.related(fragment)
    }

    /// Not rendered into `formats`, where the rule behaves differently on purpose (`_why`
    /// says how; another case covers that format).
    pub fn except(mut self, formats: &[Format], _why: &str) -> Self {
        self.except.extend_from_slice(formats);
        self
    }

    /// A fix case whose fixed text the rule still reports, with another finding (`_why` says
    /// why that is right).
    pub fn fix_leaves_a_finding(mut self, _why: &str) -> Self {
        self.fix_leaves_a_finding = true;
        self
    }

    /// Run in its own format only: the kit cannot render it (`_why` says what it lacks).
    pub fn not_rendered(mut self, _why: &str) -> Self {
        self.not_rendered = true;
        self
    }
}

/// How the related places of finding `f` differ from the note fragments a case expects.
fn related_problems(expected: &[String], f: &Finding, at: &dyn Fn(usize) -> String) -> Vec<String> {
    let notes: Vec<&str> = f.related.iter().map(|(_, note)| note.as_str()).collect();
    if expected.is_empty() && !notes.is_empty() {
        return vec![format!(
            "the finding at {} has related places the case does not name (`.related`): {}",
            at(f.span.start),
            notes.join("; ")
        )];
    }
    expected
        .iter()
        .filter(|fragment| !notes.iter().any(|n| n.contains(fragment.as_str())))
        .map(|fragment| {
            format!(
                "the finding at {} has no related place noting `{fragment}`: [{}]",
                at(f.span.start),
                notes.join("; ")
            )
        })
        .collect()
}

/// How the related places of finding `f` whose notes contain the fragments of `expected` miss
/// the places of `text` they must start at.
fn related_places(
    expected: &[(String, String)],
    f: &Finding,
    text: &str,
    at: &dyn Fn(usize) -> String,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (fragment, starts) in expected {
        let Some(place) = text.find(starts.as_str()) else {
            problems.push(format!("`{starts}` is not in the case's text"));
            continue;
        };
        let noted = f
            .related
            .iter()
            .filter(|(_, n)| n.contains(fragment.as_str()));
        if !noted.clone().any(|(span, _)| span.start == place) {
            let found: Vec<String> = noted.map(|(span, _)| at(span.start)).collect();
            problems.push(format!(
                "the finding at {} has no related place noting `{fragment}` at {} (`{starts}`): \
                 at [{}]",
                at(f.span.start),
                at(place),
                found.join(", ")
            ));
        }
    }
    problems
}

/// Text edits for building cases from a base configuration.
pub trait CaseText {
    /// The text with `old`, which must occur exactly once, replaced by `new`.
    fn with(&self, old: &str, new: &str) -> String;

    /// The text with a [`MARKER`] before `needle`, which must occur exactly once.
    fn mark(&self, needle: &str) -> String {
        self.with(needle, &format!("{MARKER}{needle}"))
    }

    /// The text with the markers removed (the expected text of a fix that changes nothing
    /// else, for one).
    fn unmarked(&self) -> String;
}

impl<T: AsRef<str> + ?Sized> CaseText for T {
    fn with(&self, old: &str, new: &str) -> String {
        let text = self.as_ref();
        let count = text.matches(old).count();
        assert_eq!(count, 1, "`{old}` occurs {count} times in:\n{text}");
        text.replacen(old, new, 1)
    }

    fn unmarked(&self) -> String {
        strip_markers(self.as_ref()).0
    }
}

/// Lints a text and keeps the findings of one rule.
type Engine = fn(&Rule, &str) -> Result<Vec<Finding>, String>;

/// The real pipeline: [`lint_text`] with every rule, keeping the findings of `rule`.
fn pipeline(rule: &Rule, text: &str) -> Result<Vec<Finding>, String> {
    lint_text(text, &LintConfig::default())
        .map(|r| {
            r.findings
                .into_iter()
                .filter(|f| f.rule == rule.slug)
                .collect()
        })
        .map_err(|e| e.to_string())
}

/// What a fix case expects of the fixes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Safety {
    Safe,
    Unsafe,
}

/// The test table of one rule.
pub struct Tester {
    rule: &'static Rule,
    /// How findings are made: the real pipeline, or (for the kit's own tests) the rule alone.
    engine: Engine,
    pass: Vec<Case>,
    fail: Vec<Case>,
    fix: Vec<(Case, String, Safety)>,
}

impl Tester {
    /// An empty table for `rule`.
    pub fn new(rule: &'static Rule) -> Self {
        Self {
            rule,
            engine: pipeline,
            pass: Vec::new(),
            fail: Vec::new(),
            fix: Vec::new(),
        }
    }

    /// Configurations the rule does not report.
    pub fn pass<C: Into<Case>>(mut self, cases: impl IntoIterator<Item = C>) -> Self {
        self.pass.extend(cases.into_iter().map(Into::into));
        self
    }

    /// Configurations the rule reports at their markers, without a fix.
    pub fn fail<C: Into<Case>>(mut self, cases: impl IntoIterator<Item = C>) -> Self {
        self.fail.extend(cases.into_iter().map(Into::into));
        self
    }

    /// `(before, after)`: the rule reports `before` at its markers with safe fixes that turn it
    /// into `after`.
    pub fn fix<C: Into<Case>, A: Into<String>>(
        self,
        cases: impl IntoIterator<Item = (C, A)>,
    ) -> Self {
        self.fixes(cases, Safety::Safe)
    }

    /// Like [`Tester::fix`] with unsafe fixes.
    pub fn unsafe_fix<C: Into<Case>, A: Into<String>>(
        self,
        cases: impl IntoIterator<Item = (C, A)>,
    ) -> Self {
        self.fixes(cases, Safety::Unsafe)
    }

    fn fixes<C: Into<Case>, A: Into<String>>(
        mut self,
        cases: impl IntoIterator<Item = (C, A)>,
        safety: Safety,
    ) -> Self {
        self.fix.extend(
            cases
                .into_iter()
                .map(|(before, after)| (before.into(), after.into(), safety)),
        );
        self
    }

    /// Runs every case in its own format and in the formats it renders to; panics with every
    /// failure found.
    pub fn test(self) {
        let mut run = Run {
            rule: self.rule,
            engine: self.engine,
            failures: Vec::new(),
            rendered: 0,
        };
        run.table_checks(&self);
        for (i, c) in self.pass.iter().enumerate() {
            run.case(&format!("pass #{}", i + 1), c, Expect::Pass);
        }
        for (i, c) in self.fail.iter().enumerate() {
            run.case(&format!("fail #{}", i + 1), c, Expect::Fail);
        }
        for (i, (c, after, safety)) in self.fix.iter().enumerate() {
            run.case(&format!("fix #{}", i + 1), c, Expect::Fix(after, *safety));
        }
        if std::env::var_os("APIFRONT_KIT_STATS").is_some() {
            eprintln!(
                "kit {}: {} pass, {} fail, {} fix cases; {} renderings checked",
                self.rule.slug,
                self.pass.len(),
                self.fail.len(),
                self.fix.len(),
                run.rendered
            );
        }
        assert!(
            run.failures.is_empty(),
            "{}: {} failing case checks\n\n{}",
            self.rule.slug,
            run.failures.len(),
            run.failures.join("\n\n")
        );
    }
}

/// What a case expects.
#[derive(Clone, Copy)]
enum Expect<'a> {
    Pass,
    Fail,
    Fix(&'a str, Safety),
}

/// The state of one [`Tester::test`].
struct Run {
    rule: &'static Rule,
    engine: Engine,
    failures: Vec<String>,
    /// Renderings of cases checked.
    rendered: usize,
}

/// A finding reduced to what is compared across formats.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    start: usize,
    severity: Severity,
    fix: Option<Safety>,
}

impl Run {
    fn fail(&mut self, label: &str, format: Format, text: &str, what: String) {
        self.failures.push(format!(
            "{label} ({}): {what}\n--- text ---\n{text}",
            format.as_str()
        ));
    }

    /// Checks of the table as a whole.
    fn table_checks(&mut self, t: &Tester) {
        let slug = self.rule.slug;
        if t.fail.is_empty() && t.fix.is_empty() {
            self.failures.push(format!("{slug}: no fail or fix case"));
        }
        let has_unknown = t.pass.iter().any(|c| {
            parse(&strip_markers(&c.text).0)
                .map(|doc| has_unknown(&doc))
                .unwrap_or(false)
        });
        if !has_unknown {
            self.failures.push(format!(
                "{slug}: no pass case holds an unknown value (an intrinsic, parameter or \
                 variable the rule must stay silent on)"
            ));
        }
        let has = |s| t.fix.iter().any(|(_, _, safety)| *safety == s);
        let missing = match self.rule.fix {
            FixAvailability::None if !t.fix.is_empty() => {
                Some("the rule has FixAvailability::None but fix cases")
            }
            FixAvailability::Safe if !has(Safety::Safe) => {
                Some("the rule has FixAvailability::Safe but no safe fix case")
            }
            FixAvailability::Unsafe if !has(Safety::Unsafe) => {
                Some("the rule has FixAvailability::Unsafe but no unsafe fix case")
            }
            _ if has(Safety::Safe)
                && has(Safety::Unsafe)
                && self.rule.docs.fix_safety.is_none() =>
            {
                Some("the rule offers safe and unsafe fixes but its docs have no fix_safety")
            }
            _ => None,
        };
        if let Some(missing) = missing {
            self.failures.push(format!("{slug}: {missing}"));
        }
    }

    /// Runs one case in its format, then in the formats it renders to.
    fn case(&mut self, label: &str, case: &Case, expect: Expect) {
        let (text, markers) = strip_markers(&case.text);
        let Some(doc) = self.parse(label, &text) else {
            return;
        };
        let format = doc.format;
        let Some(seen) = self.source(label, case, &text, &markers, expect) else {
            return;
        };
        if case.not_rendered {
            return;
        }
        let after_doc = match expect {
            Expect::Fix(after, _) => match parse(after) {
                Ok(doc) => Some(doc),
                Err(e) => {
                    self.fail(
                        label,
                        format,
                        after,
                        format!("the fixed text does not parse: {e}"),
                    );
                    return;
                }
            },
            _ => None,
        };
        for target in FORMATS.into_iter().filter(|f| *f != format) {
            if case.except.contains(&target) {
                continue;
            }
            let rendered = render(&doc, target).and_then(|before| {
                let after = after_doc.as_ref().map(|d| render(d, target)).transpose()?;
                Ok((before, after))
            });
            let (before, after) = match rendered {
                Ok(r) => r,
                // Inherent to the format, not a limit of the kit.
                Err(why) if target == Format::CliJson && why.starts_with("CLI JSON has no") => {
                    continue
                }
                Err(why) => {
                    self.fail(
                        label,
                        target,
                        &text,
                        format!(
                            "cannot be rendered ({why}); mark the case `.not_rendered(\"…\")` or \
                             `.except(…)`"
                        ),
                    );
                    continue;
                }
            };
            self.rendered(label, &doc, &seen, target, &before, after.as_deref());
        }
    }

    fn parse(&mut self, label: &str, text: &str) -> Option<Document> {
        match parse(text) {
            Ok(doc) => Some(doc),
            Err(e) => {
                let format = crate::parse::detect(text);
                self.fail(label, format, text, format!("does not parse: {e}"));
                None
            }
        }
    }

    /// The rule's findings in `text`.
    fn findings(&self, text: &str) -> Result<Vec<Finding>, String> {
        (self.engine)(self.rule, text)
    }

    /// Applies the rule's fixes (safe and unsafe) as `fix_text` does: pass after pass, as long
    /// as the rule still offers fixes (edits that overlap wait for the next pass).
    fn apply_fixes(&self, text: &str, findings: &[Finding]) -> String {
        let mut current = apply_fixes(text, findings, true);
        for _ in 1..MAX_FIX_PASSES {
            let Ok(findings) = self.findings(&current) else {
                break;
            };
            let next = apply_fixes(&current, &findings, true);
            if next == current {
                break;
            }
            current = next;
        }
        current
    }

    /// Checks the case in its own format; returns the findings for the other formats.
    fn source(
        &mut self,
        label: &str,
        case: &Case,
        text: &str,
        markers: &[usize],
        expect: Expect,
    ) -> Option<Vec<Seen>> {
        let format = crate::parse::detect(text);
        let findings = match self.findings(text) {
            Ok(f) => f,
            Err(e) => {
                self.fail(label, format, text, format!("does not lint: {e}"));
                return None;
            }
        };
        let idx = LineIndex::new(text);
        let at = |offset: usize| {
            let (line, column) = idx.line_col(offset);
            format!("{line}:{column}")
        };
        let mut found: Vec<usize> = findings.iter().map(|f| f.span.start).collect();
        found.sort_unstable();
        let mut wanted = markers.to_vec();
        wanted.sort_unstable();
        let mut problems = Vec::new();
        match expect {
            Expect::Pass if !markers.is_empty() => {
                problems.push("a pass case has markers".to_string());
            }
            Expect::Fail | Expect::Fix(..) if markers.is_empty() => {
                problems.push(format!("no `{MARKER}` marker in a case that must fail"));
            }
            _ => {}
        }
        if found != wanted {
            problems.push(format!(
                "findings at [{}], expected at [{}]:\n{}",
                found.iter().map(|&o| at(o)).collect::<Vec<_>>().join(", "),
                wanted.iter().map(|&o| at(o)).collect::<Vec<_>>().join(", "),
                describe(&findings)
            ));
        }
        let severity = case.severity.unwrap_or(self.rule.default_severity);
        for f in &findings {
            if f.severity != severity {
                problems.push(format!(
                    "{} is {}, expected {}",
                    at(f.span.start),
                    f.severity.as_str(),
                    severity.as_str()
                ));
            }
            for fragment in &case.messages {
                if !f.message.contains(fragment.as_str()) {
                    problems.push(format!(
                        "message at {} lacks `{fragment}`: {}",
                        at(f.span.start),
                        f.message
                    ));
                }
            }
            problems.extend(related_problems(&case.related, f, &at));
            problems.extend(related_places(&case.related_at, f, text, &at));
            let fix = f.fix.as_ref().map(|x| x.safe);
            let wrong = match expect {
                Expect::Pass => None,
                Expect::Fail => fix.map(|_| "a fix (write the case as a fix case)".to_string()),
                Expect::Fix(_, safety) => match (fix, safety) {
                    (None, _) => Some("no fix".to_string()),
                    (Some(false), Safety::Safe) => Some("an unsafe fix, expected safe".into()),
                    (Some(true), Safety::Unsafe) => Some("a safe fix, expected unsafe".into()),
                    _ => None,
                },
            };
            if let Some(wrong) = wrong {
                problems.push(format!("the finding at {} has {wrong}", at(f.span.start)));
            }
        }
        if let Expect::Fix(after, _) = expect {
            let fixed = self.apply_fixes(text, &findings);
            if fixed != after {
                problems.push(format!(
                    "the fixes give\n{fixed}\n--- expected ---\n{after}"
                ));
            } else if !case.fix_leaves_a_finding {
                match self.findings(&fixed) {
                    Ok(left) if !left.is_empty() => problems.push(format!(
                        "the fixed text is still reported:\n{}",
                        describe(&left)
                    )),
                    Err(e) => problems.push(format!("the fixed text does not lint: {e}")),
                    Ok(_) => {}
                }
            }
        }
        let ok = problems.is_empty();
        for p in problems {
            self.fail(label, format, text, p);
        }
        ok.then(|| findings.iter().map(seen).collect())
    }

    /// Checks the rendering of a case into `target` (and of a fix case's expected text).
    fn rendered(
        &mut self,
        label: &str,
        doc: &Document,
        seen: &[Seen],
        target: Format,
        before: &str,
        after: Option<&str>,
    ) {
        self.rendered += 1;
        let Some(rendered) = self.parse(label, before) else {
            return;
        };
        if let Some(diff) = model_difference(doc, &rendered) {
            self.fail(
                label,
                target,
                before,
                format!("renders to another model (a kit or parser asymmetry): {diff}"),
            );
            return;
        }
        let findings = match self.findings(before) {
            Ok(f) => f,
            Err(e) => {
                self.fail(label, target, before, format!("does not lint: {e}"));
                return;
            }
        };
        // Where each finding of the case must be now: the starts of the rendered model nodes
        // that start where the finding did.
        let source_spans = span_starts(doc);
        let target_spans = span_starts(&rendered);
        let mut expected: Vec<(Vec<usize>, &Seen)> = seen
            .iter()
            .map(|s| {
                let starts = source_spans
                    .iter()
                    .filter(|(_, &start)| start == s.start)
                    .filter_map(|(pointer, _)| target_spans.get(pointer).copied())
                    .collect();
                (starts, s)
            })
            .collect();
        let idx = LineIndex::new(before);
        let at = |offset: usize| {
            let (line, column) = idx.line_col(offset);
            format!("{line}:{column}")
        };
        let mut problems = Vec::new();
        for f in &findings {
            let got = self::seen(f);
            let matched = expected.iter().position(|(starts, s)| {
                starts.contains(&got.start) && s.severity == got.severity && s.fix == got.fix
            });
            match matched {
                Some(i) => {
                    expected.remove(i);
                }
                None => problems.push(format!(
                    "unexpected finding at {} ({}, fix {:?})",
                    at(got.start),
                    got.severity.as_str(),
                    got.fix
                )),
            }
        }
        for (starts, s) in &expected {
            let places: Vec<String> = starts.iter().map(|&o| at(o)).collect();
            problems.push(format!(
                "missing finding at [{}] ({}, fix {:?})",
                places.join(" or "),
                s.severity.as_str(),
                s.fix
            ));
        }
        if !problems.is_empty() {
            problems.push(describe(&findings));
            self.fail(label, target, before, problems.join("\n"));
            return;
        }
        let Some(after) = after else {
            return;
        };
        let fixed = self.apply_fixes(before, &findings);
        let compared = match (parse(&fixed), parse(after)) {
            (Ok(got), Ok(want)) => model_difference(&want, &got),
            (Err(e), _) => Some(format!("the fixed text does not parse: {e}\n{fixed}")),
            (_, Err(e)) => Some(format!("the rendered expected text does not parse: {e}")),
        };
        if let Some(diff) = compared {
            self.fail(
                label,
                target,
                before,
                format!(
                    "the fixes give another model than the expected text: {diff}\n--- fixed \
                     ---\n{fixed}\n--- expected ---\n{after}"
                ),
            );
        }
    }
}

fn seen(f: &Finding) -> Seen {
    Seen {
        start: f.span.start,
        severity: f.severity,
        fix: f
            .fix
            .as_ref()
            .map(|x| if x.safe { Safety::Safe } else { Safety::Unsafe }),
    }
}

fn describe(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "  {}:{} {} {}{}",
                f.span.line,
                f.span.column,
                f.severity.as_str(),
                f.message,
                match &f.fix {
                    Some(fix) if fix.safe => " [safe fix]",
                    Some(_) => " [unsafe fix]",
                    None => "",
                }
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The findings of every rule on `text`, with the default configuration: for the tests of how
/// one rule changes the findings of others, which a rule's table does not show.
pub fn lint_all(text: &str) -> Vec<Finding> {
    match lint_text(text, &LintConfig::default()) {
        Ok(report) => report.findings,
        Err(e) => panic!("does not lint: {e}\n{text}"),
    }
}

/// The finding of rule `slug` among `findings` (a failed test, listing them, when there is none).
pub fn finding_of<'a>(findings: &'a [Finding], slug: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| f.rule == slug)
        .unwrap_or_else(|| panic!("{slug} is not reported: {findings:#?}"))
}

/// The text without its markers, and the byte offsets where they stood.
pub fn strip_markers(text: &str) -> (String, Vec<usize>) {
    let mut clean = String::with_capacity(text.len());
    let mut markers = Vec::new();
    for c in text.chars() {
        if c == MARKER {
            markers.push(clean.len());
        } else {
            clean.push(c);
        }
    }
    (clean, markers)
}

/// The distributions of a document, and the siblings the kit renders, as JSON.
fn distributions(doc: &Document) -> Json {
    serde_json::json!({
        "distributions": doc.distributions,
        "cache_policies": doc.cache_policies,
        "origin_request_policies": doc.origin_request_policies,
        "response_headers_policies": doc.response_headers_policies,
        "origin_access_controls": doc.origin_access_controls,
    })
}

/// True when a distribution holds an unknown value.
fn has_unknown(doc: &Document) -> bool {
    fn walk(v: &Json) -> bool {
        match v {
            Json::Object(m) => {
                m.get("state").and_then(Json::as_str) == Some("unknown") || m.values().any(walk)
            }
            Json::Array(items) => items.iter().any(walk),
            _ => false,
        }
    }
    walk(&distributions(doc))
}

/// The span start of every model node (by JSON pointer into the serialized distributions).
fn span_starts(doc: &Document) -> BTreeMap<String, usize> {
    fn walk(v: &Json, pointer: &str, out: &mut BTreeMap<String, usize>) {
        match v {
            Json::Object(m) => {
                // A node with a span, or a bare span (`s3_origin_config`).
                let span = m.get("span").unwrap_or(v);
                if let Some(start) = span.get("start").and_then(Json::as_u64) {
                    out.insert(pointer.to_string(), usize::try_from(start).unwrap_or(0));
                }
                for (k, child) in m {
                    if k != "span" {
                        walk(child, &format!("{pointer}/{k}"), out);
                    }
                }
            }
            Json::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{pointer}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    walk(&distributions(doc), "", &mut out);
    out
}

/// The distributions and policies as rules see them, without what depends on the format: spans,
/// paths, names (also in references to policies), the detail of unknown values, logging's
/// `enabled` (implied by the block outside CLI JSON), and `domain_is_url` of a known host (read
/// only for unknown hosts; the Terraform parser does not set it for a literal URL, the others do).
fn normalized(doc: &Document) -> Json {
    fn walk(v: &mut Json) {
        if is_span(v) {
            *v = Json::Bool(true);
            return;
        }
        match v {
            Json::Object(m) => {
                // `function_ref`: a reference to a resource the kit does not render.
                for key in ["span", "path", "name", "function_ref"] {
                    m.remove(key);
                }
                if m.get("state").and_then(Json::as_str) == Some("unknown")
                    || m.get("kind").and_then(Json::as_str) == Some("local")
                {
                    m.remove("value");
                }
                if m.contains_key("bucket") {
                    m.remove("enabled");
                }
                let host_known = m
                    .get("domain_name")
                    .and_then(|d| d.pointer("/val/state"))
                    .and_then(Json::as_str)
                    == Some("known");
                if host_known {
                    m.remove("domain_is_url");
                }
                m.values_mut().for_each(walk);
            }
            Json::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut v = distributions(doc);
    walk(&mut v);
    v
}

/// True for a serialized [`crate::span::Span`].
fn is_span(v: &Json) -> bool {
    v.get("start").is_some() && v.get("end_column").is_some()
}

/// `None` when both documents have the same normalized distributions, else the first difference.
fn model_difference(want: &Document, got: &Document) -> Option<String> {
    fn first(a: &Json, b: &Json, at: &str) -> Option<String> {
        match (a, b) {
            (Json::Object(x), Json::Object(y)) => {
                x.keys()
                    .chain(y.keys())
                    .find_map(|k| match (x.get(k), y.get(k)) {
                        (Some(p), Some(q)) => first(p, q, &format!("{at}/{k}")),
                        (p, q) => Some(format!("{at}/{k}: {p:?} ≠ {q:?}")),
                    })
            }
            (Json::Array(x), Json::Array(y)) if x.len() == y.len() => x
                .iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (p, q))| first(p, q, &format!("{at}/{i}"))),
            _ if a == b => None,
            _ => Some(format!("{at}: {a} ≠ {b}")),
        }
    }
    first(&normalized(want), &normalized(got), "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_removed_and_located() {
        let (text, at) = strip_markers("a: ‸x\nb: [‸y]\n");
        assert_eq!(text, "a: x\nb: [y]\n");
        assert_eq!(at, vec![3, 9]);
    }

    #[test]
    #[should_panic(expected = "occurs 0 times")]
    fn an_edit_that_does_not_apply_is_an_error() {
        let _ = API.with("NoSuchKey", "x");
    }

    /// A distribution with every field the model reads.
    const EVERYTHING: &str = r#"Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Comment: all fields
        Aliases: [api.example.com, www.example.com]
        Origins:
          - Id: api
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            ConnectionAttempts: 3
            ConnectionTimeout: 10
            CustomOriginConfig:
              HTTPPort: 80
              HTTPSPort: 443
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
              OriginReadTimeout: 30
              OriginKeepaliveTimeout: 5
            OriginCustomHeaders:
              - HeaderName: X-Origin-Verify
                HeaderValue: secret
          - Id: site
            DomainName: site.s3.eu-west-1.amazonaws.com
            S3OriginConfig: {}
            OriginAccessControlId: E2QWRUHEXAMPLE
          - Id: vpc
            DomainName: internal.example.com
            VpcOriginConfig: {}
        OriginGroups:
          Quantity: 1
          Items:
            - Id: failover
              FailoverCriteria:
                StatusCodes: {Quantity: 2, Items: [500, 502]}
              Members:
                Quantity: 2
                Items:
                  - OriginId: api
                  - OriginId: site
        DefaultCacheBehavior:
          TargetOriginId: api
          ViewerProtocolPolicy: redirect-to-https
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachedMethods: [GET, HEAD]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
          ResponseHeadersPolicyId: 67f7725c-6f97-4210-82d7-5512b31e9d03
          Compress: true
          FunctionAssociations:
            - EventType: viewer-request
              FunctionARN: arn:aws:cloudfront::123456789012:function/strip
        CacheBehaviors:
          - PathPattern: /legacy/*
            TargetOriginId: site
            ViewerProtocolPolicy: https-only
            AllowedMethods: [GET, HEAD]
            ForwardedValues:
              QueryString: true
              QueryStringCacheKeys: [page]
              Headers: [Authorization]
              Cookies:
                Forward: whitelist
                WhitelistedNames: [session]
            MinTTL: 0
            DefaultTTL: 60
            MaxTTL: 300
            LambdaFunctionAssociations:
              - EventType: origin-request
                LambdaFunctionARN: arn:aws:lambda:us-east-1:123456789012:function:f:1
        CustomErrorResponses:
          - ErrorCode: 404
            ResponseCode: 200
            ResponsePagePath: /index.html
            ErrorCachingMinTTL: 10
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
        Logging:
          Bucket: logs.s3.amazonaws.com
          Prefix: cdn/
        WebACLId: arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/1
        HttpVersion: http2and3
        PriceClass: PriceClass_100
        IPV6Enabled: true
        DefaultRootObject: index.html
        Restrictions:
          GeoRestriction:
            RestrictionType: none
"#;

    /// Every format renders a distribution with every field to the same model, and back.
    #[test]
    fn rendering_keeps_the_model() {
        let unknowns = EVERYTHING
            .replace("OriginPath: /prod", "OriginPath: !Ref Stage")
            .replace("[GET, HEAD]\n", "[GET, !Ref Method]\n")
            .replace("Prefix: cdn/", "Prefix: !Sub '${AWS::StackName}/'");
        for source in [API, EVERYTHING, unknowns.as_str()] {
            let doc = parse(source).unwrap();
            for target in FORMATS {
                let text = match render(&doc, target) {
                    Ok(text) => text,
                    Err(why) if target == Format::CliJson && has_unknown(&doc) => {
                        assert!(why.contains("no expressions"), "{why}");
                        continue;
                    }
                    Err(why) => panic!("{}: {why}", target.as_str()),
                };
                let back = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
                assert_eq!(back.format, target, "{text}");
                assert_eq!(model_difference(&doc, &back), None, "{text}");
                for again in FORMATS.into_iter().filter(|f| *f != Format::CliJson) {
                    let twice = render(&back, again).unwrap();
                    let back_again = parse(&twice).unwrap();
                    assert_eq!(model_difference(&doc, &back_again), None, "{twice}");
                }
            }
        }
    }

    /// A rule for testing the kit: reports `OriginPath: /prod`, except in Terraform when the
    /// origin path is `/stage`.
    fn prod_path(ctx: &crate::lint::LintContext) -> Vec<Finding> {
        ctx.dist
            .origins
            .iter()
            .filter(|o| {
                let path = o.origin_path.get().map(String::as_str);
                path == Some("/prod")
                    || (path == Some("/stage") && ctx.format() != Format::Terraform)
            })
            .map(|o| {
                let f = &o.origin_path;
                ctx.finding(&PROD_PATH, f.span, &f.path, "production")
            })
            .collect()
    }

    static PROD_PATH: Rule = Rule {
        slug: "prod-path",
        summary: "",
        default_severity: Severity::Warning,
        category: crate::lint::Category::Connectivity,
        fix: FixAvailability::None,
        since: "0.1.0",
        docs: crate::lint::RuleDocs {
            what_it_does: "",
            why_bad: "",
            example: crate::lint::Snippet {
                format: Format::CfnYaml,
                text: "",
            },
            use_instead: crate::lint::Snippet {
                format: Format::CfnYaml,
                text: "",
            },
            exceptions: "",
            references: &[],
            fix_safety: None,
        },
        check: prod_path,
    };

    /// A table of `PROD_PATH`, which is not in the registry: run on its own.
    fn prod_path_table() -> Tester {
        let mut tester = Tester::new(&PROD_PATH);
        tester.engine = |rule, text| {
            let doc = parse(text).map_err(|e| e.to_string())?;
            Ok(crate::rules::test_support::check(rule, &doc))
        };
        tester
    }

    /// The panic message of a failing table.
    fn failure(tester: Tester) -> String {
        let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tester.test()))
            .expect_err("the table fails");
        panic.downcast_ref::<String>().cloned().unwrap_or_default()
    }

    #[test]
    fn a_table_passes_and_fails_as_its_cases_say() {
        let fail = API.with("OriginPath: /prod", "OriginPath: ‸/prod");
        let unknown = API.with("OriginPath: /prod", "OriginPath: !Ref Stage");
        let passing = || {
            prod_path_table()
                .pass([API.with("/prod", "/v1"), unknown.clone()])
                .fail([fail.as_str()])
        };
        passing().test();
        // A finding elsewhere than its marker.
        let moved = API.with("OriginPath: /prod", "‸OriginPath: /prod");
        let message = failure(prod_path_table().pass([&unknown]).fail([moved]));
        assert!(message.contains("expected at [10:13]"), "{message}");
        // A pass case that fails, and a table without an unknown value.
        let message = failure(prod_path_table().pass([API]).fail([fail.as_str()]));
        assert!(
            message.contains("pass #1 (cfn-yaml): findings at [10:25]"),
            "{message}"
        );
        assert!(
            message.contains("no pass case holds an unknown value"),
            "{message}"
        );
        // Silent in one rendered format only.
        let stage = API.with("OriginPath: /prod", "OriginPath: ‸/stage");
        let message = failure(passing().fail([stage.as_str()]));
        assert!(
            message.contains("fail #2 (terraform): missing finding at [6:19]"),
            "{message}"
        );
        assert!(!message.contains("(cfn-json)"), "{message}");
        passing()
            .fail([case(&stage).except(&[Format::Terraform], "silent in Terraform")])
            .test();
        // A case the kit cannot render must say so.
        let sibling =
            format!("{unknown}  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties: {{}}\n");
        let message = failure(passing().pass([sibling.as_str()]));
        assert!(
            message.contains("cannot be rendered (the input defines stages"),
            "{message}"
        );
        passing()
            .pass([case(&sibling).not_rendered("a sibling stage")])
            .test();
    }

    /// A case names the related places of its findings: none unnamed, none missing.
    #[test]
    fn a_case_names_the_related_places_of_its_findings() {
        let fail = API.with("OriginPath: /prod", "OriginPath: ‸/prod");
        let unknown = API.with("OriginPath: /prod", "OriginPath: !Ref Stage");
        // `PROD_PATH` with a related place on each finding.
        let noted = || {
            let mut tester = Tester::new(&PROD_PATH);
            tester.engine = |rule, text| {
                let doc = parse(text).map_err(|e| e.to_string())?;
                let findings = crate::rules::test_support::check(rule, &doc);
                Ok(findings
                    .into_iter()
                    .map(|f| {
                        let span = f.span;
                        f.with_related(span, "the origin path of `api`")
                    })
                    .collect())
            };
            tester.pass([&unknown])
        };
        noted()
            .fail([case(&fail).related("the origin path")])
            .test();
        // A related place the case does not name.
        let message = failure(noted().fail([fail.as_str()]));
        assert!(
            message.contains(
                "fail #1 (cfn-yaml): the finding at 10:25 has related places the case does not \
                 name (`.related`): the origin path of `api`"
            ),
            "{message}"
        );
        // A named related place the finding lacks: another note, or no related place at all.
        let message = failure(noted().fail([case(&fail).related("the stage")]));
        assert!(
            message.contains(
                "fail #1 (cfn-yaml): the finding at 10:25 has no related place noting \
                 `the stage`: [the origin path of `api`]"
            ),
            "{message}"
        );
        let message = failure(
            prod_path_table()
                .pass([&unknown])
                .fail([case(&fail).related("the origin path")]),
        );
        assert!(
            message.contains("has no related place noting `the origin path`: []"),
            "{message}"
        );
        // Where a related place starts, when the case says.
        noted()
            .fail([case(&fail).related_at("the origin path", "/prod")])
            .test();
        let message =
            failure(noted().fail([case(&fail).related_at("the origin path", "orders-api")]));
        assert!(
            message.contains(
                "the finding at 10:25 has no related place noting `the origin path` at 8:17 \
                 (`orders-api`): at [10:25]"
            ),
            "{message}"
        );
    }

    /// The policies and origin access control the kit renders beside a distribution.
    const POLICIES: &str = "ApiCache:
  Type: AWS::CloudFront::CachePolicy
  Properties:
    CachePolicyConfig:
      Name: api
      MinTTL: 0
      DefaultTTL: 0
      MaxTTL: 60
      ParametersInCacheKeyAndForwardedToOrigin:
        EnableAcceptEncodingGzip: true
        EnableAcceptEncodingBrotli: false
        HeadersConfig:
          HeaderBehavior: whitelist
          Headers: [Authorization]
        CookiesConfig:
          CookieBehavior: none
        QueryStringsConfig:
          QueryStringBehavior: allExcept
          QueryStrings: [utm_source, !Ref Extra]
ApiRequests:
  Type: AWS::CloudFront::OriginRequestPolicy
  Properties:
    OriginRequestPolicyConfig:
      Name: api-requests
      HeadersConfig:
        HeaderBehavior: allViewerAndWhitelistCloudFront
        Headers: [CloudFront-Viewer-Country]
      CookiesConfig:
        CookieBehavior: all
      QueryStringsConfig:
        QueryStringBehavior: all
Cors:
  Type: AWS::CloudFront::ResponseHeadersPolicy
  Properties:
    ResponseHeadersPolicyConfig:
      Name: cors
      CorsConfig:
        OriginOverride: !Ref Override
SiteAccess:
  Type: AWS::CloudFront::OriginAccessControl
  Properties:
    OriginAccessControlConfig:
      Name: site
      OriginAccessControlOriginType: s3
      SigningBehavior: always
      SigningProtocol: sigv4";

    #[test]
    fn policies_are_rendered_beside_the_distribution() {
        let text = beside(
            &API.with(
                "CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                "CachePolicyId: !Ref ApiCache",
            )
            .with(
                "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac",
                "OriginRequestPolicyId: !GetAtt ApiRequests.Id\n          \
                 ResponseHeadersPolicyId: !Ref Cors",
            ),
            POLICIES,
        );
        let doc = parse(&text).unwrap();
        assert_eq!(doc.cache_policies.len(), 1);
        for target in [Format::CfnJson, Format::Terraform] {
            let rendered = render(&doc, target).unwrap();
            let back = parse(&rendered).unwrap_or_else(|e| panic!("{e}\n{rendered}"));
            assert_eq!(model_difference(&doc, &back), None, "{rendered}");
            let again = render(&back, Format::CfnYaml).unwrap();
            assert_eq!(
                model_difference(&doc, &parse(&again).unwrap()),
                None,
                "{again}"
            );
        }
        let why = render(&doc, Format::CliJson).unwrap_err();
        assert!(why.contains("CLI JSON has no sibling resources"), "{why}");
    }

    #[test]
    fn other_sibling_resources_are_not_rendered() {
        let doc = parse(&beside(API, REST_API_PROD)).unwrap();
        let why = render(&doc, Format::Terraform).unwrap_err();
        assert!(why.contains("the input defines APIs"), "{why}");
    }
}
