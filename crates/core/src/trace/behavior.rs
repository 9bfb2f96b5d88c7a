//! Hops 2 and 4: which cache behavior the path selects, and whether it allows the method.
//!
//! Sources: behaviors are tried in list order, the first match wins and the default behavior
//! takes the rest ("Cache behavior settings" → Path pattern,
//! <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern>);
//! a method the behavior does not allow gets CloudFront's 403 ("HTTP 403 status code (Invalid
//! method)", <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-403-invalid-method.html>);
//! `AllowedMethods` defaults to GET and HEAD and `CachedMethods` to GET and HEAD
//! (`AllowedMethods` / `CachedMethods` API reference).

use super::pattern;
use super::{AnsweredBy, Hop, Possibility, Stage, Verdict, Walk};
use crate::lint::{behavior_name, Key};
use crate::model::Behavior;
use crate::value::List;

/// Ordinal words for messages ("the 2nd behavior").
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The response when a behavior whose pattern is not known here takes the request.
fn unknown_first() -> Possibility {
    Possibility::new(
        None,
        AnsweredBy::Origin,
        "a cache behavior whose path pattern is not known here matches first",
    )
}

/// Tries every path pattern in order and makes the behavior hop.
pub(super) fn select<'a>(walk: &mut Walk<'a>) -> Result<&'a Behavior, Vec<Possibility>> {
    let path = walk.request.path.as_str();
    let dist = walk.dist;
    let mut details = Vec::new();
    // Patterns that are not known here and could match first.
    let mut unknown = 0;
    if walk.generated(None, "ordered_cache_behavior") {
        details.push(
            "dynamic \"ordered_cache_behavior\" blocks generate behaviors that are not read here"
                .to_string(),
        );
        unknown += 1;
    }
    let total = dist.behaviors.len();
    for (i, b) in dist.behaviors.iter().enumerate() {
        let n = ordinal(i + 1);
        let Some(field) = &b.path_pattern else {
            continue;
        };
        let Some(p) = field.get() else {
            details.push(format!("{n}: the path pattern is not known here"));
            unknown += 1;
            continue;
        };
        if pattern::matches(p, path) {
            let mut message =
                format!("`{path}` matches the path pattern `{p}` ({n} of {total} cache behaviors)");
            if i > 0 {
                message.push_str(&if i == 1 {
                    "; the one before it does not match".to_string()
                } else {
                    format!("; the {i} before it do not match")
                });
            }
            details.push(format!("{n}: `{p}` matches"));
            let verdict = if unknown == 0 {
                Verdict::Ok
            } else {
                message.push_str(&format!(
                    "; {} earlier pattern{} not known here and could match first",
                    unknown,
                    if unknown == 1 { " is" } else { "s are" }
                ));
                Verdict::Depends
            };
            walk.push(
                Hop::new(Stage::Behavior, verdict, message)
                    .at(field.span)
                    .details(details),
            );
            if unknown > 0 {
                walk.alternative(unknown_first());
            }
            return Ok(b);
        }
        let why = if pattern::matches_ignoring_case(p, path) {
            " (it would if case were ignored: path patterns are case-sensitive)"
        } else {
            ""
        };
        details.push(format!("{n}: `{p}` does not match{why}"));
    }
    let Some(default) = &dist.default_behavior else {
        walk.push(
            Hop::new(
                Stage::Behavior,
                Verdict::Fail,
                format!(
                    "no path pattern matches `{path}` and the distribution has no default behavior"
                ),
            )
            .at(dist.span)
            .details(details),
        );
        return Err(vec![Possibility::new(
            None,
            AnsweredBy::Cloudfront,
            "CloudFront refuses a distribution without a default behavior",
        )]);
    };
    let mut message = if total == 0 {
        format!("`{path}` goes to the default behavior (the distribution has no other)")
    } else {
        format!("no path pattern matches `{path}`: the default behavior (`*`) takes it")
    };
    let verdict = if unknown == 0 {
        Verdict::Ok
    } else {
        message.push_str(&format!(
            "; {} pattern{} not known here and could match instead",
            unknown,
            if unknown == 1 { " is" } else { "s are" }
        ));
        Verdict::Depends
    };
    walk.push(
        Hop::new(Stage::Behavior, verdict, message)
            .at(default.span)
            .details(details),
    );
    if unknown > 0 {
        walk.alternative(unknown_first());
    }
    Ok(default)
}

/// The methods of a list, upper case; the default when absent; `None` when unknown.
pub(super) fn methods(list: &List, default: &[&str]) -> Option<Vec<String>> {
    if !list.is_present() {
        return Some(default.iter().map(|m| m.to_string()).collect());
    }
    if !list.fully_known() {
        return None;
    }
    Some(
        list.known_items()?
            .into_iter()
            .map(|m| m.trim().to_ascii_uppercase())
            .collect(),
    )
}

/// The method hop: `None` when the request goes on.
pub(super) fn method(walk: &mut Walk, b: &Behavior) -> Option<Vec<Possibility>> {
    let method = walk.request.method.as_str();
    let name = behavior_name(b);
    let Some(allowed) = methods(&b.allowed_methods, &["GET", "HEAD"]) else {
        walk.push(
            Hop::new(
                Stage::Method,
                Verdict::Depends,
                format!("the allowed methods of the {name} are not known here: CloudFront answers 403 if `{method}` is not among them"),
            )
            .at(b.allowed_methods.span),
        );
        walk.alternative(
            Possibility::new(
                Some(403),
                AnsweredBy::Cloudfront,
                format!("the {name} does not allow {method}"),
            )
            .cached(Some(false)),
        );
        return None;
    };
    let list = allowed.join(", ");
    let written = if b.allowed_methods.is_present() {
        String::new()
    } else {
        format!(
            " (the default: no {} set)",
            Key::ALLOWED_METHODS.name(walk.doc.format)
        )
    };
    if !allowed.iter().any(|m| m == method) {
        let api = super::origin::reaches_api(walk, b);
        let mut hop = Hop::new(
            Stage::Method,
            Verdict::Fail,
            format!(
                "the {name} allows only {list}{written}: CloudFront answers 403 to {method} itself"
            ),
        )
        .at(b.allowed_methods.span);
        if api && matches!(method, "POST" | "PUT" | "PATCH" | "DELETE") {
            hop = hop.rule("api-write-methods-not-allowed");
        }
        if method == "OPTIONS" {
            hop = hop.detail(
                "a CORS preflight (OPTIONS) needs GET, HEAD, OPTIONS or all seven methods on the behavior",
            );
        }
        walk.push(hop);
        return Some(vec![Possibility::new(
            Some(403),
            AnsweredBy::Cloudfront,
            format!("the {name} does not allow {method}"),
        )
        .cached(Some(false))]);
    }
    let cached = methods(&b.cached_methods, &["GET", "HEAD"]);
    let cached_text = match &cached {
        Some(c) => format!("responses to {} can be cached", c.join(", ")),
        None => "the cached methods are not known here".to_string(),
    };
    walk.push(
        Hop::new(
            Stage::Method,
            Verdict::Ok,
            format!("{method} is allowed ({list}{written})"),
        )
        .at(b.allowed_methods.span)
        .detail(cached_text),
    );
    None
}

#[cfg(test)]
mod tests {
    use super::ordinal;

    #[test]
    fn ordinals() {
        let words: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 103].map(ordinal).to_vec();
        assert_eq!(
            words,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "103rd"]
        );
    }
}
