//! Builders of small model values, for the unit tests that build a model by hand (the rule
//! tables of [`super::tester`] work on text).

use crate::classify::classify_host;
use crate::lint::{Finding, LintContext, Rule};
use crate::managed;
use crate::model::{
    Behavior, CustomOriginConfig, Distribution, Document, Format, Origin, OriginKindField,
    PolicyRef,
};
use crate::span::Span;
use crate::value::{Field, List};

/// A known field at a default span.
pub fn known<T>(v: T) -> Field<T> {
    Field::known(v, Span::default(), "test")
}

/// A known list of strings.
pub fn list(items: &[&str]) -> List {
    known(items.iter().map(|s| known(s.to_string())).collect())
}

/// A managed policy id field.
pub fn policy(id: &str) -> Field<PolicyRef> {
    known(PolicyRef::Id(id.to_string()))
}

/// An origin with a hardened custom origin config, classified from its host.
pub fn origin(id: &str, host: &str) -> Origin {
    Origin {
        id: known(id.to_string()),
        domain_name: known(host.to_string()),
        kind: OriginKindField(classify_host(host, &[])),
        custom_origin_config: Some(CustomOriginConfig {
            origin_protocol_policy: known("https-only".into()),
            origin_ssl_protocols: list(&["TLSv1.2"]),
            ..CustomOriginConfig::default()
        }),
        origin_path: known("/prod".into()),
        ..Origin::default()
    }
}

/// The host of the API origin used in tests.
pub const API_HOST: &str = "abc123defg.execute-api.eu-west-1.amazonaws.com";

/// A behavior set up as recommended for APIs (CachingDisabled + AllViewerExceptHostHeader).
pub fn behavior(target: &str) -> Behavior {
    Behavior {
        target_origin_id: known(target.to_string()),
        viewer_protocol_policy: known("https-only".into()),
        allowed_methods: list(&["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]),
        cache_policy_id: policy(managed::CACHING_DISABLED),
        origin_request_policy_id: policy(managed::ALL_VIEWER_EXCEPT_HOST_HEADER),
        ..Behavior::default()
    }
}

/// A CLI JSON document with one distribution: an API origin `api` and a default behavior to it.
pub fn api_doc() -> Document {
    let mut doc = Document::new(Format::CliJson);
    doc.distributions.push(Distribution {
        name: "DistributionConfig".into(),
        origins: vec![origin("api", API_HOST)],
        default_behavior: Some(behavior("api")),
        ..Distribution::default()
    });
    doc
}

/// The first distribution of a document, for changes.
pub fn dist(doc: &mut Document) -> &mut Distribution {
    &mut doc.distributions[0]
}

/// Runs one rule on every distribution of a model built in a test.
pub fn check(rule: &Rule, doc: &Document) -> Vec<Finding> {
    doc.distributions
        .iter()
        .flat_map(|d| (rule.check)(&LintContext::new(doc, "", d)))
        .collect()
}
