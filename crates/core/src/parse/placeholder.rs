//! Values left to fill in: `<your-bucket>`, `REPLACE_ME`, `xxxxxxxxxx`, `YOUR_API_ID`, and a
//! `${Name}` written in a plain string (only `Fn::Sub` substitutes it; the AWS CLI never does).
//!
//! Detection is conservative: a value with whitespace (a comment, a description) is never a
//! placeholder, and only these unmistakable forms count. Reserved documentation names such as
//! `example.com` are not placeholders here: they are valid host names whose shape the other
//! rules check as written.

/// A string with placeholders in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The text with each placeholder written as `{placeholder}` (the shape of an unknown
    /// value, so that `<api-id>.execute-api.us-east-1.amazonaws.com` is still classified).
    pub shape: String,
    /// The placeholders, as written.
    pub parts: Vec<String>,
}

/// The placeholders of `text`, if it has any.
pub(crate) fn find(text: &str) -> Option<Found> {
    // Most strings are rejected by one look at each byte.
    if text.len() < 3 || !maybe_placeholder(text.as_bytes()) {
        return None;
    }
    if text.chars().any(char::is_whitespace) || text.contains("{{resolve:") {
        return None;
    }
    if !text.contains(['<', '$'])
        && !text
            .split(['.', ':', '/'])
            .any(|s| is_placeholder_word(s, text))
    {
        return None;
    }
    let mut shape = String::with_capacity(text.len() + 4);
    let mut parts = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(len) = bracketed(rest) {
            take(&mut shape, &mut parts, &rest[..len]);
            rest = &rest[len..];
            continue;
        }
        // One segment up to the next separator of host names, ARNs and paths.
        let end = rest.find(['.', ':', '/', '<', '$']).unwrap_or(rest.len());
        let (segment, after) = match end {
            0 => rest.split_at(rest.chars().next().map_or(1, char::len_utf8)),
            _ => rest.split_at(end),
        };
        if end > 0 && is_placeholder_word(segment, text) {
            take(&mut shape, &mut parts, segment);
        } else {
            shape.push_str(segment);
        }
        rest = after;
    }
    (!parts.is_empty()).then_some(Found { shape, parts })
}

fn take(shape: &mut String, parts: &mut Vec<String>, placeholder: &str) {
    shape.push('{');
    shape.push_str(placeholder);
    shape.push('}');
    parts.push(placeholder.to_string());
}

/// The length of a `<name>` or `${Name}` at the start of `text`.
fn bracketed(text: &str) -> Option<usize> {
    let (open, close) = if text.starts_with("${") {
        ("${", '}')
    } else if text.starts_with('<') {
        ("<", '>')
    } else {
        return None;
    };
    let inner_end = text[open.len()..].find(close)? + open.len();
    let inner = &text[open.len()..inner_end];
    let name_like = !inner.is_empty()
        && inner.len() <= 64
        && inner.chars().any(|c| c.is_ascii_alphabetic())
        && inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'));
    // `${!Literal}` is CloudFormation's escape for a literal `${`.
    (name_like && !inner.starts_with('!')).then_some(inner_end + 1)
}

/// False when `bytes` cannot hold a placeholder: no `<` or `$`, no run of three `x`, and no
/// segment (the start, or after `.`, `:` or `/`) that starts like `REPLACE…`, `CHANGE…`,
/// `YOUR…`, `TODO` or `FIXME`. (Every string read goes through it, so it is one tight pass.)
fn maybe_placeholder(bytes: &[u8]) -> bool {
    let mut xs = 0;
    let mut segment_start = true;
    for (i, &b) in bytes.iter().enumerate() {
        let lower = b | 0x20;
        if lower == b'x' {
            xs += 1;
            if xs == 3 {
                return true;
            }
        } else {
            xs = 0;
            if b == b'<' || b == b'$' {
                return true;
            }
        }
        if segment_start && matches!(lower, b'r' | b'c' | b'y' | b't' | b'f') {
            let head = bytes.get(i..i + 3).unwrap_or_default();
            if [b"rep", b"cha", b"you", b"tod", b"fix"]
                .iter()
                .any(|w| head.eq_ignore_ascii_case(*w))
            {
                return true;
            }
        }
        segment_start = matches!(b, b'.' | b':' | b'/');
    }
    false
}

/// True for a segment that is a placeholder word: `xxxx`, `REPLACE_ME`, `REPLACE_WITH_…`,
/// `CHANGE_ME`, `YOUR_API_ID`, `your-bucket`, or a whole value `TODO`/`FIXME`. (Called for every
/// segment of every string read: it allocates nothing.)
fn is_placeholder_word(segment: &str, whole: &str) -> bool {
    match segment.as_bytes().first().map(u8::to_ascii_lowercase) {
        // `xxxxxxxxxx`, `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`; not a long filler string.
        Some(b'x') => {
            segment.len() <= 64
                && segment
                    .split('-')
                    .all(|g| g.len() >= 3 && g.bytes().all(|b| b == b'x' || b == b'X'))
        }
        Some(b'y') => {
            segment.len() > 5
                && segment.get(..5).is_some_and(|p| {
                    p.eq_ignore_ascii_case("your-") || p.eq_ignore_ascii_case("your_")
                })
        }
        Some(b'r') => {
            compact_is(segment, "replaceme", false) || compact_is(segment, "replacewith", true)
        }
        Some(b'c') => compact_is(segment, "changeme", false),
        Some(b't' | b'f') => {
            segment == whole
                && (segment.eq_ignore_ascii_case("todo") || segment.eq_ignore_ascii_case("fixme"))
        }
        _ => false,
    }
}

/// True when `segment` without its `_` and `-`, in any case, is `word` (or starts with it).
fn compact_is(segment: &str, word: &str, prefix: bool) -> bool {
    let mut letters = segment
        .bytes()
        .filter(|b| *b != b'_' && *b != b'-')
        .map(|b| b.to_ascii_lowercase());
    let matched = word.bytes().all(|w| letters.next() == Some(w));
    matched && (prefix || letters.next().is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<String> {
        find(text).map(|f| f.parts).unwrap_or_default()
    }

    #[test]
    fn placeholders_are_found_with_their_shape() {
        let f = find("<api-id>.execute-api.<region>.amazonaws.com").expect("found");
        assert_eq!(f.shape, "{<api-id>}.execute-api.{<region>}.amazonaws.com");
        assert_eq!(f.parts, ["<api-id>", "<region>"]);
        let f = find("xxxxxxxxxx.execute-api.us-east-1.amazonaws.com").expect("found");
        assert_eq!(f.shape, "{xxxxxxxxxx}.execute-api.us-east-1.amazonaws.com");
        assert_eq!(
            parts("arn:aws:acm:us-east-1:YOUR_ACCOUNT_ID:certificate/REPLACE_ME"),
            ["YOUR_ACCOUNT_ID", "REPLACE_ME"]
        );
        assert_eq!(
            parts("REPLACE_WITH_CACHE_POLICY_ID"),
            ["REPLACE_WITH_CACHE_POLICY_ID"]
        );
        assert_eq!(parts("your-bucket.s3.amazonaws.com"), ["your-bucket"]);
        assert_eq!(parts("${Prefix}-api"), ["${Prefix}"]);
        assert_eq!(parts("TODO"), ["TODO"]);
        assert_eq!(parts("/<stage>"), ["<stage>"]);
        assert_eq!(
            parts("arn:aws:acm:us-east-1:123456789012:certificate/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"),
            ["xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"]
        );
    }

    #[test]
    fn real_values_are_not_placeholders() {
        for text in [
            "api.example.com",
            "abc123defg.execute-api.eu-west-1.amazonaws.com",
            "todo-api.example.com",
            "todo.example.com",
            "TODO: add logging later",
            "<b>bold</b> text",
            "${!Literal}",
            "{{resolve:ssm:/app/domain}}",
            "max-x.example.com",
            "xx.example.com",
            "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
            "arn:aws:acm:us-east-1:123456789012:certificate/abc",
            "yourdomain.com",
            &"x".repeat(1_800),
            "x-xx",
            "/api/*",
            "",
        ] {
            assert_eq!(find(text), None, "{text}");
        }
    }
}
