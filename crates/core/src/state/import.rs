//! The closest form state for a parsed configuration, and what could not be carried over.
//!
//! The import keeps what the configuration says: the API's kind (from its resource when the
//! input defines it, else from its host and origin path), the stage (the origin path, else the
//! API's stage resource), the site bucket and the API's path patterns. Whatever the form cannot
//! hold, or had to fill in, is listed in words.

use super::{
    ApiKind, AuthMode, CacheMode, ErrorCaching, FormState, ReferenceMode, RoutingMode, SecretSource,
};
use crate::forwarding::describe_unknown;
use crate::lint::Key;
use crate::managed;
use crate::model::{self, Behavior, Distribution, Document, Format, Origin, OriginKind, PolicyRef};
use crate::value::Val;

/// Header names that look like an origin secret.
const SECRET_HEADER_HINTS: &[&str] = &["verify", "secret", "origin", "token", "x-api-key"];

/// The site bucket name the form uses when the configuration does not give one.
const BUCKET_PLACEHOLDER: &str = "example-site-assets";

/// Derives the form state closest to the first distribution of `doc`, with a list of what could
/// not be carried over (one line each, in words).
pub fn state_from_model(doc: &Document) -> (FormState, Vec<String>) {
    let mut state = FormState::default();
    let mut lost = Vec::new();
    let Some(dist) = doc.distributions.first() else {
        lost.push("the input has no CloudFront distribution".into());
        return (state, lost);
    };
    if doc.distributions.len() > 1 {
        lost.push(format!(
            "only the first of {} distributions was imported",
            doc.distributions.len()
        ));
    }
    if let Some(c) = dist.comment.get().filter(|c| !c.is_empty()) {
        state.name = slug(c);
    }
    let Some(api) = dist.origins.iter().find(|o| o.kind.0.is_api()) else {
        lost.push("no API Gateway or Lambda URL origin was recognised".into());
        return (state, lost);
    };
    api_origin(&mut state, api, doc, &mut lost);
    routing(&mut state, dist, api, &mut lost);
    behaviors(&mut state, doc.format, dist, api, &mut lost);
    viewer(&mut state, doc.format, dist, &mut lost);
    let site_id = dist
        .default_behavior
        .as_ref()
        .and_then(|b| b.target_origin_id.get())
        .filter(|_| state.routing.mode == RoutingMode::SiteWithApi);
    for o in &dist.origins {
        if o.id.get() != api.id.get() && o.id.get() != site_id {
            lost.push(format!(
                "origin `{}` ({}): the form holds one API origin and an optional S3 site",
                o.id.get().map(String::as_str).unwrap_or("?"),
                describe_kind(&o.kind.0)
            ));
        }
    }
    (state, lost)
}

/// An origin kind in words.
fn describe_kind(kind: &OriginKind) -> &'static str {
    match kind {
        OriginKind::ApiGatewayDefault { .. } => "an API Gateway API",
        OriginKind::ApiGatewayRegionalDomainTarget => "the target of an API Gateway custom domain",
        OriginKind::ApiGatewayCustomDomain => "an API Gateway custom domain",
        OriginKind::ApiGatewayPrivateVpce => "a private API behind a VPC endpoint",
        OriginKind::LambdaUrl { .. } => "a Lambda function URL",
        OriginKind::S3 => "an S3 bucket",
        OriginKind::S3Website => "an S3 website endpoint",
        OriginKind::CloudFront => "another CloudFront distribution",
        OriginKind::Other => "a custom origin",
        OriginKind::Unknown => "a host not known statically",
    }
}

/// The REST kind an API resource's endpoint types say (EDGE when absent, as AWS defaults).
fn rest_kind(api: &model::Api) -> ApiKind {
    let types: Vec<String> = api
        .endpoint_types
        .known_items()
        .unwrap_or_default()
        .into_iter()
        .map(|t| t.to_ascii_uppercase())
        .collect();
    if !api.endpoint_types.is_present() || types.iter().any(|t| t == "EDGE") {
        ApiKind::RestEdge
    } else if types.iter().any(|t| t == "PRIVATE") {
        ApiKind::RestPrivate
    } else {
        ApiKind::RestRegional
    }
}

/// The stage name of the input's stage resource for `api_name`, if one is defined.
fn stage_of(doc: &Document, api_name: &str) -> Option<String> {
    doc.stages
        .iter()
        .filter(|s| s.api_ref.as_deref() == Some(api_name))
        .find_map(|s| s.stage_name.get().cloned())
}

/// Fills the form's API section from the API origin `api`, noting in `lost` what the form
/// cannot hold or had to guess.
fn api_origin(state: &mut FormState, api: &Origin, doc: &Document, lost: &mut Vec<String>) {
    let path = api.origin_path.get().cloned().unwrap_or_default();
    let trimmed = path.trim_matches('/').to_string();
    match &api.kind.0 {
        OriginKind::ApiGatewayDefault { api_id, region } => {
            state.api.api_id = api_id.clone().unwrap_or_default();
            state.api.region = region.clone().unwrap_or_default();
            api_gateway_stage(state, api, doc, &trimmed, lost);
        }
        OriginKind::LambdaUrl { region } => {
            state.api.region = region.clone().unwrap_or_default();
            lambda_url(state, api, &trimmed, lost);
        }
        _ => {
            state.api.kind = ApiKind::CustomDomain;
            state.api.custom_domain = api.domain_name.get().cloned().unwrap_or_default();
            state.api.base_path = trimmed;
        }
    }
    if let Some(r) = api.api_ref.as_ref().or(api.lambda_url_ref.as_ref()) {
        state.api.reference = ReferenceMode::DefinedInStack;
        state.api.resource_name = r.rsplit('.').next().unwrap_or(r).into();
    } else if let Val::Unknown(why) = &api.domain_name.val {
        lost.push(format!(
            "the API origin's host name: it comes from {}, which the form cannot refer to; enter \
             the API's id and region",
            describe_unknown(why)
        ));
    }
    timeouts(state, api);
    custom_headers(state, api, lost);
}

/// The API type and stage of an API Gateway origin on its default endpoint, from the API
/// resource of the input when there is one, else from the origin path (`trimmed`).
fn api_gateway_stage(
    state: &mut FormState,
    api: &Origin,
    doc: &Document,
    trimmed: &str,
    lost: &mut Vec<String>,
) {
    let resource = api
        .api_ref
        .as_deref()
        .and_then(|r| doc.apis.iter().find(|a| a.name == r));
    match resource.map(|r| (r, r.kind)) {
        Some((_, model::ApiKind::Http)) => {
            state.api.kind = ApiKind::HttpApi;
            state.api.stage = if trimmed.is_empty() {
                "$default".into()
            } else {
                trimmed.to_string()
            };
        }
        Some((r, model::ApiKind::Rest)) => {
            state.api.kind = rest_kind(r);
            state.api.stage = if trimmed.is_empty() {
                match stage_of(doc, &r.name) {
                    Some(stage) => {
                        lost.push(format!(
                            "the API's origin has no stage in its origin path (requests \
                             miss every route): the form takes stage `{stage}` from the \
                             API's stage resource, so the generated origin path is /{stage}"
                        ));
                        stage
                    }
                    None => {
                        lost.push(
                            "the stage: the REST API's origin has no origin path and the \
                             input defines no stage; enter it in the form"
                                .into(),
                        );
                        String::new()
                    }
                }
            } else {
                trimmed.to_string()
            };
        }
        _ if trimmed == "$default" => {
            state.api.kind = ApiKind::HttpApi;
            state.api.stage = "$default".into();
            lost.push(
                "origin path /$default: an HTTP API serves its $default stage from /, so \
                 the generated origin has no path"
                    .into(),
            );
        }
        _ if trimmed.is_empty() => {
            state.api.kind = ApiKind::HttpApi;
            state.api.stage = "$default".into();
            lost.push(
                "the API type: the origin has no path, so it is taken as an HTTP API on \
                 its $default stage; if it is a REST API, choose REST and enter its stage"
                    .into(),
            );
        }
        _ => {
            state.api.kind = ApiKind::RestRegional;
            state.api.stage = trimmed.to_string();
            if resource.is_none() {
                lost.push(format!(
                    "the API type: the origin path /{trimmed} is taken as the stage of a \
                     Regional REST API; if it is an HTTP API stage or an edge-optimized \
                     API, change the API type"
                ));
            }
        }
    }
    if trimmed.contains('/') {
        lost.push(format!(
            "origin path /{trimmed}: the form holds a stage name without slashes"
        ));
    }
}

/// A Lambda function URL origin: its id, and the OAC and origin path the form cannot keep.
fn lambda_url(state: &mut FormState, api: &Origin, trimmed: &str, lost: &mut Vec<String>) {
    state.api.kind = ApiKind::LambdaUrl;
    state.api.api_id = api
        .domain_name
        .get()
        .and_then(|d| d.split('.').next())
        .unwrap_or_default()
        .into();
    state.api.stage = String::new();
    if api.origin_access_control_id.is_present() {
        state.auth.mode = AuthMode::LambdaUrlOac;
        lost.push("the Lambda function name for the invoke permission".into());
    }
    if !trimmed.is_empty() {
        lost.push(format!("origin path /{trimmed} of the function URL origin"));
    }
}

/// The origin's timeouts and mutual TLS certificate.
fn timeouts(state: &mut FormState, api: &Origin) {
    if let Some(c) = &api.custom_origin_config {
        if let Some(t) = c.origin_read_timeout.get() {
            state.timeouts.read = u32::try_from(*t).unwrap_or(30);
        }
        if let Some(t) = c.origin_keepalive_timeout.get() {
            state.timeouts.keepalive = u32::try_from(*t).unwrap_or(5);
        }
        if let Some(arn) = c
            .origin_mtls
            .as_ref()
            .and_then(|m| m.client_certificate_arn.get())
        {
            state.protection.client_certificate_arn = arn.clone();
        }
    }
    if let Some(t) = api.response_completion_timeout.get() {
        state.timeouts.response_completion = u32::try_from(*t).unwrap_or(0);
    }
}

/// The origin's custom headers: a secret header (from Secrets Manager or a parameter) the form
/// keeps; the others are noted in `lost`.
fn custom_headers(state: &mut FormState, api: &Origin, lost: &mut Vec<String>) {
    let p = &mut state.protection;
    for h in &api.custom_headers {
        let Some(name) = h.name.get() else { continue };
        let lower = name.to_ascii_lowercase();
        if !p.secret_header && SECRET_HEADER_HINTS.iter().any(|s| lower.contains(s)) {
            p.secret_header = true;
            p.secret_header_name = name.clone();
            match &h.value.val {
                crate::value::Val::Unknown(crate::value::Unknown::DynamicReference(r)) => {
                    if let Some(secret) = secret_name(r) {
                        p.secret_source = SecretSource::SecretsManager;
                        p.secret_name = secret;
                    }
                }
                crate::value::Val::Unknown(crate::value::Unknown::Parameter { .. }) => {
                    p.secret_source = SecretSource::Parameter;
                }
                _ => lost.push(format!(
                    "the value of `{name}` (the generator reads it from Secrets Manager or a parameter instead)"
                )),
            }
        } else {
            lost.push(format!("origin custom header `{name}`"));
        }
    }
}

/// The secret name of a `{{resolve:secretsmanager:NAME:SecretString:KEY}}` reference.
fn secret_name(reference: &str) -> Option<String> {
    let inner = reference
        .trim_start_matches("{{resolve:secretsmanager:")
        .trim_end_matches("}}");
    let name = match inner.split_once(":SecretString") {
        Some((n, _)) => n,
        None => inner,
    };
    (!name.is_empty() && !name.starts_with("{{")).then(|| name.to_string())
}

fn routing(state: &mut FormState, dist: &Distribution, api: &Origin, lost: &mut Vec<String>) {
    let api_paths: Vec<String> = dist
        .behaviors
        .iter()
        .filter(|b| b.target_origin_id.get() == api.id.get())
        .filter_map(|b| b.path_pattern.as_ref()?.get().cloned())
        .collect();
    let Some(default) = &dist.default_behavior else {
        return;
    };
    let default_origin = default
        .target_origin_id
        .get()
        .and_then(|id| dist.origin(id));
    let Some(site) = default_origin.filter(|o| o.id.get() != api.id.get()) else {
        // The API serves every path: its own path patterns have no place in the form.
        if !api_paths.is_empty() {
            lost.push(format!(
                "the API's path patterns {}: with the API as the default behavior, the form routes every path to it",
                api_paths.join(", ")
            ));
        }
        return;
    };
    if !matches!(site.kind.0, OriginKind::S3) {
        lost.push(format!(
            "the default behavior goes to `{}` ({}), not an S3 site",
            site.id.get().map(String::as_str).unwrap_or("?"),
            describe_kind(&site.kind.0)
        ));
        return;
    }
    state.routing.mode = RoutingMode::SiteWithApi;
    match &site.domain_name.val {
        Val::Known(host) => {
            state.routing.bucket_name = host.split(".s3").next().unwrap_or_default().into();
            state.routing.bucket_region = host
                .split('.')
                .find(|l| super::validate::is_region(l))
                .unwrap_or_default()
                .into();
        }
        Val::Unknown(why) => {
            state.routing.bucket_name = BUCKET_PLACEHOLDER.into();
            lost.push(format!(
                "the site bucket's name: the S3 origin's host comes from {}; the form uses \
                 `{BUCKET_PLACEHOLDER}`: enter your bucket's name",
                describe_unknown(why)
            ));
        }
        Val::Absent => {
            state.routing.bucket_name = BUCKET_PLACEHOLDER.into();
            lost.push(format!(
                "the site bucket's name: the S3 origin has no host; the form uses \
                 `{BUCKET_PLACEHOLDER}`: enter your bucket's name"
            ));
        }
    }
    state.routing.api_paths = api_paths;
    state.routing.strip_prefix = dist
        .behaviors
        .iter()
        .any(|b| !b.function_associations.is_empty());
}

fn behaviors(
    state: &mut FormState,
    format: Format,
    dist: &Distribution,
    api: &Origin,
    lost: &mut Vec<String>,
) {
    let api_behaviors: Vec<&Behavior> = dist
        .all_behaviors()
        .filter(|b| b.target_origin_id.get() == api.id.get())
        .collect();
    let cached: Vec<&Behavior> = api_behaviors
        .iter()
        .copied()
        .filter(|b| match b.cache_policy_id.get() {
            Some(PolicyRef::Id(id)) => id != managed::CACHING_DISABLED,
            Some(PolicyRef::Local(_)) => true,
            None => false,
        })
        .collect();
    let cached_paths: Vec<String> = cached
        .iter()
        .filter_map(|b| b.path_pattern.as_ref()?.get().cloned())
        .collect();
    if cached.iter().any(|b| b.is_default()) {
        lost.push(
            "caching of the default behavior: the form caches GET responses of chosen path              patterns only"
                .into(),
        );
    }
    if !cached_paths.is_empty() {
        state.caching.mode = CacheMode::CacheGet;
        state.caching.paths = cached_paths;
        lost.push("the cache policy's TTLs and key (defaults used)".into());
    }
    for b in api_behaviors {
        if let Some(PolicyRef::Id(id)) = b.origin_request_policy_id.get() {
            if id != managed::ALL_VIEWER_EXCEPT_HOST_HEADER {
                lost.push(format!(
                    "origin request policy {} (the generator uses AllViewerExceptHostHeader)",
                    managed::name_of_id(id).unwrap_or(id)
                ));
            }
        }
        if b.forwarded_values.is_some() {
            lost.push(format!(
                "legacy {} (replaced by managed policies)",
                Key::FORWARDED_VALUES.name(format)
            ));
        }
        if !b.lambda_function_associations.is_empty() {
            lost.push(format!(
                "Lambda@Edge functions of the {} (the form has none)",
                behavior_words(b)
            ));
        }
        if b.response_headers_policy_id.is_present() {
            lost.push(format!(
                "the response headers policy of the {}",
                behavior_words(b)
            ));
        }
    }
}

/// "default behavior" or "behavior `/api/*`".
fn behavior_words(b: &Behavior) -> String {
    match b.path_pattern.as_ref().and_then(|p| p.get()) {
        Some(p) => format!("behavior `{p}`"),
        None => "default behavior".into(),
    }
}

fn viewer(state: &mut FormState, format: Format, dist: &Distribution, lost: &mut Vec<String>) {
    let d = &mut state.domain;
    if let Some(aliases) = dist.aliases.known_items() {
        d.aliases = aliases.into_iter().map(String::from).collect();
    }
    let vc = &dist.viewer_certificate;
    match &vc.acm_certificate_arn.val {
        Val::Known(arn) => d.certificate_arn = arn.clone(),
        Val::Unknown(why) => lost.push(format!(
            "the ACM certificate ARN: it comes from {}; enter it",
            describe_unknown(why)
        )),
        Val::Absent if !d.aliases.is_empty() => lost.push(
            "the certificate: the configuration has aliases but no ACM certificate (CloudFront \
             refuses aliases on its default certificate); enter one from us-east-1"
                .into(),
        ),
        Val::Absent => {}
    }
    if vc.iam_certificate_id.is_present() {
        lost.push("IAM server certificate (the generator uses ACM)".into());
    }
    if let Some(v) = vc.minimum_protocol_version.get() {
        if d.certificate_arn.is_empty() {
            // The default certificate forces TLSv1; keep the recommended value.
        } else {
            d.minimum_protocol_version = v.clone();
        }
    }
    if let Some(v) = dist.http_version.get() {
        d.http_version = v.clone();
    }
    if let Some(v) = dist.ipv6_enabled.get() {
        d.ipv6 = *v;
    }
    if let Some(v) = dist.price_class.get() {
        d.price_class = v.clone();
    }
    if let Some(v) = dist.web_acl_id.get() {
        state.protection.web_acl_arn = v.clone();
    }
    if let Some(b) = dist.logging.bucket.get() {
        state.protection.logging_bucket = b.split(".s3").next().unwrap_or_default().into();
    }
    if let Some(t) = dist.geo_restriction_type.get().filter(|t| *t != "none") {
        lost.push(format!("the geographic restriction ({t})"));
    }
    if !dist.custom_error_responses.is_empty() {
        state.error_caching = dist
            .custom_error_responses
            .iter()
            .filter_map(|e| {
                Some(ErrorCaching {
                    code: u16::try_from(*e.error_code.get()?).ok()?,
                    ttl: e
                        .error_caching_min_ttl
                        .get()
                        .map_or(10, |t| u32::try_from(*t).unwrap_or(10)),
                })
            })
            .collect();
        if dist
            .custom_error_responses
            .iter()
            .any(|e| e.response_page_path.is_present())
        {
            lost.push(format!(
                "custom error pages ({} / {})",
                Key::RESPONSE_PAGE_PATH.name(format),
                Key::RESPONSE_CODE.name(format)
            ));
        }
    }
}

/// A form name from a distribution comment.
fn slug(comment: &str) -> String {
    let mut s: String = comment
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    while s.contains("--") {
        s = s.replace("--", "-");
    }
    let s = s.trim_matches('-');
    let s: String = s.chars().take(64).collect();
    if s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s.trim_end_matches('-').to_string()
    } else {
        "apifront".into()
    }
}
