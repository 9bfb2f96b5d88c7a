//! Reading a `DistributionConfig` object into a [`Distribution`], for both the CloudFront API
//! JSON and CloudFormation (they share field names; see rules.md §0.1 for the differences, which
//! [`Reader::key`] and the dialect's list shape take care of).

use super::reader::{Dialect, Obj, Reader};
use super::resolve::{Evaluated, Target};
use crate::classify::classify_host;
use crate::model::{
    Behavior, CustomErrorResponse, CustomHeader, CustomOriginConfig, Distribution, ForwardedValues,
    FunctionAssociation, Logging, Origin, OriginGroup, OriginKind, OriginKindField, OriginMtls,
    TenantConfig, TenantParameterDefinition, ViewerCertificate, VpcOriginConfig,
};
use crate::value::{Field, Val};

/// Reads the `DistributionConfig` object `cfg` of a distribution called `name`.
/// `custom_domains` are API Gateway custom domain names defined in the same input.
pub(crate) fn read(
    r: &mut Reader,
    cfg: &Obj,
    name: String,
    custom_domains: &[&str],
) -> Distribution {
    let default = r.obj(cfg, "DefaultCacheBehavior");
    let restrictions = r.obj(cfg, "Restrictions");
    let geo = r.obj(&restrictions, "GeoRestriction");
    let mut d = Distribution {
        name,
        span: cfg.span,
        path: cfg.path.clone(),
        enabled: r.bool(cfg, "Enabled"),
        comment: r.str(cfg, "Comment"),
        aliases: r.list(cfg, "Aliases"),
        web_acl_id: r.str(cfg, "WebACLId"),
        http_version: r.str(cfg, "HttpVersion"),
        price_class: r.str(cfg, "PriceClass"),
        ipv6_enabled: r.bool(cfg, r.key("IsIPV6Enabled", "IPV6Enabled")),
        default_root_object: r.str(cfg, "DefaultRootObject"),
        geo_restriction_type: r.str(&geo, "RestrictionType"),
        viewer_certificate: viewer_certificate(r, cfg),
        logging: logging(r, cfg),
        staging: r.bool(cfg, "Staging"),
        connection_mode: r.str(cfg, "ConnectionMode"),
        anycast_ip_list_id: r.str(cfg, "AnycastIpListId"),
        tenant_config: tenant_config(r, cfg),
        ..Distribution::default()
    };
    let (policy, policy_value) = r.str_value(cfg, "ContinuousDeploymentPolicyId");
    d.continuous_deployment_policy_id = policy;
    d.continuous_deployment_policy_ref = first_ref(&policy_value);
    if r.dialect == Dialect::Cli && geo.present() {
        // The API's GeoRestriction is itself a `{RestrictionType, Quantity, Items}` wrapper.
        r.wrapped_list(&restrictions, "GeoRestriction");
    }
    d.origins = r
        .objects(cfg, "Origins")
        .iter()
        .map(|o| origin(r, o, custom_domains))
        .collect();
    d.origin_groups = r
        .wrapped_objects(cfg, "OriginGroups")
        .iter()
        .map(|g| origin_group(r, g))
        .collect();
    d.default_behavior = default.present().then(|| behavior(r, &default, false));
    d.behaviors = r
        .objects(cfg, "CacheBehaviors")
        .iter()
        .map(|b| behavior(r, b, true))
        .collect();
    d.custom_error_responses = r
        .objects(cfg, "CustomErrorResponses")
        .iter()
        .map(|e| CustomErrorResponse {
            span: e.span,
            path: e.path.clone(),
            error_code: r.i64(e, "ErrorCode"),
            response_code: r.i64(e, "ResponseCode"),
            response_page_path: r.str(e, "ResponsePagePath"),
            error_caching_min_ttl: r.i64(e, "ErrorCachingMinTTL"),
        })
        .collect();
    d.quantity_mismatches = std::mem::take(&mut r.mismatches);
    d
}

fn origin(r: &mut Reader, o: &Obj, custom_domains: &[&str]) -> Origin {
    let (domain_name, host) = r.str_value(o, "DomainName");
    let (kind, domain_is_url) = classify(&host, custom_domains);
    let ref_to = |target| {
        host.refs
            .iter()
            .find(|x| x.target == target)
            .map(|x| x.id.clone())
    };
    // An optional block is there when the origin shows it, not when the origin is unknown.
    let shown = |block: &Obj| block.present() && !o.opaque();
    let custom = r.obj(o, "CustomOriginConfig");
    let custom_origin_config = shown(&custom).then(|| CustomOriginConfig {
        span: custom.span,
        path: custom.path.clone(),
        http_port: r.i64(&custom, "HTTPPort"),
        https_port: r.i64(&custom, "HTTPSPort"),
        origin_protocol_policy: r.str(&custom, "OriginProtocolPolicy"),
        origin_ssl_protocols: r.list(&custom, r.key("OriginSslProtocols", "OriginSSLProtocols")),
        origin_read_timeout: r.i64(&custom, "OriginReadTimeout"),
        origin_keepalive_timeout: r.i64(&custom, "OriginKeepaliveTimeout"),
        origin_mtls: origin_mtls(r, &custom),
    });
    let s3 = r.obj(o, "S3OriginConfig");
    let s3_origin_config = shown(&s3).then_some(s3.span);
    let vpc = r.obj(o, "VpcOriginConfig");
    let vpc_origin_config = shown(&vpc).then(|| {
        let (vpc_origin_id, id) = r.str_value(&vpc, "VpcOriginId");
        VpcOriginConfig {
            span: vpc.span,
            path: vpc.path.clone(),
            vpc_origin_ref: first_ref(&id),
            vpc_origin_id,
            owner_account_id: r.str(&vpc, "OwnerAccountId"),
            origin_read_timeout: r.i64(&vpc, "OriginReadTimeout"),
            origin_keepalive_timeout: r.i64(&vpc, "OriginKeepaliveTimeout"),
        }
    });
    let misplaced = r.obj(o, "OriginMtlsConfig");
    let custom_headers = r
        .objects(o, r.key("CustomHeaders", "OriginCustomHeaders"))
        .iter()
        .map(|h| CustomHeader {
            span: h.span,
            path: h.path.clone(),
            name: r.str(h, "HeaderName"),
            value: r.str(h, "HeaderValue"),
        })
        .collect();
    Origin {
        span: o.span,
        path: o.path.clone(),
        id: r.id(o, "Id"),
        origin_path: r.str(o, "OriginPath"),
        kind: OriginKindField(kind),
        domain_is_url,
        api_ref: ref_to(Target::Api),
        lambda_url_ref: ref_to(Target::LambdaUrl),
        distribution_ref: ref_to(Target::Distribution),
        domain_name,
        custom_origin_config,
        s3_origin_config,
        origin_access_identity: r.str(&s3, "OriginAccessIdentity"),
        vpc_origin_config,
        origin_access_control_id: r.policy(o, "OriginAccessControlId"),
        custom_headers,
        connection_attempts: r.i64(o, "ConnectionAttempts"),
        connection_timeout: r.i64(o, "ConnectionTimeout"),
        response_completion_timeout: r.i64(o, "ResponseCompletionTimeout"),
        misplaced_mtls: shown(&misplaced).then_some(misplaced.span),
        opaque: o.opaque(),
    }
}

/// `OriginMtlsConfig` inside a `CustomOriginConfig`.
fn origin_mtls(r: &Reader, custom: &Obj) -> Option<OriginMtls> {
    let m = r.obj(custom, "OriginMtlsConfig");
    m.present().then(|| OriginMtls {
        span: m.span,
        path: m.path.clone(),
        client_certificate_arn: r.str(&m, "ClientCertificateArn"),
    })
}

/// The sibling resource a value refers to (`!GetAtt VpcOrigin.Id`, `!Ref Policy`).
fn first_ref(value: &Evaluated) -> Option<String> {
    value.refs.first().map(|x| x.id.clone())
}

/// `TenantConfig.ParameterDefinitions` (a plain list in every dialect).
fn tenant_config(r: &mut Reader, cfg: &Obj) -> Option<TenantConfig> {
    let t = r.obj(cfg, "TenantConfig");
    if !t.present() {
        return None;
    }
    let parameter_definitions = r
        .objects(&t, "ParameterDefinitions")
        .iter()
        .map(|p| {
            let schema = r.obj(&r.obj(p, "Definition"), "StringSchema");
            TenantParameterDefinition {
                span: p.span,
                path: p.path.clone(),
                name: r.str(p, "Name"),
                required: r.bool(&schema, "Required"),
                default_value: r.str(&schema, "DefaultValue"),
            }
        })
        .collect();
    Some(TenantConfig {
        span: t.span,
        path: t.path.clone(),
        parameter_definitions,
    })
}

/// Classifies an origin host from its text or its shape, and says whether it is a URL rather
/// than a host name. A shape with no literal dot (`{DomainParam}`) says nothing: Unknown.
fn classify(host: &Evaluated, custom_domains: &[&str]) -> (OriginKind, bool) {
    match host.shape() {
        Some(shape) => classify_shape(shape, custom_domains),
        None => (OriginKind::Unknown, false),
    }
}

/// Classifies a host shape (literal text with `{placeholders}` for what is not known, such as
/// `https://{…}.execute-api.us-east-1.amazonaws.com/prod`), and says whether it is a URL.
pub(super) fn classify_shape(shape: &str, custom_domains: &[&str]) -> (OriginKind, bool) {
    let (is_url, rest) = match shape.split_once("://") {
        Some((_, rest)) => (true, rest),
        None => (false, shape),
    };
    let host_part = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_part = strip_port(host_part.trim());
    if !has_literal_dot(host_part) {
        return (OriginKind::Unknown, is_url);
    }
    (classify_host(host_part, custom_domains), is_url)
}

/// `host:443` -> `host` (placeholders such as `{AWS::Region}` keep their colons).
fn strip_port(host: &str) -> &str {
    match host.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    }
}

/// True when `shape` has a `.` outside `{placeholders}`.
fn has_literal_dot(shape: &str) -> bool {
    let mut depth = 0usize;
    shape.chars().any(|c| {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '.' if depth == 0 => return true,
            _ => {}
        }
        false
    })
}

fn origin_group(r: &mut Reader, g: &Obj) -> OriginGroup {
    let block = r.obj(g, "Members");
    let items = r
        .wrapped_objects(g, "Members")
        .iter()
        .map(|m| r.id(m, "OriginId"))
        .collect();
    let members = match (block.map, block.unknown) {
        (Some(_), _) => Field::known(items, block.span, block.path),
        (None, Some(why)) => Field::unknown(why, block.span, block.path),
        (None, None) => Field::absent(block.span, block.path),
    };
    // Checked for its quantity only.
    let criteria = r.obj(g, "FailoverCriteria");
    r.wrapped_list(&criteria, "StatusCodes");
    OriginGroup {
        span: g.span,
        path: g.path.clone(),
        id: r.id(g, "Id"),
        members,
    }
}

fn behavior(r: &mut Reader, b: &Obj, ordered: bool) -> Behavior {
    let allowed = r.obj(b, "AllowedMethods");
    let cached_methods = match r.dialect {
        Dialect::Cli => r.list(&allowed, "CachedMethods"),
        Dialect::Cfn => r.list(b, "CachedMethods"),
    };
    let fv = r.obj(b, "ForwardedValues");
    let forwarded_values = fv.present().then(|| {
        let cookies = r.obj(&fv, "Cookies");
        ForwardedValues {
            span: fv.span,
            path: fv.path.clone(),
            query_string: r.bool(&fv, "QueryString"),
            query_string_cache_keys: r.list(&fv, "QueryStringCacheKeys"),
            headers: r.list(&fv, "Headers"),
            cookies_forward: r.str(&cookies, "Forward"),
            cookies_whitelisted_names: r.list(&cookies, "WhitelistedNames"),
        }
    });
    let associations =
        |r: &mut Reader, key: &'static str, arn: &'static str| -> Vec<FunctionAssociation> {
            r.objects(b, key)
                .iter()
                .map(|a| {
                    let (arn, value) = r.str_value(a, arn);
                    FunctionAssociation {
                        span: a.span,
                        path: a.path.clone(),
                        event_type: r.str(a, "EventType"),
                        arn,
                        function_ref: (key == "FunctionAssociations")
                            .then(|| first_ref(&value))
                            .flatten(),
                    }
                })
                .collect()
        };
    let grpc = r.obj(b, "GrpcConfig");
    if r.dialect == Dialect::Cli {
        // Checked for their quantities only.
        for key in ["TrustedSigners", "TrustedKeyGroups"] {
            r.list(b, key);
        }
    }
    Behavior {
        span: b.span,
        path: b.path.clone(),
        path_pattern: ordered.then(|| r.str(b, "PathPattern")),
        target_origin_id: r.id(b, "TargetOriginId"),
        viewer_protocol_policy: r.str(b, "ViewerProtocolPolicy"),
        allowed_methods: r.list(b, "AllowedMethods"),
        cached_methods,
        cache_policy_id: r.policy(b, "CachePolicyId"),
        origin_request_policy_id: r.policy(b, "OriginRequestPolicyId"),
        response_headers_policy_id: r.policy(b, "ResponseHeadersPolicyId"),
        forwarded_values,
        min_ttl: r.i64(b, "MinTTL"),
        default_ttl: r.i64(b, "DefaultTTL"),
        max_ttl: r.i64(b, "MaxTTL"),
        compress: r.bool(b, "Compress"),
        lambda_function_associations: associations(
            r,
            "LambdaFunctionAssociations",
            "LambdaFunctionARN",
        ),
        function_associations: associations(r, "FunctionAssociations", "FunctionARN"),
        grpc_enabled: r.bool(&grpc, "Enabled"),
    }
}

fn viewer_certificate(r: &mut Reader, cfg: &Obj) -> ViewerCertificate {
    let v = r.obj(cfg, "ViewerCertificate");
    ViewerCertificate {
        span: v.span,
        path: v.path.clone(),
        present: v.present(),
        cloudfront_default_certificate: r.bool(&v, "CloudFrontDefaultCertificate"),
        acm_certificate_arn: r.str(&v, r.key("ACMCertificateArn", "AcmCertificateArn")),
        iam_certificate_id: r.str(&v, r.key("IAMCertificateId", "IamCertificateId")),
        ssl_support_method: r.str(&v, r.key("SSLSupportMethod", "SslSupportMethod")),
        minimum_protocol_version: r.str(&v, "MinimumProtocolVersion"),
    }
}

/// CloudFormation's `Logging` has no `Enabled`: the block being there turns logging on.
fn logging(r: &mut Reader, cfg: &Obj) -> Logging {
    let l = r.obj(cfg, "Logging");
    let enabled = match r.dialect {
        Dialect::Cli => r.bool(&l, "Enabled"),
        Dialect::Cfn => match (&l.map, &l.unknown) {
            (Some(_), _) => Field::known(true, l.span, &l.path),
            (None, Some(why)) => Field::unknown(why.clone(), l.span, &l.path),
            (None, None) => Field {
                val: Val::Absent,
                span: l.span,
                path: l.path.clone(),
            },
        },
    };
    Logging {
        span: l.span,
        path: l.path.clone(),
        present: l.present(),
        enabled,
        bucket: r.str(&l, "Bucket"),
        prefix: r.str(&l, "Prefix"),
    }
}
