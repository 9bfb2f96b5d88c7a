//! `cache-policy-ttl0-with-key-values`: a custom cache policy that caches nothing has a cache key.

use super::helpers::reported_here;
use crate::lint::{
    Category, Finding, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{CachePolicy, KeyConfig};

pub static RULE: Rule = Rule {
    slug: "cache-policy-ttl0-with-key-values",
    summary: "A custom cache policy with all TTLs at 0 puts headers, cookies or query strings \
        in the cache key",
    default_severity: Severity::Error,
    category: Category::Caching,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds custom cache policies in the same input whose `MaxTTL` is 0 (so \
            `MinTTL` and `DefaultTTL` are 0 as well) and whose headers, cookies or query strings \
            configuration is anything but `none`. Each policy is reported once, with the first \
            distribution that uses it.",
        why_bad: "A policy that caches nothing has no cache key, and CloudFront rejects key \
            settings on it (the console greys them out; CloudFormation reports \"Invalid request \
            provided\"). This is the usual attempt to forward `Authorization` without caching; \
            that needs an origin request policy with an all-viewer header behavior instead.",
        example: Snippet::cfn_yaml(concat!(
            cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: !Ref NoCache
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
            ),
            "  NoCache:
    Type: AWS::CloudFront::CachePolicy
    Properties:
      CachePolicyConfig:
        Name: no-cache
        MinTTL: 0
        DefaultTTL: 0
        MaxTTL: 0
        ParametersInCacheKeyAndForwardedToOrigin:
          EnableAcceptEncodingGzip: false
          HeadersConfig:
            HeaderBehavior: whitelist
            Headers: [Authorization]
          CookiesConfig:
            CookieBehavior: none
          QueryStringsConfig:
            QueryStringBehavior: all
"
        )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "None: CloudFront rejects the policy. Use the managed CachingDisabled \
            policy with AllViewerExceptHostHeader, or give the policy a `MaxTTL` above 0 if \
            responses may be cached.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html",
            "https://github.com/aws/aws-cdk/issues/16977",
            "https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/571",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.doc
        .cache_policies
        .iter()
        .filter(|p| p.max_ttl.get() == Some(&0) && reported_here(ctx, &p.name))
        .filter_map(|p| report(ctx, p))
        .collect()
}

/// The config with its name and behavior when it puts something in the cache key.
fn keyed<'a>(
    what: &'static str,
    c: &'a KeyConfig,
) -> Option<(&'static str, &'a str, &'a KeyConfig)> {
    c.behavior
        .get()
        .filter(|b| b.as_str() != "none")
        .map(|b| (what, b.as_str(), c))
}

fn report(ctx: &LintContext, p: &CachePolicy) -> Option<Finding> {
    let parts: Vec<(&str, &str, &KeyConfig)> = [
        keyed("headers", &p.headers),
        keyed("cookies", &p.cookies),
        keyed("query strings", &p.query_strings),
    ]
    .into_iter()
    .flatten()
    .collect();
    let (_, _, first) = parts.first()?;
    let list = parts
        .iter()
        .map(|(what, b, _)| format!("{what} ({b})"))
        .collect::<Vec<_>>()
        .join(", ");
    let max_ttl = format!("{} 0", Key::MAX_TTL.name(ctx.format()));
    let message = format!(
        "cache policy `{}` caches nothing ({max_ttl}) but puts {list} in the cache key; \
         CloudFront rejects it (use CachingDisabled with an origin request policy that \
         forwards them)",
        p.name
    );
    Some(
        ctx.finding(&RULE, first.behavior.span, &first.behavior.path, message)
            .with_related(p.max_ttl.span, max_ttl),
    )
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester};

    const EXAMPLE: &str = RULE.docs.example.text;
    const MAX: &str = "MaxTTL: 0";
    const KEYS: &str = "          HeadersConfig:
            HeaderBehavior: whitelist
            Headers: [Authorization]
          CookiesConfig:
            CookieBehavior: none
          QueryStringsConfig:
            QueryStringBehavior: all
";

    fn keys(headers: &str, cookies: &str, query_strings: &str) -> String {
        EXAMPLE.with(
            KEYS,
            &format!(
                "          HeadersConfig:\n            HeaderBehavior: {headers}\n          \
                 CookiesConfig:\n            CookieBehavior: {cookies}\n          \
                 QueryStringsConfig:\n            QueryStringBehavior: {query_strings}\n"
            ),
        )
    }

    const TERRAFORM: &str = r#"resource "aws_cloudfront_cache_policy" "no_cache" {
  name        = "no-cache"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 0
  parameters_in_cache_key_and_forwarded_to_origin {
    headers_config {
      header_behavior = "none"
    }
    cookies_config {
      cookie_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = ‸"all"
    }
  }
}

resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id         = "api"
    cache_policy_id          = aws_cloudfront_cache_policy.no_cache.id
    origin_request_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  }
}
"#;

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                EXAMPLE.with(MAX, "MaxTTL: 1"),
                EXAMPLE.with(MAX, "MaxTTL: !Ref MaxTtl"),
                keys("none", "none", "none"),
                keys("!Ref HeaderBehavior", "none", "none"),
                TERRAFORM
                    .unmarked()
                    .with("max_ttl     = 0", "max_ttl     = 1"),
            ])
            .fail([
                case(EXAMPLE.mark("whitelist")).message(
                    "cache policy `NoCache` caches nothing (MaxTTL 0) but puts headers \
                     (whitelist), query strings (all) in the cache key",
                )
                .related("MaxTTL 0"),
                case(keys("none", "‸all", "whitelist"))
                    .message("puts cookies (all), query strings (whitelist) in the cache key")
                    .related("MaxTTL 0"),
                case(TERRAFORM).message(
                    "cache policy `aws_cloudfront_cache_policy.no_cache` caches nothing (max_ttl \
                     0) but puts query strings (all) in the cache key",
                )
                .related("max_ttl 0"),
            ])
            .test();
    }
}
