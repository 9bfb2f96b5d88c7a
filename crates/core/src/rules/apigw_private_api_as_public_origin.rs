//! `apigw-private-api-as-public-origin`: a private REST API used as a public origin.

use super::helpers::sibling_api;
use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::OriginKind;

const EXAMPLE: &str = concat!(
    cfn_doc!("", sibling_api_origin!(), api_behavior!()),
    "  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
      EndpointConfiguration:
        Types: [PRIVATE]
"
);

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
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(EXAMPLE, "Types: [PRIVATE]" => "Types: [REGIONAL]")),
        exceptions: "To keep the API private, put a CloudFront VPC origin (an internal \
            Application or Network Load Balancer) in front of an execute-api interface \
            endpoint instead; origins with a `VpcOriginConfig` are not reported.",
        references: &[
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html",
            "https://aws.amazon.com/blogs/compute/accessing-private-amazon-api-gateway-endpoints-through-custom-amazon-cloudfront-distribution-using-vpc-origins",
        ],
        fix_safety: None,
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
        let Some(api) = sibling_api(ctx, origin) else {
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
    use crate::rules::tester::{case, tf, CaseText, Tester, API_HOST};

    const EXAMPLE: &str = RULE.docs.example.text;
    const HOST: &str = "!Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com";

    fn types(types: &str) -> String {
        EXAMPLE.with("Types: [PRIVATE]", &format!("Types: {types}"))
    }

    fn terraform() -> String {
        let api = r#"resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = ["vpce-0123456789abcdef0"]
  }
}
"#;
        let distribution = tf("", "    origin_path = \"/prod\"\n", "").with(
            &format!("\"{API_HOST}\""),
            "‸\"${aws_api_gateway_rest_api.orders.id}.execute-api.eu-west-1.amazonaws.com\"",
        );
        format!("{api}\n{distribution}")
    }

    #[test]
    fn cases() {
        let sibling = "an API beside the distribution";
        let vpc_origin = EXAMPLE.with(
            "            OriginPath: /prod\n",
            "            OriginPath: /prod\n            VpcOriginConfig:\n              VpcOriginId: vo_abc\n",
        );
        Tester::new(&RULE)
            .pass(
                [
                    RULE.docs.use_instead.text.to_string(),
                    types("[EDGE]"),
                    types("!Ref EndpointTypes"),
                    types("[!Ref EndpointType]"),
                    EXAMPLE.with(
                        "      EndpointConfiguration:\n        Types: [PRIVATE]\n",
                        "",
                    ),
                    vpc_origin,
                ]
                .map(|text| case(text).not_rendered(sibling)),
            )
            .fail([
                case(EXAMPLE.mark(HOST))
                    .message(
                        "origin `orders-api` is the public host of the REST API `Api`, whose \
                         endpoint type is PRIVATE",
                    )
                    .related("API `Api`")
                    .not_rendered(sibling),
                case(types("[private]").mark(HOST))
                    .related("API `Api`")
                    .not_rendered(sibling),
                case(terraform())
                    .message("REST API `aws_api_gateway_rest_api.orders`")
                    .related("API `aws_api_gateway_rest_api.orders`")
                    .not_rendered(sibling),
            ])
            .test();
    }
}
