//! `continuous-deployment-policy-invalid`: a continuous deployment policy CloudFront refuses.

use super::continuous_deployment::{is_staging, reports_policy};
use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{ContinuousDeploymentPolicy, Format};

const USE_INSTEAD: &str = "Resources:
  Staging:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Staging: true
        HttpVersion: http2
        Origins:
          - Id: orders-api
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /v2
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: orders-api
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
  Canary:
    Type: AWS::CloudFront::ContinuousDeploymentPolicy
    Properties:
      ContinuousDeploymentPolicyConfig:
        Enabled: true
        StagingDistributionDnsNames: [!GetAtt Staging.DomainName]
        TrafficConfig:
          Type: SingleHeader
          SingleHeaderConfig:
            Header: aws-cf-cd-canary
            Value: 'on'
";

pub static RULE: Rule = Rule {
    slug: "continuous-deployment-policy-invalid",
    summary: "A continuous deployment policy breaks CloudFront's limits for its header, weight or stickiness",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Checks the `AWS::CloudFront::ContinuousDeploymentPolicy` / \
            `aws_cloudfront_continuous_deployment_policy` resources of the input (legacy \
            `SingleHeaderPolicyConfig` / `SingleWeightPolicyConfig` too): a header-based \
            policy's header must start with `aws-cf-cd-`; a weight must be between 0 and 0.15; \
            session stickiness TTLs must be 300–3600 seconds with `IdleTTL` not above \
            `MaximumTTL`; a staging DNS name that refers to a distribution of the same input \
            must be a staging one. The findings come with the primary distribution that uses \
            the policy (else the first distribution of the input).",
        why_bad: "CloudFront refuses such a policy: the header \"must contain the prefix \
            aws-cf-cd-\", at most 15 % of the traffic can go to the staging distribution, and \
            the stickiness TTLs have fixed bounds. A policy that names a distribution without \
            `Staging: true` can never send it traffic.",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "Header: aws-cf-cd-canary" => "Header: x-canary"
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ContinuousDeploymentSingleHeaderConfig.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ContinuousDeploymentSingleWeightConfig.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_SessionStickinessConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/continuous-deployment-quotas-considerations.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.doc
        .continuous_deployment_policies
        .iter()
        .filter(|p| reports_policy(ctx, p))
        .flat_map(|p| policy(ctx, p))
        .collect()
}

fn policy(ctx: &LintContext, p: &ContinuousDeploymentPolicy) -> Vec<Finding> {
    let tf = ctx.format() == Format::Terraform;
    let key = |cfn: &'static str, terraform: &'static str| if tf { terraform } else { cfn };
    let mut out = Vec::new();
    let mut push = |field_span, field_path: &str, message: String| {
        out.push(ctx.finding(&RULE, field_span, field_path, message));
    };
    if let Some(h) = p.header.get() {
        if !h.to_ascii_lowercase().starts_with("aws-cf-cd-") {
            push(
                p.header.span,
                &p.header.path,
                format!(
                    "continuous deployment policy `{}` uses header `{h}`; the header must start \
                     with `aws-cf-cd-`",
                    p.name
                ),
            );
        }
    }
    if let Some(w) = p.weight.get() {
        if let Ok(weight) = w.trim().parse::<f64>() {
            if !(0.0..=0.15).contains(&weight) {
                push(
                    p.weight.span,
                    &p.weight.path,
                    format!(
                        "continuous deployment policy `{}` sends {w} of the traffic to staging; \
                         {} must be between 0 and 0.15",
                        p.name,
                        key("Weight", "weight")
                    ),
                );
            }
        }
    }
    for (f, name) in [
        (&p.idle_ttl, key("IdleTTL", "idle_ttl")),
        (&p.maximum_ttl, key("MaximumTTL", "maximum_ttl")),
    ] {
        if let Some(&v) = f.get() {
            if !(300..=3600).contains(&v) {
                push(
                    f.span,
                    &f.path,
                    format!(
                        "{name} {v} is out of range: session stickiness TTLs are 300–3600 seconds"
                    ),
                );
            }
        }
    }
    if let (Some(idle), Some(max)) = (p.idle_ttl.get(), p.maximum_ttl.get()) {
        if idle > max && (300..=3600).contains(idle) && (300..=3600).contains(max) {
            push(
                p.idle_ttl.span,
                &p.idle_ttl.path,
                format!(
                    "{} {idle} is above {} {max}",
                    key("IdleTTL", "idle_ttl"),
                    key("MaximumTTL", "maximum_ttl")
                ),
            );
        }
    }
    for name in &p.staging_refs {
        let Some(d) = ctx.doc.distributions.iter().find(|d| &d.name == name) else {
            continue;
        };
        if d.staging.is_unknown() || is_staging(d) {
            continue;
        }
        let (span, path) = p
            .staging_dns_names
            .get()
            .and_then(|items| {
                items
                    .iter()
                    .find(|i| {
                        ctx.text
                            .get(i.span.start..i.span.end)
                            .is_some_and(|t| t.contains(name.rsplit('.').next().unwrap_or(name)))
                    })
                    .map(|i| (i.span, i.path.clone()))
            })
            .unwrap_or((p.staging_dns_names.span, p.staging_dns_names.path.clone()));
        push(
            span,
            &path,
            format!(
                "continuous deployment policy `{}` names distribution `{name}`, which is not a \
                 staging distribution (`{}`); CloudFront never sends it traffic",
                p.name,
                key("Staging: true", "staging = true")
            ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester};

    const WEIGHT: &str = "          Type: SingleHeader
          SingleHeaderConfig:
            Header: aws-cf-cd-canary
            Value: 'on'
";

    fn weighted(weight: &str, idle: &str, max: &str) -> String {
        RULE.docs.use_instead.text.with(
            WEIGHT,
            &format!(
                "          Type: SingleWeight\n          SingleWeightConfig:\n            Weight: {weight}\n            SessionStickinessConfig:\n              IdleTTL: {idle}\n              MaximumTTL: {max}\n"
            ),
        )
    }

    const TF: &str = r#"resource "aws_cloudfront_distribution" "staging" {
  enabled = true
  staging = true
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}

resource "aws_cloudfront_continuous_deployment_policy" "canary" {
  enabled = true
  staging_distribution_dns_names {
    items    = [aws_cloudfront_distribution.staging.domain_name]
    quantity = 1
  }
  traffic_config {
    type = "SingleWeight"
    single_weight_config {
      weight = 0.05
    }
  }
}
"#;

    #[test]
    fn cases() {
        let text = RULE.docs.use_instead.text;
        let legacy = text.replace(
            "        TrafficConfig:\n          Type: SingleHeader\n          SingleHeaderConfig:\n",
            "        Type: SingleHeader\n        SingleHeaderPolicyConfig:\n",
        );
        Tester::new(&RULE)
            .pass(
                [
                    text.to_string(),
                    weighted("0.05", "300", "600"),
                    weighted("0.15", "3600", "3600"),
                    weighted("!Ref Weight", "300", "600")
                        .with("HttpVersion: http2", "HttpVersion: !Ref HttpVersion"),
                    legacy.clone(),
                    TF.to_string(),
                ]
                .map(|t| case(t).not_rendered("a continuous deployment policy")),
            )
            .fail(
                [
                    case(RULE.docs.example.text.mark("x-canary")).message(
                        "continuous deployment policy `Canary` uses header `x-canary`; the \
                         header must start with `aws-cf-cd-`",
                    ),
                    case(legacy.replace("Header: aws-cf-cd-canary", "Header: ‸x-canary")),
                    case(weighted("‸0.25", "300", "600")).message(
                        "sends 0.25 of the traffic to staging; Weight must be between 0 and 0.15",
                    ),
                    case(weighted("0.05", "‸60", "‸7200"))
                        .message("session stickiness TTLs are 300–3600 seconds"),
                    case(weighted("0.05", "‸900", "600"))
                        .message("IdleTTL 900 is above MaximumTTL 600"),
                    case(
                        text.replace("Staging: true", "Staging: false")
                            .mark("!GetAtt Staging.DomainName"),
                    )
                    .message("names distribution `Staging`, which is not a staging distribution"),
                    case(TF.with("weight = 0.05", "weight = ‸0.5"))
                        .message("weight must be between 0 and 0.15"),
                ]
                .map(|c| c.not_rendered("a continuous deployment policy")),
            )
            .test();
    }
}
