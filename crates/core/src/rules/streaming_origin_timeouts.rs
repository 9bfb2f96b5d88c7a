//! `streaming-origin-timeouts`: CloudFront's timeouts may cut a streamed response.

use super::streaming::{anything_streams, reached, streaming, url_streams};
use crate::lint::Key;
use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Origin;
use crate::value::Val;

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
        Type: HTTP_PROXY
        IntegrationHttpMethod: POST
        Uri: https://chat.internal.example.com/chat
        ResponseTransferMode: STREAM
        TimeoutInMillis: 300000
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: chat-api
            DomainName: !Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com
            OriginPath: /prod
            ResponseCompletionTimeout: 300
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
    slug: "streaming-origin-timeouts",
    summary: "An origin that streams its responses keeps the default 30-second response timeout, or a shorter completion timeout",
    default_severity: Severity::Info,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For origins in front of a streamed response — a REST API of the input with \
            an integration whose `ResponseTransferMode` is `STREAM`, or a Lambda function URL \
            with `InvokeMode: RESPONSE_STREAM` — reports, as information: an \
            `OriginReadTimeout` of 30 seconds or less (the default), a \
            `ResponseCompletionTimeout` shorter than the longest streaming integration timeout, \
            and streaming through an edge-optimized API.",
        why_bad: "CloudFront's response timeout is also \"how long CloudFront waits after \
            receiving a packet of a response from the origin and before receiving the next \
            packet\": a stream that pauses longer is cut at the edge. API Gateway keeps a \
            streamed response open for up to 5 minutes of silence on Regional and private \
            endpoints (30 seconds on edge-optimized ones, which CloudFront settings cannot \
            raise) and for up to 15 minutes in all. `ResponseCompletionTimeout`, when set, ends \
            the whole response. How long the stream pauses is not in the configuration, hence \
            information.",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "              OriginReadTimeout: 120\n" => ""
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "Streams that send a chunk (or a keep-alive comment) more often than every \
            30 seconds; suppress the rule for that distribution.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesOriginResponseTimeout",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html",
            "https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    if !anything_streams(ctx) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for o in &ctx.dist.origins {
        let reached = reached(ctx, o);
        let mut what = Vec::new();
        let mut longest_ms: Option<i64> = None;
        let mut edge = false;
        for api in &reached.apis {
            let streams = streaming(ctx, api);
            if streams.is_empty() {
                continue;
            }
            what.push(format!("REST API `{}` streams responses", api.name));
            longest_ms = streams
                .iter()
                .filter_map(|i| i.timeout_ms.get().copied())
                .chain(longest_ms)
                .max();
            edge |= match &api.endpoint_types.val {
                Val::Absent => true,
                Val::Known(_) => api
                    .endpoint_types
                    .known_items()
                    .is_some_and(|t| t.iter().any(|t| t.eq_ignore_ascii_case("EDGE"))),
                Val::Unknown(_) => false,
            };
        }
        if let Some(url) = reached.function_url.filter(|u| url_streams(u)) {
            what.push(format!("function URL `{}` streams responses", url.name));
        }
        if what.is_empty() {
            continue;
        }
        let what = what.join(" and ");
        out.extend(read_timeout(ctx, o, &what, edge));
        if let (Some(ms), Some(&rct)) = (longest_ms, o.response_completion_timeout.get()) {
            if rct * 1000 < ms {
                let f = &o.response_completion_timeout;
                out.push(ctx.finding(
                    &RULE,
                    f.span,
                    &f.path,
                    format!(
                        "{}: {what} for up to {} seconds, but {} ends every response after \
                         {rct} seconds",
                        origin_name(o),
                        ms / 1000,
                        Key::RESPONSE_COMPLETION_TIMEOUT.name(ctx.format())
                    ),
                ));
            }
        }
    }
    out
}

fn read_timeout(ctx: &LintContext, o: &Origin, what: &str, edge: bool) -> Option<Finding> {
    let key = Key::ORIGIN_READ_TIMEOUT.name(ctx.format());
    if edge {
        return Some(ctx.finding(
            &RULE,
            o.domain_name.span,
            &o.domain_name.path,
            format!(
                "{}: {what} through an edge-optimized endpoint, whose idle timeout is a fixed \
                 30 seconds; a Regional endpoint keeps a silent stream open for 5 minutes",
                origin_name(o)
            ),
        ));
    }
    let (read, span, path) = match o.read_timeout() {
        Some(f) => match &f.val {
            Val::Known(v) => (*v, f.span, f.path.clone()),
            Val::Unknown(_) => return None,
            Val::Absent => (30, f.span, f.path.clone()),
        },
        None => (30, o.span, o.path.clone()),
    };
    (read <= 30).then(|| {
        ctx.finding(
            &RULE,
            span,
            &path,
            format!(
                "{}: {what}, and CloudFront cuts a stream that pauses more than {read} seconds \
                 between two chunks ({key}); raise it (up to 120 seconds) if the stream can \
                 pause longer",
                origin_name(o)
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester};

    const TF_URL: &str = r#"resource "aws_lambda_function_url" "chat" {
  function_name      = aws_lambda_function.chat.function_name
  authorization_type = "AWS_IAM"
  invoke_mode        = "RESPONSE_STREAM"
}

resource "aws_cloudfront_distribution" "api" {
  enabled = true
  origin {
    origin_id                = "chat-url"
    domain_name              = replace(replace(aws_lambda_function_url.chat.function_url, "https://", ""), "/", "")
    origin_access_control_id = "E2QWRUHEXAMPLE"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
      origin_read_timeout    = 120
    }
  }
  default_cache_behavior {
    target_origin_id = "chat-url"
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
                    case(text.with("ResponseTransferMode: STREAM", "ResponseTransferMode: BUFFERED")
                        .with("              OriginReadTimeout: 120\n", "")),
                    case(text.with("OriginReadTimeout: 120", "OriginReadTimeout: !Ref ReadTimeout")),
                    case(TF_URL),
                ]
                .map(|c| c.not_rendered("an API or function URL beside the distribution")),
            )
            .fail(
                [
                    case(RULE.docs.example.text.mark("OriginProtocolPolicy")).message(
                        "origin `chat-api`: REST API `Api` streams responses, and CloudFront cuts \
                         a stream that pauses more than 30 seconds between two chunks \
                         (OriginReadTimeout)",
                    ),
                    case(text.with("ResponseCompletionTimeout: 300", "ResponseCompletionTimeout: ‸120"))
                        .message("streams responses for up to 300 seconds, but ResponseCompletionTimeout ends every response after 120 seconds"),
                    case(text.with("Types: [REGIONAL]", "Types: [EDGE]").mark("!Sub ${Api}"))
                        .message("whose idle timeout is a fixed 30 seconds"),
                    case(TF_URL.with("origin_read_timeout    = 120", "origin_read_timeout    = ‸30"))
                        .message("function URL `aws_lambda_function_url.chat` streams responses"),
                ]
                .map(|c| c.not_rendered("an API or function URL beside the distribution")),
            )
            .test();
    }
}
