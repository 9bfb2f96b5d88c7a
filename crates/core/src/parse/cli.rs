//! AWS CLI JSON to the model. (Stub: to be replaced by the model-builder work.)

use super::ParseError;
use crate::model::Document;
use crate::span::LineIndex;
use crate::tree::Node;

/// Builds the model of AWS CLI / CloudFront API JSON.
pub fn build(_root: &Node, idx: &LineIndex) -> Result<Document, ParseError> {
    Err(ParseError::at(
        idx,
        0,
        "AWS CLI JSON is not implemented yet",
    ))
}
