//! The known-broken suite: realistic configurations (`fixtures/broken/`, and the Terraform
//! modules of `fixtures/terraform/modules/`), each with a problem of one class of issue 12, must
//! be reported by the exact rule at the exact place (file, line, column), with the places that
//! explain it (a route in an API definition given beside the configuration). Every finding above
//! information must be expected, so a broken setup also guards against false alarms.
//!
//! One test lints them all and, when it fails, lists every mismatch.

use apifront_core::lint::{lint_sources, LintConfig, Severity};
use apifront_core::source::{LocatedFinding, Sources};
use std::path::{Path, PathBuf};

/// A finding the suite expects: rule, severity, and where (file name, line, column).
struct Expect {
    rule: &'static str,
    severity: Severity,
    at: (&'static str, u32, u32),
    /// Places among the finding's related ones (file name, line, column).
    related: &'static [(&'static str, u32, u32)],
}

const fn error(rule: &'static str, at: (&'static str, u32, u32)) -> Expect {
    Expect {
        rule,
        severity: Severity::Error,
        at,
        related: &[],
    }
}

const fn warning(rule: &'static str, at: (&'static str, u32, u32)) -> Expect {
    Expect {
        rule,
        severity: Severity::Warning,
        at,
        related: &[],
    }
}

impl Expect {
    const fn with_related(mut self, related: &'static [(&'static str, u32, u32)]) -> Self {
        self.related = related;
        self
    }
}

/// One broken configuration.
struct Setup {
    /// A file, or a directory read as one Terraform module, under `tests/fixtures/`.
    path: &'static str,
    /// API definitions given beside it (`apifront lint --api`), under `tests/fixtures/`.
    api: &'static [&'static str],
    expect: &'static [Expect],
}

/// Issue 12's classes with their setups.
const CLASSES: &[(u8, &str, &[Setup])] = &[
    (1, "conditions read as branches", CLASS_1),
    (2, "references where literals were expected", CLASS_2),
    (3, "Terraform hosts as expressions", CLASS_3),
    (4, "Terraform modules are directories", CLASS_4),
    (5, "rules that read the API behind the origin", CLASS_5),
    (6, "the API defined elsewhere (`--api`)", CLASS_6),
    (7, "cases that were wrong", CLASS_7),
    (8, "strictness where AWS is strict", CLASS_8),
];

/// A finding that holds in one branch of a condition names it, at the branch's value.
const CLASS_1: &[Setup] = &[
    // `!If [KeepViewerHost, AllViewer, AllViewerExceptHostHeader]`: only one branch forwards Host.
    Setup {
        path: "branches/host-header-toggle.yaml",
        api: &[],
        expect: &[error(
            "apigw-host-header-forwarded",
            ("host-header-toggle.yaml", 44, 15),
        )],
    },
    // cdk synth: an `Fn::If` around a whole origin, whose legacy branch is http-only.
    Setup {
        path: "branches/cdk-conditional-legacy-origin.json",
        api: &[],
        expect: &[error(
            "apigw-origin-protocol-not-https-only",
            ("cdk-conditional-legacy-origin.json", 33, 57),
        )],
    },
];

/// Origin ids written as `!Sub "${Prefix}-api"` on both sides link the behavior to its origin.
const CLASS_2: &[Setup] = &[Setup {
    path: "links/host-header-behind-parameter-ids.yaml",
    api: &[],
    expect: &[
        warning(
            "s3-origin-without-oac",
            ("host-header-behind-parameter-ids.yaml", 30, 25),
        ),
        error(
            "apigw-host-header-forwarded",
            ("host-header-behind-parameter-ids.yaml", 39, 34),
        ),
    ],
}];

/// A key written twice: CloudFormation keeps the last one, which is what the rules read.
const CLASS_8: &[Setup] = &[
    Setup {
        path: "input/cfn-duplicate-policy.yaml",
        api: &[],
        expect: &[
            warning("duplicate-key", ("cfn-duplicate-policy.yaml", 22, 11)),
            error(
                "apigw-host-header-forwarded",
                ("cfn-duplicate-policy.yaml", 22, 34),
            ),
        ],
    },
    Setup {
        path: "input/duplicate-resource.yaml",
        api: &[],
        expect: &[warning("duplicate-key", ("duplicate-resource.yaml", 8, 3))],
    },
];

/// Hosts worked out from resource attributes are classified, so the API rules run.
const CLASS_3: &[Setup] = &[Setup {
    path: "broken/tf-hosts-from-expressions.tf",
    api: &[],
    expect: &[
        // `replace(stage.invoke_url, "https://", "")` keeps the stage path.
        error(
            "origin-domain-not-hostname",
            ("tf-hosts-from-expressions.tf", 29, 19),
        ),
        warning(
            "apigw-rest-origin-path-missing-stage",
            ("tf-hosts-from-expressions.tf", 27, 3),
        ),
        // `trimprefix(api.api_endpoint, "https://")` is the HTTP API's default endpoint.
        error(
            "apigw-host-header-forwarded",
            ("tf-hosts-from-expressions.tf", 67, 32),
        ),
    ],
}];

/// A module split over files: values from `terraform.tfvars`, a cache policy in one file and the
/// API in another, findings in the file they are about.
const CLASS_4: &[Setup] = &[
    Setup {
        // Without the tfvars' stage the origin path would name a stage the API does not have.
        path: "broken/tf-module-split-files",
        api: &[],
        expect: &[error("authorization-not-forwarded", ("cdn.tf", 23, 30))
            .with_related(&[("api.tf", 10, 1)])],
    },
    Setup {
        path: "terraform/modules/orders-rest",
        api: &[],
        expect: &[
            warning("apigw-rest-origin-path-missing-stage", ("cdn.tf", 8, 3)),
            error("apigw-default-endpoint-disabled", ("cdn.tf", 11, 19))
                .with_related(&[("api.tf", 6, 34)]),
            error("origin-domain-not-hostname", ("cdn.tf", 11, 19)),
            error("apigw-host-header-forwarded", ("cdn.tf", 27, 32)),
        ],
    },
];

/// The API in the same input: routes, methods, authorizers, CORS, WebSocket, IAM.
const CLASS_5: &[Setup] = &[
    Setup {
        // `/api/*` reaches `/live/api/…`: no resource there.
        path: "broken/cfn-site-api-prefix-unstripped.yaml",
        api: &[],
        expect: &[error(
            "apigw-route-unreachable",
            ("cfn-site-api-prefix-unstripped.yaml", 109, 26),
        )
        .with_related(&[
            ("cfn-site-api-prefix-unstripped.yaml", 57, 5),
            ("cfn-site-api-prefix-unstripped.yaml", 33, 5),
        ])],
    },
    Setup {
        // `POST /tickets` behind the default GET/HEAD.
        path: "broken/cfn-write-routes-read-only-behavior.yaml",
        api: &[],
        expect: &[error(
            "api-write-methods-not-allowed",
            ("cfn-write-routes-read-only-behavior.yaml", 80, 11),
        )
        .with_related(&[("cfn-write-routes-read-only-behavior.yaml", 38, 5)])],
    },
    Setup {
        // CachingOptimized: Authorization never reaches the Cognito authorizer, and a Lambda
        // route is cached for a day.
        path: "broken/sam-cognito-api-caching-optimized.yaml",
        api: &[],
        expect: &[
            error(
                "authorization-not-forwarded",
                ("sam-cognito-api-caching-optimized.yaml", 57, 26),
            )
            .with_related(&[("sam-cognito-api-caching-optimized.yaml", 21, 13)]),
            warning(
                "api-behavior-caching-enabled",
                ("sam-cognito-api-caching-optimized.yaml", 57, 26),
            ),
        ],
    },
    Setup {
        // The `$connect` authorizer's `ticket` query string is dropped.
        path: "broken/tf-websocket-connect-token-dropped.tf",
        api: &[],
        expect: &[error(
            "authorization-not-forwarded",
            ("tf-websocket-connect-token-dropped.tf", 75, 32),
        )
        .with_related(&[("tf-websocket-connect-token-dropped.tf", 19, 23)])],
    },
    Setup {
        // The API answers CORS; the Access-Control-Request-* headers never reach it.
        path: "broken/cfn-http-api-cors-preflight-dropped.yaml",
        api: &[],
        expect: &[warning(
            "cors-headers-not-forwarded",
            ("cfn-http-api-cors-preflight-dropped.yaml", 75, 26),
        )],
    },
    Setup {
        // IAM from the OpenAPI body's `awsSigv4` security scheme.
        path: "broken/tf-http-api-sigv4-routes.tf",
        api: &[],
        expect: &[error(
            "apigw-iam-auth-behind-cloudfront",
            ("tf-http-api-sigv4-routes.tf", 13, 50),
        )
        .with_related(&[("tf-http-api-sigv4-routes.tf", 36, 3)])],
    },
];

/// AWS CLI JSON, which never holds the API, with its OpenAPI export given beside it: positions
/// in both texts.
const CLASS_6: &[Setup] = &[Setup {
    path: "broken/cli-pets-with-definition/distribution.json",
    api: &["broken/cli-pets-with-definition/pets-export.yaml"],
    expect: &[
        error("authorization-not-forwarded", ("distribution.json", 31, 24)).with_related(&[(
            "pets-export.yaml",
            42,
            25,
        )]),
        error("apigw-route-unreachable", ("distribution.json", 38, 26))
            .with_related(&[("pets-export.yaml", 9, 18), ("pets-export.yaml", 12, 5)]),
    ],
}];

/// Lambda URLs, origins without a type, HTTP API stages, origin groups, query strings in
/// patterns.
const CLASS_7: &[Setup] = &[
    Setup {
        // The function gets `/prod/…`; its default root object is not reported (no routing).
        path: "broken/cfn-lambda-url-origin-path.yaml",
        api: &[],
        expect: &[warning(
            "lambda-url-origin-path",
            ("cfn-lambda-url-origin-path.yaml", 40, 25),
        )],
    },
    Setup {
        path: "broken/cli-origin-without-type.json",
        api: &[],
        expect: &[error(
            "apigw-origin-needs-custom-config",
            ("cli-origin-without-type.json", 11, 25),
        )],
    },
    Setup {
        // Only stage `v1`, no origin path: viewer paths must start with `/v1`; `/pay/*` can't.
        path: "broken/tf-http-api-named-stage-without-origin-path.tf",
        api: &[],
        expect: &[
            warning(
                "apigw-route-unreachable",
                ("tf-http-api-named-stage-without-origin-path.tf", 43, 3),
            )
            .with_related(&[("tf-http-api-named-stage-without-origin-path.tf", 33, 1)]),
            error(
                "apigw-route-unreachable",
                ("tf-http-api-named-stage-without-origin-path.tf", 65, 32),
            )
            .with_related(&[("tf-http-api-named-stage-without-origin-path.tf", 21, 1)]),
        ],
    },
    Setup {
        path: "broken/cfn-origin-group-all-methods.yaml",
        api: &[],
        expect: &[error(
            "origin-group-write-methods",
            ("cfn-origin-group-all-methods.yaml", 46, 27),
        )
        .with_related(&[("cfn-origin-group-all-methods.yaml", 33, 15)])],
    },
    Setup {
        path: "broken/cfn-path-pattern-query-string.json",
        api: &[],
        expect: &[warning(
            "path-pattern-query-string",
            ("cfn-path-pattern-query-string.json", 33, 30),
        )],
    },
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The files of a setup: the file itself or a module's `.tf` and `.tfvars` files, then the API
/// definitions.
fn sources_of(setup: &Setup) -> Sources {
    let path = fixtures().join(setup.path);
    let mut files: Vec<PathBuf> = if path.is_dir() {
        std::fs::read_dir(&path)
            .expect("a module folder")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| {
                let name = p.to_string_lossy();
                name.ends_with(".tf") || name.ends_with(".tfvars")
            })
            .collect()
    } else {
        vec![path]
    };
    files.sort();
    let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p:?}: {e}"));
    let mut sources = Sources::new();
    for f in &files {
        sources.push(name(f), &read(f));
    }
    for api in setup.api {
        let f = fixtures().join(api);
        sources.push_api_definition(name(&f), &read(&f));
    }
    sources
}

/// `file:line:column` of a place.
fn place(sources: &Sources, file: usize, line: u32, column: u32) -> (String, u32, u32) {
    (sources.name(file).to_string(), line, column)
}

fn describe(sources: &Sources, f: &LocatedFinding) -> String {
    let (file, line, column) = place(sources, f.file, f.span.line, f.span.column);
    format!(
        "{} {} at {file}:{line}:{column}: {}",
        f.severity.as_str(),
        f.rule,
        f.message
    )
}

/// The mismatches of one setup.
fn check(setup: &Setup) -> Vec<String> {
    let sources = sources_of(setup);
    let report = match lint_sources(&sources, &LintConfig::default()) {
        Ok(report) => report,
        Err(e) => return vec![format!("does not parse: {}", e.error)],
    };
    let mut out = Vec::new();
    let matches = |e: &Expect, f: &LocatedFinding| {
        f.rule == e.rule
            && place(&sources, f.file, f.span.line, f.span.column)
                == (e.at.0.to_string(), e.at.1, e.at.2)
    };
    for e in setup.expect {
        let (file, line, column) = e.at;
        let Some(f) = report.findings.iter().find(|f| matches(e, f)) else {
            out.push(format!(
                "missing: {} {} at {file}:{line}:{column}",
                e.severity.as_str(),
                e.rule
            ));
            continue;
        };
        if f.severity != e.severity {
            out.push(format!(
                "{} at {file}:{line}:{column} is {}, expected {}",
                e.rule,
                f.severity.as_str(),
                e.severity.as_str()
            ));
        }
        for &(rfile, rline, rcolumn) in e.related {
            let found = f.related.iter().any(|(at, _)| {
                place(&sources, at.file, at.span.line, at.span.column)
                    == (rfile.to_string(), rline, rcolumn)
            });
            if !found {
                let seen: Vec<String> = f
                    .related
                    .iter()
                    .map(|(at, note)| {
                        let (n, l, c) = place(&sources, at.file, at.span.line, at.span.column);
                        format!("{n}:{l}:{c} ({note})")
                    })
                    .collect();
                out.push(format!(
                    "{} at {file}:{line}:{column}: no related place {rfile}:{rline}:{rcolumn} \
                     (has {})",
                    e.rule,
                    seen.join(", ")
                ));
            }
        }
    }
    for f in report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
    {
        if !setup.expect.iter().any(|e| matches(e, f)) {
            out.push(format!("unexpected: {}", describe(&sources, f)));
        }
    }
    out
}

#[test]
fn every_known_problem_is_reported_by_its_rule_at_its_place() {
    let mut mismatches = Vec::new();
    for (class, title, setups) in CLASSES {
        for setup in *setups {
            for m in check(setup) {
                mismatches.push(format!("class {class} ({title}), {}: {m}", setup.path));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatch(es):\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn the_classes_of_this_suite_have_setups() {
    for (class, title, setups) in CLASSES {
        if (3..=7).contains(class) {
            assert!(!setups.is_empty(), "class {class} ({title}) has no setup");
        }
        for setup in *setups {
            assert!(
                fixtures().join(setup.path).exists(),
                "class {class}: {} does not exist",
                setup.path
            );
        }
    }
}
