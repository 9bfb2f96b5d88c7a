//! `query-strings-not-forwarded`: query parameters never reach the API.

use super::helpers::forwards_nothing;
use super::helpers::use_all_viewer_except_host;
use crate::forwarding::Amount;
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "query-strings-not-forwarded",
    summary: "An API behavior does not forward query strings",
    default_severity: Severity::Warning,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors where neither the cache policy nor the origin request \
            policy forwards query strings (or legacy `QueryString: false`).",
        why_bad: "Query parameters silently disappear: the API sees `/orders` for \
            `/orders?status=open`.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: 88a5eaf4-2fd4-4709-b370-b4c650ea3fcf # CORS-S3Origin
"
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        exceptions: "APIs that take no query parameters on the routes of this behavior.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
            "https://github.com/serverless/serverless/issues/8317",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.api_behaviors()
        .into_iter()
        .filter_map(|(behavior, origin)| {
            let fwd = ctx.forwarding(behavior);
            if !fwd.query_strings.is(Amount::None) || forwards_nothing(&fwd) {
                return None;
            }
            let via = match &fwd.origin_request {
                Some(orp) => format!(
                    "{} and {}",
                    fwd.cache.cause.description, orp.cause.description
                ),
                None => fwd.cache.cause.description.clone(),
            };
            let message = format!(
                "{} drops query strings before {} ({via})",
                behavior_name(behavior),
                origin_name(origin)
            );
            let cause = fwd
                .origin_request
                .as_ref()
                .map_or(&fwd.cache.cause, |o| &o.cause);
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
    use crate::rules::test_support::*;

    #[test]
    fn s3_cors_policy_drops_query_strings() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).origin_request_policy_id =
            policy("88a5eaf4-2fd4-4709-b370-b4c650ea3fcf");
        assert_eq!(check(&RULE, &doc).len(), 1);
        default_behavior(&mut doc).origin_request_policy_id =
            policy("99999999-2fd4-4709-b370-b4c650ea3fcf");
        assert!(check(&RULE, &doc).is_empty());
    }
}
