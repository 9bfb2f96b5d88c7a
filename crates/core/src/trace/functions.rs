//! Hop 5: CloudFront Functions and Lambda@Edge on the behavior.
//!
//! A function can change the request, answer it itself, or change the response, so its effect
//! "depends" — unless it is the prefix-stripping CloudFront Function apifront's generator
//! writes, recognised by its code when the code is in the same input
//! (`AWS::CloudFront::Function` `FunctionCode`, `aws_cloudfront_function` `code`).

use super::{AnsweredBy, Hop, Possibility, Stage, Verdict, Walk};
use crate::model::{Behavior, Format, FunctionAssociation};
use crate::render::plan::StripFunction;
use crate::value::Val;
use std::collections::BTreeMap;

/// A CloudFront Function defined in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionCode {
    /// CloudFormation logical id or Terraform address (`aws_cloudfront_function.strip`).
    pub resource: String,
    /// The function's `Name`, when literal.
    pub name: Option<String>,
    /// Its code, when literal.
    pub code: Option<String>,
}

/// The CloudFront Functions of an input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FunctionCodes {
    pub functions: Vec<FunctionCode>,
}

impl FunctionCodes {
    /// Reads the CloudFront Functions of a text of the given format. Text that cannot be read
    /// gives none (their associations then "depend").
    pub fn read(text: &str, format: Format) -> Self {
        let functions = match format {
            Format::CliJson => Vec::new(),
            Format::CfnJson => cfn_json(text),
            Format::CfnYaml => cfn_yaml(text),
            Format::Terraform => terraform(text),
        };
        Self { functions }
    }

    /// The function an association points at: by the resource named in the ARN's expression
    /// (`!GetAtt Strip.FunctionARN`, `aws_cloudfront_function.strip.arn`) or by the name at the
    /// end of a literal ARN.
    fn find(&self, association: &FunctionAssociation, text: &str) -> Option<&FunctionCode> {
        let field = &association.arn;
        if let Val::Known(arn) = &field.val {
            let name = arn.rsplit_once("function/").map(|(_, n)| n)?;
            return self
                .functions
                .iter()
                .find(|f| f.name.as_deref() == Some(name));
        }
        let written = text.get(field.span.start..field.span.end)?;
        self.functions
            .iter()
            .find(|f| mentions(written, &f.resource))
    }
}

/// True when `text` contains `name` as a whole identifier.
fn mentions(text: &str, name: &str) -> bool {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

/// The prefixes of the generator's strip-prefix function, when `code` is exactly that function
/// (whitespace aside).
pub(super) fn strip_prefixes(code: &str) -> Option<Vec<String>> {
    let start = code.find("var prefixes = [")? + "var prefixes = [".len();
    let mut prefixes = Vec::new();
    let mut chars = code[start..].chars();
    loop {
        match chars.next()? {
            ']' => break,
            ' ' | ',' => {}
            '\'' => {
                let mut s = String::new();
                loop {
                    match chars.next()? {
                        '\\' => s.push(chars.next()?),
                        '\'' => break,
                        c => s.push(c),
                    }
                }
                prefixes.push(s);
            }
            _ => return None,
        }
    }
    let expected = StripFunction {
        prefixes: prefixes.clone(),
    }
    .code();
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    (squash(&expected) == squash(code)).then_some(prefixes)
}

/// What the strip-prefix function does to a URI.
pub(super) fn strip(prefixes: &[String], uri: &str) -> String {
    for p in prefixes {
        let below = uri.strip_prefix(p.as_str());
        if let Some(rest) = below.filter(|r| r.is_empty() || r.starts_with('/')) {
            return if rest.is_empty() {
                "/".into()
            } else {
                rest.into()
            };
        }
    }
    uri.to_string()
}

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
        let code = walk.functions.find(association, walk.text);
        let label = match code {
            Some(f) => format!("{kind} `{}`", f.name.as_deref().unwrap_or(&f.resource)),
            None => describe(association, walk.text, kind),
        };
        let prefixes = code
            .and_then(|f| f.code.as_deref())
            .and_then(strip_prefixes)
            .filter(|_| *kind == "CloudFront Function" && event == "viewer-request");
        if let Some(prefixes) = prefixes {
            let before = uri.clone();
            uri = strip(&prefixes, &uri);
            details.push(if before == uri {
                format!(
                    "{label} ({event}) strips the prefixes {}: `{before}` has none of them and stays as is",
                    prefixes.join(", ")
                )
            } else {
                format!(
                    "{label} ({event}) strips the prefix: `{before}` becomes `{uri}` (apifront's generated function)"
                )
            });
            continue;
        }
        let why = match code {
            Some(f) if f.code.is_some() => "its code is not one apifront recognises",
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

// --- Reading the function resources of each format ---

const CFN_TYPE: &str = "AWS::CloudFront::Function";

fn cfn_json(text: &str) -> Vec<FunctionCode> {
    let Ok(root) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    let Some(resources) = root.get("Resources").and_then(|r| r.as_object()) else {
        return Vec::new();
    };
    resources
        .iter()
        .filter(|(_, r)| r.get("Type").and_then(|t| t.as_str()) == Some(CFN_TYPE))
        .map(|(id, r)| {
            let props = r.get("Properties");
            let string = |key: &str| {
                props
                    .and_then(|p| p.get(key))
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            FunctionCode {
                resource: id.clone(),
                name: string("Name"),
                code: string("FunctionCode"),
            }
        })
        .collect()
}

/// Reads `Resources.<id>.{Type, Properties.Name, Properties.FunctionCode}` from YAML events:
/// the scalars at those paths, whatever the nesting elsewhere.
fn cfn_yaml(text: &str) -> Vec<FunctionCode> {
    use saphyr_parser::{Event, Parser};
    enum Frame {
        Map {
            key: Option<String>,
            expect_key: bool,
        },
        Seq,
    }
    let mut stack: Vec<Frame> = Vec::new();
    /// What was read of one resource.
    #[derive(Default)]
    struct Seen {
        kind: Option<String>,
        name: Option<String>,
        code: Option<String>,
    }
    let mut found: BTreeMap<String, Seen> = BTreeMap::new();
    let path_of = |stack: &[Frame]| -> Vec<Option<String>> {
        stack
            .iter()
            .map(|f| match f {
                Frame::Map { key, .. } => key.clone(),
                Frame::Seq => None,
            })
            .collect()
    };
    for event in Parser::new_from_str(text) {
        let Ok((event, _)) = event else {
            return Vec::new();
        };
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                // A container in key position is not a key we look for.
                if let Some(Frame::Map { key, expect_key }) = stack.last_mut() {
                    if *expect_key {
                        *key = None;
                    }
                    *expect_key = true;
                }
                stack.push(if matches!(event, Event::MappingStart(..)) {
                    Frame::Map {
                        key: None,
                        expect_key: true,
                    }
                } else {
                    Frame::Seq
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            Event::Scalar(value, _, _, tag) => {
                let is_key = matches!(
                    stack.last(),
                    Some(Frame::Map {
                        expect_key: true,
                        ..
                    })
                );
                if is_key {
                    if let Some(Frame::Map { key, expect_key }) = stack.last_mut() {
                        *key = Some(value.to_string());
                        *expect_key = false;
                    }
                    continue;
                }
                let path = path_of(&stack);
                let keys: Vec<&str> = path.iter().map(|k| k.as_deref().unwrap_or("")).collect();
                match keys.as_slice() {
                    ["Resources", id, "Type"] => {
                        found.entry(id.to_string()).or_default().kind = Some(value.to_string());
                    }
                    // A tagged name (`!Sub …`) is not the name itself.
                    ["Resources", id, "Properties", "Name"] if tag.is_none() => {
                        found.entry(id.to_string()).or_default().name = Some(value.to_string());
                    }
                    ["Resources", id, "Properties", "FunctionCode"] => {
                        found.entry(id.to_string()).or_default().code = Some(value.to_string());
                    }
                    _ => {}
                }
                if let Some(Frame::Map { expect_key, .. }) = stack.last_mut() {
                    *expect_key = true;
                }
            }
            Event::Alias(_) => {
                if let Some(Frame::Map { key, expect_key }) = stack.last_mut() {
                    if *expect_key {
                        *key = None;
                    }
                    *expect_key = !*expect_key;
                }
            }
            Event::DocumentEnd => break,
            _ => {}
        }
    }
    found
        .into_iter()
        .filter(|(_, seen)| seen.kind.as_deref() == Some(CFN_TYPE))
        .map(|(resource, seen)| FunctionCode {
            resource,
            name: seen.name,
            code: seen.code,
        })
        .collect()
}

fn terraform(text: &str) -> Vec<FunctionCode> {
    use hcl_edit::expr::Expression;
    use hcl_edit::template::{Element, Template};
    let Ok(body) = hcl_edit::parser::parse_body(text) else {
        return Vec::new();
    };
    let literal = |template: &Template| -> Option<String> {
        let mut out = String::new();
        for element in template.iter() {
            match element {
                Element::Literal(s) => out.push_str(s.value()),
                _ => return None,
            }
        }
        Some(out)
    };
    let string = |e: &Expression| -> Option<String> {
        match e {
            Expression::String(s) => Some(s.value().clone()),
            Expression::StringTemplate(t) => literal(t),
            Expression::HeredocTemplate(h) => literal(&h.template),
            _ => None,
        }
    };
    body.blocks()
        .filter(|b| b.ident.as_str() == "resource")
        .filter_map(|b| {
            let labels: Vec<&str> = b.labels.iter().map(|l| l.as_str()).collect();
            let ["aws_cloudfront_function", name] = labels.as_slice() else {
                return None;
            };
            let attr = |key: &str| b.body.get_attribute(key).and_then(|a| string(&a.value));
            Some(FunctionCode {
                resource: format!("aws_cloudfront_function.{name}"),
                name: attr("name"),
                code: attr("code"),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generated(prefixes: &[&str]) -> String {
        StripFunction {
            prefixes: prefixes.iter().map(|p| p.to_string()).collect(),
        }
        .code()
    }

    #[test]
    fn recognises_the_generated_function_only() {
        let code = generated(&["/api", "/v1"]);
        assert_eq!(
            strip_prefixes(&code),
            Some(vec!["/api".into(), "/v1".into()])
        );
        // Re-indented (YAML block, Terraform heredoc) is the same function.
        let indented: String = code.lines().map(|l| format!("    {l}\n")).collect();
        assert_eq!(strip_prefixes(&indented).map(|p| p.len()), Some(2));
        let changed = code.replace("break;", "");
        assert_eq!(strip_prefixes(&changed), None);
        assert_eq!(
            strip_prefixes("function handler(event) { return event.request; }"),
            None
        );
        let quoted = generated(&["/it's"]);
        assert_eq!(strip_prefixes(&quoted), Some(vec!["/it's".into()]));
    }

    #[test]
    fn strips_like_the_function() {
        let p = vec!["/api/v2".to_string(), "/api".to_string()];
        assert_eq!(strip(&p, "/api/users"), "/users");
        assert_eq!(strip(&p, "/api"), "/");
        assert_eq!(strip(&p, "/api/v2/x"), "/x");
        assert_eq!(strip(&p, "/apiary"), "/apiary");
        assert_eq!(strip(&p, "/other"), "/other");
    }

    #[test]
    fn reads_function_resources_of_each_format() {
        let code = generated(&["/api"]);
        let yaml = format!(
            "Resources:\n  Strip:\n    Properties:\n      Name: strip\n      FunctionCode: |\n{}\n    Type: AWS::CloudFront::Function\n  Other:\n    Type: AWS::S3::Bucket\n",
            code.lines().map(|l| format!("        {l}")).collect::<Vec<_>>().join("\n")
        );
        let f = cfn_yaml(&yaml);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].resource.as_str(), f[0].name.as_deref()),
            ("Strip", Some("strip"))
        );
        assert!(strip_prefixes(f[0].code.as_deref().unwrap()).is_some());
        let json = serde_json::json!({"Resources": {"Strip": {"Type": CFN_TYPE,
            "Properties": {"FunctionCode": code, "Name": {"Fn::Sub": "${AWS::StackName}-strip"}}}}});
        let f = cfn_json(&json.to_string());
        assert_eq!((f.len(), f[0].name.clone()), (1, None));
        assert!(f[0].code.is_some());
        let hcl = format!(
            "resource \"aws_cloudfront_function\" \"strip\" {{\n  name = \"strip\"\n  code = <<-EOT\n{}\n  EOT\n}}\n",
            code.lines().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n")
        );
        let f = terraform(&hcl);
        assert_eq!(f[0].resource, "aws_cloudfront_function.strip");
        assert!(strip_prefixes(f[0].code.as_deref().unwrap()).is_some());
        assert!(terraform(
            "resource \"aws_cloudfront_function\" \"x\" {\n  code = file(\"x.js\")\n}\n"
        )[0]
        .code
        .is_none());
        assert!(cfn_yaml("a: [").is_empty());
    }

    #[test]
    fn whole_identifiers_only() {
        assert!(mentions("!GetAtt Strip.FunctionARN", "Strip"));
        assert!(!mentions("!GetAtt StripAll.FunctionARN", "Strip"));
        assert!(mentions(
            "aws_cloudfront_function.strip.arn",
            "aws_cloudfront_function.strip"
        ));
        assert!(!mentions(
            "aws_cloudfront_function.strip_v2.arn",
            "aws_cloudfront_function.strip"
        ));
    }
}
