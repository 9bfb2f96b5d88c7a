//! JSON with positions. (Stub: to be replaced by the parsers work.)

use super::ParseError;
use crate::span::LineIndex;
use crate::tree::Node;

/// Parses JSON text into a [`Node`] tree.
pub fn parse_tree(_text: &str, idx: &LineIndex) -> Result<Node, ParseError> {
    Err(ParseError::at(
        idx,
        0,
        "JSON parsing is not implemented yet",
    ))
}
