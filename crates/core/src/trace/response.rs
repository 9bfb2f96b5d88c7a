//! Hop 9: the way back — custom error responses, error caching and response headers.
//!
//! Sources: a custom error response replaces an origin's 4xx/5xx with the page at
//! `ResponsePagePath`, fetched through the behavior whose pattern matches that path, and
//! `ResponseCode`; `ErrorCachingMinTTL` (10 s by default) is how long the error is cached
//! ("Custom error pages and error caching",
//! <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesErrorPages.html>,
//! and "Control how long errors are cached",
//! <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/custom-error-pages-expiration.html>);
//! a response headers policy with CORS settings adds the CORS headers the viewer sees ("Use
//! managed response headers policies",
//! <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html>).

use super::origin::origins_of;
use super::pattern;
use super::{Answer, AnsweredBy, Hop, Possibility, Stage, Verdict, Walk};
use crate::managed;
use crate::model::{Behavior, CustomErrorResponse, OriginKind, PolicyRef};
use crate::value::Val;

/// The default `ErrorCachingMinTTL`.
const DEFAULT_ERROR_TTL: i64 = 10;

/// Who serves a custom error page: the origin of the behavior that matches its path.
fn page_server(walk: &Walk, page: &str) -> AnsweredBy {
    let dist = walk.dist;
    let behavior: Option<&Behavior> = dist
        .behaviors
        .iter()
        .find(|b| {
            b.path_pattern
                .as_ref()
                .and_then(|p| p.get())
                .is_some_and(|p| pattern::matches(p, page))
        })
        .or(dist.default_behavior.as_ref());
    let Some(b) = behavior else {
        return AnsweredBy::Origin;
    };
    match origins_of(walk, b).first().map(|o| &o.kind.0) {
        Some(OriginKind::S3 | OriginKind::S3Website) => AnsweredBy::S3,
        Some(OriginKind::LambdaUrl { .. }) => AnsweredBy::LambdaUrl,
        Some(k) if k.is_api_gateway() => AnsweredBy::Integration,
        _ => AnsweredBy::Origin,
    }
}

/// True for responses an origin produced (custom error responses are documented for those).
fn from_origin(p: &Possibility) -> bool {
    !matches!(
        p.answered_by,
        AnsweredBy::Cloudfront | AnsweredBy::EdgeFunction
    )
}

/// What a custom error response makes of an error `code`.
fn rewrite(
    walk: &Walk,
    cer: &CustomErrorResponse,
    code: u16,
    p: &Possibility,
    when: &str,
) -> (Possibility, String) {
    let ttl = match cer.error_caching_min_ttl.val {
        Val::Known(t) => format!("{t} s"),
        Val::Absent => format!("{DEFAULT_ERROR_TTL} s (the default)"),
        Val::Unknown(_) => "a TTL not known here".into(),
    };
    let Some(page) = cer.response_page_path.get() else {
        return (
            Possibility::new(Some(code), p.answered_by, when.to_string()).cached(p.cached),
            format!("{code}: no response page (the error stays as it is), cached for {ttl}"),
        );
    };
    let status = match cer.response_code.val {
        Val::Known(c) => u16::try_from(c).ok(),
        Val::Absent => Some(code),
        Val::Unknown(_) => None,
    };
    let server = page_server(walk, page);
    let shown = status.map_or("a status not known here".to_string(), |s| s.to_string());
    (
        Possibility::new(
            status,
            server,
            format!("{when}; CloudFront replaces the {code} with `{page}` and status {shown}"),
        )
        .cached(if p.cached == Some(false) {
            Some(false)
        } else {
            None
        }),
        format!(
            "{code} becomes {shown} with the page `{page}` (served by {}), cached for {ttl}",
            server.as_str()
        ),
    )
}

/// Applies the custom error responses to every possibility and makes the response hop.
pub(super) fn finish(walk: &mut Walk, answer: Answer) -> Vec<Possibility> {
    let mut main = answer.possibilities;
    if main.is_empty() {
        main.push(Possibility::new(None, AnsweredBy::Cloudfront, "unknown"));
    }
    let alternatives = std::mem::take(&mut walk.alternatives);
    let cers: Vec<&CustomErrorResponse> = walk.dist.custom_error_responses.iter().collect();
    let find = |code: u16| {
        cers.iter()
            .copied()
            .find(|c| c.error_code.get().is_some_and(|e| *e == i64::from(code)))
    };
    let mut details = Vec::new();
    let mut verdict = Verdict::Ok;
    let mut rule = None;
    let mut span = None;
    let mut out: Vec<Possibility> = Vec::new();
    let mut extra: Vec<Possibility> = Vec::new();
    let api = answer
        .behavior
        .is_some_and(|b| super::origin::reaches_api(walk, b));
    let main_len = main.len();
    for (i, p) in main.into_iter().chain(alternatives).enumerate() {
        let is_main = i < main_len;
        let mut keep = Vec::new();
        let mut more = Vec::new();
        match p.status {
            Some(code) if code >= 400 => match find(code) {
                Some(cer) if from_origin(&p) || code >= 500 => {
                    let (q, line) = rewrite(walk, cer, code, &p, &p.when);
                    if is_main {
                        details.push(line);
                        span = Some(cer.span);
                        if q.status.is_some_and(|s| s < 400) {
                            verdict = Verdict::Fail;
                            if api && matches!(code, 403 | 404) {
                                rule = Some("spa-error-rewrite-hits-api");
                            }
                        }
                    }
                    keep.push(q);
                }
                Some(cer) if cer.response_page_path.is_present() => {
                    // CloudFront's own 4xx: the documentation describes custom error
                    // responses for origin errors, so both are possible.
                    let (q, line) = rewrite(walk, cer, code, &p, &p.when);
                    if is_main {
                        details.push(format!("{line}, if it applies to CloudFront's own {code}"));
                        verdict = Verdict::Depends;
                        span = Some(cer.span);
                    }
                    keep.push(p);
                    more.push(q);
                }
                _ => keep.push(p),
            },
            None if from_origin(&p) => {
                for cer in cers.iter().filter(|c| c.response_page_path.is_present()) {
                    let Some(code) = cer.error_code.get().and_then(|c| u16::try_from(*c).ok())
                    else {
                        continue;
                    };
                    let when = format!("{} with {code}", p.when);
                    let (q, line) = rewrite(walk, cer, code, &p, &when);
                    if is_main {
                        details.push(format!("if the origin answers {line}"));
                        if api && matches!(code, 403 | 404) && q.status.is_some_and(|s| s < 400) {
                            if verdict == Verdict::Ok {
                                verdict = Verdict::Depends;
                            }
                            rule = Some("spa-error-rewrite-hits-api");
                            span.get_or_insert(cer.span);
                        }
                    }
                    more.push(q);
                }
                keep.push(p);
            }
            _ => keep.push(p),
        }
        if is_main {
            out.extend(keep);
        } else {
            extra.extend(keep);
        }
        extra.extend(more);
    }
    let mut message = match (cers.is_empty(), verdict) {
        (true, _) => "no custom error responses: the viewer gets the response as it is".to_string(),
        (false, Verdict::Fail) => {
            "a custom error response turns the error into a success page".to_string()
        }
        (false, Verdict::Depends) if rule.is_some() => {
            "if the API answers an error that a custom error response covers, the viewer gets a success page instead".to_string()
        }
        (false, Verdict::Depends) => {
            "a custom error response may replace CloudFront's own error".to_string()
        }
        (false, Verdict::Ok) => {
            let pages: Vec<String> = cers
                .iter()
                .filter(|c| c.response_page_path.is_present())
                .filter_map(|c| c.error_code.get().map(|e| e.to_string()))
                .collect();
            if pages.is_empty() {
                "the custom error responses only set how long errors are cached".to_string()
            } else if out.first().is_some_and(|p| p.status.is_none()) {
                format!(
                    "custom error pages for {} apply if the origin answers one of those codes",
                    pages.join(", ")
                )
            } else {
                "no custom error page applies".to_string()
            }
        }
    };
    if let Some(b) = answer.behavior {
        if let Some(cors) = cors_text(walk, b) {
            details.push(cors);
        }
    }
    if out.first().is_some_and(|p| p.status.is_none()) && verdict == Verdict::Ok {
        message.push_str("; the status is the one the origin answers");
    }
    if walk.generated(None, "custom_error_response") {
        message.push_str(
            "; dynamic \"custom_error_response\" blocks generate more that are not read here",
        );
        if verdict == Verdict::Ok {
            verdict = Verdict::Depends;
        }
    }
    let mut hop = Hop::new(Stage::Response, verdict, message).details(details);
    if let Some(span) = span {
        hop = hop.at(span);
    }
    if let Some(rule) = rule {
        hop = hop.rule(rule);
    }
    walk.push(hop);
    for p in extra {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// The CORS headers a behavior's response headers policy adds.
fn cors_text(walk: &Walk, b: &Behavior) -> Option<String> {
    let field = &b.response_headers_policy_id;
    match &field.val {
        Val::Absent => None,
        Val::Known(PolicyRef::Id(id)) => match managed::response_headers_policy(id) {
            Some(p) if p.cors => Some(format!(
                "response headers policy {}: CloudFront adds CORS headers (Access-Control-Allow-Origin: *) to the response",
                p.name
            )),
            Some(p) => Some(format!("response headers policy {}: no CORS headers", p.name)),
            None => Some("response headers policy: not a managed one, its headers are not known here".into()),
        },
        Val::Known(PolicyRef::Local(name)) => {
            let p = walk
                .doc
                .response_headers_policies
                .iter()
                .find(|p| &p.name == name)?;
            Some(if p.has_cors {
                let overrides = match p.cors_origin_override.get() {
                    Some(true) => "its values replace the origin's",
                    Some(false) => "the origin's own CORS headers win",
                    None => "whether they replace the origin's is not known here",
                };
                format!("response headers policy `{name}` adds CORS headers ({overrides})")
            } else {
                format!("response headers policy `{name}`: no CORS settings")
            })
        }
        Val::Unknown(_) => Some("response headers policy: not known here".into()),
    }
}
