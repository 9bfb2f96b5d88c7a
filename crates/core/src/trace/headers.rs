//! Whether one viewer header reaches the origin.
//!
//! With a cache policy, the origin request holds the headers of the cache policy and of the
//! origin request policy, "but nothing more" ("Control origin requests with a policy",
//! <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-origin-requests.html>).
//! With legacy `ForwardedValues`, the headers not listed are handled as "HTTP request headers
//! and CloudFront behavior (custom and Amazon S3 origins)" says
//! (<https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html#request-custom-headers-behavior>,
//! referred to by `ForwardedValues.Headers`,
//! <https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Headers.html>): headers
//! CloudFront does not name ("other-defined headers", such as `x-api-key`) are forwarded; the
//! ones it removes or replaces are not; `Authorization` is removed from `GET` and `HEAD`
//! requests, from `OPTIONS` requests when their responses are cached, and kept on `DELETE`,
//! `PATCH`, `POST` and `PUT` requests.

use crate::forwarding::{legacy_keeps_authorization, Forwarding};
use crate::model::Behavior;

/// Headers the legacy table says CloudFront removes or replaces when they are not listed.
const REMOVED: &[&str] = &[
    "accept",
    "accept-charset",
    "accept-language",
    "connection",
    "cookie",
    "expect",
    "host",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "referer",
    "te",
    "trailer",
    "upgrade",
    "user-agent",
    "x-forwarded-proto",
    "x-http-method-override",
    "x-real-ip",
];

/// Whether a header reaches the origin, and why when it is not what the policies list says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reach {
    /// `None` when a setting that decides it is not known.
    pub arrives: Option<bool>,
    /// Why, when legacy forwarding decides it rather than a listed header: what the legacy
    /// settings do, to follow "legacy ForwardedValues" (as the input spells the key).
    pub why: Option<&'static str>,
}

impl Reach {
    fn listed(arrives: Option<bool>) -> Self {
        Self { arrives, why: None }
    }
}

/// Whether the viewer header `name` of a `method` request reaches the origin through `b`.
pub(super) fn reach(f: &Forwarding, b: &Behavior, name: &str, method: &str) -> Reach {
    let listed = f.headers.as_ref().and_then(|h| h.contains(name));
    if !f.legacy || listed == Some(true) {
        return Reach::listed(listed);
    }
    let name = name.to_ascii_lowercase();
    if name == "authorization" {
        return match legacy_keeps_authorization(b, method) {
            Some(true) => Reach {
                arrives: Some(true),
                why: Some(if method == "OPTIONS" {
                    "keep Authorization on OPTIONS requests whose responses are not cached"
                } else {
                    "keep Authorization on DELETE, PATCH, POST and PUT requests"
                }),
            },
            Some(false) => Reach::listed(listed),
            None => Reach::listed(None),
        };
    }
    if name == "accept-encoding" {
        // Forwarded normalised when it names gzip or br: not a plain yes or no.
        return Reach::listed(None);
    }
    if REMOVED.contains(&name.as_str()) || name.starts_with("x-edge-") {
        return Reach::listed(listed);
    }
    Reach {
        arrives: Some(true),
        why: Some("forward the headers CloudFront does not handle itself"),
    }
}
