//! `acm-certificate-not-us-east-1`: CloudFront only takes ACM certificates from us-east-1.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "acm-certificate-not-us-east-1",
    summary: "The viewer certificate is an ACM certificate outside us-east-1",
    default_severity: Severity::Error,
    category: Category::Tls,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds an `ACMCertificateArn` (CloudFormation `AcmCertificateArn`, \
            Terraform `acm_certificate_arn`) whose region is not `us-east-1`.",
        why_bad: "CloudFront only accepts ACM certificates from US East (N. Virginia). Regional \
            API Gateway custom domains use a certificate in the API's region, a common mix-up.",
        example: Snippet::cfn_yaml(changed!(
            cfn_doc!(custom_certificate!(), api_origin!(), api_behavior!()),
            "arn:aws:acm:us-east-1:" => "arn:aws:acm:eu-west-1:"
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(custom_certificate!(), api_origin!(), api_behavior!())),
        exceptions: "None: request or import the certificate in us-east-1.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let field = &ctx.dist.viewer_certificate.acm_certificate_arn;
    let Some(arn) = field.get() else {
        return Vec::new();
    };
    let parts: Vec<&str> = arn.split(':').collect();
    let Some(region) = parts.get(3).filter(|_| parts.get(2) == Some(&"acm")) else {
        return Vec::new();
    };
    if region.is_empty() || *region == "us-east-1" {
        return Vec::new();
    }
    vec![ctx.finding(
        &RULE,
        field.span,
        &field.path,
        format!(
            "the viewer certificate `{arn}` is in {region}; CloudFront only accepts ACM \
             certificates from us-east-1"
        ),
    )]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, with_config, CaseText, Tester};

    fn certificate(arn: &str) -> String {
        with_config(&format!(
            "        Aliases: [api.example.com]\n        ViewerCertificate:\n          \
                 AcmCertificateArn: {arn}\n          SslSupportMethod: sni-only\n"
        ))
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                certificate("arn:aws:acm:us-east-1:123456789012:certificate/abc"),
                certificate("!Ref CertificateArn"),
                // Not an ACM ARN, or no region in it.
                certificate("arn:aws:iam::123456789012:server-certificate/abc"),
                certificate("arn:aws:acm::123456789012:certificate/abc"),
            ])
            .fail([
                case(RULE.docs.example.text.mark("arn:aws:acm:eu-west-1")).message(
                    "is in eu-west-1; CloudFront only accepts ACM certificates from us-east-1",
                ),
                case(certificate(
                    "‸arn:aws-cn:acm:cn-north-1:123456789012:certificate/abc",
                ))
                .message("is in cn-north-1"),
            ])
            .test();
    }
}
