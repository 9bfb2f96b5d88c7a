//! `lambda-edge-unversioned-arn`: a Lambda@Edge association without a numbered version in
//! us-east-1.

use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};

pub static RULE: Rule = Rule {
    slug: "lambda-edge-unversioned-arn",
    summary: "A Lambda@Edge ARN has no numbered version or is not in us-east-1",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds `LambdaFunctionAssociations` whose `LambdaFunctionARN` does not end \
            in a numbered version (`:7`) — no qualifier, `$LATEST` or an alias — or whose \
            region is not `us-east-1`.",
        why_bad: "CloudFront replicates a specific, published version of the function to its \
            edge locations; it rejects unqualified ARNs, `$LATEST` and aliases, and functions \
            outside US East (N. Virginia).",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                concat!(
                    api_behavior!(),
                    "          LambdaFunctionAssociations:\n",
                    "            - EventType: origin-request\n",
                    "              LambdaFunctionARN: arn:aws:lambda:us-east-1:123456789012:function:rewrite\n",
                )
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                concat!(
                    api_behavior!(),
                    "          LambdaFunctionAssociations:\n",
                    "            - EventType: origin-request\n",
                    "              LambdaFunctionARN: arn:aws:lambda:us-east-1:123456789012:function:rewrite:7\n",
                )
            )),
        exceptions: "None. ARNs from `Ref`s, `!GetAtt Version.FunctionArn` or Terraform \
            `qualified_arn` attributes are not checked.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_LambdaFunctionAssociation.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html",
        ],
        fix_safety: None,
    },
    check,
};

/// What is wrong with a Lambda function ARN used for Lambda@Edge, if anything.
fn problem(arn: &str) -> Option<String> {
    let parts: Vec<&str> = arn.split(':').collect();
    // arn:partition:lambda:region:account:function:name[:qualifier]
    if parts.len() < 7 || parts.get(2) != Some(&"lambda") || parts.get(5) != Some(&"function") {
        return Some("it is not a Lambda function ARN".into());
    }
    let region = parts.get(3).copied().unwrap_or_default();
    if region != "us-east-1" {
        return Some(format!(
            "its region is `{region}`; Lambda@Edge functions live in us-east-1"
        ));
    }
    match parts.get(7) {
        None => Some("it has no version; add the published version number (`:7`)".into()),
        Some(q) if q.is_empty() || !q.bytes().all(|b| b.is_ascii_digit()) => Some(format!(
            "its qualifier `{q}` is not a numbered version (`$LATEST` and aliases are refused)"
        )),
        Some(_) if parts.len() > 8 => Some("it is not a Lambda function ARN".into()),
        Some(_) => None,
    }
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for behavior in ctx.dist.all_behaviors() {
        for association in &behavior.lambda_function_associations {
            let field = &association.arn;
            let Some(arn) = field.get() else { continue };
            let Some(problem) = problem(arn) else {
                continue;
            };
            let message = format!(
                "{} associates Lambda@Edge function `{arn}`, but {problem}",
                behavior_name(behavior)
            );
            out.push(ctx.finding(&RULE, field.span, &field.path, message));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, cfn, CaseText, Tester, API_BEHAVIOR, API_ORIGIN};

    /// The API distribution whose default behavior associates a function with this ARN.
    fn lambda(arn: &str) -> String {
        cfn(
            "",
            API_ORIGIN,
            &format!(
                "{API_BEHAVIOR}          LambdaFunctionAssociations:\n            - EventType: \
                 origin-request\n              LambdaFunctionARN: {arn}\n"
            ),
        )
    }

    #[test]
    fn cases() {
        let cloudfront_function = cfn(
            "",
            API_ORIGIN,
            &format!(
                "{API_BEHAVIOR}          FunctionAssociations:\n            - EventType: \
                 viewer-request\n              FunctionARN: \
                 arn:aws:cloudfront::123456789012:function/rewrite\n"
            ),
        );
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  default_cache_behavior {
    target_origin_id = "a"
    lambda_function_association {
      event_type = "origin-request"
      lambda_arn = ‸"arn:aws:lambda:eu-west-1:123456789012:function:rewrite:3"
    }
    lambda_function_association {
      event_type = "viewer-request"
      lambda_arn = aws_lambda_function.rewrite.qualified_arn
    }
  }
}
"#;
        let cli = r#"{"DistributionConfig": {"DefaultCacheBehavior": {"TargetOriginId": "a",
  "LambdaFunctionAssociations": {"Quantity": 1, "Items": [{"EventType": "origin-request",
  "LambdaFunctionARN": ‸"arn:aws:lambda:us-east-1:123456789012:function:rewrite:prod", "IncludeBody": false}]}}}}"#;
        let bad = [
            (
                "arn:aws:lambda:us-east-1:123456789012:function:f",
                "it has no version",
            ),
            (
                "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST",
                "its qualifier `$LATEST` is not a numbered version",
            ),
            (
                "arn:aws:lambda:us-east-1:123456789012:function:f:live",
                "its qualifier `live` is not a numbered version",
            ),
            (
                "arn:aws:lambda:eu-west-1:123456789012:function:f:3",
                "its region is `eu-west-1`",
            ),
            (
                "arn:aws:lambda:us-east-1:123456789012:function:f:3:4",
                "it is not a Lambda function ARN",
            ),
            ("f", "it is not a Lambda function ARN"),
            // No name, a layer, another service.
            (
                "arn:aws:lambda:us-east-1:123456789012:function",
                "it is not a Lambda function ARN",
            ),
            (
                "arn:aws:lambda:us-east-1:123456789012:layer:shared:3",
                "it is not a Lambda function ARN",
            ),
            (
                "arn:aws:states:us-east-1:123456789012:function:f:3",
                "it is not a Lambda function ARN",
            ),
        ];
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                lambda("arn:aws:lambda:us-east-1:123456789012:function:f:12"),
                lambda("!Ref EdgeVersion"),
                cloudfront_function,
            ])
            .fail(bad.map(|(arn, problem)| {
                case(lambda(&format!("‸'{arn}'"))).message(&format!(
                    "default behavior associates Lambda@Edge function `{arn}`, but {problem}"
                ))
            }))
            .fail([
                case(RULE.docs.example.text.mark("arn:aws:lambda")),
                case(tf).message("`eu-west-1`"),
                case(cli),
            ])
            .test();
    }
}
