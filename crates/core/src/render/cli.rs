//! AWS CLI `create-distribution --distribution-config file://…` JSON.

use super::doc::{Doc, MapBuilder};
use super::plan::{ApiHost, BehaviorPlan, CacheChoice, Plan, SiteOrigin, Target};

/// Placeholders for ids of resources the CLI JSON cannot create itself.
pub(crate) const CACHE_POLICY_ID: &str = "REPLACE_WITH_CACHE_POLICY_ID";
pub(crate) const CORS_POLICY_ID: &str = "REPLACE_WITH_RESPONSE_HEADERS_POLICY_ID";
pub(crate) const SITE_OAC_ID: &str = "REPLACE_WITH_SITE_OAC_ID";
pub(crate) const LAMBDA_OAC_ID: &str = "REPLACE_WITH_LAMBDA_OAC_ID";
pub(crate) const SECRET_VALUE: &str = "REPLACE_WITH_SECRET_VALUE";

/// `{Quantity, Items}`.
fn items(list: Vec<Doc>) -> Doc {
    MapBuilder::new()
        .put("Quantity", list.len() as i64)
        .put("Items", Doc::List(list))
        .build()
}

/// `{Quantity, Items}` of strings.
fn str_items<S: AsRef<str>>(list: &[S]) -> Doc {
    items(list.iter().map(|s| Doc::Str(s.as_ref().into())).collect())
}

/// The `DistributionConfig` and the steps it needs first (notes).
pub(crate) fn distribution_config(plan: &Plan) -> (Doc, Vec<String>) {
    let mut notes = vec![format!(
        "CallerReference must be unique per distribution: change `{}` before creating another one",
        caller_reference(plan)
    )];
    let mut c = MapBuilder::new()
        .put("CallerReference", caller_reference(plan))
        .put("Comment", plan.comment.as_str())
        .put("Enabled", true);
    if let Some(v) = &plan.viewer {
        c.push("Aliases", str_items(&v.aliases));
    }
    if plan.site.is_some() {
        c.push("DefaultRootObject", "index.html");
    }
    let mut origins = vec![api_origin(plan, &mut notes)];
    if let Some(site) = &plan.site {
        notes.push(format!(
            "create an origin access control for S3 and put its id in place of {SITE_OAC_ID}; \
             the bucket policy of {} must allow s3:GetObject to cloudfront.amazonaws.com for this distribution",
            site.bucket_name
        ));
        origins.push(site_origin(site));
    }
    c.push("Origins", items(origins));
    c.push(
        "DefaultCacheBehavior",
        behavior(plan, &plan.default_behavior),
    );
    c.push(
        "CacheBehaviors",
        items(plan.behaviors.iter().map(|b| behavior(plan, b)).collect()),
    );
    c.push("CustomErrorResponses", custom_error_responses(plan));
    if let Some(b) = &plan.logging_bucket {
        c.push("Logging", logging(plan, b));
    }
    c.push("PriceClass", plan.price_class.as_str());
    c.push("ViewerCertificate", viewer_certificate(plan));
    if let Some(acl) = &plan.web_acl {
        c.push("WebACLId", acl);
    }
    c.push("HttpVersion", plan.http_version.as_str());
    c.push("IsIPV6Enabled", plan.ipv6);
    notes.extend(resources_to_create_first(plan));
    (c.build(), notes)
}

/// The S3 origin of the site bucket, through an origin access control made beforehand.
fn site_origin(site: &SiteOrigin) -> Doc {
    MapBuilder::new()
        .put("Id", Target::Site.origin_id())
        .put(
            "DomainName",
            format!("{}.s3.{}.amazonaws.com", site.bucket_name, site.region),
        )
        .put("OriginPath", "")
        .put(
            "S3OriginConfig",
            MapBuilder::new().put("OriginAccessIdentity", ""),
        )
        .put("OriginAccessControlId", SITE_OAC_ID)
        .build()
}

/// `CustomErrorResponses`: how long each error status is cached.
fn custom_error_responses(plan: &Plan) -> Doc {
    items(
        plan.error_ttls
            .iter()
            .map(|(code, ttl)| {
                MapBuilder::new()
                    .put("ErrorCode", *code)
                    .put("ErrorCachingMinTTL", *ttl)
                    .build()
            })
            .collect(),
    )
}

/// Standard access logs to `bucket`, under the distribution's name.
fn logging(plan: &Plan, bucket: &str) -> MapBuilder {
    MapBuilder::new()
        .put("Enabled", true)
        .put("IncludeCookies", false)
        .put("Bucket", format!("{bucket}.s3.amazonaws.com"))
        .put("Prefix", format!("{}/", plan.name))
}

/// The ACM certificate for the aliases, or CloudFront's default one.
fn viewer_certificate(plan: &Plan) -> MapBuilder {
    match &plan.viewer {
        Some(v) => MapBuilder::new()
            .put("ACMCertificateArn", v.certificate_arn.as_str())
            .put("SSLSupportMethod", "sni-only")
            .put(
                "MinimumProtocolVersion",
                v.minimum_protocol_version.as_str(),
            ),
        None => MapBuilder::new().put("CloudFrontDefaultCertificate", true),
    }
}

/// Notes for the policies, function and records the user creates apart from the distribution.
fn resources_to_create_first(plan: &Plan) -> Vec<String> {
    let mut notes = Vec::new();
    if plan.cache_policy.is_some() {
        notes.push(format!(
            "create the cache policy for the cached GET routes (aws cloudfront create-cache-policy) \
             and put its id in place of {CACHE_POLICY_ID}"
        ));
    }
    if plan.cors_policy.is_some() {
        notes.push(format!(
            "create the CORS response headers policy and put its id in place of {CORS_POLICY_ID}"
        ));
    }
    if let Some(f) = &plan.strip_function {
        notes.push(format!(
            "create and publish the CloudFront Function {} (aws cloudfront create-function / \
             publish-function) with this code, and use its ARN:\n{}",
            function_name(plan),
            f.code()
        ));
    }
    if plan
        .viewer
        .as_ref()
        .is_some_and(|v| v.hosted_zone_id.is_some())
    {
        notes.push(
            "create Route 53 alias records for the aliases (hosted zone Z2FDTNDATAQYW2 as alias target)"
                .into(),
        );
    }
    notes
}

fn caller_reference(plan: &Plan) -> String {
    format!("{}-apifront-1", plan.name)
}

fn function_name(plan: &Plan) -> String {
    format!("{}-strip-prefix", plan.name)
}

fn api_origin(plan: &Plan, notes: &mut Vec<String>) -> Doc {
    let api = &plan.api;
    let host = match &api.host {
        ApiHost::Literal(h) => h.clone(),
        // Refused before rendering (the CLI JSON has no references).
        _ => String::new(),
    };
    let mut o = MapBuilder::new()
        .put("Id", Target::Api.origin_id())
        .put("DomainName", host)
        .put("OriginPath", api.origin_path.as_str());
    if let Some(s) = &plan.secret {
        notes.push(format!(
            "put the secret value of {} in place of {SECRET_VALUE} (read it from {}); \
             never commit it",
            s.header,
            match s.source {
                crate::state::SecretSource::SecretsManager => s.secret_name.as_str(),
                crate::state::SecretSource::Parameter => "your secret store",
            }
        ));
        o.push(
            "CustomHeaders",
            items(vec![MapBuilder::new()
                .put("HeaderName", s.header.as_str())
                .put("HeaderValue", SECRET_VALUE)
                .build()]),
        );
    }
    let mut custom = MapBuilder::new()
        .put("HTTPPort", 80i64)
        .put("HTTPSPort", 443i64)
        .put("OriginProtocolPolicy", "https-only")
        .put("OriginSslProtocols", str_items(&["TLSv1.2"]))
        .put("OriginReadTimeout", api.read_timeout)
        .put("OriginKeepaliveTimeout", api.keepalive_timeout);
    if let Some(arn) = &api.client_certificate_arn {
        custom.push(
            "OriginMtlsConfig",
            MapBuilder::new().put("ClientCertificateArn", arn.as_str()),
        );
    }
    o.push("CustomOriginConfig", custom);
    if let Some(rct) = api.response_completion_timeout {
        o.push("ResponseCompletionTimeout", rct);
    }
    if plan.lambda_oac.is_some() {
        notes.push(format!(
            "create an origin access control (type lambda, signing always) and put its id in place \
             of {LAMBDA_OAC_ID}; grant cloudfront.amazonaws.com lambda:InvokeFunctionUrl and \
             lambda:InvokeFunction on the function for this distribution's ARN; clients must send \
             x-amz-content-sha256 on POST and PUT"
        ));
        o.push("OriginAccessControlId", LAMBDA_OAC_ID);
    }
    o.build()
}

fn behavior(plan: &Plan, b: &BehaviorPlan) -> Doc {
    let mut m = MapBuilder::new();
    if let Some(p) = &b.pattern {
        m.push("PathPattern", p.as_str());
    }
    m.push("TargetOriginId", b.target.origin_id());
    m.push("ViewerProtocolPolicy", b.viewer_protocol);
    let mut allowed = str_items(b.allowed_methods());
    if let Doc::Map(entries) = &mut allowed {
        entries.push(super::doc::Entry {
            key: "CachedMethods".into(),
            value: str_items(b.cached_methods()),
            comment: None,
            gap: false,
        });
    }
    m.push("AllowedMethods", allowed);
    m.push("Compress", b.compress);
    m.push(
        "CachePolicyId",
        match b.cache {
            CacheChoice::Managed(p) => p.id,
            CacheChoice::Custom => CACHE_POLICY_ID,
        },
    );
    if let Some(orp) = b.origin_request {
        m.push("OriginRequestPolicyId", orp.id);
    }
    if b.cors && plan.cors_policy.is_some() {
        m.push("ResponseHeadersPolicyId", CORS_POLICY_ID);
    }
    let functions = if b.strip && plan.strip_function.is_some() {
        vec![MapBuilder::new()
            .put(
                "FunctionARN",
                format!(
                    "arn:aws:cloudfront::REPLACE_WITH_ACCOUNT_ID:function/{}",
                    function_name(plan)
                ),
            )
            .put("EventType", "viewer-request")
            .build()]
    } else {
        Vec::new()
    };
    m.push("FunctionAssociations", items(functions));
    m.build()
}
