//! The rule registry: metadata, documentation, and executable doc examples.

use apifront_core::lint::{lint_text, FixAvailability, LintConfig, Severity};
use apifront_core::{rules, VERSION};

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
        assert!(
            version(rule.since).is_some_and(|since| Some(since) <= version(VERSION)),
            "{}: since `{}` is not a version up to {VERSION}",
            rule.slug,
            rule.since
        );
    }
}

/// `major.minor.patch` as numbers.
fn version(text: &str) -> Option<(u64, u64, u64)> {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().ok());
    let v = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(v)
}

/// Biome's `expect_diagnostic`: an example shows its rule and nothing else worth a warning.
#[test]
fn every_example_triggers_its_rule_and_nothing_else() {
    let mut failures = Vec::new();
    for rule in rules::all() {
        let report = lint_text(rule.docs.example.text, &LintConfig::default())
            .unwrap_or_else(|e| panic!("{}: example does not parse: {e}", rule.slug));
        assert_eq!(report.format, rule.docs.example.format, "{}", rule.slug);
        if !report.findings.iter().any(|f| f.rule == rule.slug) {
            failures.push(format!(
                "{}: the example does not trigger the rule",
                rule.slug
            ));
        }
        for f in &report.findings {
            if f.rule != rule.slug && f.severity != Severity::Info {
                failures.push(format!(
                    "{}: the example also gives {} {}: {}",
                    rule.slug,
                    f.severity.as_str(),
                    f.rule,
                    f.message
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The metadata's fix availability is what the example's findings offer: no fix, or the safety
/// of the best fix offered.
#[test]
fn fix_availability_matches_the_examples_fixes() {
    let mut failures = Vec::new();
    for rule in rules::all() {
        let report = lint_text(rule.docs.example.text, &LintConfig::default()).unwrap();
        let fixes: Vec<bool> = report
            .findings
            .iter()
            .filter(|f| f.rule == rule.slug)
            .filter_map(|f| f.fix.as_ref().map(|fix| fix.safe))
            .collect();
        let offered = match (fixes.is_empty(), fixes.contains(&true)) {
            (true, _) => FixAvailability::None,
            (false, true) => FixAvailability::Safe,
            (false, false) => FixAvailability::Unsafe,
        };
        if offered != rule.fix {
            failures.push(format!(
                "{}: the metadata says {:?}, the example's findings offer {offered:?}",
                rule.slug, rule.fix
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
