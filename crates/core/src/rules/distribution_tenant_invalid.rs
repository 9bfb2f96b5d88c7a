//! `distribution-tenant-invalid`: a tenant CloudFront refuses or cannot serve over HTTPS.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Distribution, DistributionTenant, Format};

const USE_INSTEAD: &str = "Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        ConnectionMode: tenant-only
        TenantConfig:
          ParameterDefinitions:
            - Name: tenantStage
              Definition:
                StringSchema:
                  Required: true
        Origins:
          - Id: orders-api
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /{{tenantStage}}
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: orders-api
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/66666666-7777-8888-9999-000000000000
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2025
  Acme:
    Type: AWS::CloudFront::DistributionTenant
    Properties:
      DistributionId: !Ref Cdn
      Name: acme
      Domains: [acme.tenants.example.com]
      Enabled: true
      Parameters:
        - Name: tenantStage
          Value: prod
";

pub static RULE: Rule = Rule {
    slug: "distribution-tenant-invalid",
    summary: "A distribution tenant lacks a required parameter, a domain, a certificate, or a multi-tenant distribution",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For the tenants (`AWS::CloudFront::DistributionTenant`, \
            `aws_cloudfront_distribution_tenant`) of a distribution in the same input: a tenant \
            without a value for a parameter the distribution's `TenantConfig` marks `Required` \
            (an error; information when the definition has a `DefaultValue`, whether that \
            satisfies it is not documented), a tenant without domains, and a tenant of a \
            distribution that is not `tenant-only` (errors); and, as a warning, tenant domains \
            that no certificate can cover: neither the tenant's own certificate, nor a managed \
            certificate request, nor a custom certificate on the distribution. Tenant domains \
            are the multi-tenant counterpart of `Aliases`.",
        why_bad: "The API reference: \"A valid parameter value must exist for any parameter that \
            is marked as required in the multi-tenant distribution\"; a tenant needs at least \
            one domain; `DistributionId` is \"the ID of the multi-tenant distribution\". A \
            domain without a certificate that covers it cannot be served over HTTPS.",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "      Parameters:\n        - Name: tenantStage\n          Value: prod\n" => ""
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "A certificate created outside the input that covers the tenant domain \
            (the distribution's own certificate counts as covering it, since its names are not \
            in the input).",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateDistributionTenant.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionTenant.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/tenant-customization.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.doc
        .distribution_tenants
        .iter()
        .filter(|t| t.distribution_ref.as_deref() == Some(ctx.dist.name.as_str()))
        .flat_map(|t| tenant(ctx, ctx.dist, t))
        .collect()
}

fn tenant(ctx: &LintContext, d: &Distribution, t: &DistributionTenant) -> Vec<Finding> {
    let tf = ctx.format() == Format::Terraform;
    let mut out = Vec::new();
    if !d.connection_mode.is_unknown() && !d.is_multi_tenant() {
        out.push(ctx.finding(
            &RULE,
            t.distribution_id.span,
            &t.distribution_id.path,
            format!(
                "tenant `{}` belongs to `{}`, which is not a multi-tenant distribution ({})",
                t.name,
                d.name,
                if tf {
                    "an `aws_cloudfront_multitenant_distribution`"
                } else {
                    "`ConnectionMode: tenant-only`"
                }
            ),
        ));
        return out;
    }
    if t.domains.get().is_some_and(Vec::is_empty) {
        out.push(ctx.finding(
            &RULE,
            t.domains.span,
            &t.domains.path,
            format!(
                "tenant `{}` has no domain; a tenant needs at least one",
                t.name
            ),
        ));
    }
    let none = Vec::new();
    let given = match &t.parameters.val {
        crate::value::Val::Known(given) => Some(given),
        crate::value::Val::Absent => Some(&none),
        crate::value::Val::Unknown(_) => None,
    };
    if let (Some(config), Some(given)) = (&d.tenant_config, given) {
        let has = |name: &str| {
            given
                .iter()
                .any(|(n, _)| n.get().is_some_and(|x| x == name))
        };
        let unknown = given.iter().any(|(n, _)| n.is_unknown());
        for def in &config.parameter_definitions {
            let (Some(name), Some(true)) = (def.name.get(), def.required.get()) else {
                continue;
            };
            if has(name) || unknown {
                continue;
            }
            // An absent list points at the tenant's properties.
            let at = (t.parameters.span, t.parameters.path.clone());
            let key = if tf { "parameter" } else { "Parameters" };
            let f = match def.default_value.is_present() {
                false => ctx.finding(
                    &RULE,
                    at.0,
                    &at.1,
                    format!(
                        "tenant `{}` gives no value for `{name}`, which the distribution marks \
                         required and gives no default; add it to {key}",
                        t.name
                    ),
                ),
                true => ctx
                    .finding(
                        &RULE,
                        at.0,
                        &at.1,
                        format!(
                            "tenant `{}` gives no value for the required `{name}`; whether its \
                             default value satisfies CloudFront is not documented",
                            t.name
                        ),
                    )
                    .with_severity(Severity::Info),
            };
            out.push(f);
        }
    }
    let distribution_certificate = d.viewer_certificate.acm_certificate_arn.is_present()
        && d.viewer_certificate.cloudfront_default_certificate.get() != Some(&true);
    if !distribution_certificate && !t.certificate_arn.is_present() && !t.managed_certificate {
        if let Some(domains) = t.domains.get() {
            for domain in domains {
                let Some(name) = domain.get() else { continue };
                out.push(
                    ctx.finding(
                        &RULE,
                        domain.span,
                        &domain.path,
                        format!(
                            "no certificate covers tenant domain `{name}`: the tenant has none \
                             of its own, requests no managed certificate, and the distribution \
                             uses the default certificate"
                        ),
                    )
                    .with_severity(Severity::Warning),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{case, CaseText, Tester};

    const TF: &str = r#"resource "aws_cloudfront_multitenant_distribution" "saas" {
  comment = "SaaS API"
  enabled = true
  origin {
    id          = "rest-api"
    domain_name = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"
    origin_path = "/{{tenantStage}}"
  }
  default_cache_behavior {
    target_origin_id = "rest-api"
  }
  tenant_config {
    parameter_definition {
      name = "tenantStage"
      definition {
        string_schema {
          required = true
        }
      }
    }
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/66666666-7777-8888-9999-000000000000"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2025"
  }
}

resource "aws_cloudfront_distribution_tenant" "acme" {
  name            = "acme"
  distribution_id = aws_cloudfront_multitenant_distribution.saas.id
  enabled         = true
  domain {
    domain = "acme.tenants.example.com"
  }
  parameter {
    name  = "tenantStage"
    value = "prod"
  }
}
"#;

    #[test]
    fn cases() {
        let text = RULE.docs.use_instead.text;
        let default_cert = text
            .with(
                "          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/66666666-7777-8888-9999-000000000000\n          SslSupportMethod: sni-only\n          MinimumProtocolVersion: TLSv1.2_2025\n",
                "          CloudFrontDefaultCertificate: true\n",
            );
        Tester::new(&RULE)
            .pass(
                [
                    case(text),
                    case(text.with("Value: prod", "Value: !Ref Stage")),
                    case(text.with("Required: true", "Required: false").with(
                        "      Parameters:\n        - Name: tenantStage\n          Value: prod\n",
                        "",
                    )),
                    case(default_cert.with(
                        "      Domains: [acme.tenants.example.com]\n",
                        "      Domains: [acme.tenants.example.com]\n      ManagedCertificateRequest:\n        ValidationTokenHost: cloudfront\n",
                    )),
                    case(TF),
                    case(text.with("ConnectionMode: tenant-only", "ConnectionMode: !Ref Mode")),
                ]
                .map(|c| c.not_rendered("a distribution tenant")),
            )
            .fail(
                [
                    case(RULE.docs.example.text.mark("DistributionId: !Ref Cdn\n      Name"))
                        .message(
                            "tenant `Acme` gives no value for `tenantStage`, which the \
                             distribution marks required and gives no default",
                        ),
                    case(text.with("Value: prod", "Value: prod\n        - Name: other\n          Value: x").with("- Name: tenantStage\n          Value", "- Name: stage\n          Value").mark("- Name: stage"))
                        .message("gives no value for `tenantStage`"),
                    case(text.with("                  Required: true\n", "                  Required: true\n                  DefaultValue: prod\n").with("- Name: tenantStage\n          Value", "- Name: other\n          Value").mark("- Name: other"))
                        .severity(Severity::Info),
                    case(text.with("Domains: [acme.tenants.example.com]", "Domains: ‸[]")).message("has no domain"),
                    case(text.with("ConnectionMode: tenant-only", "ConnectionMode: direct").mark("!Ref Cdn")).message("which is not a multi-tenant distribution"),
                    case(default_cert.mark("acme.tenants.example.com"))
                        .severity(Severity::Warning)
                        .message("no certificate covers tenant domain `acme.tenants.example.com`"),
                    // No certificate of the distribution's own either.
                    case(default_cert.with("CloudFrontDefaultCertificate: true", "CloudFrontDefaultCertificate: false").mark("acme.tenants.example.com"))
                        .severity(Severity::Warning)
                        .message("no certificate covers tenant domain `acme.tenants.example.com`"),
                    case(
                        TF.replace("aws_cloudfront_multitenant_distribution", "aws_cloudfront_distribution")
                            .with("  tenant_config {\n    parameter_definition {\n      name = \"tenantStage\"\n      definition {\n        string_schema {\n          required = true\n        }\n      }\n    }\n  }\n", "")
                            .mark("aws_cloudfront_distribution.saas.id"),
                    )
                    .message(
                        "tenant `aws_cloudfront_distribution_tenant.acme` belongs to \
                         `aws_cloudfront_distribution.saas`, which is not a multi-tenant distribution \
                         (an `aws_cloudfront_multitenant_distribution`)",
                    ),
                    case(TF.with("  parameter {\n    name  = \"tenantStage\"\n    value = \"prod\"\n  }\n", "").mark("resource \"aws_cloudfront_distribution_tenant\"")),
                ]
                .map(|c| c.not_rendered("a distribution tenant")),
            )
            .test();
    }
}
