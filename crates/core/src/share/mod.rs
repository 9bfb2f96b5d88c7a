//! Share links: a form state (and optionally pasted text) packed into a URL fragment.
//!
//! A fragment is `v1.` + a flag + base64url (no padding) of the JSON payload
//! `{"state": …, "text": …}`. The flag is `z` when the JSON is raw-deflated (chosen only when
//! that is shorter) and `j` when it is plain. The version prefix is permanent: every version ever
//! issued keeps its decoder (see `tests/fixtures/share/`), so old links open for good.
//!
//! The data goes in the fragment (after `#`), which browsers never send to a server; a link that
//! carries it in the query string is refused. Values that look secret are redacted unless the
//! caller asks to keep them (see [`ShareOptions`]), and the encoder reports what it redacted.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

mod redact;

pub use redact::REDACTED;

/// The version prefix of the fragments this build writes.
pub const CURRENT_VERSION: &str = "v1";
/// Flag of a raw-deflated payload.
const FLAG_DEFLATE: char = 'z';
/// Flag of a plain JSON payload.
const FLAG_JSON: char = 'j';
/// Longest fragment accepted by [`decode`], in bytes.
pub const MAX_FRAGMENT_BYTES: usize = 8 * 1024 * 1024;
/// Largest decompressed payload accepted by [`decode`], in bytes.
pub const MAX_PAYLOAD_BYTES: usize = crate::parse::MAX_INPUT_BYTES + 1024 * 1024;

/// What a link carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared<T> {
    /// The form state.
    pub state: T,
    /// Pasted configuration text, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Encoder settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShareOptions {
    /// Keep values that look secret instead of redacting them.
    pub include_secrets: bool,
}

/// An encoded link fragment and what was redacted from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    /// The fragment, without the leading `#`.
    pub fragment: String,
    /// One line per redacted value ("state.protection.secret_name", "text line 24: …").
    pub redacted: Vec<String>,
}

/// Why a link could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareError {
    pub message: String,
}

impl ShareError {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ShareError {}

/// Encodes `state` and optional pasted `text` into a fragment of the current version.
pub fn encode<T: Serialize>(
    state: &T,
    text: Option<&str>,
    options: ShareOptions,
) -> Result<Encoded, ShareError> {
    let mut state = serde_json::to_value(state)
        .map_err(|e| ShareError::new(format!("the state cannot be serialised: {e}")))?;
    let mut redacted = Vec::new();
    let mut text = text.map(str::to_string);
    if !options.include_secrets {
        redact::state(&mut state, &mut redacted);
        text = text.and_then(|t| redact::text(&t, &mut redacted));
    }
    let payload = Shared { state, text };
    let json = serde_json::to_vec(&payload)
        .map_err(|e| ShareError::new(format!("the state cannot be serialised: {e}")))?;
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 9);
    let (flag, bytes) = if deflated.len() < json.len() {
        (FLAG_DEFLATE, deflated)
    } else {
        (FLAG_JSON, json)
    };
    Ok(Encoded {
        fragment: format!("{CURRENT_VERSION}.{flag}{}", URL_SAFE_NO_PAD.encode(bytes)),
        redacted,
    })
}

/// Decodes a link, a `#fragment` or a bare fragment of any version ever issued.
pub fn decode<T: DeserializeOwned>(input: &str) -> Result<Shared<T>, ShareError> {
    let fragment = fragment_of(input)?;
    if fragment.len() > MAX_FRAGMENT_BYTES {
        return Err(ShareError::new(format!(
            "the link is {} bytes; the limit is {MAX_FRAGMENT_BYTES}",
            fragment.len()
        )));
    }
    let (version, body) = fragment
        .split_once('.')
        .ok_or_else(|| ShareError::new("not an apifront share link: no `v1.` prefix"))?;
    let payload = match version {
        "v1" => v1(body)?,
        other => {
            return Err(ShareError::new(format!(
                "unsupported share link version `{other}`; this build reads up to \
                 {CURRENT_VERSION} (a newer apifront made it?)"
            )))
        }
    };
    let state = payload
        .get("state")
        .cloned()
        .ok_or_else(|| ShareError::new("the link carries no state"))?;
    let text = match payload.get("text") {
        None | Some(Value::Null) => None,
        Some(Value::String(t)) => Some(t.clone()),
        Some(_) => return Err(ShareError::new("the link's text is not a string")),
    };
    let state = serde_json::from_value(state)
        .map_err(|e| ShareError::new(format!("the link's state is not valid: {e}")))?;
    Ok(Shared { state, text })
}

/// Version 1: flag (`z` deflate, `j` plain) + base64url JSON of `{"state", "text"}`.
fn v1(body: &str) -> Result<Value, ShareError> {
    let mut chars = body.chars();
    let flag = chars.next();
    let data = URL_SAFE_NO_PAD
        .decode(chars.as_str())
        .map_err(|e| ShareError::new(format!("the link is damaged (base64: {e})")))?;
    let json = match flag {
        Some(FLAG_DEFLATE) => {
            miniz_oxide::inflate::decompress_to_vec_with_limit(&data, MAX_PAYLOAD_BYTES)
                .map_err(|e| ShareError::new(format!("the link is damaged (deflate: {e})")))?
        }
        Some(FLAG_JSON) => data,
        _ => {
            return Err(ShareError::new(
                "the link is damaged (unknown payload flag)",
            ))
        }
    };
    let value: Value = serde_json::from_slice(&json)
        .map_err(|e| ShareError::new(format!("the link is damaged (JSON: {e})")))?;
    if !value.is_object() {
        return Err(ShareError::new(
            "the link is damaged (payload is not an object)",
        ));
    }
    Ok(value)
}

/// The fragment of a link: what follows `#`, or the input itself when it is a bare fragment.
/// Share data in the query string is refused: it would be sent to the server.
pub fn fragment_of(input: &str) -> Result<&str, ShareError> {
    let input = input.trim();
    if let Some((_, fragment)) = input.split_once('#') {
        return Ok(fragment);
    }
    if input.contains("://") || input.contains('?') {
        return Err(ShareError::new(
            "the link has no fragment: apifront share data follows `#` (never the query string)",
        ));
    }
    Ok(input)
}

/// The link to the app at `base` (any fragment of `base` is replaced) carrying `fragment`.
pub fn link(base: &str, fragment: &str) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#{fragment}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::FormState;

    fn keep() -> ShareOptions {
        ShareOptions {
            include_secrets: true,
        }
    }

    #[test]
    fn round_trips_a_form_state_compressed() {
        let state = FormState::default();
        let encoded = encode(&state, None, ShareOptions::default()).unwrap();
        assert!(encoded.fragment.starts_with("v1.z"), "{}", encoded.fragment);
        assert!(!encoded.fragment.contains('='));
        assert!(encoded.redacted.is_empty());
        let url = link("https://example.com/app/?x=1#old", &encoded.fragment);
        assert!(url.starts_with("https://example.com/app/?x=1#v1.z"));
        let back: Shared<FormState> = decode(&url).unwrap();
        assert_eq!(back.state, state);
        assert_eq!(back.text, None);
    }

    #[test]
    fn small_payloads_stay_plain() {
        let encoded = encode(&serde_json::json!({"a": 1}), None, keep()).unwrap();
        assert!(encoded.fragment.starts_with("v1.j"), "{}", encoded.fragment);
        let back: Shared<Value> = decode(&format!("#{}", encoded.fragment)).unwrap();
        assert_eq!(back.state, serde_json::json!({"a": 1}));
    }

    #[test]
    fn carries_text() {
        let text = "Resources: {}\n";
        let encoded = encode(&1u8, Some(text), keep()).unwrap();
        let back: Shared<u8> = decode(&encoded.fragment).unwrap();
        assert_eq!(back.text.as_deref(), Some(text));
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let cases = [
            "",
            "v1.",
            "v1.z",
            "v1.z!!!",
            "v1.q",
            "v1.zAAAA",
            "v1.jAAAA",
            "v9.jAAAA",
            "nothing",
            "https://example.com/?s=v1.jAAAA",
        ];
        for case in cases {
            assert!(decode::<FormState>(case).is_err(), "{case}");
        }
        let wrong_type = encode(&serde_json::json!({"version": "x"}), None, keep()).unwrap();
        let err = decode::<FormState>(&wrong_type.fragment).unwrap_err();
        assert!(err.message.contains("state is not valid"), "{err}");
        let no_state = format!("v1.j{}", URL_SAFE_NO_PAD.encode(b"{\"text\":\"x\"}"));
        assert!(decode::<FormState>(&no_state).is_err());
    }

    #[test]
    fn query_string_is_refused() {
        let err = fragment_of("https://example.com/app?v1.jAAAA").unwrap_err();
        assert!(err.message.contains("never the query string"));
    }

    #[test]
    fn decompression_is_bounded() {
        let zeros = vec![b' '; MAX_PAYLOAD_BYTES + 10];
        let bomb = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
        let fragment = format!("v1.z{}", URL_SAFE_NO_PAD.encode(bomb));
        let err = decode::<Value>(&fragment).unwrap_err();
        assert!(err.message.contains("deflate"), "{err}");
    }
}
