//! Strings known only in part ("shapes"): literal text with holes for what is not known, such
//! as `https://{api id}.execute-api.{region}.amazonaws.com/{stage}` for an
//! `aws_api_gateway_stage`'s `invoke_url`. The string functions Terraform modules apply to
//! hosts and URLs (`replace`, `trimprefix`, `trimsuffix`, `split`, `lower`, …) are computed on
//! shapes exactly: when the result could depend on what a hole holds, it is unknown.

/// What an unknown part of a shape can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hole {
    /// A non-empty part of one DNS label or path segment: letters, digits, `-`, `_`, `$` (API
    /// ids, regions, stage names).
    Label,
    /// A non-empty host name: labels and dots (bucket names, distribution and load balancer
    /// names).
    Host,
    /// Any string, possibly empty (a variable without a value).
    Any,
}

impl Hole {
    /// True when the hole may hold `c`.
    fn allows(self, c: char) -> bool {
        let label = c.is_ascii_alphanumeric() || matches!(c, '-' | '_');
        match self {
            Hole::Label => label || c == '$',
            Hole::Host => label || c == '.',
            Hole::Any => true,
        }
    }
}

/// A part of a shape.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Seg {
    Text(String),
    Hole(Hole),
}

/// What a host refers to in the same module.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Refs {
    /// The API resource whose endpoint this is (`aws_apigatewayv2_api.http`).
    pub api: Option<String>,
    /// The Lambda function URL resource whose URL this is.
    pub lambda_url: Option<String>,
    /// The distribution whose domain name this is (`aws_cloudfront_distribution.front`).
    pub distribution: Option<String>,
    /// The value is the domain name of an API Gateway custom domain of the module.
    pub custom_domain: bool,
}

impl Refs {
    /// What `self` and `other` refer to together (the first of two different references).
    fn merge(self, other: Refs) -> Refs {
        Refs {
            api: self.api.or(other.api),
            lambda_url: self.lambda_url.or(other.lambda_url),
            distribution: self.distribution.or(other.distribution),
            custom_domain: self.custom_domain || other.custom_domain,
        }
    }
}

/// A string of literal text and holes, with what it refers to.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Shape {
    segs: Vec<Seg>,
    pub refs: Refs,
}

/// The text that stands for a hole in [`Shape::pattern`] (what
/// [`crate::parse::distribution::classify_shape`] reads as a placeholder).
const PLACEHOLDER: &str = "{…}";

impl Shape {
    /// Known text.
    pub fn text(s: &str) -> Shape {
        Shape::default().then_text(s)
    }

    /// One hole.
    pub fn hole(h: Hole) -> Shape {
        Shape::default().then_hole(h)
    }

    /// This shape followed by text.
    pub fn then_text(mut self, s: &str) -> Shape {
        if s.is_empty() {
            return self;
        }
        match self.segs.last_mut() {
            Some(Seg::Text(t)) => t.push_str(s),
            _ => self.segs.push(Seg::Text(s.to_string())),
        }
        self
    }

    /// This shape followed by a hole.
    pub fn then_hole(mut self, h: Hole) -> Shape {
        self.segs.push(Seg::Hole(h));
        self
    }

    /// This shape followed by another.
    pub fn then(mut self, other: Shape) -> Shape {
        for seg in other.segs {
            self = match seg {
                Seg::Text(t) => self.then_text(&t),
                Seg::Hole(h) => self.then_hole(h),
            };
        }
        self.refs = self.refs.merge(other.refs);
        self
    }

    /// With these references.
    pub fn with_refs(mut self, refs: Refs) -> Shape {
        self.refs = refs;
        self
    }

    /// The text with `{…}` for each hole.
    pub fn pattern(&self) -> String {
        self.segs
            .iter()
            .map(|s| match s {
                Seg::Text(t) => t.as_str(),
                Seg::Hole(_) => PLACEHOLDER,
            })
            .collect()
    }

    /// True when the known text holds a character that no host name has (`/`, `:`, a space):
    /// the value is a URL or a host with a path, whatever the holes hold.
    pub fn is_not_a_host(&self) -> bool {
        self.segs.iter().any(|s| match s {
            Seg::Text(t) => t.contains(['/', ':']) || t.contains(char::is_whitespace),
            Seg::Hole(_) => false,
        })
    }

    /// True when the value cannot be empty.
    pub fn is_non_empty(&self) -> bool {
        self.segs.iter().any(|s| match s {
            Seg::Text(t) => !t.is_empty(),
            Seg::Hole(h) => *h != Hole::Any,
        })
    }

    /// Each literal text mapped by `f` (holes stay: `lower`, `upper`).
    pub fn map_text(mut self, f: impl Fn(&str) -> String) -> Shape {
        for seg in &mut self.segs {
            if let Seg::Text(t) = seg {
                *t = f(t);
            }
        }
        self
    }

    /// `replace(self, from, to)` for a plain (not regex) `from`; `None` when the result depends
    /// on what a hole holds.
    pub fn replace(&self, from: &str, to: &str) -> Option<Shape> {
        if from.is_empty() {
            return None;
        }
        let mut out = Shape::default().with_refs(self.refs.clone());
        for (i, seg) in self.segs.iter().enumerate() {
            match seg {
                Seg::Text(t) => {
                    let hole_before = i > 0;
                    let hole_after = i + 1 < self.segs.len();
                    if straddles(t, from, hole_before, hole_after) {
                        return None;
                    }
                    out = out.then_text(&t.replace(from, to));
                }
                Seg::Hole(h) => {
                    // A match inside the hole leaves it unknown, though no longer of its kind.
                    let inside = from.chars().all(|c| h.allows(c));
                    out = out.then_hole(if inside { Hole::Any } else { *h });
                }
            }
        }
        Some(out)
    }

    /// `trimprefix(self, prefix)`; `None` when the result depends on a hole.
    pub fn trim_prefix(&self, prefix: &str) -> Option<Shape> {
        let mut segs = self.segs.clone();
        match segs.first_mut() {
            None => {}
            Some(Seg::Text(t)) => {
                if let Some(rest) = t.strip_prefix(prefix) {
                    *t = rest.to_string();
                } else if prefix.starts_with(t.as_str()) && segs.len() > 1 {
                    return None;
                }
            }
            Some(Seg::Hole(h))
                if *h == Hole::Any || prefix.chars().next().is_some_and(|c| h.allows(c)) =>
            {
                return None;
            }
            Some(Seg::Hole(_)) => {}
        }
        Some(Shape::rebuild(segs, self.refs.clone()))
    }

    /// `trimsuffix(self, suffix)`; `None` when the result depends on a hole.
    pub fn trim_suffix(&self, suffix: &str) -> Option<Shape> {
        let mut segs = self.segs.clone();
        let n = segs.len();
        match segs.last_mut() {
            None => {}
            Some(Seg::Text(t)) => {
                if let Some(rest) = t.strip_suffix(suffix) {
                    *t = rest.to_string();
                } else if suffix.ends_with(t.as_str()) && n > 1 {
                    return None;
                }
            }
            Some(Seg::Hole(h))
                if *h == Hole::Any || suffix.chars().last().is_some_and(|c| h.allows(c)) =>
            {
                return None;
            }
            Some(Seg::Hole(_)) => {}
        }
        Some(Shape::rebuild(segs, self.refs.clone()))
    }

    /// `split(sep, self)`; `None` when a hole could hold part of a separator.
    pub fn split(&self, sep: &str) -> Option<Vec<Shape>> {
        if sep.is_empty() {
            return None;
        }
        let holes_clear = self.segs.iter().all(|s| match s {
            Seg::Hole(h) => sep.chars().all(|c| !h.allows(c)),
            Seg::Text(_) => true,
        });
        if !holes_clear {
            return None;
        }
        let mut parts = vec![Shape::default().with_refs(self.refs.clone())];
        for seg in &self.segs {
            match seg {
                Seg::Hole(h) => {
                    let last = parts.pop()?;
                    parts.push(last.then_hole(*h));
                }
                Seg::Text(t) => {
                    let mut pieces = t.split(sep);
                    if let Some(first) = pieces.next() {
                        let last = parts.pop()?;
                        parts.push(last.then_text(first));
                    }
                    for piece in pieces {
                        parts.push(Shape::text(piece).with_refs(self.refs.clone()));
                    }
                }
            }
        }
        Some(parts)
    }

    /// The host of a URL shape (`scheme://host/…`): the part between `://` and the next `/`.
    /// `None` unless the scheme is literal text and no hole before the path could hold a `/`.
    pub fn url_host(&self) -> Option<Shape> {
        let mut segs = self.segs.iter();
        let Some(Seg::Text(first)) = segs.next() else {
            return None;
        };
        let (_, after_scheme) = first.split_once("://")?;
        let mut host = Shape::default().with_refs(self.refs.clone());
        let mut pending = Some(after_scheme.to_string());
        loop {
            if let Some(t) = pending.take() {
                match t.split_once('/') {
                    Some((before, _)) => return Some(host.then_text(before)),
                    None => host = host.then_text(&t),
                }
            }
            match segs.next() {
                None => return Some(host),
                Some(Seg::Hole(Hole::Any)) => return None,
                Some(Seg::Hole(h)) => host = host.then_hole(*h),
                Some(Seg::Text(t)) => pending = Some(t.clone()),
            }
        }
    }

    /// A shape from segments (empty texts dropped, neighbours merged).
    fn rebuild(segs: Vec<Seg>, refs: Refs) -> Shape {
        let mut out = Shape::default().with_refs(refs);
        for seg in segs {
            out = match seg {
                Seg::Text(t) => out.then_text(&t),
                Seg::Hole(h) => out.then_hole(h),
            };
        }
        out
    }
}

/// True when an occurrence of `pattern` could lie partly in `text` and partly in a neighbouring
/// hole (`hole_before` / `hole_after` say which neighbours are holes).
fn straddles(text: &str, pattern: &str, hole_before: bool, hole_after: bool) -> bool {
    let (t, p) = (text.as_bytes(), pattern.as_bytes());
    let (tl, pl) = (t.len() as isize, p.len() as isize);
    // `pattern` placed at offset `at` of `text`, sticking out on at least one side.
    (1 - pl..tl).any(|at| {
        let out_before = at < 0;
        let out_after = at + pl > tl;
        if !(out_before || out_after) || (out_before && !hole_before) || (out_after && !hole_after)
        {
            return false;
        }
        (at.max(0)..(at + pl).min(tl)).all(|i| t.get(i as usize) == p.get((i - at) as usize))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `https://{id}.execute-api.{region}.amazonaws.com/prod`.
    fn invoke_url() -> Shape {
        Shape::text("https://")
            .then_hole(Hole::Label)
            .then_text(".execute-api.")
            .then_hole(Hole::Label)
            .then_text(".amazonaws.com/prod")
    }

    #[test]
    fn removing_the_scheme_leaves_a_host_with_a_path() {
        let host = invoke_url().replace("https://", "").unwrap();
        assert_eq!(host.pattern(), "{…}.execute-api.{…}.amazonaws.com/prod");
        assert!(host.is_not_a_host());
        let trimmed = invoke_url().trim_prefix("https://").unwrap();
        assert_eq!(trimmed, host);
        // A prefix that is not there changes nothing.
        assert_eq!(invoke_url().trim_prefix("http://").unwrap(), invoke_url());
    }

    #[test]
    fn splitting_by_slash_gives_the_host() {
        let parts = invoke_url().split("/").unwrap();
        let patterns: Vec<String> = parts.iter().map(Shape::pattern).collect();
        assert_eq!(
            patterns,
            ["https:", "", "{…}.execute-api.{…}.amazonaws.com", "prod"]
        );
        assert!(!parts[2].is_not_a_host());
        assert_eq!(invoke_url().url_host(), Some(parts[2].clone()));
        // A hole that may hold a slash makes the split unknown.
        let any = Shape::text("https://").then_hole(Hole::Any);
        assert_eq!(any.split("/"), None);
        assert_eq!(any.url_host(), None);
    }

    #[test]
    fn results_that_depend_on_a_hole_are_unknown() {
        // `…/` + hole: whether `/p` occurs depends on the hole.
        let s = Shape::text("a/").then_hole(Hole::Label);
        assert_eq!(s.replace("/p", ""), None);
        assert_eq!(Shape::hole(Hole::Any).trim_prefix("https://"), None);
        let trailing = Shape::hole(Hole::Label).then_text(".on.aws/");
        assert_eq!(trailing.trim_suffix("/").unwrap().pattern(), "{…}.on.aws");
        // A label hole never holds `:` or `/`, so `https://` cannot hide in it.
        let label = Shape::hole(Hole::Label).then_text(".x");
        assert_eq!(label.replace("https://", "").unwrap(), label);
        // But a dash can: the hole is no longer a plain label.
        assert_eq!(
            label.replace("-", "").unwrap().pattern(),
            "{…}.x",
            "still a hole"
        );
    }

    #[test]
    fn straddling_is_found_on_either_side() {
        assert!(straddles("ab", "bc", false, true));
        assert!(!straddles("ab", "bc", true, false));
        assert!(straddles("bc", "ab", true, false));
        assert!(!straddles("xyz", "y", true, true), "inside the text only");
        assert!(
            straddles("y", "xyz", true, true),
            "the text inside the match"
        );
    }
}
