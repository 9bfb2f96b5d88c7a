//! The `cloudfront.Distribution` construct and its behaviors.

use super::{path, props, s, strs, var, Js, Lang};
use crate::render::plan::{
    BehaviorPlan, CacheChoice, Plan, Target, ViewerPlan, WHY_ERROR_TTL, WHY_HTTPS_ONLY, WHY_MTLS,
    WHY_NO_CACHE, WHY_ORP,
};
use crate::render::writer::Writer;

fn behavior(plan: &Plan, b: &BehaviorPlan) -> Js {
    let mut p: Vec<(&'static str, Js)> = vec![(
        "origin",
        var(match b.target {
            Target::Api => "apiOrigin",
            Target::Site => "siteOrigin",
        }),
    )];
    p.push((
        "viewerProtocolPolicy",
        path(match b.viewer_protocol {
            "https-only" => "cloudfront.ViewerProtocolPolicy.HTTPS_ONLY",
            _ => "cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS",
        }),
    ));
    p.push((
        "allowedMethods",
        path(if b.all_methods {
            "cloudfront.AllowedMethods.ALLOW_ALL"
        } else {
            "cloudfront.AllowedMethods.ALLOW_GET_HEAD"
        }),
    ));
    p.push((
        "cachedMethods",
        path("cloudfront.CachedMethods.CACHE_GET_HEAD"),
    ));
    p.push(("compress", Js::Bool(b.compress)));
    p.push((
        "cachePolicy",
        match b.cache {
            CacheChoice::Managed(m) => match m.cdk_name {
                Some(n) => Js::Path(format!("cloudfront.CachePolicy.{n}")),
                None => Js::Call(
                    "cloudfront.CachePolicy.fromCachePolicyId".into(),
                    vec![path("this"), s(m.name), s(m.id)],
                ),
            },
            CacheChoice::Custom => var("cachedGetPolicy"),
        },
    ));
    if let Some(orp) = b.origin_request {
        p.push((
            "originRequestPolicy",
            match orp.cdk_name {
                Some(n) => Js::Path(format!("cloudfront.OriginRequestPolicy.{n}")),
                None => Js::Call(
                    "cloudfront.OriginRequestPolicy.fromOriginRequestPolicyId".into(),
                    vec![path("this"), s(orp.name), s(orp.id)],
                ),
            },
        ));
    }
    if b.cors && plan.cors_policy.is_some() {
        p.push(("responseHeadersPolicy", var("corsPolicy")));
    }
    if b.strip && plan.strip_function.is_some() {
        p.push((
            "functionAssociations",
            Js::List(vec![Js::Props(
                Some("cloudfront.FunctionAssociation"),
                vec![
                    ("function", var("stripPrefix")),
                    (
                        "eventType",
                        path("cloudfront.FunctionEventType.VIEWER_REQUEST"),
                    ),
                ],
            )]),
        ));
    }
    Js::Props(Some("cloudfront.BehaviorOptions"), p)
}

/// `distribution`: the CloudFront distribution with its behaviors, and the mutual TLS override.
pub(super) fn distribution(plan: &Plan, lang: Lang, w: &mut Writer) {
    let mut p: Vec<(&'static str, Js)> = vec![("comment", s(&plan.comment))];
    if let Some(v) = &plan.viewer {
        p.extend(certificate_props(v));
    }
    p.push(("httpVersion", http_version(&plan.http_version)));
    p.push(("enableIpv6", Js::Bool(plan.ipv6)));
    p.push(("priceClass", price_class(&plan.price_class)));
    if plan.site.is_some() {
        p.push(("defaultRootObject", s("index.html")));
    }
    if let Some(acl) = &plan.web_acl {
        p.push(("webAclId", s(acl)));
    }
    if let Some(b) = &plan.logging_bucket {
        p.extend(logging_props(plan, b));
    }
    p.push(("defaultBehavior", behavior(plan, &plan.default_behavior)));
    if !plan.behaviors.is_empty() {
        p.push((
            "additionalBehaviors",
            Js::Dict(
                plan.behaviors
                    .iter()
                    .map(|b| (b.pattern.clone().unwrap_or_default(), behavior(plan, b)))
                    .collect(),
            ),
        ));
    }
    if !plan.error_ttls.is_empty() {
        p.push(("errorResponses", error_responses(&plan.error_ttls)));
    }
    w.blank();
    lang.comment(w, WHY_HTTPS_ONLY);
    if plan.default_behavior.target == Target::Api || !plan.behaviors.is_empty() {
        lang.comment(w, WHY_NO_CACHE);
        lang.comment(w, WHY_ORP);
    }
    if !plan.error_ttls.is_empty() {
        lang.comment(w, WHY_ERROR_TTL);
    }
    lang.assign(
        w,
        "distribution",
        &Js::New(
            "cloudfront.Distribution".into(),
            vec![path("this"), s("Distribution"), props(p)],
        ),
    );
    if let Some(arn) = &plan.api.client_certificate_arn {
        origin_mtls_override(plan, arn, lang, w);
    }
}

/// The aliases, their ACM certificate and the minimum TLS version for viewers.
fn certificate_props(v: &ViewerPlan) -> [(&'static str, Js); 3] {
    [
        ("domainNames", strs(&v.aliases)),
        (
            "certificate",
            Js::Call(
                "acm.Certificate.fromCertificateArn".into(),
                vec![path("this"), s("Certificate"), s(&v.certificate_arn)],
            ),
        ),
        (
            "minimumProtocolVersion",
            Js::Path(format!(
                "cloudfront.SecurityPolicyProtocol.{}",
                match v.minimum_protocol_version.as_str() {
                    "TLSv1.2_2025" => "TLS_V1_2_2025",
                    "TLSv1.3_2025" => "TLS_V1_3_2025",
                    _ => "TLS_V1_2_2021",
                }
            )),
        ),
    ]
}

/// The `cloudfront.HttpVersion` member for the form's HTTP version.
fn http_version(version: &str) -> Js {
    Js::Path(format!(
        "cloudfront.HttpVersion.{}",
        match version {
            "http1.1" => "HTTP1_1",
            "http2" => "HTTP2",
            "http3" => "HTTP3",
            _ => "HTTP2_AND_3",
        }
    ))
}

/// The `cloudfront.PriceClass` member for the form's price class.
fn price_class(class: &str) -> Js {
    Js::Path(format!(
        "cloudfront.PriceClass.{}",
        match class {
            "PriceClass_100" => "PRICE_CLASS_100",
            "PriceClass_200" => "PRICE_CLASS_200",
            _ => "PRICE_CLASS_ALL",
        }
    ))
}

/// Access logs to an existing bucket, under the distribution's name.
fn logging_props(plan: &Plan, bucket: &str) -> [(&'static str, Js); 3] {
    [
        ("enableLogging", Js::Bool(true)),
        (
            "logBucket",
            Js::Call(
                "s3.Bucket.fromBucketName".into(),
                vec![path("this"), s("LogBucket"), s(bucket)],
            ),
        ),
        ("logFilePrefix", s(&format!("{}/", plan.name))),
    ]
}

/// `errorResponses`: how long each error status is cached.
fn error_responses(ttls: &[(u16, u32)]) -> Js {
    Js::List(
        ttls.iter()
            .map(|(code, ttl)| {
                Js::Props(
                    Some("cloudfront.ErrorResponse"),
                    vec![
                        ("httpStatus", Js::Num(i64::from(*code))),
                        ("ttl", Js::Seconds(*ttl)),
                    ],
                )
            })
            .collect(),
    )
}

/// Sets the API origin's mutual TLS certificate on the generated `AWS::CloudFront::Distribution`.
fn origin_mtls_override(plan: &Plan, arn: &str, lang: Lang, w: &mut Writer) {
    // The L2 origins have no mutual TLS setting: set it on the generated
    // AWS::CloudFront::Distribution. Origins are numbered in the order the behaviors use
    // them, the default behavior's first.
    let index = usize::from(plan.default_behavior.target != Target::Api);
    let key = format!(
        "DistributionConfig.Origins.{index}.CustomOriginConfig.OriginMtlsConfig.ClientCertificateArn"
    );
    w.blank();
    lang.comment(w, WHY_MTLS);
    match lang {
        Lang::TypeScript => {
            w.line("const cfnDistribution = distribution.node.defaultChild as cloudfront.CfnDistribution;");
            w.line(format!(
                "cfnDistribution.addPropertyOverride({}, {});",
                lang.string(&key),
                lang.string(arn)
            ));
        }
        Lang::Python => {
            w.line("cfn_distribution = distribution.node.default_child");
            w.line(format!(
                "cfn_distribution.add_property_override({}, {})",
                lang.string(&key),
                lang.string(arn)
            ));
        }
    }
}
