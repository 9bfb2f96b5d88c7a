//! AWS managed cache, origin request and response headers policies, by id and name.
//!
//! Source: the rule catalogue's §2 (AWS "Use managed cache policies", "Use managed origin request
//! policies", "Use managed response headers policies").

use serde::Serialize;

/// Which kind of policy an id belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyKind {
    Cache,
    OriginRequest,
    ResponseHeaders,
}

/// Which viewer values a managed policy passes on (cache key for cache policies, origin request
/// for origin request policies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Headers {
    /// No viewer headers.
    None,
    /// Exactly these headers (lower-case).
    Only(&'static [&'static str]),
    /// All viewer headers.
    AllViewer,
    /// All viewer headers except `Host`.
    AllViewerExceptHost,
}

/// A managed cache policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ManagedCachePolicy {
    pub id: &'static str,
    pub name: &'static str,
    /// The aws-cdk-lib `cloudfront.CachePolicy` constant.
    pub cdk_name: Option<&'static str>,
    pub min_ttl: i64,
    pub default_ttl: i64,
    pub max_ttl: i64,
    pub headers: Headers,
    pub all_cookies: bool,
    pub all_query_strings: bool,
}

/// A managed origin request policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ManagedOriginRequestPolicy {
    pub id: &'static str,
    pub name: &'static str,
    /// The aws-cdk-lib `cloudfront.OriginRequestPolicy` constant.
    pub cdk_name: Option<&'static str>,
    pub headers: Headers,
    pub all_cookies: bool,
    pub all_query_strings: bool,
}

/// A managed response headers policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ManagedResponseHeadersPolicy {
    pub id: &'static str,
    pub name: &'static str,
    /// The aws-cdk-lib `cloudfront.ResponseHeadersPolicy` constant.
    pub cdk_name: Option<&'static str>,
    pub cors: bool,
}

/// CachingDisabled: the cache policy for dynamic API routes.
pub const CACHING_DISABLED: &str = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
/// CachingOptimized: the CDK default, wrong for APIs.
pub const CACHING_OPTIMIZED: &str = "658327ea-f89d-4fab-a63d-7e88639e58f6";
/// AllViewerExceptHostHeader: the origin request policy AWS designed for API origins.
pub const ALL_VIEWER_EXCEPT_HOST_HEADER: &str = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
/// AllViewer: forwards the viewer Host, which breaks API Gateway.
pub const ALL_VIEWER: &str = "216adef6-5c7f-47e4-b989-5492eafa07d3";
/// SecurityHeadersPolicy.
pub const SECURITY_HEADERS: &str = "67f7725c-6f97-4210-82d7-5512b31e9d03";

const ORIGIN_CACHE_CONTROL_HEADERS: &[&str] = &[
    "host",
    "origin",
    "x-http-method-override",
    "x-http-method",
    "x-method-override",
];

/// Every managed cache policy.
pub const CACHE_POLICIES: &[ManagedCachePolicy] = &[
    ManagedCachePolicy {
        id: CACHING_DISABLED,
        name: "CachingDisabled",
        cdk_name: Some("CACHING_DISABLED"),
        min_ttl: 0,
        default_ttl: 0,
        max_ttl: 0,
        headers: Headers::None,
        all_cookies: false,
        all_query_strings: false,
    },
    ManagedCachePolicy {
        id: CACHING_OPTIMIZED,
        name: "CachingOptimized",
        cdk_name: Some("CACHING_OPTIMIZED"),
        min_ttl: 1,
        default_ttl: 86400,
        max_ttl: 31536000,
        headers: Headers::None,
        all_cookies: false,
        all_query_strings: false,
    },
    ManagedCachePolicy {
        id: "b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
        name: "CachingOptimizedForUncompressedObjects",
        cdk_name: Some("CACHING_OPTIMIZED_FOR_UNCOMPRESSED_OBJECTS"),
        min_ttl: 1,
        default_ttl: 86400,
        max_ttl: 31536000,
        headers: Headers::None,
        all_cookies: false,
        all_query_strings: false,
    },
    ManagedCachePolicy {
        id: "83da9c7e-98b4-4e11-a168-04f0df8e2c65",
        name: "UseOriginCacheControlHeaders",
        cdk_name: Some("USE_ORIGIN_CACHE_CONTROL_HEADERS"),
        min_ttl: 0,
        default_ttl: 0,
        max_ttl: 31536000,
        headers: Headers::Only(ORIGIN_CACHE_CONTROL_HEADERS),
        all_cookies: true,
        all_query_strings: false,
    },
    ManagedCachePolicy {
        id: "4cc15a8a-d715-48a4-82b8-cc0b614638fe",
        name: "UseOriginCacheControlHeaders-QueryStrings",
        cdk_name: Some("USE_ORIGIN_CACHE_CONTROL_HEADERS_QUERY_STRINGS"),
        min_ttl: 0,
        default_ttl: 0,
        max_ttl: 31536000,
        headers: Headers::Only(ORIGIN_CACHE_CONTROL_HEADERS),
        all_cookies: true,
        all_query_strings: true,
    },
    ManagedCachePolicy {
        id: "2e54312d-136d-493c-8eb9-b001f22f67d2",
        name: "Amplify",
        cdk_name: Some("AMPLIFY"),
        min_ttl: 2,
        default_ttl: 2,
        max_ttl: 600,
        headers: Headers::Only(&["authorization", "cloudfront-viewer-country", "host"]),
        all_cookies: true,
        all_query_strings: true,
    },
    ManagedCachePolicy {
        id: "08627262-05a9-4f76-9ded-b50ca2e3a84f",
        name: "Elemental-MediaPackage",
        cdk_name: Some("ELEMENTAL_MEDIA_PACKAGE"),
        min_ttl: 0,
        default_ttl: 86400,
        max_ttl: 31536000,
        headers: Headers::Only(&["origin"]),
        all_cookies: false,
        all_query_strings: false,
    },
];

/// Every managed origin request policy.
pub const ORIGIN_REQUEST_POLICIES: &[ManagedOriginRequestPolicy] = &[
    ManagedOriginRequestPolicy {
        id: ALL_VIEWER,
        name: "AllViewer",
        cdk_name: Some("ALL_VIEWER"),
        headers: Headers::AllViewer,
        all_cookies: true,
        all_query_strings: true,
    },
    ManagedOriginRequestPolicy {
        id: "33f36d7e-f396-46d9-90e0-52428a34d9dc",
        name: "AllViewerAndCloudFrontHeaders-2022-06",
        cdk_name: Some("ALL_VIEWER_AND_CLOUDFRONT_2022"),
        headers: Headers::AllViewer,
        all_cookies: true,
        all_query_strings: true,
    },
    ManagedOriginRequestPolicy {
        id: ALL_VIEWER_EXCEPT_HOST_HEADER,
        name: "AllViewerExceptHostHeader",
        cdk_name: Some("ALL_VIEWER_EXCEPT_HOST_HEADER"),
        headers: Headers::AllViewerExceptHost,
        all_cookies: true,
        all_query_strings: true,
    },
    ManagedOriginRequestPolicy {
        id: "59781a5b-3903-41f3-afcb-af62929ccde1",
        name: "CORS-CustomOrigin",
        cdk_name: Some("CORS_CUSTOM_ORIGIN"),
        headers: Headers::Only(&["origin"]),
        all_cookies: false,
        all_query_strings: false,
    },
    ManagedOriginRequestPolicy {
        id: "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
        name: "CORS-S3Origin",
        cdk_name: Some("CORS_S3_ORIGIN"),
        headers: Headers::Only(&[
            "origin",
            "access-control-request-headers",
            "access-control-request-method",
        ]),
        all_cookies: false,
        all_query_strings: false,
    },
    ManagedOriginRequestPolicy {
        id: "775133bc-15f2-49f9-abea-afb2e0bf67d2",
        name: "Elemental-MediaTailor-PersonalizedManifests",
        cdk_name: Some("ELEMENTAL_MEDIA_TAILOR"),
        headers: Headers::Only(&[
            "origin",
            "access-control-request-headers",
            "access-control-request-method",
            "user-agent",
            "x-forwarded-for",
        ]),
        all_cookies: false,
        all_query_strings: true,
    },
    ManagedOriginRequestPolicy {
        id: "bf0718e1-ba1e-49d1-88b1-f726733018ae",
        name: "HostHeaderOnly",
        cdk_name: Some("HOST_HEADER_ONLY"),
        headers: Headers::Only(&["host"]),
        all_cookies: false,
        all_query_strings: false,
    },
    ManagedOriginRequestPolicy {
        id: "acba4595-bd28-49b8-b9fe-13317c0390fa",
        name: "UserAgentRefererHeaders",
        cdk_name: Some("USER_AGENT_REFERER_HEADERS"),
        headers: Headers::Only(&["user-agent", "referer"]),
        all_cookies: false,
        all_query_strings: false,
    },
];

/// Every managed response headers policy.
pub const RESPONSE_HEADERS_POLICIES: &[ManagedResponseHeadersPolicy] = &[
    ManagedResponseHeadersPolicy {
        id: "60669652-455b-4ae9-85a4-c4c02393f86c",
        name: "SimpleCORS",
        cdk_name: Some("CORS_ALLOW_ALL_ORIGINS"),
        cors: true,
    },
    ManagedResponseHeadersPolicy {
        id: "5cc3b908-e619-4b99-88e5-2cf7f45965bd",
        name: "CORS-With-Preflight",
        cdk_name: Some("CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT"),
        cors: true,
    },
    ManagedResponseHeadersPolicy {
        id: SECURITY_HEADERS,
        name: "SecurityHeadersPolicy",
        cdk_name: Some("SECURITY_HEADERS"),
        cors: false,
    },
    ManagedResponseHeadersPolicy {
        id: "e61eb60c-9c35-4d20-a928-2b84e02af89c",
        name: "CORS-and-SecurityHeadersPolicy",
        cdk_name: Some("CORS_ALLOW_ALL_ORIGINS_AND_SECURITY_HEADERS"),
        cors: true,
    },
    ManagedResponseHeadersPolicy {
        id: "eaab4381-ed33-4a86-88ca-d9558dc6cd63",
        name: "CORS-with-preflight-and-SecurityHeadersPolicy",
        cdk_name: Some("CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT_AND_SECURITY_HEADERS"),
        cors: true,
    },
];

/// Cache policy ids reserved for Amplify Hosting (not usable elsewhere).
pub const AMPLIFY_HOSTING_CACHE_POLICY_IDS: &[&str] = &[
    "4d1d2f1d-3a71-49ad-9e08-7ea5d843a556",
    "a6bad946-36c3-4c33-aa98-362c74a7fb13",
    "1c6db51a-a33f-469a-8245-dae26771f530",
    "7e5fad67-ee98-4ad0-b05a-394999eefc1a",
];

/// Strips a `Managed-` prefix and compares case-insensitively.
fn name_matches(candidate: &str, name: &str) -> bool {
    let c = candidate.strip_prefix("Managed-").unwrap_or(candidate);
    c.eq_ignore_ascii_case(name)
}

/// The managed cache policy with this id.
pub fn cache_policy(id: &str) -> Option<&'static ManagedCachePolicy> {
    CACHE_POLICIES
        .iter()
        .find(|p| p.id.eq_ignore_ascii_case(id))
}

/// The managed origin request policy with this id.
pub fn origin_request_policy(id: &str) -> Option<&'static ManagedOriginRequestPolicy> {
    ORIGIN_REQUEST_POLICIES
        .iter()
        .find(|p| p.id.eq_ignore_ascii_case(id))
}

/// The managed response headers policy with this id.
pub fn response_headers_policy(id: &str) -> Option<&'static ManagedResponseHeadersPolicy> {
    RESPONSE_HEADERS_POLICIES
        .iter()
        .find(|p| p.id.eq_ignore_ascii_case(id))
}

/// Looks up a managed policy of `kind` by name, with or without the `Managed-` prefix
/// (as Terraform `data "aws_cloudfront_*_policy"` lookups write it); returns its id.
pub fn id_by_name(kind: PolicyKind, name: &str) -> Option<&'static str> {
    match kind {
        PolicyKind::Cache => CACHE_POLICIES
            .iter()
            .find(|p| name_matches(name, p.name))
            .map(|p| p.id),
        PolicyKind::OriginRequest => ORIGIN_REQUEST_POLICIES
            .iter()
            .find(|p| name_matches(name, p.name))
            .map(|p| p.id),
        PolicyKind::ResponseHeaders => RESPONSE_HEADERS_POLICIES
            .iter()
            .find(|p| name_matches(name, p.name))
            .map(|p| p.id),
    }
}

/// Which kind of managed policy an id belongs to, if any.
pub fn kind_of_id(id: &str) -> Option<PolicyKind> {
    if cache_policy(id).is_some() || AMPLIFY_HOSTING_CACHE_POLICY_IDS.contains(&id) {
        Some(PolicyKind::Cache)
    } else if origin_request_policy(id).is_some() {
        Some(PolicyKind::OriginRequest)
    } else if response_headers_policy(id).is_some() {
        Some(PolicyKind::ResponseHeaders)
    } else {
        None
    }
}

/// The display name of a managed policy id of any kind.
pub fn name_of_id(id: &str) -> Option<&'static str> {
    cache_policy(id)
        .map(|p| p.name)
        .or_else(|| origin_request_policy(id).map(|p| p.name))
        .or_else(|| response_headers_policy(id).map(|p| p.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_by_id_and_name() {
        assert_eq!(
            cache_policy(CACHING_DISABLED).unwrap().name,
            "CachingDisabled"
        );
        assert_eq!(
            id_by_name(
                PolicyKind::OriginRequest,
                "Managed-AllViewerExceptHostHeader"
            ),
            Some(ALL_VIEWER_EXCEPT_HOST_HEADER)
        );
        assert_eq!(
            id_by_name(PolicyKind::Cache, "cachingdisabled"),
            Some(CACHING_DISABLED)
        );
        assert_eq!(id_by_name(PolicyKind::Cache, "AllViewer"), None);
        assert_eq!(kind_of_id(ALL_VIEWER), Some(PolicyKind::OriginRequest));
        assert_eq!(name_of_id(SECURITY_HEADERS), Some("SecurityHeadersPolicy"));
    }

    #[test]
    fn ids_are_unique_across_kinds() {
        let mut ids: Vec<&str> = CACHE_POLICIES.iter().map(|p| p.id).collect();
        ids.extend(ORIGIN_REQUEST_POLICIES.iter().map(|p| p.id));
        ids.extend(RESPONSE_HEADERS_POLICIES.iter().map(|p| p.id));
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
