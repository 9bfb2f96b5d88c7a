//! `apigw-origin-needs-custom-config`: an API origin must be a custom origin.

use crate::lint::Key;
use crate::lint::{
    edit::NewValue, origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule,
    RuleDocs, Severity, Snippet,
};
use crate::model::{Format, Origin, OriginKind};

const USE_INSTEAD: &str = api_doc!();

pub static RULE: Rule = Rule {
    slug: "apigw-origin-needs-custom-config",
    summary: "An API origin lacks `CustomOriginConfig`, or an origin has no origin type or more than one",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API Gateway and Lambda function URL origins that have an \
            `S3OriginConfig`, or neither a `CustomOriginConfig` nor a `VpcOriginConfig`; and any \
            origin with more than one of `S3OriginConfig`, `CustomOriginConfig` and \
            `VpcOriginConfig`; and any other origin with none of the three, whatever its host. \
            In Terraform, where the provider sends an empty `S3OriginConfig` for an origin \
            without `custom_origin_config` and `s3_origin_config`, only a host known not to be \
            an S3 bucket is reported; an origin whose origin type comes from a `dynamic` block \
            is not reported. It needs nothing about the API.",
        why_bad: "An API is a custom origin: without `CustomOriginConfig` CloudFront treats the \
            host as an S3 bucket (\"does not refer to a valid S3 bucket\") or rejects the \
            origin, and the protocol and TLS settings an API needs cannot be set. An origin \
            takes exactly one origin type: CloudFront rejects an origin without one (\"Exactly \
            one of CustomOriginConfig and S3OriginConfig must be specified\"), and an \
            `S3OriginConfig` on a host that is no S3 bucket (\"does not refer to a valid S3 \
            bucket\").",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "            CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n              OriginSSLProtocols: [TLSv1.2]\n" => ""
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "None. The fix adds `CustomOriginConfig` with ports 80 and 443, \
            `https-only` and TLSv1.2 when an API origin has no origin type at all.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Origin.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CustomOriginConfig.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_S3OriginConfig.html",
            "https://github.com/aws/aws-cdk/issues/31016",
            "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#origin-arguments",
        ],
        fix_safety: None,
    },
    check,
};

/// The origin type blocks an origin has, by their names in the input format.
fn origin_types(ctx: &LintContext, origin: &Origin) -> Vec<&'static str> {
    [
        (origin.s3_origin_config.is_some(), Key::S3_ORIGIN_CONFIG),
        (
            origin.custom_origin_config.is_some(),
            Key::CUSTOM_ORIGIN_CONFIG,
        ),
        (origin.vpc_origin_config.is_some(), Key::VPC_ORIGIN_CONFIG),
    ]
    .into_iter()
    .filter(|(present, _)| *present)
    .map(|(_, key)| key.name(ctx.format()))
    .collect()
}

/// Inserts a hardened `CustomOriginConfig`: the ports CloudFront uses by default, `https-only`
/// and TLSv1.2 (the keys the CloudFront API and the Terraform provider require).
fn add_custom_config(ctx: &LintContext, origin: &Origin) -> Option<Fix> {
    let config = [
        (Key::HTTP_PORT, NewValue::Raw("80")),
        (Key::HTTPS_PORT, NewValue::Raw("443")),
        (Key::ORIGIN_PROTOCOL_POLICY, NewValue::Str("https-only")),
        (Key::ORIGIN_SSL_PROTOCOLS, NewValue::StrList(&["TLSv1.2"])),
    ];
    let edit = ctx.editor().insert_key(
        origin.span,
        Key::CUSTOM_ORIGIN_CONFIG,
        NewValue::Object(&config),
    )?;
    Fix::safe(
        format!(
            "add {} with https-only and TLSv1.2",
            Key::CUSTOM_ORIGIN_CONFIG.name(ctx.format())
        ),
        vec![edit],
    )
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, origin) in ctx.dist.origins.iter().enumerate() {
        let types = origin_types(ctx, origin);
        let who = origin_name(origin);
        let field = &origin.domain_name;
        if types.len() > 1 {
            let message = format!(
                "{who} has {}; an origin takes exactly one origin type",
                types.join(" and ")
            );
            out.push(ctx.finding(&RULE, field.span, &field.path, message));
            continue;
        }
        if !origin.kind.0.is_api() {
            if types.is_empty() {
                out.extend(without_type(ctx, i, origin));
            }
            continue;
        }
        let s3 = Key::S3_ORIGIN_CONFIG.name(ctx.format());
        let custom = Key::CUSTOM_ORIGIN_CONFIG.name(ctx.format());
        if types.first() == Some(&s3) {
            let message = format!(
                "{who} points at an API but has {s3}; an API is a custom origin and needs \
                 {custom} instead"
            );
            out.push(ctx.finding(&RULE, field.span, &field.path, message));
        } else if types.is_empty() {
            let generated = format!("origin[{i}].custom_origin_config");
            if ctx.dist.dynamic_blocks.contains(&generated) {
                continue;
            }
            let message = format!(
                "{who} points at an API but has no {custom}; CloudFront then treats it as an \
                 S3 origin or rejects it. Add {custom} with https-only and TLSv1.2"
            );
            out.push(
                ctx.finding(&RULE, field.span, &field.path, message)
                    .with_fix(add_custom_config(ctx, origin)),
            );
        }
    }
    out
}

/// The finding for an origin other than an API that has no origin type block.
fn without_type(ctx: &LintContext, i: usize, origin: &Origin) -> Option<Finding> {
    if origin.opaque {
        // Its type is not shown either way (a condition left open decides it).
        return None;
    }
    let generated = [
        "custom_origin_config",
        "s3_origin_config",
        "vpc_origin_config",
    ]
    .iter()
    .any(|b| {
        ctx.dist
            .dynamic_blocks
            .contains(&format!("origin[{i}].{b}"))
    });
    if generated {
        return None;
    }
    let who = origin_name(origin);
    let field = &origin.domain_name;
    let message = if ctx.format() == Format::Terraform {
        // The provider sends an empty S3OriginConfig: right for a bucket, refused otherwise.
        if matches!(origin.kind.0, OriginKind::S3 | OriginKind::Unknown) {
            return None;
        }
        format!(
            "{who} has no custom_origin_config, so the provider sends it as an S3 origin, and \
             CloudFront refuses a host that is no S3 bucket (\"does not refer to a valid S3 \
             bucket\"); add custom_origin_config"
        )
    } else {
        let (s3, custom, vpc) = (
            Key::S3_ORIGIN_CONFIG.name(ctx.format()),
            Key::CUSTOM_ORIGIN_CONFIG.name(ctx.format()),
            Key::VPC_ORIGIN_CONFIG.name(ctx.format()),
        );
        let wanted = if origin.kind.0 == OriginKind::S3 {
            s3
        } else {
            custom
        };
        format!(
            "{who} has none of {s3}, {custom} and {vpc}; CloudFront rejects an origin without \
             its type (\"Exactly one of CustomOriginConfig and S3OriginConfig must be \
             specified\"): add {wanted}"
        )
    };
    Some(ctx.finding(&RULE, field.span, &field.path, message))
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::model::Format;
    use crate::rules::tester::{case, tf, CaseText, Tester, API};

    const NO_TYPE: &str = "CloudFormation and the API reject an origin without a type";
    const HOST: &str = "abc123defg.execute-api.eu-west-1.amazonaws.com";
    const CUSTOM: &str = "            CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n              OriginSSLProtocols: [TLSv1.2]\n";

    /// The API distribution whose origin has these origin type blocks instead.
    fn types(blocks: &str) -> String {
        API.with(CUSTOM, blocks)
    }

    const CLI: &str = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 1, "Items": [
    {"Id": "api", "DomainName": ‸"abc123defg.execute-api.eu-west-1.amazonaws.com",
     "OriginPath": "/prod"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api"}}}"#;

    fn terraform() -> String {
        tf("", "", "").mark(&format!("\"{HOST}\""))
    }

    #[test]
    fn cases() {
        let s3 = "            S3OriginConfig:\n              OriginAccessIdentity: ''\n";
        let vpc = "            VpcOriginConfig:\n              VpcOriginId: vo_abc\n";
        let lambda_s3 = r#"resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = ‸"abc123defg.lambda-url.eu-west-1.on.aws"
    s3_origin_config {
      origin_access_identity = ""
    }
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}
"#;
        let dynamic = r#"resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
    dynamic "custom_origin_config" {
      for_each = var.custom ? [1] : []
      content {
        origin_protocol_policy = "https-only"
      }
    }
  }
}
"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                types(vpc),
                types(s3).with(HOST, "site.s3.amazonaws.com"),
            ])
            .pass([
                // The provider sends an empty S3OriginConfig for a bucket or an unknown host.
                case(terraform().unmarked().with(HOST, "site.s3.eu-west-1.amazonaws.com"))
                    .except(&[Format::CfnYaml, Format::CfnJson, Format::CliJson], NO_TYPE),
                case(terraform().unmarked().with(&format!("\"{HOST}\""), "var.host"))
                    .except(&[Format::CfnYaml, Format::CfnJson, Format::CliJson], NO_TYPE),
            ])
            .pass([case(dynamic).not_rendered("Terraform dynamic blocks")])
            .fail([
                // Any origin without its type, whatever the host (Terraform: a host known to be
                // no bucket, as the provider makes the others S3 origins).
                case(types("").with(HOST, "‸!Ref OriginHost"))
                    .message("origin `orders-api` has none of S3OriginConfig, CustomOriginConfig and VpcOriginConfig; CloudFront rejects an origin without its type")
                    .except(&[Format::Terraform], "an unknown host: the provider makes it an S3 origin"),
                case(types("").with(HOST, "‸example.com")).message("add CustomOriginConfig"),
                case(types("").with(HOST, "‸site.s3.amazonaws.com"))
                    .message("add S3OriginConfig")
                    .except(&[Format::Terraform], "the provider adds s3_origin_config"),
                case(terraform().with(HOST, "app.example.com")).message(
                    "origin `api` has no custom_origin_config, so the provider sends it as an S3 \
                     origin, and CloudFront refuses a host that is no S3 bucket",
                ),
                case(types(s3).mark(HOST)).message(
                    "origin `orders-api` points at an API but has S3OriginConfig; an API is a \
                     custom origin and needs CustomOriginConfig instead",
                ),
                case(types(&format!("{s3}{CUSTOM}")).with(HOST, "‸example.com"))
                    .message("origin `orders-api` has S3OriginConfig and CustomOriginConfig; an origin takes exactly one origin type"),
                case(types(&format!("{CUSTOM}{vpc}")).mark(HOST))
                    .message("has CustomOriginConfig and VpcOriginConfig"),
                case(lambda_s3).message("points at an API but has s3_origin_config"),
            ])
            .fix([
                (
                    case(CLI),
                    CLI.unmarked().with(
                        "{\"Id\": \"api\"",
                        "{\"CustomOriginConfig\": {\"HTTPPort\": 80, \"HTTPSPort\": 443, \
                         \"OriginProtocolPolicy\": \"https-only\", \"OriginSslProtocols\": \
                         {\"Quantity\": 1, \"Items\": [\"TLSv1.2\"]}}, \"Id\": \"api\"",
                    ),
                ),
                (
                    case(types("").mark(HOST)).message(
                        "origin `orders-api` points at an API but has no CustomOriginConfig; \
                         CloudFront then treats it as an S3 origin or rejects it",
                    ),
                    types("").with(
                        "          - Id: orders-api\n",
                        "          - CustomOriginConfig: {HTTPPort: 80, HTTPSPort: 443, \
                         OriginProtocolPolicy: https-only, OriginSSLProtocols: [TLSv1.2]}\n            \
                         Id: orders-api\n",
                    ),
                ),
                (
                    case(terraform()),
                    terraform().unmarked().with(
                        "    origin_id   = \"api\"\n",
                        "    custom_origin_config {\n      http_port              = 80\n      \
                         https_port             = 443\n      origin_protocol_policy = \"https-only\"\n      \
                         origin_ssl_protocols   = [\"TLSv1.2\"]\n    }\n    origin_id   = \"api\"\n",
                    ),
                ),
            ])
            .test();
    }
}
