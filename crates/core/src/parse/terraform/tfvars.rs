//! Variable values from `.tfvars` and `.tfvars.json` files.
//!
//! Terraform loads `terraform.tfvars`, then `terraform.tfvars.json`, then every
//! `*.auto.tfvars` / `*.auto.tfvars.json` in lexical order of their names; a later file
//! overrides an earlier one. Other variable files are only read when named with `-var-file`:
//! given here, they come last, in the order given. Values set on the command line (`-var`) or in
//! the environment (`TF_VAR_…`) are not seen, and can override all of these.

use super::lit::Lit;
use super::module::Module;
use crate::model::Format;
use crate::parse::ParseError;
use crate::span::LineIndex;
use hcl_edit::structure::Body;
use std::collections::HashMap;

/// The constant values assigned in an HCL `.tfvars` body (references are not allowed there and
/// are skipped).
pub(super) fn read_hcl(body: &Body) -> HashMap<String, Lit> {
    let constants = Module::default();
    body.attributes()
        .filter_map(|a| Some((a.key.as_str().to_string(), constants.literal(&a.value, 0)?)))
        .collect()
}

/// The values of a `.tfvars.json` file: one JSON object.
pub(super) fn read_json(text: &str) -> Result<HashMap<String, Lit>, ParseError> {
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| {
            let (line, column) = (e.line(), e.column());
            let offset = LineIndex::new(text).offset(
                u32::try_from(line).unwrap_or(u32::MAX),
                u32::try_from(column).unwrap_or(u32::MAX),
            );
            ParseError::at(&LineIndex::new(text), offset, format!("invalid JSON: {e}"))
                .with_format(Format::Terraform)
        })?;
    let serde_json::Value::Object(map) = value else {
        return Err(ParseError::at(
            &LineIndex::new(text),
            0,
            "a .tfvars.json file holds one JSON object of variable values",
        )
        .with_format(Format::Terraform));
    };
    Ok(map
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), Lit::from_json(v)?)))
        .collect())
}

/// The values of several variable files, merged in Terraform's order (see the module docs).
pub(super) fn merge(mut files: Vec<(&str, HashMap<String, Lit>)>) -> HashMap<String, Lit> {
    files.sort_by_cached_key(|(name, _)| {
        let base = name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(name)
            .to_ascii_lowercase();
        match base.as_str() {
            "terraform.tfvars" => (0, String::new()),
            "terraform.tfvars.json" => (1, String::new()),
            b if b.ends_with(".auto.tfvars") || b.ends_with(".auto.tfvars.json") => {
                (2, b.to_string())
            }
            _ => (3, String::new()),
        }
    });
    let mut out = HashMap::new();
    for (_, values) in files {
        out.extend(values);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> HashMap<String, Lit> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Lit::Str(v.to_string())))
            .collect()
    }

    #[test]
    fn later_files_override_in_terraform_order() {
        let merged = merge(vec![
            ("prod.tfvars", values(&[("stage", "given")])),
            ("b.auto.tfvars", values(&[("stage", "b"), ("region", "b")])),
            (
                "a.auto.tfvars.json",
                values(&[("stage", "a"), ("env", "a")]),
            ),
            (
                "mod/terraform.tfvars",
                values(&[("stage", "t"), ("name", "t")]),
            ),
        ]);
        let get = |k: &str| merged.get(k).and_then(Lit::as_string);
        assert_eq!(get("name").as_deref(), Some("t"));
        assert_eq!(get("env").as_deref(), Some("a"));
        assert_eq!(get("region").as_deref(), Some("b"));
        assert_eq!(get("stage").as_deref(), Some("given"));
    }

    #[test]
    fn json_values_and_errors() {
        let v =
            read_json("{\"stage\": \"prod\", \"ports\": [443], \"tags\": {\"a\": \"b\"}}").unwrap();
        assert_eq!(v.get("stage"), Some(&Lit::Str("prod".into())));
        let err = read_json("{\n  \"stage\": prod\n}").unwrap_err();
        assert_eq!((err.line, err.column), (2, 12));
        assert!(read_json("[1]").is_err());
    }
}
