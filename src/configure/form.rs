//! The configuration form: every option of the form state, grouped, with inline validation and a
//! short "why" that follows the current choices.

use super::defaults::{id_placeholder, with_api_kind, with_auth_mode, with_routing_mode};
use super::fields::{field_label, split_list, Ctl};
use apifront_core::state::{
    ApiKind, AuthMode, CacheMode, CorsMode, FieldError, FormState, ReferenceMode, RoutingMode,
    SecretSource,
};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ConfigForm`].
#[derive(Properties, PartialEq)]
pub struct ConfigFormProps {
    pub form: Rc<FormState>,
    pub errors: Rc<[FieldError]>,
    pub on_change: Callback<FormState>,
}

/// Builds callbacks that copy the state, apply one change and emit the result.
struct Binder {
    form: Rc<FormState>,
    on_change: Callback<FormState>,
}

impl Binder {
    /// Sets one field.
    fn bind<V: 'static>(&self, set: fn(&mut FormState, V)) -> Callback<V> {
        let (form, on_change) = (self.form.clone(), self.on_change.clone());
        Callback::from(move |v: V| {
            let mut next = (*form).clone();
            set(&mut next, v);
            on_change.emit(next);
        })
    }

    /// A choice whose defaults follow it (see [`super::defaults`]).
    fn choose<V: 'static>(&self, with: fn(&FormState, V) -> FormState) -> Callback<V> {
        let (form, on_change) = (self.form.clone(), self.on_change.clone());
        Callback::from(move |v: V| on_change.emit(with(&form, v)))
    }
}

/// The hint under the API type: what the chosen kind means behind CloudFront.
fn kind_hint(kind: ApiKind) -> &'static str {
    match kind {
        ApiKind::RestRegional => {
            "A Regional REST API behind your own distribution: the usual choice."
        }
        ApiKind::RestEdge => {
            "An edge-optimized API already sits behind an AWS-owned distribution: requests \
             cross two distributions. Prefer a Regional endpoint."
        }
        ApiKind::RestPrivate => {
            "A private API is reachable only through a VPC endpoint; CloudFront needs a VPC \
             origin, which the generator does not produce yet."
        }
        ApiKind::HttpApi => {
            "An HTTP API: its $default stage is served from /, another stage from /stage-name."
        }
        ApiKind::LambdaUrl => {
            "A Lambda function URL: no stage. Origin access control keeps it from being called \
             around CloudFront."
        }
        ApiKind::CustomDomain => {
            "An API Gateway custom domain name: the origin path is the base-path mapping, never \
             the stage."
        }
    }
}

/// The hint under the stage.
fn stage_hint(kind: ApiKind) -> &'static str {
    if kind == ApiKind::HttpApi {
        "$default is served from / and needs no origin path; another stage becomes the origin path."
    } else {
        "REST URLs carry the stage (/prod/...), so it becomes the origin path."
    }
}

/// The form.
#[function_component(ConfigForm)]
pub fn config_form(props: &ConfigFormProps) -> Html {
    let s = &*props.form;
    let errors = &*props.errors;
    let b = Binder {
        form: props.form.clone(),
        on_change: props.on_change.clone(),
    };
    let ctl = |key, why| Ctl {
        key,
        label: field_label(s, key),
        why,
        placeholder: None,
        errors,
    };

    let name = ctl(
        "name",
        Some("Used in resource names and in the distribution's comment."),
    )
    .text(&s.name, b.bind(|s, v| s.name = v));
    let api_kind =
        ctl("api.kind", Some(kind_hint(s.api.kind))).choice(s.api.kind, b.choose(with_api_kind));
    let reference =
        ctl("api.reference", None).choice(s.api.reference, b.bind(|s, v| s.api.reference = v));
    let literal = s.api.reference == ReferenceMode::Literal;
    let api_fields = if literal {
        let id = Ctl {
            placeholder: Some(id_placeholder(s.api.kind)),
            ..ctl(
                "api.api_id",
                Some(if s.api.kind == ApiKind::LambdaUrl {
                    "The first label of the function URL's host name (32 characters)."
                } else {
                    "The first label of the API's execute-api host name (10 characters)."
                }),
            )
        };
        html! { <>
            { id.text(&s.api.api_id, b.bind(|s, v| s.api.api_id = v)) }
            { ctl("api.region", None).text(&s.api.region, b.bind(|s, v| s.api.region = v)) }
        </> }
    } else {
        ctl("api.resource_name", None)
            .text(&s.api.resource_name, b.bind(|s, v| s.api.resource_name = v))
    };
    let stage = match s.api.kind {
        ApiKind::LambdaUrl => Html::default(),
        ApiKind::CustomDomain => html! { <>
            { ctl("api.custom_domain", None).text(&s.api.custom_domain, b.bind(|s, v| s.api.custom_domain = v)) }
            { ctl("api.base_path", Some("The origin path is the mapping's base path, never the stage name.")).text(&s.api.base_path, b.bind(|s, v| s.api.base_path = v)) }
        </> },
        kind => Ctl {
            placeholder: Some(if kind == ApiKind::HttpApi {
                "$default"
            } else {
                "prod"
            }),
            ..ctl("api.stage", Some(stage_hint(kind)))
        }
        .text(&s.api.stage, b.bind(|s, v| s.api.stage = v)),
    };
    let streaming = (s.api.kind != ApiKind::HttpApi).then(|| {
        ctl(
            "api.streaming",
            Some("REST ResponseTransferMode STREAM or a function URL with InvokeMode RESPONSE_STREAM: the origin waits up to 120 s between chunks and 900 s in all."),
        )
        .check(s.api.streaming, b.bind(|s, v| s.api.streaming = v))
    });
    let function = (s.api.kind == ApiKind::LambdaUrl && s.auth.mode == AuthMode::LambdaUrlOac)
        .then(|| {
            ctl(
                "api.function_name",
                Some("For the permission that lets CloudFront invoke the URL."),
            )
            .text(&s.api.function_name, b.bind(|s, v| s.api.function_name = v))
        });

    let site = s.routing.mode == RoutingMode::SiteWithApi;
    let routing = html! { <>
        { ctl("routing.mode", None).choice(s.routing.mode, b.choose(with_routing_mode)) }
        if site { <>
            { ctl("routing.api_paths", Some("Comma-separated. A path pattern only selects a behavior: CloudFront forwards the full path, so the API receives /stage/api/... unless you strip the prefix."))
                .text(&s.routing.api_paths.join(", "), b.bind(|s, v: String| s.routing.api_paths = split_list(&v))) }
            { ctl("routing.strip_prefix", None)
                .check(s.routing.strip_prefix, b.bind(|s, v| s.routing.strip_prefix = v)) }
            { ctl("routing.bucket_name", Some("Bucket names are global: enter your own.")).text(&s.routing.bucket_name, b.bind(|s, v| s.routing.bucket_name = v)) }
            { ctl("routing.bucket_region", None).text(&s.routing.bucket_region, b.bind(|s, v| s.routing.bucket_region = v)) }
        </> }
    </> };

    let auth = html! { <>
        { ctl("auth.mode", Some(match s.auth.mode {
            AuthMode::Iam => "IAM (SigV4) breaks behind CloudFront: the signature covers the host the client called.",
            AuthMode::LambdaUrlOac => "CloudFront signs each request to the function URL; the viewer's Authorization is replaced.",
            _ => "Authorization must be forwarded for authorizers to see it; the generated policies do.",
        })).choice(s.auth.mode, b.choose(with_auth_mode)) }
        if s.auth.mode == AuthMode::Authorizer {
            { ctl("auth.authorizer", None).choice(s.auth.authorizer, b.bind(|s, v| s.auth.authorizer = v)) }
        }
    </> };

    let caching = html! { <>
        { ctl("caching.mode", Some("Caching an authorized API without Authorization in the cache key serves one user's data to another; the generated policy keys on it."))
            .choice(s.caching.mode, b.bind(|s, v| s.caching.mode = v)) }
        if s.caching.mode == CacheMode::CacheGet { <>
            { ctl("caching.paths", Some("Comma-separated."))
                .text(&s.caching.paths.join(", "), b.bind(|s, v: String| s.caching.paths = split_list(&v))) }
            { ctl("caching.default_ttl", None).number(s.caching.default_ttl, b.bind(|s, v| s.caching.default_ttl = v)) }
            { ctl("caching.max_ttl", None).number(s.caching.max_ttl, b.bind(|s, v| s.caching.max_ttl = v)) }
            { ctl("caching.query_strings", None).check(s.caching.query_strings, b.bind(|s, v| s.caching.query_strings = v)) }
        </> }
    </> };

    let cors = html! { <>
        { ctl("cors.mode", None).choice(s.cors.mode, b.bind(|s, v| s.cors.mode = v)) }
        if s.cors.mode == CorsMode::ByCloudFront {
            { ctl("cors.allow_origins", Some("Comma-separated."))
                .text(&s.cors.allow_origins.join(", "), b.bind(|s, v: String| s.cors.allow_origins = split_list(&v))) }
        }
    </> };

    let domain = html! { <>
        { ctl("domain.aliases", Some("Comma-separated; leave empty to use the *.cloudfront.net name."))
            .text(&s.domain.aliases.join(", "), b.bind(|s, v: String| s.domain.aliases = split_list(&v))) }
        if !s.domain.aliases.is_empty() || !s.domain.certificate_arn.is_empty() {
            { ctl("domain.certificate_arn", Some("CloudFront only accepts certificates from us-east-1."))
                .text(&s.domain.certificate_arn, b.bind(|s, v| s.domain.certificate_arn = v)) }
            { ctl("domain.hosted_zone_id", Some("Optional: adds Route 53 alias records."))
                .text(&s.domain.hosted_zone_id, b.bind(|s, v| s.domain.hosted_zone_id = v)) }
        }
        { ctl("domain.minimum_protocol_version", Some("Applies with your own certificate. TLSv1.2_2025 is AWS's newest policy that still accepts TLS 1.2 clients; TLSv1.3_2025 refuses them."))
            .select(&s.domain.minimum_protocol_version,
            &[("TLSv1.2_2025", "TLSv1.2_2025 (recommended)"), ("TLSv1.3_2025", "TLSv1.3_2025 (TLS 1.3 clients only)"), ("TLSv1.2_2021", "TLSv1.2_2021")],
            b.bind(|s, v| s.domain.minimum_protocol_version = v)) }
        { ctl("domain.http_version", None).select(&s.domain.http_version,
            &[("http2and3", "HTTP/2 and HTTP/3"), ("http2", "HTTP/2"), ("http3", "HTTP/3 only"), ("http1.1", "HTTP/1.1")],
            b.bind(|s, v| s.domain.http_version = v)) }
        { ctl("domain.price_class", None).select(&s.domain.price_class,
            &[("PriceClass_All", "All edge locations"), ("PriceClass_200", "PriceClass_200"), ("PriceClass_100", "PriceClass_100 (cheapest)")],
            b.bind(|s, v| s.domain.price_class = v)) }
        { ctl("domain.ipv6", None).check(s.domain.ipv6, b.bind(|s, v| s.domain.ipv6 = v)) }
    </> };

    let protection = html! { <>
        { ctl("protection.secret_header", Some("Lets the API refuse requests that bypass CloudFront (and its WAF). The value comes from Secrets Manager or a NoEcho parameter, never a literal."))
            .check(s.protection.secret_header, b.bind(|s, v| s.protection.secret_header = v)) }
        if s.protection.secret_header { <>
            { ctl("protection.secret_header_name", None).text(&s.protection.secret_header_name, b.bind(|s, v| s.protection.secret_header_name = v)) }
            { ctl("protection.secret_source", None).choice(s.protection.secret_source, b.bind(|s, v| s.protection.secret_source = v)) }
            if s.protection.secret_source == SecretSource::SecretsManager {
                { ctl("protection.secret_name", None).text(&s.protection.secret_name, b.bind(|s, v| s.protection.secret_name = v)) }
            }
        </> }
        { ctl("protection.web_acl_arn", Some("Optional.")).text(&s.protection.web_acl_arn, b.bind(|s, v| s.protection.web_acl_arn = v)) }
        { ctl("protection.logging_bucket", Some("Optional.")).text(&s.protection.logging_bucket, b.bind(|s, v| s.protection.logging_bucket = v)) }
        { ctl("timeouts.read", Some(if s.api.streaming {
            "A streaming origin gets at least 120 s: the timeout also bounds the pause between two chunks."
          } else if s.api.kind == ApiKind::HttpApi {
            "HTTP API integrations time out after 30 s."
          } else {
            "API Gateway REST integrations give up after 29 s unless raised."
          })).number(s.timeouts.read, b.bind(|s, v| s.timeouts.read = v)) }
        { ctl("timeouts.keepalive", None).number(s.timeouts.keepalive, b.bind(|s, v| s.timeouts.keepalive = v)) }
        { ctl("timeouts.response_completion", Some("0: no limit. Caps a whole response; at least the read timeout. Not with continuous deployment."))
            .number(s.timeouts.response_completion, b.bind(|s, v| s.timeouts.response_completion = v)) }
        if s.api.kind == ApiKind::CustomDomain {
            { ctl("protection.client_certificate_arn", Some("Optional. An ACM certificate in us-east-1 that CloudFront presents to a custom domain requiring mutual TLS; disable the API's default endpoint too."))
                .text(&s.protection.client_certificate_arn, b.bind(|s, v| s.protection.client_certificate_arn = v)) }
        }
    </> };

    html! {
        <form class="config-form" aria-label="Configuration" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <fieldset><legend>{ "API" }</legend>{ name }{ api_kind }{ reference }{ api_fields }{ stage }{ for function }{ for streaming }</fieldset>
            <fieldset><legend>{ "Routing" }</legend>{ routing }</fieldset>
            <fieldset><legend>{ "Authentication" }</legend>{ auth }</fieldset>
            <fieldset><legend>{ "Caching and CORS" }</legend>{ caching }{ cors }</fieldset>
            <fieldset><legend>{ "Domain and TLS" }</legend>{ domain }</fieldset>
            <fieldset><legend>{ "Protection and timeouts" }</legend>{ protection }</fieldset>
        </form>
    }
}
