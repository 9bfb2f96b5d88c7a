//! Hop 7: what CloudFront sends to the origin, and how.
//!
//! Sources:
//! - the origin path is put before the request path ("Origin settings" → Origin path,
//!   <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesOriginPath>);
//! - only the headers, cookies and query strings the cache and origin request policies name
//!   reach the origin ("Control origin requests with a policy",
//!   <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-origin-requests.html>,
//!   and "Request and response behavior for custom origins",
//!   <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html>);
//! - API Gateway answers 403 to a request whose `Host` is not its own: "If you create a custom
//!   policy for API Gateway origins without a custom domain, then don't forward the host header.
//!   Otherwise, you get a 403 error." (re:Post Knowledge Center,
//!   <https://repost.aws/knowledge-center/configure-cloudfront-to-forward-headers>); the managed
//!   policy AllViewerExceptHostHeader exists because API Gateway and Lambda function URLs expect
//!   their own host name ("Use managed origin request policies",
//!   <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html>);
//! - CloudFront answers 502 when it cannot connect to the origin: no answer on the configured
//!   port, or no common TLS protocol ("HTTP 502 status code (Bad Gateway)",
//!   <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-502-bad-gateway.html>);
//!   API Gateway endpoints serve HTTPS only, and HTTP APIs accept TLS 1.2 and 1.3 only ("Security
//!   policy for HTTP APIs in API Gateway",
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-ciphers.html>).

use super::api::{ArrivingHeader, OriginRequest};
use super::cache::{amount_text, headers_text};
use super::headers;
use super::{AnsweredBy, Hop, Possibility, Scheme, Stage, Verdict, Walk};
use crate::api::Entry;
use crate::forwarding::{self, Amount};
use crate::lint::Key;
use crate::model::{ApiKind, Behavior, Document, Origin, OriginKind, PolicyRef};
use crate::value::Val;

mod connection;
mod host;

/// Every origin a behavior can reach: its target, or the members of its target origin group.
pub(super) fn origins_of<'a>(walk: &Walk<'a>, b: &Behavior) -> Vec<&'a Origin> {
    let Some(target) = b.target_origin_id.get() else {
        return Vec::new();
    };
    if let Some(o) = walk.dist.origin(target) {
        return vec![o];
    }
    walk.dist
        .origin_groups
        .iter()
        .filter(|g| g.id.get() == Some(target))
        .flat_map(|g| g.members.known_items().unwrap_or_default())
        .filter_map(|id| walk.dist.origin(id))
        .collect()
}

/// True when the behavior reaches an API Gateway or Lambda function URL origin.
pub(super) fn reaches_api(walk: &Walk, b: &Behavior) -> bool {
    origins_of(walk, b).iter().any(|o| o.kind.0.is_api())
}

/// The API kind of an API Gateway origin whose API is in the input (the configuration or a
/// definition given beside it) and reached on its default endpoint.
pub(crate) fn api_kind(doc: &Document, origin: &Origin) -> ApiKind {
    match doc.api_model.entry_for(origin) {
        Some(Entry::DefaultEndpoint(api)) => api.kind,
        _ => ApiKind::Unknown,
    }
}

/// What an origin is, for messages.
pub(crate) fn kind_text(doc: &Document, origin: &Origin) -> String {
    match &origin.kind.0 {
        OriginKind::ApiGatewayDefault { .. } => match api_kind(doc, origin) {
            ApiKind::Rest => "API Gateway REST API".into(),
            ApiKind::Http => "API Gateway HTTP API".into(),
            ApiKind::WebSocket => "API Gateway WebSocket API".into(),
            ApiKind::Unknown => "API Gateway".into(),
        },
        OriginKind::ApiGatewayRegionalDomainTarget => {
            "the d-… target name of an API Gateway custom domain".into()
        }
        OriginKind::ApiGatewayCustomDomain => "API Gateway custom domain".into(),
        OriginKind::ApiGatewayPrivateVpce => {
            "private API Gateway API through a VPC endpoint".into()
        }
        OriginKind::LambdaUrl { .. } => "Lambda function URL".into(),
        OriginKind::S3 => "S3 bucket".into(),
        OriginKind::S3Website => "S3 website endpoint".into(),
        OriginKind::CloudFront => "another CloudFront distribution".into(),
        OriginKind::Other => "custom origin".into(),
        OriginKind::Unknown => "origin whose host is not known here".into(),
    }
}

fn origin_label(origin: &Origin) -> String {
    match origin.id.get() {
        Some(id) => format!("origin `{id}`"),
        None => "the origin".into(),
    }
}

/// What the origin request hop says of the request CloudFront sends, shared by its checks.
struct Sending<'a> {
    origin: &'a Origin,
    /// "origin `api`".
    label: String,
    /// What the origin is ("API Gateway HTTP API").
    kind: String,
    /// The protocol CloudFront uses to the origin, when the input says.
    protocol: Option<Scheme>,
    /// "CloudFront sends GET https://… to origin `api` (…)".
    message: String,
    /// The hop's detail lines.
    details: Vec<String>,
}

/// Makes the origin request hop: what reaches the origin, or the responses when the request
/// ends here.
pub(super) fn hop<'a>(
    walk: &mut Walk<'a>,
    b: &'a Behavior,
    uri: &str,
) -> Result<OriginRequest<'a>, Vec<Possibility>> {
    let (target, origin, members) = target_origins(walk, b)?;
    let f = forwarding::effective(walk.doc, b);
    let request = walk.request;
    let label = origin_label(origin);
    let mut details = Vec::new();
    if members > 1 {
        details.push(format!(
            "`{target}` is an origin group: {label} is tried first, the others on failover"
        ));
    }
    let path = sent_path(origin, uri);
    let (query, query_known) =
        sent_query(request.query.as_ref(), f.query_strings.value, &mut details);
    let arriving = sent_headers(walk, b, &f, origin, &mut details);
    let protocol = connection::protocol(origin, request.scheme);
    let mut sending = Sending {
        origin,
        kind: kind_text(walk.doc, origin),
        message: String::new(),
        label,
        protocol,
        details,
    };
    sending.message = request_line(walk, &sending, path.as_deref(), query.as_deref(), uri);
    let tls_note = connection::check(walk, &mut sending)?;
    host::check(walk, sending, b, &f, path.is_some(), tls_note)?;
    Ok(OriginRequest {
        origin,
        behavior: b,
        method: request.method.clone(),
        path,
        query,
        query_known,
        viewer_query: request.query.clone(),
        headers: arriving,
        host_forwarded: f.host.value,
        viewer_host: request.host.clone(),
    })
}

/// The path the origin receives: the origin path before the viewer's; `None` when the origin
/// path is not known.
fn sent_path(origin: &Origin, uri: &str) -> Option<String> {
    match &origin.origin_path.val {
        Val::Known(p) if !p.is_empty() => Some(format!("{p}{uri}")),
        Val::Known(_) | Val::Absent => Some(uri.to_string()),
        Val::Unknown(_) => None,
    }
}

/// The query string the origin receives and whether that is known, with a detail line for a
/// request that has one.
fn sent_query(
    query: Option<&String>,
    forwarded: Option<Amount>,
    details: &mut Vec<String>,
) -> (Option<String>, bool) {
    let Some(q) = query else {
        return (None, true);
    };
    details.push(format!(
        "query string `{q}`: {}",
        match forwarded {
            Some(Amount::All) => "reaches the origin".to_string(),
            Some(Amount::None) => "dropped (no policy forwards query strings)".to_string(),
            other => amount_text("query strings reach the origin", other),
        }
    ));
    match forwarded {
        Some(Amount::None) => (None, true),
        Some(Amount::All) => (Some(q.clone()), true),
        _ => (None, false),
    }
}

/// "CloudFront sends GET https://host/prod/items?x=1 to origin `api` (API Gateway)", with what
/// is not known said in place.
fn request_line(
    walk: &Walk,
    s: &Sending,
    path: Option<&str>,
    query: Option<&str>,
    uri: &str,
) -> String {
    let shown_path = path.map_or_else(|| format!("(origin path not known){uri}"), str::to_string);
    let shown_query = query.map(|q| format!("?{q}")).unwrap_or_default();
    let domain = s
        .origin
        .domain_name
        .get()
        .cloned()
        .or_else(|| written_host(walk.text, s.origin))
        .unwrap_or_else(|| "(host not known here)".into());
    let scheme = s.protocol.map_or("(protocol not known)", |p| p.as_str());
    format!(
        "CloudFront sends {} {scheme}://{domain}{shown_path}{shown_query} to {} ({})",
        walk.request.method, s.label, s.kind
    )
}

/// A behavior's target id, the origin it sends requests to (the first member of an origin
/// group) and how many origins it may try; the hops and answers of a target that is not known
/// or not there.
fn target_origins<'a>(
    walk: &mut Walk<'a>,
    b: &'a Behavior,
) -> Result<(&'a str, &'a Origin, usize), Vec<Possibility>> {
    let Some(target) = b.target_origin_id.get() else {
        walk.push(
            Hop::new(
                Stage::OriginRequest,
                Verdict::Depends,
                "the behavior's target origin is not known here",
            )
            .at(b.target_origin_id.span),
        );
        return Err(vec![Possibility::new(
            None,
            AnsweredBy::Origin,
            "the target origin is not known here",
        )]);
    };
    let members = origins_of(walk, b);
    let Some(&origin) = members.first() else {
        let generated = walk.generated(None, "origin") || walk.generated(None, "origin_group");
        if generated || walk.dist.origins.iter().any(|o| o.id.get().is_none()) {
            walk.push(
                Hop::new(
                    Stage::OriginRequest,
                    Verdict::Depends,
                    format!("the origin `{target}` is not among the origins read here (some are generated or have ids not known here)"),
                )
                .at(b.target_origin_id.span),
            );
            return Err(vec![Possibility::new(
                None,
                AnsweredBy::Origin,
                format!("origin `{target}` answers"),
            )]);
        }
        walk.push(
            Hop::new(
                Stage::OriginRequest,
                Verdict::Fail,
                format!("no origin or origin group has the id `{target}`: CloudFront refuses this configuration"),
            )
            .at(b.target_origin_id.span)
            .rule("target-origin-unknown"),
        );
        return Err(vec![Possibility::new(
            None,
            AnsweredBy::Cloudfront,
            format!("the target origin `{target}` does not exist"),
        )]);
    };
    Ok((target, origin, members.len()))
}

/// The headers that reach the origin (the viewer's a policy forwards, the origin's custom
/// headers), with a line per header, the cookies, the Host and request signing in `details`.
fn sent_headers(
    walk: &Walk<'_>,
    b: &Behavior,
    f: &forwarding::Forwarding,
    origin: &Origin,
    details: &mut Vec<String>,
) -> Vec<ArrivingHeader> {
    let request = walk.request;
    let mut arriving = Vec::new();
    let legacy = Key::FORWARDED_VALUES.name(walk.doc.format);
    for (name, value) in &request.headers {
        let reach = headers::reach(f, b, name, &request.method);
        let shown = match (reach.arrives, reach.why) {
            (Some(true), Some(why)) => format!("reaches the origin (legacy {legacy} {why})"),
            (Some(true), None) => "reaches the origin".into(),
            (Some(false), _) if f.legacy => {
                format!("dropped by CloudFront (legacy {legacy} do not list it)")
            }
            (Some(false), _) => "dropped by CloudFront (no policy forwards it)".into(),
            (None, _) => "not known whether it reaches the origin".into(),
        };
        details.push(format!("{name}: {shown}"));
        arriving.push(ArrivingHeader {
            name: name.to_ascii_lowercase(),
            value: value.clone(),
            arrives: reach.arrives,
        });
    }
    if let Some(set) = &f.headers {
        details.push(format!("viewer headers forwarded: {}", headers_text(set)));
    }
    if !request.cookies.is_empty() {
        details.push(format!(
            "cookies: {}",
            amount_text("cookies reach the origin", f.cookies.value)
        ));
    }
    for h in &origin.custom_headers {
        if let Some(name) = h.name.get() {
            details.push(format!(
                "{name}: added by CloudFront (origin custom header)"
            ));
            arriving.push(ArrivingHeader {
                name: name.to_ascii_lowercase(),
                value: h.value.get().cloned().unwrap_or_default(),
                arrives: Some(true),
            });
        }
    }
    let host_line = match f.host.value {
        Some(true) => format!("Host: `{}` (the viewer's, forwarded)", request.host),
        Some(false) => match origin.domain_name.get() {
            Some(d) => format!("Host: `{d}` (the origin's own name)"),
            None => "Host: the origin's own name".into(),
        },
        None => "Host: not known whether the viewer's Host is forwarded".into(),
    };
    details.push(host_line);
    if oac_signs(walk.doc, origin) == Some(true) {
        details.push(
            "origin access control signs the request (SigV4): CloudFront sets its own Authorization"
                .into(),
        );
    }
    arriving
}

/// Whether an origin access control signs requests to this origin (`always`; `no-override`
/// counts as unknown since it depends on the viewer's Authorization).
pub(super) fn oac_signs(doc: &Document, origin: &Origin) -> Option<bool> {
    match &origin.origin_access_control_id.val {
        Val::Absent => Some(false),
        Val::Known(PolicyRef::Local(name)) => {
            let oac = doc
                .origin_access_controls
                .iter()
                .find(|o| &o.name == name)?;
            match oac.signing_behavior.get().map(|s| s.as_str()) {
                Some("always") => Some(true),
                Some("never") => Some(false),
                _ => None,
            }
        }
        // A literal OAC id: its settings are not in the input; OAC signs by default.
        Val::Known(PolicyRef::Id(_)) | Val::Unknown(_) => None,
    }
}

/// The host as written when it is an expression (`${Api}.execute-api.${AWS::Region}…`): the
/// first quoted text with a dot, or the whole short expression.
fn written_host(text: &str, origin: &Origin) -> Option<String> {
    let span = origin.domain_name.span;
    let written = text.get(span.start..span.end)?.trim();
    let quoted = written
        .split('"')
        .skip(1)
        .step_by(2)
        // A host template (`${aws_api_gateway_rest_api.api.id}.execute-api.…`), not a path,
        // a URL or a regex given to a function.
        .find(|s| s.contains('.') && !s.contains(['/', ' ']))
        .map(str::to_string);
    let unquoted = written
        .strip_prefix("!Sub")
        .map(str::trim)
        .filter(|t| t.contains('.') && !t.contains(char::is_whitespace));
    let shown = match quoted.or_else(|| unquoted.map(str::to_string)) {
        Some(template) => template,
        None => format!("(host from `{written}`)"),
    };
    (shown.len() <= 120 && !shown.contains('\n')).then_some(shown)
}
