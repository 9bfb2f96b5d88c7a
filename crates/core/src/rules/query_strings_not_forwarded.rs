//! `query-strings-not-forwarded`: query parameters never reach the API.

use super::helpers::{forwarding_sources, values_not_forwarded};
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
        "[Authorization, Origin, Access-Control-Request-Method, Access-Control-Request-Headers]",
        "all",
        "none"
    )
);

pub static RULE: Rule = Rule {
    slug: "query-strings-not-forwarded",
    summary: "An API behavior does not forward query strings",
    default_severity: Severity::Info,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors where neither the cache policy nor the origin request \
            policy forwards query strings (or legacy `QueryString: false`). \n\n\
            **What it needs to know**: whether the routes read query parameters, which their \
            code decides: information. When an authorizer reads a query string (a WebSocket \
            `$connect` `token`, a REQUEST authorizer), calls fail and \
            `authorization-not-forwarded` reports it as an error.",
        why_bad: "Query parameters silently disappear: the API sees `/orders` for \
            `/orders?status=open`.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "          TargetOriginId: orders-api\n" => "          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n          TargetOriginId: orders-api\n"
        )),
        exceptions: "APIs that take no query parameters on the routes of this behavior.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
            "https://github.com/serverless/serverless/issues/8317",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    values_not_forwarded(
        ctx,
        &RULE,
        |fwd| &fwd.query_strings,
        |behavior, origin, fwd| {
            format!(
                "{} drops query strings before {} ({})",
                behavior_name(behavior),
                origin_name(origin),
                forwarding_sources(fwd)
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, tf, without_policies, CaseText, Tester, API};

    const ORP: &str = "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac";

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let legacy = without_policies(
            "          ForwardedValues:\n            ‸QueryString: false\n            \
             Headers: [Authorization]\n          DefaultTTL: 0\n          MaxTTL: 0\n",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(ORP, "OriginRequestPolicyId: !Ref Orp"),
                // A policy apifront does not know.
                API.with(
                    ORP,
                    "OriginRequestPolicyId: 99999999-2fd4-4709-b370-b4c650ea3fcf",
                ),
                // Nothing forwarded at all: `api-behavior-forwards-nothing` reports it.
                API.with(&format!("          {ORP}\n"), ""),
            ])
            .fail([
                case(legacy).message(
                    "default behavior drops query strings before origin `orders-api` (legacy \
                     ForwardedValues)",
                ),
                case(tf(
                    "",
                    "",
                    "    ‸forwarded_values {\n      query_string = false\n      headers      = \
                     [\"Authorization\"]\n      cookies {\n        forward = \"none\"\n      }\n    \
                     }\n    default_ttl = 0\n    max_ttl     = 0\n",
                ))
                .message(
                    "default behavior drops query strings before origin `api` (legacy \
                     forwarded_values)",
                ),
            ])
            .unsafe_fix([
                (
                    case(example.mark("!Ref ApiCache")).message(
                        "default behavior drops query strings before origin `orders-api` \
                         (custom cache policy `ApiCache`)",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(API.with(
                        ORP,
                        "OriginRequestPolicyId: ‸88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
                    ))
                    .message(
                        "default behavior drops query strings before origin `orders-api` \
                             (cache policy CachingDisabled (4135ea2d-…) and origin request policy \
                             CORS-S3Origin (88a5eaf4-…))",
                    ),
                    API.to_string(),
                ),
            ])
            .test();
    }
}
