//! The map: nodes in evaluation order, edges, problem marks from the lint, and both drawings.

use apifront_core::lint::{lint, LintConfig, Severity};
use apifront_core::map::{self, Column, Map};
use std::path::Path;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn map_of(name: &str) -> Map {
    let text = fixture(name);
    let doc = apifront_core::parse::parse(&text).unwrap();
    let findings = lint(&doc, &text, &LintConfig::default());
    map::build(&doc, &doc.distributions[0], &findings)
}

fn titles(m: &Map, c: Column) -> Vec<String> {
    m.column(c).map(|n| n.title.clone()).collect()
}

#[test]
fn columns_in_evaluation_order() {
    let m = map_of("trace/seed-legacy.yaml");
    assert_eq!(titles(&m, Column::Aliases), ["www.example.com"]);
    assert_eq!(titles(&m, Column::Distribution), ["Distribution Cdn"]);
    assert_eq!(
        titles(&m, Column::Behaviors),
        ["1. /api/*", "2. * (default)"]
    );
    assert_eq!(titles(&m, Column::Origins), ["site", "orders-api"]);
    assert_eq!(titles(&m, Column::Apis), ["REST API OrdersApi"]);
    let api = m.column(Column::Apis).next().unwrap();
    assert_eq!(api.lines, ["stages: prod"]);
    let origin = m.nodes.iter().find(|n| n.title == "orders-api").unwrap();
    assert_eq!(
        origin.lines[..2],
        ["API Gateway REST API", "origin path /prod"]
    );
    let edges: Vec<(&str, &str)> = m
        .edges
        .iter()
        .map(|e| (e.from.as_str(), e.to.as_str()))
        .collect();
    for expected in [
        ("alias-0", "distribution"),
        ("distribution", "behavior-0"),
        ("distribution", "behavior-1"),
        ("behavior-0", "origin-1"),
        ("behavior-1", "origin-0"),
        ("origin-1", "api-0"),
    ] {
        assert!(edges.contains(&expected), "{expected:?} in {edges:?}");
    }
}

#[test]
fn the_behavior_that_forwards_host_is_marked_with_its_reason() {
    let m = map_of("trace/seed-legacy.yaml");
    let api_behavior = m.nodes.iter().find(|n| n.title == "1. /api/*").unwrap();
    assert_eq!(api_behavior.worst(), Some(Severity::Error));
    assert!(api_behavior
        .marks
        .iter()
        .any(|mark| mark.rule == "apigw-host-header-forwarded" && mark.message.contains("Host")));
    // Source position of the box: its path pattern.
    assert_eq!(api_behavior.span.map(|s| s.line), Some(63));
    // The fixed configuration draws the same behavior without an error.
    let fixed = map_of("trace/seed-fixed.yaml");
    let b = fixed.nodes.iter().find(|n| n.title == "1. /api/*").unwrap();
    assert_ne!(b.worst(), Some(Severity::Error), "{:?}", b.marks);
    assert_eq!(
        b.lines,
        [
            "all 7 methods",
            "CachingDisabled + AllViewerExceptHostHeader"
        ]
    );
}

#[test]
fn svg_is_well_formed_accessible_and_links_lines() {
    let m = map_of("trace/seed-legacy.yaml");
    let svg = map::svg::render(&m);
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    let title = root.children().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some("apifront map: Distribution Cdn"));
    let desc = root.children().find(|n| n.has_tag_name("desc")).unwrap();
    assert!(desc.text().unwrap().contains("apigw-host-header-forwarded"));
    let groups: Vec<_> = root.descendants().filter(|n| n.has_tag_name("g")).collect();
    assert_eq!(groups.len(), m.nodes.len());
    for g in &groups {
        assert!(
            g.children().any(|c| c.has_tag_name("title")),
            "every box has a title"
        );
        assert!(
            g.children().any(|c| c.has_tag_name("text")),
            "every box has a text label"
        );
    }
    let marked = groups
        .iter()
        .find(|g| g.attribute("class") == Some("node behavior error"))
        .expect("an error box");
    assert_eq!(marked.attribute("data-line"), Some("63"));
    // The problem is written out, not shown by colour alone.
    assert!(marked.descendants().any(|t| t
        .text()
        .is_some_and(|s| s.contains("error: apigw-host-header-forwarded"))));
}

#[test]
fn drawings_escape_what_the_input_says() {
    let text = fixture("trace/seed-fixed.yaml").replace("www.example.com", "a<b&\"c\".example.com");
    let doc = apifront_core::parse::parse(&text).unwrap();
    let m = map::build(&doc, &doc.distributions[0], &[]);
    let svg = map::svg::render(&m);
    roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    // (`<b>` would be read as a placeholder, `<b` is not.)
    assert!(svg.contains("a&lt;b&amp;&quot;c&quot;.example.com"));
    let mermaid = map::mermaid::render(&m);
    assert!(
        mermaid.contains("a#lt;b&#quot;c#quot;.example.com"),
        "{mermaid}"
    );
}

#[test]
fn origin_groups_draw_primary_and_failover() {
    let text = r#"{
  "Enabled": true,
  "Origins": {"Quantity": 2, "Items": [
    {"Id": "east", "DomainName": "aaaaaaaaaa.execute-api.us-east-1.amazonaws.com", "OriginPath": "/prod",
     "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}},
    {"Id": "west", "DomainName": "bbbbbbbbbb.execute-api.us-west-2.amazonaws.com", "OriginPath": "/prod",
     "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}]},
  "OriginGroups": {"Quantity": 1, "Items": [{"Id": "api-group",
    "FailoverCriteria": {"StatusCodes": {"Quantity": 1, "Items": [503]}},
    "Members": {"Quantity": 2, "Items": [{"OriginId": "east"}, {"OriginId": "west"}]}}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api-group", "ViewerProtocolPolicy": "https-only",
    "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"}
}"#;
    let doc = apifront_core::parse::parse(text).unwrap();
    let m = map::build(&doc, &doc.distributions[0], &[]);
    let labels: Vec<(&str, Option<&str>)> = m
        .edges
        .iter()
        .filter(|e| e.from == "behavior-0")
        .map(|e| (e.to.as_str(), e.label.as_deref()))
        .collect();
    assert_eq!(
        labels,
        [
            ("origin-0", Some("primary")),
            ("origin-1", Some("failover"))
        ]
    );
    let mermaid = map::mermaid::render(&m);
    assert!(
        mermaid.contains("behavior_0 -->|\"failover\"| origin_1"),
        "{mermaid}"
    );
    roxmltree::Document::parse(&map::svg::render(&m)).unwrap();
}
