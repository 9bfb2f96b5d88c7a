//! `websocket-handshake-headers-not-forwarded`: a WebSocket API behind CloudFront does not get
//! the handshake headers.

use super::helpers::{request_cause, use_all_viewer_except_host};
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::{ApiKind, Origin};

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        "            DomainName: !Sub \"${ChatApi}.execute-api.${AWS::Region}.amazonaws.com\"
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
        "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: !Ref ApiCache
"
    ),
    "  ChatApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: chat
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.action
",
    api_cache!(
        "[Authorization, Origin, Access-Control-Request-Method, Access-Control-Request-Headers]",
        "all",
        "all"
    )
);

pub static RULE: Rule = Rule {
    slug: "websocket-handshake-headers-not-forwarded",
    summary: "A WebSocket API origin does not receive `Sec-WebSocket-Key` and \
        `Sec-WebSocket-Version`",
    default_severity: Severity::Error,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds behaviors whose origin is an API Gateway WebSocket API defined in \
            the same input (`ProtocolType: WEBSOCKET`, `protocol_type = \"WEBSOCKET\"`) where \
            the cache policy and origin request policy do not forward `Sec-WebSocket-Key` and \
            `Sec-WebSocket-Version`. A forwarded `Host` and enabled caching are reported by \
            `apigw-host-header-forwarded` and `api-behavior-caching-enabled`.",
        why_bad: "CloudFront upgrades a connection to WebSocket only when the handshake headers \
            reach the origin; without them every connection attempt fails. API Gateway still \
            needs its own `Host`, so the all-viewer policy that forwards `Host` is no way out.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "          TargetOriginId: orders-api\n" => "          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n          TargetOriginId: orders-api\n"
        )),
        exceptions: "None for WebSocket APIs. Only APIs defined in the same input are known to \
            be WebSocket APIs; a WebSocket API referenced by a literal host name is not \
            checked. The unsafe fix switches to AllViewerExceptHostHeader, which forwards every \
            handshake header; a custom policy listing `Sec-WebSocket-Key`, \
            `Sec-WebSocket-Version`, `Sec-WebSocket-Protocol` and `Sec-WebSocket-Extensions` \
            works too.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-working-with.websockets.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
        ],
        fix_safety: None,
    },
    check,
};

const HANDSHAKE_HEADERS: [&str; 2] = ["Sec-WebSocket-Key", "Sec-WebSocket-Version"];

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for behavior in ctx.dist.all_behaviors() {
        let Some(&origin) = ctx
            .origins_of(behavior)
            .iter()
            .find(|o| is_websocket_api(ctx, o))
        else {
            continue;
        };
        let fwd = ctx.forwarding(behavior);
        let Some(headers) = &fwd.headers else {
            continue;
        };
        let missing: Vec<String> = HANDSHAKE_HEADERS
            .into_iter()
            .filter(|h| headers.contains(h) == Some(false))
            .map(|h| format!("`{h}`"))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let cause = request_cause(&fwd);
        let message = format!(
            "{} does not forward {} to the WebSocket API {} ({}); CloudFront cannot upgrade \
             the connection",
            behavior_name(behavior),
            missing.join(" and "),
            origin_name(origin),
            cause.description
        );
        out.push(
            ctx.finding(&RULE, cause.span, &cause.path, message)
                .with_fix(use_all_viewer_except_host(ctx, behavior, &fwd)),
        );
    }
    out
}

/// True when the origin refers to an API of the input that is a WebSocket API.
fn is_websocket_api(ctx: &LintContext, origin: &Origin) -> bool {
    origin.kind.0.is_api_gateway()
        && origin.api_ref.as_ref().is_some_and(|name| {
            ctx.doc
                .apis
                .iter()
                .any(|a| &a.name == name && a.kind == ApiKind::WebSocket)
        })
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{beside, Case, CaseText, Tester, API};

    const ORP: &str = "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac";

    /// The API distribution in front of the endpoint of an API of `protocol` beside it, with
    /// origin request policy `orp`.
    fn api(protocol: &str, orp: &str) -> String {
        beside(
            &API.with(
                "abc123defg.execute-api.eu-west-1.amazonaws.com",
                "!Sub \"${ChatApi}.execute-api.${AWS::Region}.amazonaws.com\"",
            )
            .with(ORP, &format!("OriginRequestPolicyId: {orp}")),
            &format!(
                "ChatApi:\n  Type: AWS::ApiGatewayV2::Api\n  Properties:\n    Name: chat\n    \
                 ProtocolType: {protocol}\n    RouteSelectionExpression: $request.body.action"
            ),
        )
    }

    fn sibling(text: impl Into<Case>) -> Case {
        text.into().not_rendered("an API beside the distribution")
    }

    const TERRAFORM: &str = r#"resource "aws_apigatewayv2_api" "chat" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "chat"
    domain_name = "${aws_apigatewayv2_api.chat.id}.execute-api.eu-west-1.amazonaws.com"
    origin_path = "/prod"
  }
  default_cache_behavior {
    target_origin_id         = "chat"
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = ‸"59781a5b-3903-41f3-afcb-af62929ccde1"
  }
}
"#;

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let all_viewer_except_host = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
        Tester::new(&RULE)
            .pass([API.to_string()])
            .pass(
                [
                    RULE.docs.use_instead.text.to_string(),
                    api("WEBSOCKET", all_viewer_except_host),
                    api("WEBSOCKET", "!ImportValue chat-orp"),
                    // AllViewer forwards them (its Host is another rule's problem).
                    api("WEBSOCKET", "216adef6-5c7f-47e4-b989-5492eafa07d3"),
                    // Only WebSocket APIs need the handshake headers.
                    api("HTTP", "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf"),
                    TERRAFORM.unmarked().with("\"WEBSOCKET\"", "\"HTTP\""),
                ]
                .map(sibling),
            )
            .fail([sibling(beside(
                &api("WEBSOCKET", "‸!Ref ChatOrp"),
                "ChatOrp:\n  Type: AWS::CloudFront::OriginRequestPolicy\n  Properties:\n    \
                 OriginRequestPolicyConfig:\n      Name: chat\n      HeadersConfig:\n        \
                 HeaderBehavior: whitelist\n        Headers: [Sec-WebSocket-Protocol, \
                 Authorization]\n      CookiesConfig:\n        CookieBehavior: all\n      \
                 QueryStringsConfig:\n        QueryStringBehavior: all",
            ))
            .message(
                "default behavior does not forward `Sec-WebSocket-Key` and \
                 `Sec-WebSocket-Version` to the WebSocket API origin `orders-api` (custom origin \
                 request policy `ChatOrp`); CloudFront cannot upgrade the connection",
            )])
            .unsafe_fix([
                (
                    sibling(example.mark("!Ref ApiCache"))
                        .message("(custom cache policy `ApiCache`)"),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    sibling(api("WEBSOCKET", "‸88a5eaf4-2fd4-4709-b370-b4c650ea3fcf")),
                    api("WEBSOCKET", all_viewer_except_host),
                ),
                (
                    sibling(TERRAFORM),
                    TERRAFORM.unmarked().with(
                        "59781a5b-3903-41f3-afcb-af62929ccde1",
                        all_viewer_except_host,
                    ),
                ),
            ])
            .test();
    }
}
