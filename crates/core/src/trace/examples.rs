//! Requests whose trace shows a rule's failure on the rule's own documentation example: what
//! `apifront explain` suggests to try.

/// A request that shows a rule's failure when traced through the rule's documentation example.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TraceExample {
    pub rule: &'static str,
    /// `METHOD URL`.
    pub request: &'static str,
    /// Extra headers, `Name: value`.
    pub headers: &'static [&'static str],
}

/// The host of the documentation examples (they have no alternate domain names).
pub const EXAMPLE_HOST: &str = "d111111abcdef8.cloudfront.net";

const fn ex(rule: &'static str, request: &'static str) -> TraceExample {
    TraceExample {
        rule,
        request,
        headers: &[],
    }
}

static EXAMPLES: &[TraceExample] = &[
    ex(
        "apigw-host-header-forwarded",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "apigw-host-in-cache-key",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "apigw-origin-protocol-not-https-only",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "api-write-methods-not-allowed",
        "POST https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "api-redirect-to-https",
        "POST http://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "apigw-rest-origin-path-missing-stage",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "path-pattern-prefix-not-stripped",
        "GET https://d111111abcdef8.cloudfront.net/api/orders",
    ),
    ex(
        "apigw-origin-path-on-default-stage",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "apigw-iam-auth-behind-cloudfront",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "apigw-default-endpoint-disabled",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "apigw-regional-domain-target-as-origin",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "apigw-origin-needs-custom-config",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "spa-error-rewrite-hits-api",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "api-behavior-caching-enabled",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "target-origin-unknown",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
    ex(
        "aliases-need-custom-certificate",
        "GET https://api.example.com/orders",
    ),
    ex(
        "distribution-disabled",
        "GET https://d111111abcdef8.cloudfront.net/orders",
    ),
];

/// The trace example of a rule, when its documentation example shows the failure in a trace.
pub fn for_rule(slug: &str) -> Option<&'static TraceExample> {
    EXAMPLES.iter().find(|e| e.rule == slug)
}

/// Every trace example.
pub fn all() -> &'static [TraceExample] {
    EXAMPLES
}
