//! The literal values of AWS CLI JSON and what an [`Evaluated`] says about itself.

use super::*;
use crate::model::PolicyRef;
use crate::parse::json::parse_tree;
use crate::span::LineIndex;

/// Runs `f` on the root of the JSON text `json`.
fn with_root<R>(json: &str, f: impl FnOnce(&Node) -> R) -> R {
    let idx = LineIndex::new(json);
    let tree = parse_tree(json, &idx).expect("valid JSON");
    f(&tree.root)
}

/// The value under `key` of the root object.
fn entry<'a>(root: &'a Node<'a>, key: &str) -> &'a Node<'a> {
    root.get(key).expect("key present")
}

#[test]
fn literals_are_their_own_values() {
    let json = r#"{"n": null, "b": true, "num": 60.50, "s": "api.example.com",
                   "l": ["GET", null], "m": {"Quantity": 1}}"#;
    with_root(json, |root| {
        let lit = Literal::default();
        assert_eq!(lit.eval(entry(root, "n")).state, State::Absent);
        assert_eq!(lit.eval(entry(root, "b")), Evaluated::text("true"));
        // Numbers as written: `60.50` stays `60.50`.
        assert_eq!(lit.eval(entry(root, "num")), Evaluated::text("60.50"));
        assert_eq!(
            lit.eval(entry(root, "s")),
            Evaluated::text("api.example.com")
        );
        assert_eq!(
            lit.eval(entry(root, "l")).state,
            State::List(vec![Evaluated::text("GET"), Evaluated::absent()])
        );
        // An object where a value belongs is unknown, with a reason naming what was found.
        assert_eq!(
            lit.eval(entry(root, "m")),
            Evaluated::unknown(Unknown::Invalid("expected a value, found an object".into()))
        );
        assert!(lit.take_placeholders().is_empty());
    });
}

#[test]
fn describe_names_each_kind_of_node() {
    let json = r#"{"n": null, "b": false, "num": 1, "s": "x", "l": [], "m": {}}"#;
    with_root(json, |root| {
        let names: Vec<_> = ["n", "b", "num", "s", "l", "m"]
            .iter()
            .map(|k| describe(entry(root, k)))
            .collect();
        assert_eq!(
            names,
            [
                "null",
                "a boolean",
                "a number",
                "a string",
                "a list",
                "an object"
            ]
        );
        assert_eq!(
            Evaluated::wrong_type("a string", entry(root, "l")),
            Evaluated::unknown(Unknown::Invalid("expected a string, found a list".into()))
        );
    });
}

/// A value left to fill in is unknown, keyed by its text and shaped so that the host still
/// classifies; each string is noted once however often it is read.
#[test]
fn placeholders_are_unknown_and_noted_once() {
    let json = r#"{"a": "<api-id>.execute-api.us-east-1.amazonaws.com", "b": "REPLACE_ME"}"#;
    with_root(json, |root| {
        let lit = Literal::default();
        let a = lit.eval(entry(root, "a"));
        assert_eq!(
            lit.eval(entry(root, "a")),
            a,
            "the same value when read again"
        );
        let b = lit.eval(entry(root, "b"));
        assert_eq!(
            a.key(),
            Some("<api-id>.execute-api.us-east-1.amazonaws.com")
        );
        assert_eq!(
            a.shape(),
            Some("{<api-id>}.execute-api.us-east-1.amazonaws.com")
        );
        assert_eq!(b.key(), Some("REPLACE_ME"));
        assert_eq!(b.shape(), Some("{REPLACE_ME}"));

        let notes = lit.take_placeholders();
        let found: Vec<_> = notes
            .iter()
            .map(|n| (n.kind, n.span, n.detail.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (NoteKind::Placeholder, entry(root, "a").span, "<api-id>"),
                (NoteKind::Placeholder, entry(root, "b").span, "REPLACE_ME"),
            ]
        );
        assert!(lit.take_placeholders().is_empty(), "taken, not copied");
    });
}

#[test]
fn only_unknowns_have_keys() {
    assert_eq!(Evaluated::text("abc").key(), None);
    assert_eq!(Evaluated::absent().key(), None);
    assert_eq!(
        Evaluated::unknown(Unknown::Placeholder("x".into())).key(),
        None
    );
    assert_eq!(
        Evaluated::keyed(Unknown::Placeholder("x".into()), None, "${Api}".into()).key(),
        Some("${Api}")
    );
}

#[test]
fn a_shape_is_a_text_or_the_shape_of_an_unknown_text() {
    assert_eq!(
        Evaluated::text("api.example.com").shape(),
        Some("api.example.com")
    );
    let host = "{Api}.execute-api.{AWS::Region}.amazonaws.com";
    assert_eq!(
        Evaluated::shaped(Unknown::Placeholder("x".into()), host).shape(),
        Some(host)
    );
    assert_eq!(
        Evaluated::unknown(Unknown::Placeholder("x".into())).shape(),
        None
    );
    assert_eq!(Evaluated::absent().shape(), None);
    assert_eq!(
        Evaluated::from(State::List(vec![Evaluated::text("a")])).shape(),
        None
    );
}

#[test]
fn a_reference_is_recorded_once() {
    let api = Ref {
        id: "Api".into(),
        target: Target::Api,
    };
    let url = Ref {
        id: "FnUrl".into(),
        target: Target::LambdaUrl,
    };
    let v = Evaluated::text("x")
        .with_ref(api.clone())
        .with_ref(url.clone())
        .with_ref(api.clone());
    assert_eq!(v.refs, [api, url]);
}

/// AWS CLI JSON has no sibling resources: a policy id is the id of a policy in the account,
/// never a local one. Here the managed CachingDisabled and AllViewerExceptHostHeader policies,
/// whose ids AWS lists for "the AWS CLI, or the CloudFront API" in
/// <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html>
/// and `using-managed-origin-request-policies.html`.
#[test]
fn cli_json_policy_ids_are_ids() {
    let json = r#"{"DistributionConfig": {
        "Origins": {"Quantity": 1, "Items": [{"Id": "api",
            "DomainName": "abc123defg.execute-api.us-east-1.amazonaws.com"}]},
        "DefaultCacheBehavior": {"TargetOriginId": "api",
            "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
            "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"}}}"#;
    with_root(json, |root| {
        let node = entry(
            entry(entry(root, "DistributionConfig"), "DefaultCacheBehavior"),
            "CachePolicyId",
        );
        assert_eq!(Literal::default().local_policy(node), None);
    });
    let doc = crate::parse::parse(json).expect("parses");
    let def = doc.distributions[0]
        .default_behavior
        .as_ref()
        .expect("default behavior");
    assert_eq!(
        def.cache_policy_id.get(),
        Some(&PolicyRef::Id(
            "4135ea2d-6df8-44a3-9df3-4b5a84be39ad".into()
        ))
    );
    assert_eq!(
        def.origin_request_policy_id.get(),
        Some(&PolicyRef::Id(
            "b689b0a8-53d0-40ab-baf2-68738e2966ac".into()
        ))
    );
}
