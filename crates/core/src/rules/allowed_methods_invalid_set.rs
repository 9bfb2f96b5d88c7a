//! `allowed-methods-invalid-set`: `AllowedMethods` is not one of the three sets CloudFront accepts.

use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};

pub static RULE: Rule = Rule {
    slug: "allowed-methods-invalid-set",
    summary: "AllowedMethods is not one of the three method sets CloudFront accepts",
    default_severity: Severity::Error,
    category: Category::Methods,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a behavior whose `AllowedMethods` is not exactly (in any order) \
            `GET, HEAD`, `GET, HEAD, OPTIONS` or `GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE`.",
        why_bad: "CloudFront accepts only these three sets: it is all write methods or none. \
            Any other list (`GET, POST`, a duplicate, a lowercase name) is rejected when the \
            distribution is created or updated.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, POST]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "None: CloudFront rejects other sets. To refuse some write methods, let the \
            API answer 405 or use AWS WAF.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_AllowedMethods.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html",
        ],
        fix_safety: None,
    },
    check,
};

/// The method sets CloudFront accepts, sorted.
const VALID: &[&[&str]] = &[
    &["GET", "HEAD"],
    &["GET", "HEAD", "OPTIONS"],
    &["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"],
];

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .all_behaviors()
        .filter_map(|b| {
            let list = &b.allowed_methods;
            if !list.fully_known() {
                return None;
            }
            let mut sorted = list.known_items()?;
            sorted.sort_unstable();
            if VALID.contains(&sorted.as_slice()) {
                return None;
            }
            let items = list.known_items()?;
            let message = format!(
                "{} allows [{}]; {} must be GET, HEAD / GET, HEAD, OPTIONS / all seven methods \
                 (GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE)",
                behavior_name(b),
                items.join(", "),
                Key::ALLOWED_METHODS.name(ctx.format())
            );
            Some(ctx.finding(&RULE, list.span, &list.path, message))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, tf, CaseText, Tester, API};

    const ALL: &str = "AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]";

    fn methods(list: &str) -> String {
        API.with(ALL, &format!("AllowedMethods: {list}"))
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                methods("[HEAD, GET]"),
                methods("[GET, HEAD, OPTIONS]"),
                methods("!Ref Methods"),
                methods("[GET, !Ref Method]"),
                API.with(&format!("          {ALL}\n"), ""),
            ])
            .fail(
                [
                    ("[GET, POST]", "GET, POST"),
                    ("[GET, GET, HEAD]", "GET, GET, HEAD"),
                    ("[get, head]", "get, head"),
                    ("[]", "allows []"),
                ]
                .map(|(list, listed)| case(methods(&format!("‸{list}"))).message(listed)),
            )
            .fail([case(RULE.docs.example.text.mark("[GET, HEAD, POST]"))
                .message("default behavior allows [GET, HEAD, POST]; AllowedMethods must be")])
            .fail([case(tf(
                "",
                "",
                "    allowed_methods = ‸[\"GET\", \"POST\"]\n    cached_methods  = [\"GET\", \"HEAD\"]\n",
            ))
            .message("default behavior allows [GET, POST]; allowed_methods must be")])
            .test();
    }
}
