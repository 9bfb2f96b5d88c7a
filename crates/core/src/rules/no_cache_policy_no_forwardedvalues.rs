//! `no-cache-policy-no-forwardedvalues`: a behavior has neither a cache policy nor legacy
//! `ForwardedValues`.

use super::policies::is_set;
use crate::lint::{
    behavior_name, edit::Value, Category, Finding, Fix, FixAvailability, LintContext, Rule,
    RuleDocs, Severity, Snippet,
};
use crate::managed;
use crate::model::Format;

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
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        exceptions: "None: the API rejects the behavior. The fix adds the managed cache policy \
            CachingDisabled, right for API routes; pick a caching policy for static content. \
            Terraform `dynamic \"forwarded_values\"` blocks are not evaluated, so the rule stays \
            silent for a distribution that has one.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DefaultCacheBehavior.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
            "https://github.com/hashicorp/terraform-provider-aws/pull/29015",
        ],
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
                "{} has no cache policy and no ForwardedValues; CloudFront rejects it with \
                 \"The parameter ForwardedValues is required\"",
                behavior_name(b)
            );
            let editor = ctx.editor();
            let edit = if field.is_present() {
                // `cache_policy_id = ""` in Terraform: replace the empty id.
                Some(editor.replace_string(field.span, managed::CACHING_DISABLED))
            } else {
                editor.insert_key(
                    b.span,
                    ctx.key("CachePolicyId", "CachePolicyId", "cache_policy_id"),
                    Value::Str(managed::CACHING_DISABLED),
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
    use crate::lint::{apply_fixes, fix_text, lint_text, LintConfig};
    use crate::model::{ForwardedValues, PolicyRef};
    use crate::rules::test_support::*;
    use crate::value::{Field, Unknown};

    fn slugs(text: &str) -> Vec<(u32, u32)> {
        lint_text(text, &LintConfig::default())
            .unwrap()
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE.slug)
            .map(|f| (f.span.line, f.span.column))
            .collect()
    }

    fn at(text: &str, needle: &str) -> (u32, u32) {
        let offset = text.find(needle).expect(needle);
        crate::span::LineIndex::new(text).line_col(offset)
    }

    #[test]
    fn behavior_without_either_fails() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).cache_policy_id = Field::default();
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0]
            .message
            .starts_with("default behavior has no cache policy"));
        default_behavior(&mut doc).forwarded_values = Some(ForwardedValues::default());
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn unknown_or_local_policy_counts_as_set() {
        let mut doc = api_doc();
        default_behavior(&mut doc).cache_policy_id = Field::unknown(
            Unknown::Intrinsic("Fn::ImportValue".into()),
            Default::default(),
            "p",
        );
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).cache_policy_id = known(PolicyRef::Local("Missing".into()));
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).cache_policy_id = known(PolicyRef::Id(String::new()));
        assert_eq!(check(&RULE, &doc).len(), 1);
    }

    #[test]
    fn dynamic_forwarded_values_are_not_guessed() {
        let mut doc = api_doc();
        default_behavior(&mut doc).cache_policy_id = Field::default();
        dist(&mut doc).dynamic_blocks = vec!["default_cache_behavior.forwarded_values".into()];
        assert!(check(&RULE, &doc).is_empty());
    }

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
    "DefaultCacheBehavior": {
      "TargetOriginId": "api",
      "ViewerProtocolPolicy": "https-only",
      "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"
    }
  }
}"#;

    #[test]
    fn cli_json_end_to_end_with_fix() {
        assert_eq!(slugs(CLI), vec![at(CLI, "{\n      \"TargetOriginId\"")]);
        let mine: Vec<_> = lint_text(CLI, &LintConfig::default())
            .unwrap()
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE.slug)
            .collect();
        let fixed = apply_fixes(CLI, &mine, true);
        assert!(
            fixed.contains(
                "\"CachePolicyId\": \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\",\n      \"TargetOriginId\""
            ),
            "{fixed}"
        );
        assert!(slugs(&fixed).is_empty());
    }

    #[test]
    fn cloudformation_and_terraform_end_to_end() {
        let example = RULE.docs.example.text;
        assert_eq!(
            slugs(example),
            vec![at(example, "TargetOriginId: orders-api")]
        );
        assert!(slugs(RULE.docs.use_instead.text).is_empty());
        let tf = r#"resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
}
"#;
        assert_eq!(slugs(tf), vec![at(tf, "default_cache_behavior {")]);
        let fixed = fix_text(tf, &LintConfig::default(), true).unwrap();
        // Aligned with the attributes below it, as `terraform fmt` writes them.
        assert!(
            fixed.contains("cache_policy_id        = \"4135ea2d"),
            "{fixed}"
        );
        assert!(slugs(&fixed).is_empty());
        let with_var = tf.replace(
            "    cached_methods",
            "    cache_policy_id        = var.cache_policy\n    cached_methods",
        );
        assert!(slugs(&with_var).is_empty());
    }
}
