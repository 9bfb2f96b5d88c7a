//! Behaviors linked to origins whose ids are references or expressions (issue 12, class 2): by
//! evaluated value when the input gives it, by the same expression when both sides are the
//! same unevaluated expression, and an info finding when no link can be made.

use apifront_core::lint::{lint_text, Finding, LintConfig, Severity};
use apifront_core::model::{same, Document, Link};
use apifront_core::parse::parse;
use apifront_core::span::LineIndex;
use apifront_core::value::{Field, Unknown};

fn fixture(path: &str) -> String {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn findings_of(text: &str, rule: &str) -> Vec<Finding> {
    lint_text(text, &LintConfig::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

fn at(text: &str, needle: &str) -> (u32, u32) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not found"));
    LineIndex::new(text).line_col(offset)
}

/// The ids of the origins a behavior of the first distribution links to.
fn linked(doc: &Document, behavior: usize) -> Option<Vec<&Field<String>>> {
    let d = &doc.distributions[0];
    let b = d.all_behaviors().nth(behavior)?;
    match d.link(b) {
        Link::Origins(origins) => Some(origins.into_iter().map(|o| &o.id).collect()),
        Link::Missing | Link::Unlinked => None,
    }
}

#[test]
fn same_expressions_link_in_short_and_long_form() {
    let text = fixture("links/host-header-behind-parameter-ids.yaml");
    let doc = parse(&text).expect("parses");
    let d = &doc.distributions[0];
    // `{"Fn::Sub": "${Prefix}-api"}` names the origin `!Sub "${Prefix}-api"`.
    let api = linked(&doc, 0).expect("default behavior linked");
    assert!(std::ptr::eq(api[0], &d.origins[0].id));
    assert_eq!(
        d.origins[0].id.val,
        apifront_core::value::Val::Unknown(Unknown::Expression("${Prefix}-api".into()))
    );
    // `!Sub "${Prefix}"` names the origin `!Ref Prefix`.
    let assets = linked(&doc, 1).expect("assets behavior linked");
    assert!(std::ptr::eq(assets[0], &d.origins[1].id));
    assert_eq!(linked(&doc, 2), None);

    // The behavior rules now run on the linked behavior.
    let host = findings_of(&text, "apigw-host-header-forwarded");
    let [f] = host.as_slice() else {
        panic!("{host:#?}")
    };
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        (f.span.line, f.span.column),
        at(&text, "216adef6-5c7f-47e4-b989-5492eafa07d3")
    );
    assert!(
        f.message.contains("origin `${Prefix}-api`"),
        "{}",
        f.message
    );

    let unlinked = findings_of(&text, "target-origin-unlinked");
    let [u] = unlinked.as_slice() else {
        panic!("{unlinked:#?}")
    };
    assert_eq!(u.severity, Severity::Info);
    assert_eq!(
        (u.span.line, u.span.column),
        at(&text, "!Sub \"${Prefix}-tracking\"")
    );
    assert_eq!(
        u.message,
        "behavior `/track/*` targets `!Sub \"${Prefix}-tracking\"` (TargetOriginId), which \
         apifront cannot match to an origin: no origin id is the same expression (`!Sub \
         \"${Prefix}-api\"`, `!Ref Prefix`); check that it names the intended origin, and \
         write both ids the same way or give the parameter or variable a default so they can \
         be compared. The rules about its origin were not run for it"
    );
}

#[test]
fn sub_join_and_sub_with_variables_name_the_same_origin() {
    let text = fixture("correct/cfn-json-expression-ids.json");
    let doc = parse(&text).expect("parses");
    // `{"Fn::Sub": "${ServiceName}-api"}`, `{"Fn::Join": ["-", [{"Ref": "ServiceName"}, "api"]]}`
    // and `{"Fn::Sub": ["${Name}-api", {"Name": {"Ref": "ServiceName"}}]}`.
    for behavior in 0..2 {
        let ids = linked(&doc, behavior).expect("linked");
        assert!(std::ptr::eq(ids[0], &doc.distributions[0].origins[0].id));
    }
    assert!(findings_of(&text, "target-origin-unlinked").is_empty());
    // The behavior rules run: the API origin is seen as bypassable (info), by its expression.
    let bypass = findings_of(&text, "api-origin-bypassable");
    assert_eq!(bypass.len(), 1);
    assert!(bypass[0].message.starts_with("origin `${ServiceName}-api`"));
}

#[test]
fn evaluated_ids_link_by_value_and_unknown_ones_are_said() {
    let text = fixture("links/cdk-join-ids.json");
    let doc = parse(&text).expect("parses");
    // `Fn::Join` and `Fn::Sub` over the parameter default are both `invoices-prod`.
    let d = &doc.distributions[0];
    assert_eq!(
        d.origins[0].id.get().map(String::as_str),
        Some("invoices-prod")
    );
    assert!(linked(&doc, 0).is_some());
    let methods = findings_of(&text, "api-write-methods-not-allowed");
    let [m] = methods.as_slice() else {
        panic!("{methods:#?}")
    };
    assert_eq!(
        (m.span.line, m.span.column),
        at(&text, "[\"GET\", \"HEAD\"]")
    );
    // `invoices-production` could still be the legacy origin's id: said, not guessed.
    assert!(findings_of(&text, "target-origin-unknown").is_empty());
    let unlinked = findings_of(&text, "target-origin-unlinked");
    let [u] = unlinked.as_slice() else {
        panic!("{unlinked:#?}")
    };
    assert_eq!(
        (u.span.line, u.span.column),
        at(&text, "\"invoices-production\"")
    );
    assert!(
        u.message
            .contains("the origin id `{\"Ref\": \"LegacyId\"}` is not known here"),
        "{}",
        u.message
    );
}

#[test]
fn an_evaluated_id_that_matches_nothing_is_an_error() {
    let text = "Parameters:
  Shop: {Type: String, Default: north}
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: !Sub ${Shop}-api
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
        DefaultCacheBehavior:
          TargetOriginId: !Sub ${Shop}-apis
          ViewerProtocolPolicy: https-only
";
    let missing = findings_of(text, "target-origin-unknown");
    let [f] = missing.as_slice() else {
        panic!("{missing:#?}")
    };
    assert_eq!(f.severity, Severity::Error);
    assert_eq!((f.span.line, f.span.column), at(text, "!Sub ${Shop}-apis"));
    assert!(f.message.contains("`north-apis`"), "{}", f.message);
    assert!(f.message.contains("`north-api`"), "{}", f.message);
    assert!(findings_of(text, "target-origin-unlinked").is_empty());
}

#[test]
fn origin_group_members_link_by_expression() {
    let text = fixture("correct/cfn-yaml-parameter-ids.yaml");
    let doc = parse(&text).expect("parses");
    // The branch with failover: the default behavior reaches both members of the group.
    assert_eq!(doc.conditions[0].name, "Failover");
    assert!(doc.conditions[0].value);
    let members = linked(&doc, 0).expect("group linked");
    assert_eq!(members.len(), 2);
    let d = &doc.distributions[0];
    assert!(std::ptr::eq(members[0], &d.origins[0].id));
    assert!(std::ptr::eq(members[1], &d.origins[1].id));
    // Without failover it reaches the one origin.
    let other = &doc.variants[0];
    assert_eq!(linked(other, 0).map(|o| o.len()), Some(1));
}

#[test]
fn terraform_expressions_link_by_their_text() {
    let text = r#"variable "prefix" {
  type = string
}

resource "aws_cloudfront_distribution" "api" {
  enabled = true
  origin {
    origin_id   = "${var.prefix}-api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
    origin_path = "/prod"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id         = "${var.prefix}-api"
    viewer_protocol_policy   = "https-only"
    allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }
  ordered_cache_behavior {
    path_pattern           = "/v2/*"
    target_origin_id       = "${var.prefix}-v2"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
"#;
    let doc = parse(text).expect("parses");
    assert!(linked(&doc, 0).is_some());
    assert!(linked(&doc, 1).is_none());
    let host = findings_of(text, "apigw-host-header-forwarded");
    assert_eq!(host.len(), 1, "{host:#?}");
    let unlinked = findings_of(text, "target-origin-unlinked");
    let [u] = unlinked.as_slice() else {
        panic!("{unlinked:#?}")
    };
    assert_eq!(
        (u.span.line, u.span.column),
        at(text, "\"${var.prefix}-v2\"")
    );
}

#[test]
fn ids_are_the_same_only_when_sure() {
    let known = |s: &str| Field::known(s.to_string(), Default::default(), "p");
    let unknown = |why: Unknown| Field::<String>::unknown(why, Default::default(), "p");
    let expr = |s: &str| unknown(Unknown::Expression(s.into()));
    assert!(same(&known("api"), &known("api")));
    assert!(!same(&known("api"), &known("apis")));
    assert!(!same(&known("api"), &expr("api")));
    assert!(same(&expr("local.name"), &expr(" local.name\n")));
    assert!(!same(&expr("var.a"), &expr("var.b")));
    let param = || {
        unknown(Unknown::Parameter {
            name: "Prefix".into(),
            no_echo: false,
        })
    };
    assert!(same(&param(), &expr("${Prefix}")));
    assert!(!same(
        &unknown(Unknown::Intrinsic("Fn::GetAtt".into())),
        &unknown(Unknown::Intrinsic("Fn::GetAtt".into()))
    ));
    assert!(!same(
        &unknown(Unknown::Placeholder("${Prefix}".into())),
        &expr("${Prefix}")
    ));
}
