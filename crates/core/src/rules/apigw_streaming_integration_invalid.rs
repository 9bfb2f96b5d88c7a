//! `apigw-streaming-integration-invalid`: a REST integration streams its response in a way API
//! Gateway does not support.

use super::streaming::{anything_streams, reached, streaming};
use crate::api::{Api, Integration};
use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

const USE_INSTEAD: &str = "Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: chat
      EndpointConfiguration:
        Types: [REGIONAL]
  Chat:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !GetAtt Api.RootResourceId
      PathPart: chat
  ChatPost:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Chat
      HttpMethod: POST
      AuthorizationType: NONE
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2021-11-15/functions/${ChatFunction.Arn}/response-streaming-invocations
        ResponseTransferMode: STREAM
        TimeoutInMillis: 900000
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: chat-api
            DomainName: !Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
              OriginReadTimeout: 120
        DefaultCacheBehavior:
          TargetOriginId: chat-api
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
";

pub static RULE: Rule = Rule {
    slug: "apigw-streaming-integration-invalid",
    summary: "A REST integration streams (ResponseTransferMode STREAM) with a type, timeout or URI that does not allow it",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For the REST APIs behind the distribution's origins, finds integrations \
            with `ResponseTransferMode: STREAM` whose type is not `HTTP_PROXY` or `AWS_PROXY`, \
            or whose `TimeoutInMillis` is above 15 minutes (errors), and Lambda proxy \
            integrations that stream through the buffered `2015-03-31/…/invocations` URI \
            instead of `2021-11-15/…/response-streaming-invocations` (a warning). Findings come \
            with the first distribution whose origin reaches the API.",
        why_bad: "API Gateway streams only `HTTP_PROXY` and `AWS_PROXY` integrations (Lambda \
            proxy and private `HTTP_PROXY` included), for at most 15 minutes; a streaming \
            Lambda proxy integration invokes the function with `InvokeWithResponseStream` \
            through the `response-streaming-invocations` URI.",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "        Type: AWS_PROXY\n" => "        Type: AWS\n"
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode-lambda.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/response-streaming-http.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    if !anything_streams(ctx) {
        return Vec::new();
    }
    let mut seen: Vec<&Api> = Vec::new();
    let mut out = Vec::new();
    for o in &ctx.dist.origins {
        for api in reached(ctx, o).apis {
            if seen.iter().any(|a| std::ptr::eq(*a, api)) {
                continue;
            }
            seen.push(api);
            let streams = streaming(ctx, api);
            if !streams.is_empty() && first_reaching(ctx, api) {
                for i in streams {
                    out.extend(integration(ctx, i));
                }
            }
        }
    }
    out
}

/// True when this distribution is the first of the input with an origin that reaches `api`.
fn first_reaching(ctx: &LintContext, api: &Api) -> bool {
    for d in &ctx.doc.distributions {
        let probe = crate::lint::LintContext::new(ctx.doc, ctx.text, d);
        if d.origins.iter().any(|o| {
            reached(&probe, o)
                .apis
                .iter()
                .any(|a| std::ptr::eq(*a, api))
        }) {
            return std::ptr::eq(d, ctx.dist);
        }
    }
    false
}

fn integration(ctx: &LintContext, i: &Integration) -> Vec<Finding> {
    let tf = ctx.format() == Format::Terraform;
    let mut out = Vec::new();
    let kind = i.kind.get().map(String::as_str);
    if let Some(k) = kind.filter(|k| !matches!(*k, "HTTP_PROXY" | "AWS_PROXY")) {
        out.push(ctx.finding(
            &RULE,
            i.kind.span,
            &i.kind.path,
            format!(
                "`{}` streams its response, but its integration type is {k}; API Gateway \
                 streams only HTTP_PROXY and AWS_PROXY integrations",
                i.name
            ),
        ));
    }
    if let Some(&ms) = i.timeout_ms.get() {
        if ms > 900_000 {
            out.push(ctx.finding(
                &RULE,
                i.timeout_ms.span,
                &i.timeout_ms.path,
                format!(
                    "`{}` streams for up to {ms} ms ({}); a streamed response lasts at most 15 \
                     minutes (900000 ms)",
                    i.name,
                    if tf {
                        "timeout_milliseconds"
                    } else {
                        "TimeoutInMillis"
                    }
                ),
            ));
        }
    }
    // The buffered invocation API (`2015-03-31/functions/…/invocations`); streaming has its own
    // version (`2021-11-15/functions/…/response-streaming-invocations`).
    let buffered_uri = i
        .uri
        .as_deref()
        .is_some_and(|u| u.contains(":lambda:path/2015-03-31/functions/"));
    if kind == Some("AWS_PROXY") && buffered_uri {
        out.push(
            ctx.finding(
                &RULE,
                i.response_transfer_mode.span,
                &i.response_transfer_mode.path,
                format!(
                    "`{}` streams a Lambda proxy integration through the buffered \
                     `2015-03-31/functions/…/invocations` URI; streaming uses \
                     `2021-11-15/functions/…/response-streaming-invocations`",
                    i.name
                ),
            )
            .with_severity(Severity::Warning),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{case, second_distribution, CaseText, Tester};

    const TF: &str = r#"resource "aws_api_gateway_rest_api" "chat" {
  name = "chat"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_integration" "chat_post" {
  rest_api_id             = aws_api_gateway_rest_api.chat.id
  resource_id             = "abc123"
  http_method             = "POST"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  response_transfer_mode  = "STREAM"
  timeout_milliseconds    = 900000
  uri                     = "arn:aws:apigateway:eu-west-1:lambda:path/2021-11-15/functions/${aws_lambda_function.chat.arn}/response-streaming-invocations"
}

resource "aws_cloudfront_distribution" "api" {
  enabled = true
  origin {
    origin_id   = "chat-api"
    domain_name = "${aws_api_gateway_rest_api.chat.id}.execute-api.eu-west-1.amazonaws.com"
    origin_path = "/prod"
  }
  default_cache_behavior {
    target_origin_id = "chat-api"
  }
}
"#;

    #[test]
    fn cases() {
        let text = RULE.docs.use_instead.text;
        Tester::new(&RULE)
            .pass(
                [
                    case(text),
                    case(text.with("TimeoutInMillis: 900000", "TimeoutInMillis: !Ref Timeout")),
                    // Buffered: any type.
                    case(text.with("Type: AWS_PROXY", "Type: AWS").with("ResponseTransferMode: STREAM", "ResponseTransferMode: BUFFERED")),
                    case(TF),
                ]
                .map(|c| c.not_rendered("an API beside the distribution")),
            )
            .fail(
                [
                    case(RULE.docs.example.text.mark("AWS\n")).message(
                        "`ChatPost` streams its response, but its integration type is AWS; API \
                         Gateway streams only HTTP_PROXY and AWS_PROXY integrations",
                    ),
                    case(text.with("TimeoutInMillis: 900000", "TimeoutInMillis: ‸1800000"))
                        .message("(TimeoutInMillis); a streamed response lasts at most 15 minutes"),
                    case(text.with("path/2021-11-15/functions/${ChatFunction.Arn}/response-streaming-invocations", "path/2015-03-31/functions/${ChatFunction.Arn}/invocations").mark("STREAM"))
                        .severity(Severity::Warning),
                    case(TF.with("type                    = \"AWS_PROXY\"", "type                    = ‸\"MOCK\"")),
                    case(TF.with("timeout_milliseconds    = 900000", "timeout_milliseconds    = ‸1800000"))
                        .message("streams for up to 1800000 ms (timeout_milliseconds)"),
                    // Two distributions in front of the API: reported once.
                    case(second_distribution(&RULE.docs.example.text.mark("AWS\n"))),
                ]
                .map(|c| c.not_rendered("an API beside the distribution")),
            )
            .test();
    }
}
