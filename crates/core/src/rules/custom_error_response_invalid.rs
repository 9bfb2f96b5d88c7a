//! `custom-error-response-invalid`: a custom error response CloudFront rejects.

use crate::lint::Key;
use crate::lint::{
    Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::CustomErrorResponse;

const EXAMPLE: &str = cfn_doc!(
    "        CustomErrorResponses:
          - ErrorCode: 401
            ErrorCachingMinTTL: 0
          - ErrorCode: 404
            ResponseCode: 404
            ResponsePagePath: errors/404.json
            ErrorCachingMinTTL: 0
",
    api_origin!(),
    api_behavior!()
);

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
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "ErrorCode: 401" => "ErrorCode: 403",
            "ResponsePagePath: errors/404.json" => "ResponsePagePath: /errors/404.json"
        )),
        exceptions: "None. Values from parameters or variables are not checked.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CustomErrorResponse.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/custom-error-pages.html",
        ],
        fix_safety: None,
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
        "{} {code} cannot have a custom error response; CloudFront supports 400, 403, 404, 405, \
         414, 416 and 500-504",
        Key::ERROR_CODE.name(ctx.format())
    );
    Some(ctx.finding(&RULE, field.span, &field.path, message))
}

fn response_pairing(ctx: &LintContext, response: &CustomErrorResponse) -> Option<Finding> {
    let code = &response.response_code;
    let page = &response.response_page_path;
    let code_key = Key::RESPONSE_CODE.name(ctx.format());
    let page_key = Key::RESPONSE_PAGE_PATH.name(ctx.format());
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
    use crate::rules::tester::{case, with_config, CaseText, Tester};

    /// The API distribution with one custom error response of these keys.
    fn response(keys: &[&str]) -> String {
        let mut items = String::from("        CustomErrorResponses:\n");
        for (i, key) in keys.iter().enumerate() {
            items.push_str(if i == 0 {
                "          - "
            } else {
                "            "
            });
            items.push_str(key);
            items.push('\n');
        }
        with_config(&items)
    }

    #[test]
    fn cases() {
        let cli = r#"{"DistributionConfig": {"CustomErrorResponses": {"Quantity": 2, "Items": [
  {"ErrorCode": 403, "ResponsePagePath": "", "ResponseCode": "", "ErrorCachingMinTTL": 0},
  {"ErrorCode": 404, "ResponsePagePath": ‸"index.html", "ResponseCode": "200", "ErrorCachingMinTTL": 0}]}}}"#;
        let tf = r#"resource "aws_cloudfront_distribution" "d" {
  custom_error_response {
    error_code    = 404
    response_code = ‸200
  }
}
"#;
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                response(&["ErrorCode: 503"]),
                response(&["ErrorCode: 404", "ResponseCode: 200", "ResponsePagePath: /index.html"]),
                response(&["ErrorCode: 502", "ResponseCode: 503", "ResponsePagePath: /down.html"]),
                response(&["ErrorCode: !Ref Code", "ResponseCode: !Ref ResponseCode", "ResponsePagePath: /e.html"]),
                response(&["ErrorCode: 404", "ResponseCode: 200", "ResponsePagePath: !Ref Page"]),
            ])
            .fail([
                case(
                    RULE.docs
                        .example
                        .text
                        .with("ResponsePagePath: errors/404.json", "ResponsePagePath: /errors/404.json")
                        .mark("401"),
                )
                .message(
                    "ErrorCode 401 cannot have a custom error response; CloudFront supports 400, \
                     403, 404, 405, 414, 416 and 500-504",
                ),
                case(response(&["ErrorCode: 404", "ResponseCode: ‸200"]))
                    .message("ResponseCode 200 is set without ResponsePagePath; set both or neither"),
                case(response(&["ErrorCode: 404", "ResponseCode: ‸200", "ResponsePagePath: ''"])),
                case(response(&["ErrorCode: 404", "ResponsePagePath: ‸/e.html"]))
                    .message("ResponsePagePath is set without ResponseCode"),
                case(response(&["ErrorCode: 404", "ResponseCode: ‸302", "ResponsePagePath: /e.html"]))
                    .message("ResponseCode 302 is not a code CloudFront can return"),
                case(response(&["ErrorCode: ‸200", "ResponseCode: ‸201", "ResponsePagePath: /e.html"])),
                case(tf).message("response_code 200 is set without response_page_path"),
                case(
                    tf.unmarked()
                        .with("error_code    = 404", "error_code    = ‸401")
                        .with("    response_code = 200\n", ""),
                )
                    .message("error_code 401 cannot have a custom error response"),
            ])
            .fix([
                (
                    case(
                        RULE.docs
                            .example
                            .text
                            .with("ErrorCode: 401", "ErrorCode: 403")
                            .mark("errors/404.json"),
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(response(&[
                        "ErrorCode: 404",
                        "ResponseCode: 404",
                        "ResponsePagePath: ‸errors/404.html",
                    ]))
                    .message("ResponsePagePath `errors/404.html` must begin with `/` (`/errors/404.html`)"),
                    response(&["ErrorCode: 404", "ResponseCode: 404", "ResponsePagePath: /errors/404.html"]),
                ),
                (
                    case(cli),
                    cli.unmarked().with("\"index.html\"", "\"/index.html\""),
                ),
            ])
            .test();
    }
}
