//! Request paths and the path templates of routes and resources.

/// One segment of a resource path or route path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Segment<'a> {
    /// Matches itself only (case-sensitive).
    Literal(&'a str),
    /// `{name}`: any one non-empty segment.
    Param,
    /// `{name+}`: one or more segments, to the end of the path.
    Greedy,
    /// A segment that mixes text and braces (`{id}.json`): API Gateway does not route on it.
    Mixed(&'a str),
}

impl<'a> Segment<'a> {
    /// Reads one segment of a template.
    pub fn parse(text: &'a str) -> Segment<'a> {
        match text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            Some(inner) if inner.ends_with('+') && !inner.contains(['{', '}']) => Segment::Greedy,
            Some(inner) if !inner.contains(['{', '}', '+']) => Segment::Param,
            _ if text.contains(['{', '}']) => Segment::Mixed(text),
            _ => Segment::Literal(text),
        }
    }

    /// True for `{name}` and `{name+}`.
    pub fn is_variable(self) -> bool {
        matches!(self, Segment::Param | Segment::Greedy)
    }
}

/// The segments of a path template (`/items/{id}` → `items`, `{id}`); `/` has none.
pub(crate) fn template(path: &str) -> Vec<Segment<'_>> {
    split(path).into_iter().map(Segment::parse).collect()
}

/// The segments of a request path (`/prod/items/` → `prod`, `items`, ``); `/` and the empty
/// path have none. A trailing `/` gives an empty last segment.
pub(crate) fn split(path: &str) -> Vec<&str> {
    let trimmed = path.strip_prefix('/').unwrap_or(path);
    if trimmed.is_empty() {
        return Vec::new();
    }
    trimmed.split('/').collect()
}

/// Joins segments back into a path that starts with `/`.
pub(crate) fn join(segments: &[&str]) -> String {
    let mut out = String::with_capacity(segments.iter().map(|s| s.len() + 1).sum::<usize>() + 1);
    for s in segments {
        out.push('/');
        out.push_str(s);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// A base path of an API mapping as segments: `(none)`, empty and `/` map the root.
pub(crate) fn base_path(text: &str) -> Vec<&str> {
    let t = text.trim().trim_matches('/');
    if t.is_empty() || t == "(none)" {
        return Vec::new();
    }
    t.split('/').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_and_paths() {
        assert_eq!(
            template("/items/{id}/{proxy+}"),
            vec![Segment::Literal("items"), Segment::Param, Segment::Greedy]
        );
        assert_eq!(
            template("/a/{id}.json"),
            vec![Segment::Literal("a"), Segment::Mixed("{id}.json")]
        );
        assert!(template("/").is_empty());
        assert_eq!(split("/prod/items/"), vec!["prod", "items", ""]);
        assert!(split("").is_empty());
        assert_eq!(join(&["a", "b"]), "/a/b");
        assert_eq!(join(&[]), "/");
        assert!(base_path("(none)").is_empty());
        assert_eq!(base_path("/orders/v1/"), vec!["orders", "v1"]);
    }

    #[test]
    fn braces_that_are_not_one_whole_variable_are_mixed() {
        // A `+` that does not end the name, or nested braces, is no path variable.
        assert_eq!(Segment::parse("{a+b}"), Segment::Mixed("{a+b}"));
        assert_eq!(Segment::parse("{{id}}"), Segment::Mixed("{{id}}"));
        assert_eq!(Segment::parse("{{id}+}"), Segment::Mixed("{{id}+}"));
        assert_eq!(Segment::parse("id}"), Segment::Mixed("id}"));
        assert_eq!(Segment::parse("{id+}"), Segment::Greedy);
    }

    #[test]
    fn only_path_variables_are_variable() {
        // Route priority ranks a literal segment above `{param}` and `{proxy+}`.
        assert!(Segment::Param.is_variable());
        assert!(Segment::Greedy.is_variable());
        assert!(!Segment::Literal("items").is_variable());
        assert!(!Segment::Mixed("{id}.json").is_variable());
    }

    #[test]
    fn root_base_paths_and_paths() {
        // Every spelling of the root base path maps the root.
        for root in ["", "/", " / ", "(none)", "/(none)/"] {
            assert!(base_path(root).is_empty(), "{root:?}");
        }
        assert_eq!(base_path("v1"), vec!["v1"]);
        // A path without a leading `/` splits the same way.
        assert_eq!(split("a/b"), vec!["a", "b"]);
        assert!(split("/").is_empty());
        assert_eq!(join(&[""]), "/");
        assert_eq!(join(&["", "a"]), "//a");
    }
}
