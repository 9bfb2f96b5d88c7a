//! CloudFormation conditions read as branches (issue 12, class 1): what the model sees in each
//! combination of condition values, and how the findings of the combinations are merged.

use apifront_core::lint::{fix_text, lint, lint_text, Finding, LintConfig, Severity};
use apifront_core::model::{Document, NoteKind, OriginKind, PolicyRef};
use apifront_core::parse::{parse, MAX_VARIANTS, MAX_VARIANT_BYTES};
use apifront_core::span::LineIndex;
use apifront_core::value::Val;

fn fixture(path: &str) -> String {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn findings(text: &str) -> Vec<Finding> {
    lint_text(text, &LintConfig::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .findings
}

/// The 1-based line and column of the `nth` (0-based) occurrence of `needle`.
fn at(text: &str, needle: &str, nth: usize) -> (u32, u32) {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} #{nth} not found"))
        .0;
    LineIndex::new(text).line_col(offset)
}

/// The condition values a document was built for, as (name, value) pairs.
fn conditions(doc: &Document) -> Vec<(&str, bool)> {
    doc.conditions
        .iter()
        .map(|c| (c.name.as_str(), c.value))
        .collect()
}

const ALL_VIEWER: &str = "216adef6-5c7f-47e4-b989-5492eafa07d3";
const ALL_VIEWER_EXCEPT_HOST: &str = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

#[test]
fn a_conditional_property_is_read_per_branch_and_the_finding_names_its_condition() {
    let text = fixture("branches/host-header-toggle.yaml");
    let doc = parse(&text).expect("parses");
    assert_eq!(conditions(&doc), [("KeepViewerHost", true)]);
    let policy = |d: &Document| {
        d.distributions[0]
            .default_behavior
            .as_ref()
            .and_then(|b| b.origin_request_policy_id.get().cloned())
    };
    assert_eq!(policy(&doc), Some(PolicyRef::Id(ALL_VIEWER.into())));
    let [other] = doc.variants.as_slice() else {
        panic!("two branches")
    };
    assert_eq!(conditions(other), [("KeepViewerHost", false)]);
    assert_eq!(
        policy(other),
        Some(PolicyRef::Id(ALL_VIEWER_EXCEPT_HOST.into()))
    );
    // The value of each branch keeps the position of its own text.
    let b = other.distributions[0]
        .default_behavior
        .as_ref()
        .expect("default");
    let span = b.origin_request_policy_id.span;
    assert_eq!(
        (span.line, span.column),
        at(&text, ALL_VIEWER_EXCEPT_HOST, 0)
    );

    let all = findings(&text);
    let host: Vec<&Finding> = all
        .iter()
        .filter(|f| f.rule == "apigw-host-header-forwarded")
        .collect();
    let [f] = host.as_slice() else {
        panic!("one host header finding: {all:#?}")
    };
    assert_eq!(f.severity, Severity::Error);
    assert_eq!((f.span.line, f.span.column), at(&text, ALL_VIEWER, 0));
    assert!(
        f.message
            .ends_with("(when condition `KeepViewerHost` is true)"),
        "{}",
        f.message
    );
}

#[test]
fn a_conditional_list_item_is_a_whole_origin_or_behavior_or_nothing() {
    let text = fixture("branches/cdk-conditional-legacy-origin.json");
    let doc = parse(&text).expect("parses");
    let cond = "CatalogCdnLegacy5F3A2B1C";
    assert_eq!(conditions(&doc), [(cond, true)]);
    let d = &doc.distributions[0];
    let ids: Vec<&str> = d
        .origins
        .iter()
        .filter_map(|o| o.id.get())
        .map(String::as_str)
        .collect();
    assert_eq!(ids, ["catalog-v2", "catalog-v1"]);
    let legacy = &d.origins[1];
    assert_eq!(
        legacy.path,
        "Resources/CatalogCdnE4D3C2B1/Properties/DistributionConfig/Origins/1"
    );
    assert_eq!(
        (legacy.span.line, legacy.span.column),
        at(&text, "{\n         \"Id\": \"catalog-v1\"", 0)
    );
    assert!(matches!(
        legacy.kind.0,
        OriginKind::ApiGatewayDefault { .. }
    ));
    assert_eq!(d.behaviors.len(), 1);
    assert_eq!(
        d.behaviors[0].target_origin_id.get().map(String::as_str),
        Some("catalog-v1")
    );
    // Without the legacy API there is neither the origin nor its behavior.
    let [other] = doc.variants.as_slice() else {
        panic!("two branches")
    };
    assert_eq!(conditions(other), [(cond, false)]);
    assert_eq!(other.distributions[0].origins.len(), 1);
    assert!(other.distributions[0].behaviors.is_empty());

    let all = findings(&text);
    let protocol: Vec<&Finding> = all
        .iter()
        .filter(|f| f.rule == "apigw-origin-protocol-not-https-only")
        .collect();
    let [f] = protocol.as_slice() else {
        panic!("{all:#?}")
    };
    assert_eq!((f.span.line, f.span.column), at(&text, "\"http-only\"", 0));
    assert!(f
        .message
        .ends_with(&format!("(when condition `{cond}` is true)")));
    // Findings of the branch-independent origin carry no condition.
    assert!(all
        .iter()
        .filter(|f| f.message.contains("`catalog-v2`"))
        .all(|f| !f.message.contains("when condition")));
}

#[test]
fn a_conditional_custom_domain_gives_each_branch_its_certificate() {
    let text = fixture("correct/sam-http-api-conditional-domain.yaml");
    let doc = parse(&text).expect("parses");
    // Only `UseCustomDomain` is read by the distribution; `IsProd` and `HasDomain` stay
    // behind it.
    assert_eq!(conditions(&doc), [("UseCustomDomain", true)]);
    let d = &doc.distributions[0];
    let aliases = d
        .aliases
        .get()
        .expect("aliases in the custom domain branch");
    assert_eq!(aliases.len(), 1);
    assert!(aliases[0].is_unknown(), "the domain is a parameter");
    assert!(d.viewer_certificate.acm_certificate_arn.is_unknown());
    assert_eq!(
        d.viewer_certificate
            .ssl_support_method
            .get()
            .map(String::as_str),
        Some("sni-only")
    );
    let [other] = doc.variants.as_slice() else {
        panic!("two branches")
    };
    let o = &other.distributions[0];
    assert_eq!(o.aliases.val, Val::Absent);
    assert_eq!(
        o.viewer_certificate.cloudfront_default_certificate.get(),
        Some(&true)
    );
    assert!(!o.viewer_certificate.acm_certificate_arn.is_present());
}

#[test]
fn conditional_site_origin_and_forwarding_have_no_phantom_keys() {
    let text = fixture("correct/cfn-conditional-site-origin.yaml");
    let doc = parse(&text).expect("parses");
    let all: Vec<&Document> = std::iter::once(&doc).chain(&doc.variants).collect();
    assert_eq!(all.len(), 4, "HasSite × UseForwardedValues");
    for d in &all {
        let has_site = d.conditions.iter().any(|c| c.name == "HasSite" && c.value);
        let legacy = d
            .conditions
            .iter()
            .any(|c| c.name == "UseForwardedValues" && c.value);
        let dist = &d.distributions[0];
        assert_eq!(dist.origins.len(), 1 + usize::from(has_site));
        let default = dist.default_behavior.as_ref().expect("default");
        let target = default.target_origin_id.get().map(String::as_str);
        assert_eq!(target, Some(if has_site { "site" } else { "docs-api" }));
        if has_site {
            let site = &dist.origins[1];
            assert!(site.s3_origin_config.is_some());
            assert!(site.custom_origin_config.is_none());
            assert_eq!(site.kind.0, OriginKind::S3);
        }
        assert_eq!(d.origin_access_controls.len(), usize::from(has_site));
        let api = &dist.behaviors[0];
        assert_eq!(api.forwarded_values.is_some(), legacy);
        assert_eq!(api.cache_policy_id.is_present(), !legacy);
        assert_eq!(api.min_ttl.is_present(), legacy);
    }
    let all = findings(&text);
    for rule in [
        "forwardedvalues-with-cache-policy",
        "legacy-ttl-with-cache-policy",
        "no-cache-policy-no-forwardedvalues",
        "apigw-origin-needs-custom-config",
    ] {
        assert!(all.iter().all(|f| f.rule != rule), "{rule}: {all:#?}");
    }
}

#[test]
fn a_finding_in_every_branch_is_reported_once_and_its_fix_applied_once() {
    let text = "Parameters:
  Tier: {Type: String, AllowedValues: [basic, premium]}
Conditions:
  Premium: !Equals [!Ref Tier, premium]
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        PriceClass: !If [Premium, PriceClass_All, PriceClass_100]
        Origins:
          - Id: api
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: http-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: api
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
";
    let doc = parse(text).expect("parses");
    assert_eq!(doc.variants.len(), 1);
    let all = lint(&doc, text, &LintConfig::default());
    let protocol: Vec<&Finding> = all
        .iter()
        .filter(|f| f.rule == "apigw-origin-protocol-not-https-only")
        .collect();
    let [f] = protocol.as_slice() else {
        panic!("{all:#?}")
    };
    assert!(!f.message.contains("when condition"), "{}", f.message);
    assert!(f.fix.as_ref().is_some_and(|fix| fix.safe));
    // No finding is repeated.
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert!(
                (&a.rule, a.span, &a.message) != (&b.rule, b.span, &b.message),
                "{a:#?}"
            );
        }
    }
    let fixed = fix_text(text, &LintConfig::default(), false).expect("fixes");
    assert_eq!(fixed.matches("OriginProtocolPolicy: https-only").count(), 1);
    assert!(!fixed.contains("http-only"));
    assert_eq!(fixed.len(), text.len() + 1, "one edit, applied once");
}

#[test]
fn a_fix_for_some_branches_only_is_unsafe() {
    let text = "Parameters:
  Exposed: {Type: String, AllowedValues: [yes, no]}
Conditions:
  PlainHttp: !Equals [!Ref Exposed, yes]
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: api
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: api
          ViewerProtocolPolicy: !If [PlainHttp, allow-all, https-only]
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
";
    let all = findings(text);
    let allow: Vec<&Finding> = all
        .iter()
        .filter(|f| f.rule == "viewer-protocol-allow-all")
        .collect();
    let [f] = allow.as_slice() else {
        panic!("{all:#?}")
    };
    assert_eq!((f.span.line, f.span.column), at(text, "allow-all", 0));
    assert!(f.message.ends_with("(when condition `PlainHttp` is true)"));
    let fix = f.fix.as_ref().expect("a fix is kept");
    assert!(!fix.safe);
    assert!(fix
        .description
        .contains("only when condition `PlainHttp` is true"));
}

#[test]
fn a_template_without_open_conditions_is_read_once() {
    for name in [
        "cfn/cdk-synth.json",
        "cfn/sam-template.yaml",
        "cfn/api-custom-domain.json",
        "cfn/serverless-two-distributions.yml",
    ] {
        let doc = parse(&fixture(name)).expect("parses");
        assert!(doc.variants.is_empty(), "{name}");
        assert!(doc.conditions.is_empty(), "{name}");
    }
    // Conditions decided by parameter defaults pick their branch and open nothing.
    let text = "Parameters:
  Env: {Type: String, Default: prod}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Comment: !If [IsDev, dev, prod]
        Origins: [{Id: a, DomainName: a.example.com}]
        DefaultCacheBehavior: {TargetOriginId: a}
";
    let doc = parse(text).expect("parses");
    assert!(doc.variants.is_empty());
    assert_eq!(
        doc.distributions[0].comment.get().map(String::as_str),
        Some("prod")
    );
}

/// A template whose distribution depends on `n` independent conditions.
fn independent_conditions(n: usize) -> String {
    let mut text = String::from("Parameters:\n");
    for i in 0..n {
        text.push_str(&format!("  P{i}: {{Type: String}}\n"));
    }
    text.push_str("Conditions:\n");
    for i in 0..n {
        text.push_str(&format!("  C{i}: !Equals [!Ref P{i}, on]\n"));
    }
    text.push_str(
        "Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      \
         DistributionConfig:\n        Origins:\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "          - Id: o{i}\n            DomainName: o{i}.example.com\n            \
             ConnectionAttempts: !If [C{i}, 3, 2]\n"
        ));
    }
    text.push_str("        DefaultCacheBehavior: {TargetOriginId: o0}\n");
    text
}

#[test]
fn combinations_are_capped_and_past_the_cap_conditions_stay_unknown() {
    let six = parse(&independent_conditions(6)).expect("parses");
    assert_eq!(1 + six.variants.len(), MAX_VARIANTS);
    assert!(six.notes.is_empty());
    let mut seen: Vec<Vec<bool>> = std::iter::once(&six)
        .chain(&six.variants)
        .map(|d| d.conditions.iter().map(|c| c.value).collect())
        .collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), MAX_VARIANTS, "every combination once");

    let text = independent_conditions(7);
    let seven = parse(&text).expect("parses");
    assert!(seven.variants.is_empty());
    assert!(seven.conditions.is_empty());
    assert!(seven.distributions[0]
        .origins
        .iter()
        .all(|o| o.connection_attempts.is_unknown()));
    assert_eq!(seven.notes.len(), 1);
    assert_eq!(seven.notes[0].kind, NoteKind::ConditionsNotEvaluated);
    let all = findings(&text);
    let capped: Vec<&Finding> = all
        .iter()
        .filter(|f| f.rule == "conditions-not-evaluated")
        .collect();
    let [f] = capped.as_slice() else {
        panic!("{all:#?}")
    };
    assert_eq!(f.severity, Severity::Info);
    assert_eq!((f.span.line, f.span.column), at(&text, "Conditions:", 0));
    assert!(f.message.contains("more than 64 combinations"));
}

#[test]
fn past_the_cap_an_origin_chosen_by_a_condition_has_no_known_type() {
    // Origin 0 is an S3 bucket under C0 and an API otherwise. Past the cap C0 stays open: the
    // origin is one or the other, never both, and which settings it has is not known — no
    // "has S3OriginConfig and CustomOriginConfig", no misplaced OriginMtlsConfig.
    let seven = independent_conditions(7);
    let conditional = "          - !If\n            - C0\n            \
        - {Id: o0, DomainName: site.s3.us-east-1.amazonaws.com, S3OriginConfig: {}}\n            \
        - Id: o0\n              DomainName: abc123.execute-api.us-east-1.amazonaws.com\n              \
        OriginPath: /prod\n              CustomOriginConfig: {OriginProtocolPolicy: https-only}\n";
    let first = "          - Id: o0\n            DomainName: o0.example.com\n            \
        ConnectionAttempts: !If [C0, 3, 2]\n";
    assert!(seven.contains(first));
    let text = seven.replace(first, conditional);
    let doc = parse(&text).expect("parses");
    assert_eq!(doc.notes[0].kind, NoteKind::ConditionsNotEvaluated);
    let origin = &doc.distributions[0].origins[0];
    assert!(origin.opaque);
    assert!(origin.id.is_unknown());
    assert!(origin.s3_origin_config.is_none());
    assert!(origin.custom_origin_config.is_none());
    assert!(origin.vpc_origin_config.is_none());
    assert!(origin.misplaced_mtls.is_none());
    assert!(!doc.distributions[0].origins[1].opaque);
    let all = findings(&text);
    let above_info: Vec<&Finding> = all.iter().filter(|f| f.severity > Severity::Info).collect();
    assert!(above_info.is_empty(), "{above_info:#?}");
    let unlinked = all
        .iter()
        .find(|f| f.rule == "target-origin-unlinked")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert!(
        unlinked
            .message
            .contains("origin 1 (a condition left open picks it)"),
        "{}",
        unlinked.message
    );
}

#[test]
fn a_large_template_gets_fewer_combinations() {
    // A 4 MiB template may be read in 16 combinations, not 64.
    let padding = format!("# {}\n", "x".repeat(4 * 1024 * 1024));
    let text = format!("{padding}{}", independent_conditions(6));
    let most = MAX_VARIANT_BYTES / text.len();
    assert_eq!(most, 15);
    let doc = parse(&text).expect("parses");
    assert!(doc.variants.is_empty());
    assert_eq!(doc.notes[0].kind, NoteKind::ConditionsNotEvaluated);
    assert_eq!(doc.notes[0].detail, "15");
    let five = parse(&format!("{padding}{}", independent_conditions(3))).expect("parses");
    assert_eq!(five.variants.len(), 7);
}

#[test]
fn conditions_over_one_parameter_are_never_both_true() {
    let text = "Parameters:
  Stage: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  IsStaging: !Equals [staging, !Ref Stage]
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Comment: !If [IsProd, prod, !If [IsStaging, staging, other]]
        PriceClass: !If [IsStaging, PriceClass_100, PriceClass_All]
        Origins: [{Id: a, DomainName: a.example.com}]
        DefaultCacheBehavior: {TargetOriginId: a}
";
    let doc = parse(text).expect("parses");
    let seen: Vec<(String, String)> = std::iter::once(&doc)
        .chain(&doc.variants)
        .map(|d| {
            let dist = &d.distributions[0];
            (
                dist.comment.get().cloned().unwrap_or_default(),
                dist.price_class.get().cloned().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("prod".to_string(), "PriceClass_All".to_string()),
            ("staging".to_string(), "PriceClass_100".to_string()),
            ("other".to_string(), "PriceClass_All".to_string()),
        ]
    );
}

#[test]
fn damaged_conditional_templates_never_break_the_pipeline() {
    // Cut and deleted bytes all over templates with conditions: parsing and linting either
    // refuse the text or give findings inside it, and never panic.
    for name in [
        "correct/cfn-conditional-site-origin.yaml",
        "branches/cdk-conditional-legacy-origin.json",
    ] {
        let text = fixture(name);
        let mut linted = 0;
        for (i, c) in text.char_indices().step_by(31) {
            for damaged in [
                text[..i].to_string(),
                format!("{}{}", &text[..i], &text[i + c.len_utf8()..]),
                format!("{}!If [X, {}", &text[..i], &text[i..]),
            ] {
                if let Ok(report) = lint_text(&damaged, &LintConfig::default()) {
                    linted += 1;
                    for f in &report.findings {
                        assert!(f.span.start <= f.span.end && f.span.end <= damaged.len());
                    }
                }
            }
        }
        assert!(linted > 10, "{name}: {linted}");
    }
}
