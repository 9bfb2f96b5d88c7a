//! `write-methods-on-static-origin`: an S3 behavior of a mixed distribution allows write methods.

use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::OriginKind;

const EXAMPLE: &str = cfn_doc!(
    concat!(
        "        CacheBehaviors:\n",
        "          - PathPattern: /assets/*\n",
        "            TargetOriginId: site\n",
        "            ViewerProtocolPolicy: https-only\n",
        "            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n",
        "            CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n",
    ),
    concat!(
        api_origin!(),
        "          - Id: site\n",
        "            DomainName: site-bucket.s3.eu-west-1.amazonaws.com\n",
        "            S3OriginConfig: {}\n",
        "            OriginAccessControlId: E2QWRUHEXAMPLE\n",
    ),
    api_behavior!()
);

pub static RULE: Rule = Rule {
    slug: "write-methods-on-static-origin",
    summary: "A behavior to an S3 origin allows PUT, PATCH, POST and DELETE",
    default_severity: Severity::Info,
    category: Category::Methods,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "In a distribution that also serves an API, finds a behavior whose origins \
            are all S3 (bucket or website endpoints) and that allows the seven-method set \
            including PUT, PATCH, POST and DELETE.",
        why_bad: "Static content needs GET and HEAD (and OPTIONS for CORS). With write methods \
            allowed, CloudFront passes DELETE and PUT to the bucket; AWS advises making sure \
            the origin refuses what it should not accept. Often the seven-method set was copied \
            from the API behavior.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n            CachePolicyId: 658327ea"
                => "            AllowedMethods: [GET, HEAD]\n            CachePolicyId: 658327ea"
        )),
        exceptions: "Uploads through CloudFront to S3 (signed with origin access control) need \
            the write methods: suppress the rule for that distribution.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_AllowedMethods.html",
        ],
        fix_safety: None,
    },
    check,
};

const WRITE: &[&str] = &["PUT", "PATCH", "POST", "DELETE"];

fn check(ctx: &LintContext) -> Vec<Finding> {
    if !ctx.has_api_behavior() {
        return Vec::new();
    }
    ctx.dist
        .all_behaviors()
        .filter_map(|b| {
            let origins = ctx.origins_of(b);
            let first = origins.first()?;
            let all_s3 = origins
                .iter()
                .all(|o| matches!(o.kind.0, OriginKind::S3 | OriginKind::S3Website));
            let methods = b.allowed_methods.known_items()?;
            if !all_s3 || !WRITE.iter().any(|w| methods.contains(w)) {
                return None;
            }
            let field = &b.allowed_methods;
            let message = format!(
                "{} allows PUT, PATCH, POST and DELETE to S3 {}; static content needs only GET \
                 and HEAD (and OPTIONS)",
                behavior_name(b),
                origin_name(first)
            );
            Some(ctx.finding(&RULE, field.span, &field.path, message))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const ASSETS: &str = "            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n            CachePolicyId: 658327ea";

    fn assets(methods: &str) -> String {
        EXAMPLE.with(
            ASSETS,
            &format!("            AllowedMethods: {methods}\n            CachePolicyId: 658327ea"),
        )
    }

    #[test]
    fn cases() {
        // The default behavior goes to the site too: no API behavior is left.
        let site_only = EXAMPLE
            .with("          TargetOriginId: orders-api\n", "          TargetOriginId: site\n")
            .with(
                "          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n          CachePolicyId: 4135",
                "          AllowedMethods: [GET, HEAD]\n          CachePolicyId: 4135",
            );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                assets("[GET, HEAD, OPTIONS]"),
                assets("!Ref Methods"),
                site_only,
            ])
            .fail([
                case(assets("‸[GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]")).message(
                    "behavior `/assets/*` allows PUT, PATCH, POST and DELETE to S3 origin `site`; \
                     static content needs only GET and HEAD (and OPTIONS)",
                ),
                case(
                    assets("‸[GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]").with(
                        "site-bucket.s3.eu-west-1.amazonaws.com",
                        "site-bucket.s3-website-eu-west-1.amazonaws.com",
                    ),
                ),
            ])
            .test();
    }
}
