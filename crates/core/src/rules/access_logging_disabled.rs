//! `access-logging-disabled`: no standard access logging.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::value::Val;

pub static RULE: Rule = Rule {
    slug: "access-logging-disabled",
    summary: "The distribution has no access logging",
    default_severity: Severity::Info,
    category: Category::Posture,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds distributions without standard logging (`Logging.Bucket`), or with \
            `Logging.Enabled: false`.",
        why_bad: "Without access logs there is no record of who called the API through \
            CloudFront (Security Hub CloudFront.5, checkov CKV_AWS_86, trivy AVD-AWS-0010, \
            cdk-nag CFR3).",
        example: Snippet::cfn_yaml(api_doc!()),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "        Logging:\n          Bucket: cdn-logs.s3.amazonaws.com\n          Prefix: orders-api/\n",
                api_origin!(),
                api_behavior!()
            )),
        exceptions: "Logging configured outside the distribution config (CloudWatch standard \
            logging v2 delivery, real-time logs).",
        references: &["https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html"],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let logging = &ctx.dist.logging;
    if logging.enabled.get() == Some(&false) {
        let f = &logging.enabled;
        return vec![ctx.finding(&RULE, f.span, &f.path, "access logging is disabled")];
    }
    let missing = !logging.present
        || match &logging.bucket.val {
            Val::Absent => true,
            Val::Known(b) => b.trim().is_empty(),
            Val::Unknown(_) => false,
        };
    if !missing || logging.enabled.is_unknown() {
        return Vec::new();
    }
    let (span, path) = if logging.present {
        (logging.span, logging.path.as_str())
    } else {
        (ctx.dist.span, ctx.dist.path.as_str())
    };
    vec![ctx.finding(
        &RULE,
        span,
        path,
        format!(
            "distribution `{}` has no access logging bucket",
            ctx.dist.name
        ),
    )]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, with_config, CaseText, Tester, API};

    fn logging(keys: &str) -> String {
        with_config(&format!("        Logging:\n{keys}"))
    }

    #[test]
    fn cases() {
        let disabled = r#"{"DistributionConfig": {
  "Enabled": true,
  "Logging": {"Enabled": ‸false, "IncludeCookies": false, "Bucket": "", "Prefix": ""},
  "Origins": {"Quantity": 0}
}}"#;
        Tester::new(&RULE)
            .pass([
                logging("          Bucket: cdn-logs.s3.amazonaws.com\n"),
                logging("          Bucket: !Ref LogBucket\n          Prefix: api/\n"),
            ])
            .fail([
                case(API.mark("Enabled: true"))
                    .message("distribution `Cdn` has no access logging bucket"),
                case(logging("          ‸Bucket: ''\n          Prefix: api/\n")),
                case(disabled)
                    .message("access logging is disabled")
                    .not_rendered("logging turned off has no CloudFormation or Terraform form"),
            ])
            .test();
    }
}
