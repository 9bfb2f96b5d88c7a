//! Finding and reading the inputs: files, directories, Terraform modules and standard input.
//!
//! An input is one file, standard input, or the files of one Terraform module. In a directory
//! (searched recursively), every directory that holds `.tf` files is one module: its `.tf` files
//! and the variable files Terraform loads by itself there (`terraform.tfvars`,
//! `terraform.tfvars.json`, `*.auto.tfvars`, `*.auto.tfvars.json`). Files named on the command
//! line are read as named: the `.tf` / `.tfvars` / `.tfvars.json` files named from one directory
//! form one module of exactly those files (so `apifront lint mod/*.tf` reads the module, and a
//! variable file counts only when it is named too).

use crate::error::CliError;
use apifront_core::parse::{aws_output_of, ParseError, NOT_A_CONFIG};
use apifront_core::source::Sources;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

/// File name endings searched in directories.
pub const EXTENSIONS: &[&str] = &["json", "yaml", "yml", "template", "tf"];

/// How standard input is named in reports.
pub const STDIN_NAME: &str = "<stdin>";

/// One file to read.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// How the file is named in reports (`-` is shown as `<stdin>`).
    pub name: String,
    /// `None` for standard input.
    pub path: Option<PathBuf>,
}

impl InputFile {
    /// Standard input.
    pub fn stdin() -> Self {
        Self {
            name: STDIN_NAME.into(),
            path: None,
        }
    }

    /// A file on disk.
    pub fn at(path: &Path) -> Self {
        Self {
            name: path.display().to_string(),
            path: Some(path.to_path_buf()),
        }
    }

    /// Reads the file as UTF-8 text.
    pub fn read(&self) -> Result<String, String> {
        let bytes = match &self.path {
            None => {
                let mut buf = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut buf)
                    .map_err(|e| format!("cannot read standard input: {e}"))?;
                buf
            }
            Some(path) => std::fs::read(path).map_err(|e| describe_io(path, &e))?,
        };
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "{} is not UTF-8 text (invalid byte at offset {})",
                self.name,
                e.utf8_error().valid_up_to()
            )
        })
    }
}

/// One input to lint or fix: a file, standard input, or the files of a Terraform module.
#[derive(Debug, Clone)]
pub struct Input {
    /// How the input is named in messages: the file, or the module's directory.
    pub name: String,
    pub files: Vec<InputFile>,
    /// False when found by walking a directory: then inputs without a distribution are skipped.
    pub explicit: bool,
    /// The directory argument this input was found in.
    pub from_dir: Option<PathBuf>,
    /// The CDK stack, for a template found through a cloud assembly's manifest.
    pub stack: Option<String>,
}

impl Input {
    /// One file.
    pub fn file(file: InputFile, explicit: bool, from_dir: Option<PathBuf>) -> Self {
        Self {
            name: file.name.clone(),
            files: vec![file],
            explicit,
            from_dir,
            stack: None,
        }
    }

    /// True for standard input.
    pub fn is_stdin(&self) -> bool {
        self.files.iter().any(|f| f.path.is_none())
    }

    /// True for a Terraform module of several files.
    pub fn is_module(&self) -> bool {
        self.files.len() > 1
    }

    /// Reads every file; on failure, the index of the file that could not be read.
    pub fn read(&self) -> Result<Sources, (usize, String)> {
        let mut sources = Sources::new();
        for (i, file) in self.files.iter().enumerate() {
            let text = file.read().map_err(|e| (i, e))?;
            sources.push(file.name.clone(), &text);
        }
        Ok(sources)
    }
}

/// A readable message for an I/O error on `path`.
pub fn describe_io(path: &Path, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => format!("{}: no such file or directory", path.display()),
        std::io::ErrorKind::PermissionDenied => format!("{}: permission denied", path.display()),
        _ => format!("cannot read {}: {e}", path.display()),
    }
}

/// What a file is to a Terraform module, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TerraformRole {
    Config,
    /// A variable file Terraform loads by itself (`terraform.tfvars`, `*.auto.tfvars`, and their
    /// `.json` forms).
    AutoValues,
    /// Another variable file (`prod.tfvars`): loaded only with `-var-file`.
    OtherValues,
}

fn terraform_role(path: &Path) -> Option<TerraformRole> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".tf") {
        return Some(TerraformRole::Config);
    }
    let stem = name
        .strip_suffix(".tfvars.json")
        .or_else(|| name.strip_suffix(".tfvars"))?;
    Some(if stem == "terraform" || stem.ends_with(".auto") {
        TerraformRole::AutoValues
    } else {
        TerraformRole::OtherValues
    })
}

/// The inputs named by `paths` (standard input when empty), walking directories in name order;
/// a directory holding a cloud assembly (`cdk.out`) gives its stacks' templates.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<Input>, CliError> {
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            return Err(CliError::new("no input: give files or directories")
                .with_hint("or pipe a configuration in: `aws cloudfront get-distribution-config --id ID | apifront lint`"));
        }
        return Ok(vec![Input::file(InputFile::stdin(), true, None)]);
    }
    let mut inputs = Modules::default();
    let mut stdin_seen = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if stdin_seen {
                return Err(CliError::new("`-` (standard input) is given twice"));
            }
            stdin_seen = true;
            inputs.push(Input::file(InputFile::stdin(), true, None));
        } else if path.is_dir() && crate::assembly::is_assembly(path) {
            for input in crate::assembly::stacks(path)? {
                inputs.push(input);
            }
        } else if path.is_dir() {
            walk(path, &mut inputs);
        } else if terraform_role(path).is_some() && path.is_file() {
            inputs.add_to_module(path, true, None);
        } else {
            inputs.push(Input::file(InputFile::at(path), true, None));
        }
    }
    inputs.finish()
}

/// Inputs being collected, with the Terraform modules being filled.
#[derive(Default)]
struct Modules {
    inputs: Vec<Input>,
    /// (module directory, whether it was named explicitly) → index in `inputs`.
    modules: Vec<((PathBuf, bool), usize)>,
}

impl Modules {
    fn push(&mut self, input: Input) {
        self.inputs.push(input);
    }

    /// Adds a Terraform file to the module of its directory, creating the module in place.
    fn add_to_module(&mut self, path: &Path, explicit: bool, from_dir: Option<&Path>) {
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let key = (dir.clone(), explicit);
        let index = match self.modules.iter().find(|(k, _)| *k == key) {
            Some((_, i)) => *i,
            None => {
                self.inputs.push(Input {
                    name: String::new(),
                    files: Vec::new(),
                    explicit,
                    from_dir: from_dir.map(Path::to_path_buf),
                    stack: None,
                });
                self.modules.push((key, self.inputs.len() - 1));
                self.inputs.len() - 1
            }
        };
        if let Some(module) = self.inputs.get_mut(index) {
            module.files.push(InputFile::at(path));
        }
    }

    /// The inputs: modules named after their directory (a module of one file after that file),
    /// and without the modules that hold only variable files.
    fn finish(mut self) -> Result<Vec<Input>, CliError> {
        let mut dropped = Vec::new();
        for ((dir, explicit), index) in &self.modules {
            let Some(module) = self.inputs.get_mut(*index) else {
                continue;
            };
            let has_config = module.files.iter().any(|f| {
                f.path
                    .as_deref()
                    .and_then(terraform_role)
                    .is_some_and(|r| r == TerraformRole::Config)
            });
            if !has_config {
                if *explicit {
                    let names: Vec<&str> = module.files.iter().map(|f| f.name.as_str()).collect();
                    return Err(CliError::new(format!(
                        "{} holds only variable values",
                        names.join(", ")
                    ))
                    .with_hint("name the module's .tf files too, or its directory"));
                }
                dropped.push(*index);
                continue;
            }
            module.name = match module.files.as_slice() {
                [one] => one.name.clone(),
                _ if dir.as_os_str().is_empty() => ".".to_string(),
                _ => dir.display().to_string(),
            };
        }
        let mut i = 0;
        self.inputs.retain(|_| {
            let keep = !dropped.contains(&i);
            i += 1;
            keep
        });
        Ok(self.inputs)
    }
}

/// Candidate files under `dir`, skipping hidden directories and `node_modules`; the `.tf` files
/// of each directory (with the variable files Terraform loads there) form one module.
fn walk(dir: &Path, inputs: &mut Modules) {
    let entries = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_skipped_dir(e))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file());
    for entry in entries {
        let path = entry.path();
        match terraform_role(path) {
            Some(TerraformRole::Config | TerraformRole::AutoValues) => {
                inputs.add_to_module(path, false, Some(dir));
            }
            // Loaded only with -var-file: not part of what `terraform plan` reads there.
            Some(TerraformRole::OtherValues) => {}
            None if has_extension(path) => inputs.push(Input::file(
                InputFile::at(path),
                false,
                Some(dir.to_path_buf()),
            )),
            None => {}
        }
    }
}

fn is_skipped_dir(entry: &walkdir::DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    entry.file_type().is_dir() && (name.starts_with('.') || name == "node_modules")
}

fn has_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// True when a file found in a directory can hold no distribution: it never mentions
/// CloudFront, it parses to "no distribution", or it is an AWS CLI output apifront does not read
/// (a function's policy that names CloudFront's service principal). Such files are skipped
/// silently.
pub fn holds_no_distribution(text: &str, error: Option<&ParseError>) -> bool {
    let lower = text.to_ascii_lowercase();
    if !lower.contains("cloudfront") && !lower.contains("distributionconfig") {
        return true;
    }
    error.is_some_and(|e| {
        e.message.starts_with(NOT_A_CONFIG)
            || e.message
                .starts_with("not a CloudFront distribution config")
            || e.message.contains("defines no")
            || e.message == "the input is empty"
            || aws_output_of(text).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_files_without_distributions() {
        assert!(holds_no_distribution("name: ci\non: push\n", None));
        let err = apifront_core::parse::parse(
            "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n# cloudfront",
        )
        .unwrap_err();
        assert!(holds_no_distribution("cloudfront", Some(&err)));
        let syntax = apifront_core::parse::parse("{\"DistributionConfig\": ").unwrap_err();
        assert!(!holds_no_distribution(
            "{\"DistributionConfig\": ",
            Some(&syntax)
        ));
        let policy = r#"{"Policy": "{\"Principal\":{\"Service\":\"cloudfront.amazonaws.com\"}}", "RevisionId": "1"}"#;
        let err = apifront_core::parse::parse(policy).unwrap_err();
        assert!(holds_no_distribution(policy, Some(&err)));
    }

    #[test]
    fn terraform_roles_by_name() {
        let role = |n: &str| terraform_role(Path::new(n));
        assert_eq!(role("mod/main.tf"), Some(TerraformRole::Config));
        assert_eq!(role("terraform.tfvars"), Some(TerraformRole::AutoValues));
        assert_eq!(
            role("terraform.tfvars.json"),
            Some(TerraformRole::AutoValues)
        );
        assert_eq!(role("prod.auto.tfvars"), Some(TerraformRole::AutoValues));
        assert_eq!(role("prod.tfvars"), Some(TerraformRole::OtherValues));
        assert_eq!(role("template.json"), None);
    }
}
