//! The API behind an origin: API Gateway REST, HTTP and WebSocket APIs (stages, routes,
//! authorizers and their identity sources, CORS), custom domains with their API mappings, and
//! Lambda function URLs.
//!
//! The model is read from the configuration itself (CloudFormation, SAM, Terraform; see
//! [`crate::parse`]) into [`crate::model::Document::api_model`], and from exported definitions
//! given beside it ([`crate::parse::parse_api_definition`], attached with [`attach()`]).
//! [`ApiModel::entry_for`] says how an origin reaches an API; [`resolve::resolve`] says what
//! API Gateway does with a request there.

mod attach;
mod model;
mod path;
pub mod resolve;
mod shift;

pub use attach::{attach, merge_definitions, AttachNote, Definition};
pub use model::*;
pub use resolve::{resolve, Entry};
pub use shift::{Offset, Shift};

use crate::model::{Origin, OriginKind};
use resolve::{CustomDomain, Mapped, Ruled, Unresolved};

impl ApiModel {
    /// The API named `name` (logical id, address, or definition title).
    pub fn api(&self, name: &str) -> Option<&Api> {
        self.apis.iter().find(|a| a.name == name)
    }

    /// How `origin` reaches an API or function URL of this model, when the input says: an
    /// attached definition, the API or function URL its host refers to, or the custom domain its
    /// host names.
    pub fn entry_for(&self, origin: &Origin) -> Option<Entry<'_>> {
        let attached = self
            .attachments
            .iter()
            .find(|a| *a.origin_path == *origin.path)
            .and_then(|a| self.apis.get(a.api));
        let default_endpoint = matches!(
            origin.kind.0,
            OriginKind::ApiGatewayDefault { .. } | OriginKind::ApiGatewayPrivateVpce
        );
        if let (Some(api), true) = (attached, default_endpoint) {
            return Some(Entry::DefaultEndpoint(api));
        }
        if let Some(name) = &origin.lambda_url_ref {
            if let Some(url) = self.function_urls.iter().find(|u| &u.name == name) {
                return Some(Entry::FunctionUrl(url));
            }
        }
        if let Some(name) = &origin.api_ref {
            if let Some(api) = self.api(name) {
                return Some(Entry::DefaultEndpoint(api));
            }
        }
        let by_ref = self
            .origin_domains
            .iter()
            .find(|d| *d.origin_path == *origin.path)
            .and_then(|d| self.domains.iter().find(|x| x.name == d.domain));
        let host = origin
            .domain_name
            .get()
            .map(|h| h.trim().to_ascii_lowercase());
        let by_name = host.as_deref().and_then(|h| {
            self.domains.iter().find(|d| {
                d.domain_name
                    .get()
                    .is_some_and(|n| n.eq_ignore_ascii_case(h))
            })
        });
        match by_ref.or(by_name) {
            Some(domain) => Some(Entry::CustomDomain(self.custom_domain(
                Some(&domain.name),
                domain.domain_name.get().map(String::as_str),
                attached,
            ))),
            // Mappings of a domain defined elsewhere, named by its host.
            None => match host.as_deref() {
                Some(h) if self.mappings.iter().any(|m| maps_host(m, h)) => Some(
                    Entry::CustomDomain(self.custom_domain(None, Some(h), attached)),
                ),
                _ => attached.map(|_| {
                    Entry::CustomDomain(self.custom_domain(None, host.as_deref(), attached))
                }),
            },
        }
    }

    /// The name of the custom domain whose Regional target host (`d-…`) `origin` uses, when that
    /// custom domain is a resource of the input (`!GetAtt Domain.RegionalDomainName`,
    /// Terraform `regional_domain_name`) and its name is known.
    pub fn regional_target_name(&self, origin: &Origin) -> Option<&str> {
        let link = self
            .origin_domains
            .iter()
            .find(|d| *d.origin_path == *origin.path)?;
        self.domains
            .iter()
            .find(|d| d.name == link.domain)?
            .domain_name
            .get()
            .map(String::as_str)
    }

    /// True when `host` is the name of the custom domain whose Regional target host `origin`
    /// uses ([`Self::regional_target_name`]).
    pub fn names_regional_target(&self, origin: &Origin, host: &str) -> bool {
        self.regional_target_name(origin)
            .is_some_and(|name| name.trim().eq_ignore_ascii_case(host.trim()))
    }

    /// The mappings of a custom domain (its resource name and/or domain name); a mapping to an
    /// API the input does not have maps to `attached` (a definition attached to the origin).
    fn custom_domain<'a>(
        &'a self,
        resource: Option<&str>,
        host: Option<&str>,
        attached: Option<&'a Api>,
    ) -> CustomDomain<'a> {
        let mut domain = CustomDomain::default();
        let own = self.domains.iter().find(|d| {
            resource == Some(d.name.as_str())
                || host.is_some_and(|h| {
                    d.domain_name
                        .get()
                        .is_some_and(|n| n.trim().eq_ignore_ascii_case(h))
                })
        });
        domain.mode = match own {
            Some(d) => d.mode(),
            None => Some(RoutingMode::MappingsOnly),
        };
        domain.rules = self
            .routing_rules
            .iter()
            .filter(|r| {
                let by_ref = r.domain_ref.is_some()
                    && r.domain_ref.as_deref() == own.map(|d| d.name.as_str());
                let by_name = host.is_some_and(|h| {
                    r.domain_name
                        .get()
                        .is_some_and(|n| n.trim().eq_ignore_ascii_case(h))
                });
                by_ref || by_name
            })
            .map(|rule| Ruled {
                rule,
                api: rule
                    .api_ref
                    .as_deref()
                    .and_then(|a| self.api(a))
                    .or(attached),
            })
            .collect();
        if let (Some(d), None) = (own, domain.mode) {
            domain.rules_unknown.push(Unresolved {
                reason: "the custom domain's routing mode is not known".into(),
                span: d.routing_mode.span,
                path: d.routing_mode.path.to_string(),
            });
        }
        for m in &self.mappings {
            let by_ref = resource.is_some() && m.domain_ref.as_deref() == resource;
            let by_name = host.is_some_and(|h| maps_host(m, h));
            if by_ref || by_name {
                domain.mappings.push(Mapped {
                    mapping: m,
                    api: m.api_ref.as_deref().and_then(|a| self.api(a)).or(attached),
                });
            } else if m.domain_ref.is_none() && m.domain_name.is_unknown() {
                domain.unknown.push(Unresolved {
                    reason: "this API mapping's domain name is not known; it may map this domain"
                        .into(),
                    span: m.domain_name.span,
                    path: m.domain_name.path.to_string(),
                });
            }
        }
        if domain.mappings.is_empty() && domain.mode.is_none_or(RoutingMode::uses_mappings) {
            domain.unknown.push(Unresolved {
                reason: format!(
                    "the API mappings of custom domain `{}` are not in the input",
                    host.or(resource).unwrap_or_default()
                ),
                span: crate::span::Span::default(),
                path: String::new(),
            });
        }
        domain
    }
}

fn maps_host(m: &Mapping, host: &str) -> bool {
    m.domain_name
        .get()
        .is_some_and(|n| n.trim().eq_ignore_ascii_case(host))
}
