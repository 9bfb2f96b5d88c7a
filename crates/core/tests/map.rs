//! The map: nodes in evaluation order, edges, problem marks from the lint, and both drawings.

use apifront_core::lint::{lint, LintConfig, Severity};
use apifront_core::map::{self, Column, Map};
use apifront_core::source::Sources;
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
    // The template defines no method of the API: its routes are unknown, not absent.
    assert_eq!(api.lines, ["stages: prod", "routes not in this input"]);
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
    assert!(api_behavior.marks.iter().any(|mark| mark.rule.as_deref()
        == Some("apigw-host-header-forwarded")
        && mark.message.contains("Host")));
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

/// The map of the distribution `name` of a core fixture, located in its files, with the API
/// definitions `api` beside it.
fn map_with(config: &str, api: &[&str], name: &str) -> Map {
    let mut sources = Sources::single(config, &fixture(&format!("trace/{config}")));
    for d in api {
        sources.push_api_definition(*d, &fixture(&format!("trace/{d}")));
    }
    let doc = apifront_core::parse::parse_sources(&sources).unwrap();
    let findings = lint(&doc, sources.text(), &LintConfig::default());
    let dist = doc
        .distributions
        .iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no distribution {name}"));
    map::build(&doc, dist, &findings).locate(&sources)
}

#[test]
fn api_boxes_list_stages_and_routes_from_the_api_model() {
    let m = map_with("api-auth.yaml", &[], "Forwarding");
    let api = m.column(Column::Apis).next().unwrap();
    assert_eq!(api.title, "REST API UsersApi");
    assert_eq!(
        api.lines,
        [
            "stages: prod",
            "GET /users (authorizer TokenAuth)",
            "POST /users (authorizer TokenAuth)",
            "GET /users/{id} (AWS_IAM)",
            "GET /public",
            "GET /orders (API key)",
            "GET /profile (authorizer SessionAuth)",
        ]
    );
    // The IAM method is defined apart from the API, and its finding is on the API's box.
    assert!(api
        .marks
        .iter()
        .any(|mark| mark.rule.as_deref() == Some("apigw-iam-auth-behind-cloudfront")));
    let dist = m.column(Column::Distribution).next().unwrap();
    assert!(dist.marks.is_empty(), "{:?}", dist.marks);
}

#[test]
fn a_behavior_that_reaches_no_route_is_marked_with_its_reason() {
    // With the lint's findings, the mark is `apigw-route-unreachable`'s.
    let m = map_with("api-auth.yaml", &[], "Forwarding");
    let api_behavior = m.nodes.iter().find(|n| n.title == "1. /api/*").unwrap();
    assert_eq!(api_behavior.worst(), Some(Severity::Error));
    let mark = &api_behavior.marks[0];
    assert_eq!(mark.rule.as_deref(), Some("apigw-route-unreachable"));
    assert!(
        mark.message.contains("Missing Authentication Token"),
        "{}",
        mark.message
    );
    // Without findings, the map finds it itself and writes the reason out.
    let doc = apifront_core::parse::parse(&fixture("trace/api-auth.yaml")).unwrap();
    let dist = doc
        .distributions
        .iter()
        .find(|d| d.name == "Forwarding")
        .unwrap();
    let m = map::build(&doc, dist, &[]);
    let api_behavior = m.nodes.iter().find(|n| n.title == "1. /api/*").unwrap();
    let mark = &api_behavior.marks[0];
    assert_eq!(
        (mark.rule.as_deref(), mark.name()),
        (None, "reaches no route")
    );
    assert_eq!(
        mark.message,
        "every request `/api/*` takes reaches REST API `UsersApi` (stage `prod`) as `/prod/api/…`: \
         no route or resource matches `/api` or anything below it, so API Gateway answers 403 \
         {\"message\":\"Missing Authentication Token\"}"
    );
    // The default behavior reaches the API's resources: no mark.
    let default = m
        .nodes
        .iter()
        .find(|n| n.title == "2. * (default)")
        .unwrap();
    assert!(default.marks.is_empty(), "{:?}", default.marks);
    // Drawn red, the reason written out.
    let svg = map::svg::render(&m);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let red = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("node behavior error"))
        .unwrap();
    assert!(red
        .descendants()
        .any(|t| t.text() == Some("✖ error: reaches no route")));
    assert!(map::mermaid::render(&m).contains("✖ error: reaches no route"));
}

#[test]
fn reachability_is_never_guessed() {
    // The routes of the API are not in the input: `/api/*` may reach one.
    let m = map_of("trace/seed-fixed.yaml");
    let b = m.nodes.iter().find(|n| n.title == "1. /api/*").unwrap();
    assert!(
        b.marks.iter().all(|mark| mark.rule.is_some()),
        "{:?}",
        b.marks
    );
    // An HTTP API with named stages behind `*` and no origin path: `/v1/…` reaches a route.
    let m = map_with("ws-and-stages.json", &[], "CatalogCdn");
    let b = m.column(Column::Behaviors).next().unwrap();
    assert!(
        b.marks.iter().all(|mark| mark.rule.is_some()),
        "{:?}",
        b.marks
    );
    // A function on the behavior may rewrite the path.
    let m = map_of("trace/generated-site-api.yaml");
    for b in m.column(Column::Behaviors) {
        assert!(
            b.marks.iter().all(|mark| mark.rule.is_some()),
            "{:?}",
            b.marks
        );
    }
}

#[test]
fn an_http_api_behavior_without_a_matching_route_is_marked() {
    // `/shop/*` behavior with no origin path to an HTTP API on `$default` whose routes are
    // `/items…`, `/me`, `/admin/{proxy+}` and `/reports`: nothing starts with `/shop`.
    let text = fixture("trace/http-api-routes.tf").replace(
        "  default_cache_behavior {",
        "  ordered_cache_behavior {\n    path_pattern           = \"/shop/*\"\n    target_origin_id       = \"shop-api\"\n    viewer_protocol_policy = \"https-only\"\n    allowed_methods        = [\"GET\", \"HEAD\"]\n    cached_methods         = [\"GET\", \"HEAD\"]\n    cache_policy_id        = aws_cloudfront_cache_policy.authorization.id\n  }\n\n  default_cache_behavior {",
    );
    let doc = apifront_core::parse::parse(&text).unwrap();
    let m = map::build(&doc, &doc.distributions[0], &[]);
    let shop = m.nodes.iter().find(|n| n.title == "1. /shop/*").unwrap();
    assert_eq!(shop.marks.len(), 1, "{:?}", shop.marks);
    assert!(shop.marks[0]
        .message
        .contains(r#"404 {"message":"Not Found"}"#));
    // `/admin/*` would reach `ANY /admin/{proxy+}`.
    let admin = text.replace("\"/shop/*\"", "\"/admin/*\"");
    let doc = apifront_core::parse::parse(&admin).unwrap();
    let m = map::build(&doc, &doc.distributions[0], &[]);
    let b = m.nodes.iter().find(|n| n.title == "1. /admin/*").unwrap();
    assert!(b.marks.is_empty(), "{:?}", b.marks);
}

#[test]
fn definitions_draw_the_api_and_boxes_name_their_file() {
    let m = map_with(
        "cli-users-api.json",
        &["users-api.oas30.json"],
        "DistributionConfig",
    );
    let api = m.column(Column::Apis).next().unwrap();
    assert_eq!(api.title, "REST API users");
    assert_eq!(api.file.as_deref(), Some("users-api.oas30.json"));
    assert_eq!(api.span.map(|s| s.line), Some(1));
    let origin = m.column(Column::Origins).next().unwrap();
    assert_eq!(origin.file.as_deref(), Some("cli-users-api.json"));
    assert_eq!(origin.lines[0], "API Gateway REST API");
    let svg = map::svg::render(&m);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let g = doc
        .descendants()
        .find(|n| {
            n.attribute("class")
                .is_some_and(|c| c.starts_with("node api"))
        })
        .unwrap();
    assert_eq!(g.attribute("data-file"), Some("users-api.oas30.json"));
    assert_eq!(g.attribute("data-line"), Some("1"));
    // `/api/*` reaches no resource of the definition.
    let b = m.nodes.iter().find(|n| n.title == "1. /api/*").unwrap();
    assert_eq!(b.marks[0].name(), "apigw-route-unreachable");
}

#[test]
fn custom_domains_draw_their_mappings_and_function_urls_their_auth() {
    let m = map_of("trace/custom-domain.json");
    let labels: Vec<Option<&str>> = m
        .edges
        .iter()
        .filter(|e| e.to.starts_with("api-"))
        .map(|e| e.label.as_deref())
        .collect();
    assert!(labels.contains(&Some("/orders → prod")), "{labels:?}");
    let m = map_of("trace/lambda-url.tf");
    let urls: Vec<&map::Node> = m.column(Column::Apis).collect();
    assert_eq!(urls.len(), 2);
    assert_eq!(urls[0].title, "Function URL aws_lambda_function_url.signed");
    assert_eq!(
        urls[0].lines,
        [
            "AuthType AWS_IAM",
            "no routing: every path reaches the function"
        ]
    );
}

#[test]
fn the_interactive_drawing_makes_every_placed_box_a_labelled_button() {
    let m = map_with(
        "cli-users-api.json",
        &["users-api.oas30.json"],
        "DistributionConfig",
    );
    let svg = map::svg::render_interactive(&m);
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let root = doc.root_element();
    // A group of buttons, not an image (an image's children are presentational).
    assert_eq!(root.attribute("role"), Some("group"));
    assert!(root.attribute("aria-labelledby").is_some());
    let boxes: Vec<_> = root.descendants().filter(|n| n.has_tag_name("g")).collect();
    assert_eq!(boxes.len(), m.nodes.len());
    for g in &boxes {
        let placed = g.attribute("data-line").is_some();
        assert_eq!(
            g.attribute("tabindex").is_some(),
            placed,
            "{:?}",
            g.attribute("id")
        );
        assert_eq!(g.attribute("role") == Some("button"), placed);
    }
    let behavior = boxes
        .iter()
        .find(|g| g.attribute("class") == Some("node behavior error"))
        .expect("the /api/* box");
    let label = behavior.attribute("aria-label").unwrap();
    assert!(label.starts_with("1. /api/*;"), "{label}");
    // The name holds the words the box shows, as it shows them (WCAG 2.5.3).
    assert!(
        label.contains("; ✖ error: apigw-route-unreachable; "),
        "{label}"
    );
    assert!(
        label.contains(". Go to cli-users-api.json, line "),
        "{label}"
    );
    // The standalone drawing is unchanged: an image without focusable parts.
    assert!(!map::svg::render(&m).contains("tabindex"));
}
