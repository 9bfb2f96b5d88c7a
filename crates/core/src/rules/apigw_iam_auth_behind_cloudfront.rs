//! `apigw-iam-auth-behind-cloudfront`: IAM-authorized API methods reached through CloudFront.

use super::behind::{api_name, route_name, Target};
use crate::api::{Api, Authorization, Route};
use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

const EXAMPLE: &str = concat!(
    cfn_doc!("", sibling_api_origin!(), api_behavior!()),
    rest_api!(),
    "  GetOrders:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: AWS_IAM
"
);

pub static RULE: Rule = Rule {
    slug: "apigw-iam-auth-behind-cloudfront",
    summary: "API methods with `AWS_IAM` authorization are served through CloudFront",
    default_severity: Severity::Error,
    category: Category::Security,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API Gateway methods or routes with `AuthorizationType: AWS_IAM` \
            (also SAM `Auth` with `AWS_IAM` and OpenAPI `x-amazon-apigateway-auth` / \
            `awsSigv4` security) that a behavior of the distribution reaches. \n\n\
            **What it needs to know**: the API's routes and their authorization, from the \
            template, the module or a definition given with `--api`. When the input does not \
            show which routes a behavior reaches, every `AWS_IAM` route of its API counts. An \
            API that is not in the input is not reported.",
        why_bad: "SigV4 signs the host the client talked to: the CloudFront name, not the API's \
            host, so the signature never matches (403 SignatureDoesNotMatch). CloudFront also \
            strips or rewrites `Authorization` in many setups. AWS Solutions Constructs refuse \
            this combination outright.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "      AuthorizationType: AWS_IAM\n" => "      AuthorizationType: COGNITO_USER_POOLS\n      AuthorizerId: !Ref Authorizer\n"
        )),
        exceptions: "Clients that sign against the API's own host and never go through \
            CloudFront; then the API should not be a CloudFront origin for those routes.",
        references: &[
            "https://github.com/awslabs/aws-solutions-constructs/issues/1043",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: Vec<*const Route> = Vec::new();
    for behavior in ctx.dist.all_behaviors() {
        for b in ctx.behind(behavior) {
            let Target::Api(reach) = &b.target else {
                continue;
            };
            // The routes reached; every route of the APIs when the input does not show which.
            let mut routes: Vec<(&Api, &Route)> =
                reach.routes.iter().map(|r| (r.api, r.route)).collect();
            if !reach.complete() {
                routes.extend(
                    reach
                        .apis
                        .iter()
                        .flat_map(|a| a.routes.iter().map(move |r| (*a, r))),
                );
            }
            for (api, route) in routes {
                if route.authorization.get() != Some(&Authorization::AwsIam)
                    || seen.contains(&(route as *const Route))
                {
                    continue;
                }
                seen.push(route);
                let message = format!(
                    "{} of {} uses AWS_IAM authorization but is served through {}: SigV4 \
                     signatures made for the CloudFront host never match the API host",
                    route_name(route),
                    api_name(api),
                    origin_name(b.origin)
                );
                let field = &route.authorization;
                out.push(
                    ctx.finding(&RULE, field.span, &field.path, message)
                        .with_related(b.origin.span, origin_name(b.origin).to_string()),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester};

    const EXAMPLE: &str = RULE.docs.example.text;
    const AUTH: &str = "AuthorizationType: AWS_IAM";

    /// An HTTP API with an inline OpenAPI body whose route is signed (`awsSigv4`), behind the
    /// example's origin.
    const OPENAPI: &str = r#"resource "aws_apigatewayv2_api" "api" {
  name          = "orders"
  protocol_type = "HTTP"
  body = jsonencode({
    openapi = "3.0.1"
    paths = {
      "/orders" = {
        get = {
          security = [{ sigv4 = [] }]
          "x-amazon-apigateway-integration" = { type = "AWS_PROXY", payloadFormatVersion = "2.0", uri = "arn:aws:lambda:eu-west-1:123456789012:function:orders" }
        }
      }
    }
    components = {
      securitySchemes = {
        sigv4 = { type = "apiKey", name = "Authorization", in = "header", "x-amazon-apigateway-authtype" = "awsSigv4" }
      }
    }
  })
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.api.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  origin {
    origin_id   = "api"
    domain_name = replace(aws_apigatewayv2_api.api.api_endpoint, "https://", "")
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id         = "api"
    viewer_protocol_policy   = "https-only"
    allowed_methods          = ["GET", "HEAD"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  }
}
"#;

    #[test]
    fn cases() {
        let sibling = "an API and its methods beside the distribution";
        let other_api = EXAMPLE
            .with(
                "      RestApiId: !Ref Api\n      ResourceId: !GetAtt Api.RootResourceId",
                "      RestApiId: !Ref OtherApi\n      ResourceId: !GetAtt OtherApi.RootResourceId",
            )
            .with("  GetOrders:", "  OtherApi:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: other\n  GetOrders:");
        Tester::new(&RULE)
            .pass(
                [
                    RULE.docs.use_instead.text.to_string(),
                    EXAMPLE.with(AUTH, "AuthorizationType: NONE"),
                    EXAMPLE.with(AUTH, "AuthorizationType: !Ref AuthType"),
                    // The method belongs to another API than the origin's.
                    other_api,
                    // The API is not reached through CloudFront.
                    EXAMPLE.with(
                        "!Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com",
                        "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    ),
                ]
                .map(|text| case(text).not_rendered(sibling)),
            )
            .fail([
                case(EXAMPLE.with(AUTH, "AuthorizationType: ‸aws_iam"))
                    .related("origin `orders-api`")
                    .not_rendered(sibling),
                case(EXAMPLE.mark("AWS_IAM"))
                    .message(
                        "`GET /` of REST API `Api` uses AWS_IAM authorization but is served \
                         through origin `orders-api`",
                    )
                    .related("origin `orders-api`")
                    .not_rendered(sibling),
                case(OPENAPI.with("security = [{ sigv4 = [] }]", "security = [{ ‸sigv4 = [] }]"))
                    .message("`GET /orders` of HTTP API `aws_apigatewayv2_api.api` uses AWS_IAM authorization")
                    .related("origin `api`")
                    .not_rendered(sibling),
            ])
            .test();
    }
}
