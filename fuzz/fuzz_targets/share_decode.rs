//! The share-link decoder: any link, fragment or junk is a state or an error.
#![no_main]
use apifront_core::share::decode;
use apifront_core::state::FormState;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = decode::<FormState>(&text);
});
