//! A small syntax highlighter for the generated snippets and the Check editor: comments, keys,
//! strings, keywords and YAML tags, line by line. Configurations are regular enough that this
//! reads well without a grammar, and a line never depends on the lines before it, so the editor
//! can highlight only the lines it shows.

use yew::prelude::*;

/// Token classes, as CSS classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    Plain,
    Comment,
    Key,
    Str,
    Keyword,
}

impl Tok {
    /// The CSS class of the token.
    pub fn class(self) -> &'static str {
        match self {
            Tok::Plain => "",
            Tok::Comment => "tok-com",
            Tok::Key => "tok-key",
            Tok::Str => "tok-str",
            Tok::Keyword => "tok-kw",
        }
    }
}

const KEYWORDS: &[&str] = &[
    "resource",
    "variable",
    "data",
    "output",
    "locals",
    "provider",
    "terraform",
    "import",
    "export",
    "from",
    "const",
    "class",
    "extends",
    "new",
    "def",
    "return",
    "true",
    "false",
    "null",
];

/// Splits one line into classified pieces.
pub fn tokens(line: &str) -> Vec<(Tok, &str)> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') || trimmed.starts_with("//") {
        return vec![(Tok::Comment, line)];
    }
    let mut out = Vec::new();
    let mut rest = line;
    // A leading key: `key:` (YAML), `"key":` (JSON) or `key =` (HCL).
    let indent = line.len() - trimmed.len();
    if let Some(key_len) = key_length(trimmed) {
        out.push((Tok::Plain, &line[..indent]));
        out.push((Tok::Key, &line[indent..indent + key_len]));
        rest = &line[indent + key_len..];
    }
    while !rest.is_empty() {
        match rest.find(['"', '\'']) {
            Some(start) => {
                words(&rest[..start], &mut out);
                let quote = rest.as_bytes()[start];
                let end = rest[start + 1..]
                    .bytes()
                    .position(|b| b == quote)
                    .map_or(rest.len(), |i| start + i + 2);
                out.push((Tok::Str, &rest[start..end]));
                rest = &rest[end..];
            }
            None => {
                words(rest, &mut out);
                break;
            }
        }
    }
    out.retain(|(_, s)| !s.is_empty());
    out
}

/// Length of a leading key, if the line starts with one.
fn key_length(s: &str) -> Option<usize> {
    let s2 = s.strip_prefix("- ").unwrap_or(s);
    let offset = s.len() - s2.len();
    if let Some(quoted) = s2.strip_prefix('"') {
        let end = quoted.find('"')?;
        return quoted[end + 1..]
            .trim_start()
            .starts_with(':')
            .then_some(offset + end + 2);
    }
    let end = s2
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')))
        .unwrap_or(s2.len());
    let key = s2[..end].trim_end_matches(':');
    if key.is_empty() {
        return None;
    }
    let after = &s2[key.len()..];
    (after.starts_with(':') || after.trim_start().starts_with("= ") || after.trim_start() == "=")
        .then_some(offset + key.len())
}

/// Splits plain text into keywords and the rest.
fn words<'a>(s: &'a str, out: &mut Vec<(Tok, &'a str)>) {
    let mut last = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphabetic() || (bytes[i] == b'!' && i + 1 < bytes.len()) {
            // A word, or a YAML tag (`!Ref`, `!GetAtt`).
            let start = i;
            i += 1;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let word = &s[start..i];
            if KEYWORDS.contains(&word) || (word.starts_with('!') && word.len() > 1) {
                out.push((Tok::Plain, &s[last..start]));
                out.push((Tok::Keyword, word));
                last = i;
            }
        } else {
            i += 1;
        }
    }
    out.push((Tok::Plain, &s[last..]));
}

/// The highlighted text as HTML (text nodes and spans only: markup in the text stays text).
pub fn highlight(text: &str) -> Html {
    let mut nodes = Vec::new();
    for line in text.split_inclusive('\n') {
        for (tok, piece) in tokens(line) {
            nodes.push(match tok {
                Tok::Plain => Html::from(piece.to_string()),
                _ => html! { <span class={tok.class()}>{ piece }</span> },
            });
        }
    }
    nodes.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<(Tok, &str)> {
        tokens(line)
            .into_iter()
            .filter(|(t, _)| *t != Tok::Plain)
            .collect()
    }

    #[test]
    fn classifies_keys_strings_comments_and_keywords() {
        assert_eq!(kinds("  # why"), vec![(Tok::Comment, "  # why")]);
        assert_eq!(
            kinds("    OriginPath: /prod"),
            vec![(Tok::Key, "OriginPath")]
        );
        assert_eq!(
            kinds("  \"Id\": \"api\","),
            vec![(Tok::Key, "\"Id\""), (Tok::Str, "\"api\"")]
        );
        assert_eq!(
            kinds("  domain_name = \"x.example\""),
            vec![(Tok::Key, "domain_name"), (Tok::Str, "\"x.example\"")]
        );
        assert_eq!(
            kinds("resource \"aws_cloudfront_distribution\" \"api\" {"),
            vec![
                (Tok::Keyword, "resource"),
                (Tok::Str, "\"aws_cloudfront_distribution\""),
                (Tok::Str, "\"api\"")
            ]
        );
        assert_eq!(kinds("        - Id: api"), vec![(Tok::Key, "- Id")]);
        assert_eq!(
            kinds("  DomainName: !GetAtt Api.Url"),
            vec![(Tok::Key, "DomainName"), (Tok::Keyword, "!GetAtt")]
        );
        assert_eq!(kinds("  Value: a != b"), vec![(Tok::Key, "Value")]);
    }

    #[test]
    fn pieces_cover_the_line_exactly() {
        for line in [
            "  \"a\": \"b\\\"c\", # x",
            "unterminated \"str",
            "x = 'y'",
            "",
        ] {
            let joined: String = tokens(line).iter().map(|(_, s)| *s).collect();
            assert_eq!(joined, line);
        }
    }
}
