//! Format detection and every parser, chosen by detection: any text is a model or a
//! positioned error.
#![no_main]
use apifront_core::parse::{detect, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let format = detect(&text);
    if let Err(e) = parse(&text) {
        assert!(e.line >= 1 && e.column >= 1, "{e}");
        if let Some(f) = e.format {
            assert_eq!(
                f, format,
                "an error names a format other than the detected one"
            );
        }
    }
});
