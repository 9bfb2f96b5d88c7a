//! `response-headers-cors-overlap`: CloudFront adds CORS headers to an API's responses.

use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, Key, LintContext, Rule,
    RuleDocs, Severity, Snippet,
};
use crate::managed;
use crate::model::PolicyRef;
use crate::value::Val;

pub static RULE: Rule = Rule {
    slug: "response-headers-cors-overlap",
    summary: "A CORS response headers policy is attached to an API behavior",
    default_severity: Severity::Info,
    category: Category::Caching,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors with a response headers policy that has a CORS \
            configuration: the managed SimpleCORS, CORS-With-Preflight and their \
            SecurityHeaders variants, or a custom policy with `CorsConfig`.",
        why_bad: "APIs often emit CORS headers themselves (API Gateway CORS settings, framework \
            middleware). With `OriginOverride: false` the origin's headers win and the policy \
            only fills gaps; with `true` CloudFront replaces them. Make the choice explicit. The \
            managed CORS policies allow any origin (`*`), which browsers refuse for \
            credentialed requests and which is rarely right for an authenticated API.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                concat!(
                    api_behavior!(),
                    "          ResponseHeadersPolicyId: 5cc3b908-e619-4b99-88e5-2cf7f45965bd # CORS-With-Preflight\n"
                )
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                concat!(
                    api_behavior!(),
                    "          ResponseHeadersPolicyId: 67f7725c-6f97-4210-82d7-5512b31e9d03 # SecurityHeadersPolicy\n"
                )
            )),
        exceptions: "An API that leaves CORS to CloudFront on purpose, with a custom policy \
            listing its allowed origins; disable the rule for that distribution.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-response-headers-policies.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for (behavior, origin) in ctx.api_behaviors() {
        let field = &behavior.response_headers_policy_id;
        let detail = match field.get() {
            Some(PolicyRef::Id(id)) => match managed::response_headers_policy(id) {
                Some(p) if p.cors => format!(
                    "the managed policy {} allows any web origin (`*`), wrong for credentialed \
                     requests",
                    p.name
                ),
                _ => continue,
            },
            Some(PolicyRef::Local(name)) => {
                let Some(p) = ctx
                    .doc
                    .response_headers_policies
                    .iter()
                    .find(|p| &p.name == name && p.has_cors)
                else {
                    continue;
                };
                let key = Key::ORIGIN_OVERRIDE.name(ctx.format());
                match p.cors_origin_override.val {
                    Val::Known(true) => format!(
                        "custom policy `{}` has {key} true: its headers replace the API's",
                        p.name
                    ),
                    Val::Known(false) | Val::Absent => format!(
                        "custom policy `{}` has {key} false: the API's CORS headers win where \
                         it sets them",
                        p.name
                    ),
                    Val::Unknown(_) => continue,
                }
            }
            None => continue,
        };
        let message = format!(
            "{} adds CORS headers to responses of {}; {detail}. Let either the API or \
             CloudFront manage CORS",
            behavior_name(behavior),
            origin_name(origin)
        );
        out.push(ctx.finding(&RULE, field.span, &field.path, message));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{
        beside, case, cfn, tf, CaseText, Tester, API, API_BEHAVIOR, API_ORIGIN,
    };

    /// The API distribution with this response headers policy id.
    fn policy(id: &str) -> String {
        cfn(
            "",
            API_ORIGIN,
            &format!("{API_BEHAVIOR}          ResponseHeadersPolicyId: {id}\n"),
        )
    }

    /// [`policy`] with a custom CORS policy beside it: `override_line` is its `OriginOverride`
    /// line (or none).
    fn custom(override_line: &str) -> String {
        beside(
            &policy("‸!Ref Cors"),
            &format!(
                "Cors:\n  Type: AWS::CloudFront::ResponseHeadersPolicy\n  Properties:\n    \
                 ResponseHeadersPolicyConfig:\n      Name: cors\n      CorsConfig:\n        \
                 AccessControlAllowCredentials: true\n{override_line}"
            ),
        )
    }

    #[test]
    fn cases() {
        let terraform = tf(
            "",
            "",
            concat!(
                "    cache_policy_id = \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\"\n",
                "    origin_request_policy_id = \"b689b0a8-53d0-40ab-baf2-68738e2966ac\"\n",
                "    response_headers_policy_id = ‸aws_cloudfront_response_headers_policy.cors.id\n",
            ),
        ) + r#"
resource "aws_cloudfront_response_headers_policy" "cors" {
  name = "cors"
  cors_config {
    access_control_allow_credentials = true
    origin_override                  = false
    access_control_allow_headers {
      items = ["Authorization"]
    }
    access_control_allow_methods {
      items = ["GET", "POST"]
    }
    access_control_allow_origins {
      items = ["https://app.example.com"]
    }
  }
}
"#;
        let no_cors = beside(
            &policy("!Ref Headers"),
            "Headers:\n  Type: AWS::CloudFront::ResponseHeadersPolicy\n  Properties:\n    \
             ResponseHeadersPolicyConfig:\n      Name: security",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                policy("!Ref ResponseHeadersPolicy"),
                custom("        OriginOverride: !Ref Override\n").unmarked(),
                no_cors,
                // Not an API origin.
                policy("60669652-455b-4ae9-85a4-c4c02393f86c").with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "site.s3.amazonaws.com",
                ),
            ])
            .fail([
                case(RULE.docs.example.text.mark("5cc3b908")).message(
                    "default behavior adds CORS headers to responses of origin `orders-api`; the \
                     managed policy CORS-With-Preflight allows any web origin (`*`), wrong for \
                     credentialed requests. Let either the API or CloudFront manage CORS",
                ),
                case(policy("‸60669652-455b-4ae9-85a4-c4c02393f86c"))
                    .message("the managed policy SimpleCORS allows any web origin"),
                case(custom("        OriginOverride: true\n")).message(
                    "custom policy `Cors` has OriginOverride true: its headers replace the API's",
                ),
                case(custom("")).message(
                    "custom policy `Cors` has OriginOverride false: the API's CORS headers win",
                ),
                case(&terraform).message(
                    "custom policy `aws_cloudfront_response_headers_policy.cors` has \
                     origin_override false: the API's CORS headers win",
                ),
            ])
            .test();
    }
}
