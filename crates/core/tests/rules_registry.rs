//! The rule registry: metadata, documentation, and executable doc examples.

use apifront_core::lint::{lint_text, LintConfig, Severity};
use apifront_core::rules;

#[test]
fn slugs_are_unique_kebab_case_and_found_by_slug() {
    let mut slugs: Vec<&str> = rules::all().iter().map(|r| r.slug).collect();
    for slug in &slugs {
        assert!(
            slug.split('-').all(|w| !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
            "{slug} is not kebab-case"
        );
        assert_eq!(rules::by_slug(slug).map(|r| r.slug), Some(*slug));
    }
    let n = slugs.len();
    slugs.sort_unstable();
    slugs.dedup();
    assert_eq!(slugs.len(), n, "duplicate slugs");
    assert!(rules::by_slug("no-such-rule").is_none());
}

#[test]
fn every_rule_is_documented() {
    for rule in rules::all() {
        let d = &rule.docs;
        for (name, text) in [
            ("summary", rule.summary),
            ("what_it_does", d.what_it_does),
            ("why_bad", d.why_bad),
            ("exceptions", d.exceptions),
            ("example", d.example.text),
            ("use_instead", d.use_instead.text),
        ] {
            assert!(!text.trim().is_empty(), "{}: empty {name}", rule.slug);
        }
        assert!(!d.references.is_empty(), "{}: no reference", rule.slug);
        for r in d.references {
            assert!(r.starts_with("https://"), "{}: reference {r}", rule.slug);
        }
        assert_eq!(rule.since, "0.1.0");
    }
}

#[test]
fn every_example_triggers_its_rule() {
    for rule in rules::all() {
        let report = lint_text(rule.docs.example.text, &LintConfig::default())
            .unwrap_or_else(|e| panic!("{}: example does not parse: {e}", rule.slug));
        assert_eq!(report.format, rule.docs.example.format, "{}", rule.slug);
        assert!(
            report.findings.iter().any(|f| f.rule == rule.slug),
            "{}: example does not trigger the rule; findings: {:#?}",
            rule.slug,
            report.findings
        );
    }
}

#[test]
fn every_use_instead_has_no_error_or_warning() {
    for rule in rules::all() {
        let report = lint_text(rule.docs.use_instead.text, &LintConfig::default())
            .unwrap_or_else(|e| panic!("{}: use_instead does not parse: {e}", rule.slug));
        let bad: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| format!("{}: {}", f.rule, f.message))
            .collect();
        assert!(bad.is_empty(), "{}: use_instead gives {bad:#?}", rule.slug);
        assert!(
            report.findings.iter().all(|f| f.rule != rule.slug),
            "{}: use_instead still triggers the rule",
            rule.slug
        );
    }
}
