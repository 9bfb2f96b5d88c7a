//! Cache behaviors that can reach no route of the API behind their origin.
//!
//! Decided with [`crate::api::resolve`] on the path every request of the behavior starts with
//! (origin path + the complete segments of the path pattern's literal prefix), and only when
//! the answer holds for every longer path as well: API Gateway turns the default endpoint off,
//! or the first segment names no stage, or no API mapping takes the prefix (and none takes a
//! longer one), or a REST API has no resource for a segment of it (the resource tree is walked
//! segment by segment), or an HTTP API has no route that could match below it. A pattern
//! without wildcards is resolved as it is, for every method the behavior allows. A behavior
//! with functions (which may rewrite the path), an origin group, or anything the input does not
//! show is never marked.

use crate::api::resolve::{Outcome, RejectReason, Rejection, Resolution};
use crate::api::{resolve, Api, Entry, RouteKey};
use crate::model::{ApiKind, Behavior, Distribution, Document};
use crate::trace::api_kind_text;
use crate::value::Val;

/// Why no request through `b` can reach a route, when that is certain.
pub(super) fn unreachable(doc: &Document, dist: &Distribution, b: &Behavior) -> Option<String> {
    if !b.function_associations.is_empty() || !b.lambda_function_associations.is_empty() {
        return None;
    }
    let origin = dist.origin(b.target_origin_id.get()?)?;
    if !origin.kind.0.is_api_gateway() {
        return None;
    }
    let entry = doc.api_model.entry_for(origin)?;
    let origin_path = match &origin.origin_path.val {
        Val::Known(p) => p.trim_end_matches('/').to_string(),
        Val::Absent => String::new(),
        Val::Unknown(_) => return None,
    };
    let pattern = match &b.path_pattern {
        None => "*".to_string(),
        Some(p) => p.get()?.clone(),
    };
    let pattern = format!("/{}", pattern.trim_start_matches('/'));
    let methods: Vec<String> = if b.allowed_methods.is_present() {
        b.allowed_methods
            .known_items()
            .filter(|_| b.allowed_methods.fully_known())?
            .iter()
            .map(|m| m.to_ascii_uppercase())
            .collect()
    } else {
        vec!["GET".into(), "HEAD".into()]
    };
    let Some(wildcard) = pattern.find(['*', '?']) else {
        return exact(&entry, &methods, &origin_path, &pattern);
    };
    let literal = &pattern[1..wildcard];
    let pieces: Vec<&str> = literal.split('/').collect();
    let complete = &pieces[..pieces.len().saturating_sub(1)];
    let mut segments: Vec<&str> = origin_path.split('/').filter(|s| !s.is_empty()).collect();
    segments.extend(complete.iter().filter(|s| !s.is_empty()));
    let probe = format!("/{}", segments.join("/"));
    let r = resolve(&entry, methods.first()?, &probe);
    let Outcome::Rejected(rejection) = r.outcome else {
        return None;
    };
    let longer_mapping = || match &entry {
        Entry::CustomDomain(d) => d.mappings.iter().any(|m| {
            m.mapping.base_path.get().is_some_and(|b| {
                let base: Vec<&str> = b
                    .split('/')
                    .filter(|s| !s.is_empty() && *s != "(none)")
                    .collect();
                base.len() > segments.len() && base[..segments.len()] == segments[..]
            })
        }),
        _ => false,
    };
    let certain = match rejection.reason {
        RejectReason::DefaultEndpointDisabled => true,
        RejectReason::NoStage => !segments.is_empty(),
        RejectReason::NoMapping => !segments.is_empty() && !longer_mapping(),
        RejectReason::NoRoute => {
            !longer_mapping()
                && match r.api {
                    Some(api) if api.kind == ApiKind::Rest => true,
                    Some(api) if api.kind == ApiKind::Http => {
                        !http_route_below(api, r.route_path.as_deref().unwrap_or("/"), &methods)
                    }
                    _ => false,
                }
        }
        RejectReason::MethodNotAllowed => false,
    };
    certain.then(|| {
        format!(
            "every request `{pattern}` takes reaches {} as `{}/…`: {}",
            reached(&r),
            probe.trim_end_matches('/'),
            why(&r, rejection)
        )
    })
}

/// A pattern without wildcards: refused whatever method the behavior lets through.
fn exact(
    entry: &Entry<'_>,
    methods: &[String],
    origin_path: &str,
    pattern: &str,
) -> Option<String> {
    let path = format!("{origin_path}{pattern}");
    let mut first = None;
    for m in methods {
        let r = resolve(entry, m, &path);
        let Outcome::Rejected(rejection) = r.outcome else {
            return None;
        };
        if first.is_none() {
            first = Some(format!(
                "every request `{pattern}` takes reaches {} as `{path}`: {}",
                reached(&r),
                why(&r, rejection)
            ));
        }
    }
    first
}

/// True when an HTTP API route (of a method the behavior allows) could match some path below
/// `path`, or the API has a `$default` route.
fn http_route_below(api: &Api, path: &str, methods: &[String]) -> bool {
    let below: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    api.routes.iter().any(|r| match r.key.get() {
        Some(RouteKey::Default) | None => true,
        Some(RouteKey::Http { method, path }) => {
            let allowed = method == "ANY" || methods.iter().any(|m| m == method);
            let template: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
            allowed && could_match(&template, &below)
        }
        Some(RouteKey::WebSocket { .. }) => false,
    })
}

/// True when a route template can match a path that starts with `prefix` and goes on.
fn could_match(template: &[&str], prefix: &[&str]) -> bool {
    for (i, seg) in prefix.iter().enumerate() {
        let Some(t) = template.get(i) else {
            return false;
        };
        let variable = t.starts_with('{') && t.ends_with('}');
        if variable && t.ends_with("+}") {
            return true;
        }
        // A segment mixing text and a variable is not routed on; keep it as possible.
        if !(variable || t == seg || t.contains('{')) {
            return false;
        }
    }
    true
}

/// "REST API `Users` (stage `prod`)".
fn reached(r: &Resolution<'_>) -> String {
    match (r.api, &r.stage) {
        (Some(api), Some(stage)) => format!(
            "{} `{}` (stage `{}`)",
            api_kind_text(api.kind),
            api.display_name(),
            stage.name
        ),
        (Some(api), None) => format!("{} `{}`", api_kind_text(api.kind), api.display_name()),
        (None, _) => "the custom domain".into(),
    }
}

/// Why API Gateway refuses it, and what it answers.
fn why(r: &Resolution<'_>, rejection: Rejection) -> String {
    let reason = match rejection.reason {
        RejectReason::DefaultEndpointDisabled => "its default endpoint is turned off".to_string(),
        RejectReason::NoStage => "its first segment names no stage of the API".into(),
        RejectReason::NoMapping => "no API mapping of the custom domain takes it".into(),
        RejectReason::NoRoute => format!(
            "no route or resource matches `{}` or anything below it",
            r.route_path.as_deref().unwrap_or("/")
        ),
        RejectReason::MethodNotAllowed => format!(
            "the resource `{}` defines none of the methods the behavior allows",
            r.route_path.as_deref().unwrap_or("/")
        ),
    };
    format!(
        "{reason}, so API Gateway answers {} {}",
        rejection.status, rejection.body
    )
}
