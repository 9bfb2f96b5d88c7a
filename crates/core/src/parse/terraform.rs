//! Terraform HCL to the model. (Stub: to be replaced by the Terraform work.)

use super::ParseError;
use crate::model::Document;
use crate::span::LineIndex;

/// Parses Terraform HCL and builds the model.
pub fn parse(_text: &str, idx: &LineIndex) -> Result<Document, ParseError> {
    Err(ParseError::at(idx, 0, "Terraform is not implemented yet"))
}
