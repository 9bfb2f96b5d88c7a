//! `spa-error-rewrite-hits-api`: a SPA 403/404 → 200 rewrite also rewrites API errors.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

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
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "        CustomErrorResponses:
          - ErrorCode: 404
            ResponseCode: 200
            ResponsePagePath: /index.html
            ErrorCachingMinTTL: 0
",
                api_origin!(),
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        exceptions: "None with API behaviors: rewrite SPA paths with a CloudFront Function on \
            the SPA behavior, or serve the SPA and the API from separate distributions.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/custom-error-pages.html",
            "https://stevekinney.com/courses/aws-frontend/custom-error-pages-and-spa-routing",
        ],
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
    use crate::model::CustomErrorResponse;
    use crate::rules::test_support::*;

    #[test]
    fn spa_rewrite_fails_with_api() {
        let mut doc = api_doc();
        dist(&mut doc)
            .custom_error_responses
            .push(CustomErrorResponse {
                error_code: known(404),
                response_code: known(200),
                response_page_path: known("/index.html".into()),
                ..Default::default()
            });
        assert_eq!(check(&RULE, &doc).len(), 1);
        dist(&mut doc).custom_error_responses[0].response_code = known(404);
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn unknown_response_code_is_silent() {
        let mut doc = api_doc();
        dist(&mut doc)
            .custom_error_responses
            .push(crate::model::CustomErrorResponse {
                error_code: known(404),
                response_code: crate::value::Field::unknown(
                    crate::value::Unknown::Intrinsic("Ref".into()),
                    Default::default(),
                    "u",
                ),
                response_page_path: known("/index.html".into()),
                ..Default::default()
            });
        assert!(check(&RULE, &doc).is_empty());
    }
}
