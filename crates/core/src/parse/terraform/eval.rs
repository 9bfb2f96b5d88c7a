//! Typed field readers over one file of a module.
//!
//! Values are evaluated by [`Module::literal`]; anything it cannot evaluate becomes
//! [`Unknown::Expression`] with the expression's source text (layout normalised).

use super::lit::Lit;
use super::module::Module;
use super::normalize::normalize;
use crate::managed::{self, PolicyKind};
use crate::model::PolicyRef;
use crate::span::{LineIndex, Span};
use crate::value::{Field, List, Unknown};
use hcl_edit::expr::{Expression, Traversal, TraversalOperator, UnaryOperator};
use hcl_edit::structure::{Block, Body};
use hcl_edit::template::Element;
use std::cell::RefCell;

/// Resource types whose `.id` a policy or OAC attribute may reference.
const POLICY_RESOURCES: &[&str] = &[
    "aws_cloudfront_cache_policy",
    "aws_cloudfront_origin_request_policy",
    "aws_cloudfront_response_headers_policy",
    "aws_cloudfront_origin_access_control",
];

/// Reference roots that are not resource types.
const NON_RESOURCE_ROOTS: &[&str] = &[
    "var",
    "local",
    "data",
    "module",
    "each",
    "count",
    "path",
    "self",
    "terraform",
];

/// How many `local.a` → `local.b` steps [`Ctx::through_locals`] follows.
const MAX_LOCAL_CHAIN: usize = 16;

/// The span and path of a block: where its fields live, and where absent ones point.
#[derive(Debug, Clone)]
pub(super) struct Loc {
    pub span: Span,
    pub path: String,
}

impl Loc {
    /// The location of the nested single block `name` of this one.
    pub fn child(&self, ctx: &Ctx, block: &Block, name: &str) -> Loc {
        Loc {
            span: ctx.span_of(block),
            path: format!("{}.{name}", self.path),
        }
    }

    /// The location of the `i`-th repeated block `name` of this one.
    pub fn item(&self, ctx: &Ctx, block: &Block, name: &str, i: usize) -> Loc {
        Loc {
            span: ctx.span_of(block),
            path: format!("{}.{name}[{i}]", self.path),
        }
    }

    /// The path of attribute `key` of this block.
    pub fn key(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    /// An absent field of this block.
    pub fn absent<T>(&self) -> Field<T> {
        Field::absent(self.span, self.path.clone())
    }
}

/// The reference `expr` is: a traversal, or a string that is nothing but one interpolation of
/// it (`"${aws_api_gateway_rest_api.x.id}"`, the Terraform 0.11 spelling, which means the same).
pub(super) fn traversal(expr: &Expression) -> Option<&Traversal> {
    match expr {
        Expression::Traversal(t) => Some(t),
        Expression::Parenthesis(p) => traversal(p.inner()),
        Expression::StringTemplate(t) => match t.iter().collect::<Vec<_>>().as_slice() {
            [Element::Interpolation(i)] => traversal(&i.expr),
            _ => None,
        },
        _ => None,
    }
}

/// The names of a reference such as `aws_cloudfront_cache_policy.api.id` or
/// `data.aws_cloudfront_cache_policy.x.id`; indexes (`[0]`, `[count.index]`, `["a"]`) are
/// skipped, so an instance of a resource with `count` or `for_each` names the resource.
pub(super) fn ref_chain(t: &Traversal) -> Option<Vec<&str>> {
    let root = t.expr.as_variable()?;
    let mut names = vec![root.as_str()];
    for op in &t.operators {
        match op.value() {
            TraversalOperator::GetAttr(name) => names.push(name.as_str()),
            TraversalOperator::LegacyIndex(_) | TraversalOperator::Index(_) => {}
            TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => return None,
        }
    }
    Some(names)
}

/// The resource address (`type.name`) of a reference to one of its attributes.
pub(super) fn resource_address(expr: &Expression) -> Option<String> {
    let chain = ref_chain(traversal(expr)?)?;
    match chain.as_slice() {
        [rtype, name, _, ..] if !NON_RESOURCE_ROOTS.contains(rtype) => {
            Some(format!("{rtype}.{name}"))
        }
        _ => None,
    }
}

/// The value of attribute `key` of a body.
pub(super) fn attr<'b>(body: &'b Body, key: &str) -> Option<&'b Expression> {
    body.get_attribute(key).map(|a| &a.value)
}

/// The first nested block `name` of a body.
pub(super) fn block<'b>(body: &'b Body, name: &str) -> Option<&'b Block> {
    body.blocks().find(|b| b.ident.as_str() == name)
}

/// One file of a module: where its nodes sit in the buffer, and the module it belongs to.
pub(super) struct Ctx<'a> {
    pub module: &'a Module<'a>,
    /// The line index of the whole buffer (all files of the input).
    pub idx: &'a LineIndex<'a>,
    /// The file's text, which its parsed nodes' byte ranges index.
    pub text: &'a str,
    /// Byte offset of the file in the buffer.
    pub base: usize,
    /// Where the values read so far that are expressions start (see
    /// [`crate::model::Document::expressions`]); shared by the files of the module.
    pub expressions: &'a RefCell<Vec<usize>>,
}

impl<'a> Ctx<'a> {
    /// The span of a parsed node (empty at the file's start when the parser recorded none).
    pub fn span_of(&self, node: &impl hcl_edit::Span) -> Span {
        let r = node.span().unwrap_or(0..0);
        self.idx.span(self.base + r.start, self.base + r.end)
    }

    /// The span of a value, noting its start when it is written as an expression rather than
    /// a literal.
    pub fn value_span(&self, expr: &Expression) -> Span {
        let span = self.span_of(expr);
        if !is_literal(expr) {
            self.expressions.borrow_mut().push(span.start);
        }
        span
    }

    /// The source text of a parsed node.
    pub fn text_of(&self, node: &impl hcl_edit::Span) -> &'a str {
        node.span()
            .and_then(|r| self.text.get(r))
            .unwrap_or_default()
    }

    /// An unknown field for an expression that cannot be evaluated: its source text, with the
    /// layout normalised (see [`normalize`]).
    pub fn unknown<T>(&self, expr: &Expression, path: String) -> Field<T> {
        Field::unknown(
            Unknown::Expression(normalize(self.text_of(expr))),
            self.value_span(expr),
            path,
        )
    }

    /// The literal value of an expression (see [`Module::literal`]).
    pub fn literal(&self, expr: &Expression, depth: usize) -> Option<Lit> {
        self.module.literal(expr, depth)
    }

    /// The expression a chain of `local.x` references stands for (`expr` itself when it is not
    /// a bare `local.x`).
    pub fn through_locals<'e>(&self, mut expr: &'e Expression) -> &'e Expression
    where
        'a: 'e,
    {
        for _ in 0..MAX_LOCAL_CHAIN {
            let Some(chain) = traversal(expr).and_then(ref_chain) else {
                break;
            };
            let next = match chain.as_slice() {
                ["local", name] if traversal(expr).is_some_and(|t| t.operators.len() == 1) => {
                    self.module.local_expr(name)
                }
                _ => None,
            };
            match next {
                Some(e) => expr = e,
                None => break,
            }
        }
        expr
    }

    /// Attribute `key` of `body` converted with `conv`; absent (at `at`) when unset or `null`.
    fn field<T>(&self, body: &Body, key: &str, at: &Loc, conv: fn(Lit) -> Option<T>) -> Field<T> {
        let Some(expr) = attr(body, key) else {
            return at.absent();
        };
        match self.literal(expr, 0) {
            Some(Lit::Null) => at.absent(),
            Some(lit) => match conv(lit) {
                Some(v) => Field::known(v, self.value_span(expr), at.key(key)),
                None => self.unknown(expr, at.key(key)),
            },
            None => self.unknown(expr, at.key(key)),
        }
    }

    /// A string attribute.
    pub fn string(&self, body: &Body, key: &str, at: &Loc) -> Field<String> {
        self.field(body, key, at, Lit::into_string)
    }

    /// A whole-number attribute.
    pub fn int(&self, body: &Body, key: &str, at: &Loc) -> Field<i64> {
        self.field(body, key, at, Lit::into_int)
    }

    /// A bool attribute.
    pub fn boolean(&self, body: &Body, key: &str, at: &Loc) -> Field<bool> {
        self.field(body, key, at, Lit::into_bool)
    }

    /// A list-of-strings attribute; items of a written list keep their own spans.
    pub fn list(&self, body: &Body, key: &str, at: &Loc) -> List {
        let Some(expr) = attr(body, key) else {
            return at.absent();
        };
        let path = at.key(key);
        let span = self.value_span(expr);
        let items = match expr {
            Expression::Array(a) => a
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let item_path = format!("{path}[{i}]");
                    match self.literal(e, 0).and_then(Lit::into_string) {
                        Some(s) => Field::known(s, self.value_span(e), item_path),
                        None => self.unknown(e, item_path),
                    }
                })
                .collect(),
            _ => match self.literal(expr, 0) {
                Some(Lit::Null) => return at.absent(),
                Some(Lit::List(items)) => {
                    let mut fields = Vec::with_capacity(items.len());
                    for (i, item) in items.into_iter().enumerate() {
                        let item_path = format!("{path}[{i}]");
                        match item.into_string() {
                            Some(s) => fields.push(Field::known(s, span, item_path)),
                            None => fields.push(self.unknown(expr, item_path)),
                        }
                    }
                    fields
                }
                _ => return self.unknown(expr, path),
            },
        };
        Field::known(items, span, path)
    }

    /// A policy or OAC id attribute: a literal id, a sibling resource, or a data source lookup.
    pub fn policy(&self, body: &Body, key: &str, at: &Loc) -> Field<PolicyRef> {
        let Some(expr) = attr(body, key) else {
            return at.absent();
        };
        let path = at.key(key);
        let span = self.value_span(expr);
        let resolved = match self.literal(expr, 0) {
            Some(Lit::Null) => return at.absent(),
            Some(Lit::Str(id)) => Some(PolicyRef::Id(id)),
            Some(_) => None,
            None => traversal(self.through_locals(expr))
                .and_then(ref_chain)
                .and_then(|chain| match chain.as_slice() {
                    [rtype, name, "id"] if POLICY_RESOURCES.contains(rtype) => {
                        Some(PolicyRef::Local(format!("{rtype}.{name}")))
                    }
                    ["data", dtype, name, "id"] => {
                        self.data_policy_id(dtype, name).map(PolicyRef::Id)
                    }
                    _ => None,
                }),
        };
        match resolved {
            Some(r) => Field::known(r, span, path),
            None => self.unknown(expr, path),
        }
    }

    /// The id a `data "aws_cloudfront_*_policy"` source resolves to: its literal `id`, or the
    /// managed policy named by its literal `name`.
    fn data_policy_id(&self, dtype: &str, name: &str) -> Option<String> {
        if let Some(id) = self.module.data_attr(dtype, name, "id") {
            return id.into_string();
        }
        let kind = match dtype {
            "aws_cloudfront_cache_policy" => PolicyKind::Cache,
            "aws_cloudfront_origin_request_policy" => PolicyKind::OriginRequest,
            "aws_cloudfront_response_headers_policy" => PolicyKind::ResponseHeaders,
            _ => return None,
        };
        let policy_name = self.module.data_attr(dtype, name, "name")?.into_string()?;
        managed::id_by_name(kind, &policy_name).map(str::to_string)
    }
}

/// True when `expr` is written as a literal: a string without interpolation, a number (negative
/// too), a bool, `null`, a list or an object.
fn is_literal(expr: &Expression) -> bool {
    match expr {
        Expression::Null(_)
        | Expression::Bool(_)
        | Expression::Number(_)
        | Expression::String(_)
        | Expression::Array(_)
        | Expression::Object(_) => true,
        Expression::UnaryOp(op) => {
            op.operator.value() == &UnaryOperator::Neg && matches!(op.expr, Expression::Number(_))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests;
