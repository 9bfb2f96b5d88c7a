//! Fix titles and related-place labels spell keys as the input's format does: Terraform's
//! snake_case arguments on Terraform, the CloudFormation keys on a template (rules.md §0.1).
//! The messages themselves are pinned per format in each rule's test table; trace hops, map
//! lines and what "Load into form" drops here.

use apifront_core::lint::{lint_text, Finding, LintConfig};
use apifront_core::map::{self, Column};
use apifront_core::parse::parse;
use apifront_core::state::state_from_model;
use apifront_core::trace::{self, Options, Request};

/// A Terraform distribution with a fixable problem in most of its settings and a cache policy
/// caching nothing.
const TERRAFORM: &str = r#"resource "aws_cloudfront_distribution" "cdn" {
  enabled      = false
  http_version = "HTTP/2"
  price_class  = "priceclass_all"
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
    origin_path = "/prod"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  origin {
    origin_id   = "events"
    domain_name = "https://xyz987wvut.execute-api.eu-west-1.amazonaws.com/prod"
  }
  default_cache_behavior {
    target_origin_id         = "api"
    viewer_protocol_policy   = "allow-all"
    allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
    cached_methods           = ["GET", "HEAD", "POST"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
    forwarded_values {
      query_string = false
      cookies {
        forward = "none"
      }
    }
  }
  ordered_cache_behavior {
    path_pattern             = "/events/*"
    target_origin_id         = "events"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = aws_cloudfront_cache_policy.api.id
    origin_request_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  }
  custom_error_response {
    error_code            = 502
    error_caching_min_ttl = 300
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
    minimum_protocol_version       = "TLSv1.2_2021"
  }
}

resource "aws_cloudfront_cache_policy" "api" {
  name        = "api"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 0
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
      query_string_behavior = "none"
    }
  }
}
"#;

/// A distribution with a custom certificate, served with `method` and `version`.
fn certified(name: &str, alias: &str, method: &str, version: &str) -> String {
    format!(
        r#"resource "aws_cloudfront_distribution" "{name}" {{
  enabled = true
  aliases = ["{alias}"]
  origin {{
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
    origin_path = "/prod"
    custom_origin_config {{
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }}
  }}
  default_cache_behavior {{
    target_origin_id         = "api"
    viewer_protocol_policy   = "https-only"
    allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  }}
  restrictions {{
    geo_restriction {{
      restriction_type = "none"
    }}
  }}
  viewer_certificate {{
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    ssl_support_method       = "{method}"
    minimum_protocol_version = "{version}"
  }}
}}
"#
    )
}

/// [`TERRAFORM`] with two distributions with custom certificates, a dedicated-IP one on TLSv1
/// and one on TLSv1.2_2019.
fn terraform() -> String {
    [
        TERRAFORM.to_string(),
        certified("vip", "api.example.com", "vip", "TLSv1"),
        certified("old_tls", "old.example.com", "sni-only", "TLSv1.2_2019"),
    ]
    .join("\n")
}

/// A CloudFormation template with some of [`TERRAFORM`]'s problems.
const CLOUDFORMATION: &str = r#"Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: false
        HttpVersion: HTTP/2
        Origins:
          - Id: api
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: http-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: api
          ViewerProtocolPolicy: allow-all
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachedMethods: [GET, HEAD, POST]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
        CustomErrorResponses:
          - ErrorCode: 502
            ErrorCachingMinTTL: 300
        ViewerCertificate:
          CloudFrontDefaultCertificate: true
          MinimumProtocolVersion: TLSv1.2_2021
"#;

fn findings(text: &str) -> Vec<Finding> {
    lint_text(text, &LintConfig::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .findings
}

/// The fix title of the one finding of `rule` in `all` (the first one of `distribution`).
fn fix<'a>(all: &'a [Finding], rule: &str, distribution: &str) -> &'a str {
    let found = all
        .iter()
        .find(|f| f.rule == rule && f.distribution == distribution)
        .unwrap_or_else(|| panic!("no {rule} on {distribution}: {all:#?}"));
    let fix = found
        .fix
        .as_ref()
        .unwrap_or_else(|| panic!("{rule} has no fix"));
    &fix.description
}

#[test]
fn terraform_fix_titles_name_terraform_arguments() {
    let all = findings(&terraform());
    let cdn = "aws_cloudfront_distribution.cdn";
    for (rule, distribution, title) in [
        ("distribution-disabled", cdn, "set enabled to true"),
        ("http-version-invalid", cdn, "set http_version to http2"),
        (
            "price-class-invalid",
            cdn,
            "set price_class to PriceClass_All",
        ),
        (
            "apigw-origin-protocol-not-https-only",
            cdn,
            "set origin_protocol_policy to https-only",
        ),
        (
            "apigw-origin-needs-custom-config",
            cdn,
            "add custom_origin_config with https-only and TLSv1.2",
        ),
        (
            "origin-domain-not-hostname",
            cdn,
            "use `xyz987wvut.execute-api.eu-west-1.amazonaws.com` as domain_name",
        ),
        (
            "viewer-protocol-allow-all",
            cdn,
            "set viewer_protocol_policy to https-only",
        ),
        (
            "api-redirect-to-https",
            cdn,
            "set viewer_protocol_policy to https-only",
        ),
        (
            "cached-methods-invalid",
            cdn,
            "set cached_methods to [GET, HEAD]",
        ),
        (
            "forwardedvalues-with-cache-policy",
            cdn,
            "remove forwarded_values",
        ),
        (
            "error-caching-too-long-for-api",
            cdn,
            "set error_caching_min_ttl to 0",
        ),
        (
            "default-cert-min-protocol-ignored",
            cdn,
            "remove the ignored minimum_protocol_version",
        ),
        (
            "accept-encoding-whitelisted",
            cdn,
            "remove Accept-Encoding from the header list and set enable_accept_encoding_gzip to \
             true",
        ),
        (
            "ssl-support-method",
            "aws_cloudfront_distribution.vip",
            "set ssl_support_method to sni-only",
        ),
        (
            "minimum-protocol-version-not-recommended",
            "aws_cloudfront_distribution.old_tls",
            "set minimum_protocol_version to TLSv1.2_2021",
        ),
    ] {
        assert_eq!(fix(&all, rule, distribution), title, "{rule}");
    }
}

#[test]
fn terraform_related_labels_name_terraform_arguments() {
    let all = findings(&terraform());
    let ttl0 = all
        .iter()
        .find(|f| f.rule == "cache-policy-ttl0-with-key-values")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(ttl0.related[0].1, "max_ttl 0");
}

#[test]
fn cloudformation_fix_titles_keep_cloudformation_keys() {
    let all = findings(CLOUDFORMATION);
    for (rule, title) in [
        ("distribution-disabled", "set Enabled to true"),
        ("http-version-invalid", "set HttpVersion to http2"),
        (
            "apigw-origin-protocol-not-https-only",
            "set OriginProtocolPolicy to https-only",
        ),
        (
            "viewer-protocol-allow-all",
            "set ViewerProtocolPolicy to https-only",
        ),
        ("cached-methods-invalid", "set CachedMethods to [GET, HEAD]"),
        (
            "error-caching-too-long-for-api",
            "set ErrorCachingMinTTL to 0",
        ),
        (
            "default-cert-min-protocol-ignored",
            "remove the ignored MinimumProtocolVersion",
        ),
    ] {
        assert_eq!(fix(&all, rule, "Cdn"), title, "{rule}");
    }
}

/// A Terraform API distribution that is `enabled` (or not), with no `allowed_methods` and no
/// `custom_origin_config`.
fn bare(enabled: bool) -> String {
    format!(
        "resource \"aws_cloudfront_distribution\" \"cdn\" {{\n  enabled = {enabled}\n  origin {{\n    \
         origin_id   = \"api\"\n    domain_name = \"abc123defg.execute-api.eu-west-1.amazonaws.com\"\n  \
         }}\n  default_cache_behavior {{\n    target_origin_id = \"api\"\n  }}\n}}\n"
    )
}

/// The hop messages of tracing `request` through `text`.
fn hops(text: &str, request: &str) -> Vec<String> {
    let doc = parse(text).unwrap_or_else(|e| panic!("{e}"));
    let request = Request::parse(request).unwrap_or_else(|e| panic!("{e}"));
    trace::trace(&doc, text, &request, &Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .hops
        .into_iter()
        .map(|h| h.message)
        .collect()
}

#[test]
fn terraform_trace_hops_name_terraform_arguments() {
    let has = |hops: &[String], fragment: &str| {
        assert!(
            hops.iter().any(|h| h.contains(fragment)),
            "{fragment}: {hops:#?}"
        );
    };
    let url = "https://d111111abcdef8.cloudfront.net/orders";
    has(
        &hops(&bare(false), &format!("GET {url}")),
        "is disabled (`enabled = false`)",
    );
    has(
        &hops(&bare(true), &format!("POST {url}")),
        "(the default: no allowed_methods set)",
    );
    has(
        &hops(&bare(true), &format!("GET {url}")),
        "has no custom_origin_config: CloudFront refuses an API origin",
    );
}

#[test]
fn terraform_function_url_hops_name_its_authorization_type() {
    let text = include_str!("fixtures/terraform/lambda_url_oac.tf");
    let hops = hops(text, "GET https://d111111abcdef8.cloudfront.net/");
    assert!(
        hops.iter()
            .any(|h| h.contains("(`authorization_type` `AWS_IAM`)")),
        "{hops:#?}"
    );
    assert!(!hops.iter().any(|h| h.contains("AuthType")), "{hops:#?}");
}

#[test]
fn terraform_map_names_legacy_forwarded_values() {
    let text = include_str!("fixtures/trace/legacy-auth.tf");
    let doc = parse(text).unwrap_or_else(|e| panic!("{e}"));
    let m = map::build(&doc, &doc.distributions[0], &[]);
    let behavior = m
        .column(Column::Behaviors)
        .next()
        .unwrap_or_else(|| panic!("{m:#?}"));
    assert!(
        behavior
            .lines
            .iter()
            .any(|l| l == "legacy forwarded_values"),
        "{:?}",
        behavior.lines
    );
}

#[test]
fn terraform_import_names_what_it_drops_in_terraform_arguments() {
    let text = include_str!("fixtures/trace/legacy-auth.tf");
    let doc = parse(text).unwrap_or_else(|e| panic!("{e}"));
    let (_, lost) = state_from_model(&doc);
    assert!(
        lost.iter()
            .any(|l| l == "legacy forwarded_values (replaced by managed policies)"),
        "{lost:#?}"
    );
}
