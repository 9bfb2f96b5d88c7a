//! `origin-secret-header-literal`: a secret origin header written out in the template.

use super::helpers::looks_secret;
use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "origin-secret-header-literal",
    summary: "A secret-looking origin custom header has a literal value in the template",
    default_severity: Severity::Info,
    category: Category::Security,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "In CloudFormation and Terraform, finds origin custom headers whose name \
            looks like a shared secret (it contains `secret`, `verify`, `token`, `key` or \
            `auth`, as in `X-Origin-Verify` or `x-api-key`) and whose value is a literal \
            string, including the default of a CloudFormation parameter or Terraform variable. \
            Values from `{{resolve:secretsmanager:…}}`, `NoEcho` parameters, variables without \
            a default or data sources are not literals. CLI JSON is not checked: it always \
            holds the deployed value.",
        why_bad: "The secret that proves a request came through CloudFront lands in source \
            control, in pull requests and in every `get-distribution-config` output, and it \
            cannot be rotated without a code change. AWS's reference pattern keeps it in \
            Secrets Manager and rotates it.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginCustomHeaders:\n",
                    "              - HeaderName: X-Origin-Verify\n",
                    "                HeaderValue: 6f1c2d9e-cdn-only\n",
                ),
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginCustomHeaders:\n",
                    "              - HeaderName: X-Origin-Verify\n",
                    "                HeaderValue: '{{resolve:secretsmanager:cdn/origin-verify:SecretString:value}}'\n",
                ),
                api_behavior!()
            )),
        exceptions: "Headers that are not secrets despite their name (a public API key meant \
            for usage plans only, a tenant token that is public anyway). Suppress with \
            `apifront: {ignore: [origin-secret-header-literal]}` in the distribution's Metadata \
            (`# apifront-ignore: origin-secret-header-literal` in Terraform).",
        references: &[
            "https://aws.amazon.com/blogs/security/how-to-enhance-amazon-cloudfront-origin-security-with-aws-waf-and-aws-secrets-manager/",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    if ctx.format() == Format::CliJson {
        return Vec::new();
    }
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        for header in &origin.custom_headers {
            let (Some(name), Some(value)) = (header.name.get(), header.value.get()) else {
                continue;
            };
            if !looks_secret(name) || value.trim().is_empty() {
                continue;
            }
            let store = if ctx.format() == Format::Terraform {
                "a Secrets Manager data source or a sensitive variable"
            } else {
                "a `{{resolve:secretsmanager:…}}` dynamic reference"
            };
            let text = match ctx.format() {
                Format::Terraform => "configuration",
                _ => "template",
            };
            // A value from a parameter or variable default: say which.
            let span = header.value.span;
            let written = ctx.text.get(span.start..span.end).unwrap_or_default();
            let start = span.end - written.trim_start().len();
            let from = match ctx.doc.is_expression_at(start) {
                true => format!(" (the default of `{}`)", written.trim()),
                false => String::new(),
            };
            let message = format!(
                "{} sends the secret-looking header `{name}` with a value written in the \
                 {text}{from}; read it from {store} so it stays out of source control",
                origin_name(origin)
            );
            out.push(ctx.finding(&RULE, header.value.span, &header.value.path, message));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::model::Format;
    use crate::rules::tester::{case, with_custom_header, CaseText, Tester, API};

    const TERRAFORM: &str = r#"variable "verify_secret" {
  type      = string
  sensitive = true
}

resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
    custom_header {
      name  = "X-Origin-Verify"
      value = var.verify_secret
    }
    custom_header {
      name  = "x-api-key"
      value = ‸"0123456789abcdef"
    }
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
}
"#;

    #[test]
    fn cases() {
        // CLI JSON is what CloudFront returns: the value is stored there already.
        let cli = "CLI JSON shows what CloudFront stores: silent there";
        let literal = |name: &str| {
            case(with_custom_header(name, "‸s3cr3t-value"))
                .message(&format!(
                    "origin `orders-api` sends the secret-looking header `{name}`"
                ))
                .except(&[Format::CliJson], cli)
        };
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                with_custom_header("X-Tenant", "acme"),
                with_custom_header("X-Origin-Verify", "''"),
                with_custom_header("X-Origin-Verify", "!Ref VerifySecret"),
                with_custom_header("!Ref HeaderName", "s3cr3t"),
            ])
            .pass([case(
                r#"{"DistributionConfig": {"Origins": {"Quantity": 1, "Items": [{"Id": "api",
  "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
  "CustomHeaders": {"Quantity": 1, "Items": [{"HeaderName": "x-api-key", "HeaderValue": "k"}]}}]}}}"#,
            )
            .except(&[Format::CfnYaml, Format::CfnJson, Format::Terraform], "reported there")])
            .fail([
                case(RULE.docs.example.text.mark("6f1c2d9e"))
                    .message(
                        "origin `orders-api` sends the secret-looking header `X-Origin-Verify` \
                         with a value written in the template; read it from a \
                         `{{resolve:secretsmanager:…}}` dynamic reference",
                    )
                    .except(&[Format::CliJson], cli),
                literal("X-CDN-Secret"),
                literal("x-api-key"),
                literal("X-Auth"),
                literal("Bearer-Token"),
                case(TERRAFORM)
                    .message("with a value written in the configuration; read it from a Secrets Manager data source or a sensitive variable")
                    .except(&[Format::CliJson], cli),
                // A variable's default is written in the configuration too.
                case(
                    TERRAFORM
                        .with("  sensitive = true\n", "  default   = \"0ff1ce\"\n")
                        .with("value = var.verify_secret", "value = ‸var.verify_secret")
                        .with("value = ‸\"0123456789abcdef\"", "value = data.aws_secretsmanager_secret_version.key.secret_string"),
                )
                .message("with a value written in the configuration (the default of `var.verify_secret`)")
                .not_rendered("a variable default"),
            ])
            .test();
    }
}
