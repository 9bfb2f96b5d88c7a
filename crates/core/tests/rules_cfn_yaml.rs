//! Rules end to end on CloudFormation YAML: sibling resources, unknown values, YAML fixes.

use apifront_core::lint::{fix_text, lint_text, Finding, LintConfig, Severity};
use apifront_core::parse::parse;
use apifront_core::span::LineIndex;

const BROKEN: &str = include_str!("fixtures/rules/broken.yaml");

fn findings(text: &str) -> Vec<Finding> {
    lint_text(text, &LintConfig::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .findings
}

fn of<'a>(findings: &'a [Finding], slug: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == slug).collect()
}

fn position(text: &str, needle: &str) -> (u32, u32) {
    let offset = text.find(needle).unwrap_or_else(|| panic!("{needle}"));
    LineIndex::new(text).line_col(offset)
}

#[test]
fn rules_fire_with_positions() {
    let all = findings(BROKEN);
    let host = of(&all, "apigw-host-header-forwarded");
    assert_eq!(host.len(), 1, "{all:#?}");
    assert_eq!(host[0].distribution, "Cdn");
    assert!(host[0].message.starts_with("behavior `/api/*`"));
    assert_eq!(
        (host[0].span.line, host[0].span.column),
        position(BROKEN, "216adef6-5c7f-47e4-b989-5492eafa07d3")
    );
    assert_eq!(host[0].span.line, 51);
    let iam = of(&all, "apigw-iam-auth-behind-cloudfront");
    assert_eq!(iam.len(), 1, "{all:#?}");
    assert!(iam[0].message.contains("`AdminMethod`"));
    assert_eq!((iam[0].span.line, iam[0].span.column), (20, 26));
    let stage = of(&all, "apigw-rest-origin-path-missing-stage");
    assert_eq!(stage[0].severity, Severity::Warning, "{stage:#?}");
    assert!(stage[0].message.contains("`/prod`"));
    let edge = of(&all, "apigw-edge-optimized-origin");
    assert_eq!(edge.len(), 1);
    for slug in [
        "apigw-origin-protocol-not-https-only",
        "origin-ssl-protocols-outdated",
        "aliases-need-custom-certificate",
        "spa-error-rewrite-hits-api",
        // The API is in the template: route reachability, not the prefix heuristic, says
        // what it can (the method's path is not known here: information).
        "apigw-route-unreachable",
        "error-caching-too-long-for-api",
    ] {
        assert!(!of(&all, slug).is_empty(), "{slug}: {all:#?}");
    }
}

#[test]
fn unknown_origin_request_policy_is_not_guessed() {
    let all = findings(BROKEN);
    // The default behavior's origin request policy is a parameter: nothing about what it
    // forwards may be reported as an error or a warning.
    let default_line = position(BROKEN, "OriginRequestPolicyId: !Ref").0;
    let about_default: Vec<_> = all
        .iter()
        .filter(|f| f.span.line == default_line || f.message.starts_with("default behavior"))
        .filter(|f| f.severity != Severity::Info)
        .collect();
    assert!(about_default.is_empty(), "{about_default:#?}");
}

#[test]
fn yaml_fixes_keep_formatting() {
    let fixed = fix_text(BROKEN, &LintConfig::default(), false).unwrap();
    parse(&fixed).unwrap_or_else(|e| panic!("{e}\n{fixed}"));
    assert!(
        fixed.contains("OriginProtocolPolicy: 'https-only'"),
        "{fixed}"
    );
    assert!(
        fixed.contains(
            "OriginSSLProtocols:\n                - TLSv1.2\n        DefaultCacheBehavior"
        ),
        "{fixed}"
    );
    assert!(fixed.contains(
        "          - ErrorCachingMinTTL: 0\n            ErrorCode: 403\n            ResponseCode: 200"
    ), "{fixed}");
    let after = findings(&fixed);
    for slug in [
        "apigw-host-header-forwarded",
        "apigw-origin-protocol-not-https-only",
        "origin-ssl-protocols-outdated",
        "error-caching-too-long-for-api",
    ] {
        assert!(of(&after, slug).is_empty(), "{slug}:\n{fixed}");
    }
}

#[test]
fn metadata_ignore_suppresses() {
    let text = BROKEN.replace(
        "  Cdn:\n    Type: AWS::CloudFront::Distribution\n",
        "  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Metadata:\n      apifront:\n        ignore: [apigw-host-header-forwarded]\n",
    );
    let all = findings(&text);
    assert!(of(&all, "apigw-host-header-forwarded").is_empty());
    assert!(!of(&all, "origin-ssl-protocols-outdated").is_empty());
}
