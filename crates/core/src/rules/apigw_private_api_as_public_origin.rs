//! `apigw-private-api-as-public-origin`: a private REST API used as a public origin.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Format, OriginKind};

pub static RULE: Rule = Rule {
    slug: "apigw-private-api-as-public-origin",
    summary: "The origin is the `execute-api` host of a private REST API",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origins whose host is the default `{api-id}.execute-api.{region}.\
            amazonaws.com` host of a REST API defined in the same input with endpoint type \
            `PRIVATE`, and that do not use a VPC origin.",
        why_bad: "A private REST API is reachable only from inside a VPC through an \
            execute-api interface endpoint. CloudFront fetches from the public internet, so \
            every request fails (the public name does not route to the API).",
        example: Snippet {
            format: Format::CfnYaml,
            text: "Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
      EndpointConfiguration:
        Types: [PRIVATE]
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: orders-api
            DomainName: !Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: orders-api
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
",
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: "Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
      EndpointConfiguration:
        Types: [REGIONAL]
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: orders-api
            DomainName: !Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: orders-api
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
",
        },
        exceptions: "To keep the API private, put a CloudFront VPC origin (an internal \
            Application or Network Load Balancer) in front of an execute-api interface \
            endpoint instead; origins with a `VpcOriginConfig` are not reported.",
        references: &[
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html",
            "https://aws.amazon.com/blogs/compute/accessing-private-amazon-api-gateway-endpoints-through-custom-amazon-cloudfront-distribution-using-vpc-origins",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        if !matches!(origin.kind.0, OriginKind::ApiGatewayDefault { .. })
            || origin.vpc_origin_config.is_some()
        {
            continue;
        }
        let Some(api_ref) = &origin.api_ref else {
            continue;
        };
        let Some(api) = ctx.doc.apis.iter().find(|a| &a.name == api_ref) else {
            continue;
        };
        let types = api.endpoint_types.known_items().unwrap_or_default();
        let Some(private) = types.iter().find(|t| t.eq_ignore_ascii_case("PRIVATE")) else {
            continue;
        };
        let message = format!(
            "{} is the public host of the REST API `{}`, whose endpoint type is {private}: \
             CloudFront cannot reach a private API over the internet. Use a VPC origin in \
             front of an execute-api interface endpoint, or make the API REGIONAL",
            origin_name(origin),
            api.name
        );
        out.push(
            ctx.finding(
                &RULE,
                origin.domain_name.span,
                &origin.domain_name.path,
                message,
            )
            .with_related(api.endpoint_types.span, format!("API `{}`", api.name)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::{lint_text, Finding, LintConfig};
    use crate::model::{Api, ApiKind};
    use crate::rules::test_support::*;
    use crate::value::{Field, Unknown};

    fn lint(text: &str) -> Vec<Finding> {
        let report = lint_text(text, &LintConfig::default()).unwrap();
        report
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE.slug)
            .collect()
    }

    fn doc_with(types: crate::value::List) -> crate::model::Document {
        let mut doc = api_doc();
        dist(&mut doc).origins[0].api_ref = Some("Api".into());
        doc.apis.push(Api {
            name: "Api".into(),
            kind: ApiKind::Rest,
            endpoint_types: types,
            ..Api::default()
        });
        doc
    }

    #[test]
    fn private_api_fails_regional_and_vpc_origin_pass() {
        let f = check(&RULE, &doc_with(list(&["PRIVATE"])));
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("REST API `Api`"));
        assert!(check(&RULE, &doc_with(list(&["REGIONAL"]))).is_empty());
        assert!(check(&RULE, &doc_with(Field::default())).is_empty());
        let mut doc = doc_with(list(&["PRIVATE"]));
        dist(&mut doc).origins[0].vpc_origin_config = Some(Default::default());
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn unknown_endpoint_type_is_silent() {
        let unknown = Field::unknown(Unknown::Intrinsic("Ref".into()), Default::default(), "u");
        assert!(check(&RULE, &doc_with(unknown)).is_empty());
    }

    #[test]
    fn end_to_end_positions() {
        let f = lint(RULE.docs.example.text);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.line, f[0].span.column), (15, 25));
        assert_eq!(f[0].related[0].0.line, 7);
        assert!(lint(RULE.docs.use_instead.text).is_empty());
        let tf = r#"resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = ["vpce-0123456789abcdef0"]
  }
}

resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "${aws_api_gateway_rest_api.orders.id}.execute-api.eu-west-1.amazonaws.com"
    origin_path = "/prod"
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}
"#;
        let f = lint(tf);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].span.line, f[0].span.column), (12, 19));
    }
}
