//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
//! which GitHub shows as annotations on the pull request's lines.
//!
//! `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`, escaped as GitHub's
//! toolkit does (`@actions/core` `command.ts`): in the message `%`, CR and LF become `%25`,
//! `%0D`, `%0A`; in property values `:` and `,` also become `%3A` and `%2C`.

use super::InputReport;
use apifront_core::lint::Severity;
use apifront_core::source::LocatedFinding;
use std::fmt::Write;

/// The workflow commands of `inputs`, one line each.
pub fn render(inputs: &[InputReport]) -> String {
    let mut out = String::new();
    for input in inputs {
        if let Some(failure) = input.failure() {
            let title = match failure.line {
                0 => "apifront: cannot read",
                _ => "apifront: cannot parse",
            };
            let position = match failure.line {
                0 => String::new(),
                line => format!(",line={line},col={}", failure.column),
            };
            let _ = writeln!(
                out,
                "::error file={}{position},title={}::{}",
                property(&failure.file.name),
                property(title),
                data(&failure.message)
            );
        }
        for f in input.findings() {
            finding(&mut out, input, f);
        }
    }
    out
}

fn finding(out: &mut String, input: &InputReport, f: &LocatedFinding) {
    let command = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let place = match &input.stack {
        Some(stack) => format!("stack {stack}, {}", f.distribution),
        None => f.distribution.clone(),
    };
    let place = match (place.is_empty(), f.path.is_empty()) {
        (true, true) => String::new(),
        _ => format!("\nin: {place} ({})", f.path),
    };
    let message = format!("{}{place}\nsee: apifront explain {}", f.message, f.rule);
    let s = &f.span;
    let _ = writeln!(
        out,
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        property(input.name(f.file)),
        s.line,
        s.column,
        s.end_line,
        s.end_column,
        property(&f.rule),
        data(&message)
    );
}

/// A command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_toolkit_does() {
        assert_eq!(data("100% done\r\nnext"), "100%25 done%0D%0Anext");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
