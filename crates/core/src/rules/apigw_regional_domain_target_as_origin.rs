//! `apigw-regional-domain-target-as-origin`: the `d-…` target of a custom domain as origin host.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Format, OriginKind};

pub static RULE: Rule = Rule {
    slug: "apigw-regional-domain-target-as-origin",
    summary: "The origin host is the `d-…` target of an API Gateway custom domain",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origins whose domain name is a Regional custom domain's target \
            host `d-{id}.execute-api.{region}.amazonaws.com`, written out or taken from the \
            `RegionalDomainName` attribute of an `AWS::ApiGateway::DomainName` / \
            `AWS::ApiGatewayV2::DomainName` (Terraform `regional_domain_name`).",
        why_bad: "API Gateway selects the custom domain by the TLS SNI name and the Host \
            header. CloudFront sends the origin's domain name, `d-…`, which matches no custom \
            domain and no certificate: the TLS handshake fails (502) or API Gateway answers \
            403. The origin must be the custom domain name itself (for example \
            `api.example.com`), which DNS resolves to the `d-…` target.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                "            DomainName: d-a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        exceptions: "None: no custom domain answers to its `d-…` name. Point the origin at the \
            custom domain name (with an empty origin path, or the API mapping's base path), or \
            at the API's own `execute-api` host with the stage as origin path.",
        references: &[
            "https://repost.aws/knowledge-center/api-gateway-domain-cloudfront",
            "https://repost.aws/knowledge-center/api-gateway-domain-certificate",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .origins
        .iter()
        .filter(|o| o.kind.0 == OriginKind::ApiGatewayRegionalDomainTarget)
        .map(|o| {
            let host = match o.domain_name.get() {
                Some(h) => format!("`{h}`"),
                None => "the `RegionalDomainName` of a custom domain".to_string(),
            };
            let message = format!(
                "{} uses {host}, the target host of a Regional custom domain; API Gateway does \
                 not recognise that name (TLS error or 403). Use the custom domain name itself \
                 as the origin host",
                origin_name(o)
            );
            ctx.finding(&RULE, o.domain_name.span, &o.domain_name.path, message)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::{lint_text, Finding, LintConfig};
    use crate::rules::test_support::*;

    fn lint(text: &str) -> Vec<Finding> {
        let report = lint_text(text, &LintConfig::default()).unwrap();
        report
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE.slug)
            .collect()
    }

    #[test]
    fn d_host_fails_api_host_passes() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins[0] =
            origin("api", "d-a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com");
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("`d-a1b2c3d4e5.execute-api"));
    }

    #[test]
    fn unknown_host_is_silent() {
        let mut doc = api_doc();
        dist(&mut doc).origins[0].kind = Default::default();
        dist(&mut doc).origins[0].domain_name = crate::value::Field::unknown(
            crate::value::Unknown::Intrinsic("Fn::ImportValue".into()),
            Default::default(),
            "u",
        );
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end_in_three_formats() {
        let f = lint(RULE.docs.example.text);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.line, f[0].span.column), (9, 25));
        assert!(lint(RULE.docs.use_instead.text).is_empty());
        let yaml = "Resources:
  ApiDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      EndpointConfiguration: {Types: [REGIONAL]}
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: api
            DomainName: !GetAtt ApiDomain.RegionalDomainName
            CustomOriginConfig: {OriginProtocolPolicy: https-only}
        DefaultCacheBehavior: {TargetOriginId: api}
";
        let f = lint(yaml);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.line, f[0].span.column), (14, 25));
        assert!(f[0].message.contains("the `RegionalDomainName`"));
        let tf = r#"resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/x"
}

resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = aws_api_gateway_domain_name.api.regional_domain_name
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}
"#;
        let f = lint(tf);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.line, f[0].span.column), (9, 19));
        let json = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 1, "Items": [
    {"Id": "api", "DomainName": "d-a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api"}}}"#;
        let f = lint(json);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.line, f[0].span.column), (3, 33));
    }
}
