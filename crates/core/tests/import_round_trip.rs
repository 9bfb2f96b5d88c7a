//! "Load into form" keeps what a configuration says: for every fixture and example, import →
//! generate (in the input's format) → parse gives the same kind of API, the same stage (origin
//! path), the same origins and the same API path patterns, or the import lists what differs in
//! its "not carried over" lines. Nothing changes silently.

use apifront_core::model::{Document, Format, Origin, OriginKind};
use apifront_core::parse::parse;
use apifront_core::render::{render, OutputFormat};
use apifront_core::state::{state_from_model, ApiKind, FormState};
use std::path::{Path, PathBuf};

/// Every configuration the repository keeps for tests, and the app's examples.
fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dirs = [
        root.join("tests/fixtures/cfn"),
        root.join("tests/fixtures/cli-json"),
        root.join("tests/fixtures/terraform"),
        root.join("tests/fixtures/reference"),
        root.join("tests/fixtures/rules"),
        root.join("tests/fixtures/host-forwarding"),
        root.join("../../static/examples"),
    ];
    let mut out: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap_or_else(|e| panic!("{}: {e}", d.display())))
        .map(|e| e.expect("entry").path())
        // Single files (module folders are read through `Sources`, not imported).
        .filter(|p| p.is_file() && !p.to_string_lossy().contains(".fixed."))
        .collect();
    out.sort();
    out
}

/// The output format that writes what `format` reads.
fn same_format(format: Format) -> OutputFormat {
    match format {
        Format::CliJson => OutputFormat::CliJson,
        Format::CfnJson => OutputFormat::CfnJson,
        Format::CfnYaml => OutputFormat::CfnYaml,
        Format::Terraform => OutputFormat::Terraform,
    }
}

/// The family of an API kind: what a generated configuration can show again.
fn family(kind: ApiKind) -> &'static str {
    match kind {
        ApiKind::RestRegional | ApiKind::RestEdge | ApiKind::RestPrivate => "rest",
        ApiKind::HttpApi => "http",
        ApiKind::LambdaUrl => "lambda-url",
        ApiKind::CustomDomain => "custom-domain",
    }
}

fn api_origin(doc: &Document) -> Option<&Origin> {
    doc.distributions
        .first()?
        .origins
        .iter()
        .find(|o| o.kind.0.is_api())
}

fn stage_path(origin: &Origin) -> String {
    origin
        .origin_path
        .get()
        .map(|p| p.trim_matches('/').to_string())
        .unwrap_or_default()
}

/// The path patterns of the behaviors that go to `origin`.
fn api_paths(doc: &Document, origin: &Origin) -> Vec<String> {
    let Some(dist) = doc.distributions.first() else {
        return Vec::new();
    };
    let mut out: Vec<String> = dist
        .behaviors
        .iter()
        .filter(|b| b.target_origin_id.get() == origin.id.get())
        .filter_map(|b| b.path_pattern.as_ref()?.get().cloned())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn said(lost: &[String], words: &[&str]) -> bool {
    lost.iter().any(|l| words.iter().any(|w| l.contains(w)))
}

/// Renders the imported state. The output may be blocked by a value the configuration itself
/// got wrong (carried over as it is: the form shows the error at its field), but a value the
/// import could not find must be explained by its lines.
fn generate(
    name: &str,
    state: &FormState,
    lost: &[String],
    format: OutputFormat,
) -> Option<Document> {
    match render(state, format) {
        Ok(file) => Some(parse(&file.text).unwrap_or_else(|e| panic!("{name}: output: {e}"))),
        Err(errors) => {
            for e in &errors {
                let (value, words): (&str, &[&str]) = match e.field.as_str() {
                    "api.api_id" => (&state.api.api_id, &["host name"]),
                    "api.region" => (&state.api.region, &["host name"]),
                    "api.stage" => (&state.api.stage, &["stage"]),
                    "routing.bucket_name" => (&state.routing.bucket_name, &["bucket"]),
                    "domain.certificate_arn" => (&state.domain.certificate_arn, &["certificate"]),
                    _ => continue,
                };
                assert!(
                    !value.is_empty() || said(lost, words),
                    "{name}: output blocked by a missing {} ({}) without a word in {lost:#?}",
                    e.field,
                    e.message
                );
            }
            None
        }
    }
}

#[test]
fn every_fixture_round_trips_or_says_what_differs() {
    let mut checked = 0;
    for path in inputs() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("reads");
        let Ok(doc) = parse(&text) else { continue };
        let (state, lost) = state_from_model(&doc);
        let Some(input_api) = api_origin(&doc) else {
            assert!(
                said(
                    &lost,
                    &[
                        "no API Gateway or Lambda URL origin",
                        "no CloudFront distribution"
                    ]
                ),
                "{name}: {lost:?}"
            );
            continue;
        };
        let Some(out) = generate(&name, &state, &lost, same_format(doc.format)) else {
            continue;
        };
        let out_api = api_origin(&out).unwrap_or_else(|| panic!("{name}: no API origin generated"));
        checked += 1;

        // Kind: the generated configuration imports back to the same family of API.
        let (again, _) = state_from_model(&out);
        assert_eq!(
            family(again.api.kind),
            family(state.api.kind),
            "{name}: kind changed"
        );
        if let (
            OriginKind::ApiGatewayDefault {
                api_id: Some(id),
                region: Some(region),
            },
            OriginKind::ApiGatewayDefault {
                api_id: out_id,
                region: out_region,
            },
        ) = (&input_api.kind.0, &out_api.kind.0)
        {
            assert_eq!(out_id.as_ref(), Some(id), "{name}: API id");
            assert_eq!(out_region.as_ref(), Some(region), "{name}: region");
        }

        // Stage: the origin path is the same, or the import says why not.
        if stage_path(input_api) != stage_path(out_api) {
            assert!(
                said(&lost, &["origin path", "stage"]),
                "{name}: origin path {:?} became {:?} silently: {lost:#?}",
                stage_path(input_api),
                stage_path(out_api)
            );
        }

        // Origins: every input origin is generated again (the API, the S3 site) or listed.
        let dist = &doc.distributions[0];
        let out_has = |kind: &OriginKind| {
            out.distributions[0]
                .origins
                .iter()
                .any(|o| std::mem::discriminant(&o.kind.0) == std::mem::discriminant(kind))
        };
        for o in &dist.origins {
            let id = o.id.get().cloned().unwrap_or_default();
            let kept =
                std::ptr::eq(o, input_api) || (o.kind.0 == OriginKind::S3 && out_has(&o.kind.0));
            assert!(
                kept || said(&lost, &[&format!("`{id}`")]),
                "{name}: origin `{id}` dropped silently: {lost:#?}"
            );
        }

        // Paths: the API's path patterns are generated again, or listed; none is invented.
        let before = api_paths(&doc, input_api);
        let after = api_paths(&out, out_api);
        for p in before.iter().filter(|p| !after.contains(p)) {
            assert!(
                said(&lost, &[p.as_str()]),
                "{name}: API path {p} dropped silently: {lost:#?}"
            );
        }
        let invented: Vec<&String> = after.iter().filter(|p| !before.contains(p)).collect();
        assert!(
            invented.is_empty(),
            "{name}: API paths {invented:?} appeared from nowhere"
        );
    }
    assert!(checked >= 15, "only {checked} fixtures round-tripped");
}

#[test]
fn a_rest_api_without_origin_path_keeps_its_kind_and_takes_its_stage() {
    let text = include_str!("fixtures/rules/broken.yaml");
    let (state, lost) = state_from_model(&parse(text).expect("parses"));
    assert_eq!(family(state.api.kind), "rest");
    assert_eq!(state.api.stage, "prod");
    assert!(said(&lost, &["stage `prod`"]), "{lost:#?}");
}

#[test]
fn a_site_bucket_from_another_resource_is_named_and_said() {
    let text = include_str!("../../../static/examples/broken-cfn.yaml");
    let (state, lost) = state_from_model(&parse(text).expect("parses"));
    assert!(!state.routing.bucket_name.is_empty());
    assert!(
        render(&state, OutputFormat::CfnYaml).is_ok(),
        "output is not blocked"
    );
    assert!(said(&lost, &["site bucket's name"]), "{lost:#?}");
}
