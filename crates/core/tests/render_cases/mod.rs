//! The table of generator cases shared by the round-trip tests and the `render_all` example:
//! every preset plus a spread of option combinations.

use apifront_core::state::{
    presets, ApiKind, AuthMode, CacheMode, CorsMode, ErrorCaching, FormState, ReferenceMode,
    RoutingMode, SecretSource,
};

/// One generator case.
pub struct Case {
    pub name: String,
    pub state: FormState,
    /// Lint warnings the case produces on purpose, with the reason.
    pub expected_warnings: &'static [(&'static str, &'static str)],
}

fn case(name: &str, edit: impl FnOnce(&mut FormState)) -> Case {
    let mut state = FormState {
        name: name.into(),
        ..FormState::default()
    };
    edit(&mut state);
    Case {
        name: name.into(),
        state,
        expected_warnings: &[],
    }
}

const OAC_PAYLOAD: (&str, &str) = (
    "lambda-url-oac-payload-hash",
    "POST/PUT through OAC need x-amz-content-sha256: a documented caveat, not a mistake",
);
const OAC_AUTH: (&str, &str) = (
    "oac-authorization-conflict",
    "AllViewerExceptHostHeader is AWS's policy for function URL origins; OAC replaces Authorization",
);
const CACHING: (&str, &str) = (
    "api-behavior-caching-enabled",
    "the user asked to cache these GET routes, with auth and query strings in the key",
);

const OWN_ROUTES: (&str, &str) = (
    "path-pattern-prefix-not-stripped",
    "the cached patterns are the API's own routes (/products/...), so the prefix must reach it",
);

/// Every case.
pub fn cases() -> Vec<Case> {
    let mut out: Vec<Case> = presets()
        .iter()
        .map(|p| Case {
            name: p.name.to_string(),
            state: p.state.clone(),
            expected_warnings: match p.name {
                "lambda-url-oac" => &[OAC_PAYLOAD, OAC_AUTH],
                "cached-public-get" => &[CACHING, OWN_ROUTES],
                _ => &[],
            },
        })
        .collect();
    out.push(case("http-api-named-stage", |s| {
        s.api.kind = ApiKind::HttpApi;
        s.api.stage = "v1".into();
        s.domain.http_version = "http1.1".into();
        s.domain.ipv6 = false;
        s.domain.price_class = "PriceClass_100".into();
    }));
    let mut edge = case("rest-edge", |s| s.api.kind = ApiKind::RestEdge);
    edge.expected_warnings = &[(
        "apigw-edge-optimized-origin",
        "the user chose an edge-optimized API; the form warns about it",
    )];
    out.push(edge);
    out.push(case("rest-in-stack", |s| {
        s.api.reference = ReferenceMode::DefinedInStack;
        s.api.resource_name = "OrdersApi".into();
        s.auth.mode = AuthMode::Authorizer;
    }));
    out.push(case("http-in-stack", |s| {
        s.api.kind = ApiKind::HttpApi;
        s.api.stage = "$default".into();
        s.api.reference = ReferenceMode::DefinedInStack;
        s.api.resource_name = "HttpApi".into();
    }));
    let mut lambda = case("lambda-url-in-stack", |s| {
        s.api.kind = ApiKind::LambdaUrl;
        s.api.reference = ReferenceMode::DefinedInStack;
        s.api.resource_name = "HandlerUrl".into();
        s.auth.mode = AuthMode::LambdaUrlOac;
    });
    lambda.expected_warnings = &[OAC_PAYLOAD, OAC_AUTH];
    out.push(lambda);
    out.push(case("custom-domain-base-path", |s| {
        s.api.kind = ApiKind::CustomDomain;
        s.api.custom_domain = "internal-api.example.com".into();
        s.api.base_path = "orders".into();
    }));
    let mut key = case("api-key-cached", |s| {
        s.auth.mode = AuthMode::ApiKey;
        s.caching.mode = CacheMode::CacheGet;
        s.caching.paths = vec!["/reports/*".into()];
        s.caching.query_strings = false;
        s.caching.headers = vec!["Accept-Language".into()];
    });
    key.expected_warnings = &[CACHING, OWN_ROUTES];
    out.push(key);
    out.push(case("cors-by-cloudfront", |s| {
        s.cors.mode = CorsMode::ByCloudFront;
        s.cors.allow_credentials = true;
    }));
    let mut protected = case("protected", |s| {
        s.protection.secret_header = true;
        s.protection.secret_source = SecretSource::SecretsManager;
        s.protection.secret_name = "prod/cdn-origin".into();
        s.protection.secret_json_key = "header".into();
        s.protection.web_acl_arn =
            "arn:aws:wafv2:us-east-1:123456789012:global/webacl/api-acl/a1b2c3d4".into();
        s.protection.logging_bucket = "example-cdn-logs".into();
        s.error_caching = vec![
            ErrorCaching { code: 403, ttl: 0 },
            ErrorCaching { code: 503, ttl: 5 },
        ];
        s.timeouts.read = 29;
        s.timeouts.keepalive = 10;
    });
    protected.expected_warnings = &[(
        "error-caching-too-long-for-api",
        "503 cached for 5 s on purpose, to shield an overloaded origin",
    )];
    out.push(protected);
    let mut site = case("site-cached-no-domain", |s| {
        s.routing.mode = RoutingMode::SiteWithApi;
        s.routing.bucket_name = "example-spa".into();
        s.routing.api_paths = vec!["/api/*".into(), "/auth/*".into()];
        s.caching.mode = CacheMode::CacheGet;
        s.caching.paths = vec!["/api/public/*".into()];
        s.auth.mode = AuthMode::Authorizer;
    });
    site.expected_warnings = &[CACHING];
    out.push(site);
    out.push(case("rest-streaming", |s| {
        s.api.streaming = true;
        s.domain.aliases = vec!["chat.example.com".into()];
        s.domain.certificate_arn =
            "arn:aws:acm:us-east-1:123456789012:certificate/0b7e7f4c-1111-2222-3333-444455556666"
                .into();
        s.domain.minimum_protocol_version = "TLSv1.3_2025".into();
    }));
    let mut url_stream = case("lambda-url-streaming", |s| {
        s.api.kind = ApiKind::LambdaUrl;
        s.api.api_id = "abcdefghijklmnopqrstuvwxyz123456".into();
        s.api.function_name = "chat".into();
        s.api.streaming = true;
        s.auth.mode = AuthMode::LambdaUrlOac;
        s.timeouts.response_completion = 600;
    });
    url_stream.expected_warnings = &[OAC_PAYLOAD, OAC_AUTH];
    out.push(url_stream);
    let mut url_stream_stack = case("lambda-url-streaming-in-stack", |s| {
        s.api.kind = ApiKind::LambdaUrl;
        s.api.reference = ReferenceMode::DefinedInStack;
        s.api.resource_name = "HandlerUrl".into();
        s.api.streaming = true;
        s.auth.mode = AuthMode::LambdaUrlOac;
    });
    url_stream_stack.expected_warnings = &[OAC_PAYLOAD, OAC_AUTH];
    out.push(url_stream_stack);
    out.push(case("custom-domain-mtls", |s| {
        s.api.kind = ApiKind::CustomDomain;
        s.api.custom_domain = "api-origin.example.com".into();
        s.protection.client_certificate_arn =
            "arn:aws:acm:us-east-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef"
                .into();
    }));
    out.push(case("site-custom-domain-mtls-stack", |s| {
        s.api.kind = ApiKind::CustomDomain;
        s.api.reference = ReferenceMode::DefinedInStack;
        s.api.resource_name = "ApiDomain".into();
        s.api.custom_domain = "api-origin.example.com".into();
        s.api.streaming = true;
        s.routing.mode = RoutingMode::SiteWithApi;
        s.routing.bucket_name = "example-chat-site".into();
        s.protection.client_certificate_arn =
            "arn:aws:acm:us-east-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef"
                .into();
    }));
    out
}
