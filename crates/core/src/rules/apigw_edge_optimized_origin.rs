//! `apigw-edge-optimized-origin`: an edge-optimized API behind another CloudFront distribution.

use super::helpers::sibling_api;
use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{ApiKind, OriginKind};
use crate::value::Val;

const EXAMPLE: &str = concat!(
    cfn_doc!("", sibling_api_origin!(), api_behavior!()),
    "  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
"
);

pub static RULE: Rule = Rule {
    slug: "apigw-edge-optimized-origin",
    summary: "The origin is an edge-optimized API Gateway endpoint",
    default_severity: Severity::Warning,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origins that point at a REST API defined in the same input whose \
            endpoint type is `EDGE` (the REST API default when `EndpointConfiguration` is \
            absent), or at an API Gateway custom domain whose endpoint type is `EDGE`.",
        why_bad: "An edge-optimized endpoint already sits behind an AWS-owned CloudFront \
            distribution, so every request makes two CloudFront hops: extra latency and cost, \
            and no control over the inner distribution. AWS recommends a Regional API behind \
            your own distribution.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "      Name: orders\n" => "      Name: orders\n      EndpointConfiguration:\n        Types: [REGIONAL]\n"
        )),
        exceptions: "An edge-optimized API that must also stay reachable directly by clients \
            worldwide; consider a Regional API with its own distribution instead.",
        references: &[
            "https://aws.amazon.com/premiumsupport/knowledge-center/api-gateway-cloudfront-distribution/",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html",
        ],
        fix_safety: None,
    },
    check,
};

fn is_edge(types: &crate::value::List, default_edge: bool) -> Option<bool> {
    match &types.val {
        Val::Absent => Some(default_edge),
        Val::Unknown(_) => None,
        Val::Known(_) => {
            let items = types.known_items().unwrap_or_default();
            if items.iter().any(|t| t.eq_ignore_ascii_case("EDGE")) {
                Some(true)
            } else if types.fully_known() {
                Some(false)
            } else {
                None
            }
        }
    }
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        if matches!(origin.kind.0, OriginKind::ApiGatewayDefault { .. }) {
            let Some(api) = sibling_api(ctx, origin) else {
                continue;
            };
            if api.kind == ApiKind::Rest && is_edge(&api.endpoint_types, true) == Some(true) {
                let message = format!(
                    "{} is the REST API `{}`, which is edge-optimized (its endpoint type is EDGE{}); \
                     requests pass through two CloudFront distributions. Make the API REGIONAL",
                    origin_name(origin),
                    api.name,
                    if api.endpoint_types.is_present() { "" } else { " by default" }
                );
                let span = if api.endpoint_types.is_present() {
                    api.endpoint_types.span
                } else {
                    api.span
                };
                out.push(
                    ctx.finding(
                        &RULE,
                        origin.domain_name.span,
                        &origin.domain_name.path,
                        message,
                    )
                    .with_related(span, format!("API `{}`", api.name)),
                );
            }
        } else if origin.kind.0 == OriginKind::ApiGatewayCustomDomain {
            let Some(host) = origin.domain_name.get() else {
                continue;
            };
            let domain = ctx.doc.api_domain_names.iter().find(|d| {
                d.domain_name
                    .get()
                    .is_some_and(|n| n.eq_ignore_ascii_case(host))
            });
            let Some(domain) = domain else { continue };
            if is_edge(&domain.endpoint_types, false) == Some(true) {
                let message = format!(
                    "{} is the edge-optimized API Gateway custom domain `{host}`; requests pass \
                     through two CloudFront distributions. Use a REGIONAL custom domain",
                    origin_name(origin)
                );
                out.push(
                    ctx.finding(
                        &RULE,
                        origin.domain_name.span,
                        &origin.domain_name.path,
                        message,
                    )
                    .with_related(domain.span, format!("custom domain `{}`", domain.name)),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{beside, Case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const HOST: &str = "!Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com";
    const REST: &str = "      Name: orders\n";

    /// The example's REST API with these endpoint types.
    fn types(types: &str) -> String {
        EXAMPLE.with(
            REST,
            &format!("{REST}      EndpointConfiguration:\n        Types: {types}\n"),
        )
    }

    /// An API custom domain as the origin, with these endpoint types.
    fn custom_domain(types: &str) -> String {
        beside(
            &API.with(
                "abc123defg.execute-api.eu-west-1.amazonaws.com",
                "api.example.com",
            ),
            &format!(
                "Domain:\n  Type: AWS::ApiGateway::DomainName\n  Properties:\n    DomainName: \
                 api.example.com\n    EndpointConfiguration:\n      Types: {types}"
            ),
        )
    }

    fn sibling(text: impl Into<Case>) -> Case {
        text.into()
            .not_rendered("an API or custom domain beside the distribution")
    }

    #[test]
    fn cases() {
        let http = EXAMPLE
            .with("AWS::ApiGateway::RestApi", "AWS::ApiGatewayV2::Api")
            .with(REST, &format!("{REST}      ProtocolType: HTTP\n"));
        Tester::new(&RULE)
            .pass(
                [
                    RULE.docs.use_instead.text.to_string(),
                    types("[REGIONAL]"),
                    types("[PRIVATE]"),
                    types("!Ref EndpointTypes"),
                    types("[!Ref EndpointType]"),
                    http,
                    custom_domain("[REGIONAL]"),
                    custom_domain("!Ref Types"),
                    // A custom domain without endpoint types is regional by default.
                    beside(
                        &API.with(
                            "abc123defg.execute-api.eu-west-1.amazonaws.com",
                            "api.example.com",
                        ),
                        crate::rules::tester::CUSTOM_DOMAIN,
                    ),
                ]
                .map(sibling),
            )
            .fail([
                sibling(EXAMPLE.mark(HOST))
                    .message(
                        "origin `orders-api` is the REST API `Api`, which is edge-optimized (its \
                     endpoint type is EDGE by default)",
                    )
                    .related("API `Api`"),
                sibling(types("[EDGE]").mark(HOST))
                    .message("(its endpoint type is EDGE)")
                    .related("API `Api`"),
                sibling(types("[edge, !Ref Other]").mark(HOST)).related("API `Api`"),
                sibling(custom_domain("[EDGE]").mark("api.example.com\n            OriginPath"))
                    .message(
                        "origin `orders-api` is the edge-optimized API Gateway custom domain \
                     `api.example.com`",
                    )
                    .related("custom domain `Domain`"),
            ])
            .test();
    }
}
