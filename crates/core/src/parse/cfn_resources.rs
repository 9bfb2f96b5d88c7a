//! CloudFormation resources around a distribution: CloudFront policies and origin access
//! controls, API Gateway APIs and custom domains, Lambda function URLs and ACM certificates
//! (also SAM `AWS::Serverless::Api` / `HttpApi`). Stages, methods and routes are read with the
//! API model ([`super::api_cfn`]), which adds them to [`Document::stages`] / [`Document::methods`].

use super::reader::{Obj, Reader};
use super::resolve::Evaluated;
use crate::model::{
    Api, ApiDomainName, ApiKind, ApiMapping, CachePolicy, Certificate, CloudFrontFunction,
    ContinuousDeploymentPolicy, DistributionTenant, Document, KeyConfig, LambdaPermission,
    LambdaUrl, OriginAccessControl, OriginRequestPolicy, ResponseHeadersPolicy, Stage, VpcOrigin,
};
use crate::span::Span;
use crate::value::{Field, FieldPath, List};

/// One resource of the template.
pub(crate) struct Resource<'a, 'n> {
    /// Logical id.
    pub id: &'a str,
    /// `Type`.
    pub kind: &'a str,
    pub span: Span,
    /// Path of the resource (`Resources/Api`).
    pub path: FieldPath,
    /// Its `Properties`.
    pub props: Obj<'n>,
}

/// Adds `res` to `doc` when it is one of the sibling types apifront reads.
pub(crate) fn read(r: &mut Reader, res: &Resource, doc: &mut Document) {
    let p = &res.props;
    let (name, span, path) = (res.id.to_string(), res.span, res.path.clone());
    match res.kind {
        "AWS::CloudFront::CachePolicy" => doc
            .cache_policies
            .push(cache_policy(r, p, name, span, path)),
        "AWS::CloudFront::OriginRequestPolicy" => {
            let c = r.obj(p, "OriginRequestPolicyConfig");
            doc.origin_request_policies.push(OriginRequestPolicy {
                display_name: r.str(&c, "Name"),
                headers: key_config(r, &c, "Headers"),
                cookies: key_config(r, &c, "Cookies"),
                query_strings: key_config(r, &c, "QueryStrings"),
                name,
                span,
                path,
            });
        }
        "AWS::CloudFront::ResponseHeadersPolicy" => {
            let c = r.obj(p, "ResponseHeadersPolicyConfig");
            let cors = r.obj(&c, "CorsConfig");
            doc.response_headers_policies.push(ResponseHeadersPolicy {
                display_name: r.str(&c, "Name"),
                has_cors: cors.present(),
                cors_origin_override: r.bool(&cors, "OriginOverride"),
                name,
                span,
                path,
            });
        }
        "AWS::CloudFront::OriginAccessControl" => {
            let c = r.obj(p, "OriginAccessControlConfig");
            doc.origin_access_controls.push(OriginAccessControl {
                origin_type: r.str(&c, "OriginAccessControlOriginType"),
                signing_behavior: r.str(&c, "SigningBehavior"),
                name,
                span,
                path,
            });
        }
        "AWS::ApiGateway::RestApi" => {
            let endpoint = r.obj(p, "EndpointConfiguration");
            doc.apis.push(Api {
                kind: ApiKind::Rest,
                endpoint_types: r.list(&endpoint, "Types"),
                disable_execute_api_endpoint: r.bool(p, "DisableExecuteApiEndpoint"),
                name,
                span,
                path,
            });
        }
        "AWS::ApiGatewayV2::Api" => doc.apis.push(v2_api(r, p, name, span, path)),
        "AWS::Serverless::Api" | "AWS::Serverless::HttpApi" => serverless_api(r, res, doc),
        "AWS::Lambda::Url" => {
            let (function, target) = r.str_value(p, "TargetFunctionArn");
            doc.lambda_urls.push(LambdaUrl {
                auth_type: r.str(p, "AuthType"),
                function,
                function_ref: first_ref(&target),
                name,
                span,
                path,
            });
        }
        "AWS::ApiGateway::DomainName" => {
            let endpoint = r.obj(p, "EndpointConfiguration");
            let mtls = r.obj(p, "MutualTlsAuthentication");
            doc.api_domain_names.push(ApiDomainName {
                domain_name: r.str(p, "DomainName"),
                endpoint_types: r.list(&endpoint, "Types"),
                mutual_tls: mtls.present().then_some(mtls.span),
                name,
                span,
                path,
            });
        }
        "AWS::ApiGatewayV2::DomainName" => doc
            .api_domain_names
            .push(v2_domain_name(r, p, name, span, path)),
        "AWS::ApiGateway::BasePathMapping" | "AWS::ApiGatewayV2::ApiMapping" => {
            let key = if res.kind.ends_with("BasePathMapping") {
                "BasePath"
            } else {
                "ApiMappingKey"
            };
            doc.api_mappings.push(ApiMapping {
                base_path: r.str(p, key),
                name,
                span,
                path,
            });
        }
        "AWS::CertificateManager::Certificate" => doc.certificates.push(Certificate {
            domain_name: r.str(p, "DomainName"),
            name,
            span,
            path,
        }),
        "AWS::CloudFront::VpcOrigin" => doc.vpc_origins.push(vpc_origin(r, p, name, span, path)),
        "AWS::CloudFront::ContinuousDeploymentPolicy" => {
            doc.continuous_deployment_policies
                .push(continuous_deployment_policy(r, p, name, span, path));
        }
        "AWS::CloudFront::DistributionTenant" => doc
            .distribution_tenants
            .push(distribution_tenant(r, p, name, span, path)),
        "AWS::CloudFront::Function" => {
            let config = r.obj(p, "FunctionConfig");
            doc.cloudfront_functions.push(CloudFrontFunction {
                function_name: r.str(p, "Name"),
                runtime: r.str(&config, "Runtime"),
                code: r.str(p, "FunctionCode"),
                name,
                span,
                path,
            });
        }
        "AWS::Lambda::Permission" => {
            let (function, target) = r.str_value(p, "FunctionName");
            doc.lambda_permissions.push(LambdaPermission {
                function,
                function_ref: first_ref(&target),
                action: r.str(p, "Action"),
                principal: r.str(p, "Principal"),
                source_arn: r.str(p, "SourceArn"),
                source_account: r.str(p, "SourceAccount"),
                name,
                span,
                path,
            });
        }
        _ => {}
    }
}

/// `CachePolicyConfig`: TTLs, cache key and compression settings.
fn cache_policy(r: &mut Reader, p: &Obj, name: String, span: Span, path: FieldPath) -> CachePolicy {
    let c = r.obj(p, "CachePolicyConfig");
    let k = r.obj(&c, "ParametersInCacheKeyAndForwardedToOrigin");
    CachePolicy {
        display_name: r.str(&c, "Name"),
        min_ttl: r.i64(&c, "MinTTL"),
        default_ttl: r.i64(&c, "DefaultTTL"),
        max_ttl: r.i64(&c, "MaxTTL"),
        headers: key_config(r, &k, "Headers"),
        cookies: key_config(r, &k, "Cookies"),
        query_strings: key_config(r, &k, "QueryStrings"),
        enable_accept_encoding_gzip: r.bool(&k, "EnableAcceptEncodingGzip"),
        enable_accept_encoding_brotli: r.bool(&k, "EnableAcceptEncodingBrotli"),
        name,
        span,
        path,
    }
}

/// An HTTP or WebSocket API (an HTTP API when `ProtocolType` is not set: an OpenAPI body).
fn v2_api(r: &mut Reader, p: &Obj, name: String, span: Span, path: FieldPath) -> Api {
    let protocol = r.str(p, "ProtocolType");
    // Without `ProtocolType` the API comes from an OpenAPI body: an HTTP API.
    let kind = match protocol.get().map(String::as_str) {
        Some(t) if t.eq_ignore_ascii_case("WEBSOCKET") => ApiKind::WebSocket,
        Some(t) if t.eq_ignore_ascii_case("HTTP") => ApiKind::Http,
        None if !protocol.is_present() => ApiKind::Http,
        _ => ApiKind::Unknown,
    };
    Api {
        kind,
        endpoint_types: Field::absent(p.span, &p.path),
        disable_execute_api_endpoint: r.bool(p, "DisableExecuteApiEndpoint"),
        name,
        span,
        path,
    }
}

/// An HTTP API custom domain: one endpoint type per `DomainNameConfigurations` item.
fn v2_domain_name(
    r: &mut Reader,
    p: &Obj,
    name: String,
    span: Span,
    path: FieldPath,
) -> ApiDomainName {
    let configs = r.objects(p, "DomainNameConfigurations");
    let types = configs.iter().map(|c| r.str(c, "EndpointType")).collect();
    let at = r.value(p, "DomainNameConfigurations").0;
    let mtls = r.obj(p, "MutualTlsAuthentication");
    ApiDomainName {
        domain_name: r.str(p, "DomainName"),
        endpoint_types: Field::known(types, at.span, at.path),
        mutual_tls: mtls.present().then_some(mtls.span),
        name,
        span,
        path,
    }
}

/// A VPC origin and its `VpcOriginEndpointConfig`.
fn vpc_origin(r: &mut Reader, p: &Obj, name: String, span: Span, path: FieldPath) -> VpcOrigin {
    let e = r.obj(p, "VpcOriginEndpointConfig");
    VpcOrigin {
        endpoint_span: e.span,
        endpoint_path: e.path.to_string(),
        arn: r.str(&e, "Arn"),
        origin_protocol_policy: r.str(&e, "OriginProtocolPolicy"),
        origin_ssl_protocols: r.list(&e, "OriginSSLProtocols"),
        name,
        span,
        path,
    }
}

/// A distribution tenant: its distribution, domains, parameters and certificate.
fn distribution_tenant(
    r: &mut Reader,
    p: &Obj,
    name: String,
    span: Span,
    path: FieldPath,
) -> DistributionTenant {
    let (distribution_id, distribution) = r.str_value(p, "DistributionId");
    let (parameters, listed) = r.value(p, "Parameters");
    let items = r
        .objects(p, "Parameters")
        .iter()
        .map(|x| (r.str(x, "Name"), r.str(x, "Value")))
        .collect();
    let customizations = r.obj(p, "Customizations");
    let certificate = r.obj(&customizations, "Certificate");
    DistributionTenant {
        distribution_id,
        distribution_ref: first_ref(&distribution),
        domains: r.list(p, "Domains"),
        parameters: match listed.state {
            super::resolve::State::Absent => Field::absent(p.span, &p.path),
            _ => Field::known(items, parameters.span, parameters.path),
        },
        certificate_arn: r.str(&certificate, "Arn"),
        managed_certificate: r.obj(p, "ManagedCertificateRequest").present(),
        name,
        span,
        path,
    }
}

/// The resource a value refers to (`!Ref Function`, `!GetAtt Function.Arn`).
fn first_ref(value: &Evaluated) -> Option<String> {
    value.refs.first().map(|x| x.id.clone())
}

/// `ContinuousDeploymentPolicyConfig`, with the legacy `SingleHeaderPolicyConfig` /
/// `SingleWeightPolicyConfig` siblings of `TrafficConfig` read too.
fn continuous_deployment_policy(
    r: &mut Reader,
    p: &Obj,
    name: String,
    span: Span,
    path: FieldPath,
) -> ContinuousDeploymentPolicy {
    let c = r.obj(p, "ContinuousDeploymentPolicyConfig");
    let traffic = r.obj(&c, "TrafficConfig");
    let pick = |modern: &'static str, legacy: &'static str| {
        let m = r.obj(&traffic, modern);
        match m.present() {
            true => m,
            false => r.obj(&c, legacy),
        }
    };
    let header = pick("SingleHeaderConfig", "SingleHeaderPolicyConfig");
    let weight = pick("SingleWeightConfig", "SingleWeightPolicyConfig");
    let sticky = r.obj(&weight, "SessionStickinessConfig");
    let traffic_type = match traffic.present() {
        true => r.str(&traffic, "Type"),
        false => r.str(&c, "Type"),
    };
    let (_, dns) = r.value(&c, "StagingDistributionDnsNames");
    let staging_refs = match &dns.state {
        super::resolve::State::List(items) => items
            .iter()
            .filter_map(|v| v.refs.first().map(|x| x.id.clone()))
            .collect(),
        _ => dns.refs.iter().map(|x| x.id.clone()).collect(),
    };
    ContinuousDeploymentPolicy {
        enabled: r.bool(&c, "Enabled"),
        staging_dns_names: r.list(&c, "StagingDistributionDnsNames"),
        staging_refs,
        traffic_type,
        header: r.str(&header, "Header"),
        header_value: r.str(&header, "Value"),
        weight: r.str(&weight, "Weight"),
        idle_ttl: r.i64(&sticky, "IdleTTL"),
        maximum_ttl: r.i64(&sticky, "MaximumTTL"),
        name,
        span,
        path,
    }
}

/// `HeadersConfig{HeaderBehavior, Headers}` and the same for cookies and query strings.
fn key_config(r: &mut Reader, parent: &Obj, items: &'static str) -> KeyConfig {
    let (config, behavior) = match items {
        "Headers" => ("HeadersConfig", "HeaderBehavior"),
        "Cookies" => ("CookiesConfig", "CookieBehavior"),
        _ => ("QueryStringsConfig", "QueryStringBehavior"),
    };
    let c = r.obj(parent, config);
    KeyConfig {
        behavior: r.str(&c, behavior),
        items: r.list(&c, items),
    }
}

/// SAM `AWS::Serverless::Api` (a REST API) and `AWS::Serverless::HttpApi`, with the stage SAM
/// creates and, for `Auth.DefaultAuthorizer: AWS_IAM`, the IAM authorization of its methods.
fn serverless_api(r: &mut Reader, res: &Resource, doc: &mut Document) {
    let p = &res.props;
    let rest = res.kind == "AWS::Serverless::Api";
    let endpoint_types = if rest {
        sam_endpoint_types(r, p)
    } else {
        Field::absent(p.span, &p.path)
    };
    doc.apis.push(Api {
        name: res.id.to_string(),
        span: res.span,
        path: res.path.clone(),
        kind: if rest { ApiKind::Rest } else { ApiKind::Http },
        endpoint_types,
        disable_execute_api_endpoint: r.bool(p, "DisableExecuteApiEndpoint"),
    });
    let stage_name = r.str(p, "StageName");
    if rest || stage_name.is_present() {
        doc.stages.push(Stage {
            name: res.id.to_string(),
            span: res.span,
            path: res.path.clone(),
            api_ref: Some(res.id.to_string()),
            stage_name,
        });
    }
}

/// SAM writes `EndpointConfiguration: REGIONAL` or `EndpointConfiguration: {Type: REGIONAL}`.
fn sam_endpoint_types(r: &mut Reader, p: &Obj) -> List {
    let endpoint = r.obj(p, "EndpointConfiguration");
    if endpoint.map.is_some() {
        let t = r.str(&endpoint, "Type");
        return match t.is_present() {
            true => Field::known(vec![t.clone()], t.span, t.path),
            false => Field::absent(endpoint.span, endpoint.path),
        };
    }
    let t = r.str(p, "EndpointConfiguration");
    match t.is_present() {
        true => Field::known(vec![t.clone()], t.span, t.path),
        false => Field::absent(t.span, t.path),
    }
}
