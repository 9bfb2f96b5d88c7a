//! Code shared by several rules (as ruff keeps one `helpers.rs` per linter): policy ownership
//! and header lists, the effective-forwarding checks and fix of the forwarding rules, the
//! findings of the rules about what the parser could not read, the viewer-protocol fix, the
//! API beside the distribution, origin access controls, the origin timeout ranges and the
//! per-distribution quotas.
//!
//! Custom policies defined in the same input: the engine runs rules once per distribution, but
//! a policy is a resource of its own. Each policy problem is reported once, while checking the
//! first distribution that references the policy (so that distribution's suppressions apply),
//! or the first distribution of the input when none references it. Inputs without a
//! distribution are not linted at all.

use crate::forwarding::{Amount, Aspect, Cause, Forwarding};
use crate::lint::Key;
use crate::lint::{edit::NewValue, origin_name, Finding, Fix, LintContext, Rule, Severity};
use crate::managed;
use crate::model::{
    Api, Behavior, CustomOriginConfig, Distribution, KeyConfig, Note, NoteKind, Origin,
    OriginAccessControl, PolicyRef,
};
use crate::span::Span;
use crate::value::{Field, Val};

/// True for a header name that looks like a shared secret (`X-Origin-Verify`, `x-api-key`,
/// names with `secret`, `verify`, `token`, `key` or `auth`).
pub fn looks_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["secret", "verify", "token", "key", "auth"]
        .iter()
        .any(|w| name.contains(w))
}

/// A duration for people: "1 second", "30 seconds".
pub fn seconds(n: i64) -> String {
    if n == 1 {
        "1 second".to_string()
    } else {
        format!("{n} seconds")
    }
}

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

/// True when the behavior is known to forward no query string, header or cookie.
pub fn forwards_nothing(fwd: &Forwarding) -> bool {
    fwd.query_strings.is(Amount::None)
        && fwd.cookies.is(Amount::None)
        && fwd.headers.as_ref().is_some_and(|h| h.is_empty())
}

/// The policies a behavior's forwarding comes from, for messages: the cache policy (or legacy
/// `ForwardedValues`) and the origin request policy, when there is one.
pub fn forwarding_sources(fwd: &Forwarding) -> String {
    match &fwd.origin_request {
        Some(orp) => format!(
            "{} and {}",
            fwd.cache.cause.description, orp.cause.description
        ),
        None => fwd.cache.cause.description.to_string(),
    }
}

/// The setting that decides what reaches the origin: the origin request policy when there is
/// one, else the cache policy (or legacy `ForwardedValues`).
pub fn request_cause(fwd: &Forwarding) -> &Cause {
    fwd.origin_request
        .as_ref()
        .map_or(&fwd.cache.cause, |o| &o.cause)
}

/// The findings of `rule` on the API behaviors that forward no query string, or no cookie
/// (`values` picks which), but something else (a behavior that forwards nothing is
/// `api-behavior-forwards-nothing`'s): at the setting that decides what reaches the origin,
/// with the message `message` writes, fixed by AllViewerExceptHostHeader.
pub fn values_not_forwarded(
    ctx: &LintContext,
    rule: &Rule,
    values: fn(&Forwarding) -> &Aspect<Amount>,
    message: impl Fn(&Behavior, &Origin, &Forwarding) -> String,
) -> Vec<Finding> {
    ctx.api_behaviors()
        .into_iter()
        .filter_map(|(behavior, origin)| {
            let fwd = ctx.forwarding(behavior);
            if !values(&fwd).is(Amount::None) || forwards_nothing(&fwd) {
                return None;
            }
            let cause = request_cause(&fwd);
            let message = message(behavior, origin, &fwd);
            Some(
                ctx.finding(rule, cause.span, &cause.path, message)
                    .with_fix(use_all_viewer_except_host(ctx, behavior, &fwd)),
            )
        })
        .collect()
}

/// Sets the behavior's managed cache policy to CachingDisabled (unsafe: responses are no longer
/// cached); `None` for a custom policy or legacy forwarding.
pub fn use_caching_disabled(ctx: &LintContext, fwd: &Forwarding) -> Option<Fix> {
    fwd.cache.managed_id?;
    Fix::unsafe_(
        "use cache policy CachingDisabled",
        vec![ctx
            .editor()
            .replace_string(fwd.cache.cause.span, managed::CACHING_DISABLED)],
    )
}

/// Sets the behavior's origin request policy to AllViewerExceptHostHeader (unsafe: it changes
/// what reaches the origin). `None` for legacy forwarding or an origin request policy that is
/// not a managed one.
pub fn use_all_viewer_except_host(
    ctx: &LintContext,
    behavior: &Behavior,
    fwd: &Forwarding,
) -> Option<Fix> {
    if fwd.legacy {
        return None;
    }
    let field = &behavior.origin_request_policy_id;
    let editor = ctx.editor();
    let edit = match &field.val {
        Val::Absent => editor.insert_key(
            behavior.span,
            Key::ORIGIN_REQUEST_POLICY_ID,
            NewValue::Str(managed::ALL_VIEWER_EXCEPT_HOST_HEADER),
        )?,
        _ if fwd
            .origin_request
            .as_ref()
            .is_some_and(|o| o.managed_id.is_some()) =>
        {
            editor.replace_string(field.span, managed::ALL_VIEWER_EXCEPT_HOST_HEADER)
        }
        _ => return None,
    };
    Fix::unsafe_(
        "use origin request policy AllViewerExceptHostHeader",
        vec![edit],
    )
}

/// The finding of `rule` at a behavior's `ViewerProtocolPolicy` with `message`, fixed (unsafe:
/// viewers see another answer to plain HTTP) by setting the policy to `target`.
pub fn viewer_protocol_finding(
    ctx: &LintContext,
    rule: &Rule,
    field: &Field<String>,
    message: String,
    target: &str,
) -> Finding {
    let fix = Fix::unsafe_(
        format!(
            "set {} to {target}",
            Key::VIEWER_PROTOCOL_POLICY.name(ctx.format())
        ),
        vec![ctx.editor().replace_string(field.span, target)],
    );
    ctx.finding(rule, field.span, &field.path, message)
        .with_fix(fix)
}

/// The API defined beside the distribution whose host `origin` is (`!Sub
/// ${Api}.execute-api…`, a Terraform reference), when the input has it.
pub fn sibling_api<'a>(ctx: &LintContext<'a>, origin: &Origin) -> Option<&'a Api> {
    let name = origin.api_ref.as_ref()?;
    ctx.doc.apis.iter().find(|a| &a.name == name)
}

/// The origin access control resource of the input that `origin` uses, when it is one.
pub fn local_oac<'a>(ctx: &LintContext<'a>, origin: &Origin) -> Option<&'a OriginAccessControl> {
    match origin.origin_access_control_id.get()? {
        PolicyRef::Local(name) => ctx
            .doc
            .origin_access_controls
            .iter()
            .find(|o| &o.name == name),
        PolicyRef::Id(_) => None,
    }
}

/// One finding of `rule` at each note of `kind` that the parser left about the input, with
/// the message `message` writes for it (the rules about what apifront could not read).
pub fn note_findings(
    ctx: &LintContext,
    rule: &Rule,
    kind: NoteKind,
    message: impl Fn(&Note) -> String,
) -> Vec<Finding> {
    ctx.notes(kind)
        .into_iter()
        .map(|note| ctx.finding(rule, note.span, "", message(note)))
        .collect()
}

/// The references of the origin timeout rules (read and keep-alive timeouts).
pub(super) const TIMEOUT_REFERENCES: &[&str] = &[
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html",
    "https://repost.aws/knowledge-center/cloudfront-custom-origin-response",
];

/// A timeout setting of a custom origin config, for [`range_findings`].
pub(super) struct Timeout {
    pub key: Key,
    pub default: i64,
    pub field: fn(&CustomOriginConfig) -> &Field<i64>,
}

/// Findings of `rule` for timeouts below 1 s or above 180 s (errors, fixed by clamping) and
/// from 121 s to 180 s (warnings: above the default quota).
pub(super) fn range_findings(ctx: &LintContext, rule: &Rule, timeout: &Timeout) -> Vec<Finding> {
    let key = timeout.key.name(ctx.format());
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        let Some(config) = &origin.custom_origin_config else {
            continue;
        };
        let field = (timeout.field)(config);
        let Some(&value) = field.get() else { continue };
        let name = origin_name(origin);
        let finding = if value < 1 {
            let message = format!(
                "{name} has {key} {value}; it must be at least 1 second (default {})",
                timeout.default
            );
            ctx.finding(rule, field.span, &field.path, message)
                .with_severity(Severity::Error)
                .with_fix(clamp(ctx, field, 1))
        } else if value > 180 {
            let message =
                format!("{name} has {key} {value} seconds; CloudFront accepts at most 180");
            ctx.finding(rule, field.span, &field.path, message)
                .with_severity(Severity::Error)
                .with_fix(clamp(ctx, field, 180))
        } else if value > 120 {
            let message = format!(
                "{name} has {key} {value} seconds, above the 120-second default quota; \
                 CloudFront rejects it unless the account's quota was raised"
            );
            ctx.finding(rule, field.span, &field.path, message)
                .with_severity(Severity::Warning)
        } else {
            continue;
        };
        out.push(finding);
    }
    out
}

fn clamp(ctx: &LintContext, field: &Field<i64>, to: i64) -> Option<Fix> {
    Fix::safe(
        format!("set the timeout to {to}"),
        vec![ctx.editor().replace_scalar(field.span, &to.to_string())],
    )
}

/// The finding of `rule` when the distribution has more than `quota` of `what` (`origins`):
/// `items` gives the count and, at index `quota`, the first item over the quota.
pub fn over_quota<T>(
    ctx: &LintContext,
    rule: &Rule,
    items: &[T],
    quota: usize,
    what: &str,
    at: impl Fn(&T) -> (Span, &str),
) -> Vec<Finding> {
    let Some(first_over) = items.get(quota) else {
        return Vec::new();
    };
    let (span, path) = at(first_over);
    let message = format!(
        "the distribution has {} {what}, more than the default quota of {quota}; this one and \
         the ones after it need a raised quota",
        items.len()
    );
    vec![ctx.finding(rule, span, path, message)]
}

/// True when `host` is a name viewers use for the distribution: one of its aliases or a domain
/// of one of its tenants.
pub fn is_viewer_domain(ctx: &LintContext, host: &str) -> bool {
    let names = |a: &str| a.trim().eq_ignore_ascii_case(host.trim());
    ctx.dist
        .aliases
        .known_items()
        .unwrap_or_default()
        .into_iter()
        .any(names)
        || ctx
            .doc
            .tenants_of(&ctx.dist.name)
            .any(|t| t.known_domains().any(|(_, d)| names(d)))
}

/// True when `host` is the only name viewers use for the distribution: every alias and every
/// known domain of its tenants is `host` (and there is at least one).
pub fn is_only_viewer_domain(ctx: &LintContext, host: &str) -> bool {
    let Some(aliases) = ctx.dist.aliases.known_items() else {
        return false;
    };
    let tenants = ctx.doc.tenants_of(&ctx.dist.name);
    let names: Vec<&str> = aliases
        .into_iter()
        .chain(tenants.flat_map(|t| t.known_domains().map(|(_, d)| d)))
        .collect();
    !names.is_empty()
        && names
            .iter()
            .all(|n| n.trim().eq_ignore_ascii_case(host.trim()))
}

/// The test table of a timeout rule: `key` spelled as in CloudFormation and in Terraform, with
/// its `default`.
#[cfg(test)]
pub(super) fn timeout_table(
    rule: &'static Rule,
    key: (&str, &str),
    default: i64,
) -> super::tester::Tester {
    use super::tester::{case, cfn, Tester, API, API_BEHAVIOR};
    let (cfn_key, tf_key) = key;
    let timeout = |value: &str| {
        let origin = format!(
            "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com\n            \
             OriginPath: /prod\n            CustomOriginConfig:\n              OriginProtocolPolicy: \
             https-only\n              OriginSSLProtocols: [TLSv1.2]\n              {cfn_key}: {value}\n"
        );
        cfn("", &origin, API_BEHAVIOR)
    };
    let terraform = |value: &str| {
        format!(
            "resource \"aws_cloudfront_distribution\" \"d\" {{\n  origin {{\n    origin_id   = \"api\"\n    \
             domain_name = \"abc123defg.execute-api.eu-west-1.amazonaws.com\"\n    \
             custom_origin_config {{\n      {tf_key} = {value}\n    }}\n  }}\n}}\n"
        )
    };
    let error = |value: &str, fixed: &str, message: String| {
        let mut before = case(timeout(&format!("‸{value}")))
            .severity(Severity::Error)
            .message(&message);
        if fixed.contains("180") {
            before = before.fix_leaves_a_finding(
                "180 s needs a raised quota: the fixed value is still a warning",
            );
        }
        (before, timeout(fixed))
    };
    Tester::new(rule)
        .pass([
            API.to_string(),
            timeout("1"),
            timeout(&default.to_string()),
            timeout("120"),
            timeout("!Ref Timeout"),
        ])
        .fail(["121", "180"].map(|value| {
            case(timeout(&format!("‸{value}")))
                .severity(Severity::Warning)
                .message(&format!(
                    "origin `orders-api` has {cfn_key} {value} seconds, above the 120-second \
                     default quota; CloudFront rejects it unless the account's quota was raised"
                ))
        }))
        .fix([
            error(
                "0",
                "1",
                format!(
                    "origin `orders-api` has {cfn_key} 0; it must be at least 1 second (default \
                     {default})"
                ),
            ),
            error("-1", "1", format!("has {cfn_key} -1")),
            error(
                "181",
                "180",
                format!(
                    "origin `orders-api` has {cfn_key} 181 seconds; CloudFront accepts at most 180"
                ),
            ),
            error("'600'", "'180'", format!("has {cfn_key} 600 seconds")),
            (
                case(terraform("‸0"))
                    .severity(Severity::Error)
                    .message(&format!("origin `api` has {tf_key} 0")),
                terraform("1"),
            ),
        ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Format, OriginRequestPolicy};
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
