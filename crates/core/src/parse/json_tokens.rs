//! The fast path of [`super::json`]: the [`Node`] tree built straight from `jsonc-parser`'s
//! scanner tokens, without the crate's AST in between.
//!
//! It accepts only well-formed input (strict JSON, comments allowed) and gives up on anything
//! else, a repeated key, a raw control character in a string or nesting deeper than
//! [`MAX_DEPTH`] included: the AST path then parses the text again and reports the error in
//! its words (or notes the repeated key). Its recursion is bounded by [`MAX_DEPTH`].

use super::MAX_DEPTH;
use crate::span::{LineIndex, Span};
use crate::tree::{Entry, Node, NodeKind};
use jsonc_parser::tokens::Token;
use jsonc_parser::{Scanner, ScannerOptions};
use std::borrow::Cow;
use std::collections::HashSet;

/// Strict JSON tokens, as the AST path asks of the crate.
const OPTIONS: ScannerOptions = ScannerOptions {
    allow_single_quoted_strings: false,
    allow_hexadecimal_numbers: false,
    allow_unary_plus_numbers: false,
    allow_bare_decimal_point_numbers: false,
    allow_non_finite_numbers: false,
    allow_extended_string_escapes: false,
};

/// Objects with more keys than this find repeated keys with a hash set.
const SCAN_KEYS: usize = 16;

/// The tree of `source`, which starts `shift` bytes into the text of `idx` (after a byte order
/// mark); `None` when the text is not well-formed JSON or breaks one of our limits.
pub(super) fn build<'s>(source: &'s str, shift: usize, idx: &LineIndex) -> Option<Node<'s>> {
    let mut builder = Builder {
        scanner: Scanner::new(source, &OPTIONS),
        idx,
        shift,
        entries: Vec::new(),
        items: Vec::new(),
    };
    let first = builder.next()?;
    let root = builder.value(first, 1)?;
    match builder.next_or_end() {
        Ok(None) => Some(root),
        _ => None,
    }
}

/// Builds nodes from the scanner's tokens; `entries` and `items` hold the children of the
/// open containers (each container's at the end), so a finished one takes an exact-size
/// `Vec` of them.
struct Builder<'s, 'i, 't> {
    scanner: Scanner<'s>,
    idx: &'i LineIndex<'t>,
    shift: usize,
    entries: Vec<Entry<'s>>,
    items: Vec<Node<'s>>,
}

impl<'s> Builder<'s, '_, '_> {
    /// The next token that is not a comment; `Ok(None)` at the end of the text.
    fn next_or_end(&mut self) -> Result<Option<Token<'s>>, ()> {
        loop {
            match self.scanner.scan() {
                Ok(Some(Token::CommentLine(_) | Token::CommentBlock(_))) => {}
                Ok(token) => return Ok(token),
                Err(_) => return Err(()),
            }
        }
    }

    /// The next token that is not a comment; `None` at the end or on an error.
    fn next(&mut self) -> Option<Token<'s>> {
        self.next_or_end().ok().flatten()
    }

    /// Byte offsets of the current token in the text.
    fn token_range(&self) -> (usize, usize) {
        (
            self.scanner.token_start() + self.shift,
            self.scanner.token_end() + self.shift,
        )
    }

    fn token_span(&self) -> Span {
        let (start, end) = self.token_range();
        self.idx.span(start, end)
    }

    /// The current string token, unless it holds a raw control character (not JSON: the
    /// scanner accepts it, the AST path refuses it with its position).
    fn string(&self, s: Cow<'s, str>) -> Option<Cow<'s, str>> {
        let bytes = self.scanner.file_text().as_bytes();
        let raw = bytes
            .get(self.scanner.token_start()..self.scanner.token_end())
            .unwrap_or_default();
        (!has_control_byte(raw)).then_some(s)
    }

    /// The value that starts with `token`; `depth` is its nesting level (the root is 1).
    fn value(&mut self, token: Token<'s>, depth: usize) -> Option<Node<'s>> {
        let kind = match token {
            Token::String(s) => NodeKind::Str(self.string(s)?),
            Token::Number(n) => NodeKind::Number(Cow::Borrowed(n)),
            Token::Boolean(b) => NodeKind::Bool(b),
            Token::Null => NodeKind::Null,
            Token::OpenBrace => return self.object(depth),
            Token::OpenBracket => return self.array(depth),
            _ => return None,
        };
        Some(Node {
            kind,
            span: self.token_span(),
        })
    }

    /// The object whose `{` is the current token.
    fn object(&mut self, depth: usize) -> Option<Node<'s>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let (start, _) = self.token_range();
        let start_at = self.idx.line_col(start);
        let mark = self.entries.len();
        let mut seen: Option<HashSet<Cow<'s, str>>> = None;
        let mut token = self.next()?;
        if !matches!(token, Token::CloseBrace) {
            loop {
                let Token::String(key) = token else {
                    return None;
                };
                let key = self.string(key)?;
                let key_span = self.token_span();
                if !matches!(self.next()?, Token::Colon) {
                    return None;
                }
                let first = self.next()?;
                let value = self.value(first, depth + 1)?;
                self.entries.push(Entry {
                    key,
                    key_span,
                    value,
                });
                if last_repeats(self.entries.get(mark..).unwrap_or_default(), &mut seen) {
                    return None;
                }
                match self.next()? {
                    Token::Comma => token = self.next()?,
                    Token::CloseBrace => break,
                    _ => return None,
                }
            }
        }
        let entries = self.entries.split_off(mark);
        Some(Node {
            kind: NodeKind::Map(entries),
            span: self.closed(start, start_at),
        })
    }

    /// The array whose `[` is the current token.
    fn array(&mut self, depth: usize) -> Option<Node<'s>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let (start, _) = self.token_range();
        let start_at = self.idx.line_col(start);
        let mark = self.items.len();
        let mut token = self.next()?;
        if !matches!(token, Token::CloseBracket) {
            loop {
                let item = self.value(token, depth + 1)?;
                self.items.push(item);
                match self.next()? {
                    Token::Comma => token = self.next()?,
                    Token::CloseBracket => break,
                    _ => return None,
                }
            }
        }
        let items = self.items.split_off(mark);
        Some(Node {
            kind: NodeKind::Seq(items),
            span: self.closed(start, start_at),
        })
    }

    /// The span of a container from `start` (whose position was taken before its children)
    /// to the end of the current token, its closing bracket.
    fn closed(&self, start: usize, (line, column): (u32, u32)) -> Span {
        let (_, end) = self.token_range();
        let (end_line, end_column) = self.idx.line_col(end);
        Span {
            start,
            end,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// True when `bytes` holds a byte below 0x20; eight bytes at a time (the last eight bytes read
/// again rather than one by one).
#[inline]
fn has_control_byte(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x20 borrows in `word - 0x20…` and has its high bit clear.
    let below = |word: u64| word.wrapping_sub(ONES * 0x20) & !word & HIGH_BITS != 0;
    let Some(last) = bytes.last_chunk::<8>() else {
        return bytes.iter().any(|&b| b < 0x20);
    };
    bytes
        .chunks_exact(8)
        .filter_map(|c| c.try_into().ok())
        .any(|c: [u8; 8]| below(u64::from_le_bytes(c)))
        || below(u64::from_le_bytes(*last))
}

/// True when the key of the last of `open` (the entries of the object being read) is the key
/// of an earlier one; past [`SCAN_KEYS`] keys, `seen` holds them all.
fn last_repeats<'s>(open: &[Entry<'s>], seen: &mut Option<HashSet<Cow<'s, str>>>) -> bool {
    let Some((last, earlier)) = open.split_last() else {
        return false;
    };
    if earlier.len() < SCAN_KEYS {
        return earlier.iter().any(|e| e.key == last.key);
    }
    let set = seen.get_or_insert_with(|| earlier.iter().map(|e| e.key.clone()).collect());
    !set.insert(last.key.clone())
}

#[cfg(test)]
mod tests {
    use super::has_control_byte;

    #[test]
    fn control_bytes_are_found_at_every_position() {
        assert!(!has_control_byte(b""));
        assert!(!has_control_byte(
            "\"plain ASCII and é ☕ 😀 text, long enough\"".as_bytes()
        ));
        assert!(!has_control_byte(&[0x20; 40]));
        assert!(!has_control_byte(&[0xff; 40]));
        for len in 1..24 {
            for at in 0..len {
                for bad in [0x00, 0x09, 0x0a, 0x1f] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = bad;
                    assert!(has_control_byte(&bytes), "{len} {at} {bad}");
                }
            }
        }
    }
}
