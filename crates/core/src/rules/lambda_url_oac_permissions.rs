//! `lambda-url-oac-permissions`: a function URL behind origin access control lacks one of the
//! two invoke permissions CloudFront needs since October 2025, or grants them to any
//! distribution.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{LambdaPermission, LambdaUrl};
use crate::value::Val;

const USE_INSTEAD: &str = "Resources:
  ApiFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/api-fn
      Code:
        ZipFile: \"exports.handler = async () => ({ statusCode: 200, body: 'ok' });\"
  ApiFunctionUrl:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt ApiFunction.Arn
      AuthType: AWS_IAM
  LambdaOac:
    Type: AWS::CloudFront::OriginAccessControl
    Properties:
      OriginAccessControlConfig:
        Name: api-fn-url-oac
        OriginAccessControlOriginType: lambda
        SigningBehavior: always
        SigningProtocol: sigv4
  Cdn:
    Type: AWS::CloudFront::Distribution
    Metadata:
      apifront:
        # Clients send x-amz-content-sha256 with every POST and PUT.
        ignore: [lambda-url-oac-payload-hash]
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: fn-url
            DomainName: !Select [2, !Split ['/', !GetAtt ApiFunctionUrl.FunctionUrl]]
            OriginAccessControlId: !GetAtt LambdaOac.Id
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: fn-url
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
  AllowCloudFrontInvokeFunctionUrl:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref ApiFunction
      Action: lambda:InvokeFunctionUrl
      Principal: cloudfront.amazonaws.com
      SourceArn: !Sub arn:aws:cloudfront::${AWS::AccountId}:distribution/${Cdn}
  AllowCloudFrontInvokeFunction:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref ApiFunction
      Action: lambda:InvokeFunction
      Principal: cloudfront.amazonaws.com
      SourceArn: !Sub arn:aws:cloudfront::${AWS::AccountId}:distribution/${Cdn}
";

pub static RULE: Rule = Rule {
    slug: "lambda-url-oac-permissions",
    summary: "A function URL behind origin access control lacks lambda:InvokeFunction or lambda:InvokeFunctionUrl for CloudFront",
    default_severity: Severity::Error,
    category: Category::Security,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For a Lambda function URL origin with origin access control whose \
            `AWS::Lambda::Url` / `aws_lambda_function_url` (`AWS_IAM`) and function permissions \
            are in the input (beside AWS CLI JSON: the `aws lambda get-function-url-config` and \
            `aws lambda get-policy` outputs given as API definitions): when the input grants `cloudfront.amazonaws.com` one of \
            `lambda:InvokeFunctionUrl` and `lambda:InvokeFunction` but not the other (an \
            `InvokeFunction` statement with or without `InvokedViaFunctionUrl` counts; so do \
            `lambda:*` and `*`), an error; when it grants CloudFront neither while other \
            permissions of the function are there, information; a CloudFront permission \
            without `SourceArn` or `SourceAccount`, a warning. Permissions kept elsewhere are \
            not judged.",
        why_bad: "Since October 2025 a function URL needs both `lambda:InvokeFunctionUrl` and \
            `lambda:InvokeFunction`; the CloudFront guide's OAC setup adds both for the \
            CloudFront service principal with the distribution's ARN as source. Without one, \
            every request through CloudFront is refused (403). Function URLs that existed before \
            had a temporary exception, which AWS announced would end on November 1, 2026; \
            apifront treats it as ended. A service principal granted without a source lets \
            distributions of other accounts invoke the function.",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "  AllowCloudFrontInvokeFunction:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: !Ref ApiFunction\n      Action: lambda:InvokeFunction\n      Principal: cloudfront.amazonaws.com\n      SourceArn: !Sub arn:aws:cloudfront::${AWS::AccountId}:distribution/${Cdn}\n" => ""
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-permission.html",
            "https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html",
        ],
        fix_safety: None,
    },
    check,
};

/// The function's name from a name or an ARN (`arn:aws:lambda:…:function:name[:qualifier]`).
fn function_name(text: &str) -> &str {
    match text.split_once(":function:") {
        Some((_, rest)) => rest.split(':').next().unwrap_or(rest),
        None => text,
    }
}

/// True when the permission names the URL's function.
fn same_function(p: &LambdaPermission, url: &LambdaUrl) -> bool {
    if let (Some(a), Some(b)) = (&p.function_ref, &url.function_ref) {
        return a == b;
    }
    match (p.function.get(), url.function.get()) {
        (Some(a), Some(b)) => function_name(a.trim()) == function_name(b.trim()),
        _ => false,
    }
}

/// Whether a permission may be for CloudFront: its principal is CloudFront's, `*`, or not known.
fn for_cloudfront(p: &LambdaPermission) -> bool {
    match &p.principal.val {
        Val::Known(x) => matches!(x.trim(), "cloudfront.amazonaws.com" | "*"),
        Val::Unknown(_) => true,
        Val::Absent => false,
    }
}

/// Whether a permission grants `action` (unknown actions count).
fn grants(p: &LambdaPermission, action: &str) -> bool {
    match &p.action.val {
        Val::Known(a) => {
            let a = a.trim();
            a.eq_ignore_ascii_case(action) || a == "lambda:*" || a == "*"
        }
        Val::Unknown(_) => true,
        Val::Absent => false,
    }
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for o in &ctx.dist.origins {
        if !o.origin_access_control_id.is_present() {
            continue;
        }
        let Some(url) = o
            .lambda_url_ref
            .as_deref()
            .and_then(|r| ctx.doc.lambda_urls.iter().find(|u| u.name == r))
        else {
            continue;
        };
        if !url
            .auth_type
            .get()
            .is_some_and(|a| a.eq_ignore_ascii_case("AWS_IAM"))
        {
            continue;
        }
        let all: Vec<&LambdaPermission> = ctx
            .doc
            .lambda_permissions
            .iter()
            .filter(|p| same_function(p, url))
            .collect();
        if all.is_empty() {
            continue;
        }
        let cloudfront: Vec<&LambdaPermission> =
            all.iter().copied().filter(|p| for_cloudfront(p)).collect();
        let at = &o.origin_access_control_id;
        let url_grant = cloudfront
            .iter()
            .any(|p| grants(p, "lambda:InvokeFunctionUrl"));
        let fn_grant = cloudfront
            .iter()
            .any(|p| grants(p, "lambda:InvokeFunction"));
        let missing = match (url_grant, fn_grant) {
            (true, true) => None,
            (true, false) => Some("lambda:InvokeFunction"),
            (false, true) => Some("lambda:InvokeFunctionUrl"),
            (false, false) => {
                out.push(
                    ctx.finding(
                        &RULE,
                        at.span,
                        &at.path,
                        format!(
                            "{}: the input has permissions for the function of `{}` but none \
                             for cloudfront.amazonaws.com; origin access control needs \
                             lambda:InvokeFunctionUrl and lambda:InvokeFunction for it",
                            origin_name(o),
                            url.name
                        ),
                    )
                    .with_severity(Severity::Info),
                );
                None
            }
        };
        if let Some(missing) = missing {
            out.push(ctx.finding(
                &RULE,
                at.span,
                &at.path,
                format!(
                    "{}: CloudFront may invoke the function of `{}` with one permission only; \
                     since October 2025 a function URL also needs {missing} for \
                     cloudfront.amazonaws.com, else every request gets 403",
                    origin_name(o),
                    url.name
                ),
            ));
        }
        for p in cloudfront {
            let known_principal = p
                .principal
                .get()
                .is_some_and(|x| x.trim() == "cloudfront.amazonaws.com");
            if known_principal && !p.source_arn.is_present() && !p.source_account.is_present() {
                out.push(
                    ctx.finding(
                        &RULE,
                        p.principal.span,
                        &p.principal.path,
                        format!(
                            "permission `{}` lets any CloudFront distribution, of any account, \
                             invoke the function; restrict it with the distribution's ARN as \
                             source",
                            p.name
                        ),
                    )
                    .with_severity(Severity::Warning),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{case, CaseText, Tester};

    const SECOND: &str = "  AllowCloudFrontInvokeFunction:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: !Ref ApiFunction\n      Action: lambda:InvokeFunction\n      Principal: cloudfront.amazonaws.com\n      SourceArn: !Sub arn:aws:cloudfront::${AWS::AccountId}:distribution/${Cdn}\n";

    const TF: &str = r#"resource "aws_lambda_function_url" "api" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_permission" "cloudfront_invoke_url" {
  statement_id  = "AllowCloudFrontServicePrincipal"
  action        = "lambda:InvokeFunctionUrl"
  function_name = aws_lambda_function.api.function_name
  principal     = "cloudfront.amazonaws.com"
  source_arn    = aws_cloudfront_distribution.api.arn
}

resource "aws_cloudfront_distribution" "api" {
  enabled = true
  origin {
    origin_id                = "fn-url"
    domain_name              = replace(replace(aws_lambda_function_url.api.function_url, "https://", ""), "/", "")
    origin_access_control_id = "E2QWRUHEXAMPLE"
  }
  default_cache_behavior {
    target_origin_id = "fn-url"
  }
}
"#;

    #[test]
    fn cases() {
        let text = RULE.docs.use_instead.text;
        let tf_both = TF.with(
            "resource \"aws_cloudfront_distribution\"",
            "resource \"aws_lambda_permission\" \"cloudfront_invoke_function\" {\n  action        = \"lambda:InvokeFunction\"\n  function_name = aws_lambda_function.api.arn\n  principal     = \"cloudfront.amazonaws.com\"\n  source_arn    = aws_cloudfront_distribution.api.arn\n}\n\nresource \"aws_cloudfront_distribution\"",
        );
        let by_name = text
            .replace(
                "!GetAtt ApiFunction.Arn",
                "arn:aws:lambda:eu-west-1:123456789012:function:api:live",
            )
            .replace("FunctionName: !Ref ApiFunction", "FunctionName: api");
        Tester::new(&RULE)
            .pass(
                [
                    case(text),
                    case(text.with("Action: lambda:InvokeFunction\n", "Action: !Ref InvokeAction\n")),
                    case(text.with("Action: lambda:InvokeFunction\n", "Action: lambda:*\n")),
                    // Permissions of another function say nothing about this one.
                    case(text.with(SECOND, "").with("FunctionName: !Ref ApiFunction\n      Action: lambda:InvokeFunctionUrl", "FunctionName: !Ref OtherFunction\n      Action: lambda:InvokeFunctionUrl")),
                    case(text.with("AuthType: AWS_IAM", "AuthType: NONE").with(SECOND, "")),
                    case(tf_both),
                    // The function by name in the permissions, by ARN in the URL.
                    case(&by_name),
                ]
                .map(|c| c.not_rendered("a function URL and permissions")),
            )
            .fail(
                [
                    case(RULE.docs.example.text.mark("!GetAtt LambdaOac.Id")).message(
                        "origin `fn-url`: CloudFront may invoke the function of `ApiFunctionUrl` \
                         with one permission only; since October 2025 a function URL also needs \
                         lambda:InvokeFunction for cloudfront.amazonaws.com",
                    ),
                    case(text.with("Action: lambda:InvokeFunctionUrl\n", "Action: lambda:GetFunction\n").mark("!GetAtt LambdaOac.Id"))
                        .message("also needs lambda:InvokeFunctionUrl"),
                    case(text.with("Principal: cloudfront.amazonaws.com\n      SourceArn: !Sub arn:aws:cloudfront::${AWS::AccountId}:distribution/${Cdn}\n  AllowCloudFrontInvokeFunction", "Principal: ‸cloudfront.amazonaws.com\n  AllowCloudFrontInvokeFunction"))
                        .severity(Severity::Warning)
                        .message("lets any CloudFront distribution, of any account, invoke the function"),
                    case(text.replace("Principal: cloudfront.amazonaws.com", "Principal: apigateway.amazonaws.com").mark("!GetAtt LambdaOac.Id"))
                        .severity(Severity::Info),
                    case(TF.mark("\"E2QWRUHEXAMPLE\"")).message("also needs lambda:InvokeFunction"),
                    case(by_name.with("FunctionName: api\n      Action: lambda:InvokeFunction\n", "FunctionName: other\n      Action: lambda:InvokeFunction\n").mark("!GetAtt LambdaOac.Id"))
                        .message("also needs lambda:InvokeFunction for cloudfront.amazonaws.com"),
                ]
                .map(|c| c.not_rendered("a function URL and permissions")),
            )
            .test();
    }
}
