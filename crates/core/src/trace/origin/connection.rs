//! Whether CloudFront can connect to an API origin: an origin type it accepts, HTTPS, port 443
//! and a TLS protocol the API speaks (sources in the parent module).

use super::{api_kind, Sending};
use crate::lint::Key;
use crate::model::{ApiKind, Origin, OriginKind};
use crate::span::Span;
use crate::trace::{AnsweredBy, Hop, Possibility, Scheme, Stage, Verdict, Walk};
use crate::value::Val;

/// The hop and answers of a connection to an API origin that fails: no custom origin
/// configuration (CloudFront refuses it), plain HTTP, a port other than 443, or no TLS protocol
/// an HTTP API accepts. `Ok` carries a protocol list that may share nothing with the API (the
/// message and where it is written), for the hop to say.
pub(super) fn check(
    walk: &mut Walk,
    s: &mut Sending,
) -> Result<Option<(String, Span)>, Vec<Possibility>> {
    let origin = s.origin;
    if !origin.kind.0.is_api() {
        return Ok(None);
    }
    let (label, kind, message) = (&s.label, &s.kind, &s.message);
    let Some(c) = origin.custom_origin_config.as_ref() else {
        if origin.vpc_origin_config.is_some() || generated_config(walk, origin) {
            return Ok(None);
        }
        walk.push(
            Hop::new(
                Stage::OriginRequest,
                Verdict::Fail,
                format!(
                    "{label} ({kind}) has no {}: CloudFront refuses an API origin configured as an S3 bucket or without an origin type",
                    Key::CUSTOM_ORIGIN_CONFIG.name(walk.doc.format)
                ),
            )
            .at(origin.span)
            .rule("apigw-origin-needs-custom-config")
            .details(std::mem::take(&mut s.details)),
        );
        return Err(vec![Possibility::new(
            None,
            AnsweredBy::Cloudfront,
            "CloudFront refuses the origin configuration",
        )]);
    };
    match s.protocol {
        Some(Scheme::Http) => {
            walk.push(
                Hop::new(
                    Stage::OriginRequest,
                    Verdict::Fail,
                    format!(
                        "{message} — over plain HTTP, but {kind} endpoints serve HTTPS only: CloudFront cannot connect and answers 502"
                    ),
                )
                .at(c.origin_protocol_policy.span)
                .rule("apigw-origin-protocol-not-https-only")
                .details(std::mem::take(&mut s.details)),
            );
            Err(vec![Possibility::new(
                Some(502),
                AnsweredBy::Cloudfront,
                "CloudFront cannot reach the API over plain HTTP",
            )
            .cached(None)])
        }
        Some(Scheme::Https) => {
            if let Some(port) = c.https_port.get().filter(|p| **p != 443) {
                walk.push(
                    Hop::new(
                        Stage::OriginRequest,
                        Verdict::Fail,
                        format!("{message} — on port {port}, but {kind} endpoints listen on 443: CloudFront cannot connect and answers 502"),
                    )
                    .at(c.https_port.span)
                    .details(std::mem::take(&mut s.details)),
                );
                return Err(vec![Possibility::new(
                    Some(502),
                    AnsweredBy::Cloudfront,
                    format!("nothing answers on port {port}"),
                )]);
            }
            let Some((verdict, text)) = tls_mismatch(walk, origin) else {
                return Ok(None);
            };
            let p = Possibility::new(
                Some(502),
                AnsweredBy::Cloudfront,
                "CloudFront and the API share no TLS protocol",
            );
            if verdict == Verdict::Fail {
                walk.push(
                    Hop::new(Stage::OriginRequest, verdict, format!("{message} — {text}"))
                        .at(c.origin_ssl_protocols.span)
                        .rule("origin-ssl-protocols-outdated")
                        .details(std::mem::take(&mut s.details)),
                );
                return Err(vec![p]);
            }
            walk.alternative(p);
            Ok(Some((text, c.origin_ssl_protocols.span)))
        }
        None => Ok(None),
    }
}

/// True when a Terraform `dynamic` block writes the origin's custom origin configuration.
fn generated_config(walk: &Walk, origin: &Origin) -> bool {
    let index = walk
        .dist
        .origins
        .iter()
        .position(|o| std::ptr::eq(o, origin));
    index.is_some_and(|i| walk.generated(None, &format!("origin[{i}].custom_origin_config")))
}

/// The protocol CloudFront uses to the origin for a viewer request over `viewer`; `None` when
/// the input does not say.
pub(super) fn protocol(origin: &Origin, viewer: Scheme) -> Option<Scheme> {
    match origin
        .custom_origin_config
        .as_ref()
        .map(|c| &c.origin_protocol_policy.val)
    {
        Some(Val::Known(p)) => match p.to_ascii_lowercase().as_str() {
            "http-only" => Some(Scheme::Http),
            "https-only" => Some(Scheme::Https),
            "match-viewer" => Some(viewer),
            _ => None,
        },
        Some(_) => None,
        None if origin.s3_origin_config.is_some() || origin.vpc_origin_config.is_some() => {
            Some(viewer)
        }
        None => None,
    }
}

/// A TLS protocol list that shares nothing with the API: `Fail` for an HTTP API (TLS 1.2+ only),
/// `Depends` for a REST API or another API origin (the security policy decides).
fn tls_mismatch(walk: &Walk, origin: &Origin) -> Option<(Verdict, String)> {
    let c = origin.custom_origin_config.as_ref()?;
    let list = c.origin_ssl_protocols.known_items()?;
    if !c.origin_ssl_protocols.fully_known() || list.is_empty() {
        return None;
    }
    if list.iter().any(|p| p.eq_ignore_ascii_case("TLSv1.2")) {
        return None;
    }
    let listed = list.join(", ");
    Some(match (&origin.kind.0, api_kind(walk.doc, origin)) {
        (OriginKind::ApiGatewayDefault { .. }, ApiKind::Http) => (
            Verdict::Fail,
            format!("CloudFront may use only {listed} with it, but HTTP APIs accept TLS 1.2 and 1.3 only: the handshake fails and CloudFront answers 502"),
        ),
        _ => (
            Verdict::Depends,
            format!("CloudFront may use only {listed} with it; if the API's security policy requires TLS 1.2, the handshake fails and CloudFront answers 502"),
        ),
    })
}
