//! `spa-error-rewrite-hits-api`: a SPA 403/404 → 200 rewrite also rewrites API errors.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "spa-error-rewrite-hits-api",
    summary: "A custom error response turns API 403/404 errors into 200 HTML pages",
    default_severity: Severity::Error,
    category: Category::Errors,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds custom error responses mapping 403 or 404 to a 200 response page \
            (the usual single-page-app setup) in a distribution that also has API behaviors.",
        why_bad: "Custom error responses apply to the whole distribution: API 403 and 404 \
            answers become `200 text/html`, client code parses HTML and authorization failures \
            look like success.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "        CustomErrorResponses:
          - ErrorCode: 404
            ResponseCode: 200
            ResponsePagePath: /index.html
            ErrorCachingMinTTL: 0
",
                api_origin!(),
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "None with API behaviors: rewrite SPA paths with a CloudFront Function on \
            the SPA behavior, or serve the SPA and the API from separate distributions.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/custom-error-pages.html",
            "https://stevekinney.com/courses/aws-frontend/custom-error-pages-and-spa-routing",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    if !ctx.has_api_behavior() {
        return Vec::new();
    }
    ctx.dist
        .custom_error_responses
        .iter()
        .filter_map(|r| {
            let code = *r.error_code.get()?;
            let response = *r.response_code.get()?;
            let page = r.response_page_path.get()?;
            if !matches!(code, 403 | 404) || response != 200 {
                return None;
            }
            Some(ctx.finding(
                &RULE,
                r.span,
                &r.path,
                format!(
                    "error {code} is answered with `{page}` and status 200 for the whole \
                     distribution, including API behaviors: API errors become HTML successes"
                ),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, with_config, CaseText, Tester, API};

    /// The API distribution with one custom error response: `code`, `response`, `/index.html`.
    fn rewrite(code: &str, response: &str) -> String {
        with_config(&format!(
            "        CustomErrorResponses:\n          - ErrorCode: {code}\n            \
                 ResponseCode: {response}\n            ResponsePagePath: /index.html\n"
        ))
    }

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                rewrite("404", "404"),
                rewrite("502", "200"),
                rewrite("404", "!Ref ResponseCode"),
                // No behavior reaches an API.
                rewrite("404", "200").with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "site.s3.amazonaws.com",
                ),
            ])
            .fail([
                case(example.with("- ErrorCode: 404", "- ‸ErrorCode: 404")).message(
                    "error 404 is answered with `/index.html` and status 200 for the whole \
                     distribution, including API behaviors: API errors become HTML successes",
                ),
                case(rewrite("403", "200").with("- ErrorCode", "- ‸ErrorCode"))
                    .message("error 403 is answered"),
            ])
            .test();
    }
}
