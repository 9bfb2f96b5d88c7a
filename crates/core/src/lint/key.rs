//! The keys that rules name in messages and fixes write, spelled as each input format spells
//! them (rules.md §0.1), so that rules deal in fields and the [`super::edit::Editor`] in text.

use crate::model::Format;

/// A configuration key in the AWS CLI JSON (CloudFront API), CloudFormation and Terraform
/// spellings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    cli: &'static str,
    cfn: &'static str,
    terraform: &'static str,
}

impl Key {
    /// A key that CLI JSON and CloudFormation spell alike.
    const fn new(api: &'static str, terraform: &'static str) -> Self {
        Self::spelled(api, api, terraform)
    }

    /// A key that CloudFormation spells unlike the API.
    const fn spelled(cli: &'static str, cfn: &'static str, terraform: &'static str) -> Self {
        Self {
            cli,
            cfn,
            terraform,
        }
    }

    /// A key spelled `name` in every format (for tests of the editor).
    #[cfg(test)]
    pub(crate) const fn verbatim(name: &'static str) -> Self {
        Self::spelled(name, name, name)
    }

    /// The key as `format` spells it.
    pub fn name(self, format: Format) -> &'static str {
        match format {
            Format::CliJson => self.cli,
            Format::CfnJson | Format::CfnYaml => self.cfn,
            Format::Terraform => self.terraform,
        }
    }

    /// The key set to `value` as a message quotes it: `restriction_type = "none"` in Terraform
    /// (a `string` value in quotes), `RestrictionType: none` elsewhere.
    pub fn setting(self, format: Format, value: &str, string: bool) -> String {
        match format {
            Format::Terraform if string => format!("{} = \"{value}\"", self.terraform),
            Format::Terraform => format!("{} = {value}", self.terraform),
            _ => format!("{}: {value}", self.name(format)),
        }
    }

    // Distribution settings.
    pub const ENABLED: Key = Key::new("Enabled", "enabled");
    pub const HTTP_VERSION: Key = Key::new("HttpVersion", "http_version");
    pub const DEFAULT_ROOT_OBJECT: Key = Key::new("DefaultRootObject", "default_root_object");
    /// The geographic restriction's type (Terraform: in `restrictions { geo_restriction { … } }`).
    pub const RESTRICTION_TYPE: Key = Key::new("RestrictionType", "restriction_type");

    // Origins.
    pub const DOMAIN_NAME: Key = Key::new("DomainName", "domain_name");
    pub const ORIGIN_PATH: Key = Key::new("OriginPath", "origin_path");
    pub const CONNECTION_ATTEMPTS: Key = Key::new("ConnectionAttempts", "connection_attempts");
    pub const CONNECTION_TIMEOUT: Key = Key::new("ConnectionTimeout", "connection_timeout");
    pub const S3_ORIGIN_CONFIG: Key = Key::new("S3OriginConfig", "s3_origin_config");
    pub const VPC_ORIGIN_CONFIG: Key = Key::new("VpcOriginConfig", "vpc_origin_config");
    pub const CUSTOM_ORIGIN_CONFIG: Key = Key::new("CustomOriginConfig", "custom_origin_config");
    pub const HTTP_PORT: Key = Key::new("HTTPPort", "http_port");
    pub const HTTPS_PORT: Key = Key::new("HTTPSPort", "https_port");
    pub const ORIGIN_PROTOCOL_POLICY: Key =
        Key::new("OriginProtocolPolicy", "origin_protocol_policy");
    pub const ORIGIN_SSL_PROTOCOLS: Key = Key::spelled(
        "OriginSslProtocols",
        "OriginSSLProtocols",
        "origin_ssl_protocols",
    );
    pub const ORIGIN_READ_TIMEOUT: Key = Key::new("OriginReadTimeout", "origin_read_timeout");
    pub const ORIGIN_KEEPALIVE_TIMEOUT: Key =
        Key::new("OriginKeepaliveTimeout", "origin_keepalive_timeout");

    // Cache behaviors.
    pub const TARGET_ORIGIN_ID: Key = Key::new("TargetOriginId", "target_origin_id");
    pub const VIEWER_PROTOCOL_POLICY: Key =
        Key::new("ViewerProtocolPolicy", "viewer_protocol_policy");
    pub const FORWARDED_VALUES: Key = Key::new("ForwardedValues", "forwarded_values");
    pub const ALLOWED_METHODS: Key = Key::new("AllowedMethods", "allowed_methods");
    pub const CACHED_METHODS: Key = Key::new("CachedMethods", "cached_methods");
    pub const CACHE_POLICY_ID: Key = Key::new("CachePolicyId", "cache_policy_id");
    pub const ORIGIN_REQUEST_POLICY_ID: Key =
        Key::new("OriginRequestPolicyId", "origin_request_policy_id");
    pub const RESPONSE_HEADERS_POLICY_ID: Key =
        Key::new("ResponseHeadersPolicyId", "response_headers_policy_id");
    pub const MIN_TTL: Key = Key::new("MinTTL", "min_ttl");
    pub const DEFAULT_TTL: Key = Key::new("DefaultTTL", "default_ttl");
    pub const MAX_TTL: Key = Key::new("MaxTTL", "max_ttl");

    // Custom error responses.
    pub const ERROR_CODE: Key = Key::new("ErrorCode", "error_code");
    pub const RESPONSE_CODE: Key = Key::new("ResponseCode", "response_code");
    pub const RESPONSE_PAGE_PATH: Key = Key::new("ResponsePagePath", "response_page_path");
    pub const ERROR_CACHING_MIN_TTL: Key = Key::new("ErrorCachingMinTTL", "error_caching_min_ttl");

    // The viewer certificate.
    pub const ACM_CERTIFICATE_ARN: Key = Key::spelled(
        "ACMCertificateArn",
        "AcmCertificateArn",
        "acm_certificate_arn",
    );
    pub const IAM_CERTIFICATE_ID: Key =
        Key::spelled("IAMCertificateId", "IamCertificateId", "iam_certificate_id");
    pub const CLOUDFRONT_DEFAULT_CERTIFICATE: Key = Key::new(
        "CloudFrontDefaultCertificate",
        "cloudfront_default_certificate",
    );
    pub const SSL_SUPPORT_METHOD: Key =
        Key::spelled("SSLSupportMethod", "SslSupportMethod", "ssl_support_method");
    pub const MINIMUM_PROTOCOL_VERSION: Key =
        Key::new("MinimumProtocolVersion", "minimum_protocol_version");

    // Cache policies.
    pub const ENABLE_ACCEPT_ENCODING_GZIP: Key =
        Key::new("EnableAcceptEncodingGzip", "enable_accept_encoding_gzip");
    pub const ENABLE_ACCEPT_ENCODING_BROTLI: Key = Key::new(
        "EnableAcceptEncodingBrotli",
        "enable_accept_encoding_brotli",
    );

    // Response headers policies.
    pub const ORIGIN_OVERRIDE: Key = Key::new("OriginOverride", "origin_override");

    // Distribution settings of continuous deployment and multi-tenant distributions.
    pub const ALIASES: Key = Key::new("Aliases", "aliases");
    pub const PRICE_CLASS: Key = Key::new("PriceClass", "price_class");
    pub const IPV6_ENABLED: Key = Key::spelled("IsIPV6Enabled", "IPV6Enabled", "is_ipv6_enabled");
    pub const WEB_ACL_ID: Key = Key::new("WebACLId", "web_acl_id");
    pub const STAGING: Key = Key::new("Staging", "staging");
    pub const CONTINUOUS_DEPLOYMENT_POLICY_ID: Key = Key::new(
        "ContinuousDeploymentPolicyId",
        "continuous_deployment_policy_id",
    );
    pub const ANYCAST_IP_LIST_ID: Key = Key::new("AnycastIpListId", "anycast_ip_list_id");
    pub const TENANT_CONFIG: Key = Key::new("TenantConfig", "tenant_config");
    /// A distribution tenant's domains (`Domains`, Terraform `domain` blocks).
    pub const TENANT_DOMAINS: Key = Key::new("Domains", "domain");

    // Origin timeouts and mutual TLS.
    pub const RESPONSE_COMPLETION_TIMEOUT: Key =
        Key::new("ResponseCompletionTimeout", "response_completion_timeout");
    pub const ORIGIN_MTLS_CONFIG: Key = Key::new("OriginMtlsConfig", "origin_mtls_config");
    pub const CLIENT_CERTIFICATE_ARN: Key =
        Key::new("ClientCertificateArn", "client_certificate_arn");

    // API Gateway resources beside the distribution (which CLI JSON does not hold).
    pub const MUTUAL_TLS_AUTHENTICATION: Key =
        Key::new("MutualTlsAuthentication", "mutual_tls_authentication");
    pub const ROUTING_MODE: Key = Key::new("RoutingMode", "routing_mode");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_spelled_per_format() {
        let k = Key::ORIGIN_SSL_PROTOCOLS;
        assert_eq!(k.name(Format::CliJson), "OriginSslProtocols");
        assert_eq!(k.name(Format::CfnYaml), "OriginSSLProtocols");
        assert_eq!(k.name(Format::CfnJson), "OriginSSLProtocols");
        assert_eq!(k.name(Format::Terraform), "origin_ssl_protocols");
        assert_eq!(Key::MIN_TTL.name(Format::CliJson), "MinTTL");
        assert_eq!(Key::MIN_TTL.name(Format::Terraform), "min_ttl");
    }
}
