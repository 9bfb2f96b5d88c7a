//! `waf-not-associated`: no AWS WAF web ACL on the distribution.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::value::Val;

pub static RULE: Rule = Rule {
    slug: "waf-not-associated",
    summary: "The distribution has no AWS WAF web ACL",
    default_severity: Severity::Info,
    category: Category::Posture,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds distributions without `WebACLId`.",
        why_bad: "A web ACL filters common attacks, bots and floods before they reach the API \
            (Security Hub CloudFront.6, checkov CKV_AWS_68, trivy AVD-AWS-0011, cdk-nag CFR2).",
        example: Snippet::cfn_yaml(api_doc!()),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "        WebACLId: arn:aws:wafv2:us-east-1:123456789012:global/webacl/api/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111\n",
                concat!(
                    api_origin!(),
                    "            OriginCustomHeaders:\n",
                    "              - HeaderName: X-Origin-Verify\n",
                    "                HeaderValue: '{{resolve:secretsmanager:cdn/origin-verify:SecretString:value}}'\n",
                ),
                api_behavior!()
            )),
        exceptions: "Protection provided elsewhere (a Regional web ACL on the API stage, Shield \
            Advanced policies managed by Firewall Manager).",
        references: &["https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html"],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let field = &ctx.dist.web_acl_id;
    let missing = match &field.val {
        Val::Absent => true,
        Val::Known(v) => v.trim().is_empty(),
        Val::Unknown(_) => false,
    };
    if !missing {
        return Vec::new();
    }
    vec![ctx.finding(
        &RULE,
        field.span,
        &field.path,
        format!("distribution `{}` has no AWS WAF web ACL", ctx.dist.name),
    )]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, with_config, CaseText, Tester, API};

    fn acl(id: &str) -> String {
        with_config(&format!("        WebACLId: {id}\n"))
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                acl("arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/1"),
                acl("!GetAtt WebAcl.Arn"),
            ])
            .fail([
                case(API.mark("Enabled: true"))
                    .message("distribution `Cdn` has no AWS WAF web ACL"),
                case(acl("‸''")),
                case(r#"{"DistributionConfig": {"WebACLId": ‸"", "Enabled": true}}"#)
                    .message("distribution `DistributionConfig` has no AWS WAF web ACL"),
            ])
            .test();
    }
}
