//! Evaluating a node in a value position: the shared interface of the AWS CLI JSON reader (values
//! are literals) and the CloudFormation reader (values may be intrinsic functions).

use super::placeholder;
use crate::model::{Note, NoteKind};
use crate::tree::{Node, NodeKind};
use crate::value::Unknown;
use std::cell::RefCell;
use std::collections::HashSet;

/// What a sibling resource referred to by a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// An API Gateway REST, HTTP or WebSocket API (also SAM `Api`/`HttpApi`).
    Api,
    /// A Lambda function URL.
    LambdaUrl,
    /// A CloudFront distribution.
    Distribution,
    /// Anything else.
    Other,
}

/// A sibling resource a value refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ref {
    pub id: String,
    pub target: Target,
}

/// The result of evaluating a node in a value position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum State {
    /// A known scalar, as text (numbers and booleans as written).
    Text(String),
    /// A known list whose items may be unknown.
    List(Vec<Evaluated>),
    /// Set to something that cannot be evaluated. `shape` is the text with the unknown parts
    /// written as `{placeholder}` when its shape is known (`{Api}.execute-api.{AWS::Region}…`).
    /// `key` names the value exactly, when it can: two unknowns with the same key are equal
    /// once deployed (see [`Unknown::expression_key`]).
    Unknown {
        why: Unknown,
        shape: Option<String>,
        key: Option<String>,
    },
    /// Not set (`null`, `AWS::NoValue`).
    Absent,
}

/// An evaluated value and the sibling resources it refers to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Evaluated {
    pub state: State,
    pub refs: Vec<Ref>,
}

impl Evaluated {
    /// A known scalar.
    pub fn text(s: impl Into<String>) -> Self {
        Self::from(State::Text(s.into()))
    }

    /// An unknown value without a known shape.
    pub fn unknown(why: Unknown) -> Self {
        Self::from(State::Unknown {
            why,
            shape: None,
            key: None,
        })
    }

    /// An unknown value whose text has a known shape.
    pub fn shaped(why: Unknown, shape: impl Into<String>) -> Self {
        Self::from(State::Unknown {
            why,
            shape: Some(shape.into()),
            key: None,
        })
    }

    /// An unknown value with its shape (when known) and its key.
    pub fn keyed(why: Unknown, shape: Option<String>, key: String) -> Self {
        Self::from(State::Unknown {
            why,
            shape,
            key: Some(key),
        })
    }

    /// The key of an unknown value (see [`State::Unknown`]).
    pub fn key(&self) -> Option<&str> {
        match &self.state {
            State::Unknown { key, .. } => key.as_deref(),
            _ => None,
        }
    }

    /// A value of the wrong type (`what` says what was expected).
    pub fn wrong_type(what: &str, node: &Node) -> Self {
        Self::unknown(Unknown::Invalid(format!(
            "expected {what}, found {}",
            describe(node)
        )))
    }

    /// Not set.
    pub fn absent() -> Self {
        Self::from(State::Absent)
    }

    /// Adds a reference to a sibling resource.
    pub fn with_ref(mut self, r: Ref) -> Self {
        if !self.refs.contains(&r) {
            self.refs.push(r);
        }
        self
    }

    /// The text, or the shape of an unknown text, when there is one.
    pub fn shape(&self) -> Option<&str> {
        match &self.state {
            State::Text(s) => Some(s),
            State::Unknown { shape, .. } => shape.as_deref(),
            _ => None,
        }
    }
}

impl From<State> for Evaluated {
    fn from(state: State) -> Self {
        Self {
            state,
            refs: Vec::new(),
        }
    }
}

/// How the values of one input format are evaluated.
pub(crate) trait Resolver {
    /// Evaluates a node in a value position.
    fn eval(&self, node: &Node) -> Evaluated;

    /// Evaluates a node whose key is wanted (an id values are matched by): an unknown value
    /// gets its key (see [`State::Unknown`]), which [`Resolver::eval`] may leave out.
    fn eval_keyed(&self, node: &Node) -> Evaluated {
        self.eval(node)
    }

    /// The node that `node` stands for in the model being built: the chosen branch of a
    /// CloudFormation `Fn::If`, or `node` itself.
    fn pick<'a>(&self, node: &'a Node<'a>) -> &'a Node<'a>;

    /// When `node` refers to a policy or origin access control defined in the same input, its
    /// name (logical id).
    fn local_policy(&self, node: &Node) -> Option<String>;

    /// When a map in an object position is not a plain object but an expression (an intrinsic
    /// function), what it evaluates to.
    fn object_expression(&self, node: &Node) -> Option<Evaluated>;
}

/// Placeholders met while evaluating values: one note per string node.
#[derive(Default)]
pub(crate) struct Placeholders {
    pub list: Vec<Note>,
    /// Start offsets of the strings already noted.
    pub seen: HashSet<usize>,
}

/// Values of AWS CLI JSON: literals only. A placeholder (`<your-bucket>`) is unknown, and
/// recorded once.
#[derive(Default)]
pub(crate) struct Literal {
    placeholders: RefCell<Placeholders>,
}

impl Literal {
    /// The placeholders met so far, taken.
    pub fn take_placeholders(&self) -> Vec<Note> {
        std::mem::take(&mut self.placeholders.borrow_mut().list)
    }
}

impl Resolver for Literal {
    fn eval(&self, node: &Node) -> Evaluated {
        match &node.kind {
            NodeKind::Null => Evaluated::absent(),
            NodeKind::Bool(b) => Evaluated::text(b.to_string()),
            NodeKind::Number(n) => Evaluated::text(n.clone()),
            NodeKind::Str(s) => match placeholder::find(s) {
                None => Evaluated::text(s.clone()),
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
                    Evaluated::keyed(
                        Unknown::Placeholder(s.to_string()),
                        Some(found.shape),
                        s.to_string(),
                    )
                }
            },
            NodeKind::Seq(items) => {
                Evaluated::from(State::List(items.iter().map(|i| self.eval(i)).collect()))
            }
            NodeKind::Map(_) => Evaluated::wrong_type("a value", node),
        }
    }

    fn pick<'a>(&self, node: &'a Node<'a>) -> &'a Node<'a> {
        node
    }

    fn local_policy(&self, _node: &Node) -> Option<String> {
        None
    }

    fn object_expression(&self, _node: &Node) -> Option<Evaluated> {
        None
    }
}

/// "an object", "a list", "a string" … for messages.
pub(crate) fn describe(node: &Node) -> &'static str {
    match node.kind {
        NodeKind::Null => "null",
        NodeKind::Bool(_) => "a boolean",
        NodeKind::Number(_) => "a number",
        NodeKind::Str(_) => "a string",
        NodeKind::Seq(_) => "a list",
        NodeKind::Map(_) => "an object",
    }
}

#[cfg(test)]
mod tests;
