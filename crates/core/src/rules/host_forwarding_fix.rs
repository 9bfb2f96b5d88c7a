//! Where `apigw-host-header-forwarded` points, and its fix, for every shape that forwards the
//! viewer `Host`:
//!
//! - a managed origin request policy (AllViewer and the others that include `Host`): switch to
//!   AllViewerExceptHostHeader (safe for AllViewer, whose only difference is `Host`);
//! - a custom origin request policy whose header whitelist names `Host` beside other headers:
//!   drop `Host` from the list (safe: nothing else changes);
//! - a custom origin request policy that forwards all viewer headers (or only `Host`): point the
//!   behavior at AllViewerExceptHostHeader instead (unsafe: the custom policy's cookie and query
//!   string settings no longer apply);
//! - legacy `ForwardedValues.Headers` naming `Host`: drop `Host` (safe);
//! - legacy `ForwardedValues.Headers` with `*`: replace `ForwardedValues` and
//!   the legacy TTLs with the managed cache policy CachingDisabled and origin request policy
//!   AllViewerExceptHostHeader (unsafe: all cookies and query strings then reach the origin).
//!
//! The finding underlines the offending value: the `*` or `Host` item, the `allViewer` header
//! behavior of a custom policy, or the managed policy id.

use crate::forwarding::Resolved;
use crate::lint::edit::NewValue;
use crate::lint::{Edit, Fix, Key, LintContext};
use crate::managed;
use crate::model::{Behavior, Format, PolicyRef};
use crate::span::Span;
use crate::value::{List, Val};

/// The value to underline, its path, and the fix, for a behavior whose `source` (an origin
/// request policy, or legacy `ForwardedValues` when `legacy`) forwards `Host`.
pub(crate) fn locate_and_fix(
    ctx: &LintContext,
    behavior: &Behavior,
    source: &Resolved,
    legacy: bool,
) -> (Span, String, Option<Fix>) {
    let at_cause = (source.cause.span, source.cause.path.clone());
    if legacy {
        let Some(fv) = &behavior.forwarded_values else {
            return (at_cause.0, at_cause.1.to_string(), None);
        };
        return match host_item(&fv.headers) {
            Some((index, span, path)) => {
                let fix = if is_star(&fv.headers, index) {
                    leave_forwarded_values(ctx, behavior, fv.span)
                } else {
                    drop_item(ctx, &fv.headers, index)
                };
                (span, path, fix)
            }
            None => (at_cause.0, at_cause.1.to_string(), None),
        };
    }
    match &behavior.origin_request_policy_id.val {
        Val::Known(PolicyRef::Id(_)) => {
            let fix = managed_replacement(
                ctx,
                behavior,
                source.managed_id == Some(managed::ALL_VIEWER),
            );
            (at_cause.0, at_cause.1.to_string(), fix)
        }
        Val::Known(PolicyRef::Local(name)) => {
            let Some(policy) = ctx
                .doc
                .origin_request_policies
                .iter()
                .find(|p| &p.name == name)
            else {
                return (at_cause.0, at_cause.1.to_string(), None);
            };
            let headers = &policy.headers;
            let whitelist = headers
                .behavior
                .get()
                .is_some_and(|b| b.eq_ignore_ascii_case("whitelist"));
            match host_item(&headers.items) {
                Some((index, span, path)) if whitelist => {
                    let fix = match &headers.items.val {
                        Val::Known(items) if items.len() > 1 => {
                            drop_item(ctx, &headers.items, index)
                        }
                        // A whitelist of only `Host` cannot be left empty.
                        _ => managed_replacement(ctx, behavior, false),
                    };
                    (span, path, fix)
                }
                _ => {
                    let (span, path) = match headers.behavior.val {
                        Val::Known(_) => (headers.behavior.span, headers.behavior.path.clone()),
                        _ => at_cause,
                    };
                    (
                        span,
                        path.to_string(),
                        managed_replacement(ctx, behavior, false),
                    )
                }
            }
        }
        _ => (at_cause.0, at_cause.1.to_string(), None),
    }
}

/// The position, span and path of the list's `Host` or `*` item.
fn host_item(list: &List) -> Option<(usize, Span, String)> {
    let items = list.get()?;
    items.iter().enumerate().find_map(|(i, item)| {
        let name = item.get()?;
        (name == "*" || name.eq_ignore_ascii_case("host"))
            .then(|| (i, item.span, item.path.to_string()))
    })
}

fn is_star(list: &List, index: usize) -> bool {
    list.get()
        .and_then(|items| items.get(index))
        .and_then(|item| item.get())
        .is_some_and(|name| name == "*")
}

/// Drops item `index` (`Host`) from a header list: nothing else changes. A YAML list left
/// empty goes with its key (an empty block sequence would read as null).
fn drop_item(ctx: &LintContext, list: &List, index: usize) -> Option<Fix> {
    let editor = ctx.editor();
    let only = list.get().is_some_and(|items| items.len() == 1);
    let edits = if only && ctx.format() == Format::CfnYaml {
        vec![editor.remove_entry(list.span)?]
    } else {
        editor.remove_list_item(list, index)
    };
    Fix::safe(
        "stop forwarding the viewer Host header (remove it from the list)",
        edits,
    )
}

/// Points the behavior at the managed origin request policy AllViewerExceptHostHeader.
/// A comment after the id that names the old policy (`# AllViewer`) is renamed too.
fn managed_replacement(ctx: &LintContext, behavior: &Behavior, safe: bool) -> Option<Fix> {
    let span = behavior.origin_request_policy_id.span;
    let mut edit = ctx
        .editor()
        .replace_string(span, managed::ALL_VIEWER_EXCEPT_HOST_HEADER);
    let rest = ctx.text.get(span.end..).unwrap_or_default();
    let line_rest = rest.split('\n').next().unwrap_or_default();
    if ctx.format() != Format::CliJson && line_rest.trim_start().starts_with('#') {
        edit.end = span.end + line_rest.trim_end_matches('\r').len();
        edit.replacement.push_str(&format!(
            "{}# AllViewerExceptHostHeader",
            &line_rest[..line_rest.len() - line_rest.trim_start().len()]
        ));
    }
    let description = "use origin request policy AllViewerExceptHostHeader";
    if safe {
        Fix::safe(description, vec![edit])
    } else {
        Fix::unsafe_(description, vec![edit])
    }
}

/// Removes a legacy TTL entry. In JSON, from the comma before it, so that several removed in a
/// row neither overlap nor leave a comma before a closing brace.
fn remove_ttl(ctx: &LintContext, value: Span) -> Option<Edit> {
    match ctx.format() {
        Format::Terraform | Format::CfnYaml => ctx.editor().remove_entry(value),
        Format::CliJson | Format::CfnJson => {
            let whole = ctx.editor().remove_entry(value)?;
            let before = ctx.text.get(..whole.start)?.trim_end();
            match before.strip_suffix(',') {
                Some(rest) => Some(Edit {
                    start: rest.len(),
                    end: value.end,
                    replacement: String::new(),
                }),
                None => Some(whole),
            }
        }
    }
}

/// Replaces legacy `ForwardedValues` (at `fv`) and the behavior's legacy TTLs with the managed
/// policies CachingDisabled and AllViewerExceptHostHeader.
fn leave_forwarded_values(ctx: &LintContext, behavior: &Behavior, fv: Span) -> Option<Fix> {
    let editor = ctx.editor();
    let cache = Key::CACHE_POLICY_ID.name(ctx.format());
    let origin_request = Key::ORIGIN_REQUEST_POLICY_ID.name(ctx.format());
    let mut edits: Vec<Edit> = vec![editor.replace_entry(
        fv,
        &[
            (cache, NewValue::Str(managed::CACHING_DISABLED)),
            (
                origin_request,
                NewValue::Str(managed::ALL_VIEWER_EXCEPT_HOST_HEADER),
            ),
        ],
    )?];
    for ttl in [&behavior.min_ttl, &behavior.default_ttl, &behavior.max_ttl] {
        if let Val::Known(_) = ttl.val {
            edits.push(remove_ttl(ctx, ttl.span)?);
        }
    }
    // Blank lines between ForwardedValues and the removed TTL lines go too (Terraform keeps
    // its block apart from the TTLs).
    let next_line = edits.iter().skip(1).map(|e| e.start).min();
    if let Some(next) = next_line.filter(|&n| n > edits[0].end) {
        let gap = ctx.text.get(edits[0].end..next).unwrap_or_default();
        if gap.trim().is_empty() && gap.ends_with('\n') {
            edits[0].end = next - 1;
        }
    }
    let legacy = Key::FORWARDED_VALUES.name(ctx.format());
    Fix::unsafe_(
        format!(
            "replace {legacy} with the managed policies CachingDisabled and \
             AllViewerExceptHostHeader (all viewer headers except Host, all cookies and query \
             strings reach the origin; nothing is cached)"
        ),
        edits,
    )
}
