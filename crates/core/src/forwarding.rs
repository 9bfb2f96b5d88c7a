//! Effective forwarding of a behavior: what reaches the origin and what is in the cache key.
//!
//! A behavior's forwarding comes from its cache policy (managed, or custom in the same input) or
//! from legacy `ForwardedValues` + TTLs, plus its origin request policy. Every header in the cache
//! key is also sent to the origin. Each aspect is three-state: known yes/no, or unknown (`None`)
//! when a policy cannot be resolved; rules never guess on unknown aspects.

use crate::lint::Key;
use crate::managed::{self, Headers};
use crate::model::{Behavior, Document, ForwardedValues, KeyConfig, PolicyRef};
use crate::span::Span;
use crate::value::{Field, FieldPath, List, Unknown, Val};
use serde::Serialize;
use std::sync::Arc;

/// Legacy behavior `MinTTL` default.
pub const LEGACY_MIN_TTL: i64 = 0;
/// Legacy behavior `DefaultTTL` default (one day).
pub const LEGACY_DEFAULT_TTL: i64 = 86_400;
/// Legacy behavior `MaxTTL` default (one year).
pub const LEGACY_MAX_TTL: i64 = 31_536_000;

/// How much of a kind of viewer value (query strings, cookies) is passed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Amount {
    None,
    Some,
    All,
}

/// A set of viewer headers (names in lower case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum HeaderSet {
    /// Exactly these headers; `complete` is false when some listed names are unknown.
    Only { names: Vec<String>, complete: bool },
    /// Every viewer header.
    AllViewer,
    /// Every viewer header except these; `complete` is false when some names are unknown.
    AllExcept { names: Vec<String>, complete: bool },
}

impl HeaderSet {
    /// No headers.
    pub fn none() -> Self {
        HeaderSet::Only {
            names: Vec::new(),
            complete: true,
        }
    }

    /// Whether `name` (any case) is in the set; `None` when unknown items leave it open.
    pub fn contains(&self, name: &str) -> Option<bool> {
        let listed = |names: &[String]| names.iter().any(|n| n.eq_ignore_ascii_case(name));
        match self {
            HeaderSet::AllViewer => Some(true),
            HeaderSet::Only { names, complete } => {
                if listed(names) {
                    Some(true)
                } else if *complete {
                    Some(false)
                } else {
                    None
                }
            }
            HeaderSet::AllExcept { names, complete } => {
                if listed(names) {
                    Some(false)
                } else if *complete {
                    Some(true)
                } else {
                    None
                }
            }
        }
    }

    /// True when the set is known to hold no header at all.
    pub fn is_empty(&self) -> bool {
        matches!(self, HeaderSet::Only { names, complete: true } if names.is_empty())
    }

    /// The headers in either set.
    pub fn union(&self, other: &HeaderSet) -> HeaderSet {
        use HeaderSet::*;
        match (self, other) {
            (AllViewer, _) | (_, AllViewer) => AllViewer,
            (
                Only {
                    names: a,
                    complete: ca,
                },
                Only {
                    names: b,
                    complete: cb,
                },
            ) => {
                let mut names = a.clone();
                names.extend(b.iter().filter(|n| !a.contains(n)).cloned());
                Only {
                    names,
                    complete: *ca && *cb,
                }
            }
            (
                AllExcept {
                    names: a,
                    complete: ca,
                },
                Only {
                    names: b,
                    complete: cb,
                },
            )
            | (
                Only {
                    names: b,
                    complete: cb,
                },
                AllExcept {
                    names: a,
                    complete: ca,
                },
            ) => AllExcept {
                // A header `b` holds without naming it could be any of `a`: none is surely left out.
                names: if *cb {
                    a.iter().filter(|n| !b.contains(n)).cloned().collect()
                } else {
                    Vec::new()
                },
                complete: *ca && *cb,
            },
            (
                AllExcept {
                    names: a,
                    complete: ca,
                },
                AllExcept {
                    names: b,
                    complete: cb,
                },
            ) => AllExcept {
                names: a.iter().filter(|n| b.contains(n)).cloned().collect(),
                complete: *ca && *cb,
            },
        }
    }
}

/// What one source (a policy or legacy `ForwardedValues`) passes on; `None` parts are unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Selection {
    pub headers: Option<HeaderSet>,
    pub cookies: Option<Amount>,
    pub query_strings: Option<Amount>,
}

/// Cache TTLs in seconds; `None` parts are unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ttls {
    pub min: Option<i64>,
    pub default: Option<i64>,
    pub max: Option<i64>,
}

/// Where a forwarding fact comes from: a description for messages and the location of the
/// setting responsible (a policy id field, or the `ForwardedValues` block).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cause {
    /// E.g. "origin request policy AllViewer (216adef6-…)"; shared by the facts it decides.
    pub description: Arc<str>,
    pub span: Span,
    pub path: FieldPath,
}

/// A policy (or legacy forwarding) in use by a behavior, resolved as far as possible.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolved {
    pub cause: Cause,
    /// What it passes on; `None` when the policy cannot be resolved.
    pub selection: Option<Selection>,
    /// TTLs (cache sources only); `None` when unknown.
    pub ttls: Option<Ttls>,
    /// The managed policy id, when it is one.
    pub managed_id: Option<&'static str>,
}

impl Resolved {
    fn unknown(cause: Cause) -> Self {
        Self {
            cause,
            selection: None,
            ttls: None,
            managed_id: None,
        }
    }
}

/// A fact about a behavior's forwarding: `value` is `None` when unknown; `cause` names the
/// source that decides it (the forwarding source for "yes", the unresolved one for unknown).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aspect<T> {
    pub value: Option<T>,
    pub cause: Option<Cause>,
}

impl<T: PartialEq> Aspect<T> {
    /// True when the value is known and equal to `v`.
    pub fn is(&self, v: T) -> bool {
        self.value.as_ref() == Some(&v)
    }
}

/// What a behavior sends to its origin and keys its cache on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forwarding {
    /// The cache policy, or legacy `ForwardedValues` (see `legacy`).
    pub cache: Resolved,
    /// The origin request policy, when one is set.
    pub origin_request: Option<Resolved>,
    /// True when the cache settings come from legacy `ForwardedValues`.
    pub legacy: bool,
    /// The viewer `Host` header reaches the origin.
    pub host: Aspect<bool>,
    /// The viewer `Authorization` header reaches the origin.
    pub authorization: Aspect<bool>,
    /// The viewer `Origin` header reaches the origin.
    pub origin_header: Aspect<bool>,
    /// `Origin`, `Access-Control-Request-Method` and `Access-Control-Request-Headers` all reach it.
    pub cors_preflight: Aspect<bool>,
    pub query_strings: Aspect<Amount>,
    pub cookies: Aspect<Amount>,
    /// Every viewer header that reaches the origin; `None` when unknown.
    pub headers: Option<HeaderSet>,
    /// Responses are cached by default (default or minimum TTL above zero).
    pub caching: Aspect<bool>,
    /// `Host` is part of the cache key.
    pub host_in_cache_key: Aspect<bool>,
}

impl Forwarding {
    /// The cache key contents; `None` when unknown.
    pub fn cache_key(&self) -> Option<&Selection> {
        self.cache.selection.as_ref()
    }
}

/// Computes the effective forwarding of `behavior` in `doc`.
pub fn effective(doc: &Document, behavior: &Behavior) -> Forwarding {
    let (cache, legacy) = resolve_cache(doc, behavior);
    let origin_request = resolve_origin_request(doc, behavior);
    let sources: Vec<&Resolved> = std::iter::once(&cache)
        .chain(origin_request.as_ref())
        .collect();

    let header = |name: &str| {
        any_yes(sources.iter().map(|s| {
            let v = s
                .selection
                .as_ref()
                .and_then(|sel| sel.headers.as_ref())
                .and_then(|h| h.contains(name));
            (v, &s.cause)
        }))
    };
    let host = header("host");
    let authorization = header("authorization");
    let origin_header = header("origin");
    let cors_preflight = all_yes([
        origin_header.clone(),
        header("access-control-request-method"),
        header("access-control-request-headers"),
    ]);
    let amount = |pick: fn(&Selection) -> Option<Amount>| {
        max_amount(
            sources
                .iter()
                .map(|s| (s.selection.as_ref().and_then(pick), &s.cause)),
        )
    };
    let query_strings = amount(|s| s.query_strings);
    let cookies = amount(|s| s.cookies);
    let headers = sources.iter().try_fold(HeaderSet::none(), |acc, s| {
        s.selection
            .as_ref()
            .and_then(|sel| sel.headers.as_ref())
            .map(|h| acc.union(h))
    });
    let caching = Aspect {
        value: cache.ttls.and_then(|t| match (t.min, t.default) {
            (Some(min), _) if min > 0 => Some(true),
            (Some(_), Some(default)) => Some(default > 0),
            (None, Some(default)) if default > 0 => Some(true),
            _ => None,
        }),
        cause: Some(cache.cause.clone()),
    };
    let host_in_cache_key = any_yes(std::iter::once((
        cache
            .selection
            .as_ref()
            .and_then(|s| s.headers.as_ref())
            .and_then(|h| h.contains("host")),
        &cache.cause,
    )));
    Forwarding {
        cache,
        origin_request,
        legacy,
        host,
        authorization,
        origin_header,
        cors_preflight,
        query_strings,
        cookies,
        headers,
        caching,
        host_in_cache_key,
    }
}

/// Yes if any source says yes, no if all say no, unknown otherwise.
fn any_yes<'a>(facts: impl Iterator<Item = (Option<bool>, &'a Cause)>) -> Aspect<bool> {
    let mut unknown = None;
    for (v, cause) in facts {
        match v {
            Some(true) => {
                return Aspect {
                    value: Some(true),
                    cause: Some(cause.clone()),
                }
            }
            None if unknown.is_none() => unknown = Some(cause.clone()),
            _ => {}
        }
    }
    match unknown {
        Some(cause) => Aspect {
            value: None,
            cause: Some(cause),
        },
        None => Aspect {
            value: Some(false),
            cause: None,
        },
    }
}

/// Yes if all are yes, no if any is no, unknown otherwise.
fn all_yes<const N: usize>(facts: [Aspect<bool>; N]) -> Aspect<bool> {
    if let Some(no) = facts.iter().find(|f| f.is(false)) {
        return no.clone();
    }
    if let Some(unknown) = facts.iter().find(|f| f.value.is_none()) {
        return unknown.clone();
    }
    facts.into_iter().next().unwrap_or(Aspect {
        value: Some(true),
        cause: None,
    })
}

/// The largest known amount; unknown when an unknown source could raise it.
fn max_amount<'a>(facts: impl Iterator<Item = (Option<Amount>, &'a Cause)>) -> Aspect<Amount> {
    let mut best: (Amount, Option<&Cause>) = (Amount::None, None);
    let mut unknown = None;
    for (v, cause) in facts {
        match v {
            Some(a) if a > best.0 => best = (a, Some(cause)),
            Some(_) => {}
            None => unknown = unknown.or(Some(cause)),
        }
    }
    match unknown {
        Some(cause) if best.0 != Amount::All => Aspect {
            value: None,
            cause: Some(cause.clone()),
        },
        _ => Aspect {
            value: Some(best.0),
            cause: best.1.cloned(),
        },
    }
}

/// Under legacy forwarding, whether CloudFront keeps a viewer `Authorization` header the
/// behavior does not forward on a `method` request: it removes it from GET and HEAD requests,
/// and from OPTIONS requests whose responses are cached; it keeps it on DELETE, PATCH, POST and
/// PUT requests (the `Authorization` row of "HTTP request headers and CloudFront behavior",
/// <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html>).
/// A cache or origin request policy sends only the headers it names (the API reference's
/// `OriginRequestPolicy`). `None` when whether OPTIONS responses are cached is not known.
pub fn legacy_keeps_authorization(b: &Behavior, method: &str) -> Option<bool> {
    match method.to_ascii_uppercase().as_str() {
        "DELETE" | "PATCH" | "POST" | "PUT" => Some(true),
        "OPTIONS" => options_cached(b).map(|cached| !cached),
        _ => Some(false),
    }
}

/// Whether the behavior caches responses to `OPTIONS` requests (`CachedMethods`; GET and HEAD
/// by default).
fn options_cached(b: &Behavior) -> Option<bool> {
    if !b.cached_methods.is_present() {
        return Some(false);
    }
    let items = b.cached_methods.known_items()?;
    if items.iter().any(|m| m.eq_ignore_ascii_case("OPTIONS")) {
        return Some(true);
    }
    b.cached_methods.fully_known().then_some(false)
}

/// A short form of an id for messages: `216adef6-…`.
pub fn short_id(id: &str) -> String {
    match id.split_once('-') {
        Some((head, _)) if id.len() > 12 => format!("{head}-…"),
        _ => id.to_string(),
    }
}

/// Describes why a value is unknown, for messages.
pub fn describe_unknown(why: &Unknown) -> String {
    match why {
        Unknown::Intrinsic(s) => format!("`{s}`"),
        Unknown::Parameter { name, .. } => format!("parameter `{name}`"),
        Unknown::DynamicReference(s) => format!("dynamic reference `{s}`"),
        Unknown::Expression(s) => format!("`{s}`"),
        Unknown::Invalid(s) => format!("an invalid value ({s})"),
        Unknown::Placeholder(s) => format!("the placeholder `{s}`"),
    }
}

fn cause<T>(description: String, field: &Field<T>) -> Cause {
    Cause {
        description: description.into(),
        span: field.span,
        path: field.path.clone(),
    }
}

fn resolve_cache(doc: &Document, b: &Behavior) -> (Resolved, bool) {
    let field = &b.cache_policy_id;
    match &field.val {
        Val::Known(PolicyRef::Id(id)) => match managed::cache_policy(id) {
            Some(p) => (
                Resolved {
                    cause: cause(
                        format!("cache policy {} ({})", p.name, short_id(p.id)),
                        field,
                    ),
                    selection: Some(managed_selection(
                        p.headers,
                        p.all_cookies,
                        p.all_query_strings,
                    )),
                    ttls: Some(Ttls {
                        min: Some(p.min_ttl),
                        default: Some(p.default_ttl),
                        max: Some(p.max_ttl),
                    }),
                    managed_id: Some(p.id),
                },
                false,
            ),
            None => (
                Resolved::unknown(cause(format!("cache policy `{id}`"), field)),
                false,
            ),
        },
        Val::Known(PolicyRef::Local(name)) => {
            let Some(p) = doc.cache_policies.iter().find(|p| &p.name == name) else {
                return (
                    Resolved::unknown(cause(format!("cache policy `{name}`"), field)),
                    false,
                );
            };
            let selection = Selection {
                headers: key_headers(&p.headers, false),
                cookies: key_amount(&p.cookies),
                query_strings: key_amount(&p.query_strings),
            };
            let ttl = |f: &Field<i64>, default: i64| match &f.val {
                Val::Known(v) => Some(*v),
                Val::Absent => Some(default),
                Val::Unknown(_) => None,
            };
            let ttls = Ttls {
                min: ttl(&p.min_ttl, LEGACY_MIN_TTL),
                default: ttl(&p.default_ttl, LEGACY_DEFAULT_TTL),
                max: ttl(&p.max_ttl, LEGACY_MAX_TTL),
            };
            (
                Resolved {
                    cause: cause(format!("custom cache policy `{name}`"), field),
                    selection: Some(selection),
                    ttls: Some(ttls),
                    managed_id: None,
                },
                false,
            )
        }
        Val::Unknown(why) => (
            Resolved::unknown(cause(
                format!("cache policy {}", describe_unknown(why)),
                field,
            )),
            false,
        ),
        Val::Absent => match &b.forwarded_values {
            Some(fv) => (legacy(doc, b, fv), true),
            None => (
                Resolved::unknown(Cause {
                    description: format!(
                        "no cache policy and no {}",
                        Key::FORWARDED_VALUES.name(doc.format)
                    )
                    .into(),
                    span: b.span,
                    path: b.path.clone(),
                }),
                false,
            ),
        },
    }
}

fn legacy(doc: &Document, b: &Behavior, fv: &ForwardedValues) -> Resolved {
    let headers = match &fv.headers.val {
        Val::Absent => Some(HeaderSet::none()),
        Val::Unknown(_) => None,
        Val::Known(items) => {
            let names = lower_items(&fv.headers);
            if names.iter().any(|n| n == "*") {
                Some(HeaderSet::AllViewer)
            } else {
                Some(HeaderSet::Only {
                    names,
                    complete: items.iter().all(|i| i.get().is_some()),
                })
            }
        }
    };
    let query_strings = match &fv.query_string.val {
        Val::Known(true) => Some(Amount::All),
        Val::Known(false) | Val::Absent => Some(Amount::None),
        Val::Unknown(_) => None,
    };
    let cookies = match &fv.cookies_forward.val {
        Val::Known(s) if s == "all" => Some(Amount::All),
        Val::Known(s) if s == "whitelist" => Some(Amount::Some),
        Val::Known(_) | Val::Absent => Some(Amount::None),
        Val::Unknown(_) => None,
    };
    let ttl = |f: &Field<i64>, default: i64| match &f.val {
        Val::Known(v) => Some(*v),
        Val::Absent => Some(default),
        Val::Unknown(_) => None,
    };
    Resolved {
        cause: Cause {
            description: format!("legacy {}", Key::FORWARDED_VALUES.name(doc.format)).into(),
            span: fv.span,
            path: fv.path.clone(),
        },
        selection: Some(Selection {
            headers,
            cookies,
            query_strings,
        }),
        ttls: Some(Ttls {
            min: ttl(&b.min_ttl, LEGACY_MIN_TTL),
            default: ttl(&b.default_ttl, LEGACY_DEFAULT_TTL),
            max: ttl(&b.max_ttl, LEGACY_MAX_TTL),
        }),
        managed_id: None,
    }
}

fn resolve_origin_request(doc: &Document, b: &Behavior) -> Option<Resolved> {
    let field = &b.origin_request_policy_id;
    Some(match &field.val {
        Val::Absent => return None,
        Val::Known(PolicyRef::Id(id)) => match managed::origin_request_policy(id) {
            Some(p) => Resolved {
                cause: cause(
                    format!("origin request policy {} ({})", p.name, short_id(p.id)),
                    field,
                ),
                selection: Some(managed_selection(
                    p.headers,
                    p.all_cookies,
                    p.all_query_strings,
                )),
                ttls: None,
                managed_id: Some(p.id),
            },
            None => Resolved::unknown(cause(format!("origin request policy `{id}`"), field)),
        },
        Val::Known(PolicyRef::Local(name)) => {
            match doc.origin_request_policies.iter().find(|p| &p.name == name) {
                Some(p) => Resolved {
                    cause: cause(format!("custom origin request policy `{name}`"), field),
                    selection: Some(Selection {
                        headers: key_headers(&p.headers, true),
                        cookies: key_amount(&p.cookies),
                        query_strings: key_amount(&p.query_strings),
                    }),
                    ttls: None,
                    managed_id: None,
                },
                None => Resolved::unknown(cause(format!("origin request policy `{name}`"), field)),
            }
        }
        Val::Unknown(why) => Resolved::unknown(cause(
            format!("origin request policy {}", describe_unknown(why)),
            field,
        )),
    })
}

fn managed_selection(headers: Headers, all_cookies: bool, all_query: bool) -> Selection {
    let amount = |all| if all { Amount::All } else { Amount::None };
    Selection {
        headers: Some(match headers {
            Headers::None => HeaderSet::none(),
            Headers::Only(names) => HeaderSet::Only {
                names: names.iter().map(|n| n.to_string()).collect(),
                complete: true,
            },
            Headers::AllViewer => HeaderSet::AllViewer,
            Headers::AllViewerExceptHost => HeaderSet::AllExcept {
                names: vec!["host".into()],
                complete: true,
            },
        }),
        cookies: Some(amount(all_cookies)),
        query_strings: Some(amount(all_query)),
    }
}

fn lower_items(list: &List) -> Vec<String> {
    list.known_items()
        .unwrap_or_default()
        .into_iter()
        .map(|s| s.trim().to_ascii_lowercase())
        .collect()
}

/// The header set of a policy `HeadersConfig`; origin request policies also know the
/// all-viewer behaviors.
fn key_headers(config: &KeyConfig, origin_request: bool) -> Option<HeaderSet> {
    let listed = || {
        if config.items.is_unknown() {
            return (Vec::new(), false);
        }
        (
            lower_items(&config.items),
            config.items.fully_known() || !config.items.is_present(),
        )
    };
    match &config.behavior.val {
        Val::Absent => Some(HeaderSet::none()),
        Val::Unknown(_) => None,
        Val::Known(b) => match b.as_str() {
            "none" => Some(HeaderSet::none()),
            "whitelist" => {
                let (names, complete) = listed();
                Some(HeaderSet::Only { names, complete })
            }
            "allViewer" | "allViewerAndWhitelistCloudFront" if origin_request => {
                Some(HeaderSet::AllViewer)
            }
            "allExcept" if origin_request => {
                let (names, complete) = listed();
                Some(HeaderSet::AllExcept { names, complete })
            }
            _ => None,
        },
    }
}

/// The amount of a policy `CookiesConfig` / `QueryStringsConfig`.
fn key_amount(config: &KeyConfig) -> Option<Amount> {
    match &config.behavior.val {
        Val::Absent => Some(Amount::None),
        Val::Unknown(_) => None,
        Val::Known(b) => match b.as_str() {
            "none" => Some(Amount::None),
            "whitelist" | "allExcept" => Some(Amount::Some),
            "all" => Some(Amount::All),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CachePolicy, Format, OriginRequestPolicy};
    use crate::value::Unknown;

    fn id(s: &str) -> Field<PolicyRef> {
        Field::known(PolicyRef::Id(s.into()), Span::default(), "p")
    }

    fn behavior(cache: Field<PolicyRef>, orp: Field<PolicyRef>) -> Behavior {
        Behavior {
            cache_policy_id: cache,
            origin_request_policy_id: orp,
            ..Behavior::default()
        }
    }

    #[test]
    fn recommended_pair_forwards_everything_but_host() {
        let doc = Document::new(Format::CliJson);
        let b = behavior(
            id(managed::CACHING_DISABLED),
            id(managed::ALL_VIEWER_EXCEPT_HOST_HEADER),
        );
        let f = effective(&doc, &b);
        assert!(f.host.is(false));
        assert!(f.authorization.is(true));
        assert!(f.cors_preflight.is(true));
        assert!(f.query_strings.is(Amount::All));
        assert!(f.cookies.is(Amount::All));
        assert!(f.caching.is(false));
        assert!(f.host_in_cache_key.is(false));
        assert_eq!(
            f.headers,
            Some(HeaderSet::AllExcept {
                names: vec!["host".into()],
                complete: true
            })
        );
    }

    #[test]
    fn all_viewer_forwards_host_and_names_the_policy() {
        let doc = Document::new(Format::CliJson);
        let b = behavior(id(managed::CACHING_DISABLED), id(managed::ALL_VIEWER));
        let f = effective(&doc, &b);
        assert!(f.host.is(true));
        assert_eq!(
            &*f.host.cause.unwrap().description,
            "origin request policy AllViewer (216adef6-…)"
        );
    }

    #[test]
    fn caching_disabled_alone_forwards_nothing() {
        let doc = Document::new(Format::CliJson);
        let f = effective(
            &doc,
            &behavior(id(managed::CACHING_DISABLED), Field::default()),
        );
        assert!(f.query_strings.is(Amount::None));
        assert!(f.authorization.is(false));
        assert!(f.headers.unwrap().is_empty());
    }

    #[test]
    fn unknown_policy_makes_aspects_unknown_but_known_yes_stays() {
        let doc = Document::new(Format::CfnYaml);
        let unknown = Field::unknown(
            Unknown::Parameter {
                name: "Orp".into(),
                no_echo: false,
            },
            Span::default(),
            "p",
        );
        let f = effective(&doc, &behavior(id(managed::CACHING_DISABLED), unknown));
        assert_eq!(f.host.value, None);
        assert_eq!(f.query_strings.value, None);
        assert!(f.caching.is(false));
        let f = effective(
            &doc,
            &behavior(id("not-a-managed-id"), id(managed::ALL_VIEWER)),
        );
        assert!(f.host.is(true));
        assert_eq!(f.caching.value, None);
    }

    #[test]
    fn legacy_defaults_cache_for_a_day() {
        let doc = Document::new(Format::CliJson);
        let b = Behavior {
            forwarded_values: Some(ForwardedValues {
                query_string: Field::known(true, Span::default(), "q"),
                headers: Field::known(
                    vec![Field::known("Authorization".into(), Span::default(), "h")],
                    Span::default(),
                    "h",
                ),
                ..ForwardedValues::default()
            }),
            ..Behavior::default()
        };
        let f = effective(&doc, &b);
        assert!(f.legacy);
        assert!(f.caching.is(true));
        assert!(f.authorization.is(true));
        assert!(f.host.is(false));
        assert!(f.query_strings.is(Amount::All));
        assert_eq!(f.cache.ttls.unwrap().default, Some(LEGACY_DEFAULT_TTL));
    }

    #[test]
    fn custom_policies_resolve_by_name() {
        let mut doc = Document::new(Format::CfnYaml);
        doc.cache_policies.push(CachePolicy {
            name: "Cp".into(),
            min_ttl: Field::known(0, Span::default(), "m"),
            default_ttl: Field::known(0, Span::default(), "d"),
            headers: KeyConfig {
                behavior: Field::known("whitelist".into(), Span::default(), "b"),
                items: Field::known(
                    vec![Field::known("Host".into(), Span::default(), "i")],
                    Span::default(),
                    "i",
                ),
            },
            ..CachePolicy::default()
        });
        doc.origin_request_policies.push(OriginRequestPolicy {
            name: "Orp".into(),
            headers: KeyConfig {
                behavior: Field::known("allExcept".into(), Span::default(), "b"),
                items: Field::known(
                    vec![Field::known("host".into(), Span::default(), "i")],
                    Span::default(),
                    "i",
                ),
            },
            ..OriginRequestPolicy::default()
        });
        let local = |n: &str| Field::known(PolicyRef::Local(n.into()), Span::default(), "p");
        let f = effective(&doc, &behavior(local("Cp"), local("Orp")));
        assert!(f.host_in_cache_key.is(true));
        assert!(f.host.is(true));
        assert!(f.caching.is(false));
        assert!(f.authorization.is(true));
        let f = effective(&doc, &behavior(local("Missing"), Field::default()));
        assert_eq!(f.host.value, None);
    }
}

#[cfg(test)]
mod policy_tests;
