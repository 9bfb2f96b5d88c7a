//! `apigw-host-header-forwarded` underlines the value that forwards the viewer `Host` and fixes
//! every shape of it, in every input format. Each case applies only this rule's fix and compares
//! the result with the expected text, byte for byte (`fixtures/host-forwarding/<case>.fixed.*`);
//! the fixed text must parse and no longer forward `Host`.
//!
//! AWS documentation behind the fixes:
//! - AllViewerExceptHostHeader forwards every viewer header except `Host`, all cookies and all
//!   query strings, and is the policy AWS designed for API Gateway and Lambda URL origins
//!   (<https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html>);
//! - CachingDisabled caches nothing (TTLs 0), the behavior `ForwardedValues.Headers: ['*']` had,
//!   since every header was in the cache key
//!   (<https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html>,
//!   <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/header-caching.html>);
//! - `MinTTL`/`DefaultTTL`/`MaxTTL` cannot stand next to a cache policy: the API rejects them.

use apifront_core::lint::{apply_fixes, lint_text, Finding, LintConfig};
use std::path::Path;

const RULE: &str = "apigw-host-header-forwarded";

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/host-forwarding")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn host_finding(text: &str) -> Option<Finding> {
    lint_text(text, &LintConfig::default())
        .expect("parses")
        .findings
        .into_iter()
        .find(|f| f.rule == RULE)
}

/// Lints `input`, checks what the finding underlines and whether its fix is safe, applies only
/// that fix and compares with `expected`.
fn case(input: &str, expected: &str, underlined: &str, safe: bool) {
    let text = read(input);
    let finding = host_finding(&text).unwrap_or_else(|| panic!("{input}: no {RULE} finding"));
    assert_eq!(
        &text[finding.span.start..finding.span.end],
        underlined,
        "{input}: the finding underlines the offending value"
    );
    let fix = finding
        .fix
        .as_ref()
        .unwrap_or_else(|| panic!("{input}: no fix"));
    assert_eq!(fix.safe, safe, "{input}: {}", fix.description);
    let fixed = apply_fixes(&text, std::slice::from_ref(&finding), true);
    assert_eq!(fixed, read(expected), "{input}: fixed text");
    assert!(
        host_finding(&fixed).is_none(),
        "{input}: still forwards Host after the fix"
    );
}

#[test]
fn legacy_star_in_cloudformation_yaml() {
    case("legacy-star.yaml", "legacy-star.fixed.yaml", "'*'", false);
}

#[test]
fn legacy_star_in_cloudformation_json() {
    case(
        "legacy-star-cfn.json",
        "legacy-star-cfn.fixed.json",
        "\"*\"",
        false,
    );
}

#[test]
fn legacy_star_in_cli_json() {
    case(
        "legacy-star-cli.json",
        "legacy-star-cli.fixed.json",
        "\"*\"",
        false,
    );
}

#[test]
fn legacy_star_in_terraform() {
    case("legacy-star.tf", "legacy-star.fixed.tf", "\"*\"", false);
}

#[test]
fn legacy_host_in_cloudformation_yaml() {
    case("legacy-host.yaml", "legacy-host.fixed.yaml", "Host", true);
}

#[test]
fn legacy_host_in_cli_json() {
    case(
        "legacy-host-cli.json",
        "legacy-host-cli.fixed.json",
        "\"Host\"",
        true,
    );
}

#[test]
fn legacy_host_in_terraform() {
    case("legacy-host.tf", "legacy-host.fixed.tf", "\"Host\"", true);
}

#[test]
fn custom_policy_listing_host() {
    case(
        "custom-policy-host.yaml",
        "custom-policy-host.fixed.yaml",
        "Host",
        true,
    );
}

#[test]
fn a_value_in_a_policy_resource_relates_the_behavior_that_uses_it() {
    for (input, written) in [
        ("custom-policy-host.yaml", "OriginRequestPolicyId"),
        ("custom-policy-all-viewer.tf", "origin_request_policy_id"),
    ] {
        let text = read(input);
        let finding = host_finding(&text).unwrap_or_else(|| panic!("{input}: no finding"));
        let [(span, note)] = finding.related.as_slice() else {
            panic!("{input}: {:?}", finding.related)
        };
        assert!(note.ends_with("uses the policy here"), "{input}: {note}");
        // The related place is the behavior's policy id, on the line that sets it.
        let line = text.lines().nth(span.line as usize - 1).unwrap_or_default();
        assert!(line.contains(written), "{input}: {line}");
    }
    // Legacy ForwardedValues are in the behavior itself: nothing to relate.
    let legacy = host_finding(&read("legacy-host.yaml")).expect("a finding");
    assert!(legacy.related.is_empty());
}

#[test]
fn custom_policy_forwarding_all_viewer_headers() {
    case(
        "custom-policy-all-viewer.yaml",
        "custom-policy-all-viewer.fixed.yaml",
        "allViewer",
        false,
    );
    case(
        "custom-policy-all-viewer.tf",
        "custom-policy-all-viewer.fixed.tf",
        "\"allViewer\"",
        false,
    );
}

#[test]
fn managed_all_viewer() {
    case(
        "managed-all-viewer.yaml",
        "managed-all-viewer.fixed.yaml",
        "216adef6-5c7f-47e4-b989-5492eafa07d3",
        true,
    );
}
