//! `accept-encoding-whitelisted`: a custom policy lists the `Accept-Encoding` header.

use super::policies::{listed_headers, reported_here};
use crate::lint::{
    edit::Value, Category, Edit, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::{CachePolicy, Format, KeyConfig};
use crate::span::Span;
use crate::value::Val;

pub static RULE: Rule = Rule {
    slug: "accept-encoding-whitelisted",
    summary: "A custom cache or origin request policy lists the `Accept-Encoding` header",
    default_severity: Severity::Error,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds custom cache policies and origin request policies in the same input \
            whose header list names `Accept-Encoding`. Each policy is reported once, with the \
            first distribution that uses it.",
        why_bad: "CloudFront rejects the policy. It normalises `Accept-Encoding` itself: a cache \
            policy puts it in the cache key and forwards it through \
            `EnableAcceptEncodingGzip` / `EnableAcceptEncodingBrotli`, and an origin request \
            policy may not name it at all.",
        example: Snippet {
            format: Format::CfnYaml,
            text: concat!(
                cfn_doc!(
                    "",
                    api_origin!(),
                    "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: !Ref ApiCache
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
                ),
                "  ApiCache:
    Type: AWS::CloudFront::CachePolicy
    Properties:
      CachePolicyConfig:
        Name: api-cache
        MinTTL: 0
        DefaultTTL: 0
        MaxTTL: 60
        ParametersInCacheKeyAndForwardedToOrigin:
          EnableAcceptEncodingGzip: false
          HeadersConfig:
            HeaderBehavior: whitelist
            Headers: [Authorization, Accept-Encoding]
          CookiesConfig:
            CookieBehavior: none
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
          CachePolicyId: !Ref ApiCache
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
                ),
                "  ApiCache:
    Type: AWS::CloudFront::CachePolicy
    Properties:
      CachePolicyConfig:
        Name: api-cache
        MinTTL: 0
        DefaultTTL: 0
        MaxTTL: 60
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
        exceptions: "None: CloudFront rejects the policy. The unsafe fix removes the name when \
            other names remain and, in a cache policy, sets `EnableAcceptEncodingGzip` to true.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ParametersInCacheKeyAndForwardedToOrigin.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html",
            "https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/571",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &ctx.doc.cache_policies {
        if reported_here(ctx, &p.name) {
            out.extend(report(
                ctx,
                "cache policy",
                &p.name,
                p.span,
                &p.headers,
                Some(p),
            ));
        }
    }
    for p in &ctx.doc.origin_request_policies {
        if reported_here(ctx, &p.name) {
            out.extend(report(
                ctx,
                "origin request policy",
                &p.name,
                p.span,
                &p.headers,
                None,
            ));
        }
    }
    out
}

fn report(
    ctx: &LintContext,
    kind: &str,
    name: &str,
    policy_span: Span,
    headers: &KeyConfig,
    cache_policy: Option<&CachePolicy>,
) -> Vec<Finding> {
    let count = headers.items.get().map_or(0, Vec::len);
    listed_headers(headers, "accept-encoding")
        .into_iter()
        .map(|(index, item)| {
            let instead = if cache_policy.is_some() {
                "use EnableAcceptEncodingGzip / EnableAcceptEncodingBrotli instead"
            } else {
                "origin request policies may not name it"
            };
            let message = format!(
                "{kind} `{name}` lists the `Accept-Encoding` header; CloudFront rejects it \
                 ({instead})"
            );
            let fix = (count > 1)
                .then(|| fix(ctx, headers, index, cache_policy))
                .flatten();
            ctx.finding(&RULE, item.span, &item.path, message)
                .with_related(policy_span, format!("the {kind}"))
                .with_fix(fix)
        })
        .collect()
}

/// Removes the list item; in a cache policy also turns `EnableAcceptEncodingGzip` on.
fn fix(
    ctx: &LintContext,
    headers: &KeyConfig,
    index: usize,
    cache_policy: Option<&CachePolicy>,
) -> Option<Fix> {
    let editor = ctx.editor();
    let mut edits = editor.remove_list_item(&headers.items, index);
    let Some(policy) = cache_policy else {
        return Fix::unsafe_("remove Accept-Encoding from the header list", edits);
    };
    let gzip = &policy.enable_accept_encoding_gzip;
    let flag: Option<Edit> = match &gzip.val {
        Val::Known(true) => None,
        Val::Known(false) => Some(editor.replace_scalar(gzip.span, "true")),
        Val::Absent => editor.insert_key(
            gzip.span,
            ctx.key(
                "EnableAcceptEncodingGzip",
                "EnableAcceptEncodingGzip",
                "enable_accept_encoding_gzip",
            ),
            Value::Raw("true"),
        ),
        Val::Unknown(_) => return None,
    };
    edits.extend(flag);
    Fix::unsafe_(
        "remove Accept-Encoding from the header list and enable EnableAcceptEncodingGzip",
        edits,
    )
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::{apply_fixes, fix_text, lint_text, LintConfig};
    use crate::model::{CachePolicy, KeyConfig, OriginRequestPolicy};
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

    fn whitelist(items: &[&str]) -> KeyConfig {
        KeyConfig {
            behavior: known("whitelist".into()),
            items: list(items),
        }
    }

    fn at(text: &str, needle: &str) -> (u32, u32) {
        let offset = text.find(needle).expect(needle);
        crate::span::LineIndex::new(text).line_col(offset)
    }

    #[test]
    fn both_policy_kinds_are_checked() {
        let mut doc = api_doc();
        doc.cache_policies.push(CachePolicy {
            name: "Cp".into(),
            headers: whitelist(&["accept-encoding"]),
            ..CachePolicy::default()
        });
        doc.origin_request_policies.push(OriginRequestPolicy {
            name: "Orp".into(),
            headers: whitelist(&["Origin", "Accept-Encoding"]),
            ..OriginRequestPolicy::default()
        });
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 2);
        assert!(f[0].message.starts_with("cache policy `Cp`"));
        assert!(f[0].fix.is_none(), "the only item is not removed");
        assert!(f[1].message.starts_with("origin request policy `Orp`"));
        assert!(f[1].fix.is_some());
    }

    #[test]
    fn unknown_header_list_is_silent() {
        let mut doc = api_doc();
        doc.cache_policies.push(CachePolicy {
            name: "Cp".into(),
            headers: KeyConfig {
                behavior: known("whitelist".into()),
                items: Field::unknown(Unknown::Expression("var.h".into()), Default::default(), "h"),
            },
            ..CachePolicy::default()
        });
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn cloudformation_end_to_end_with_fix() {
        let example = RULE.docs.example.text;
        assert_eq!(found(example), vec![at(example, "Accept-Encoding]")]);
        let mine: Vec<_> = lint_text(example, &LintConfig::default())
            .unwrap()
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE.slug)
            .collect();
        assert_eq!(
            apply_fixes(example, &mine, true),
            RULE.docs.use_instead.text
        );
    }

    #[test]
    fn terraform_end_to_end_with_fix() {
        let tf = r#"resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id = "api"
    cache_policy_id  = aws_cloudfront_cache_policy.api.id
  }
}

resource "aws_cloudfront_cache_policy" "api" {
  name        = "api"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 60
  parameters_in_cache_key_and_forwarded_to_origin {
    headers_config {
      header_behavior = "whitelist"
      headers {
        items = ["Authorization", "Accept-Encoding"]
      }
    }
    cookies_config {
      cookie_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "all"
    }
  }
}
"#;
        assert_eq!(found(tf), vec![at(tf, "\"Accept-Encoding\"")]);
        let fixed = fix_text(tf, &LintConfig::default(), true).unwrap();
        assert!(fixed.contains("items = [\"Authorization\"]"), "{fixed}");
        assert!(
            fixed.contains("enable_accept_encoding_gzip = true"),
            "{fixed}"
        );
        assert!(found(&fixed).is_empty());
    }
}
