//! `vpc-origin-settings`: a VPC origin's timeouts or TLS versions are outside what CloudFront
//! accepts or recommends.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Format, VpcOrigin};
use crate::value::{Field, Val};

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
              OriginReadTimeout: 60
              OriginKeepaliveTimeout: 5
        DefaultCacheBehavior:
          TargetOriginId: private-api
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
";

pub static RULE: Rule = Rule {
    slug: "vpc-origin-settings",
    summary: "A VPC origin's timeouts are out of range, or it allows outdated TLS versions",
    default_severity: Severity::Warning,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Checks `VpcOriginConfig.OriginReadTimeout` and `OriginKeepaliveTimeout` \
            (errors below 1 or above 180 seconds, a warning from 121 to 180: above the default \
            quota), and, on the `AWS::CloudFront::VpcOrigin` / `aws_cloudfront_vpc_origin` of \
            the same input, the TLS versions CloudFront may use towards the load balancer or \
            instance when its protocol policy is not `http-only`: `SSLv3` is an error, \
            `TLSv1` and `TLSv1.1` warnings, and a missing list a warning in CloudFormation \
            (whose schema declares `[TLSv1, SSLv3]` as the default) and information in \
            Terraform. The protocol and TLS settings of a VPC origin live on the VPC origin \
            resource, not in the distribution.",
        why_bad: "CloudFront rejects timeouts outside its range; above 120 seconds the account \
            needs a raised quota. SSLv3, TLS 1.0 and 1.1 are deprecated; an Application or \
            Network Load Balancer speaks TLS 1.2.",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "        OriginSSLProtocols: [TLSv1.2]\n" => "        OriginSSLProtocols: [TLSv1, TLSv1.1, TLSv1.2]\n"
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "An account whose response-timeout quota AWS raised may use longer \
            timeouts; a legacy instance that cannot speak TLS 1.2 (upgrade it instead).",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_VpcOriginConfig.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_VpcOriginEndpointConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    let tf = ctx.format() == Format::Terraform;
    for origin in &ctx.dist.origins {
        let Some(vpc) = &origin.vpc_origin_config else {
            continue;
        };
        let name = origin_name(origin).to_string();
        for (field, key) in [
            (
                &vpc.origin_read_timeout,
                if tf {
                    "origin_read_timeout"
                } else {
                    "OriginReadTimeout"
                },
            ),
            (
                &vpc.origin_keepalive_timeout,
                if tf {
                    "origin_keepalive_timeout"
                } else {
                    "OriginKeepaliveTimeout"
                },
            ),
        ] {
            if let Some(f) = timeout(ctx, field, &name, key) {
                out.push(f);
            }
        }
        let resource = vpc
            .vpc_origin_ref
            .as_deref()
            .and_then(|r| ctx.doc.vpc_origins.iter().find(|v| v.name == r));
        if let Some(resource) = resource.filter(|r| first_user(ctx, r)) {
            out.extend(endpoint_tls(ctx, resource, tf));
        }
    }
    out
}

fn timeout(ctx: &LintContext, field: &Field<i64>, name: &str, key: &str) -> Option<Finding> {
    let &value = field.get()?;
    let (severity, message) = if value < 1 {
        (
            Severity::Error,
            format!("VPC {name} has {key} {value}; it must be at least 1 second"),
        )
    } else if value > 180 {
        (
            Severity::Error,
            format!("VPC {name} has {key} {value} seconds; CloudFront accepts at most 180"),
        )
    } else if value > 120 {
        (
            Severity::Warning,
            format!(
                "VPC {name} has {key} {value} seconds, above the 120-second default quota; \
                 CloudFront rejects it unless the account's quota was raised"
            ),
        )
    } else {
        return None;
    };
    Some(
        ctx.finding(&RULE, field.span, &field.path, message)
            .with_severity(severity),
    )
}

/// True when this distribution is the first of the input whose origins use `resource` (its
/// settings are reported once).
fn first_user(ctx: &LintContext, resource: &VpcOrigin) -> bool {
    let uses = |d: &crate::model::Distribution| {
        d.origins.iter().any(|o| {
            o.vpc_origin_config
                .as_ref()
                .is_some_and(|v| v.vpc_origin_ref.as_deref() == Some(resource.name.as_str()))
        })
    };
    ctx.doc
        .distributions
        .iter()
        .find(|d| uses(d))
        .is_some_and(|d| std::ptr::eq(d, ctx.dist))
}

fn endpoint_tls(ctx: &LintContext, v: &VpcOrigin, tf: bool) -> Vec<Finding> {
    let policy = v
        .origin_protocol_policy
        .get()
        .map(|p| p.to_ascii_lowercase());
    if policy.as_deref() == Some("http-only") || v.origin_protocol_policy.is_unknown() {
        return Vec::new();
    }
    let key = if tf {
        "origin_ssl_protocols"
    } else {
        "OriginSSLProtocols"
    };
    let list = &v.origin_ssl_protocols;
    match &list.val {
        Val::Unknown(_) => Vec::new(),
        Val::Absent => {
            let (severity, why) = if tf {
                (Severity::Info, "the provider's default is not documented")
            } else {
                (
                    Severity::Warning,
                    "CloudFormation's schema declares [TLSv1, SSLv3] as the default",
                )
            };
            vec![ctx
                .finding(
                    &RULE,
                    v.endpoint_span,
                    &v.endpoint_path,
                    format!(
                        "VPC origin `{}` does not set {key} ({why}); set [TLSv1.2]",
                        v.name
                    ),
                )
                .with_severity(severity)]
        }
        Val::Known(items) => items
            .iter()
            .filter_map(|item| {
                let p = item.get()?;
                let severity = match p.as_str() {
                    "SSLv3" => Severity::Error,
                    "TLSv1" | "TLSv1.1" => Severity::Warning,
                    _ => return None,
                };
                Some(
                    ctx.finding(
                        &RULE,
                        item.span,
                        &item.path,
                        format!(
                            "VPC origin `{}` lets CloudFront use {p} towards the load balancer \
                             or instance ({key}); TLSv1.2 is enough",
                            v.name
                        ),
                    )
                    .with_severity(severity),
                )
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{case, second_distribution, CaseText, Tester};

    fn plain() -> String {
        let text = RULE.docs.use_instead.text;
        let start = text.find("  Cdn:").unwrap();
        format!("Resources:\n{}", &text[start..]).with(
            "!GetAtt PrivateApiVpcOrigin.Id",
            "vo_0123456789abcdefEXAMPLE",
        )
    }

    const TF: &str = r#"resource "aws_cloudfront_vpc_origin" "private_api" {
  vpc_origin_endpoint_config {
    name                   = "private-api-alb"
    arn                    = aws_lb.internal_api.arn
    http_port              = 80
    https_port             = 443
    origin_protocol_policy = "https-only"
  }
}

resource "aws_cloudfront_distribution" "api" {
  enabled = true
  origin {
    origin_id   = "private-api"
    domain_name = "api-internal.example.com"
    vpc_origin_config {
      vpc_origin_id = aws_cloudfront_vpc_origin.private_api.id
    }
  }
  default_cache_behavior {
    target_origin_id = "private-api"
  }
}
"#;

    #[test]
    fn cases() {
        let resource = RULE.docs.use_instead.text;
        Tester::new(&RULE)
            .pass([
                case(resource).not_rendered("a VpcOrigin resource"),
                case(plain()),
                case(plain().with("OriginReadTimeout: 60", "OriginReadTimeout: !Ref ReadTimeout")),
                case(resource.with("OriginProtocolPolicy: https-only", "OriginProtocolPolicy: http-only")
                    .with("OriginSSLProtocols: [TLSv1.2]", "OriginSSLProtocols: [TLSv1]"))
                    .not_rendered("a VpcOrigin resource"),
                case(TF.with("origin_protocol_policy = \"https-only\"", "origin_protocol_policy = var.policy"))
                    .not_rendered("a VPC origin resource"),
                // The limits themselves.
                case(plain().with("OriginReadTimeout: 60", "OriginReadTimeout: 1")),
                case(plain().with("OriginReadTimeout: 60", "OriginReadTimeout: 120")),
            ])
            .fail([
                case(RULE.docs.example.text.mark("TLSv1,").mark("TLSv1.1"))
                    .not_rendered("a VpcOrigin resource")
                    .message("lets CloudFront use"),
                case(resource.with("[TLSv1.2]", "[‸SSLv3, TLSv1.2]"))
                    .not_rendered("a VpcOrigin resource")
                    .severity(Severity::Error),
                case(resource.with("        OriginSSLProtocols: [TLSv1.2]\n", "").mark("Name: private-api-alb"))
                    .not_rendered("a VpcOrigin resource")
                    .message("CloudFormation's schema declares [TLSv1, SSLv3] as the default"),
                case(TF.mark("vpc_origin_endpoint_config {"))
                    .not_rendered("a VPC origin resource")
                    .severity(Severity::Info),
                case(plain().with("OriginReadTimeout: 60", "OriginReadTimeout: ‸0"))
                    .severity(Severity::Error)
                    .message("VPC origin `private-api` has OriginReadTimeout 0; it must be at least 1 second"),
                case(plain().with("OriginKeepaliveTimeout: 5", "OriginKeepaliveTimeout: ‸150"))
                    .message("above the 120-second default quota"),
                case(plain().with("OriginReadTimeout: 60", "OriginReadTimeout: ‸600"))
                    .severity(Severity::Error),
                case(plain().with("OriginReadTimeout: 60", "OriginReadTimeout: ‸180"))
                    .severity(Severity::Warning),
                case(plain().with("OriginReadTimeout: 60", "OriginReadTimeout: ‸181"))
                    .severity(Severity::Error)
                    .message("CloudFront accepts at most 180"),
                // Two distributions in front of one VPC origin: its settings are reported once.
                case(second_distribution(&RULE.docs.example.text.mark("TLSv1,").mark("TLSv1.1")))
                    .not_rendered("a VpcOrigin resource")
                    .message("lets CloudFront use"),
            ])
            .test();
    }
}
