//! Writes every preset and a spread of option combinations in every output format.
//!
//! `cargo run -p apifront-core --example render_all -- OUTDIR` creates `OUTDIR/<case>/<file>`
//! for each case and format (used by `scripts/check-generated.sh`).

use apifront_core::render::{render, OutputFormat};
use std::path::Path;

#[path = "../tests/render_cases/mod.rs"]
mod render_cases;

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "generated".into());
    let mut written = 0;
    for render_cases::Case { name, state, .. } in render_cases::cases() {
        let dir = Path::new(&out).join(&name);
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(2);
        }
        let state_json = serde_json::to_string_pretty(&state).unwrap_or_default();
        if let Err(e) = std::fs::write(dir.join("state.json"), state_json) {
            eprintln!("{name}: {e}");
            std::process::exit(2);
        }
        for &format in OutputFormat::ALL {
            match render(&state, format) {
                Ok(r) => {
                    if let Err(e) = std::fs::write(dir.join(&r.file_name), &r.text) {
                        eprintln!("{name}: {e}");
                        std::process::exit(2);
                    }
                    written += 1;
                }
                Err(errors) => eprintln!("{name} {}: not rendered: {errors:?}", format.as_str()),
            }
        }
    }
    println!("wrote {written} files to {out}");
}
