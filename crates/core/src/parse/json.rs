//! JSON with positions.
//!
//! Strict JSON (comments are tolerated) is read with `jsonc-parser`, which keeps the byte range
//! of every value and key, into a [`Node`] tree: straight from its tokens when the text is
//! well-formed ([`super::json_tokens`]), else through its AST, which words the errors. Before
//! that second parse, the nesting depth is checked by a flat byte scan so deep input is refused
//! without recursion.
//!
//! Two departures from the crate, both to read JSON as the AWS CLI and CloudFormation do
//! (Python's `json.loads`): a raw control character (U+0000–U+001F) inside a string is an
//! error, and a key repeated in one object keeps its last value (and is noted).

use super::{duplicate_note, json_tokens, ParseError, Tree, MAX_DEPTH};
use crate::model::Note;
use crate::span::{LineIndex, Span};
use crate::tree::{Entry, Node, NodeKind};
use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::common::Range;
use jsonc_parser::errors::ParseErrorKind;
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions, ParseStringErrorKind};
use std::borrow::Cow;
use std::collections::{hash_map, HashMap};

/// Parses JSON text into a [`Node`] tree. Strings keep their quotes in their spans, numbers
/// are kept as written, and a key repeated in one object keeps its last value (noted). Text
/// without escapes is borrowed from `text`.
pub fn parse_tree<'s>(text: &'s str, idx: &LineIndex) -> Result<Tree<'s>, ParseError> {
    // The crate refuses a byte order mark: it reads the rest, whose offsets are `shift` bytes
    // short of the text's.
    let (source, shift) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, text.len() - rest.len()),
        None => (text, 0),
    };
    if let Some(root) = json_tokens::build(source, shift, idx) {
        return Ok(Tree {
            root,
            notes: Vec::new(),
        });
    }
    ast_tree(source, shift, idx)
}

/// The tree by way of the crate's AST, with its errors: the path for text the token builder
/// gives up on. The nesting depth is checked first by a flat byte scan, so deep input is
/// refused without recursion.
fn ast_tree<'s>(source: &'s str, shift: usize, idx: &LineIndex) -> Result<Tree<'s>, ParseError> {
    let text = idx.text();
    if let Err(offset) = open_brackets(text, text.len()) {
        return Err(ParseError::at(
            idx,
            offset,
            format!("the JSON nests deeper than {MAX_DEPTH} levels"),
        ));
    }
    let options = ParseOptions {
        allow_comments: true,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::Off,
        tokens: false,
    };
    let parsed = jsonc_parser::parse_to_ast(source, &collect, &options)
        .map_err(|e| convert_error(&e, shift, text, idx))?;
    let Some(value) = parsed.value else {
        return Err(ParseError::at(idx, text.len(), "the input is empty"));
    };
    let mut converter = Converter {
        idx,
        shift,
        duplicates: Vec::new(),
    };
    let root = converter.convert(value, 1)?;
    Ok(Tree {
        root,
        notes: converter.duplicates,
    })
}

/// Turns the crate's AST into a [`Node`] tree.
struct Converter<'i, 't> {
    idx: &'i LineIndex<'t>,
    /// Added to the AST's offsets to get the text's.
    shift: usize,
    /// Keys repeated in an object.
    duplicates: Vec<Note>,
}

impl Converter<'_, '_> {
    /// Converts (and consumes) the AST; `depth` is the nesting level of `value` (the root
    /// is 1).
    ///
    /// Positions are asked for in source order (a container's start before its children, its
    /// end after them), which lets the line index answer each by a short scan forward.
    fn convert<'s>(&mut self, value: Value<'s>, depth: usize) -> Result<Node<'s>, ParseError> {
        let (kind, span) = match value {
            Value::NullKeyword(v) => (NodeKind::Null, self.span(v.range)),
            Value::BooleanLit(v) => (NodeKind::Bool(v.value), self.span(v.range)),
            Value::NumberLit(v) => (NodeKind::Number(Cow::Borrowed(v.value)), self.span(v.range)),
            Value::StringLit(v) => {
                self.no_control_character(v.range)?;
                (NodeKind::Str(v.value), self.span(v.range))
            }
            Value::Array(array) => {
                let start = self.open(array.range, depth)?;
                let items = array
                    .elements
                    .into_iter()
                    .map(|item| self.convert(item, depth + 1))
                    .collect::<Result<_, _>>()?;
                (NodeKind::Seq(items), self.close(array.range, start))
            }
            Value::Object(object) => {
                let start = self.open(object.range, depth)?;
                let mut entries: Vec<Entry> = Vec::with_capacity(object.properties.len());
                let mut seen = KeySet::new(object.properties.len());
                for prop in object.properties {
                    let (key, key_range) = match prop.name {
                        ObjectPropName::String(lit) => (lit.value, lit.range),
                        ObjectPropName::Word(word) => (Cow::Borrowed(word.value), word.range),
                    };
                    self.no_control_character(key_range)?;
                    let key_span = self.span(key_range);
                    let (key, earlier) = match seen.insert(key, entries.len(), &entries) {
                        Ok(key) => (key, None),
                        Err((key, first, i)) => {
                            self.duplicates.push(duplicate_note(&key, first, key_span));
                            (key, Some(i))
                        }
                    };
                    let entry = Entry {
                        key,
                        key_span,
                        value: self.convert(prop.value, depth + 1)?,
                    };
                    // The last value is kept (in the first one's place), as Python's
                    // `json.loads` does.
                    match earlier.and_then(|i| entries.get_mut(i)) {
                        Some(slot) => *slot = entry,
                        None => entries.push(entry),
                    }
                }
                (NodeKind::Map(entries), self.close(object.range, start))
            }
        };
        Ok(Node { kind, span })
    }

    fn span(&self, range: Range) -> Span {
        self.idx
            .span(range.start + self.shift, range.end + self.shift)
    }

    /// Refuses a string whose text holds a raw control character.
    fn no_control_character(&self, range: Range) -> Result<(), ParseError> {
        let text = self.idx.text();
        let (start, end) = (range.start + self.shift, range.end + self.shift);
        let Some(at) = text
            .get(start..end)
            .and_then(|raw| raw.bytes().position(|b| b < 0x20))
        else {
            return Ok(());
        };
        let offset = start + at;
        let code = text.as_bytes().get(offset).copied().unwrap_or_default();
        let name = match code {
            b'\t' => " (a tab)",
            b'\n' | b'\r' => " (a line break)",
            0 => " (a NUL byte)",
            _ => "",
        };
        let escape = match code {
            b'\t' => "`\\t`".to_string(),
            b'\n' => "`\\n`".to_string(),
            b'\r' => "`\\r`".to_string(),
            c => format!("`\\u{c:04x}`"),
        };
        Err(ParseError::at(
            self.idx,
            offset,
            format!("control character U+{code:04X}{name} inside a string"),
        )
        .with_hint(format!(
            "JSON strings cannot hold control characters as they are (the AWS CLI refuses \
             this text): write it as {escape}, or remove it"
        )))
    }

    /// Checks the depth of a container and returns the position of its start.
    fn open(&self, range: Range, depth: usize) -> Result<(u32, u32), ParseError> {
        let start = range.start + self.shift;
        check_depth(depth, start, self.idx)?;
        Ok(self.idx.line_col(start))
    }

    /// The span of a container whose start position was taken before its children.
    fn close(&self, range: Range, start: (u32, u32)) -> Span {
        let end = range.end + self.shift;
        let (end_line, end_column) = self.idx.line_col(end);
        Span {
            start: range.start + self.shift,
            end,
            line: start.0,
            column: start.1,
            end_line,
            end_column,
        }
    }
}

/// Detects a key repeated in one object: small objects compare with the keys already read,
/// large ones keep a hash map.
enum KeySet<'s> {
    Scan,
    Hashed(HashMap<Cow<'s, str>, usize>),
}

/// Objects with more properties than this use a hash map to find repeated keys.
const SCAN_KEYS: usize = 16;

impl<'s> KeySet<'s> {
    fn new(properties: usize) -> Self {
        if properties > SCAN_KEYS {
            Self::Hashed(HashMap::with_capacity(properties))
        } else {
            Self::Scan
        }
    }

    /// Records `key`, the `index`-th entry, and gives it back; `Err` adds the span and the
    /// index of its entry when it repeats an earlier key.
    fn insert(
        &mut self,
        key: Cow<'s, str>,
        index: usize,
        entries: &[Entry],
    ) -> Result<Cow<'s, str>, (Cow<'s, str>, Span, usize)> {
        let first = match self {
            Self::Scan => entries.iter().position(|e| e.key == key),
            Self::Hashed(map) => match map.entry(key.clone()) {
                hash_map::Entry::Occupied(seen) => Some(*seen.get()),
                hash_map::Entry::Vacant(slot) => {
                    slot.insert(index);
                    None
                }
            },
        };
        match first.and_then(|i| entries.get(i).map(|e| (i, e))) {
            Some((i, e)) => Err((key, e.key_span, i)),
            None => Ok(key),
        }
    }
}

fn check_depth(depth: usize, offset: usize, idx: &LineIndex) -> Result<(), ParseError> {
    if depth > MAX_DEPTH {
        return Err(ParseError::at(
            idx,
            offset,
            format!("the JSON nests deeper than {MAX_DEPTH} levels"),
        ));
    }
    Ok(())
}

/// Scans `text` up to `stop` outside strings and comments and returns the byte offsets of the
/// `{` and `[` still open there, innermost last. `Err` holds the offset of the first bracket
/// that opens a level deeper than [`MAX_DEPTH`].
fn open_brackets(text: &str, stop: usize) -> Result<Vec<usize>, usize> {
    let bytes = text.as_bytes();
    let stop = stop.min(bytes.len());
    let mut open = Vec::new();
    let mut i = 0;
    while i < stop {
        match bytes[i] {
            b'{' | b'[' => {
                if open.len() >= MAX_DEPTH {
                    return Err(i);
                }
                open.push(i);
            }
            b'}' | b']' => {
                open.pop();
            }
            b'"' => {
                i += 1;
                // To the closing quote (or `stop`), stepping over escaped characters.
                loop {
                    let rest = bytes.get(i..stop).unwrap_or(&[]);
                    match memchr::memchr2(b'"', b'\\', rest) {
                        Some(k) if rest.get(k) == Some(&b'\\') => i += k + 2,
                        Some(k) => {
                            i += k;
                            break;
                        }
                        None => {
                            i = i.max(stop);
                            break;
                        }
                    }
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < stop && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < stop && !bytes[i..].starts_with(b"*/") {
                    i += 1;
                }
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    Ok(open)
}

/// What the bracket opened at `offset` is called in messages.
fn bracket_name(text: &str, offset: usize) -> &'static str {
    if text.as_bytes().get(offset) == Some(&b'[') {
        "an array"
    } else {
        "an object"
    }
}

fn position(idx: &LineIndex, offset: usize) -> String {
    let (line, column) = idx.line_col(offset);
    format!("{line}:{column}")
}

/// The crate's error with our position, wording and a hint at the likely cause.
fn convert_error(
    error: &jsonc_parser::errors::ParseError,
    shift: usize,
    text: &str,
    idx: &LineIndex,
) -> ParseError {
    let start = error.range().start + shift;
    let at = |message: &str| ParseError::at(idx, start, message);
    let token_text = text.get(start..).unwrap_or("");
    match error.kind() {
        ParseErrorKind::UnterminatedObject | ParseErrorKind::UnterminatedArray => {
            ParseError::at(idx, text.len(), "the JSON ends too early").with_hint(format!(
                "the text ends inside {} opened at {}; was it cut off when copying?",
                bracket_name(text, start),
                position(idx, start)
            ))
        }
        ParseErrorKind::String(ParseStringErrorKind::UnterminatedStringLiteral) => {
            at("unterminated string").with_hint(format!(
                "the string opened at {} is never closed",
                position(idx, start)
            ))
        }
        ParseErrorKind::TrailingCommasNotAllowed => at("trailing comma").with_hint(format!(
            "JSON allows no comma before a closing `}}` or `]`: remove the comma at {}",
            position(idx, start)
        )),
        ParseErrorKind::SingleQuotedStringsNotAllowed => at("single-quoted string")
            .with_hint("JSON strings and keys need double quotes (\"...\"), not single quotes"),
        ParseErrorKind::CommentsNotAllowed => at("comment"),
        ParseErrorKind::ExpectedComma => at("expected a comma")
            .with_hint("a comma is missing between two items (or a closing bracket is missing)"),
        ParseErrorKind::UnexpectedCloseBrace
        | ParseErrorKind::UnexpectedCloseBracket
        | ParseErrorKind::UnexpectedTokenInObject
            if token_text.starts_with(['}', ']']) =>
        {
            let close = &token_text[..1];
            let hint = match open_brackets(text, start)
                .ok()
                .and_then(|o| o.last().copied())
            {
                Some(open) => format!(
                    "unbalanced brackets: `{close}` does not close {} opened at {}",
                    bracket_name(text, open),
                    position(idx, open)
                ),
                None => format!("unbalanced brackets: this `{close}` closes nothing"),
            };
            at(&format!("unexpected `{close}`")).with_hint(hint)
        }
        ParseErrorKind::MultipleRootJsonValues => {
            let hint = if token_text.starts_with(['}', ']']) {
                "unbalanced brackets: there is a closing bracket too many".to_string()
            } else {
                "the JSON value ended before this; were two documents pasted together?".to_string()
            };
            at("text after the end of the JSON value").with_hint(hint)
        }
        ParseErrorKind::UnexpectedWord
        | ParseErrorKind::ExpectedStringObjectProperty
        | ParseErrorKind::UnexpectedToken
        | ParseErrorKind::UnexpectedTokenInObject => {
            let hint = foreign_syntax_hint(token_text);
            let error = at(&format!("unexpected `{}`", first_word(token_text)));
            match hint {
                Some(hint) => error.with_hint(hint),
                None => error,
            }
        }
        kind => at(&lowercase_first(&kind.to_string())),
    }
}

/// The word (or the single character) that starts `text`.
fn first_word(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '.'))
        .map_or(text.len(), |(i, _)| i);
    match end {
        0 => text.chars().next().map_or("", |c| &text[..c.len_utf8()]),
        _ => &text[..end],
    }
}

/// A hint when an unquoted word in JSON looks like a YAML or HCL key.
fn foreign_syntax_hint(token_text: &str) -> Option<String> {
    let word = first_word(token_text);
    let rest = token_text
        .get(word.len()..)
        .unwrap_or("")
        .trim_start_matches([' ', '\t']);
    if word.is_empty() || !word.starts_with(|c: char| c.is_alphabetic() || c == '_') {
        return None;
    }
    if rest.starts_with(':') {
        Some(format!(
            "JSON keys need double quotes (\"{word}\"); if this is YAML, remove the outer braces"
        ))
    } else if rest.starts_with('=') || rest.starts_with('"') || rest.starts_with('{') {
        Some("this looks like Terraform (HCL), not JSON".to_string())
    } else {
        None
    }
}

fn lowercase_first(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Node<'_>, ParseError> {
        parse_tree(text, &LineIndex::new(text)).map(|t| t.root)
    }

    fn tree(text: &str) -> Tree<'_> {
        parse_tree(text, &LineIndex::new(text)).expect("parses")
    }

    fn err(text: &str) -> ParseError {
        match parse(text) {
            Ok(node) => panic!("expected an error, got {node:?}"),
            Err(e) => e,
        }
    }

    fn at(span: crate::span::Span) -> (u32, u32, u32, u32) {
        (span.line, span.column, span.end_line, span.end_column)
    }

    #[test]
    fn keys_and_values_keep_their_spans() {
        let text =
            "{\n  \"Comment\": \"café ☕\", \"Id\": \"E1\",\n  \"Origins\": [1.50, true, null]\n}";
        let root = parse(text).unwrap();
        assert_eq!(at(root.span), (1, 1, 4, 2));
        let comment = root.entry("Comment").unwrap();
        assert_eq!(at(comment.key_span), (2, 3, 2, 12));
        assert_eq!(at(comment.value.span), (2, 14, 2, 22));
        assert_eq!(comment.value.as_str(), Some("café ☕"));
        // Columns after the non-ASCII characters count UTF-16 units, not bytes.
        let id = root.entry("Id").unwrap();
        assert_eq!(at(id.key_span), (2, 24, 2, 28));
        assert_eq!(at(id.value.span), (2, 30, 2, 34));
        let origins = root.get("Origins").unwrap().as_seq().unwrap();
        assert_eq!(origins[0].kind, NodeKind::Number("1.50".into()));
        assert_eq!(at(origins[0].span), (3, 15, 3, 19));
        assert_eq!(origins[1].kind, NodeKind::Bool(true));
        assert_eq!(origins[2].kind, NodeKind::Null);
        assert_eq!(at(origins[2].span), (3, 27, 3, 31));
    }

    #[test]
    fn escapes_are_decoded_and_large_numbers_kept() {
        let root = parse(r#"{"a": "x\"\u00e9", "n": 123456789012345678901234567890}"#).unwrap();
        assert_eq!(root.get("a").unwrap().as_str(), Some("x\"é"));
        // Text is borrowed from the input unless escapes had to be decoded.
        assert!(matches!(
            root.get("a").unwrap().kind,
            NodeKind::Str(Cow::Owned(_))
        ));
        assert!(matches!(root.entry("a").unwrap().key, Cow::Borrowed("a")));
        assert!(matches!(
            root.get("n").unwrap().kind,
            NodeKind::Number(Cow::Borrowed(_))
        ));
        assert_eq!(
            root.get("n").unwrap().kind,
            NodeKind::Number("123456789012345678901234567890".into())
        );
    }

    #[test]
    fn duplicate_key_keeps_the_last_value_and_notes_the_second() {
        let t = tree("{\n  \"Origins\": 1,\n  \"Id\": 3,\n  \"Origins\": 2\n}");
        let keys: Vec<&str> = t
            .root
            .as_map()
            .unwrap()
            .iter()
            .map(|e| e.key.as_ref())
            .collect();
        assert_eq!(keys, ["Origins", "Id"]);
        assert_eq!(
            t.root.get("Origins").unwrap().kind,
            NodeKind::Number("2".into())
        );
        let [note] = t.notes.as_slice() else {
            panic!("one note: {:?}", t.notes)
        };
        assert_eq!((note.span.line, note.span.column), (4, 3));
        assert_eq!(note.detail, "Origins");
        assert_eq!(note.related.map(|s| (s.line, s.column)), Some((2, 3)));
    }

    #[test]
    fn duplicate_key_in_a_large_object_points_at_the_second() {
        let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!(
            "{{\n{},\n  \"k7\": 0,\n  \"k8\": 1,\n  \"k7\": 2}}",
            keys.join(",\n")
        );
        let t = tree(&text);
        let at: Vec<(u32, u32, &str)> = t
            .notes
            .iter()
            .map(|n| (n.span.line, n.span.column, n.detail.as_str()))
            .collect();
        assert_eq!(at, [(42, 3, "k7"), (43, 3, "k8"), (44, 3, "k7")]);
        assert_eq!(t.root.as_map().unwrap().len(), 40);
        assert_eq!(t.root.get("k7").unwrap().kind, NodeKind::Number("2".into()));
        assert!(parse(&format!("{{{}}}", keys.join(",")))
            .unwrap()
            .as_map()
            .is_some());
    }

    #[test]
    fn raw_control_characters_in_strings_are_errors() {
        for (text, at, what) in [
            ("{\"a\": \"x\ty\"}", (1, 9), "U+0009 (a tab)"),
            ("{\n  \"a\": \"x\ny\"\n}", (2, 10), "U+000A (a line break)"),
            ("{\"a\u{1}\": 1}", (1, 4), "U+0001"),
        ] {
            let e = err(text);
            assert_eq!((e.line, e.column), at, "{text:?}");
            assert_eq!(
                e.message,
                format!("control character {what} inside a string")
            );
            assert!(e.hint.unwrap().contains("the AWS CLI refuses"));
        }
        // Escaped, they are fine; between tokens, tabs and line breaks are whitespace.
        assert_eq!(
            parse("{\t\"a\":\n\"x\\ty\"}")
                .unwrap()
                .get("a")
                .unwrap()
                .as_str(),
            Some("x\ty")
        );
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let text = "[".repeat(100_000);
        let e = err(&text);
        assert_eq!((e.line, e.column), (1, MAX_DEPTH as u32 + 1));
        assert!(e.message.contains("deeper than"), "{}", e.message);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let objects = "{\"a\":".repeat(MAX_DEPTH + 1);
        assert!(err(&objects).message.contains("deeper than"));
    }

    #[test]
    fn brackets_inside_strings_and_comments_do_not_count() {
        let text = format!("// [[[[\n{{\"a\": \"{}\" /* {{ */}}", "[".repeat(500));
        assert!(parse(&text).is_ok());
        // Escaped quotes and backslashes do not end the string early.
        let brackets = "[".repeat(500);
        let text = format!(r#"{{"a": "\"{brackets}\\", "b": "\\\"{brackets}", "c": [[1]]}}"#);
        let root = parse(&text).unwrap();
        assert_eq!(root.get("c").unwrap().span.start, text.len() - 6);
    }

    #[test]
    fn truncated_input_names_the_open_bracket() {
        let e = err("{\n  \"a\": {\n    \"b\": [1,\n");
        assert_eq!((e.line, e.column), (4, 1));
        assert_eq!(
            e.hint.as_deref(),
            Some("the text ends inside an array opened at 3:10; was it cut off when copying?")
        );
        let e = err("{\"a\": \"abc");
        assert_eq!((e.line, e.column), (1, 7));
        assert_eq!(
            e.hint.as_deref(),
            Some("the string opened at 1:7 is never closed")
        );
    }

    #[test]
    fn trailing_comma_and_single_quotes_get_hints() {
        let e = err("{\n  \"a\": 1,\n}");
        assert_eq!((e.line, e.column), (2, 9));
        assert!(e.hint.unwrap().contains("remove the comma at 2:9"));
        let e = err("{'a': 1}");
        assert_eq!((e.line, e.column), (1, 2));
        assert!(e.hint.unwrap().contains("double quotes"));
    }

    #[test]
    fn unbalanced_brackets_get_hints() {
        let e = err("{\"a\": [1, 2}");
        assert_eq!((e.line, e.column), (1, 12));
        assert_eq!(
            e.hint.as_deref(),
            Some("unbalanced brackets: `}` does not close an array opened at 1:7")
        );
        let e = err("{\"a\": 1}}");
        assert_eq!((e.line, e.column), (1, 9));
        assert!(e.hint.unwrap().contains("closing bracket too many"));
    }

    #[test]
    fn yaml_or_hcl_in_braces_gets_a_hint() {
        let e = err("{\n  Origins: []\n}");
        assert_eq!((e.line, e.column), (2, 3));
        assert!(e.hint.unwrap().contains("\"Origins\""));
        let e = err("{\n  enabled = true\n}");
        assert!(e.hint.unwrap().contains("Terraform"));
    }

    #[test]
    fn byte_order_mark_and_crlf_are_accepted() {
        let root = parse("\u{feff}{\r\n  \"a\": 1\r\n}").unwrap();
        assert_eq!(at(root.entry("a").unwrap().key_span), (2, 3, 2, 6));
        // After a mark, errors and spans still count it (one UTF-16 unit, three bytes).
        let e = err("\u{feff}{\"a\": 1,}");
        assert_eq!((e.line, e.column), (1, 9));
        assert!(e.hint.unwrap().contains("remove the comma at 1:9"));
        let root = parse("\u{feff}{\"a\": \"x\"}").unwrap();
        assert_eq!(root.get("a").unwrap().span.start, 9);
        assert_eq!(at(root.get("a").unwrap().span), (1, 8, 1, 11));
    }

    #[test]
    fn nul_bytes_and_empty_text_are_errors() {
        assert!(parse("{\"a\": \0}").is_err());
        assert!(parse("\0").is_err());
        assert_eq!(err("   ").message, "the input is empty");
    }

    /// The token builder's tree for `text`, which must equal the AST path's result.
    fn both_paths(text: &str) -> Option<Node<'_>> {
        let idx = LineIndex::new(text);
        let (source, shift) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (rest, 3),
            None => (text, 0),
        };
        let fast = json_tokens::build(source, shift, &idx);
        let slow = ast_tree(source, shift, &LineIndex::new(text)).map(|t| t.root);
        match (&fast, slow) {
            (Some(fast), Ok(slow)) => assert_eq!(*fast, slow, "{text}"),
            (None, Err(_)) => {}
            // The token builder gives up on repeated keys: the AST path reads them.
            (None, Ok(_)) if repeats_a_key(text) => {}
            (fast, slow) => panic!("the paths disagree on {text:?}: {fast:?} / {slow:?}"),
        }
        fast
    }

    /// True when the AST path notes a repeated key in `text`.
    fn repeats_a_key(text: &str) -> bool {
        parse_tree(text, &LineIndex::new(text)).is_ok_and(|t| !t.notes.is_empty())
    }

    #[test]
    fn token_builder_and_ast_agree() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut files = vec![dir];
        let mut built = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                built += usize::from(both_paths(&text).is_some());
            }
        }
        assert!(built >= 10, "{built}");
        let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\": [{i}, {{}}]")).collect();
        let many = format!("{{{}}}", keys.join(", "));
        for text in [
            "\u{feff}{\"é\": \"😀\\n\\u00e9\", /* c */ \"n\": -1.5e3} // end",
            "[]",
            "\"x\"",
            "  null ",
            "{\"a\": {\"b\": [true, false, null, [], {}]}}\r\n",
            &many,
        ] {
            assert!(both_paths(text).is_some(), "{text}");
        }
        let repeated_late = format!("{{{}, \"k30\": 0}}", keys.join(", "));
        for text in [
            "",
            "{\"a\": 1,}",
            "[1 2]",
            "{\"a\" 1}",
            "{a: 1}",
            "{\"a\": 1} x",
            "{\"a\": 1, \"a\": 2}",
            &repeated_late,
            "{\"a\": \"x\ty\"}",
            "{\"a\u{0}\": 1}",
            "[1, ]",
            "{\"a\": 'b'}",
            "[0x1F, +1, .5, NaN]",
            "[\"\\x41\"]",
            "{\"a\": [1}",
            &"[".repeat(MAX_DEPTH + 1),
            &format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1)),
        ] {
            assert!(both_paths(text).is_none(), "{text}");
        }
    }

    #[test]
    fn token_builder_and_ast_agree_on_damaged_text() {
        // Cut, deleted and replaced bytes all over a real template: wherever the AST path
        // refuses the text, the token builder must give up too, and agree where both accept.
        let text = include_str!("../../tests/fixtures/cfn/cdk-synth.json");
        let mut damaged: Vec<String> = Vec::new();
        for (i, _) in text.char_indices().step_by(7) {
            damaged.push(text[..i].to_string());
            let next = text[i..].chars().next().map_or(0, char::len_utf8);
            damaged.push(format!("{}{}", &text[..i], &text[i + next..]));
            for with in ["\"", ",", "}", "]", "1", "\\"] {
                damaged.push(format!("{}{with}{}", &text[..i], &text[i + next..]));
            }
        }
        let accepted = damaged.iter().filter(|t| both_paths(t).is_some()).count();
        assert!(accepted > 100 && accepted < damaged.len() / 2, "{accepted}");
    }

    #[test]
    fn five_megabytes_are_accepted() {
        let item = r#"{"Id": "origin-ü", "DomainName": "abc.execute-api.eu-west-1.amazonaws.com", "Port": 443},"#;
        let mut text = String::from("{\"Items\": [");
        while text.len() < 5 * 1024 * 1024 {
            text.push_str(item);
        }
        text.push_str("null]}");
        let root = parse(&text).unwrap();
        let items = root.get("Items").unwrap().as_seq().unwrap();
        assert!(items.len() > 50_000);
        assert_eq!(items.last().unwrap().span.end, text.len() - 2);
    }
}
