//! Origin mutual TLS as protection: shared by `origin-mtls-invalid` and
//! `api-origin-bypassable`.

use crate::api::Entry;
use crate::lint::LintContext;
use crate::model::{ApiDomainName, Origin};
use crate::value::Val;

/// The API Gateway custom domain of the input an origin's host names or refers to.
pub(super) fn custom_domain<'a>(
    ctx: &LintContext<'a>,
    origin: &Origin,
) -> Option<&'a ApiDomainName> {
    let domains = &ctx.doc.api_domain_names;
    if let Some(host) = origin.domain_name.get() {
        let host = host.trim();
        return domains.iter().find(|d| {
            d.domain_name
                .get()
                .is_some_and(|n| n.trim().eq_ignore_ascii_case(host))
        });
    }
    let by_ref = ctx
        .doc
        .api_model
        .origin_domains
        .iter()
        .find(|d| *d.origin_path == *origin.path)?;
    domains.iter().find(|d| d.name == by_ref.domain)
}

/// True when origin mutual TLS keeps callers other than CloudFront out: the origin presents a
/// client certificate to an API Gateway custom domain of the input that requires one, and every
/// API mapped to that domain has its default `execute-api` endpoint disabled (else the default
/// endpoint is a way around the domain).
pub(super) fn protects(ctx: &LintContext, origin: &Origin) -> bool {
    let mtls = origin
        .custom_origin_config
        .as_ref()
        .is_some_and(|c| c.origin_mtls.is_some());
    if !mtls || custom_domain(ctx, origin).is_none_or(|d| d.mutual_tls.is_none()) {
        return false;
    }
    let Some(Entry::CustomDomain(domain)) = ctx.doc.api_model.entry_for(origin) else {
        return false;
    };
    let apis: Vec<_> = domain
        .mappings
        .iter()
        .map(|m| m.api)
        .chain(domain.rules.iter().map(|r| r.api))
        .collect();
    !apis.is_empty()
        && apis.iter().all(|api| {
            api.is_some_and(|a| matches!(a.disable_execute_api_endpoint.val, Val::Known(true)))
        })
}
