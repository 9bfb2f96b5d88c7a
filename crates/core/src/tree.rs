//! A format-neutral syntax tree with positions, produced by the JSON and YAML parsers.
//!
//! CloudFormation YAML short-form tags are rewritten to their long form while parsing
//! (`!Ref X` becomes the map `{Ref: X}`, `!Sub s` becomes `{Fn::Sub: s}`), so the model
//! builders only ever see one form. The synthetic key's span is the tag's span.

use crate::span::Span;
use std::borrow::Cow;

/// One node of a parsed document. Text borrows from the source (`'s`) where it can be taken
/// as written (JSON strings without escapes, numbers) and is owned otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'s> {
    pub kind: NodeKind<'s>,
    pub span: Span,
}

/// What a node holds.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind<'s> {
    Null,
    Bool(bool),
    /// A number, kept as written so no precision is lost.
    Number(Cow<'s, str>),
    Str(Cow<'s, str>),
    Seq(Vec<Node<'s>>),
    Map(Vec<Entry<'s>>),
}

/// A key/value pair of a map, in source order.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'s> {
    pub key: Cow<'s, str>,
    pub key_span: Span,
    pub value: Node<'s>,
}

impl<'s> Node<'s> {
    /// The entry of a map with this exact key.
    pub fn entry(&self, key: &str) -> Option<&Entry<'s>> {
        match &self.kind {
            NodeKind::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    /// The value of a map's key.
    pub fn get(&self, key: &str) -> Option<&Node<'s>> {
        self.entry(key).map(|e| &e.value)
    }

    /// The entries when this is a map.
    pub fn as_map(&self) -> Option<&[Entry<'s>]> {
        match &self.kind {
            NodeKind::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The items when this is a sequence.
    pub fn as_seq(&self) -> Option<&[Node<'s>]> {
        match &self.kind {
            NodeKind::Seq(items) => Some(items),
            _ => None,
        }
    }

    /// The text when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(s) => Some(s),
            _ => None,
        }
    }
}
