//! The lint rules, one file each, and the registry.

use crate::lint::Rule;

/// A CloudFormation YAML template with one distribution, for rule documentation. Arguments are
/// string literals: extra `DistributionConfig` keys, the `orders-api` origin's keys after its
/// `Id`, and the default behavior's keys after its `TargetOriginId`. `api_origin!()` and
/// `api_behavior!()` give the recommended settings.
macro_rules! cfn_doc {
    ($config:expr, $origin:expr, $behavior:expr) => {
        concat!(
            "Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n",
            "      DistributionConfig:\n        Enabled: true\n",
            $config,
            "        Origins:\n          - Id: orders-api\n",
            $origin,
            "        DefaultCacheBehavior:\n          TargetOriginId: orders-api\n",
            $behavior
        )
    };
}

/// The recommended keys of a regional REST API origin (see [`cfn_doc`]).
macro_rules! api_origin {
    () => {
        concat!(
            "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com\n",
            "            OriginPath: /prod\n",
            "            CustomOriginConfig:\n",
            "              OriginProtocolPolicy: https-only\n",
            "              OriginSSLProtocols: [TLSv1.2]\n",
        )
    };
}

/// The recommended keys of an API behavior (see [`cfn_doc`]).
macro_rules! api_behavior {
    () => {
        concat!(
            "          ViewerProtocolPolicy: https-only\n",
            "          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n",
            "          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n",
            "          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n",
        )
    };
}

/// A Terraform file with one API distribution, for rule documentation: `$before` goes before
/// the distribution, `$origin` and `$behaviors` inside it (after the `orders-api` origin and
/// after the default behavior).
macro_rules! tf_doc {
    ($before:expr, $origin:expr, $behaviors:expr) => {
        concat!(
            $before,
            "resource \"aws_cloudfront_distribution\" \"cdn\" {\n",
            "  enabled = true\n\n",
            "  origin {\n",
            "    origin_id   = \"orders-api\"\n",
            "    domain_name = \"abc123defg.execute-api.eu-west-1.amazonaws.com\"\n",
            "    origin_path = \"/prod\"\n\n",
            "    custom_origin_config {\n",
            "      http_port              = 80\n",
            "      https_port             = 443\n",
            "      origin_protocol_policy = \"https-only\"\n",
            "      origin_ssl_protocols   = [\"TLSv1.2\"]\n",
            "    }\n",
            "  }\n",
            $origin,
            "\n  default_cache_behavior {\n",
            "    target_origin_id         = \"orders-api\"\n",
            "    viewer_protocol_policy   = \"https-only\"\n",
            "    allowed_methods          = [\"GET\", \"HEAD\", \"OPTIONS\", \"PUT\", \"PATCH\", \"POST\", \"DELETE\"]\n",
            "    cached_methods           = [\"GET\", \"HEAD\"]\n",
            "    cache_policy_id          = \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\"\n",
            "    origin_request_policy_id = \"b689b0a8-53d0-40ab-baf2-68738e2966ac\"\n",
            "  }\n",
            $behaviors,
            "\n  restrictions {\n",
            "    geo_restriction {\n",
            "      restriction_type = \"none\"\n",
            "    }\n",
            "  }\n\n",
            "  viewer_certificate {\n",
            "    cloudfront_default_certificate = true\n",
            "  }\n",
            "}\n"
        )
    };
}

/// The recommended API distribution of [`cfn_doc`] (most rules' `use_instead`).
macro_rules! api_doc {
    () => {
        cfn_doc!("", api_origin!(), api_behavior!())
    };
}

/// `DistributionConfig` keys of [`cfn_doc`] for the alias `api.example.com` with its ACM
/// certificate, set up as recommended.
macro_rules! custom_certificate {
    () => {
        concat!(
            "        Aliases: [api.example.com]\n",
            "        ViewerCertificate:\n",
            "          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0b7e7f4c-1111-2222-3333-444455556666\n",
            "          SslSupportMethod: sni-only\n",
            "          MinimumProtocolVersion: TLSv1.2_2021\n",
        )
    };
}

/// The keys of an origin in front of the REST or HTTP API `Api` of the same template (see
/// [`rest_api`]), after its `Id`.
macro_rules! sibling_api_origin {
    () => {
        concat!(
            "            DomainName: !Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com\n",
            "            OriginPath: /prod\n",
            "            CustomOriginConfig:\n",
            "              OriginProtocolPolicy: https-only\n",
            "              OriginSSLProtocols: [TLSv1.2]\n",
        )
    };
}

/// A regional REST API `Api` (a resource to append to [`cfn_doc`]).
macro_rules! rest_api {
    () => {
        concat!(
            "  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: orders\n",
            "      EndpointConfiguration:\n        Types: [REGIONAL]\n",
        )
    };
}

/// The keys of a Lambda function URL origin after its `Id`, with `extra` keys before its
/// `CustomOriginConfig`.
macro_rules! lambda_url_origin {
    ($extra:literal) => {
        concat!(
            "            DomainName: abcdefghijklmnopqrstuvwxyz123456.lambda-url.eu-west-1.on.aws\n",
            $extra,
            "            CustomOriginConfig:\n",
            "              OriginProtocolPolicy: https-only\n",
            "              OriginSSLProtocols: [TLSv1.2]\n",
        )
    };
}

/// [`cfn_doc`] with a Lambda function URL origin behind origin access control, whose clients
/// sign their bodies (the suppression says so).
macro_rules! lambda_url_doc {
    () => {
        concat!(
            cfn_doc!(
                "",
                lambda_url_origin!("            OriginAccessControlId: E2QWRUHAPOMQZL\n"),
                api_behavior!()
            ),
            "    Metadata:\n",
            "      apifront:\n",
            "        # Clients send x-amz-content-sha256 with every POST and PUT.\n",
            "        ignore: [lambda-url-oac-payload-hash]\n",
        )
    };
}

/// [`cfn_doc`] with a second API origin `id` (the keys after `orders-api`'s) and these
/// `DistributionConfig` keys.
macro_rules! second_origin_doc {
    ($config:expr, $id:literal) => {
        cfn_doc!(
            $config,
            concat!(
                api_origin!(),
                "          - Id: ",
                $id,
                "\n",
                "            DomainName: xyz987wvut.execute-api.eu-west-1.amazonaws.com\n",
                "            OriginPath: /prod\n",
                "            CustomOriginConfig:\n",
                "              OriginProtocolPolicy: https-only\n",
                "              OriginSSLProtocols: [TLSv1.2]\n",
            ),
            api_behavior!()
        )
    };
}

/// The `CacheBehaviors` of [`cfn_doc`] that route `/reports*` to the API origin `reports-api`.
macro_rules! reports_behavior {
    () => {
        concat!(
            "        CacheBehaviors:\n",
            "          - PathPattern: /reports*\n",
            "            TargetOriginId: reports-api\n",
            "            ViewerProtocolPolicy: https-only\n",
            "            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n",
            "            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n",
            "            OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n",
        )
    };
}

/// A custom cache policy `ApiCache` of the same template (a resource to append to [`cfn_doc`])
/// that keys on these headers, cookies and query strings and caches nothing by default.
macro_rules! api_cache {
    ($headers:literal, $cookies:literal, $query_strings:literal) => {
        concat!(
            "  ApiCache:\n    Type: AWS::CloudFront::CachePolicy\n    Properties:\n",
            "      CachePolicyConfig:\n        Name: api\n",
            "        MinTTL: 0\n        DefaultTTL: 0\n        MaxTTL: 1\n",
            "        ParametersInCacheKeyAndForwardedToOrigin:\n",
            "          EnableAcceptEncodingGzip: true\n",
            "          HeadersConfig:\n            HeaderBehavior: whitelist\n",
            "            Headers: ",
            $headers,
            "\n          CookiesConfig:\n            CookieBehavior: ",
            $cookies,
            "\n          QueryStringsConfig:\n            QueryStringBehavior: ",
            $query_strings,
            "\n"
        )
    };
}

/// A string literal with one change: `changed!(TEXT, "old" => "new")` is `TEXT` with its only
/// `old` replaced by `new`, computed at compile time (for a rule's `use_instead` written as "the
/// example with this change"). It does not compile unless `old` occurs exactly once.
macro_rules! changed {
    ($text:expr, $old:expr => $new:expr) => {{
        const TEXT: &str = $text;
        const OLD: &str = $old;
        const NEW: &str = $new;
        const BYTES: [u8; TEXT.len() - OLD.len() + NEW.len()] =
            $crate::rules::replace_once(TEXT, OLD, NEW);
        match ::core::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => panic!("a change that splits a character"),
        }
    }};
    ($text:expr, $old:expr => $new:expr, $($more:tt)+) => {
        changed!(changed!($text, $old => $new), $($more)+)
    };
}

/// `text` with its only occurrence of `old` replaced by `new`, in `N` bytes. Evaluated at
/// compile time by [`changed`], where a missing or repeated `old` is a compile error.
pub(crate) const fn replace_once<const N: usize>(text: &str, old: &str, new: &str) -> [u8; N] {
    let (text, old, new) = (text.as_bytes(), old.as_bytes(), new.as_bytes());
    let mut found = None;
    let mut i = 0;
    while i + old.len() <= text.len() {
        let mut j = 0;
        while j < old.len() && text[i + j] == old[j] {
            j += 1;
        }
        if j == old.len() && !old.is_empty() {
            assert!(found.is_none(), "changed!: the text occurs more than once");
            found = Some(i);
        }
        i += 1;
    }
    let Some(at) = found else {
        panic!("changed!: the text does not occur");
    };
    assert!(
        N + old.len() == text.len() + new.len(),
        "changed!: wrong length"
    );
    let mut out = [0u8; N];
    let mut k = 0;
    while k < N {
        out[k] = if k < at {
            text[k]
        } else if k < at + new.len() {
            new[k - at]
        } else {
            text[k - new.len() + old.len()]
        };
        k += 1;
    }
    out
}

mod accept_encoding_whitelisted;
mod access_logging_disabled;
mod acm_certificate_not_us_east_1;
mod alias_collides_with_edge_custom_domain;
mod alias_invalid;
mod aliases_need_custom_certificate;
mod allowed_methods_invalid_set;
mod api_behavior_caching_enabled;
mod api_behavior_forwards_nothing;
mod api_origin_bypassable;
mod api_redirect_to_https;
mod api_write_methods_not_allowed;
mod apigw_custom_domain_origin_path_stage;
mod apigw_default_endpoint_disabled;
mod apigw_edge_optimized_origin;
mod apigw_host_header_forwarded;
mod apigw_host_in_cache_key;
mod apigw_iam_auth_behind_cloudfront;
mod apigw_origin_needs_custom_config;
mod apigw_origin_path_on_default_stage;
mod apigw_origin_protocol_not_https_only;
mod apigw_private_api_as_public_origin;
mod apigw_private_vpce_missing_api_id;
mod apigw_regional_domain_target_as_origin;
mod apigw_rest_origin_path_missing_stage;
mod apigw_route_unreachable;
mod apigw_routing_rule_header_not_forwarded;
mod apigw_routing_rule_invalid;
mod apigw_streaming_integration_invalid;
mod authorization_in_orp_whitelist;
mod authorization_not_forwarded;
pub(crate) mod behind;
mod cache_policy_ttl0_with_key_values;
mod cached_methods_invalid;
mod cloudfront_chain_origin;
mod conditions_not_evaluated;
mod continuous_deployment;
mod continuous_deployment_incompatible;
mod continuous_deployment_policy_invalid;
mod cookies_not_forwarded;
mod cors_headers_not_forwarded;
mod custom_error_response_invalid;
mod default_cert_min_protocol_ignored;
mod default_root_object_on_api;
mod distribution_disabled;
mod distribution_not_created;
mod distribution_tenant_invalid;
mod duplicate_key;
mod edge_function_changes_origin;
mod edge_origin_modification_invalid;
mod error_caching_too_long_for_api;
mod forwardedvalues_with_cache_policy;
mod geo_restriction_none;
mod helpers;
mod host_forwarding_fix;
mod http_version_invalid;
mod lambda_edge_unversioned_arn;
mod lambda_url_oac_payload_hash;
mod lambda_url_oac_permissions;
mod lambda_url_origin_path;
mod lambda_url_without_oac;
mod legacy_forwarding_deprecated;
mod legacy_ttl_with_cache_policy;
mod minimum_protocol_version_not_recommended;
mod multi_tenant_field_mismatch;
mod no_cache_policy_no_forwardedvalues;
mod oac_authorization_conflict;
mod oac_on_unsupported_origin;
mod options_cached_without_cors_key;
mod origin_connection_settings_range;
mod origin_custom_header_limits;
mod origin_custom_header_not_allowed;
mod origin_domain_not_hostname;
mod origin_group_write_methods;
mod origin_id_duplicate;
mod origin_keepalive_timeout_range;
mod origin_mtls;
mod origin_mtls_invalid;
mod origin_path_format;
mod origin_read_timeout_range;
mod origin_read_timeout_vs_integration_timeout;
mod origin_secret_header_literal;
mod origin_ssl_protocols_outdated;
mod origin_unused;
mod path_pattern_invalid;
mod path_pattern_prefix_not_stripped;
mod path_pattern_query_string;
mod path_pattern_shadowed;
mod placeholder_value;

mod policy_id_wrong_kind_or_name;
mod price_class_invalid;
mod quantity_items_mismatch;
mod query_strings_not_forwarded;
mod response_completion_timeout_invalid;
mod response_headers_cors_overlap;
mod response_headers_policy_missing;
mod routing_rules;
mod s3_oriented_policy_on_api;
mod s3_origin_without_oac;
mod spa_error_rewrite_hits_api;
mod ssl_support_method;
mod staging_distribution_aliases;
mod streaming;
mod streaming_origin_timeouts;
mod target_origin_unknown;
mod target_origin_unlinked;
mod template_read_as_yaml;
mod terraform_dynamic_block_not_read;
mod terraform_module_not_read;
mod too_many_cache_behaviors;
mod too_many_origins;
mod viewer_certificate_incomplete_or_conflicting;
mod viewer_protocol_allow_all;
mod viewer_tls_policy_unavailable;
mod vpc_origin_settings;
mod vpc_origin_unsupported_feature;
mod waf_not_associated;
mod websocket_handshake_headers_not_forwarded;
mod write_methods_on_static_origin;

#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
pub(crate) mod tester;

static ALL: &[&Rule] = &[
    &apigw_host_header_forwarded::RULE,
    &apigw_host_in_cache_key::RULE,
    &apigw_origin_protocol_not_https_only::RULE,
    &origin_ssl_protocols_outdated::RULE,
    &origin_domain_not_hostname::RULE,
    &apigw_origin_needs_custom_config::RULE,
    &apigw_regional_domain_target_as_origin::RULE,
    &apigw_edge_optimized_origin::RULE,
    &cloudfront_chain_origin::RULE,
    &apigw_private_api_as_public_origin::RULE,
    &apigw_private_vpce_missing_api_id::RULE,
    &apigw_default_endpoint_disabled::RULE,
    &oac_on_unsupported_origin::RULE,
    &apigw_iam_auth_behind_cloudfront::RULE,
    &origin_path_format::RULE,
    &apigw_rest_origin_path_missing_stage::RULE,
    &apigw_origin_path_on_default_stage::RULE,
    &apigw_custom_domain_origin_path_stage::RULE,
    &apigw_routing_rule_invalid::RULE,
    &apigw_routing_rule_header_not_forwarded::RULE,
    &apigw_route_unreachable::RULE,
    &path_pattern_prefix_not_stripped::RULE,
    &path_pattern_query_string::RULE,
    &path_pattern_invalid::RULE,
    &path_pattern_shadowed::RULE,
    &target_origin_unknown::RULE,
    &target_origin_unlinked::RULE,
    &origin_id_duplicate::RULE,
    &origin_unused::RULE,
    &forwardedvalues_with_cache_policy::RULE,
    &no_cache_policy_no_forwardedvalues::RULE,
    &legacy_ttl_with_cache_policy::RULE,
    &legacy_forwarding_deprecated::RULE,
    &api_behavior_caching_enabled::RULE,
    &api_behavior_forwards_nothing::RULE,
    &authorization_not_forwarded::RULE,
    &authorization_in_orp_whitelist::RULE,
    &cache_policy_ttl0_with_key_values::RULE,
    &accept_encoding_whitelisted::RULE,
    &query_strings_not_forwarded::RULE,
    &cookies_not_forwarded::RULE,
    &s3_oriented_policy_on_api::RULE,
    &cors_headers_not_forwarded::RULE,
    &options_cached_without_cors_key::RULE,
    &websocket_handshake_headers_not_forwarded::RULE,
    &policy_id_wrong_kind_or_name::RULE,
    &response_headers_policy_missing::RULE,
    &response_headers_cors_overlap::RULE,
    &allowed_methods_invalid_set::RULE,
    &cached_methods_invalid::RULE,
    &api_write_methods_not_allowed::RULE,
    &origin_group_write_methods::RULE,
    &write_methods_on_static_origin::RULE,
    &viewer_protocol_allow_all::RULE,
    &api_redirect_to_https::RULE,
    &minimum_protocol_version_not_recommended::RULE,
    &default_cert_min_protocol_ignored::RULE,
    &viewer_tls_policy_unavailable::RULE,
    &ssl_support_method::RULE,
    &acm_certificate_not_us_east_1::RULE,
    &viewer_certificate_incomplete_or_conflicting::RULE,
    &aliases_need_custom_certificate::RULE,
    &alias_invalid::RULE,
    &alias_collides_with_edge_custom_domain::RULE,
    &http_version_invalid::RULE,
    &price_class_invalid::RULE,
    &staging_distribution_aliases::RULE,
    &continuous_deployment_incompatible::RULE,
    &continuous_deployment_policy_invalid::RULE,
    &multi_tenant_field_mismatch::RULE,
    &distribution_tenant_invalid::RULE,
    &origin_read_timeout_range::RULE,
    &origin_read_timeout_vs_integration_timeout::RULE,
    &response_completion_timeout_invalid::RULE,
    &streaming_origin_timeouts::RULE,
    &apigw_streaming_integration_invalid::RULE,
    &origin_keepalive_timeout_range::RULE,
    &origin_connection_settings_range::RULE,
    &vpc_origin_settings::RULE,
    &vpc_origin_unsupported_feature::RULE,
    &error_caching_too_long_for_api::RULE,
    &spa_error_rewrite_hits_api::RULE,
    &custom_error_response_invalid::RULE,
    &lambda_url_without_oac::RULE,
    &lambda_url_oac_payload_hash::RULE,
    &lambda_url_oac_permissions::RULE,
    &lambda_url_origin_path::RULE,
    &oac_authorization_conflict::RULE,
    &origin_custom_header_not_allowed::RULE,
    &origin_custom_header_limits::RULE,
    &too_many_cache_behaviors::RULE,
    &too_many_origins::RULE,
    &quantity_items_mismatch::RULE,
    &lambda_edge_unversioned_arn::RULE,
    &edge_function_changes_origin::RULE,
    &edge_origin_modification_invalid::RULE,
    &default_root_object_on_api::RULE,
    &api_origin_bypassable::RULE,
    &origin_mtls_invalid::RULE,
    &origin_secret_header_literal::RULE,
    &waf_not_associated::RULE,
    &access_logging_disabled::RULE,
    &s3_origin_without_oac::RULE,
    &distribution_disabled::RULE,
    &geo_restriction_none::RULE,
    &terraform_module_not_read::RULE,
    &terraform_dynamic_block_not_read::RULE,
    &duplicate_key::RULE,
    &template_read_as_yaml::RULE,
    &placeholder_value::RULE,
    &conditions_not_evaluated::RULE,
    &distribution_not_created::RULE,
];

/// Findings about the settings of an origin that a viewer-request CloudFront Function may
/// replace become information (see `edge-function-changes-origin`).
pub(crate) fn demote_replaced_origins(
    ctx: &crate::lint::LintContext,
    findings: &mut [crate::lint::Finding],
) {
    edge_function_changes_origin::demote(ctx, findings);
}

/// Every rule, in catalogue order.
pub fn all() -> &'static [&'static Rule] {
    ALL
}

/// The rule with this slug.
pub fn by_slug(slug: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.slug == slug)
}
