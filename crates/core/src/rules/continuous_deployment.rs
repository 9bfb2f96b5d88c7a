//! What the continuous deployment rules share: which distributions take part in it.

use crate::lint::LintContext;
use crate::model::{ContinuousDeploymentPolicy, Distribution};
use crate::value::Val;

/// True for a primary distribution (a `ContinuousDeploymentPolicyId` that is set and not
/// empty, known or not).
pub(super) fn is_primary(d: &Distribution) -> bool {
    match &d.continuous_deployment_policy_id.val {
        Val::Known(id) => !id.trim().is_empty(),
        Val::Unknown(_) => true,
        Val::Absent => false,
    }
}

/// True for a staging distribution (`Staging: true`).
pub(super) fn is_staging(d: &Distribution) -> bool {
    d.staging.get() == Some(&true)
}

/// The distribution that reports a policy's findings: the one whose
/// `ContinuousDeploymentPolicyId` refers to it, else the first of the input.
pub(super) fn reports_policy(ctx: &LintContext, policy: &ContinuousDeploymentPolicy) -> bool {
    let owner = ctx
        .doc
        .distributions
        .iter()
        .find(|d| d.continuous_deployment_policy_ref.as_deref() == Some(policy.name.as_str()))
        .or(ctx.doc.distributions.first());
    owner.is_some_and(|d| std::ptr::eq(d, ctx.dist))
}
