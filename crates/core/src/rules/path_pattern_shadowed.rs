//! `path-pattern-shadowed`: a cache behavior can never match.

use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "path-pattern-shadowed",
    summary: "A cache behavior is shadowed by an earlier, broader path pattern",
    default_severity: Severity::Warning,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds cache behaviors that can never match because an earlier behavior's \
            pattern matches every path they match (`/api/*` before `/api/v2/*`, `*` before \
            anything), and duplicate patterns (a leading `/` does not matter).",
        why_bad: "Behaviors are evaluated in order and the first match wins, so the later \
            behavior's origin and policies are silently never used.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                api_origin!(),
                concat!(
                    api_behavior!(),
                    "        CacheBehaviors:\n",
                    "          - PathPattern: /v1/*\n",
                    "            TargetOriginId: orders-api\n",
                    "            ViewerProtocolPolicy: https-only\n",
                    "            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n",
                    "            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n",
                    "            OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n",
                    "          - PathPattern: /v1/orders/*\n",
                    "            TargetOriginId: orders-api\n",
                    "            ViewerProtocolPolicy: https-only\n",
                    "            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n",
                    "            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n",
                    "            OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n",
                )
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        exceptions: "None: reorder the behaviors so the most specific pattern comes first.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html",
        ],
    },
    check,
};

/// True when every path matched by `later` is matched by `earlier` (patterns without a
/// leading `/`). Sound but incomplete: only a literal prefix followed by one final `*` is
/// recognised as a superset.
pub fn covers(earlier: &str, later: &str) -> bool {
    if earlier == later {
        return true;
    }
    let Some(prefix) = earlier.strip_suffix('*') else {
        return false;
    };
    if prefix.contains(['*', '?']) {
        return false;
    }
    let literal_end = later.find(['*', '?']).unwrap_or(later.len());
    later[..literal_end].starts_with(prefix)
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    let patterns: Vec<Option<String>> = ctx
        .dist
        .behaviors
        .iter()
        .map(|b| {
            b.path_pattern
                .as_ref()
                .and_then(|p| p.get())
                .map(|p| p.trim_start_matches('/').to_string())
        })
        .collect();
    for (j, later) in ctx.dist.behaviors.iter().enumerate() {
        let Some(Some(lp)) = patterns.get(j) else {
            continue;
        };
        let shadow = (0..j).find_map(|i| {
            let ep = patterns.get(i)?.as_ref()?;
            covers(ep, lp).then(|| ctx.dist.behaviors.get(i)).flatten()
        });
        let Some(earlier) = shadow else { continue };
        let Some(field) = &later.path_pattern else {
            continue;
        };
        let message = format!(
            "{} can never match: the earlier {} matches every path it matches",
            behavior_name(later),
            behavior_name(earlier)
        );
        let related_span = earlier
            .path_pattern
            .as_ref()
            .map_or(earlier.span, |p| p.span);
        out.push(
            ctx.finding(&RULE, field.span, &field.path, message)
                .with_related(related_span, "the earlier behavior that wins"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{covers, RULE};
    use crate::rules::test_support::*;

    #[test]
    fn subsumption() {
        assert!(covers("api/*", "api/v2/*"));
        assert!(covers("*", "anything"));
        assert!(covers("api/*", "api/*"));
        assert!(!covers("api/v2/*", "api/*"));
        assert!(!covers("*.jpg", "images/*.jpg"));
        assert!(!covers("api/*", "ap*"));
    }

    #[test]
    fn shadowed_behavior_warns() {
        let mut doc = api_doc();
        for p in ["/api/*", "api/v2/*", "/other/*"] {
            let mut b = behavior("api");
            b.path_pattern = Some(known(p.into()));
            dist(&mut doc).behaviors.push(b);
        }
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0]
            .message
            .starts_with("behavior `api/v2/*` can never match"));
    }

    #[test]
    fn unknown_patterns_are_skipped() {
        let mut doc = api_doc();
        let mut first = behavior("api");
        first.path_pattern = Some(crate::value::Field::unknown(
            crate::value::Unknown::Intrinsic("Ref".into()),
            Default::default(),
            "u",
        ));
        let mut second = behavior("api");
        second.path_pattern = Some(known("/api/*".into()));
        dist(&mut doc).behaviors = vec![first, second];
        assert!(check(&RULE, &doc).is_empty());
    }
}
