//! `apigw-custom-domain-origin-path-stage`: a stage name as origin path of a custom domain.

use crate::lint::{
    origin_name, Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::OriginKind;
use crate::value::Val;

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        "            DomainName: api-origin.example.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
        api_behavior!()
    ),
    rest_api!(),
    "  ProdStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      StageName: prod
      DeploymentId: abc123
  ApiDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api-origin.example.com
      RegionalCertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789
      EndpointConfiguration:
        Types: [REGIONAL]
  Mapping:
    Type: AWS::ApiGateway::BasePathMapping
    Properties:
      DomainName: !Ref ApiDomain
      RestApiId: !Ref Api
      Stage: prod
"
);

pub static RULE: Rule = Rule {
    slug: "apigw-custom-domain-origin-path-stage",
    summary: "A custom domain origin has a stage name as origin path",
    default_severity: Severity::Warning,
    category: Category::Connectivity,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origins whose host is an API Gateway custom domain defined in the \
            same input and whose `OriginPath` starts with the name of a stage defined there \
            (`/prod`), when no API mapping of the input uses that name as its base path. Stays \
            silent when a mapping's base path is unknown. Mappings that SAM creates from an \
            API's `Domain` property are not read.",
        why_bad: "A custom domain routes by its API mappings (base paths), not by stage: the \
            mapping already selects the stage. With the stage name in the origin path, \
            `/orders` reaches the API as `/prod/orders`, which matches no route, and API \
            Gateway answers 403 \"Missing Authentication Token\". AWS's guide leaves the origin \
            path empty for a custom domain origin.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(EXAMPLE, "            OriginPath: /prod\n" => "")),
        exceptions: "An API mapping defined outside the input whose base path happens to be the \
            stage name, or an API with a resource named like the stage. The fix (unsafe) \
            empties the origin path, and is offered only when every API mapping of the input \
            maps the domain's root. Suppress with `apifront: {ignore: \
            [apigw-custom-domain-origin-path-stage]}` in the distribution's Metadata.",
        references: &[
            "https://repost.aws/knowledge-center/api-gateway-domain-cloudfront",
            "https://repost.aws/knowledge-center/api-gateway-403-custom-domain",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html",
        ],
        fix_safety: None,
    },
    check,
};

/// A mapping base path without slashes; `None` for the domain root.
fn base_path(raw: &str) -> Option<&str> {
    let trimmed = raw.trim().trim_matches('/');
    (!trimmed.is_empty() && trimmed != "(none)").then_some(trimmed)
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut mapped: Vec<Option<&str>> = Vec::new();
    for mapping in &ctx.doc.api_mappings {
        match &mapping.base_path.val {
            Val::Unknown(_) => return Vec::new(),
            Val::Known(p) => mapped.push(base_path(p)),
            Val::Absent => mapped.push(None),
        }
    }
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        if origin.kind.0 != OriginKind::ApiGatewayCustomDomain {
            continue;
        }
        let field = &origin.origin_path;
        let Some(path) = field.get() else { continue };
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        if first.is_empty() {
            continue;
        }
        let Some(stage) = ctx
            .doc
            .stages
            .iter()
            .find(|s| s.stage_name.get().is_some_and(|n| n == first))
        else {
            continue;
        };
        let is_mapping = mapped
            .iter()
            .flatten()
            .any(|m| m.split('/').next() == Some(first) || *m == path.trim_matches('/'));
        if is_mapping {
            continue;
        }
        let message = format!(
            "{} is an API Gateway custom domain with {} `{path}`, the stage name `{first}`; \
             custom domains route by API mapping, so requests reach the API as `{path}/…` and \
             API Gateway answers 403. Leave the origin path empty (or use the mapping's base \
             path)",
            origin_name(origin),
            Key::ORIGIN_PATH.name(ctx.format())
        );
        let fix = if !mapped.is_empty() && mapped.iter().all(Option::is_none) {
            Fix::unsafe_(
                "empty the origin path",
                vec![ctx.editor().replace_string(field.span, "")],
            )
        } else {
            None
        };
        out.push(
            ctx.finding(&RULE, field.span, &field.path, message)
                .with_related(stage.stage_name.span, format!("stage `{first}`"))
                .with_fix(fix),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{Case, CaseText, Tester};

    const EXAMPLE: &str = RULE.docs.example.text;
    const MAPPING: &str = "      Stage: prod\n";
    const PATH: &str = "OriginPath: /prod";

    /// The example whose base path mapping has `BasePath: base`.
    fn base_path(base: &str) -> String {
        EXAMPLE.with(MAPPING, &format!("{MAPPING}      BasePath: {base}\n"))
    }

    const TERRAFORM: &str = r#"resource "aws_apigatewayv2_api" "orders" {
  name          = "orders"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "live" {
  api_id      = aws_apigatewayv2_api.orders.id
  name        = "live"
  auto_deploy = true
}

resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api-origin.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/x"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "orders" {
  api_id          = aws_apigatewayv2_api.orders.id
  domain_name     = aws_apigatewayv2_domain_name.api.id
  stage           = aws_apigatewayv2_stage.live.id
  api_mapping_key = "orders"
}

resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "api-origin.example.com"
    origin_path = "/live"
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}
"#;

    fn sibling(text: impl Into<Case>) -> Case {
        text.into()
            .not_rendered("an API, stage, custom domain and mapping beside the distribution")
    }

    #[test]
    fn cases() {
        let no_mapping = EXAMPLE.with(
            "  Mapping:\n    Type: AWS::ApiGateway::BasePathMapping\n    Properties:\n      \
             DomainName: !Ref ApiDomain\n      RestApiId: !Ref Api\n      Stage: prod\n",
            "",
        );
        Tester::new(&RULE)
            .pass(
                [
                    RULE.docs.use_instead.text.to_string(),
                    base_path("prod"),
                    base_path("/prod/v1"),
                    base_path("!Ref BasePath"),
                    EXAMPLE.with(PATH, "OriginPath: /v1"),
                    EXAMPLE.with(PATH, "OriginPath: ''"),
                    EXAMPLE.with(PATH, "OriginPath: !Sub '/${StageName}'"),
                    TERRAFORM.with("\"/live\"", "\"/orders\""),
                    TERRAFORM.with("api_mapping_key = \"orders\"", "api_mapping_key = \"live\""),
                    TERRAFORM.with("api_mapping_key = \"orders\"", "api_mapping_key = var.key"),
                ]
                .map(sibling),
            )
            .fail([
                sibling(no_mapping.mark("/prod\n")).message(
                    "origin `orders-api` is an API Gateway custom domain with OriginPath \
                     `/prod`, the stage name `prod`",
                )
                .related("stage `prod`"),
                sibling(base_path("orders").mark("/prod\n")).related("stage `prod`"),
                sibling(TERRAFORM.mark("\"/live\""))
                    .message("is an API Gateway custom domain with origin_path `/live`, the stage name `live`")
                    .related("stage `live`"),
            ])
            .unsafe_fix([
                (
                    sibling(EXAMPLE.mark("/prod\n")).related("stage `prod`"),
                    EXAMPLE.with(PATH, "OriginPath: \"\""),
                ),
                // `(none)`, as the console and the CLI show the root, maps the domain root.
                (
                    sibling(base_path("'(none)'").mark("/prod\n")).related("stage `prod`"),
                    base_path("'(none)'").with(PATH, "OriginPath: \"\""),
                ),
            ])
            .test();
    }
}
