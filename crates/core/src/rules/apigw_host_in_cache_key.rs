//! `apigw-host-in-cache-key`: a cache policy keys on (and so forwards) the viewer Host.

use crate::lint::{
    behavior_name, origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule,
    RuleDocs, Severity, Snippet,
};
use crate::managed;
use crate::model::Format;

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
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 83da9c7e-98b4-4e11-a168-04f0df8e2c65 # UseOriginCacheControlHeaders
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        exceptions: "An API Gateway custom domain that is also the distribution's alias receives \
            a matching Host; suppress the rule for that distribution if that is your setup.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html",
        ],
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
            let fix = fwd.cache.managed_id.and_then(|_| {
                Fix::unsafe_(
                    "use cache policy CachingDisabled",
                    vec![ctx
                        .editor()
                        .replace_string(cause.span, managed::CACHING_DISABLED)],
                )
            });
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
    use crate::rules::test_support::*;

    #[test]
    fn origin_cache_control_policy_fails_disabled_passes() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).cache_policy_id = policy("83da9c7e-98b4-4e11-a168-04f0df8e2c65");
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0]
            .message
            .starts_with("cache policy UseOriginCacheControlHeaders (83da9c7e-…)"));
        assert!(!f[0].fix.as_ref().unwrap().safe);
    }

    #[test]
    fn unknown_cache_policy_is_silent() {
        let mut doc = api_doc();
        default_behavior(&mut doc).cache_policy_id = policy("11111111-2222-3333-4444-555555555555");
        assert!(check(&RULE, &doc).is_empty());
    }
}
