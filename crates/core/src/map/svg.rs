//! The map as a standalone SVG image, drawn here: boxes in five columns, arrows between them.
//!
//! Accessible: a `<title>` and a `<desc>` that lists the whole map in words, a `<title>` in every
//! box, text labels (never colour alone: problems are written out), and colours with a contrast
//! ratio above 7:1. Every box carries `data-line`/`data-column` of its source position (and
//! `data-file` when the map spans several files, see [`super::Map::locate`]), so an app can move
//! an editor there.

use super::{Column, Edge, Map, Node};
use crate::lint::Severity;
use std::collections::HashMap;
use std::fmt::Write;

const MARGIN: f64 = 16.0;
const HEADER: f64 = 34.0;
const COLUMN_GAP: f64 = 56.0;
const ROW_GAP: f64 = 14.0;
const PAD_X: f64 = 12.0;
const PAD_Y: f64 = 9.0;
const LINE: f64 = 18.0;
/// Average advance of a 13 px sans-serif character, for sizing boxes (bold titles are wider).
const CHAR: f64 = 7.4;
const BOLD_CHAR: f64 = 8.8;
const MIN_WIDTH: f64 = 120.0;
const MAX_WIDTH: f64 = 420.0;
/// Characters a wrapped problem line holds (fits the widest box).
const WRAP: usize = 40;
/// Lines of an error's message shown in its box (the whole message is in the box's title).
const MESSAGE_LINES: usize = 4;

/// Colours: fill, stroke, text.
const PLAIN: (&str, &str, &str) = ("#ffffff", "#334155", "#0f172a");
const ERROR: (&str, &str, &str) = ("#fef2f2", "#b91c1c", "#7f1d1d");
const WARNING: (&str, &str, &str) = ("#fffbeb", "#92400e", "#78350f");

/// Escapes text for XML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Words of `text` in lines of at most `width` characters (long words are cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word: String = word.chars().take(width).collect();
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The text lines of a node: title, lines, then its problems.
struct Label {
    title: String,
    lines: Vec<String>,
    problems: Vec<(Severity, String)>,
}

fn label(node: &Node) -> Label {
    let mut problems = Vec::new();
    for m in &node.marks {
        let head = match m.severity {
            Severity::Error => "✖ error",
            _ => "▲ warning",
        };
        problems.push((m.severity, format!("{head}: {}", m.name())));
        // Errors show their reason; warnings their rule (the reason is in the title).
        if m.severity == Severity::Error {
            let mut lines = wrap(&m.message, WRAP);
            if lines.len() > MESSAGE_LINES {
                lines.truncate(MESSAGE_LINES);
                if let Some(last) = lines.last_mut() {
                    last.push('…');
                }
            }
            problems.extend(lines.into_iter().map(|l| (m.severity, l)));
        }
    }
    Label {
        title: node.title.clone(),
        lines: node.lines.clone(),
        problems,
    }
}

fn width_of(label: &Label) -> f64 {
    let title = label.title.chars().count() as f64 * BOLD_CHAR;
    let longest = label
        .lines
        .iter()
        .chain(label.problems.iter().map(|(_, l)| l))
        .map(|l| l.chars().count() as f64 * if is_head(l) { BOLD_CHAR } else { CHAR })
        .fold(0.0, f64::max);
    (title.max(longest) + 2.0 * PAD_X).clamp(MIN_WIDTH, MAX_WIDTH)
}

/// True for the first line of a problem (drawn bold).
fn is_head(line: &str) -> bool {
    line.starts_with('✖') || line.starts_with('▲')
}

/// Cuts a line that does not fit the box.
fn fit(line: &str, width: f64, char_width: f64) -> String {
    // The small epsilon keeps a line that was measured to fit from being cut by rounding.
    let max = ((width - 2.0 * PAD_X) / char_width + 1e-6).floor().max(4.0) as usize;
    if line.chars().count() <= max {
        line.to_string()
    } else {
        let mut cut: String = line.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

struct Placed<'m> {
    node: &'m Node,
    label: Label,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

/// A prefix for element ids, so several maps can share a page.
fn id_prefix(map: &Map) -> String {
    let slug: String = map
        .distribution
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("apifront-map-{slug}")
}

/// The description of the whole map in words.
fn describe(map: &Map) -> String {
    let mut out = map.summary();
    out.push('.');
    let mut targets: HashMap<&str, Vec<String>> = HashMap::new();
    for e in &map.edges {
        let to = map
            .nodes
            .iter()
            .find(|n| n.id == e.to)
            .map_or(e.to.clone(), |n| n.title.clone());
        targets
            .entry(e.from.as_str())
            .or_default()
            .push(match &e.label {
                Some(l) => format!("{to} ({l})"),
                None => to,
            });
    }
    for n in &map.nodes {
        let _ = write!(out, " {}", n.title);
        if !n.lines.is_empty() {
            let _ = write!(out, " ({})", n.lines.join("; "));
        }
        if let Some(t) = targets
            .get(n.id.as_str())
            .filter(|_| n.column >= Column::Behaviors)
        {
            let _ = write!(out, " → {}", t.join(", "));
        }
        for m in &n.marks {
            let _ = write!(
                out,
                " [{} {}: {}]",
                m.severity.as_str(),
                m.name(),
                m.message
            );
        }
        out.push('.');
    }
    out
}

/// Draws the map as an SVG document.
pub fn render(map: &Map) -> String {
    let prefix = id_prefix(map);
    let columns: Vec<Column> = [
        Column::Aliases,
        Column::Distribution,
        Column::Behaviors,
        Column::Origins,
        Column::Apis,
    ]
    .into_iter()
    .filter(|c| map.column(*c).next().is_some())
    .collect();
    // Size every box, column by column.
    let mut placed: Vec<Placed> = Vec::new();
    let mut x = MARGIN;
    let mut heights = Vec::new();
    for column in &columns {
        let labels: Vec<(&Node, Label)> = map.column(*column).map(|n| (n, label(n))).collect();
        let w = labels
            .iter()
            .map(|(_, l)| width_of(l))
            .fold(MIN_WIDTH, f64::max);
        let mut total = 0.0;
        for (node, label) in labels {
            let rows = 1 + label.lines.len() + label.problems.len();
            let h = 2.0 * PAD_Y + LINE * rows as f64;
            placed.push(Placed {
                node,
                label,
                x,
                y: total,
                w,
                h,
            });
            total += h + ROW_GAP;
        }
        heights.push((*column, total - ROW_GAP));
        x += w + COLUMN_GAP;
    }
    let tallest = heights.iter().map(|(_, h)| *h).fold(0.0, f64::max);
    for p in &mut placed {
        let column_height = heights
            .iter()
            .find(|(c, _)| *c == p.node.column)
            .map_or(0.0, |(_, h)| *h);
        p.y += HEADER + MARGIN + (tallest - column_height) / 2.0;
    }
    let width = (x - COLUMN_GAP + MARGIN).max(320.0);
    let height = HEADER + 2.0 * MARGIN + tallest;
    let title = format!("apifront map: Distribution {}", map.distribution);

    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" role="img" aria-labelledby="{prefix}-title {prefix}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="13">"#
    );
    let _ = writeln!(
        out,
        r#"  <title id="{prefix}-title">{}</title>"#,
        escape(&title)
    );
    let _ = writeln!(
        out,
        r#"  <desc id="{prefix}-desc">{}</desc>"#,
        escape(&describe(map))
    );
    let _ = writeln!(
        out,
        r##"  <defs><marker id="{prefix}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#475569"/></marker></defs>"##
    );
    let _ = writeln!(
        out,
        r##"  <rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    let _ = writeln!(
        out,
        r##"  <text x="{MARGIN}" y="{:.0}" font-size="15" font-weight="600" fill="#0f172a">{}</text>"##,
        MARGIN + 14.0,
        escape(&map.summary())
    );
    let at: HashMap<&str, &Placed> = placed.iter().map(|p| (p.node.id.as_str(), p)).collect();
    for e in &map.edges {
        draw_edge(&mut out, e, &at, &prefix);
    }
    for p in &placed {
        draw_node(&mut out, p, &prefix);
    }
    out.push_str("</svg>\n");
    out
}

fn draw_edge(out: &mut String, e: &Edge, at: &HashMap<&str, &Placed>, prefix: &str) {
    let (Some(a), Some(b)) = (at.get(e.from.as_str()), at.get(e.to.as_str())) else {
        return;
    };
    let (x1, y1) = (a.x + a.w, a.y + a.h / 2.0);
    let (x2, y2) = (b.x, b.y + b.h / 2.0);
    let bend = (x2 - x1) / 2.0;
    let _ = writeln!(
        out,
        r##"  <path d="M {x1:.1} {y1:.1} C {:.1} {y1:.1}, {:.1} {y2:.1}, {x2:.1} {y2:.1}" fill="none" stroke="#475569" stroke-width="1.5" marker-end="url(#{prefix}-arrow)"/>"##,
        x1 + bend,
        x2 - bend
    );
    if let Some(label) = &e.label {
        let _ = writeln!(
            out,
            r##"  <text x="{:.1}" y="{:.1}" font-size="11" fill="#334155" text-anchor="middle">{}</text>"##,
            (x1 + x2) / 2.0,
            (y1 + y2) / 2.0 - 4.0,
            escape(label)
        );
    }
}

fn draw_node(out: &mut String, p: &Placed, prefix: &str) {
    let node = p.node;
    let (fill, stroke, text) = match node.worst() {
        Some(Severity::Error) => ERROR,
        Some(Severity::Warning) => WARNING,
        _ => PLAIN,
    };
    let state = match node.worst() {
        Some(Severity::Error) => " error",
        Some(Severity::Warning) => " warning",
        _ => "",
    };
    let column = match node.column {
        Column::Aliases => "alias",
        Column::Distribution => "distribution",
        Column::Behaviors => "behavior",
        Column::Origins => "origin",
        Column::Apis => "api",
    };
    let mut position = node.span.map_or(String::new(), |s| {
        format!(r#" data-line="{}" data-column="{}""#, s.line, s.column)
    });
    if let Some(file) = &node.file {
        position.push_str(&format!(r#" data-file="{}""#, escape(file)));
    }
    let mut full = vec![node.title.clone()];
    full.extend(node.lines.iter().cloned());
    full.extend(
        node.marks
            .iter()
            .map(|m| format!("{} {}: {}", m.severity.as_str(), m.name(), m.message)),
    );
    if let Some(s) = node.span {
        match &node.file {
            Some(file) => full.push(format!("{file}, line {}, column {}", s.line, s.column)),
            None => full.push(format!("line {}, column {}", s.line, s.column)),
        }
    }
    let _ = writeln!(
        out,
        r#"  <g id="{prefix}-{}" class="node {column}{state}"{position}>"#,
        node.id
    );
    let _ = writeln!(out, "    <title>{}</title>", escape(&full.join("\n")));
    let _ = writeln!(
        out,
        r#"    <rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="{}"/>"#,
        p.x,
        p.y,
        p.w,
        p.h,
        if state.is_empty() { "1.2" } else { "2.5" }
    );
    let mut y = p.y + PAD_Y + 13.0;
    let tx = p.x + PAD_X;
    let _ = writeln!(
        out,
        r#"    <text x="{tx:.1}" y="{y:.1}" font-weight="600" fill="{text}">{}</text>"#,
        escape(&fit(&p.label.title, p.w, BOLD_CHAR))
    );
    for line in &p.label.lines {
        y += LINE;
        let _ = writeln!(
            out,
            r##"    <text x="{tx:.1}" y="{y:.1}" fill="{}">{}</text>"##,
            if state.is_empty() { "#334155" } else { text },
            escape(&fit(line, p.w, CHAR))
        );
    }
    for (severity, line) in &p.label.problems {
        y += LINE;
        let colour = match severity {
            Severity::Error => ERROR.2,
            _ => WARNING.2,
        };
        let (weight, char_width) = if is_head(line) {
            (r#" font-weight="600""#, BOLD_CHAR)
        } else {
            ("", CHAR)
        };
        let _ = writeln!(
            out,
            r#"    <text x="{tx:.1}" y="{y:.1}" fill="{colour}"{weight}>{}</text>"#,
            escape(&fit(line, p.w, char_width))
        );
    }
    out.push_str("  </g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("a<b>&\"'\u{1}"),
            "a&lt;b&gt;&amp;&quot;&apos;\u{fffd}"
        );
    }

    #[test]
    fn wraps_words() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd"]);
        assert!(wrap("", 4).is_empty());
        assert_eq!(
            fit("abcdefghijklmnopqrstuvwxyz", 2.0 * PAD_X + 8.0 * CHAR, CHAR),
            "abcdefg…"
        );
    }
}
