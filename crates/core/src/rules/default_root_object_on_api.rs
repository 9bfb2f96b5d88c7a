//! `default-root-object-on-api`: a default root object rewrites `/` for an API.

use crate::lint::{
    Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

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
        example: Snippet::cfn_yaml(cfn_doc!("        DefaultRootObject: index.html\n", api_origin!(), api_behavior!())),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "An API that really serves that object at that path: suppress the rule for \
            the distribution.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
        ],
        fix_safety: None,
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
    let edit = ctx.editor().unset(field.span);
    let fix = Fix::unsafe_("remove the default root object", edit.into_iter().collect());
    vec![ctx
        .finding(&RULE, field.span, &field.path, message)
        .with_fix(fix)]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::model::Format;
    use crate::rules::tester::{case, cfn, CaseText, Tester, API, API_BEHAVIOR, API_ORIGIN};

    fn root(object: &str) -> String {
        cfn(
            &format!("        DefaultRootObject: {object}\n"),
            API_ORIGIN,
            API_BEHAVIOR,
        )
    }

    #[test]
    fn cases() {
        let cli = r#"{"DistributionConfig": {"DefaultRootObject": ‸"index.html",
  "Origins": {"Quantity": 1, "Items": [{"Id": "a", "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "a"}}}"#;
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  default_root_object = ‸"index.html"
  origin {
    origin_id   = "a"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id = "a"
  }
}
"#;
        // The API writes "no default root object" as an empty string; the other formats drop
        // the key.
        let empty_in_cli = "the CLI JSON fix writes an empty string";
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                root("''"),
                root("!Ref RootObject"),
                // The default behavior serves a site.
                root("index.html").with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "site.s3.amazonaws.com",
                ),
            ])
            .unsafe_fix([
                (
                    case(root("‸index.html"))
                        .message(
                            "DefaultRootObject `index.html` rewrites `GET /` to `/index.html` and \
                             the default behavior sends it to an API",
                        )
                        .except(&[Format::CliJson], empty_in_cli),
                    API.to_string(),
                ),
                (
                    case(root("‸/app/index.html"))
                        .message("rewrites `GET /` to `/app/index.html`")
                        .except(&[Format::CliJson], empty_in_cli),
                    API.to_string(),
                ),
                (
                    case(cli).except(
                        &[Format::CfnYaml, Format::CfnJson, Format::Terraform],
                        empty_in_cli,
                    ),
                    cli.unmarked().with("\"index.html\"", "\"\""),
                ),
                (
                    case(tf).except(&[Format::CliJson], empty_in_cli),
                    tf.unmarked()
                        .with("  default_root_object = \"index.html\"\n", ""),
                ),
            ])
            .test();
    }
}
