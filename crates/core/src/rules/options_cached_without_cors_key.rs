//! `options-cached-without-cors-key`: preflight responses are cached without the CORS headers in
//! the cache key.

use super::behind::cors_verdict;
use crate::lint::{
    behavior_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};

const EXAMPLE: &str = cfn_doc!(
    "",
    sibling_api_origin!(),
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
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: orders
      ProtocolType: HTTP
      CorsConfiguration:
        AllowOrigins: [https://app.example.com, https://admin.example.com]
        AllowMethods: [GET, POST]
  ListOrders:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Api
      RouteKey: GET /orders
  Prod:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref Api
      StageName: prod
      AutoDeploy: true
"
);

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
            `Access-Control-Request-Headers`. \n\n\
            **What it needs to know**: whether the API answers CORS (an HTTP API \
            `CorsConfiguration`, SAM `Cors`, `x-amazon-apigateway-cors`, a function URL's \
            `Cors`, or an `OPTIONS` route the behavior reaches); an API known to do none of \
            these is not reported. **When it does not know** it reports information.",
        why_bad: "One preflight answer, with one `Access-Control-Allow-Origin` and one list of \
            allowed headers, is replayed to other web origins and to later requests asking for \
            other headers; browsers then block those calls.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "CachedMethods: [GET, HEAD, OPTIONS]" => "CachedMethods: [GET, HEAD]"
        )),
        exceptions: "A cache key with all three headers makes cached preflights safe. The safe \
            fix stops caching OPTIONS (`CachedMethods: [GET, HEAD]`).",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachedMethods.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/header-caching.html",
            "https://blog.benclmnt.com/notes/dont-cache-options",
        ],
        fix_safety: None,
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
        let caches_options = methods.any_item(|m| m.trim().eq_ignore_ascii_case("OPTIONS"));
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
        let Some((severity, why)) = ctx
            .behind(behavior)
            .first()
            .and_then(|b| cors_verdict(&b.target))
        else {
            continue;
        };
        let message = format!(
            "{} caches OPTIONS responses but its cache key ({}) lacks {}; one preflight answer \
             is replayed to other web origins: {why}",
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
                .with_severity(severity)
                .with_related(fwd.cache.cause.span, "the cache key")
                .with_fix(fix),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::behind::fixtures::{with_rest_api, SIBLING};
    use crate::rules::tester::{case, CaseText, Tester, API};

    const SIBLINGS: &str = "the API beside the distribution";

    const METHODS: &str =
        "          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n";
    const CACHE: &str = "CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    /// The API distribution caching `cached` with cache policy `policy`.
    fn cached(cached: &str, policy: &str) -> String {
        API.with(
            METHODS,
            &format!("{METHODS}          CachedMethods: {cached}\n"),
        )
        .with(CACHE, &format!("CachePolicyId: {policy}"))
    }

    const OPTIMIZED: &str = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let legacy = |headers: &str| {
            API.with(
                METHODS,
                &format!("{METHODS}          CachedMethods: [GET, HEAD, OPTIONS]\n"),
            )
            .with(
                &format!("          {CACHE}\n"),
                &format!(
                    "          ForwardedValues:\n            QueryString: true\n            \
                         Headers: {headers}\n"
                ),
            )
        };
        let cli = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 1, "Items": [{"Id": "api",
    "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
    "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api",
    "AllowedMethods": {"Quantity": 3, "Items": ["GET", "HEAD", "OPTIONS"],
      "CachedMethods": {"Quantity": 3, "Items": ‸["GET", "HEAD", "OPTIONS"]}},
    "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}}}"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                // CachingDisabled caches nothing.
                cached(
                    "[GET, HEAD, OPTIONS]",
                    "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                ),
                cached("[GET, HEAD]", OPTIMIZED),
                cached("!Ref CachedMethods", OPTIMIZED),
                cached("[GET, HEAD, OPTIONS]", "!Ref CachePolicy"),
                legacy("[Origin, Access-Control-Request-Method, Access-Control-Request-Headers]"),
            ])
            .pass([
                // An API that answers no CORS: a cached OPTIONS answer is the same for all.
                case(with_rest_api(
                    &SIBLING
                        .with(
                            METHODS,
                            &format!("{METHODS}          CachedMethods: [GET, HEAD, OPTIONS]\n"),
                        )
                        .with(CACHE, &format!("CachePolicyId: {OPTIMIZED}")),
                    &["GET /orders"],
                    "",
                ))
                .not_rendered(SIBLINGS),
            ])
            .fix([
                (
                    case(example.mark("[GET, HEAD, OPTIONS]\n"))
                        .not_rendered(SIBLINGS)
                        .message(
                            "default behavior caches OPTIONS responses but its cache key (custom \
                         cache policy `ApiCache`) lacks `Origin`, `Access-Control-Request-Method`, \
                         `Access-Control-Request-Headers`",
                        )
                        .related("the cache key"),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(cached("‸[GET, HEAD, OPTIONS]", OPTIMIZED))
                        .severity(Severity::Info)
                        .message("whether the API answers CORS is not known")
                        .related("the cache key"),
                    cached("[GET, HEAD]", OPTIMIZED),
                ),
                (
                    // Elemental-MediaPackage keys on Origin only.
                    case(cached(
                        "‸[GET, HEAD, OPTIONS]",
                        "08627262-05a9-4f76-9ded-b50ca2e3a84f",
                    ))
                    .severity(Severity::Info)
                    .message(
                        "lacks `Access-Control-Request-Method`, `Access-Control-Request-Headers`",
                    )
                    .related("the cache key"),
                    cached("[GET, HEAD]", "08627262-05a9-4f76-9ded-b50ca2e3a84f"),
                ),
                (
                    case(legacy("[Origin]").with("[GET, HEAD, OPTIONS]", "‸[GET, HEAD, OPTIONS]"))
                        .severity(Severity::Info)
                        .message("(legacy ForwardedValues) lacks `Access-Control-Request-Method`")
                        .related("the cache key"),
                    legacy("[Origin]").with("[GET, HEAD, OPTIONS]", "[GET, HEAD]"),
                ),
                (
                    case(cli).severity(Severity::Info).related("the cache key"),
                    cli.unmarked().with(
                        r#""CachedMethods": {"Quantity": 3, "Items": ["GET", "HEAD", "OPTIONS"]}"#,
                        r#""CachedMethods": {"Quantity": 2, "Items": ["GET", "HEAD"]}"#,
                    ),
                ),
            ])
            .test();
    }
}
