//! Static evaluation of HCL expressions and typed field readers.
//!
//! Only what is certain is evaluated: literals, `var.x` whose `default` is a literal, `local.x`
//! whose value is a literal, and string templates built from those. Anything else becomes
//! [`Unknown::Expression`] with the expression's source text.

use crate::managed::{self, PolicyKind};
use crate::model::PolicyRef;
use crate::parse::MAX_DEPTH;
use crate::span::{LineIndex, Span};
use crate::value::{Field, List, Unknown};
use hcl_edit::expr::{Expression, Traversal, TraversalOperator};
use hcl_edit::structure::{Block, Body};
use hcl_edit::template::Element;
use hcl_edit::Number;
use std::collections::HashMap;

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

/// A statically known HCL value.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Lit {
    Str(String),
    Num(Number),
    Bool(bool),
    Null,
    List(Vec<Lit>),
}

impl Lit {
    /// The value as Terraform would convert it to a string.
    pub fn into_string(self) -> Option<String> {
        match self {
            Lit::Str(s) => Some(s),
            Lit::Num(n) => Some(n.to_string()),
            Lit::Bool(b) => Some(b.to_string()),
            Lit::Null | Lit::List(_) => None,
        }
    }

    /// The value as a whole number (Terraform converts numeric strings).
    pub fn into_int(self) -> Option<i64> {
        match self {
            Lit::Num(n) => n.as_i64(),
            Lit::Str(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// The value as a bool (Terraform converts `"true"` / `"false"`).
    pub fn into_bool(self) -> Option<bool> {
        match self {
            Lit::Bool(b) => Some(b),
            Lit::Str(s) => s.parse().ok(),
            _ => None,
        }
    }
}

/// The names of a reference such as `aws_cloudfront_cache_policy.api.id` or
/// `data.aws_cloudfront_cache_policy.x.id`; numeric indexes (`[0]`) are skipped.
pub(super) fn ref_chain(t: &Traversal) -> Option<Vec<&str>> {
    let root = t.expr.as_variable()?;
    let mut names = vec![root.as_str()];
    for op in &t.operators {
        match op.value() {
            TraversalOperator::GetAttr(name) => names.push(name.as_str()),
            TraversalOperator::LegacyIndex(_) => {}
            TraversalOperator::Index(Expression::Number(_)) => {}
            _ => return None,
        }
    }
    Some(names)
}

/// The resource address (`type.name`) of a reference to one of its attributes.
pub(super) fn resource_address(expr: &Expression) -> Option<String> {
    let chain = ref_chain(expr.as_traversal()?)?;
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

/// Variables, locals and data sources of one file, and the text they came from.
pub(super) struct Ctx<'a> {
    pub idx: &'a LineIndex<'a>,
    /// `variable "x"` blocks and their `default`, if any.
    variables: HashMap<&'a str, Option<&'a Expression>>,
    locals: HashMap<&'a str, &'a Expression>,
    /// `data "type" "name"` bodies by (type, name).
    data: HashMap<(&'a str, &'a str), &'a Body>,
    /// Literal domain names of API Gateway custom domains in the file.
    pub custom_domains: Vec<String>,
}

impl<'a> Ctx<'a> {
    /// Indexes the variables, locals and data sources of a file body.
    pub fn new(body: &'a Body, idx: &'a LineIndex<'a>) -> Self {
        let mut ctx = Ctx {
            idx,
            variables: HashMap::new(),
            locals: HashMap::new(),
            data: HashMap::new(),
            custom_domains: Vec::new(),
        };
        for b in body.blocks() {
            let labels: Vec<&str> = b.labels.iter().map(|l| l.as_str()).collect();
            match (b.ident.as_str(), labels.as_slice()) {
                ("variable", [name]) => {
                    ctx.variables.insert(name, attr(&b.body, "default"));
                }
                ("locals", []) => {
                    for a in b.body.attributes() {
                        ctx.locals.insert(a.key.as_str(), &a.value);
                    }
                }
                ("data", [dtype, name]) => {
                    ctx.data.insert((dtype, name), &b.body);
                }
                _ => {}
            }
        }
        ctx
    }

    /// The span of a parsed node (empty at 0 when the parser recorded none).
    pub fn span_of(&self, node: &impl hcl_edit::Span) -> Span {
        let r = node.span().unwrap_or(0..0);
        self.idx.span(r.start, r.end)
    }

    /// The source text of a parsed node.
    pub fn text_of(&self, node: &impl hcl_edit::Span) -> String {
        node.span()
            .and_then(|r| self.idx.text().get(r))
            .unwrap_or_default()
            .to_string()
    }

    /// An unknown field for an expression that cannot be evaluated.
    pub fn unknown<T>(&self, expr: &Expression, path: String) -> Field<T> {
        Field::unknown(
            Unknown::Expression(self.text_of(expr)),
            self.span_of(expr),
            path,
        )
    }

    /// The literal value of an expression, resolving `var.x` defaults and `local.x`.
    pub fn literal(&self, expr: &Expression, depth: usize) -> Option<Lit> {
        if depth > MAX_DEPTH {
            return None;
        }
        match expr {
            Expression::Null(_) => Some(Lit::Null),
            Expression::Bool(b) => Some(Lit::Bool(*b.value())),
            Expression::Number(n) => Some(Lit::Num(*n.value())),
            Expression::String(s) => Some(Lit::Str(s.value().clone())),
            Expression::Array(a) => a
                .iter()
                .map(|e| self.literal(e, depth + 1))
                .collect::<Option<Vec<_>>>()
                .map(Lit::List),
            Expression::StringTemplate(t) => {
                let mut out = String::new();
                for element in t.iter() {
                    match element {
                        Element::Literal(s) => out.push_str(s.value()),
                        Element::Interpolation(i) => {
                            out.push_str(&self.literal(&i.expr, depth + 1)?.into_string()?);
                        }
                        Element::Directive(_) => return None,
                    }
                }
                Some(Lit::Str(out))
            }
            Expression::Parenthesis(p) => self.literal(p.inner(), depth + 1),
            Expression::Traversal(t) => match ref_chain(t)?.as_slice() {
                ["var", name] => self.literal((*self.variables.get(name)?)?, depth + 1),
                ["local", name] => self.literal(self.locals.get(name)?, depth + 1),
                _ => None,
            },
            _ => None,
        }
    }

    /// Attribute `key` of `body` converted with `conv`; absent (at `at`) when unset or `null`.
    fn field<T>(&self, body: &Body, key: &str, at: &Loc, conv: fn(Lit) -> Option<T>) -> Field<T> {
        let Some(expr) = attr(body, key) else {
            return at.absent();
        };
        match self.literal(expr, 0) {
            Some(Lit::Null) => at.absent(),
            Some(lit) => match conv(lit) {
                Some(v) => Field::known(v, self.span_of(expr), at.key(key)),
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
        let span = self.span_of(expr);
        let items = match expr {
            Expression::Array(a) => a
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let item_path = format!("{path}[{i}]");
                    match self.literal(e, 0).and_then(Lit::into_string) {
                        Some(s) => Field::known(s, self.span_of(e), item_path),
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
        let span = self.span_of(expr);
        let resolved =
            match self.literal(expr, 0) {
                Some(Lit::Null) => return at.absent(),
                Some(Lit::Str(id)) => Some(PolicyRef::Id(id)),
                Some(_) => None,
                None => expr.as_traversal().and_then(ref_chain).and_then(|chain| {
                    match chain.as_slice() {
                        [rtype, name, "id"] if POLICY_RESOURCES.contains(rtype) => {
                            Some(PolicyRef::Local(format!("{rtype}.{name}")))
                        }
                        ["data", dtype, name, "id"] => {
                            self.data_policy_id(dtype, name).map(PolicyRef::Id)
                        }
                        _ => None,
                    }
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
        let body = self.data.get(&(dtype, name))?;
        if let Some(id) = attr(body, "id").and_then(|e| self.literal(e, 0)) {
            return id.into_string();
        }
        let kind = match dtype {
            "aws_cloudfront_cache_policy" => PolicyKind::Cache,
            "aws_cloudfront_origin_request_policy" => PolicyKind::OriginRequest,
            "aws_cloudfront_response_headers_policy" => PolicyKind::ResponseHeaders,
            _ => return None,
        };
        let policy_name = attr(body, "name")
            .and_then(|e| self.literal(e, 0))
            .and_then(Lit::into_string)?;
        managed::id_by_name(kind, &policy_name).map(str::to_string)
    }
}
