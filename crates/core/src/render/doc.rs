//! An ordered document tree with CloudFormation intrinsics and comments, written as YAML (short
//! form intrinsics, comments kept) or JSON (long form, comments dropped).

use super::writer::Writer;

/// A value of a generated JSON/YAML document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Doc {
    Str(String),
    Int(i64),
    Bool(bool),
    List(Vec<Doc>),
    Map(Vec<Entry>),
    /// `!Ref name`.
    Ref(String),
    /// `!Sub "text"`.
    Sub(String),
    /// `!GetAtt resource.attribute`.
    GetAtt(String, String),
    /// Another intrinsic: `!Select`, `!Split`, … with its argument.
    Call(&'static str, Box<Doc>),
    /// A multi-line string (YAML block literal).
    Block(String),
}

/// A key of a [`Doc::Map`] with an optional comment line above it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub key: String,
    pub value: Doc,
    pub comment: Option<String>,
    /// Blank line before the entry (YAML).
    pub gap: bool,
}

/// Builds a [`Doc::Map`] entry by entry.
#[derive(Debug, Default)]
pub(crate) struct MapBuilder {
    entries: Vec<Entry>,
    comment: Option<String>,
    gap: bool,
}

impl MapBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key: value`.
    pub fn put(mut self, key: impl Into<String>, value: impl Into<Doc>) -> Self {
        self.push(key, value);
        self
    }

    /// Adds `key: value` in place.
    pub fn push(&mut self, key: impl Into<String>, value: impl Into<Doc>) {
        self.entries.push(Entry {
            key: key.into(),
            value: value.into(),
            comment: self.comment.take(),
            gap: std::mem::take(&mut self.gap),
        });
    }

    /// Attaches a comment to the next entry, in place.
    pub fn set_note(&mut self, comment: impl Into<String>) {
        self.comment = Some(comment.into());
    }

    /// Puts a blank line before the next entry (YAML only).
    pub fn set_gap(&mut self) {
        self.gap = true;
    }

    pub fn build(self) -> Doc {
        Doc::Map(self.entries)
    }
}

impl From<&str> for Doc {
    fn from(s: &str) -> Self {
        Doc::Str(s.to_string())
    }
}

impl From<String> for Doc {
    fn from(s: String) -> Self {
        Doc::Str(s)
    }
}

impl From<&String> for Doc {
    fn from(s: &String) -> Self {
        Doc::Str(s.clone())
    }
}

impl From<bool> for Doc {
    fn from(b: bool) -> Self {
        Doc::Bool(b)
    }
}

impl From<i64> for Doc {
    fn from(n: i64) -> Self {
        Doc::Int(n)
    }
}

impl From<u32> for Doc {
    fn from(n: u32) -> Self {
        Doc::Int(i64::from(n))
    }
}

impl From<u16> for Doc {
    fn from(n: u16) -> Self {
        Doc::Int(i64::from(n))
    }
}

impl From<MapBuilder> for Doc {
    fn from(m: MapBuilder) -> Self {
        m.build()
    }
}

impl<T: Into<Doc>> From<Vec<T>> for Doc {
    fn from(items: Vec<T>) -> Self {
        Doc::List(items.into_iter().map(Into::into).collect())
    }
}

/// A list of strings.
pub(crate) fn strs<S: AsRef<str>>(items: &[S]) -> Doc {
    Doc::List(items.iter().map(|s| Doc::Str(s.as_ref().into())).collect())
}

/// `!Select [index, !Split [delim, source]]`.
pub(crate) fn select_split(index: i64, delim: &str, source: Doc) -> Doc {
    Doc::Call(
        "Select",
        Box::new(Doc::List(vec![
            Doc::Int(index),
            Doc::Call(
                "Split",
                Box::new(Doc::List(vec![Doc::Str(delim.into()), source])),
            ),
        ])),
    )
}

// ---------------------------------------------------------------- JSON

/// Writes `doc` as pretty JSON (2-space indent), intrinsics in long form.
pub(crate) fn to_json(doc: &Doc) -> String {
    let mut out = String::new();
    json_value(doc, 0, &mut out);
    out.push('\n');
    out
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn pad(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

fn json_value(doc: &Doc, level: usize, out: &mut String) {
    match doc {
        Doc::Str(s) | Doc::Block(s) => out.push_str(&json_str(s)),
        Doc::Int(n) => out.push_str(&n.to_string()),
        Doc::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Doc::List(items) if items.is_empty() => out.push_str("[]"),
        Doc::List(items) if items.iter().all(is_short_scalar) && items.len() <= 8 => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                json_value(item, level, out);
            }
            out.push(']');
        }
        Doc::List(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                pad(out, level + 1);
                json_value(item, level + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            pad(out, level);
            out.push(']');
        }
        Doc::Map(entries) if entries.is_empty() => out.push_str("{}"),
        Doc::Map(entries) => {
            out.push_str("{\n");
            for (i, e) in entries.iter().enumerate() {
                pad(out, level + 1);
                out.push_str(&json_str(&e.key));
                out.push_str(": ");
                json_value(&e.value, level + 1, out);
                out.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
            }
            pad(out, level);
            out.push('}');
        }
        Doc::Ref(name) => json_call("Ref", &Doc::Str(name.clone()), level, out),
        Doc::Sub(text) => json_call("Fn::Sub", &Doc::Str(text.clone()), level, out),
        Doc::GetAtt(r, a) => json_call(
            "Fn::GetAtt",
            &Doc::List(vec![Doc::Str(r.clone()), Doc::Str(a.clone())]),
            level,
            out,
        ),
        Doc::Call(name, arg) => json_call(&format!("Fn::{name}"), arg, level, out),
    }
}

fn json_call(name: &str, arg: &Doc, level: usize, out: &mut String) {
    out.push_str("{ ");
    out.push_str(&json_str(name));
    out.push_str(": ");
    json_value(arg, level, out);
    out.push_str(" }");
}

fn is_short_scalar(d: &Doc) -> bool {
    match d {
        Doc::Str(s) => s.len() <= 24,
        Doc::Int(_) | Doc::Bool(_) => true,
        _ => false,
    }
}

// ---------------------------------------------------------------- YAML

/// Writes `doc` (a map) as block YAML with short-form intrinsics and comments.
pub(crate) fn to_yaml(doc: &Doc) -> String {
    let mut w = Writer::new("  ");
    match doc {
        Doc::Map(entries) => yaml_entries(entries, &mut w),
        other => w.line(yaml_flow(other)),
    }
    w.finish()
}

fn yaml_entries(entries: &[Entry], w: &mut Writer) {
    for (i, e) in entries.iter().enumerate() {
        if e.gap && i > 0 {
            w.blank();
        }
        if let Some(c) = &e.comment {
            w.comment("#", c);
        }
        yaml_keyed(&yaml_key(&e.key), &e.value, w);
    }
}

/// Writes `key: value` (the key already quoted if needed; `- ` for list items is handled by
/// the caller).
fn yaml_keyed(key: &str, value: &Doc, w: &mut Writer) {
    match value {
        Doc::Map(entries) if !entries.is_empty() => {
            w.line(format!("{key}:"));
            w.indent();
            yaml_entries(entries, w);
            w.dedent();
        }
        Doc::List(items) if !items.is_empty() && !is_flow_list(items) => {
            w.line(format!("{key}:"));
            w.indent();
            yaml_items(items, w);
            w.dedent();
        }
        Doc::Block(text) => {
            w.line(format!("{key}: |"));
            w.indent();
            w.lines(text);
            w.dedent();
        }
        other => w.line(format!("{key}: {}", yaml_flow(other))),
    }
}

fn yaml_items(items: &[Doc], w: &mut Writer) {
    for item in items {
        match item {
            Doc::Map(entries) if !entries.is_empty() => {
                // First entry on the dash line, the rest aligned under it.
                let mut sub = Writer::new("  ");
                yaml_entries(entries, &mut sub);
                let text = sub.finish();
                for (i, l) in text.lines().enumerate() {
                    if i == 0 {
                        w.line(format!("- {l}"));
                    } else if l.is_empty() {
                        w.line("");
                    } else {
                        w.line(format!("  {l}"));
                    }
                }
            }
            Doc::List(inner) if !inner.is_empty() && !is_flow_list(inner) => {
                w.line("-");
                w.indent();
                yaml_items(inner, w);
                w.dedent();
            }
            other => w.line(format!("- {}", yaml_flow(other))),
        }
    }
}

fn is_flow_list(items: &[Doc]) -> bool {
    items.len() <= 8
        && items.iter().all(|d| match d {
            Doc::Str(s) => s.len() <= 40,
            Doc::Int(_) | Doc::Bool(_) => true,
            _ => false,
        })
}

/// A value in flow style (scalars, intrinsics, short lists).
fn yaml_flow(doc: &Doc) -> String {
    match doc {
        Doc::Str(s) | Doc::Block(s) => yaml_scalar(s),
        Doc::Int(n) => n.to_string(),
        Doc::Bool(b) => b.to_string(),
        Doc::List(items) => format!(
            "[{}]",
            items.iter().map(yaml_flow).collect::<Vec<_>>().join(", ")
        ),
        Doc::Map(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|e| format!("{}: {}", yaml_key(&e.key), yaml_flow(&e.value)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Doc::Ref(name) => format!("!Ref {name}"),
        Doc::Sub(text) => format!("!Sub {}", yaml_quoted(text)),
        Doc::GetAtt(r, a) => format!("!GetAtt {r}.{a}"),
        Doc::Call(name, arg) => format!("!{name} {}", yaml_flow(arg)),
    }
}

fn yaml_key(key: &str) -> String {
    if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !key.is_empty() {
        key.to_string()
    } else {
        yaml_quoted(key)
    }
}

/// A plain scalar when that is unambiguous, else a double-quoted one.
fn yaml_scalar(s: &str) -> String {
    if needs_quotes(s) {
        yaml_quoted(s)
    } else {
        s.to_string()
    }
}

/// `s` as a YAML double-quoted scalar: JSON's escapes, plus `\uXXXX` for the characters YAML
/// does not take literally inside a document (DEL, C1 controls, the byte order mark and the
/// non-characters U+FFFE/U+FFFF), found by fuzzing the renderers.
pub(crate) fn yaml_quoted(s: &str) -> String {
    let json = json_str(s);
    if !json.chars().any(yaml_escaped) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if yaml_escaped(c) {
            out.push_str(&format!("\\u{:04X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// True for a character a YAML double-quoted scalar must escape beyond what JSON escapes.
fn yaml_escaped(c: char) -> bool {
    matches!(
        c,
        '\u{7f}'..='\u{9f}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
    )
}

fn needs_quotes(s: &str) -> bool {
    const RESERVED: &[&str] = &[
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    ];
    let first = s.chars().next();
    s.is_empty()
        || s.trim() != s
        || RESERVED.contains(&s.to_ascii_lowercase().as_str())
        || s.parse::<f64>().is_ok()
        || first.is_some_and(|c| c.is_ascii_digit())
        || matches!(
            first,
            Some(
                '-' | '?'
                    | ':'
                    | ','
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '#'
                    | '&'
                    | '*'
                    | '!'
                    | '|'
                    | '>'
                    | '\''
                    | '"'
                    | '%'
                    | '@'
                    | '`'
            )
        )
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.contains(['\n', '\t', ',', '[', ']', '{', '}'])
        || s.chars().any(|c| c.is_control() || yaml_escaped(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_quoting_escapes_what_yaml_refuses_literally() {
        assert_eq!(yaml_quoted("a\u{feff}b"), "\"a\\uFEFFb\"");
        assert_eq!(yaml_quoted("x\u{85}\u{7f}\n"), "\"x\\u0085\\u007F\\n\"");
        assert_eq!(yaml_quoted("caf\u{e9}"), "\"caf\u{e9}\"");
        assert_eq!(yaml_scalar("arn\u{feff}"), "\"arn\\uFEFF\"");
    }

    fn sample() -> Doc {
        let mut m = MapBuilder::new();
        m.set_note("why");
        m.put("A", "plain")
            .put("B", vec!["GET", "HEAD"])
            .put("C", Doc::Ref("Param".into()))
            .put(
                "D",
                vec![MapBuilder::new().put("Id", "x").put("N", 1i64).build()],
            )
            .put(
                "E",
                select_split(2, "/", Doc::GetAtt("U".into(), "FunctionUrl".into())),
            )
            .put("F", "*")
            .put("G", Doc::Block("line1\n  line2\n".into()))
            .build()
    }

    #[test]
    fn writes_yaml_with_short_intrinsics() {
        let y = to_yaml(&sample());
        assert_eq!(
            y,
            "# why\nA: plain\nB: [GET, HEAD]\nC: !Ref Param\nD:\n  - Id: x\n    N: 1\n\
             E: !Select [2, !Split [/, !GetAtt U.FunctionUrl]]\nF: \"*\"\nG: |\n  line1\n    line2\n"
        );
    }

    #[test]
    fn writes_json_with_long_intrinsics() {
        let j = to_json(&sample());
        let v: serde_json::Value = serde_json::from_str(&j).unwrap();
        assert_eq!(v["C"]["Ref"], "Param");
        assert_eq!(
            v["E"]["Fn::Select"][1]["Fn::Split"][1]["Fn::GetAtt"][1],
            "FunctionUrl"
        );
        assert_eq!(v["G"], "line1\n  line2\n");
        assert!(j.starts_with("{\n  \"A\": \"plain\",\n"));
    }
}
