//! CDK cloud assemblies (`cdk.out`): `manifest.json` names each stack's template; stages are
//! nested assemblies (`cdk:cloud-assembly` artifacts) with a manifest of their own.

use crate::error::CliError;
use crate::input::{Input, InputFile};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The manifest file of an assembly directory.
pub const MANIFEST: &str = "manifest.json";

/// How deep stages may nest (a cycle of directory names stops here too).
const MAX_DEPTH: usize = 16;

#[derive(Deserialize)]
struct Manifest {
    #[serde(default)]
    artifacts: BTreeMap<String, Artifact>,
}

#[derive(Deserialize)]
struct Artifact {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    properties: Properties,
    #[serde(rename = "displayName")]
    display_name: Option<String>,
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(rename = "templateFile")]
    template_file: Option<String>,
    #[serde(rename = "directoryName")]
    directory_name: Option<String>,
}

/// True when `dir` is a cloud assembly (holds a `manifest.json`).
pub fn is_assembly(dir: &Path) -> bool {
    dir.join(MANIFEST).is_file()
}

/// One input per stack template of the assembly in `dir` and of its nested assemblies, in
/// manifest order (artifact ids sorted); templates without a distribution are skipped later,
/// as in a walked directory.
pub fn stacks(dir: &Path) -> Result<Vec<Input>, CliError> {
    let mut inputs = Vec::new();
    collect(dir, dir, 0, &mut inputs)?;
    Ok(inputs)
}

fn collect(root: &Path, dir: &Path, depth: usize, inputs: &mut Vec<Input>) -> Result<(), CliError> {
    if depth > MAX_DEPTH {
        return Err(CliError::new(format!(
            "{}: cloud assemblies nest more than {MAX_DEPTH} levels deep",
            dir.display()
        )));
    }
    let path = dir.join(MANIFEST);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| CliError::new(crate::input::describe_io(&path, &e)))?;
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| {
        CliError::new(format!(
            "{} is not a cloud assembly manifest: {e}",
            path.display()
        ))
        .with_hint("`cdk synth` writes one; `apifront lint` reads it to find each stack's template")
    })?;
    for (id, artifact) in &manifest.artifacts {
        match (artifact.kind.as_str(), &artifact.properties) {
            (
                "aws:cloudformation:stack",
                Properties {
                    template_file: Some(file),
                    ..
                },
            ) => {
                let template = dir.join(file);
                let mut input =
                    Input::file(InputFile::at(&template), false, Some(root.to_path_buf()));
                input.stack = Some(artifact.display_name.clone().unwrap_or_else(|| id.clone()));
                inputs.push(input);
            }
            (
                "cdk:cloud-assembly",
                Properties {
                    directory_name: Some(nested),
                    ..
                },
            ) => collect(root, &dir.join(nested), depth + 1, inputs)?,
            _ => {}
        }
    }
    Ok(())
}
