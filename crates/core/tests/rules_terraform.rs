//! Rules end to end on Terraform: findings, HCL fixes, ignore comments.

use apifront_core::lint::{fix_text, lint_text, Finding, LintConfig, Severity};
use apifront_core::parse::parse;
use apifront_core::span::LineIndex;

const BROKEN: &str = include_str!("fixtures/rules/broken.tf");

fn findings(text: &str) -> Vec<Finding> {
    lint_text(text, &LintConfig::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .findings
}

fn of<'a>(findings: &'a [Finding], slug: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == slug).collect()
}

#[test]
fn rules_fire_with_positions() {
    let all = findings(BROKEN);
    let host = of(&all, "apigw-host-header-forwarded");
    assert_eq!(host.len(), 1, "{all:#?}");
    assert_eq!(host[0].distribution, "aws_cloudfront_distribution.api");
    let offset = BROKEN.find("\"216adef6").unwrap();
    assert_eq!(
        (host[0].span.line, host[0].span.column),
        LineIndex::new(BROKEN).line_col(offset)
    );
    assert_eq!(host[0].span.line, 23);
    let fv = of(&all, "forwardedvalues-with-cache-policy");
    assert_eq!(fv[0].severity, Severity::Error);
    for slug in [
        "apigw-origin-protocol-not-https-only",
        "origin-ssl-protocols-outdated",
        "error-caching-too-long-for-api",
        "waf-not-associated",
    ] {
        assert!(!of(&all, slug).is_empty(), "{slug}: {all:#?}");
    }
}

#[test]
fn hcl_fixes_reparse_and_clear_findings() {
    let fixed = fix_text(BROKEN, &LintConfig::default(), false).unwrap();
    parse(&fixed).unwrap_or_else(|e| panic!("{e}\n{fixed}"));
    assert!(
        fixed.contains("origin_ssl_protocols   = [\"TLSv1.2\"]"),
        "{fixed}"
    );
    assert!(
        fixed.contains("origin_protocol_policy = \"https-only\""),
        "{fixed}"
    );
    assert!(!fixed.contains("forwarded_values"), "{fixed}");
    assert!(
        fixed.contains(
            "custom_error_response {\n    error_caching_min_ttl = 0\n    error_code = 502"
        ),
        "{fixed}"
    );
    let after = findings(&fixed);
    for slug in [
        "apigw-host-header-forwarded",
        "apigw-origin-protocol-not-https-only",
        "origin-ssl-protocols-outdated",
        "forwardedvalues-with-cache-policy",
        "error-caching-too-long-for-api",
    ] {
        assert!(of(&after, slug).is_empty(), "{slug}:\n{fixed}");
    }
}

#[test]
fn ignore_comment_suppresses() {
    let text = format!("# apifront-ignore: waf-not-associated\n{BROKEN}");
    let all = findings(&text);
    assert!(of(&all, "waf-not-associated").is_empty(), "{all:#?}");
    assert!(!of(&all, "origin-ssl-protocols-outdated").is_empty());
}
