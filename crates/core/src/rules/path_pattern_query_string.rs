//! `path-pattern-query-string`: a path pattern written as if it could match a query string.

use crate::lint::{
    behavior_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};

const EXAMPLE: &str = cfn_doc!(
    "",
    api_origin!(),
    concat!(
        api_behavior!(),
        "        CacheBehaviors:\n",
        "          - PathPattern: /search?q=*\n",
        "            TargetOriginId: orders-api\n",
        "            ViewerProtocolPolicy: https-only\n",
        "            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n",
        "            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n",
        "            OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n",
    )
);

pub static RULE: Rule = Rule {
    slug: "path-pattern-query-string",
    summary: "A path pattern holds `?` followed by a query parameter",
    default_severity: Severity::Warning,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds path patterns with a `?` followed by text shaped like a query \
            parameter (`name=`): `/search?q=*`, `/items?version=2`. It needs nothing about the \
            API. A warning, not an error: the characters after `?` are outside those the \
            CloudFront guide lists for patterns, but the mistake that matters is the query \
            string (`path-pattern-invalid` checks the part before it).",
        why_bad: "Path patterns are compared with the URL path only, never the query string, \
            and `?` in a pattern matches exactly one character. `/search?q=*` matches \
            `/searchXq=…`, not `/search?q=shoes`: requests meant for the behavior fall through \
            to another one. To vary by query string, put it in the cache key or forward it to \
            the origin.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(EXAMPLE, "/search?q=*" => "/search*")),
        exceptions: "A path whose segment really has one arbitrary character before `name=` \
            (unlikely): suppress the rule for that distribution.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/QueryStringParameters.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .behaviors
        .iter()
        .filter_map(|b| {
            let field = b.path_pattern.as_ref()?;
            let pattern = field.get()?;
            let name = query_name(pattern)?;
            let message = format!(
                "{} writes `?{name}=`, but path patterns match the URL path only and `?` is a \
                 one-character wildcard: `{pattern}` never matches a request with the query \
                 string `?{name}=…`",
                behavior_name(b)
            );
            Some(ctx.finding(&RULE, field.span, &field.path, message))
        })
        .collect()
}

/// The parameter name of a query string written into a path pattern: `q` for `/search?q=*`.
pub(super) fn query_name(pattern: &str) -> Option<&str> {
    let (_, query) = pattern.split_once('?')?;
    let end = query
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']')))
        .unwrap_or(query.len());
    let name = &query[..end];
    (!name.is_empty() && query[end..].starts_with('=')).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                // `?` as the one-character wildcard it is.
                EXAMPLE.with("/search?q=*", "/v?/*"),
                EXAMPLE.with("/search?q=*", "/img/???.png"),
                EXAMPLE.with("/search?q=*", "/a?=b"),
                EXAMPLE.with("/search?q=*", "!Ref Pattern"),
            ])
            .fail([
                case(EXAMPLE.mark("/search?q=*")).message(
                    "behavior `/search?q=*` writes `?q=`, but path patterns match the URL path \
                     only and `?` is a one-character wildcard",
                ),
                case(EXAMPLE.with("/search?q=*", "‸/api/items?version=2")),
                case(EXAMPLE.with("/search?q=*", "‸'*?filter[status]=open'")),
            ])
            .test();
    }
}
