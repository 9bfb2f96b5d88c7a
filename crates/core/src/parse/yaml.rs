//! YAML with positions and CloudFormation tags.
//!
//! `saphyr-parser` emits events with character positions; they are folded into a [`Node`]
//! tree with an explicit stack (no recursion), converting positions to byte offsets. Short-form
//! CloudFormation tags become their long form (`!Ref X` is the map `{Ref: X}`, `!Sub s` is
//! `{Fn::Sub: s}`, any other `!Name` is `{Fn::Name: ...}`), the synthetic key spanning the tag.
//! Aliases are expanded under a node budget, and only the first document of a stream is read.
//! A key repeated in one map keeps its last value (what CloudFormation deploys) and is noted.

use super::{duplicate_note, ParseError, Tree, MAX_DEPTH};
use crate::model::Note;
use crate::span::{LineIndex, Span};
use crate::tree::{Entry, Node, NodeKind};
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Tag};
use std::collections::HashMap;

/// Most nodes that alias expansion may add before the text is refused ("billion laughs").
const MAX_ALIAS_NODES: usize = 100_000;

/// Parses the first document of a YAML text into a [`Node`] tree (of owned text).
pub fn parse_tree(text: &str, idx: &LineIndex) -> Result<Tree<'static>, ParseError> {
    if let Some((offset, c)) = unprintable(text) {
        return Err(ParseError::at(
            idx,
            offset,
            format!("control character U+{:04X} in the text", u32::from(c)),
        )
        .with_hint(
            "YAML allows no control character other than tab and line breaks, even inside \
             quotes (CloudFormation refuses the template): remove it",
        ));
    }
    let mut builder = Builder::new(text, idx);
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| builder.scan_error(&e))?;
        let start = builder.offsets.byte(span.start.index());
        let end = builder.offsets.byte(span.end.index());
        if let Some(root) = builder.event(event, start, end)? {
            return Ok(Tree {
                root,
                notes: builder.duplicates,
            });
        }
    }
    Err(ParseError::at(idx, text.len(), "the input has no content"))
}

/// Records a key of a map whose next entry will be the `index`-th; for a repeated key, the
/// earlier one's span and entry index (which it keeps).
fn remember_key(
    seen: &mut HashMap<String, (Span, usize)>,
    key: &str,
    span: Span,
    index: usize,
) -> Option<(Span, usize)> {
    match seen.get_mut(key) {
        Some((at, i)) => {
            let first = *at;
            *at = span;
            Some((first, *i))
        }
        None => {
            seen.insert(key.to_string(), (span, index));
            None
        }
    }
}

/// The first character YAML does not allow anywhere (C0 controls but tab and line breaks,
/// DEL, C1 controls but NEL), with its byte offset. The scanner lets some through inside
/// quoted scalars; YAML 1.1 and 1.2 readers (and so CloudFormation) refuse them.
fn unprintable(text: &str) -> Option<(usize, char)> {
    let suspicious = text.bytes().fold(false, |found, b| {
        found | ((b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f || b == 0xc2)
    });
    if !suspicious {
        return None;
    }
    text.char_indices().find(|&(_, c)| {
        let code = u32::from(c);
        (code < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            || code == 0x7f
            || ((0x80..=0x9f).contains(&code) && code != 0x85)
    })
}

/// A map or sequence being built.
struct Frame {
    content: Content,
    /// Byte offset of the container's own text (after any tag or anchor).
    start: usize,
    wrapper: Option<Wrapper>,
    anchor: usize,
    /// [`Builder::nodes`] when the frame opened, to size anchored nodes.
    nodes_at_start: usize,
    /// Nesting level of this container, the root being 1; a tag's map counts as a level.
    level: usize,
    /// Largest height of a child so far.
    child_height: usize,
}

enum Content {
    Seq(Vec<Node<'static>>),
    Map {
        entries: Vec<Entry<'static>>,
        /// The key waiting for its value, and the index of the entry of an earlier key it
        /// repeats (whose value it replaces).
        key: Option<(String, Span, Option<usize>)>,
        /// The keys so far: where each is and the index of its entry.
        seen: HashMap<String, (Span, usize)>,
    },
}

/// The long-form map a short-form tag becomes: its key and the tag's position.
struct Wrapper {
    key: String,
    key_span: Span,
}

/// A finished node with its height (0 for scalars, +1 per map/sequence level).
struct Built {
    node: Node<'static>,
    height: usize,
}

struct Anchored {
    node: Node<'static>,
    size: usize,
    height: usize,
}

struct Builder<'t, 'i> {
    text: &'t str,
    idx: &'i LineIndex<'t>,
    offsets: CharOffsets<'t>,
    frames: Vec<Frame>,
    anchors: HashMap<usize, Anchored>,
    /// Nodes built so far, counting alias expansions.
    nodes: usize,
    /// Nodes added by alias expansion.
    alias_nodes: usize,
    /// Keys repeated in a map.
    duplicates: Vec<Note>,
}

impl<'t, 'i> Builder<'t, 'i> {
    fn new(text: &'t str, idx: &'i LineIndex<'t>) -> Self {
        Self {
            text,
            idx,
            offsets: CharOffsets::new(text),
            frames: Vec::new(),
            anchors: HashMap::new(),
            nodes: 0,
            alias_nodes: 0,
            duplicates: Vec::new(),
        }
    }

    /// Handles one event spanning the bytes `start..end`; returns the root once it is complete.
    fn event(
        &mut self,
        event: Event,
        start: usize,
        end: usize,
    ) -> Result<Option<Node<'static>>, ParseError> {
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                let (value_start, tag_span) = self.properties(start, end, tag.as_deref());
                let end = self.trim_end(value_start, end);
                let span = self.idx.span(value_start, end);
                if let Some(Frame {
                    content:
                        Content::Map {
                            key: key @ None,
                            seen,
                            entries,
                        },
                    ..
                }) = self.frames.last_mut()
                {
                    let earlier = remember_key(seen, &value, span, entries.len());
                    if let Some((first, _)) = earlier {
                        self.duplicates.push(duplicate_note(&value, first, span));
                    }
                    *key = Some((value.into_owned(), span, earlier.map(|(_, i)| i)));
                    return Ok(None);
                }
                let nodes_at_start = self.nodes;
                self.nodes += 1;
                let node = Node {
                    kind: scalar_kind(value.into_owned(), style, tag.as_deref()),
                    span,
                };
                let wrapper = self.wrapper(tag.as_deref(), tag_span);
                let built = self.wrap(Built { node, height: 0 }, wrapper);
                self.remember(anchor, &built, nodes_at_start);
                self.complete(built)
            }
            Event::SequenceStart(anchor, tag) => {
                self.open(Content::Seq(Vec::new()), anchor, tag.as_deref(), start, end)?;
                Ok(None)
            }
            Event::MappingStart(anchor, tag) => {
                let content = Content::Map {
                    entries: Vec::new(),
                    key: None,
                    seen: HashMap::new(),
                };
                self.open(content, anchor, tag.as_deref(), start, end)?;
                Ok(None)
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(end),
            Event::Alias(id) => self.alias(id, start, end),
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd => Ok(None),
        }
    }

    fn open(
        &mut self,
        content: Content,
        anchor: usize,
        tag: Option<&Tag>,
        start: usize,
        end: usize,
    ) -> Result<(), ParseError> {
        if self.expects_key() {
            return Err(ParseError::at(
                self.idx,
                start,
                "a map or list used as a map key is not supported",
            ));
        }
        let (content_start, tag_span) = self.properties(start, end, tag);
        let wrapper = self.wrapper(tag, tag_span);
        let parent_level = self.frames.last().map_or(0, |f| f.level);
        let level = parent_level + 1 + usize::from(wrapper.is_some());
        if level > MAX_DEPTH {
            return Err(self.too_deep(content_start));
        }
        self.frames.push(Frame {
            content,
            start: content_start,
            wrapper,
            anchor,
            nodes_at_start: self.nodes,
            level,
            child_height: 0,
        });
        self.nodes += 1;
        Ok(())
    }

    fn close(&mut self, end: usize) -> Result<Option<Node<'static>>, ParseError> {
        let Some(frame) = self.frames.pop() else {
            return Ok(None);
        };
        let is_flow = matches!(self.text.as_bytes().get(frame.start), Some(b'[' | b'{'));
        let (kind, last_end) = match frame.content {
            Content::Seq(items) => {
                let last = items.last().map(|n| n.span.end);
                (NodeKind::Seq(items), last)
            }
            Content::Map { entries, .. } => {
                let last = entries.last().map(|e| e.value.span.end);
                (NodeKind::Map(entries), last)
            }
        };
        let end = if is_flow {
            end
        } else {
            last_end.unwrap_or(frame.start)
        };
        let node = Node {
            kind,
            span: self.idx.span(frame.start, end.max(frame.start)),
        };
        let built = self.wrap(
            Built {
                node,
                height: frame.child_height + 1,
            },
            frame.wrapper,
        );
        self.remember(frame.anchor, &built, frame.nodes_at_start);
        self.complete(built)
    }

    fn alias(
        &mut self,
        id: usize,
        start: usize,
        end: usize,
    ) -> Result<Option<Node<'static>>, ParseError> {
        let Some(anchored) = self.anchors.get(&id) else {
            return Err(ParseError::at(
                self.idx,
                start,
                "alias of an unknown anchor",
            ));
        };
        self.alias_nodes += anchored.size;
        if self.alias_nodes > MAX_ALIAS_NODES {
            return Err(ParseError::at(
                self.idx,
                start,
                format!("YAML alias expansion exceeds {MAX_ALIAS_NODES} nodes"),
            )
            .with_hint("the text repeats anchors inside anchors (a \"billion laughs\" text?)"));
        }
        self.nodes += anchored.size;
        let mut node = anchored.node.clone();
        let height = anchored.height;
        node.span = self.idx.span(start, end);
        self.complete(Built { node, height })
    }

    /// Adds a finished node to its parent, or returns it when it is the root.
    fn complete(&mut self, built: Built) -> Result<Option<Node<'static>>, ParseError> {
        let Some(parent) = self.frames.last_mut() else {
            return Ok(Some(built.node));
        };
        if parent.level + built.height > MAX_DEPTH {
            let start = built.node.span.start;
            return Err(self.too_deep(start));
        }
        parent.child_height = parent.child_height.max(built.height);
        match &mut parent.content {
            Content::Seq(items) => items.push(built.node),
            Content::Map { entries, key, seen } => match key.take() {
                Some((key, key_span, earlier)) => {
                    let entry = Entry {
                        key: key.into(),
                        key_span,
                        value: built.node,
                    };
                    // A repeated key takes the place of the earlier one: the last value wins.
                    match earlier.and_then(|i| entries.get_mut(i)) {
                        Some(slot) => *slot = entry,
                        None => entries.push(entry),
                    }
                }
                None => {
                    let span = built.node.span;
                    let Some(text) = key_text(&built.node) else {
                        return Err(ParseError::at(
                            self.idx,
                            span.start,
                            "a map or list used as a map key is not supported",
                        ));
                    };
                    let earlier = remember_key(seen, &text, span, entries.len());
                    if let Some((first, _)) = earlier {
                        self.duplicates.push(duplicate_note(&text, first, span));
                    }
                    *key = Some((text, span, earlier.map(|(_, i)| i)));
                }
            },
        }
        Ok(None)
    }

    fn expects_key(&self) -> bool {
        matches!(
            self.frames.last(),
            Some(Frame {
                content: Content::Map { key: None, .. },
                ..
            })
        )
    }

    fn remember(&mut self, anchor: usize, built: &Built, nodes_at_start: usize) {
        if anchor != 0 {
            let anchored = Anchored {
                node: built.node.clone(),
                size: self.nodes - nodes_at_start,
                height: built.height,
            };
            self.anchors.insert(anchor, anchored);
        }
    }

    /// The long-form wrapper for a local tag such as `!Ref`; other tags get none.
    fn wrapper(&mut self, tag: Option<&Tag>, tag_span: Option<Span>) -> Option<Wrapper> {
        let tag = tag.filter(|t| t.handle == "!")?;
        let key = match tag.suffix.as_str() {
            "Ref" | "Condition" => tag.suffix.clone(),
            name => format!("Fn::{name}"),
        };
        let key_span = tag_span.unwrap_or_default();
        self.nodes += 1;
        Some(Wrapper { key, key_span })
    }

    fn wrap(&self, built: Built, wrapper: Option<Wrapper>) -> Built {
        let Some(Wrapper { key, key_span }) = wrapper else {
            return built;
        };
        let span = self.idx.span(key_span.start, built.node.span.end);
        let node = Node {
            kind: NodeKind::Map(vec![Entry {
                key: key.into(),
                key_span,
                value: built.node,
            }]),
            span,
        };
        Built {
            node,
            height: built.height + 1,
        }
    }

    /// Skips the tag and anchor in front of a node's text within `start..end`; returns where
    /// the node's own text starts and the span of its `!tag`, if any.
    fn properties(&self, start: usize, end: usize, tag: Option<&Tag>) -> (usize, Option<Span>) {
        let bytes = self.text.as_bytes();
        let end = end.min(bytes.len());
        let mut pos = start.min(end);
        let mut tag_span = None;
        while pos < end && matches!(bytes[pos], b'!' | b'&') {
            let token_end = (pos..end)
                .find(|&i| bytes[i].is_ascii_whitespace())
                .unwrap_or(end);
            if bytes[pos] == b'!' {
                tag_span = Some(self.idx.span(pos, token_end));
            }
            pos = token_end;
            while pos < end && bytes[pos].is_ascii_whitespace() {
                pos += 1;
            }
        }
        if tag_span.is_none() {
            tag_span = tag.and_then(|t| self.find_tag_before(t, start));
        }
        (pos, tag_span)
    }

    /// Looks for a tag written shortly before `offset` (block scalars start after it).
    fn find_tag_before(&self, tag: &Tag, offset: usize) -> Option<Span> {
        if tag.handle != "!" {
            return None;
        }
        let token = format!("!{}", tag.suffix);
        let mut from = offset.saturating_sub(token.len() + 256);
        while !self.text.is_char_boundary(from) {
            from -= 1;
        }
        let before = self.text.get(from..offset)?;
        let at = from + before.rfind(&token)?;
        Some(self.idx.span(at, at + token.len()))
    }

    /// `end` moved back over trailing whitespace (block scalars include the next indent).
    fn trim_end(&self, start: usize, end: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut end = end.min(bytes.len());
        while end > start && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        end
    }

    fn too_deep(&self, offset: usize) -> ParseError {
        ParseError::at(
            self.idx,
            offset,
            format!("the YAML nests deeper than {MAX_DEPTH} levels"),
        )
    }

    /// The scanner's error with our position and a hint at the likely cause.
    fn scan_error(&mut self, error: &ScanError) -> ParseError {
        let offset = self.offsets.byte(error.marker().index());
        let info = error.info();
        if info.contains("recursion limit") {
            return self.too_deep(offset);
        }
        let (line, _) = self.idx.line_col(offset);
        if let Some(tab) = tab_indent(self.text, line, info.contains("tab")) {
            let (l, c) = self.idx.line_col(tab);
            return ParseError::at(self.idx, tab, info).with_hint(format!(
                "this looks like YAML with a tab indent at {l}:{c}; YAML indents with spaces only"
            ));
        }
        let error = ParseError::at(self.idx, offset, info);
        match self.hint(info, offset, line) {
            Some(hint) => error.with_hint(hint),
            None => error,
        }
    }

    fn hint(&self, info: &str, offset: usize, line: u32) -> Option<String> {
        if info.contains("quoted scalar") && info.contains("end of stream") {
            let (l, c) = self.idx.line_col(offset);
            return Some(format!(
                "the text ends inside a quoted string opened at {l}:{c}"
            ));
        }
        if info.contains("unprintable") {
            return Some("the text contains a control character (such as NUL)".into());
        }
        let at_end = self.text.get(offset..).is_some_and(|r| r.trim().is_empty());
        if at_end {
            let flow =
                self.frames
                    .iter()
                    .rev()
                    .find_map(|f| match self.text.as_bytes().get(f.start) {
                        Some(b'[') => Some(("a list", f.start)),
                        Some(b'{') => Some(("a map", f.start)),
                        _ => None,
                    });
            return Some(match flow {
                Some((what, start)) => {
                    let (l, c) = self.idx.line_col(start);
                    format!("the text ends inside {what} opened at {l}:{c}; was it cut off when copying?")
                }
                None => "the text ends unexpectedly; was it cut off when copying?".into(),
            });
        }
        let line_text = self.text.lines().nth(line.saturating_sub(1) as usize)?;
        looks_like_hcl(line_text).then(|| "this looks like Terraform (HCL), not YAML".into())
    }
}

/// The offset of a tab in the indentation of the lines around `line` (the scanner may stop
/// on the line before the tab), or, when `anywhere` is set, of any line up to `line + 1`.
fn tab_indent(text: &str, line: u32, anywhere: bool) -> Option<usize> {
    let first = if anywhere {
        1
    } else {
        line.saturating_sub(1).max(1)
    };
    let last = line.saturating_add(1);
    let mut offset = 0;
    for (number, l) in (1u32..).zip(text.split_inclusive('\n')) {
        if number > last {
            break;
        }
        if number >= first {
            let indent = l.len() - l.trim_start_matches([' ', '\t']).len();
            if let Some(tab) = l[..indent].find('\t') {
                return Some(offset + tab);
            }
        }
        offset += l.len();
    }
    None
}

/// True for a line such as `resource "aws_x" "y" {` or `enabled = true`.
fn looks_like_hcl(line: &str) -> bool {
    let line = line.trim();
    let word_end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(line.len());
    let rest = line[word_end..].trim_start();
    word_end > 0
        && (rest.starts_with('=') && !rest.starts_with("==")
            || rest.starts_with('"') && line.ends_with('{'))
}

/// The text of a scalar node used as a map key.
fn key_text(node: &Node) -> Option<String> {
    match &node.kind {
        NodeKind::Str(s) | NodeKind::Number(s) => Some(s.to_string()),
        NodeKind::Bool(b) => Some(b.to_string()),
        NodeKind::Null => Some(String::new()),
        NodeKind::Seq(_) | NodeKind::Map(_) => None,
    }
}

/// Resolves a scalar: untagged plain scalars follow the YAML 1.2 core schema, everything
/// quoted, folded or tagged (other than `!!int` and friends) is a string.
fn scalar_kind(value: String, style: ScalarStyle, tag: Option<&Tag>) -> NodeKind<'static> {
    let core = tag.is_some_and(|t| t.is_yaml_core_schema());
    let resolve = style == ScalarStyle::Plain
        && match tag {
            None => true,
            Some(t) => core && t.suffix != "str",
        };
    if !resolve {
        return NodeKind::Str(value.into());
    }
    match value.as_str() {
        "" | "~" | "null" | "Null" | "NULL" => NodeKind::Null,
        "true" | "True" | "TRUE" => NodeKind::Bool(true),
        "false" | "False" | "FALSE" => NodeKind::Bool(false),
        v if is_number(v) => NodeKind::Number(value.into()),
        _ => NodeKind::Str(value.into()),
    }
}

/// A YAML 1.2 core-schema integer or finite float (`12`, `-0.5`, `1e3`, `0x1F`, `0o17`).
fn is_number(s: &str) -> bool {
    if let Some(hex) = s.strip_prefix("0x") {
        return !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return !oct.is_empty() && oct.bytes().all(|b| (b'0'..=b'7').contains(&b));
    }
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (mantissa, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(int)
        && frac.is_none_or(digits)
        && (!int.is_empty() || frac.is_some_and(|f| !f.is_empty()));
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// Converts the parser's character indexes to byte offsets, cheaply for the mostly
/// increasing order in which events arrive.
struct CharOffsets<'t> {
    text: &'t str,
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            ascii: text.is_ascii(),
            chars: 0,
            bytes: 0,
        }
    }

    /// The byte offset of the character with index `index` (clamped to the text's end).
    fn byte(&mut self, index: usize) -> usize {
        if self.ascii {
            return index.min(self.text.len());
        }
        while self.chars < index {
            let Some(c) = self.text.get(self.bytes..).and_then(|r| r.chars().next()) else {
                break;
            };
            self.bytes += c.len_utf8();
            self.chars += 1;
        }
        while self.chars > index {
            let Some(c) = self
                .text
                .get(..self.bytes)
                .and_then(|r| r.chars().next_back())
            else {
                break;
            };
            self.bytes -= c.len_utf8();
            self.chars -= 1;
        }
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Node<'_>, ParseError> {
        parse_tree(text, &LineIndex::new(text)).map(|t| t.root)
    }

    fn err(text: &str) -> ParseError {
        match parse(text) {
            Ok(node) => panic!("expected an error, got {node:?}"),
            Err(e) => e,
        }
    }

    fn at(span: Span) -> (u32, u32, u32, u32) {
        (span.line, span.column, span.end_line, span.end_column)
    }

    #[test]
    fn keys_and_values_keep_their_spans() {
        let text = "Comment: \"café ☕\"\nId: 'E1'\nList:\n  - 1.50\n  - true\n  - ~\nFlow: {a: [x, y]}\nPlain: hello world\n";
        let root = parse(text).unwrap();
        let comment = root.entry("Comment").unwrap();
        assert_eq!(at(comment.key_span), (1, 1, 1, 8));
        assert_eq!(at(comment.value.span), (1, 10, 1, 18));
        assert_eq!(comment.value.as_str(), Some("café ☕"));
        let id = root.entry("Id").unwrap();
        assert_eq!(at(id.value.span), (2, 5, 2, 9));
        let list = root.get("List").unwrap();
        assert_eq!(at(list.span), (4, 3, 6, 6));
        let items = list.as_seq().unwrap();
        assert_eq!(items[0].kind, NodeKind::Number("1.50".into()));
        assert_eq!(at(items[0].span), (4, 5, 4, 9));
        assert_eq!(items[1].kind, NodeKind::Bool(true));
        assert_eq!(items[2].kind, NodeKind::Null);
        let flow = root.get("Flow").unwrap();
        assert_eq!(at(flow.span), (7, 7, 7, 18));
        assert_eq!(at(flow.get("a").unwrap().span), (7, 11, 7, 17));
        assert_eq!(root.get("Plain").unwrap().as_str(), Some("hello world"));
    }

    #[test]
    fn columns_after_non_ascii_count_utf16_units() {
        // "😀" is 4 bytes and 2 UTF-16 units; "é" is 2 bytes and 1 unit.
        let text = "a: \"😀é\"\nb: [\"😀\", x]\n";
        let root = parse(text).unwrap();
        let b = root.get("b").unwrap().as_seq().unwrap();
        assert_eq!(at(b[0].span), (2, 5, 2, 9));
        assert_eq!(at(b[1].span), (2, 11, 2, 12));
        assert_eq!(&text[b[1].span.start..b[1].span.end], "x");
    }

    #[test]
    fn quoted_and_tagged_scalars_stay_strings() {
        let root = parse("a: 'true'\nb: \"12\"\nc: !!str 12\nd: !!int 12\ne: 2010-09-09\nf: 0x1F\ng: -1.5e3\nh: .5\ni: 1.2.3\n").unwrap();
        let kind = |k: &str| root.get(k).unwrap().kind.clone();
        assert_eq!(kind("a"), NodeKind::Str("true".into()));
        assert_eq!(kind("b"), NodeKind::Str("12".into()));
        assert_eq!(kind("c"), NodeKind::Str("12".into()));
        assert_eq!(kind("d"), NodeKind::Number("12".into()));
        assert_eq!(kind("e"), NodeKind::Str("2010-09-09".into()));
        assert_eq!(kind("f"), NodeKind::Number("0x1F".into()));
        assert_eq!(kind("g"), NodeKind::Number("-1.5e3".into()));
        assert_eq!(kind("h"), NodeKind::Number(".5".into()));
        assert_eq!(kind("i"), NodeKind::Str("1.2.3".into()));
    }

    #[test]
    fn short_form_tags_become_long_form() {
        let cases = [
            ("Ref", "Ref"),
            ("Condition", "Condition"),
            ("Sub", "Fn::Sub"),
            ("GetAtt", "Fn::GetAtt"),
            ("Select", "Fn::Select"),
            ("Split", "Fn::Split"),
            ("Join", "Fn::Join"),
            ("If", "Fn::If"),
            ("ImportValue", "Fn::ImportValue"),
            ("FindInMap", "Fn::FindInMap"),
            ("Base64", "Fn::Base64"),
            ("Cidr", "Fn::Cidr"),
            ("GetAZs", "Fn::GetAZs"),
            ("And", "Fn::And"),
            ("Or", "Fn::Or"),
            ("Not", "Fn::Not"),
            ("Equals", "Fn::Equals"),
            ("Foo", "Fn::Foo"),
        ];
        for (tag, long) in cases {
            let text = format!("V: !{tag} x\n");
            let root = parse(&text).unwrap();
            let v = root.get("V").unwrap();
            let entry = v.entry(long).unwrap_or_else(|| panic!("!{tag}: {v:?}"));
            assert_eq!(at(entry.key_span), (1, 4, 1, 5 + tag.len() as u32));
            assert_eq!(entry.value.as_str(), Some("x"));
            assert_eq!(
                at(entry.value.span),
                (1, 6 + tag.len() as u32, 1, 7 + tag.len() as u32)
            );
            assert_eq!(at(v.span), (1, 4, 1, 7 + tag.len() as u32));
        }
    }

    #[test]
    fn tags_on_lists_maps_and_nested_tags() {
        let text = "A: !GetAtt Api.RootResourceId\nB: !Join\n  - ''\n  - [!Ref Api, '.execute-api.', !Ref 'AWS::Region']\nC: !If [IsProd, !Sub '${X}', !Ref AWS::NoValue]\nD: !Sub\n  - x\nE: !Base64 |\n  line\n";
        let root = parse(text).unwrap();
        let a = root.get("A").unwrap().get("Fn::GetAtt").unwrap();
        assert_eq!(a.as_str(), Some("Api.RootResourceId"));
        let b = root.get("B").unwrap();
        let join = b.entry("Fn::Join").unwrap();
        assert_eq!(at(join.key_span), (2, 4, 2, 9));
        let parts = join.value.as_seq().unwrap()[1].as_seq().unwrap();
        let region = parts[2].entry("Ref").unwrap();
        assert_eq!(region.value.as_str(), Some("AWS::Region"));
        assert_eq!(at(region.key_span), (4, 33, 4, 37));
        assert_eq!(at(region.value.span), (4, 38, 4, 51));
        let c = root
            .get("C")
            .unwrap()
            .get("Fn::If")
            .unwrap()
            .as_seq()
            .unwrap();
        assert_eq!(c[1].get("Fn::Sub").unwrap().as_str(), Some("${X}"));
        assert_eq!(c[2].get("Ref").unwrap().as_str(), Some("AWS::NoValue"));
        let d = root.get("D").unwrap().entry("Fn::Sub").unwrap();
        assert_eq!(at(d.key_span), (6, 4, 6, 8));
        assert_eq!(at(d.value.span), (7, 3, 7, 6));
        let e = root.get("E").unwrap().entry("Fn::Base64").unwrap();
        assert_eq!(at(e.key_span), (8, 4, 8, 11));
        assert_eq!(e.value.as_str(), Some("line\n"));
    }

    #[test]
    fn aliases_are_expanded() {
        let text = "base: &b {Enabled: true, Items: [a, b]}\ncopy: *b\ntag: &t !Ref X\nref: *t\n";
        let root = parse(text).unwrap();
        let copy = root.get("copy").unwrap();
        assert_eq!(copy.get("Enabled").unwrap().kind, NodeKind::Bool(true));
        assert_eq!(copy.get("Items").unwrap().as_seq().unwrap().len(), 2);
        assert_eq!(at(copy.span), (2, 7, 2, 9));
        assert_eq!(
            root.get("ref").unwrap().get("Ref").unwrap().as_str(),
            Some("X")
        );
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h", "i", "j"])
        {
            let refs = vec![format!("*{prev}"); 10].join(", ");
            text.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let e = err(&text);
        assert!(
            e.message.contains("alias expansion exceeds"),
            "{}",
            e.message
        );
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let flow = "[".repeat(100_000);
        assert!(err(&flow).message.contains("deeper than"));
        let block = "- ".repeat(100_000) + "x\n";
        assert!(err(&block).message.contains("deeper than"));
        let nested: String = (0..200)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        let e = err(&nested);
        assert!(e.message.contains("deeper than"), "{}", e.message);
        assert_eq!(e.line, MAX_DEPTH as u32 + 1);
        let ok: String = (0..MAX_DEPTH)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn aliases_cannot_nest_deeper_than_the_limit() {
        let mut text = String::from("a: &a [1]\n");
        let deep = "[".repeat(MAX_DEPTH - 1) + "*a" + &"]".repeat(MAX_DEPTH - 1);
        text.push_str(&format!("b: {deep}\n"));
        assert!(err(&text).message.contains("deeper than"));
    }

    #[test]
    fn duplicate_keys_keep_the_last_value_and_are_noted() {
        let text = "Resources:\n  Cdn: 1\n  Api: 3\n  Cdn: {x: 2}\n  ? Cdn\n  : 4\n";
        let tree = parse_tree(text, &LineIndex::new(text)).expect("parses");
        let resources = tree.root.get("Resources").expect("resources");
        let keys: Vec<&str> = resources
            .as_map()
            .expect("map")
            .iter()
            .map(|e| e.key.as_ref())
            .collect();
        assert_eq!(keys, ["Cdn", "Api"]);
        assert_eq!(
            resources.get("Cdn").map(|n| n.kind.clone()),
            Some(NodeKind::Number("4".into()))
        );
        let at: Vec<(u32, u32, &str)> = tree
            .notes
            .iter()
            .map(|n| (n.span.line, n.span.column, n.detail.as_str()))
            .collect();
        assert_eq!(at, [(4, 3, "Cdn"), (5, 5, "Cdn")]);
        assert_eq!(
            tree.notes[0].related.map(|s| (s.line, s.column)),
            Some((2, 3))
        );
        assert!(parse("a: 1\nb:\n  a: 2\n").is_ok());
    }

    #[test]
    fn tab_indent_gets_a_hint() {
        let e = err("Resources:\n  Cdn:\n\tType: x\n");
        assert_eq!((e.line, e.column), (3, 1));
        assert_eq!(
            e.hint.as_deref(),
            Some("this looks like YAML with a tab indent at 3:1; YAML indents with spaces only")
        );
    }

    #[test]
    fn truncated_yaml_gets_a_hint() {
        let e = err("a:\n  b: [1, 2\n");
        assert_eq!(
            e.hint.as_deref(),
            Some("the text ends inside a list opened at 2:6; was it cut off when copying?")
        );
        let e = err("a: \"abc\n");
        assert_eq!((e.line, e.column), (1, 4));
        assert_eq!(
            e.hint.as_deref(),
            Some("the text ends inside a quoted string opened at 1:4")
        );
    }

    #[test]
    fn only_the_first_document_is_read() {
        let root = parse("a: 1\n---\nb: [\n").unwrap();
        assert!(root.get("a").is_some() && root.get("b").is_none());
    }

    #[test]
    fn nul_bytes_and_empty_documents() {
        assert!(err("a: \0\n").hint.unwrap().contains("control character"));
        let e = err("a: \"x\u{1}y\"\n");
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (1, 6, "control character U+0001 in the text")
        );
        let e = err("a: \"\u{85}\u{9f}\"\n");
        assert_eq!(e.message, "control character U+009F in the text");
        assert!(parse("a: \"tab\there\"\r\nb: é\n").is_ok());
        assert!(parse("# only a comment\n").is_err());
        assert_eq!(parse("just words").unwrap().as_str(), Some("just words"));
    }

    #[test]
    fn number_syntax() {
        for n in [
            "0", "-1", "+2", "1.5", "1.", ".5", "1e3", "1E-3", "0x1f", "0o17",
        ] {
            assert!(is_number(n), "{n}");
        }
        for s in [
            "", "-", ".", "e3", "1e", "0x", "1_000", "1.2.3", "abc", "0o8",
        ] {
            assert!(!is_number(s), "{s}");
        }
    }

    #[test]
    fn five_megabytes_are_accepted() {
        let mut text = String::from("Resources:\n");
        let mut n = 0;
        while text.len() < 5 * 1024 * 1024 {
            text.push_str(&format!(
                "  Origin{n}:\n    Type: AWS::X\n    Properties:\n      DomainName: !Sub '${{Api}}.execute-api.ü.amazonaws.com'\n      Items: [a, 1, true]\n"
            ));
            n += 1;
        }
        let root = parse(&text).unwrap();
        let resources = root.get("Resources").unwrap().as_map().unwrap();
        assert_eq!(resources.len(), n);
        let last = &resources[n - 1];
        assert_eq!(last.key_span.line as usize, 2 + 5 * (n - 1));
        assert_eq!(
            &text[last.key_span.start..last.key_span.end],
            format!("Origin{}", n - 1)
        );
    }
}
