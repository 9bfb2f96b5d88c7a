//! Source positions.
//!
//! Every value in the model remembers where it came from. Lines and columns are 1-based;
//! columns count **UTF-16 code units**, which is what the browser needs to place a marker and
//! what SARIF uses by default (`columnKind: utf16CodeUnits`). For ASCII text they equal
//! character columns. Byte offsets index the original UTF-8 text.

use serde::{Deserialize, Serialize};
use std::cell::{Cell, OnceCell};

/// A range of the source text: byte offsets plus 1-based line/column (UTF-16) of both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based UTF-16 column of `start`.
    pub column: u32,
    /// 1-based line of `end`.
    pub end_line: u32,
    /// 1-based UTF-16 column of `end` (exclusive).
    pub end_column: u32,
}

impl Span {
    /// Whether `other` lies within this span (both ends included).
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Maps byte offsets of one text to lines and UTF-16 columns.
///
/// Queries are answered by scanning forward from the previous answer when the offset is a
/// little ahead of it (parsers ask in source order, so a whole document costs one pass over
/// the text), and otherwise by binary search over tables built on first need.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    tables: OnceCell<Tables>,
    /// The previous answer.
    cursor: Cell<Cursor>,
}

/// Line starts and non-ASCII characters of the text, for queries the cursor cannot answer.
#[derive(Debug, Clone)]
struct Tables {
    line_starts: Vec<usize>,
    /// For each non-ASCII character: the byte offset just past it and the running total of
    /// bytes by which UTF-8 exceeds UTF-16 up to there. Keeps [`LineIndex::line_col`] fast on
    /// long (minified) lines.
    wide_chars: Vec<(usize, usize)>,
}

/// A byte offset (a char boundary) with its 1-based line and UTF-16 column.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    offset: usize,
    line: u32,
    column: u32,
}

/// How far ahead of the cursor (in bytes) a query is answered by scanning; further ones use
/// the tables.
const SCAN_LIMIT: usize = 4096;

impl Tables {
    fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut wide_chars = Vec::new();
        if !text.is_ascii() {
            let mut excess = 0;
            for (i, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
                excess += c.len_utf8() - c.len_utf16();
                wide_chars.push((i + c.len_utf8(), excess));
            }
        }
        Self {
            line_starts,
            wide_chars,
        }
    }

    /// Bytes by which UTF-8 exceeds UTF-16 in the text before `offset` (a char boundary).
    fn excess_before(&self, offset: usize) -> usize {
        match self.wide_chars.partition_point(|&(end, _)| end <= offset) {
            0 => 0,
            n => self.wide_chars.get(n - 1).map_or(0, |&(_, excess)| excess),
        }
    }

    /// 1-based (line, UTF-16 column) of a char boundary.
    fn line_col(&self, offset: usize) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let col = (offset - start) - (self.excess_before(offset) - self.excess_before(start));
        (line as u32 + 1, col as u32 + 1)
    }
}

/// The (line, column) of `from` moved over `gap`, the text right after it: a newline starts
/// a new line, a UTF-8 lead byte adds the character's UTF-16 units. Eight bytes at a time
/// while they are ASCII without a newline.
fn advance(from: Cursor, gap: &[u8]) -> (u32, u32) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let (mut line, mut column) = (from.line, from.column);
    let mut rest = gap;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        let word = u64::from_le_bytes(*chunk);
        // A zero byte here is a newline there.
        let newlines = word ^ (ONES * u64::from(b'\n'));
        let has_newline = newlines.wrapping_sub(ONES) & !newlines;
        if (word | has_newline) & HIGH_BITS == 0 {
            column += 8;
        } else {
            (line, column) = advance_bytes(line, column, chunk);
        }
        rest = tail;
    }
    advance_bytes(line, column, rest)
}

/// [`advance`] one byte at a time.
fn advance_bytes(mut line: u32, mut column: u32, bytes: &[u8]) -> (u32, u32) {
    for &b in bytes {
        if b == b'\n' {
            line += 1;
            column = 1;
        } else {
            column += u32::from(UTF16_UNITS[usize::from(b)]);
        }
    }
    (line, column)
}

/// UTF-16 units a character adds, by the first byte of its UTF-8 form: none for continuation
/// bytes, two (a surrogate pair) for 4-byte characters, one otherwise.
const UTF16_UNITS: [u8; 256] = {
    let mut units = [1; 256];
    let mut b = 0x80;
    while b < 0xc0 {
        units[b] = 0;
        b += 1;
    }
    while b < 0x100 {
        units[b] = if b >= 0xf0 { 2 } else { 1 };
        b += 1;
    }
    units
};

impl<'a> LineIndex<'a> {
    /// Indexes `text`. Lines end at `\n` (a preceding `\r` belongs to the line).
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            tables: OnceCell::new(),
            cursor: Cell::new(Cursor {
                offset: 0,
                line: 1,
                column: 1,
            }),
        }
    }

    fn tables(&self) -> &Tables {
        self.tables.get_or_init(|| Tables::new(self.text))
    }

    /// 1-based (line, UTF-16 column) of a byte offset; offsets past the end clamp to the end,
    /// offsets inside a UTF-8 sequence round down to its start.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let from = self.cursor.get();
        let (line, column) = match self.text.as_bytes().get(from.offset..offset) {
            Some(gap) if gap.len() <= SCAN_LIMIT => advance(from, gap),
            _ => self.tables().line_col(offset),
        };
        self.cursor.set(Cursor {
            offset,
            line,
            column,
        });
        (line, column)
    }

    /// The span of the byte range `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (line, column) = self.line_col(start);
        let (end_line, end_column) = self.line_col(end);
        Span {
            start,
            end,
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// Byte offset of a 1-based line and UTF-16 column (clamped to the line's end).
    pub fn offset(&self, line: u32, column: u32) -> usize {
        let line_starts = &self.tables().line_starts;
        let Some(&start) = line_starts.get(line.saturating_sub(1) as usize) else {
            return self.text.len();
        };
        let mut units = column.saturating_sub(1) as usize;
        for (i, c) in self.text[start..].char_indices() {
            if units == 0 || c == '\n' {
                return start + i;
            }
            units = units.saturating_sub(c.len_utf16());
        }
        self.text.len()
    }

    /// The text this index was built over.
    pub fn text(&self) -> &'a str {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_utf16_columns() {
        let text = "ab\n\u{1F600}x\r\nz";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(3), (2, 1));
        // The emoji is 4 bytes in UTF-8 and 2 code units in UTF-16.
        assert_eq!(idx.line_col(7), (2, 3));
        assert_eq!(idx.line_col(text.len() - 1), (3, 1));
        assert_eq!(idx.offset(2, 3), 7);
        assert_eq!(idx.line_col(1000), (3, 2));
    }

    #[test]
    fn columns_on_a_long_mixed_line() {
        let text = format!("x\n{}é😀{}", "a".repeat(100_000), "b".repeat(10));
        let idx = LineIndex::new(&text);
        let after = text.len() - 10;
        assert_eq!(idx.line_col(after), (2, 100_004));
        assert_eq!(idx.line_col(after - 4), (2, 100_002));
        assert_eq!(idx.line_col(text.len()), (2, 100_014));
    }

    #[test]
    fn contains_includes_both_ends() {
        let at = |start, end| Span {
            start,
            end,
            ..Span::default()
        };
        let outer = at(10, 20);
        assert!(outer.contains(at(10, 20)));
        assert!(outer.contains(at(12, 15)));
        assert!(!outer.contains(at(9, 15)));
        assert!(!outer.contains(at(12, 21)));
    }

    #[test]
    fn span_covers_both_ends() {
        let idx = LineIndex::new("{\n  \"a\": 1\n}");
        let s = idx.span(4, 7);
        assert_eq!((s.line, s.column, s.end_line, s.end_column), (2, 3, 2, 6));
    }

    #[test]
    fn cursor_answers_match_the_tables_in_any_order() {
        let text = format!(
            "{{\r\n  \"é\": \"😀x\",\n{}\n  \"b\": [1, 2]\n}}\n",
            "ab😀\n".repeat(3000)
                + &format!("{}é{}😀\n", "x".repeat(37), "y".repeat(20)).repeat(40)
        );
        let tables = Tables::new(&text);
        let idx = LineIndex::new(&text);
        let mut offsets: Vec<usize> = (0..=text.len() + 2).collect();
        // Backwards, far jumps and offsets inside UTF-8 sequences too.
        offsets.extend((0..text.len()).rev().step_by(7));
        offsets.extend([text.len(), 0, text.len() / 2, 5, text.len() - 1, 9, 8, 10]);
        // Forward in steps of many sizes (the scan takes eight bytes at a time).
        for step in [3, 8, 13, 61, 500, 5000] {
            offsets.extend((0..text.len()).step_by(step));
        }
        for offset in offsets {
            let mut boundary = offset.min(text.len());
            while !text.is_char_boundary(boundary) {
                boundary -= 1;
            }
            assert_eq!(idx.line_col(offset), tables.line_col(boundary), "{offset}");
        }
    }
}
