//! One line per finding, `file:line:col: severity rule message`, for editors' error formats and
//! grep. An input that cannot be read or parsed gives `file:line:col: error parse-error …` or
//! `file:1:1: error read-error …`.

use super::InputReport;
use std::fmt::Write;

/// The parseable lines of `inputs`.
pub fn render(inputs: &[InputReport]) -> String {
    let mut out = String::new();
    for input in inputs {
        if let Some(failure) = input.failure() {
            let (kind, line, column) = match failure.line {
                0 => ("read-error", 1, 1),
                line => ("parse-error", line, failure.column),
            };
            let _ = writeln!(
                out,
                "{}:{line}:{column}: error {kind} {}",
                failure.file.name,
                one_line(&failure.message)
            );
        }
        for f in input.findings() {
            let _ = writeln!(
                out,
                "{}:{}:{}: {} {} {}",
                input.name(f.file),
                f.span.line,
                f.span.column,
                f.severity.as_str(),
                f.rule,
                one_line(&f.message)
            );
        }
    }
    out
}

/// `text` on one line: line breaks become spaces.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}
