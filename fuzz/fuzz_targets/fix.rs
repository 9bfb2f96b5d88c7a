//! Fix application, unsafe fixes included: never a panic, and text that parsed still parses
//! after every fix has been applied.
#![no_main]
use apifront_core::lint::{fix_text, LintConfig};
use apifront_core::parse::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let config = LintConfig::default();
    let parsed = parse(&text).is_ok();
    let fixed = fix_text(&text, &config, true);
    if parsed {
        let fixed = match fixed {
            Ok(fixed) => fixed,
            Err(e) => panic!("a fix pass broke the text: {e}"),
        };
        if let Err(e) = parse(&fixed) {
            panic!("the fixed text no longer parses: {e}\n--- fixed ---\n{fixed}");
        }
    }
});
