//! `authorization-in-orp-whitelist`: a custom origin request policy lists `Authorization`.

use super::policies::{listed_headers, reported_here};
use crate::lint::{
    Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

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
        example: Snippet {
            format: Format::CfnYaml,
            text: concat!(
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
          Headers: [Authorization, Origin, Content-Type]
        CookiesConfig:
          CookieBehavior: all
        QueryStringsConfig:
          QueryStringBehavior: all
"
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: concat!(
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
          HeaderBehavior: allExcept
          Headers: [Host]
        CookiesConfig:
          CookieBehavior: all
        QueryStringsConfig:
          QueryStringBehavior: all
"
            ),
        },
        exceptions: "None: CloudFront rejects the policy. Forward `Authorization` with an \
            all-viewer policy (the managed AllViewerExceptHostHeader, or `allExcept` with \
            `Host`), or put it in the cache key of a cache policy with a TTL above zero. The \
            unsafe fix removes the name from the list when other names remain.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginRequestPolicyHeadersConfig.html",
            "https://repost.aws/knowledge-center/cloudfront-authorization-header",
            "https://serverfault.com/questions/1053906/how-to-whitelist-authorization-header-in-cloudfront-custom-origin-request-policy",
        ],
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
    use crate::lint::{fix_text, lint_text, LintConfig};
    use crate::model::{Distribution, KeyConfig, OriginRequestPolicy};
    use crate::rules::test_support::*;
    use crate::value::{Field, Unknown};

    fn found(text: &str) -> Vec<(u32, u32)> {
        lint_text(text, &LintConfig::default())
            .unwrap()
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE.slug)
            .map(|f| (f.span.line, f.span.column))
            .collect()
    }

    fn orp(behavior: &str, headers: crate::value::List) -> OriginRequestPolicy {
        OriginRequestPolicy {
            name: "Orp".into(),
            headers: KeyConfig {
                behavior: known(behavior.into()),
                items: headers,
            },
            ..OriginRequestPolicy::default()
        }
    }

    fn at(text: &str, needle: &str) -> (u32, u32) {
        let offset = text.find(needle).expect(needle);
        crate::span::LineIndex::new(text).line_col(offset)
    }

    #[test]
    fn whitelisted_authorization_fails_once() {
        let mut doc = api_doc();
        doc.origin_request_policies
            .push(orp("whitelist", list(&["Origin", "AUTHORIZATION"])));
        doc.distributions.push(Distribution::default());
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1, "reported for the first distribution only");
        assert!(f[0].message.contains("`Orp`"));
        assert!(f[0].fix.is_some());
        doc.origin_request_policies[0] = orp("whitelist", list(&["Authorization"]));
        assert!(check(&RULE, &doc)[0].fix.is_none());
        doc.origin_request_policies[0] = orp("allExcept", list(&["Authorization"]));
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn unknown_items_are_silent() {
        let mut doc = api_doc();
        let unknown = Field::unknown(Unknown::Intrinsic("Ref".into()), Default::default(), "h");
        doc.origin_request_policies.push(orp("whitelist", unknown));
        let mut p = orp("whitelist", list(&["Authorization"]));
        p.headers.behavior =
            Field::unknown(Unknown::Intrinsic("Fn::If".into()), Default::default(), "b");
        doc.origin_request_policies.push(p);
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn cloudformation_end_to_end() {
        let example = RULE.docs.example.text;
        assert_eq!(found(example), vec![at(example, "Authorization, Origin")]);
        let fixed = fix_text(example, &LintConfig::default(), true).unwrap();
        assert!(fixed.contains("Headers: [Origin, Content-Type]"), "{fixed}");
        assert!(found(&fixed).is_empty());
        assert!(found(RULE.docs.use_instead.text).is_empty());
    }

    #[test]
    fn terraform_end_to_end() {
        let tf = r#"resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id         = "api"
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = aws_cloudfront_origin_request_policy.api.id
  }
}

resource "aws_cloudfront_origin_request_policy" "api" {
  name = "api"
  headers_config {
    header_behavior = "whitelist"
    headers {
      items = ["Origin", "Authorization"]
    }
  }
}
"#;
        assert_eq!(found(tf), vec![at(tf, "\"Authorization\"")]);
        let fixed = fix_text(tf, &LintConfig::default(), true).unwrap();
        assert!(fixed.contains("items = [\"Origin\"]"), "{fixed}");
    }
}
