//! `origin-read-timeout-vs-integration-timeout`: CloudFront's response timeout does not fit
//! API Gateway's integration timeout.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Api, ApiKind, Format, Origin};

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
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
              OriginReadTimeout: 10
",
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
              OriginReadTimeout: 30
",
                api_behavior!()
            ),
        },
        exceptions: "An API whose every integration is known to answer quickly may use a \
            shorter timeout on purpose, to fail fast; suppress the rule for that distribution. \
            A REST API with a raised integration timeout needs a CloudFront timeout at least \
            as long (which may need a quota increase).",
        references: &[
            "https://aws.amazon.com/about-aws/whats-new/2024/06/amazon-api-gateway-integration-timeout-limit-29-seconds/",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html",
        ],
    },
    check,
};

/// The integration timeout ceiling of the origin's API, when the input says it is fixed:
/// 30 s for an HTTP API, 29 s for an edge-optimized REST API.
fn fixed_ceiling<'a>(
    ctx: &LintContext<'a>,
    origin: &Origin,
) -> Option<(&'a Api, i64, &'static str)> {
    let api_ref = origin.api_ref.as_ref()?;
    let api = ctx.doc.apis.iter().find(|a| &a.name == api_ref)?;
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
    let key = ctx.key(
        "OriginReadTimeout",
        "OriginReadTimeout",
        "origin_read_timeout",
    );
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
                "{name} has {key} {value} seconds: CloudFront gives up before API Gateway \
                 would (29 seconds for REST, 30 for HTTP APIs) and answers 504; write \
                 methods are not retried"
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
    use crate::model::{Api, ApiKind};
    use crate::rules::test_support::*;

    fn set(doc: &mut crate::model::Document, v: crate::value::Field<i64>) {
        dist(doc).origins[0]
            .custom_origin_config
            .as_mut()
            .unwrap()
            .origin_read_timeout = v;
    }

    fn with_api(kind: ApiKind, types: crate::value::List) -> crate::model::Document {
        let mut doc = api_doc();
        doc.apis.push(Api {
            name: "Api".into(),
            kind,
            endpoint_types: types,
            ..Default::default()
        });
        dist(&mut doc).origins[0].api_ref = Some("Api".into());
        doc
    }

    #[test]
    fn short_timeouts_warn() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        set(&mut doc, known(10));
        assert_eq!(check(&RULE, &doc)[0].severity, Severity::Warning);
        set(&mut doc, known(90));
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins[0] = origin("api", "abc.lambda-url.eu-west-1.on.aws");
        set(&mut doc, known(10));
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn long_timeouts_before_fixed_apis_inform() {
        let mut doc = with_api(ApiKind::Http, Default::default());
        set(&mut doc, known(60));
        let f = check(&RULE, &doc);
        assert_eq!(f[0].severity, Severity::Info);
        assert!(f[0].message.contains("HTTP API"));
        let mut doc = with_api(ApiKind::Rest, Default::default());
        set(&mut doc, known(60));
        assert!(check(&RULE, &doc)[0].message.contains("edge-optimized"));
        let mut doc = with_api(ApiKind::Rest, list(&["REGIONAL"]));
        set(&mut doc, known(60));
        assert!(check(&RULE, &doc).is_empty());
        let mut doc = with_api(ApiKind::Rest, unknown());
        set(&mut doc, known(60));
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn unknown_timeout_is_silent() {
        let mut doc = with_api(ApiKind::Http, Default::default());
        set(&mut doc, unknown());
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end() {
        let yaml = RULE.docs.example.text;
        let f = lint_rule(&RULE, yaml);
        assert_eq!((f[0].span.line, f[0].span.column), position(yaml, "10\n"));
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
      origin_read_timeout    = 60
    }
  }
}
"#;
        let f = lint_rule(&RULE, tf);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            (f[0].span.line, f[0].span.column, f[0].severity),
            (12, 32, Severity::Info)
        );
    }
}
