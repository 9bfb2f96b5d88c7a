//! `aws lambda get-function-url-config` and `aws lambda get-policy` output given beside AWS CLI
//! JSON (`apifront lint dist.json --api url.json --api policy.json`, the app's API definition
//! tabs): the function URL becomes a [`LambdaUrl`] (and a [`FunctionUrl`] of the API model) and
//! is the origin whose host is its URL's; every `Allow` statement of the policy becomes a
//! [`LambdaPermission`] per action, so `lambda-url-oac-permissions` judges them as it judges a
//! template's.
//!
//! The policy is a JSON document inside a JSON string (`"Policy": "{\"Version\": …}"`): it is
//! unescaped with the offset of every byte kept, so each permission's fields point at their
//! text inside the string.

use super::api_cfn;
use super::aws_output::{aws_output_error, of_tree, AwsOutput};
use super::json_tokens;
use super::reader::{Dialect, Obj, Reader};
use super::resolve::Literal;
use super::ParseError;
use crate::api::{AttachNote, FunctionUrl};
use crate::lint::origin_name;
use crate::model::{Document, LambdaPermission, LambdaUrl};
use crate::source::Sources;
use crate::span::{LineIndex, Span};
use crate::tree::Node;
use crate::value::{Field, Unknown};

/// Reads file `file` of `sources` into `doc` when it is one of the two outputs; what became of
/// it, for people. `None` when the file is neither (or not well-formed JSON).
pub(super) fn read(doc: &mut Document, sources: &Sources, file: usize) -> Option<AttachNote> {
    let at = sources.files().get(file)?;
    let text = sources.file_text(file);
    let body = text.trim_start_matches('\u{feff}');
    // A cheap look first: most definitions are neither, and some are large.
    if !(body.contains("\"Policy\"") || body.contains("\"FunctionUrl\"")) {
        return None;
    }
    let idx = LineIndex::new(sources.text());
    let root = json_tokens::build(body, at.start + text.len() - body.len(), &idx)?;
    let (attached, message) = match of_tree(&root)?.0 {
        AwsOutput::FunctionUrlConfig => url(doc, &root),
        AwsOutput::LambdaPolicy => policy(doc, &root, sources.text(), &idx),
        _ => return None,
    };
    Some(AttachNote {
        definition: at.name.clone(),
        attached,
        message,
    })
}

/// The error for one of the two outputs written as YAML (`--output yaml`), which is read as JSON
/// only; `None` for any other text.
pub(super) fn yaml_error(text: &str) -> Option<ParseError> {
    if super::opens_an_object(text) {
        return None;
    }
    let (output, mut error) = aws_output_error(text)?;
    if !output.read_beside_cli_json() {
        return None;
    }
    error.message = format!(
        "this is the output of `{}` as YAML: beside AWS CLI JSON apifront reads it as JSON only; \
         run the command again with `--output json`",
        output.command()
    );
    Some(error)
}

/// The function's name from its ARN (`arn:aws:lambda:…:function:name[:qualifier]`).
fn function_name(arn: &str) -> &str {
    match arn.split_once(":function:") {
        Some((_, rest)) => rest.split(':').next().unwrap_or(rest),
        None => arn,
    }
}

/// The function URL of `get-function-url-config` output, linked to the origins whose host is
/// its URL's; whether one is, and what became of it.
fn url(doc: &mut Document, root: &Node) -> (bool, String) {
    let literal = Literal::default();
    let mut r = Reader::new(Dialect::Cli, &literal);
    let obj = Obj::map(root, "");
    let function = r.str(&obj, "FunctionArn");
    let name = function
        .get()
        .map_or("the function", |arn| function_name(arn.trim()))
        .to_string();
    let auth_type = r.str(&obj, "AuthType");
    let c = r.obj(&obj, "Cors");
    let cors = c.present().then(|| api_cfn::cors(&mut r, &c));
    let address = r.str(&obj, "FunctionUrl");
    let host = address.get().map(|u| {
        let u = u.trim();
        let u = u.strip_prefix("https://").unwrap_or(u);
        u.trim_end_matches('/').to_ascii_lowercase()
    });
    doc.api_model.function_urls.push(FunctionUrl {
        name: name.clone(),
        span: root.span,
        path: Default::default(),
        auth_type: auth_type.clone(),
        invoke_mode: r.str(&obj, "InvokeMode"),
        cors,
    });
    doc.lambda_urls.push(LambdaUrl {
        name: name.clone(),
        span: root.span,
        path: Default::default(),
        auth_type,
        function,
        function_ref: None,
    });
    let mut linked = Vec::new();
    for dist in &mut doc.distributions {
        for origin in &mut dist.origins {
            let same = origin
                .domain_name
                .get()
                .zip(host.as_deref())
                .is_some_and(|(d, h)| d.trim().eq_ignore_ascii_case(h));
            if same {
                origin.lambda_url_ref = Some(name.clone());
                linked.push(format!("{} of `{}`", origin_name(origin), dist.name));
            }
        }
    }
    let said = match (linked.is_empty(), host) {
        (false, _) => format!("the function URL of `{name}` is {}", linked.join(", ")),
        (true, Some(h)) => format!(
            "no origin has the function URL's host `{h}`: the function URL of `{name}` is not used"
        ),
        (true, None) => format!("the function URL of `{name}` has no `FunctionUrl`"),
    };
    (!linked.is_empty(), said)
}

/// The permissions of `get-policy` output: one per action of each `Allow` statement; whether
/// there is one, and how many were read.
fn policy(doc: &mut Document, root: &Node, buffer: &str, idx: &LineIndex) -> (bool, String) {
    let Some(node) = root.get("Policy") else {
        return (false, "the output has no policy".to_string());
    };
    let inner = node.span.start + 1..node.span.end.saturating_sub(1);
    let Some((text, offsets)) = buffer
        .get(inner.clone())
        .and_then(|raw| unescape(raw, inner.start))
    else {
        return (
            false,
            "the policy is not a JSON string: its permissions are not read".to_string(),
        );
    };
    let local = LineIndex::new(&text);
    let Some(policy) = json_tokens::build(&text, 0, &local) else {
        return (
            false,
            "the policy is not well-formed JSON: its permissions are not read".to_string(),
        );
    };
    let place = |s: Span| {
        let at = |i: usize| offsets.get(i).copied().unwrap_or(inner.end);
        idx.span(at(s.start), at(s.end))
    };
    let statements: Vec<&Node> = match policy.get("Statement") {
        Some(s) => s
            .as_seq()
            .map_or_else(|| vec![s], |items| items.iter().collect()),
        None => Vec::new(),
    };
    let before = doc.lambda_permissions.len();
    for (i, statement) in statements.into_iter().enumerate() {
        if statement.get("Effect").and_then(Node::as_str) != Some("Allow") {
            continue;
        }
        let path = format!("Policy.Statement[{i}]");
        let name = statement
            .get("Sid")
            .and_then(Node::as_str)
            .map_or_else(|| format!("statement {}", i + 1), str::to_string);
        let field = |node: Option<&Node>, key: &str| -> Field<String> {
            let path = format!("{path}.{key}");
            match node {
                Some(n) => match n.as_str() {
                    Some(s) => Field::known(s.to_string(), place(n.span), path),
                    None => Field::unknown(
                        Unknown::Invalid(format!("`{key}` is not one string")),
                        place(n.span),
                        path,
                    ),
                },
                None => Field::absent(place(statement.span), path),
            }
        };
        let principal = statement.get("Principal");
        let principal = match ["Service", "AWS"]
            .iter()
            .find_map(|k| Some((*k, principal?.get(k)?)))
        {
            Some((k, inner)) => field(Some(inner), &format!("Principal.{k}")),
            None => field(principal, "Principal"),
        };
        let condition = |key: &str| {
            let value = statement
                .get("Condition")
                .and_then(Node::as_map)
                .unwrap_or_default()
                .iter()
                .filter_map(|operator| operator.value.as_map())
                .flatten()
                .find(|e| e.key.eq_ignore_ascii_case(key))
                .map(|e| &e.value);
            field(value, key)
        };
        let actions: Vec<&Node> = match statement.get("Action") {
            Some(a) => a
                .as_seq()
                .map_or_else(|| vec![a], |items| items.iter().collect()),
            None => Vec::new(),
        };
        for action in actions {
            doc.lambda_permissions.push(LambdaPermission {
                name: name.clone(),
                span: place(statement.span),
                path: path.as_str().into(),
                function: field(statement.get("Resource"), "Resource"),
                function_ref: None,
                action: field(Some(action), "Action"),
                principal: principal.clone(),
                source_arn: condition("AWS:SourceArn"),
                source_account: condition("AWS:SourceAccount"),
            });
        }
    }
    let read = doc.lambda_permissions.len() - before;
    let said = match read {
        1 => "1 permission read from the policy".to_string(),
        n => format!("{n} permissions read from the policy"),
    };
    (read > 0, said)
}

/// The text of a JSON string's content `raw` (without its quotes), which starts at `base` in
/// the buffer, with the buffer offset of every byte of the text and one past its end; `None`
/// for a malformed escape.
fn unescape(raw: &str, base: usize) -> Option<(String, Vec<usize>)> {
    let mut text = String::with_capacity(raw.len());
    let mut offsets = Vec::with_capacity(raw.len() + 1);
    let mut rest = raw.char_indices();
    while let Some((i, c)) = rest.next() {
        let decoded = if c == '\\' {
            match rest.next()?.1 {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => {
                    let high = hex4(&mut rest)?;
                    if (0xD800..0xDC00).contains(&high) {
                        if rest.next()?.1 != '\\' || rest.next()?.1 != 'u' {
                            return None;
                        }
                        let low = hex4(&mut rest)?
                            .checked_sub(0xDC00)
                            .filter(|l| *l < 0x400)?;
                        char::from_u32(0x10000 + ((high - 0xD800) << 10) + low)?
                    } else {
                        char::from_u32(high)?
                    }
                }
                _ => return None,
            }
        } else {
            c
        };
        offsets.extend(std::iter::repeat_n(base + i, decoded.len_utf8()));
        text.push(decoded);
    }
    offsets.push(base + raw.len());
    Some((text, offsets))
}

/// The four hex digits of a `\u` escape.
fn hex4(rest: &mut std::str::CharIndices) -> Option<u32> {
    let digits: String = rest.take(4).map(|(_, c)| c).collect();
    (digits.len() == 4)
        .then(|| u32::from_str_radix(&digits, 16).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescaping_keeps_each_byte_offset() {
        let (text, offsets) = unescape(r#"{\"a\":\"\u00e9\/\ud83d\ude00\"}"#, 10).expect("text");
        assert_eq!(text, "{\"a\":\"é/😀\"}");
        // `{` at 10, `"` of `\"` at 11, `a` at 13; `é` (two bytes) both at the `\u` at 19.
        assert_eq!(&offsets[..3], &[10, 11, 13]);
        let e = text.find('é').expect("é");
        assert_eq!((offsets[e], offsets[e + 1]), (19, 19));
        assert_eq!(offsets[text.len()], 10 + 32);
        assert_eq!(unescape(r"\x", 0), None);
        assert_eq!(unescape(r"\u12", 0), None);
        assert_eq!(unescape(r"\ud83d", 0), None);
    }
}
