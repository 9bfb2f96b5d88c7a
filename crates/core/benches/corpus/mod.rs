//! Benchmark inputs: a realistic typical template (a fixture) and generated large ones.
//!
//! The generated templates are CloudFormation JSON the way `cdk synth` or a hand-written stack
//! looks: one REST API per origin (stage, deployment, resources, methods), custom cache, origin
//! request and response headers policies, and a distribution routing path prefixes to them.

use serde_json::{json, Map, Value};

/// The typical template: a `cdk synth` output of about 5 KB.
pub const TYPICAL: &str = include_str!("../../tests/fixtures/cfn/cdk-synth.json");

/// A template with one distribution of `origins` origins and `behaviors` cache behaviors plus
/// the API Gateway resources and policies they use. Logical ids are prefixed with `prefix` so
/// several can share one template.
pub fn add_stack(
    resources: &mut Map<String, Value>,
    prefix: &str,
    origins: usize,
    behaviors: usize,
) {
    const POLICIES: usize = 8;
    for p in 0..POLICIES {
        resources.insert(
            format!("{prefix}CachePolicy{p}"),
            json!({
                "Type": "AWS::CloudFront::CachePolicy",
                "Properties": { "CachePolicyConfig": {
                    "Name": format!("{prefix}-api-cache-{p}"),
                    "Comment": "Short-lived cache for idempotent API reads; the key carries auth.",
                    "MinTTL": 0, "DefaultTTL": p, "MaxTTL": 60 + p,
                    "ParametersInCacheKeyAndForwardedToOrigin": {
                        "EnableAcceptEncodingGzip": true,
                        "EnableAcceptEncodingBrotli": true,
                        "HeadersConfig": { "HeaderBehavior": "whitelist",
                            "Headers": ["Authorization", "Accept", "Accept-Language"] },
                        "CookiesConfig": { "CookieBehavior": "none" },
                        "QueryStringsConfig": { "QueryStringBehavior": "all" }
                    }
                }}
            }),
        );
        resources.insert(
            format!("{prefix}OriginRequestPolicy{p}"),
            json!({
                "Type": "AWS::CloudFront::OriginRequestPolicy",
                "Properties": { "OriginRequestPolicyConfig": {
                    "Name": format!("{prefix}-api-origin-{p}"),
                    "HeadersConfig": { "HeaderBehavior": "allViewerAndWhitelistCloudFront",
                        "Headers": ["CloudFront-Viewer-Country", "CloudFront-Is-Mobile-Viewer"] },
                    "CookiesConfig": { "CookieBehavior": "all" },
                    "QueryStringsConfig": { "QueryStringBehavior": "all" }
                }}
            }),
        );
        resources.insert(
            format!("{prefix}HeadersPolicy{p}"),
            json!({
                "Type": "AWS::CloudFront::ResponseHeadersPolicy",
                "Properties": { "ResponseHeadersPolicyConfig": {
                    "Name": format!("{prefix}-api-headers-{p}"),
                    "SecurityHeadersConfig": {
                        "StrictTransportSecurity": { "AccessControlMaxAgeSec": 63072000,
                            "IncludeSubdomains": true, "Preload": true, "Override": true },
                        "ContentTypeOptions": { "Override": true },
                        "FrameOptions": { "FrameOption": "DENY", "Override": true },
                        "ReferrerPolicy": { "ReferrerPolicy": "no-referrer", "Override": true }
                    },
                    "CorsConfig": {
                        "AccessControlAllowCredentials": false,
                        "AccessControlAllowHeaders": { "Items": ["Authorization", "Content-Type"] },
                        "AccessControlAllowMethods": { "Items": ["GET", "POST", "OPTIONS"] },
                        "AccessControlAllowOrigins": { "Items": [format!("https://app{p}.example.com")] },
                        "AccessControlMaxAgeSec": 600,
                        "OriginOverride": true
                    }
                }}
            }),
        );
    }

    let mut origin_items = Vec::new();
    for o in 0..origins {
        let api = format!("{prefix}Api{o}");
        resources.insert(
            api.clone(),
            json!({ "Type": "AWS::ApiGateway::RestApi", "Properties": {
                "Name": format!("{prefix}-service-{o}"),
                "Description": "Internal service API exposed through the shared edge distribution.",
                "EndpointConfiguration": { "Types": ["REGIONAL"] } } }),
        );
        resources.insert(
            format!("{api}Deployment"),
            json!({ "Type": "AWS::ApiGateway::Deployment",
                "DependsOn": [format!("{api}ItemsGET"), format!("{api}ItemsPOST")],
                "Properties": { "RestApiId": { "Ref": api } } }),
        );
        resources.insert(
            format!("{api}Stage"),
            json!({ "Type": "AWS::ApiGateway::Stage", "Properties": {
                "RestApiId": { "Ref": api }, "StageName": "live",
                "DeploymentId": { "Ref": format!("{api}Deployment") },
                "MethodSettings": [{ "ResourcePath": "/*", "HttpMethod": "*",
                    "ThrottlingBurstLimit": 200, "ThrottlingRateLimit": 100, "MetricsEnabled": true }] } }),
        );
        for resource in ["Items", "Orders", "Users"] {
            resources.insert(
                format!("{api}{resource}"),
                json!({ "Type": "AWS::ApiGateway::Resource", "Properties": {
                    "RestApiId": { "Ref": api },
                    "ParentId": { "Fn::GetAtt": [api, "RootResourceId"] },
                    "PathPart": resource.to_lowercase() } }),
            );
            for method in ["GET", "POST", "PUT", "DELETE"] {
                resources.insert(
                    format!("{api}{resource}{method}"),
                    json!({ "Type": "AWS::ApiGateway::Method", "Properties": {
                        "RestApiId": { "Ref": api },
                        "ResourceId": { "Ref": format!("{api}{resource}") },
                        "HttpMethod": method,
                        "AuthorizationType": if o % 5 == 4 { "AWS_IAM" } else { "NONE" },
                        "Integration": { "Type": "AWS_PROXY", "IntegrationHttpMethod": "POST",
                            "Uri": { "Fn::Sub": format!("arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/${{{prefix}Handler{o}.Arn}}/invocations") } } } }),
                );
            }
        }
        origin_items.push(json!({
            "Id": format!("{prefix}-origin-{o}"),
            "DomainName": { "Fn::Sub": format!("${{{api}}}.execute-api.${{AWS::Region}}.amazonaws.com") },
            "OriginPath": "/live",
            "ConnectionAttempts": 3,
            "ConnectionTimeout": 10,
            "CustomOriginConfig": {
                "OriginProtocolPolicy": "https-only",
                "OriginSSLProtocols": ["TLSv1.2"],
                "OriginReadTimeout": 30,
                "OriginKeepaliveTimeout": 5
            },
            "OriginCustomHeaders": [
                { "HeaderName": "X-Origin-Verify", "HeaderValue": { "Ref": "OriginSecret" } }
            ],
            "OriginShield": { "Enabled": o % 3 == 0, "OriginShieldRegion": "eu-central-1" }
        }));
    }

    let behavior = |b: usize| {
        let p = b % POLICIES;
        json!({
            "PathPattern": format!("/svc{}/v{}/*", b % origins.max(1), b / origins.max(1) + 1),
            "TargetOriginId": format!("{prefix}-origin-{}", b % origins.max(1)),
            "ViewerProtocolPolicy": if b % 7 == 3 { "allow-all" } else { "https-only" },
            "AllowedMethods": ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
            "CachedMethods": ["GET", "HEAD"],
            "Compress": true,
            "CachePolicyId": { "Ref": format!("{prefix}CachePolicy{p}") },
            "OriginRequestPolicyId": if matches!(b % 4, 0) {
                json!("b689b0a8-53d0-40ab-baf2-68738e2966ac")
            } else {
                json!({ "Ref": format!("{prefix}OriginRequestPolicy{p}") })
            },
            "ResponseHeadersPolicyId": { "Ref": format!("{prefix}HeadersPolicy{p}") },
            "FunctionAssociations": [{ "EventType": "viewer-request",
                "FunctionARN": { "Fn::GetAtt": ["StripPrefixFunction", "FunctionARN"] } }]
        })
    };
    resources.insert(
        format!("{prefix}Edge"),
        json!({
            "Type": "AWS::CloudFront::Distribution",
            "Properties": { "DistributionConfig": {
                "Enabled": true,
                "Comment": format!("{prefix} edge: {origins} APIs behind one hostname"),
                "Aliases": [format!("{}api.example.com", prefix.to_lowercase())],
                "HttpVersion": "http2and3",
                "IPV6Enabled": true,
                "PriceClass": "PriceClass_100",
                "WebACLId": { "Fn::GetAtt": ["EdgeAcl", "Arn"] },
                "Origins": origin_items,
                "DefaultCacheBehavior": {
                    "TargetOriginId": format!("{prefix}-origin-0"),
                    "ViewerProtocolPolicy": "redirect-to-https",
                    "AllowedMethods": ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
                    "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                    "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"
                },
                "CacheBehaviors": (0..behaviors).map(behavior).collect::<Vec<_>>(),
                "CustomErrorResponses": [
                    { "ErrorCode": 502, "ErrorCachingMinTTL": 0 },
                    { "ErrorCode": 503, "ErrorCachingMinTTL": 0 },
                    { "ErrorCode": 504, "ErrorCachingMinTTL": 5 }
                ],
                "Logging": { "Bucket": "edge-logs.s3.amazonaws.com", "Prefix": format!("{prefix}/"), "IncludeCookies": false },
                "ViewerCertificate": {
                    "AcmCertificateArn": { "Ref": "CertificateArn" },
                    "SslSupportMethod": "sni-only",
                    "MinimumProtocolVersion": "TLSv1.2_2021"
                }
            }}
        }),
    );
}

/// Wraps resources into a template with parameters and outputs, pretty-printed like `cdk synth`.
fn template(resources: Map<String, Value>) -> String {
    let doc = json!({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "Shared API edge generated for benchmarks",
        "Parameters": {
            "OriginSecret": { "Type": "String", "NoEcho": true },
            "CertificateArn": { "Type": "String" }
        },
        "Resources": resources,
        "Outputs": { "EdgeDomain": { "Value": { "Fn::GetAtt": ["Edge", "DomainName"] } } }
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// The large realistic template: one distribution with 25 origins and 75 behaviors (~300 KB).
pub fn large() -> String {
    let mut resources = Map::new();
    add_stack(&mut resources, "", 25, 75);
    template(resources)
}

/// The synthetic template: stacks of the large kind until the text reaches `bytes`.
pub fn synthetic(bytes: usize) -> String {
    let mut resources = Map::new();
    let mut n = 0;
    loop {
        add_stack(&mut resources, &format!("S{n}"), 25, 75);
        n += 1;
        let text = template(resources.clone());
        if text.len() >= bytes {
            return text;
        }
    }
}

/// A Terraform module of `origins` REST APIs behind one distribution with `behaviors` ordered
/// behaviors, written the way modules are: variables with defaults, locals, hosts taken from
/// stage invoke URLs with `split`, ids built from locals. Returned as files
/// (`variables.tf`, `api.tf`, `cache.tf`, `cdn.tf`); [`terraform_text`] joins them.
pub fn terraform(origins: usize, behaviors: usize) -> Vec<(String, String)> {
    let variables = "variable \"project\" {\n  type    = string\n  default = \"shop\"\n}\n\n\
        variable \"stage_name\" {\n  type    = string\n  default = \"prod\"\n}\n\n\
        locals {\n  name = \"${var.project}-edge\"\n}\n"
        .to_string();
    let mut api = String::new();
    let mut cdn = String::from(
        "resource \"aws_cloudfront_distribution\" \"edge\" {\n  enabled = true\n  comment = \"${local.name}\"\n",
    );
    for i in 0..origins {
        api.push_str(&format!(
            "resource \"aws_api_gateway_rest_api\" \"api{i}\" {{\n  name = \"${{local.name}}-{i}\"\n\n  endpoint_configuration {{\n    types = [\"REGIONAL\"]\n  }}\n}}\n\n\
             resource \"aws_api_gateway_stage\" \"api{i}\" {{\n  rest_api_id   = aws_api_gateway_rest_api.api{i}.id\n  deployment_id = aws_api_gateway_deployment.api{i}.id\n  stage_name    = var.stage_name\n}}\n\n"
        ));
        cdn.push_str(&format!(
            "\n  origin {{\n    origin_id   = \"${{local.name}}-api-{i}\"\n    domain_name = split(\"/\", aws_api_gateway_stage.api{i}.invoke_url)[2]\n    origin_path = \"/${{var.stage_name}}\"\n\n    custom_origin_config {{\n      http_port              = 80\n      https_port             = 443\n      origin_protocol_policy = \"https-only\"\n      origin_ssl_protocols   = [\"TLSv1.2\"]\n    }}\n  }}\n"
        ));
    }
    let behavior = |path: Option<String>, i: usize| {
        let (block, pattern) = match path {
            Some(p) => (
                "ordered_cache_behavior",
                format!("    path_pattern             = \"{p}\"\n"),
            ),
            None => ("default_cache_behavior", String::new()),
        };
        format!(
            "\n  {block} {{\n{pattern}    target_origin_id         = \"${{local.name}}-api-{}\"\n    viewer_protocol_policy   = \"https-only\"\n    allowed_methods          = [\"GET\", \"HEAD\", \"OPTIONS\", \"PUT\", \"PATCH\", \"POST\", \"DELETE\"]\n    cached_methods           = [\"GET\", \"HEAD\"]\n    cache_policy_id          = aws_cloudfront_cache_policy.api.id\n    origin_request_policy_id = \"b689b0a8-53d0-40ab-baf2-68738e2966ac\"\n  }}\n",
            i % origins.max(1)
        )
    };
    cdn.push_str(&behavior(None, 0));
    for b in 0..behaviors {
        cdn.push_str(&behavior(Some(format!("/v{b}/*")), b));
    }
    cdn.push_str(
        "\n  restrictions {\n    geo_restriction {\n      restriction_type = \"none\"\n    }\n  }\n\n  viewer_certificate {\n    cloudfront_default_certificate = true\n  }\n}\n",
    );
    let cache = "resource \"aws_cloudfront_cache_policy\" \"api\" {\n  name        = \"${local.name}-api\"\n  min_ttl     = 0\n  default_ttl = 0\n  max_ttl     = 1\n\n  parameters_in_cache_key_and_forwarded_to_origin {\n    headers_config {\n      header_behavior = \"whitelist\"\n      headers {\n        items = [\"Authorization\"]\n      }\n    }\n    cookies_config {\n      cookie_behavior = \"none\"\n    }\n    query_strings_config {\n      query_string_behavior = \"all\"\n    }\n  }\n}\n"
        .to_string();
    vec![
        ("variables.tf".into(), variables),
        ("api.tf".into(), api),
        ("cache.tf".into(), cache),
        ("cdn.tf".into(), cdn),
    ]
}

/// The files of [`terraform`] as one text.
pub fn terraform_text(files: &[(String, String)]) -> String {
    files
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}
