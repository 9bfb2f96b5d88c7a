//! A small static evaluator of CloudFormation intrinsic functions.
//!
//! Values resolve when the template alone determines them (literals, parameter defaults,
//! `Fn::FindInMap` with literal keys, `Fn::Sub`/`Fn::Join`/`Fn::Select`/`Fn::Split` over known
//! parts). Anything else is unknown with its reason; an unknown string keeps its *shape*
//! (`{Api}.execute-api.{AWS::Region}.amazonaws.com`) so origins can still be classified, and every
//! value records the sibling resources it refers to.
//!
//! An unknown value also gets a *key* when the template says exactly which value it is: the
//! canonical `Fn::Sub` text of its parts (`${Prefix}-api` for `!Sub "${Prefix}-api"`,
//! `{"Fn::Join": ["", [{"Ref": "Prefix"}, "-api"]]}` and `!Join ["", [!Ref Prefix, -api]]`;
//! `${Api.ApiEndpoint}` for `!GetAtt Api.ApiEndpoint`). Two unknowns with the same key are
//! equal once deployed, which is how behaviors link to origins whose ids are expressions.
//!
//! `Fn::If` takes the branch of its condition's value (see [`super::conditions`]); an
//! undecided condition (a build past the variant limit) leaves the value unknown.

use super::conditions::{Branching, Operands};
use super::placeholder;
use super::resolve::{Evaluated, Placeholders, Ref, Resolver, State, Target};
use super::ParameterValues;
use super::MAX_DEPTH;
use crate::model::{Note, NoteKind};
use crate::tree::{Node, NodeKind};
use crate::value::Unknown;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// The entries of the `Resources` map by logical id (the first of a repeated id wins, as with
/// [`Node::get`]).
fn by_id<'n>(resources: Option<&'n Node<'n>>) -> HashMap<&'n str, &'n Node<'n>> {
    let entries = resources.and_then(Node::as_map).unwrap_or_default();
    let mut map = HashMap::with_capacity(entries.len());
    for e in entries {
        map.entry(e.key.as_ref()).or_insert(&e.value);
    }
    map
}

/// The parts of a template that values are resolved against.
pub(crate) struct Template<'n> {
    parameters: Option<&'n Node<'n>>,
    /// Parameter values given with the template (a stack's values): they replace defaults.
    given: ParameterValues,
    mappings: Option<&'n Node<'n>>,
    /// The resources by logical id (looked up for every `Ref` and `Fn::GetAtt`).
    resources: HashMap<&'n str, &'n Node<'n>>,
    /// The template uses the SAM transform (implicit `ServerlessRestApi` / `ServerlessHttpApi`).
    sam: bool,
    /// The template's conditions and the decisions of the model being built.
    pub conditions: Branching<'n>,
    /// Placeholders met while evaluating values, one note per string.
    placeholders: RefCell<Placeholders>,
    /// Where the intrinsic functions evaluated in a value position start (see
    /// [`Document::expressions`](crate::model::Document::expressions)).
    expressions: RefCell<Vec<usize>>,
    /// True while a value is evaluated whose key is wanted ([`Resolver::eval_keyed`]): keys
    /// are built only then.
    keyed: Cell<bool>,
}

/// Resource types whose `Ref`/`Fn::GetAtt …Id` is a policy or origin access control id.
const POLICY_TYPES: [&str; 4] = [
    "AWS::CloudFront::CachePolicy",
    "AWS::CloudFront::OriginRequestPolicy",
    "AWS::CloudFront::ResponseHeadersPolicy",
    "AWS::CloudFront::OriginAccessControl",
];

/// Resource types that are API Gateway APIs.
pub(crate) const API_TYPES: [&str; 4] = [
    "AWS::ApiGateway::RestApi",
    "AWS::ApiGatewayV2::Api",
    "AWS::Serverless::Api",
    "AWS::Serverless::HttpApi",
];

/// The reason of an unevaluated `Fn::GetAtt`.
const GET_ATT: &str = "Fn::GetAtt";

impl<'n> Template<'n> {
    /// The evaluation context of `root`, whose resources are `resources`, with the parameter
    /// values `given` in place of the defaults.
    pub fn new(
        root: &'n Node<'n>,
        resources: Option<&'n Node<'n>>,
        given: &ParameterValues,
    ) -> Self {
        let sam = root.get("Transform").is_some_and(|t| {
            let names = match t.as_seq() {
                Some(items) => items.iter().filter_map(Node::as_str).collect(),
                None => t.as_str().into_iter().collect::<Vec<_>>(),
            };
            names.iter().any(|n| n.starts_with("AWS::Serverless"))
        });
        Self {
            parameters: root.get("Parameters"),
            given: given.clone(),
            mappings: root.get("Mappings"),
            resources: by_id(resources),
            sam,
            conditions: Branching::new(root.get("Conditions")),
            placeholders: RefCell::new(Placeholders::default()),
            expressions: RefCell::new(Vec::new()),
            keyed: Cell::new(false),
        }
    }

    /// An unknown value with its shape, and its key when keys are wanted.
    fn unknown(
        &self,
        why: Unknown,
        shape: Option<String>,
        key: impl FnOnce() -> String,
    ) -> Evaluated {
        Evaluated::from(State::Unknown {
            why,
            shape,
            key: self.keyed.get().then(key),
        })
    }

    /// The value of condition `name` in the model being built (`None`: undecided).
    pub fn condition(&self, name: &str) -> Option<bool> {
        self.conditions.value(name, self)
    }

    /// The value of condition `name` when the template alone decides it (see
    /// [`Branching::fixed`](super::conditions::Branching::fixed)).
    pub fn fixed_condition(&self, name: &str) -> Option<bool> {
        self.conditions.fixed(name, self)
    }

    /// Where the intrinsic functions evaluated so far start, taken.
    pub fn take_expressions(&self) -> Vec<usize> {
        std::mem::take(&mut *self.expressions.borrow_mut())
    }

    /// Notes `node`'s start when it is an intrinsic function: a value written as an expression.
    fn note_expression(&self, node: &Node) {
        if intrinsic(node).is_some() {
            self.expressions.borrow_mut().push(node.span.start);
        }
    }

    /// The placeholders met so far, taken.
    pub fn take_placeholders(&self) -> Vec<Note> {
        std::mem::take(&mut self.placeholders.borrow_mut().list)
    }

    /// A literal string: unknown when it holds a `{{resolve:…}}` dynamic reference or a
    /// placeholder (recorded once per string).
    fn literal(&self, s: &str, node: &Node) -> Evaluated {
        if s.contains("{{resolve:") {
            return self.unknown(Unknown::DynamicReference(s.to_string()), None, || escape(s));
        }
        match placeholder::find(s) {
            None => Evaluated::text(s),
            Some(found) => {
                let mut notes = self.placeholders.borrow_mut();
                if notes.seen.insert(node.span.start) {
                    notes.list.push(Note {
                        kind: NoteKind::Placeholder,
                        span: node.span,
                        detail: found.parts.join(", "),
                        related: None,
                    });
                }
                self.unknown(
                    Unknown::Placeholder(s.to_string()),
                    Some(found.shape),
                    || escape(s),
                )
            }
        }
    }

    /// The `Type` of resource `id`. SAM's implicit APIs count as SAM APIs.
    pub fn resource_type(&self, id: &str) -> Option<&'n str> {
        let declared = self
            .resources
            .get(id)
            .and_then(|r| r.get("Type"))
            .and_then(Node::as_str);
        declared.or(match id {
            "ServerlessRestApi" if self.sam => Some("AWS::Serverless::Api"),
            "ServerlessHttpApi" if self.sam => Some("AWS::Serverless::HttpApi"),
            _ if self.sam && self.is_sam_function_url(id) => Some("AWS::Lambda::Url"),
            _ => None,
        })
    }

    /// True when `id` is the `AWS::Lambda::Url` SAM generates for a function's
    /// `FunctionUrlConfig`: the function's logical id followed by `Url`.
    fn is_sam_function_url(&self, id: &str) -> bool {
        id.strip_suffix("Url").is_some_and(|function| {
            let resource = self.resources.get(function);
            resource.and_then(|r| r.get("Type")).and_then(Node::as_str)
                == Some("AWS::Serverless::Function")
                && resource
                    .and_then(|r| r.get("Properties"))
                    .and_then(|p| p.get("FunctionUrlConfig"))
                    .is_some()
        })
    }

    fn property(&self, id: &str, key: &str) -> Option<&'n Node<'n>> {
        let props = self.pick(self.resources.get(id)?.get("Properties")?);
        Some(self.pick(props.get(key)?))
    }

    /// The node `node` stands for: the chosen branch of an `Fn::If` (repeatedly), or `node`
    /// itself. An `Fn::If` whose condition is undecided is returned as it is.
    pub fn pick<'a>(&self, node: &'a Node<'a>) -> &'a Node<'a> {
        let mut node = node;
        for _ in 0..MAX_DEPTH {
            let Some([entry]) = node.as_map() else {
                break;
            };
            if entry.key != "Fn::If" {
                break;
            }
            let arg = &entry.value;
            let Some([c, a, b]) = arg.as_seq() else {
                break;
            };
            node = match c.as_str().and_then(|name| self.condition(name)) {
                Some(true) => a,
                Some(false) => b,
                None => break,
            };
        }
        node
    }

    fn reference(&self, id: &str) -> Ref {
        let target = match self.resource_type(id) {
            Some(t) if API_TYPES.contains(&t) => Target::Api,
            Some("AWS::Lambda::Url") => Target::LambdaUrl,
            Some("AWS::CloudFront::Distribution") => Target::Distribution,
            _ => Target::Other,
        };
        Ref {
            id: id.to_string(),
            target,
        }
    }

    fn eval_at(&self, node: &Node, depth: usize) -> Evaluated {
        if depth > MAX_DEPTH {
            return Evaluated::unknown(Unknown::Invalid(
                "references nest too deeply to evaluate".into(),
            ));
        }
        match &node.kind {
            NodeKind::Null => Evaluated::absent(),
            NodeKind::Bool(b) => Evaluated::text(b.to_string()),
            NodeKind::Number(n) => Evaluated::text(n.clone()),
            NodeKind::Str(s) => self.literal(s, node),
            NodeKind::Seq(items) => Evaluated::from(State::List(
                items.iter().map(|i| self.eval_at(i, depth + 1)).collect(),
            )),
            NodeKind::Map(_) => match intrinsic(node) {
                Some((name, arg)) => self.call(name, arg, depth + 1),
                None => Evaluated::wrong_type("a value", node),
            },
        }
    }

    fn call(&self, name: &str, arg: &Node, depth: usize) -> Evaluated {
        let args = arg.as_seq().unwrap_or_default();
        match name {
            "Ref" => match arg.as_str() {
                Some(target) => self.ref_to(target, depth),
                None => Evaluated::unknown(Unknown::Intrinsic("Ref".into())),
            },
            "Fn::GetAtt" => match get_att_args(self, arg, depth) {
                Some((id, attr)) => self.get_att(&id, &attr),
                None => Evaluated::unknown(Unknown::Intrinsic(GET_ATT.into())),
            },
            "Fn::Sub" => self.sub(arg, depth),
            "Fn::Join" => match args {
                [delim, list] => self.join(delim, list, depth),
                _ => malformed(name),
            },
            "Fn::Split" => match args {
                [delim, source] => self.split(delim, source, depth),
                _ => malformed(name),
            },
            "Fn::Select" => match args {
                [index, list] => self.select(index, list, depth),
                _ => malformed(name),
            },
            "Fn::If" => match args {
                [c, a, b] => {
                    match c.as_str().and_then(|c| self.condition(c)) {
                        Some(true) => return self.eval_at(a, depth),
                        Some(false) => return self.eval_at(b, depth),
                        None => {}
                    }
                    let (a, b) = (self.eval_at(a, depth), self.eval_at(b, depth));
                    let comparable = matches!(a.state, State::Text(_) | State::Absent);
                    if comparable && a == b {
                        a
                    } else {
                        Evaluated::unknown(Unknown::Intrinsic(name.into()))
                    }
                }
                _ => malformed(name),
            },
            "Fn::FindInMap" => self.find_in_map(args, depth),
            "Fn::ImportValue" => {
                let why = Unknown::Intrinsic(name.into());
                match self.eval_at(arg, depth).state {
                    State::Text(t) => {
                        self.unknown(why, None, || format!("${{{name}:{}}}", escape(&t)))
                    }
                    State::Unknown { key: Some(k), .. } => {
                        self.unknown(why, None, || format!("${{{name}:{k}}}"))
                    }
                    _ => Evaluated::unknown(why),
                }
            }
            _ => Evaluated::unknown(Unknown::Intrinsic(name.into())),
        }
    }

    fn ref_to(&self, target: &str, depth: usize) -> Evaluated {
        if target == "AWS::NoValue" {
            return Evaluated::absent();
        }
        if let Some(pseudo) = target.strip_prefix("AWS::") {
            let why = Unknown::Parameter {
                name: target.into(),
                no_echo: false,
            };
            // The suffix is `amazonaws.com` outside China; keeping it lets hosts be classified.
            let shape = match pseudo {
                "URLSuffix" => "amazonaws.com".to_string(),
                _ => format!("{{{target}}}"),
            };
            return self.unknown(why, Some(shape), || format!("${{{target}}}"));
        }
        if let Some(param) = self.parameters.and_then(|p| p.get(target)) {
            return self.parameter(target, param, depth);
        }
        let unknown = || {
            self.unknown(
                Unknown::Intrinsic("Ref".into()),
                Some(format!("{{{target}}}")),
                || format!("${{{target}}}"),
            )
        };
        let Some(kind) = self.resource_type(target) else {
            return unknown();
        };
        // `Ref` of a custom domain is its name, of a stage its stage name.
        let returned = match kind {
            "AWS::ApiGateway::DomainName" | "AWS::ApiGatewayV2::DomainName" => Some("DomainName"),
            "AWS::ApiGateway::Stage" | "AWS::ApiGatewayV2::Stage" => Some("StageName"),
            _ => None,
        };
        let value = match returned.and_then(|key| self.property(target, key)) {
            Some(node) => match self.eval_at(node, depth + 1) {
                v @ Evaluated {
                    state: State::Text(_),
                    ..
                } => v,
                _ => unknown(),
            },
            None => unknown(),
        };
        value.with_ref(self.reference(target))
    }

    fn parameter(&self, name: &str, param: &Node, depth: usize) -> Evaluated {
        let kind = param.get("Type").and_then(Node::as_str).unwrap_or_default();
        let is_list = kind == "CommaDelimitedList" || kind.starts_with("List<");
        let list = |s: &str| {
            Evaluated::from(State::List(
                s.split(',').map(|p| Evaluated::text(p.trim())).collect(),
            ))
        };
        // A given value of an SSM-typed parameter names the SSM parameter, not the value.
        if let Some(value) = self
            .given
            .get(name)
            .filter(|_| !kind.starts_with("AWS::SSM::"))
        {
            return if is_list {
                list(value)
            } else {
                Evaluated::text(value.as_str())
            };
        }
        let no_echo = param
            .get("NoEcho")
            .is_some_and(|n| matches!(self.eval_at(n, depth).state, State::Text(t) if t.eq_ignore_ascii_case("true")));
        let unknown = |no_echo| {
            self.unknown(
                Unknown::Parameter {
                    name: name.into(),
                    no_echo,
                },
                Some(format!("{{{name}}}")),
                || format!("${{{name}}}"),
            )
        };
        if no_echo {
            return unknown(true);
        }
        // The default of an SSM-typed parameter names the SSM parameter, not the value.
        let Some(default) = param
            .get("Default")
            .filter(|_| !kind.starts_with("AWS::SSM::"))
        else {
            return unknown(false);
        };
        let value = self.eval_at(default, depth + 1);
        match value.state {
            State::Text(s) if is_list => list(&s),
            _ => value,
        }
    }

    fn get_att(&self, id: &str, attr: &str) -> Evaluated {
        // Resources a framework generates (Serverless `…LambdaFunctionUrl`) are not declared:
        // the URL attributes still say what they are.
        let kind = match (self.resource_type(id), attr) {
            (Some(kind), _) => kind,
            (None, "FunctionUrl") => "AWS::Lambda::Url",
            (None, "ApiEndpoint") => "AWS::ApiGatewayV2::Api",
            (None, _) => "",
        };
        let api = API_TYPES.contains(&kind);
        let domain =
            kind == "AWS::ApiGateway::DomainName" || kind == "AWS::ApiGatewayV2::DomainName";
        let shape = match (kind, attr) {
            (_, "ApiEndpoint") if api => {
                format!("https://{{{id}}}.execute-api.{{AWS::Region}}.amazonaws.com")
            }
            (_, "ApiId" | "RestApiId") if api => format!("{{{id}}}"),
            ("AWS::Lambda::Url", "FunctionUrl") => {
                format!("https://{{{id}}}.lambda-url.{{AWS::Region}}.on.aws/")
            }
            (_, "RegionalDomainName") if domain => {
                format!("d-{{{id}}}.execute-api.{{AWS::Region}}.amazonaws.com")
            }
            (_, "DistributionDomainName") if domain => format!("{{{id}}}.cloudfront.net"),
            ("AWS::CloudFront::Distribution", "DomainName") => format!("{{{id}}}.cloudfront.net"),
            ("AWS::S3::Bucket", "DomainName") => format!("{{{id}}}.s3.amazonaws.com"),
            ("AWS::S3::Bucket", "RegionalDomainName") => {
                format!("{{{id}}}.s3.{{AWS::Region}}.amazonaws.com")
            }
            ("AWS::S3::Bucket", "DualStackDomainName") => {
                format!("{{{id}}}.s3.dualstack.{{AWS::Region}}.amazonaws.com")
            }
            ("AWS::S3::Bucket", "WebsiteURL") => {
                format!("http://{{{id}}}.s3-website-{{AWS::Region}}.amazonaws.com")
            }
            _ => format!("{{{id}_{}}}", attr.replace('.', "_")),
        };
        self.unknown(Unknown::Intrinsic(GET_ATT.into()), Some(shape), || {
            format!("${{{id}.{attr}}}")
        })
        .with_ref(self.reference(id))
    }

    fn sub(&self, arg: &Node, depth: usize) -> Evaluated {
        let (text, vars) = match (&arg.kind, arg.as_seq()) {
            (NodeKind::Str(s), _) => (s.as_ref(), None),
            (_, Some([text, vars])) => match text.as_str() {
                Some(s) => (s, Some(vars)),
                None => return malformed("Fn::Sub"),
            },
            _ => return malformed("Fn::Sub"),
        };
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find("${") {
            parts.push(Evaluated::text(&rest[..start]));
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else {
                parts.push(Evaluated::text(&rest[start..]));
                rest = "";
                break;
            };
            let name = after[..end].trim();
            parts.push(match name.strip_prefix('!') {
                Some(literal) => Evaluated::text(format!("${{{literal}}}")),
                None => match vars.and_then(|v| v.get(name)) {
                    Some(var) => self.eval_at(var, depth + 1),
                    None => match name.split_once('.') {
                        Some((id, attr)) if !name.starts_with("AWS::") => self.get_att(id, attr),
                        _ => self.ref_to(name, depth + 1),
                    },
                },
            });
            rest = &after[end + 1..];
        }
        parts.push(Evaluated::text(rest));
        concat(parts, self.keyed.get())
    }

    fn join(&self, delim: &Node, list: &Node, depth: usize) -> Evaluated {
        let Some(delim) = delim.as_str() else {
            return malformed("Fn::Join");
        };
        let list = self.eval_at(list, depth);
        match list.state {
            State::List(items) => {
                let mut parts = Vec::new();
                for (i, item) in items.into_iter().enumerate() {
                    if i > 0 {
                        parts.push(Evaluated::text(delim));
                    }
                    parts.push(item);
                }
                let mut joined = concat(parts, self.keyed.get());
                for r in list.refs {
                    joined = joined.with_ref(r);
                }
                joined
            }
            State::Unknown { why, .. } => Evaluated {
                state: State::Unknown {
                    why,
                    shape: None,
                    key: None,
                },
                refs: list.refs,
            },
            _ => malformed("Fn::Join"),
        }
    }

    fn split(&self, delim: &Node, source: &Node, depth: usize) -> Evaluated {
        let Some(delim) = delim.as_str().filter(|d| !d.is_empty()) else {
            return malformed("Fn::Split");
        };
        let source = self.eval_at(source, depth);
        let refs = source.refs.clone();
        let items = match &source.state {
            State::Text(s) => s.split(delim).map(Evaluated::text).collect(),
            State::Unknown {
                why,
                shape: Some(shape),
                ..
            } => shape
                .split(delim)
                .map(|part| {
                    let v = if part.contains('{') {
                        Evaluated::shaped(why.clone(), part)
                    } else {
                        Evaluated::text(part)
                    };
                    Evaluated {
                        refs: refs.clone(),
                        ..v
                    }
                })
                .collect(),
            State::Unknown { .. } => return source,
            _ => return malformed("Fn::Split"),
        };
        Evaluated {
            state: State::List(items),
            refs,
        }
    }

    fn select(&self, index: &Node, list: &Node, depth: usize) -> Evaluated {
        let index = match self.eval_at(index, depth).state {
            State::Text(t) => t.trim().parse::<usize>().ok(),
            _ => None,
        };
        let list = self.eval_at(list, depth);
        match (index, list.state) {
            (Some(i), State::List(items)) => items.into_iter().nth(i).unwrap_or_else(|| {
                Evaluated::unknown(Unknown::Invalid(format!(
                    "Fn::Select index {i} is out of range"
                )))
            }),
            (_, State::Unknown { why, .. }) => Evaluated {
                state: State::Unknown {
                    why,
                    shape: None,
                    key: None,
                },
                refs: list.refs,
            },
            _ => Evaluated::unknown(Unknown::Intrinsic("Fn::Select".into())),
        }
    }

    fn find_in_map(&self, args: &[Node], depth: usize) -> Evaluated {
        let unknown = || Evaluated::unknown(Unknown::Intrinsic("Fn::FindInMap".into()));
        let (keys, default) = match args {
            [a, b, c] => ([a, b, c], None),
            [a, b, c, d] => ([a, b, c], d.get("DefaultValue")),
            _ => return malformed("Fn::FindInMap"),
        };
        let mut node = self.mappings;
        for key in keys {
            let State::Text(key) = self.eval_at(key, depth).state else {
                return unknown();
            };
            node = node.and_then(|n| n.get(&key));
        }
        match node.or(default) {
            Some(found) => self.eval_at(found, depth + 1),
            None => unknown(),
        }
    }
}

impl Resolver for Template<'_> {
    fn eval(&self, node: &Node) -> Evaluated {
        self.note_expression(node);
        self.eval_at(node, 0)
    }

    fn eval_keyed(&self, node: &Node) -> Evaluated {
        self.note_expression(node);
        let before = self.keyed.replace(true);
        let value = self.eval_at(node, 0);
        self.keyed.set(before);
        value
    }

    fn pick<'a>(&self, node: &'a Node<'a>) -> &'a Node<'a> {
        Template::pick(self, node)
    }

    fn local_policy(&self, node: &Node) -> Option<String> {
        let (name, arg) = intrinsic(node)?;
        let id = match name {
            "Ref" => arg.as_str()?.to_string(),
            "Fn::GetAtt" => match get_att_args(self, arg, 0)? {
                (id, attr) if attr == "Id" => id,
                _ => return None,
            },
            _ => return None,
        };
        let kind = self.resource_type(&id)?;
        POLICY_TYPES.contains(&kind).then_some(id)
    }

    fn object_expression(&self, node: &Node) -> Option<Evaluated> {
        intrinsic(node).map(|_| self.eval(node))
    }
}

impl Operands for Template<'_> {
    fn operand(&self, node: &Node) -> (State, Option<String>) {
        let value = self.eval_keyed(node);
        let key = value.key().map(str::to_string);
        (value.state, key)
    }

    fn allowed_values(&self, key: &str) -> Option<Vec<String>> {
        let name = key.strip_prefix("${")?.strip_suffix('}')?;
        let allowed = self.parameters?.get(name)?.get("AllowedValues")?.as_seq()?;
        allowed
            .iter()
            .map(|v| match self.eval_at(v, 1).state {
                State::Text(t) => Some(t),
                _ => None,
            })
            .collect()
    }
}

/// The function name and argument of an intrinsic function call (`{Ref: X}`, `{Fn::Sub: …}`).
pub(crate) fn intrinsic<'n>(node: &'n Node<'n>) -> Option<(&'n str, &'n Node<'n>)> {
    match node.as_map()? {
        [entry] if entry.key == "Ref" || entry.key.starts_with("Fn::") => {
            Some((entry.key.as_ref(), &entry.value))
        }
        _ => None,
    }
}

/// The resource and attribute of `Fn::GetAtt` (`"A.B"` or `[A, B]`).
fn get_att_args(t: &Template, arg: &Node, depth: usize) -> Option<(String, String)> {
    if let Some(s) = arg.as_str() {
        let (id, attr) = s.split_once('.')?;
        return Some((id.to_string(), attr.to_string()));
    }
    match arg.as_seq()? {
        [id, attr] => {
            let State::Text(attr) = t.eval_at(attr, depth + 1).state else {
                return None;
            };
            Some((id.as_str()?.to_string(), attr))
        }
        _ => None,
    }
}

fn malformed(name: &str) -> Evaluated {
    Evaluated::unknown(Unknown::Invalid(format!("malformed {name}")))
}

/// Concatenates string parts; unknown parts make the result unknown with a shape.
fn concat(parts: Vec<Evaluated>, keyed: bool) -> Evaluated {
    let mut text = String::new();
    let mut why: Option<Unknown> = None;
    let mut refs = Vec::new();
    // The key of the result, started at the first unknown part (the known text before it
    // escaped): known parts escaped, unknown ones by their keys; `None` once a part has no key.
    let mut key: Option<Option<String>> = (!keyed).then_some(None);
    for part in parts {
        refs.extend(part.refs);
        match part.state {
            State::Text(s) => {
                if let Some(Some(k)) = key.as_mut() {
                    push_escaped(k, &s);
                }
                text.push_str(&s);
            }
            State::Absent => {}
            State::List(_) => {
                return Evaluated::unknown(Unknown::Invalid("a list where a string belongs".into()))
            }
            State::Unknown {
                why: w,
                shape,
                key: part_key,
            } => {
                let k = key.get_or_insert_with(|| {
                    let mut k = String::with_capacity(text.len() + 16);
                    push_escaped(&mut k, &text);
                    Some(k)
                });
                match (k.as_mut(), part_key) {
                    (Some(k), Some(part_key)) => k.push_str(&part_key),
                    _ => *k = None,
                }
                text.push_str(shape.as_deref().unwrap_or("{?}"));
                if why.as_ref().is_none_or(|old| rank(&w) > rank(old)) {
                    why = Some(w);
                }
            }
        }
    }
    let key = key.flatten();
    let mut value = match why {
        _ if text.contains("{{resolve:") => Evaluated::from(State::Unknown {
            why: Unknown::DynamicReference(text),
            shape: None,
            key,
        }),
        Some(why) => Evaluated::from(State::Unknown {
            why,
            shape: Some(text),
            key,
        }),
        None => Evaluated::text(text),
    };
    for r in refs {
        value = value.with_ref(r);
    }
    value
}

/// Appends literal text to a key, `${` written `${!` as `Fn::Sub` escapes it.
fn push_escaped(key: &mut String, s: &str) {
    if s.contains("${") {
        key.push_str(&escape(s));
    } else {
        key.push_str(s);
    }
}

/// Literal text in a key: `${` is written `${!`, as `Fn::Sub` escapes it.
fn escape(s: &str) -> String {
    s.replace("${", "${!")
}

/// Which reason of a combined value to report: secrets first, then the first seen.
fn rank(why: &Unknown) -> u8 {
    match why {
        Unknown::DynamicReference(_) => 2,
        Unknown::Parameter { no_echo: true, .. } => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests;
