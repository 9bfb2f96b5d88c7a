//! End-to-end tests of the `apifront` binary: every command, output format and exit status.

mod api;
mod assembly;
mod catalog;
mod docs;
mod fix;
mod formats;
mod generate;
mod lint;
mod map;
mod module;
mod parameters;
mod sarif;
mod share;
mod trace;
mod unread;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The `apifront` binary, without colours and without a user-set app address.
pub fn apifront() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_apifront"));
    cmd.env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("APIFRONT_APP_URL")
        .current_dir(fixture(""));
    cmd
}

/// A fixture of this crate (paths in reports are relative to this folder).
pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// A fixture of the core crate.
pub fn core_fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures")
        .join(path)
}

/// Runs the command and parses its standard output as JSON.
pub fn json_of(cmd: &mut Command) -> serde_json::Value {
    let output = cmd.output().unwrap();
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// The findings the core reports for a fixture of this crate, with the default configuration.
pub fn core_findings(path: &str) -> Vec<apifront_core::lint::Finding> {
    let text = std::fs::read_to_string(fixture(path)).unwrap();
    apifront_core::lint::lint_text(&text, &apifront_core::lint::LintConfig::default())
        .unwrap()
        .findings
}
