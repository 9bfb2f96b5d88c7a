//! `authorization-not-forwarded`: the viewer `Authorization` header never reaches the API.

use super::helpers::use_all_viewer_except_host;
use super::helpers::{forwarding_sources, forwards_nothing};
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        api_origin!(),
        "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: !Ref ApiCache
"
    ),
    api_cache!(
        "[Origin, Access-Control-Request-Method, Access-Control-Request-Headers]",
        "all",
        "all"
    )
);

pub static RULE: Rule = Rule {
    slug: "authorization-not-forwarded",
    summary: "An API behavior does not forward the `Authorization` header",
    default_severity: Severity::Warning,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors where `Authorization` reaches the origin by none of: a \
            cache policy header list containing it, an origin request policy forwarding all \
            viewer headers (AllViewer, AllViewerAndCloudFrontHeaders-2022-06, \
            AllViewerExceptHostHeader), or legacy `ForwardedValues.Headers` with \
            `Authorization` or `*`.",
        why_bad: "CloudFront removes `Authorization` by default; Lambda, JWT and Cognito \
            authorizers then answer 401 or 403 only when called through CloudFront.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "          TargetOriginId: orders-api\n" => "          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n          TargetOriginId: orders-api\n"
        )),
        exceptions: "Public APIs without authorization, or APIs authorized by another header \
            (API keys in `x-api-key`).",
        references: &[
            "https://repost.aws/knowledge-center/cloudfront-authorization-header",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-401-unauthorized.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html",
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
            // `api-behavior-forwards-nothing` already reports the whole problem.
            if !fwd.authorization.is(false) || forwards_nothing(&fwd) {
                return None;
            }
            let via = forwarding_sources(&fwd);
            let message = format!(
                "{} removes the viewer Authorization header before {} ({via}); authorizers \
                 answer 401/403 through CloudFront",
                behavior_name(behavior),
                origin_name(origin)
            );
            let orp = &behavior.origin_request_policy_id;
            let (span, path) = if orp.is_present() {
                (orp.span, orp.path.clone())
            } else {
                (fwd.cache.cause.span, fwd.cache.cause.path.clone())
            };
            Some(
                ctx.finding(&RULE, span, &path, message)
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
        let cors_orp = API.with(
            ORP,
            "OriginRequestPolicyId: ‸59781a5b-3903-41f3-afcb-af62929ccde1",
        );
        // A cache policy that keys on query strings and cookies but not Authorization, and no
        // origin request policy: reported at the cache policy.
        let cached = API
            .with(
                "CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                "CachePolicyId: ‸4cc15a8a-d715-48a4-82b8-cc0b614638fe",
            )
            .with(&format!("          {ORP}\n"), "");
        // The origin request policy is inserted as the behavior's first key.
        let cached_fixed = cached.replace('‸', "").with(
            "          TargetOriginId",
            &format!("          {ORP}\n          TargetOriginId"),
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(ORP, "OriginRequestPolicyId: !Ref Orp"),
                // AllViewer forwards Authorization (and is another rule's problem).
                API.with(
                    ORP,
                    "OriginRequestPolicyId: 216adef6-5c7f-47e4-b989-5492eafa07d3",
                ),
                // Nothing forwarded at all: `api-behavior-forwards-nothing` reports it.
                API.with(&format!("          {ORP}\n"), ""),
            ])
            .unsafe_fix([
                (
                    case(RULE.docs.example.text.mark("!Ref ApiCache")).message(
                        "default behavior removes the viewer Authorization header before origin \
                         `orders-api` (custom cache policy `ApiCache`)",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(cors_orp).message(
                        "removes the viewer Authorization header before origin `orders-api`",
                    ),
                    API.to_string(),
                ),
                (
                    case(cached).message("UseOriginCacheControlHeaders-QueryStrings"),
                    cached_fixed,
                ),
            ])
            .test();
    }
}
