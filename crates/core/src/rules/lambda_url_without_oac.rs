//! `lambda-url-without-oac`: a Lambda function URL origin without origin access control.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::OriginKind;

pub static RULE: Rule = Rule {
    slug: "lambda-url-without-oac",
    summary: "A Lambda function URL origin has no origin access control",
    default_severity: Severity::Info,
    category: Category::Security,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds Lambda function URL origins without `OriginAccessControlId`. \
            Information, like `api-origin-bypassable` for API Gateway: nothing fails, and \
            whether a direct call is harmful depends on what the function checks itself.",
        why_bad: "The function URL stays publicly callable around CloudFront, bypassing WAF, \
            geo restriction and logging (Security Hub CloudFront.16). With OAC the URL uses \
            `AuthType: AWS_IAM` and only CloudFront may invoke it.",
        example: Snippet::cfn_yaml(cfn_doc!("", lambda_url_origin!(""), api_behavior!())),
        use_instead: Snippet::cfn_yaml(lambda_url_doc!()),
        exceptions: "Function URLs that are meant to be public, or that check a secret header \
            themselves.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
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
        .filter(|o| !o.origin_access_control_id.is_present())
        .map(|o| {
            ctx.finding(
                &RULE,
                o.domain_name.span,
                &o.domain_name.path,
                format!(
                    "{} is a Lambda function URL without origin access control: the URL stays \
                     publicly callable around CloudFront",
                    origin_name(o)
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{beside, case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const HOST: &str = "abcdefghijklmnopqrstuvwxyz123456.lambda-url.eu-west-1.on.aws";
    const ORIGIN: &str = "            CustomOriginConfig:";

    fn oac(id: &str) -> String {
        EXAMPLE.with(
            ORIGIN,
            &format!("            OriginAccessControlId: {id}\n{ORIGIN}"),
        )
    }

    #[test]
    fn cases() {
        let sibling = beside(
            &oac("!GetAtt UrlAccess.Id"),
            "UrlAccess:\n  Type: AWS::CloudFront::OriginAccessControl\n  Properties:\n    \
             OriginAccessControlConfig:\n      Name: url\n      OriginAccessControlOriginType: \
             lambda\n      SigningBehavior: always\n      SigningProtocol: sigv4",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                oac("E2QWRUHAPOMQZL"),
                oac("!Ref OriginAccessControl"),
                sibling,
            ])
            .pass([case(RULE.docs.use_instead.text).not_rendered("a suppression")])
            .fail([
                case(EXAMPLE.mark(HOST)).message(
                    "origin `orders-api` is a Lambda function URL without origin access \
                     control: the URL stays publicly callable around CloudFront",
                ),
                case(API.with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "‸xyz.lambda-url.us-east-1.on.aws",
                )),
            ])
            .test();
    }
}
