//! `access-logging-disabled`: no standard access logging.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;
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
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "        Logging:\n          Bucket: cdn-logs.s3.amazonaws.com\n          Prefix: orders-api/\n",
                api_origin!(),
                api_behavior!()
            ),
        },
        exceptions: "Logging configured outside the distribution config (CloudWatch standard \
            logging v2 delivery, real-time logs).",
        references: &["https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html"],
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
    use crate::rules::test_support::*;

    #[test]
    fn missing_logging_informs() {
        let mut doc = api_doc();
        assert_eq!(check(&RULE, &doc).len(), 1);
        let l = &mut dist(&mut doc).logging;
        l.present = true;
        l.bucket = known("logs.s3.amazonaws.com".into());
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).logging.enabled = known(false);
        assert_eq!(check(&RULE, &doc).len(), 1);
    }

    #[test]
    fn unknown_bucket_is_silent() {
        let mut doc = api_doc();
        let l = &mut dist(&mut doc).logging;
        l.present = true;
        l.bucket = crate::value::Field::unknown(
            crate::value::Unknown::Intrinsic("Ref".into()),
            Default::default(),
            "u",
        );
        assert!(check(&RULE, &doc).is_empty());
    }
}
