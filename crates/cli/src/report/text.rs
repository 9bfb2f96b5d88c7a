//! The human report: one code frame per finding, then a summary line.

use super::frame::{frame, gutter_width};
use super::{InputReport, Outcome, ReportFile};
use crate::style;
use apifront_core::lint::Severity;
use apifront_core::source::LocatedFinding;
use apifront_core::span::LineIndex;
use std::fmt::Write;

/// The text report of `inputs`.
pub fn render(inputs: &[InputReport]) -> String {
    let mut out = String::new();
    for input in inputs {
        match &input.outcome {
            Outcome::Linted(findings) => {
                for finding in findings {
                    finding_block(&mut out, input, finding);
                }
            }
            Outcome::Invalid { file, error: e } => {
                let _ = writeln!(
                    out,
                    "{}: {}",
                    style::paint(style::ERROR, "error"),
                    e.message
                );
                let _ = writeln!(out, "{}", location(input.name(*file), e.line, e.column));
                let gutter = gutter_width(e.line);
                if let Some(ReportFile { text, .. }) = input.file(*file) {
                    if !text.is_empty() {
                        let offset = LineIndex::new(text).offset(e.line, e.column);
                        out.push_str(&frame(text, e.line, (offset, offset), gutter, style::ERROR));
                    }
                }
                if let Some(hint) = &e.hint {
                    note(&mut out, gutter, "hint", hint);
                }
                let what = match (input.module(), input.files.len()) {
                    (Some(dir), _) => Some(format!("Terraform module {dir} (not linted)")),
                    (None, n) if n > 1 => Some(format!("the input of {} (not linted)", input.name)),
                    _ => None,
                };
                if let Some(what) = what {
                    note(&mut out, gutter, "in", &what);
                }
                out.push('\n');
            }
            Outcome::Unreadable { message, .. } => {
                let _ = writeln!(out, "{}: {message}\n", style::paint(style::ERROR, "error"));
            }
        }
    }
    out.push_str(&summary(inputs));
    out
}

fn finding_block(out: &mut String, input: &InputReport, f: &LocatedFinding) {
    let (label, paint) = severity_style(f.severity);
    let _ = writeln!(
        out,
        "{}{}: {}",
        style::paint(paint, label),
        style::paint(style::BOLD, format!("[{}]", f.rule)),
        style::paint(style::BOLD, &f.message)
    );
    let _ = writeln!(
        out,
        "{}",
        location(input.name(f.file), f.span.line, f.span.column)
    );
    let gutter = gutter_width(f.span.line);
    let text = input.file(f.file).map_or("", |file| file.text.as_str());
    out.push_str(&frame(
        text,
        f.span.line,
        (f.span.start, f.span.end),
        gutter,
        paint,
    ));
    let place = if f.path.is_empty() || f.path == f.distribution {
        f.distribution.clone()
    } else {
        format!("{} ({})", f.distribution, f.path)
    };
    let place = match &input.stack {
        Some(stack) => format!("stack {stack}: {place}"),
        None => place,
    };
    // A finding about the text itself may have no distribution (none is created).
    if !place.is_empty() {
        note(out, gutter, "in", &place);
    }
    for (at, text) in &f.related {
        note(
            out,
            gutter,
            "note",
            &format!(
                "{text} ({}:{}:{})",
                input.name(at.file),
                at.span.line,
                at.span.column
            ),
        );
    }
    if let Some(fix) = &f.fix {
        let how = if fix.safe {
            "safe: `apifront fix`"
        } else {
            "unsafe: `apifront fix --unsafe`"
        };
        note(out, gutter, "fix", &format!("{} ({how})", fix.description));
    }
    note(out, gutter, "see", &format!("apifront explain {}", f.rule));
    out.push('\n');
}

fn severity_style(severity: Severity) -> (&'static str, anstyle::Style) {
    match severity {
        Severity::Error => ("error", style::ERROR),
        Severity::Warning => ("warning", style::WARNING),
        Severity::Info => ("info", style::INFO),
    }
}

fn location(name: &str, line: u32, column: u32) -> String {
    format!(
        "  {} {name}:{line}:{column}",
        style::paint(style::GUTTER, "-->")
    )
}

fn note(out: &mut String, gutter: usize, label: &str, text: &str) {
    let _ = writeln!(
        out,
        "{} {} {}: {text}",
        " ".repeat(gutter),
        style::paint(style::GUTTER, "="),
        style::paint(style::BOLD, label)
    );
}

/// "Found 3 problems (1 error, 2 warnings) in 2 files; 1 fixable with `apifront fix`." Every
/// file of a linted Terraform module counts.
fn summary(inputs: &[InputReport]) -> String {
    let findings: Vec<&LocatedFinding> = inputs.iter().flat_map(|f| f.findings()).collect();
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let failed = inputs.iter().filter(|f| f.failure().is_some()).count();
    let linted: usize = inputs
        .iter()
        .filter(|f| f.failure().is_none())
        .map(|f| f.files.len())
        .sum();
    let mut out = if linted == 0 {
        String::new()
    } else if findings.is_empty() {
        format!(
            "{} No problems found in {}.\n",
            style::paint(style::HELP, "✓"),
            plural(linted, "file")
        )
    } else {
        let parts: Vec<String> = [
            (Severity::Error, "error"),
            (Severity::Warning, "warning"),
            (Severity::Info, "info"),
        ]
        .iter()
        .filter(|(s, _)| count(*s) > 0)
        .map(|(s, name)| match *s {
            Severity::Info => format!("{} info", count(*s)),
            _ => plural(count(*s), name),
        })
        .collect();
        let safe = findings
            .iter()
            .filter(|f| f.fix.as_ref().is_some_and(|x| x.safe))
            .count();
        let unsafe_ = findings
            .iter()
            .filter(|f| f.fix.as_ref().is_some_and(|x| !x.safe))
            .count();
        let mut line = format!(
            "Found {} ({}) in {}",
            plural(findings.len(), "problem"),
            parts.join(", "),
            plural(linted, "file")
        );
        if safe > 0 {
            let _ = write!(line, "; {safe} fixable with `apifront fix`");
        }
        if unsafe_ > 0 {
            let _ = write!(line, "; {unsafe_} more with `apifront fix --unsafe`");
        }
        style::paint(style::BOLD, line) + ".\n"
    };
    if failed > 0 {
        let _ = writeln!(
            out,
            "{} could not be read or parsed.",
            plural(failed, "input")
        );
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
