//! `cors-headers-not-forwarded`: an API behavior allows OPTIONS but drops the CORS request
//! headers.

use super::api_behavior_forwards_nothing::forwards_nothing;
use super::shared_fixes::use_all_viewer_except_host;
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::managed;
use crate::model::{Behavior, Document, Format, PolicyRef};

pub static RULE: Rule = Rule {
    slug: "cors-headers-not-forwarded",
    summary: "An API behavior allows OPTIONS but does not forward the CORS request headers",
    default_severity: Severity::Warning,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors whose allowed methods include `OPTIONS` while the \
            cache policy and origin request policy together do not forward `Origin`, \
            `Access-Control-Request-Method` and `Access-Control-Request-Headers`. Behaviors \
            that forward nothing at all are reported by `api-behavior-forwards-nothing`; \
            behaviors with a CORS response headers policy are skipped (CloudFront then adds \
            the CORS headers itself).",
        why_bad: "API Gateway's CORS support and most frameworks only answer with \
            `Access-Control-Allow-*` headers when they see the CORS request headers. Without \
            them preflight requests get no CORS headers and browsers block the API calls.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          DefaultTTL: 0
          MaxTTL: 0
          ForwardedValues:
            QueryString: true
            Headers: [Authorization, Content-Type]
            Cookies:
              Forward: all
"
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        exceptions: "APIs that are never called cross-origin from browsers. The unsafe fix \
            switches to AllViewerExceptHostHeader; if OPTIONS responses are cached, put the \
            three headers in the cache key instead.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachedMethods.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html",
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
    for (behavior, origin) in ctx.api_behaviors() {
        let allows_options = behavior
            .allowed_methods
            .known_items()
            .is_some_and(|m| m.iter().any(|m| m.trim().eq_ignore_ascii_case("OPTIONS")));
        if !allows_options || has_cors_response_policy(ctx.doc, behavior) {
            continue;
        }
        let fwd = ctx.forwarding(behavior);
        if !fwd.cors_preflight.is(false) || forwards_nothing(&fwd) {
            continue;
        }
        let Some(headers) = &fwd.headers else {
            continue;
        };
        let missing: Vec<&str> = CORS_REQUEST_HEADERS
            .into_iter()
            .filter(|h| headers.contains(h) == Some(false))
            .collect();
        let cause = fwd
            .origin_request
            .as_ref()
            .map_or(&fwd.cache.cause, |o| &o.cause);
        let message = format!(
            "{} allows OPTIONS but does not forward {} to {} ({}); CORS preflight responses \
             will lack Access-Control-Allow-* headers",
            behavior_name(behavior),
            missing
                .iter()
                .map(|h| format!("`{h}`"))
                .collect::<Vec<_>>()
                .join(", "),
            origin_name(origin),
            cause.description
        );
        out.push(
            ctx.finding(&RULE, cause.span, &cause.path, message)
                .with_fix(use_all_viewer_except_host(ctx, behavior, &fwd)),
        );
    }
    out
}

/// True when the behavior's response headers policy has a CORS configuration (or may have:
/// unknown policies count, so the rule stays silent).
fn has_cors_response_policy(doc: &Document, behavior: &Behavior) -> bool {
    let field = &behavior.response_headers_policy_id;
    match field.get() {
        None => field.is_unknown(),
        Some(PolicyRef::Id(id)) => match managed::response_headers_policy(id) {
            Some(p) => p.cors,
            None => !id.trim().is_empty(),
        },
        Some(PolicyRef::Local(name)) => doc
            .response_headers_policies
            .iter()
            .find(|p| &p.name == name)
            .is_none_or(|p| p.has_cors),
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::{fix_text, lint_text, LintConfig};
    use crate::managed;
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
    fn options_without_cors_headers_warns() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        // CORS-CustomOrigin forwards Origin only.
        default_behavior(&mut doc).origin_request_policy_id =
            policy("59781a5b-3903-41f3-afcb-af62929ccde1");
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains(
            "does not forward `Access-Control-Request-Method`, `Access-Control-Request-Headers`"
        ));
        default_behavior(&mut doc).allowed_methods = list(&["GET", "HEAD"]);
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn cors_response_policy_or_unknown_values_silence_it() {
        let mut doc = api_doc();
        default_behavior(&mut doc).origin_request_policy_id =
            policy("59781a5b-3903-41f3-afcb-af62929ccde1");
        default_behavior(&mut doc).response_headers_policy_id =
            policy("5cc3b908-e619-4b99-88e5-2cf7f45965bd");
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).response_headers_policy_id = policy(managed::SECURITY_HEADERS);
        assert_eq!(check(&RULE, &doc).len(), 1);
        default_behavior(&mut doc).allowed_methods = unknown();
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).allowed_methods = list(&["GET", "HEAD", "OPTIONS"]);
        default_behavior(&mut doc).origin_request_policy_id = unknown();
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end() {
        let example = RULE.docs.example.text;
        assert_eq!(found(example), vec![at(example, "QueryString: true")]);
        assert!(found(RULE.docs.use_instead.text).is_empty());
        let tf = r#"resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id         = "api"
    allowed_methods          = ["GET", "HEAD", "OPTIONS"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = "acba4595-bd28-49b8-b9fe-13317c0390fa"
  }
}
"#;
        assert_eq!(found(tf), vec![at(tf, "\"acba4595")]);
        let fixed = fix_text(tf, &LintConfig::default(), true).unwrap();
        assert!(found(&fixed).is_empty(), "{fixed}");
        let cli = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 1, "Items": [{"Id": "api",
    "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
    "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api",
    "AllowedMethods": {"Quantity": 3, "Items": ["GET", "HEAD", "OPTIONS"]},
    "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    "OriginRequestPolicyId": "59781a5b-3903-41f3-afcb-af62929ccde1"}}}"#;
        assert_eq!(found(cli), vec![at(cli, "\"59781a5b")]);
    }
}
