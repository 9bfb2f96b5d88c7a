//! Throughput of parse + model and of the whole lint pipeline, each beside plain
//! `serde_json::from_str::<Value>` of the same bytes (the yardstick: the goal is lint at no less
//! than 30 % of serde_json's throughput).
//!
//! Run: `cargo bench -p apifront-core --bench lint`.

#[cfg(not(target_arch = "wasm32"))]
mod corpus;

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use super::corpus;
    use apifront_core::lint::{lint_sources, lint_text, LintConfig};
    use apifront_core::parse::{parse, parse_sources};
    use apifront_core::source::Sources;
    use criterion::{Criterion, Throughput};
    use std::hint::black_box;
    use std::time::Duration;

    fn group(c: &mut Criterion, name: &str, text: &str) {
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 100_000 {
            g.sample_size(20).measurement_time(Duration::from_secs(8));
        }
        g.bench_function("serde_json", |b| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(text)))
        });
        // The span-keeping JSON parser's AST, alone (apifront's fallback path for errors).
        g.bench_function("jsonc_ast", |b| {
            b.iter(|| {
                jsonc_parser::parse_to_ast(
                    black_box(text),
                    &jsonc_parser::CollectOptions::default(),
                    &jsonc_parser::ParseOptions::default(),
                )
            })
        });
        // Its scanner alone: what `parse` builds the tree from when the text is well-formed.
        g.bench_function("jsonc_tokens", |b| {
            b.iter(|| {
                let mut scanner = jsonc_parser::Scanner::new(
                    black_box(text),
                    &jsonc_parser::ScannerOptions::default(),
                );
                let mut tokens = 0usize;
                while let Ok(Some(_)) = scanner.scan() {
                    tokens += 1;
                }
                tokens
            })
        });
        g.bench_function("parse", |b| b.iter(|| parse(black_box(text))));
        let config = LintConfig::default();
        g.bench_function("lint", |b| b.iter(|| lint_text(black_box(text), &config)));
        g.finish();
    }

    /// Checks that `text` is what the group claims: a template whose distributions parse.
    fn described(name: &str, text: &str, distributions: usize) {
        let doc = parse(text).unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
        let origins: usize = doc.distributions.iter().map(|d| d.origins.len()).sum();
        let behaviors: usize = doc.distributions.iter().map(|d| d.behaviors.len()).sum();
        let findings = lint_text(text, &LintConfig::default()).map_or(0, |r| r.findings.len());
        assert_eq!(doc.distributions.len(), distributions, "{name}");
        eprintln!(
            "{name}: {} bytes, {distributions} distribution(s), {origins} origins, \
             {behaviors} behaviors, {findings} findings",
            text.len()
        );
    }

    /// Terraform: one text (`parse`, `lint`) and the same module as four files
    /// (`parse_sources`, `lint_sources`).
    fn terraform_group(c: &mut Criterion, name: &str, files: &[(String, String)]) {
        let text = corpus::terraform_text(files);
        let sources = Sources::from_files(files.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        let doc = parse(&text).unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
        let module = parse_sources(&sources).unwrap_or_else(|e| panic!("{name}: {}", e.error));
        assert_eq!(
            doc.distributions[0].origins.len(),
            module.distributions[0].origins.len()
        );
        eprintln!(
            "{name}: {} bytes, {} origins, {} behaviors, {} findings",
            text.len(),
            doc.distributions[0].origins.len(),
            doc.distributions[0].behaviors.len(),
            lint_text(&text, &LintConfig::default()).map_or(0, |r| r.findings.len())
        );
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function("parse", |b| b.iter(|| parse(black_box(&text))));
        let config = LintConfig::default();
        g.bench_function("lint", |b| b.iter(|| lint_text(black_box(&text), &config)));
        g.bench_function("parse_sources", |b| {
            b.iter(|| parse_sources(black_box(&sources)))
        });
        g.bench_function("lint_sources", |b| {
            b.iter(|| lint_sources(black_box(&sources), &config))
        });
        g.finish();
    }

    pub fn benches(c: &mut Criterion) {
        let large = corpus::large();
        let synthetic = corpus::synthetic(1 << 20);
        described("typical-5k", corpus::TYPICAL, 1);
        described("large-355k", &large, 1);
        described(
            "synthetic-1m",
            &synthetic,
            synthetic.matches("AWS::CloudFront::Distribution").count(),
        );
        group(c, "typical-5k", corpus::TYPICAL);
        group(c, "large-355k", &large);
        group(c, "synthetic-1m", &synthetic);
        terraform_group(c, "terraform-module", &corpus::terraform(25, 75));
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, bench::benches);

/// With `APIFRONT_BENCH_WRITE=DIR`, writes the generated templates to DIR (for
/// `scripts/bench-vs-cfnlint.sh`) instead of benchmarking.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Some(dir) = std::env::var_os("APIFRONT_BENCH_WRITE") {
        let dir = std::path::PathBuf::from(dir);
        for (name, text) in [
            ("large.json", corpus::large()),
            ("synthetic-1m.json", corpus::synthetic(1 << 20)),
        ] {
            let path = dir.join(name);
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("{}: {e}", path.display());
                std::process::exit(1);
            }
        }
        return;
    }
    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
