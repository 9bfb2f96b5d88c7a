//! `apigw-routing-rule-header-not-forwarded`: a routing rule tests a header that CloudFront
//! does not send to API Gateway.

use super::routing_rules::{domain_of, rules_of};
use crate::api::ConditionTest;
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};

/// The docs' template with this origin request policy id and these extra resources.
macro_rules! routing_doc {
    ($orp:literal, $extra:literal) => {
        concat!("Resources:
  Orders:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
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
            ApiId: !Ref Orders
            Stage: beta
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
          OriginRequestPolicyId: ", $orp, "\n", $extra)
    };
}

const USE_INSTEAD: &str = routing_doc!("b689b0a8-53d0-40ab-baf2-68738e2966ac", "");

pub static RULE: Rule = Rule {
    slug: "apigw-routing-rule-header-not-forwarded",
    summary: "A routing rule of the custom domain behind an origin tests a header the behavior does not forward",
    default_severity: Severity::Warning,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For behaviors whose origin is an API Gateway custom domain of the input \
            that uses routing rules, finds header conditions on headers that reach API Gateway \
            neither through the behavior's cache and origin request policies nor as an origin \
            custom header.",
        why_bad: "API Gateway matches a header condition on the request it receives. CloudFront \
            sends only the viewer headers its policies forward (plus the origin's custom \
            headers), so a rule on any other header never matches through the distribution \
            and those requests go to the next rule or the API mappings.",
        example: Snippet::cfn_yaml(routing_doc!(
            "!Ref ApiRequests",
            "  ApiRequests:
    Type: AWS::CloudFront::OriginRequestPolicy
    Properties:
      OriginRequestPolicyConfig:
        Name: api-requests
        HeadersConfig:
          HeaderBehavior: allExcept
          Headers: [Host, x-version]
        CookiesConfig:
          CookieBehavior: all
        QueryStringsConfig:
          QueryStringBehavior: all
"
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "A rule meant only for callers that reach the custom domain directly.",
        references: &[
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-rules.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-origin-requests.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for b in ctx.dist.all_behaviors() {
        let Some(origin) = ctx.origin_of(b) else {
            continue;
        };
        let Some(domain) = domain_of(ctx, origin) else {
            continue;
        };
        if !domain.mode().is_some_and(|m| m.uses_rules()) {
            continue;
        }
        let fwd = ctx.forwarding(b);
        for rule in rules_of(ctx, domain) {
            let Some(conditions) = rule.conditions.get() else {
                continue;
            };
            for c in conditions {
                let ConditionTest::Headers(any_of) = &c.test else {
                    continue;
                };
                for m in any_of {
                    let Some(header) = m.header.get() else {
                        continue;
                    };
                    let custom = origin
                        .custom_headers
                        .iter()
                        .any(|h| h.name.get().is_some_and(|n| n.eq_ignore_ascii_case(header)));
                    let forwarded = fwd.headers.as_ref().and_then(|h| h.contains(header));
                    if custom || forwarded != Some(false) {
                        continue;
                    }
                    let at = match b.origin_request_policy_id.is_present() {
                        true => (
                            b.origin_request_policy_id.span,
                            b.origin_request_policy_id.path.clone(),
                        ),
                        false => (b.span, b.path.clone()),
                    };
                    out.push(ctx.finding(
                        &RULE,
                        at.0,
                        &at.1,
                        format!(
                            "routing rule `{}` of custom domain `{}` tests header `{header}`, \
                             which the {} does not forward to {}: the rule never matches \
                             through CloudFront",
                            rule.name,
                            domain.domain_name.get().map_or(domain.name.as_str(), String::as_str),
                            behavior_name(b),
                            origin_name(origin)
                        ),
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester};

    #[test]
    fn cases() {
        let text = RULE.docs.use_instead.text;
        Tester::new(&RULE)
            .pass(
                [
                    case(text),
                    case(text.with("OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac", "OriginRequestPolicyId: !Ref RequestPolicy")),
                    // Mappings only: the rule is never used anyway (apigw-routing-rule-invalid).
                    case(text.with("RoutingMode: ROUTING_RULE_THEN_BASE_PATH_MAPPING", "RoutingMode: BASE_PATH_MAPPING_ONLY")
                        .with("OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac", "OriginRequestPolicyId: 59781a5b-3903-41f3-afcb-af62929ccde1")),
                    // An origin custom header carries it.
                    case(text.with("              OriginSSLProtocols: [TLSv1.2]\n", "              OriginSSLProtocols: [TLSv1.2]\n            OriginCustomHeaders:\n              - HeaderName: x-version\n                HeaderValue: beta\n")
                        .with("OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac", "OriginRequestPolicyId: 59781a5b-3903-41f3-afcb-af62929ccde1")),
                ]
                .map(|c| c.not_rendered("API resources beside the distribution")),
            )
            .fail(
                [
                    case(RULE.docs.example.text.mark("!Ref ApiRequests")).message(
                        "routing rule `BetaRule` of custom domain `api.example.com` tests header \
                         `x-version`, which the default behavior does not forward to origin \
                         `api-domain`",
                    ),
                    case(text.with("          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n", "").mark("TargetOriginId: api-domain")),
                ]
                .map(|c| c.not_rendered("API resources beside the distribution")),
            )
            .test();
    }
}
