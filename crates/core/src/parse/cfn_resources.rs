//! CloudFormation resources around a distribution: CloudFront policies and origin access
//! controls, API Gateway APIs and custom domains, Lambda function URLs and ACM certificates
//! (also SAM `AWS::Serverless::Api` / `HttpApi`). Stages, methods and routes are read with the
//! API model ([`super::api_cfn`]), which adds them to [`Document::stages`] / [`Document::methods`].

use super::reader::{Obj, Reader};
use crate::model::{
    Api, ApiDomainName, ApiKind, ApiMapping, CachePolicy, Certificate, Document, KeyConfig,
    LambdaUrl, Method, OriginAccessControl, OriginRequestPolicy, ResponseHeadersPolicy, Stage,
};
use crate::span::Span;
use crate::value::{Field, List};

/// One resource of the template.
pub(crate) struct Resource<'a, 'n> {
    /// Logical id.
    pub id: &'a str,
    /// `Type`.
    pub kind: &'a str,
    pub span: Span,
    /// Path of the resource (`Resources/Api`).
    pub path: String,
    /// Its `Properties`.
    pub props: Obj<'n>,
}

/// Adds `res` to `doc` when it is one of the sibling types apifront reads.
pub(crate) fn read(r: &mut Reader, res: &Resource, doc: &mut Document) {
    let p = &res.props;
    let (name, span, path) = (res.id.to_string(), res.span, res.path.clone());
    match res.kind {
        "AWS::CloudFront::CachePolicy" => {
            let c = r.obj(p, "CachePolicyConfig");
            let k = r.obj(&c, "ParametersInCacheKeyAndForwardedToOrigin");
            doc.cache_policies.push(CachePolicy {
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
            });
        }
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
        "AWS::ApiGatewayV2::Api" => {
            let protocol = r.str(p, "ProtocolType");
            // Without `ProtocolType` the API comes from an OpenAPI body: an HTTP API.
            let kind = match protocol.get().map(String::as_str) {
                Some(t) if t.eq_ignore_ascii_case("WEBSOCKET") => ApiKind::WebSocket,
                Some(t) if t.eq_ignore_ascii_case("HTTP") => ApiKind::Http,
                None if !protocol.is_present() => ApiKind::Http,
                _ => ApiKind::Unknown,
            };
            doc.apis.push(Api {
                kind,
                endpoint_types: Field::absent(p.span, &p.path),
                disable_execute_api_endpoint: r.bool(p, "DisableExecuteApiEndpoint"),
                name,
                span,
                path,
            });
        }
        "AWS::Serverless::Api" | "AWS::Serverless::HttpApi" => serverless_api(r, res, doc),
        "AWS::Lambda::Url" => doc.lambda_urls.push(LambdaUrl {
            auth_type: r.str(p, "AuthType"),
            name,
            span,
            path,
        }),
        "AWS::ApiGateway::DomainName" => {
            let endpoint = r.obj(p, "EndpointConfiguration");
            doc.api_domain_names.push(ApiDomainName {
                domain_name: r.str(p, "DomainName"),
                endpoint_types: r.list(&endpoint, "Types"),
                name,
                span,
                path,
            });
        }
        "AWS::ApiGatewayV2::DomainName" => {
            let configs = r.objects(p, "DomainNameConfigurations");
            let types = configs.iter().map(|c| r.str(c, "EndpointType")).collect();
            let at = r.value(p, "DomainNameConfigurations").0;
            doc.api_domain_names.push(ApiDomainName {
                domain_name: r.str(p, "DomainName"),
                endpoint_types: Field::known(types, at.span, at.path),
                name,
                span,
                path,
            });
        }
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
        _ => {}
    }
}

/// `HeadersConfig{HeaderBehavior, Headers}` and the same for cookies and query strings.
fn key_config(r: &mut Reader, parent: &Obj, items: &str) -> KeyConfig {
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
    let auth = r.obj(p, "Auth");
    let authorizer = r.str(&auth, "DefaultAuthorizer");
    if authorizer.get().is_some_and(|a| a == "AWS_IAM") {
        doc.methods.push(Method {
            name: res.id.to_string(),
            span: res.span,
            path: res.path.clone(),
            api_ref: Some(res.id.to_string()),
            authorization_type: authorizer,
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
