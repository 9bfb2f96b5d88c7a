//! Hop 5: CloudFront Functions and Lambda@Edge on the behavior.
//!
//! A function can change the request, answer it itself, or change the response, so its effect
//! "depends" — unless it is the prefix-stripping CloudFront Function apifront's generator
//! writes, recognised by its code when the code is in the same input
//! (`AWS::CloudFront::Function` `FunctionCode`, `aws_cloudfront_function` `code`).

use super::{AnsweredBy, Hop, Possibility, Stage, Verdict, Walk};
use crate::edge_function::function_of;
use crate::model::{Behavior, FunctionAssociation};
use crate::render::plan::StripFunction;
use crate::value::Val;

/// Runs the functions of the behavior: the URI the origin request starts from.
pub(super) fn run(walk: &mut Walk, b: &Behavior) -> String {
    let mut uri = walk.request.path.clone();
    let all: Vec<(&FunctionAssociation, &str)> = b
        .function_associations
        .iter()
        .map(|f| (f, "CloudFront Function"))
        .chain(
            b.lambda_function_associations
                .iter()
                .map(|f| (f, "Lambda@Edge function")),
        )
        .collect();
    let generated = walk.generated(Some(b), "function_association")
        || walk.generated(Some(b), "lambda_function_association");
    if generated {
        walk.push(Hop::new(
            Stage::Functions,
            Verdict::Depends,
            "dynamic blocks generate function associations that are not read here: they may change the request, answer it or change the response",
        ).at(b.span));
        walk.alternative(Possibility::new(
            None,
            AnsweredBy::EdgeFunction,
            "a generated function association answers the request or changes it",
        ));
        return uri;
    }
    if all.is_empty() {
        walk.push(Hop::new(
            Stage::Functions,
            Verdict::Ok,
            "no CloudFront Function or Lambda@Edge function on this behavior",
        ));
        return uri;
    }
    let mut details = Vec::new();
    let mut unknown = Vec::new();
    let mut first_unknown_span = None;
    for (association, kind) in &all {
        let event = association
            .event_type
            .get()
            .map_or("an unknown event", |e| e.as_str());
        // Lambda@Edge code is never read; a CloudFront Function's when the input holds it.
        let code = (*kind == "CloudFront Function")
            .then(|| function_of(walk.doc, association))
            .flatten();
        let label = match code {
            Some(f) => format!("{kind} `{}`", f.function_name.get().unwrap_or(&f.name)),
            None => describe(association, walk.text, kind),
        };
        let strip = code
            .and_then(|f| f.code.get())
            .and_then(|c| StripFunction::recognise(c))
            .filter(|_| event == "viewer-request");
        if let Some(strip) = strip {
            let before = uri.clone();
            uri = strip.strip(&before).into_owned();
            details.push(if before == uri {
                format!(
                    "{label} ({event}) strips the prefixes {}: `{before}` has none of them and stays as is",
                    strip.prefixes.join(", ")
                )
            } else {
                format!(
                    "{label} ({event}) strips the prefix: `{before}` becomes `{uri}` (apifront's generated function)"
                )
            });
            continue;
        }
        let why = match code {
            Some(f) if f.code.get().is_some() => "its code is not one apifront recognises",
            Some(_) => "its code is not literal in this input",
            None => "its code is not in this input",
        };
        details.push(format!(
            "{label} ({event}): {why}; what it does depends on the code"
        ));
        unknown.push((label, event.to_string()));
        first_unknown_span.get_or_insert(association.arn.span);
    }
    if unknown.is_empty() {
        walk.push(
            Hop::new(
                Stage::Functions,
                Verdict::Ok,
                format!("the origin request starts from `{uri}`"),
            )
            .details(details),
        );
        return uri;
    }
    let names: Vec<String> = unknown.iter().map(|(l, _)| l.clone()).collect();
    let mut hop = Hop::new(
        Stage::Functions,
        Verdict::Depends,
        format!(
            "{} may change the request, answer it or change the response; the rest of this trace assumes they pass it on unchanged",
            names.join(" and ")
        ),
    )
    .details(details);
    if let Some(span) = first_unknown_span {
        hop = hop.at(span);
    }
    walk.push(hop);
    for (label, event) in unknown {
        let when = if event.ends_with("response") {
            format!("{label} ({event}) changes the response")
        } else {
            format!("{label} ({event}) answers the request itself or changes it")
        };
        walk.alternative(Possibility::new(None, AnsweredBy::EdgeFunction, when));
    }
    uri
}

/// "CloudFront Function `strip`" from the ARN (literal, or the expression as written).
fn describe(association: &FunctionAssociation, text: &str, kind: &str) -> String {
    let field = &association.arn;
    let name = match &field.val {
        Val::Known(arn) => arn
            .rsplit_once("function/")
            .or_else(|| arn.rsplit_once("function:"))
            .map_or(arn.as_str(), |(_, n)| n)
            .to_string(),
        _ => text
            .get(field.span.start..field.span.end)
            .map(|s| s.trim().trim_matches('"').to_string())
            .filter(|s| !s.is_empty() && s.len() <= 80)
            .unwrap_or_else(|| "(unknown ARN)".into()),
    };
    format!("{kind} `{name}`")
}
