//! The stack's constructs: the origins, policies, function, site bucket, permissions, records
//! and outputs around the distribution.

use super::distribution::distribution;
use super::{path, props, s, strs, var, Js, Lang};
use crate::render::cfn::CLOUDFRONT_ZONE_ID;
use crate::render::plan::{
    ApiHost, CachePolicyPlan, CorsPlan, Plan, SecretPlan, SiteOrigin, StripFunction, Target,
    SECRET_PARAMETER, WHY_PAYLOAD_HASH, WHY_STREAMING, WHY_STRIP,
};
use crate::render::writer::Writer;
use crate::state::{ApiKind, SecretSource};

/// The stack's constructs: origins, policies, the distribution, records and outputs.
pub(super) fn body(plan: &Plan, lang: Lang, w: &mut Writer) {
    if let Some(secret) = &plan.secret {
        origin_secret(secret, lang, w);
    }
    let mut origin_props = api_origin_props(plan);
    let literal_oac = plan.lambda_oac.is_some() && matches!(plan.api.host, ApiHost::Literal(_));
    if literal_oac {
        lambda_oac(lang, w);
        origin_props.push((
            "originAccessControlId",
            path("lambdaOac.originAccessControlId"),
        ));
    }
    api_origin(plan, origin_props, lang, w);

    if let Some(cp) = &plan.cache_policy {
        cache_policy(cp, lang, w);
    }
    if let Some(c) = &plan.cors_policy {
        cors_policy(c, lang, w);
    }
    if let Some(f) = &plan.strip_function {
        strip_function(f, lang, w);
    }
    if let Some(site) = &plan.site {
        site_origin(site, lang, w);
    }
    distribution(plan, lang, w);
    if literal_oac {
        if let Some(function) = plan.lambda_oac.as_ref().and_then(|o| o.function.as_ref()) {
            lambda_permissions(function, lang, w);
        }
    }
    alias_records(plan, lang, w);
    outputs(lang, w);
}

/// `originSecret`: the secret header's value, from Secrets Manager or a NoEcho parameter.
fn origin_secret(secret: &SecretPlan, lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(
        w,
        &format!(
            "The API refuses requests without {}: callers cannot bypass CloudFront.",
            secret.header
        ),
    );
    let value = match secret.source {
        SecretSource::SecretsManager => {
            let mut opts = Vec::new();
            if let Some(k) = &secret.json_key {
                opts.push(("jsonField", s(k)));
            }
            let mut args = vec![s(&secret.secret_name)];
            if !opts.is_empty() {
                args.push(props(opts));
            }
            Js::Method(
                Box::new(Js::Call("cdk.SecretValue.secretsManager".into(), args)),
                "unsafeUnwrap",
                vec![],
            )
        }
        SecretSource::Parameter => Js::Member(
            Box::new(Js::New(
                "cdk.CfnParameter".into(),
                vec![
                    path("this"),
                    s(SECRET_PARAMETER),
                    props(vec![
                        ("type", s("String")),
                        ("noEcho", Js::Bool(true)),
                        ("minLength", Js::Num(16)),
                    ]),
                ],
            )),
            "valueAsString",
        ),
    };
    lang.assign(w, "originSecret", &value);
}

/// The API origin's props: path, protocol (unless the L2 origin sets them), timeouts, secret.
fn api_origin_props(plan: &Plan) -> Vec<(&'static str, Js)> {
    let api = &plan.api;
    let mut origin_props: Vec<(&'static str, Js)> = vec![("originId", s(Target::Api.origin_id()))];
    let custom_http = !matches!(
        (&api.host, api.kind),
        (
            ApiHost::StackApi(_),
            ApiKind::RestRegional | ApiKind::RestEdge | ApiKind::RestPrivate
        ) | (ApiHost::StackLambdaUrl(_), _)
    );
    if custom_http {
        if !api.origin_path.is_empty() {
            origin_props.push(("originPath", s(&api.origin_path)));
        }
        origin_props.push((
            "protocolPolicy",
            path("cloudfront.OriginProtocolPolicy.HTTPS_ONLY"),
        ));
        origin_props.push((
            "originSslProtocols",
            Js::List(vec![path("cloudfront.OriginSslPolicy.TLS_V1_2")]),
        ));
    }
    origin_props.push(("readTimeout", Js::Seconds(api.read_timeout)));
    origin_props.push(("keepaliveTimeout", Js::Seconds(api.keepalive_timeout)));
    if let Some(rct) = api.response_completion_timeout {
        origin_props.push(("responseCompletionTimeout", Js::Seconds(rct)));
    }
    if let Some(secret) = &plan.secret {
        origin_props.push((
            "customHeaders",
            Js::Dict(vec![(secret.header.clone(), var("originSecret"))]),
        ));
    }
    origin_props
}

/// `lambdaOac`: the origin access control of a function URL given by name.
fn lambda_oac(lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(
        w,
        "Origin access control for the function URL: CloudFront signs every request. \
         The function URL must use AuthType AWS_IAM.",
    );
    lang.assign(
        w,
        "lambdaOac",
        &Js::New(
            "cloudfront.FunctionUrlOriginAccessControl".into(),
            vec![
                path("this"),
                s("LambdaOac"),
                props(vec![("signing", path("cloudfront.Signing.SIGV4_ALWAYS"))]),
            ],
        ),
    );
}

/// `apiOrigin`: the L2 origin class that fits how the API is given (host name or construct).
fn api_origin(plan: &Plan, origin_props: Vec<(&'static str, Js)>, lang: Lang, w: &mut Writer) {
    let api = &plan.api;
    let origin = match &api.host {
        ApiHost::Literal(host) => Js::New(
            "origins.HttpOrigin".into(),
            vec![s(host), props(origin_props)],
        ),
        ApiHost::StackApi(_) if api.kind == ApiKind::HttpApi => Js::New(
            "origins.HttpOrigin".into(),
            vec![
                Js::Call(
                    "cdk.Fn.select".into(),
                    vec![
                        Js::Num(2),
                        Js::Call(
                            "cdk.Fn.split".into(),
                            vec![s("/"), Js::Member(Box::new(Js::Prop("api")), "apiEndpoint")],
                        ),
                    ],
                ),
                props(origin_props),
            ],
        ),
        ApiHost::StackApi(_) => Js::New(
            "origins.RestApiOrigin".into(),
            vec![Js::Prop("api"), props(origin_props)],
        ),
        ApiHost::StackLambdaUrl(_) if plan.lambda_oac.is_some() => Js::Call(
            "origins.FunctionUrlOrigin.withOriginAccessControl".into(),
            vec![Js::Prop("functionUrl"), props(origin_props)],
        ),
        ApiHost::StackLambdaUrl(_) => Js::New(
            "origins.FunctionUrlOrigin".into(),
            vec![Js::Prop("functionUrl"), props(origin_props)],
        ),
        ApiHost::StackDomain(_) => Js::New(
            "origins.HttpOrigin".into(),
            vec![Js::Prop("apiDomainName"), props(origin_props)],
        ),
    };
    w.blank();
    if plan.lambda_oac.is_some() {
        lang.comment(w, WHY_PAYLOAD_HASH);
    }
    if api.streaming {
        lang.comment(w, WHY_STREAMING);
    }
    lang.assign(w, "apiOrigin", &origin);
}

/// The permissions that let this distribution invoke the function URL.
fn lambda_permissions(function: &str, lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(
        w,
        "Lets this distribution (and only it) invoke the function URL; function URLs \
         created since October 2025 also need lambda:InvokeFunction.",
    );
    for (id, action, url) in [
        (
            "LambdaUrlInvokePermission",
            "lambda:InvokeFunctionUrl",
            true,
        ),
        ("LambdaInvokePermission", "lambda:InvokeFunction", false),
    ] {
        let mut p = vec![
            ("action", s(action)),
            ("functionName", s(function)),
            ("principal", s("cloudfront.amazonaws.com")),
            ("sourceArn", path("distribution.distributionArn")),
        ];
        if url {
            p.push(("functionUrlAuthType", s("AWS_IAM")));
        }
        lang.statement(
            w,
            &Js::New(
                "lambda.CfnPermission".into(),
                vec![path("this"), s(id), props(p)],
            ),
        );
    }
}

/// Route 53 alias records (A, and AAAA with IPv6) for each alias, when a hosted zone is given.
fn alias_records(plan: &Plan, lang: Lang, w: &mut Writer) {
    let Some((v, zone)) = plan
        .viewer
        .as_ref()
        .and_then(|v| Some((v, v.hosted_zone_id.as_ref()?)))
    else {
        return;
    };
    w.blank();
    let mut types = vec!["A"];
    if plan.ipv6 {
        types.push("AAAA");
    }
    for (i, alias) in v.aliases.iter().enumerate() {
        for t in &types {
            lang.statement(
                w,
                &Js::New(
                    "route53.CfnRecordSet".into(),
                    vec![
                        path("this"),
                        s(&format!("AliasRecord{}{t}", i + 1)),
                        props(vec![
                            ("hostedZoneId", s(zone)),
                            ("name", s(alias)),
                            ("type", s(t)),
                            (
                                "aliasTarget",
                                Js::Props(
                                    Some("route53.CfnRecordSet.AliasTargetProperty"),
                                    vec![
                                        ("dnsName", path("distribution.distributionDomainName")),
                                        ("hostedZoneId", s(CLOUDFRONT_ZONE_ID)),
                                    ],
                                ),
                            ),
                        ]),
                    ],
                ),
            );
        }
    }
}

/// The distribution's id and domain name as stack outputs.
fn outputs(lang: Lang, w: &mut Writer) {
    w.blank();
    for (id, value) in [
        ("DistributionId", "distribution.distributionId"),
        (
            "DistributionDomainName",
            "distribution.distributionDomainName",
        ),
    ] {
        lang.statement(
            w,
            &Js::New(
                "cdk.CfnOutput".into(),
                vec![path("this"), s(id), props(vec![("value", path(value))])],
            ),
        );
    }
}

/// The cache policy of the cached GET routes.
fn cache_policy(cp: &CachePolicyPlan, lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(
        w,
        "Cache policy for the cached GET routes: the key holds what makes responses differ \
         (auth, CORS origin, query strings).",
    );
    let headers = if cp.headers.is_empty() {
        Js::Call("cloudfront.CacheHeaderBehavior.none".into(), vec![])
    } else {
        Js::Call(
            "cloudfront.CacheHeaderBehavior.allowList".into(),
            cp.headers.iter().map(|h| s(h)).collect(),
        )
    };
    lang.assign(
        w,
        "cachedGetPolicy",
        &Js::New(
            "cloudfront.CachePolicy".into(),
            vec![
                path("this"),
                s("CachedGetPolicy"),
                props(vec![
                    ("comment", s("Cached API GET routes")),
                    ("minTtl", Js::Seconds(0)),
                    ("defaultTtl", Js::Seconds(cp.default_ttl)),
                    ("maxTtl", Js::Seconds(cp.max_ttl)),
                    ("headerBehavior", headers),
                    (
                        "cookieBehavior",
                        Js::Call("cloudfront.CacheCookieBehavior.none".into(), vec![]),
                    ),
                    (
                        "queryStringBehavior",
                        Js::Call(
                            if cp.query_strings {
                                "cloudfront.CacheQueryStringBehavior.all"
                            } else {
                                "cloudfront.CacheQueryStringBehavior.none"
                            }
                            .into(),
                            vec![],
                        ),
                    ),
                    ("enableAcceptEncodingGzip", Js::Bool(true)),
                    ("enableAcceptEncodingBrotli", Js::Bool(true)),
                ]),
            ],
        ),
    );
}

/// The response headers policy that answers CORS.
fn cors_policy(c: &CorsPlan, lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(
        w,
        "CORS answered by CloudFront; preflight OPTIONS requests still reach the API.",
    );
    lang.assign(
        w,
        "corsPolicy",
        &Js::New(
            "cloudfront.ResponseHeadersPolicy".into(),
            vec![
                path("this"),
                s("CorsPolicy"),
                props(vec![(
                    "corsBehavior",
                    Js::Props(
                        Some("cloudfront.ResponseHeadersCorsBehavior"),
                        vec![
                            (
                                "accessControlAllowCredentials",
                                Js::Bool(c.allow_credentials),
                            ),
                            ("accessControlAllowHeaders", strs(&c.allow_headers)),
                            ("accessControlAllowMethods", strs(&c.allow_methods)),
                            ("accessControlAllowOrigins", strs(&c.allow_origins)),
                            ("accessControlMaxAge", Js::Seconds(c.max_age)),
                            ("originOverride", Js::Bool(true)),
                        ],
                    ),
                )]),
            ],
        ),
    );
}

/// The CloudFront Function that strips the API path prefix.
fn strip_function(f: &StripFunction, lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(w, WHY_STRIP);
    lang.assign(
        w,
        "stripPrefix",
        &Js::New(
            "cloudfront.Function".into(),
            vec![
                path("this"),
                s("StripPrefix"),
                props(vec![
                    ("runtime", path("cloudfront.FunctionRuntime.JS_2_0")),
                    ("comment", s("Strip the API path prefix")),
                    (
                        "code",
                        Js::Call(
                            "cloudfront.FunctionCode.fromInline".into(),
                            vec![Js::Code(f.code())],
                        ),
                    ),
                ]),
            ],
        ),
    );
}

/// The private site bucket and its origin (origin access control).
fn site_origin(site: &SiteOrigin, lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(
        w,
        "Private bucket for the static site; only CloudFront reads it (origin access control).",
    );
    lang.assign(
        w,
        "siteBucket",
        &Js::New(
            "s3.Bucket".into(),
            vec![
                path("this"),
                s("SiteBucket"),
                props(vec![
                    ("bucketName", s(&site.bucket_name)),
                    ("blockPublicAccess", path("s3.BlockPublicAccess.BLOCK_ALL")),
                    ("enforceSSL", Js::Bool(true)),
                ]),
            ],
        ),
    );
    lang.assign(
        w,
        "siteOrigin",
        &Js::Call(
            "origins.S3BucketOrigin.withOriginAccessControl".into(),
            vec![
                var("siteBucket"),
                props(vec![("originId", s(Target::Site.origin_id()))]),
            ],
        ),
    );
}
