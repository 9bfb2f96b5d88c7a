//! Form-state validation and every renderer: a state that deserializes is validated, each format
//! renders it or returns the validation errors, and what is rendered as a format apifront reads
//! parses again.
#![no_main]
use apifront_core::parse::parse;
use apifront_core::render::{render, OutputFormat};
use apifront_core::state::{validate, FormState, Level};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(state) = serde_json::from_slice::<FormState>(data) else {
        return;
    };
    let blocked = validate(&state).iter().any(|e| e.level == Level::Error);
    for &format in OutputFormat::ALL {
        match render(&state, format) {
            Ok(rendered) => {
                assert!(!blocked, "rendered {format:?} despite validation errors");
                let readable = !matches!(
                    format,
                    OutputFormat::CdkTypeScript | OutputFormat::CdkPython
                );
                if readable {
                    if let Err(e) = parse(&rendered.text) {
                        panic!("{format:?} output does not parse: {e}\n{}", rendered.text);
                    }
                }
            }
            Err(errors) => assert!(!errors.is_empty(), "an empty error list for {format:?}"),
        }
    }
});
