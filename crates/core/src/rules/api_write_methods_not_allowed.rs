//! `api-write-methods-not-allowed`: an API behavior only allows GET/HEAD(/OPTIONS).

use crate::lint::Key;
use crate::lint::{
    behavior_name, edit::Value, origin_name, Category, Finding, Fix, FixAvailability, LintContext,
    Rule, RuleDocs, Severity, Snippet,
};
use crate::value::Val;

/// The only allowed-methods set that includes write methods.
pub const ALL_METHODS: &[&str] = &["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"];

pub static RULE: Rule = Rule {
    slug: "api-write-methods-not-allowed",
    summary: "An API behavior does not allow POST, PUT, PATCH or DELETE",
    default_severity: Severity::Warning,
    category: Category::Methods,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors whose `AllowedMethods` is `[GET, HEAD]` or \
            `[GET, HEAD, OPTIONS]`, including when it is omitted (the default is GET and HEAD).",
        why_bad: "POST, PUT, PATCH and DELETE get CloudFront's own 403: \"This distribution is \
            not configured to allow the HTTP request method that was used for this request\".",
        example: Snippet::cfn_yaml(cfn_doc!(
            "",
            api_origin!(),
            "          ViewerProtocolPolicy: https-only
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
        )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "Read-only APIs. Write methods are all or nothing: CloudFront allows only the \
            full seven-method set.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_AllowedMethods.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.api_behaviors()
        .into_iter()
        .filter_map(|(behavior, origin)| {
            let list = &behavior.allowed_methods;
            let current = match &list.val {
                Val::Absent => "GET, HEAD (the default)".to_string(),
                Val::Unknown(_) => return None,
                Val::Known(_) => {
                    if !list.fully_known() {
                        return None;
                    }
                    let items = list.known_items().unwrap_or_default();
                    if items.iter().any(|m| m.eq_ignore_ascii_case("POST")) {
                        return None;
                    }
                    items.join(", ")
                }
            };
            let message = format!(
                "{} to {} allows only {current}; POST, PUT, PATCH and DELETE get a CloudFront 403",
                behavior_name(behavior),
                origin_name(origin)
            );
            let editor = ctx.editor();
            let edits = match &list.val {
                Val::Absent => editor
                    .insert_key(
                        behavior.span,
                        Key::ALLOWED_METHODS,
                        Value::StrList(ALL_METHODS),
                    )
                    .into_iter()
                    .collect(),
                _ => editor.set_string_list(list, ALL_METHODS),
            };
            Some(
                ctx.finding(&RULE, list.span, &list.path, message)
                    .with_fix(Fix::unsafe_("allow all seven methods", edits)),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const ALL: &str = "AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]";

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(ALL, "AllowedMethods: !Ref Methods"),
                API.with(ALL, "AllowedMethods: [GET, HEAD, !Ref Write]"),
                API.with(ALL, "AllowedMethods: [GET, HEAD, post]"),
            ])
            .unsafe_fix([
                (
                    case(API.with(ALL, "AllowedMethods: ‸[GET, HEAD, OPTIONS]"))
                        .message("default behavior to origin `orders-api` allows only GET, HEAD, OPTIONS; POST, PUT, PATCH and DELETE get a CloudFront 403"),
                    API.to_string(),
                ),
                (
                    case(example.mark("TargetOriginId")).message("allows only GET, HEAD (the default)"),
                    // Inserted as the behavior's first key.
                    example.with(
                        "          TargetOriginId",
                        &format!("          {ALL}\n          TargetOriginId"),
                    ),
                ),
            ])
            .test();
    }
}
