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
