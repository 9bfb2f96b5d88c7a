//! The map as Mermaid flowchart text, for READMEs and pull requests (GitHub renders it).

use super::{Map, Node};
use crate::lint::Severity;
use std::fmt::Write;

/// Escapes label text inside a quoted Mermaid label (entity codes for the characters Mermaid
/// reads as syntax).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn id(node_id: &str) -> String {
    node_id.replace('-', "_")
}

fn label(node: &Node) -> String {
    let mut parts = vec![format!("<b>{}</b>", escape(&node.title))];
    parts.extend(node.lines.iter().map(|l| escape(l)));
    for m in &node.marks {
        let head = match m.severity {
            Severity::Error => "✖ error",
            _ => "▲ warning",
        };
        parts.push(format!("{head}: {}", escape(m.name())));
    }
    parts.join("<br/>")
}

/// Writes the map as a Mermaid `flowchart LR`.
pub fn render(map: &Map) -> String {
    let mut out = String::from("flowchart LR\n");
    let _ = writeln!(out, "  %% {}", escape(&map.summary()));
    for node in &map.nodes {
        let _ = writeln!(out, "  {}[\"{}\"]", id(&node.id), label(node));
    }
    for e in &map.edges {
        match &e.label {
            Some(l) => {
                let _ = writeln!(
                    out,
                    "  {} -->|\"{}\"| {}",
                    id(&e.from),
                    escape(l),
                    id(&e.to)
                );
            }
            None => {
                let _ = writeln!(out, "  {} --> {}", id(&e.from), id(&e.to));
            }
        }
    }
    let errors: Vec<String> = map
        .nodes
        .iter()
        .filter(|n| n.worst() == Some(Severity::Error))
        .map(|n| id(&n.id))
        .collect();
    let warnings: Vec<String> = map
        .nodes
        .iter()
        .filter(|n| n.worst() == Some(Severity::Warning))
        .map(|n| id(&n.id))
        .collect();
    out.push_str("  classDef error fill:#fef2f2,stroke:#b91c1c,stroke-width:3px,color:#7f1d1d\n");
    out.push_str("  classDef warning fill:#fffbeb,stroke:#92400e,stroke-width:3px,color:#78350f\n");
    if !errors.is_empty() {
        let _ = writeln!(out, "  class {} error", errors.join(","));
    }
    if !warnings.is_empty() {
        let _ = writeln!(out, "  class {} warning", warnings.join(","));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_mermaid_syntax() {
        assert_eq!(escape("a \"b\" <c> #1"), "a #quot;b#quot; #lt;c#gt; #35;1");
    }
}
