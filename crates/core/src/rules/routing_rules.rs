//! What the routing rule rules share: the API Gateway custom domain behind an origin and its
//! routing rules.

use crate::api::{DomainName, RoutingRule};
use crate::lint::LintContext;
use crate::model::Origin;

/// The custom domain of the API model an origin reaches, by its host or by reference.
pub(super) fn domain_of<'a>(ctx: &LintContext<'a>, origin: &Origin) -> Option<&'a DomainName> {
    let m = &ctx.doc.api_model;
    if let Some(host) = origin.domain_name.get() {
        let host = host.trim();
        return m.domains.iter().find(|d| {
            d.domain_name
                .get()
                .is_some_and(|n| n.trim().eq_ignore_ascii_case(host))
        });
    }
    let by_ref = m
        .origin_domains
        .iter()
        .find(|d| *d.origin_path == *origin.path)?;
    m.domains.iter().find(|d| d.name == by_ref.domain)
}

/// The routing rules of a custom domain.
pub(super) fn rules_of<'a>(ctx: &LintContext<'a>, domain: &DomainName) -> Vec<&'a RoutingRule> {
    ctx.doc
        .api_model
        .routing_rules
        .iter()
        .filter(|r| {
            r.domain_ref.as_deref() == Some(domain.name.as_str())
                || (r.domain_ref.is_none()
                    && r.domain_name
                        .get()
                        .zip(domain.domain_name.get())
                        .is_some_and(|(a, b)| a.trim().eq_ignore_ascii_case(b.trim())))
        })
        .collect()
}

/// True when this distribution is the first of the input with an origin that reaches `domain`
/// (findings about the domain come once).
pub(super) fn first_reaching(ctx: &LintContext, domain: &DomainName) -> bool {
    for d in &ctx.doc.distributions {
        let probe = LintContext::new(ctx.doc, ctx.text, d);
        if d.origins
            .iter()
            .any(|o| domain_of(&probe, o).is_some_and(|x| std::ptr::eq(x, domain)))
        {
            return std::ptr::eq(d, ctx.dist);
        }
    }
    false
}
