//! A tiny HCL body builder that writes `terraform fmt`-style text (aligned `=` in runs of
//! single-line attributes).

use super::writer::Writer;

/// One item of an HCL body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// `key = expression` (the expression is HCL text; may span lines).
    Attr(String, String),
    /// `header { items }`.
    Block(String, Vec<Item>),
    /// `# comment` (wrapped).
    Comment(String),
    Blank,
}

/// Builds an HCL body.
#[derive(Debug, Default)]
pub(crate) struct Body {
    items: Vec<Item>,
}

impl Body {
    pub fn new() -> Self {
        Self::default()
    }

    /// `key = expression`.
    pub fn attr(mut self, key: &str, expr: impl Into<String>) -> Self {
        self.items.push(Item::Attr(key.into(), expr.into()));
        self
    }

    /// `key = "string"`.
    pub fn str(self, key: &str, value: &str) -> Self {
        self.attr(key, quote(value))
    }

    /// A nested block.
    pub fn block(mut self, header: impl Into<String>, body: Body) -> Self {
        self.items.push(Item::Block(header.into(), body.items));
        self
    }

    /// A comment line above the next item.
    pub fn comment(mut self, text: impl Into<String>) -> Self {
        self.items.push(Item::Comment(text.into()));
        self
    }

    /// A blank line.
    pub fn blank(mut self) -> Self {
        self.items.push(Item::Blank);
        self
    }

    /// Adds in place (for loops).
    pub fn push(&mut self, item: Item) {
        self.items.push(item);
    }

    pub fn into_items(self) -> Vec<Item> {
        self.items
    }
}

/// Writes top-level items separated as given.
pub(crate) fn write(items: &[Item]) -> String {
    let mut w = Writer::new("  ");
    body(items, &mut w);
    w.finish()
}

fn body(items: &[Item], w: &mut Writer) {
    let mut i = 0;
    while i < items.len() {
        match &items[i] {
            Item::Attr(..) => {
                // A run of single-line attributes is aligned on `=`.
                let run: Vec<(&String, &String)> = items[i..]
                    .iter()
                    .map_while(|it| match it {
                        Item::Attr(k, v) if !v.contains('\n') => Some((k, v)),
                        _ => None,
                    })
                    .collect();
                if run.is_empty() {
                    if let Item::Attr(k, v) = &items[i] {
                        multiline_attr(k, v, w);
                    }
                    i += 1;
                    continue;
                }
                let width = run.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
                for (k, v) in &run {
                    w.line(format!("{k:width$} = {v}"));
                }
                i += run.len();
            }
            Item::Block(header, inner) => {
                if inner.is_empty() {
                    w.line(format!("{header} {{}}"));
                } else {
                    w.open(format!("{header} {{"));
                    body(inner, w);
                    w.close("}");
                }
                i += 1;
            }
            Item::Comment(text) => {
                w.comment("#", text);
                i += 1;
            }
            Item::Blank => {
                w.blank();
                i += 1;
            }
        }
    }
}

fn multiline_attr(key: &str, value: &str, w: &mut Writer) {
    let mut lines = value.lines();
    w.line(format!("{key} = {}", lines.next().unwrap_or_default()));
    for l in lines {
        w.line(l);
    }
}

/// An HCL string literal (escapes quotes, backslashes and template sequences).
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An HCL list of string literals.
pub(crate) fn list<S: AsRef<str>>(items: &[S]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| quote(s.as_ref()))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// A heredoc with the text indented one level below `key`.
pub(crate) fn heredoc(text: &str) -> String {
    let mut out = String::from("<<-EOT\n");
    for l in text.lines() {
        if !l.is_empty() {
            out.push_str("  ");
        }
        out.push_str(l);
        out.push('\n');
    }
    out.push_str("EOT");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_runs_and_escapes() {
        let b = Body::new()
            .str("name", "a\"b ${x}")
            .attr("enabled", "true")
            .block(
                "inner",
                Body::new().comment("why").attr("items", list(&["GET"])),
            )
            .block("empty", Body::new());
        assert_eq!(
            write(&b.into_items()),
            "name    = \"a\\\"b $${x}\"\nenabled = true\ninner {\n  # why\n  items = [\"GET\"]\n}\nempty {}\n"
        );
    }
}
