//! AWS CDK v2 apps in TypeScript and Python, from one expression tree.
//!
//! Code is built as [`Js`] values written in TypeScript spelling; the Python printer converts
//! member names to snake_case and props to keyword arguments or struct classes.

use super::plan::{kind_label, ApiHost, Plan, TradeOff};
use super::writer::Writer;
use crate::state::ApiKind;

mod distribution;
mod entry;
mod stack;

/// The target language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    TypeScript,
    Python,
}

/// An expression.
#[derive(Debug, Clone)]
enum Js {
    /// A dotted path or identifier in TypeScript spelling (`cloudfront.CachePolicy.CACHING_DISABLED`).
    Path(String),
    Str(String),
    Num(i64),
    Bool(bool),
    /// A multi-line code string (template literal / triple-quoted).
    Code(String),
    List(Vec<Js>),
    /// A map with string keys (`customHeaders`, `additionalBehaviors`).
    Dict(Vec<(String, Js)>),
    /// An object literal (TS) / an instance of the named struct class or keyword args (Python).
    Props(Option<&'static str>, Vec<(&'static str, Js)>),
    /// `new Class(args…)` (TS) / `Class(args…, **props)` (Python).
    New(String, Vec<Js>),
    /// `function(args…)`.
    Call(String, Vec<Js>),
    /// `cdk.Duration.seconds(n)`.
    Seconds(u32),
    /// A member of the stack's props (`props.api` / `api`).
    Prop(&'static str),
    /// `object.member` (member in TypeScript spelling).
    Member(Box<Js>, &'static str),
    /// `object.method(args…)`.
    Method(Box<Js>, &'static str, Vec<Js>),
}

fn path(p: &str) -> Js {
    Js::Path(p.into())
}

fn s(text: &str) -> Js {
    Js::Str(text.into())
}

fn props(entries: Vec<(&'static str, Js)>) -> Js {
    Js::Props(None, entries)
}

fn strs(items: &[String]) -> Js {
    Js::List(items.iter().map(|i| s(i)).collect())
}

/// `camelCase` → `snake_case` for one identifier (`enforceSSL` → `enforce_ssl`).
fn snake(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower)
            {
                out.push('_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A TypeScript dotted path in Python spelling: lower-camel members become snake_case,
/// classes and constants stay.
fn py_path(p: &str) -> String {
    p.split('.')
        .map(|seg| match seg {
            "this" => "self".to_string(),
            "lambda" => "lambda_".to_string(),
            _ if seg.starts_with(|c: char| c.is_ascii_lowercase()) => snake(seg),
            _ => seg.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Indents every line after the first by `pad`.
fn indent_rest(text: &str, pad: &str) -> String {
    let mut out = String::new();
    for (i, l) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            if !l.is_empty() {
                out.push_str(pad);
            }
        }
        out.push_str(l);
    }
    out
}

impl Lang {
    fn pad(self) -> &'static str {
        match self {
            Lang::TypeScript => "  ",
            Lang::Python => "    ",
        }
    }

    fn comment_prefix(self) -> &'static str {
        match self {
            Lang::TypeScript => "//",
            Lang::Python => "#",
        }
    }

    fn string(self, text: &str) -> String {
        match self {
            Lang::TypeScript => format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'")),
            Lang::Python => serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into()),
        }
    }

    fn expr(self, e: &Js) -> String {
        let pad = self.pad();
        match e {
            Js::Path(p) => match self {
                Lang::TypeScript => p.clone(),
                Lang::Python => py_path(p),
            },
            Js::Str(t) => self.string(t),
            Js::Num(n) => n.to_string(),
            Js::Bool(b) => match (self, b) {
                (Lang::TypeScript, true) => "true".into(),
                (Lang::TypeScript, false) => "false".into(),
                (Lang::Python, true) => "True".into(),
                (Lang::Python, false) => "False".into(),
            },
            Js::Code(code) => match self {
                Lang::TypeScript => format!("`{}`", code.replace('`', "\\`").replace("${", "\\${")),
                Lang::Python => format!("\"\"\"{}\"\"\"", code.replace("\"\"\"", "\\\"\\\"\\\"")),
            },
            Js::List(items) => {
                let parts: Vec<String> = items.iter().map(|i| self.expr(i)).collect();
                if parts.iter().all(|p| !p.contains('\n')) && parts.join(", ").len() <= 72 {
                    format!("[{}]", parts.join(", "))
                } else {
                    let body: String = parts
                        .iter()
                        .map(|p| format!("{pad}{},\n", indent_rest(p, pad)))
                        .collect();
                    format!("[\n{body}]")
                }
            }
            Js::Dict(entries) => {
                let body: String = entries
                    .iter()
                    .map(|(k, v)| {
                        format!(
                            "{pad}{}: {},\n",
                            self.string(k),
                            indent_rest(&self.expr(v), pad)
                        )
                    })
                    .collect();
                format!("{{\n{body}}}")
            }
            Js::Props(class, entries) => {
                if entries.is_empty() {
                    return match (self, class) {
                        (Lang::TypeScript, _) => "{}".into(),
                        (Lang::Python, Some(c)) => format!("{}()", py_path(c)),
                        (Lang::Python, None) => String::new(),
                    };
                }
                let body: String = entries
                    .iter()
                    .map(|(k, v)| {
                        let v = indent_rest(&self.expr(v), pad);
                        match self {
                            Lang::TypeScript => format!("{pad}{k}: {v},\n"),
                            Lang::Python => format!("{pad}{}={v},\n", snake(k)),
                        }
                    })
                    .collect();
                match (self, class) {
                    (Lang::TypeScript, _) => format!("{{\n{body}}}"),
                    (Lang::Python, Some(c)) => format!("{}(\n{body})", py_path(c)),
                    // Keyword arguments, spliced into the enclosing call.
                    (Lang::Python, None) => body,
                }
            }
            Js::New(class, args) | Js::Call(class, args) => {
                let head = match (self, e) {
                    (Lang::TypeScript, Js::New(..)) => format!("new {class}"),
                    (Lang::TypeScript, _) => class.clone(),
                    (Lang::Python, _) => py_path(class),
                };
                self.call(&head, args)
            }
            Js::Seconds(n) => format!("{}({n})", self.expr(&path("cdk.Duration.seconds"))),
            Js::Prop(name) => match self {
                Lang::TypeScript => format!("props.{name}"),
                Lang::Python => snake(name),
            },
            Js::Member(object, member) => format!("{}.{}", self.expr(object), self.member(member)),
            Js::Method(object, method, args) => self.call(
                &format!("{}.{}", self.expr(object), self.member(method)),
                args,
            ),
        }
    }

    fn member(self, name: &str) -> String {
        match self {
            Lang::TypeScript => name.to_string(),
            Lang::Python => snake(name),
        }
    }

    /// A call with positional args; in Python a trailing [`Js::Props`] without class becomes
    /// keyword arguments.
    fn call(self, head: &str, args: &[Js]) -> String {
        let pad = self.pad();
        let (positional, kwargs) = match (self, args.last()) {
            (Lang::Python, Some(Js::Props(None, entries))) => {
                (&args[..args.len() - 1], Some(entries))
            }
            _ => (args, None),
        };
        let parts: Vec<String> = positional.iter().map(|a| self.expr(a)).collect();
        match kwargs {
            Some(entries) if !entries.is_empty() => {
                let mut out = format!("{head}(\n");
                for p in &parts {
                    out.push_str(&format!("{pad}{},\n", indent_rest(p, pad)));
                }
                out.push_str(&self.expr(&Js::Props(None, entries.clone())));
                out.push(')');
                out
            }
            _ => format!("{head}({})", parts.join(", ")),
        }
    }

    /// `const name = expr;` / `name = expr`.
    fn assign(self, w: &mut Writer, name: &str, e: &Js) {
        let text = self.expr(e);
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        let rest: Vec<&str> = lines.collect();
        let (lead, end) = match self {
            Lang::TypeScript => (format!("const {name} = "), ";"),
            Lang::Python => (format!("{} = ", snake(name)), ""),
        };
        if rest.is_empty() {
            w.line(format!("{lead}{first}{end}"));
        } else {
            w.line(format!("{lead}{first}"));
            let (last, middle) = rest.split_last().map_or(("", &[][..]), |(l, m)| (*l, m));
            for l in middle {
                w.line(*l);
            }
            w.line(format!("{last}{end}"));
        }
    }

    /// An expression statement.
    fn statement(self, w: &mut Writer, e: &Js) {
        let text = self.expr(e);
        let end = if self == Lang::TypeScript { ";" } else { "" };
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            if i + 1 == lines.len() {
                w.line(format!("{l}{end}"));
            } else {
                w.line(*l);
            }
        }
    }

    fn comment(self, w: &mut Writer, text: &str) {
        w.comment(self.comment_prefix(), text);
    }
}

/// A variable reference (TS camelCase, Python snake_case).
fn var(name: &str) -> Js {
    Js::Path(name.into())
}

/// The stack's construct props for a stack-defined API: (TS name, TS type, example factory).
fn stack_prop(plan: &Plan) -> Option<(&'static str, &'static str)> {
    match (&plan.api.host, plan.api.kind) {
        (ApiHost::Literal(_), _) => None,
        (_, ApiKind::HttpApi) => Some(("api", "apigwv2.HttpApi")),
        (_, ApiKind::LambdaUrl) => Some(("functionUrl", "lambda.FunctionUrl")),
        (_, ApiKind::CustomDomain) => Some(("apiDomainName", "string")),
        _ => Some(("api", "apigateway.RestApi")),
    }
}

fn pascal(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Renders the whole app file.
pub(crate) fn app(plan: &Plan, lang: Lang, trade_offs: &[TradeOff]) -> String {
    let mut w = Writer::new(lang.pad());
    lang.comment(
        &mut w,
        &format!(
            "CloudFront in front of a {} ({}), generated by apifront.",
            kind_label(plan.api.kind),
            plan.name
        ),
    );
    for t in trade_offs {
        lang.comment(
            &mut w,
            &format!("Deliberate trade-off ({}): {}", t.rule, t.reason),
        );
    }
    lang.comment(
        &mut w,
        match lang {
            Lang::TypeScript => "Run: npx ts-node apifront-stack.ts (or cdk synth/deploy with this file as the app).",
            Lang::Python => "Run: python apifront_stack.py (or cdk synth/deploy with this file as the app).",
        },
    );
    imports(plan, lang, &mut w);
    w.blank();
    let prop = stack_prop(plan);
    match lang {
        Lang::TypeScript => {
            if let Some((name, ty)) = prop {
                w.open("export interface ApifrontStackProps extends cdk.StackProps {");
                w.line(
                    "/** The API CloudFront sends requests to (defined elsewhere in your app). */",
                );
                w.line(format!("readonly {name}: {ty};"));
                w.close("}");
                w.blank();
            }
            w.open("export class ApifrontStack extends cdk.Stack {");
            w.open(match prop {
                Some(_) => "constructor(scope: Construct, id: string, props: ApifrontStackProps) {",
                None => "constructor(scope: Construct, id: string, props?: cdk.StackProps) {",
            });
            w.line("super(scope, id, props);");
        }
        Lang::Python => {
            w.blank();
            w.open("class ApifrontStack(cdk.Stack):");
            match prop {
                Some((name, ty)) => {
                    let ty = if ty == "string" {
                        "str".to_string()
                    } else {
                        py_path(ty)
                    };
                    w.line(format!(
                        "def __init__(self, scope: Construct, construct_id: str, *, {}: {ty}, **kwargs) -> None:",
                        snake(name)
                    ));
                }
                None => w.line(
                    "def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:",
                ),
            }
            w.indent();
            w.line("super().__init__(scope, construct_id, **kwargs)");
        }
    }
    stack::body(plan, lang, &mut w);
    match lang {
        Lang::TypeScript => {
            w.close("}");
            w.close("}");
        }
        Lang::Python => {
            w.dedent();
            w.dedent();
        }
    }
    w.blank();
    if lang == Lang::Python {
        w.blank();
    }
    entry::main(plan, lang, &mut w);
    w.finish()
}

fn imports(plan: &Plan, lang: Lang, w: &mut Writer) {
    let mut modules = vec![
        ("cloudfront", "aws-cloudfront"),
        ("origins", "aws-cloudfront-origins"),
    ];
    if plan.viewer.is_some() {
        modules.push(("acm", "aws-certificatemanager"));
    }
    if plan
        .viewer
        .as_ref()
        .is_some_and(|v| v.hosted_zone_id.is_some())
    {
        modules.push(("route53", "aws-route53"));
    }
    if plan.site.is_some() || plan.logging_bucket.is_some() {
        modules.push(("s3", "aws-s3"));
    }
    if plan.api.kind == ApiKind::LambdaUrl {
        modules.push(("lambda", "aws-lambda"));
    }
    match stack_prop(plan).map(|(_, ty)| ty) {
        Some("apigateway.RestApi") => modules.push(("apigateway", "aws-apigateway")),
        Some("apigwv2.HttpApi") => modules.push(("apigwv2", "aws-apigatewayv2")),
        _ => {}
    }
    match lang {
        Lang::TypeScript => {
            w.line("import * as cdk from 'aws-cdk-lib';");
            for (alias, module) in modules {
                w.line(format!("import * as {alias} from 'aws-cdk-lib/{module}';"));
            }
            w.line("import { Construct } from 'constructs';");
        }
        Lang::Python => {
            w.line("import aws_cdk as cdk");
            for (alias, module) in modules {
                w.line(format!(
                    "from aws_cdk import {} as {}",
                    module.replace('-', "_"),
                    py_path(alias)
                ));
            }
            w.line("from constructs import Construct");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_names_to_python() {
        assert_eq!(snake("enforceSSL"), "enforce_ssl");
        assert_eq!(snake("webAclId"), "web_acl_id");
        assert_eq!(snake("enableIpv6"), "enable_ipv6");
        assert_eq!(snake("http2AndMore"), "http2_and_more");
        assert_eq!(
            py_path("origins.FunctionUrlOrigin.withOriginAccessControl"),
            "origins.FunctionUrlOrigin.with_origin_access_control"
        );
        assert_eq!(
            py_path("lambda.Runtime.NODEJS_24_X"),
            "lambda_.Runtime.NODEJS_24_X"
        );
        assert_eq!(py_path("this"), "self");
    }
}
