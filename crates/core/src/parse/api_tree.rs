//! Typed fields from a raw tree, for the API readers that walk definitions (OpenAPI bodies,
//! exported definitions) rather than resource properties.
//!
//! A node may stand for a value that cannot be known here: a CloudFormation intrinsic function
//! inside an inline `Body`, or a Terraform expression inside `jsonencode({…})` (which the
//! Terraform reader writes as a one-entry map under [`EXPRESSION_KEY`]). Such nodes give
//! unknown fields, never empty ones.

use crate::tree::{Node, NodeKind};
use crate::value::{Field, List, Unknown};

/// The key of the one-entry map that stands for a Terraform expression in a converted tree.
pub(crate) const EXPRESSION_KEY: &str = "${}";

/// Why a node's value is not known, when it is an expression.
pub(crate) fn unknown_of(node: &Node) -> Option<Unknown> {
    match node.as_map()? {
        [entry] if entry.key == EXPRESSION_KEY => Some(Unknown::Expression(
            entry.value.as_str().unwrap_or_default().to_string(),
        )),
        [entry] if entry.key == "Ref" || entry.key.starts_with("Fn::") => {
            Some(Unknown::Intrinsic(entry.key.to_string()))
        }
        _ => None,
    }
}

/// Converts a known value of a field.
pub(crate) fn convert<T, U>(f: Field<T>, conv: impl FnOnce(T) -> U) -> Field<U> {
    let val = match f.val {
        crate::value::Val::Known(v) => crate::value::Val::Known(conv(v)),
        crate::value::Val::Unknown(why) => crate::value::Val::Unknown(why),
        crate::value::Val::Absent => crate::value::Val::Absent,
    };
    Field {
        val,
        span: f.span,
        path: f.path,
    }
}

/// `base` + `/` + `key`.
pub(crate) fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}/{key}")
    }
}

/// A plain map (not an expression).
pub(crate) fn map<'n, 's>(node: &'n Node<'s>) -> Option<&'n [crate::tree::Entry<'s>]> {
    if unknown_of(node).is_some() {
        return None;
    }
    node.as_map()
}

/// The text of a scalar node (numbers and booleans as written).
pub(crate) fn scalar(node: &Node) -> Option<String> {
    match &node.kind {
        NodeKind::Str(s) => Some(s.to_string()),
        NodeKind::Number(n) => Some(n.to_string()),
        NodeKind::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A string field from `node` at `path`.
pub(crate) fn text(node: &Node, path: &str) -> Field<String> {
    match (unknown_of(node), scalar(node), &node.kind) {
        (Some(why), _, _) => Field::unknown(why, node.span, path),
        (None, Some(s), _) => Field::known(s, node.span, path),
        (None, None, NodeKind::Null) => Field::absent(node.span, path),
        _ => Field::unknown(
            Unknown::Expression(format!("expected a string, found {}", what(node))),
            node.span,
            path,
        ),
    }
}

/// A field of `key` of the map `parent` (at `parent_path`), converted by `conv`; absent
/// fields point at the parent.
pub(crate) fn field<T>(
    parent: &Node,
    parent_path: &str,
    key: &str,
    what: &str,
    conv: impl Fn(&str) -> Option<T>,
) -> Field<T> {
    let Some(node) = map(parent).and_then(|_| parent.get(key)) else {
        return absent_or_unknown(parent, parent_path);
    };
    let path = join(parent_path, key);
    let t = text(node, &path);
    match t.val {
        crate::value::Val::Known(s) => match conv(&s) {
            Some(v) => Field::known(v, t.span, path),
            None => Field::unknown(
                Unknown::Expression(format!("expected {what}, found {s:?}")),
                t.span,
                path,
            ),
        },
        crate::value::Val::Unknown(why) => Field::unknown(why, t.span, path),
        crate::value::Val::Absent => Field::absent(parent.span, parent_path),
    }
}

/// An absent field under `parent`, or an unknown one when `parent` itself is an expression.
fn absent_or_unknown<T>(parent: &Node, parent_path: &str) -> Field<T> {
    match unknown_of(parent) {
        Some(why) => Field::unknown(why, parent.span, parent_path),
        None => Field::absent(parent.span, parent_path),
    }
}

/// A string field of `key`.
pub(crate) fn str_at(parent: &Node, parent_path: &str, key: &str) -> Field<String> {
    field(parent, parent_path, key, "a string", |s| {
        Some(s.to_string())
    })
}

/// A boolean field of `key` (`true`/`false`, any case).
pub(crate) fn bool_at(parent: &Node, parent_path: &str, key: &str) -> Field<bool> {
    field(
        parent,
        parent_path,
        key,
        "true or false",
        super::reader::parse_bool,
    )
}

/// A whole-number field of `key`.
pub(crate) fn i64_at(parent: &Node, parent_path: &str, key: &str) -> Field<i64> {
    field(
        parent,
        parent_path,
        key,
        "a whole number",
        super::reader::parse_i64,
    )
}

/// A list of strings under `key`; a single string counts as a list of one, and with
/// `comma` a string is split at commas (`"GET,POST"`).
pub(crate) fn list_at(parent: &Node, parent_path: &str, key: &str, comma: bool) -> List {
    let Some(node) = map(parent).and_then(|_| parent.get(key)) else {
        return absent_or_unknown(parent, parent_path);
    };
    let path = join(parent_path, key);
    strings(node, &path, comma)
}

/// The strings of a list node (or of a string, split at commas when `comma`).
pub(crate) fn strings(node: &Node, path: &str, comma: bool) -> List {
    if let Some(why) = unknown_of(node) {
        return Field::unknown(why, node.span, path);
    }
    match &node.kind {
        NodeKind::Seq(items) => Field::known(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| text(item, &join(path, &i.to_string())))
                .collect(),
            node.span,
            path,
        ),
        NodeKind::Str(s) => {
            let parts: Vec<&str> = if comma {
                s.split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect()
            } else {
                vec![s.as_ref()]
            };
            Field::known(
                parts
                    .into_iter()
                    .map(|p| Field::known(p.to_string(), node.span, path))
                    .collect(),
                node.span,
                path,
            )
        }
        NodeKind::Null => Field::absent(node.span, path),
        _ => Field::unknown(
            Unknown::Expression(format!("expected a list, found {}", what(node))),
            node.span,
            path,
        ),
    }
}

fn what(node: &Node) -> &'static str {
    super::resolve::describe(node)
}
