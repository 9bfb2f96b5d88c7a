//! `no-cache-policy-no-forwardedvalues`: a behavior has neither a cache policy nor legacy
//! `ForwardedValues`.

use super::helpers::is_set;
use crate::lint::Key;
use crate::lint::{
    behavior_name, edit::NewValue, Category, Finding, Fix, FixAvailability, LintContext, Rule,
    RuleDocs, Severity, Snippet,
};
use crate::managed;

pub static RULE: Rule = Rule {
    slug: "no-cache-policy-no-forwardedvalues",
    summary: "A behavior has neither `CachePolicyId` nor legacy `ForwardedValues`",
    default_severity: Severity::Error,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds cache behaviors (default or ordered) without a `CachePolicyId` and \
            without `ForwardedValues`. An `OriginRequestPolicyId` alone does not count.",
        why_bad: "The CloudFront API requires every cache behavior to have either a cache \
            policy or legacy `ForwardedValues` (\"The parameter ForwardedValues is required\"); \
            CloudFormation and Terraform deployments fail with that error.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "None: the API rejects the behavior. The fix adds the managed cache policy \
            CachingDisabled, right for API routes; pick a caching policy for static content. \
            Terraform `dynamic \"forwarded_values\"` blocks are not evaluated, so the rule stays \
            silent for a distribution that has one.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DefaultCacheBehavior.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
            "https://github.com/hashicorp/terraform-provider-aws/pull/29015",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let dynamic_forwarding = ctx
        .dist
        .dynamic_blocks
        .iter()
        .any(|d| d == "forwarded_values" || d.ends_with(".forwarded_values"));
    if dynamic_forwarding {
        return Vec::new();
    }
    ctx.dist
        .all_behaviors()
        .filter(|b| !is_set(&b.cache_policy_id) && b.forwarded_values.is_none())
        .map(|b| {
            let field = &b.cache_policy_id;
            let message = format!(
                "{} has no cache policy and no {}; CloudFront rejects it with \"The parameter \
                 ForwardedValues is required\"",
                behavior_name(b),
                Key::FORWARDED_VALUES.name(ctx.format())
            );
            let editor = ctx.editor();
            let edit = if field.is_present() {
                // `cache_policy_id = ""` in Terraform: replace the empty id.
                Some(editor.replace_string(field.span, managed::CACHING_DISABLED))
            } else {
                editor.insert_key(
                    b.span,
                    Key::CACHE_POLICY_ID,
                    NewValue::Str(managed::CACHING_DISABLED),
                )
            };
            let fix = Fix::unsafe_(
                "use the managed cache policy CachingDisabled",
                edit.into_iter().collect(),
            );
            ctx.finding(&RULE, field.span, &field.path, message)
                .with_fix(fix)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const CACHE: &str = "          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n";

    const CLI: &str = r#"{
  "DistributionConfig": {
    "CallerReference": "x",
    "Comment": "",
    "Enabled": true,
    "Origins": {"Quantity": 1, "Items": [{
      "Id": "api",
      "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
      "OriginPath": "/prod",
      "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only",
        "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}
    }]},
    "DefaultCacheBehavior": ‸{
      "TargetOriginId": "api",
      "ViewerProtocolPolicy": "https-only",
      "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"
    }
  }
}"#;

    const TERRAFORM: &str = r#"resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  ‸default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
}
"#;

    /// `enabled` and a dynamic `custom_error_response` block.
    const DYNAMIC_ERRORS: &str = "  enabled = true\n  dynamic \"custom_error_response\" {\n    \
        for_each = var.errors\n    content {\n      error_code = custom_error_response.value\n    }\n  }\n";

    #[test]
    fn cases() {
        let dynamic = TERRAFORM.unmarked().with(
            "    cached_methods         = [\"GET\", \"HEAD\"]\n",
            "    cached_methods         = [\"GET\", \"HEAD\"]\n    dynamic \"forwarded_values\" {\n      \
             for_each = var.legacy ? [1] : []\n      content {\n        query_string = false\n      }\n    }\n",
        );
        let shared_policy = crate::rules::tester::beside(
            &API.with(CACHE, "          CachePolicyId: !Ref Cache\n"),
            "Cache:\n  Type: AWS::CloudFront::CachePolicy\n  Properties:\n    CachePolicyConfig: \
             !ImportValue shared-cache-config",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(CACHE, "          CachePolicyId: !ImportValue cache-policy-id\n"),
                shared_policy,
                format!("{}          ForwardedValues:\n            QueryString: false\n", API.with(CACHE, "")),
                TERRAFORM.unmarked().with(
                    "    cached_methods",
                    "    cache_policy_id        = var.cache_policy\n    cached_methods",
                ),
            ])
            .pass([case(dynamic).not_rendered("Terraform dynamic blocks")])
            .unsafe_fix([
                (
                    case(EXAMPLE.mark("TargetOriginId: orders-api")).message(
                        "default behavior has no cache policy and no ForwardedValues; \
                         CloudFront rejects it with \"The parameter ForwardedValues is required\"",
                    ),
                    EXAMPLE.with(
                        "          TargetOriginId",
                        "          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n          TargetOriginId",
                    ),
                ),
                (
                    case(CLI),
                    CLI.unmarked().with(
                        "{\n      \"TargetOriginId\"",
                        "{\n      \"CachePolicyId\": \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\",\n      \"TargetOriginId\"",
                    ),
                ),
                (
                    // A dynamic block of another kind hides no forwarded_values.
                    case(TERRAFORM.with("  enabled = true\n", DYNAMIC_ERRORS))
                        .not_rendered("Terraform dynamic blocks"),
                    TERRAFORM.unmarked().with("  enabled = true\n", DYNAMIC_ERRORS).with(
                        "    target_origin_id",
                        "    cache_policy_id        = \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\"\n    target_origin_id",
                    ),
                ),
                (
                    case(TERRAFORM).message(
                        "default behavior has no cache policy and no forwarded_values; \
                         CloudFront rejects it with \"The parameter ForwardedValues is required\"",
                    ),
                    // Aligned with the attributes below it, as `terraform fmt` writes them.
                    TERRAFORM.unmarked().with(
                        "    target_origin_id",
                        "    cache_policy_id        = \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\"\n    target_origin_id",
                    ),
                ),
                (
                    // An empty id is how Terraform and the API write "no policy".
                    case(TERRAFORM.unmarked().with(
                        "    cached_methods",
                        "    cache_policy_id        = ‸\"\"\n    cached_methods",
                    ))
                    .not_rendered(
                        "the Terraform parser keeps an empty policy id, the others read it as \
                         absent",
                    ),
                    TERRAFORM.unmarked().with(
                        "    cached_methods",
                        "    cache_policy_id        = \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\"\n    cached_methods",
                    ),
                ),
            ])
            .test();
    }
}
