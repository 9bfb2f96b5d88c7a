//! CloudFormation templates to the model. (Stub: to be replaced by the model-builder work.)

use super::ParseError;
use crate::model::{Document, Format};
use crate::span::LineIndex;
use crate::tree::Node;

/// True when the tree looks like a CloudFormation template (has `Resources` or
/// `AWSTemplateFormatVersion`).
pub fn is_template(root: &Node) -> bool {
    root.get("Resources").is_some() || root.get("AWSTemplateFormatVersion").is_some()
}

/// Builds the model of a CloudFormation template.
pub fn build(_root: &Node, _format: Format, idx: &LineIndex) -> Result<Document, ParseError> {
    Err(ParseError::at(
        idx,
        0,
        "CloudFormation is not implemented yet",
    ))
}
