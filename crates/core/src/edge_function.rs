//! What a CloudFront Function's code does to the origin: calls of the origin modification
//! helpers of the `cloudfront` module (runtime 2.0, viewer-request only):
//! `cf.updateRequestOrigin({…})`, `cf.selectRequestOriginById(id, {…})` and
//! `cf.createRequestOriginGroup({…})`.
//!
//! The code is scanned, not run: strings and comments are skipped, the module's import name is
//! followed (`import cf from 'cloudfront'`), and the top-level keys of the object given to
//! `updateRequestOrigin` are read when their values are string literals (`domainName`,
//! `hostHeader`) or an empty object (`customHeaders: {}`). Anything else is "set, value not
//! known". Whether a call runs for every request (it may sit in an `if`) is not decided.
//!
//! Source: <https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/helper-functions-origin-modification.html>

use crate::model::{CloudFrontFunction, Document, FunctionAssociation};

/// An origin modification helper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Helper {
    UpdateRequestOrigin,
    SelectRequestOriginById,
    CreateRequestOriginGroup,
}

impl Helper {
    /// The helper's name as called (`updateRequestOrigin`).
    pub fn name(self) -> &'static str {
        match self {
            Helper::UpdateRequestOrigin => "updateRequestOrigin",
            Helper::SelectRequestOriginById => "selectRequestOriginById",
            Helper::CreateRequestOriginGroup => "createRequestOriginGroup",
        }
    }
}

/// A value given to a helper: a string literal, or something else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setting {
    Literal(String),
    Expression,
}

/// One call of a helper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelperCall {
    pub helper: Helper,
    /// `domainName` of `updateRequestOrigin`.
    pub domain_name: Option<Setting>,
    /// `hostHeader` (any helper that takes one).
    pub host_header: Option<Setting>,
    /// `customHeaders: {}`: the origin's custom headers are reset.
    pub resets_custom_headers: bool,
}

impl HelperCall {
    /// True when the call may send the request to another host than the static origin's.
    pub fn changes_origin(&self) -> bool {
        match self.helper {
            Helper::UpdateRequestOrigin => self.domain_name.is_some(),
            Helper::SelectRequestOriginById | Helper::CreateRequestOriginGroup => true,
        }
    }
}

/// The helper calls in a function's code (empty when it calls none).
pub fn helper_calls(code: &str) -> Vec<HelperCall> {
    let clean = blank_comments(code);
    let Some(module) = module_name(&clean) else {
        return Vec::new();
    };
    let mut calls = Vec::new();
    for helper in [
        Helper::UpdateRequestOrigin,
        Helper::SelectRequestOriginById,
        Helper::CreateRequestOriginGroup,
    ] {
        let needle = format!("{module}.{}", helper.name());
        for (at, _) in clean.match_indices(&needle) {
            if in_string(&clean, at) {
                continue;
            }
            let before = clean[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.') {
                continue;
            }
            let rest = &clean[at + needle.len()..];
            let Some(args) = rest.trim_start().strip_prefix('(') else {
                continue;
            };
            let object = args
                .find('{')
                .filter(|i| helper != Helper::SelectRequestOriginById || args[..*i].contains(','))
                .and_then(|i| balanced(&args[i..]));
            let keys = object.map(top_level_keys).unwrap_or_default();
            let get = |k: &str| {
                keys.iter()
                    .find(|(name, _)| name == k)
                    .map(|(_, v)| v.clone())
            };
            calls.push(HelperCall {
                helper,
                domain_name: (helper == Helper::UpdateRequestOrigin)
                    .then(|| get("domainName"))
                    .flatten(),
                host_header: get("hostHeader"),
                resets_custom_headers: keys
                    .iter()
                    .any(|(k, v)| k == "customHeaders" && *v == Setting::Literal("{}".into())),
            });
        }
    }
    calls
}

/// True when byte `at` of `code` (comments blanked) is inside a string literal.
fn in_string(code: &str, at: usize) -> bool {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in code.char_indices() {
        if i >= at {
            break;
        }
        match quote {
            Some(_) if escaped => escaped = false,
            Some(_) if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '\'' | '"' | '`') => quote = Some(c),
            None => {}
        }
    }
    quote.is_some()
}

/// The name the code imports the `cloudfront` module as.
fn module_name(code: &str) -> Option<String> {
    for (at, _) in code.match_indices("import ") {
        let rest = &code[at + "import ".len()..];
        let Some((name, tail)) = rest.split_once(" from ") else {
            continue;
        };
        let tail = tail.trim_start();
        let from_cloudfront = ["'cloudfront'", "\"cloudfront\""]
            .iter()
            .any(|m| tail.starts_with(m));
        let name = name.trim();
        if from_cloudfront
            && !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        {
            return Some(name.to_string());
        }
    }
    None
}

/// `code` with comments replaced by spaces (string literals kept).
fn blank_comments(code: &str) -> String {
    let bytes: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    let mut quote: Option<char> = None;
    while i < bytes.len() {
        let c = bytes[i];
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' && i + 1 < bytes.len() {
                    out.push(bytes[i + 1]);
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && bytes.get(i + 1) == Some(&'/') => {
                while i < bytes.len() && bytes[i] != '\n' {
                    out.push(' ');
                    i += 1;
                }
                continue;
            }
            None if c == '/' && bytes.get(i + 1) == Some(&'*') => {
                while i < bytes.len() && !(bytes[i] == '*' && bytes.get(i + 1) == Some(&'/')) {
                    out.push(if bytes[i] == '\n' { '\n' } else { ' ' });
                    i += 1;
                }
                out.push_str("  ");
                i += 2;
                continue;
            }
            None => {
                if matches!(c, '\'' | '"' | '`') {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
        i += 1;
    }
    out
}

/// The text of the balanced `{…}` at the start of `text`, braces included.
fn balanced(text: &str) -> Option<&str> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' | '`' => quote = Some(c),
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(&text[..=i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The top-level `key: value` pairs of an object literal `{…}`: string literal values (and an
/// empty `{}`) as literals, anything else as an expression.
fn top_level_keys(object: &str) -> Vec<(String, Setting)> {
    let inner = &object[1..object.len().saturating_sub(1)];
    let mut out = Vec::new();
    for entry in split_top_level(inner) {
        let Some((key, value)) = entry.split_once(':') else {
            continue;
        };
        let key = key
            .trim()
            .trim_matches(|c| c == '\'' || c == '"')
            .to_string();
        let value = value.trim();
        let literal = ['\'', '"', '`'].iter().find_map(|q| {
            let v = value.strip_prefix(*q)?.strip_suffix(*q)?;
            let interpolated = *q == '`' && v.contains("${");
            (!v.contains(*q) && !interpolated).then(|| v.to_string())
        });
        let setting = match literal {
            Some(v) => Setting::Literal(v),
            None if value.replace(char::is_whitespace, "") == "{}" => Setting::Literal("{}".into()),
            None => Setting::Expression,
        };
        out.push((key, setting));
    }
    out
}

/// `text` split at the commas outside brackets and strings.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' | '`' => quote = Some(c),
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

/// The CloudFront Function of the input an association points at: by the resource its ARN
/// refers to, or by the name at the end of a literal ARN (`…:function/name`).
pub fn function_of<'a>(
    doc: &'a Document,
    association: &FunctionAssociation,
) -> Option<&'a CloudFrontFunction> {
    if let Some(r) = &association.function_ref {
        if let Some(f) = doc.cloudfront_functions.iter().find(|f| &f.name == r) {
            return Some(f);
        }
    }
    let arn = association.arn.get()?;
    let name = arn.rsplit_once("function/").map(|(_, n)| n)?;
    doc.cloudfront_functions
        .iter()
        .find(|f| f.function_name.get().is_some_and(|n| n == name))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROUTER: &str = "import cf from 'cloudfront';
function handler(event) {
  var req = event.request;
  // cf.updateRequestOrigin({ domainName: 'commented.example.com' });
  if (req.headers['x-region'] && req.headers['x-region'].value === 'us') {
    cf.updateRequestOrigin({
      domainName: 'f6g7h8i9j0.execute-api.us-east-1.amazonaws.com',
      originPath: '/prod',
      hostHeader: req.headers.host.value,
      timeouts: { readTimeout: 30, responseCompletionTimeout: 60 },
      customHeaders: {}
    });
  }
  return req;
}";

    #[test]
    fn reads_update_request_origin() {
        let calls = helper_calls(ROUTER);
        assert_eq!(calls.len(), 1, "{calls:?}");
        let c = &calls[0];
        assert_eq!(c.helper, Helper::UpdateRequestOrigin);
        assert_eq!(
            c.domain_name,
            Some(Setting::Literal(
                "f6g7h8i9j0.execute-api.us-east-1.amazonaws.com".into()
            ))
        );
        assert_eq!(c.host_header, Some(Setting::Expression));
        assert!(c.resets_custom_headers);
        assert!(c.changes_origin());
    }

    #[test]
    fn follows_the_import_name_and_the_other_helpers() {
        let code = "import origins from \"cloudfront\";\nfunction handler(e) { origins.selectRequestOriginById('alb', { hostHeader: 'api.example.com' }); return e.request; }";
        let calls = helper_calls(code);
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].helper, Helper::SelectRequestOriginById);
        assert_eq!(
            calls[0].host_header,
            Some(Setting::Literal("api.example.com".into()))
        );
        // Without the import, or in a string, nothing is a helper call.
        assert!(helper_calls("function handler(e) { cf.updateRequestOrigin({}); }").is_empty());
        assert!(helper_calls(
            "import cf from 'cloudfront';\nvar s = 'cf.updateRequestOrigin({})';"
        )
        .is_empty());
        // Only the host header: the origin is the static one.
        let host_only = helper_calls(
            "import cf from 'cloudfront';\ncf.updateRequestOrigin({hostHeader: 'x.example.com'});",
        );
        assert!(!host_only[0].changes_origin());
    }
}
