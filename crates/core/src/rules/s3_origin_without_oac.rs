//! `s3-origin-without-oac`: an S3 bucket origin without origin access control.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::OriginKind;

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
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "          - Id: site\n",
                    "            DomainName: site-bucket.s3.eu-west-1.amazonaws.com\n",
                    "            S3OriginConfig: {}\n",
                ),
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "          - Id: site\n",
                    "            DomainName: site-bucket.s3.eu-west-1.amazonaws.com\n",
                    "            S3OriginConfig: {}\n",
                    "            OriginAccessControlId: E2QWRUHEXAMPLE\n",
                ),
                api_behavior!()
            )),
        exceptions: "A deliberately public bucket, or one still on an origin access identity \
            while migrating: suppress the rule for that distribution.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html",
        ],
        fix_safety: None,
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
    use crate::rules::tester::{case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const S3: &str = "            S3OriginConfig: {}\n";
    const BUCKET: &str = "site-bucket.s3.eu-west-1.amazonaws.com";

    #[test]
    fn cases() {
        let only_site = API
            .with(
                "abc123defg.execute-api.eu-west-1.amazonaws.com",
                "‸site.s3.amazonaws.com",
            )
            .with(
                "            CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n              OriginSSLProtocols: [TLSv1.2]\n",
                S3,
            );
        let cli = r#"{"DistributionConfig": {"Origins": {"Quantity": 1, "Items": [
  {"Id": "s", "DomainName": ‸"s.s3.amazonaws.com", "OriginAccessControlId": "",
   "S3OriginConfig": {"OriginAccessIdentity": ""}}]}}}"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                EXAMPLE.with(
                    S3,
                    &format!("{S3}            OriginAccessControlId: !Ref SiteAccess\n"),
                ),
                // A website endpoint cannot use origin access control.
                EXAMPLE.with(BUCKET, "site-bucket.s3-website-eu-west-1.amazonaws.com"),
            ])
            .fail([
                case(EXAMPLE.mark(BUCKET)).message(
                    "S3 origin `site` has no origin access control: the bucket must be public, \
                     and its objects are reachable around CloudFront",
                ),
                // No API behavior: a public site is less surprising.
                case(only_site).severity(Severity::Info),
                case(cli).severity(Severity::Info),
            ])
            .test();
    }
}
