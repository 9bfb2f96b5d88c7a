//! Hop 6: the cache key and whether the response can come from CloudFront's cache.
//!
//! Sources: only the cached methods (GET and HEAD, and OPTIONS when listed) are cached
//! (`CachedMethods` API reference); TTLs and cache keys of the managed policies ("Use managed
//! cache policies", <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html>);
//! with a minimum TTL of 0 the origin's `Cache-Control` decides, with a minimum above 0 CloudFront
//! keeps the response at least that long ("Manage how long content stays in the cache",
//! <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html>).

use super::behavior::methods;
use super::{Hop, Stage, Verdict, Walk};
use crate::forwarding::{self, Amount, HeaderSet, Selection};
use crate::model::Behavior;

/// Describes a header set for people.
pub(super) fn headers_text(set: &HeaderSet) -> String {
    match set {
        HeaderSet::AllViewer => "all viewer headers".into(),
        HeaderSet::Only { names, complete } if names.is_empty() => {
            if *complete {
                "no headers".into()
            } else {
                "headers not known here".into()
            }
        }
        HeaderSet::Only { names, complete } => format!(
            "the headers {}{}",
            names.join(", "),
            if *complete {
                ""
            } else {
                " and others not known here"
            }
        ),
        HeaderSet::AllExcept { names, complete } => match (names.is_empty(), *complete) {
            (true, true) => "all viewer headers".into(),
            (true, false) => "all viewer headers, except perhaps some not known here".into(),
            (false, true) => format!("all viewer headers except {}", names.join(", ")),
            (false, false) => format!(
                "all viewer headers except {} and perhaps others not known here",
                names.join(", ")
            ),
        },
    }
}

pub(super) fn amount_text(what: &str, amount: Option<Amount>) -> String {
    match amount {
        Some(Amount::None) => format!("no {what}"),
        Some(Amount::Some) => format!("some {what} (the listed ones)"),
        Some(Amount::All) => format!("all {what}"),
        None => format!("{what}: not known here"),
    }
}

fn key_text(selection: &Selection) -> String {
    format!(
        "cache key: {}; {}; {}",
        selection
            .headers
            .as_ref()
            .map_or("headers not known here".into(), headers_text),
        amount_text("cookies", selection.cookies),
        amount_text("query strings", selection.query_strings),
    )
}

/// Makes the cache hop; returns whether a response can be served from the cache (`None` when
/// the origin's `Cache-Control` or an unknown policy decides).
pub(super) fn hop(walk: &mut Walk, b: &Behavior) -> Option<bool> {
    let f = forwarding::effective(walk.doc, b);
    let method = walk.request.method.as_str();
    let cause = &f.cache.cause;
    let mut details = Vec::new();
    if let Some(selection) = f.cache_key() {
        details.push(key_text(selection));
    }
    if let Some(t) = f.cache.ttls {
        let s = |v: Option<i64>| v.map_or("?".to_string(), |v| format!("{v} s"));
        details.push(format!(
            "TTLs: minimum {}, default {}, maximum {}",
            s(t.min),
            s(t.default),
            s(t.max)
        ));
    }
    let cached_methods = methods(&b.cached_methods, &["GET", "HEAD"]);
    let cacheable = cached_methods
        .as_ref()
        .map(|m| m.iter().any(|x| x == method));
    let api = super::origin::reaches_api(walk, b);
    let (verdict, message, cached, rule) = match (cacheable, f.caching.value) {
        (Some(false), _) => (
            Verdict::Ok,
            format!("{method} responses are never cached: CloudFront sends every {method} to the origin"),
            Some(false),
            None,
        ),
        (_, Some(false)) => (
            Verdict::Ok,
            format!("not cached: {} keeps nothing (TTLs of 0)", cause.description),
            Some(false),
            None,
        ),
        (None, _) => (
            Verdict::Depends,
            "the cached methods are not known here".to_string(),
            None,
            None,
        ),
        (Some(true), None) => (
            Verdict::Depends,
            format!("whether {method} responses are cached depends on {}, which is not known here", cause.description),
            None,
            None,
        ),
        (Some(true), Some(true)) => {
            let min = f.cache.ttls.and_then(|t| t.min).unwrap_or(0);
            let (text, cached) = if min > 0 {
                (
                    format!("{method} responses are cached for at least {min} s ({}); a repeat of this request with the same cache key is answered from the cache", cause.description),
                    Some(true),
                )
            } else {
                (
                    format!("{method} responses are cached unless the origin's Cache-Control says otherwise ({})", cause.description),
                    None,
                )
            };
            if api {
                let auth_in_key = f
                    .cache_key()
                    .and_then(|k| k.headers.as_ref())
                    .and_then(|h| h.contains("authorization"));
                let text = match auth_in_key {
                    Some(true) => format!("{text}; Authorization is part of the cache key, so callers do not share entries"),
                    _ => format!("{text}; an API answer cached here can be replayed to other callers"),
                };
                (Verdict::Depends, text, cached, Some("api-behavior-caching-enabled"))
            } else {
                (Verdict::Ok, text, cached, None)
            }
        }
    };
    let mut hop = Hop::new(Stage::Cache, verdict, message)
        .at(cause.span)
        .details(details);
    if let Some(rule) = rule {
        hop = hop.rule(rule);
    }
    walk.push(hop);
    cached
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_sets_read_as_words() {
        let except = |names: &[&str], complete| HeaderSet::AllExcept {
            names: names.iter().map(|n| n.to_string()).collect(),
            complete,
        };
        assert_eq!(
            headers_text(&except(&["host"], true)),
            "all viewer headers except host"
        );
        // Nothing left out (Host back in through the cache key): no dangling "except".
        assert_eq!(headers_text(&except(&[], true)), "all viewer headers");
        assert_eq!(
            headers_text(&except(&[], false)),
            "all viewer headers, except perhaps some not known here"
        );
        assert_eq!(
            headers_text(&except(&["host"], false)),
            "all viewer headers except host and perhaps others not known here"
        );
        assert_eq!(headers_text(&HeaderSet::none()), "no headers");
    }
}
