//! Round trip: every generated CloudFormation, Terraform and CLI JSON output parses back into
//! the model, has the facts the generator promises, and lints without errors or unexpected
//! warnings.

mod render_cases;

use apifront_core::lint::{lint, LintConfig, Severity};
use apifront_core::managed;
use apifront_core::model::{Document, Format, OriginKind, PolicyRef};
use apifront_core::parse::parse;
use apifront_core::render::{render, OutputFormat};
use apifront_core::state::{ApiKind, ReferenceMode};
use render_cases::{cases, Case};

/// The formats the parsers read back.
const PARSED: &[(OutputFormat, Format)] = &[
    (OutputFormat::CfnYaml, Format::CfnYaml),
    (OutputFormat::CfnJson, Format::CfnJson),
    (OutputFormat::Terraform, Format::Terraform),
    (OutputFormat::CliJson, Format::CliJson),
];

fn check_model(case: &Case, doc: &Document, label: &str) {
    assert_eq!(doc.distributions.len(), 1, "{label}: one distribution");
    let dist = &doc.distributions[0];
    let api = dist
        .origin("api")
        .unwrap_or_else(|| panic!("{label}: no `api` origin"));
    let s = &case.state;
    if s.api.reference == ReferenceMode::Literal {
        let kind = &api.kind.0;
        let ok = match s.api.kind {
            ApiKind::LambdaUrl => matches!(kind, OriginKind::LambdaUrl { .. }),
            ApiKind::CustomDomain => !kind.is_api_gateway() || kind.is_api(),
            _ => matches!(kind, OriginKind::ApiGatewayDefault { .. }),
        };
        assert!(ok, "{label}: API origin classified as {kind:?}");
    }
    let expected_path = match s.api.kind {
        ApiKind::LambdaUrl => None,
        ApiKind::CustomDomain if s.api.base_path.is_empty() => None,
        ApiKind::CustomDomain => Some(format!("/{}", s.api.base_path)),
        _ if s.api.stage == "$default" => None,
        _ => Some(format!("/{}", s.api.stage)),
    };
    assert_eq!(
        api.origin_path.get().filter(|p| !p.is_empty()).cloned(),
        expected_path,
        "{label}: origin path"
    );
    let cfg = api
        .custom_origin_config
        .as_ref()
        .unwrap_or_else(|| panic!("{label}: no CustomOriginConfig"));
    assert_eq!(
        cfg.origin_protocol_policy.get().map(String::as_str),
        Some("https-only"),
        "{label}"
    );
    let mut api_behaviors = 0;
    for b in dist.all_behaviors() {
        if b.target_origin_id.get().map(String::as_str) != Some("api") {
            continue;
        }
        api_behaviors += 1;
        assert_eq!(
            b.origin_request_policy_id.get(),
            Some(&PolicyRef::Id(
                managed::ALL_VIEWER_EXCEPT_HOST_HEADER.into()
            )),
            "{label}: AllViewerExceptHostHeader on {:?}",
            b.path
        );
        assert_eq!(
            b.viewer_protocol_policy.get().map(String::as_str),
            Some("https-only"),
            "{label}"
        );
    }
    assert!(api_behaviors >= 1, "{label}: no API behavior");
}

#[test]
fn generated_outputs_parse_and_lint_clean() {
    let mut checked = 0;
    for case in cases() {
        for &(format, parsed_as) in PARSED {
            let label = format!("{} {}", case.name, format.as_str());
            if format == OutputFormat::CliJson
                && case.state.api.reference == ReferenceMode::DefinedInStack
            {
                assert!(render(&case.state, format).is_err(), "{label}");
                continue;
            }
            let out = render(&case.state, format).unwrap_or_else(|e| panic!("{label}: {e:?}"));
            let doc = parse(&out.text).unwrap_or_else(|e| panic!("{label}: {e}\n{}", out.text));
            assert_eq!(doc.format, parsed_as, "{label}");
            check_model(&case, &doc, &label);
            for f in lint(&doc, &out.text, &LintConfig::default()) {
                let allowed = case
                    .expected_warnings
                    .iter()
                    .any(|(slug, _)| *slug == f.rule);
                assert!(
                    f.severity == Severity::Info || (f.severity == Severity::Warning && allowed),
                    "{label}: {:?} {} at {}: {}",
                    f.severity,
                    f.rule,
                    f.path,
                    f.message
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 55, "only {checked} outputs checked");
}

#[test]
fn yaml_and_json_templates_describe_the_same_distribution() {
    for case in cases() {
        let yaml = render(&case.state, OutputFormat::CfnYaml).unwrap();
        let json = render(&case.state, OutputFormat::CfnJson).unwrap();
        let (y, j) = (parse(&yaml.text).unwrap(), parse(&json.text).unwrap());
        let (yd, jd) = (&y.distributions[0], &j.distributions[0]);
        assert_eq!(yd.origins.len(), jd.origins.len(), "{}", case.name);
        assert_eq!(yd.behaviors.len(), jd.behaviors.len(), "{}", case.name);
        let patterns = |d: &apifront_core::model::Distribution| -> Vec<Option<String>> {
            d.behaviors
                .iter()
                .map(|b| b.path_pattern.as_ref().and_then(|p| p.get().cloned()))
                .collect()
        };
        assert_eq!(patterns(yd), patterns(jd), "{}", case.name);
    }
}

/// Streaming and origin mutual TLS reach every output: the timeouts that let a stream pause
/// and run long, the client certificate inside CustomOriginConfig; and the current TLS policy
/// is the default.
#[test]
fn streaming_mtls_and_tls_policy_reach_the_outputs() {
    for case in cases() {
        let s = &case.state;
        for &(format, _) in PARSED {
            if format == OutputFormat::CliJson && s.api.reference == ReferenceMode::DefinedInStack {
                continue;
            }
            let label = format!("{} {}", case.name, format.as_str());
            let out = render(s, format).unwrap();
            let doc = parse(&out.text).unwrap();
            let api = doc.distributions[0].origin("api").unwrap();
            let cfg = api.custom_origin_config.as_ref().unwrap();
            let rct = api.response_completion_timeout.get().copied();
            if s.api.streaming {
                assert_eq!(cfg.origin_read_timeout.get(), Some(&120), "{label}");
                let want = match s.timeouts.response_completion {
                    0 => 900,
                    n => i64::from(n),
                };
                assert_eq!(rct, Some(want), "{label}");
            } else {
                assert_eq!(rct, None, "{label}");
            }
            let cert = cfg
                .origin_mtls
                .as_ref()
                .and_then(|m| m.client_certificate_arn.get().cloned());
            let want = (!s.protection.client_certificate_arn.is_empty())
                .then(|| s.protection.client_certificate_arn.clone());
            assert_eq!(cert, want, "{label}");
            let vc = &doc.distributions[0].viewer_certificate;
            if !s.domain.aliases.is_empty() {
                assert_eq!(
                    vc.minimum_protocol_version.get(),
                    Some(&s.domain.minimum_protocol_version),
                    "{label}"
                );
            }
        }
    }
    assert_eq!(
        apifront_core::state::FormState::default()
            .domain
            .minimum_protocol_version,
        "TLSv1.2_2025"
    );
}

/// Every case is a state the form accepts: no field has an error.
#[test]
fn every_case_passes_the_form_validation() {
    use apifront_core::state::{validate, Level};
    for case in cases() {
        let errors: Vec<_> = validate(&case.state)
            .into_iter()
            .filter(|e| e.level == Level::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", case.name);
    }
}
