//! Sets of request paths written as patterns, and whether two of them share a path.
//!
//! A CloudFront path pattern (`*` any run of characters, `?` one character) and an API Gateway
//! route path (`{param}` one non-empty segment, `{proxy+}` one or more segments) are both
//! regular sets of paths. [`Pattern`] writes either as a list of tokens; [`shared_path`] walks
//! the two lists side by side (a product automaton) and returns the shortest path in both, or
//! `None` when they share none. That is a proof, not a sample: "no viewer path this behavior
//! admits lands on this route".

use crate::api::RouteKey;

/// Which characters a wildcard takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Any character.
    Any,
    /// Any character but `/` (inside one path segment).
    Segment,
}

impl Class {
    fn takes(self, c: char) -> bool {
        self == Class::Any || c != '/'
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Lit(char),
    One(Class),
    /// Zero or more characters of the class.
    Star(Class),
}

impl Tok {
    fn is_star(self) -> bool {
        matches!(self, Tok::Star(_))
    }
}

/// A character both tokens take, when there is one.
fn common(a: Tok, b: Tok) -> Option<char> {
    match (a, b) {
        (Tok::Lit(x), Tok::Lit(y)) => (x == y).then_some(x),
        (Tok::Lit(c), Tok::One(k) | Tok::Star(k)) | (Tok::One(k) | Tok::Star(k), Tok::Lit(c)) => {
            k.takes(c).then_some(c)
        }
        // Every class takes `x`.
        _ => Some('x'),
    }
}

/// A set of paths: a literal prefix followed by tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pattern {
    toks: Vec<Tok>,
}

impl Pattern {
    /// The paths equal to `text`.
    pub fn literal(text: &str) -> Self {
        Self {
            toks: text.chars().map(Tok::Lit).collect(),
        }
    }

    /// `self` followed by the literal `text`.
    pub fn then_literal(mut self, text: &str) -> Self {
        self.toks.extend(text.chars().map(Tok::Lit));
        self
    }

    /// `self` followed by the paths of `rest`.
    pub fn then(mut self, rest: &Pattern) -> Self {
        self.toks.extend_from_slice(&rest.toks);
        self
    }

    /// `self` followed by any run of characters.
    pub fn then_anything(mut self) -> Self {
        self.toks.push(Tok::Star(Class::Any));
        self
    }

    /// The viewer paths a CloudFront path pattern matches (a leading `/` on the pattern makes
    /// no difference), after `self`.
    pub fn then_path_pattern(mut self, pattern: &str) -> Self {
        self.toks.push(Tok::Lit('/'));
        self.toks
            .extend(pattern.trim_start_matches('/').chars().map(|c| match c {
                '*' => Tok::Star(Class::Any),
                '?' => Tok::One(Class::Any),
                c => Tok::Lit(c),
            }));
        self
    }

    /// The paths of a route template (`/items/{id}`, `/{proxy+}`) after `self`. The root
    /// template `/` gives `self` + `/` only (see [`route_paths`] for the stage root).
    pub fn then_template(mut self, template: &str) -> Self {
        let trimmed = template.trim_start_matches('/');
        if trimmed.is_empty() {
            self.toks.push(Tok::Lit('/'));
            return self;
        }
        for segment in trimmed.split('/') {
            self.toks.push(Tok::Lit('/'));
            match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) if name.ends_with('+') => {
                    self.toks.push(Tok::One(Class::Segment));
                    self.toks.push(Tok::Star(Class::Any));
                }
                Some(_) => {
                    self.toks.push(Tok::One(Class::Segment));
                    self.toks.push(Tok::Star(Class::Segment));
                }
                // A segment mixing text and braces: API Gateway does not route on it; taken as
                // any segment (resolution says "depends" for it).
                None if segment.contains(['{', '}']) => {
                    self.toks.push(Tok::One(Class::Segment));
                    self.toks.push(Tok::Star(Class::Segment));
                }
                None => self.toks.extend(segment.chars().map(Tok::Lit)),
            }
        }
        self
    }

    /// True when no path of `self` is a path of the route template `template` under `prefix`
    /// because their literal starts differ: [`shared_path`]'s first test, made without building
    /// the route's pattern (most routes of an API start apart from most behaviors).
    pub fn starts_apart(&self, prefix: &str, template: &str) -> bool {
        let trimmed = template.trim_start_matches('/');
        // The literal part of the template: up to the first segment with a parameter.
        let end: usize = trimmed
            .split('/')
            .take_while(|s| !s.contains(['{', '}']))
            .map(|s| s.len() + 1)
            .sum();
        let literal = trimmed.get(..end.min(trimmed.len())).unwrap_or_default();
        let lead = self.toks.iter().map_while(|t| match t {
            Tok::Lit(c) => Some(*c),
            _ => None,
        });
        let route = prefix.chars().chain(['/']).chain(literal.chars());
        !trimmed.is_empty() && lead.zip(route).any(|(a, b)| a != b)
    }

    /// The patterns that remain after the literal `text` was read from the start of `self`
    /// (one per way the wildcards can take it); empty when no path of `self` starts with it.
    pub fn after(&self, text: &str) -> Vec<Pattern> {
        let mut states = closure(&self.toks, vec![0]);
        for c in text.chars() {
            let next: Vec<usize> = states
                .iter()
                .filter_map(|&i| match self.toks.get(i) {
                    Some(&Tok::Lit(l)) if l == c => Some(i + 1),
                    Some(&Tok::One(k)) if k.takes(c) => Some(i + 1),
                    Some(&Tok::Star(k)) if k.takes(c) => Some(i),
                    _ => None,
                })
                .collect();
            states = closure(&self.toks, next);
            if states.is_empty() {
                break;
            }
        }
        // A state right after a wildcard of the set adds nothing: the wildcard can take nothing.
        let subsumed = |i: usize| i > 0 && self.toks[i - 1].is_star() && states.contains(&(i - 1));
        states
            .iter()
            .copied()
            .filter(|&i| !subsumed(i))
            .map(|i| Pattern {
                toks: self.toks[i..].to_vec(),
            })
            .collect()
    }

    /// True when `path` is one of the paths.
    pub fn matches(&self, path: &str) -> bool {
        self.after(path)
            .iter()
            .any(|rest| rest.toks.iter().all(|t| t.is_star()))
    }
}

/// The states reachable from `states` by skipping wildcards that take nothing, deduplicated.
fn closure(toks: &[Tok], mut states: Vec<usize>) -> Vec<usize> {
    let mut i = 0;
    while i < states.len() {
        let s = states[i];
        if toks.get(s).is_some_and(|t| t.is_star()) && !states.contains(&(s + 1)) {
            states.push(s + 1);
        }
        i += 1;
    }
    states.sort_unstable();
    states.dedup();
    states
}

/// The API paths a route takes under `prefix` (the stage or base path, `""` for none): one
/// pattern per alternative. `None` for a WebSocket route key, which is no path.
pub fn route_paths(prefix: &str, key: &RouteKey) -> Option<Vec<Pattern>> {
    match key {
        RouteKey::Http { path, .. } if path.trim_start_matches('/').is_empty() => {
            Some(stage_root(prefix))
        }
        RouteKey::Http { path, .. } => Some(vec![Pattern::literal(prefix).then_template(path)]),
        RouteKey::Default => Some(vec![Pattern::literal(prefix).then_anything()]),
        RouteKey::WebSocket { .. } => None,
    }
}

/// The root of a stage or base path: `prefix` itself and `prefix/` (`/` without a prefix).
pub fn stage_root(prefix: &str) -> Vec<Pattern> {
    if prefix.is_empty() {
        return vec![Pattern::literal("/")];
    }
    vec![
        Pattern::literal(prefix),
        Pattern::literal(prefix).then_literal("/"),
    ]
}

/// The shortest path in both `a` and `b`, or `None` when they share none.
pub fn shared_path(a: &Pattern, b: &Pattern) -> Option<String> {
    let (a, b) = (a.toks.as_slice(), b.toks.as_slice());
    // Most pairs differ in their literal starts (`/prod/orders` against `/prod/api/…`).
    let lead = |t: &[Tok]| -> usize { t.iter().take_while(|t| matches!(t, Tok::Lit(_))).count() };
    let n = lead(a).min(lead(b));
    if a[..n] != b[..n] {
        return None;
    }
    let width = b.len() + 1;
    let goal = (a.len() + 1) * width - 1;
    // For each state (i, j): the state it was first reached from and the character read.
    let mut from: Vec<Option<(usize, Option<char>)>> = vec![None; goal + 1];
    let mut queue = std::collections::VecDeque::from([0usize]);
    from[0] = Some((0, None));
    while let Some(state) = queue.pop_front() {
        if state == goal {
            let mut path = Vec::new();
            let mut at = state;
            while at != 0 {
                let Some((prev, c)) = from[at] else { break };
                path.extend(c);
                at = prev;
            }
            return Some(path.into_iter().rev().collect());
        }
        let (i, j) = (state / width, state % width);
        let (x, y) = (a.get(i).copied(), b.get(j).copied());
        let mut next = Vec::with_capacity(3);
        if x.is_some_and(Tok::is_star) {
            next.push((i + 1, j, None));
        }
        if y.is_some_and(Tok::is_star) {
            next.push((i, j + 1, None));
        }
        if let (Some(x), Some(y)) = (x, y) {
            // Two wildcards that both stay would read without progress.
            if !(x.is_star() && y.is_star()) {
                if let Some(c) = common(x, y) {
                    let i2 = if x.is_star() { i } else { i + 1 };
                    let j2 = if y.is_star() { j } else { j + 1 };
                    next.push((i2, j2, Some(c)));
                }
            }
        }
        for (i2, j2, c) in next {
            let to = i2 * width + j2;
            if from[to].is_none() {
                from[to] = Some((state, c));
                queue.push_back(to);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer(origin_path: &str, pattern: &str) -> Pattern {
        Pattern::literal(origin_path).then_path_pattern(pattern)
    }

    fn route(prefix: &str, key: &str) -> Vec<Pattern> {
        route_paths(prefix, &RouteKey::parse_http(key).unwrap()).unwrap()
    }

    fn shared(a: &Pattern, routes: &[Pattern]) -> Option<String> {
        routes.iter().find_map(|r| shared_path(a, r))
    }

    #[test]
    fn a_prefix_that_reaches_the_api_unstripped_meets_no_route() {
        let api = viewer("/prod", "/api/*");
        assert_eq!(shared(&api, &route("/prod", "GET /orders")), None);
        assert_eq!(shared(&api, &route("/prod", "GET /orders/{id}")), None);
        assert_eq!(
            shared(&api, &route("/prod", "GET /api/orders")).as_deref(),
            Some("/prod/api/orders")
        );
        assert_eq!(
            shared(&api, &route("/prod", "ANY /{proxy+}")).as_deref(),
            Some("/prod/api/")
        );
        // `/api/*` never matches `/api` itself, so the `/api` resource is out of reach.
        assert_eq!(shared(&api, &route("/prod", "GET /api")), None);
    }

    #[test]
    fn routes_start_apart_only_when_they_share_no_path() {
        let viewers = [
            viewer("/prod", "/api/*"),
            viewer("", "/items/*/photos"),
            viewer("", "/items/?"),
            viewer("/v1", "*"),
            viewer("", "/a{b}/x"),
        ];
        let templates = [
            "/",
            "/api",
            "/api/orders",
            "/orders/{id}",
            "/{proxy+}",
            "/items/{id}/photos",
            "/items/{id}",
            "/items",
            "//items",
            "/a{b}/x",
            "/x/a{b}",
            "/v1/api/{p}",
        ];
        for v in &viewers {
            for prefix in ["", "/prod", "/v1"] {
                for t in templates {
                    let key = RouteKey::parse_http(&format!("GET {t}")).unwrap();
                    let none = route_paths(prefix, &key)
                        .unwrap()
                        .iter()
                        .all(|r| shared_path(v, r).is_none());
                    // Apart is a proof of no shared path; the other way round it may say less.
                    if v.starts_apart(prefix, t) {
                        assert!(none, "{v:?} {prefix} {t}");
                    }
                }
            }
        }
        assert!(viewer("/prod", "/api/*").starts_apart("/prod", "/orders/{id}"));
        assert!(!viewer("/prod", "/api/*").starts_apart("/prod", "/api/{id}"));
        assert!(!viewer("/prod", "/api/*").starts_apart("/prod", "/{proxy+}"));
        assert!(viewer("/prod", "/api/*").starts_apart("/test", "/api/{id}"));
    }

    #[test]
    fn parameters_take_one_segment_and_greedy_ones_the_rest() {
        let items = viewer("", "/items/*/photos");
        assert!(shared(&items, &route("", "GET /items/{id}/photos")).is_some());
        assert!(shared(&items, &route("", "GET /items/{id}")).is_none());
        assert!(shared(&items, &route("", "GET /{proxy+}")).is_some());
        let one = viewer("", "/items/?");
        assert_eq!(
            shared(&one, &route("", "GET /items/{id}")).as_deref(),
            Some("/items/x")
        );
        assert!(shared(&one, &route("", "GET /items/{id}/photos")).is_none());
        // A parameter never takes an empty segment.
        assert!(shared(&viewer("", "/items/"), &route("", "GET /items/{id}")).is_none());
    }

    #[test]
    fn stage_roots_the_default_route_and_the_default_behavior() {
        let all = viewer("/prod", "*");
        assert_eq!(
            shared(&all, &route("/prod", "GET /")).as_deref(),
            Some("/prod/")
        );
        assert_eq!(
            shared(&viewer("", "/prod*"), &route("/prod", "GET /")).as_deref(),
            Some("/prod")
        );
        assert!(shared(&viewer("", "*"), &route("", "$default")).is_some());
        assert_eq!(
            shared(&viewer("", "/v1*"), &stage_root("/v1")).as_deref(),
            Some("/v1")
        );
        assert!(shared(&viewer("", "/v2/*"), &route("/v1", "$default")).is_none());
        assert!(shared(&viewer("/prod", "*.json"), &route("/prod", "GET /{file}")).is_some());
        assert!(shared(&viewer("/prod", "*.json"), &route("/prod", "GET /items")).is_none());
    }

    #[test]
    fn what_remains_after_a_prefix() {
        let pattern = viewer("", "/api/*");
        let rest = pattern.after("/api/");
        assert_eq!(rest.len(), 1);
        assert!(rest[0].matches("orders/1"));
        assert!(pattern.after("/web/").is_empty());
        assert!(pattern.matches("/api/x") && !pattern.matches("/api"));
        assert!(viewer("", "*").matches("/"));
        assert!(!viewer("", "/a?c").matches("/abbc"));
    }

    /// The product walk agrees with matching every candidate path against both patterns.
    #[test]
    fn shared_paths_agree_with_brute_force() {
        let patterns = [
            "*", "/a/*", "/a*", "/a/?", "*/b", "/a/*/c", "?", "/b/*.x", "/a/b", "/*/b/*",
        ];
        let routes = [
            "GET /",
            "GET /a",
            "GET /a/b",
            "GET /a/{x}",
            "GET /{x}/b",
            "GET /a/{x}/c",
            "ANY /{p+}",
            "GET /b/{f}",
            "$default",
            "GET /a/{x}/{y}",
        ];
        let alphabet = ["a", "b", "c", "x", ".x", "/"];
        let mut candidates = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = candidates
                .iter()
                .flat_map(|c| alphabet.iter().map(move |a| format!("{c}{a}")))
                .collect();
            candidates.extend(longer);
            candidates.sort();
            candidates.dedup();
        }
        for p in patterns {
            let v = viewer("", p);
            for r in routes {
                for rp in route("", r) {
                    let brute = candidates
                        .iter()
                        .map(|c| format!("/{c}"))
                        .any(|path| v.matches(&path) && rp.matches(&path));
                    let found = shared_path(&v, &rp);
                    if let Some(path) = &found {
                        assert!(v.matches(path) && rp.matches(path), "{p} {r}: {path}");
                    }
                    // The brute force only tries short paths: it may miss a longer one.
                    if brute {
                        assert!(found.is_some(), "{p} {r}: none found");
                    }
                }
            }
        }
    }
}
