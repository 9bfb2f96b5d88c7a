//! Finding and reading the inputs: files, directories and standard input.

use crate::error::CliError;
use apifront_core::parse::{ParseError, NOT_A_CONFIG};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

/// File name endings searched in directories.
pub const EXTENSIONS: &[&str] = &["json", "yaml", "yml", "template", "tf"];

/// One input to read.
#[derive(Debug, Clone)]
pub struct Input {
    /// How the input is named in reports (`-` is shown as `<stdin>`).
    pub name: String,
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// False when found by walking a directory: then files without a distribution are skipped.
    pub explicit: bool,
    /// The directory argument this file was found in.
    pub from_dir: Option<PathBuf>,
    /// The CDK stack, for a template found through a cloud assembly's manifest.
    pub stack: Option<String>,
}

/// How standard input is named in reports.
pub const STDIN_NAME: &str = "<stdin>";

impl Input {
    /// True for standard input.
    pub fn is_stdin(&self) -> bool {
        self.path.is_none()
    }

    /// Reads the input as UTF-8 text.
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

/// A readable message for an I/O error on `path`.
pub fn describe_io(path: &Path, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => format!("{}: no such file or directory", path.display()),
        std::io::ErrorKind::PermissionDenied => format!("{}: permission denied", path.display()),
        _ => format!("cannot read {}: {e}", path.display()),
    }
}

/// The inputs named by `paths` (standard input when empty), walking directories in name order;
/// a directory holding a cloud assembly (`cdk.out`) gives its stacks' templates.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<Input>, CliError> {
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            return Err(CliError::new("no input: give files or directories")
                .with_hint("or pipe a configuration in: `aws cloudfront get-distribution-config --id ID | apifront lint`"));
        }
        return Ok(vec![stdin()]);
    }
    let mut inputs = Vec::new();
    let mut stdin_seen = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if stdin_seen {
                return Err(CliError::new("`-` (standard input) is given twice"));
            }
            stdin_seen = true;
            inputs.push(stdin());
        } else if path.is_dir() && crate::assembly::is_assembly(path) {
            inputs.extend(crate::assembly::stacks(path)?);
        } else if path.is_dir() {
            inputs.extend(walk(path));
        } else {
            inputs.push(Input {
                name: path.display().to_string(),
                path: Some(path.clone()),
                explicit: true,
                from_dir: None,
                stack: None,
            });
        }
    }
    Ok(inputs)
}

fn stdin() -> Input {
    Input {
        name: STDIN_NAME.into(),
        path: None,
        explicit: true,
        from_dir: None,
        stack: None,
    }
}

/// Candidate files under `dir`, skipping hidden directories and `node_modules`.
fn walk(dir: &Path) -> Vec<Input> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_skipped_dir(e))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && has_extension(e.path()))
        .map(|e| Input {
            name: e.path().display().to_string(),
            path: Some(e.path().to_path_buf()),
            explicit: false,
            from_dir: Some(dir.to_path_buf()),
            stack: None,
        })
        .collect()
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
/// CloudFront, or it parses to "no distribution". Such files are skipped silently.
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
    }
}
