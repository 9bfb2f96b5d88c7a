//! `apigw-regional-domain-target-as-origin`: the `d-…` target of a custom domain as origin host.

use super::helpers;
use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Format, Origin, OriginKind};

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
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                "            DomainName: d-a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "No custom domain answers to its `d-…` name. Point the origin at the \
            custom domain name (with an empty origin path, or the API mapping's base path), or \
            at the API's own `execute-api` host with the stage as origin path. Not reported when \
            every behavior to the origin forwards the viewer `Host` and the custom domain (in \
            the input) is named like an alias or tenant domain of the distribution: CloudFront \
            then sends that name, not `d-…`, as Host and TLS SNI, and the origin's certificate \
            only has to match the forwarded Host (`apigw-host-header-forwarded` still reports \
            the forwarding, as a warning).",
        references: &[
            "https://repost.aws/knowledge-center/api-gateway-domain-cloudfront",
            "https://repost.aws/knowledge-center/api-gateway-domain-certificate",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-502-bad-gateway.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .origins
        .iter()
        .filter(|o| o.kind.0 == OriginKind::ApiGatewayRegionalDomainTarget)
        .filter(|o| !host_names_custom_domain(ctx, o))
        .map(|o| {
            let host = match o.domain_name.get() {
                Some(h) => format!("`{h}`"),
                None if ctx.format() == Format::Terraform => {
                    "the `regional_domain_name` (or `target_domain_name`) of a custom domain"
                        .to_string()
                }
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

/// True when every behavior to the origin forwards the viewer `Host` and that host is the
/// name of the custom domain whose target the origin uses (an alias or tenant domain of the
/// distribution): CloudFront then sends that name as Host and TLS SNI, not `d-…`, and API
/// Gateway finds the custom domain (`apigw-host-header-forwarded` still reports the forwarding).
fn host_names_custom_domain(ctx: &LintContext, origin: &Origin) -> bool {
    let Some(name) = ctx.doc.api_model.regional_target_name(origin) else {
        return false;
    };
    let mut behaviors = ctx
        .dist
        .all_behaviors()
        .filter(|b| ctx.origins_of(b).iter().any(|o| std::ptr::eq(*o, origin)))
        .peekable();
    behaviors.peek().is_some()
        && behaviors.all(|b| ctx.forwarding(b).host.value == Some(true))
        && helpers::is_viewer_domain(ctx, name)
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const TARGET: &str = "d-a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com";

    #[test]
    fn cases() {
        let attribute = "Resources:
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
            DomainName: ‸!GetAtt ApiDomain.RegionalDomainName
            CustomOriginConfig: {OriginProtocolPolicy: https-only}
        DefaultCacheBehavior: {TargetOriginId: api}
";
        let terraform = r#"resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/x"
}

resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = ‸aws_api_gateway_domain_name.api.regional_domain_name
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}
"#;
        // The viewer Host is forwarded and is the custom domain's name: CloudFront sends that
        // name as Host and SNI, not `d-…` ("One of the domain names in the certificate must
        // match ... the value of the Host header if you configured CloudFront to forward the
        // Host header to your origin", CloudFront Developer Guide, troubleshooting HTTP 502).
        let host_forwarded = |alias: &str| {
            attribute
                .replace("‸", "")
                .replace(
                    "        Origins:",
                    &format!("        Aliases: [{alias}]\n        Origins:"),
                )
                .replace(
                    "{TargetOriginId: api}",
                    "{TargetOriginId: api, OriginRequestPolicyId: 216adef6-5c7f-47e4-b989-5492eafa07d3}",
                )
        };
        let other_alias = host_forwarded("www.example.com")
            .replace("DomainName: !GetAtt", "DomainName: ‸!GetAtt");
        let sibling = "a custom domain beside the distribution";
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "!ImportValue api-host",
                ),
            ])
            .pass([case(host_forwarded("api.example.com")).not_rendered(sibling)])
            .fail([
                case(RULE.docs.example.text.mark(TARGET)).message(
                    "origin `orders-api` uses `d-a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com`, \
                     the target host of a Regional custom domain",
                ),
                case(attribute)
                    .message("uses the `RegionalDomainName` of a custom domain")
                    .not_rendered(sibling),
                case(other_alias).not_rendered(sibling),
                case(terraform)
                    .message(
                        "origin `api` uses the `regional_domain_name` (or `target_domain_name`) \
                         of a custom domain",
                    )
                    .not_rendered(sibling),
            ])
            .test();
    }
}
