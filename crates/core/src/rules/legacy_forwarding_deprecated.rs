//! `legacy-forwarding-deprecated`: a behavior uses legacy `ForwardedValues` and TTLs.

use super::helpers::is_set;
use crate::forwarding::LEGACY_DEFAULT_TTL;
use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::Behavior;
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
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          DefaultTTL: 0
          MaxTTL: 0
          ForwardedValues:
            QueryString: true
            Headers: [Authorization, Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Content-Type]
            Cookies:
              Forward: all
"
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "Legacy settings still work. Migrate when convenient: for API routes, \
            CachingDisabled with AllViewerExceptHostHeader replaces the usual \
            `ForwardedValues` + zero TTLs. Disable the rule to keep legacy settings.",
        references: &[
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-forwardedvalues.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-the-cache-key.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .all_behaviors()
        .filter(|b| !is_set(&b.cache_policy_id))
        .filter_map(|b| {
            let (span, path, what) = legacy_setting(b)?;
            let what = what.map_or("behavior-level TTLs", |key| key.name(ctx.format()));
            let ttl_note = if b.default_ttl.is_present() {
                String::new()
            } else {
                format!(
                    " (and the legacy {} of {LEGACY_DEFAULT_TTL} seconds)",
                    Key::DEFAULT_TTL.name(ctx.format())
                )
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

/// Where the behavior's legacy settings are: `ForwardedValues` (its key), else the first TTL
/// (no key).
fn legacy_setting(b: &Behavior) -> Option<(Span, String, Option<Key>)> {
    if let Some(fv) = &b.forwarded_values {
        return Some((fv.span, fv.path.to_string(), Some(Key::FORWARDED_VALUES)));
    }
    [&b.min_ttl, &b.default_ttl, &b.max_ttl]
        .into_iter()
        .find(|f| f.is_present())
        .map(|f| (f.span, f.path.to_string(), None))
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, tf, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const CACHE: &str = "          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n";

    #[test]
    fn cases() {
        let ttls_only = API
            .with(CACHE, "          MinTTL: ‸0\n          MaxTTL: 0\n")
            .with(
                "          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n",
                "",
            );
        let legacy_cli =
            include_str!("../../tests/fixtures/cli-json/distribution-config-legacy.json");
        let legacy_tf = include_str!("../../tests/fixtures/terraform/legacy_forwarded_values.tf");
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                format!("{API}          ForwardedValues:\n            QueryString: false\n"),
                EXAMPLE.with(
                    "          DefaultTTL: 0",
                    "          CachePolicyId: !ImportValue shared-cache-policy-id\n          DefaultTTL: 0",
                ),
            ])
            .fail([
                case(EXAMPLE.mark("QueryString: true")).message(
                    "default behavior uses deprecated ForwardedValues; use a cache policy and an \
                     origin request policy instead",
                ),
                case(EXAMPLE.with("          DefaultTTL: 0\n", "").mark("QueryString: true"))
                    .message("deprecated ForwardedValues (and the legacy DefaultTTL of 86400 seconds)"),
                case(ttls_only).message(
                    "default behavior uses deprecated behavior-level TTLs (and the legacy \
                     DefaultTTL of 86400 seconds)",
                ),
                case(tf(
                    "",
                    "",
                    "    ‸forwarded_values {\n      query_string = false\n      cookies {\n        \
                     forward = \"none\"\n      }\n    }\n",
                ))
                .message("deprecated forwarded_values (and the legacy default_ttl of 86400 seconds)"),
                case(legacy_cli.mark("{\n      \"QueryString\""))
                    .not_rendered("a CLI JSON quantity mismatch"),
                case(legacy_tf.mark("forwarded_values {"))
                    .message("default behavior uses deprecated forwarded_values; use a cache policy")
                    .not_rendered("an API beside the distribution"),
            ])
            .test();
    }
}
