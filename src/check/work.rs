//! The linter's work on the Check view's texts, as the lint worker does it (and the main thread
//! when no worker can start): pure functions over the core, tested natively.
//!
//! A [`WorkRequest`] carries every non-empty text (configuration files first, then API
//! definitions) and what the shown panels need: a request to trace, a map to draw. They are read
//! as one [`Sources`] and parsed once; the [`Answer`] holds the findings placed in their own
//! files ([`LocatedFinding`]), the trace's hops with their places, and the map as SVG.

use super::state::DocKind;
use apifront_core::api::AttachNote;
use apifront_core::lint::{fix_sources, lint, LintConfig};
use apifront_core::map;
use apifront_core::model::Format;
use apifront_core::parse::{parse_api_definition, parse_sources_noted};
use apifront_core::source::{LocatedFinding, Location, SourceError, Sources};
use apifront_core::trace::{self, Options, Request, Stage, Verdict};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// One text of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkFile {
    pub name: Rc<str>,
    pub kind: DocKind,
    pub text: Rc<str>,
}

/// The request of the trace panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceInput {
    pub method: String,
    /// `None`: the URL the input suggests ([`trace::suggested_url`]).
    pub url: Option<String>,
    /// One `Name: value` per line; blank lines are skipped.
    pub headers: String,
}

/// What the linter is asked to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkRequest {
    /// Apply every safe fix first.
    pub fix_all: bool,
    /// The non-empty texts: configuration files, then API definitions.
    pub files: Vec<WorkFile>,
    /// Trace this request (the trace panel is shown).
    pub trace: Option<TraceInput>,
    /// Draw the map (the map panel is shown).
    pub map: Option<MapInput>,
}

/// The map to draw. A struct, not `Option<Option<String>>`: serialized for the worker, an inner
/// `None` would arrive as an outer one, and no map would be drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapInput {
    /// Of this distribution, or of the first.
    pub of: Option<String>,
}

/// The result of the lint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// No configuration to check.
    Empty,
    /// Parsed and linted: every finding placed in its own file.
    Linted {
        format: Format,
        findings: Rc<[LocatedFinding]>,
        /// What became of each API definition.
        notes: Rc<[AttachNote]>,
    },
    /// A file could not be parsed.
    Failed(SourceError),
}

/// One hop of a trace, placed in its file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HopView {
    pub stage: Stage,
    pub verdict: Verdict,
    pub message: String,
    pub details: Vec<String>,
    /// The deciding setting, in its file of the input.
    pub at: Option<Location>,
    pub rule: Option<String>,
}

/// A request traced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraceView {
    /// `METHOD URL`, as traced.
    pub request: String,
    pub distribution: String,
    pub hops: Vec<HopView>,
    pub outcome: trace::Outcome,
}

/// The map of one distribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapView {
    /// Every distribution of the input, for the picker.
    pub distributions: Vec<String>,
    /// The one drawn.
    pub distribution: String,
    /// [`map::svg::render_interactive`] of it.
    pub svg: String,
}

/// What the linter answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The text of every file after fix-all, when it changed something.
    pub fixed: Option<Vec<String>>,
    pub outcome: Outcome,
    /// The URL the trace panel starts with, once the configuration parsed.
    pub suggested_url: Option<String>,
    /// The trace, or why the request could not be traced.
    pub trace: Option<Result<TraceView, String>>,
    /// The map, or why there is none.
    pub map: Option<Result<MapView, String>>,
}

/// The texts of `files` as one input.
fn sources_of<'a>(files: impl IntoIterator<Item = (&'a WorkFile, &'a str)>) -> Sources {
    let mut sources = Sources::new();
    for (file, text) in files {
        match file.kind {
            DocKind::Configuration => sources.push(file.name.to_string(), text),
            DocKind::ApiDefinition => sources.push_api_definition(file.name.to_string(), text),
        };
    }
    sources
}

/// The request of the trace panel, from its inputs.
fn request_of(input: &TraceInput, suggested: &str) -> Result<Request, String> {
    let url = input.url.as_deref().unwrap_or(suggested).trim();
    let mut request = Request::parse(&format!("{} {url}", input.method)).map_err(|e| e.message)?;
    for line in input.headers.lines().filter(|l| !l.trim().is_empty()) {
        request.add_header(line).map_err(|e| e.message)?;
    }
    Ok(request)
}

impl Answer {
    fn empty(outcome: Outcome) -> Self {
        Answer {
            fixed: None,
            outcome,
            suggested_url: None,
            trace: None,
            map: None,
        }
    }

    /// Does the work of `request`.
    pub fn to(request: &WorkRequest) -> Self {
        let config = LintConfig::default();
        let texts: Vec<&str> = request.files.iter().map(|f| &*f.text).collect();
        let has_config = request
            .files
            .iter()
            .any(|f| f.kind == DocKind::Configuration);
        if !has_config {
            return Self::empty(definitions_only(&request.files));
        }
        let mut sources = sources_of(request.files.iter().zip(texts.iter().copied()));
        let fixed = request
            .fix_all
            .then(|| fix_sources(&sources, &config, false).ok())
            .flatten()
            .filter(|fixed| fixed.iter().map(String::as_str).ne(texts.iter().copied()));
        if let Some(fixed) = &fixed {
            sources = sources_of(request.files.iter().zip(fixed.iter().map(String::as_str)));
        }
        let (doc, notes) = match parse_sources_noted(&sources) {
            Ok(parsed) => parsed,
            Err(err) => {
                return Answer {
                    fixed,
                    ..Self::empty(Outcome::Failed(err))
                }
            }
        };
        let findings = lint(&doc, sources.text(), &config);
        let suggested = trace::suggested_url(&doc);
        let trace = request.trace.as_ref().map(|input| {
            let request = request_of(input, &suggested)?;
            let t = trace::trace_sources(&sources, &doc, &request, &Options::default())
                .map_err(|e| e.message)?;
            Ok(TraceView {
                request: format!("{} {}", request.method, request.url()),
                distribution: t.distribution,
                hops: t
                    .hops
                    .iter()
                    .map(|h| HopView {
                        stage: h.stage,
                        verdict: h.verdict,
                        message: h.message.clone(),
                        details: h.details.clone(),
                        at: h.location(&sources),
                        rule: h.rule.map(str::to_string),
                    })
                    .collect(),
                outcome: t.outcome,
            })
        });
        let drawn = request.map.as_ref().map(|wanted| {
            let dist = doc
                .distributions
                .iter()
                .find(|d| Some(&d.name) == wanted.of.as_ref())
                .or(doc.distributions.first())
                .ok_or("the input defines no distribution")?;
            let m = map::build(&doc, dist, &findings).locate(&sources);
            Ok(MapView {
                distributions: doc.distributions.iter().map(|d| d.name.clone()).collect(),
                distribution: dist.name.clone(),
                svg: map::svg::render_interactive(&m),
            })
        });
        Answer {
            fixed,
            outcome: Outcome::Linted {
                format: doc.format,
                findings: findings.iter().map(|f| sources.localize(f)).collect(),
                notes: notes.into(),
            },
            suggested_url: Some(suggested),
            trace,
            map: drawn,
        }
    }
}

/// API definitions without a configuration: their parse errors, else nothing to check yet.
fn definitions_only(files: &[WorkFile]) -> Outcome {
    for (i, f) in files.iter().enumerate() {
        if let Err(error) = parse_api_definition(&f.name, &f.text) {
            return Outcome::Failed(SourceError::new(i, error));
        }
    }
    Outcome::Empty
}

#[cfg(test)]
mod tests {
    use super::*;
    use apifront_core::trace::AnsweredBy;

    pub(crate) const BROKEN: &str = include_str!("../../static/examples/broken-cli.json");
    const USERS: &str = include_str!("../../crates/core/tests/fixtures/trace/cli-users-api.json");
    const USERS_API: &str =
        include_str!("../../crates/core/tests/fixtures/trace/users-api.oas30.json");

    fn file(name: &str, kind: DocKind, text: &str) -> WorkFile {
        WorkFile {
            name: name.into(),
            kind,
            text: text.into(),
        }
    }

    fn request(files: Vec<WorkFile>) -> WorkRequest {
        WorkRequest {
            fix_all: false,
            files,
            trace: None,
            map: None,
        }
    }

    fn findings(answer: &Answer) -> &[LocatedFinding] {
        match &answer.outcome {
            Outcome::Linted { findings, .. } => findings,
            other => panic!("not linted: {other:?}"),
        }
    }

    #[test]
    fn one_configuration_is_linted_as_before() {
        let answer = Answer::to(&request(vec![file("c", DocKind::Configuration, BROKEN)]));
        let host = findings(&answer)
            .iter()
            .find(|f| f.rule == "apigw-host-header-forwarded")
            .expect("host finding");
        assert_eq!(host.file, 0);
        assert_eq!(
            answer.suggested_url.as_deref(),
            Some("https://api.example.com/")
        );
        assert!(
            answer.trace.is_none() && answer.map.is_none(),
            "no panel asked"
        );
    }

    #[test]
    fn a_definition_is_checked_with_its_configuration_and_traced_into() {
        let mut r = request(vec![
            file("dist.json", DocKind::Configuration, USERS),
            file("users.json", DocKind::ApiDefinition, USERS_API),
        ]);
        r.trace = Some(TraceInput {
            method: "GET".into(),
            url: Some("https://d111111abcdef8.cloudfront.net/api/users".into()),
            headers: String::new(),
        });
        r.map = Some(MapInput::default());
        let answer = Answer::to(&r);
        let Outcome::Linted { notes, .. } = &answer.outcome else {
            panic!("{:?}", answer.outcome)
        };
        assert!(notes.iter().any(|n| n.attached), "{notes:?}");
        let t = answer.trace.expect("traced").expect("a trace");
        // `/prod/api/users`: the definition has no `/api` resource.
        assert_eq!(t.outcome.status, Some(403));
        assert_eq!(t.outcome.answered_by, Some(AnsweredBy::ApiGateway));
        let api = t
            .hops
            .iter()
            .find(|h| h.stage == Stage::Api)
            .expect("api hop");
        // It names the rule that decides it and points where that rule reports: the behavior's
        // path pattern, in the configuration.
        assert_eq!(api.rule.as_deref(), Some("apigw-route-unreachable"));
        assert_eq!(
            api.at.map(|l| l.file),
            Some(0),
            "the API hop points at the path pattern"
        );
        let m = answer.map.expect("drawn").expect("a map");
        assert!(m.svg.contains(r#"data-file="users.json""#));
        assert!(m.svg.contains("reaches no route"));
        assert_eq!(m.distributions, ["DistributionConfig"]);
    }

    #[test]
    fn a_module_is_linted_across_its_files_and_fixed_per_file() {
        let variables = "variable \"api_host\" {\n  default = \"abc123.execute-api.eu-west-1.amazonaws.com\"\n}\n";
        let cdn = include_str!("../../static/examples/broken.tf");
        let mut r = request(vec![
            file("variables.tf", DocKind::Configuration, variables),
            file("cdn.tf", DocKind::Configuration, cdn),
        ]);
        let answer = Answer::to(&r);
        assert!(!findings(&answer).is_empty());
        assert!(
            findings(&answer).iter().all(|f| f.file == 1),
            "findings name cdn.tf"
        );
        r.fix_all = true;
        let fixed = Answer::to(&r).fixed.expect("fixes applied");
        assert_eq!(
            fixed[0], variables,
            "the file without findings is unchanged"
        );
        assert_ne!(fixed[1], cdn);
    }

    #[test]
    fn parse_errors_name_their_file() {
        let answer = Answer::to(&request(vec![
            file("dist.json", DocKind::Configuration, USERS),
            file("api.json", DocKind::ApiDefinition, "{ \"openapi\": "),
        ]));
        let Outcome::Failed(err) = answer.outcome else {
            panic!("{:?}", answer.outcome)
        };
        assert_eq!(err.file, 1);
        // A definition alone is parsed too (nothing to check it against yet).
        let alone = Answer::to(&request(vec![file(
            "api.json",
            DocKind::ApiDefinition,
            "openapi: [",
        )]));
        assert!(matches!(
            alone.outcome,
            Outcome::Failed(SourceError { file: 0, .. })
        ));
        let fine = Answer::to(&request(vec![file(
            "api.json",
            DocKind::ApiDefinition,
            USERS_API,
        )]));
        assert_eq!(fine.outcome, Outcome::Empty);
    }

    #[test]
    fn a_request_that_cannot_be_read_says_why() {
        let mut r = request(vec![file("c", DocKind::Configuration, BROKEN)]);
        r.trace = Some(TraceInput {
            method: "GET".into(),
            url: Some("ftp://x".into()),
            headers: String::new(),
        });
        let err = Answer::to(&r).trace.expect("asked").expect_err("refused");
        assert!(err.contains("not an http:// or https:// URL"), "{err}");
        r.trace = Some(TraceInput {
            method: "POST".into(),
            url: None,
            headers: "Authorization: Bearer x\n\nHost: evil".into(),
        });
        let err = Answer::to(&r).trace.expect("asked").expect_err("refused");
        assert!(err.contains("Host"), "{err}");
    }
}
