//! Generated configurations are honest about their deliberate trade-offs: each is stated in the
//! output with its reason and suppressed (CloudFormation `Metadata.apifront`, a Terraform
//! `# apifront-ignore:` line; CLI JSON, without comments, in the notes), every suppression is
//! needed (its rule fires without it), and the presets lint with nothing left to report.

use apifront_core::lint::{lint, LintConfig};
use apifront_core::parse::parse;
use apifront_core::render::{render, OutputFormat, Rendered};
use apifront_core::state::{presets, CorsMode, FormState, ReferenceMode};

const LINTED: [OutputFormat; 4] = [
    OutputFormat::CfnYaml,
    OutputFormat::CfnJson,
    OutputFormat::Terraform,
    OutputFormat::CliJson,
];

/// The presets, and each with one option flipped.
fn states() -> Vec<(String, FormState, bool)> {
    let mut out = Vec::new();
    for p in presets() {
        out.push((p.name.to_string(), p.state.clone(), true));
        let mut s = p.state.clone();
        s.api.reference = ReferenceMode::DefinedInStack;
        out.push((format!("{} in stack", p.name), s, false));
        let mut s = p.state.clone();
        s.cors.mode = CorsMode::ByCloudFront;
        out.push((format!("{} with CORS by CloudFront", p.name), s, false));
        let mut s = p.state.clone();
        s.protection.logging_bucket = "example-logs".into();
        s.protection.secret_header = true;
        out.push((
            format!("{} with logs and a secret header", p.name),
            s,
            false,
        ));
    }
    out
}

/// Lints `file` as a user would (CLI JSON with its trade-offs disabled, as its notes say), or,
/// with `honour` false, without any suppression.
fn findings(file: &Rendered, format: OutputFormat, honour: bool) -> Vec<(String, String)> {
    let mut doc = parse(&file.text).expect("generated text parses");
    let mut config = LintConfig::default();
    if honour {
        if format == OutputFormat::CliJson {
            config.disabled = file.trade_offs.iter().map(|t| t.rule.to_string()).collect();
        }
    } else {
        for d in &mut doc.distributions {
            d.ignore.clear();
        }
    }
    lint(&doc, &file.text, &config)
        .into_iter()
        .map(|f| (f.rule.to_string(), f.message))
        .collect()
}

#[test]
fn trade_offs_are_stated_suppressed_and_needed() {
    let mut seen = 0;
    for (name, state, is_preset) in states() {
        for format in LINTED {
            let Ok(file) = render(&state, format) else {
                continue;
            };
            let left = findings(&file, format, true);
            for t in &file.trade_offs {
                assert!(
                    !left.iter().any(|(rule, _)| rule == t.rule),
                    "{name} / {}: {} reported despite the trade-off",
                    format.as_str(),
                    t.rule
                );
                match format {
                    OutputFormat::CliJson => assert!(
                        file.notes
                            .iter()
                            .any(|n| n.contains(t.rule) && n.contains(&t.reason)),
                        "{name}: {} not in the notes",
                        t.rule
                    ),
                    // The reason is in the text (YAML and JSON may escape its quotes; Terraform
                    // wraps it, so its first words are checked).
                    _ => {
                        let start: String = t.reason.chars().take(30).collect();
                        assert!(
                            file.text.contains(&start),
                            "{name} / {}: the reason of {} is not stated",
                            format.as_str(),
                            t.rule
                        );
                    }
                }
            }
            let unsuppressed = findings(&file, format, false);
            for t in &file.trade_offs {
                assert!(
                    unsuppressed.iter().any(|(rule, _)| rule == t.rule),
                    "{name} / {}: {} is suppressed but never fires",
                    format.as_str(),
                    t.rule
                );
            }
            if is_preset {
                assert_eq!(left, Vec::new(), "{name} / {}", format.as_str());
            }
            seen += 1;
        }
    }
    assert!(seen >= 60, "only {seen} outputs checked");
}
