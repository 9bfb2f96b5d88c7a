//! `path-pattern-invalid`: a cache behavior path pattern CloudFront does not accept.

use super::path_pattern_query_string::query_name;
use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::value::Val;

pub static RULE: Rule = Rule {
    slug: "path-pattern-invalid",
    summary: "A cache behavior has no path pattern, or one CloudFront does not accept",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds ordered cache behaviors (`CacheBehaviors`, Terraform \
            `ordered_cache_behavior`) without a `PathPattern` or with an empty one, patterns \
            longer than 255 characters, and patterns with characters outside `A-Z a-z 0-9 _ - . \
            * ? $ / ~ \" ' @ : + &`. A pattern on the default behavior is not checked (the \
            model does not read it). A query string written into a pattern (`/search?q=*`) is \
            reported by `path-pattern-query-string` instead.",
        why_bad: "CloudFront documents exactly these characters for path patterns (`*` and `?` \
            are the only wildcards; `&` travels as `&amp;`) and a maximum of 255 characters; \
            every ordered behavior needs a pattern. Anything else is rejected, and characters \
            such as `%`, spaces or `=` would never match a request path anyway. Matching is \
            case-sensitive and ignores the query string.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "        CacheBehaviors:
          - PathPattern: /orders/{id}
            TargetOriginId: orders-api
            ViewerProtocolPolicy: https-only
            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
            OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
",
                api_origin!(),
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "        CacheBehaviors:
          - PathPattern: /orders*
            TargetOriginId: orders-api
            ViewerProtocolPolicy: https-only
            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
            OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
",
                api_origin!(),
                api_behavior!()
            )),
        exceptions: "None: CloudFront rejects such patterns. Query strings are not part of \
            path matching: select on them in a CloudFront Function instead.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html",
        ],
        fix_safety: None,
    },
    check,
};

/// The longest path pattern CloudFront accepts.
const MAX_LEN: usize = 255;

/// True for the characters CloudFront documents for path patterns.
fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_-.*?$/~\"'@:+&".contains(c)
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for behavior in &ctx.dist.behaviors {
        let Some(field) = &behavior.path_pattern else {
            continue;
        };
        let problem = match &field.val {
            Val::Unknown(_) => continue,
            Val::Absent => "has no path pattern; every ordered cache behavior needs one".into(),
            Val::Known(p) if p.is_empty() => {
                "has an empty path pattern; every ordered cache behavior needs one".into()
            }
            Val::Known(p) if p.chars().count() > MAX_LEN => format!(
                "has a path pattern of {} characters; CloudFront accepts at most {MAX_LEN}",
                p.chars().count()
            ),
            Val::Known(p) => {
                // A query string (`/search?q=*`) is `path-pattern-query-string`'s finding: only
                // the part before it is checked here.
                let checked = match query_name(p) {
                    Some(_) => p.split_once('?').map_or(p.as_str(), |(path, _)| path),
                    None => p.as_str(),
                };
                let mut bad: Vec<char> = Vec::new();
                for c in checked.chars().filter(|c| !allowed(*c)) {
                    if !bad.contains(&c) {
                        bad.push(c);
                    }
                }
                if bad.is_empty() {
                    continue;
                }
                let shown = bad
                    .iter()
                    .map(|c| format!("`{}`", c.escape_default()))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!(
                    "has the path pattern `{p}` with characters CloudFront does not accept: \
                     {shown}"
                )
            }
        };
        let target = behavior
            .target_origin_id
            .get()
            .map_or_else(String::new, |t| format!(" (target `{t}`)"));
        let message = format!("the cache behavior{target} {problem}");
        out.push(ctx.finding(&RULE, field.span, &field.path, message));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, tf, with_config, CaseText, Tester, API};

    /// The API distribution with a second behavior whose path pattern line is `line`.
    fn pattern_line(line: &str) -> String {
        with_config(&format!(
            "        CacheBehaviors:\n          - {line}TargetOriginId: orders-api\n            \
                 ViewerProtocolPolicy: https-only\n"
        ))
    }

    fn pattern(pattern: &str) -> String {
        pattern_line(&format!("PathPattern: {pattern}\n            "))
    }

    #[test]
    fn cases() {
        let long = format!("/{}", "a".repeat(254));
        let too_long = format!("/{}", "a".repeat(255));
        let terraform = tf(
            concat!(
                "  ordered_cache_behavior {\n",
                "    path_pattern     = ‸\"/api/{id}\"\n",
                "    target_origin_id = \"api\"\n",
                "  }\n",
                "  ordered_cache_behavior {\n",
                "    path_pattern     = \"${var.prefix}/*\"\n",
                "    target_origin_id = \"api\"\n",
                "  }\n",
            ),
            "",
            "",
        );
        let cli = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 1, "Items": [
    {"Id": "api", "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api"},
  "CacheBehaviors": {"Quantity": 1, "Items": [‸{"TargetOriginId": "api"}]}}}"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                pattern("/api/*"),
                pattern("api/v?/*"),
                pattern("'*.json'"),
                pattern("'/a-b_c.d/~x$@:+&''\"'"),
                pattern("'*'"),
                pattern(&long),
                pattern("!Ref Pattern"),
                // A query string: `path-pattern-query-string` reports it.
                pattern("/orders?id=*"),
            ])
            .fail([
                case(RULE.docs.example.text.mark("/orders/{id}")).message(
                    "the cache behavior (target `orders-api`) has the path pattern \
                     `/orders/{id}` with characters CloudFront does not accept: `{`, `}`",
                ),
                case(pattern("‸'/my list?q=*'")).message("` `"),
                case(pattern("‸/my files/%20*")).message("` `, `%`"),
                case(pattern(&format!("‸{too_long}"))).message(
                    "has a path pattern of 256 characters; CloudFront accepts at most 255",
                ),
                case(pattern("‸''")).message("has an empty path pattern"),
                case(pattern_line("").with("- TargetOriginId", "- ‸TargetOriginId"))
                    .message("the cache behavior (target `orders-api`) has no path pattern"),
                case(&terraform).message("`{`, `}`"),
                case(cli).message("has no path pattern"),
            ])
            .test();
    }
}
