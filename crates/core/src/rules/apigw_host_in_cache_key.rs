//! `apigw-host-in-cache-key`: a cache policy keys on (and so forwards) the viewer Host.

use super::helpers::use_caching_disabled;
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "apigw-host-in-cache-key",
    summary: "The cache policy of an API behavior puts the viewer `Host` in the cache key",
    default_severity: Severity::Error,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors whose cache policy includes `Host` in the cache key: \
            the managed UseOriginCacheControlHeaders, UseOriginCacheControlHeaders-QueryStrings \
            and Amplify policies, or a custom cache policy whitelisting `Host`.",
        why_bad: "Every header in the cache key is also sent to the origin, so these policies \
            forward the viewer Host exactly like the AllViewer origin request policy: API Gateway \
            and Lambda URLs answer 403 or 502.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 83da9c7e-98b4-4e11-a168-04f0df8e2c65 # UseOriginCacheControlHeaders
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "An API Gateway custom domain that is also the distribution's alias (or a \
            domain of one of its tenants) receives a matching Host; suppress the rule for that \
            distribution if that is your setup.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
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
            if fwd.legacy || !fwd.host_in_cache_key.is(true) {
                return None;
            }
            let cause = &fwd.cache.cause;
            let message = format!(
                "{} of {} puts the viewer Host in the cache key, so the Host also reaches {} \
                 and API Gateway or the Lambda URL rejects the request",
                cause.description,
                behavior_name(behavior),
                origin_name(origin)
            );
            let fix = use_caching_disabled(ctx, &fwd);
            Some(
                ctx.finding(&RULE, cause.span, &cause.path, message)
                    .with_fix(fix),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{beside, case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const CACHE: &str = "CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    /// A custom cache policy beside the distribution, keyed on these headers.
    fn custom(headers: &str) -> String {
        beside(
            &API.with(CACHE, "CachePolicyId: ‸!Ref ApiCache"),
            &format!(
                "ApiCache:\n  Type: AWS::CloudFront::CachePolicy\n  Properties:\n    \
                 CachePolicyConfig:\n      Name: api\n      MinTTL: 0\n      DefaultTTL: 0\n      \
                 MaxTTL: 1\n      ParametersInCacheKeyAndForwardedToOrigin:\n        \
                 EnableAcceptEncodingGzip: false\n        HeadersConfig:\n          \
                 HeaderBehavior: whitelist\n          Headers: {headers}\n        CookiesConfig:\n          \
                 CookieBehavior: none\n        QueryStringsConfig:\n          \
                 QueryStringBehavior: none"
            ),
        )
    }

    #[test]
    fn cases() {
        let origin_cache_control = "83da9c7e-98b4-4e11-a168-04f0df8e2c65";
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(CACHE, "CachePolicyId: !Ref CachePolicy"),
                // A policy id apifront does not know.
                API.with(CACHE, "CachePolicyId: 11111111-2222-3333-4444-555555555555"),
            ])
            .pass([case(custom("[Authorization]").unmarked())])
            .fail([case(custom("[Authorization, host]")).message("cache policy `ApiCache`")])
            .unsafe_fix([(
                case(EXAMPLE.mark(origin_cache_control)).message(
                    "cache policy UseOriginCacheControlHeaders (83da9c7e-…) of default behavior \
                     puts the viewer Host in the cache key",
                ),
                EXAMPLE.with(origin_cache_control, "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"),
            )])
            .test();
    }
}
