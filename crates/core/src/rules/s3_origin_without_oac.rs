//! `s3-origin-without-oac`: an S3 bucket origin without origin access control.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Origin, OriginKind};
use crate::value::Val;

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
            API, information otherwise, and information for an origin that uses a legacy \
            origin access identity (`S3OriginConfig.OriginAccessIdentity`) instead. Website \
            endpoints (`s3-website`) cannot use origin access control and are skipped.",
        why_bad: "Without origin access control the bucket must be readable by anyone, so \
            its objects are reachable around CloudFront (and around the WAF and logging of \
            the API distribution). A legacy origin access identity keeps the bucket private, \
            but AWS recommends origin access control, which also supports every Region, \
            SSE-KMS and PUT and DELETE requests (Security Hub CloudFront.13, checkov \
            CKV2_AWS_46, cdk-nag CFR7).",
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
            if has_identity(o) {
                let message = format!(
                    "S3 {} reaches its bucket through a legacy origin access identity: the \
                     bucket can stay private, but AWS recommends origin access control (every \
                     Region, SSE-KMS, PUT and DELETE requests)",
                    origin_name(o)
                );
                let field = &o.origin_access_identity;
                return ctx
                    .finding(&RULE, field.span, &field.path, message)
                    .with_severity(Severity::Info);
            }
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

/// True when the origin names a legacy origin access identity (or one the input does not
/// spell out); an empty one is none.
fn has_identity(o: &Origin) -> bool {
    match &o.origin_access_identity.val {
        Val::Known(id) => !id.trim().is_empty(),
        Val::Unknown(_) => true,
        Val::Absent => false,
    }
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
                // A legacy origin access identity keeps the bucket private.
                case(EXAMPLE.with(
                    S3,
                    "            S3OriginConfig:\n              OriginAccessIdentity: ‸origin-access-identity/cloudfront/E127EXAMPLE51Z\n",
                ))
                .severity(Severity::Info)
                .message("reaches its bucket through a legacy origin access identity"),
                case(EXAMPLE.with(
                    S3,
                    "            S3OriginConfig:\n              OriginAccessIdentity: ‸!Sub origin-access-identity/cloudfront/${Identity}\n",
                ))
                .severity(Severity::Info)
                .message("legacy origin access identity"),
            ])
            .test();
    }
}
