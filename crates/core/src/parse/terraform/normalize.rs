//! The source text of an unevaluated expression with its layout normalised, so that the same
//! expression written twice (`"${local.name}-api"` in an origin and in a behavior) compares
//! equal however it is spaced or wrapped.
//!
//! Outside string literals every run of whitespace and comments becomes one space, and none is
//! kept next to brackets, before `,`, `.` or `[`, after `.` or at either end. String literal
//! text (and template literal text) is kept exactly; interpolations inside it are normalised.

/// What the scanner is inside.
#[derive(Debug, Clone, Copy, PartialEq)]
enum In {
    /// Expression code; the `usize` counts open braces, so the `}` closing an interpolation is
    /// told from one closing an object.
    Code(usize),
    /// A quoted string literal or template.
    Quoted,
}

/// The normalised text of an expression's source.
pub(super) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut stack = vec![In::Code(0)];
    let mut pending_space = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let state = *stack.last().unwrap_or(&In::Code(0));
        match state {
            In::Quoted => {
                out.push(c);
                match c {
                    '\\' => {
                        if let Some((_, escaped)) = chars.next() {
                            out.push(escaped);
                        }
                    }
                    '"' => {
                        stack.pop();
                    }
                    // `${` / `%{` open an interpolation or directive; `$${` is an escape.
                    '$' | '%'
                        if chars.peek().map(|&(_, n)| n) == Some('{')
                            && !text[..i].ends_with(c) =>
                    {
                        chars.next();
                        out.push('{');
                        stack.push(In::Code(0));
                    }
                    _ => {}
                }
            }
            In::Code(depth) => {
                let rest = &text[i..];
                if c.is_whitespace() {
                    pending_space = true;
                    continue;
                }
                if c == '#' || rest.starts_with("//") {
                    while chars.peek().is_some_and(|&(_, n)| n != '\n') {
                        chars.next();
                    }
                    pending_space = true;
                    continue;
                }
                if rest.starts_with("/*") {
                    let end = rest.find("*/").map_or(text.len(), |p| i + p + 2);
                    while chars.peek().is_some_and(|&(j, _)| j < end) {
                        chars.next();
                    }
                    pending_space = true;
                    continue;
                }
                if pending_space && needs_space(out.chars().last(), c) {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
                match c {
                    '"' => stack.push(In::Quoted),
                    '{' => {
                        if let Some(In::Code(d)) = stack.last_mut() {
                            *d += 1;
                        }
                    }
                    '}' if depth == 0 && stack.len() > 1 => {
                        stack.pop();
                    }
                    '}' => {
                        if let Some(In::Code(d)) = stack.last_mut() {
                            *d = d.saturating_sub(1);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

/// True when a space between `before` and `next` is kept: not after an opening bracket or `.`,
/// not before a closing bracket, `,` or `.`, and not before `[` when it indexes (follows a name
/// or a closing bracket).
fn needs_space(before: Option<char>, next: char) -> bool {
    let Some(b) = before else {
        return false;
    };
    let indexes = next == '[' && (b.is_alphanumeric() || matches!(b, '_' | ')' | ']' | '}' | '"'));
    !matches!(b, '(' | '[' | '{' | '.') && !matches!(next, ')' | ']' | '}' | ',' | '.') && !indexes
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn layout_is_normalised_outside_strings() {
        assert_eq!(
            normalize("\"${ local.name }-api\""),
            "\"${local.name}-api\""
        );
        assert_eq!(
            normalize("format( \"%s-api\" ,\n    var.name )"),
            "format(\"%s-api\", var.name)"
        );
        assert_eq!(
            normalize("var.use_domain  ?  local.a   :   local.b # pick one"),
            "var.use_domain ? local.a : local.b"
        );
        assert_eq!(
            normalize("aws_api_gateway_rest_api.api .id"),
            "aws_api_gateway_rest_api.api.id"
        );
        assert_eq!(
            normalize("{\n  a = 1\n  b = 2\n}[\"a\"]"),
            "{a = 1 b = 2}[\"a\"]"
        );
        assert_eq!(
            normalize("lookup(var.m, /* key */ \"k\")"),
            "lookup(var.m, \"k\")"
        );
        assert_eq!(
            normalize("join(\".\",  [ a, \"b\" ])  [0]"),
            "join(\".\", [a, \"b\"])[0]"
        );
    }

    #[test]
    fn string_text_is_kept_exactly() {
        assert_eq!(
            normalize("\"a  b \\\" ${ x }  c\""),
            "\"a  b \\\" ${x}  c\""
        );
        assert_eq!(
            normalize("\"$${not} ${ { a = 1 }[\"a\"] }\""),
            "\"$${not} ${{a = 1}[\"a\"]}\""
        );
    }
}
