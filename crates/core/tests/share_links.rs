//! Frozen share links: every fragment version ever issued must keep decoding to the same state.
//!
//! Each `tests/fixtures/share/<name>.txt` holds a link (or bare fragment) exactly as it was
//! issued; `<name>.state.json` holds the state it stands for and `<name>.text.*` the pasted text
//! it carries, if any (`<name>.extras.json`: the files and the request of a v2 link). Never edit
//! a `.txt`: add a migration to the decoder instead.

use apifront_core::share::{decode, encode, link, ShareOptions, Shared, SharedFile, SharedTrace};
use apifront_core::source::Role;
use apifront_core::state::{ApiKind, FormState};
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/share")
}

fn read(name: &str) -> String {
    fs::read_to_string(fixtures().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn expected_state(name: &str) -> FormState {
    serde_json::from_str(&read(&format!("{name}.state.json"))).unwrap()
}

#[test]
fn every_frozen_link_decodes_to_its_state() {
    let mut seen = 0;
    for entry in fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(name) = file.strip_suffix(".txt") else {
            continue;
        };
        let decoded: Shared<FormState> =
            decode(&read(&file)).unwrap_or_else(|e| panic!("{file} no longer decodes: {e}"));
        assert_eq!(decoded.state, expected_state(name), "{file}");
        seen += 1;
    }
    assert!(seen >= 3, "expected the frozen fixtures, saw {seen}");
}

#[test]
fn frozen_v1_links_keep_their_details() {
    let http: Shared<FormState> = decode(&read("v1-http-api-deflate.txt")).unwrap();
    assert_eq!(http.state.api.kind, ApiKind::HttpApi);
    assert_eq!(http.state.api.stage, "$default");
    assert_eq!(http.state.domain.aliases, ["api.example.org"]);
    assert_eq!(http.text(), None);

    // A partial v1 state fills the rest with defaults.
    let partial: Shared<FormState> = decode(&read("v1-partial-plain.txt")).unwrap();
    assert_eq!(partial.state.api.kind, ApiKind::LambdaUrl);
    assert_eq!(partial.state.api.region, FormState::default().api.region);

    let with_text: Shared<FormState> = decode(&read("v1-with-text.txt")).unwrap();
    assert_eq!(with_text.state.name, "with-text");
    assert_eq!(
        with_text.text(),
        Some(read("v1-with-text.text.yaml").as_str())
    );
    assert_eq!(with_text.files.len(), 1);
    assert_eq!(with_text.files[0].name, "", "v1 texts have no name");
}

#[test]
fn frozen_v2_links_keep_their_files_and_request() {
    #[derive(serde::Deserialize)]
    struct Extras {
        files: Vec<SharedFile>,
        trace: Option<SharedTrace>,
    }
    let module: Shared<FormState> = decode(&read("v2-module-api-trace.txt")).unwrap();
    let extras: Extras = serde_json::from_str(&read("v2-module-api-trace.extras.json")).unwrap();
    assert_eq!(module.files, extras.files);
    assert_eq!(module.trace, extras.trace);
    let roles: Vec<Role> = module.files.iter().map(|f| f.role).collect();
    assert_eq!(roles, [Role::Config, Role::Config, Role::ApiDefinition]);
    assert_eq!(module.text(), Some(module.files[0].text.as_str()));
    assert_eq!(
        module.trace.as_ref().map(|t| t.method.as_str()),
        Some("POST")
    );

    let plain: Shared<FormState> = decode(&read("v2-plain-unnamed.txt")).unwrap();
    assert_eq!(plain.files, [SharedFile::config("{}\n")]);
    assert_eq!(plain.trace, None);
}

#[test]
fn every_preset_round_trips_through_a_link() {
    for preset in apifront_core::state::presets() {
        let encoded = encode(&preset.state, None, ShareOptions::default()).unwrap();
        let url = link("https://apifront.example/app/", &encoded.fragment);
        let back: Shared<FormState> = decode(&url).unwrap();
        assert_eq!(back.state, preset.state, "{}", preset.name);
        assert!(url.len() < 2000, "{}: {} chars", preset.name, url.len());
    }
}
