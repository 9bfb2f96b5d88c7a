//! The API column: what each API origin reaches according to the API model — the API on its
//! default endpoint, the APIs a custom domain maps (one arrow per API mapping), or a function
//! URL — with stages and routes when the input shows them.

use super::{spanned, Column, Edge, Node};
use crate::api::{Api, Authorization, Entry, FunctionUrl, Part, Route, RouteKey};
use crate::model::{Distribution, Document};
use crate::span::Span;
use crate::trace::api_kind_text;

/// Routes listed in a box; the rest are counted.
const SHOWN_ROUTES: usize = 8;

/// What an API node stands for, to draw each only once.
enum Target<'a> {
    Api(&'a Api),
    Url(&'a FunctionUrl),
    /// The API of a mapping that the input does not have: by the mapping's name.
    Missing(String),
}

impl PartialEq for Target<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Target::Api(a), Target::Api(b)) => std::ptr::eq(*a, *b),
            (Target::Url(a), Target::Url(b)) => std::ptr::eq(*a, *b),
            (Target::Missing(a), Target::Missing(b)) => a == b,
            _ => false,
        }
    }
}

/// Adds the API nodes of `dist` and the arrows from its origins; returns the node ids with the
/// source range of each.
pub(super) fn add(
    doc: &Document,
    dist: &Distribution,
    nodes: &mut Vec<Node>,
    edges: &mut Vec<Edge>,
) -> Vec<(String, Span)> {
    let mut targets: Vec<Target> = Vec::new();
    let mut ranges = Vec::new();
    for (i, origin) in dist.origins.iter().enumerate() {
        if !origin.kind.0.is_api() {
            continue;
        }
        let Some(entry) = doc.api_model.entry_for(origin) else {
            continue;
        };
        let reached: Vec<(Target, Option<String>)> = match &entry {
            Entry::DefaultEndpoint(api) => vec![(Target::Api(api), None)],
            Entry::FunctionUrl(url) => vec![(Target::Url(url), None)],
            Entry::CustomDomain(domain) => domain
                .mappings
                .iter()
                .map(|m| {
                    let base = m
                        .mapping
                        .base_path
                        .get()
                        .map(|b| b.trim_matches('/'))
                        .filter(|b| !b.is_empty() && *b != "(none)")
                        .map_or("(none)".to_string(), |b| format!("/{b}"));
                    let stage = m.mapping.stage.get().map_or("?", String::as_str);
                    let target = match m.api {
                        Some(api) => Target::Api(api),
                        None => Target::Missing(m.mapping.name.clone()),
                    };
                    (target, Some(format!("{base} → {stage}")))
                })
                .collect(),
        };
        for (target, label) in reached {
            let index = match targets.iter().position(|t| *t == target) {
                Some(index) => index,
                None => {
                    let id = format!("api-{}", targets.len());
                    let (node, range) = node_of(&target, id.clone());
                    ranges.push((id.clone(), range));
                    // The API's parts are defined apart from it in a template (methods,
                    // authorizers, stages): their findings belong to its box too.
                    if let Target::Api(api) = &target {
                        let parts = api
                            .routes
                            .iter()
                            .map(|r| r.span)
                            .chain(api.authorizers.iter().map(|a| a.span))
                            .chain(api.stages.iter().map(|s| s.span));
                        ranges.extend(parts.map(|span| (id.clone(), span)));
                    }
                    nodes.push(node);
                    targets.push(target);
                    targets.len() - 1
                }
            };
            edges.push(Edge {
                from: format!("origin-{i}"),
                to: format!("api-{index}"),
                label,
            });
        }
    }
    ranges
}

/// The node of one target, and its source range (what its findings fall in).
fn node_of(target: &Target, id: String) -> (Node, Span) {
    let (title, lines, span) = match target {
        Target::Api(api) => (
            format!("{} {}", api_kind_text(api.kind), api.display_name()),
            api_lines(api),
            api.span,
        ),
        Target::Url(url) => {
            let mut lines = vec![format!(
                "AuthType {}",
                url.auth_type.get().map_or("(not known)", String::as_str)
            )];
            if let Some(mode) = url.invoke_mode.get() {
                lines.push(format!("InvokeMode {mode}"));
            }
            lines.push("no routing: every path reaches the function".into());
            (format!("Function URL {}", url.name), lines, url.span)
        }
        Target::Missing(mapping) => (
            "API (not in this input)".to_string(),
            vec![format!("mapped by {mapping}")],
            Span::default(),
        ),
    };
    (
        Node {
            id,
            column: Column::Apis,
            title,
            lines,
            span: spanned(span),
            file: None,
            marks: Vec::new(),
        },
        span,
    )
}

/// Stages and routes, or what the input does not show of them.
fn api_lines(api: &Api) -> Vec<String> {
    let mut lines = Vec::new();
    let stages: Vec<String> = api
        .stages
        .iter()
        .map(|s| {
            s.stage_name
                .get()
                .cloned()
                .unwrap_or_else(|| "(not known)".into())
        })
        .collect();
    lines.push(match (stages.is_empty(), api.knows(Part::Stages)) {
        (true, true) => "no stage".to_string(),
        (true, false) => "stages not in this input".to_string(),
        (false, true) => format!("stages: {}", stages.join(", ")),
        (false, false) => format!("stages: {}, maybe more", stages.join(", ")),
    });
    let known = api.knows(Part::Routes);
    let routes: Vec<String> = api.routes.iter().map(route_line).collect();
    if routes.is_empty() {
        lines.push(
            if known {
                "no route"
            } else {
                "routes not in this input"
            }
            .into(),
        );
        return lines;
    }
    let more = routes.len().saturating_sub(SHOWN_ROUTES);
    lines.extend(routes.into_iter().take(SHOWN_ROUTES));
    match (more, known) {
        (0, true) => {}
        (0, false) => lines.push("maybe more routes".into()),
        (n, _) => lines.push(format!(
            "{n} more {}",
            if n == 1 { "route" } else { "routes" }
        )),
    }
    lines
}

/// `GET /users (authorizer token, API key)`.
fn route_line(r: &Route) -> String {
    let key = match r.key.get() {
        Some(RouteKey::Http { method, path }) => format!("{method} {path}"),
        Some(k) => k.to_string(),
        None => "(route not known)".into(),
    };
    let mut notes = Vec::new();
    match r.authorization.get() {
        Some(Authorization::AwsIam) => notes.push("AWS_IAM".to_string()),
        Some(Authorization::None) | None => {}
        Some(other) => notes.push(match r.authorizer.get() {
            Some(name) => format!("authorizer {name}"),
            None => other.as_str().to_string(),
        }),
    }
    if r.api_key_required.get() == Some(&true) {
        notes.push("API key".into());
    }
    if notes.is_empty() {
        key
    } else {
        format!("{key} ({})", notes.join(", "))
    }
}
