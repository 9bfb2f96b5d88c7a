//! `oac-on-unsupported-origin`: origin access control on an origin type it does not support.

use crate::lint::{
    origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::{Format, Origin, OriginAccessControl, OriginKind, PolicyRef};

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
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginAccessControlId: E2QWRUHEXAMPLE\n",
                ),
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginCustomHeaders:\n",
                    "              - HeaderName: X-Origin-Verify\n",
                    "                HeaderValue: '{{resolve:secretsmanager:cdn/origin-verify:SecretString:value}}'\n",
                ),
                api_behavior!()
            ),
        },
        exceptions: "None. Protect API Gateway origins with a secret origin header checked by \
            a Regional WAF web ACL or a Lambda authorizer instead. The fix removes the \
            `OriginAccessControlId` of API Gateway origins (in CLI JSON and Terraform it sets it \
            to `\"\"`, which means no origin access control).",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginAccessControlConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html",
        ],
    },
    check,
};

/// The OAC resource of the input that `origin` uses, when it is one.
fn local_oac<'a>(ctx: &LintContext<'a>, origin: &Origin) -> Option<&'a OriginAccessControl> {
    match origin.origin_access_control_id.get()? {
        PolicyRef::Local(name) => ctx
            .doc
            .origin_access_controls
            .iter()
            .find(|o| &o.name == name),
        PolicyRef::Id(_) => None,
    }
}

fn remove_oac(ctx: &LintContext, origin: &Origin) -> Option<Fix> {
    let field = &origin.origin_access_control_id;
    let editor = ctx.editor();
    let edit = match ctx.format() {
        // An empty id means "no OAC" (the API returns it so); HCL attributes are kept too.
        Format::CliJson | Format::Terraform => editor.replace_string(field.span, ""),
        _ => editor.remove_entry(field.span)?,
    };
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
    use crate::lint::{fix_text, lint_text, Finding, LintConfig};
    use crate::model::{OriginAccessControl, PolicyRef};
    use crate::rules::test_support::*;
    use crate::value::{Field, Unknown};

    fn lint(text: &str) -> Vec<Finding> {
        let report = lint_text(text, &LintConfig::default()).unwrap();
        report
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE.slug)
            .collect()
    }

    fn oac(kind: &str) -> OriginAccessControl {
        OriginAccessControl {
            name: "Oac".into(),
            origin_type: known(kind.into()),
            signing_behavior: known("always".into()),
            ..Default::default()
        }
    }

    #[test]
    fn oac_on_api_gateway_fails() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins[0].origin_access_control_id = known(PolicyRef::Id("E2Q".into()));
        let f = check(&RULE, &doc);
        assert!(f[0].message.contains("access control `E2Q`"));
    }

    #[test]
    fn lambda_url_needs_lambda_type() {
        let mut doc = api_doc();
        dist(&mut doc).origins[0] = origin("fn", "abc.lambda-url.eu-west-1.on.aws");
        dist(&mut doc).origins[0].origin_access_control_id = known(PolicyRef::Local("Oac".into()));
        doc.origin_access_controls.push(oac("s3"));
        let f = check(&RULE, &doc);
        assert!(f[0].message.contains("has origin type `s3`"));
        doc.origin_access_controls[0] = oac("lambda");
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins[0].origin_access_control_id = known(PolicyRef::Id("E1".into()));
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn unknown_oac_is_silent() {
        let mut doc = api_doc();
        dist(&mut doc).origins[0].origin_access_control_id = Field::unknown(
            Unknown::Intrinsic("Fn::ImportValue".into()),
            Default::default(),
            "u",
        );
        assert!(check(&RULE, &doc).is_empty());
        let mut doc = api_doc();
        dist(&mut doc).origins[0] = origin("fn", "abc.lambda-url.eu-west-1.on.aws");
        dist(&mut doc).origins[0].origin_access_control_id = known(PolicyRef::Local("Oac".into()));
        let mut o = oac("s3");
        o.origin_type = Field::unknown(Unknown::Intrinsic("Ref".into()), Default::default(), "u");
        doc.origin_access_controls.push(o);
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end_with_fixes() {
        let f = lint(RULE.docs.example.text);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].span.line, f[0].span.column), (14, 36));
        assert!(lint(RULE.docs.use_instead.text).is_empty());
        let fixed = fix_text(RULE.docs.example.text, &LintConfig::default(), false).unwrap();
        assert!(!fixed.contains("OriginAccessControlId"), "{fixed}");
        assert!(lint(&fixed).is_empty());

        let json = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 1, "Items": [
    {"Id": "api", "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
     "OriginPath": "/prod", "OriginAccessControlId": "E2QWRUHEXAMPLE"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api"}}}"#;
        let f = lint(json);
        assert_eq!((f[0].span.line, f[0].span.column), (4, 54));
        let fixed = fix_text(json, &LintConfig::default(), false).unwrap();
        assert!(fixed.contains("\"OriginAccessControlId\": \"\""), "{fixed}");
        assert!(lint(&fixed).is_empty());

        let tf = r#"resource "aws_cloudfront_origin_access_control" "site" {
  name                              = "site"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id                = "fn"
    domain_name              = "abc123defg.lambda-url.eu-west-1.on.aws"
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }
  default_cache_behavior {
    target_origin_id = "fn"
  }
}
"#;
        let f = lint(tf);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].span.line, f[0].span.column), (12, 32));
        assert_eq!(f[0].related[0].0.line, 3);
        assert!(f[0].fix.is_none());
        let api = tf.replace(
            "abc123defg.lambda-url.eu-west-1.on.aws",
            "abc123defg.execute-api.eu-west-1.amazonaws.com",
        );
        let fixed = fix_text(&api, &LintConfig::default(), false).unwrap();
        assert!(
            fixed.contains("    origin_access_control_id = \"\"\n"),
            "{fixed}"
        );
        assert!(lint(&fixed).is_empty());
    }
}
