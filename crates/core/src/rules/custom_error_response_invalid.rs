//! `custom-error-response-invalid`: a custom error response CloudFront rejects.

use crate::lint::{
    Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{CustomErrorResponse, Format};

pub static RULE: Rule = Rule {
    slug: "custom-error-response-invalid",
    summary: "A custom error response has an unsupported code or a response code without a page",
    default_severity: Severity::Error,
    category: Category::Errors,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds custom error responses whose `ErrorCode` is not one CloudFront \
            supports (400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504), whose \
            `ResponseCode` is not one it can return (200 or one of those codes), that set \
            `ResponseCode` without `ResponsePagePath` or the other way round, or whose \
            `ResponsePagePath` does not begin with `/`.",
        why_bad: "CloudFront rejects such entries when the distribution is created or \
            updated. (Whether the page path is served by a suitable behavior is not checked.)",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "        CustomErrorResponses:
          - ErrorCode: 401
            ErrorCachingMinTTL: 0
",
                api_origin!(),
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "        CustomErrorResponses:
          - ErrorCode: 403
            ErrorCachingMinTTL: 0
",
                api_origin!(),
                api_behavior!()
            ),
        },
        exceptions: "None. Values from parameters or variables are not checked.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CustomErrorResponse.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/custom-error-pages.html",
        ],
    },
    check,
};

const ERROR_CODES: &[i64] = &[400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for response in &ctx.dist.custom_error_responses {
        out.extend(error_code(ctx, response));
        out.extend(response_pairing(ctx, response));
    }
    out
}

fn error_code(ctx: &LintContext, response: &CustomErrorResponse) -> Option<Finding> {
    let field = &response.error_code;
    let code = *field.get()?;
    if ERROR_CODES.contains(&code) {
        return None;
    }
    let message = format!(
        "ErrorCode {code} cannot have a custom error response; CloudFront supports 400, 403, \
         404, 405, 414, 416 and 500-504"
    );
    Some(ctx.finding(&RULE, field.span, &field.path, message))
}

fn response_pairing(ctx: &LintContext, response: &CustomErrorResponse) -> Option<Finding> {
    let code = &response.response_code;
    let page = &response.response_page_path;
    let code_key = ctx.key("ResponseCode", "ResponseCode", "response_code");
    let page_key = ctx.key("ResponsePagePath", "ResponsePagePath", "response_page_path");
    // An empty page path is how the API writes "none".
    let page_set = page.get().is_some_and(|p| !p.is_empty());
    let page_absent = !page.is_present() || page.get().is_some_and(|p| p.is_empty());
    if let Some(&c) = code.get() {
        if c != 200 && !ERROR_CODES.contains(&c) {
            let message = format!(
                "{code_key} {c} is not a code CloudFront can return; use 200 or one of 400, \
                 403, 404, 405, 414, 416, 500-504"
            );
            return Some(ctx.finding(&RULE, code.span, &code.path, message));
        }
        if page_absent {
            let message = format!("{code_key} {c} is set without {page_key}; set both or neither");
            return Some(ctx.finding(&RULE, code.span, &code.path, message));
        }
    } else if page_set && !code.is_present() {
        let message = format!("{page_key} is set without {code_key}; set both or neither");
        return Some(ctx.finding(&RULE, page.span, &page.path, message));
    }
    let path = page.get().filter(|p| !p.is_empty())?;
    if path.starts_with('/') {
        return None;
    }
    let fixed = format!("/{path}");
    let message = format!("{page_key} `{path}` must begin with `/` (`{fixed}`)");
    let fix = Fix::safe(
        format!("set {page_key} to `{fixed}`"),
        vec![ctx.editor().replace_string(page.span, &fixed)],
    );
    Some(
        ctx.finding(&RULE, page.span, &page.path, message)
            .with_fix(fix),
    )
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::model::CustomErrorResponse;
    use crate::rules::test_support::*;

    fn with(r: CustomErrorResponse) -> crate::model::Document {
        let mut doc = api_doc();
        dist(&mut doc).custom_error_responses.push(r);
        doc
    }

    #[test]
    fn valid_responses_pass() {
        assert!(check(
            &RULE,
            &with(CustomErrorResponse {
                error_code: known(503),
                ..Default::default()
            })
        )
        .is_empty());
        assert!(check(
            &RULE,
            &with(CustomErrorResponse {
                error_code: known(404),
                response_code: known(200),
                response_page_path: known("/index.html".into()),
                ..Default::default()
            })
        )
        .is_empty());
    }

    #[test]
    fn invalid_responses_fail() {
        let f = check(
            &RULE,
            &with(CustomErrorResponse {
                error_code: known(401),
                ..Default::default()
            }),
        );
        assert!(f[0].message.contains("ErrorCode 401"));
        let f = check(
            &RULE,
            &with(CustomErrorResponse {
                error_code: known(404),
                response_code: known(200),
                ..Default::default()
            }),
        );
        assert!(f[0]
            .message
            .contains("ResponseCode 200 is set without ResponsePagePath"));
        let f = check(
            &RULE,
            &with(CustomErrorResponse {
                error_code: known(404),
                response_page_path: known("/e.html".into()),
                ..Default::default()
            }),
        );
        assert!(f[0].message.contains("without ResponseCode"));
        let f = check(
            &RULE,
            &with(CustomErrorResponse {
                error_code: known(404),
                response_code: known(302),
                response_page_path: known("/e.html".into()),
                ..Default::default()
            }),
        );
        assert!(f[0].message.contains("ResponseCode 302"));
        let f = check(
            &RULE,
            &with(CustomErrorResponse {
                error_code: known(404),
                response_code: known(404),
                response_page_path: known("errors/404.html".into()),
                ..Default::default()
            }),
        );
        assert!(f[0].fix.is_some());
    }

    #[test]
    fn unknown_values_are_silent() {
        let doc = with(CustomErrorResponse {
            error_code: unknown(),
            response_code: unknown(),
            response_page_path: known("/e.html".into()),
            ..Default::default()
        });
        assert!(check(&RULE, &doc).is_empty());
        let doc = with(CustomErrorResponse {
            error_code: known(404),
            response_code: known(200),
            response_page_path: unknown(),
            ..Default::default()
        });
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end() {
        let yaml = RULE.docs.example.text;
        let f = lint_rule(&RULE, yaml);
        assert_eq!((f[0].span.line, f[0].span.column), position(yaml, "401"));
        // The API writes empty strings for "none".
        let json = r#"{"DistributionConfig": {"CustomErrorResponses": {"Quantity": 2, "Items": [
  {"ErrorCode": 403, "ResponsePagePath": "", "ResponseCode": "", "ErrorCachingMinTTL": 0},
  {"ErrorCode": 404, "ResponsePagePath": "index.html", "ResponseCode": "200", "ErrorCachingMinTTL": 0}]}}}"#;
        let f = lint_rule(&RULE, json);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            (f[0].span.line, f[0].span.column),
            position(json, "\"index.html\"")
        );
        assert!(apply_all(json, &f).contains("\"ResponsePagePath\": \"/index.html\""));
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  custom_error_response {
    error_code    = 404
    response_code = 200
  }
}
"#;
        let f = lint_rule(&RULE, tf);
        assert_eq!((f[0].span.line, f[0].span.column), position(tf, "200"));
        assert!(f[0]
            .message
            .contains("response_code 200 is set without response_page_path"));
    }
}
