//! The three states of a configuration value: known, unknown, or absent.
//!
//! A value that comes from an intrinsic function, a parameter, a variable or a dynamic reference
//! that cannot be resolved statically is *unknown*, never empty: rules skip unknown values instead
//! of guessing.

use crate::span::Span;
use serde::Serialize;

mod path;
pub use path::FieldPath;

/// Why a value could not be resolved statically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "kebab-case")]
pub enum Unknown {
    /// A CloudFormation intrinsic that cannot be evaluated here (`Fn::GetAtt`, `Fn::ImportValue`, …).
    Intrinsic(String),
    /// A CloudFormation parameter without a default, or a `NoEcho` one.
    Parameter { name: String, no_echo: bool },
    /// A `{{resolve:…}}` dynamic reference (SSM, Secrets Manager).
    DynamicReference(String),
    /// An expression that cannot be evaluated here: a Terraform variable without a default, a
    /// resource attribute or any other expression, as written; in CloudFormation, the
    /// canonical `Fn::Sub` form of a value built from unknown parts (`${Prefix}-api`), kept
    /// where values are compared (origin ids, `TargetOriginId`).
    Expression(String),
    /// A value of the wrong type or a malformed expression; the text says what was expected.
    Invalid(String),
    /// A value left to fill in (`<your-bucket>`, `REPLACE_ME`, `xxxxxxxx`), as written.
    Placeholder(String),
}

impl Unknown {
    /// A text that is equal for two unknown values when they are sure to be equal once
    /// deployed: the same parameter, the same dynamic reference or placeholder, or the same
    /// expression (whitespace runs count as one space). `None` when the reason does not say
    /// which value it is (an `Fn::GetAtt` without its arguments, a wrong type).
    ///
    /// Readers make this work by putting the expression's text in [`Unknown::Expression`]:
    /// Terraform its source text, CloudFormation its canonical `Fn::Sub` form. A reason is the
    /// whole value: a `Parameter` is a bare reference to it (`!Ref Prefix`), not a value built
    /// from it (`!Sub "${Prefix}-api"` is an `Expression`).
    pub fn expression_key(&self) -> Option<String> {
        match self {
            Unknown::Parameter { name, .. } => Some(format!("${{{name}}}")),
            Unknown::DynamicReference(text) => Some(format!("resolve:{text}")),
            Unknown::Placeholder(text) => Some(format!("placeholder:{text}")),
            Unknown::Expression(text) => Some(normalize_whitespace(text)),
            Unknown::Intrinsic(_) | Unknown::Invalid(_) => None,
        }
    }
}

/// `text` with every run of whitespace outside string literals turned into one space, and no
/// space at either end.
fn normalize_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut pending_space = false;
    for c in text.trim().chars() {
        if let Some(q) = quote {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        out.push(c);
    }
    out
}

/// A value in one of three states.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(tag = "state", content = "value", rename_all = "kebab-case")]
pub enum Val<T> {
    /// Set to a value we know.
    Known(T),
    /// Set, but to something we cannot evaluate.
    Unknown(Unknown),
    /// Not set at all (the service default applies).
    #[default]
    Absent,
}

/// A value with its source position and its path in the document.
///
/// For an absent value, `span` and `path` point at the object that would hold it, so a finding
/// can be placed and a fix can insert the key there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field<T> {
    pub val: Val<T>,
    pub span: Span,
    pub path: FieldPath,
}

impl<T> Default for Field<T> {
    fn default() -> Self {
        Self {
            val: Val::Absent,
            span: Span::default(),
            path: FieldPath::default(),
        }
    }
}

/// A list whose items keep their own positions (aliases, headers, methods, …).
pub type List = Field<Vec<Field<String>>>;

impl<T> Field<T> {
    /// The key as the input writes it (the last step of the field's path: `AuthType`,
    /// `authorization_type`), or `fallback` when the field has no path.
    pub fn written_key<'a>(&'a self, fallback: &'a str) -> &'a str {
        match self.path.rsplit(['.', '/']).next() {
            Some(key) if !key.is_empty() => key,
            _ => fallback,
        }
    }

    /// A known value at `span`/`path`.
    pub fn known(val: T, span: Span, path: impl Into<FieldPath>) -> Self {
        Self {
            val: Val::Known(val),
            span,
            path: path.into(),
        }
    }

    /// An unknown value at `span`/`path`.
    pub fn unknown(why: Unknown, span: Span, path: impl Into<FieldPath>) -> Self {
        Self {
            val: Val::Unknown(why),
            span,
            path: path.into(),
        }
    }

    /// An absent value; `span`/`path` name the parent object.
    pub fn absent(parent_span: Span, parent_path: impl Into<FieldPath>) -> Self {
        Self {
            val: Val::Absent,
            span: parent_span,
            path: parent_path.into(),
        }
    }

    /// The value when known.
    pub fn get(&self) -> Option<&T> {
        match &self.val {
            Val::Known(v) => Some(v),
            _ => None,
        }
    }

    /// True when the value is set, known or not.
    pub fn is_present(&self) -> bool {
        !matches!(self.val, Val::Absent)
    }

    /// True when the value is set to something unknown.
    pub fn is_unknown(&self) -> bool {
        matches!(self.val, Val::Unknown(_))
    }

    /// The [`Unknown::expression_key`] of an unknown value.
    pub fn expression_key(&self) -> Option<String> {
        match &self.val {
            Val::Unknown(why) => why.expression_key(),
            _ => None,
        }
    }
}

impl List {
    /// The known string items, skipping unknown ones; `None` unless the list itself is known.
    pub fn known_items(&self) -> Option<Vec<&str>> {
        self.get().map(|items| {
            items
                .iter()
                .filter_map(|f| f.get().map(String::as_str))
                .collect()
        })
    }

    /// True when the list is known and one of its known items satisfies `pred`.
    pub fn any_item(&self, pred: impl Fn(&str) -> bool) -> bool {
        self.get()
            .is_some_and(|items| items.iter().any(|f| f.get().is_some_and(|s| pred(s))))
    }

    /// True when the list is known and every item in it is known.
    pub fn fully_known(&self) -> bool {
        self.get()
            .is_some_and(|items| items.iter().all(|f| f.get().is_some()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expression_keys_ignore_whitespace_outside_strings() {
        let a = Unknown::Expression("\"${local.name}-api\"".into());
        let b = Unknown::Expression("  \"${local.name}-api\"\n".into());
        assert_eq!(a.expression_key(), b.expression_key());
        let c = Unknown::Expression("var.a  ?\n  \"x  y\" : \"z\"".into());
        assert_eq!(
            c.expression_key().as_deref(),
            Some("var.a ? \"x  y\" : \"z\"")
        );
        let d = Unknown::Expression("var.a ? \"x y\" : \"z\"".into());
        assert_ne!(c.expression_key(), d.expression_key());
    }

    #[test]
    fn parameters_and_invalid_values() {
        let p = Unknown::Parameter {
            name: "Prefix".into(),
            no_echo: false,
        };
        assert_eq!(p.expression_key().as_deref(), Some("${Prefix}"));
        assert_eq!(
            Unknown::Invalid("expected a string".into()).expression_key(),
            None
        );
        assert_eq!(
            Unknown::Intrinsic("Fn::GetAtt".into()).expression_key(),
            None
        );
    }
}
