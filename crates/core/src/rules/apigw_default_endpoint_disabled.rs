//! `apigw-default-endpoint-disabled`: the origin uses an `execute-api` host the API turned off.

use super::helpers::sibling_api;
use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::OriginKind;

/// The example template (a macro: the corrected one extends it).
macro_rules! example {
    () => {
        concat!(
            cfn_doc!(
                "",
                "            DomainName: !Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
                api_behavior!()
            ),
            "  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: orders
      ProtocolType: HTTP
      DisableExecuteApiEndpoint: true
"
        )
    };
}

const EXAMPLE: &str = example!();

pub static RULE: Rule = Rule {
    slug: "apigw-default-endpoint-disabled",
    summary: "The origin is the default endpoint of an API that disables it",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origins whose host is the default \
            `{api-id}.execute-api.{region}.amazonaws.com` endpoint of an API defined in the \
            same input with `DisableExecuteApiEndpoint: true` (Terraform \
            `disable_execute_api_endpoint = true`).",
        why_bad: "With the default endpoint disabled, API Gateway answers 403 Forbidden to \
            every request on the `execute-api` host; only the API's custom domains work. Every \
            request through this origin fails.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            concat!(
                example!(),
                "  ApiDomain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: api-origin.example.com
      DomainNameConfigurations:
        - CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789
          EndpointType: REGIONAL
"
            ),
            "!Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com" => "api-origin.example.com"
        )),
        exceptions: "None while the endpoint stays disabled: use one of the API's custom \
            domains as the origin host, or re-enable the default endpoint.",
        references: &[
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-disable-default-endpoint.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-disable-default-endpoint.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        if !matches!(origin.kind.0, OriginKind::ApiGatewayDefault { .. }) {
            continue;
        }
        let Some(api) = sibling_api(ctx, origin) else {
            continue;
        };
        let flag = &api.disable_execute_api_endpoint;
        if flag.get() != Some(&true) {
            continue;
        }
        let message = format!(
            "{} is the default execute-api endpoint of `{}`, which disables it; API Gateway \
             answers 403 to every request there. Use one of the API's custom domains as the \
             origin",
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
            .with_related(
                flag.span,
                format!("`{}` disables its default endpoint", api.name),
            ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{Case, CaseText, Tester};

    const EXAMPLE: &str = RULE.docs.example.text;
    const FLAG: &str = "DisableExecuteApiEndpoint: true";
    const HOST: &str = "!Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com";

    const TERRAFORM: &str = r#"resource "aws_apigatewayv2_api" "orders" {
  name                         = "orders"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = true
}

resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = ‸replace(aws_apigatewayv2_api.orders.api_endpoint, "https://", "")
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}
"#;

    fn sibling(text: impl Into<Case>) -> Case {
        text.into().not_rendered("an API beside the distribution")
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass(
                [
                    RULE.docs.use_instead.text.to_string(),
                    EXAMPLE.with(FLAG, "DisableExecuteApiEndpoint: false"),
                    EXAMPLE.with(FLAG, "DisableExecuteApiEndpoint: !Ref Disable"),
                    EXAMPLE.with(&format!("      {FLAG}\n"), ""),
                    // The origin is another API's endpoint.
                    EXAMPLE.with(HOST, "abc123defg.execute-api.eu-west-1.amazonaws.com"),
                    TERRAFORM.unmarked().with(
                        "disable_execute_api_endpoint = true",
                        "disable_execute_api_endpoint = var.disable",
                    ),
                ]
                .map(sibling),
            )
            .fail([
                sibling(EXAMPLE.mark(HOST))
                    .message(
                        "origin `orders-api` is the default execute-api endpoint of `Api`, which \
                     disables it",
                    )
                    .related("`Api` disables its default endpoint"),
                sibling(TERRAFORM)
                    .message("endpoint of `aws_apigatewayv2_api.orders`")
                    .related("`aws_apigatewayv2_api.orders` disables its default endpoint"),
            ])
            .test();
    }
}
