//! `response-headers-policy-missing`: a behavior has no response headers policy.

use super::helpers::is_set;
use crate::lint::Key;
use crate::lint::{
    behavior_name, edit::NewValue, Category, Finding, Fix, FixAvailability, LintContext, Rule,
    RuleDocs, Severity, Snippet,
};
use crate::managed;

pub static RULE: Rule = Rule {
    slug: "response-headers-policy-missing",
    summary: "A behavior has no response headers policy",
    default_severity: Severity::Info,
    category: Category::Posture,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds behaviors without a `ResponseHeadersPolicyId` (checkov \
            CKV2_AWS_32).",
        why_bad: "Without a response headers policy, security headers such as \
            `Strict-Transport-Security`, `X-Content-Type-Options` and `X-Frame-Options` depend \
            on every backend setting them. The managed SecurityHeadersPolicy adds them at the \
            edge.",
        example: Snippet::cfn_yaml(api_doc!()),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                concat!(
                    api_behavior!(),
                    "          ResponseHeadersPolicyId: 67f7725c-6f97-4210-82d7-5512b31e9d03\n"
                )
            )),
        exceptions: "Backends that set their own security headers. The unsafe fix attaches the \
            managed SecurityHeadersPolicy (`67f7725c-…`), which also sets HSTS for a year and \
            `X-Frame-Options: SAMEORIGIN`; check that this suits every client.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/adding-response-headers.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .all_behaviors()
        .filter(|b| !is_set(&b.response_headers_policy_id))
        .map(|b| {
            let field = &b.response_headers_policy_id;
            let editor = ctx.editor();
            let edit = if field.is_present() {
                Some(editor.replace_string(field.span, managed::SECURITY_HEADERS))
            } else {
                editor.insert_key(
                    b.span,
                    Key::RESPONSE_HEADERS_POLICY_ID,
                    NewValue::Str(managed::SECURITY_HEADERS),
                )
            };
            let fix = Fix::unsafe_(
                "attach the managed SecurityHeadersPolicy",
                edit.into_iter().collect(),
            );
            let message = format!(
                "{} has no response headers policy; security headers depend on the origin",
                behavior_name(b)
            );
            ctx.finding(&RULE, field.span, &field.path, message)
                .with_fix(fix)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, tf, CaseText, Tester, API};

    const SECURITY: &str = "67f7725c-6f97-4210-82d7-5512b31e9d03";

    fn terraform() -> String {
        tf(
            "",
            "",
            concat!(
                "    cache_policy_id = \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\"\n",
                "    origin_request_policy_id = \"b689b0a8-53d0-40ab-baf2-68738e2966ac\"\n",
                "    response_headers_policy_id = ‸\"\"\n",
            ),
        )
    }

    #[test]
    fn cases() {
        let with = |id: &str| format!("{API}          ResponseHeadersPolicyId: {id}\n");
        let reference = include_str!("../../tests/fixtures/reference/hardened.json");
        Tester::new(&RULE)
            .pass([
                with(SECURITY),
                with("!ImportValue security-headers-policy-id"),
                reference.to_string(),
            ])
            .unsafe_fix([
                (
                    case(API.mark("TargetOriginId: orders-api")).message(
                        "default behavior has no response headers policy; security headers \
                         depend on the origin",
                    ),
                    API.with(
                        "DefaultCacheBehavior:\n",
                        &format!("DefaultCacheBehavior:\n          ResponseHeadersPolicyId: {SECURITY}\n"),
                    ),
                ),
                (
                    case(terraform()).not_rendered(
                        "the Terraform parser keeps an empty policy id, the others read it as \
                         absent",
                    ),
                    terraform().unmarked().with("= \"\"", &format!("= \"{SECURITY}\"")),
                ),
            ])
            .test();
    }
}
