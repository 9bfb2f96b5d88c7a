//! `apigw-iam-auth-behind-cloudfront`: IAM-authorized API methods reached through CloudFront.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

const EXAMPLE: &str = concat!(
    cfn_doc!("", sibling_api_origin!(), api_behavior!()),
    rest_api!(),
    "  GetOrders:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: AWS_IAM
"
);

pub static RULE: Rule = Rule {
    slug: "apigw-iam-auth-behind-cloudfront",
    summary: "API methods with `AWS_IAM` authorization are served through CloudFront",
    default_severity: Severity::Error,
    category: Category::Security,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API Gateway methods or routes with `AuthorizationType: AWS_IAM` \
            of an API that the distribution sends requests to.",
        why_bad: "SigV4 signs the host the client talked to: the CloudFront name, not the API's \
            host, so the signature never matches (403 SignatureDoesNotMatch). CloudFront also \
            strips or rewrites `Authorization` in many setups. AWS Solutions Constructs refuse \
            this combination outright.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "      AuthorizationType: AWS_IAM\n" => "      AuthorizationType: COGNITO_USER_POOLS\n      AuthorizerId: !Ref Authorizer\n"
        )),
        exceptions: "Clients that sign against the API's own host and never go through \
            CloudFront; then the API should not be a CloudFront origin for those routes.",
        references: &[
            "https://github.com/awslabs/aws-solutions-constructs/issues/1043",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    let reached: Vec<_> = ctx.api_behaviors().into_iter().map(|(_, o)| o).collect();
    for method in &ctx.doc.methods {
        let Some(auth) = method.authorization_type.get() else {
            continue;
        };
        if !auth.eq_ignore_ascii_case("AWS_IAM") {
            continue;
        }
        let Some(api_ref) = &method.api_ref else {
            continue;
        };
        let Some(origin) = reached.iter().find(|o| o.api_ref.as_ref() == Some(api_ref)) else {
            continue;
        };
        let message = format!(
            "method `{}` of API `{api_ref}` uses AWS_IAM authorization but is served through \
             {}: SigV4 signatures made for the CloudFront host never match the API host",
            method.name,
            origin_name(origin)
        );
        let field = &method.authorization_type;
        out.push(
            ctx.finding(&RULE, field.span, &field.path, message)
                .with_related(origin.span, origin_name(origin)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester};

    const EXAMPLE: &str = RULE.docs.example.text;
    const AUTH: &str = "AuthorizationType: AWS_IAM";

    #[test]
    fn cases() {
        let sibling = "an API and its methods beside the distribution";
        Tester::new(&RULE)
            .pass(
                [
                    RULE.docs.use_instead.text.to_string(),
                    EXAMPLE.with(AUTH, "AuthorizationType: NONE"),
                    EXAMPLE.with(AUTH, "AuthorizationType: !Ref AuthType"),
                    // The method belongs to another API than the origin's.
                    EXAMPLE.with(
                        "      RestApiId: !Ref Api\n      ResourceId",
                        "      RestApiId: !Ref OtherApi\n      ResourceId",
                    ),
                    // The API is not reached through CloudFront.
                    EXAMPLE.with(
                        "!Sub ${Api}.execute-api.${AWS::Region}.amazonaws.com",
                        "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    ),
                ]
                .map(|text| case(text).not_rendered(sibling)),
            )
            .fail([
                case(EXAMPLE.with(AUTH, "AuthorizationType: ‸aws_iam")).not_rendered(sibling),
                case(EXAMPLE.mark("AWS_IAM"))
                    .message(
                        "method `GetOrders` of API `Api` uses AWS_IAM authorization but is served \
                         through origin `orders-api`",
                    )
                    .not_rendered(sibling),
            ])
            .test();
    }
}
