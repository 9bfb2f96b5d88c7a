//! `oac-on-unsupported-origin`: origin access control on an origin type it does not support.

use super::helpers::local_oac;
use crate::lint::{
    origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::{Origin, OriginKind, PolicyRef};

pub static RULE: Rule = Rule {
    slug: "oac-on-unsupported-origin",
    summary: "Origin access control is set on an origin type it does not support",
    default_severity: Severity::Error,
    category: Category::Security,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds an `OriginAccessControlId` on an API Gateway origin, and a Lambda \
            function URL origin whose origin access control (defined in the same input) has an \
            origin type other than `lambda`.",
        why_bad: "Origin access control signs requests for four origin types only: `s3`, \
            `mediastore`, `mediapackagev2` and `lambda`. API Gateway is not one of them, so \
            the setting cannot protect the API (CloudFront rejects it or the signature is \
            useless), and an OAC of another type does not sign requests to a function URL \
            the way Lambda expects.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginAccessControlId: E2QWRUHEXAMPLE\n",
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
        exceptions: "None. Protect API Gateway origins with a secret origin header checked by \
            a Regional WAF web ACL or a Lambda authorizer instead. The fix removes the \
            `OriginAccessControlId` of API Gateway origins (in CLI JSON and Terraform it sets it \
            to `\"\"`, which means no origin access control).",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginAccessControlConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html",
        ],
        fix_safety: None,
    },
    check,
};

fn remove_oac(ctx: &LintContext, origin: &Origin) -> Option<Fix> {
    let edit = ctx.editor().unset(origin.origin_access_control_id.span)?;
    Fix::safe("remove the origin access control", vec![edit])
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        let field = &origin.origin_access_control_id;
        // Terraform keeps `origin_access_control_id = ""` as an empty id: no OAC.
        match field.get() {
            None => continue,
            Some(PolicyRef::Id(id)) if id.trim().is_empty() => continue,
            Some(_) => {}
        }
        let oac = local_oac(ctx, origin);
        if origin.kind.0.is_api_gateway() {
            let which = match (oac, field.get()) {
                (Some(o), _) => format!("`{}`", o.name),
                (None, Some(PolicyRef::Id(id))) => format!("`{id}`"),
                (None, _) => "one".to_string(),
            };
            let message = format!(
                "{} is an API Gateway origin with origin access control {which}; OAC supports \
                 only S3, MediaStore, MediaPackage v2 and Lambda function URL origins",
                origin_name(origin)
            );
            out.push(
                ctx.finding(&RULE, field.span, &field.path, message)
                    .with_fix(remove_oac(ctx, origin)),
            );
        } else if matches!(origin.kind.0, OriginKind::LambdaUrl { .. }) {
            let Some(oac) = oac else { continue };
            let Some(kind) = oac.origin_type.get() else {
                continue;
            };
            if kind.eq_ignore_ascii_case("lambda") {
                continue;
            }
            let message = format!(
                "{} is a Lambda function URL, but its origin access control `{}` has origin \
                 type `{kind}`; use an origin access control of type `lambda`",
                origin_name(origin),
                oac.name
            );
            out.push(
                ctx.finding(&RULE, field.span, &field.path, message)
                    .with_related(oac.origin_type.span, format!("`{}` origin type", oac.name)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{beside, case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const OAC: &str = "            OriginAccessControlId: E2QWRUHEXAMPLE\n";
    const LAMBDA: &str = "abcdefghijklmnopqrstuvwxyz123456.lambda-url.eu-west-1.on.aws";

    /// A Lambda URL origin with an origin access control of `kind` beside it.
    fn lambda(kind: &str) -> String {
        beside(
            &EXAMPLE
                .with(
                    OAC,
                    "            OriginAccessControlId: ‸!GetAtt Access.Id\n",
                )
                .with("abc123defg.execute-api.eu-west-1.amazonaws.com", LAMBDA),
            &format!(
                "Access:\n  Type: AWS::CloudFront::OriginAccessControl\n  Properties:\n    \
                 OriginAccessControlConfig:\n      Name: fn\n      \
                 OriginAccessControlOriginType: {kind}\n      SigningBehavior: always\n      \
                 SigningProtocol: sigv4"
            ),
        )
    }

    const CLI: &str = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 1, "Items": [
    {"Id": "api", "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
     "OriginPath": "/prod", "OriginAccessControlId": ‸"E2QWRUHEXAMPLE"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api"}}}"#;

    const TERRAFORM: &str = r#"resource "aws_cloudfront_origin_access_control" "site" {
  name                              = "site"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id                = "fn"
    domain_name              = "abc123defg.lambda-url.eu-west-1.on.aws"
    origin_access_control_id = ‸aws_cloudfront_origin_access_control.site.id
  }
  default_cache_behavior {
    target_origin_id = "fn"
  }
}
"#;

    #[test]
    fn cases() {
        // Terraform keeps `origin_access_control_id = ""` (the fix there) as an empty id, which
        // the other parsers read as absent.
        // Terraform keeps `origin_access_control_id = ""` as an empty id, which the other
        // parsers read as absent.
        let empty_in_terraform = "the Terraform parser keeps an empty id";
        let tf_api = TERRAFORM.with(
            "abc123defg.lambda-url.eu-west-1.on.aws",
            "abc123defg.execute-api.eu-west-1.amazonaws.com",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                EXAMPLE.with(OAC, "            OriginAccessControlId: !ImportValue oac-id\n"),
                lambda("lambda").unmarked(),
                lambda("!Ref OriginType").unmarked(),
                // A literal id says nothing about its origin type.
                EXAMPLE.with("abc123defg.execute-api.eu-west-1.amazonaws.com", LAMBDA),
            ])
            .pass([case(TERRAFORM.unmarked().with(
                "aws_cloudfront_origin_access_control.site.id",
                "\"\"",
            ))
            .not_rendered(empty_in_terraform)])
            .pass([case(tf_api.unmarked().with(
                "aws_cloudfront_origin_access_control.site.id",
                "\"\"",
            ))
            .not_rendered(empty_in_terraform)])
            .fail([
                case(lambda("s3")).message(
                    "origin `orders-api` is a Lambda function URL, but its origin access control \
                     `Access` has origin type `s3`; use an origin access control of type `lambda`",
                )
                .related("`Access` origin type"),
                case(TERRAFORM).related("`aws_cloudfront_origin_access_control.site` origin type"),
            ])
            .fix([
                (
                    case(EXAMPLE.mark("E2QWRUHEXAMPLE"))
                        .message(
                            "origin `orders-api` is an API Gateway origin with origin access \
                             control `E2QWRUHEXAMPLE`; OAC supports only S3, MediaStore, \
                             MediaPackage v2 and Lambda function URL origins",
                        )
                    ,
                    API.to_string(),
                ),
                (
                    case(CLI),
                    CLI.unmarked().with("\"E2QWRUHEXAMPLE\"", "\"\""),
                ),
                (
                    case(tf_api.clone()).message(
                        "with origin access control `aws_cloudfront_origin_access_control.site`",
                    ),
                    tf_api.unmarked().with(
                        "    origin_access_control_id = aws_cloudfront_origin_access_control.site.id\n",
                        "",
                    ),
                ),
            ])
            .test();
    }
}
