//! `path-pattern-shadowed`: a cache behavior can never match.

use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use std::collections::HashMap;

const EXAMPLE: &str = cfn_doc!(
    concat!(
        "        CacheBehaviors:\n",
        "          - PathPattern: /assets/*\n",
        "            TargetOriginId: site\n",
        "            ViewerProtocolPolicy: https-only\n",
        "            CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n",
        "          - PathPattern: /assets/fonts/*\n",
        "            TargetOriginId: site\n",
        "            ViewerProtocolPolicy: https-only\n",
        "            CachePolicyId: b2884449-e4de-46a7-ac36-70bc7f1ddd6d\n",
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
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            concat!(
                "          - PathPattern: /assets/*\n",
                "            TargetOriginId: site\n",
                "            ViewerProtocolPolicy: https-only\n",
                "            CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n",
            ) => "",
            "            CachePolicyId: b2884449-e4de-46a7-ac36-70bc7f1ddd6d\n" => concat!(
                "            CachePolicyId: b2884449-e4de-46a7-ac36-70bc7f1ddd6d\n",
                "          - PathPattern: /assets/*\n",
                "            TargetOriginId: site\n",
                "            ViewerProtocolPolicy: https-only\n",
                "            CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n",
            )
        )),
        exceptions: "None: reorder the behaviors so the most specific pattern comes first.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html",
        ],
        fix_safety: None,
    },
    check,
};

/// For each pattern, the index of the first earlier pattern that matches every path it
/// matches; `None` entries are unknown patterns, which neither shadow nor are shadowed. Sound
/// but incomplete: only an equal pattern, or a literal prefix followed by one final `*`, is
/// recognised as a superset (`covers` in the tests is the pairwise definition).
///
/// Linear in the total length of the patterns instead of comparing every pair: earlier
/// patterns are kept in a map (for equal patterns) and, when they are a literal prefix plus
/// a final `*`, in a trie of those prefixes, which the literal start of a later pattern walks.
fn first_shadows(patterns: &[Option<&str>]) -> Vec<Option<usize>> {
    let mut exact: HashMap<&str, usize> = HashMap::new();
    let mut prefixes = PrefixTrie::default();
    let mut out = Vec::with_capacity(patterns.len());
    for (j, pattern) in patterns.iter().enumerate() {
        let Some(pattern) = *pattern else {
            out.push(None);
            continue;
        };
        let literal_end = pattern.find(['*', '?']).unwrap_or(pattern.len());
        let literal = pattern.get(..literal_end).unwrap_or_default();
        let by_prefix = prefixes.first_prefix_of(literal);
        let equal = exact.get(pattern).copied();
        out.push(match (equal, by_prefix) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        });
        exact.entry(pattern).or_insert(j);
        if let Some(prefix) = pattern.strip_suffix('*') {
            if !prefix.contains(['*', '?']) {
                prefixes.insert(prefix, j);
            }
        }
    }
    out
}

/// Literal prefixes (byte trie), each remembering the first pattern index that ended there.
#[derive(Default)]
struct PrefixTrie {
    /// `(node, byte)` to child node; node 0 is the root.
    edges: HashMap<(usize, u8), usize>,
    /// Per node: the first pattern whose prefix ends at it. Grows as nodes are added.
    ends: Vec<Option<usize>>,
}

impl PrefixTrie {
    fn insert(&mut self, prefix: &str, index: usize) {
        if self.ends.is_empty() {
            self.ends.push(None);
        }
        let mut node = 0;
        for &b in prefix.as_bytes() {
            let next = self.ends.len();
            node = *self.edges.entry((node, b)).or_insert(next);
            if node == next {
                self.ends.push(None);
            }
        }
        if let Some(end) = self.ends.get_mut(node) {
            end.get_or_insert(index);
        }
    }

    /// The smallest index among the prefixes `text` starts with.
    fn first_prefix_of(&self, text: &str) -> Option<usize> {
        let mut best = self.ends.first().copied().flatten();
        let mut node = 0;
        for &b in text.as_bytes() {
            let Some(&next) = self.edges.get(&(node, b)) else {
                break;
            };
            node = next;
            if let Some(i) = self.ends.get(node).copied().flatten() {
                best = Some(best.map_or(i, |b| b.min(i)));
            }
        }
        best
    }
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    let patterns: Vec<Option<&str>> = ctx
        .dist
        .behaviors
        .iter()
        .map(|b| {
            b.path_pattern
                .as_ref()
                .and_then(|p| p.get())
                .map(|p| p.trim_start_matches('/'))
        })
        .collect();
    let shadows = first_shadows(&patterns);
    for (later, shadow) in ctx.dist.behaviors.iter().zip(shadows) {
        let Some(earlier) = shadow.and_then(|i| ctx.dist.behaviors.get(i)) else {
            continue;
        };
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
    use super::{first_shadows, RULE};
    use crate::rules::tester::{case, with_config, CaseText, Tester, API};

    /// True when every path matched by `later` is matched by `earlier` (patterns without a
    /// leading `/`). Sound but incomplete: only a literal prefix followed by one final `*` is
    /// recognised as a superset.
    fn covers(earlier: &str, later: &str) -> bool {
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

    #[test]
    fn subsumption() {
        assert!(covers("api/*", "api/v2/*"));
        assert!(covers("*", "anything"));
        assert!(covers("api/*", "api/*"));
        assert!(!covers("api/v2/*", "api/*"));
        assert!(!covers("*.jpg", "images/*.jpg"));
        assert!(!covers("api/*", "ap*"));
    }

    /// The API distribution with more behaviors of these path patterns.
    fn patterns(patterns: &[&str]) -> String {
        let mut config = String::from("        CacheBehaviors:\n");
        for p in patterns {
            config.push_str(&format!(
                "          - PathPattern: {p}\n            TargetOriginId: orders-api\n"
            ));
        }
        with_config(&config)
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                patterns(&["/api/v2/*", "/api/*", "/other/*"]),
                patterns(&["!Ref First", "/api/*"]),
                patterns(&["'*.jpg'", "images/*.jpg", "/api/*", "/ap*"]),
            ])
            .fail([
                case(RULE.docs.example.text.mark("/assets/fonts/*"))
                    .message(
                        "behavior `/assets/fonts/*` can never match: the earlier behavior \
                     `/assets/*` matches every path it matches",
                    )
                    .related("the earlier behavior that wins"),
                case(patterns(&["/api/*", "‸api/v2/*", "/other/*"]))
                    .related("the earlier behavior that wins"),
                case(patterns(&["/api/*", "‸/api/*"])).related("the earlier behavior that wins"),
                case(patterns(&["'*'", "‸/anything", "‸/api/*"]))
                    .message("the earlier behavior `*` matches every path it matches")
                    .related("the earlier behavior that wins"),
            ])
            .test();
    }

    /// The pairwise definition `first_shadows` must agree with.
    fn naive(patterns: &[Option<&str>]) -> Vec<Option<usize>> {
        (0..patterns.len())
            .map(|j| {
                let later = patterns[j]?;
                (0..j).find(|&i| patterns[i].is_some_and(|earlier| covers(earlier, later)))
            })
            .collect()
    }

    #[test]
    fn fast_search_agrees_with_pairwise_comparison() {
        // A deterministic pseudo-random mix of short patterns over a tiny alphabet, so that
        // equal patterns, nested prefixes, `?`, inner `*`, empty and unknown patterns all occur.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let alphabet = ['a', 'b', '/', '*', '?', 'é'];
        let owned: Vec<Option<String>> = (0..3_000)
            .map(|_| {
                if next(20) == 0 {
                    return None;
                }
                let len = next(6);
                let mut p: String = (0..len)
                    .map(|_| alphabet[next(alphabet.len() as u64) as usize])
                    .collect();
                if next(2) == 0 {
                    p.push('*');
                }
                Some(p)
            })
            .collect();
        let patterns: Vec<Option<&str>> = owned.iter().map(Option::as_deref).collect();
        let expected = naive(&patterns);
        assert_eq!(first_shadows(&patterns), expected);
        let shadowed = expected.iter().filter(|s| s.is_some()).count();
        assert!(shadowed > 100 && shadowed < 2_900, "{shadowed}");
    }

    #[test]
    fn the_first_covering_pattern_wins() {
        let patterns = [
            Some("api/v2/*"),
            Some("api/*"),
            Some("*"),
            Some("api/v2/x"),
            None,
            Some("api/v2/*"),
            Some("b"),
        ];
        assert_eq!(
            first_shadows(&patterns),
            vec![None, None, None, Some(0), None, Some(0), Some(2)]
        );
    }
}
