//! The JSON parser (AWS CLI and CloudFormation): inputs detected as another format are skipped,
//! so the fuzzer's effort stays on this parser (seeded with JSON fixtures).
#![no_main]
use apifront_core::model::Format;
use apifront_core::parse::{detect, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if !matches!(detect(text), Format::CfnJson | Format::CliJson) {
        return;
    }
    if let Ok(doc) = parse(text) {
        for dist in &doc.distributions {
            assert!(dist.span.start <= dist.span.end && dist.span.end <= text.len());
        }
    }
});
