//! Format-aware text edits that keep the user's formatting.
//!
//! Fixes replace a value in place (keeping its quotes), set or shorten a list, insert a key (with
//! a value, a list or an object) into an object (matching the indentation of its sibling keys),
//! or remove a key with its value (a whole line in YAML and Terraform). Keys are [`Key`]s, spelled
//! as the format spells them; CLI JSON lists get their `{Quantity, Items}` wrapper, and CLI JSON
//! list edits also update the sibling `Quantity`.

use super::finding::Edit;
use super::key::Key;
use crate::model::Format;
use crate::span::Span;
use crate::value::List;

/// A new value to write, rendered per format.
#[derive(Debug, Clone, Copy)]
pub enum NewValue<'v> {
    /// A string (quoted as the format needs).
    Str(&'v str),
    /// Written as is in every format (numbers, booleans).
    Raw(&'v str),
    /// A list of strings (a `{Quantity, Items}` wrapper in CLI JSON).
    StrList(&'v [&'v str]),
    /// An object of these entries (a nested block in Terraform).
    Object(&'v [(Key, NewValue<'v>)]),
}

/// Builds edits of one source text.
#[derive(Debug, Clone, Copy)]
pub struct Editor<'a> {
    text: &'a str,
    format: Format,
}

impl<'a> Editor<'a> {
    /// An editor of `text` in `format`.
    pub fn new(text: &'a str, format: Format) -> Self {
        Self { text, format }
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
    }

    fn is_json(&self) -> bool {
        matches!(self.format, Format::CliJson | Format::CfnJson)
    }

    /// A string literal in the format's syntax.
    pub fn string_literal(&self, s: &str) -> String {
        match self.format {
            Format::CfnYaml if yaml_plain_ok(s) => s.to_string(),
            Format::CfnYaml => crate::render::doc::yaml_quoted(s),
            _ => json_quote(s),
        }
    }

    /// Renders a value for insertion (an object as a flow mapping: Terraform blocks are written
    /// by [`Editor::insert_key`]).
    pub fn render(&self, value: NewValue) -> String {
        match value {
            NewValue::Object(entries) => {
                let entries = entries
                    .iter()
                    .map(|(key, value)| {
                        let name = key.name(self.format);
                        let name = if self.is_json() {
                            json_quote(name)
                        } else {
                            name.to_string()
                        };
                        format!("{name}: {}", self.render(*value))
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("{{{entries}}}")
            }
            NewValue::Str(s) => self.string_literal(s),
            NewValue::Raw(s) => s.to_string(),
            NewValue::StrList(items) => {
                let list = items
                    .iter()
                    .map(|s| self.string_literal(s))
                    .collect::<Vec<_>>()
                    .join(", ");
                if self.format == Format::CliJson {
                    format!("{{\"Quantity\": {}, \"Items\": [{list}]}}", items.len())
                } else {
                    format!("[{list}]")
                }
            }
        }
    }

    /// Replaces the string value at `span`, keeping its quote style.
    pub fn replace_string(&self, span: Span, value: &str) -> Edit {
        let old = self.slice(span.start, span.end);
        let replacement = if old.starts_with('\'') && self.format == Format::CfnYaml {
            format!("'{}'", value.replace('\'', "''"))
        } else if old.starts_with('"') || self.format != Format::CfnYaml {
            json_quote(value)
        } else {
            self.string_literal(value)
        };
        Edit {
            start: span.start,
            end: span.end,
            replacement,
        }
    }

    /// Replaces a scalar (number or boolean) at `span`, keeping quotes around it if any.
    pub fn replace_scalar(&self, span: Span, raw: &str) -> Edit {
        let old = self.slice(span.start, span.end);
        let replacement = match old.chars().next() {
            Some(q @ ('"' | '\'')) => format!("{q}{raw}{q}"),
            _ => raw.to_string(),
        };
        Edit {
            start: span.start,
            end: span.end,
            replacement,
        }
    }

    /// Sets a known, non-empty list to exactly `items`, keeping its layout (flow or block,
    /// quote style). Updates the `Quantity` of a CLI JSON wrapper.
    pub fn set_string_list(&self, list: &List, items: &[&str]) -> Vec<Edit> {
        let Some(old) = list.get() else {
            return Vec::new();
        };
        let (Some(first), Some(last)) = (old.first(), old.last()) else {
            return Vec::new();
        };
        if items.is_empty() {
            return Vec::new();
        }
        let quote = |s: &str| -> String {
            let first_text = self.slice(first.span.start, first.span.end);
            match first_text.chars().next() {
                Some('"') => json_quote(s),
                Some('\'') => format!("'{s}'"),
                _ if self.format == Format::CfnYaml => self.string_literal(s),
                _ => json_quote(s),
            }
        };
        let separator = match old.get(1) {
            Some(second) => self.slice(first.span.end, second.span.start).to_string(),
            None if self.is_block_item(first.span.start) => {
                let line_start = line_start(self.text, first.span.start);
                format!("\n{}", self.slice(line_start, first.span.start))
            }
            None => ", ".to_string(),
        };
        let replacement = items
            .iter()
            .map(|s| quote(s))
            .collect::<Vec<_>>()
            .join(&separator);
        let mut edits = vec![Edit {
            start: first.span.start,
            end: last.span.end,
            replacement,
        }];
        edits.extend(self.quantity_edit(list, items.len()));
        edits
    }

    /// Removes item `index` of a known list (with its separator). Updates a CLI JSON
    /// `Quantity`.
    pub fn remove_list_item(&self, list: &List, index: usize) -> Vec<Edit> {
        let Some(items) = list.get() else {
            return Vec::new();
        };
        let Some(item) = items.get(index) else {
            return Vec::new();
        };
        let edit = if self.is_block_item(item.span.start) {
            let start = line_start(self.text, item.span.start);
            Edit {
                start,
                end: line_end_inclusive(self.text, item.span.end),
                replacement: String::new(),
            }
        } else if let Some(next) = items.get(index + 1) {
            Edit {
                start: item.span.start,
                end: next.span.start,
                replacement: String::new(),
            }
        } else if let Some(prev) = index.checked_sub(1).and_then(|i| items.get(i)) {
            Edit {
                start: prev.span.end,
                end: item.span.end,
                replacement: String::new(),
            }
        } else {
            Edit {
                start: item.span.start,
                end: item.span.end,
                replacement: String::new(),
            }
        };
        let mut edits = vec![edit];
        edits.extend(self.quantity_edit(list, items.len().saturating_sub(1)));
        edits
    }

    /// Inserts `key: value` as the first entry of the object at `object` (a JSON object, a
    /// YAML mapping, or a Terraform block), indented like its sibling keys.
    /// `None` when the object already has `key` (with an empty or odd value the model read as
    /// absent): a second entry would be a duplicate key.
    pub fn insert_key(&self, object: Span, key: Key, value: NewValue) -> Option<Edit> {
        let key = key.name(self.format);
        if self.has_key(object, key) {
            return None;
        }
        let body = self.slice(object.start, object.end);
        if let (Format::Terraform, NewValue::Object(entries)) = (self.format, value) {
            let indent = self.first_entry_indent(body);
            let entry = self.hcl_block(key, entries, &indent);
            return self.insert_after_brace(object, body, &entry, "");
        }
        let value = self.render(value);
        match self.format {
            Format::CliJson | Format::CfnJson => {
                let entry = format!("{}: {value}", json_quote(key));
                self.insert_after_brace(object, body, &entry, ",")
            }
            Format::Terraform => {
                let entry = format!("{key}{} {value}", hcl_equals(body, key));
                self.insert_after_brace(object, body, &entry, "")
            }
            Format::CfnYaml => {
                let entry = format!("{key}: {value}");
                if body.starts_with('{') {
                    return self.insert_after_brace(object, body, &entry, ",");
                }
                if body.is_empty() {
                    return None;
                }
                let line_start = line_start(self.text, object.start);
                let prefix = self.slice(line_start, object.start);
                let indent: String = prefix
                    .chars()
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                Some(Edit {
                    start: object.start,
                    end: object.start,
                    replacement: format!("{entry}\n{indent}"),
                })
            }
        }
    }

    /// The indentation of the first entry of the block or object `body` (of its closing brace
    /// plus two spaces when it is empty).
    fn first_entry_indent(&self, body: &str) -> String {
        let after = body.split_once('{').map_or("", |(_, after)| after);
        let gap = &after[..after.len() - after.trim_start().len()];
        let indent = gap.rsplit('\n').next().unwrap_or("");
        if after.trim_start().starts_with('}') {
            format!("{indent}  ")
        } else {
            indent.to_string()
        }
    }

    /// A Terraform block `key { … }` of `entries` (nested objects as nested blocks), its lines
    /// after the first indented by `indent`, its attributes aligned as `terraform fmt` does.
    fn hcl_block(&self, key: &str, entries: &[(Key, NewValue)], indent: &str) -> String {
        let inner = format!("{indent}  ");
        let width = entries
            .iter()
            .filter(|(_, v)| !matches!(v, NewValue::Object(_)))
            .map(|(k, _)| k.name(self.format).len())
            .max()
            .unwrap_or(0);
        let mut out = format!("{key} {{\n");
        for (k, v) in entries {
            let name = k.name(self.format);
            match v {
                NewValue::Object(nested) => out.push_str(&format!(
                    "{inner}{}\n",
                    self.hcl_block(name, nested, &inner)
                )),
                _ => out.push_str(&format!("{inner}{name:width$} = {}\n", self.render(*v))),
            }
        }
        out.push_str(indent);
        out.push('}');
        out
    }

    /// True when the object at `object` has an entry named `key` at its own level.
    fn has_key(&self, object: Span, key: &str) -> bool {
        let body = self.slice(object.start, object.end);
        match self.format {
            Format::CliJson | Format::CfnJson => {
                json_member_value(self.text, object.start, key).is_some()
            }
            Format::CfnYaml if body.starts_with('{') => {
                json_member_value(self.text, object.start, key).is_some()
                    || body.contains(&format!("{key}:"))
            }
            Format::CfnYaml => {
                // Block mapping: entries start at the column of the first key.
                let indent = object.start - line_start(self.text, object.start);
                let first = body.lines().next().unwrap_or("");
                std::iter::once(first)
                    .chain(body.lines().skip(1).filter_map(|line| {
                        let rest = line.get(indent..)?;
                        let lead = line.get(..indent)?;
                        (lead.trim().is_empty() && !rest.starts_with([' ', '\t'])).then_some(rest)
                    }))
                    .any(|entry| {
                        let entry = entry.trim_start_matches(['"', '\'']);
                        entry.strip_prefix(key).is_some_and(|after| {
                            after
                                .trim_start_matches(['"', '\''])
                                .trim_start()
                                .starts_with(':')
                        })
                    })
            }
            Format::Terraform => {
                let inner = body.split_once('{').map_or("", |(_, inner)| inner);
                let mut depth = 0i32;
                inner.lines().any(|line| {
                    let at_top = depth == 0;
                    depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
                    let line = line.trim_start();
                    at_top
                        && line.strip_prefix(key).is_some_and(|after| {
                            let after = after.trim_start();
                            after.starts_with('=') || after.starts_with('{')
                        })
                })
            }
        }
    }

    fn insert_after_brace(
        &self,
        object: Span,
        body: &str,
        entry: &str,
        separator: &str,
    ) -> Option<Edit> {
        let open = body.find('{')?;
        let after = &body[open + 1..];
        let first = after.find(|c: char| !c.is_whitespace())?;
        let at = object.start + open + 1 + first;
        let gap = &after[..first];
        if after[first..].starts_with('}') {
            let closing_indent = gap.rsplit('\n').next().unwrap_or("");
            let replacement = if gap.contains('\n') {
                format!("\n{closing_indent}  {entry}\n{closing_indent}")
            } else {
                format!(" {entry} ")
            };
            return Some(Edit {
                start: object.start + open + 1,
                end: at,
                replacement,
            });
        }
        let indent = match gap.rsplit_once('\n') {
            Some((_, indent)) => format!("\n{indent}"),
            None => " ".to_string(),
        };
        Some(Edit {
            start: at,
            end: at,
            replacement: format!("{entry}{separator}{indent}"),
        })
    }

    /// Where the entry (key and value) whose value is at `value` starts: its key's first byte.
    /// `None` when the key cannot be located safely.
    fn entry_start(&self, value: Span) -> Option<usize> {
        let before = self.slice(0, value.start);
        if self.is_json() {
            let trimmed = before.trim_end();
            let colon = trimmed.strip_suffix(':')?.trim_end();
            let key_body = colon.strip_suffix('"')?;
            return find_open_quote(key_body);
        }
        // YAML and Terraform: the key starts its own line.
        if self.slice(value.start, value.end).starts_with('{') || self.format == Format::CfnYaml {
            let trimmed = before.trim_end();
            let key_end = if self.format == Format::CfnYaml {
                trimmed.strip_suffix(':')?.len()
            } else {
                trimmed
                    .strip_suffix('=')
                    .unwrap_or(trimmed)
                    .trim_end()
                    .len()
            };
            let ls = line_start(self.text, key_end);
            Some(ls + self.slice(ls, key_end).len() - self.slice(ls, key_end).trim_start().len())
        } else {
            Some(value.start)
        }
    }

    /// Removes the key whose value is at `value` together with that value (and the entry's
    /// separator). `None` when the key cannot be located safely.
    pub fn remove_entry(&self, value: Span) -> Option<Edit> {
        // Terraform: an attribute `name = value` alone on its line goes with its line.
        if self.format == Format::Terraform {
            if let Some(edit) = self.remove_hcl_attribute(value) {
                return Some(edit);
            }
        }
        let key_start = self.entry_start(value)?;
        if self.is_json() {
            let rest = self.slice(value.end, self.text.len());
            let after_ws = rest.len() - rest.trim_start().len();
            if rest.trim_start().starts_with(',') {
                let after_comma = &rest.trim_start()[1..];
                let ws = after_comma.len() - after_comma.trim_start().len();
                return Some(Edit {
                    start: key_start,
                    end: value.end + after_ws + 1 + ws,
                    replacement: String::new(),
                });
            }
            let prev = self.slice(0, key_start).trim_end();
            let comma = prev.strip_suffix(',')?;
            return Some(Edit {
                start: comma.len(),
                end: value.end,
                replacement: String::new(),
            });
        }
        let ls = line_start(self.text, key_start);
        if !self.slice(ls, key_start).trim().is_empty() {
            return None;
        }
        Some(Edit {
            start: ls,
            end: line_end_inclusive(self.text, value.end),
            replacement: String::new(),
        })
    }

    /// Removes the line of a Terraform attribute `name = value` whose value is at `value`, when
    /// the line holds nothing else (an end-of-line comment aside).
    fn remove_hcl_attribute(&self, value: Span) -> Option<Edit> {
        let start = line_start(self.text, value.start);
        let name = self
            .slice(start, value.start)
            .trim()
            .strip_suffix('=')?
            .trim_end();
        let is_name = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        let end = line_end_inclusive(self.text, value.end);
        let tail = self.slice(value.end, end).trim();
        let tail_ok = tail.is_empty() || tail.starts_with('#') || tail.starts_with("//");
        (is_name && tail_ok).then(|| Edit {
            start,
            end,
            replacement: String::new(),
        })
    }

    /// Takes the value at `value` back to "not set": in CLI JSON, which lists every key, the
    /// empty string the API writes for "none"; elsewhere the key and value are removed.
    pub fn unset(&self, value: Span) -> Option<Edit> {
        match self.format {
            Format::CliJson => Some(self.replace_string(value, "")),
            _ => self.remove_entry(value),
        }
    }

    /// Replaces the entry whose value is at `value` (its key and value) with `entries`, in the
    /// format's syntax, each on its own line at the key's indentation; the entry's separator
    /// stays. `None` when the key cannot be located safely.
    pub fn replace_entry(&self, value: Span, entries: &[(&str, NewValue)]) -> Option<Edit> {
        let key_start = self.entry_start(value)?;
        let ls = line_start(self.text, key_start);
        let indent = self.slice(ls, key_start);
        let own_line = indent.trim().is_empty();
        let width = entries.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        let rendered: Vec<String> = entries
            .iter()
            .map(|(key, v)| match self.format {
                Format::CliJson | Format::CfnJson => {
                    format!("{}: {}", json_quote(key), self.render(*v))
                }
                Format::CfnYaml => format!("{key}: {}", self.render(*v)),
                Format::Terraform => format!("{key:width$} = {}", self.render(*v)),
            })
            .collect();
        let separator = match (self.is_json(), own_line) {
            (true, true) => format!(",\n{indent}"),
            (false, true) => format!("\n{indent}"),
            (_, false) => ", ".to_string(),
        };
        Some(Edit {
            start: key_start,
            end: value.end,
            replacement: rendered.join(&separator),
        })
    }

    /// True when the item at `pos` is a YAML block sequence item (`- item`).
    fn is_block_item(&self, pos: usize) -> bool {
        if self.format != Format::CfnYaml {
            return false;
        }
        let prefix = self.slice(line_start(self.text, pos), pos).trim();
        prefix == "-"
    }

    /// The edit of the `Quantity` next to a CLI JSON list.
    fn quantity_edit(&self, list: &List, count: usize) -> Option<Edit> {
        if self.format != Format::CliJson {
            return None;
        }
        let wrapper = if self.slice(list.span.start, list.span.end).starts_with('{') {
            list.span.start
        } else {
            enclosing_object(self.text, list.span.start)?
        };
        let (start, end) = json_member_value(self.text, wrapper, "Quantity")?;
        Some(Edit {
            start,
            end,
            replacement: count.to_string(),
        })
    }
}

/// `=` for a new first attribute of the HCL block `body`, padded to the column of the `=` of the
/// attribute on the block's first line when the key fits, as `terraform fmt` aligns a run of
/// attributes. (A longer key would make `terraform fmt` re-align the whole run.)
fn hcl_equals(body: &str, key: &str) -> String {
    let first_line = body
        .split_once('{')
        .and_then(|(_, rest)| rest.lines().map(str::trim).find(|l| !l.is_empty()));
    let width = first_line
        .and_then(|line| {
            let (name, _) = line.split_once('=')?;
            let bare = name.trim_end();
            let is_attribute = !bare.is_empty()
                && !line[name.len()..].starts_with("==")
                && bare
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            is_attribute.then_some(name.len())
        })
        .unwrap_or(0);
    let pad = width.saturating_sub(key.len() + 1);
    format!("{}=", " ".repeat(pad + 1))
}

fn json_quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// True when `s` can be written as a YAML plain scalar that stays a string.
fn yaml_plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let reserved = [
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    ];
    (first.is_ascii_alphabetic()
        || first == '/'
        || first == '_'
        || (first.is_ascii_digit()
            && s.chars().any(|c| c.is_ascii_alphabetic())
            && !s.get(1..2).is_some_and(|c| "xXoObB".contains(c))))
        && !reserved.contains(&s.to_ascii_lowercase().as_str())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./*$@+".contains(c))
        && s.parse::<f64>().is_err()
}

/// Byte offset of the start of the line holding `pos`.
fn line_start(text: &str, pos: usize) -> usize {
    text.get(..pos)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// Byte offset just past the newline ending the line holding `pos` (or the text end).
fn line_end_inclusive(text: &str, pos: usize) -> usize {
    text.get(pos..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| pos + i + 1)
}

/// Given the text before a key's closing quote, the offset of its opening quote.
fn find_open_quote(before_close: &str) -> Option<usize> {
    let bytes = before_close.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        if bytes[i] == b'"' {
            let backslashes = bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count();
            if backslashes % 2 == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// The offset of the `{` of the innermost JSON object containing `pos`.
fn enclosing_object(text: &str, pos: usize) -> Option<usize> {
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if i >= pos {
            break;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => stack.push((b, i)),
            b'}' | b']' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack
        .iter()
        .rev()
        .find(|(b, _)| *b == b'{')
        .map(|&(_, i)| i)
}

/// The byte range of the scalar value of `key` directly inside the JSON object at `object`.
fn json_member_value(text: &str, object: usize, key: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let needle = format!("\"{key}\"");
    let mut depth = 0usize;
    let mut i = object;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let end = string_end(bytes, i)?;
                if depth == 1 && text.get(i..end) == Some(needle.as_str()) {
                    let rest = text.get(end..)?;
                    let colon = rest.find(|c: char| !c.is_whitespace())?;
                    if !rest[colon..].starts_with(':') {
                        return None;
                    }
                    let after = &rest[colon + 1..];
                    let vs = end + colon + 1 + (after.len() - after.trim_start().len());
                    let ve = text
                        .get(vs..)?
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
                        .map_or(text.len(), |n| vs + n);
                    return (ve > vs).then_some((vs, ve));
                }
                i = end;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return None;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The offset just past the closing quote of the JSON string starting at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::LineIndex;
    use crate::value::Field;

    fn apply(text: &str, mut edits: Vec<Edit>) -> String {
        edits.sort_by_key(|e| std::cmp::Reverse(e.start));
        let mut out = text.to_string();
        for e in edits {
            out.replace_range(e.start..e.end, &e.replacement);
        }
        out
    }

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        LineIndex::new(text).span(start, start + needle.len())
    }

    fn list(text: &str, parts: &[&str], whole: &str) -> List {
        let items = parts
            .iter()
            .map(|p| Field::known(p.trim_matches('"').to_string(), span_of(text, p), "i"))
            .collect();
        Field::known(items, span_of(text, whole), "l")
    }

    #[test]
    fn replaces_strings_keeping_quotes() {
        let yaml = "a: 'x'\nb: y\n";
        let e = Editor::new(yaml, Format::CfnYaml);
        let out = apply(
            yaml,
            vec![
                e.replace_string(span_of(yaml, "'x'"), "z"),
                e.replace_string(span_of(yaml, "y\n").clone_first(1), "https-only"),
            ],
        );
        assert_eq!(out, "a: 'z'\nb: https-only\n");
        let edit = e.replace_string(span_of(yaml, "y\n").clone_first(1), "4135ea2d-6df8");
        assert_eq!(edit.replacement, "4135ea2d-6df8");
        assert_eq!(e.string_literal("1e5"), "\"1e5\"");
        assert_eq!(e.string_literal("yes"), "\"yes\"");
        assert_eq!(e.string_literal("0x1F"), "\"0x1F\"");
        let json = r#"{"a": "x"}"#;
        let e = Editor::new(json, Format::CliJson);
        assert_eq!(
            apply(json, vec![e.replace_string(span_of(json, "\"x\""), "y")]),
            r#"{"a": "y"}"#
        );
    }

    trait First {
        fn clone_first(self, n: usize) -> Span;
    }
    impl First for Span {
        fn clone_first(mut self, n: usize) -> Span {
            self.end = self.start + n;
            self
        }
    }

    #[test]
    fn sets_cli_json_list_and_quantity() {
        let json = r#"{"OriginSslProtocols": {"Quantity": 2, "Items": ["TLSv1", "TLSv1.2"]}}"#;
        let l = list(
            json,
            &["\"TLSv1\"", "\"TLSv1.2\""],
            "[\"TLSv1\", \"TLSv1.2\"]",
        );
        let e = Editor::new(json, Format::CliJson);
        assert_eq!(
            apply(json, e.set_string_list(&l, &["TLSv1.2"])),
            r#"{"OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}"#
        );
        assert_eq!(
            apply(json, e.remove_list_item(&l, 0)),
            r#"{"OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}"#
        );
    }

    #[test]
    fn sets_yaml_block_list() {
        let yaml = "P:\n  - TLSv1\n  - TLSv1.1\nQ: 1\n";
        let l = list(yaml, &["TLSv1\n", "TLSv1.1"], "- TLSv1\n  - TLSv1.1");
        // `TLSv1\n` is only used to find the first item; trim its span to the scalar.
        let mut l = l;
        if let Some(items) = match &mut l.val {
            crate::value::Val::Known(v) => Some(v),
            _ => None,
        } {
            items[0].span.end -= 1;
        }
        let e = Editor::new(yaml, Format::CfnYaml);
        assert_eq!(
            apply(yaml, e.set_string_list(&l, &["TLSv1.2"])),
            "P:\n  - TLSv1.2\nQ: 1\n"
        );
        assert_eq!(
            apply(yaml, e.set_string_list(&l, &["a", "b", "c"])),
            "P:\n  - a\n  - b\n  - c\nQ: 1\n"
        );
        assert_eq!(
            apply(yaml, e.remove_list_item(&l, 0)),
            "P:\n  - TLSv1.1\nQ: 1\n"
        );
    }

    #[test]
    fn inserts_keys_with_sibling_indentation() {
        let yaml = "Items:\n  - ErrorCode: 403\n    ResponseCode: 200\n";
        let obj = span_of(yaml, "ErrorCode: 403\n    ResponseCode: 200");
        let e = Editor::new(yaml, Format::CfnYaml);
        let edit = e
            .insert_key(obj, Key::verbatim("ErrorCachingMinTTL"), NewValue::Raw("0"))
            .unwrap();
        assert_eq!(
            apply(yaml, vec![edit]),
            "Items:\n  - ErrorCachingMinTTL: 0\n    ErrorCode: 403\n    ResponseCode: 200\n"
        );
        let json = "{\n  \"A\": 1\n}";
        let e = Editor::new(json, Format::CliJson);
        let edit = e
            .insert_key(span_of(json, json), Key::verbatim("B"), NewValue::Str("x"))
            .unwrap();
        assert_eq!(apply(json, vec![edit]), "{\n  \"B\": \"x\",\n  \"A\": 1\n}");
        let tf = "block {\n    a = 1\n}";
        let e = Editor::new(tf, Format::Terraform);
        let edit = e
            .insert_key(
                span_of(tf, "{\n    a = 1\n}"),
                Key::verbatim("b"),
                NewValue::Str("x"),
            )
            .unwrap();
        assert_eq!(
            apply(tf, vec![edit]),
            "block {\n    b = \"x\"\n    a = 1\n}"
        );
        // `terraform fmt` alignment of the run the new attribute joins.
        let tf = "block {\n  target_origin_id       = \"api\"\n  viewer_protocol_policy = \"https-only\"\n}";
        let edit = Editor::new(tf, Format::Terraform)
            .insert_key(
                span_of(tf, &tf[6..]),
                Key::verbatim("compress"),
                NewValue::Raw("true"),
            )
            .unwrap();
        assert_eq!(
            apply(tf, vec![edit]),
            "block {\n  compress               = true\n  target_origin_id       = \"api\"\n  viewer_protocol_policy = \"https-only\"\n}"
        );
        // A key longer than the run, or a block that opens with a nested block: one space.
        for tf in ["b {\n  a = 1\n}", "b {\n  origin {\n    x = 1\n  }\n}"] {
            let edit = Editor::new(tf, Format::Terraform)
                .insert_key(
                    span_of(tf, &tf[2..]),
                    Key::verbatim("compress"),
                    NewValue::Raw("true"),
                )
                .unwrap();
            assert!(apply(tf, vec![edit]).contains("\n  compress = true\n"));
        }
    }

    #[test]
    fn never_inserts_a_key_the_object_already_has() {
        // Found by the `fix` fuzz target: `CustomOriginConfig:` with no value reads as absent,
        // and inserting a second one made a duplicate key.
        let yaml = "Origins:\n  - Id: api\n    CustomOriginConfig:\n    DomainName: x\n";
        let obj = span_of(
            yaml,
            "Id: api\n    CustomOriginConfig:\n    DomainName: x\n",
        );
        let e = Editor::new(yaml, Format::CfnYaml);
        assert!(e
            .insert_key(
                obj,
                Key::verbatim("CustomOriginConfig"),
                NewValue::Raw("{}")
            )
            .is_none());
        assert!(e
            .insert_key(obj, Key::verbatim("OriginPath"), NewValue::Str("/prod"))
            .is_some());
        let json = "{\"A\": null, \"B\": {\"C\": 1}}";
        let e = Editor::new(json, Format::CfnJson);
        assert!(e
            .insert_key(span_of(json, json), Key::verbatim("A"), NewValue::Raw("1"))
            .is_none());
        assert!(e
            .insert_key(span_of(json, json), Key::verbatim("C"), NewValue::Raw("1"))
            .is_some());
        let tf = "origin {\n  origin_id = \"api\"\n  custom_origin_config {\n    x = 1\n  }\n}";
        let e = Editor::new(tf, Format::Terraform);
        assert!(e
            .insert_key(
                span_of(tf, tf),
                Key::verbatim("origin_id"),
                NewValue::Str("b")
            )
            .is_none());
        assert!(e
            .insert_key(span_of(tf, tf), Key::verbatim("x"), NewValue::Raw("2"))
            .is_some());
    }

    #[test]
    fn removes_entries() {
        let json = "{\n  \"A\": {\"x\": 1},\n  \"B\": 2\n}";
        let e = Editor::new(json, Format::CfnJson);
        let edit = e.remove_entry(span_of(json, "{\"x\": 1}")).unwrap();
        assert_eq!(apply(json, vec![edit]), "{\n  \"B\": 2\n}");
        let json = "{\"B\": 2, \"A\": {\"x\": 1}}";
        let edit = Editor::new(json, Format::CfnJson)
            .remove_entry(span_of(json, "{\"x\": 1}"))
            .unwrap();
        assert_eq!(apply(json, vec![edit]), "{\"B\": 2}");
        let yaml = "B:\n  FV:\n    Q: true\n  C: 1\n";
        let edit = Editor::new(yaml, Format::CfnYaml)
            .remove_entry(span_of(yaml, "Q: true"))
            .unwrap();
        assert_eq!(apply(yaml, vec![edit]), "B:\n  C: 1\n");
    }

    #[test]
    fn removes_terraform_attribute_lines() {
        let tf = "b {\n  a = 1\n  min_ttl = 0 # legacy\n  c = \"x\" d = 1\n}\n";
        let e = Editor::new(tf, Format::Terraform);
        let edit = e
            .remove_entry(span_of(tf, "0 # legacy").clone_first(1))
            .unwrap();
        assert_eq!(
            apply(tf, vec![edit]),
            "b {\n  a = 1\n  c = \"x\" d = 1\n}\n"
        );
        // An attribute sharing its line with another is not removed.
        assert!(e.remove_entry(span_of(tf, "\"x\"")).is_none());
        // A nested block goes with all its lines.
        let tf = "b {\n  forwarded_values {\n    q = 1\n  }\n  c = 2\n}\n";
        let edit = Editor::new(tf, Format::Terraform)
            .remove_entry(span_of(tf, "forwarded_values {\n    q = 1\n  }"))
            .unwrap();
        assert_eq!(apply(tf, vec![edit]), "b {\n  c = 2\n}\n");
    }

    #[test]
    fn unset_writes_the_apis_empty_value_in_cli_json_only() {
        let json = r#"{"A": "x", "B": 1}"#;
        let edit = Editor::new(json, Format::CliJson)
            .unset(span_of(json, "\"x\""))
            .unwrap();
        assert_eq!(apply(json, vec![edit]), r#"{"A": "", "B": 1}"#);
        let edit = Editor::new(json, Format::CfnJson)
            .unset(span_of(json, "\"x\""))
            .unwrap();
        assert_eq!(apply(json, vec![edit]), r#"{"B": 1}"#);
    }

    #[test]
    fn inserts_objects_per_format() {
        let object = [
            (Key::HTTP_PORT, NewValue::Raw("80")),
            (Key::ORIGIN_PROTOCOL_POLICY, NewValue::Str("https-only")),
            (Key::ORIGIN_SSL_PROTOCOLS, NewValue::StrList(&["TLSv1.2"])),
        ];
        let insert = |text: &str, format| {
            let edit = Editor::new(text, format)
                .insert_key(
                    span_of(text, text.trim_start_matches("- ").trim_end()),
                    Key::CUSTOM_ORIGIN_CONFIG,
                    NewValue::Object(&object),
                )
                .unwrap();
            apply(text, vec![edit])
        };
        assert_eq!(
            insert("{\"Id\": \"a\"}", Format::CliJson),
            "{\"CustomOriginConfig\": {\"HTTPPort\": 80, \"OriginProtocolPolicy\": \"https-only\", \
             \"OriginSslProtocols\": {\"Quantity\": 1, \"Items\": [\"TLSv1.2\"]}}, \"Id\": \"a\"}"
        );
        assert_eq!(
            insert("- Id: a\n", Format::CfnYaml),
            "- CustomOriginConfig: {HTTPPort: 80, OriginProtocolPolicy: https-only, \
             OriginSSLProtocols: [TLSv1.2]}\n  Id: a\n"
        );
        assert_eq!(
            insert("origin {\n    origin_id = \"a\"\n  }", Format::Terraform),
            "origin {\n    custom_origin_config {\n      http_port              = 80\n      \
             origin_protocol_policy = \"https-only\"\n      origin_ssl_protocols   = \
             [\"TLSv1.2\"]\n    }\n    origin_id = \"a\"\n  }"
        );
    }
}
