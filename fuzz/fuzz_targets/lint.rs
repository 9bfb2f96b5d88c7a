//! The whole lint pipeline: parse, model, every rule. Findings point inside the text.
#![no_main]
use apifront_core::lint::{lint_text, LintConfig};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(report) = lint_text(&text, &LintConfig::default()) {
        for f in &report.findings {
            assert!(
                f.span.start <= f.span.end && f.span.end <= text.len(),
                "{f:?}"
            );
            assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        }
    }
});
