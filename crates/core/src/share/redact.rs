//! Redacting values that look secret before they go into a share link.
//!
//! In the state: strings containing a `{{resolve:` dynamic reference, and header values (a
//! `value` next to a `name` under a key mentioning headers, or keys such as `header_value` and
//! `secret_value`). In pasted text: origin custom header values and `{{resolve:…}}` references.

use super::{SharedFile, SharedTrace};
use crate::lint::edit::Editor;
use crate::lint::Edit;
use crate::model::Document;
use crate::parse::parse_sources;
use crate::source::{Role, Sources};
use crate::span::LineIndex;
use serde_json::Value;

/// What a redacted value is replaced with.
pub const REDACTED: &str = "REDACTED";
/// The start of a CloudFormation dynamic reference.
const RESOLVE: &str = "{{resolve:";
/// Deepest nesting walked in a state (deeper values are left as they are: states are shallow).
const MAX_DEPTH: usize = 64;

/// Redacts secret-looking strings of a serialised state in place, noting each path.
pub fn state(value: &mut Value, redacted: &mut Vec<String>) {
    walk(value, "state", false, 0, redacted);
}

fn walk(value: &mut Value, path: &str, in_headers: bool, depth: usize, out: &mut Vec<String>) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Object(map) => {
            let has_name = map.contains_key("name");
            for (key, child) in map.iter_mut() {
                let child_path = format!("{path}.{key}");
                let lower = key.to_ascii_lowercase().replace('-', "_");
                let secret_key = lower.contains("header_value")
                    || lower.contains("headervalue")
                    || lower.contains("secret_value")
                    || (in_headers && has_name && lower == "value");
                if secret_key && is_nonempty_string(child) {
                    *child = Value::String(REDACTED.into());
                    out.push(child_path);
                    continue;
                }
                let headers = in_headers || lower.contains("header");
                walk(child, &child_path, headers, depth + 1, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                walk(item, &format!("{path}[{i}]"), in_headers, depth + 1, out);
            }
        }
        Value::String(s) if s.contains(RESOLVE) => {
            *s = REDACTED.into();
            out.push(path.to_string());
        }
        _ => {}
    }
}

fn is_nonempty_string(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|s| !s.is_empty() && s != REDACTED)
}

/// The pasted text with secret values redacted, or `None` when it does not parse (secrets
/// cannot be located then, so the text is left out).
#[cfg(test)]
pub fn text(text: &str, redacted: &mut Vec<String>) -> Option<String> {
    files(vec![SharedFile::config(text)], redacted)
        .pop()
        .map(|f| f.text)
}

/// How redaction messages name a file: its name, or "text" for the one unnamed text.
fn label(file: &SharedFile) -> &str {
    if file.name.is_empty() {
        "text"
    } else {
        &file.name
    }
}

/// The pasted files with secret values redacted. The configuration files are read together (a
/// Terraform module's files make one model): origin custom header values are redacted where
/// the model has them; when they do not parse, secrets cannot be located and they are left out.
/// API definitions are kept. `{{resolve:…}}` references are redacted in every file.
pub fn files(files: Vec<SharedFile>, redacted: &mut Vec<String>) -> Vec<SharedFile> {
    let (mut configs, definitions): (Vec<SharedFile>, Vec<SharedFile>) =
        files.into_iter().partition(|f| f.role == Role::Config);
    if !configs.is_empty() {
        let sources =
            Sources::from_files(configs.iter().map(|f| (f.name.clone(), f.text.as_str())));
        match parse_sources(&sources) {
            Ok(doc) => {
                let edits = header_edits(&doc, sources.text());
                let index = LineIndex::new(sources.text());
                let mut per_file: Vec<Vec<Edit>> = vec![Vec::new(); configs.len()];
                for (edit, header) in edits {
                    if let Some((file, local)) = sources.local_edit(&edit) {
                        let line = sources.locate(index.span(edit.start, edit.end)).span.line;
                        redacted.push(format!(
                            "{} line {line}: value of origin header `{header}`",
                            label(&configs[file])
                        ));
                        per_file[file].push(local);
                    }
                }
                for (file, mut edits) in configs.iter_mut().zip(per_file) {
                    edits.sort_by_key(|e| std::cmp::Reverse((e.start, e.end)));
                    for e in edits {
                        if file.text.is_char_boundary(e.start) && file.text.is_char_boundary(e.end)
                        {
                            file.text.replace_range(e.start..e.end, &e.replacement);
                        }
                    }
                }
            }
            Err(_) => {
                let names: Vec<&str> = configs.iter().map(label).collect();
                redacted.push(if configs.len() == 1 {
                    format!(
                        "{}: left out, it does not parse, so secret values in it cannot be \
                         located (include secrets to share it as is)",
                        names[0]
                    )
                } else {
                    format!(
                        "{}: left out, they do not parse, so secret values in them cannot be \
                         located (include secrets to share them as they are)",
                        names.join(", ")
                    )
                });
                configs.clear();
            }
        }
    }
    configs
        .into_iter()
        .chain(definitions)
        .map(|mut f| {
            f.text = redact_resolve(&f.text, label(&f), redacted);
            f
        })
        .collect()
}

/// Edits that redact every origin custom header value of `doc` (parsed from `text`), with the
/// header's name; values met twice (in several branches of a template) are redacted once.
fn header_edits(doc: &Document, text: &str) -> Vec<(Edit, String)> {
    let editor = Editor::new(text, doc.format);
    let mut out = Vec::new();
    let mut seen = Vec::new();
    // Every branch of a template's conditions: a secret may sit in any of them.
    let branches = std::iter::once(doc).chain(&doc.variants);
    for dist in branches.flat_map(|d| &d.distributions) {
        for origin in &dist.origins {
            for header in &origin.custom_headers {
                let Some(value) = header.value.get() else {
                    continue;
                };
                if value.is_empty() || value == REDACTED || seen.contains(&header.value.span) {
                    continue;
                }
                seen.push(header.value.span);
                let name = header.name.get().map(String::as_str).unwrap_or("?");
                out.push((
                    editor.replace_string(header.value.span, REDACTED),
                    name.to_string(),
                ));
            }
        }
    }
    out
}

/// Redacts the values of request headers that carry credentials (`Authorization`, cookies, API
/// keys, tokens).
pub fn trace(trace: &mut SharedTrace, redacted: &mut Vec<String>) {
    for header in &mut trace.headers {
        let Some((name, value)) = header.split_once(':') else {
            continue;
        };
        let lower = name.trim().to_ascii_lowercase();
        let secret = matches!(
            lower.as_str(),
            "authorization" | "proxy-authorization" | "cookie" | "x-api-key"
        ) || lower.contains("token")
            || lower.contains("secret");
        if secret && !value.trim().is_empty() && value.trim() != REDACTED {
            redacted.push(format!("request header `{}`", name.trim()));
            *header = format!("{}: {REDACTED}", name.trim());
        }
    }
}

/// Replaces each `{{resolve:…}}` reference by `{{resolve:REDACTED}}`.
fn redact_resolve(text: &str, label: &str, redacted: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(RESOLVE) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let line = text.len() - rest.len() + at;
        let line = text[..line].matches('\n').count() + 1;
        let body = &from[RESOLVE.len()..];
        let end = body
            .find("}}")
            .map(|i| i + 2)
            .or_else(|| body.find(['\n', '"', '\'']))
            .unwrap_or(body.len());
        out.push_str(RESOLVE);
        out.push_str(REDACTED);
        out.push_str("}}");
        redacted.push(format!("{label} line {line}: dynamic reference"));
        rest = &body[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;
    use serde_json::json;

    #[test]
    fn redacts_resolve_and_header_values_in_state() {
        let mut v = json!({
            "protection": {"secret_name": "{{resolve:secretsmanager:x}}", "secret_header_name": "X-Origin-Verify"},
            "origin": {"custom_headers": [{"name": "X-Key", "value": "s3cr3t"}]},
            "plain": {"name": "n", "value": "kept"},
        });
        let mut out = Vec::new();
        state(&mut v, &mut out);
        assert_eq!(v["protection"]["secret_name"], REDACTED);
        assert_eq!(v["protection"]["secret_header_name"], "X-Origin-Verify");
        assert_eq!(v["origin"]["custom_headers"][0]["value"], REDACTED);
        assert_eq!(v["plain"]["value"], "kept");
        assert_eq!(
            out,
            vec![
                "state.origin.custom_headers[0].value",
                "state.protection.secret_name"
            ]
        );
    }

    #[test]
    fn redacts_header_values_and_references_in_text() {
        let text =
            include_str!("../../tests/fixtures/cli-json/get-distribution-config-rest-api.json");
        let mut out = Vec::new();
        let redacted = super::text(text, &mut out).unwrap();
        assert!(!redacted.contains("3f9c1a7e-shared-secret"));
        assert!(redacted.contains("\"HeaderValue\": \"REDACTED\""));
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0].starts_with("text line 24: value of origin header"),
            "{out:?}"
        );
        assert!(parse(&redacted).is_ok());

        let yaml = include_str!("../../tests/fixtures/reference/hardened.yaml");
        let mut out = Vec::new();
        let redacted = super::text(yaml, &mut out).unwrap();
        assert!(!redacted.contains("cdn/origin-verify"));
        assert!(redacted.contains("\"{{resolve:REDACTED}}\""), "{redacted}");
        assert_eq!(out, vec!["text line 60: dynamic reference"]);
    }

    #[test]
    fn header_values_in_every_branch_of_a_condition_are_redacted() {
        let text = "Parameters:
  Tier: {Type: String}
Conditions:
  Premium: !Equals [!Ref Tier, premium]
Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Origins:
          - Id: api
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginCustomHeaders:
              - HeaderName: X-Origin-Verify
                HeaderValue: !If [Premium, premium-secret-1, basic-secret-2]
        DefaultCacheBehavior: {TargetOriginId: api}
";
        let mut out = Vec::new();
        let redacted = super::text(text, &mut out).expect("parses");
        assert!(
            !redacted.contains("secret-1") && !redacted.contains("secret-2"),
            "{redacted}"
        );
        assert_eq!(out.len(), 2, "{out:?}");
    }

    #[test]
    fn a_module_is_redacted_across_its_files_and_definitions_are_kept() {
        let variables = "variable \"verify\" {\n  default = \"s3cr3t-from-var\"\n}\n";
        let cdn = r#"resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  origin {
    origin_id   = "api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
    custom_header {
      name  = "X-Origin-Verify"
      value = "inline-s3cr3t"
    }
  }
  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
  }
}
"#;
        let api = r#"{"openapi": "3.0.1", "info": {"title": "t {{resolve:ssm:x}}"}, "paths": {}}"#;
        let named = |name: &str, role, text: &str| SharedFile {
            name: name.into(),
            role,
            text: text.into(),
        };
        let mut out = Vec::new();
        let kept = files(
            vec![
                named("variables.tf", Role::Config, variables),
                named("cdn.tf", Role::Config, cdn),
                named("api.json", Role::ApiDefinition, api),
            ],
            &mut out,
        );
        assert_eq!(kept.len(), 3);
        assert_eq!(kept[0].text, variables, "no header value in this file");
        assert!(!kept[1].text.contains("inline-s3cr3t"), "{}", kept[1].text);
        assert!(kept[1].text.contains("value = \"REDACTED\""));
        assert_eq!(kept[2].role, Role::ApiDefinition);
        assert!(kept[2].text.contains("{{resolve:REDACTED}}"));
        assert_eq!(
            out,
            [
                "cdn.tf line 8: value of origin header `X-Origin-Verify`",
                "api.json line 1: dynamic reference"
            ]
        );
        // Files that do not parse together are left out; definitions stay.
        let mut out = Vec::new();
        let kept = files(
            vec![
                named("a.tf", Role::Config, "resource {"),
                named("b.tf", Role::Config, cdn),
                named("api.json", Role::ApiDefinition, api),
            ],
            &mut out,
        );
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].name, "api.json");
        assert!(out[0].starts_with("a.tf, b.tf: left out, they do not parse"));
    }

    #[test]
    fn credentials_in_a_traced_request_are_redacted() {
        let mut trace = SharedTrace {
            method: "POST".into(),
            url: "https://www.example.com/api".into(),
            headers: vec![
                "Authorization: Bearer eyJ.secret".into(),
                "Content-Type: application/json".into(),
                "x-api-key: k3y".into(),
                "X-Session-Token:  t".into(),
                "Cookie:".into(),
            ],
        };
        let mut out = Vec::new();
        super::trace(&mut trace, &mut out);
        assert_eq!(
            trace.headers,
            [
                "Authorization: REDACTED",
                "Content-Type: application/json",
                "x-api-key: REDACTED",
                "X-Session-Token: REDACTED",
                "Cookie:"
            ]
        );
        assert_eq!(out.len(), 3);
        assert_eq!(out[0], "request header `Authorization`");
    }

    #[test]
    fn unparseable_text_is_left_out() {
        let mut out = Vec::new();
        assert_eq!(super::text("{ nope", &mut out), None);
        assert!(out[0].contains("left out"));
    }

    #[test]
    fn unterminated_reference_is_cut_at_the_line_end() {
        let mut out = Vec::new();
        let s = redact_resolve("a: {{resolve:ssm:x\nb: 1 ü", "text", &mut out);
        assert_eq!(s, "a: {{resolve:REDACTED}}\nb: 1 ü");
    }
}
