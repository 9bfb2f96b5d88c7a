//! `s3-origin-without-oac`: an S3 bucket origin without origin access control.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Format, OriginKind};

pub static RULE: Rule = Rule {
    slug: "s3-origin-without-oac",
    summary: "An S3 bucket origin has no origin access control",
    default_severity: Severity::Warning,
    category: Category::Posture,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origins on an S3 REST endpoint (`bucket.s3.region.amazonaws.com`) \
            without `OriginAccessControlId`: a warning in a distribution that also serves an \
            API, information otherwise. Website endpoints (`s3-website`) cannot use origin \
            access control and are skipped.",
        why_bad: "Without origin access control the bucket must be readable by anyone, so \
            its objects are reachable around CloudFront (and around the WAF and logging of \
            the API distribution). A legacy origin access identity still works, but AWS \
            recommends origin access control (Security Hub CloudFront.13, checkov \
            CKV2_AWS_46, cdk-nag CFR7); apifront does not read the identity, so it reports \
            those origins too.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "          - Id: site\n",
                    "            DomainName: site-bucket.s3.eu-west-1.amazonaws.com\n",
                    "            S3OriginConfig: {}\n",
                ),
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "          - Id: site\n",
                    "            DomainName: site-bucket.s3.eu-west-1.amazonaws.com\n",
                    "            S3OriginConfig: {}\n",
                    "            OriginAccessControlId: E2QWRUHEXAMPLE\n",
                ),
                api_behavior!()
            ),
        },
        exceptions: "A deliberately public bucket, or one still on an origin access identity \
            while migrating: suppress the rule for that distribution.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mixed = ctx.has_api_behavior();
    ctx.dist
        .origins
        .iter()
        .filter(|o| o.kind.0 == OriginKind::S3 && !o.origin_access_control_id.is_present())
        .map(|o| {
            let message = format!(
                "S3 {} has no origin access control: the bucket must be public, and its \
                 objects are reachable around CloudFront",
                origin_name(o)
            );
            let finding = ctx.finding(&RULE, o.domain_name.span, &o.domain_name.path, message);
            if mixed {
                finding
            } else {
                finding.with_severity(Severity::Info)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::model::PolicyRef;
    use crate::rules::test_support::*;

    #[test]
    fn s3_without_oac() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc)
            .origins
            .push(origin("site", "site.s3.eu-west-1.amazonaws.com"));
        let f = check(&RULE, &doc);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0].message.contains("origin `site`"));
        dist(&mut doc).origins[1].origin_access_control_id = known(PolicyRef::Id("E1".into()));
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins[1] = origin("site", "site.s3-website-eu-west-1.amazonaws.com");
        assert!(check(&RULE, &doc).is_empty());
        let mut doc = api_doc();
        dist(&mut doc).origins[0] = origin("api", "site.s3.amazonaws.com");
        assert_eq!(check(&RULE, &doc)[0].severity, Severity::Info);
    }

    #[test]
    fn unknown_oac_counts_as_set() {
        let mut doc = api_doc();
        dist(&mut doc)
            .origins
            .push(origin("site", "site.s3.eu-west-1.amazonaws.com"));
        dist(&mut doc).origins[1].origin_access_control_id = unknown();
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end() {
        let yaml = RULE.docs.example.text;
        let f = lint_rule(&RULE, yaml);
        assert_eq!(
            (f[0].span.line, f[0].span.column),
            position(yaml, "site-bucket")
        );
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  origin {
    origin_id   = "site"
    domain_name = "site-bucket.s3.eu-west-1.amazonaws.com"
    s3_origin_config {
      origin_access_identity = ""
    }
  }
  origin {
    origin_id                = "site2"
    domain_name              = "site2.s3.eu-west-1.amazonaws.com"
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }
}
"#;
        let f = lint_rule(&RULE, tf);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].span.line, f[0].span.column),
            position(tf, "\"site-bucket")
        );
        let json = r#"{"DistributionConfig": {"Origins": {"Quantity": 1, "Items": [
  {"Id": "s", "DomainName": "s.s3.amazonaws.com", "OriginAccessControlId": "",
   "S3OriginConfig": {"OriginAccessIdentity": ""}}]}}}"#;
        let f = lint_rule(&RULE, json);
        assert_eq!((f[0].span.line, f[0].span.column), position(json, "\"s.s3"));
    }
}
