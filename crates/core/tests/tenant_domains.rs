//! Tenant domains are the alternate domain names of a multi-tenant distribution (issue 16,
//! item 4): the alias rules read them. Each broken setup in `fixtures/tenant-domains/` gives
//! exactly these errors and warnings, with their rule, line and column, at the tenant's domain
//! and naming the tenant; the correct variants (`fixtures/correct/*-multi-tenant-beside-edge-
//! domain.*`) lint clean in the correct-setups suite, and are checked here to read as intended.
//!
//! Sources: CloudFront answers `CNAMEAlreadyExists` when a name already associated with another
//! resource is added "to a standard distribution or distribution tenant"
//! (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-move.html);
//! an edge-optimized API Gateway custom domain lives on a CloudFront distribution API Gateway
//! owns (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html);
//! a tenant's `DomainItem.Domain` is "the domain name"
//! (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DomainItem.html).

use apifront_core::lint::{fix_text, lint_sources, LintConfig, Severity};
use apifront_core::parse::parse;
use apifront_core::source::Sources;
use std::path::{Path, PathBuf};

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

type Expected = (&'static str, Severity, u32, u32, &'static str);

/// Every broken setup, and each finding it must give with a fragment of its message.
const BROKEN: &[(&str, &[Expected])] = &[
    (
        "cfn-origin-is-tenant-domain.yaml",
        &[(
            "cloudfront-chain-origin",
            W,
            56,
            25,
            "`acme.tenants.example.com`, a domain of tenant `AcmeTenant` of distribution \
             `SaasDistribution`",
        )],
    ),
    (
        "cfn-tenant-domain-is-edge-domain.yaml",
        &[(
            "alias-collides-with-edge-custom-domain",
            W,
            52,
            11,
            "domain `api.example.com` of tenant `AcmeTenant` (in `Domains`) is also the \
             edge-optimized API Gateway custom domain `api.example.com` (`PartnerDomain`)",
        )],
    ),
    (
        "cfn-tenant-domain-url.json",
        &[(
            "alias-invalid",
            E,
            73,
            21,
            "domain `https://acme.tenants.example.com/` of tenant `AcmeTenant` (in `Domains`) is not \
             a valid domain name: write the host name only",
        )],
    ),
    (
        "tf-tenant-domain-is-edge-domain.tf",
        &[(
            "alias-collides-with-edge-custom-domain",
            W,
            77,
            14,
            "domain `api.example.com` of tenant `aws_cloudfront_distribution_tenant.acme` \
             (in `domain`) is also the edge-optimized API Gateway custom domain",
        )],
    ),
    (
        "tf-tenant-domain-trailing-dot.tf",
        &[(
            "alias-invalid",
            E,
            77,
            14,
            "domain `api.acme.example.` of tenant `aws_cloudfront_distribution_tenant.acme` \
             (in `domain`) is not a valid domain name: remove the trailing dot",
        )],
    ),
];

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

fn read(dir: &str, name: &str) -> String {
    std::fs::read_to_string(fixtures(dir).join(name)).unwrap()
}

#[test]
fn broken_setups_give_exactly_their_findings() {
    let mut listed: Vec<&str> = BROKEN.iter().map(|(n, _)| *n).collect();
    listed.sort_unstable();
    let mut present: Vec<String> = std::fs::read_dir(fixtures("tenant-domains"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    present.sort();
    assert_eq!(listed, present, "every broken setup has a row");
    let mut failures = Vec::new();
    for (name, expected) in BROKEN {
        let sources = Sources::from_files([(name.to_string(), read("tenant-domains", name))]);
        let report = lint_sources(&sources, &LintConfig::default())
            .unwrap_or_else(|e| panic!("{name}: {}", e.error));
        let loud: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .collect();
        let got: Vec<_> = loud
            .iter()
            .map(|f| (f.rule.to_string(), f.severity, f.span.line, f.span.column))
            .collect();
        let want: Vec<_> = expected
            .iter()
            .map(|(r, s, l, c, _)| (r.to_string(), *s, *l, *c))
            .collect();
        if got != want {
            failures.push(format!("{name}:\n  got  {got:?}\n  want {want:?}"));
            continue;
        }
        for (f, (_, _, _, _, fragment)) in loud.iter().zip(expected.iter()) {
            if !f.message.contains(fragment) {
                failures.push(format!("{name}: {:?} lacks {fragment:?}", f.message));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The broken variant's domain, fixed, is the correct variant again.
#[test]
fn the_fix_of_a_url_tenant_domain_gives_the_correct_setup() {
    let broken = read("tenant-domains", "cfn-tenant-domain-url.json");
    let correct = read("correct", "cfn-multi-tenant-beside-edge-domain.json");
    let fixed = fix_text(&broken, &LintConfig::default(), false).unwrap();
    let description = |text: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with("\"Description\": \"Broken"))
            .map(str::to_string)
    };
    let line = description(&broken).expect("the broken setup says what is broken");
    let correct_line = correct.lines().nth(2).unwrap();
    assert_eq!(fixed.replace(&line, correct_line), correct);
}

/// The same in Terraform: the trailing dot goes (the files differ only in their header comment).
#[test]
fn the_fix_of_a_trailing_dot_gives_the_correct_module() {
    let broken = read("tenant-domains", "tf-tenant-domain-trailing-dot.tf");
    let correct = read("correct", "tf-multi-tenant-beside-edge-domain.tf");
    let fixed = fix_text(&broken, &LintConfig::default(), false).unwrap();
    let body = |text: &str| {
        text.lines()
            .skip_while(|l| l.starts_with('#') || l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_ne!(body(&broken), body(&correct));
    assert_eq!(body(&fixed), body(&correct));
}

#[test]
fn the_correct_variants_read_their_tenants_domains() {
    let doc = parse(&read("correct", "cfn-multi-tenant-beside-edge-domain.json")).unwrap();
    let d = &doc.distributions[0];
    let tenants: Vec<_> = doc.tenants_of(&d.name).collect();
    assert_eq!(tenants.len(), 2);
    let domains: Vec<&str> = tenants
        .iter()
        .flat_map(|t| t.known_domains().map(|(_, x)| x))
        .collect();
    // Globex's domain is a parameter without default: unknown, and not judged.
    assert_eq!(domains, ["acme.tenants.example.com", "api.acme.example"]);
    assert!(tenants[1].domains.get().unwrap()[0].is_unknown());

    let doc = parse(&read("correct", "tf-multi-tenant-beside-edge-domain.tf")).unwrap();
    let d = &doc.distributions[0];
    let tenants: Vec<_> = doc.tenants_of(&d.name).collect();
    assert_eq!(tenants.len(), 2);
    assert_eq!(
        tenants[0]
            .known_domains()
            .map(|(_, x)| x)
            .collect::<Vec<_>>(),
        ["acme.tenants.example.com", "api.acme.example"]
    );
    assert!(tenants[1].domains.get().unwrap()[0].is_unknown());
    assert_eq!(
        doc.api_domain_names[0]
            .domain_name
            .get()
            .map(String::as_str),
        Some("api.example.com")
    );
}
