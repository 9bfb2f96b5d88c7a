//! A nesting pre-scan that refuses deeply nested HCL before the recursive parser sees it.
//!
//! `hcl-edit` stops at 64 levels, but 64 levels of function calls or templates take close to
//! 1 MiB of stack in an optimised build (and more in a debug build), which is all a WebAssembly
//! module gets by default. Real Terraform files nest far less than [`MAX_HCL_DEPTH`].

/// Deepest nesting accepted; blocks, brackets, parentheses, strings and template
/// interpolations each count as a level.
pub(super) const MAX_HCL_DEPTH: usize = 32;

/// What an open construct is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Open<'a> {
    /// `{`, `[` or `(` in code, or a template interpolation / directive `${` / `%{`.
    Code,
    /// A quoted string template.
    Quoted,
    /// A heredoc template ending at a line holding only this marker.
    Heredoc(&'a str),
}

/// The byte offset where `text` first nests deeper than [`MAX_HCL_DEPTH`], if it does.
/// Comments and string contents are skipped; closers without an opener are ignored (the parser
/// reports them).
pub(super) fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let next = bytes.get(i + 1).copied();
        match stack.last().copied() {
            None | Some(Open::Code) => match (b, next) {
                (b'#', _) | (b'/', Some(b'/')) => i = line_end(bytes, i),
                (b'/', Some(b'*')) => {
                    i = text
                        .get(i + 2..)?
                        .find("*/")
                        .map_or(bytes.len(), |p| i + 2 + p + 2);
                    continue;
                }
                (b'"', _) => stack.push(Open::Quoted),
                (b'<', Some(b'<')) => {
                    if let Some(marker) = heredoc_marker(text, i + 2) {
                        stack.push(Open::Heredoc(marker));
                        i = line_end(bytes, i);
                    }
                }
                (b'{' | b'[' | b'(', _) => stack.push(Open::Code),
                (b'}' | b']' | b')', _) => {
                    stack.pop();
                }
                _ => {}
            },
            Some(Open::Quoted) => match (b, next) {
                (b'\\', _) => i += 1,
                (b'"', _) | (b'\n', _) => {
                    stack.pop();
                }
                (b'$' | b'%', Some(b'{')) => {
                    stack.push(Open::Code);
                    i += 1;
                }
                (b'$' | b'%', Some(b'$' | b'%')) => i += 1,
                _ => {}
            },
            Some(Open::Heredoc(marker)) => match (b, next) {
                (b'\n', _) => {
                    let line = text.get(i + 1..line_end(bytes, i + 1)).unwrap_or_default();
                    if line.trim() == marker {
                        stack.pop();
                        i = line_end(bytes, i + 1);
                        continue;
                    }
                }
                (b'$' | b'%', Some(b'{')) => {
                    stack.push(Open::Code);
                    i += 1;
                }
                (b'$' | b'%', Some(b'$' | b'%')) => i += 1,
                _ => {}
            },
        }
        if stack.len() > MAX_HCL_DEPTH {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The offset of the `\n` ending the line that holds `i` (or the end of the text).
fn line_end(bytes: &[u8], i: usize) -> usize {
    bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        .map_or(bytes.len(), |p| i + p)
}

/// The marker of a heredoc opener `<<EOT` / `<<-EOT` whose marker starts at `start`.
fn heredoc_marker(text: &str, start: usize) -> Option<&str> {
    let rest = text.get(start..)?;
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    let marker = rest.get(..len)?;
    let after = rest.get(len..)?.trim_start_matches([' ', '\t', '\r']);
    (!marker.is_empty() && (after.is_empty() || after.starts_with('\n'))).then_some(marker)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(open: &str, close: &str, depth: usize) -> String {
        format!("a = {}1{}\n", open.repeat(depth), close.repeat(depth))
    }

    #[test]
    fn counts_code_and_template_nesting() {
        // A string and its interpolation are one level each.
        let cases = [
            ("[", "]", MAX_HCL_DEPTH, 0),
            ("f(", ")", MAX_HCL_DEPTH, 1),
            ("{a=", "}", MAX_HCL_DEPTH, 0),
            ("\"${", "}\"", MAX_HCL_DEPTH / 2, 0),
        ];
        for (open, close, limit, opener) in cases {
            assert_eq!(too_deep(&nested(open, close, limit)), None, "{open}");
            let deep = nested(open, close, limit + 1);
            assert_eq!(
                too_deep(&deep),
                Some(4 + open.len() * limit + opener),
                "{open}"
            );
        }
    }

    #[test]
    fn skips_comments_strings_and_heredoc_text() {
        let brackets = "[".repeat(100);
        let text = format!(
            "# {brackets}\n// {brackets}\n/* {brackets} */\na = \"{brackets}\"\nb = <<-EOT\n  {brackets}\n  EOT\nc = [\"$${{\", \"\\\"\"]\n"
        );
        assert_eq!(too_deep(&text), None);
    }

    #[test]
    fn heredoc_interpolations_nest() {
        let text = format!("a = <<EOT\n{}\nEOT\n", "${<<EOT\n".repeat(40));
        assert!(too_deep(&text).is_some());
    }
}
