//! The map of a distribution: alternate domain names → the distribution → cache behaviors in
//! evaluation order → origins (kind, origin path) → the APIs behind them (from the
//! [API model](crate::api): stages and routes when the input shows them; a custom domain's API
//! mappings on the arrows; function URLs), with the errors and warnings of the lint marked on the
//! node they are about, and a behavior that can reach no route of its API marked with the reason.
//!
//! [`build`] makes the diagram model; [`svg`] and [`mermaid`] draw it. A map built from the
//! model of a [`Sources`] has spans of [`Sources::text`]: [`Map::locate`] makes them local to
//! their files.

use crate::forwarding::short_id;
use crate::lint::{Finding, Key, Severity};
use crate::managed;
use crate::model::{Behavior, Distribution, Document, Format, PolicyRef};
use crate::source::Sources;
use crate::span::Span;
use crate::trace::kind_text;
use crate::value::Val;
use serde::Serialize;

mod apis;
pub mod mermaid;
mod reach;
pub mod svg;

/// The lint rule that finds behaviors reaching no route; when its finding is on a behavior,
/// the map does not add its own mark for the same problem.
const ROUTE_RULE: &str = "apigw-route-unreachable";

/// The columns of the map, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Column {
    Aliases,
    Distribution,
    Behaviors,
    Origins,
    Apis,
}

/// A problem the lint (or the map itself) found, shown on the node it is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mark {
    pub severity: Severity,
    /// The lint rule; `None` for what the map finds itself (a behavior that reaches no route).
    pub rule: Option<String>,
    pub message: String,
}

impl Mark {
    /// A short name for the problem: the rule's slug, or what the map found.
    pub fn name(&self) -> &str {
        self.rule.as_deref().unwrap_or("reaches no route")
    }
}

/// One box.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// Stable within a map: `alias-0`, `distribution`, `behavior-1`, `origin-0`, `api-0`.
    pub id: String,
    pub column: Column,
    pub title: String,
    /// Further lines under the title.
    pub lines: Vec<String>,
    /// Where the node is defined in the source.
    pub span: Option<Span>,
    /// The file of `span`, when the map was located in several files ([`Map::locate`]).
    pub file: Option<String>,
    /// Errors and warnings about this node, most severe first.
    pub marks: Vec<Mark>,
}

impl Node {
    /// The most severe mark, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.marks.iter().map(|m| m.severity).min()
    }
}

/// An arrow between two nodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    /// A label on the arrow (`failover`), if any.
    pub label: Option<String>,
}

/// The diagram of one distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Map {
    /// The distribution's name.
    pub distribution: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl Map {
    /// Makes every node's span local to its file of `sources` (the map was built from the model
    /// of `sources`), and names the file when there are several.
    pub fn locate(mut self, sources: &Sources) -> Map {
        for node in &mut self.nodes {
            if let Some(span) = node.span {
                let at = sources.locate(span);
                node.span = Some(at.span);
                if sources.len() > 1 {
                    node.file = Some(sources.name(at.file).to_string());
                }
            }
        }
        self
    }

    /// The nodes of a column, in order.
    pub fn column(&self, column: Column) -> impl Iterator<Item = &Node> {
        self.nodes.iter().filter(move |n| n.column == column)
    }

    /// A one-sentence description of the map (for titles and screen readers).
    pub fn summary(&self) -> String {
        let count = |c: Column, one: &str, many: &str| {
            let n = self.column(c).count();
            format!("{n} {}", if n == 1 { one } else { many })
        };
        let problems = self.nodes.iter().filter(|n| n.worst().is_some()).count();
        let mut s = format!(
            "Distribution {}: {}, {}, {}",
            self.distribution,
            count(Column::Aliases, "domain name", "domain names"),
            count(Column::Behaviors, "cache behavior", "cache behaviors"),
            count(Column::Origins, "origin", "origins"),
        );
        if problems > 0 {
            s.push_str(&format!(
                "; {problems} {} marked with problems",
                if problems == 1 { "box" } else { "boxes" }
            ));
        }
        s
    }
}

pub(super) fn spanned(span: Span) -> Option<Span> {
    (span.line > 0).then_some(span)
}

/// A policy for people: a managed policy's name, a local resource's name, or the short id.
fn policy_name(field: &crate::value::Field<PolicyRef>) -> Option<String> {
    match &field.val {
        Val::Known(PolicyRef::Id(id)) => {
            Some(managed::name_of_id(id).map_or_else(|| short_id(id), str::to_string))
        }
        Val::Known(PolicyRef::Local(name)) => Some(name.clone()),
        Val::Unknown(_) => Some("(not known)".into()),
        Val::Absent => None,
    }
}

fn behavior_lines(format: Format, b: &Behavior) -> Vec<String> {
    let mut lines = Vec::new();
    let methods = b.allowed_methods.known_items();
    lines.push(match methods {
        Some(m) if m.len() == 7 => "all 7 methods".to_string(),
        Some(m) => m.join(", "),
        None if !b.allowed_methods.is_present() => "GET, HEAD".to_string(),
        None => "methods not known".to_string(),
    });
    let policies: Vec<String> = [
        policy_name(&b.cache_policy_id),
        policy_name(&b.origin_request_policy_id),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !policies.is_empty() {
        lines.push(policies.join(" + "));
    } else if b.forwarded_values.is_some() {
        lines.push(format!("legacy {}", Key::FORWARDED_VALUES.name(format)));
    }
    let functions = b.function_associations.len() + b.lambda_function_associations.len();
    if functions > 0 {
        lines.push(format!(
            "{functions} {}",
            if functions == 1 {
                "function"
            } else {
                "functions"
            }
        ));
    }
    lines
}

/// Builds the map of `dist`, marking the errors and warnings among `findings`.
pub fn build(doc: &Document, dist: &Distribution, findings: &[Finding]) -> Map {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    // The source range of each behavior, origin and API node (what its findings fall in).
    let mut ranges: Vec<(String, Span)> = Vec::new();
    add_aliases(dist, &mut nodes, &mut edges);
    // Behaviors in evaluation order, the default last.
    let behaviors: Vec<&Behavior> = dist
        .behaviors
        .iter()
        .chain(dist.default_behavior.iter())
        .collect();
    add_behaviors(doc, &behaviors, &mut nodes, &mut edges, &mut ranges);
    add_origins(doc, dist, &mut nodes, &mut ranges);
    add_targets(dist, &behaviors, &mut edges);
    // What the API origins reach.
    ranges.extend(apis::add(doc, dist, &mut nodes, &mut edges));
    mark(&mut nodes, &ranges, dist, findings);
    mark_unreachable(doc, dist, &behaviors, &mut nodes);
    Map {
        distribution: dist.name.clone(),
        nodes,
        edges,
    }
}

/// The domain name nodes (the distribution's own when it has no alias), the distribution node
/// and the edges between them.
fn add_aliases(dist: &Distribution, nodes: &mut Vec<Node>, edges: &mut Vec<Edge>) {
    let aliases = dist.aliases.get().map(Vec::as_slice).unwrap_or_default();
    if aliases.is_empty() {
        nodes.push(Node {
            id: "alias-0".into(),
            column: Column::Aliases,
            title: if dist.aliases.is_unknown() {
                "(domain names not known)".into()
            } else {
                "*.cloudfront.net".into()
            },
            lines: vec!["the distribution's own domain name".into()],
            span: spanned(dist.aliases.span),
            file: None,
            marks: Vec::new(),
        });
    }
    for (i, a) in aliases.iter().enumerate() {
        nodes.push(Node {
            id: format!("alias-{i}"),
            column: Column::Aliases,
            title: a.get().cloned().unwrap_or_else(|| "(not known)".into()),
            lines: Vec::new(),
            span: spanned(a.span),
            file: None,
            marks: Vec::new(),
        });
    }
    let alias_count = nodes.len();
    nodes.push(Node {
        id: "distribution".into(),
        column: Column::Distribution,
        title: format!("Distribution {}", dist.name),
        lines: match dist.enabled.get() {
            Some(false) => vec!["disabled".into()],
            _ => Vec::new(),
        },
        span: spanned(dist.span),
        file: None,
        marks: Vec::new(),
    });
    for i in 0..alias_count {
        edges.push(Edge {
            from: format!("alias-{i}"),
            to: "distribution".into(),
            label: None,
        });
    }
}

/// A node per behavior, joined to the distribution.
fn add_behaviors(
    doc: &Document,
    behaviors: &[&Behavior],
    nodes: &mut Vec<Node>,
    edges: &mut Vec<Edge>,
    ranges: &mut Vec<(String, Span)>,
) {
    for (i, b) in behaviors.iter().enumerate() {
        let pattern = match &b.path_pattern {
            None => "* (default)".to_string(),
            Some(p) => p
                .get()
                .cloned()
                .unwrap_or_else(|| "(pattern not known)".into()),
        };
        let id = format!("behavior-{i}");
        ranges.push((id.clone(), b.span));
        nodes.push(Node {
            id: id.clone(),
            column: Column::Behaviors,
            title: format!("{}. {pattern}", i + 1),
            lines: behavior_lines(doc.format, b),
            span: spanned(b.path_pattern.as_ref().map_or(b.span, |p| p.span)),
            file: None,
            marks: Vec::new(),
        });
        edges.push(Edge {
            from: "distribution".into(),
            to: id,
            label: None,
        });
    }
}

/// A node per origin: its kind, origin path and host.
fn add_origins(
    doc: &Document,
    dist: &Distribution,
    nodes: &mut Vec<Node>,
    ranges: &mut Vec<(String, Span)>,
) {
    for (i, o) in dist.origins.iter().enumerate() {
        let mut lines = vec![kind_text(doc, o)];
        if let Some(p) = o.origin_path.get().filter(|p| !p.is_empty()) {
            lines.push(format!("origin path {p}"));
        } else if o.origin_path.is_unknown() {
            lines.push("origin path not known".into());
        }
        if let Some(d) = o.domain_name.get() {
            lines.push(d.clone());
        }
        ranges.push((format!("origin-{i}"), o.span));
        nodes.push(Node {
            id: format!("origin-{i}"),
            column: Column::Origins,
            title: o
                .id
                .get()
                .cloned()
                .unwrap_or_else(|| "(id not known)".into()),
            lines,
            span: spanned(o.span),
            file: None,
            marks: Vec::new(),
        });
    }
}

/// The edges from each behavior to its origin, or to the members of its origin group
/// (primary, then failover).
fn add_targets(dist: &Distribution, behaviors: &[&Behavior], edges: &mut Vec<Edge>) {
    let origin_index = |id: &str| {
        dist.origins
            .iter()
            .position(|o| o.id.get().map(String::as_str) == Some(id))
    };
    for (i, b) in behaviors.iter().enumerate() {
        let Some(target) = b.target_origin_id.get() else {
            continue;
        };
        if let Some(o) = origin_index(target) {
            edges.push(Edge {
                from: format!("behavior-{i}"),
                to: format!("origin-{o}"),
                label: None,
            });
            continue;
        }
        let group = dist
            .origin_groups
            .iter()
            .find(|g| g.id.get() == Some(target));
        let members = group
            .and_then(|g| g.members.known_items())
            .unwrap_or_default();
        for (n, member) in members.iter().enumerate() {
            if let Some(o) = origin_index(member) {
                edges.push(Edge {
                    from: format!("behavior-{i}"),
                    to: format!("origin-{o}"),
                    label: Some(if n == 0 { "primary" } else { "failover" }.into()),
                });
            }
        }
    }
}

/// Marks the behaviors that can reach no route of their API, unless the route rule already
/// did.
fn mark_unreachable(
    doc: &Document,
    dist: &Distribution,
    behaviors: &[&Behavior],
    nodes: &mut [Node],
) {
    for (i, b) in behaviors.iter().enumerate() {
        let Some(node) = nodes.iter_mut().find(|n| n.id == format!("behavior-{i}")) else {
            continue;
        };
        if node
            .marks
            .iter()
            .any(|m| m.rule.as_deref() == Some(ROUTE_RULE))
        {
            continue;
        }
        if let Some(message) = reach::unreachable(doc, dist, b) {
            node.marks.insert(
                0,
                Mark {
                    severity: Severity::Error,
                    rule: None,
                    message,
                },
            );
        }
    }
}

/// Puts each error and warning of `dist` on the innermost node whose source range holds it
/// (the distribution's node when none does).
fn mark(nodes: &mut [Node], ranges: &[(String, Span)], dist: &Distribution, findings: &[Finding]) {
    for f in findings {
        if f.distribution != dist.name || f.severity == Severity::Info {
            continue;
        }
        let holder = ranges
            .iter()
            .filter(|(_, s)| s.line > 0 && s.contains(f.span))
            .min_by_key(|(_, s)| s.end - s.start)
            .map_or("distribution", |(id, _)| id.as_str());
        if let Some(node) = nodes.iter_mut().find(|n| n.id == holder) {
            let mark = Mark {
                severity: f.severity,
                rule: Some(f.rule.to_string()),
                message: f.message.clone(),
            };
            if !node.marks.contains(&mark) {
                node.marks.push(mark);
            }
        }
    }
    for n in nodes.iter_mut() {
        n.marks.sort_by_key(|m| m.severity);
    }
}
