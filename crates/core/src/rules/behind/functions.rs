//! What the functions of a behavior do to the request path before it reaches the origin.
//!
//! Only request events can change the path: CloudFront Functions on `viewer-request`,
//! Lambda@Edge on `viewer-request` and `origin-request`. apifront knows one function's code:
//! the prefix-stripping CloudFront Function its generator writes (the request trace recognises
//! it the same way), when its code is in the input. Any other request function may rewrite the
//! path: what reaches the API then depends on its code.

use crate::lint::LintContext;
use crate::model::{Behavior, FunctionAssociation};
use crate::render::plan::StripFunction;
use crate::trace::{FunctionCode, FunctionCodes};
use crate::value::Val;

/// The path rewriting of a behavior's request functions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rewrite {
    /// The prefixes the generator's function strips, in its order (empty: none).
    pub strip: Vec<String>,
    /// The request functions whose effect is not known, as people name them, with why.
    pub unknown: Vec<String>,
}

/// The path rewriting of `behavior`'s request functions.
pub fn rewrite(ctx: &LintContext, behavior: &Behavior) -> Rewrite {
    let mut out = Rewrite::default();
    if generated(ctx, behavior) {
        out.unknown
            .push("function associations made by a `dynamic` block (not read)".into());
        return out;
    }
    let request = |a: &&FunctionAssociation, events: &[&str]| {
        a.event_type
            .get()
            .is_none_or(|e| events.contains(&e.as_str()))
    };
    let functions: Vec<&FunctionAssociation> = behavior
        .function_associations
        .iter()
        .filter(|a| request(a, &["viewer-request"]))
        .collect();
    let edge = behavior
        .lambda_function_associations
        .iter()
        .filter(|a| request(a, &["viewer-request", "origin-request"]));
    for association in edge {
        out.unknown.push(format!(
            "Lambda@Edge function {} (its code is not read)",
            name(ctx, association)
        ));
    }
    if functions.is_empty() {
        return out;
    }
    // Read only when a behavior has a CloudFront Function: most inputs have none.
    let codes = ctx.function_codes();
    for association in functions {
        let found = find(codes, association, ctx.text);
        let prefixes = found
            .and_then(|f| f.code.as_deref())
            .and_then(strip_prefixes)
            .filter(|_| association.event_type.get().is_some());
        if let Some(prefixes) = prefixes {
            out.strip.extend(prefixes);
            continue;
        }
        let why = match found {
            None => "its code is not in the input",
            Some(f) if f.code.is_none() => "its code is not literal in the input",
            Some(_) => "its code is not one apifront recognises",
        };
        out.unknown.push(format!(
            "CloudFront Function {} ({why})",
            name(ctx, association)
        ));
    }
    out
}

/// True when a Terraform `dynamic` block makes the behavior's function associations.
fn generated(ctx: &LintContext, behavior: &Behavior) -> bool {
    if ctx.dist.dynamic_blocks.is_empty() {
        return false;
    }
    let at = match ctx
        .dist
        .behaviors
        .iter()
        .position(|b| std::ptr::eq(b, behavior))
    {
        Some(i) => format!("ordered_cache_behavior[{i}]"),
        None => "default_cache_behavior".into(),
    };
    ["function_association", "lambda_function_association"]
        .iter()
        .any(|block| ctx.dist.dynamic_blocks.contains(&format!("{at}.{block}")))
}

/// The function an association points at: by the name at the end of a literal ARN, or by the
/// resource its ARN expression names (`!GetAtt Strip.FunctionARN`).
fn find<'c>(
    codes: &'c FunctionCodes,
    association: &FunctionAssociation,
    text: &str,
) -> Option<&'c FunctionCode> {
    let field = &association.arn;
    if let Val::Known(arn) = &field.val {
        let name = arn.rsplit_once("function/").map(|(_, n)| n)?;
        return codes
            .functions
            .iter()
            .find(|f| f.name.as_deref() == Some(name));
    }
    let written = text.get(field.span.start..field.span.end)?;
    codes
        .functions
        .iter()
        .find(|f| mentions(written, &f.resource))
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

/// "`strip`" from a literal ARN, or the ARN's expression as written.
fn name(ctx: &LintContext, association: &FunctionAssociation) -> String {
    let field = &association.arn;
    let text = match &field.val {
        Val::Known(arn) => arn
            .rsplit_once("function/")
            .or_else(|| arn.rsplit_once("function:"))
            .map_or(arn.as_str(), |(_, n)| n),
        _ => ctx
            .text
            .get(field.span.start..field.span.end)
            .map(|s| s.trim().trim_matches('"'))
            .filter(|s| !s.is_empty() && s.len() <= 80)
            .unwrap_or("(unknown ARN)"),
    };
    format!("`{text}`")
}

/// The prefixes of the generator's strip-prefix function, when `code` is exactly that function
/// (whitespace aside).
fn strip_prefixes(code: &str) -> Option<Vec<String>> {
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

/// What the strip-prefix function does to a path.
pub fn strip<'p>(prefixes: &[String], path: &'p str) -> std::borrow::Cow<'p, str> {
    for p in prefixes {
        if let Some(rest) = path
            .strip_prefix(p.as_str())
            .filter(|r| r.is_empty() || r.starts_with('/'))
        {
            return if rest.is_empty() {
                "/".into()
            } else {
                rest.into()
            };
        }
    }
    path.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_generated_function_only() {
        let code = StripFunction {
            prefixes: vec!["/api".into(), "/v1".into()],
        }
        .code();
        assert_eq!(
            strip_prefixes(&code),
            Some(vec!["/api".into(), "/v1".into()])
        );
        let indented: String = code.lines().map(|l| format!("    {l}\n")).collect();
        assert!(strip_prefixes(&indented).is_some());
        assert_eq!(strip_prefixes(&code.replace("break;", "")), None);
        assert_eq!(
            strip_prefixes("function handler(e) { return e.request; }"),
            None
        );
    }

    #[test]
    fn strips_like_the_function() {
        let p = vec!["/api".to_string()];
        assert_eq!(strip(&p, "/api/users"), "/users");
        assert_eq!(strip(&p, "/api"), "/");
        assert_eq!(strip(&p, "/apiary"), "/apiary");
        assert!(mentions("!GetAtt Strip.FunctionARN", "Strip"));
        assert!(!mentions("!GetAtt StripAll.FunctionARN", "Strip"));
    }
}
