//! Terraform modules read as directories (issue 12 classes 2, 3 and 4): hosts written as
//! expressions, origin ids written as references, several files with variables, locals and
//! `.tfvars` values shared, positions per file, fixes written to the right file.

use apifront_core::lint::{fix_sources, lint_sources, LintConfig, Severity};
use apifront_core::model::{Document, Origin, OriginKind};
use apifront_core::parse::parse_sources;
use apifront_core::source::{LocatedFinding, Sources};
use apifront_core::value::{Unknown, Val};
use std::path::Path;

/// The files of a fixture directory, in name order, as a module; `skip` files are left out.
fn module(dir: &str, skip: &[&str]) -> Sources {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut names: Vec<String> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !skip.contains(&n.as_str()))
        .collect();
    names.sort();
    Sources::from_files(
        names
            .into_iter()
            .map(|n| {
                let text = std::fs::read_to_string(root.join(&n)).unwrap();
                (n, text)
            })
            .collect::<Vec<_>>(),
    )
}

fn doc(sources: &Sources) -> Document {
    parse_sources(sources).unwrap_or_else(|e| panic!("{}: {}", sources.name(e.file), e.error))
}

fn origin<'d>(doc: &'d Document, id: &str) -> &'d Origin {
    doc.distributions[0]
        .origins
        .iter()
        .find(|o| o.id.get().map(String::as_str) == Some(id))
        .unwrap_or_else(|| panic!("no origin {id}"))
}

fn expression<T: std::fmt::Debug>(val: &Val<T>) -> &str {
    match val {
        Val::Unknown(Unknown::Expression(text)) => text,
        other => panic!("expected an unknown expression, got {other:?}"),
    }
}

/// `(rule, file name, line, column)` of each finding at or above `min`.
fn placed<'s>(
    sources: &'s Sources,
    findings: &'s [LocatedFinding],
    min: Severity,
) -> Vec<(&'s str, &'s str, u32, u32)> {
    findings
        .iter()
        .filter(|f| f.severity <= min)
        .map(|f| (&*f.rule, sources.name(f.file), f.span.line, f.span.column))
        .collect()
}

/// `(origin id, kind, a URL or a host with a path, API, function URL)`.
type Expected<'a> = (&'a str, OriginKind, bool, Option<&'a str>, Option<&'a str>);

const DEFAULT: OriginKind = OriginKind::ApiGatewayDefault {
    api_id: None,
    region: None,
};
const LAMBDA: OriginKind = OriginKind::LambdaUrl { region: None };

#[test]
fn hosts_are_classified_from_what_their_expressions_can_be() {
    // terraform.tfvars sets use_custom_domain = true and stage_name = "v2".
    let d = doc(&module("terraform/modules/hosts", &[]));
    let eu = OriginKind::ApiGatewayDefault {
        api_id: None,
        region: Some("eu-west-1".into()),
    };
    let rest = Some("aws_api_gateway_rest_api.orders");
    let events = Some("aws_apigatewayv2_api.events");
    let thumbnails = Some("aws_lambda_function_url.thumbnails");
    let expected: &[Expected] = &[
        // A variable without a value says nothing.
        ("external", OriginKind::Unknown, false, None, None),
        // The invoke URL without its scheme still ends in /<stage>: not a host.
        ("stage-replace", DEFAULT, true, rest, None),
        ("stage-split", DEFAULT, false, rest, None),
        ("stage-regex", DEFAULT, false, rest, None),
        // replace(url, "/^https?://([^/]*).*/", "$1") keeps the host.
        ("events-regex-replace", DEFAULT, false, events, None),
        // The tfvars value picks the custom domain branch.
        (
            "events-conditional",
            OriginKind::ApiGatewayCustomDomain,
            false,
            None,
            None,
        ),
        (
            "events-target",
            OriginKind::ApiGatewayRegionalDomainTarget,
            false,
            None,
            None,
        ),
        // The $default stage's invoke URL keeps a trailing slash after replace().
        ("events-default-stage", DEFAULT, true, events, None),
        ("events-either-endpoint", eu.clone(), false, events, None),
        (
            "live",
            DEFAULT,
            false,
            Some("aws_apigatewayv2_api.live"),
            None,
        ),
        ("thumbnails-split", LAMBDA, false, None, thumbnails),
        ("thumbnails-trimmed", LAMBDA, false, None, thumbnails),
        // A regex replace of the scheme leaves the function URL's trailing slash.
        ("thumbnails-scheme-only", LAMBDA, true, None, thumbnails),
        ("orders-format", DEFAULT, false, rest, None),
        ("orders-join", eu.clone(), false, rest, None),
        // An id from a local map; lower() of a template.
        ("orders-api", eu.clone(), false, rest, None),
        // A template with the stage as a path.
        ("stage-template", eu.clone(), true, rest, None),
        // coalesce() skips the null default.
        ("orders-override", eu, false, rest, None),
    ];
    for (id, kind, is_url, api, lambda) in expected {
        let o = origin(&d, id);
        assert_eq!(&o.kind.0, kind, "{id}");
        assert_eq!(o.domain_is_url, *is_url, "{id}");
        assert_eq!(o.api_ref.as_deref(), *api, "{id}");
        assert_eq!(o.lambda_url_ref.as_deref(), *lambda, "{id}");
        assert!(o.domain_name.is_unknown(), "{id}: never a guessed value");
    }
    assert_eq!(d.distributions[0].origins.len(), expected.len());
}

#[test]
fn a_condition_without_a_value_keeps_only_what_both_branches_share() {
    let d = doc(&module("terraform/modules/hosts", &["terraform.tfvars"]));
    // A custom domain or the default endpoint: no kind is guessed.
    let conditional = origin(&d, "events-conditional");
    assert_eq!(conditional.kind.0, OriginKind::Unknown);
    assert_eq!(
        expression(&conditional.domain_name.val),
        "var.use_custom_domain ? aws_apigatewayv2_domain_name.events[0].domain_name : local.events_endpoint"
    );
    // Two default endpoints: still a default endpoint, the region only one branch gives is not.
    let either = origin(&d, "events-either-endpoint");
    assert_eq!(either.kind.0, DEFAULT);
    assert_eq!(
        either.api_ref.as_deref(),
        Some("aws_apigatewayv2_api.events")
    );
}

#[test]
fn origin_ids_are_evaluated_across_files_or_kept_as_written() {
    // locals.tf builds the id from variables.tf defaults and terraform.tfvars values.
    let d = doc(&module("terraform/modules/orders-rest", &[]));
    let dist = &d.distributions[0];
    assert_eq!(
        dist.origins[0].id.get().map(String::as_str),
        Some("shop-orders-api")
    );
    let default = dist.default_behavior.as_ref().unwrap();
    assert_eq!(
        default.target_origin_id.get().map(String::as_str),
        Some("shop-orders-api")
    );
    // Without the tfvars file `project` has no value: the ids stay the expressions written.
    let d = doc(&module(
        "terraform/modules/orders-rest",
        &["terraform.tfvars"],
    ));
    let dist = &d.distributions[0];
    assert_eq!(expression(&dist.origins[0].id.val), "local.api_origin_id");
    let default = dist.default_behavior.as_ref().unwrap();
    assert_eq!(
        expression(&default.target_origin_id.val),
        "\"${local.name}-api\""
    );
    // The validation block gives no value: the stage is the variable's default.
    let sources = module("terraform/modules/orders-rest", &["terraform.tfvars"]);
    let report = lint_sources(&sources, &LintConfig::default()).unwrap();
    let stage = report
        .findings
        .iter()
        .find(|f| f.rule == "apigw-rest-origin-path-missing-stage")
        .unwrap();
    assert!(stage.message.contains("`/prod`"), "{}", stage.message);
}

#[test]
fn unevaluated_ids_compare_equal_however_they_are_spaced() {
    let d = doc(&module("terraform/modules/events-http", &[]));
    let dist = &d.distributions[0];
    // `"${var.prefix}-events"` in the origin, `"${ var.prefix }-events"` in the behavior.
    let origin_id = expression(&dist.origins[0].id.val);
    let target = expression(&dist.default_behavior.as_ref().unwrap().target_origin_id.val);
    assert_eq!(origin_id, "\"${var.prefix}-events\"");
    assert_eq!(target, origin_id);
    // A resource attribute as id, on both sides.
    assert_eq!(
        expression(&dist.origins[1].id.val),
        "aws_apigatewayv2_api.events.id"
    );
    assert_eq!(
        expression(&dist.behaviors[0].target_origin_id.val),
        "aws_apigatewayv2_api.events.id"
    );
    // use_custom_domain defaults to false: the default endpoint branch.
    assert_eq!(dist.origins[0].kind.0, DEFAULT);
}

#[test]
fn tfvars_values_override_defaults_in_terraform_order() {
    let mut sources = module("terraform/modules/events-http", &[]);
    sources.push("terraform.tfvars", "use_custom_domain = false\n");
    sources.push("custom.auto.tfvars.json", "{\"use_custom_domain\": true}\n");
    let d = doc(&sources);
    assert_eq!(
        d.distributions[0].origins[0].kind.0,
        OriginKind::ApiGatewayCustomDomain
    );
}

#[test]
fn module_blocks_and_dynamic_blocks_are_recorded_with_their_places() {
    let sources = module("terraform/modules/events-http", &[]);
    let d = doc(&sources);
    let names: Vec<(&str, Option<&str>)> = d
        .modules
        .iter()
        .map(|m| (m.name.as_str(), m.source.get().map(String::as_str)))
        .collect();
    assert_eq!(
        names,
        [
            ("certificate", Some("./modules/certificate")),
            (
                "records",
                Some("terraform-aws-modules/route53/aws//modules/records")
            )
        ]
    );
    let at = sources.locate(d.modules[0].span);
    assert_eq!(
        (sources.name(at.file), at.span.line, at.span.column),
        ("main.tf", 10, 1)
    );
    let dist = &d.distributions[0];
    assert_eq!(dist.dynamic_blocks, ["ordered_cache_behavior"]);
    let at = sources.locate(dist.dynamic_block_spans[0]);
    assert_eq!(
        (sources.name(at.file), at.span.line, at.span.column),
        ("cdn.tf", 48, 3)
    );
}

#[test]
fn findings_name_their_own_file_line_and_column() {
    let sources = module("terraform/modules/orders-rest", &[]);
    let report = lint_sources(&sources, &LintConfig::default()).unwrap();
    assert_eq!(
        placed(&sources, &report.findings, Severity::Warning),
        [
            ("apigw-rest-origin-path-missing-stage", "cdn.tf", 8, 3),
            ("apigw-default-endpoint-disabled", "cdn.tf", 11, 19),
            ("origin-domain-not-hostname", "cdn.tf", 11, 19),
            // No `api-behavior-caching-enabled`: the API's default endpoint is turned off, so the
            // behavior reaches no route whose responses could be cached.
            ("apigw-host-header-forwarded", "cdn.tf", 27, 32),
        ]
    );
    let find = |rule: &str| report.findings.iter().find(|f| f.rule == rule).unwrap();
    // The stage name comes from terraform.tfvars.
    assert!(find("apigw-rest-origin-path-missing-stage")
        .message
        .contains("`/v1`"));
    // The API that disables its default endpoint is in another file.
    let disabled = find("apigw-default-endpoint-disabled");
    let (related, _) = &disabled.related[0];
    assert_eq!(sources.name(related.file), "api.tf");
    assert_eq!((related.span.line, related.span.column), (6, 34));
    // The fix edits cdn.tf at its own offsets.
    let fix = find("apigw-host-header-forwarded").fix.as_ref().unwrap();
    let (file, edit) = &fix.edits[0];
    assert_eq!(sources.name(*file), "cdn.tf");
    let text = sources.file_text(*file);
    // The id, and the comment naming the old policy after it.
    assert_eq!(
        &text[edit.start..edit.end],
        "\"216adef6-5c7f-47e4-b989-5492eafa07d3\" # AllViewer"
    );
}

#[test]
fn findings_in_the_second_file_and_in_main_tf() {
    let sources = module("terraform/modules/events-http", &[]);
    assert_eq!(sources.name(1), "cdn.tf");
    let report = lint_sources(&sources, &LintConfig::default()).unwrap();
    let info: Vec<_> = placed(&sources, &report.findings, Severity::Info)
        .into_iter()
        .filter(|(rule, ..)| rule.starts_with("terraform-"))
        .collect();
    assert_eq!(
        info,
        [
            ("terraform-dynamic-block-not-read", "cdn.tf", 48, 3),
            ("terraform-module-not-read", "main.tf", 10, 1),
            ("terraform-module-not-read", "main.tf", 16, 1),
        ]
    );
    let messages: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule == "terraform-module-not-read")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "module `certificate` (source `./modules/certificate`) is not read: lint that directory too",
            "module `records` (source `terraform-aws-modules/route53/aws//modules/records`) is not read: what it creates is not checked here",
        ]
    );
}

#[test]
fn fixes_are_written_to_the_file_they_belong_to() {
    let sources = module("terraform/modules/orders-rest", &[]);
    let fixed = fix_sources(&sources, &LintConfig::default(), false).unwrap();
    assert_eq!(fixed.len(), sources.len());
    for (i, text) in fixed.iter().enumerate() {
        if sources.name(i) == "cdn.tf" {
            assert!(text.contains(
                "origin_request_policy_id = \"b689b0a8-53d0-40ab-baf2-68738e2966ac\" # AllViewer"
            ));
        } else {
            assert_eq!(text, sources.file_text(i), "{} changed", sources.name(i));
        }
    }
    let after = Sources::from_files(
        (0..sources.len()).map(|i| (sources.name(i).to_string(), fixed[i].clone())),
    );
    let report = lint_sources(&after, &LintConfig::default()).unwrap();
    assert!(report
        .findings
        .iter()
        .all(|f| f.rule != "apigw-host-header-forwarded"));
}

#[test]
fn a_syntax_error_is_reported_in_its_own_file() {
    let mut sources = module("terraform/modules/orders-rest", &[]);
    sources.push("z-broken.tf", "locals {\n  a = 1\n  b = [\n}\n");
    let err = parse_sources(&sources).unwrap_err();
    assert_eq!(sources.name(err.file), "z-broken.tf");
    assert_eq!((err.error.line, err.error.column), (4, 1));
    assert!(
        err.error.message.starts_with("invalid HCL"),
        "{}",
        err.error
    );
    // The same for a tfvars file, and for Terraform JSON configuration.
    let mut sources = module("terraform/modules/orders-rest", &[]);
    sources.push("extra.auto.tfvars.json", "{\n  \"project\": shop\n}\n");
    let err = parse_sources(&sources).unwrap_err();
    assert_eq!(sources.name(err.file), "extra.auto.tfvars.json");
    assert_eq!((err.error.line, err.error.column), (2, 14));
    let sources = Sources::from_files([("main.tf", "variable \"a\" {}\n"), ("cdn.tf.json", "{}")]);
    let err = parse_sources(&sources).unwrap_err();
    assert_eq!(err.file, 1);
    assert!(
        err.error.message.contains("Terraform JSON"),
        "{}",
        err.error
    );
}

#[test]
fn a_module_without_a_distribution_says_so() {
    let sources = Sources::from_files([
        ("variables.tf", "variable \"a\" {}\n"),
        ("main.tf", "module \"cdn\" {\n  source = \"./cdn\"\n}\n"),
    ]);
    let err = parse_sources(&sources).unwrap_err();
    assert!(err
        .error
        .message
        .contains("defines no aws_cloudfront_distribution"));
    assert!(err.error.hint.unwrap().contains("module"));
}

#[test]
fn a_function_url_host_from_split_is_a_lambda_url() {
    let d = doc(&module("terraform/modules/lambda-url-oac", &[]));
    let o = &d.distributions[0].origins[0];
    assert_eq!(o.kind.0, LAMBDA);
    assert!(!o.domain_is_url);
    assert_eq!(
        o.lambda_url_ref.as_deref(),
        Some("aws_lambda_function_url.reports")
    );
}

#[test]
fn cycles_and_blow_ups_stay_unknown_and_cheap() {
    // Locals that refer to each other, and a chain whose text doubles at every step.
    let mut locals = String::from("locals {\n  a = local.b\n  b = \"${local.a}-x\"\n");
    for i in 0..60 {
        locals.push_str(&format!(
            "  d{i} = var.flag ? \"${{local.d{n}}}.${{local.d{n}}}\" : local.d{n}\n",
            n = i + 1
        ));
    }
    locals.push_str("  d60 = aws_api_gateway_rest_api.api.id\n}\n");
    let cdn = r#"resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  origin {
    origin_id   = local.a
    domain_name = local.d0
  }
  origin {
    origin_id   = "b"
    domain_name = local.b
  }
  default_cache_behavior {
    target_origin_id       = local.b
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
}
"#;
    let sources = Sources::from_files([
        ("locals.tf", locals.as_str()),
        ("variables.tf", "variable \"flag\" {\n  type = bool\n}\n"),
        ("cdn.tf", cdn),
    ]);
    let d = doc(&sources);
    let origins = &d.distributions[0].origins;
    assert_eq!(expression(&origins[0].id.val), "local.a");
    assert_eq!(origins[0].kind.0, OriginKind::Unknown);
    assert_eq!(origins[1].kind.0, OriginKind::Unknown);
    lint_sources(&sources, &LintConfig::default()).unwrap();
}

#[test]
fn what_a_module_does_not_show_is_said_of_the_module() {
    let d = doc(&module("terraform/modules/hosts", &[]));
    let reasons: Vec<&str> = d
        .api_model
        .apis
        .iter()
        .flat_map(|a| &a.gaps)
        .map(|g| g.reason.as_str())
        .filter(|r| r.contains("defines no"))
        .collect();
    assert!(!reasons.is_empty());
    assert!(
        reasons
            .iter()
            .all(|r| r.starts_with("the module defines no ")),
        "{reasons:?}"
    );
}
