//! The three states of a configuration value: known, unknown, or absent.
//!
//! A value that comes from an intrinsic function, a parameter, a variable or a dynamic reference
//! that cannot be resolved statically is *unknown*, never empty: rules skip unknown values instead
//! of guessing.

use crate::span::Span;
use serde::Serialize;

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
    /// A Terraform variable without a default, a resource attribute, or an expression.
    Expression(String),
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
    pub path: String,
}

impl<T> Default for Field<T> {
    fn default() -> Self {
        Self {
            val: Val::Absent,
            span: Span::default(),
            path: String::new(),
        }
    }
}

/// A list whose items keep their own positions (aliases, headers, methods, …).
pub type List = Field<Vec<Field<String>>>;

impl<T> Field<T> {
    /// A known value at `span`/`path`.
    pub fn known(val: T, span: Span, path: impl Into<String>) -> Self {
        Self {
            val: Val::Known(val),
            span,
            path: path.into(),
        }
    }

    /// An unknown value at `span`/`path`.
    pub fn unknown(why: Unknown, span: Span, path: impl Into<String>) -> Self {
        Self {
            val: Val::Unknown(why),
            span,
            path: path.into(),
        }
    }

    /// An absent value; `span`/`path` name the parent object.
    pub fn absent(parent_span: Span, parent_path: impl Into<String>) -> Self {
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

    /// True when the list is known and every item in it is known.
    pub fn fully_known(&self) -> bool {
        self.get()
            .is_some_and(|items| items.iter().all(|f| f.get().is_some()))
    }
}
