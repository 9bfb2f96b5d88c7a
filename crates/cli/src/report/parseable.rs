//! One line per finding, `file:line:col: severity rule message`, for editors' error formats and
//! grep. An input that cannot be read or parsed gives `file:line:col: error parse-error …` or
//! `file:1:1: error read-error …`.

use super::{FileReport, Outcome};
use std::fmt::Write;

/// The parseable lines of `files`.
pub fn render(files: &[FileReport]) -> String {
    let mut out = String::new();
    for file in files {
        match &file.outcome {
            Outcome::Linted(findings) => {
                for f in findings {
                    let _ = writeln!(
                        out,
                        "{}:{}:{}: {} {} {}",
                        file.name,
                        f.span.line,
                        f.span.column,
                        f.severity.as_str(),
                        f.rule,
                        one_line(&f.message)
                    );
                }
            }
            Outcome::Invalid(e) => {
                let _ = writeln!(
                    out,
                    "{}:{}:{}: error parse-error {}",
                    file.name,
                    e.line,
                    e.column,
                    one_line(&e.message)
                );
            }
            Outcome::Unreadable(message) => {
                let _ = writeln!(
                    out,
                    "{}:1:1: error read-error {}",
                    file.name,
                    one_line(message)
                );
            }
        }
    }
    out
}

/// `text` on one line: line breaks become spaces.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}
