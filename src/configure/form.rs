//! The configuration form: every option of the form state, grouped, with inline validation and a
//! short "why" where a choice matters.

use super::fields::{split_list, variant_name, variant_of, Ctl};
use apifront_core::state::{
    ApiKind, AuthMode, AuthorizerKind, CacheMode, CorsMode, FieldError, FormState, ReferenceMode,
    RoutingMode, SecretSource,
};
use yew::prelude::*;

/// Properties of [`ConfigForm`].
#[derive(Properties, PartialEq)]
pub struct ConfigFormProps {
    pub form: FormState,
    pub errors: Vec<FieldError>,
    pub on_change: Callback<FormState>,
}

/// Builds callbacks that copy the state, apply one setter and emit the result.
struct Binder {
    form: FormState,
    on_change: Callback<FormState>,
}

impl Binder {
    fn bind<V: 'static>(&self, set: fn(&mut FormState, V)) -> Callback<V> {
        let (form, on_change) = (self.form.clone(), self.on_change.clone());
        Callback::from(move |v: V| {
            let mut next = form.clone();
            set(&mut next, v);
            on_change.emit(next);
        })
    }

    /// A setter for an enum field chosen in a select by its serde name.
    fn bind_enum<T: serde::de::DeserializeOwned + 'static>(
        &self,
        set: fn(&mut FormState, T),
    ) -> Callback<String> {
        let (form, on_change) = (self.form.clone(), self.on_change.clone());
        Callback::from(move |name: String| {
            if let Some(v) = variant_of::<T>(&name) {
                let mut next = form.clone();
                set(&mut next, v);
                on_change.emit(next);
            }
        })
    }
}

/// The form.
#[function_component(ConfigForm)]
pub fn config_form(props: &ConfigFormProps) -> Html {
    let s = &props.form;
    let errors = props.errors.as_slice();
    let b = Binder {
        form: s.clone(),
        on_change: props.on_change.clone(),
    };
    let ctl = |key, label, why| Ctl {
        key,
        label,
        why,
        errors,
    };

    let api_kind = ctl("api.kind", "API type", Some("A Regional API behind your own distribution; edge-optimized APIs already sit behind an AWS-owned one (two hops).")).select(
        &variant_name(&s.api.kind),
        &[
            ("rest-regional", "REST API (regional)"),
            ("rest-edge", "REST API (edge-optimized)"),
            ("rest-private", "REST API (private)"),
            ("http-api", "HTTP API"),
            ("lambda-url", "Lambda function URL"),
            ("custom-domain", "API Gateway custom domain"),
        ],
        b.bind_enum(|s, v: ApiKind| s.api.kind = v),
    );
    let reference = ctl("api.reference", "How the API is referenced", None).select(
        &variant_name(&s.api.reference),
        &[
            ("literal", "Literal id, region and stage"),
            ("defined-in-stack", "Defined in the same stack"),
        ],
        b.bind_enum(|s, v: ReferenceMode| s.api.reference = v),
    );
    let literal = s.api.reference == ReferenceMode::Literal;
    let api_fields = if literal {
        html! { <>
            { ctl("api.api_id", if s.api.kind == ApiKind::LambdaUrl { "Function URL id" } else { "API id" }, None)
                .text(&s.api.api_id, b.bind(|s, v| s.api.api_id = v)) }
            { ctl("api.region", "Region", None).text(&s.api.region, b.bind(|s, v| s.api.region = v)) }
        </> }
    } else {
        ctl("api.resource_name", "Logical id / resource name", None)
            .text(&s.api.resource_name, b.bind(|s, v| s.api.resource_name = v))
    };
    let stage = match s.api.kind {
        ApiKind::LambdaUrl => Html::default(),
        ApiKind::CustomDomain => html! { <>
            { ctl("api.custom_domain", "Custom domain name", None).text(&s.api.custom_domain, b.bind(|s, v| s.api.custom_domain = v)) }
            { ctl("api.base_path", "Base-path mapping", Some("The origin path is the mapping's base path, never the stage name.")).text(&s.api.base_path, b.bind(|s, v| s.api.base_path = v)) }
        </> },
        _ => ctl("api.stage", "Stage", Some("REST URLs carry the stage (/prod/...), so it goes in the origin path; an HTTP API's $default stage is served from / and needs none."))
            .text(&s.api.stage, b.bind(|s, v| s.api.stage = v)),
    };
    let streaming = (s.api.kind != ApiKind::HttpApi).then(|| {
        ctl(
            "api.streaming",
            "The API streams its responses",
            Some("REST ResponseTransferMode STREAM or a function URL with InvokeMode RESPONSE_STREAM: the origin waits up to 120 s between chunks and 900 s in all."),
        )
        .check(s.api.streaming, b.bind(|s, v| s.api.streaming = v))
    });
    let function = (s.api.kind == ApiKind::LambdaUrl && s.auth.mode == AuthMode::LambdaUrlOac)
        .then(|| {
            ctl(
                "api.function_name",
                "Function name or ARN",
                Some("For the permission that lets CloudFront invoke the URL."),
            )
            .text(&s.api.function_name, b.bind(|s, v| s.api.function_name = v))
        });

    let site = s.routing.mode == RoutingMode::SiteWithApi;
    let routing = html! { <>
        { ctl("routing.mode", "Routing", None).select(
            &variant_name(&s.routing.mode),
            &[("whole-distribution", "The API serves every path"), ("site-with-api", "S3 site as default, API under path patterns")],
            b.bind_enum(|s, v: RoutingMode| s.routing.mode = v)) }
        if site { <>
            { ctl("routing.api_paths", "API path patterns (comma-separated)", Some("A path pattern only selects a behavior: CloudFront forwards the full path, so the API receives /stage/api/... unless you strip the prefix."))
                .text(&s.routing.api_paths.join(", "), b.bind(|s, v: String| s.routing.api_paths = split_list(&v))) }
            { ctl("routing.strip_prefix", "Strip the prefix with a CloudFront Function", None)
                .check(s.routing.strip_prefix, b.bind(|s, v| s.routing.strip_prefix = v)) }
            { ctl("routing.bucket_name", "Site bucket name", None).text(&s.routing.bucket_name, b.bind(|s, v| s.routing.bucket_name = v)) }
            { ctl("routing.bucket_region", "Site bucket region", None).text(&s.routing.bucket_region, b.bind(|s, v| s.routing.bucket_region = v)) }
        </> }
    </> };

    let auth = html! { <>
        { ctl("auth.mode", "Authentication", Some("IAM (SigV4) breaks behind CloudFront: the signature covers the host the client called. Authorization must be forwarded for authorizers to see it."))
            .select(&variant_name(&s.auth.mode), &[
                ("none", "None"),
                ("authorizer", "Authorizer via Authorization (JWT / Cognito / Lambda)"),
                ("api-key", "API key (x-api-key)"),
                ("iam", "IAM (SigV4): not possible behind CloudFront"),
                ("lambda-url-oac", "Lambda URL with origin access control"),
            ], b.bind_enum(|s, v: AuthMode| s.auth.mode = v)) }
        if s.auth.mode == AuthMode::Authorizer {
            { ctl("auth.authorizer", "Authorizer", None).select(&variant_name(&s.auth.authorizer),
                &[("jwt", "JWT"), ("cognito", "Cognito user pool"), ("lambda", "Lambda authorizer")],
                b.bind_enum(|s, v: AuthorizerKind| s.auth.authorizer = v)) }
        }
    </> };

    let caching = html! { <>
        { ctl("caching.mode", "Caching", Some("Caching an authorized API without Authorization in the cache key serves one user's data to another; the generated policy keys on it."))
            .select(&variant_name(&s.caching.mode), &[("off", "Off (CachingDisabled + AllViewerExceptHostHeader)"), ("cache-get", "Cache GET responses of chosen paths")],
            b.bind_enum(|s, v: CacheMode| s.caching.mode = v)) }
        if s.caching.mode == CacheMode::CacheGet { <>
            { ctl("caching.paths", "Cached path patterns (comma-separated)", None)
                .text(&s.caching.paths.join(", "), b.bind(|s, v: String| s.caching.paths = split_list(&v))) }
            { ctl("caching.default_ttl", "Default TTL (s)", None).number(s.caching.default_ttl, b.bind(|s, v| s.caching.default_ttl = v)) }
            { ctl("caching.max_ttl", "Max TTL (s)", None).number(s.caching.max_ttl, b.bind(|s, v| s.caching.max_ttl = v)) }
            { ctl("caching.query_strings", "Query strings in the cache key", None).check(s.caching.query_strings, b.bind(|s, v| s.caching.query_strings = v)) }
        </> }
    </> };

    let cors = html! { <>
        { ctl("cors.mode", "CORS", None).select(&variant_name(&s.cors.mode),
            &[("by-api", "Answered by the API (forward Origin and preflight headers)"), ("by-cloud-front", "Added by a CloudFront response headers policy")],
            b.bind_enum(|s, v: CorsMode| s.cors.mode = v)) }
        if s.cors.mode == CorsMode::ByCloudFront {
            { ctl("cors.allow_origins", "Allowed origins (comma-separated)", None)
                .text(&s.cors.allow_origins.join(", "), b.bind(|s, v: String| s.cors.allow_origins = split_list(&v))) }
        }
    </> };

    let domain = html! { <>
        { ctl("domain.aliases", "Aliases (comma-separated)", None)
            .text(&s.domain.aliases.join(", "), b.bind(|s, v: String| s.domain.aliases = split_list(&v))) }
        { ctl("domain.certificate_arn", "ACM certificate ARN", Some("CloudFront only accepts certificates from us-east-1."))
            .text(&s.domain.certificate_arn, b.bind(|s, v| s.domain.certificate_arn = v)) }
        { ctl("domain.hosted_zone_id", "Route 53 hosted zone id (optional)", None)
            .text(&s.domain.hosted_zone_id, b.bind(|s, v| s.domain.hosted_zone_id = v)) }
        { ctl("domain.minimum_protocol_version", "Minimum TLS version", None).select(&s.domain.minimum_protocol_version,
            &[("TLSv1.2_2025", "TLSv1.2_2025 (recommended)"), ("TLSv1.3_2025", "TLSv1.3_2025 (TLS 1.3 clients only)"), ("TLSv1.2_2021", "TLSv1.2_2021"), ("TLSv1.2_2019", "TLSv1.2_2019")],
            b.bind(|s, v| s.domain.minimum_protocol_version = v)) }
        { ctl("domain.http_version", "HTTP versions", None).select(&s.domain.http_version,
            &[("http2and3", "HTTP/2 and HTTP/3"), ("http2", "HTTP/2"), ("http3", "HTTP/3 only"), ("http1.1", "HTTP/1.1")],
            b.bind(|s, v| s.domain.http_version = v)) }
        { ctl("domain.price_class", "Price class", None).select(&s.domain.price_class,
            &[("PriceClass_All", "All edge locations"), ("PriceClass_200", "PriceClass_200"), ("PriceClass_100", "PriceClass_100 (cheapest)")],
            b.bind(|s, v| s.domain.price_class = v)) }
        { ctl("domain.ipv6", "IPv6", None).check(s.domain.ipv6, b.bind(|s, v| s.domain.ipv6 = v)) }
    </> };

    let protection = html! { <>
        { ctl("protection.secret_header", "Secret origin header", Some("Lets the API refuse requests that bypass CloudFront (and its WAF). The value comes from Secrets Manager or a NoEcho parameter, never a literal."))
            .check(s.protection.secret_header, b.bind(|s, v| s.protection.secret_header = v)) }
        if s.protection.secret_header { <>
            { ctl("protection.secret_header_name", "Header name", None).text(&s.protection.secret_header_name, b.bind(|s, v| s.protection.secret_header_name = v)) }
            { ctl("protection.secret_source", "Value from", None).select(&variant_name(&s.protection.secret_source),
                &[("secrets-manager", "Secrets Manager"), ("parameter", "NoEcho parameter / sensitive variable")],
                b.bind_enum(|s, v: SecretSource| s.protection.secret_source = v)) }
            if s.protection.secret_source == SecretSource::SecretsManager {
                { ctl("protection.secret_name", "Secret name or ARN", None).text(&s.protection.secret_name, b.bind(|s, v| s.protection.secret_name = v)) }
            }
        </> }
        { ctl("protection.web_acl_arn", "WAF web ACL ARN (optional)", None).text(&s.protection.web_acl_arn, b.bind(|s, v| s.protection.web_acl_arn = v)) }
        { ctl("protection.logging_bucket", "Access log bucket (optional)", None).text(&s.protection.logging_bucket, b.bind(|s, v| s.protection.logging_bucket = v)) }
        { ctl("timeouts.read", "Origin read timeout (s)", Some("API Gateway gives up after 29 s (REST) or 30 s (HTTP APIs) unless raised."))
            .number(s.timeouts.read, b.bind(|s, v| s.timeouts.read = v)) }
        { ctl("timeouts.keepalive", "Origin keep-alive timeout (s)", None).number(s.timeouts.keepalive, b.bind(|s, v| s.timeouts.keepalive = v)) }
        { ctl("timeouts.response_completion", "Response completion timeout (s, 0: none)", Some("Caps a whole response; at least the read timeout. Not with continuous deployment."))
            .number(s.timeouts.response_completion, b.bind(|s, v| s.timeouts.response_completion = v)) }
        if s.api.kind == ApiKind::CustomDomain {
            { ctl("protection.client_certificate_arn", "Origin mutual TLS: client certificate ARN (optional)", Some("An ACM certificate in us-east-1 that CloudFront presents to a custom domain requiring mutual TLS; disable the API's default endpoint too."))
                .text(&s.protection.client_certificate_arn, b.bind(|s, v| s.protection.client_certificate_arn = v)) }
        }
    </> };

    html! {
        <form class="config-form" aria-label="Configuration" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <fieldset><legend>{ "API" }</legend>{ api_kind }{ reference }{ api_fields }{ stage }{ for function }{ for streaming }</fieldset>
            <fieldset><legend>{ "Routing" }</legend>{ routing }</fieldset>
            <fieldset><legend>{ "Authentication" }</legend>{ auth }</fieldset>
            <fieldset><legend>{ "Caching and CORS" }</legend>{ caching }{ cors }</fieldset>
            <fieldset><legend>{ "Domain and TLS" }</legend>{ domain }</fieldset>
            <fieldset><legend>{ "Protection and timeouts" }</legend>{ protection }</fieldset>
        </form>
    }
}
