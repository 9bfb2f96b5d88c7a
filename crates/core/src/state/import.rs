//! The closest form state for a parsed configuration.

use super::{
    ApiKind, AuthMode, CacheMode, ErrorCaching, FormState, ReferenceMode, RoutingMode, SecretSource,
};
use crate::managed;
use crate::model::{Behavior, Distribution, Document, Origin, OriginKind, PolicyRef};

/// Header names that look like an origin secret.
const SECRET_HEADER_HINTS: &[&str] = &["verify", "secret", "origin", "token", "x-api-key"];

/// Derives the form state closest to the first distribution of `doc`, with a list of what could
/// not be carried over (one human-readable line each).
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
    behaviors(&mut state, dist, api, &mut lost);
    viewer(&mut state, dist, &mut lost);
    let site_id = dist
        .default_behavior
        .as_ref()
        .and_then(|b| b.target_origin_id.get())
        .filter(|_| state.routing.mode == RoutingMode::SiteWithApi);
    for o in &dist.origins {
        if o.id.get() != api.id.get() && o.id.get() != site_id {
            lost.push(format!(
                "origin `{}` ({:?}) has no place in the form",
                o.id.get().map(String::as_str).unwrap_or("?"),
                o.kind.0
            ));
        }
    }
    (state, lost)
}

fn api_origin(state: &mut FormState, api: &Origin, doc: &Document, lost: &mut Vec<String>) {
    let path = api.origin_path.get().cloned().unwrap_or_default();
    match &api.kind.0 {
        OriginKind::ApiGatewayDefault { api_id, region } => {
            let is_http = api
                .api_ref
                .as_deref()
                .and_then(|r| doc.apis.iter().find(|a| a.name == r))
                .is_some_and(|a| a.kind == crate::model::ApiKind::Http);
            state.api.kind = if is_http || path.is_empty() {
                ApiKind::HttpApi
            } else {
                ApiKind::RestRegional
            };
            state.api.api_id = api_id.clone().unwrap_or_default();
            state.api.region = region.clone().unwrap_or_default();
            state.api.stage = match path.trim_matches('/') {
                "" => "$default".into(),
                s => s.into(),
            };
        }
        OriginKind::LambdaUrl { region } => {
            state.api.kind = ApiKind::LambdaUrl;
            state.api.region = region.clone().unwrap_or_default();
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
        }
        _ => {
            state.api.kind = ApiKind::CustomDomain;
            state.api.custom_domain = api.domain_name.get().cloned().unwrap_or_default();
            state.api.base_path = path.trim_matches('/').into();
        }
    }
    if let Some(r) = api.api_ref.as_ref().or(api.lambda_url_ref.as_ref()) {
        state.api.reference = ReferenceMode::DefinedInStack;
        state.api.resource_name = r.rsplit('.').next().unwrap_or(r).into();
    } else if api.domain_name.get().is_none() {
        lost.push("the API origin's host name is not known statically".into());
    }
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
    let Some(default) = &dist.default_behavior else {
        return;
    };
    let default_origin = default
        .target_origin_id
        .get()
        .and_then(|id| dist.origin(id));
    let Some(site) = default_origin.filter(|o| o.id.get() != api.id.get()) else {
        return;
    };
    if !matches!(site.kind.0, OriginKind::S3) {
        lost.push("the default behavior goes to a non-S3 origin".into());
        return;
    }
    state.routing.mode = RoutingMode::SiteWithApi;
    if let Some(host) = site.domain_name.get() {
        state.routing.bucket_name = host.split(".s3").next().unwrap_or_default().into();
        state.routing.bucket_region = host
            .split('.')
            .find(|l| super::validate::is_region(l))
            .unwrap_or_default()
            .into();
    }
    state.routing.api_paths = dist
        .behaviors
        .iter()
        .filter(|b| b.target_origin_id.get() == api.id.get())
        .filter_map(|b| b.path_pattern.as_ref()?.get().cloned())
        .collect();
    state.routing.strip_prefix = dist
        .behaviors
        .iter()
        .any(|b| !b.function_associations.is_empty());
}

fn behaviors(state: &mut FormState, dist: &Distribution, api: &Origin, lost: &mut Vec<String>) {
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
    if !cached.is_empty() {
        state.caching.mode = CacheMode::CacheGet;
        state.caching.paths = cached
            .iter()
            .filter_map(|b| b.path_pattern.as_ref()?.get().cloned())
            .collect();
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
            lost.push("legacy ForwardedValues (replaced by managed policies)".into());
        }
    }
}

fn viewer(state: &mut FormState, dist: &Distribution, lost: &mut Vec<String>) {
    let d = &mut state.domain;
    if let Some(aliases) = dist.aliases.known_items() {
        d.aliases = aliases.into_iter().map(String::from).collect();
    }
    let vc = &dist.viewer_certificate;
    if let Some(arn) = vc.acm_certificate_arn.get() {
        d.certificate_arn = arn.clone();
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
            lost.push("custom error pages (ResponsePagePath / ResponseCode)".into());
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
