//! `api-behavior-caching-enabled`: API responses are cached by default.

use super::helpers::use_caching_disabled;
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "api-behavior-caching-enabled",
    summary: "An API behavior caches responses by default",
    default_severity: Severity::Warning,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors whose cache policy has a default or minimum TTL above \
            zero (CachingOptimized, the CDK default, caches for a day), or whose legacy TTLs do \
            (the legacy default TTL is one day when not set).",
        why_bad: "API GET responses are cached and replayed to other callers: personalised data \
            leaks between users and results go stale. A `MinTTL` above zero even overrides \
            `Cache-Control: no-store` or `private` from the origin.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6 # CachingOptimized
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "Routes that are explicitly cacheable (public, non-personalised GETs) with a \
            cache key that includes the authorization and query values they depend on.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html",
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
            if !fwd.caching.is(true) {
                return None;
            }
            let ttls = fwd.cache.ttls?;
            let show = |v: Option<i64>| v.map_or_else(|| "?".to_string(), |v| v.to_string());
            let message = format!(
                "{} to {} caches API responses: {} has TTLs min {} / default {} / max {} seconds",
                behavior_name(behavior),
                origin_name(origin),
                fwd.cache.cause.description,
                show(ttls.min),
                show(ttls.default),
                show(ttls.max)
            );
            let cause = &fwd.cache.cause;
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
    use crate::rules::tester::{case, CaseText, Tester, API};

    const CACHE: &str = "          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n";

    /// The API distribution with legacy forwarding and these extra behavior keys.
    fn legacy(keys: &str) -> String {
        API.with(
            CACHE,
            &format!("          ForwardedValues:\n            ‸QueryString: true\n{keys}"),
        )
    }

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let optimized = "658327ea-f89d-4fab-a63d-7e88639e58f6";
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(CACHE, "          CachePolicyId: !Ref CachePolicy\n"),
                legacy("          DefaultTTL: 0\n          MaxTTL: 0\n").unmarked(),
                legacy("          DefaultTTL: !Ref Ttl\n").unmarked(),
            ])
            .fail([
                case(legacy("")).message("legacy ForwardedValues has TTLs min 0 / default 86400")
            ])
            .unsafe_fix([(
                case(example.mark(optimized)).message(
                    "default behavior to origin `orders-api` caches API responses: cache policy \
                     CachingOptimized (658327ea-…) has TTLs min 1 / default 86400 / max 31536000",
                ),
                example.with(optimized, "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"),
            )])
            .test();
    }
}
