//! Hop 1 (which distribution answers the host, its certificate) and the viewer protocol policy.
//!
//! Sources:
//! - an alternate domain name not added to the distribution gets CloudFront's 403: "HTTP 403
//!   status code (Permission Denied)" → Alternate CNAME is incorrectly configured
//!   (<https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-403-permission-denied.html>);
//! - `redirect-to-https` answers HTTP with 301, `https-only` with 403: `ViewerProtocolPolicy` in
//!   the `CacheBehavior` / `DefaultCacheBehavior` API reference
//!   (<https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DefaultCacheBehavior.html>);
//! - a distribution with `Enabled: false` does not accept requests (`DistributionConfig.Enabled`).

use super::{AnsweredBy, Hop, Possibility, Request, Scheme, Stage, TraceError, Verdict, Walk};
use crate::lint::Key;
use crate::model::{Behavior, Distribution, Document, Format};
use crate::value::Val;

/// How an alternate domain name relates to a host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AliasMatch {
    /// Equal (ignoring case and a trailing dot).
    Exact,
    /// A wildcard alias whose `*` stands for the host's first label.
    Wildcard,
    /// A wildcard alias and a host with several labels in place of the `*`.
    Deep,
    No,
}

fn alias_match(alias: &str, host: &str) -> AliasMatch {
    let alias = alias.trim().trim_end_matches('.').to_ascii_lowercase();
    if alias == host {
        return AliasMatch::Exact;
    }
    let Some(suffix) = alias.strip_prefix('*') else {
        return AliasMatch::No;
    };
    match host.strip_suffix(suffix) {
        Some(label) if !label.is_empty() && !label.contains('.') => AliasMatch::Wildcard,
        Some(labels) if !labels.is_empty() => AliasMatch::Deep,
        _ => AliasMatch::No,
    }
}

/// The aliases of a distribution that cover the host, best first.
fn covering<'d>(dist: &'d Distribution, host: &str) -> Vec<(&'d str, AliasMatch)> {
    let mut out: Vec<(&str, AliasMatch)> = dist
        .aliases
        .known_items()
        .unwrap_or_default()
        .into_iter()
        .map(|a| (a, alias_match(a, host)))
        .filter(|(_, m)| *m != AliasMatch::No)
        .collect();
    out.sort_by_key(|(_, m)| *m as u8);
    out
}

fn is_cloudfront_domain(host: &str) -> bool {
    host.ends_with(".cloudfront.net")
}

/// Picks the distribution that answers the request's host and makes the viewer hop; the
/// possibilities are there when the request ends at this hop.
pub(super) fn pick<'d>(
    doc: &'d Document,
    request: &Request,
    name: Option<&str>,
) -> Result<(&'d Distribution, Hop, Option<Vec<Possibility>>), TraceError> {
    let host = request.host.as_str();
    if doc.distributions.is_empty() {
        return Err(TraceError {
            message: "the input defines no distribution".into(),
            hint: None,
        });
    }
    let names = || {
        doc.distributions
            .iter()
            .map(|d| format!("`{}`", d.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let dist = match name {
        Some(name) => doc
            .distributions
            .iter()
            .find(|d| d.name == name)
            .ok_or_else(|| TraceError {
                message: format!("the input has no distribution `{name}`"),
                hint: Some(format!("its distributions are {}", names())),
            })?,
        None => {
            let by_alias: Vec<&Distribution> = doc
                .distributions
                .iter()
                .filter(|d| !covering(d, host).is_empty())
                .collect();
            match (by_alias.as_slice(), doc.distributions.as_slice()) {
                ([one], _) => one,
                ([], [only]) => only,
                _ => {
                    return Err(TraceError {
                        message: format!(
                            "{} distributions could answer `{host}`",
                            if by_alias.is_empty() {
                                doc.distributions.len()
                            } else {
                                by_alias.len()
                            }
                        ),
                        hint: Some(format!("name one with --distribution: {}", names())),
                    })
                }
            }
        }
    };
    let (hop, stop) = viewer_hop(doc.format, dist, request);
    Ok((dist, hop, stop))
}

fn viewer_hop(
    format: Format,
    dist: &Distribution,
    request: &Request,
) -> (Hop, Option<Vec<Possibility>>) {
    let host = request.host.as_str();
    let who = format!("distribution `{}`", dist.name);
    if let Val::Known(false) = dist.enabled.val {
        let hop = Hop::new(
            Stage::Viewer,
            Verdict::Fail,
            format!(
                "{who} is disabled (`{}`): CloudFront does not accept requests for it",
                Key::ENABLED.setting(format, "false", false)
            ),
        )
        .at(dist.enabled.span)
        .rule("distribution-disabled");
        let stop = Possibility::new(
            None,
            AnsweredBy::Cloudfront,
            "CloudFront refuses requests to a disabled distribution",
        )
        .cached(Some(false));
        return (hop, Some(vec![stop]));
    }
    let aliases = covering(dist, host);
    let (mut hop, matched_alias) = match aliases.first() {
        Some((alias, AliasMatch::Exact)) => (
            Hop::new(
                Stage::Viewer,
                Verdict::Ok,
                format!("{who} answers `{host}`: it is one of its alternate domain names"),
            ),
            Some(*alias),
        ),
        Some((alias, AliasMatch::Wildcard)) => (
            Hop::new(
                Stage::Viewer,
                Verdict::Ok,
                format!("{who} answers `{host}` through its wildcard alternate domain name `{alias}`"),
            ),
            Some(*alias),
        ),
        Some((alias, _)) => (
            Hop::new(
                Stage::Viewer,
                Verdict::Depends,
                format!(
                    "`{host}` has more than one label where the wildcard alternate domain name `{alias}` has `*`: check that {who} answers it (and that its certificate covers it)"
                ),
            ),
            Some(*alias),
        ),
        None if is_cloudfront_domain(host) => (
            Hop::new(
                Stage::Viewer,
                Verdict::Ok,
                format!(
                    "`{host}` is a CloudFront domain name; taken as {who}'s own (the input does not say which *.cloudfront.net name it got)"
                ),
            ),
            None,
        ),
        None if dist.aliases.is_unknown()
            || dist
                .aliases
                .get()
                .is_some_and(|items| items.iter().any(|i| i.get().is_none())) =>
        {
            (
                Hop::new(
                    Stage::Viewer,
                    Verdict::Depends,
                    format!("some alternate domain names of {who} are not known here: check that one of them is `{host}`"),
                ),
                None,
            )
        }
        None => {
            let hop = Hop::new(
                Stage::Viewer,
                Verdict::Fail,
                format!(
                    "`{host}` is not an alternate domain name of {who}: CloudFront answers 403 to a host it does not serve"
                ),
            )
            .at(dist.aliases.span);
            let stop = Possibility::new(
                Some(403),
                AnsweredBy::Cloudfront,
                format!("`{host}` is not an alternate domain name of the distribution"),
            )
            .cached(Some(false));
            return (hop, Some(vec![stop]));
        }
    };
    hop = hop.at(dist.aliases.span);
    if let Some(item) = matched_alias.and_then(|a| {
        dist.aliases.get().and_then(|items| {
            items
                .iter()
                .find(|i| i.get().map(String::as_str) == Some(a))
        })
    }) {
        hop = hop.at(item.span);
    }
    if request.scheme == Scheme::Https && matched_alias.is_some() {
        let cert = &dist.viewer_certificate;
        let custom = cert.acm_certificate_arn.is_present() || cert.iam_certificate_id.is_present();
        if !custom {
            let hop = Hop::new(
                Stage::Viewer,
                Verdict::Fail,
                format!(
                    "{who} uses the default *.cloudfront.net certificate, which does not cover `{host}`: the TLS handshake fails before any HTTP response (and CloudFront refuses an alternate domain name without a certificate that covers it)"
                ),
            )
            .at(cert.span)
            .rule("aliases-need-custom-certificate");
            let stop = Possibility::new(
                None,
                AnsweredBy::Cloudfront,
                "the TLS handshake fails: no certificate of the distribution covers the host",
            )
            .cached(Some(false));
            return (hop, Some(vec![stop]));
        }
        hop = hop.detail(
            "certificate: CloudFront only accepts an alternate domain name that the distribution's certificate covers",
        );
    }
    (hop, None)
}

/// The viewer protocol policy of the selected behavior: `None` when the request goes on.
pub(super) fn protocol(walk: &mut Walk, b: &Behavior) -> Option<Vec<Possibility>> {
    let field = &b.viewer_protocol_policy;
    let https_url = || {
        let mut r = walk.request.clone();
        r.scheme = Scheme::Https;
        r.url()
    };
    if walk.request.scheme == Scheme::Https {
        let policy = field
            .get()
            .map_or("its viewer protocol policy", |p| p.as_str());
        walk.push(
            Hop::new(
                Stage::Protocol,
                Verdict::Ok,
                format!("HTTPS is accepted ({policy})"),
            )
            .at(field.span),
        );
        return None;
    }
    match field.get().map(|p| p.to_ascii_lowercase()).as_deref() {
        Some("allow-all") => {
            walk.push(
                Hop::new(
                    Stage::Protocol,
                    Verdict::Ok,
                    "plain HTTP is accepted (`allow-all`)",
                )
                .at(field.span),
            );
            None
        }
        Some("redirect-to-https") => {
            let location = https_url();
            // For a site the redirect is the point; an API caller loses its request (a POST
            // body, for one), so there it counts as a failure.
            let api = super::origin::reaches_api(walk, b);
            let mut hop = Hop::new(
                Stage::Protocol,
                if api { Verdict::Fail } else { Verdict::Ok },
                format!("`redirect-to-https`: CloudFront answers 301 with `Location: {location}`; the request goes no further"),
            )
            .at(field.span);
            if api {
                hop = hop.rule("api-redirect-to-https");
            }
            walk.push(hop);
            Some(vec![Possibility::new(
                Some(301),
                AnsweredBy::Cloudfront,
                format!("CloudFront redirects the HTTP request to {location}"),
            )
            .cached(Some(false))])
        }
        Some("https-only") => {
            walk.push(
                Hop::new(
                    Stage::Protocol,
                    Verdict::Fail,
                    "`https-only`: CloudFront answers 403 to a plain HTTP request",
                )
                .at(field.span),
            );
            Some(vec![Possibility::new(
                Some(403),
                AnsweredBy::Cloudfront,
                "CloudFront refuses plain HTTP on an https-only behavior",
            )
            .cached(Some(false))])
        }
        _ => {
            walk.push(
                Hop::new(
                    Stage::Protocol,
                    Verdict::Depends,
                    "the viewer protocol policy is not known here: `allow-all` lets HTTP through, `redirect-to-https` answers 301, `https-only` answers 403",
                )
                .at(field.span),
            );
            walk.alternative(
                Possibility::new(
                    Some(301),
                    AnsweredBy::Cloudfront,
                    "the viewer protocol policy is `redirect-to-https`",
                )
                .cached(Some(false)),
            );
            walk.alternative(
                Possibility::new(
                    Some(403),
                    AnsweredBy::Cloudfront,
                    "the viewer protocol policy is `https-only`",
                )
                .cached(Some(false)),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases() {
        assert_eq!(
            alias_match("www.example.com", "www.example.com"),
            AliasMatch::Exact
        );
        assert_eq!(
            alias_match("WWW.Example.com.", "www.example.com"),
            AliasMatch::Exact
        );
        assert_eq!(
            alias_match("*.example.com", "www.example.com"),
            AliasMatch::Wildcard
        );
        assert_eq!(
            alias_match("*.example.com", "a.b.example.com"),
            AliasMatch::Deep
        );
        assert_eq!(alias_match("*.example.com", "example.com"), AliasMatch::No);
        assert_eq!(
            alias_match("*.example.com", "wwwexample.com"),
            AliasMatch::No
        );
        assert_eq!(
            alias_match("api.example.com", "www.example.com"),
            AliasMatch::No
        );
    }
}
