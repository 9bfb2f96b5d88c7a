//! `multi-tenant-field-mismatch`: a standard-distribution field on a multi-tenant
//! distribution, or `TenantConfig` on a standard one.

use crate::lint::Key;
use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::{Distribution, Format};
use crate::value::{Field, Val};

const USE_INSTEAD: &str = cfn_doc!(
    concat!(
        "        ConnectionMode: tenant-only\n",
        "        TenantConfig:\n",
        "          ParameterDefinitions:\n",
        "            - Name: tenantStage\n",
        "              Definition:\n",
        "                StringSchema:\n",
        "                  Required: true\n",
    ),
    api_origin!(),
    api_behavior!()
);

pub static RULE: Rule = Rule {
    slug: "multi-tenant-field-mismatch",
    summary: "A multi-tenant distribution sets a standard-only field, or a standard one sets TenantConfig",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "On a distribution with `ConnectionMode: tenant-only` (a Terraform \
            `aws_cloudfront_multitenant_distribution`), finds the fields the CloudFront API marks \
            as standard-distribution only: `Aliases`, `PriceClass`, `Staging`, \
            `ContinuousDeploymentPolicyId`, `ViewerCertificate.IAMCertificateId`, the legacy \
            `MinTTL` / `DefaultTTL` / `MaxTTL` of behaviors, and `IsIPV6Enabled` / \
            `AnycastIpListId` (which belong to a connection group); a `WebACLId` that is not a \
            WAF V2 web ACL ARN; and, as a warning, legacy `ForwardedValues`. On a standard \
            distribution, finds `TenantConfig`. Values the API writes for \"not set\" (an empty \
            alias list, `Staging: false`, TTLs of 0 in CLI JSON) are not reported.",
        why_bad: "The API reference says of each of these fields: \"This field only supports \
            standard distributions. You can't specify this field for multi-tenant \
            distributions\" (for IPv6 and Anycast lists: \"use a connection group instead\"; \
            \"Multi-tenant distributions only support WAF V2 web ACLs\"), and the reverse of \
            `TenantConfig`. The tenants' domains take the place of `Aliases`. `ForwardedValues` \
            is rejected too according to the AWS SDK model and the Terraform provider, which \
            leaves it out of the multi-tenant resource; the CloudFront API reference only \
            calls it deprecated, hence a warning.",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "        ConnectionMode: tenant-only\n" => "        ConnectionMode: tenant-only\n        PriceClass: PriceClass_100\n"
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "None: set these per tenant (domains, certificate, WAF, geo restriction) or \
            on the connection group (IPv6, Anycast IP list).",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-config-options.html#unsupported-saas",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/tenant-customization.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let d = ctx.dist;
    match &d.connection_mode.val {
        Val::Unknown(_) => Vec::new(),
        _ if d.is_multi_tenant() => tenant_only(ctx, d),
        _ => match &d.tenant_config {
            Some(t) => vec![ctx.finding(
                &RULE,
                t.span,
                &t.path,
                format!(
                    "{} is only for multi-tenant distributions (`{}`)",
                    Key::TENANT_CONFIG.name(ctx.format()),
                    key(
                        ctx,
                        "ConnectionMode: tenant-only",
                        "aws_cloudfront_multitenant_distribution"
                    )
                ),
            )],
            None => Vec::new(),
        },
    }
}

fn key(ctx: &LintContext, api: &'static str, terraform: &'static str) -> &'static str {
    match ctx.format() {
        Format::Terraform => terraform,
        _ => api,
    }
}

/// The standard-only fields a tenant-only distribution sets.
fn tenant_only(ctx: &LintContext, d: &Distribution) -> Vec<Finding> {
    let cli = ctx.format() == Format::CliJson;
    let mut out = Vec::new();
    let mut report = |span, path: &str, what: &str, why: &str| {
        out.push(ctx.finding(
            &RULE,
            span,
            path,
            format!("a multi-tenant distribution cannot set {what}; {why}"),
        ));
    };
    const STANDARD: &str = "the field only supports standard distributions";
    if d.aliases.get().is_some_and(|a| !a.is_empty()) || d.aliases.is_unknown() {
        report(
            d.aliases.span,
            &d.aliases.path,
            Key::ALIASES.name(ctx.format()),
            "the tenants' domains take their place",
        );
    }
    for (f, name) in [
        (&d.price_class, Key::PRICE_CLASS.name(ctx.format())),
        (
            &d.anycast_ip_list_id,
            Key::ANYCAST_IP_LIST_ID.name(ctx.format()),
        ),
        (
            &d.viewer_certificate.iam_certificate_id,
            Key::IAM_CERTIFICATE_ID.name(ctx.format()),
        ),
    ] {
        if set_text(f) {
            let why = if name.to_ascii_lowercase().starts_with("anycast") {
                "use a connection group instead"
            } else {
                STANDARD
            };
            report(f.span, &f.path, name, why);
        }
    }
    if set_text(&d.continuous_deployment_policy_id) {
        let f = &d.continuous_deployment_policy_id;
        report(
            f.span,
            &f.path,
            Key::CONTINUOUS_DEPLOYMENT_POLICY_ID.name(ctx.format()),
            STANDARD,
        );
    }
    if d.staging.get() == Some(&true) {
        report(
            d.staging.span,
            &d.staging.path,
            Key::STAGING.name(ctx.format()),
            STANDARD,
        );
    }
    if d.ipv6_enabled.get() == Some(&true) {
        report(
            d.ipv6_enabled.span,
            &d.ipv6_enabled.path,
            Key::IPV6_ENABLED.name(ctx.format()),
            "use a connection group instead",
        );
    }
    if let Some(acl) = d.web_acl_id.get() {
        if !acl.trim().is_empty() && !acl.contains(":wafv2:") {
            report(
                d.web_acl_id.span,
                &d.web_acl_id.path,
                &format!("{} `{acl}`", Key::WEB_ACL_ID.name(ctx.format())),
                "multi-tenant distributions only support WAF V2 web ACLs (an arn:aws:wafv2:… ARN)",
            );
        }
    }
    for b in d.all_behaviors() {
        for (f, name) in [
            (&b.min_ttl, Key::MIN_TTL.name(ctx.format())),
            (&b.default_ttl, Key::DEFAULT_TTL.name(ctx.format())),
            (&b.max_ttl, Key::MAX_TTL.name(ctx.format())),
        ] {
            let set = match &f.val {
                Val::Known(0) => !cli,
                Val::Absent => false,
                _ => true,
            };
            if set {
                report(
                    f.span,
                    &f.path,
                    &format!("{name} ({})", behavior_name(b)),
                    "use a cache policy",
                );
            }
        }
    }
    for b in d.all_behaviors() {
        if let Some(fv) = &b.forwarded_values {
            out.push(
                ctx.finding(
                    &RULE,
                    fv.span,
                    &fv.path,
                    format!(
                        "a multi-tenant distribution cannot use {} ({}); use a cache policy and \
                         an origin request policy",
                        Key::FORWARDED_VALUES.name(ctx.format()),
                        behavior_name(b)
                    ),
                )
                .with_severity(Severity::Warning),
            );
        }
    }
    out
}

/// True when a text field is set to something (unknown, or known and not empty).
fn set_text(f: &Field<String>) -> bool {
    match &f.val {
        Val::Known(v) => !v.trim().is_empty(),
        Val::Unknown(_) => true,
        Val::Absent => false,
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{case, cfn, tf, with_config, CaseText, Tester, API_ORIGIN};

    fn tenant(extra: &str) -> String {
        RULE.docs.use_instead.text.with(
            "        ConnectionMode: tenant-only\n",
            &format!("        ConnectionMode: tenant-only\n{extra}"),
        )
    }

    const TF: &str = r#"resource "aws_cloudfront_multitenant_distribution" "saas" {
  comment = "SaaS API"
  enabled = true
  origin {
    id          = "rest-api"
    domain_name = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "rest-api"
    viewer_protocol_policy = "https-only"
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    allowed_methods {
      items          = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
      cached_methods = ["GET", "HEAD"]
    }
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
"#;

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                case(RULE.docs.use_instead.text),
                case(tenant("        Aliases: []\n        Staging: false\n        IPV6Enabled: false\n")).except(&[crate::model::Format::Terraform], "no such arguments in the multi-tenant resource"),
                case(tenant("        WebACLId: arn:aws:wafv2:us-east-1:123456789012:global/webacl/saas/1\n")),
                case(RULE.docs.use_instead.text.with("ConnectionMode: tenant-only", "ConnectionMode: !Ref Mode"))
                    .except(&[crate::model::Format::Terraform], "Terraform has no connection_mode"),
                // A standard distribution may set them all.
                case(with_config("        PriceClass: PriceClass_100\n        Aliases: [api.example.com]\n")),
                case(TF),
                // The API (and so CLI JSON) writes MinTTL 0 for "not set".
                case(r#"{"DistributionConfig": {"ConnectionMode": "tenant-only", "Enabled": true,
  "Origins": {"Quantity": 1, "Items": [{"Id": "api", "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api", "ViewerProtocolPolicy": "https-only",
    "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", "MinTTL": 0}}}"#)
                .not_rendered("the other formats write MinTTL 0 only when it is set"),
            ])
            .fail([
                case(RULE.docs.example.text.mark("PriceClass_100"))
                    .message("a multi-tenant distribution cannot set PriceClass; the field only supports standard distributions"),
                case(tenant("        Aliases: ‸[api.example.com]\n        IPV6Enabled: ‸true\n        Staging: ‸true\n"))
                    .not_rendered("Terraform's multi-tenant resource has none of these arguments"),
                case(tenant("        WebACLId: ‸a1b2c3d4-5678-90ab-cdef-EXAMPLE11111\n"))
                    .message("only support WAF V2 web ACLs"),
                case(tenant("        AnycastIpListId: ‸aip_0123456789\n"))
                    .message("use a connection group instead"),
                case(RULE.docs.use_instead.text.with("ConnectionMode: tenant-only", "ConnectionMode: direct").mark("ParameterDefinitions"))
                    .message("TenantConfig is only for multi-tenant distributions (`ConnectionMode: tenant-only`)")
                    .not_rendered("Terraform has no connection_mode"),
                case(tf("  ‸tenant_config {\n    parameter_definition {\n      name = \"stage\"\n      definition {\n        string_schema {\n          required = true\n        }\n      }\n    }\n  }\n", "", ""))
                    .message("tenant_config is only for multi-tenant distributions (`aws_cloudfront_multitenant_distribution`)"),
                case(cfn(
                    "        ConnectionMode: tenant-only\n",
                    API_ORIGIN,
                    "          ViewerProtocolPolicy: https-only\n          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n          MinTTL: ‸0\n",
                ))
                .except(&[crate::model::Format::CliJson], "the API writes MinTTL 0 for \"not set\""),
                case(cfn(
                    "        ConnectionMode: tenant-only\n",
                    API_ORIGIN,
                    "          ViewerProtocolPolicy: https-only\n          ForwardedValues:\n            ‸QueryString: true\n",
                ))
                .severity(Severity::Warning)
                .message("cannot use ForwardedValues (default behavior)"),
                case(TF.with("  enabled = true\n", "  enabled = true\n  price_class = ‸\"PriceClass_All\"\n")),
            ])
            .test();
    }
}
