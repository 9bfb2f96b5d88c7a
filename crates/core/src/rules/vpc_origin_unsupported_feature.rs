//! `vpc-origin-unsupported-feature`: a behavior uses with a VPC origin what VPC origins do not
//! support.

use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};

const USE_INSTEAD: &str = "Resources:
  PrivateApiVpcOrigin:
    Type: AWS::CloudFront::VpcOrigin
    Properties:
      VpcOriginEndpointConfig:
        Name: private-api-alb
        Arn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/internal-api/0123456789abcdef
        HTTPPort: 80
        HTTPSPort: 443
        OriginProtocolPolicy: https-only
        OriginSSLProtocols: [TLSv1.2]
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: private-api
            DomainName: api-internal.example.com
            VpcOriginConfig:
              VpcOriginId: !GetAtt PrivateApiVpcOrigin.Id
        DefaultCacheBehavior:
          TargetOriginId: private-api
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
";

pub static RULE: Rule = Rule {
    slug: "vpc-origin-unsupported-feature",
    summary: "A behavior uses gRPC or an origin-facing Lambda@Edge function with a VPC origin",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For behaviors whose origin (or a member of whose origin group) is a VPC \
            origin (`VpcOriginConfig`), finds `GrpcConfig.Enabled: true` and Lambda@Edge \
            associations with the `origin-request` or `origin-response` event. A VPC origin is \
            an origin kind of its own: it has no `CustomOriginConfig`, and no rule asks it for \
            one. Origin mutual TLS with a VPC origin is reported by `origin-mtls-invalid`, \
            `cf.updateRequestOrigin` on one by `edge-origin-modification-invalid`.",
        why_bad: "The CloudFront guide lists what VPC origins do not support: WebSockets, \
            gRPC traffic, and origin request and origin response triggers with Lambda@Edge. \
            Such a behavior cannot serve its requests through the VPC origin.",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n" =>
            "          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n          LambdaFunctionAssociations:\n            - EventType: origin-request\n              LambdaFunctionARN: arn:aws:lambda:us-east-1:123456789012:function:add-auth:3\n"
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "None. Move the origin-facing Lambda@Edge logic to a viewer-request \
            function or to the load balancer, and serve gRPC from a custom origin. WebSocket \
            upgrades cannot be seen in a configuration: do not route them to a VPC origin.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_VpcOriginConfig.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for b in ctx.dist.all_behaviors() {
        let Some(&vpc) = ctx
            .origins_of(b)
            .iter()
            .find(|o| o.vpc_origin_config.is_some())
        else {
            continue;
        };
        let who = format!(
            "{} sends requests to VPC {}",
            behavior_name(b),
            origin_name(vpc)
        );
        if b.grpc_enabled.get() == Some(&true) {
            let f = &b.grpc_enabled;
            out.push(ctx.finding(
                &RULE,
                f.span,
                &f.path,
                format!("{who}, and VPC origins do not support gRPC"),
            ));
        }
        for a in &b.lambda_function_associations {
            let Some(event) = a.event_type.get() else {
                continue;
            };
            if matches!(event.as_str(), "origin-request" | "origin-response") {
                out.push(ctx.finding(
                    &RULE,
                    a.event_type.span,
                    &a.event_type.path,
                    format!("{who}, and VPC origins do not support Lambda@Edge {event} triggers"),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester};

    const BEHAVIOR_END: &str =
        "          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n";

    /// The VPC origin distribution without the VpcOrigin resource (renderable), the origin
    /// id literal.
    fn plain() -> String {
        let text = RULE.docs.use_instead.text;
        let start = text.find("  Cdn:").unwrap();
        format!("Resources:\n{}", &text[start..]).with(
            "!GetAtt PrivateApiVpcOrigin.Id",
            "vo_0123456789abcdefEXAMPLE",
        )
    }

    fn with_behavior(text: &str, extra: &str) -> String {
        text.with(BEHAVIOR_END, &format!("{BEHAVIOR_END}{extra}"))
    }

    #[test]
    fn cases() {
        let grpc = "          GrpcConfig:\n            Enabled: ‸true\n";
        let lambda = |event: &str| {
            format!(
                "          LambdaFunctionAssociations:\n            - EventType: {event}\n              LambdaFunctionARN: arn:aws:lambda:us-east-1:123456789012:function:f:3\n"
            )
        };
        Tester::new(&RULE)
            .pass([
                case(RULE.docs.use_instead.text).not_rendered("a VpcOrigin resource"),
                case(plain()),
                case(with_behavior(&plain(), &lambda("viewer-request"))),
                case(with_behavior(
                    &plain(),
                    "          GrpcConfig:\n            Enabled: false\n",
                )),
                case(with_behavior(
                    &plain(),
                    "          GrpcConfig:\n            Enabled: !Ref Grpc\n",
                )),
                // gRPC towards a custom origin is fine here.
                case(with_behavior(
                    crate::rules::tester::API,
                    &grpc.replace('‸', ""),
                )),
            ])
            .fail([
                case(RULE.docs.example.text.mark("origin-request"))
                    .not_rendered("a VpcOrigin resource")
                    .message(
                        "default behavior sends requests to VPC origin `private-api`, and VPC \
                         origins do not support Lambda@Edge origin-request triggers",
                    ),
                case(with_behavior(&plain(), grpc)).message("do not support gRPC"),
                case(with_behavior(&plain(), &lambda("‸origin-response"))),
            ])
            .test();
    }
}
