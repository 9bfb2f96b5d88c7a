//! `oac-authorization-conflict`: origin access control signing and the viewer's Authorization.

use super::helpers::local_oac;
use crate::forwarding::{Forwarding, HeaderSet, Resolved};
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::OriginKind;

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        "            DomainName: abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws
            OriginAccessControlId: !GetAtt FnOac.Id
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
        concat!(
            api_behavior!(),
            "    Metadata:\n",
            "      apifront:\n",
            "        ignore: [lambda-url-oac-payload-hash] # clients send x-amz-content-sha256\n",
        )
    ),
    "  FnOac:
    Type: AWS::CloudFront::OriginAccessControl
    Properties:
      OriginAccessControlConfig:
        Name: orders-fn
        OriginAccessControlOriginType: lambda
        SigningBehavior: no-override
        SigningProtocol: sigv4
"
);

pub static RULE: Rule = Rule {
    slug: "oac-authorization-conflict",
    summary: "Origin access control signing conflicts with the viewer's Authorization header",
    default_severity: Severity::Warning,
    category: Category::Security,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For origins whose origin access control is defined in the same input: \
            finds signing behavior `always` on a behavior whose cache policy, origin request \
            policy or legacy `ForwardedValues` names the `Authorization` header explicitly; \
            and signing behavior `no-override` on a Lambda function URL origin. All-viewer \
            origin request policies such as AllViewerExceptHostHeader (the AWS recommendation \
            for function URLs) are not counted as naming Authorization.",
        why_bad: "With `always`, CloudFront replaces the viewer's `Authorization` header with \
            its own SigV4 signature: the application token the behavior was set up to pass \
            never reaches the function. With `no-override`, CloudFront does not sign requests \
            that carry an `Authorization` header, and a function URL with `AWS_IAM` auth (which \
            OAC requires) rejects them.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "SigningBehavior: no-override" => "SigningBehavior: always"
        )),
        exceptions: "Clients that never send `Authorization`. Carry application tokens in \
            another header (for example `X-Auth-Token`), or drop OAC and protect the origin \
            with a secret header. Suppress with `apifront: {ignore: \
            [oac-authorization-conflict]}` in the distribution's Metadata.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginAccessControlConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html",
            "https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudfront.SigningBehavior.html",
        ],
        fix_safety: None,
    },
    check,
};

/// The forwarding source that lists `Authorization` by name, if any.
fn names_authorization(fwd: &Forwarding) -> Option<&Resolved> {
    std::iter::once(&fwd.cache)
        .chain(fwd.origin_request.iter())
        .find(|source| {
            matches!(
                source.selection.as_ref().and_then(|s| s.headers.as_ref()),
                Some(HeaderSet::Only { names, .. }) if names.iter().any(|n| n == "authorization")
            )
        })
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        let Some(oac) = local_oac(ctx, origin) else {
            continue;
        };
        let Some(signing) = oac.signing_behavior.get() else {
            continue;
        };
        let field = &origin.origin_access_control_id;
        let related = format!("signing behavior of `{}`", oac.name);
        if signing.eq_ignore_ascii_case("no-override")
            && matches!(origin.kind.0, OriginKind::LambdaUrl { .. })
        {
            let message = format!(
                "{} is a Lambda function URL whose origin access control `{}` signs with \
                 `no-override`: requests that carry an Authorization header go unsigned and \
                 the function URL (AWS_IAM) rejects them. Use `always`",
                origin_name(origin),
                oac.name
            );
            out.push(
                ctx.finding(&RULE, field.span, &field.path, message)
                    .with_related(oac.signing_behavior.span, related.clone()),
            );
            continue;
        }
        if !signing.eq_ignore_ascii_case("always") {
            continue;
        }
        for behavior in ctx.behaviors_of(origin) {
            let fwd = ctx.forwarding(behavior);
            let Some(source) = names_authorization(&fwd) else {
                continue;
            };
            let message = format!(
                "{} passes the viewer Authorization header to {} ({}), but its origin access \
                 control `{}` signs with `always` and replaces that header with its own \
                 signature; carry application tokens in another header",
                behavior_name(behavior),
                origin_name(origin),
                source.cause.description,
                oac.name
            );
            out.push(
                ctx.finding(&RULE, source.cause.span, &source.cause.path, message)
                    .with_related(oac.signing_behavior.span, related.clone()),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester};

    const SUPPRESSION: &str = "    Metadata:\n      apifront:\n        ignore: \
                               [lambda-url-oac-payload-hash] # clients send x-amz-content-sha256\n";
    const SIGNING: &str = "SigningBehavior: no-override";
    const OAC: &str = "!GetAtt FnOac.Id";

    /// The example without its suppression of another rule (which the kit cannot render),
    /// signing with `signing`.
    fn signing(signing: &str) -> String {
        RULE.docs
            .example
            .text
            .with(SUPPRESSION, "")
            .with(SIGNING, &format!("SigningBehavior: {signing}"))
    }

    /// [`signing`] with legacy forwarding of these headers instead of the policies.
    fn legacy(signing_behavior: &str, headers: &str) -> String {
        signing(signing_behavior).with(
            "          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n          \
             OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n",
            &format!(
                "          ForwardedValues:\n            ‸QueryString: true\n            Headers: \
                 {headers}\n"
            ),
        )
    }

    #[test]
    fn cases() {
        let tf = include_str!("../../tests/fixtures/terraform/lambda_url_oac.tf");
        let tf_marked = tf.with(
            "cache_policy_id        = aws_cloudfront_cache_policy.api.id",
            "cache_policy_id        = ‸aws_cloudfront_cache_policy.api.id",
        );
        Tester::new(&RULE)
            .pass([
                signing("always"),
                signing("!Ref Signing"),
                signing("never"),
                legacy("always", "[Origin]").unmarked(),
                legacy("always", "[!Ref Header]").unmarked(),
                // Not a Lambda function URL.
                signing("no-override").with(
                    "abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws",
                    "bucket.s3.eu-west-1.amazonaws.com",
                ),
            ])
            .pass([case(RULE.docs.use_instead.text).not_rendered("a suppression")])
            .fail([
                case(signing("no-override").mark(OAC))
                    .message(
                        "origin `orders-api` is a Lambda function URL whose origin access control \
                     `FnOac` signs with `no-override`: requests that carry an Authorization \
                     header go unsigned",
                    )
                    .related("signing behavior of `FnOac`"),
                case(RULE.docs.example.text.mark(OAC))
                    .related("signing behavior of `FnOac`")
                    .not_rendered("a suppression"),
                case(legacy("always", "[authorization]"))
                    .message(
                        "default behavior passes the viewer Authorization header to origin \
                     `orders-api` (legacy ForwardedValues), but its origin access control `FnOac` \
                     signs with `always`",
                    )
                    .related("signing behavior of `FnOac`"),
                case(tf_marked)
                    .message("(custom cache policy `aws_cloudfront_cache_policy.api`)")
                    .related("signing behavior of `aws_cloudfront_origin_access_control.lambda`")
                    .not_rendered("a Lambda function URL beside the distribution"),
            ])
            .test();
    }
}
