//! The Host header an API origin receives, and the hop's verdict when nothing failed before
//! (sources in the parent module).

use super::Sending;
use crate::forwarding::Forwarding;
use crate::model::{Behavior, OriginKind};
use crate::span::Span;
use crate::trace::{AnsweredBy, Hop, Possibility, Stage, Verdict, Walk};
use crate::value::Val;

/// Pushes the origin request hop once the connection is possible: a viewer's Host that API
/// Gateway or a function URL refuses (or may refuse), else what is sent. `Err` carries the
/// answers when the request ends here.
pub(super) fn check(
    walk: &mut Walk,
    mut s: Sending,
    b: &Behavior,
    f: &Forwarding,
    path_known: bool,
    tls_note: Option<(String, Span)>,
) -> Result<(), Vec<Possibility>> {
    if let Some(outcome) = viewer_host(walk, &mut s, b, f) {
        return outcome;
    }
    sent(walk, s, path_known, tls_note);
    Ok(())
}

/// The hop of an API origin that gets (or may get) the viewer's Host, with `Err` when it
/// refuses the request; `None` when the Host is not in question.
fn viewer_host(
    walk: &mut Walk,
    s: &mut Sending,
    b: &Behavior,
    f: &Forwarding,
) -> Option<Result<(), Vec<Possibility>>> {
    let request = walk.request;
    let (origin, message) = (s.origin, &s.message);
    let host_rule = if !f.legacy && f.host_in_cache_key.is(true) {
        "apigw-host-in-cache-key"
    } else {
        "apigw-host-header-forwarded"
    };
    let host_span =
        legacy_host_item(b).unwrap_or_else(|| f.host.cause.as_ref().map_or(b.span, |c| c.span));
    let host_cause = f
        .host
        .cause
        .as_ref()
        .map_or_else(|| "a policy".to_string(), |c| c.description.to_string());
    match (&origin.kind.0, f.host.value) {
        // The viewer's Host is the name of the custom domain whose target the origin is: API
        // Gateway finds that custom domain (the API hop says so).
        (OriginKind::ApiGatewayRegionalDomainTarget, Some(true))
            if walk
                .doc
                .api_model
                .names_regional_target(origin, &request.host) =>
        {
            None
        }
        (
            OriginKind::ApiGatewayDefault { .. }
            | OriginKind::ApiGatewayRegionalDomainTarget
            | OriginKind::ApiGatewayPrivateVpce,
            Some(true),
        ) => {
            walk.push(
                Hop::new(
                    Stage::OriginRequest,
                    Verdict::Fail,
                    format!(
                        "{message} — with the viewer's `Host: {}` ({host_cause} forwards it): API Gateway finds no API for that host and answers 403",
                        request.host
                    ),
                )
                .at(host_span)
                .rule(host_rule)
                .details(std::mem::take(&mut s.details)),
            );
            Some(Err(vec![Possibility::new(
                Some(403),
                AnsweredBy::ApiGateway,
                "API Gateway gets the viewer's Host and answers 403",
            )]))
        }
        (OriginKind::ApiGatewayCustomDomain, Some(true))
            if origin.domain_name.get() != Some(&request.host) =>
        {
            walk.push(
                Hop::new(
                    Stage::OriginRequest,
                    Verdict::Depends,
                    format!(
                        "{message} — with the viewer's `Host: {}` ({host_cause} forwards it): API Gateway answers 403 unless that host is also one of its custom domain names",
                        request.host
                    ),
                )
                .at(host_span)
                .rule(host_rule)
                .details(s.details.clone()),
            );
            walk.alternative(Possibility::new(
                Some(403),
                AnsweredBy::ApiGateway,
                "API Gateway has no custom domain name for the viewer's Host",
            ));
            // The trace goes on for the case where it has.
            Some(Ok(()))
        }
        (OriginKind::LambdaUrl { .. }, Some(true)) => {
            walk.push(
                Hop::new(
                    Stage::OriginRequest,
                    Verdict::Fail,
                    format!(
                        "{message} — with the viewer's `Host: {}` ({host_cause} forwards it): a Lambda function URL expects its own host name; CloudFront's documentation says forwarding the viewer's Host can stop it from working (the status it answers is not documented)",
                        request.host
                    ),
                )
                .at(host_span)
                .rule(host_rule)
                .details(std::mem::take(&mut s.details)),
            );
            Some(Err(vec![Possibility::new(
                None,
                AnsweredBy::LambdaUrl,
                "the function URL refuses the viewer's Host",
            )]))
        }
        (kind, None) if kind.is_api() => {
            walk.push(
                Hop::new(
                    Stage::OriginRequest,
                    Verdict::Depends,
                    format!("{message} — whether the viewer's Host is forwarded is not known here ({host_cause}); if it is, the API answers 403"),
                )
                .at(host_span)
                .details(s.details.clone()),
            );
            walk.alternative(Possibility::new(
                Some(403),
                AnsweredBy::ApiGateway,
                "the viewer's Host reaches the API",
            ));
            Some(Ok(()))
        }
        _ => None,
    }
}

/// The hop when the Host is not in question: a protocol list that may share nothing with the
/// API (`tls_note`), or what is sent, `Depends` when the origin path or protocol is not known.
fn sent(walk: &mut Walk, s: Sending, path_known: bool, tls_note: Option<(String, Span)>) {
    let Sending {
        origin,
        message,
        details,
        protocol,
        ..
    } = s;
    if let Some((text, span)) = tls_note {
        walk.push(
            Hop::new(
                Stage::OriginRequest,
                Verdict::Depends,
                format!("{message} — {text}"),
            )
            .at(span)
            .rule("origin-ssl-protocols-outdated")
            .details(details),
        );
        return;
    }
    let (verdict, text) = if !path_known {
        (
            Verdict::Depends,
            format!("{message}; the origin path is not known here"),
        )
    } else if protocol.is_none() && origin.custom_origin_config.is_some() {
        (
            Verdict::Depends,
            format!("{message}; the origin protocol policy is not known here"),
        )
    } else {
        (Verdict::Ok, message)
    };
    walk.push(
        Hop::new(Stage::OriginRequest, verdict, text)
            .at(decided_at(origin))
            .details(details),
    );
}

/// Where a hop that found nothing wrong points: the origin path, or the origin without one.
fn decided_at(origin: &crate::model::Origin) -> Span {
    match &origin.origin_path.val {
        Val::Absent => origin.span,
        _ => origin.origin_path.span,
    }
}

/// The legacy `ForwardedValues.Headers` item that forwards the viewer's Host (`*` or `Host`).
fn legacy_host_item(b: &Behavior) -> Option<Span> {
    let items = b.forwarded_values.as_ref()?.headers.get()?;
    items
        .iter()
        .find(|i| {
            i.get()
                .is_some_and(|h| h.trim() == "*" || h.trim().eq_ignore_ascii_case("host"))
        })
        .map(|i| i.span)
}
