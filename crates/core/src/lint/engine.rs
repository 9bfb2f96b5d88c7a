//! Running the rules over a document.

use super::branches;
use super::context::LintContext;
use super::finding::Finding;
use super::fix::apply_fixes;
use super::rule::Rule;
use super::severity::{Category, LintConfig};
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
///
/// A CloudFormation document built for one combination of condition values brings the others
/// ([`Document::variants`]): each is linted and their findings are merged (see
/// [`super::branches`]). The rules about the text itself ([`Category::Input`]) run once.
pub fn lint(doc: &Document, text: &str, config: &LintConfig) -> Vec<Finding> {
    let mut findings = input_findings(doc, text, config);
    if doc.variants.is_empty() {
        findings.extend(lint_one(doc, text, config));
    } else {
        let docs: Vec<&Document> = std::iter::once(doc).chain(&doc.variants).collect();
        let per_variant = docs.iter().map(|d| lint_one(d, text, config)).collect();
        findings.extend(branches::merge(&docs, per_variant));
    }
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule, &a.message).cmp(&(
            b.span.start,
            b.span.end,
            &b.rule,
            &b.message,
        ))
    });
    findings
}

/// The findings of the distribution rules on the distributions of one document.
fn lint_one(doc: &Document, text: &str, config: &LintConfig) -> Vec<Finding> {
    let mut findings = Vec::new();
    for dist in &doc.distributions {
        let ctx = LintContext::new(doc, text, dist);
        let first = findings.len();
        for rule in rules::all() {
            if rule.category == Category::Input {
                continue;
            }
            run(rule, &ctx, config, &mut findings);
        }
        // Origins a viewer-request function may replace per request (rules/edge_function_changes_origin.rs).
        rules::demote_replaced_origins(&ctx, &mut findings[first..]);
    }
    findings
}

/// The findings of the rules about the text itself, reported once for the document (under
/// its first distribution, in whichever combination of conditions has one).
fn input_findings(doc: &Document, text: &str, config: &LintConfig) -> Vec<Finding> {
    let mut docs = std::iter::once(doc).chain(&doc.variants);
    if docs.all(|d| d.notes.is_empty()) {
        return Vec::new();
    }
    // A template whose only distribution is not created has notes and no distribution.
    let none = Distribution::default();
    let dist = std::iter::once(doc)
        .chain(&doc.variants)
        .find_map(|d| d.distributions.first())
        .unwrap_or(&none);
    let ctx = LintContext::new(doc, text, dist);
    let mut findings = Vec::new();
    for rule in rules::all() {
        if rule.category == Category::Input {
            run(rule, &ctx, config, &mut findings);
        }
    }
    findings
}

/// Runs one rule in `ctx` unless the configuration or the distribution turns it off.
fn run(rule: &Rule, ctx: &LintContext, config: &LintConfig, findings: &mut Vec<Finding>) {
    if config.is_disabled(rule.slug) || is_suppressed(ctx.dist, rule.slug) {
        return;
    }
    for mut finding in (rule.check)(ctx) {
        if let Some(severity) = config.severity_overrides.get(rule.slug) {
            finding.severity = *severity;
        }
        demote_expression_rewrites(&mut finding, ctx.text, ctx.doc);
        findings.push(finding);
    }
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
/// re-parses and re-lints, so fixes skipped for overlapping edits get their turn. A pass whose
/// result would not parse keeps only the fixes that leave the text parseable on their own.
pub fn fix_text(
    text: &str,
    config: &LintConfig,
    include_unsafe: bool,
) -> Result<String, ParseError> {
    let mut current = text.to_string();
    for _ in 0..MAX_FIX_PASSES {
        let report = lint_text(&current, config)?;
        let mut next = apply_fixes(&current, &report.findings, include_unsafe);
        if next != current && parse(&next).is_err() {
            next = apply_parseable_fixes(&current, &report.findings, include_unsafe);
        }
        if next == current {
            break;
        }
        current = next;
    }
    Ok(current)
}

/// Applies the fixes that each leave `text` parseable, or, should they break it together, the
/// first of them alone. (The safety net behind [`fix_text`]: a fix whose edit misjudges odd
/// text is skipped rather than allowed to break the whole file.)
fn apply_parseable_fixes(text: &str, findings: &[Finding], include_unsafe: bool) -> String {
    let good: Vec<Finding> = findings
        .iter()
        .filter(|f| f.fix.as_ref().is_some_and(|fix| fix.safe || include_unsafe))
        .filter(|f| parse(&apply_fixes(text, std::slice::from_ref(*f), include_unsafe)).is_ok())
        .cloned()
        .collect();
    let together = apply_fixes(text, &good, include_unsafe);
    if parse(&together).is_ok() {
        return together;
    }
    good.first().map_or_else(
        || text.to_string(),
        |first| apply_fixes(text, std::slice::from_ref(first), include_unsafe),
    )
}

/// A fix that overwrites an expression (a CloudFormation intrinsic, a Terraform reference or
/// template) with a literal changes more than the finding: the parameter or variable no longer
/// applies. Such fixes stay available but become unsafe. The parsers say where expressions
/// start ([`Document::expressions`]).
fn demote_expression_rewrites(finding: &mut Finding, text: &str, doc: &Document) {
    let Some(fix) = finding.fix.as_mut() else {
        return;
    };
    // Removing the text drops the expression rather than freezing it: not a rewrite. An empty
    // string written in its place is one (`origin_path = ""` for `"/${var.stage}"`).
    let rewrites_expression = fix.edits.iter().any(|e| {
        let Some(old) = text.get(e.start..e.end) else {
            return false;
        };
        let first = e.end - old.trim_start().len();
        e.start < e.end && !e.replacement.trim().is_empty() && doc.is_expression_at(first)
    });
    if fix.safe && rewrites_expression {
        fix.safe = false;
        fix.description
            .push_str(" (replaces an expression with a literal value)");
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Edit, Fix};

    #[test]
    fn a_fix_that_would_break_the_text_is_skipped() {
        let text = include_str!("../../../../static/examples/broken-cli.json");
        let report = lint_text(text, &LintConfig::default()).unwrap();
        let mut findings: Vec<Finding> = report
            .findings
            .into_iter()
            .filter(|f| f.fix.as_ref().is_some_and(|fix| fix.safe))
            .collect();
        let good = findings.len();
        assert!(good > 1);
        // Sabotage the first fix: an unbalanced brace at the start of the text.
        findings[0].fix = Fix::safe(
            "break",
            vec![Edit {
                start: 0,
                end: 0,
                replacement: "{".into(),
            }],
        );
        let fixed = apply_parseable_fixes(text, &findings, false);
        assert!(parse(&fixed).is_ok());
        assert!(!fixed.starts_with("{{"));
        assert_eq!(fixed, apply_fixes(text, &findings[1..], false));
    }

    #[test]
    fn fixes_over_expressions_become_unsafe() {
        let yaml = include_str!("../../../../static/examples/broken-cfn.yaml");
        let report = lint_text(yaml, &LintConfig::default()).unwrap();
        let path = report
            .findings
            .iter()
            .find(|f| f.rule == "origin-path-format")
            .expect("origin-path-format on !Sub \"/${ApiStage}/\"");
        let fix = path.fix.as_ref().expect("a fix is still offered");
        assert!(!fix.safe, "{}", fix.description);
        let fixed = fix_text(yaml, &LintConfig::default(), false).unwrap();
        assert!(fixed.contains("OriginPath: !Sub \"/${ApiStage}/\""));
        // An empty string written over an expression is a rewrite too: `//` from two empty
        // variable defaults would otherwise lose both variables.
        let tf =
            "variable \"base\" {\n  default = \"\"\n}\nvariable \"stage\" {\n  default = \"\"\n}\n\
            resource \"aws_cloudfront_distribution\" \"d\" {\n  enabled = true\n  origin {\n    \
            origin_id   = \"api\"\n    domain_name = \"a.example.com\"\n    \
            origin_path = \"/${var.base}/${var.stage}\"\n  }\n}\n";
        let report = lint_text(tf, &LintConfig::default()).unwrap();
        let path = report
            .findings
            .iter()
            .find(|f| f.rule == "origin-path-format")
            .expect("origin-path-format on `//`");
        let fix = path.fix.as_ref().expect("a fix is still offered");
        assert!(!fix.safe, "{}", fix.description);
        assert_eq!(fix.edits[0].replacement, "\"\"");
        let fixed = fix_text(tf, &LintConfig::default(), false).unwrap();
        assert!(fixed.contains("origin_path = \"/${var.base}/${var.stage}\""));
        // Text inserted where an expression starts leaves it whole: still safe.
        let doc = parse(yaml).unwrap();
        let at = yaml.find("!Sub \"/${ApiStage}/\"").unwrap();
        let mut inserted = path.clone();
        inserted.fix = Fix::safe(
            "insert",
            vec![Edit {
                start: at,
                end: at,
                replacement: "x".into(),
            }],
        );
        demote_expression_rewrites(&mut inserted, yaml, &doc);
        assert!(inserted.fix.as_ref().is_some_and(|f| f.safe));
    }

    #[test]
    fn the_parsers_say_where_expressions_start() {
        fn starts(text: &str) -> Vec<&str> {
            let doc = parse(text).unwrap();
            let mut found: Vec<&str> = doc
                .expressions
                .iter()
                .map(|&at| text[at..].lines().next().unwrap_or_default())
                .collect();
            found.sort_unstable();
            found
        }
        let yaml = include_str!("../../../../static/examples/broken-cfn.yaml");
        assert!(
            starts(yaml).contains(&"!Sub \"/${ApiStage}/\""),
            "{:?}",
            starts(yaml)
        );
        assert!(!starts(yaml).iter().any(|s| s.starts_with("https-only")));
        let tf = "variable \"policy\" {\n  default = \"https-only\"\n}\n\
            resource \"aws_cloudfront_distribution\" \"d\" {\n  enabled = true\n  \
            origin {\n    origin_id   = \"api\"\n    domain_name = \"a.example.com\"\n    \
            origin_path = \"/${var.stage}\"\n    custom_origin_config {\n      \
            http_port = 80\n      https_port = 443\n      origin_protocol_policy = var.policy\n      \
            origin_ssl_protocols = [\"TLSv1.2\"]\n    }\n  }\n  default_cache_behavior {\n    \
            target_origin_id = \"api\"\n    viewer_protocol_policy = \"https-only\"\n    \
            default_ttl = -1\n  }\n}\n";
        let found = starts(tf);
        assert!(found.contains(&"var.policy"), "{found:?}");
        assert!(found.contains(&"\"/${var.stage}\""), "{found:?}");
        assert!(!found
            .iter()
            .any(|s| s.starts_with("\"https-only\"") || s.starts_with("-1")));
        let json = r#"{"DistributionConfig": {"Enabled": true, "Origins": {"Quantity": 1, "Items": [{"Id": "a", "DomainName": {"Fn::Sub": "x"}}]}}}"#;
        assert!(
            parse(json).unwrap().expressions.is_empty(),
            "CLI JSON has none"
        );
    }
}
