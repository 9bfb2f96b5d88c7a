//! `origin-read-timeout-vs-integration-timeout`: CloudFront's response timeout does not fit
//! API Gateway's integration timeout.

use super::helpers::{seconds, sibling_api};
use crate::lint::Key;
use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Api, ApiKind, Origin};

pub static RULE: Rule = Rule {
    slug: "origin-read-timeout-vs-integration-timeout",
    summary: "An API Gateway origin's OriginReadTimeout is shorter than the API's integration timeout",
    default_severity: Severity::Warning,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For API Gateway origins, finds an `OriginReadTimeout` below 29 seconds \
            (a warning), and, as information, one above 30 seconds in front of an HTTP API or \
            an edge-optimized REST API of the same input, which cannot take longer than 30 \
            and 29 seconds.",
        why_bad: "API Gateway waits for an integration up to 29 seconds (REST, by default; \
            Regional and private REST APIs can raise it since June 2024) or 30 seconds (HTTP \
            APIs, fixed). A shorter CloudFront timeout cuts off responses the API would still \
            deliver, and CloudFront does not retry POST, PUT, PATCH or DELETE after a read \
            timeout. A longer one in front of an API that cannot take longer only delays the \
            API's own 504.",
        example: Snippet::cfn_yaml(cfn_doc!(
            "",
            concat!(api_origin!(), "              OriginReadTimeout: 10\n"),
            api_behavior!()
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
            "",
            concat!(api_origin!(), "              OriginReadTimeout: 30\n"),
            api_behavior!()
        )),
        exceptions: "An API whose every integration is known to answer quickly may use a \
            shorter timeout on purpose, to fail fast; suppress the rule for that distribution. \
            A REST API with a raised integration timeout needs a CloudFront timeout at least \
            as long (which may need a quota increase).",
        references: &[
            "https://aws.amazon.com/about-aws/whats-new/2024/06/amazon-api-gateway-integration-timeout-limit-29-seconds/",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html",
        ],
        fix_safety: None,
    },
    check,
};

/// The integration timeout ceiling of the origin's API, when the input says it is fixed:
/// 30 s for an HTTP API, 29 s for an edge-optimized REST API.
fn fixed_ceiling<'a>(
    ctx: &LintContext<'a>,
    origin: &Origin,
) -> Option<(&'a Api, i64, &'static str)> {
    let api = sibling_api(ctx, origin)?;
    match api.kind {
        ApiKind::Http => Some((
            api,
            30,
            "an HTTP API, whose integrations time out after 30 seconds",
        )),
        ApiKind::Rest => {
            let types = &api.endpoint_types;
            let edge = match types.known_items() {
                None if !types.is_present() => true,
                Some(items) if types.fully_known() => {
                    items.iter().any(|t| t.eq_ignore_ascii_case("EDGE"))
                }
                _ => false,
            };
            edge.then_some((
                api,
                29,
                "an edge-optimized REST API, whose integrations time out after at most 29 seconds",
            ))
        }
        _ => None,
    }
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let key = Key::ORIGIN_READ_TIMEOUT.name(ctx.format());
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        if !origin.kind.0.is_api_gateway() {
            continue;
        }
        let Some(config) = &origin.custom_origin_config else {
            continue;
        };
        let field = &config.origin_read_timeout;
        let Some(&value) = field.get() else { continue };
        let name = origin_name(origin);
        if (1..29).contains(&value) {
            let message = format!(
                "{name} has {key} {}: CloudFront gives up before API Gateway \
                 would (29 seconds for REST, 30 for HTTP APIs) and answers 504; write \
                 methods are not retried",
                seconds(value)
            );
            out.push(ctx.finding(&RULE, field.span, &field.path, message));
        } else if value > 30 {
            let Some((api, ceiling, what)) = fixed_ceiling(ctx, origin) else {
                continue;
            };
            let message = format!(
                "{name} has {key} {value} seconds, but `{}` is {what}: the API answers 504 \
                 after {ceiling} seconds anyway",
                api.name
            );
            out.push(
                ctx.finding(&RULE, field.span, &field.path, message)
                    .with_severity(Severity::Info)
                    .with_related(api.span, format!("API `{}`", api.name)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{beside, case, Case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const TIMEOUT: &str = "OriginReadTimeout: 10";

    fn timeout(value: &str) -> String {
        EXAMPLE.with(TIMEOUT, &format!("OriginReadTimeout: {value}"))
    }

    /// [`timeout`] with the origin being the endpoint of an API beside the distribution:
    /// `resource` is its type and properties.
    fn api(value: &str, resource: &str) -> Case {
        let text = timeout(value).with(
            "abc123defg.execute-api.eu-west-1.amazonaws.com",
            "!Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com",
        );
        case(beside(&text, &format!("Api:\n{resource}")))
            .not_rendered("an API beside the distribution")
    }

    const HTTP: &str =
        "  Type: AWS::ApiGatewayV2::Api\n  Properties:\n    Name: orders\n    ProtocolType: HTTP";
    const REST: &str = "  Type: AWS::ApiGateway::RestApi\n  Properties:\n    Name: orders";

    #[test]
    fn cases() {
        let regional = format!("{REST}\n    EndpointConfiguration:\n      Types: [REGIONAL]");
        let unknown_types = format!("{REST}\n    EndpointConfiguration:\n      Types: !Ref Types");
        let tf = r#"resource "aws_apigatewayv2_api" "http" {
  name          = "orders"
  protocol_type = "HTTP"
}

resource "aws_cloudfront_distribution" "d" {
  origin {
    origin_id   = "api"
    domain_name = replace(aws_apigatewayv2_api.http.api_endpoint, "https://", "")
    custom_origin_config {
      origin_protocol_policy = "https-only"
      origin_read_timeout    = ‸60
    }
  }
}
"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                timeout("29"),
                timeout("30"),
                // No API beside the distribution says the timeout is capped.
                timeout("90"),
                timeout("!Ref ReadTimeout"),
                // Not an API Gateway origin.
                timeout("10").with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "abc.lambda-url.eu-west-1.on.aws",
                ),
            ])
            .pass([
                api("60", &regional),
                api("60", &unknown_types),
                // Whether the API is edge-optimized is not known.
                api("60", &format!("{REST}\n    EndpointConfiguration:\n      Types: [!Ref Type, EDGE]")),
                api("!Ref ReadTimeout", HTTP),
                // 30 seconds, the default, is the HTTP API's own limit.
                api("30", HTTP),
            ])
            .fail([
                case(EXAMPLE.mark("10\n")).message(
                    "origin `orders-api` has OriginReadTimeout 10 seconds: CloudFront gives up \
                     before API Gateway would (29 seconds for REST, 30 for HTTP APIs) and \
                     answers 504",
                ),
                case(timeout("‸1")),
                api("‸60", HTTP)
                    .severity(Severity::Info)
                    .message("origin `orders-api` has OriginReadTimeout 60 seconds, but `Api` is an HTTP API")
                    .related("API `Api`"),
                api("‸60", REST)
                    .severity(Severity::Info)
                    .message("edge-optimized")
                    .related("API `Api`"),
                api("‸60", &format!("{REST}\n    EndpointConfiguration:\n      Types: [EDGE]"))
                    .severity(Severity::Info)
                    .message("edge-optimized")
                    .related("API `Api`"),
                case(tf)
                    .severity(Severity::Info)
                    .related("API `aws_apigatewayv2_api.http`")
                    .not_rendered("an API beside the distribution"),
            ])
            .test();
    }
}
