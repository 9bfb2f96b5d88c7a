//! `cookies-not-forwarded`: no cookie reaches the API.

use super::helpers::{request_cause, values_not_forwarded};
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
        "none",
        "all"
    )
);

pub static RULE: Rule = Rule {
    slug: "cookies-not-forwarded",
    summary: "An API behavior forwards no cookies",
    default_severity: Severity::Info,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors where neither the cache policy nor the origin request \
            policy forwards any cookie (or legacy `Cookies.Forward: none`). Behaviors that \
            forward nothing at all are reported by `api-behavior-forwards-nothing` instead.",
        why_bad: "CloudFront removes the `Cookie` header unless a policy forwards cookies: \
            fine for token-based APIs, but cookie sessions and CSRF cookies never reach the \
            backend.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "          TargetOriginId: orders-api\n" => "          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n          TargetOriginId: orders-api\n"
        )),
        exceptions: "APIs authenticated by tokens in headers do not need cookies; disable the \
            rule for them.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    values_not_forwarded(
        ctx,
        &RULE,
        |fwd| &fwd.cookies,
        |behavior, origin, fwd| {
            format!(
                "{} sends no cookies to {} ({}); cookie sessions will not work",
                behavior_name(behavior),
                origin_name(origin),
                request_cause(fwd).description
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{beside, case, tf, without_policies, CaseText, Tester, API};

    const ORP: &str = "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac";

    fn terraform() -> String {
        tf(
            "",
            "",
            concat!(
                "    cache_policy_id = \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\"\n",
                "    origin_request_policy_id = ‸aws_cloudfront_origin_request_policy.api.id\n",
            ),
        ) + r#"
resource "aws_cloudfront_origin_request_policy" "api" {
  name = "api"
  headers_config {
    header_behavior = "allExcept"
    headers {
      items = ["Host"]
    }
  }
  query_strings_config {
    query_string_behavior = "all"
  }
  cookies_config {
    cookie_behavior = "none"
  }
}
"#
    }

    #[test]
    fn cases() {
        let shared_orp = beside(
            &API.with(ORP, "OriginRequestPolicyId: !Ref Orp"),
            "Orp:\n  Type: AWS::CloudFront::OriginRequestPolicy\n  Properties:\n    \
             OriginRequestPolicyConfig: !ImportValue shared-policy-config",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(ORP, "OriginRequestPolicyId: !Ref Orp"),
                shared_orp,
                // Nothing forwarded at all: `api-behavior-forwards-nothing` reports it.
                API.with(&format!("          {ORP}\n"), ""),
                terraform()
                    .unmarked()
                    .with("cookie_behavior = \"none\"", "cookie_behavior = \"all\""),
            ])
            .fail([
                case(without_policies(
                    "          ForwardedValues:\n            ‸QueryString: true\n            \
                     Headers: [Authorization]\n            Cookies:\n              \
                     Forward: none\n          DefaultTTL: 0\n          MaxTTL: 0\n",
                ))
                .message(
                    "default behavior sends no cookies to origin `orders-api` (legacy \
                     ForwardedValues); cookie sessions will not work",
                ),
                case(terraform()).message(
                    "(custom origin request policy `aws_cloudfront_origin_request_policy.api`)",
                ),
            ])
            .unsafe_fix([
                (
                    case(RULE.docs.example.text.mark("!Ref ApiCache")).message(
                        "default behavior sends no cookies to origin `orders-api` (custom cache \
                         policy `ApiCache`)",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(API.with(
                        ORP,
                        "OriginRequestPolicyId: ‸88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
                    ))
                    .message("(origin request policy CORS-S3Origin (88a5eaf4-…))"),
                    API.to_string(),
                ),
                (
                    case(API.with(
                        ORP,
                        "OriginRequestPolicyId: ‸59781a5b-3903-41f3-afcb-af62929ccde1",
                    )),
                    API.to_string(),
                ),
            ])
            .test();
    }
}
