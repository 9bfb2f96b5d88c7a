//! Redacting values that look secret before they go into a share link.
//!
//! In the state: strings containing a `{{resolve:` dynamic reference, and header values (a
//! `value` next to a `name` under a key mentioning headers, or keys such as `header_value` and
//! `secret_value`). In pasted text: origin custom header values and `{{resolve:…}}` references.

use crate::lint::edit::Editor;
use crate::lint::{apply_fixes, Edit, Finding, Fix, Severity};
use crate::parse::parse;
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
pub fn text(text: &str, redacted: &mut Vec<String>) -> Option<String> {
    let Ok(doc) = parse(text) else {
        redacted.push(
            "text: left out, it does not parse, so secret values in it cannot be located \
             (include secrets to share it as is)"
                .into(),
        );
        return None;
    };
    let editor = Editor::new(text, doc.format);
    let mut findings = Vec::new();
    let mut seen = Vec::new();
    // Every branch of a template's conditions: a secret may sit in any of them.
    let branches = std::iter::once(&doc).chain(&doc.variants);
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
                redacted.push(format!(
                    "text line {}: value of origin header `{name}`",
                    header.value.span.line
                ));
                findings.push(edit_finding(
                    editor.replace_string(header.value.span, REDACTED),
                ));
            }
        }
    }
    let text = apply_fixes(text, &findings, true);
    Some(redact_resolve(&text, redacted))
}

/// A carrier for one edit, so [`apply_fixes`] can apply the edits back to front.
fn edit_finding(edit: Edit) -> Finding {
    Finding {
        rule: "share-redaction".into(),
        severity: Severity::Info,
        message: String::new(),
        span: Default::default(),
        path: String::new(),
        distribution: String::new(),
        related: Vec::new(),
        fix: Some(Fix {
            safe: true,
            description: String::new(),
            edits: vec![edit],
        }),
    }
}

/// Replaces each `{{resolve:…}}` reference by `{{resolve:REDACTED}}`.
fn redact_resolve(text: &str, redacted: &mut Vec<String>) -> String {
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
        redacted.push(format!("text line {line}: dynamic reference"));
        rest = &body[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn unparseable_text_is_left_out() {
        let mut out = Vec::new();
        assert_eq!(super::text("{ nope", &mut out), None);
        assert!(out[0].contains("left out"));
    }

    #[test]
    fn unterminated_reference_is_cut_at_the_line_end() {
        let mut out = Vec::new();
        let s = redact_resolve("a: {{resolve:ssm:x\nb: 1 ü", &mut out);
        assert_eq!(s, "a: {{resolve:REDACTED}}\nb: 1 ü");
    }
}
