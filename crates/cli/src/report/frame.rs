//! Code frames: the source line of a position with a caret underline below the value.

use crate::style;

/// The frame of the byte range `start..end` of `text`, which begins on 1-based line `line`:
/// an empty gutter line, the source line, and the underline (only the first line of a
/// multi-line range is underlined). `gutter` is the width of the line-number column; `carets`
/// the style of the underline.
pub fn frame(
    text: &str,
    line: u32,
    (start, end): (usize, usize),
    gutter: usize,
    carets: anstyle::Style,
) -> String {
    let start = floor_boundary(text, start.min(text.len()));
    let end = floor_boundary(text, end.clamp(start, text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let source = text[line_start..line_end].trim_end_matches('\r');
    let pad: String = text[line_start..start]
        .chars()
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let width = text[start..end.min(line_end)]
        .trim_end_matches('\r')
        .chars()
        .count()
        .max(1);
    let bar = style::paint(style::GUTTER, "|");
    let number = style::paint(style::GUTTER, format!("{line:>gutter$}"));
    format!(
        "{blank} {bar}\n{number} {bar} {source}\n{blank} {bar} {pad}{carets}\n",
        blank = " ".repeat(gutter),
        carets = style::paint(carets, "^".repeat(width)),
    )
}

/// The width of the line-number column for lines up to `line`.
pub fn gutter_width(line: u32) -> usize {
    line.max(1).to_string().len()
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: String) -> String {
        anstream::adapter::strip_str(&s).to_string()
    }

    #[test]
    fn underlines_the_value_on_its_line() {
        let text = "a: 1\n\tkey: \"välue\"\nz";
        let start = text.find('"').unwrap();
        let end = text.rfind('"').unwrap() + 1;
        let out = plain(frame(text, 2, (start, end), 1, style::ERROR));
        assert_eq!(out, "  |\n2 | \tkey: \"välue\"\n  | \t     ^^^^^^^\n");
    }

    #[test]
    fn multi_line_ranges_underline_the_first_line_and_points_get_one_caret() {
        let text = "x: {\n  y: 1\n}\n";
        assert!(plain(frame(text, 1, (3, text.len()), 2, style::INFO)).ends_with("   |    ^\n"));
        assert!(plain(frame(text, 1, (1, 1), 1, style::ERROR)).ends_with("  |  ^\n"));
        // Past the end and inside a UTF-8 sequence: clamped, never a panic.
        let _ = frame("é", 1, (1, 99), 1, style::ERROR);
    }
}
