//! `authorization-in-orp-whitelist`: a custom origin request policy lists `Authorization`.

use super::helpers::{listed_headers, reported_here};
use crate::lint::{
    Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        api_origin!(),
        "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: !Ref ApiOrp
"
    ),
    "  ApiOrp:
    Type: AWS::CloudFront::OriginRequestPolicy
    Properties:
      OriginRequestPolicyConfig:
        Name: api
        HeadersConfig:
          HeaderBehavior: whitelist
          Headers: [Authorization, Origin, Access-Control-Request-Method, Access-Control-Request-Headers]
        CookiesConfig:
          CookieBehavior: all
        QueryStringsConfig:
          QueryStringBehavior: all
"
);

pub static RULE: Rule = Rule {
    slug: "authorization-in-orp-whitelist",
    summary: "A custom origin request policy lists the `Authorization` header",
    default_severity: Severity::Error,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds custom origin request policies (`AWS::CloudFront::OriginRequestPolicy`, \
            `aws_cloudfront_origin_request_policy`) in the same input whose header list \
            (`whitelist` or `allViewerAndWhitelistCloudFront`) names `Authorization`. Each \
            policy is reported once, with the first distribution that uses it.",
        why_bad: "CloudFront refuses the policy: \"The parameter Headers contains Authorization \
            that is not allowed\" (CloudFormation only says \"Invalid request provided\"). An \
            origin request policy can pass `Authorization` on only with an all-viewer header \
            behavior; otherwise the header must be in the cache key.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "          HeaderBehavior: whitelist\n          Headers: [Authorization, Origin, Access-Control-Request-Method, Access-Control-Request-Headers]\n"
                => "          HeaderBehavior: allExcept\n          Headers: [Host]\n"
        )),
        exceptions: "None: CloudFront rejects the policy. Forward `Authorization` with an \
            all-viewer policy (the managed AllViewerExceptHostHeader, or `allExcept` with \
            `Host`), or put it in the cache key of a cache policy with a TTL above zero. The \
            unsafe fix removes the name from the list when other names remain.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginRequestPolicyHeadersConfig.html",
            "https://repost.aws/knowledge-center/cloudfront-authorization-header",
            "https://serverfault.com/questions/1053906/how-to-whitelist-authorization-header-in-cloudfront-custom-origin-request-policy",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for policy in &ctx.doc.origin_request_policies {
        if !reported_here(ctx, &policy.name) {
            continue;
        }
        let items = &policy.headers.items;
        let count = items.get().map_or(0, Vec::len);
        for (index, item) in listed_headers(&policy.headers, "authorization") {
            let message = format!(
                "origin request policy `{}` lists the `Authorization` header; CloudFront \
                 rejects it (forward it with an all-viewer policy or in the cache key)",
                policy.name
            );
            let fix = if count > 1 {
                Fix::unsafe_(
                    "remove Authorization from the header list",
                    ctx.editor().remove_list_item(items, index),
                )
            } else {
                None
            };
            out.push(
                ctx.finding(&RULE, item.span, &item.path, message)
                    .with_related(policy.span, "the origin request policy")
                    .with_fix(fix),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, second_distribution, tf, CaseText, Tester};

    const EXAMPLE: &str = RULE.docs.example.text;
    const HEADERS: &str =
        "          HeaderBehavior: whitelist\n          Headers: [Authorization, Origin, \
                           Access-Control-Request-Method, Access-Control-Request-Headers]\n";

    fn headers(behavior: &str, headers: &str) -> String {
        EXAMPLE.with(
            HEADERS,
            &format!("          HeaderBehavior: {behavior}\n          Headers: {headers}\n"),
        )
    }

    fn terraform() -> String {
        tf(
            "",
            "",
            concat!(
                "    cache_policy_id = \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\"\n",
                "    origin_request_policy_id = aws_cloudfront_origin_request_policy.api.id\n",
            ),
        ) + r#"
resource "aws_cloudfront_origin_request_policy" "api" {
  name = "api"
  headers_config {
    header_behavior = "whitelist"
    headers {
      items = ["Origin", ‸"Authorization"]
    }
  }
}
"#
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                headers("allExcept", "[Authorization]"),
                headers("whitelist", "!Ref Headers"),
                headers("whitelist", "[Origin, !Ref Header]"),
                headers("!Ref HeaderBehavior", "[Authorization]"),
            ])
            .fail([
                case(headers("whitelist", "[‸Authorization]")).message(
                    "origin request policy `ApiOrp` lists the `Authorization` header; CloudFront \
                     rejects it",
                )
                .related("the origin request policy"),
                // Reported once, with the first distribution that uses the policy.
                case(second_distribution(&headers(
                    "whitelist",
                    "[‸authorization]",
                )))
                .related("the origin request policy"),
            ])
            .unsafe_fix([
                (
                    case(EXAMPLE.mark("Authorization, Origin")).related("the origin request policy"),
                    EXAMPLE.with("[Authorization, Origin, ", "[Origin, "),
                ),
                (
                    case(headers(
                        "allViewerAndWhitelistCloudFront",
                        "[Origin, ‸AUTHORIZATION]",
                    ))
                    .related("the origin request policy"),
                    headers("allViewerAndWhitelistCloudFront", "[Origin]"),
                ),
                (
                    case(terraform()).related("the origin request policy"),
                    terraform().unmarked().with(", \"Authorization\"", ""),
                ),
            ])
            .test();
    }
}
