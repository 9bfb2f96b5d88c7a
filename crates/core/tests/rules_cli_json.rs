//! Rules end to end on AWS CLI JSON: findings, positions, and safe fixes that re-parse.

use apifront_core::lint::{fix_text, lint_text, Finding, LintConfig, Severity};
use apifront_core::parse::parse;
use apifront_core::span::LineIndex;

const BROKEN: &str = include_str!("fixtures/rules/broken.json");

fn findings(text: &str) -> Vec<Finding> {
    lint_text(text, &LintConfig::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .findings
}

fn of<'a>(findings: &'a [Finding], slug: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == slug).collect()
}

/// 1-based line and column of the `nth` occurrence of `needle` in `text`.
fn position(text: &str, needle: &str, nth: usize) -> (u32, u32) {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} not found"))
        .0;
    LineIndex::new(text).line_col(offset)
}

#[test]
fn every_expected_rule_fires() {
    let all = findings(BROKEN);
    for slug in [
        "apigw-host-header-forwarded",
        "apigw-origin-protocol-not-https-only",
        "origin-ssl-protocols-outdated",
        "origin-domain-not-hostname",
        "origin-path-format",
        "path-pattern-shadowed",
        "target-origin-unknown",
        "forwardedvalues-with-cache-policy",
        "api-behavior-caching-enabled",
        "api-behavior-forwards-nothing",
        "api-write-methods-not-allowed",
        "viewer-protocol-allow-all",
        "minimum-protocol-version-not-recommended",
        "acm-certificate-not-us-east-1",
        "error-caching-too-long-for-api",
        "spa-error-rewrite-hits-api",
        "lambda-url-without-oac",
        "quantity-items-mismatch",
        "waf-not-associated",
        "access-logging-disabled",
    ] {
        assert!(!of(&all, slug).is_empty(), "{slug} did not fire: {all:#?}");
    }
    // Sorted by position.
    assert!(all.windows(2).all(|w| w[0].span.start <= w[1].span.start));
}

#[test]
fn host_header_finding_points_at_the_policy_id() {
    let all = findings(BROKEN);
    let f = of(&all, "apigw-host-header-forwarded");
    assert_eq!(f.len(), 1);
    let f = f[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        (f.span.line, f.span.column),
        position(BROKEN, "\"216adef6-5c7f-47e4-b989-5492eafa07d3\"", 0)
    );
    assert_eq!(f.span.line, 71);
    assert_eq!(f.distribution, "DistributionConfig");
    assert!(f.path.ends_with("OriginRequestPolicyId"), "{}", f.path);
    assert!(f.message.contains("origin `orders-api`"));
    assert!(f.message.contains("AllViewer (216adef6-…)"));
}

#[test]
fn findings_name_concrete_values_and_positions() {
    let all = findings(BROKEN);
    let ssl = of(&all, "origin-ssl-protocols-outdated");
    assert_eq!(ssl.len(), 1);
    assert!(ssl[0].message.contains("`TLSv1`"));
    let shadow = of(&all, "path-pattern-shadowed");
    assert_eq!(shadow.len(), 1);
    assert_eq!(
        (shadow[0].span.line, shadow[0].span.column),
        position(BROKEN, "\"/reports/daily/*\"", 0)
    );
    let target = of(&all, "target-origin-unknown");
    assert!(target[0].message.contains("`legacy`"));
    let q = of(&all, "quantity-items-mismatch");
    assert!(q
        .iter()
        .any(|f| f.message == "Quantity is 2 but there are 1 Items"));
    let errors = of(&all, "error-caching-too-long-for-api");
    assert_eq!(errors.len(), 2, "{errors:#?}");
    // The write-methods finding covers the default behavior only.
    assert_eq!(of(&all, "api-write-methods-not-allowed").len(), 1);
}

#[test]
fn safe_fixes_apply_reparse_and_clear_their_findings() {
    let before = findings(BROKEN);
    let fixed = fix_text(BROKEN, &LintConfig::default(), false).unwrap();
    assert_ne!(fixed, BROKEN);
    parse(&fixed).unwrap_or_else(|e| panic!("fixed text does not parse: {e}\n{fixed}"));
    let after = findings(&fixed);
    let left: Vec<_> = after
        .iter()
        .filter(|f| f.fix.as_ref().is_some_and(|x| x.safe))
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect();
    assert!(left.is_empty(), "{left:#?}\n{fixed}");
    for slug in [
        "apigw-host-header-forwarded",
        "apigw-origin-protocol-not-https-only",
        "origin-ssl-protocols-outdated",
        "origin-path-format",
        "origin-domain-not-hostname",
        "forwardedvalues-with-cache-policy",
        "minimum-protocol-version-not-recommended",
        "error-caching-too-long-for-api",
        "quantity-items-mismatch",
    ] {
        assert!(!of(&before, slug).is_empty(), "{slug}");
        assert!(of(&after, slug).is_empty(), "{slug} still fires:\n{fixed}");
    }
    assert!(fixed.contains(
        r#""OriginSslProtocols": {
              "Quantity": 1,
              "Items": ["TLSv1.2"]"#
    ));
    assert!(fixed.contains(r#""OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#));
    assert!(fixed.contains(r#""DomainName": "xyz987wvut.execute-api.eu-west-1.amazonaws.com""#));
    assert!(fixed.contains(r#""OriginPath": "/v1","#));
    // Unsafe fixes are not applied without asking.
    assert!(!of(&after, "api-behavior-caching-enabled").is_empty());
}

#[test]
fn unsafe_fixes_apply_when_asked() {
    let fixed = fix_text(BROKEN, &LintConfig::default(), true).unwrap();
    parse(&fixed).unwrap();
    let after = findings(&fixed);
    for slug in [
        "api-behavior-caching-enabled",
        "viewer-protocol-allow-all",
        "api-behavior-forwards-nothing",
    ] {
        assert!(of(&after, slug).is_empty(), "{slug} still fires:\n{fixed}");
    }
    // The API is not in the input: whether it takes writes is information without a fix.
    let writes = of(&after, "api-write-methods-not-allowed");
    assert!(
        !writes.is_empty()
            && writes
                .iter()
                .all(|f| f.severity == Severity::Info && f.fix.is_none()),
        "{writes:#?}"
    );
}

#[test]
fn config_disables_and_overrides() {
    let mut config = LintConfig::default();
    config.disabled.push("waf-not-associated".into());
    config
        .severity_overrides
        .insert("access-logging-disabled".into(), Severity::Error);
    let report = lint_text(BROKEN, &config).unwrap();
    assert!(of(&report.findings, "waf-not-associated").is_empty());
    assert!(of(&report.findings, "access-logging-disabled")
        .iter()
        .all(|f| f.severity == Severity::Error));
}

const POLICIES: &str = include_str!("fixtures/rules/policies.json");

#[test]
fn policy_and_path_rules_fire_on_cli_json() {
    let all = findings(POLICIES);
    let expect = |slug: &str, severity: Severity, needle: &str| {
        let f: Vec<_> = of(&all, slug)
            .into_iter()
            .filter(|f| f.message.contains(needle))
            .collect();
        assert_eq!(f.len(), 1, "{slug}: {all:#?}");
        assert_eq!(f[0].severity, severity, "{slug}");
        assert!(f[0].message.contains(needle), "{slug}: {}", f[0].message);
    };
    expect(
        "apigw-host-in-cache-key",
        Severity::Error,
        "UseOriginCacheControlHeaders (83da9c7e-…)",
    );
    expect(
        "authorization-not-forwarded",
        Severity::Info,
        "CORS-CustomOrigin",
    );
    expect(
        "query-strings-not-forwarded",
        Severity::Info,
        "behavior `/api/*`",
    );
    expect(
        "path-pattern-prefix-not-stripped",
        Severity::Info,
        "`/api/…`",
    );
    expect(
        "aliases-need-custom-certificate",
        Severity::Error,
        "api.example.com",
    );
    expect(
        "lambda-url-oac-payload-hash",
        Severity::Info,
        "x-amz-content-sha256",
    );
    expect(
        "api-origin-bypassable",
        Severity::Warning,
        "origin `http-api`",
    );
    expect(
        "api-origin-bypassable",
        Severity::Warning,
        "origin `rest-api`",
    );
    // `uploads/*` goes to a Lambda function URL, which does no routing: its own code reads the
    // whole path.
    assert!(of(&all, "path-pattern-prefix-not-stripped")
        .iter()
        .all(|f| !f.message.contains("`/uploads/…`")));
    expect(
        "apigw-origin-path-on-default-stage",
        Severity::Error,
        "`/$default`",
    );
    // `rest-api` has no origin path, but its stage is unknown and `/api/*` may be it: no guess.
    assert!(of(&all, "apigw-rest-origin-path-missing-stage").is_empty());
    // The default certificate forces TLSv1: not this rule's business.
    assert!(of(&all, "minimum-protocol-version-not-recommended").is_empty());
    let pos = of(&all, "apigw-origin-path-on-default-stage")[0].span;
    assert_eq!(
        (pos.line, pos.column),
        position(POLICIES, "\"/$default\"", 0)
    );
}
