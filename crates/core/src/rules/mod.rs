//! The lint rules, one file each, and the registry.

use crate::lint::Rule;

mod apigw_host_header_forwarded;

#[cfg(test)]
pub(crate) mod test_support;

static ALL: &[&Rule] = &[&apigw_host_header_forwarded::RULE];

/// Every rule, in catalogue order.
pub fn all() -> &'static [&'static Rule] {
    ALL
}

/// The rule with this slug.
pub fn by_slug(slug: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.slug == slug)
}
