//! What a module declares across its files — variables and their values, locals, data sources,
//! resources — and the static evaluation of expressions over it.
//!
//! Only what is certain is evaluated: literals, `var.x` (a value from a `.tfvars` file, else its
//! `default`), `local.x`, object attributes and list elements of those, conditionals whose
//! condition is known, `==` / `!=` / `&&` / `||` / `!`, and the string and collection functions
//! of [`super::funcs`]. `validation` blocks give no value. Anything else is unknown.

use super::eval::attr;
use super::funcs;
use super::lit::Lit;
use crate::parse::MAX_DEPTH;
use hcl_edit::expr::{
    BinaryOperator, Expression, ObjectKey, Traversal, TraversalOperator, UnaryOperator,
};
use hcl_edit::structure::Body;
use hcl_edit::template::Element;
use hcl_edit::Number;
use std::cell::RefCell;
use std::collections::HashMap;

/// The evaluation state of a local value.
#[derive(Debug, Clone)]
enum Memo {
    /// Being evaluated: a reference back to it is a cycle.
    Busy,
    Done(Option<Lit>),
}

/// Variables, locals, data sources and resources of a module (one or more files).
#[derive(Default)]
pub(super) struct Module<'a> {
    /// `variable "x"` blocks and their `default`, if any.
    variables: HashMap<&'a str, Option<&'a Expression>>,
    /// Values set by `.tfvars` files, the last file that sets a variable winning.
    values: HashMap<String, Lit>,
    locals: HashMap<&'a str, &'a Expression>,
    /// `data "type" "name"` bodies by (type, name).
    data: HashMap<(&'a str, &'a str), &'a Body>,
    /// `resource "type" "name"` bodies by (type, name).
    resources: HashMap<(&'a str, &'a str), &'a Body>,
    /// Literal domain names of the module's API Gateway custom domains.
    pub custom_domains: Vec<String>,
    locals_memo: RefCell<HashMap<&'a str, Memo>>,
}

impl<'a> Module<'a> {
    /// Indexes the configuration bodies of a module; `values` are the variable values of its
    /// `.tfvars` files.
    pub fn new(bodies: impl IntoIterator<Item = &'a Body>, values: HashMap<String, Lit>) -> Self {
        let mut m = Module {
            values,
            ..Module::default()
        };
        for body in bodies {
            for b in body.blocks() {
                let labels: Vec<&str> = b.labels.iter().map(|l| l.as_str()).collect();
                match (b.ident.as_str(), labels.as_slice()) {
                    ("variable", [name]) => {
                        m.variables.insert(name, attr(&b.body, "default"));
                    }
                    ("locals", []) => {
                        for a in b.body.attributes() {
                            m.locals.insert(a.key.as_str(), &a.value);
                        }
                    }
                    ("data", [dtype, name]) => {
                        m.data.insert((dtype, name), &b.body);
                    }
                    ("resource", [rtype, name]) => {
                        m.resources.insert((rtype, name), &b.body);
                    }
                    _ => {}
                }
            }
        }
        let mut domains: Vec<String> = m
            .resources
            .iter()
            .filter(|((rtype, _), _)| {
                matches!(
                    *rtype,
                    "aws_api_gateway_domain_name" | "aws_apigatewayv2_domain_name"
                )
            })
            .filter_map(|(_, body)| attr(body, "domain_name"))
            .filter_map(|e| m.literal(e, 0).and_then(Lit::into_string))
            .collect();
        domains.sort();
        m.custom_domains = domains;
        m
    }

    /// The body of `resource "rtype" "name"`.
    pub fn resource(&self, rtype: &str, name: &str) -> Option<&'a Body> {
        self.resources.get(&(rtype, name)).copied()
    }

    /// The body of `data "dtype" "name"`.
    pub fn data(&self, dtype: &str, name: &str) -> Option<&'a Body> {
        self.data.get(&(dtype, name)).copied()
    }

    /// The value of `var.name`: from a `.tfvars` file, else the declared default.
    pub fn variable(&self, name: &str, depth: usize) -> Option<Lit> {
        if let Some(v) = self.values.get(name) {
            return Some(v.clone());
        }
        self.literal((*self.variables.get(name)?)?, depth + 1)
    }

    /// The expression of `local.name`.
    pub fn local_expr(&self, name: &str) -> Option<&'a Expression> {
        self.locals.get(name).copied()
    }

    /// The value of `local.name`, evaluated once; a cycle is unknown.
    pub fn local(&self, name: &str, depth: usize) -> Option<Lit> {
        let (&key, &expr) = self.locals.get_key_value(name)?;
        if let Some(memo) = self.locals_memo.borrow().get(key) {
            return match memo {
                Memo::Busy => None,
                Memo::Done(v) => v.clone(),
            };
        }
        self.locals_memo.borrow_mut().insert(key, Memo::Busy);
        let value = self.literal(expr, depth + 1);
        self.locals_memo
            .borrow_mut()
            .insert(key, Memo::Done(value.clone()));
        value
    }

    /// The literal value of an expression, when it is certain.
    pub fn literal(&self, expr: &Expression, depth: usize) -> Option<Lit> {
        if depth > MAX_DEPTH {
            return None;
        }
        let d = depth + 1;
        match expr {
            Expression::Null(_) => Some(Lit::Null),
            Expression::Bool(b) => Some(Lit::Bool(*b.value())),
            Expression::Number(n) => Some(Lit::Num(*n.value())),
            Expression::String(s) => Some(Lit::Str(s.value().clone())),
            Expression::Array(a) => a
                .iter()
                .map(|e| self.literal(e, d))
                .collect::<Option<Vec<_>>>()
                .map(Lit::List),
            Expression::Object(o) => o
                .iter()
                .map(|(k, v)| {
                    let key = match k {
                        ObjectKey::Ident(i) => i.as_str().to_string(),
                        ObjectKey::Expression(e) => self.literal(e, d)?.into_string()?,
                    };
                    Some((key, self.literal(v.expr(), d)?))
                })
                .collect::<Option<Vec<_>>>()
                .map(Lit::Map),
            Expression::StringTemplate(t) => {
                let mut out = String::new();
                for element in t.iter() {
                    match element {
                        Element::Literal(s) => out.push_str(s.value()),
                        Element::Interpolation(i) => {
                            out.push_str(&self.literal(&i.expr, d)?.into_string()?);
                        }
                        Element::Directive(_) => return None,
                    }
                }
                Some(Lit::Str(out))
            }
            Expression::Parenthesis(p) => self.literal(p.inner(), d),
            Expression::Traversal(t) => self.traverse(t, d),
            Expression::Conditional(c) => {
                let branch = if self.literal(&c.cond_expr, d)?.into_bool()? {
                    &c.true_expr
                } else {
                    &c.false_expr
                };
                self.literal(branch, d)
            }
            Expression::FuncCall(call) => funcs::call(self, call, d),
            Expression::UnaryOp(op) => {
                let value = self.literal(&op.expr, d)?;
                match (op.operator.value(), value) {
                    (UnaryOperator::Not, v) => Some(Lit::Bool(!v.into_bool()?)),
                    (UnaryOperator::Neg, Lit::Num(n)) => Some(Lit::Num(-n)),
                    _ => None,
                }
            }
            Expression::BinaryOp(op) => {
                let lhs = self.literal(&op.lhs_expr, d)?;
                let rhs = self.literal(&op.rhs_expr, d)?;
                match op.operator.value() {
                    BinaryOperator::Eq => Some(Lit::Bool(lhs == rhs)),
                    BinaryOperator::NotEq => Some(Lit::Bool(lhs != rhs)),
                    BinaryOperator::And => Some(Lit::Bool(lhs.into_bool()? && rhs.into_bool()?)),
                    BinaryOperator::Or => Some(Lit::Bool(lhs.into_bool()? || rhs.into_bool()?)),
                    _ => None,
                }
            }
            Expression::Variable(_) | Expression::HeredocTemplate(_) | Expression::ForExpr(_) => {
                None
            }
        }
    }

    /// `var.x…`, `local.x…`, or attributes and elements of another value.
    fn traverse(&self, t: &Traversal, depth: usize) -> Option<Lit> {
        let ops = &t.operators;
        let first = ops.first().map(|op| op.value());
        let (mut value, rest) = match (&t.expr, first) {
            (Expression::Variable(root), Some(TraversalOperator::GetAttr(name))) => {
                let value = match root.as_str() {
                    "var" => self.variable(name.as_str(), depth)?,
                    "local" => self.local(name.as_str(), depth)?,
                    _ => return None,
                };
                (value, ops.get(1..).unwrap_or_default())
            }
            (Expression::Variable(_), _) => return None,
            (root, _) => (self.literal(root, depth)?, ops.as_slice()),
        };
        for op in rest {
            value = match op.value() {
                TraversalOperator::GetAttr(name) => value.get(name.as_str())?.clone(),
                TraversalOperator::Index(e) => value.index(&self.literal(e, depth)?)?.clone(),
                TraversalOperator::LegacyIndex(i) => {
                    value.index(&Lit::Num(Number::from(*i.value())))?.clone()
                }
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => return None,
            };
        }
        Some(value)
    }

    /// The id a `data "aws_cloudfront_*_policy"` source resolves to: its literal `id`, or the
    /// managed policy named by its literal `name`.
    pub fn data_attr(&self, dtype: &str, name: &str, key: &str) -> Option<Lit> {
        self.literal(attr(self.data(dtype, name)?, key)?, 0)
    }
}
