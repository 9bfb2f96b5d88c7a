//! Origin host names: literals, and expressions classified by what they can be.
//!
//! An expression is evaluated to a [`Shape`] (literal text with holes), or to several when a
//! conditional's condition is not known: resource attributes have documented shapes
//! (`aws_api_gateway_stage.s.invoke_url` is `https://{id}.execute-api.{region}.amazonaws.com/{stage}`),
//! variables and locals are followed, and `replace`, `trimprefix`, `trimsuffix`, `split`,
//! `element`, indexing, `regex` (the usual URL-to-host patterns), `format`, `join`, `lower`,
//! `upper`, `coalesce` and templates are computed on shapes. The origin's kind is what every
//! alternative agrees on; it is a URL (not a host) only when every alternative is one.

use super::eval::{attr, ref_chain, traversal, Ctx, Loc};
use super::funcs::is_regex;
use super::lit::Lit;
use super::shape::{Hole, Refs, Shape};
use crate::model::OriginKind;
use crate::parse::distribution::classify_shape;
use crate::parse::MAX_DEPTH;
use crate::value::Field;
use hcl_edit::expr::{Expression, FuncCall, Traversal, TraversalOperator};
use hcl_edit::structure::Body;
use hcl_edit::template::Element;
use std::cell::Cell;

/// Most alternatives followed (conditionals nested or in sequence); more make the host unknown.
const MAX_ALTERNATIVES: usize = 8;
/// Most expression nodes evaluated for one host: locals referring to locals stay cheap.
const BUDGET: usize = 2_000;

/// What an origin's `domain_name` says about its host.
pub(super) struct Host {
    pub domain_name: Field<String>,
    pub kind: OriginKind,
    /// The value is a URL or a host with a path (whatever its unknown parts hold), not a host.
    pub is_url: bool,
    pub api_ref: Option<String>,
    pub lambda_url_ref: Option<String>,
    pub distribution_ref: Option<String>,
}

/// Resolves the `domain_name` attribute of an origin block.
pub(super) fn resolve(ctx: &Ctx, body: &Body, at: &Loc) -> Host {
    let domain_name = ctx.string(body, "domain_name", at);
    let custom: Vec<&str> = ctx
        .module
        .custom_domains
        .iter()
        .map(String::as_str)
        .collect();
    let mut host = Host {
        kind: OriginKind::Unknown,
        is_url: false,
        api_ref: None,
        lambda_url_ref: None,
        distribution_ref: None,
        domain_name,
    };
    if let Some(name) = host.domain_name.get() {
        // A literal URL (`https://host/stage`) still says what its host is; the rules read the
        // literal text itself.
        (host.kind, _) = classify_shape(name, &custom);
        return host;
    }
    let Some(expr) = attr(body, "domain_name") else {
        return host;
    };
    let eval = Eval {
        ctx,
        budget: Cell::new(BUDGET),
    };
    let alternatives = eval.value(expr, 0).alternatives();
    let mut classified = alternatives.iter().map(|a| match a {
        Abs::Str(shape) => classify(shape, &custom),
        _ => (OriginKind::Unknown, false, Refs::default()),
    });
    let Some(first) = classified.next() else {
        return host;
    };
    let (kind, is_url, refs) = classified.fold(first, |(k1, u1, r1), (k2, u2, r2)| {
        (
            join(k1, k2),
            u1 && u2,
            Refs {
                api: r1.api.filter(|a| r2.api.as_ref() == Some(a)),
                lambda_url: r1.lambda_url.filter(|a| r2.lambda_url.as_ref() == Some(a)),
                distribution: r1
                    .distribution
                    .filter(|a| r2.distribution.as_ref() == Some(a)),
                custom_domain: r1.custom_domain && r2.custom_domain,
            },
        )
    });
    host.kind = kind;
    host.is_url = is_url;
    host.api_ref = refs.api;
    host.lambda_url_ref = refs.lambda_url;
    host.distribution_ref = refs.distribution;
    host
}

/// The kind, URL-ness and references of one alternative.
fn classify(shape: &Shape, custom: &[&str]) -> (OriginKind, bool, Refs) {
    let (mut kind, has_scheme) = classify_shape(&shape.pattern(), custom);
    if shape.refs.custom_domain && matches!(kind, OriginKind::Unknown | OriginKind::Other) {
        kind = OriginKind::ApiGatewayCustomDomain;
    }
    (
        kind,
        has_scheme || shape.is_not_a_host(),
        shape.refs.clone(),
    )
}

/// What two alternatives agree on: the same kind, with the parts they do not agree on unknown.
fn join(a: OriginKind, b: OriginKind) -> OriginKind {
    let same = |x: Option<String>, y: Option<String>| x.filter(|v| y.as_ref() == Some(v));
    match (a, b) {
        (
            OriginKind::ApiGatewayDefault {
                api_id: i1,
                region: r1,
            },
            OriginKind::ApiGatewayDefault {
                api_id: i2,
                region: r2,
            },
        ) => OriginKind::ApiGatewayDefault {
            api_id: same(i1, i2),
            region: same(r1, r2),
        },
        (OriginKind::LambdaUrl { region: r1 }, OriginKind::LambdaUrl { region: r2 }) => {
            OriginKind::LambdaUrl {
                region: same(r1, r2),
            }
        }
        (a, b) if a == b => a,
        _ => OriginKind::Unknown,
    }
}

/// An abstract value.
#[derive(Debug, Clone, PartialEq)]
enum Abs {
    Str(Shape),
    List(Vec<Abs>),
    /// One of these, depending on something not known (a conditional's condition).
    Either(Vec<Abs>),
    Unknown,
}

impl Abs {
    /// The values this can be, one level of [`Abs::Either`] flattened.
    fn alternatives(self) -> Vec<Abs> {
        match self {
            Abs::Either(items) => items.into_iter().flat_map(Abs::alternatives).collect(),
            other => vec![other],
        }
    }

    /// One of `items`; unknown when there are too many.
    fn either(items: Vec<Abs>) -> Abs {
        let mut flat: Vec<Abs> = Vec::new();
        for item in items.into_iter().flat_map(Abs::alternatives) {
            if !flat.contains(&item) {
                flat.push(item);
            }
        }
        match flat.len() {
            1 => flat.pop().unwrap_or(Abs::Unknown),
            n if n > MAX_ALTERNATIVES => Abs::Unknown,
            _ => Abs::Either(flat),
        }
    }

    /// `f` applied to each alternative.
    fn map(self, f: &mut impl FnMut(Abs) -> Abs) -> Abs {
        match self {
            Abs::Either(items) => Abs::either(items.into_iter().map(&mut *f).collect()),
            other => f(other),
        }
    }

    /// A string value as a shape: an unknown value is a hole that may hold anything.
    fn into_shape(self) -> Option<Shape> {
        match self {
            Abs::Str(s) => Some(s),
            Abs::Unknown => Some(Shape::hole(Hole::Any)),
            Abs::List(_) | Abs::Either(_) => None,
        }
    }

    /// A known value.
    fn from_lit(lit: Lit) -> Abs {
        match lit {
            Lit::List(items) => Abs::List(items.into_iter().map(Abs::from_lit).collect()),
            Lit::Null | Lit::Map(_) => Abs::Unknown,
            other => other
                .into_string()
                .map_or(Abs::Unknown, |s| Abs::Str(Shape::text(&s))),
        }
    }
}

/// Evaluates expressions of one file to abstract values.
struct Eval<'c, 'a> {
    ctx: &'c Ctx<'a>,
    budget: Cell<usize>,
}

impl Eval<'_, '_> {
    fn value(&self, expr: &Expression, depth: usize) -> Abs {
        let left = self.budget.get();
        if depth > MAX_DEPTH || left == 0 {
            return Abs::Unknown;
        }
        self.budget.set(left - 1);
        if let Some(lit) = self.ctx.literal(expr, 0) {
            return Abs::from_lit(lit);
        }
        let d = depth + 1;
        match expr {
            Expression::Parenthesis(p) => self.value(p.inner(), d),
            Expression::Conditional(c) => {
                match self.ctx.literal(&c.cond_expr, 0).and_then(Lit::into_bool) {
                    Some(true) => self.value(&c.true_expr, d),
                    Some(false) => self.value(&c.false_expr, d),
                    None => Abs::either(vec![
                        self.value(&c.true_expr, d),
                        self.value(&c.false_expr, d),
                    ]),
                }
            }
            Expression::StringTemplate(t) => {
                let mut out = Abs::Str(Shape::default());
                for element in t.iter() {
                    let part = match element {
                        Element::Literal(s) => Abs::Str(Shape::text(s.value())),
                        Element::Interpolation(i) => self.value(&i.expr, d),
                        Element::Directive(_) => Abs::Unknown,
                    };
                    out = concat(out, part);
                }
                out
            }
            Expression::Array(items) => Abs::List(items.iter().map(|e| self.value(e, d)).collect()),
            Expression::Traversal(t) => self.traversal(t, d),
            Expression::FuncCall(call) => self.call(call, d),
            _ => Abs::Unknown,
        }
    }

    /// `var.x`, `local.x`, a resource or data source attribute, or an element of a value.
    fn traversal(&self, t: &Traversal, depth: usize) -> Abs {
        if let Some(root) = t.expr.as_variable() {
            let Some(chain) = ref_chain(t) else {
                return Abs::Unknown;
            };
            return match (root.as_str(), chain.as_slice()) {
                ("local", ["local", name]) if t.operators.len() == 1 => {
                    match self.ctx.module.local_expr(name) {
                        Some(e) => self.value(e, depth),
                        None => Abs::Unknown,
                    }
                }
                // Unknown variables, module outputs, `each.value…`: strings of any shape.
                ("var" | "module" | "each" | "count" | "local", _) => Abs::Unknown,
                ("data", ["data", dtype, name, attribute @ ..]) => {
                    self.attribute(dtype, name, attribute, true)
                }
                (_, [rtype, name, attribute @ ..]) => self.attribute(rtype, name, attribute, false),
                _ => Abs::Unknown,
            };
        }
        // An element of a computed value: `split("/", url)[2]`.
        let mut value = self.value(&t.expr, depth);
        for op in &t.operators {
            let index = match op.value() {
                TraversalOperator::Index(e) => self.ctx.literal(e, 0).and_then(Lit::into_int),
                TraversalOperator::LegacyIndex(i) => i64::try_from(*i.value()).ok(),
                _ => None,
            };
            value = value.map(&mut |v| match (v, index) {
                (Abs::List(items), Some(i)) => usize::try_from(i)
                    .ok()
                    .and_then(|i| items.get(i).cloned())
                    .unwrap_or(Abs::Unknown),
                _ => Abs::Unknown,
            });
        }
        value
    }

    /// A call of a string function.
    fn call(&self, call: &FuncCall, depth: usize) -> Abs {
        if call.name.is_namespaced() || call.args.expand_final() {
            return Abs::Unknown;
        }
        let args: Vec<&Expression> = call.args.iter().collect();
        let value = |i: usize| args.get(i).map_or(Abs::Unknown, |e| self.value(e, depth));
        let text = |i: usize| {
            args.get(i)
                .and_then(|e| self.ctx.literal(e, 0))
                .and_then(Lit::into_string)
        };
        let on_shape = |i: usize, f: &dyn Fn(Shape) -> Option<Abs>| {
            value(i).map(&mut |v| match v {
                Abs::Str(s) => f(s).unwrap_or(Abs::Unknown),
                _ => Abs::Unknown,
            })
        };
        match (call.name.name.as_str(), args.len()) {
            ("replace", 3) => {
                let (Some(from), Some(to)) = (text(1), text(2)) else {
                    return Abs::Unknown;
                };
                on_shape(0, &|s| {
                    if is_regex(&from) {
                        regex_replace(&s, &from, &to)
                    } else {
                        s.replace(&from, &to)
                    }
                    .map(Abs::Str)
                })
            }
            ("trimprefix", 2) => match text(1) {
                Some(p) => on_shape(0, &|s| s.trim_prefix(&p).map(Abs::Str)),
                None => Abs::Unknown,
            },
            ("trimsuffix", 2) => match text(1) {
                Some(p) => on_shape(0, &|s| s.trim_suffix(&p).map(Abs::Str)),
                None => Abs::Unknown,
            },
            ("lower", 1) => on_shape(0, &|s| Some(Abs::Str(s.map_text(str::to_lowercase)))),
            ("upper", 1) => on_shape(0, &|s| Some(Abs::Str(s.map_text(str::to_uppercase)))),
            // `try(a, …)` is `a` when `a` evaluates without error, as an attribute does.
            ("tostring", 1) | ("try", _) => value(0),
            ("split", 2) => match text(0) {
                Some(sep) => value(1).map(&mut |v| match v {
                    Abs::Str(s) => s.split(&sep).map_or(Abs::Unknown, |parts| {
                        Abs::List(parts.into_iter().map(Abs::Str).collect())
                    }),
                    _ => Abs::Unknown,
                }),
                None => Abs::Unknown,
            },
            ("element", 2) => {
                let index = args
                    .get(1)
                    .and_then(|e| self.ctx.literal(e, 0))
                    .and_then(Lit::into_int)
                    .and_then(|i| usize::try_from(i).ok());
                value(0).map(&mut |v| match (v, index) {
                    (Abs::List(items), Some(i)) => i
                        .checked_rem(items.len())
                        .and_then(|i| items.get(i).cloned())
                        .unwrap_or(Abs::Unknown),
                    _ => Abs::Unknown,
                })
            }
            ("one", 1) => value(0).map(&mut |v| match v {
                Abs::List(mut items) if items.len() == 1 => items.pop().unwrap_or(Abs::Unknown),
                _ => Abs::Unknown,
            }),
            ("regex", 2) => match text(0).and_then(|p| host_pattern(&p)) {
                Some(wrapped) => on_shape(1, &|s| {
                    s.url_host().map(|host| {
                        if wrapped {
                            Abs::List(vec![Abs::Str(host)])
                        } else {
                            Abs::Str(host)
                        }
                    })
                }),
                None => Abs::Unknown,
            },
            ("format", n) if n >= 1 => match text(0) {
                Some(spec) => format(&spec, (1..n).map(value).collect()),
                None => Abs::Unknown,
            },
            ("join", 2) => match text(0) {
                Some(sep) => value(1).map(&mut |v| match v {
                    Abs::List(items) => {
                        let mut out = Abs::Str(Shape::default());
                        for (i, item) in items.into_iter().enumerate() {
                            if i > 0 {
                                out = concat(out, Abs::Str(Shape::text(&sep)));
                            }
                            out = concat(out, item);
                        }
                        out
                    }
                    _ => Abs::Unknown,
                }),
                None => Abs::Unknown,
            },
            ("coalesce", n) if n >= 1 => {
                let mut options = Vec::new();
                for i in 0..n {
                    // A known null or empty string is skipped, as coalesce skips it.
                    let skipped = args
                        .get(i)
                        .and_then(|e| self.ctx.literal(e, 0))
                        .is_some_and(|l| matches!(&l, Lit::Null) || l == Lit::Str(String::new()));
                    if skipped {
                        continue;
                    }
                    let v = value(i);
                    let certain = matches!(&v, Abs::Str(s) if s.is_non_empty());
                    options.push(v);
                    if certain {
                        break;
                    }
                }
                Abs::either(options)
            }
            _ => Abs::Unknown,
        }
    }

    /// The shape of attribute `attribute` of resource (or data source) `rtype.name`.
    fn attribute(&self, rtype: &str, name: &str, attribute: &[&str], data: bool) -> Abs {
        let module = self.ctx.module;
        let body = if data {
            module.data(rtype, name)
        } else {
            module.resource(rtype, name)
        };
        let literal = |key: &str| {
            body.and_then(|b| attr(b, key))
                .and_then(|e| self.ctx.literal(e, 0))
                .and_then(Lit::into_string)
        };
        let address = (!data).then(|| format!("{rtype}.{name}"));
        let api = |api: Option<String>| Refs {
            api,
            ..Refs::default()
        };
        let execute_api = |first: &str| {
            Shape::text(first)
                .then_hole(Hole::Label)
                .then_text(".execute-api.")
                .then_hole(Hole::Label)
                .then_text(".amazonaws.com")
        };
        let stage_path = |host: Shape, stage: Option<String>| match stage {
            Some(s) => host.then_text("/").then_text(&s),
            None => host.then_text("/").then_hole(Hole::Label),
        };
        Abs::Str(match (rtype, attribute) {
            ("aws_api_gateway_rest_api" | "aws_apigatewayv2_api", ["id"]) => {
                Shape::hole(Hole::Label).with_refs(api(address))
            }
            ("aws_apigatewayv2_api", ["api_endpoint"]) => {
                let host = execute_api("");
                let refs = api(address);
                let http = Shape::text("https://")
                    .then(host.clone())
                    .with_refs(refs.clone());
                let ws = Shape::text("wss://").then(host).with_refs(refs);
                return match literal("protocol_type").as_deref() {
                    Some("HTTP") => Abs::Str(http),
                    Some("WEBSOCKET") => Abs::Str(ws),
                    _ => Abs::either(vec![Abs::Str(http), Abs::Str(ws)]),
                };
            }
            ("aws_api_gateway_stage" | "aws_api_gateway_deployment", ["invoke_url"]) => {
                let api_ref = body
                    .and_then(|b| attr(b, "rest_api_id"))
                    .and_then(|e| api_address(self.ctx.through_locals(e)));
                let stage = if body.and_then(|b| attr(b, "stage_name")).is_some() {
                    literal("stage_name")
                } else if rtype == "aws_api_gateway_deployment" {
                    Some(String::new())
                } else {
                    None
                };
                stage_path(Shape::text("https://").then(execute_api("")), stage)
                    .with_refs(api(api_ref))
            }
            ("aws_apigatewayv2_stage", ["invoke_url"]) => {
                let api_expr = body.and_then(|b| attr(b, "api_id"));
                let api_ref = api_expr.and_then(|e| api_address(self.ctx.through_locals(e)));
                let protocol = api_ref
                    .as_deref()
                    .and_then(|a| a.split_once('.'))
                    .and_then(|(t, n)| module.resource(t, n))
                    .and_then(|b| attr(b, "protocol_type"))
                    .and_then(|e| self.ctx.literal(e, 0))
                    .and_then(Lit::into_string);
                let stage = literal("name");
                let host = execute_api("");
                let ws = stage_path(Shape::text("wss://").then(host.clone()), stage.clone());
                let http = match stage.as_deref() {
                    Some("$default") => Shape::text("https://").then(host).then_text("/"),
                    _ => stage_path(Shape::text("https://").then(host), stage.clone()),
                };
                let refs = api(api_ref);
                let (ws, http) = (ws.with_refs(refs.clone()), http.with_refs(refs));
                return match protocol.as_deref() {
                    Some("HTTP") => Abs::Str(http),
                    Some("WEBSOCKET") => Abs::Str(ws),
                    _ => Abs::either(vec![Abs::Str(http), Abs::Str(ws)]),
                };
            }
            ("aws_lambda_function_url", ["function_url"]) => Shape::text("https://")
                .then_hole(Hole::Label)
                .then_text(".lambda-url.")
                .then_hole(Hole::Label)
                .then_text(".on.aws/")
                .with_refs(Refs {
                    lambda_url: address,
                    ..Refs::default()
                }),
            ("aws_lambda_function_url", ["url_id"]) => Shape::hole(Hole::Label).with_refs(Refs {
                lambda_url: address,
                ..Refs::default()
            }),
            ("aws_api_gateway_domain_name", ["regional_domain_name"])
            | (
                "aws_apigatewayv2_domain_name",
                ["domain_name_configuration", "target_domain_name"],
            ) => execute_api("d-"),
            ("aws_api_gateway_domain_name", ["cloudfront_domain_name"]) => {
                Shape::hole(Hole::Host).then_text(".cloudfront.net")
            }
            ("aws_cloudfront_distribution", ["domain_name"]) => Shape::hole(Hole::Host)
                .then_text(".cloudfront.net")
                .with_refs(Refs {
                    distribution: address,
                    ..Refs::default()
                }),
            ("aws_api_gateway_domain_name" | "aws_apigatewayv2_domain_name", ["domain_name"]) => {
                literal("domain_name")
                    .map_or_else(|| Shape::hole(Hole::Host), |d| Shape::text(&d))
                    .with_refs(Refs {
                        custom_domain: true,
                        ..Refs::default()
                    })
            }
            ("aws_s3_bucket", ["bucket_regional_domain_name"]) => Shape::hole(Hole::Host)
                .then_text(".s3.")
                .then_hole(Hole::Label)
                .then_text(".amazonaws.com"),
            ("aws_s3_bucket", ["bucket_domain_name"]) => {
                Shape::hole(Hole::Host).then_text(".s3.amazonaws.com")
            }
            ("aws_s3_bucket" | "aws_s3_bucket_website_configuration", ["website_endpoint"]) => {
                Shape::hole(Hole::Host)
                    .then_text(".s3-website-")
                    .then_hole(Hole::Label)
                    .then_text(".amazonaws.com")
            }
            ("aws_lb" | "aws_alb", ["dns_name"]) => Shape::hole(Hole::Host)
                .then_text(".")
                .then_hole(Hole::Label)
                .then_text(".elb.amazonaws.com"),
            ("aws_region", ["name" | "region" | "id"]) if data => Shape::hole(Hole::Label),
            _ => return Abs::Unknown,
        })
    }
}

/// The address of an API Gateway API that `expr` refers to (`aws_apigatewayv2_api.x.id`).
fn api_address(expr: &Expression) -> Option<String> {
    let chain = ref_chain(traversal(expr)?)?;
    match chain.as_slice() {
        [rtype @ ("aws_api_gateway_rest_api" | "aws_apigatewayv2_api"), name, "id"] => {
            Some(format!("{rtype}.{name}"))
        }
        _ => None,
    }
}

/// Two values one after the other (a template, `format`, `join`).
fn concat(a: Abs, b: Abs) -> Abs {
    a.map(&mut |left| {
        b.clone().map(
            &mut |right| match (left.clone().into_shape(), right.into_shape()) {
                (Some(l), Some(r)) => Abs::Str(l.then(r)),
                _ => Abs::Unknown,
            },
        )
    })
}

/// `format(spec, values…)` with `%s`, `%v` and `%%`; other verbs are unknown.
fn format(spec: &str, values: Vec<Abs>) -> Abs {
    let mut out = Abs::Str(Shape::default());
    let mut values = values.into_iter();
    let mut literal = String::new();
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            literal.push(c);
            continue;
        }
        match chars.next() {
            Some('%') => literal.push('%'),
            Some('s' | 'v') => {
                out = concat(out, Abs::Str(Shape::text(&std::mem::take(&mut literal))));
                out = concat(out, values.next().unwrap_or(Abs::Unknown));
            }
            _ => return Abs::Unknown,
        }
    }
    if values.next().is_some() {
        return Abs::Unknown;
    }
    concat(out, Abs::Str(Shape::text(&literal)))
}

/// A `regex()` pattern that takes the host out of a URL: `^https?://([^/]+)` and the like.
/// `Some(true)` when the host is in a capture group (the result is a list of one), `Some(false)`
/// when the whole match is the host.
fn host_pattern(pattern: &str) -> Option<bool> {
    let p = pattern.replace("\\/", "/");
    let p = p.strip_prefix('^').unwrap_or(&p);
    let rest = [
        "(?:https?://)?",
        "(?:https://)?",
        "https?://",
        "https://",
        "(?:[a-z]+://)?",
        "[a-z]+://",
        "//",
    ]
    .iter()
    .find_map(|scheme| p.strip_prefix(scheme))?;
    let (group, rest) = ["([^/]+)", "([^/]*)", "([^/:]+)", "([^:/]+)"]
        .iter()
        .find_map(|g| rest.strip_prefix(g).map(|r| (true, r)))
        .or_else(|| {
            ["(?:[^/]+)", "[^/]+"]
                .iter()
                .find_map(|g| rest.strip_prefix(g).map(|r| (false, r)))
        })?;
    // Whatever follows may only match the path; with no group, nothing may follow.
    let tail_ok = matches!(rest, "" | "/?" | "/" | "/.*" | ".*" | "(?:/.*)?" | "(/.*)?");
    (tail_ok && (group || rest.is_empty()) && !rest.starts_with('(')).then_some(group)
}

/// `replace(url, "/^https?:\\/\\//", "")` and `replace(url, "/\\/$/", "")`: the regex
/// replacements that cut a scheme or a trailing slash; `replace(url, "/^https?://([^/]*).*/",
/// "$1")`: the one that keeps only the host. Other regexes are unknown.
fn regex_replace(shape: &Shape, pattern: &str, to: &str) -> Option<Shape> {
    let inner = pattern
        .get(1..pattern.len() - 1)?
        .replace("\\/", "/")
        .replace("\\.", ".");
    if matches!(to, "$1" | "${1}") {
        return whole_url_to_host(&inner).then(|| shape.url_host())?;
    }
    if !to.is_empty() {
        return None;
    }
    match inner.as_str() {
        "^https?://" | "^https://" | "^(https?://)" | "^(?:https?://)" | "^[a-z]+://" => {
            let scheme = shape
                .pattern()
                .split_once("://")
                .map(|(s, _)| s.to_string())?;
            if scheme.contains('{') {
                return None;
            }
            shape.trim_prefix(&format!("{scheme}://"))
        }
        "/$" => shape.trim_suffix("/"),
        _ => None,
    }
}

/// True for a regex whose match is the whole URL and whose first group is its host
/// (`^https?://([^/]*).*`): replacing it with `$1` leaves the host.
fn whole_url_to_host(pattern: &str) -> bool {
    let p = pattern.strip_suffix('$').unwrap_or(pattern);
    // Not `/.*`: a URL without a path (`api_endpoint`) would not match, and stay whole.
    let Some(head) = [".*", "(/.*)?", "(?:/.*)?"]
        .iter()
        .find_map(|tail| p.strip_suffix(tail))
    else {
        return false;
    };
    p.starts_with('^') && head.ends_with(')') && host_pattern(head) == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_patterns() {
        assert_eq!(host_pattern("^https?://([^/]+)"), Some(true));
        assert_eq!(host_pattern("^https:\\/\\/([^\\/]+)\\/?"), Some(true));
        assert_eq!(host_pattern("(?:https?://)?([^/:]+)"), Some(true));
        assert_eq!(host_pattern("^https://[^/]+"), Some(false));
        assert_eq!(host_pattern("https://([^/]+)/(.*)"), None, "two groups");
        assert_eq!(host_pattern("[^/]+"), None, "no scheme anchor");
    }

    #[test]
    fn whole_urls_to_their_hosts() {
        assert!(whole_url_to_host("^https?://([^/]*).*"));
        assert!(whole_url_to_host("^https://([^/]+)(/.*)?$"));
        assert!(
            !whole_url_to_host("^https?://([^/]+)/.*"),
            "misses a URL without a path"
        );
        assert!(!whole_url_to_host("https?://([^/]*).*"), "not anchored");
        assert!(!whole_url_to_host("^https?://([^/]*)"), "the path stays");
        assert!(!whole_url_to_host("^https?://[^/]*.*"), "no group");
    }

    #[test]
    fn alternatives_join_on_what_they_share() {
        let default = |id: &str| OriginKind::ApiGatewayDefault {
            api_id: Some(id.into()),
            region: Some("eu-west-1".into()),
        };
        assert_eq!(
            join(default("a"), default("b")),
            OriginKind::ApiGatewayDefault {
                api_id: None,
                region: Some("eu-west-1".into())
            }
        );
        assert_eq!(
            join(default("a"), OriginKind::ApiGatewayRegionalDomainTarget),
            OriginKind::Unknown
        );
        assert_eq!(join(OriginKind::S3, OriginKind::S3), OriginKind::S3);
    }
}
