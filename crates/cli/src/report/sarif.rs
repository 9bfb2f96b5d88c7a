//! The SARIF 2.1.0 report, for code scanning dashboards.
//!
//! Every rule is described in `tool.driver.rules`; regions use `columnKind: utf16CodeUnits`
//! (apifront's columns are UTF-16 code units); each result names its distribution as a logical
//! location; unparseable inputs are tool execution notifications.

use super::InputReport;
use crate::input::STDIN_NAME;
use apifront_core::lint::{docs_markdown, Rule, Severity};
use apifront_core::rules;
use apifront_core::source::LocatedFinding;
use apifront_core::span::Span;
use serde_json::{json, Value};

/// The SARIF schema URI written in `$schema`.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The project page, for `informationUri`.
const INFORMATION_URI: &str = "https://github.com/apifront/apifront";

/// The SARIF log of `inputs`.
pub fn render(inputs: &[InputReport]) -> Value {
    let rules = rules::all();
    let results: Vec<Value> = inputs
        .iter()
        .flat_map(|input| {
            input
                .findings()
                .iter()
                .map(move |f| result(input, f, rules))
        })
        .collect();
    let notifications: Vec<Value> = inputs.iter().filter_map(notification).collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "apifront",
                    "version": apifront_core::VERSION,
                    "semanticVersion": apifront_core::VERSION,
                    "informationUri": INFORMATION_URI,
                    "rules": rules.iter().map(|r| rule(r)).collect::<Vec<_>>(),
                }
            },
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    })
}

/// `error`, `warning` or `note`.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(r: &Rule) -> Value {
    let mut value = json!({
        "id": r.slug,
        "shortDescription": { "text": r.summary },
        "fullDescription": { "text": r.docs.what_it_does },
        "help": {
            "text": format!("{}\n\n{}\n\nRun `apifront explain {}` for examples.",
                r.docs.what_it_does, r.docs.why_bad, r.slug),
            "markdown": docs_markdown(r),
        },
        "defaultConfiguration": { "level": level(r.default_severity) },
        "properties": {
            "tags": [kebab(&r.category)],
            "fix": kebab(&r.fix),
            "since": r.since,
        },
    });
    if let Some(uri) = r.docs.references.iter().find(|u| u.starts_with("https://")) {
        value["helpUri"] = json!(uri);
    }
    value
}

fn kebab<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn result(input: &InputReport, f: &LocatedFinding, rules: &[&Rule]) -> Value {
    let mut value = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": [{
            "physicalLocation": physical(input.name(f.file), f.span),
            "logicalLocations": [{
                "name": f.distribution,
                "fullyQualifiedName": f.distribution,
                "kind": "resource",
            }],
        }],
        "properties": { "path": f.path },
    });
    if let Some(index) = rules.iter().position(|r| r.slug == f.rule) {
        value["ruleIndex"] = json!(index);
    }
    if !f.related.is_empty() {
        value["relatedLocations"] = f
            .related
            .iter()
            .enumerate()
            .map(|(id, (at, note))| {
                json!({
                    "id": id,
                    "physicalLocation": physical(input.name(at.file), at.span),
                    "message": { "text": note },
                })
            })
            .collect();
    }
    if let Some(fix) = &f.fix {
        // One artifact change per file the fix edits, in the order first edited.
        let mut files: Vec<usize> = Vec::new();
        for (file, _) in &fix.edits {
            if !files.contains(file) {
                files.push(*file);
            }
        }
        let changes: Vec<Value> = files
            .iter()
            .map(|file| {
                json!({
                    "artifactLocation": { "uri": uri(input.name(*file)) },
                    "replacements": fix.edits.iter().filter(|(f, _)| f == file).map(|(_, e)| json!({
                        "deletedRegion": { "byteOffset": e.start, "byteLength": e.end - e.start },
                        "insertedContent": { "text": e.replacement },
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        value["fixes"] = json!([{
            "description": { "text": fix.description },
            "artifactChanges": changes,
        }]);
        value["properties"]["fixSafe"] = json!(fix.safe);
    }
    value
}

fn physical(name: &str, span: Span) -> Value {
    json!({
        "artifactLocation": { "uri": uri(name) },
        "region": {
            "startLine": span.line.max(1),
            "startColumn": span.column.max(1),
            "endLine": span.end_line.max(span.line).max(1),
            "endColumn": span.end_column.max(1),
            "byteOffset": span.start,
            "byteLength": span.end.saturating_sub(span.start),
        },
    })
}

fn notification(input: &InputReport) -> Option<Value> {
    let failure = input.failure()?;
    let mut location = json!({
        "physicalLocation": { "artifactLocation": { "uri": uri(&failure.file.name) } }
    });
    if failure.line > 0 {
        location["physicalLocation"]["region"] =
            json!({ "startLine": failure.line, "startColumn": failure.column.max(1) });
    }
    let text = match failure.hint {
        Some(hint) => format!("{} (hint: {hint})", failure.message),
        None => failure.message,
    };
    Some(json!({
        "level": "error",
        "message": { "text": text },
        "locations": [location],
    }))
}

/// A relative URI reference for a path: `/` separators, reserved characters percent-encoded.
fn uri(name: &str) -> String {
    if name == STDIN_NAME {
        return "stdin".into();
    }
    let mut out = String::new();
    for b in name.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("a dir/tëst.yaml"), "a%20dir/t%C3%ABst.yaml");
        assert_eq!(uri(STDIN_NAME), "stdin");
    }
}
