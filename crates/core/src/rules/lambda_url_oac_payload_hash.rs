//! `lambda-url-oac-payload-hash`: signed POST/PUT to a Lambda URL need a payload hash.

use super::behind::Target;
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::OriginKind;

pub static RULE: Rule = Rule {
    slug: "lambda-url-oac-payload-hash",
    summary: "POST/PUT through OAC to a Lambda URL need `x-amz-content-sha256` from clients",
    default_severity: Severity::Info,
    category: Category::Security,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds behaviors that allow POST or PUT to a Lambda function URL origin \
            protected by origin access control. \n\n\
            **What it needs to know**: whether the function takes request bodies. A behavior \
            that allows every method does not say that clients send any. **Severity**: \
            information; a warning when the input shows the function takes writes (its \
            function URL's `Cors` allows POST, PUT or PATCH).",
        why_bad: "Lambda does not accept unsigned payloads: clients must send \
            `x-amz-content-sha256` (the SHA-256 of the body) to CloudFront, or the signed origin \
            request is rejected.",
        example: Snippet::cfn_yaml(cfn_doc!(
            "",
            lambda_url_origin!("            OriginAccessControlId: E2QWRUHAPOMQZL\n"),
            api_behavior!()
        )),
        use_instead: Snippet::cfn_yaml(lambda_url_doc!()),
        exceptions: "Clients that already send `x-amz-content-sha256`: suppress the rule once \
            that is in place.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for behavior in ctx.dist.all_behaviors() {
        let Some(origin) = ctx.origin_of(behavior) else {
            continue;
        };
        if !matches!(origin.kind.0, OriginKind::LambdaUrl { .. })
            || !origin.origin_access_control_id.is_present()
        {
            continue;
        }
        let methods = behavior.allowed_methods.known_items().unwrap_or_default();
        if !methods
            .iter()
            .any(|m| m.eq_ignore_ascii_case("POST") || m.eq_ignore_ascii_case("PUT"))
        {
            continue;
        }
        let writes = ctx.behind(behavior).iter().find_map(|b| match &b.target {
            Target::FunctionUrl(url) => url.cors.as_ref().and_then(|c| {
                c.allow_methods.known_items().and_then(|m| {
                    m.into_iter()
                        .find(|m| {
                            ["POST", "PUT", "PATCH", "*"]
                                .iter()
                                .any(|w| m.eq_ignore_ascii_case(w))
                        })
                        .map(|m| (url.name.clone(), m.to_string()))
                })
            }),
            _ => None,
        });
        let list = &behavior.allowed_methods;
        let (severity, when) = match writes {
            Some((url, method)) => (
                Severity::Warning,
                format!("function URL `{url}` allows `{method}` from browsers, so"),
            ),
            None => (Severity::Info, "when they send a body,".to_string()),
        };
        out.push(
            ctx.finding(
                &RULE,
                list.span,
                &list.path,
                format!(
                    "{} sends POST/PUT to {}, a Lambda URL behind origin access control: {when} \
                     clients must send `x-amz-content-sha256` with the SHA-256 of the body",
                    behavior_name(behavior),
                    origin_name(origin)
                ),
            )
            .with_severity(severity),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{beside, case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const METHODS: &str = "[GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]";

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                EXAMPLE.with(METHODS, "[GET, HEAD, OPTIONS]"),
                EXAMPLE.with(METHODS, "!Ref Methods"),
                EXAMPLE.with("            OriginAccessControlId: E2QWRUHAPOMQZL\n", ""),
            ])
            .pass([case(RULE.docs.use_instead.text).not_rendered("a suppression")])
            .fail([
                // The function URL's CORS configuration lets browsers POST: writes happen.
                case(beside(
                    &EXAMPLE
                        .with(
                            "abcdefghijklmnopqrstuvwxyz123456.lambda-url.eu-west-1.on.aws",
                            "!Select [2, !Split ['/', !GetAtt Url.FunctionUrl]]",
                        )
                        .mark(METHODS),
                    "Url:\n  Type: AWS::Lambda::Url\n  Properties:\n    TargetFunctionArn: arn:aws:lambda:eu-west-1:123456789012:function:f\n    \
                     AuthType: AWS_IAM\n    Cors:\n      AllowOrigins: [https://app.example.com]\n      AllowMethods: [GET, POST]",
                ))
                .not_rendered("a function URL beside the distribution")
                .severity(Severity::Warning)
                .message("function URL `Url` allows `POST` from browsers, so clients must send `x-amz-content-sha256`"),
                case(EXAMPLE.mark(METHODS)).message(
                    "default behavior sends POST/PUT to origin `orders-api`, a Lambda URL behind \
                     origin access control: when they send a body, clients must send \
                     `x-amz-content-sha256`",
                ),
                case(EXAMPLE.with(METHODS, "‸[GET, HEAD, OPTIONS, PUT, PATCH, post, DELETE]")),
                // An origin access control from a parameter is still one.
                case(
                    EXAMPLE
                        .with(
                            "OriginAccessControlId: E2QWRUHAPOMQZL",
                            "OriginAccessControlId: !Ref Oac",
                        )
                        .mark(METHODS),
                ),
            ])
            .test();
    }
}
