//! `write-methods-on-static-origin`: an S3 behavior of a mixed distribution allows write methods.

use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::{Format, OriginKind};

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
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
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
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                concat!(
                    "        CacheBehaviors:\n",
                    "          - PathPattern: /assets/*\n",
                    "            TargetOriginId: site\n",
                    "            ViewerProtocolPolicy: https-only\n",
                    "            AllowedMethods: [GET, HEAD]\n",
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
            ),
        },
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
    use crate::rules::test_support::*;

    fn mixed() -> crate::model::Document {
        let mut doc = api_doc();
        dist(&mut doc)
            .origins
            .push(origin("site", "site.s3.eu-west-1.amazonaws.com"));
        let mut b = behavior("site");
        b.path_pattern = Some(known("/assets/*".into()));
        dist(&mut doc).behaviors.push(b);
        doc
    }

    #[test]
    fn write_methods_to_s3_in_a_mixed_distribution() {
        let mut doc = mixed();
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("behavior `/assets/*`"));
        assert!(f[0].message.contains("origin `site`"));
        dist(&mut doc).behaviors[0].allowed_methods = list(&["GET", "HEAD", "OPTIONS"]);
        assert!(check(&RULE, &doc).is_empty());
        // Without an API behavior the rule does not apply.
        let mut doc = mixed();
        dist(&mut doc).default_behavior = None;
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn unknown_methods_are_silent() {
        let mut doc = mixed();
        dist(&mut doc).behaviors[0].allowed_methods = unknown();
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end() {
        let yaml = RULE.docs.example.text;
        let f = lint_rule(&RULE, yaml);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].span.line, f[0].span.column),
            position(
                yaml,
                "[GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n            Cache"
            )
        );
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  origin {
    origin_id   = "site"
    domain_name = "site.s3.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id = "api"
    allowed_methods  = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
    cached_methods   = ["GET", "HEAD"]
  }
  ordered_cache_behavior {
    path_pattern     = "/static/*"
    target_origin_id = "site"
    allowed_methods  = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
    cached_methods   = ["GET", "HEAD"]
  }
}
"#;
        let f = lint_rule(&RULE, tf);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].span.line, 18);
    }
}
