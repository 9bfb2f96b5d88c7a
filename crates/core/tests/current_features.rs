//! The 2025–2026 CloudFront and API Gateway features (issue 16): each broken setup in
//! `fixtures/current/` (a file, or a directory holding a Terraform module) gives exactly these
//! findings, with their rule, severity, line and column: every error and warning, and the
//! information of the rules added for these features. The correct variants live in
//! `fixtures/correct/` and are linted by the correct-setups suite; this file also checks that
//! they read as intended (the model) and that origin mutual TLS counts as protection.
//!
//! Sources of each expectation are the rule docs' references; the broken setups are the correct
//! ones with one change each (see the comments in the files).

use apifront_core::lint::{lint_sources, LintConfig, Severity};
use apifront_core::model::Document;
use apifront_core::parse::{parse, parse_sources};
use apifront_core::source::Sources;
use std::path::{Path, PathBuf};

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;
const I: Severity = Severity::Info;

/// The rules added for these features (their information findings are checked too).
const NEW_RULES: &[&str] = &[
    "viewer-tls-policy-unavailable",
    "vpc-origin-unsupported-feature",
    "vpc-origin-settings",
    "staging-distribution-aliases",
    "continuous-deployment-incompatible",
    "continuous-deployment-policy-invalid",
    "multi-tenant-field-mismatch",
    "distribution-tenant-invalid",
    "response-completion-timeout-invalid",
    "streaming-origin-timeouts",
    "apigw-streaming-integration-invalid",
    "edge-function-changes-origin",
    "edge-origin-modification-invalid",
    "origin-mtls-invalid",
    "lambda-url-oac-permissions",
    "apigw-routing-rule-invalid",
    "apigw-routing-rule-header-not-forwarded",
];

type Expected = (&'static str, Severity, u32, u32);

/// Every broken setup and what it must give.
const BROKEN: &[(&str, &[Expected])] = &[
    (
        "cfn-continuous-deployment-broken.yaml",
        &[
            ("staging-distribution-aliases", W, 13, 18),
            ("continuous-deployment-incompatible", E, 14, 22),
            ("continuous-deployment-policy-invalid", E, 42, 21),
            ("continuous-deployment-incompatible", W, 57, 40),
        ],
    ),
    (
        "cfn-edge-router-foreign-host.yaml",
        &[
            ("edge-function-changes-origin", I, 52, 28),
            ("edge-origin-modification-invalid", E, 52, 28),
        ],
    ),
    (
        "cfn-edge-router-runtime-1.yaml",
        &[
            ("edge-origin-modification-invalid", E, 14, 18),
            ("edge-function-changes-origin", I, 51, 28),
        ],
    ),
    (
        "cfn-lambda-url-oac-one-permission.yaml",
        &[("lambda-url-oac-permissions", E, 39, 36)],
    ),
    (
        "cfn-multi-tenant-broken.yaml",
        &[
            ("multi-tenant-field-mismatch", E, 14, 18),
            ("multi-tenant-field-mismatch", E, 15, 21),
            ("multi-tenant-field-mismatch", E, 16, 22),
            ("distribution-tenant-invalid", E, 56, 19),
        ],
    ),
    ("cfn-origin-mtls-default-endpoint-open.yaml", &[]),
    (
        "cfn-origin-mtls-wrong-region.yaml",
        &[("origin-mtls-invalid", E, 38, 39)],
    ),
    (
        "cfn-routing-rules-header-not-forwarded.yaml",
        &[("apigw-routing-rule-header-not-forwarded", W, 100, 34)],
    ),
    (
        "cfn-routing-rules-mappings-only.yaml",
        &[("apigw-routing-rule-invalid", E, 68, 5)],
    ),
    (
        "cfn-streaming-broken.yaml",
        &[
            ("apigw-streaming-integration-invalid", E, 31, 15),
            ("response-completion-timeout-invalid", E, 53, 40),
            ("streaming-origin-timeouts", I, 53, 40),
        ],
    ),
    (
        "cfn-tls-vip-2025.yaml",
        &[
            ("ssl-support-method", W, 32, 29),
            ("viewer-tls-policy-unavailable", E, 33, 35),
        ],
    ),
    (
        "cfn-vpc-origin-lambda-edge.yaml",
        &[
            ("vpc-origin-settings", W, 16, 30),
            ("vpc-origin-unsupported-feature", E, 38, 26),
        ],
    ),
    (
        "cli-continuous-deployment-http3.json",
        &[("continuous-deployment-incompatible", E, 8, 20)],
    ),
    (
        "cli-multi-tenant-standard-fields.json",
        &[
            ("multi-tenant-field-mismatch", E, 8, 19),
            ("multi-tenant-field-mismatch", E, 9, 41),
            ("multi-tenant-field-mismatch", E, 10, 22),
        ],
    ),
    (
        "cli-origin-mtls-misplaced.json",
        &[("origin-mtls-invalid", E, 18, 27)],
    ),
    (
        "cli-streaming-completion-timeout.json",
        &[("response-completion-timeout-invalid", E, 21, 36)],
    ),
    (
        "cli-tls-vip-2025.json",
        &[
            ("ssl-support-method", W, 34, 27),
            ("viewer-tls-policy-unavailable", E, 35, 33),
        ],
    ),
    (
        "cli-vpc-origin-lambda-edge.json",
        &[
            ("vpc-origin-settings", E, 17, 35),
            ("vpc-origin-unsupported-feature", E, 26, 77),
        ],
    ),
    (
        "terraform-routing-rules-only-with-mapping",
        &[("apigw-routing-rule-invalid", E, 93, 1)],
    ),
    (
        "tf-continuous-deployment-broken.tf",
        &[
            ("staging-distribution-aliases", W, 14, 18),
            ("continuous-deployment-incompatible", E, 15, 18),
            ("continuous-deployment-policy-invalid", E, 62, 16),
        ],
    ),
    (
        "tf-edge-router-vpc-origin.tf",
        &[
            ("edge-function-changes-origin", I, 45, 22),
            ("edge-origin-modification-invalid", E, 45, 22),
        ],
    ),
    (
        "tf-lambda-url-oac-one-permission.tf",
        &[
            ("lambda-url-oac-permissions", W, 27, 19),
            ("lambda-url-oac-permissions", E, 39, 32),
        ],
    ),
    (
        "tf-lambda-url-streaming-timeouts.tf",
        &[("streaming-origin-timeouts", I, 55, 5)],
    ),
    (
        "tf-multi-tenant-tenant-without-parameter.tf",
        &[("distribution-tenant-invalid", E, 61, 1)],
    ),
    (
        "tf-origin-mtls-grpc.tf",
        &[("origin-mtls-invalid", E, 63, 17)],
    ),
    (
        "tf-tls-vip-2025.tf",
        &[
            ("ssl-support-method", W, 43, 32),
            ("viewer-tls-policy-unavailable", E, 44, 32),
        ],
    ),
    (
        "tf-vpc-origin-grpc.tf",
        &[
            ("vpc-origin-settings", W, 26, 34),
            ("vpc-origin-unsupported-feature", E, 40, 17),
        ],
    ),
];

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

/// A setup's files: the file, or a module directory's `.tf` files.
fn sources(path: &Path) -> Sources {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut f: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "tf"))
            .collect();
        f.sort();
        f
    } else {
        vec![path.to_path_buf()]
    };
    Sources::from_files(files.iter().map(|f| {
        (
            f.file_name().unwrap().to_string_lossy().into_owned(),
            std::fs::read_to_string(f).unwrap(),
        )
    }))
}

#[test]
fn broken_setups_give_exactly_their_findings() {
    let mut failures = Vec::new();
    let mut listed: Vec<&str> = BROKEN.iter().map(|(n, _)| *n).collect();
    listed.sort_unstable();
    let mut present: Vec<String> = std::fs::read_dir(fixtures("current"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    present.sort();
    assert_eq!(listed, present, "every broken setup has a row");
    for (name, expected) in BROKEN {
        let report = lint_sources(
            &sources(&fixtures("current").join(name)),
            &LintConfig::default(),
        )
        .unwrap_or_else(|e| panic!("{name}: {}", e.error));
        let got: Vec<(String, Severity, u32, u32)> = report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info || NEW_RULES.contains(&f.rule.as_ref()))
            .map(|f| (f.rule.to_string(), f.severity, f.span.line, f.span.column))
            .collect();
        let want: Vec<(String, Severity, u32, u32)> = expected
            .iter()
            .map(|(r, s, l, c)| (r.to_string(), *s, *l, *c))
            .collect();
        if got != want {
            failures.push(format!("{name}:\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn correct(name: &str) -> Document {
    let text = std::fs::read_to_string(fixtures("correct").join(name)).unwrap();
    parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn correct_module(name: &str) -> Document {
    parse_sources(&sources(&fixtures("correct").join(name))).unwrap()
}

#[test]
fn vpc_origins_are_their_own_kind() {
    for name in [
        "cfn-vpc-origin-private-api.yaml",
        "tf-vpc-origin-private-api.tf",
        "cli-vpc-origin-private-api.json",
    ] {
        let doc = correct(name);
        let o = &doc.distributions[0].origins[0];
        let vpc = o.vpc_origin_config.as_ref().expect(name);
        assert!(o.custom_origin_config.is_none(), "{name}");
        assert_eq!(vpc.origin_read_timeout.get(), Some(&60), "{name}");
        if name.starts_with("cli") {
            assert_eq!(
                vpc.vpc_origin_id.get().map(String::as_str),
                Some("vo_0123456789abcdefEXAMPLE")
            );
            assert_eq!(
                vpc.owner_account_id.get().map(String::as_str),
                Some("111122223333")
            );
        } else {
            let r = vpc.vpc_origin_ref.as_deref().expect(name);
            let resource = doc.vpc_origins.iter().find(|v| v.name == r).expect(name);
            assert_eq!(
                resource.origin_ssl_protocols.known_items(),
                Some(vec!["TLSv1.2"]),
                "{name}"
            );
            assert_eq!(
                resource.origin_protocol_policy.get().map(String::as_str),
                Some("https-only")
            );
        }
    }
}

#[test]
fn continuous_deployment_is_read_in_every_format() {
    let doc = correct("cfn-continuous-deployment-header.yaml");
    let policy = &doc.continuous_deployment_policies[0];
    assert_eq!(
        policy.header.get().map(String::as_str),
        Some("aws-cf-cd-canary")
    );
    assert_eq!(policy.staging_refs, vec!["StagingDistribution".to_string()]);
    let primary = doc
        .distributions
        .iter()
        .find(|d| d.name == "PrimaryDistribution")
        .unwrap();
    assert_eq!(
        primary.continuous_deployment_policy_ref.as_deref(),
        Some("CanaryPolicy")
    );
    assert_eq!(doc.distributions[0].staging.get(), Some(&true));
    let doc = correct("tf-continuous-deployment-weight.tf");
    let policy = &doc.continuous_deployment_policies[0];
    assert_eq!(policy.weight.get().map(String::as_str), Some("0.05"));
    assert_eq!(
        (policy.idle_ttl.get(), policy.maximum_ttl.get()),
        (Some(&300), Some(&600))
    );
    assert_eq!(
        policy.staging_refs,
        vec!["aws_cloudfront_distribution.staging".to_string()]
    );
    let doc = correct("cli-continuous-deployment-primary.json");
    assert_eq!(
        doc.distributions[0]
            .continuous_deployment_policy_id
            .get()
            .map(String::as_str),
        Some("7d1e3c3c-1111-2222-3333-444455556666")
    );
}

#[test]
fn multi_tenant_distributions_and_tenants_are_read() {
    for name in [
        "cfn-multi-tenant-saas.yaml",
        "tf-multi-tenant-saas.tf",
        "cli-multi-tenant-saas.json",
    ] {
        let doc = correct(name);
        let d = &doc.distributions[0];
        assert!(d.is_multi_tenant(), "{name}");
        let params = &d.tenant_config.as_ref().expect(name).parameter_definitions;
        assert_eq!(
            params[0].name.get().map(String::as_str),
            Some("tenantStage"),
            "{name}"
        );
        assert_eq!(params[0].required.get(), Some(&true), "{name}");
        // The Terraform resource names its origin `id` and its methods in a block.
        assert_eq!(
            d.origins[0].id.get().map(String::as_str),
            Some("rest-api"),
            "{name}"
        );
        let methods = d
            .default_behavior
            .as_ref()
            .unwrap()
            .allowed_methods
            .known_items();
        assert_eq!(methods.map(|m| m.len()), Some(7), "{name}");
        if !name.starts_with("cli") {
            let tenant = &doc.distribution_tenants[0];
            assert_eq!(
                tenant.distribution_ref.as_deref(),
                Some(d.name.as_str()),
                "{name}"
            );
            assert_eq!(
                tenant.domains.known_items(),
                Some(vec!["acme.tenants.example.com"])
            );
        }
    }
}

#[test]
fn streaming_settings_are_read() {
    let doc = correct("cfn-rest-streaming.yaml");
    let i = &doc.api_model.integrations[0];
    assert!(i.streams());
    assert_eq!(i.timeout_ms.get(), Some(&900_000));
    assert!(i
        .uri
        .as_deref()
        .unwrap()
        .ends_with("/response-streaming-invocations"));
    assert_eq!(
        doc.distributions[0].origins[0]
            .response_completion_timeout
            .get(),
        Some(&900)
    );
    let doc = correct("tf-lambda-url-streaming.tf");
    assert_eq!(
        doc.api_model.function_urls[0]
            .invoke_mode
            .get()
            .map(String::as_str),
        Some("RESPONSE_STREAM")
    );
    assert_eq!(
        doc.distributions[0].origins[0]
            .response_completion_timeout
            .get(),
        Some(&900)
    );
    let doc = correct("cli-streaming-origin.json");
    assert_eq!(
        doc.distributions[0].origins[0]
            .response_completion_timeout
            .get(),
        Some(&900)
    );
}

#[test]
fn edge_function_code_is_read() {
    for name in ["cfn-edge-origin-router.yaml", "tf-edge-origin-router.tf"] {
        let doc = correct(name);
        let f = &doc.cloudfront_functions[0];
        let calls = apifront_core::edge_function::helper_calls(f.code.get().expect(name));
        assert_eq!(calls.len(), 1, "{name}");
        assert!(calls[0].changes_origin(), "{name}");
        let a = &doc.distributions[0]
            .default_behavior
            .as_ref()
            .unwrap()
            .function_associations[0];
        assert_eq!(
            apifront_core::edge_function::function_of(&doc, a).map(|x| &x.name),
            Some(&f.name)
        );
    }
}

/// Origin mutual TLS towards a custom domain that requires it, with the API's default endpoint
/// off, is protection: `api-origin-bypassable` is silent; with the default endpoint on, the
/// API stays reachable around CloudFront and the finding stays.
#[test]
fn origin_mtls_with_a_disabled_default_endpoint_is_protection() {
    let bypassable = |doc: &Document, text: &str| {
        apifront_core::lint::lint(doc, text, &LintConfig::default())
            .iter()
            .filter(|f| f.rule == "api-origin-bypassable")
            .count()
    };
    for name in [
        "cfn-origin-mtls-custom-domain.yaml",
        "tf-origin-mtls-custom-domain.tf",
    ] {
        let text = std::fs::read_to_string(fixtures("correct").join(name)).unwrap();
        let doc = parse(&text).unwrap();
        assert_eq!(bypassable(&doc, &text), 0, "{name}");
        let open = text
            .replace(
                "DisableExecuteApiEndpoint: true",
                "DisableExecuteApiEndpoint: false",
            )
            .replace(
                "disable_execute_api_endpoint = true",
                "disable_execute_api_endpoint = false",
            );
        assert_eq!(bypassable(&parse(&open).unwrap(), &open), 1, "{name}");
        let without_mtls = text
            .replace("      MutualTlsAuthentication:\n        TruststoreUri: s3://example-truststore/cloudfront-client-ca.pem   # trusts only the CA of CloudFront's client certificate\n", "")
            .replace("  mutual_tls_authentication {\n    truststore_uri = \"s3://example-truststore/cloudfront-client-ca.pem\"\n  }\n", "");
        assert_ne!(without_mtls, text, "{name}");
        assert_eq!(
            bypassable(&parse(&without_mtls).unwrap(), &without_mtls),
            1,
            "{name}"
        );
    }
}

#[test]
fn routing_rules_module_reads_the_domain_mode() {
    let doc = correct_module("terraform-rest-routing-rules");
    assert_eq!(
        doc.api_model.domains[0]
            .routing_mode
            .get()
            .map(String::as_str),
        Some("ROUTING_RULE_THEN_BASE_PATH_MAPPING")
    );
}
