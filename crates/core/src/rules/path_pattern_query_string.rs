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
            parameter: a name and `=` (`/search?q=*`, `/items?version=2`), or a name of two \
            characters or more right after a `/` and before `*`, `&` or the end \
            (`/api/?token*`). It needs nothing about the API. A warning, not an error: the \
            pattern is valid, but the mistake that matters is the query string \
            (`path-pattern-invalid` checks the part before it).",
        why_bad: "Path patterns are compared with the URL path only, never the query string, \
            and `?` in a pattern matches exactly one character. `/search?q=*` matches \
            `/searchXq=…`, not `/search?q=shoes`: requests meant for the behavior fall through \
            to another one. To vary by query string, put it in the cache key or forward it to \
            the origin.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(EXAMPLE, "/search?q=*" => "/search*")),
        exceptions: "A path whose segment really has one arbitrary character before `name=`, \
            or starts with one before a fixed name (unlikely): suppress the rule for that \
            distribution.",
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
            let written = query_written(pattern, name);
            let message = format!(
                "{} writes `?{written}`, but path patterns match the URL path only and `?` is a \
                 one-character wildcard: `{pattern}` never matches a request with the query \
                 string `?{written}…`",
                behavior_name(b)
            );
            Some(ctx.finding(&RULE, field.span, &field.path, message))
        })
        .collect()
}

/// The parameter name of a query string written into a path pattern: `q` for `/search?q=*`
/// (a name and `=`), `token` for `/api/?token*` (a name of two characters or more right after a
/// `/`, then `*`, `&` or the end: a one-character wildcard that starts a segment before a fixed
/// name is far less likely than a query string).
pub(super) fn query_name(pattern: &str) -> Option<&str> {
    let (path, query) = pattern.split_once('?')?;
    let end = query
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']')))
        .unwrap_or(query.len());
    let (name, rest) = query.split_at(end);
    let assigned = rest.starts_with('=');
    let bare = path.ends_with('/')
        && name.chars().count() >= 2
        && (rest.is_empty() || rest.starts_with(['*', '&']));
    (!name.is_empty() && (assigned || bare)).then_some(name)
}

/// What the pattern writes as the query: `q=` or `token`.
fn query_written<'p>(pattern: &'p str, name: &str) -> std::borrow::Cow<'p, str> {
    match pattern.split_once('?') {
        Some((_, query)) if query[name.len()..].starts_with('=') => format!("{name}=").into(),
        _ => name.to_string().into(),
    }
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
                // One wildcard character before a fixed name, not after a `/`, or too short.
                EXAMPLE.with("/search?q=*", "/v?orders*"),
                EXAMPLE.with("/search?q=*", "/files/?x*"),
                EXAMPLE.with("/search?q=*", "/files/?abc/*"),
            ])
            .fail([
                case(EXAMPLE.mark("/search?q=*")).message(
                    "behavior `/search?q=*` writes `?q=`, but path patterns match the URL path \
                     only and `?` is a one-character wildcard",
                ),
                case(EXAMPLE.with("/search?q=*", "‸/api/items?version=2")),
                case(EXAMPLE.with("/search?q=*", "‸'*?filter[status]=open'")),
                // A parameter name after `/` with no `=` (seen on a public template).
                case(EXAMPLE.with("/search?q=*", "‸/api/?allowed_query_string_param*")).message(
                    "behavior `/api/?allowed_query_string_param*` writes \
                     `?allowed_query_string_param`, but path patterns match the URL path only",
                ),
                case(EXAMPLE.with("/search?q=*", "‸/api/?token")),
            ])
            .test();
    }
}
