//! Which origin a definition given beside the configuration goes to, and what the note says.

use super::*;
use crate::span::Span;
use crate::value::Field;

/// A distribution (AWS CLI JSON) with one HTTPS custom origin per `(id, host)`.
fn document(origins: &[(&str, &str)]) -> Document {
    let items: Vec<String> = origins
        .iter()
        .map(|(id, host)| {
            format!(
                r#"{{"Id": "{id}", "DomainName": "{host}", "OriginPath": "/prod",
                    "CustomOriginConfig": {{"HTTPPort": 80, "HTTPSPort": 443,
                    "OriginProtocolPolicy": "https-only"}}}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"DistributionConfig": {{"CallerReference": "c", "Comment": "", "Enabled": true,
            "Origins": {{"Quantity": {}, "Items": [{}]}},
            "DefaultCacheBehavior": {{"TargetOriginId": "{}",
                "ViewerProtocolPolicy": "https-only",
                "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"}}}}}}"#,
        items.len(),
        items.join(","),
        origins[0].0
    );
    crate::parse::parse(&text).expect("a distribution")
}

fn definition(name: &str, kind: DefinitionKind, api_id: Option<&str>) -> Definition {
    Definition {
        name: name.into(),
        kind,
        api: Api {
            name: name.into(),
            source: ApiSource::Definition(kind),
            api_id: match api_id {
                Some(id) => Field::known(id.to_string(), Span::default(), "id"),
                None => Field::default(),
            },
            ..Api::default()
        },
    }
}

/// The origin ids each attached API went to, in order.
fn attached(doc: &Document) -> Vec<(usize, &str)> {
    doc.api_model
        .attachments
        .iter()
        .map(|a| (a.api, a.origin_id.as_str()))
        .collect()
}

const PETS: (&str, &str) = ("pets", "k7x2m9q4tb.execute-api.eu-west-1.amazonaws.com");
const STOCK: (&str, &str) = ("stock", "z1y2x3w4v5.execute-api.eu-west-1.amazonaws.com");
/// A regional custom domain's target: an API Gateway origin whose host shows no API id.
const DOMAIN: (&str, &str) = ("domain", "d-a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com");

#[test]
fn pieces_of_one_api_merge_and_exports_stay_apart() {
    let merged = merge_definitions(vec![
        definition("export.json", DefinitionKind::OpenApi3, None),
        definition("resources.json", DefinitionKind::RestResources, None),
        definition("routes.json", DefinitionKind::V2Routes, None),
        definition("stages.json", DefinitionKind::RestStages, None),
        definition("v2-stages.json", DefinitionKind::V2Stages, None),
    ]);
    let names: Vec<&str> = merged.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "export.json",
            "resources.json + stages.json",
            "routes.json + v2-stages.json"
        ]
    );
    assert_eq!(
        merged[0].api.source,
        ApiSource::Definition(DefinitionKind::OpenApi3)
    );
    assert_eq!(merged[1].api.source, ApiSource::Pieces);
    assert_eq!(merged[2].api.source, ApiSource::Pieces);
}

#[test]
fn a_definition_goes_to_every_origin_whose_host_shows_its_id() {
    let mut doc = document(&[PETS, STOCK, ("pets-again", PETS.1)]);
    let notes = attach(
        &mut doc,
        vec![definition(
            "pets.json",
            DefinitionKind::OpenApi3,
            Some("k7x2m9q4tb"),
        )],
    );
    assert_eq!(attached(&doc), [(0, "pets"), (0, "pets-again")]);
    assert_eq!(
        notes,
        [AttachNote {
            definition: "pets.json".into(),
            attached: true,
            message: "an OpenAPI 3 definition is attached to origin `pets` of `DistributionConfig`, \
                      `pets-again` of `DistributionConfig` (API id `k7x2m9q4tb` in the origin's host)"
                .into(),
        }]
    );
}

#[test]
fn an_id_no_origin_shows_is_not_attached_and_the_origins_are_listed() {
    let mut doc = document(&[PETS, DOMAIN]);
    let notes = attach(
        &mut doc,
        vec![definition(
            "other.json",
            DefinitionKind::OpenApi3,
            Some("q9w8e7r6t5"),
        )],
    );
    assert!(attached(&doc).is_empty());
    assert_eq!(
        notes[0].message,
        "an OpenAPI 3 definition is not attached: the definition is API `q9w8e7r6t5`; not matched \
         to origin `pets` of `DistributionConfig` (API `k7x2m9q4tb`, host \
         `k7x2m9q4tb.execute-api.eu-west-1.amazonaws.com`), `domain` of `DistributionConfig` (API id \
         not in its host, host `d-a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com`)"
    );
    assert!(!notes[0].attached);
    // The definition is still part of the model, for the rules that read every API.
    assert_eq!(doc.api_model.apis.len(), 1);
}

#[test]
fn an_id_goes_to_the_only_origin_only_when_its_host_shows_no_id() {
    let mut doc = document(&[DOMAIN]);
    let notes = attach(
        &mut doc,
        vec![definition(
            "api.json",
            DefinitionKind::V2Api,
            Some("q9w8e7r6t5"),
        )],
    );
    assert_eq!(attached(&doc), [(0, "domain")]);
    assert_eq!(
        notes[0].message,
        "`aws apigatewayv2 get-api` output is attached to origin `domain` of `DistributionConfig` (the \
         only API Gateway origin; its host does not show an API id, the definition is API \
         `q9w8e7r6t5`)"
    );

    // The only origin shows another API's id: that origin is not this API.
    let mut doc = document(&[PETS]);
    let notes = attach(
        &mut doc,
        vec![definition(
            "api.json",
            DefinitionKind::V2Api,
            Some("q9w8e7r6t5"),
        )],
    );
    assert!(attached(&doc).is_empty());
    assert!(!notes[0].attached);
}

#[test]
fn without_an_id_a_definition_goes_to_the_only_api_origin_and_never_by_guess() {
    let mut doc = document(&[PETS]);
    let notes = attach(
        &mut doc,
        vec![definition("routes.json", DefinitionKind::V2Routes, None)],
    );
    assert_eq!(attached(&doc), [(0, "pets")]);
    assert_eq!(
        notes[0].message,
        "`aws apigatewayv2 get-routes` output is attached to origin `pets` of `DistributionConfig` (the \
         only API Gateway origin; the definition does not state its API id)"
    );

    let mut doc = document(&[PETS, STOCK]);
    let notes = attach(
        &mut doc,
        vec![definition("routes.json", DefinitionKind::V2Routes, None)],
    );
    assert!(attached(&doc).is_empty());
    assert!(notes[0]
        .message
        .starts_with("`aws apigatewayv2 get-routes` output is not attached: the definition does not state its API id; not matched to origin `pets`"));
}

#[test]
fn without_api_origins_the_note_says_so() {
    let mut doc = document(&[("site", "site.s3.eu-west-1.amazonaws.com")]);
    let notes = attach(
        &mut doc,
        vec![definition("export.json", DefinitionKind::Swagger2, None)],
    );
    assert_eq!(
        notes[0].message,
        "a Swagger 2 definition is not attached: the definition does not state its API id; the \
         configuration has no API Gateway origin"
    );
}
