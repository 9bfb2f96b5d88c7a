//! `default-root-object-on-api`: a default root object rewrites `/` for an API.

use super::default_cert_min_protocol_ignored::remove_hcl_line;
use crate::lint::{
    Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "default-root-object-on-api",
    summary: "DefaultRootObject is set while the default behavior goes to an API",
    default_severity: Severity::Warning,
    category: Category::Connectivity,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a non-empty `DefaultRootObject` when the default behavior reaches \
            an API Gateway or Lambda URL origin.",
        why_bad: "CloudFront rewrites a request for `/` to `/index.html` (or whatever the \
            object is) before it reaches the API, which then answers 403 or 404 for a route \
            it does not have. A default root object is meant for S3 origins (Security Hub \
            CloudFront.1 expects one only there).",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("        DefaultRootObject: index.html\n", api_origin!(), api_behavior!()),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        exceptions: "An API that really serves that object at that path: suppress the rule for \
            the distribution.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let field = &ctx.dist.default_root_object;
    let Some(object) = field.get().filter(|o| !o.trim().is_empty()) else {
        return Vec::new();
    };
    let Some(default) = &ctx.dist.default_behavior else {
        return Vec::new();
    };
    if !ctx.is_api_behavior(default) {
        return Vec::new();
    }
    let message = format!(
        "DefaultRootObject `{object}` rewrites `GET /` to `/{}` and the default behavior sends \
         it to an API, which answers 403 or 404",
        object.trim_start_matches('/')
    );
    // The API writes "no default root object" as an empty string.
    let edit = match ctx.format() {
        Format::CliJson => Some(ctx.editor().replace_string(field.span, "")),
        Format::Terraform => remove_hcl_line(ctx.text, field.span),
        _ => ctx.editor().remove_entry(field.span),
    };
    let fix = Fix::unsafe_("remove the default root object", edit.into_iter().collect());
    vec![ctx
        .finding(&RULE, field.span, &field.path, message)
        .with_fix(fix)]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::test_support::*;

    #[test]
    fn root_object_before_api_warns() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).default_root_object = known(String::new());
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).default_root_object = known("index.html".into());
        assert!(check(&RULE, &doc)[0].message.contains("to `/index.html`"));
        dist(&mut doc).origins[0] = origin("api", "site.s3.amazonaws.com");
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn unknown_object_is_silent() {
        let mut doc = api_doc();
        dist(&mut doc).default_root_object = unknown();
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end_with_fixes() {
        let yaml = RULE.docs.example.text;
        let f = lint_rule(&RULE, yaml);
        assert_eq!(
            (f[0].span.line, f[0].span.column),
            position(yaml, "index.html")
        );
        let fixed = apply_all(yaml, &f);
        assert!(!fixed.contains("DefaultRootObject"), "{fixed}");
        let json = r#"{"DistributionConfig": {"DefaultRootObject": "index.html",
  "Origins": {"Quantity": 1, "Items": [{"Id": "a", "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "a"}}}"#;
        let f = lint_rule(&RULE, json);
        assert_eq!(
            (f[0].span.line, f[0].span.column),
            position(json, "\"index.html\"")
        );
        let fixed = apply_all(json, &f);
        assert!(fixed.contains("\"DefaultRootObject\": \"\","), "{fixed}");
        assert!(lint_rule(&RULE, &fixed).is_empty());
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  default_root_object = "index.html"
  origin {
    origin_id   = "a"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id = "a"
  }
}
"#;
        let f = lint_rule(&RULE, tf);
        assert_eq!(
            (f[0].span.line, f[0].span.column),
            position(tf, "\"index.html\"")
        );
    }
}
