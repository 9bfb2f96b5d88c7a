//! `origin-mtls-invalid`: origin mutual TLS set up in a way CloudFront refuses, or where it
//! protects nothing.

use super::origin_mtls::custom_domain;
use crate::lint::Key;
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::{Origin, OriginKind};

const USE_INSTEAD: &str = "Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
      EndpointConfiguration:
        Types: [REGIONAL]
      DisableExecuteApiEndpoint: true
  OriginDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api-origin.example.com
      RegionalCertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee
      EndpointConfiguration:
        Types: [REGIONAL]
      SecurityPolicy: TLS_1_2
      MutualTlsAuthentication:
        TruststoreUri: s3://example-truststore/cloudfront-client-ca.pem
  Mapping:
    Type: AWS::ApiGateway::BasePathMapping
    Properties:
      DomainName: !Ref OriginDomain
      RestApiId: !Ref Api
      Stage: prod
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: orders-api
            DomainName: api-origin.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
              OriginMtlsConfig:
                ClientCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef
        DefaultCacheBehavior:
          TargetOriginId: orders-api
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
";

pub static RULE: Rule = Rule {
    slug: "origin-mtls-invalid",
    summary: "Origin mutual TLS with a certificate outside us-east-1, in the wrong place, with an unsupported feature, or towards an origin that never asks for it",
    default_severity: Severity::Error,
    category: Category::Tls,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For origins with `CustomOriginConfig.OriginMtlsConfig` (Terraform \
            `custom_origin_config.origin_mtls_config`, provider 6.51.0 or later), finds: a \
            `ClientCertificateArn` outside us-east-1; the origin also being a VPC origin; a \
            behavior towards it with gRPC or an `origin-request` / `origin-response` Lambda@Edge \
            function (errors); an `OriginMtlsConfig` written directly under the origin, where the \
            CLI example of the AWS guide puts it (an error: the API takes it only inside \
            `CustomOriginConfig`); and, as a warning, mutual TLS towards a host that never asks \
            for a client certificate: an API's default `execute-api` endpoint, a Lambda function \
            URL, or an API Gateway custom domain of the input without `MutualTlsAuthentication`.",
        why_bad: "The client certificate must be in ACM in US East (N. Virginia). Origin mutual \
            TLS does not work with gRPC, WebSockets, VPC origins, origin-facing Lambda@Edge \
            triggers or embedded POPs. \"CloudFront will not provide the client certificate if \
            the server does not request it\": then mutual TLS protects nothing. With an API \
            Gateway custom domain that requires mutual TLS, disable the API's default \
            endpoint so the domain is the only way in (see `api-origin-bypassable`).",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "arn:aws:acm:us-east-1:123456789012:certificate/12345678" => "arn:aws:acm:eu-west-1:123456789012:certificate/12345678"
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "None. Origin mutual TLS is available on the Business, Premium and \
            pay-as-you-go pricing plans only; the plan is not in the configuration.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/origin-enable-mtls-distributions.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CustomOriginConfig.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for o in &ctx.dist.origins {
        if let Some(span) = o.misplaced_mtls {
            out.push(ctx.finding(
                &RULE,
                span,
                &o.path,
                format!(
                    "{}: {} belongs inside {}; CloudFront does not take it directly under the \
                     origin",
                    origin_name(o),
                    Key::ORIGIN_MTLS_CONFIG.name(ctx.format()),
                    Key::CUSTOM_ORIGIN_CONFIG.name(ctx.format())
                ),
            ));
        }
        let Some(mtls) = o
            .custom_origin_config
            .as_ref()
            .and_then(|c| c.origin_mtls.as_ref())
        else {
            continue;
        };
        let arn = &mtls.client_certificate_arn;
        if let Some(region) = arn.get().and_then(|a| acm_region(a)) {
            if region != "us-east-1" {
                out.push(ctx.finding(
                    &RULE,
                    arn.span,
                    &arn.path,
                    format!(
                        "{}: the client certificate is in {region}; CloudFront takes origin \
                         mutual TLS certificates from ACM in us-east-1 only",
                        origin_name(o)
                    ),
                ));
            }
        }
        if o.vpc_origin_config.is_some() {
            out.push(ctx.finding(
                &RULE,
                mtls.span,
                &mtls.path,
                format!(
                    "{}: origin mutual TLS cannot be used with VPC origins",
                    origin_name(o)
                ),
            ));
        }
        out.extend(behaviors(ctx, o));
        if let Some(why) = never_asked(ctx, o) {
            out.push(
                ctx.finding(
                    &RULE,
                    mtls.span,
                    &mtls.path,
                    format!(
                        "{}: {why} never asks for a client certificate, so CloudFront sends \
                         none and mutual TLS protects nothing",
                        origin_name(o)
                    ),
                )
                .with_severity(Severity::Warning),
            );
        }
    }
    out
}

/// The region of an ACM certificate ARN (`arn:aws:acm:us-east-1:…`).
fn acm_region(arn: &str) -> Option<&str> {
    let mut parts = arn.trim().split(':');
    let (_, _, service, region) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    (service == "acm" && !region.is_empty()).then_some(region)
}

/// Behaviors towards the origin that use what origin mutual TLS does not support.
fn behaviors(ctx: &LintContext, o: &Origin) -> Vec<Finding> {
    let mut out = Vec::new();
    for b in ctx.behaviors_of(o) {
        let who = format!(
            "{} sends requests to {} with mutual TLS",
            behavior_name(b),
            origin_name(o)
        );
        if b.grpc_enabled.get() == Some(&true) {
            out.push(ctx.finding(
                &RULE,
                b.grpc_enabled.span,
                &b.grpc_enabled.path,
                format!("{who}, which does not support gRPC"),
            ));
        }
        for a in &b.lambda_function_associations {
            if let Some(event) = a
                .event_type
                .get()
                .filter(|e| matches!(e.as_str(), "origin-request" | "origin-response"))
            {
                out.push(ctx.finding(
                    &RULE,
                    a.event_type.span,
                    &a.event_type.path,
                    format!("{who}, which does not support Lambda@Edge {event} triggers"),
                ));
            }
        }
    }
    out
}

/// Why the origin's host never requests a client certificate, when the input shows it.
fn never_asked(ctx: &LintContext, o: &Origin) -> Option<String> {
    match &o.kind.0 {
        OriginKind::ApiGatewayDefault { .. } => {
            Some("an API's default execute-api endpoint".to_string())
        }
        OriginKind::LambdaUrl { .. } => Some("a Lambda function URL".to_string()),
        _ => custom_domain(ctx, o)
            .filter(|d| d.mutual_tls.is_none())
            .map(|d| {
                format!(
                    "API Gateway custom domain `{}` (no {})",
                    d.name,
                    Key::MUTUAL_TLS_AUTHENTICATION.name(ctx.format())
                )
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{case, cfn, CaseText, Tester, API_BEHAVIOR};

    const MTLS: &str = "              OriginMtlsConfig:\n                ClientCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef\n";

    /// A distribution alone whose origin `host` presents a client certificate.
    fn alone(host: &str, extra_behavior: &str) -> String {
        cfn(
            "",
            &format!(
                "            DomainName: {host}\n            CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n              OriginSSLProtocols: [TLSv1.2]\n{MTLS}"
            ),
            &format!("{API_BEHAVIOR}{extra_behavior}"),
        )
    }

    const TF: &str = r#"resource "aws_cloudfront_distribution" "api" {
  enabled = true
  origin {
    origin_id   = "orders-api"
    domain_name = "api-origin.example.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
      origin_mtls_config {
        client_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/12345678-90ab-cdef-1234-567890abcdef"
      }
    }
  }
  default_cache_behavior {
    target_origin_id = "orders-api"
    grpc_config {
      enabled = true
    }
  }
}
"#;

    #[test]
    fn cases() {
        let text = RULE.docs.use_instead.text;
        Tester::new(&RULE)
            .pass([
                case(text).not_rendered("an API, custom domain and mapping"),
                case(alone("api-origin.example.com", "")),
                case(alone("!Ref OriginHost", "")),
                case(alone("api-origin.example.com", "          GrpcConfig:\n            Enabled: false\n")),
                case(alone("api-origin.example.com", "").with(
                    "ClientCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef",
                    "ClientCertificateArn: !Ref ClientCertificate",
                )),
                // Not an ACM certificate's ARN: its region says nothing here.
                case(alone("api-origin.example.com", "").with(
                    "arn:aws:acm:us-east-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef",
                    "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/12345678",
                )),
            ])
            .fail([
                case(RULE.docs.example.text.mark("arn:aws:acm:eu-west-1:123456789012:certificate/12345678"))
                    .not_rendered("an API, custom domain and mapping")
                    .message("the client certificate is in eu-west-1; CloudFront takes origin mutual TLS certificates from ACM in us-east-1 only"),
                case(alone("api-origin.example.com", "          GrpcConfig:\n            Enabled: ‸true\n"))
                    .message("which does not support gRPC"),
                case(alone(
                    "api-origin.example.com",
                    "          LambdaFunctionAssociations:\n            - EventType: ‸origin-response\n              LambdaFunctionARN: arn:aws:lambda:us-east-1:123456789012:function:f:1\n",
                )),
                case(alone("abc123defg.execute-api.eu-west-1.amazonaws.com", "").mark("ClientCertificateArn"))
                    .severity(Severity::Warning)
                    .message("an API's default execute-api endpoint never asks for a client certificate"),
                case(alone("abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws", "").mark("ClientCertificateArn"))
                    .severity(Severity::Warning)
                    .message("a Lambda function URL never asks for a client certificate"),
                case(text.with(
                    "      MutualTlsAuthentication:\n        TruststoreUri: s3://example-truststore/cloudfront-client-ca.pem\n",
                    "",
                ).mark("ClientCertificateArn"))
                    .not_rendered("an API, custom domain and mapping")
                    .severity(Severity::Warning)
                    .message("API Gateway custom domain `OriginDomain` (no MutualTlsAuthentication)"),
                case(r#"{"DistributionConfig": {"Origins": {"Quantity": 1, "Items": [{"Id": "orders-api", "DomainName": "api-origin.example.com",
  "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"},
  "OriginMtlsConfig": ‸{"ClientCertificateArn": "arn:aws:acm:us-east-1:111122223333:certificate/1"}}]}}}"#)
                    .message("OriginMtlsConfig belongs inside CustomOriginConfig")
                    .except(&[crate::model::Format::Terraform], "no Terraform form"),
                case(TF.with("      enabled = true\n    }", "      enabled = ‸true\n    }")),
                case(format!(
                    "resource \"aws_api_gateway_domain_name\" \"origin\" {{\n  domain_name              = \
                     \"api-origin.example.com\"\n  regional_certificate_arn = \
                     \"arn:aws:acm:eu-west-1:111122223333:certificate/x\"\n  endpoint_configuration {{\n    \
                     types = [\"REGIONAL\"]\n  }}\n}}\n\n{}",
                    TF.with("\"api-origin.example.com\"", "aws_api_gateway_domain_name.origin.domain_name")
                        .with("    grpc_config {\n      enabled = true\n    }\n", "")
                        .mark("origin_mtls_config {")
                ))
                .not_rendered("a custom domain beside the distribution")
                .severity(Severity::Warning)
                .message("API Gateway custom domain `aws_api_gateway_domain_name.origin` (no mutual_tls_authentication)"),
            ])
            .test();
    }
}
