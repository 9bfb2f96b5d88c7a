//! Format detection. (Stub: to be replaced by the parsers work.)

use crate::model::Format;

/// Guesses the format of `text` from its first significant characters.
pub fn detect(text: &str) -> Format {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') || t.starts_with('[') {
        Format::CliJson
    } else if t.starts_with("resource") || t.starts_with("variable") || t.starts_with("terraform") {
        Format::Terraform
    } else {
        Format::CfnYaml
    }
}
