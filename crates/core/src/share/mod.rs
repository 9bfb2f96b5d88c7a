//! Share links: a form state, and optionally the pasted texts and a traced request, packed into
//! a URL fragment.
//!
//! A fragment is a version prefix (`v2.`), a flag and base64url (no padding) of the JSON payload.
//! The flag is `z` when the JSON is raw-deflated (chosen only when that is shorter) and `j` when it
//! is plain. The version prefix is permanent: every version ever issued keeps its decoder (see
//! `tests/fixtures/share/`), so old links open for good.
//!
//! - `v1` (2026-11): `{"state": …, "text": …}`, one pasted configuration text.
//! - `v2` (2026-12, written since): `{"state": …, "files": [{"name", "role", "text"}], "trace":
//!   {"method", "url", "headers"}}`: every pasted text (a Terraform module's files, API
//!   definitions) and the request of the trace panel, each optional. A v1 link reads as a v2
//!   payload with one unnamed configuration file.
//!
//! The data goes in the fragment (after `#`), which browsers never send to a server; a link that
//! carries it in the query string is refused. Values that look secret are redacted unless the
//! caller asks to keep them (see [`ShareOptions`]), and the encoder reports what it redacted.

use crate::source::Role;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

mod redact;

pub use redact::REDACTED;

/// The version prefix of the fragments this build writes.
pub const CURRENT_VERSION: &str = "v2";
/// Flag of a raw-deflated payload.
const FLAG_DEFLATE: char = 'z';
/// Flag of a plain JSON payload.
const FLAG_JSON: char = 'j';
/// Longest fragment accepted by [`decode`], in bytes.
pub const MAX_FRAGMENT_BYTES: usize = 8 * 1024 * 1024;
/// Largest decompressed payload accepted by [`decode`], in bytes.
pub const MAX_PAYLOAD_BYTES: usize = crate::parse::MAX_INPUT_BYTES + 1024 * 1024;

/// One pasted text a link carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedFile {
    /// The file's name as the app showed it (empty: the one configuration text of a v1 link).
    #[serde(default)]
    pub name: String,
    /// Configuration, or an exported API definition.
    #[serde(default)]
    pub role: Role,
    pub text: String,
}

impl SharedFile {
    /// A configuration text without a name.
    pub fn config(text: impl Into<String>) -> Self {
        Self {
            name: String::new(),
            role: Role::Config,
            text: text.into(),
        }
    }
}

/// The request of the trace panel: method, URL and headers as the user wrote them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedTrace {
    pub method: String,
    pub url: String,
    /// One `Name: value` per header.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<String>,
}

/// What a link carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared<T> {
    /// The form state.
    pub state: T,
    /// The pasted texts: configuration files first, then API definitions; empty when the link
    /// carries none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<SharedFile>,
    /// The request of the trace panel, if the link carries one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<SharedTrace>,
}

impl<T> Shared<T> {
    /// A link's content: a state, nothing else yet.
    pub fn new(state: T) -> Self {
        Self {
            state,
            files: Vec::new(),
            trace: None,
        }
    }

    /// The text of the first configuration file (what a v1 link carries as `text`).
    pub fn text(&self) -> Option<&str> {
        self.files
            .iter()
            .find(|f| f.role == Role::Config)
            .map(|f| f.text.as_str())
    }
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

/// Encodes `state` and optional pasted `text` (one configuration) into a fragment of the
/// current version.
pub fn encode<T: Serialize>(
    state: &T,
    text: Option<&str>,
    options: ShareOptions,
) -> Result<Encoded, ShareError> {
    encode_shared(
        &Shared {
            state,
            files: text.map(SharedFile::config).into_iter().collect(),
            trace: None,
        },
        options,
    )
}

/// Encodes everything `shared` carries into a fragment of the current version.
pub fn encode_shared<T: Serialize>(
    shared: &Shared<T>,
    options: ShareOptions,
) -> Result<Encoded, ShareError> {
    let serialise =
        |e: serde_json::Error| ShareError::new(format!("the state cannot be serialised: {e}"));
    let mut state = serde_json::to_value(&shared.state).map_err(serialise)?;
    let mut redacted = Vec::new();
    let mut files = shared.files.clone();
    let mut trace = shared.trace.clone();
    if !options.include_secrets {
        redact::state(&mut state, &mut redacted);
        files = redact::files(files, &mut redacted);
        if let Some(trace) = &mut trace {
            redact::trace(trace, &mut redacted);
        }
    }
    let payload = Shared {
        state,
        files,
        trace,
    };
    let json = serde_json::to_vec(&payload).map_err(serialise)?;
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
        .ok_or_else(|| ShareError::new("not an apifront share link: no `v2.` prefix"))?;
    let payload = match version {
        "v1" | "v2" => envelope(body)?,
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
    let state = serde_json::from_value(state)
        .map_err(|e| ShareError::new(format!("the link's state is not valid: {e}")))?;
    let (files, trace) = if version == "v1" {
        (v1_text(&payload)?, None)
    } else {
        v2_extras(&payload)?
    };
    Ok(Shared {
        state,
        files,
        trace,
    })
}

/// Version 1 carries one configuration text as `text`.
fn v1_text(payload: &Value) -> Result<Vec<SharedFile>, ShareError> {
    match payload.get("text") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(t)) => Ok(vec![SharedFile::config(t.clone())]),
        Some(_) => Err(ShareError::new("the link's text is not a string")),
    }
}

/// Version 2 carries `files` and `trace`, each optional.
fn v2_extras(payload: &Value) -> Result<(Vec<SharedFile>, Option<SharedTrace>), ShareError> {
    let files = match payload.get("files") {
        None | Some(Value::Null) => Vec::new(),
        Some(files) => serde_json::from_value(files.clone())
            .map_err(|e| ShareError::new(format!("the link's files are not valid: {e}")))?,
    };
    let trace = match payload.get("trace") {
        None | Some(Value::Null) => None,
        Some(trace) => Some(
            serde_json::from_value(trace.clone())
                .map_err(|e| ShareError::new(format!("the link's request is not valid: {e}")))?,
        ),
    };
    Ok((files, trace))
}

/// The envelope of versions 1 and 2: flag (`z` deflate, `j` plain) + base64url JSON object.
fn envelope(body: &str) -> Result<Value, ShareError> {
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
        assert!(encoded.fragment.starts_with("v2.z"), "{}", encoded.fragment);
        assert!(!encoded.fragment.contains('='));
        assert!(encoded.redacted.is_empty());
        let url = link("https://example.com/app/?x=1#old", &encoded.fragment);
        assert!(url.starts_with("https://example.com/app/?x=1#v2.z"));
        let back: Shared<FormState> = decode(&url).unwrap();
        assert_eq!(back.state, state);
        assert_eq!(back.text(), None);
        assert!(back.files.is_empty() && back.trace.is_none());
    }

    #[test]
    fn small_payloads_stay_plain() {
        let encoded = encode(&serde_json::json!({"a": 1}), None, keep()).unwrap();
        assert!(encoded.fragment.starts_with("v2.j"), "{}", encoded.fragment);
        let back: Shared<Value> = decode(&format!("#{}", encoded.fragment)).unwrap();
        assert_eq!(back.state, serde_json::json!({"a": 1}));
    }

    #[test]
    fn carries_text() {
        let text = "Resources: {}\n";
        let encoded = encode(&1u8, Some(text), keep()).unwrap();
        let back: Shared<u8> = decode(&encoded.fragment).unwrap();
        assert_eq!(back.text(), Some(text));
        assert_eq!(back.files, [SharedFile::config(text)]);
    }

    #[test]
    fn carries_files_and_a_request() {
        let shared = Shared {
            state: 7u8,
            files: vec![
                SharedFile {
                    name: "main.tf".into(),
                    role: Role::Config,
                    text: "locals {}\n".into(),
                },
                SharedFile {
                    name: "api.json".into(),
                    role: Role::ApiDefinition,
                    text: "{\"openapi\": \"3.0.1\", \"paths\": {}}".into(),
                },
            ],
            trace: Some(SharedTrace {
                method: "POST".into(),
                url: "https://www.example.com/api/orders".into(),
                headers: vec!["Content-Type: application/json".into()],
            }),
        };
        let encoded = encode_shared(&shared, keep()).unwrap();
        assert!(encoded.fragment.starts_with("v2."), "{}", encoded.fragment);
        let back: Shared<u8> = decode(&encoded.fragment).unwrap();
        assert_eq!(back, shared);
        assert_eq!(back.text(), Some("locals {}\n"));
    }

    #[test]
    fn a_v1_payload_reads_as_one_unnamed_configuration() {
        let v1 = format!(
            "v1.j{}",
            URL_SAFE_NO_PAD.encode(br#"{"state": 3, "text": "Resources: {}"}"#)
        );
        let back: Shared<u8> = decode(&v1).unwrap();
        assert_eq!(back.files, [SharedFile::config("Resources: {}")]);
        assert_eq!(back.trace, None);
        // v1 never carried files or a request: such keys in a v1 payload are not read.
        let odd = format!(
            "v1.j{}",
            URL_SAFE_NO_PAD.encode(br#"{"state": 3, "files": 1, "trace": 2}"#)
        );
        assert_eq!(decode::<u8>(&odd).unwrap(), Shared::new(3));
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
            "v2.",
            "v2.zAAAA",
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
        for payload in [
            r#"{"state": 1, "files": "x"}"#,
            r#"{"state": 1, "files": [{"name": "a"}]}"#,
            r#"{"state": 1, "files": [{"text": "a", "role": "movie"}]}"#,
            r#"{"state": 1, "trace": {"url": "x"}}"#,
        ] {
            let link = format!("v2.j{}", URL_SAFE_NO_PAD.encode(payload));
            assert!(decode::<u8>(&link).is_err(), "{payload}");
        }
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
