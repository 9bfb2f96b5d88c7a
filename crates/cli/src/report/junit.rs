//! JUnit XML, for CI systems that show test reports: one test suite per input, one test case per
//! finding. Findings at or above the `--severity` threshold are failures; the others pass and
//! carry their message as output. An input that cannot be read or parsed is a test case with an
//! `<error>`; an input without findings is one passing test case.

use super::InputReport;
use apifront_core::lint::Severity;
use apifront_core::source::LocatedFinding;
use std::fmt::Write;

/// The JUnit XML report of `files`; `threshold` decides which findings fail.
pub fn render(inputs: &[InputReport], threshold: Severity) -> String {
    let suites: Vec<Suite> = inputs.iter().map(|i| Suite::of(i, threshold)).collect();
    let tests: usize = suites.iter().map(|s| s.cases.len()).sum();
    let failures: usize = suites.iter().map(Suite::failures).sum();
    let errors: usize = suites.iter().map(Suite::errors).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"apifront\" tests=\"{}\" failures=\"{}\" errors=\"{}\">",
        tests, failures, errors
    );
    for suite in &suites {
        suite.write(&mut out);
    }
    out.push_str("</testsuites>\n");
    out
}

/// One input's test suite.
struct Suite<'a> {
    input: &'a InputReport,
    cases: Vec<Case>,
}

/// One test case: a name and, unless it passed, what went wrong.
struct Case {
    name: String,
    /// The file the case is about.
    file: String,
    line: Option<u32>,
    verdict: Verdict,
}

enum Verdict {
    Passed {
        output: Option<String>,
    },
    Failed {
        kind: &'static str,
        message: String,
        details: String,
    },
    Error {
        message: String,
    },
}

impl<'a> Suite<'a> {
    fn of(input: &'a InputReport, threshold: Severity) -> Self {
        let findings = input.findings();
        let cases = match input.failure() {
            Some(failure) => vec![Case {
                name: if failure.line == 0 { "read" } else { "parse" }.into(),
                file: failure.file.name.clone(),
                line: (failure.line > 0).then_some(failure.line),
                verdict: Verdict::Error {
                    message: match failure.line {
                        0 => failure.message.clone(),
                        line => format!(
                            "{}:{line}:{}: {}",
                            failure.file.name, failure.column, failure.message
                        ),
                    },
                },
            }],
            None if findings.is_empty() => vec![Case {
                name: "apifront".into(),
                file: input.name.clone(),
                line: None,
                verdict: Verdict::Passed { output: None },
            }],
            None => findings.iter().map(|f| case(input, f, threshold)).collect(),
        };
        Self { input, cases }
    }

    fn failures(&self) -> usize {
        let failed = |c: &&Case| matches!(c.verdict, Verdict::Failed { .. });
        self.cases.iter().filter(failed).count()
    }

    fn errors(&self) -> usize {
        let error = |c: &&Case| matches!(c.verdict, Verdict::Error { .. });
        self.cases.iter().filter(error).count()
    }

    fn write(&self, out: &mut String) {
        let name = match &self.input.stack {
            Some(stack) => format!("{} (stack {stack})", self.input.name),
            None => self.input.name.clone(),
        };
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">",
            escape(&name),
            self.cases.len(),
            self.failures(),
            self.errors()
        );
        for case in &self.cases {
            let line = case
                .line
                .map(|l| format!(" line=\"{l}\""))
                .unwrap_or_default();
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\"{line}",
                escape(&name),
                escape(&case.name),
                escape(&case.file)
            );
            match &case.verdict {
                Verdict::Passed { output: None } => out.push_str("/>\n"),
                Verdict::Passed {
                    output: Some(output),
                } => {
                    let _ = writeln!(
                        out,
                        ">\n      <system-out>{}</system-out>\n    </testcase>",
                        escape_text(output)
                    );
                }
                Verdict::Failed {
                    kind,
                    message,
                    details,
                } => {
                    let _ = writeln!(
                        out,
                        ">\n      <failure type=\"{kind}\" message=\"{}\">{}</failure>\n    </testcase>",
                        escape(message),
                        escape_text(details)
                    );
                }
                Verdict::Error { message } => {
                    let _ = writeln!(
                        out,
                        ">\n      <error message=\"{}\"/>\n    </testcase>",
                        escape(message)
                    );
                }
            }
        }
        out.push_str("  </testsuite>\n");
    }
}

fn case(input: &InputReport, f: &LocatedFinding, threshold: Severity) -> Case {
    let at = format!("{}:{}", f.span.line, f.span.column);
    let place = match (f.distribution.is_empty(), f.path.is_empty()) {
        (true, true) => String::new(),
        _ => format!("\nin: {} ({})", f.distribution, f.path),
    };
    let details = format!(
        "{} {} at {at}: {}{place}\nsee: apifront explain {}",
        f.severity.as_str(),
        f.rule,
        f.message,
        f.rule
    );
    Case {
        name: format!("{} at {at}", f.rule),
        file: input.name(f.file).to_string(),
        line: Some(f.span.line),
        verdict: if f.severity <= threshold {
            Verdict::Failed {
                kind: f.severity.as_str(),
                message: f.message.clone(),
                details,
            }
        } else {
            Verdict::Passed {
                output: Some(details),
            }
        },
    }
}

/// `text` escaped for XML element content (line breaks kept as they are).
fn escape_text(text: &str) -> String {
    escape(text).replace("&#10;", "\n")
}

/// `text` escaped for XML attributes; characters XML 1.0 cannot hold become U+FFFD.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape("a<b & \"c\"\n\u{1}"),
            "a&lt;b &amp; &quot;c&quot;&#10;\u{FFFD}"
        );
    }
}
