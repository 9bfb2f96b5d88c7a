//! What a rule sees while checking one distribution, with the helpers rules share.

use super::edit::Editor;
use super::finding::Finding;
use super::rule::Rule;
use crate::forwarding::{self, Forwarding};
use crate::model::{Behavior, Distribution, Document, Format, Link, Note, NoteKind, Origin};
use crate::rules::behind::{self, Behind};
use crate::span::Span;
use crate::value::{Unknown, Val};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;

/// The input of a rule: the whole document, its text, and the distribution being checked.
#[derive(Debug)]
pub struct LintContext<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub dist: &'a Distribution,
    /// [`forwarding::effective`] of each behavior of `dist` (default first), computed the
    /// first time a rule asks: several rules ask for the same behaviors.
    forwardings: Vec<OnceCell<Forwarding>>,
    /// [`Distribution::link`] of each behavior of `dist`, resolved the first time a rule asks.
    links: Vec<OnceCell<Vec<&'a Origin>>>,
    /// [`behind::behind`] of each behavior of `dist`: what its API origins lead to, worked out
    /// the first time a rule asks (several rules judge the same behaviors by it).
    behinds: Vec<OnceCell<Vec<Behind<'a>>>>,
}

impl<'a> LintContext<'a> {
    /// A context for checking `dist` of `doc`, parsed from `text`.
    pub fn new(doc: &'a Document, text: &'a str, dist: &'a Distribution) -> Self {
        Self {
            doc,
            text,
            dist,
            forwardings: dist.all_behaviors().map(|_| OnceCell::new()).collect(),
            links: dist.all_behaviors().map(|_| OnceCell::new()).collect(),
            behinds: dist.all_behaviors().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The API origins of `behavior` and what is behind each ([`behind::behind`]), worked out
    /// once per behavior. Empty for a behavior of another distribution.
    pub fn behind(&self, behavior: &'a Behavior) -> &[Behind<'a>] {
        self.behavior_index(behavior)
            .and_then(|i| self.behinds.get(i))
            .map_or(&[], |cell| {
                cell.get_or_init(|| behind::behind(self, behavior))
            })
    }

    /// The input format.
    pub fn format(&self) -> Format {
        self.doc.format
    }

    /// A format-aware editor of the source text, for fixes.
    pub fn editor(&self) -> Editor<'a> {
        Editor::new(self.text, self.doc.format)
    }

    /// Every origin a behavior can reach: its target origin, or the members of its target
    /// origin group, linked by value or by the same expression ([`Distribution::link`]).
    /// Empty when the target is missing or cannot be linked (`target-origin-unknown` and
    /// `target-origin-unlinked` report those).
    pub fn origins_of(&self, behavior: &Behavior) -> Cow<'_, [&'a Origin]> {
        let linked = || match self.dist.link(behavior) {
            Link::Origins(origins) => origins,
            Link::Missing | Link::Unlinked => Vec::new(),
        };
        match self
            .behavior_index(behavior)
            .and_then(|i| self.links.get(i))
        {
            Some(cell) => Cow::Borrowed(cell.get_or_init(linked)),
            None => Cow::Owned(linked()),
        }
    }

    /// The notes of `kind` about the input (of every combination of condition values), each
    /// once.
    pub fn notes(&self, kind: NoteKind) -> Vec<&'a Note> {
        let mut seen = std::collections::HashSet::new();
        std::iter::once(self.doc)
            .chain(&self.doc.variants)
            .flat_map(|d| &d.notes)
            .filter(|n| n.kind == kind && seen.insert((n.span.start, n.span.end)))
            .collect()
    }

    /// The origin a behavior sends requests to (the first member of an origin group).
    pub fn origin_of(&self, behavior: &Behavior) -> Option<&'a Origin> {
        self.origins_of(behavior).first().copied()
    }

    /// True when the behavior reaches an API Gateway or Lambda function URL origin.
    pub fn is_api_behavior(&self, behavior: &Behavior) -> bool {
        self.origins_of(behavior).iter().any(|o| o.kind.0.is_api())
    }

    /// The behaviors (default first) that reach an API origin, with that origin.
    pub fn api_behaviors(&self) -> Vec<(&'a Behavior, &'a Origin)> {
        self.dist
            .all_behaviors()
            .filter_map(|b| {
                self.origins_of(b)
                    .iter()
                    .find(|o| o.kind.0.is_api())
                    .map(|&o| (b, o))
            })
            .collect()
    }

    /// True when any behavior reaches an API origin.
    pub fn has_api_behavior(&self) -> bool {
        self.dist.all_behaviors().any(|b| self.is_api_behavior(b))
    }

    /// What the behavior forwards to its origin and keys its cache on.
    pub fn forwarding(&self, behavior: &Behavior) -> Cow<'_, Forwarding> {
        match self
            .behavior_index(behavior)
            .and_then(|i| self.forwardings.get(i))
        {
            Some(cell) => {
                Cow::Borrowed(cell.get_or_init(|| forwarding::effective(self.doc, behavior)))
            }
            None => Cow::Owned(forwarding::effective(self.doc, behavior)),
        }
    }

    /// The position of `behavior` in `dist.all_behaviors()`, found by address (in constant
    /// time: rules ask for every behavior); `None` for a behavior of another distribution.
    fn behavior_index(&self, behavior: &Behavior) -> Option<usize> {
        let default = usize::from(self.dist.default_behavior.is_some());
        if self
            .dist
            .default_behavior
            .as_ref()
            .is_some_and(|d| std::ptr::eq(d, behavior))
        {
            return Some(0);
        }
        let size = std::mem::size_of::<Behavior>().max(1);
        let offset = (behavior as *const Behavior as usize)
            .checked_sub(self.dist.behaviors.as_ptr() as usize)?;
        let i = offset / size;
        let found = self.dist.behaviors.get(i)?;
        std::ptr::eq(found, behavior).then_some(i + default)
    }

    /// The behaviors that target `origin`.
    pub fn behaviors_of(&self, origin: &Origin) -> Vec<&'a Behavior> {
        self.dist
            .all_behaviors()
            .filter(|b| self.origins_of(b).iter().any(|o| std::ptr::eq(*o, origin)))
            .collect()
    }

    /// A finding of `rule` at `span`/`path` with the rule's default severity.
    pub fn finding(
        &self,
        rule: &Rule,
        span: Span,
        path: impl fmt::Display,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule: rule.slug.into(),
            severity: rule.default_severity,
            message: message.into(),
            span,
            path: path.to_string(),
            distribution: self.dist.name.clone(),
            related: Vec::new(),
            fix: None,
        }
    }
}

/// How a behavior is named in messages: "default behavior" or "behavior `/api/*`" (written
/// into the message, not into a string of its own).
pub fn behavior_name(behavior: &Behavior) -> BehaviorName<'_> {
    BehaviorName(behavior)
}

/// See [`behavior_name`].
#[derive(Clone, Copy)]
pub struct BehaviorName<'a>(&'a Behavior);

impl fmt::Display for BehaviorName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.path_pattern {
            None => f.write_str("default behavior"),
            Some(p) => match p.get() {
                Some(pattern) => write!(f, "behavior `{pattern}`"),
                None => f.write_str("behavior with an unknown path pattern"),
            },
        }
    }
}

/// How an origin is named in messages: "origin `orders-api`", or by the expression of an id
/// that is not known: "origin `${ServiceName}-api`".
pub fn origin_name(origin: &Origin) -> OriginName<'_> {
    OriginName(origin)
}

/// See [`origin_name`].
#[derive(Clone, Copy)]
pub struct OriginName<'a>(&'a Origin);

impl fmt::Display for OriginName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = &self.0.id;
        match (&id.val, id.get()) {
            (_, Some(id)) => write!(f, "origin `{id}`"),
            (Val::Unknown(Unknown::Expression(e)), None) => write!(f, "origin `{}`", e.trim()),
            (Val::Unknown(Unknown::Parameter { name, .. }), None) => {
                write!(f, "origin `${{{name}}}`")
            }
            (Val::Unknown(Unknown::Placeholder(p)), None) => write!(f, "origin `{p}`"),
            _ => f.write_str("origin with an unknown id"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{api_doc, behavior, dist, known, policy};
    use std::borrow::Cow;

    #[test]
    fn forwarding_is_computed_once_per_behavior_and_matches_effective() {
        let mut doc = api_doc();
        for (pattern, cache) in [
            ("/a/*", "658327ea-f89d-4fab-a63d-7e88639e58f6"),
            ("/b/*", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"),
        ] {
            let mut b = behavior("api");
            b.path_pattern = Some(known(pattern.into()));
            b.cache_policy_id = policy(cache);
            dist(&mut doc).behaviors.push(b);
        }
        let d = &doc.distributions[0];
        let ctx = LintContext::new(&doc, "", d);
        for b in d.all_behaviors() {
            let Cow::Borrowed(first) = ctx.forwarding(b) else {
                panic!("a behavior of the distribution is cached");
            };
            assert_eq!(*first, forwarding::effective(&doc, b));
            let Cow::Borrowed(again) = ctx.forwarding(b) else {
                panic!("cached");
            };
            assert!(std::ptr::eq(first, again));
        }
        assert_ne!(
            ctx.forwarding(&d.behaviors[0]),
            ctx.forwarding(&d.behaviors[1])
        );
        // A behavior that is not one of the distribution's is computed, not looked up.
        let stranger = d.behaviors[1].clone();
        assert!(matches!(ctx.forwarding(&stranger), Cow::Owned(_)));
        assert_eq!(*ctx.forwarding(&stranger), *ctx.forwarding(&d.behaviors[1]));
    }
}
