//! How the policies and legacy settings of a behavior combine, pinned case by case (each case
//! kills a mutant `cargo mutants` found unpinned; TESTING.md lists them).

use super::*;
use crate::managed::PolicyKind;
use crate::model::{CachePolicy, Format, OriginRequestPolicy};

fn known<T>(v: T) -> Field<T> {
    Field::known(v, Span::default(), "x")
}

fn parameter<T>(name: &str) -> Field<T> {
    let why = Unknown::Parameter {
        name: name.into(),
        no_echo: false,
    };
    Field::unknown(why, Span::default(), name)
}

fn names(items: &[&str]) -> List {
    known(items.iter().map(|s| known(s.to_string())).collect())
}

fn config(behavior: &str, items: List) -> KeyConfig {
    KeyConfig {
        behavior: known(behavior.into()),
        items,
    }
}

fn managed_origin_request(name: &str) -> Field<PolicyRef> {
    let id = managed::id_by_name(PolicyKind::OriginRequest, name).unwrap();
    known(PolicyRef::Id(id.into()))
}

fn managed_cache(name: &str) -> Field<PolicyRef> {
    let id = managed::id_by_name(PolicyKind::Cache, name).unwrap();
    known(PolicyRef::Id(id.into()))
}

fn local(name: &str) -> Field<PolicyRef> {
    known(PolicyRef::Local(name.into()))
}

/// A document holding one custom cache policy `Cp` and one origin request policy `Orp`.
fn doc(cache: CachePolicy, origin_request: OriginRequestPolicy) -> Document {
    let mut doc = Document::new(Format::CfnYaml);
    doc.cache_policies.push(CachePolicy {
        name: "Cp".into(),
        ..cache
    });
    doc.origin_request_policies.push(OriginRequestPolicy {
        name: "Orp".into(),
        ..origin_request
    });
    doc
}

fn cache_headers(headers: KeyConfig) -> CachePolicy {
    CachePolicy {
        headers,
        ..CachePolicy::default()
    }
}

fn origin_request_headers(headers: KeyConfig) -> OriginRequestPolicy {
    OriginRequestPolicy {
        headers,
        ..OriginRequestPolicy::default()
    }
}

fn forwarding(
    doc: &Document,
    cache: Field<PolicyRef>,
    origin_request: Field<PolicyRef>,
) -> Forwarding {
    effective(
        doc,
        &Behavior {
            cache_policy_id: cache,
            origin_request_policy_id: origin_request,
            ..Behavior::default()
        },
    )
}

fn only(items: &[&str], complete: bool) -> HeaderSet {
    HeaderSet::Only {
        names: items.iter().map(|s| s.to_string()).collect(),
        complete,
    }
}

fn all_except(items: &[&str], complete: bool) -> HeaderSet {
    HeaderSet::AllExcept {
        names: items.iter().map(|s| s.to_string()).collect(),
        complete,
    }
}

// Headers in the cache key are also sent to the origin, on top of the origin request policy's:
// "Even when this field is set to none, any headers that are listed in a CachePolicy are included
// in origin requests"
// (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginRequestPolicyHeadersConfig.html).
#[test]
fn cache_key_headers_reach_the_origin_besides_the_origin_request_policy_headers() {
    let d = doc(
        cache_headers(config("whitelist", names(&["Authorization"]))),
        OriginRequestPolicy::default(),
    );
    let f = forwarding(&d, local("Cp"), managed_origin_request("CORS-CustomOrigin"));
    let headers = f.headers.unwrap();
    assert_eq!(headers, only(&["authorization", "origin"], true));
    assert!(!headers.is_empty());

    // AllViewerExceptHostHeader leaves Host out, but a cache key with Host still sends it.
    let d = doc(
        cache_headers(config("whitelist", names(&["Host"]))),
        OriginRequestPolicy::default(),
    );
    let f = forwarding(
        &d,
        local("Cp"),
        managed_origin_request("AllViewerExceptHostHeader"),
    );
    assert!(f.host.is(true));
    let headers = f.headers.unwrap();
    assert_eq!(headers, all_except(&[], true));
    assert_eq!(headers.contains("host"), Some(true));
}

// A cache key header the input does not spell out could be any header, Host included.
#[test]
fn an_unknown_cache_key_header_leaves_what_reaches_the_origin_open() {
    let items = known(vec![known("Authorization".into()), parameter("Extra")]);
    let d = doc(
        cache_headers(config("whitelist", items)),
        OriginRequestPolicy::default(),
    );
    let f = forwarding(&d, local("Cp"), Field::default());
    assert!(f.authorization.is(true));
    assert_eq!(f.host.value, None);
    assert_eq!(f.host_in_cache_key.value, None);

    let f = forwarding(&d, local("Cp"), managed_origin_request("CORS-CustomOrigin"));
    let headers = f.headers.unwrap();
    assert_eq!(headers.contains("origin"), Some(true));
    assert_eq!(headers.contains("x-api-key"), None);

    let f = forwarding(
        &d,
        local("Cp"),
        managed_origin_request("AllViewerExceptHostHeader"),
    );
    assert_eq!(f.headers.unwrap().contains("host"), None);
    assert_eq!(f.host.value, None);
}

// Two "all viewer headers except" sets leave out only what both leave out. Effective forwarding
// never meets two of them (only an origin request policy has `allExcept`), so the set's own
// union is pinned here.
#[test]
fn two_all_except_sets_leave_out_only_what_both_leave_out() {
    let a = all_except(&["host", "x-a"], true);
    assert_eq!(
        a.union(&all_except(&["host", "x-b"], true)),
        all_except(&["host"], true)
    );
    let open = a.union(&all_except(&["x-b"], false));
    assert_eq!(open, all_except(&[], false));
    assert_eq!(open.contains("host"), None);
    assert!(!only(&[], false).is_empty());
}

// "If your minimum TTL is greater than 0, CloudFront will cache content for at least the duration
// specified in the cache policy's minimum TTL, even if the Cache-Control: no-cache, no-store, or
// private directives are present in the origin headers"
// (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html).
#[test]
fn a_minimum_ttl_above_zero_caches_whatever_the_default_ttl() {
    let d = doc(
        CachePolicy {
            min_ttl: known(60),
            default_ttl: parameter("DefaultTtl"),
            ..CachePolicy::default()
        },
        OriginRequestPolicy::default(),
    );
    assert!(forwarding(&d, local("Cp"), Field::default())
        .caching
        .is(true));
}

// DefaultTTL is the TTL of responses without Cache-Control or Expires, and it cannot be below
// MinTTL (same page: "If the value of MinTTL is more than 86400 seconds, then the default value
// for this field is the same as the value of MinTTL").
#[test]
fn the_default_ttl_decides_when_the_minimum_is_unknown() {
    let with_default = |default| {
        let d = doc(
            CachePolicy {
                min_ttl: parameter("MinTtl"),
                default_ttl: known(default),
                ..CachePolicy::default()
            },
            OriginRequestPolicy::default(),
        );
        forwarding(&d, local("Cp"), Field::default()).caching
    };
    assert!(with_default(86_400).is(true));
    // A default of 0 holds MinTTL at 0 too: nothing is cached by default, so never "caching".
    assert!(!with_default(0).is(true));
}

// When several sources leave a header open, the finding points at the first one: the cache
// policy, which every behavior has.
#[test]
fn when_both_policies_are_unknown_the_cache_policy_is_named() {
    let d = Document::new(Format::CfnYaml);
    let f = forwarding(
        &d,
        parameter("CachePolicyId"),
        parameter("OriginRequestPolicyId"),
    );
    assert_eq!(f.host.value, None);
    assert_eq!(
        &*f.host.cause.unwrap().description,
        "cache policy parameter `CachePolicyId`"
    );
    assert_eq!(f.query_strings.value, None);
}

// "The headers, cookies, and query strings that are included in the cache key are also included
// in requests that CloudFront sends to the origin"
// (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html).
#[test]
fn the_larger_amount_of_either_policy_reaches_the_origin() {
    let d = doc(
        CachePolicy {
            query_strings: config("all", Field::default()),
            cookies: config("whitelist", names(&["session"])),
            ..CachePolicy::default()
        },
        OriginRequestPolicy::default(),
    );
    let f = forwarding(&d, local("Cp"), managed_origin_request("CORS-CustomOrigin"));
    assert!(f.query_strings.is(Amount::All));
    assert_eq!(
        &*f.query_strings.cause.unwrap().description,
        "custom cache policy `Cp`"
    );
    assert!(f.cookies.is(Amount::Some));

    // Both forward every query string: the cache policy, first, is the cause.
    let f = forwarding(
        &d,
        managed_cache("UseOriginCacheControlHeaders-QueryStrings"),
        managed_origin_request("AllViewer"),
    );
    assert!(f.query_strings.is(Amount::All));
    assert!(f
        .query_strings
        .cause
        .unwrap()
        .description
        .starts_with("cache policy UseOriginCacheControlHeaders-QueryStrings"));

    // Neither forwards query strings: no source is the cause.
    let f = forwarding(
        &d,
        managed_cache("CachingDisabled"),
        managed_origin_request("CORS-CustomOrigin"),
    );
    assert!(f.query_strings.is(Amount::None));
    assert_eq!(f.query_strings.cause, None);
}

// An unknown cache policy cannot add to "all query strings" from the origin request policy.
#[test]
fn all_from_one_policy_is_known_though_the_other_is_unknown() {
    let d = Document::new(Format::CfnYaml);
    let f = forwarding(
        &d,
        parameter("CachePolicyId"),
        managed_origin_request("AllViewer"),
    );
    assert!(f.query_strings.is(Amount::All));
    assert!(f.cookies.is(Amount::All));
    let f = forwarding(
        &d,
        parameter("CachePolicyId"),
        managed_origin_request("CORS-CustomOrigin"),
    );
    assert_eq!(f.query_strings.value, None);
}

#[test]
fn short_ids_are_shown_whole() {
    assert_eq!(short_id("abcde-fghijk"), "abcde-fghijk");
    assert_eq!(short_id("abcde-fghijkl"), "abcde-…");
    assert_eq!(short_id(managed::ALL_VIEWER), "216adef6-…");
}

fn legacy_forwarding(fv: ForwardedValues) -> Forwarding {
    let b = Behavior {
        forwarded_values: Some(fv),
        ..Behavior::default()
    };
    effective(&Document::new(Format::CliJson), &b)
}

// Messages name the legacy settings as the input spells them.
#[test]
fn legacy_settings_are_named_as_the_format_spells_them() {
    let host = |format: Format, fv: Option<ForwardedValues>| {
        let b = Behavior {
            forwarded_values: fv,
            ..Behavior::default()
        };
        let f = effective(&Document::new(format), &b);
        f.host.cause.map(|c| c.description)
    };
    let star = || {
        Some(ForwardedValues {
            headers: names(&["*"]),
            ..ForwardedValues::default()
        })
    };
    assert_eq!(
        host(Format::CfnYaml, star()).as_deref(),
        Some("legacy ForwardedValues")
    );
    assert_eq!(
        host(Format::Terraform, star()).as_deref(),
        Some("legacy forwarded_values")
    );
    let none = |format| {
        let b = Behavior::default();
        effective(&Document::new(format), &b)
            .cache
            .cause
            .description
            .to_string()
    };
    assert_eq!(
        none(Format::CliJson),
        "no cache policy and no ForwardedValues"
    );
    assert_eq!(
        none(Format::Terraform),
        "no cache policy and no forwarded_values"
    );
}

// `Cookies.Forward`: "all, none, or the list of cookies specified in the WhitelistedNames"
// (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CookiePreference.html).
#[test]
fn legacy_cookie_forwarding() {
    let cookies = |forward: Field<String>| {
        legacy_forwarding(ForwardedValues {
            cookies_forward: forward,
            ..ForwardedValues::default()
        })
        .cookies
    };
    assert!(cookies(known("all".into())).is(Amount::All));
    assert!(cookies(known("whitelist".into())).is(Amount::Some));
    assert!(cookies(known("none".into())).is(Amount::None));
    assert!(cookies(Field::default()).is(Amount::None));
    assert_eq!(cookies(parameter("Forward")).value, None);
}

// "Forward all headers to your origin: Specify 1 for Quantity and * for Name"
// (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Headers.html).
#[test]
fn legacy_star_forwards_every_header() {
    let f = legacy_forwarding(ForwardedValues {
        headers: names(&["*"]),
        query_string: known(false),
        ..ForwardedValues::default()
    });
    assert!(f.host.is(true));
    assert_eq!(f.headers, Some(HeaderSet::AllViewer));
    assert!(f.query_strings.is(Amount::None));
}

// A cache policy's HeaderBehavior is `none` or `whitelist`
// (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyHeadersConfig.html);
// anything else is not guessed at.
#[test]
fn cache_policy_header_behaviors() {
    let host_in_key = |headers: KeyConfig| {
        let d = doc(cache_headers(headers), OriginRequestPolicy::default());
        forwarding(&d, local("Cp"), Field::default()).host_in_cache_key
    };
    assert!(host_in_key(config("none", Field::default())).is(false));
    assert!(host_in_key(config("whitelist", names(&["Authorization"]))).is(false));
    assert!(host_in_key(config("whitelist", Field::default())).is(false));
    assert!(host_in_key(config("whitelist", names(&["Host"]))).is(true));
    assert_eq!(
        host_in_key(config("allViewer", Field::default())).value,
        None
    );
    assert_eq!(
        host_in_key(config("allExcept", Field::default())).value,
        None
    );
}

// An origin request policy's HeaderBehavior adds `allViewer`, `allViewerAndWhitelistCloudFront`
// (all viewer headers) and `allExcept`
// (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginRequestPolicyHeadersConfig.html).
#[test]
fn origin_request_policy_header_behaviors() {
    let sent = |headers: KeyConfig| {
        let d = doc(CachePolicy::default(), origin_request_headers(headers));
        forwarding(&d, managed_cache("CachingDisabled"), local("Orp"))
    };
    for all in ["allViewer", "allViewerAndWhitelistCloudFront"] {
        let f = sent(config(all, names(&["CloudFront-Viewer-Country"])));
        assert!(f.host.is(true), "{all}");
        assert_eq!(f.headers, Some(HeaderSet::AllViewer), "{all}");
    }
    let f = sent(config("allExcept", names(&["Host"])));
    assert!(f.host.is(false));
    assert!(f.authorization.is(true));
    assert!(sent(config("none", Field::default()))
        .authorization
        .is(false));
}

// CookieBehavior and QueryStringBehavior: none, whitelist, allExcept, all
// (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyCookiesConfig.html,
// API_CachePolicyQueryStringsConfig.html).
#[test]
fn cookie_and_query_string_behaviors() {
    for (behavior, amount) in [
        ("none", Amount::None),
        ("whitelist", Amount::Some),
        ("allExcept", Amount::Some),
        ("all", Amount::All),
    ] {
        let d = doc(
            CachePolicy {
                cookies: config(behavior, names(&["session"])),
                query_strings: config(behavior, names(&["page"])),
                ..CachePolicy::default()
            },
            OriginRequestPolicy::default(),
        );
        let f = forwarding(&d, local("Cp"), Field::default());
        assert!(f.cookies.is(amount), "{behavior}");
        assert!(f.query_strings.is(amount), "{behavior}");
    }
}
