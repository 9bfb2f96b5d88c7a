//! Source positions.
//!
//! Every value in the model remembers where it came from. Lines and columns are 1-based;
//! columns count **UTF-16 code units**, which is what the browser needs to place a marker and
//! what SARIF uses by default (`columnKind: utf16CodeUnits`). For ASCII text they equal
//! character columns. Byte offsets index the original UTF-8 text.

use serde::{Deserialize, Serialize};

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

/// Maps byte offsets of one text to lines and UTF-16 columns.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// For each non-ASCII character: the byte offset just past it and the running total of
    /// bytes by which UTF-8 exceeds UTF-16 up to there. Keeps [`Self::line_col`] fast on
    /// long (minified) lines.
    wide_chars: Vec<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`. Lines end at `\n` (a preceding `\r` belongs to the line).
    pub fn new(text: &'a str) -> Self {
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
            text,
            line_starts,
            wide_chars,
        }
    }

    /// Bytes by which UTF-8 exceeds UTF-16 in the text before `offset` (a char boundary).
    fn excess_before(&self, offset: usize) -> usize {
        match self.wide_chars.partition_point(|&(end, _)| end <= offset) {
            0 => 0,
            n => self.wide_chars[n - 1].1,
        }
    }

    /// 1-based (line, UTF-16 column) of a byte offset; offsets past the end clamp to the end,
    /// offsets inside a UTF-8 sequence round down to its start.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = (offset - start) - (self.excess_before(offset) - self.excess_before(start));
        (line as u32 + 1, col as u32 + 1)
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
        let Some(&start) = self.line_starts.get(line.saturating_sub(1) as usize) else {
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
    fn span_covers_both_ends() {
        let idx = LineIndex::new("{\n  \"a\": 1\n}");
        let s = idx.span(4, 7);
        assert_eq!((s.line, s.column, s.end_line, s.end_column), (2, 3, 2, 6));
    }
}
