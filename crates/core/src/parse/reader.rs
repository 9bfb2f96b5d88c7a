//! Typed field access over a parsed tree, shared by the AWS CLI JSON and CloudFormation builders.
//!
//! A [`Reader`] knows the dialect (how lists and paths are written) and a [`Resolver`] (how values
//! are evaluated). Its helpers (`str`, `i64`, `bool`, `policy`, `list`, `objects`, `obj`) turn one
//! key of an [`Obj`] into a model [`Field`] with span and path, never failing: a value of the
//! wrong type becomes [`Unknown::Invalid`].

use super::resolve::{describe, Evaluated, Resolver, State};
use crate::model::{PolicyRef, QuantityMismatch};
use crate::span::Span;
use crate::tree::{Node, NodeKind};
use crate::value::{Field, FieldPath, List, Unknown, Val};

/// How an input writes lists and paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// CloudFront API JSON: lists are `{Quantity, Items}`; paths `A.Items[0].B`.
    Cli,
    /// CloudFormation: plain lists; paths `A/0/B`.
    Cfn,
}

/// An object of the input being read: a map, something unknown, or absent.
#[derive(Debug, Clone)]
pub(crate) struct Obj<'n> {
    /// The map, when the object is a plain map.
    pub map: Option<&'n Node<'n>>,
    /// Why the object cannot be read, when it is set to an expression.
    pub unknown: Option<Unknown>,
    /// The object's span; for an absent object, its parent's.
    pub span: Span,
    /// The object's path (shared by its fields); for an absent object, its parent's.
    pub path: FieldPath,
}

impl<'n> Obj<'n> {
    /// A plain map at `path`.
    pub fn map(node: &'n Node<'n>, path: impl Into<FieldPath>) -> Self {
        Self {
            map: Some(node),
            unknown: None,
            span: node.span,
            path: path.into().into_shared(),
        }
    }

    /// True unless the object is absent.
    pub fn present(&self) -> bool {
        self.map.is_some() || self.unknown.is_some()
    }

    /// True when the object is an expression the input does not resolve (a condition left
    /// open, say): which keys it has is not known, so a key under it is neither there nor
    /// missing.
    pub fn opaque(&self) -> bool {
        self.map.is_none() && self.unknown.is_some()
    }

    /// The value node of `key`.
    pub fn get(&self, key: &str) -> Option<&'n Node<'n>> {
        self.map.and_then(|m| m.get(key))
    }
}

/// A key's node (or why it cannot be read) plus the span and path a field of it gets.
struct Slot<'n> {
    node: Option<&'n Node<'n>>,
    span: Span,
    path: FieldPath,
    /// Set when the parent object is unknown.
    unknown: Option<Unknown>,
}

/// Reads model fields in one dialect with one resolver, collecting quantity mismatches.
pub(crate) struct Reader<'r> {
    pub dialect: Dialect,
    res: &'r dyn Resolver,
    /// `{Quantity, Items}` wrappers seen so far whose counts disagree.
    pub mismatches: Vec<QuantityMismatch>,
}

impl<'r> Reader<'r> {
    /// A reader of `dialect` evaluating values with `res`.
    pub fn new(dialect: Dialect, res: &'r dyn Resolver) -> Self {
        Self {
            dialect,
            res,
            mismatches: Vec::new(),
        }
    }

    /// The key name in this dialect (`cli` for AWS CLI JSON, `cfn` for CloudFormation).
    pub fn key(&self, cli: &'static str, cfn: &'static str) -> &'static str {
        match self.dialect {
            Dialect::Cli => cli,
            Dialect::Cfn => cfn,
        }
    }

    /// `base` + `key` as a path.
    pub fn join(&self, base: &FieldPath, key: &'static str) -> FieldPath {
        FieldPath::key(base, self.separator(), key)
    }

    /// `base` + a key read from the input (a logical id, an authorizer's name) as a path.
    pub fn join_named(&self, base: &FieldPath, name: &str) -> FieldPath {
        FieldPath::named(base, self.separator(), name)
    }

    fn separator(&self) -> char {
        match self.dialect {
            Dialect::Cli => '.',
            Dialect::Cfn => '/',
        }
    }

    /// `base` + list index as a path.
    pub fn index(&self, base: &FieldPath, i: usize) -> FieldPath {
        FieldPath::index(base, i, self.dialect == Dialect::Cfn)
    }

    fn slot<'n>(&self, parent: &Obj<'n>, key: &'static str) -> Slot<'n> {
        self.slot_with(parent, key, |base| self.join(base, key))
    }

    /// The slot of `key`, whose path (when it has its own) `path` makes from the parent's.
    fn slot_with<'n>(
        &self,
        parent: &Obj<'n>,
        key: &str,
        path: impl FnOnce(&FieldPath) -> FieldPath,
    ) -> Slot<'n> {
        match parent.get(key).map(|node| self.res.pick(node)) {
            Some(node) => Slot {
                node: Some(node),
                span: node.span,
                path: path(&parent.path),
                unknown: None,
            },
            None if parent.unknown.is_some() => Slot {
                node: None,
                span: parent.span,
                path: path(&parent.path),
                unknown: parent.unknown.clone(),
            },
            None => Slot {
                node: None,
                span: parent.span,
                path: parent.path.clone(),
                unknown: None,
            },
        }
    }

    /// The object under `key`.
    pub fn obj<'n>(&self, parent: &Obj<'n>, key: &'static str) -> Obj<'n> {
        let slot = self.slot(parent, key);
        self.slot_obj(parent, slot)
    }

    /// The object under a key read from the input (an authorizer's name, say).
    pub fn named_obj<'n>(&self, parent: &Obj<'n>, name: &str) -> Obj<'n> {
        let slot = self.slot_with(parent, name, |base| self.join_named(base, name));
        self.slot_obj(parent, slot)
    }

    fn slot_obj<'n>(&self, parent: &Obj<'n>, slot: Slot<'n>) -> Obj<'n> {
        let mut obj = Obj {
            map: None,
            unknown: slot.unknown,
            span: slot.span,
            path: slot.path.into_shared(),
        };
        if let Some(node) = slot.node {
            if let Some(value) = self.res.object_expression(node) {
                match value.state {
                    State::Absent => return self.absent_obj(parent),
                    State::Unknown { why, .. } => obj.unknown = Some(why),
                    _ => obj.unknown = Some(wrong("an object", node)),
                }
            } else {
                match node.kind {
                    NodeKind::Map(_) => obj.map = Some(node),
                    NodeKind::Null => return self.absent_obj(parent),
                    _ => obj.unknown = Some(wrong("an object", node)),
                }
            }
        }
        obj
    }

    fn absent_obj<'n>(&self, parent: &Obj<'n>) -> Obj<'n> {
        Obj {
            map: None,
            unknown: None,
            span: parent.span,
            path: parent.path.clone(),
        }
    }

    /// The evaluated value under `key` with the field it makes (the field's value unset).
    pub fn value(&self, parent: &Obj, key: &'static str) -> (Field<()>, Evaluated) {
        self.value_with(parent, key, false)
    }

    /// [`Reader::value`], with the key of an unknown value when `keyed`.
    fn value_with(&self, parent: &Obj, key: &'static str, keyed: bool) -> (Field<()>, Evaluated) {
        let slot = self.slot(parent, key);
        let value = match (slot.node, slot.unknown) {
            (Some(node), _) if keyed => self.res.eval_keyed(node),
            (Some(node), _) => self.res.eval(node),
            (None, Some(why)) => Evaluated::unknown(why),
            (None, None) => Evaluated::absent(),
        };
        let field = if value.state == State::Absent {
            // A missing key's slot already holds the parent's path.
            let path = match slot.node {
                None => slot.path,
                Some(_) => parent.path.clone(),
            };
            Field::absent(parent.span, path)
        } else {
            Field {
                val: Val::Absent,
                span: slot.span,
                path: slot.path,
            }
        };
        (field, value)
    }

    /// A string field.
    pub fn str(&self, parent: &Obj, key: &'static str) -> Field<String> {
        let (at, value) = self.value(parent, key);
        string_field(at, value.state)
    }

    /// A string field and the value it was made from (its shape and references).
    pub fn str_value(&self, parent: &Obj, key: &'static str) -> (Field<String>, Evaluated) {
        let (at, value) = self.value(parent, key);
        (string_field(at, value.state.clone()), value)
    }

    /// An id that values are matched by (an origin's `Id`, a `TargetOriginId`): a string field
    /// whose unknown value is the whole of its reason (a bare parameter, a placeholder) or else
    /// the expression that names it exactly ([`Unknown::Expression`] with the evaluator's key),
    /// so that [`Unknown::expression_key`] compares it soundly.
    pub fn id(&self, parent: &Obj, key: &'static str) -> Field<String> {
        let (at, value) = self.value_with(parent, key, true);
        let (state, exact) = match value.state {
            State::Unknown { why, shape, key } => (
                State::Unknown {
                    why,
                    shape,
                    key: None,
                },
                key,
            ),
            state => (state, None),
        };
        let mut field = string_field(at, state);
        if let Val::Unknown(why) = &field.val {
            let whole = match (why, exact.as_deref()) {
                // No exact key: keep a reason that names no value (a wrong type, an import).
                (_, None) => why.expression_key().is_none(),
                (Unknown::Parameter { name, .. }, Some(k)) => k == format!("${{{name}}}"),
                (Unknown::Placeholder(t) | Unknown::DynamicReference(t), Some(k)) => {
                    k == t || k == t.replace("${", "${!")
                }
                _ => false,
            };
            if !whole {
                field.val = Val::Unknown(match exact {
                    Some(k) => Unknown::Expression(k),
                    None => Unknown::Intrinsic("an expression".into()),
                });
            }
        }
        field
    }

    /// An integer field; numeric strings are accepted.
    pub fn i64(&self, parent: &Obj, key: &'static str) -> Field<i64> {
        if let Some(field) = self.literal(parent, key, parse_i64) {
            return field;
        }
        let (at, value) = self.value(parent, key);
        typed(at, value.state, "a whole number", parse_i64)
    }

    /// A boolean field; `"true"`/`"false"` strings are accepted.
    pub fn bool(&self, parent: &Obj, key: &'static str) -> Field<bool> {
        if let Some(field) = self.literal(parent, key, parse_bool) {
            return field;
        }
        let (at, value) = self.value(parent, key);
        typed(at, value.state, "true or false", parse_bool)
    }

    /// The field of a number or boolean written literally under `key`, read without evaluating
    /// it (what evaluating it gives, with no text to copy); `None` for anything else.
    fn literal<T>(
        &self,
        parent: &Obj,
        key: &'static str,
        convert: impl Fn(&str) -> Option<T>,
    ) -> Option<Field<T>> {
        let node = self.res.pick(parent.get(key)?);
        let value = match &node.kind {
            NodeKind::Number(n) => convert(n)?,
            NodeKind::Bool(b) => convert(if *b { "true" } else { "false" })?,
            _ => return None,
        };
        Some(Field::known(value, node.span, self.join(&parent.path, key)))
    }

    /// A policy or origin access control id: a literal id, or a resource of the same input.
    /// An empty string (how the API writes "none") is absent.
    pub fn policy(&self, parent: &Obj, key: &'static str) -> Field<PolicyRef> {
        let slot = self.slot(parent, key);
        if let Some(local) = slot.node.and_then(|n| self.res.local_policy(n)) {
            return Field::known(PolicyRef::Local(local), slot.span, slot.path);
        }
        let (at, value) = self.value(parent, key);
        match value.state {
            State::Text(s) if s.trim().is_empty() => Field::absent(parent.span, &parent.path),
            state => typed(at, state, "an id", |s| Some(PolicyRef::Id(s.to_string()))),
        }
    }

    /// The node holding the items of the list under `key` and its path, unwrapping a
    /// `{Quantity, Items}` wrapper when the dialect (or `wrapped`) says lists have one. `Err` is
    /// an unknown or absent list (as a field).
    fn list_node<'n>(
        &mut self,
        parent: &Obj<'n>,
        key: &'static str,
        wrapped: bool,
    ) -> Result<(&'n Node<'n>, FieldPath), Field<()>> {
        let slot = self.slot(parent, key);
        let at = |val| Field {
            val,
            span: slot.span,
            path: slot.path.clone(),
        };
        let Some(node) = slot.node else {
            return Err(match slot.unknown {
                Some(why) => at(Val::Unknown(why)),
                None => at(Val::Absent),
            });
        };
        let wrapped = wrapped || self.dialect == Dialect::Cli;
        if wrapped && node.as_map().is_some() && self.res.object_expression(node).is_none() {
            self.check_quantity(node, &slot.path);
            return match node.get("Items").map(|items| self.res.pick(items)) {
                Some(items) => Ok((items, self.join(&slot.path, "Items").into_shared())),
                None => Err(at(Val::Known(()))),
            };
        }
        Ok((node, slot.path.into_shared()))
    }

    fn check_quantity(&mut self, wrapper: &Node, path: &FieldPath) {
        let Some(q) = wrapper.get("Quantity") else {
            return;
        };
        let Some(quantity) = typed_value(self.res.eval(q).state, parse_i64) else {
            return;
        };
        let items = wrapper
            .get("Items")
            .and_then(Node::as_seq)
            .map_or(0, <[Node]>::len);
        if usize::try_from(quantity).ok() != Some(items) {
            self.mismatches.push(QuantityMismatch {
                quantity,
                items,
                span: q.span,
                path: self.join(path, "Quantity"),
            });
        }
    }

    /// A list of strings (aliases, methods, header names …).
    pub fn list(&mut self, parent: &Obj, key: &'static str) -> List {
        self.list_with(parent, key, false)
    }

    /// A list of strings that is a `{Quantity, Items}` wrapper in every dialect.
    pub fn wrapped_list(&mut self, parent: &Obj, key: &'static str) -> List {
        self.list_with(parent, key, true)
    }

    fn list_with(&mut self, parent: &Obj, key: &'static str, wrapped: bool) -> List {
        let (node, path) = match self.list_node(parent, key, wrapped) {
            Ok(found) => found,
            Err(field) => {
                let val = match field.val {
                    Val::Known(()) => Val::Known(Vec::new()),
                    Val::Unknown(why) => Val::Unknown(why),
                    Val::Absent => Val::Absent,
                };
                return Field {
                    val,
                    span: field.span,
                    path: field.path,
                };
            }
        };
        let (list_span, list_path) = (node.span, path.clone());
        let items = match node.as_seq() {
            Some(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let at = Field {
                        val: Val::Absent,
                        span: item.span,
                        path: self.index(&path, i),
                    };
                    let state = self.res.eval(item).state;
                    (state != State::Absent).then(|| string_field(at, state))
                })
                .collect(),
            None if node.as_map().is_some() && self.res.object_expression(node).is_none() => {
                return Field::unknown(wrong("a list", node), list_span, list_path);
            }
            None => match self.res.eval(node).state {
                State::List(values) => values
                    .into_iter()
                    .enumerate()
                    .filter(|(_, v)| v.state != State::Absent)
                    .map(|(i, v)| {
                        let at = Field {
                            val: Val::Absent,
                            span: list_span,
                            path: self.index(&path, i),
                        };
                        string_field(at, v.state)
                    })
                    .collect(),
                State::Absent => return Field::absent(parent.span, &parent.path),
                State::Unknown { why, .. } => return Field::unknown(why, list_span, list_path),
                State::Text(_) => {
                    return Field::unknown(wrong("a list", node), list_span, list_path);
                }
            },
        };
        Field::known(items, list_span, list_path)
    }

    /// The objects of the list under `key` (origins, behaviors …). Unknown items become
    /// unknown objects, and so does a list that is itself unknown (as one item); an absent
    /// list has no items.
    pub fn objects<'n>(&mut self, parent: &Obj<'n>, key: &'static str) -> Vec<Obj<'n>> {
        self.objects_with(parent, key, false)
    }

    /// Like [`Reader::objects`] for a list that is a `{Quantity, Items}` wrapper in every dialect.
    pub fn wrapped_objects<'n>(&mut self, parent: &Obj<'n>, key: &'static str) -> Vec<Obj<'n>> {
        self.objects_with(parent, key, true)
    }

    fn objects_with<'n>(
        &mut self,
        parent: &Obj<'n>,
        key: &'static str,
        wrapped: bool,
    ) -> Vec<Obj<'n>> {
        let Ok((node, path)) = self.list_node(parent, key, wrapped) else {
            return Vec::new();
        };
        let Some(items) = node.as_seq() else {
            // A list set to an expression (`Origins: !If […]`): one unknown item stands for an
            // unknown number of them, so rules see that the list is not known.
            let why = match self.res.object_expression(node).map(|v| v.state) {
                Some(State::Unknown { why, .. }) => why,
                Some(State::Absent) => return Vec::new(),
                _ => wrong("a list", node),
            };
            return vec![Obj {
                map: None,
                unknown: Some(why),
                span: node.span,
                path,
            }];
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.item_obj(item, self.index(&path, i)))
            .collect()
    }

    /// A list item in an object position; `None` when it evaluates to nothing (`AWS::NoValue`).
    fn item_obj<'n>(&self, item: &'n Node<'n>, path: FieldPath) -> Option<Obj<'n>> {
        let item = self.res.pick(item);
        let mut obj = Obj {
            map: None,
            unknown: None,
            span: item.span,
            path: path.into_shared(),
        };
        if let Some(value) = self.res.object_expression(item) {
            match value.state {
                State::Absent => return None,
                State::Unknown { why, .. } => obj.unknown = Some(why),
                _ => obj.unknown = Some(wrong("an object", item)),
            }
        } else if item.as_map().is_some() {
            obj.map = Some(item);
        } else {
            obj.unknown = Some(wrong("an object", item));
        }
        Some(obj)
    }
}

/// An `Unknown::Invalid` for a node of the wrong type.
fn wrong(what: &str, node: &Node) -> Unknown {
    Unknown::Invalid(format!("expected {what}, found {}", describe(node)))
}

/// Turns an evaluated state into a typed field at `at`'s span and path.
fn typed<T>(
    at: Field<()>,
    state: State,
    what: &str,
    convert: impl Fn(&str) -> Option<T>,
) -> Field<T> {
    let val = match state {
        State::Text(s) => match convert(&s) {
            Some(v) => Val::Known(v),
            None => Val::Unknown(Unknown::Invalid(format!("expected {what}, found {s:?}"))),
        },
        State::List(_) => Val::Unknown(Unknown::Invalid(format!("expected {what}, found a list"))),
        State::Unknown { why, .. } => Val::Unknown(why),
        State::Absent => Val::Absent,
    };
    Field {
        val,
        span: at.span,
        path: at.path,
    }
}

/// The typed value of a known state.
fn typed_value<T>(state: State, convert: impl Fn(&str) -> Option<T>) -> Option<T> {
    match state {
        State::Text(s) => convert(&s),
        _ => None,
    }
}

/// A string field from an evaluated state (its text moved, not copied).
fn string_field(at: Field<()>, state: State) -> Field<String> {
    match state {
        State::Text(s) => Field::known(s, at.span, at.path),
        state => typed(at, state, "a string", |s| Some(s.to_string())),
    }
}

/// Parses a whole number written as a number or a numeric string (`"200"`, `443`, `30.0`).
pub(crate) fn parse_i64(s: &str) -> Option<i64> {
    let s = s.trim();
    s.parse::<i64>().ok().or_else(|| {
        s.parse::<f64>()
            .ok()
            .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
            .map(|f| f as i64)
    })
}

/// Parses `true`/`false` in any ASCII case.
pub(crate) fn parse_bool(s: &str) -> Option<bool> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("true") {
        Some(true)
    } else if s.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::json::parse_tree;
    use crate::parse::resolve::Literal;
    use crate::span::LineIndex;

    /// Numbers and booleans written literally are read without evaluating them: the fields must
    /// be what evaluating them gives (value, span, path), and anything else still goes through
    /// evaluation (a string "true", a number where a boolean belongs, a fraction for an integer).
    #[test]
    fn literal_numbers_and_booleans_read_as_evaluated() {
        let text = r#"{"C": {"ttl": 86400, "big": 1e3, "half": 1.5, "on": true, "word": "TRUE",
            "one": 1, "off": false}}"#;
        let idx = LineIndex::new(text);
        let tree = parse_tree(text, &idx).unwrap();
        let literal = Literal::default();
        let r = Reader::new(Dialect::Cli, &literal);
        let root = Obj::map(&tree.root, "");
        let c = r.obj(&root, "C");
        let evaluated = |key: &'static str| r.value(&c, key);
        for key in ["ttl", "big", "half", "on", "word", "one", "off", "none"] {
            let (at, value) = evaluated(key);
            let expect = typed(at.clone(), value.state.clone(), "a whole number", parse_i64);
            assert_eq!(r.i64(&c, key), expect, "{key}");
            let expect = typed(at, value.state, "true or false", parse_bool);
            assert_eq!(r.bool(&c, key), expect, "{key}");
        }
        assert_eq!(r.i64(&c, "ttl").get(), Some(&86400));
        assert_eq!(r.i64(&c, "big").get(), Some(&1000));
        assert_eq!(r.i64(&c, "ttl").path, "C.ttl");
        assert_eq!(r.bool(&c, "on").get(), Some(&true));
        assert_eq!(r.bool(&c, "word").get(), Some(&true));
        assert!(r.bool(&c, "one").is_unknown());
        assert!(r.i64(&c, "half").is_unknown());
    }
}
