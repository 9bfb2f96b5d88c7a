//! `apigw-routing-rule-invalid`: routing rules of a custom domain that API Gateway refuses or
//! never uses.

use super::routing_rules::{domain_of, first_reaching, rules_of};
use crate::api::{ConditionTest, DomainName, RoutingMode};
use crate::lint::{
    Category, Finding, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::ApiKind;

const USE_INSTEAD: &str = "Resources:
  Orders:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
      EndpointConfiguration:
        Types: [REGIONAL]
  OrdersBeta:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders-beta
      EndpointConfiguration:
        Types: [REGIONAL]
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      RegionalCertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee
      EndpointConfiguration:
        Types: [REGIONAL]
      RoutingMode: ROUTING_RULE_THEN_BASE_PATH_MAPPING
  BetaRule:
    Type: AWS::ApiGatewayV2::RoutingRule
    Properties:
      DomainNameArn: !GetAtt Domain.DomainNameArn
      Priority: 100
      Conditions:
        - MatchHeaders:
            AnyOf:
              - Header: x-version
                ValueGlob: beta
      Actions:
        - InvokeApi:
            ApiId: !Ref OrdersBeta
            Stage: prod
  Mapping:
    Type: AWS::ApiGateway::BasePathMapping
    Properties:
      DomainName: !Ref Domain
      RestApiId: !Ref Orders
      Stage: prod
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: api-domain
            DomainName: api.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: api-domain
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
";

pub static RULE: Rule = Rule {
    slug: "apigw-routing-rule-invalid",
    summary: "A custom domain's routing rules or API mappings are refused, unused or shadowed",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For API Gateway custom domains of the input that an origin reaches, checks \
            their routing rules (`AWS::ApiGatewayV2::RoutingRule`, \
            `aws_apigatewayv2_routing_rule`) against the domain's `RoutingMode`: rules on a \
            domain whose mode uses API mappings only (the default), API mappings on a \
            `ROUTING_RULE_ONLY` domain, two rules with one priority, more than two header \
            conditions or more than one base path condition in a rule, and a rule that invokes \
            an HTTP or WebSocket API (errors); a catch-all rule (no condition) ahead of other \
            rules, which then never match (a warning).",
        why_bad: "API Gateway evaluates routing rules lowest priority first and uses them only \
            when the domain's routing mode says so: with `BASE_PATH_MAPPING_ONLY` (the default) \
            rules cannot be created and callers cannot use them, with `ROUTING_RULE_ONLY` the \
            same holds for API mappings. Priorities are unique per domain; a rule takes up to \
            two header conditions and one base path condition; its only action invokes a stage \
            of a REST API. A rule without conditions matches every request.",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "      RoutingMode: ROUTING_RULE_THEN_BASE_PATH_MAPPING\n" => ""
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-rules.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-routing-mode.html",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-routingrule.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut domains: Vec<&DomainName> = Vec::new();
    for o in &ctx.dist.origins {
        if let Some(d) = domain_of(ctx, o) {
            if !domains.iter().any(|x| std::ptr::eq(*x, d)) && first_reaching(ctx, d) {
                domains.push(d);
            }
        }
    }
    domains.into_iter().flat_map(|d| domain(ctx, d)).collect()
}

fn domain(ctx: &LintContext, d: &DomainName) -> Vec<Finding> {
    let mut out = Vec::new();
    let rules = rules_of(ctx, d);
    let host = d
        .domain_name
        .get()
        .cloned()
        .unwrap_or_else(|| d.name.clone());
    match d.mode() {
        Some(RoutingMode::MappingsOnly) => {
            for r in &rules {
                out.push(ctx.finding(
                    &RULE,
                    r.span,
                    &r.path,
                    format!(
                        "routing rule `{}` belongs to custom domain `{host}`, whose routing mode \
                         uses API mappings only (the default): API Gateway neither creates nor \
                         uses its rules; set {} to ROUTING_RULE_THEN_BASE_PATH_MAPPING",
                        r.name,
                        Key::ROUTING_MODE.name(ctx.format())
                    ),
                ));
            }
        }
        Some(RoutingMode::RulesOnly) => {
            for m in ctx.doc.api_model.mappings.iter().filter(|m| {
                m.domain_ref.as_deref() == Some(d.name.as_str())
                    || m.domain_name
                        .get()
                        .zip(d.domain_name.get())
                        .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
            }) {
                out.push(ctx.finding(
                    &RULE,
                    m.span,
                    &m.path,
                    format!(
                        "API mapping `{}` belongs to custom domain `{host}`, whose routing mode is \
                         ROUTING_RULE_ONLY: callers cannot use API mappings there",
                        m.name
                    ),
                ));
            }
        }
        _ => {}
    }
    let mut seen: Vec<i64> = Vec::new();
    for r in &rules {
        if let Some(&p) = r.priority.get() {
            if seen.contains(&p) {
                out.push(ctx.finding(
                    &RULE,
                    r.priority.span,
                    &r.priority.path,
                    format!("routing rule `{}` repeats priority {p} on custom domain `{host}`; priorities are unique per domain", r.name),
                ));
            }
            seen.push(p);
        }
        if let Some(conditions) = r.conditions.get() {
            let headers = conditions
                .iter()
                .filter(|c| matches!(c.test, ConditionTest::Headers(_)))
                .count();
            let paths = conditions
                .iter()
                .filter(|c| matches!(c.test, ConditionTest::BasePaths(_)))
                .count();
            if headers > 2 || paths > 1 {
                out.push(ctx.finding(
                    &RULE,
                    r.conditions.span,
                    &r.conditions.path,
                    format!(
                        "routing rule `{}` has {headers} header and {paths} base path conditions; a \
                         rule takes at most two header conditions and one base path condition",
                        r.name
                    ),
                ));
            }
        }
        let api = r.api_ref.as_deref().and_then(|a| ctx.doc.api_model.api(a));
        if let Some(api) = api.filter(|a| matches!(a.kind, ApiKind::Http | ApiKind::WebSocket)) {
            out.push(ctx.finding(
                &RULE,
                r.api_id.span,
                &r.api_id.path,
                format!(
                    "routing rule `{}` invokes `{}`, which is not a REST API; routing rules invoke \
                     REST API stages only",
                    r.name, api.name
                ),
            ));
        }
    }
    // A catch-all ahead of other rules.
    for r in &rules {
        let (Some(conditions), Some(&p)) = (r.conditions.get(), r.priority.get()) else {
            continue;
        };
        let shadowed = rules
            .iter()
            .filter(|o| o.priority.get().is_some_and(|q| *q > p))
            .count();
        if conditions.is_empty() && shadowed > 0 {
            out.push(
                ctx.finding(
                    &RULE,
                    r.priority.span,
                    &r.priority.path,
                    format!(
                        "routing rule `{}` has no condition and priority {p}: it takes every \
                         request, so the {shadowed} rule{} after it never match{}",
                        r.name,
                        if shadowed == 1 { "" } else { "s" },
                        if shadowed == 1 { "es" } else { "" }
                    ),
                )
                .with_severity(Severity::Warning),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{case, second_distribution, CaseText, Tester};

    const MAPPING: &str = "  Mapping:\n";
    /// Another custom domain with a mapping (resources to append).
    const OTHER_DOMAIN: &str = "  Other:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      \
        DomainName: other.example.com\n      RegionalCertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\n      \
        EndpointConfiguration:\n        Types: [REGIONAL]\n  \
        OtherMapping:\n    Type: AWS::ApiGateway::BasePathMapping\n    Properties:\n      \
        DomainName: !Ref Other\n      RestApiId: !Ref Orders\n      Stage: prod\n";
    /// Where a finding about the mapping points: its properties.
    const MAPPING_BODY: &str = "Type: AWS::ApiGateway::BasePathMapping";

    fn rule(name: &str, priority: &str, conditions: &str) -> String {
        format!(
            "  {name}:\n    Type: AWS::ApiGatewayV2::RoutingRule\n    Properties:\n      DomainNameArn: !GetAtt Domain.DomainNameArn\n      Priority: {priority}\n      Conditions: {conditions}\n      Actions:\n        - InvokeApi: {{ApiId: !Ref Orders, Stage: prod}}\n"
        )
    }

    fn with_rule(text: &str, extra: &str) -> String {
        text.with(MAPPING, &format!("{extra}{MAPPING}"))
    }

    const TF: &str = r#"resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
  routing_mode             = "ROUTING_RULE_ONLY"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "orders" {
  domain_name = aws_api_gateway_domain_name.api.domain_name
  api_id      = "a1b2c3d4e5"
  stage_name  = "prod"
}

resource "aws_cloudfront_distribution" "api" {
  enabled = true
  origin {
    origin_id   = "api-domain"
    domain_name = aws_api_gateway_domain_name.api.domain_name
  }
  default_cache_behavior {
    target_origin_id = "api-domain"
  }
}
"#;

    /// A routing rule of [`TF`]'s custom domain.
    const TF_RULE: &str = r#"
‸resource "aws_apigatewayv2_routing_rule" "beta" {
  domain_name = aws_api_gateway_domain_name.api.domain_name
  priority    = 100
  condition {
    match_base_paths {
      any_of = ["orders"]
    }
  }
  action {
    invoke_api {
      api_id = "a1b2c3d4e5"
      stage  = "prod"
    }
  }
}
"#;

    #[test]
    fn cases() {
        let text = RULE.docs.use_instead.text;
        let header = "{MatchHeaders: {AnyOf: [{Header: x-version, ValueGlob: beta}]}}";
        let rules_only = text.with(
            "RoutingMode: ROUTING_RULE_THEN_BASE_PATH_MAPPING",
            "RoutingMode: ROUTING_RULE_ONLY",
        );
        let two_origins = text.with(
            "        Origins:\n",
            "        Origins:\n          - Id: api-domain-2\n            DomainName: api.example.com\n            \
             CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n",
        );
        let http = "  Http:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      Name: h\n      ProtocolType: HTTP\n";
        Tester::new(&RULE)
            .pass(
                [
                    case(text),
                    case(text.with("RoutingMode: ROUTING_RULE_THEN_BASE_PATH_MAPPING", "RoutingMode: !Ref Mode")
                        .with("OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac", "OriginRequestPolicyId: !Ref RequestPolicy")),
                    case(with_rule(text, &rule("Second", "200", "[]"))),
                    // Two header conditions, the most a rule takes.
                    case(with_rule(text, &rule("Two", "200", &format!("[{}]", [header; 2].join(", "))))),
                    case(text.with("RoutingMode: ROUTING_RULE_THEN_BASE_PATH_MAPPING", "RoutingMode: ROUTING_RULE_ONLY").with(
                        "  Mapping:\n    Type: AWS::ApiGateway::BasePathMapping\n    Properties:\n      DomainName: !Ref Domain\n      RestApiId: !Ref Orders\n      Stage: prod\n",
                        "",
                    )),
                ]
                .map(|c| c.not_rendered("API resources beside the distribution")),
            )
            .fail(
                [
                    case(RULE.docs.example.text.mark("Type: AWS::ApiGatewayV2::RoutingRule")).message(
                        "routing rule `BetaRule` belongs to custom domain `api.example.com`, whose \
                         routing mode uses API mappings only (the default)",
                    ),
                    case(with_rule(text, &rule("Twin", "‸100", "[]")))
                        .message("repeats priority 100"),
                    // Two distributions in front of the domain: reported once.
                    case(second_distribution(&with_rule(text, &rule("Twin", "‸100", "[]")))),
                    case(with_rule(text, &rule("First", "‸10", "[]"))).severity(Severity::Warning)
                        .message("has no condition and priority 10: it takes every request, so the 1 rule after it never matches"),
                    case(with_rule(text, &rule("Many", "200", "‸[{MatchBasePaths: {AnyOf: [a]}}, {MatchBasePaths: {AnyOf: [b]}}]")))
                        .message("has 0 header and 2 base path conditions"),
                    case(with_rule(&format!("{text}{http}"), &rule("ToHttp", "200", "[{MatchBasePaths: {AnyOf: [h]}}]").replace("ApiId: !Ref Orders", "ApiId: ‸!Ref Http")))
                        .message("which is not a REST API"),
                    case(TF.mark("resource \"aws_api_gateway_base_path_mapping\"")).message("whose routing mode is ROUTING_RULE_ONLY"),
                    // A mapping that refers to the domain, and one that names its host.
                    // Another domain's mapping is not this domain's.
                    case(format!("{}{OTHER_DOMAIN}", rules_only.mark(MAPPING_BODY))).message("API mapping `Mapping` belongs to custom domain `api.example.com`"),
                    case(rules_only.with("      DomainName: !Ref Domain\n      RestApiId", "      DomainName: api.example.com\n      RestApiId").mark(MAPPING_BODY))
                        .message("whose routing mode is ROUTING_RULE_ONLY"),
                    // Three header conditions; two origins on the domain report it once.
                    case(with_rule(&two_origins, &rule("Many", "200", &format!("‸[{}]", [header; 3].join(", ")))))
                        .message("has 3 header and 0 base path conditions"),
                    case(format!("{}{TF_RULE}", TF.with("  routing_mode             = \"ROUTING_RULE_ONLY\"\n", "")))
                        .message("uses its rules; set routing_mode to ROUTING_RULE_THEN_BASE_PATH_MAPPING"),
                ]
                .map(|c| c.not_rendered("API resources beside the distribution")),
            )
            .test();
    }
}
