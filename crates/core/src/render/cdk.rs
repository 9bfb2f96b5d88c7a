//! AWS CDK v2 apps in TypeScript and Python, from one expression tree.
//!
//! Code is built as [`Js`] values written in TypeScript spelling; the Python printer converts
//! member names to snake_case and props to keyword arguments or struct classes.

use super::plan::{
    kind_label, ApiHost, BehaviorPlan, CacheChoice, CachePolicyPlan, CorsPlan, Plan, SecretPlan,
    SiteOrigin, StripFunction, Target, TradeOff, ViewerPlan, SECRET_PARAMETER, WHY_ERROR_TTL,
    WHY_HTTPS_ONLY, WHY_MTLS, WHY_NO_CACHE, WHY_ORP, WHY_PAYLOAD_HASH, WHY_STREAMING, WHY_STRIP,
};
use super::writer::Writer;
use crate::state::{ApiKind, SecretSource};

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
    body(plan, lang, &mut w);
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
    main(plan, lang, &mut w);
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

/// The stack's constructs: origins, policies, the distribution, records and outputs.
fn body(plan: &Plan, lang: Lang, w: &mut Writer) {
    if let Some(secret) = &plan.secret {
        origin_secret(secret, lang, w);
    }
    let mut origin_props = api_origin_props(plan);
    let literal_oac = plan.lambda_oac.is_some() && matches!(plan.api.host, ApiHost::Literal(_));
    if literal_oac {
        lambda_oac(lang, w);
        origin_props.push((
            "originAccessControlId",
            path("lambdaOac.originAccessControlId"),
        ));
    }
    api_origin(plan, origin_props, lang, w);

    if let Some(cp) = &plan.cache_policy {
        cache_policy(cp, lang, w);
    }
    if let Some(c) = &plan.cors_policy {
        cors_policy(c, lang, w);
    }
    if let Some(f) = &plan.strip_function {
        strip_function(f, lang, w);
    }
    if let Some(site) = &plan.site {
        site_origin(site, lang, w);
    }
    distribution(plan, lang, w);
    if literal_oac {
        if let Some(function) = plan.lambda_oac.as_ref().and_then(|o| o.function.as_ref()) {
            lambda_permissions(function, lang, w);
        }
    }
    alias_records(plan, lang, w);
    outputs(lang, w);
}

/// `originSecret`: the secret header's value, from Secrets Manager or a NoEcho parameter.
fn origin_secret(secret: &SecretPlan, lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(
        w,
        &format!(
            "The API refuses requests without {}: callers cannot bypass CloudFront.",
            secret.header
        ),
    );
    let value = match secret.source {
        SecretSource::SecretsManager => {
            let mut opts = Vec::new();
            if let Some(k) = &secret.json_key {
                opts.push(("jsonField", s(k)));
            }
            let mut args = vec![s(&secret.secret_name)];
            if !opts.is_empty() {
                args.push(props(opts));
            }
            Js::Method(
                Box::new(Js::Call("cdk.SecretValue.secretsManager".into(), args)),
                "unsafeUnwrap",
                vec![],
            )
        }
        SecretSource::Parameter => Js::Member(
            Box::new(Js::New(
                "cdk.CfnParameter".into(),
                vec![
                    path("this"),
                    s(SECRET_PARAMETER),
                    props(vec![
                        ("type", s("String")),
                        ("noEcho", Js::Bool(true)),
                        ("minLength", Js::Num(16)),
                    ]),
                ],
            )),
            "valueAsString",
        ),
    };
    lang.assign(w, "originSecret", &value);
}

/// The API origin's props: protocol and path (unless the L2 origin sets them), timeouts and the
/// secret header.
fn api_origin_props(plan: &Plan) -> Vec<(&'static str, Js)> {
    let api = &plan.api;
    let mut origin_props: Vec<(&'static str, Js)> = vec![("originId", s(Target::Api.origin_id()))];
    let custom_http = !matches!(
        (&api.host, api.kind),
        (
            ApiHost::StackApi(_),
            ApiKind::RestRegional | ApiKind::RestEdge | ApiKind::RestPrivate
        ) | (ApiHost::StackLambdaUrl(_), _)
    );
    if custom_http {
        if !api.origin_path.is_empty() {
            origin_props.push(("originPath", s(&api.origin_path)));
        }
        origin_props.push((
            "protocolPolicy",
            path("cloudfront.OriginProtocolPolicy.HTTPS_ONLY"),
        ));
        origin_props.push((
            "originSslProtocols",
            Js::List(vec![path("cloudfront.OriginSslPolicy.TLS_V1_2")]),
        ));
    }
    origin_props.push(("readTimeout", Js::Seconds(api.read_timeout)));
    origin_props.push(("keepaliveTimeout", Js::Seconds(api.keepalive_timeout)));
    if let Some(rct) = api.response_completion_timeout {
        origin_props.push(("responseCompletionTimeout", Js::Seconds(rct)));
    }
    if let Some(secret) = &plan.secret {
        origin_props.push((
            "customHeaders",
            Js::Dict(vec![(secret.header.clone(), var("originSecret"))]),
        ));
    }
    origin_props
}

/// `lambdaOac`: the origin access control of a function URL given by name.
fn lambda_oac(lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(
        w,
        "Origin access control for the function URL: CloudFront signs every request. \
         The function URL must use AuthType AWS_IAM.",
    );
    lang.assign(
        w,
        "lambdaOac",
        &Js::New(
            "cloudfront.FunctionUrlOriginAccessControl".into(),
            vec![
                path("this"),
                s("LambdaOac"),
                props(vec![("signing", path("cloudfront.Signing.SIGV4_ALWAYS"))]),
            ],
        ),
    );
}

/// `apiOrigin`: the L2 origin class that fits how the API is given (host name or construct).
fn api_origin(plan: &Plan, origin_props: Vec<(&'static str, Js)>, lang: Lang, w: &mut Writer) {
    let api = &plan.api;
    let origin = match &api.host {
        ApiHost::Literal(host) => Js::New(
            "origins.HttpOrigin".into(),
            vec![s(host), props(origin_props)],
        ),
        ApiHost::StackApi(_) if api.kind == ApiKind::HttpApi => Js::New(
            "origins.HttpOrigin".into(),
            vec![
                Js::Call(
                    "cdk.Fn.select".into(),
                    vec![
                        Js::Num(2),
                        Js::Call(
                            "cdk.Fn.split".into(),
                            vec![s("/"), Js::Member(Box::new(Js::Prop("api")), "apiEndpoint")],
                        ),
                    ],
                ),
                props(origin_props),
            ],
        ),
        ApiHost::StackApi(_) => Js::New(
            "origins.RestApiOrigin".into(),
            vec![Js::Prop("api"), props(origin_props)],
        ),
        ApiHost::StackLambdaUrl(_) if plan.lambda_oac.is_some() => Js::Call(
            "origins.FunctionUrlOrigin.withOriginAccessControl".into(),
            vec![Js::Prop("functionUrl"), props(origin_props)],
        ),
        ApiHost::StackLambdaUrl(_) => Js::New(
            "origins.FunctionUrlOrigin".into(),
            vec![Js::Prop("functionUrl"), props(origin_props)],
        ),
        ApiHost::StackDomain(_) => Js::New(
            "origins.HttpOrigin".into(),
            vec![Js::Prop("apiDomainName"), props(origin_props)],
        ),
    };
    w.blank();
    if plan.lambda_oac.is_some() {
        lang.comment(w, WHY_PAYLOAD_HASH);
    }
    if api.streaming {
        lang.comment(w, WHY_STREAMING);
    }
    lang.assign(w, "apiOrigin", &origin);
}

/// The permissions that let this distribution invoke the function URL.
fn lambda_permissions(function: &str, lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(
        w,
        "Lets this distribution (and only it) invoke the function URL; function URLs \
         created since October 2025 also need lambda:InvokeFunction.",
    );
    for (id, action, url) in [
        (
            "LambdaUrlInvokePermission",
            "lambda:InvokeFunctionUrl",
            true,
        ),
        ("LambdaInvokePermission", "lambda:InvokeFunction", false),
    ] {
        let mut p = vec![
            ("action", s(action)),
            ("functionName", s(function)),
            ("principal", s("cloudfront.amazonaws.com")),
            ("sourceArn", path("distribution.distributionArn")),
        ];
        if url {
            p.push(("functionUrlAuthType", s("AWS_IAM")));
        }
        lang.statement(
            w,
            &Js::New(
                "lambda.CfnPermission".into(),
                vec![path("this"), s(id), props(p)],
            ),
        );
    }
}

/// Route 53 alias records (A, and AAAA with IPv6) for each alias, when a hosted zone is given.
fn alias_records(plan: &Plan, lang: Lang, w: &mut Writer) {
    let Some((v, zone)) = plan
        .viewer
        .as_ref()
        .and_then(|v| Some((v, v.hosted_zone_id.as_ref()?)))
    else {
        return;
    };
    w.blank();
    let mut types = vec!["A"];
    if plan.ipv6 {
        types.push("AAAA");
    }
    for (i, alias) in v.aliases.iter().enumerate() {
        for t in &types {
            lang.statement(
                w,
                &Js::New(
                    "route53.CfnRecordSet".into(),
                    vec![
                        path("this"),
                        s(&format!("AliasRecord{}{t}", i + 1)),
                        props(vec![
                            ("hostedZoneId", s(zone)),
                            ("name", s(alias)),
                            ("type", s(t)),
                            (
                                "aliasTarget",
                                Js::Props(
                                    Some("route53.CfnRecordSet.AliasTargetProperty"),
                                    vec![
                                        ("dnsName", path("distribution.distributionDomainName")),
                                        ("hostedZoneId", s(super::cfn::CLOUDFRONT_ZONE_ID)),
                                    ],
                                ),
                            ),
                        ]),
                    ],
                ),
            );
        }
    }
}

/// The distribution's id and domain name as stack outputs.
fn outputs(lang: Lang, w: &mut Writer) {
    w.blank();
    for (id, value) in [
        ("DistributionId", "distribution.distributionId"),
        (
            "DistributionDomainName",
            "distribution.distributionDomainName",
        ),
    ] {
        lang.statement(
            w,
            &Js::New(
                "cdk.CfnOutput".into(),
                vec![path("this"), s(id), props(vec![("value", path(value))])],
            ),
        );
    }
}

/// The cache policy of the cached GET routes.
fn cache_policy(cp: &CachePolicyPlan, lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(
        w,
        "Cache policy for the cached GET routes: the key holds what makes responses differ \
         (auth, CORS origin, query strings).",
    );
    let headers = if cp.headers.is_empty() {
        Js::Call("cloudfront.CacheHeaderBehavior.none".into(), vec![])
    } else {
        Js::Call(
            "cloudfront.CacheHeaderBehavior.allowList".into(),
            cp.headers.iter().map(|h| s(h)).collect(),
        )
    };
    lang.assign(
        w,
        "cachedGetPolicy",
        &Js::New(
            "cloudfront.CachePolicy".into(),
            vec![
                path("this"),
                s("CachedGetPolicy"),
                props(vec![
                    ("comment", s("Cached API GET routes")),
                    ("minTtl", Js::Seconds(0)),
                    ("defaultTtl", Js::Seconds(cp.default_ttl)),
                    ("maxTtl", Js::Seconds(cp.max_ttl)),
                    ("headerBehavior", headers),
                    (
                        "cookieBehavior",
                        Js::Call("cloudfront.CacheCookieBehavior.none".into(), vec![]),
                    ),
                    (
                        "queryStringBehavior",
                        Js::Call(
                            if cp.query_strings {
                                "cloudfront.CacheQueryStringBehavior.all"
                            } else {
                                "cloudfront.CacheQueryStringBehavior.none"
                            }
                            .into(),
                            vec![],
                        ),
                    ),
                    ("enableAcceptEncodingGzip", Js::Bool(true)),
                    ("enableAcceptEncodingBrotli", Js::Bool(true)),
                ]),
            ],
        ),
    );
}

/// The response headers policy that answers CORS.
fn cors_policy(c: &CorsPlan, lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(
        w,
        "CORS answered by CloudFront; preflight OPTIONS requests still reach the API.",
    );
    lang.assign(
        w,
        "corsPolicy",
        &Js::New(
            "cloudfront.ResponseHeadersPolicy".into(),
            vec![
                path("this"),
                s("CorsPolicy"),
                props(vec![(
                    "corsBehavior",
                    Js::Props(
                        Some("cloudfront.ResponseHeadersCorsBehavior"),
                        vec![
                            (
                                "accessControlAllowCredentials",
                                Js::Bool(c.allow_credentials),
                            ),
                            ("accessControlAllowHeaders", strs(&c.allow_headers)),
                            ("accessControlAllowMethods", strs(&c.allow_methods)),
                            ("accessControlAllowOrigins", strs(&c.allow_origins)),
                            ("accessControlMaxAge", Js::Seconds(c.max_age)),
                            ("originOverride", Js::Bool(true)),
                        ],
                    ),
                )]),
            ],
        ),
    );
}

/// The CloudFront Function that strips the API path prefix.
fn strip_function(f: &StripFunction, lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(w, WHY_STRIP);
    lang.assign(
        w,
        "stripPrefix",
        &Js::New(
            "cloudfront.Function".into(),
            vec![
                path("this"),
                s("StripPrefix"),
                props(vec![
                    ("runtime", path("cloudfront.FunctionRuntime.JS_2_0")),
                    ("comment", s("Strip the API path prefix")),
                    (
                        "code",
                        Js::Call(
                            "cloudfront.FunctionCode.fromInline".into(),
                            vec![Js::Code(f.code())],
                        ),
                    ),
                ]),
            ],
        ),
    );
}

/// The private site bucket and its origin (origin access control).
fn site_origin(site: &SiteOrigin, lang: Lang, w: &mut Writer) {
    w.blank();
    lang.comment(
        w,
        "Private bucket for the static site; only CloudFront reads it (origin access control).",
    );
    lang.assign(
        w,
        "siteBucket",
        &Js::New(
            "s3.Bucket".into(),
            vec![
                path("this"),
                s("SiteBucket"),
                props(vec![
                    ("bucketName", s(&site.bucket_name)),
                    ("blockPublicAccess", path("s3.BlockPublicAccess.BLOCK_ALL")),
                    ("enforceSSL", Js::Bool(true)),
                ]),
            ],
        ),
    );
    lang.assign(
        w,
        "siteOrigin",
        &Js::Call(
            "origins.S3BucketOrigin.withOriginAccessControl".into(),
            vec![
                var("siteBucket"),
                props(vec![("originId", s(Target::Site.origin_id()))]),
            ],
        ),
    );
}

fn behavior(plan: &Plan, b: &BehaviorPlan) -> Js {
    let mut p: Vec<(&'static str, Js)> = vec![(
        "origin",
        var(match b.target {
            Target::Api => "apiOrigin",
            Target::Site => "siteOrigin",
        }),
    )];
    p.push((
        "viewerProtocolPolicy",
        path(match b.viewer_protocol {
            "https-only" => "cloudfront.ViewerProtocolPolicy.HTTPS_ONLY",
            _ => "cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS",
        }),
    ));
    p.push((
        "allowedMethods",
        path(if b.all_methods {
            "cloudfront.AllowedMethods.ALLOW_ALL"
        } else {
            "cloudfront.AllowedMethods.ALLOW_GET_HEAD"
        }),
    ));
    p.push((
        "cachedMethods",
        path("cloudfront.CachedMethods.CACHE_GET_HEAD"),
    ));
    p.push(("compress", Js::Bool(b.compress)));
    p.push((
        "cachePolicy",
        match b.cache {
            CacheChoice::Managed(m) => match m.cdk_name {
                Some(n) => Js::Path(format!("cloudfront.CachePolicy.{n}")),
                None => Js::Call(
                    "cloudfront.CachePolicy.fromCachePolicyId".into(),
                    vec![path("this"), s(m.name), s(m.id)],
                ),
            },
            CacheChoice::Custom => var("cachedGetPolicy"),
        },
    ));
    if let Some(orp) = b.origin_request {
        p.push((
            "originRequestPolicy",
            match orp.cdk_name {
                Some(n) => Js::Path(format!("cloudfront.OriginRequestPolicy.{n}")),
                None => Js::Call(
                    "cloudfront.OriginRequestPolicy.fromOriginRequestPolicyId".into(),
                    vec![path("this"), s(orp.name), s(orp.id)],
                ),
            },
        ));
    }
    if b.cors && plan.cors_policy.is_some() {
        p.push(("responseHeadersPolicy", var("corsPolicy")));
    }
    if b.strip && plan.strip_function.is_some() {
        p.push((
            "functionAssociations",
            Js::List(vec![Js::Props(
                Some("cloudfront.FunctionAssociation"),
                vec![
                    ("function", var("stripPrefix")),
                    (
                        "eventType",
                        path("cloudfront.FunctionEventType.VIEWER_REQUEST"),
                    ),
                ],
            )]),
        ));
    }
    Js::Props(Some("cloudfront.BehaviorOptions"), p)
}

/// `distribution`: the CloudFront distribution with its behaviors, and the mutual TLS override.
fn distribution(plan: &Plan, lang: Lang, w: &mut Writer) {
    let mut p: Vec<(&'static str, Js)> = vec![("comment", s(&plan.comment))];
    if let Some(v) = &plan.viewer {
        p.extend(certificate_props(v));
    }
    p.push(("httpVersion", http_version(&plan.http_version)));
    p.push(("enableIpv6", Js::Bool(plan.ipv6)));
    p.push(("priceClass", price_class(&plan.price_class)));
    if plan.site.is_some() {
        p.push(("defaultRootObject", s("index.html")));
    }
    if let Some(acl) = &plan.web_acl {
        p.push(("webAclId", s(acl)));
    }
    if let Some(b) = &plan.logging_bucket {
        p.extend(logging_props(plan, b));
    }
    p.push(("defaultBehavior", behavior(plan, &plan.default_behavior)));
    if !plan.behaviors.is_empty() {
        p.push((
            "additionalBehaviors",
            Js::Dict(
                plan.behaviors
                    .iter()
                    .map(|b| (b.pattern.clone().unwrap_or_default(), behavior(plan, b)))
                    .collect(),
            ),
        ));
    }
    if !plan.error_ttls.is_empty() {
        p.push(("errorResponses", error_responses(&plan.error_ttls)));
    }
    w.blank();
    lang.comment(w, WHY_HTTPS_ONLY);
    if plan.default_behavior.target == Target::Api || !plan.behaviors.is_empty() {
        lang.comment(w, WHY_NO_CACHE);
        lang.comment(w, WHY_ORP);
    }
    if !plan.error_ttls.is_empty() {
        lang.comment(w, WHY_ERROR_TTL);
    }
    lang.assign(
        w,
        "distribution",
        &Js::New(
            "cloudfront.Distribution".into(),
            vec![path("this"), s("Distribution"), props(p)],
        ),
    );
    if let Some(arn) = &plan.api.client_certificate_arn {
        origin_mtls_override(plan, arn, lang, w);
    }
}

/// The aliases, their ACM certificate and the minimum TLS version for viewers.
fn certificate_props(v: &ViewerPlan) -> [(&'static str, Js); 3] {
    [
        ("domainNames", strs(&v.aliases)),
        (
            "certificate",
            Js::Call(
                "acm.Certificate.fromCertificateArn".into(),
                vec![path("this"), s("Certificate"), s(&v.certificate_arn)],
            ),
        ),
        (
            "minimumProtocolVersion",
            Js::Path(format!(
                "cloudfront.SecurityPolicyProtocol.{}",
                match v.minimum_protocol_version.as_str() {
                    "TLSv1.2_2025" => "TLS_V1_2_2025",
                    "TLSv1.3_2025" => "TLS_V1_3_2025",
                    _ => "TLS_V1_2_2021",
                }
            )),
        ),
    ]
}

/// The `cloudfront.HttpVersion` member for the form's HTTP version.
fn http_version(version: &str) -> Js {
    Js::Path(format!(
        "cloudfront.HttpVersion.{}",
        match version {
            "http1.1" => "HTTP1_1",
            "http2" => "HTTP2",
            "http3" => "HTTP3",
            _ => "HTTP2_AND_3",
        }
    ))
}

/// The `cloudfront.PriceClass` member for the form's price class.
fn price_class(class: &str) -> Js {
    Js::Path(format!(
        "cloudfront.PriceClass.{}",
        match class {
            "PriceClass_100" => "PRICE_CLASS_100",
            "PriceClass_200" => "PRICE_CLASS_200",
            _ => "PRICE_CLASS_ALL",
        }
    ))
}

/// Access logs to an existing bucket, under the distribution's name.
fn logging_props(plan: &Plan, bucket: &str) -> [(&'static str, Js); 3] {
    [
        ("enableLogging", Js::Bool(true)),
        (
            "logBucket",
            Js::Call(
                "s3.Bucket.fromBucketName".into(),
                vec![path("this"), s("LogBucket"), s(bucket)],
            ),
        ),
        ("logFilePrefix", s(&format!("{}/", plan.name))),
    ]
}

/// `errorResponses`: how long each error status is cached.
fn error_responses(ttls: &[(u16, u32)]) -> Js {
    Js::List(
        ttls.iter()
            .map(|(code, ttl)| {
                Js::Props(
                    Some("cloudfront.ErrorResponse"),
                    vec![
                        ("httpStatus", Js::Num(i64::from(*code))),
                        ("ttl", Js::Seconds(*ttl)),
                    ],
                )
            })
            .collect(),
    )
}

/// Sets the API origin's mutual TLS certificate on the generated `AWS::CloudFront::Distribution`.
fn origin_mtls_override(plan: &Plan, arn: &str, lang: Lang, w: &mut Writer) {
    // The L2 origins have no mutual TLS setting: set it on the generated
    // AWS::CloudFront::Distribution. Origins are numbered in the order the behaviors use
    // them, the default behavior's first.
    let index = usize::from(plan.default_behavior.target != Target::Api);
    let key = format!(
        "DistributionConfig.Origins.{index}.CustomOriginConfig.OriginMtlsConfig.ClientCertificateArn"
    );
    w.blank();
    lang.comment(w, WHY_MTLS);
    match lang {
        Lang::TypeScript => {
            w.line("const cfnDistribution = distribution.node.defaultChild as cloudfront.CfnDistribution;");
            w.line(format!(
                "cfnDistribution.addPropertyOverride({}, {});",
                lang.string(&key),
                lang.string(arn)
            ));
        }
        Lang::Python => {
            w.line("cfn_distribution = distribution.node.default_child");
            w.line(format!(
                "cfn_distribution.add_property_override({}, {})",
                lang.string(&key),
                lang.string(arn)
            ));
        }
    }
}

/// The app entry: instantiates the stack (with an example API when the API is a prop).
fn main(plan: &Plan, lang: Lang, w: &mut Writer) {
    let stack_id = pascal(&plan.name);
    lang.assign(w, "app", &Js::New("cdk.App".into(), vec![]));
    let mut stack_props: Vec<(&'static str, Js)> = Vec::new();
    if let Some((name, _)) = stack_prop(plan) {
        example_api(plan, &stack_id, lang, w);
        stack_props.push((name, var("exampleApi")));
    }
    let mut args = vec![path("app"), s(&stack_id)];
    if !stack_props.is_empty() {
        args.push(props(stack_props));
    }
    lang.statement(w, &Js::New("ApifrontStack".into(), args));
    lang.statement(w, &Js::Call("app.synth".into(), vec![]));
}

/// `exampleApi` (in its own `exampleStack`), so the file synthesizes without the user's API.
fn example_api(plan: &Plan, stack_id: &str, lang: Lang, w: &mut Writer) {
    lang.comment(
        w,
        "An example API so this file synthesizes on its own: pass your own API instead.",
    );
    // A custom domain is only a name: an empty example stack would not be a template.
    if plan.api.kind != ApiKind::CustomDomain {
        lang.assign(
            w,
            "exampleStack",
            &Js::New(
                "cdk.Stack".into(),
                vec![path("app"), s(&format!("{stack_id}ExampleApi"))],
            ),
        );
    }
    let example = match plan.api.kind {
        ApiKind::HttpApi => Js::New(
            "apigwv2.HttpApi".into(),
            vec![path("exampleStack"), s("Api")],
        ),
        ApiKind::LambdaUrl => example_function_url(plan),
        ApiKind::CustomDomain => s("api.example.com"),
        _ => example_rest_api(plan),
    };
    lang.assign(w, "exampleApi", &example);
    if matches!(
        plan.api.kind,
        ApiKind::RestRegional | ApiKind::RestEdge | ApiKind::RestPrivate
    ) {
        lang.statement(
            w,
            &Js::Call(
                "exampleApi.root.addMethod".into(),
                vec![
                    s("ANY"),
                    Js::New("apigateway.MockIntegration".into(), vec![]),
                ],
            ),
        );
    }
}

/// An inline Lambda function with a URL, signed (IAM) under OAC and streaming when asked.
fn example_function_url(plan: &Plan) -> Js {
    Js::Method(
        Box::new(Js::New(
            "lambda.Function".into(),
            vec![
                path("exampleStack"),
                s("Handler"),
                props(vec![
                    ("runtime", path("lambda.Runtime.NODEJS_24_X")),
                    ("handler", s("index.handler")),
                    (
                        "code",
                        Js::Call(
                            "lambda.Code.fromInline".into(),
                            vec![s(
                                "exports.handler = async () => ({ statusCode: 200, body: 'ok' });",
                            )],
                        ),
                    ),
                ]),
            ],
        )),
        "addFunctionUrl",
        vec![props(
            [(
                "authType",
                path(if plan.lambda_oac.is_some() {
                    "lambda.FunctionUrlAuthType.AWS_IAM"
                } else {
                    "lambda.FunctionUrlAuthType.NONE"
                }),
            )]
            .into_iter()
            .chain(
                plan.api
                    .streaming
                    .then(|| ("invokeMode", path("lambda.InvokeMode.RESPONSE_STREAM"))),
            )
            .collect(),
        )],
    )
}

/// A REST API deployed to the plan's stage (`prod` when the origin path names none).
fn example_rest_api(plan: &Plan) -> Js {
    let stage = plan.api.origin_path.trim_start_matches('/');
    Js::New(
        "apigateway.RestApi".into(),
        vec![
            path("exampleStack"),
            s("Api"),
            props(vec![(
                "deployOptions",
                Js::Props(
                    Some("apigateway.StageOptions"),
                    vec![(
                        "stageName",
                        s(if stage.is_empty() { "prod" } else { stage }),
                    )],
                ),
            )]),
        ],
    )
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
