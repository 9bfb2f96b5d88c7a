//! `lambda-url-origin-path`: an origin path on a Lambda function URL origin.

use crate::lint::{
    origin_name, Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::OriginKind;

const EXAMPLE: &str = cfn_doc!(
    "",
    lambda_url_origin!("            OriginPath: /prod\n"),
    api_behavior!()
);

pub static RULE: Rule = Rule {
    slug: "lambda-url-origin-path",
    summary: "A Lambda function URL origin has an origin path",
    default_severity: Severity::Warning,
    category: Category::Connectivity,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds Lambda function URL origins (`*.lambda-url.*.on.aws`) with a \
            non-empty `OriginPath`. It needs nothing about the function: a function URL has \
            no stages and does no routing.",
        why_bad: "CloudFront puts the origin path in front of every request path, and a \
            function URL passes the whole path to the function (`rawPath`): `/orders` arrives as \
            `/prod/orders`. An origin path copied from an API Gateway stage makes the \
            function's router miss every route.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(EXAMPLE, "            OriginPath: /prod\n" => "")),
        exceptions: "A function whose router expects the prefix (a framework mounted under \
            `/prod`); suppress the rule for that distribution. The unsafe fix removes the origin \
            path.",
        references: &[
            "https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesOriginPath",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .origins
        .iter()
        .filter(|o| matches!(o.kind.0, OriginKind::LambdaUrl { .. }))
        .filter_map(|o| {
            let field = &o.origin_path;
            let path = field
                .get()
                .map(|p| p.trim())
                .filter(|p| !p.is_empty() && *p != "/")?;
            let message = format!(
                "{} is a Lambda function URL with {} `{path}`: a function URL does no routing, \
                 so the function receives `{path}` in front of every path (`/orders` arrives as \
                 `{path}/orders`)",
                origin_name(o),
                Key::ORIGIN_PATH.name(ctx.format())
            );
            let edit = ctx.editor().unset(field.span);
            let fix = Fix::unsafe_("remove the origin path", edit.into_iter().collect());
            Some(
                ctx.finding(&RULE, field.span, &field.path, message)
                    .with_fix(fix),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::model::Format;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;

    #[test]
    fn cases() {
        let no_path = RULE.docs.use_instead.text;
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  origin {
    origin_id   = "fn"
    domain_name = "abcdefghijklmnopqrstuvwxyz123456.lambda-url.eu-west-1.on.aws"
    origin_path = ‸"/v1"
  }
  default_cache_behavior {
    target_origin_id = "fn"
  }
}
"#;
        let empty_in_cli = "the CLI JSON fix writes an empty string";
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                no_path.to_string(),
                EXAMPLE.with("OriginPath: /prod", "OriginPath: ''"),
                EXAMPLE.with("OriginPath: /prod", "OriginPath: !Ref Path"),
            ])
            .unsafe_fix([
                (
                    case(EXAMPLE.mark("/prod"))
                        .message(
                            "origin `orders-api` is a Lambda function URL with OriginPath \
                             `/prod`: a function URL does no routing",
                        )
                        .except(&[Format::CliJson], empty_in_cli),
                    no_path.to_string(),
                ),
                (
                    case(tf)
                        .message("is a Lambda function URL with origin_path `/v1`")
                        .except(&[Format::CliJson], empty_in_cli),
                    tf.unmarked().with("    origin_path = \"/v1\"\n", ""),
                ),
            ])
            .test();
    }
}
