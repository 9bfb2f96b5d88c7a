//! Fixes shared by several rules.

use crate::forwarding::Forwarding;
use crate::lint::{edit::Value, Fix, LintContext};
use crate::managed;
use crate::model::Behavior;
use crate::value::Val;

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
            ctx.key(
                "OriginRequestPolicyId",
                "OriginRequestPolicyId",
                "origin_request_policy_id",
            ),
            Value::Str(managed::ALL_VIEWER_EXCEPT_HOST_HEADER),
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
