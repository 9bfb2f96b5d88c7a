//! `api-behavior-forwards-nothing`: no query string, header or cookie reaches the API.

use super::helpers::use_all_viewer_except_host;
use super::helpers::{forwarding_sources, forwards_nothing};
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "api-behavior-forwards-nothing",
    summary: "An API behavior forwards no query strings, headers or cookies",
    default_severity: Severity::Error,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors whose cache policy and origin request policy together \
            forward no query strings, no viewer headers and no cookies: CachingDisabled or \
            CachingOptimized without an origin request policy, or legacy `QueryString: false` \
            without headers or cookies.",
        why_bad: "CloudFront only sends what the policies name: query parameters, \
            `Authorization`, `Origin`, `Content-Type`-dependent headers and cookies all \
            disappear. CachingDisabled's cache key is empty by design; it must be paired with an \
            origin request policy.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
"
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "An endpoint that really needs nothing from the request but its path \
            (a health check).",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.api_behaviors()
        .into_iter()
        .filter_map(|(behavior, origin)| {
            let fwd = ctx.forwarding(behavior);
            if !forwards_nothing(&fwd) {
                return None;
            }
            let via = match &fwd.origin_request {
                Some(_) => forwarding_sources(&fwd),
                None => format!(
                    "{} and no origin request policy",
                    fwd.cache.cause.description
                ),
            };
            let message = format!(
                "{} sends no query strings, headers or cookies to {} ({via}); pair CachingDisabled \
                 with AllViewerExceptHostHeader",
                behavior_name(behavior),
                origin_name(origin)
            );
            let cause = &fwd.cache.cause;
            Some(
                ctx.finding(&RULE, cause.span, &cause.path, message)
                    .with_fix(use_all_viewer_except_host(ctx, behavior, &fwd)),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const ORP: &str = "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac";

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let caching_disabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
        let legacy = API
            .with(
                &format!("          CachePolicyId: {caching_disabled}\n"),
                "",
            )
            .with(
                &format!("          {ORP}\n"),
                "          ForwardedValues:\n            ‸QueryString: false\n          \
                 DefaultTTL: 0\n          MaxTTL: 0\n",
            );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(ORP, "OriginRequestPolicyId: !Ref Orp"),
                API.with(
                    ORP,
                    "OriginRequestPolicyId: 216adef6-5c7f-47e4-b989-5492eafa07d3",
                ),
            ])
            .fail([case(legacy).message("sends no query strings, headers or cookies")])
            .unsafe_fix([(
                case(example.mark(caching_disabled)).message(
                    "default behavior sends no query strings, headers or cookies to origin \
                         `orders-api` (cache policy CachingDisabled (4135ea2d-…) and no origin \
                         request policy)",
                ),
                // The policy is inserted as the behavior's first key.
                example.with(
                    "          TargetOriginId",
                    &format!("          {ORP}\n          TargetOriginId"),
                ),
            )])
            .test();
    }
}
