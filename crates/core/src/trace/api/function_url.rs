//! Lambda function URL origins: no routing; the URL's auth type and origin access control
//! decide whether the function is called.
//!
//! Sources: a function URL with `AuthType: AWS_IAM` takes only SigV4-signed requests
//! ("Control access to Lambda function URLs",
//! <https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html>); origin access control signs
//! them, and POST/PUT requests need the viewer to send `x-amz-content-sha256` ("Restrict access
//! to an AWS Lambda function URL origin",
//! <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html>).

use super::{answer, ApiAnswer, OriginRequest};
use crate::api::FunctionUrl;
use crate::model::Document;
use crate::trace::origin::oac_signs;
use crate::trace::{AnsweredBy, Possibility, Verdict};

fn function_answers() -> Vec<Possibility> {
    vec![Possibility::new(
        None,
        AnsweredBy::LambdaUrl,
        "the function answers",
    )]
}

/// What a function URL not in the input does.
pub(super) fn not_in_input(request: &OriginRequest<'_>) -> ApiAnswer {
    answer(
        Verdict::Depends,
        "the function URL is not in this input: its auth type decides whether unsigned requests get through, the function decides the answer",
        function_answers(),
    )
    .at(request.origin.domain_name.span)
}

/// What function URL `url` does with the request.
pub(super) fn answer_for(
    doc: &Document,
    url: &FunctionUrl,
    request: &OriginRequest<'_>,
) -> ApiAnswer {
    let origin = request.origin;
    let auth = url.auth_type.get().map(|a| a.to_ascii_uppercase());
    let signs = oac_signs(doc, origin);
    match (auth.as_deref(), signs) {
        (Some("NONE"), _) => answer(
            Verdict::Depends,
            format!("function URL `{}` takes unauthenticated requests (`{}` `NONE`) and routes nothing: the function gets every path and method and decides the answer", url.name, url.auth_type.written_key("AuthType")),
            function_answers(),
        )
        .at(url.auth_type.span),
        (Some("AWS_IAM"), Some(true)) => {
            let write = matches!(request.method.as_str(), "POST" | "PUT");
            if write && request.header_arrives("x-amz-content-sha256") != Some(true) {
                return answer(
                    Verdict::Fail,
                    format!("CloudFront signs the request for `{}` with origin access control, but a {} needs the viewer to send `x-amz-content-sha256` (Lambda does not accept unsigned payloads): Lambda refuses it (the status is not documented)", url.name, request.method),
                    vec![Possibility::new(None, AnsweredBy::LambdaUrl, "Lambda refuses the unsigned payload")],
                )
                .at(origin.origin_access_control_id.span)
                .rule("lambda-url-oac-payload-hash");
            }
            answer(
                Verdict::Depends,
                format!("CloudFront signs the request for `{}` (`{}` `AWS_IAM`) with origin access control: the function's resource policy must allow this distribution, and the function decides the answer", url.name, url.auth_type.written_key("AuthType")),
                function_answers(),
            )
            .at(origin.origin_access_control_id.span)
        }
        (Some("AWS_IAM"), Some(false)) => answer(
            Verdict::Fail,
            format!("function URL `{}` takes only SigV4-signed requests (`{}` `AWS_IAM`) and nothing signs this one (no origin access control on the origin): Lambda refuses it (the status is not documented)", url.name, url.auth_type.written_key("AuthType")),
            vec![Possibility::new(None, AnsweredBy::LambdaUrl, "the function URL refuses the unsigned request")],
        )
        .at(url.auth_type.span)
        .rule("lambda-url-without-oac"),
        _ => answer(
            Verdict::Depends,
            format!("the auth type of `{}` or the origin access control's signing is not known here", url.name),
            function_answers(),
        )
        .at(url.auth_type.span),
    }
}
