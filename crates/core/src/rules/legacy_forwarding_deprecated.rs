//! `legacy-forwarding-deprecated`: a behavior uses legacy `ForwardedValues` and TTLs.

use super::policies::is_set;
use crate::forwarding::LEGACY_DEFAULT_TTL;
use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::{Behavior, Format};
use crate::span::Span;

pub static RULE: Rule = Rule {
    slug: "legacy-forwarding-deprecated",
    summary: "A behavior uses deprecated `ForwardedValues` / behavior TTLs instead of policies",
    default_severity: Severity::Info,
    category: Category::Caching,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds behaviors without a cache policy that configure caching the legacy \
            way: `ForwardedValues` and the behavior-level `MinTTL`, `DefaultTTL`, `MaxTTL`. \
            (Behaviors that have a cache policy as well are reported by \
            `forwardedvalues-with-cache-policy` and `legacy-ttl-with-cache-policy`.)",
        why_bad: "AWS marks these fields deprecated in favour of cache policies and origin \
            request policies; new features such as the managed AllViewerExceptHostHeader policy \
            need policies. The legacy `DefaultTTL` is 86,400 seconds (one day) when omitted, \
            which caches API responses unless the origin says otherwise.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          DefaultTTL: 0
          MaxTTL: 0
          ForwardedValues:
            QueryString: true
            Headers: [Authorization, Origin, Accept, Content-Type]
            Cookies:
              Forward: all
"
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        exceptions: "Legacy settings still work. Migrate when convenient: for API routes, \
            CachingDisabled with AllViewerExceptHostHeader replaces the usual \
            `ForwardedValues` + zero TTLs. Disable the rule to keep legacy settings.",
        references: &[
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-forwardedvalues.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-the-cache-key.html",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .all_behaviors()
        .filter(|b| !is_set(&b.cache_policy_id))
        .filter_map(|b| {
            let (span, path, what) = legacy_setting(b)?;
            let ttl_note = if b.default_ttl.is_present() {
                String::new()
            } else {
                format!(" (and the legacy DefaultTTL of {LEGACY_DEFAULT_TTL} seconds)")
            };
            let message = format!(
                "{} uses deprecated {what}{ttl_note}; use a cache policy and an origin request \
                 policy instead",
                behavior_name(b)
            );
            Some(ctx.finding(&RULE, span, &path, message))
        })
        .collect()
}

/// Where the behavior's legacy settings are: `ForwardedValues`, else the first TTL.
fn legacy_setting(b: &Behavior) -> Option<(Span, String, &'static str)> {
    if let Some(fv) = &b.forwarded_values {
        return Some((fv.span, fv.path.clone(), "ForwardedValues"));
    }
    [&b.min_ttl, &b.default_ttl, &b.max_ttl]
        .into_iter()
        .find(|f| f.is_present())
        .map(|f| (f.span, f.path.clone(), "behavior-level TTLs"))
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::{lint_text, LintConfig};
    use crate::model::ForwardedValues;
    use crate::rules::test_support::*;
    use crate::value::Field;

    fn found(text: &str) -> Vec<(u32, u32)> {
        lint_text(text, &LintConfig::default())
            .unwrap()
            .findings
            .into_iter()
            .filter(|f| f.rule == RULE.slug)
            .map(|f| (f.span.line, f.span.column))
            .collect()
    }

    fn at(text: &str, needle: &str) -> (u32, u32) {
        let offset = text.find(needle).expect(needle);
        crate::span::LineIndex::new(text).line_col(offset)
    }

    #[test]
    fn legacy_settings_are_reported_once_per_behavior() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        let b = default_behavior(&mut doc);
        b.cache_policy_id = Field::default();
        b.forwarded_values = Some(ForwardedValues::default());
        b.min_ttl = known(0);
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0]
            .message
            .contains("deprecated ForwardedValues (and the legacy DefaultTTL of 86400 seconds)"));
        default_behavior(&mut doc).forwarded_values = None;
        assert!(check(&RULE, &doc)[0]
            .message
            .contains("behavior-level TTLs"));
    }

    #[test]
    fn unknown_or_set_cache_policy_is_silent() {
        let mut doc = api_doc();
        let b = default_behavior(&mut doc);
        b.forwarded_values = Some(ForwardedValues::default());
        assert!(check(&RULE, &doc).is_empty());
        default_behavior(&mut doc).cache_policy_id = Field::unknown(
            crate::value::Unknown::Intrinsic("Fn::If".into()),
            Default::default(),
            "p",
        );
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end_in_every_format() {
        let example = RULE.docs.example.text;
        assert_eq!(found(example), vec![at(example, "QueryString: true")]);
        assert!(found(RULE.docs.use_instead.text).is_empty());
        let legacy_cli =
            include_str!("../../tests/fixtures/cli-json/distribution-config-legacy.json");
        assert!(!found(legacy_cli).is_empty());
        let legacy_tf = include_str!("../../tests/fixtures/terraform/legacy_forwarded_values.tf");
        assert!(!found(legacy_tf).is_empty());
    }
}
