//! Helpers of the rules about cache, origin request and response headers policies.
//!
//! Custom policies defined in the same input: the engine runs rules once per distribution, but
//! a policy is a resource of its own. Each policy problem is reported once, while checking the
//! first distribution that references the policy (so that distribution's suppressions apply),
//! or the first distribution of the input when none references it. Inputs without a
//! distribution are not linted at all.

use crate::lint::LintContext;
use crate::model::{Distribution, KeyConfig, PolicyRef};
use crate::value::Field;

/// True when the policy named `name` (logical id or Terraform address) is reported while
/// checking `ctx.dist`.
pub fn reported_here(ctx: &LintContext, name: &str) -> bool {
    let owner = ctx
        .doc
        .distributions
        .iter()
        .find(|d| references(d, name))
        .or_else(|| ctx.doc.distributions.first());
    owner.is_some_and(|d| std::ptr::eq(d, ctx.dist))
}

/// True when a policy id field is set: present, and not the empty string that Terraform and
/// the API write for "no policy".
pub fn is_set(field: &Field<PolicyRef>) -> bool {
    match field.get() {
        Some(PolicyRef::Id(id)) => !id.trim().is_empty(),
        _ => field.is_present(),
    }
}

/// True when a behavior of `dist` uses the policy named `name`.
fn references(dist: &Distribution, name: &str) -> bool {
    let is_it = |f: &Field<PolicyRef>| matches!(f.get(), Some(PolicyRef::Local(n)) if n == name);
    dist.all_behaviors().any(|b| {
        is_it(&b.cache_policy_id)
            || is_it(&b.origin_request_policy_id)
            || is_it(&b.response_headers_policy_id)
    })
}

/// The header list items (index and field) of `config` named `header` (any case), when its
/// behavior lists headers to include: `whitelist` or `allViewerAndWhitelistCloudFront`.
pub fn listed_headers<'a>(config: &'a KeyConfig, header: &str) -> Vec<(usize, &'a Field<String>)> {
    let lists = config
        .behavior
        .get()
        .is_some_and(|b| b == "whitelist" || b == "allViewerAndWhitelistCloudFront");
    if !lists {
        return Vec::new();
    }
    config
        .items
        .get()
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    f.get()
                        .is_some_and(|h| h.trim().eq_ignore_ascii_case(header))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Behavior, Document, Format, OriginRequestPolicy};
    use crate::rules::test_support::{known, list};

    #[test]
    fn a_policy_is_reported_with_its_first_user() {
        let mut doc = Document::new(Format::CfnYaml);
        let user = Behavior {
            origin_request_policy_id: known(PolicyRef::Local("Orp".into())),
            ..Behavior::default()
        };
        doc.distributions.push(Distribution::default());
        doc.distributions.push(Distribution {
            default_behavior: Some(user),
            ..Distribution::default()
        });
        let (first, second) = (&doc.distributions[0], &doc.distributions[1]);
        let here = |d| reported_here(&LintContext::new(&doc, "", d), "Orp");
        assert!(!here(first));
        assert!(here(second));
        let unused = |d| reported_here(&LintContext::new(&doc, "", d), "Unused");
        assert!(unused(first));
        assert!(!unused(second));
    }

    #[test]
    fn finds_listed_headers_in_any_case() {
        let policy = OriginRequestPolicy {
            headers: KeyConfig {
                behavior: known("whitelist".into()),
                items: list(&["Origin", "authorization"]),
            },
            ..OriginRequestPolicy::default()
        };
        let found = listed_headers(&policy.headers, "Authorization");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 1);
        let all_except = KeyConfig {
            behavior: known("allExcept".into()),
            items: list(&["Authorization"]),
        };
        assert!(listed_headers(&all_except, "authorization").is_empty());
    }
}
