//! `options-cached-without-cors-key`: preflight responses are cached without the CORS headers in
//! the cache key.

use crate::lint::{
    behavior_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "options-cached-without-cors-key",
    summary: "OPTIONS responses are cached but the cache key lacks the CORS request headers",
    default_severity: Severity::Warning,
    category: Category::Caching,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors whose `CachedMethods` include `OPTIONS` and whose \
            cache policy (or legacy `ForwardedValues`) can cache (a `MaxTTL` above 0) while the \
            cache key lacks `Origin`, `Access-Control-Request-Method` or \
            `Access-Control-Request-Headers`.",
        why_bad: "One preflight answer, with one `Access-Control-Allow-Origin` and one list of \
            allowed headers, is replayed to other web origins and to later requests asking for \
            other headers; browsers then block those calls.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachedMethods: [GET, HEAD, OPTIONS]
          CachePolicyId: !Ref ApiCache
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
  ApiCache:
    Type: AWS::CloudFront::CachePolicy
    Properties:
      CachePolicyConfig:
        Name: api-cache
        MinTTL: 0
        DefaultTTL: 0
        MaxTTL: 300
        ParametersInCacheKeyAndForwardedToOrigin:
          EnableAcceptEncodingGzip: true
          HeadersConfig:
            HeaderBehavior: whitelist
            Headers: [Authorization]
          CookiesConfig:
            CookieBehavior: none
          QueryStringsConfig:
            QueryStringBehavior: all
"
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachedMethods: [GET, HEAD]
          CachePolicyId: !Ref ApiCache
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
  ApiCache:
    Type: AWS::CloudFront::CachePolicy
    Properties:
      CachePolicyConfig:
        Name: api-cache
        MinTTL: 0
        DefaultTTL: 0
        MaxTTL: 300
        ParametersInCacheKeyAndForwardedToOrigin:
          EnableAcceptEncodingGzip: true
          HeadersConfig:
            HeaderBehavior: whitelist
            Headers: [Authorization]
          CookiesConfig:
            CookieBehavior: none
          QueryStringsConfig:
            QueryStringBehavior: all
"
            ),
        },
        exceptions: "A cache key with all three headers makes cached preflights safe. The safe \
            fix stops caching OPTIONS (`CachedMethods: [GET, HEAD]`).",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachedMethods.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/header-caching.html",
            "https://blog.benclmnt.com/notes/dont-cache-options",
        ],
    },
    check,
};

const CORS_REQUEST_HEADERS: [&str; 3] = [
    "Origin",
    "Access-Control-Request-Method",
    "Access-Control-Request-Headers",
];

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for (behavior, _) in ctx.api_behaviors() {
        let methods = &behavior.cached_methods;
        let caches_options = methods
            .known_items()
            .is_some_and(|m| m.iter().any(|m| m.trim().eq_ignore_ascii_case("OPTIONS")));
        if !caches_options {
            continue;
        }
        let fwd = ctx.forwarding(behavior);
        let can_cache = fwd
            .cache
            .ttls
            .and_then(|t| t.max)
            .is_some_and(|max| max > 0);
        let Some(key) = fwd
            .cache_key()
            .and_then(|k| k.headers.as_ref())
            .filter(|_| can_cache)
        else {
            continue;
        };
        let missing: Vec<String> = CORS_REQUEST_HEADERS
            .into_iter()
            .filter(|h| key.contains(h) == Some(false))
            .map(|h| format!("`{h}`"))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let message = format!(
            "{} caches OPTIONS responses but its cache key ({}) lacks {}; one preflight answer \
             is replayed to other web origins",
            behavior_name(behavior),
            fwd.cache.cause.description,
            missing.join(", ")
        );
        let fix = Fix::safe(
            "cache only GET and HEAD",
            ctx.editor().set_string_list(methods, &["GET", "HEAD"]),
        );
        out.push(
            ctx.finding(&RULE, methods.span, &methods.path, message)
                .with_related(fwd.cache.cause.span, "the cache key")
                .with_fix(fix),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::{fix_text, lint_text, LintConfig};
    use crate::managed;
    use crate::model::ForwardedValues;
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

    fn unknown<T>() -> Field<T> {
        Field::unknown(Unknown::Intrinsic("Ref".into()), Default::default(), "u")
    }

    fn at(text: &str, needle: &str) -> (u32, u32) {
        let offset = text.find(needle).expect(needle);
        crate::span::LineIndex::new(text).line_col(offset)
    }

    #[test]
    fn cached_options_without_cors_key_warns() {
        let mut doc = api_doc();
        default_behavior(&mut doc).cached_methods = list(&["GET", "HEAD", "OPTIONS"]);
        assert!(
            check(&RULE, &doc).is_empty(),
            "CachingDisabled caches nothing"
        );
        default_behavior(&mut doc).cache_policy_id = policy(managed::CACHING_OPTIMIZED);
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains(
            "lacks `Origin`, `Access-Control-Request-Method`, `Access-Control-Request-Headers`"
        ));
        // Elemental-MediaPackage keys on Origin only.
        default_behavior(&mut doc).cache_policy_id = policy("08627262-05a9-4f76-9ded-b50ca2e3a84f");
        assert!(!check(&RULE, &doc)[0].message.contains("`Origin`,"));
    }

    #[test]
    fn legacy_key_with_all_cors_headers_passes() {
        let mut doc = api_doc();
        let b = default_behavior(&mut doc);
        b.cache_policy_id = Field::default();
        b.cached_methods = list(&["GET", "HEAD", "OPTIONS"]);
        b.forwarded_values = Some(ForwardedValues {
            headers: list(&[
                "Origin",
                "Access-Control-Request-Method",
                "Access-Control-Request-Headers",
            ]),
            ..ForwardedValues::default()
        });
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn unknown_values_are_silent() {
        let mut doc = api_doc();
        default_behavior(&mut doc).cached_methods = unknown();
        default_behavior(&mut doc).cache_policy_id = policy(managed::CACHING_OPTIMIZED);
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).cached_methods = list(&["GET", "HEAD", "OPTIONS"]);
        default_behavior(&mut doc).cache_policy_id = unknown();
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end_with_fix() {
        let example = RULE.docs.example.text;
        assert_eq!(found(example), vec![at(example, "[GET, HEAD, OPTIONS]")]);
        let fixed = fix_text(example, &LintConfig::default(), false).unwrap();
        assert_eq!(fixed, RULE.docs.use_instead.text);
        let cli = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 1, "Items": [{"Id": "api",
    "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
    "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api",
    "AllowedMethods": {"Quantity": 3, "Items": ["GET", "HEAD", "OPTIONS"],
      "CachedMethods": {"Quantity": 3, "Items": ["GET", "HEAD", "OPTIONS"]}},
    "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}}}"#;
        assert_eq!(found(cli).len(), 1);
        let fixed = fix_text(cli, &LintConfig::default(), false).unwrap();
        assert!(
            fixed.contains(r#""CachedMethods": {"Quantity": 2, "Items": ["GET", "HEAD"]}"#),
            "{fixed}"
        );
        let tf = r#"resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id = "api"
    allowed_methods  = ["GET", "HEAD", "OPTIONS"]
    cached_methods   = ["GET", "HEAD", "OPTIONS"]
    cache_policy_id  = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
}
"#;
        assert_eq!(
            found(tf),
            vec![at(
                tf,
                "[\"GET\", \"HEAD\", \"OPTIONS\"]\n    cache_policy_id"
            )]
        );
    }
}
