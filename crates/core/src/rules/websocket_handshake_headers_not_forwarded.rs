//! `websocket-handshake-headers-not-forwarded`: a WebSocket API behind CloudFront does not get
//! the handshake headers.

use super::helpers::use_all_viewer_except_host;
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::{ApiKind, Format, Origin};

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
        example: Snippet {
            format: Format::CfnYaml,
            text: concat!(
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
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: !Ref ChatOrp
"
                ),
                "  ChatApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: chat
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.action
  ChatOrp:
    Type: AWS::CloudFront::OriginRequestPolicy
    Properties:
      OriginRequestPolicyConfig:
        Name: chat
        HeadersConfig:
          HeaderBehavior: whitelist
          Headers: [Sec-WebSocket-Protocol, Authorization-Token]
        CookiesConfig:
          CookieBehavior: all
        QueryStringsConfig:
          QueryStringBehavior: all
"
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: concat!(
                cfn_doc!(
                    "",
                    "            DomainName: !Sub \"${ChatApi}.execute-api.${AWS::Region}.amazonaws.com\"
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
                    api_behavior!()
                ),
                "  ChatApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: chat
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.action
"
            ),
        },
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
        let Some(origin) = ctx
            .origins_of(behavior)
            .into_iter()
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
        let cause = fwd
            .origin_request
            .as_ref()
            .map_or(&fwd.cache.cause, |o| &o.cause);
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
    use crate::lint::{fix_text, lint_text, LintConfig};
    use crate::managed;
    use crate::model::{Api, ApiKind};
    use crate::rules::test_support::*;
    use crate::value::{Field, Unknown};

    fn found(text: &str) -> Vec<(u32, u32)> {
        lint_text(text, &LintConfig::default())
            .unwrap()
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE.slug)
            .map(|f| (f.span.line, f.span.column))
            .collect()
    }

    fn at(text: &str, needle: &str) -> (u32, u32) {
        let offset = text.find(needle).expect(needle);
        crate::span::LineIndex::new(text).line_col(offset)
    }

    fn websocket_doc() -> crate::model::Document {
        let mut doc = api_doc();
        dist(&mut doc).origins[0].api_ref = Some("Ws".into());
        doc.apis.push(Api {
            name: "Ws".into(),
            kind: ApiKind::WebSocket,
            ..Api::default()
        });
        doc
    }

    #[test]
    fn handshake_headers_must_be_forwarded() {
        let mut doc = websocket_doc();
        assert!(check(&RULE, &doc).is_empty());
        // CORS-S3Origin forwards three CORS headers only.
        default_behavior(&mut doc).origin_request_policy_id =
            policy("88a5eaf4-2fd4-4709-b370-b4c650ea3fcf");
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0]
            .message
            .contains("`Sec-WebSocket-Key` and `Sec-WebSocket-Version`"));
        doc.apis[0].kind = ApiKind::Http;
        assert!(check(&RULE, &doc).is_empty(), "only WebSocket APIs");
    }

    #[test]
    fn unknown_policy_is_silent() {
        let mut doc = websocket_doc();
        default_behavior(&mut doc).origin_request_policy_id = Field::unknown(
            Unknown::Intrinsic("Fn::ImportValue".into()),
            Default::default(),
            "p",
        );
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).origin_request_policy_id = policy(managed::ALL_VIEWER);
        assert!(
            check(&RULE, &doc).is_empty(),
            "AllViewer is the Host rule's"
        );
    }

    #[test]
    fn cloudformation_end_to_end() {
        let example = RULE.docs.example.text;
        assert_eq!(found(example), vec![at(example, "!Ref ChatOrp")]);
        assert!(found(RULE.docs.use_instead.text).is_empty());
    }

    #[test]
    fn terraform_end_to_end() {
        let tf = r#"resource "aws_apigatewayv2_api" "chat" {
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
    origin_request_policy_id = "59781a5b-3903-41f3-afcb-af62929ccde1"
  }
}
"#;
        assert_eq!(found(tf), vec![at(tf, "\"59781a5b")]);
        let fixed = fix_text(tf, &LintConfig::default(), true).unwrap();
        assert!(
            fixed.contains("= \"b689b0a8-53d0-40ab-baf2-68738e2966ac\""),
            "{fixed}"
        );
        assert!(found(&fixed).is_empty(), "{fixed}");
        let http = tf.replace("\"WEBSOCKET\"", "\"HTTP\"");
        assert!(found(&http).is_empty());
    }
}
