//! Hostile input: huge, deep, self-referencing, binary or absurd text. Every case must end in a
//! clear error or a result, never a panic or a stack overflow. Only outcomes are asserted, never
//! timings; the sizes are chosen so the whole file runs in seconds in a debug build.

use apifront_core::lint::{fix_text, lint_text, LintConfig};
use apifront_core::model::{Document, Format};
use apifront_core::parse::{parse, ParseError, MAX_DEPTH, MAX_INPUT_BYTES};
use apifront_core::render::{render, OutputFormat};
use apifront_core::share;
use apifront_core::state::{validate, FormState};
use apifront_core::value::Val;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

const MB: usize = 1024 * 1024;

/// A small CLI JSON distribution config whose comment is `comment` (already JSON-escaped).
fn cli_json(comment: &str, behaviors: &str) -> String {
    format!(
        r#"{{"DistributionConfig": {{
  "Comment": "{comment}",
  "Enabled": true,
  "Origins": {{"Quantity": 1, "Items": [{{"Id": "api", "DomainName": "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", "OriginPath": "/prod",
    "CustomOriginConfig": {{"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}}}}]}},
  "DefaultCacheBehavior": {{"TargetOriginId": "api", "ViewerProtocolPolicy": "https-only",
    "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"}},
  "CacheBehaviors": {behaviors}
}}}}"#
    )
}

fn parsed(text: &str) -> Document {
    parse(text).unwrap_or_else(|e| panic!("expected a model, got {e}"))
}

fn refused(text: &str) -> ParseError {
    match parse(text) {
        Ok(doc) => panic!(
            "expected an error, got {} distribution(s)",
            doc.distributions.len()
        ),
        Err(e) => e,
    }
}

/// Lint and fix (unsafe fixes included) end in a result or an error, never a panic; when the
/// text parses, the fixed text parses too.
fn survives_the_pipeline(text: &str) {
    let config = LintConfig::default();
    let lint = lint_text(text, &config);
    let fixed = fix_text(text, &config, true);
    match (lint, fixed) {
        (Ok(_), Ok(fixed)) => {
            if let Err(e) = parse(&fixed) {
                panic!("the fixed text does not parse: {e}");
            }
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        (a, b) => panic!("lint and fix disagree: {:?} / {:?}", a.err(), b.err()),
    }
}

#[test]
fn ten_megabytes_of_config_is_a_result() {
    // A realistic config padded by a 10 MB comment: the whole text is read and linted.
    let comment = "edge ".repeat(10 * MB / 5);
    let text = cli_json(&comment, r#"{"Quantity": 0}"#);
    assert!(text.len() > 10 * MB && text.len() < MAX_INPUT_BYTES);
    let doc = parsed(&text);
    let dist = &doc.distributions[0];
    assert_eq!(dist.comment.get().map(String::len), Some(comment.len()));
    assert_eq!(dist.origins.len(), 1);
    let report = lint_text(&text, &LintConfig::default()).expect("lints");
    assert_eq!(report.format, Format::CliJson);
    // The last line is still placed right: `}}` on line 9.
    let idx = apifront_core::span::LineIndex::new(&text);
    assert_eq!(idx.line_col(text.len() - 1), (9, 2));
}

#[test]
fn input_over_the_limit_is_refused_up_front() {
    let text = " ".repeat(MAX_INPUT_BYTES) + "{}";
    let e = refused(&text);
    assert!(e.message.contains("the limit is"), "{e}");
    assert_eq!((e.line, e.column), (1, 1));
    assert!(lint_text(&text, &LintConfig::default()).is_err());
}

#[test]
fn enormous_strings_in_every_format() {
    let long = "x".repeat(2 * MB);
    let json = cli_json(&long, r#"{"Quantity": 0}"#);
    assert_eq!(parsed(&json).distributions[0].comment.get(), Some(&long));

    let yaml = format!(
        "Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      \
         DistributionConfig:\n        Comment: {long}\n        Enabled: true\n"
    );
    let doc = parsed(&yaml);
    assert_eq!(doc.distributions[0].comment.get(), Some(&long));

    let hcl = format!(
        "resource \"aws_cloudfront_distribution\" \"cdn\" {{\n  comment = \"{long}\"\n  enabled = true\n}}\n"
    );
    let doc = parsed(&hcl);
    assert_eq!(doc.format, Format::Terraform);
    assert_eq!(doc.distributions[0].comment.get(), Some(&long));

    // An enormous key and an enormous origin domain are a result too.
    let key = format!("{{\"{long}\": 1, \"DistributionConfig\": {{\"Enabled\": true}}}}");
    survives_the_pipeline(&key);
    let domain = json.replace("a1b2c3d4e5.execute-api", &format!("{long}.execute-api"));
    survives_the_pipeline(&domain);
}

#[test]
fn deep_nesting_is_refused_in_every_format() {
    const DEEP: usize = 100_000;
    let cases = [
        ("JSON arrays", format!("{{\"a\": {}", "[".repeat(DEEP))),
        (
            "JSON objects",
            "{\"a\": ".repeat(DEEP) + "1" + &"}".repeat(DEEP),
        ),
        ("YAML flow", format!("Resources: {}", "[".repeat(DEEP))),
        (
            "YAML flow maps",
            format!("Resources: {}", "{a: ".repeat(DEEP)),
        ),
        (
            "YAML block",
            format!("Resources:\n{}x\n", "- ".repeat(DEEP)),
        ),
        (
            "HCL blocks",
            format!(
                "resource \"aws_cloudfront_distribution\" \"d\" {{\n{}{}}}\n",
                "origin {\n".repeat(DEEP),
                "}\n".repeat(DEEP)
            ),
        ),
        (
            "HCL expressions",
            format!(
                "resource \"aws_cloudfront_distribution\" \"d\" {{\n  comment = {}1{}\n}}\n",
                "[".repeat(DEEP),
                "]".repeat(DEEP)
            ),
        ),
        (
            "HCL parentheses",
            format!(
                "resource \"aws_cloudfront_distribution\" \"d\" {{\n  comment = {}1{}\n}}\n",
                "(".repeat(DEEP),
                ")".repeat(DEEP)
            ),
        ),
    ];
    for (name, text) in cases {
        let e = refused(&text);
        assert!(
            e.message.contains("deeper than") || e.message.contains("nest"),
            "{name}: {e}"
        );
        assert!(e.line >= 1 && e.column >= 1, "{name}");
        survives_the_pipeline(&text);
    }
}

#[test]
fn nesting_just_under_the_limit_is_accepted() {
    // Nesting the limit allows inside an unrelated key is no reason to refuse the config.
    let depth = MAX_DEPTH - 4;
    let text = format!(
        "{{\"Extra\": {}1{}, \"DistributionConfig\": {{\"Enabled\": true}}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert_eq!(parsed(&text).distributions.len(), 1);
}

#[test]
fn yaml_alias_bombs_are_refused() {
    let levels = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    let mut bomb = String::from("Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n");
    bomb.push_str("    Metadata:\n");
    bomb.push_str("      a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for pair in levels.windows(2) {
        let (prev, next) = (pair[0], pair[1]);
        let refs = vec![format!("*{prev}"); 10].join(", ");
        bomb.push_str(&format!("      {next}: &{next} [{refs}]\n"));
    }
    bomb.push_str("    Properties:\n      DistributionConfig: {Enabled: true, Comment: *j}\n");
    let e = refused(&bomb);
    assert!(e.message.contains("alias"), "{e}");
    survives_the_pipeline(&bomb);

    // A self-referencing anchor is an error too (the anchor is not defined yet where used).
    survives_the_pipeline("Resources: &r\n  Cdn: *r\n");
    // Many small aliases that stay under the expansion limit are fine.
    let fine = "Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      \
                DistributionConfig:\n        Aliases: &names [a.example.com, b.example.com]\n        \
                Comment: x\n    Metadata: {copy: *names}\n";
    let doc = parsed(fine);
    assert_eq!(
        doc.distributions[0].aliases.known_items(),
        Some(vec!["a.example.com", "b.example.com"])
    );
}

#[test]
fn nul_bytes_anywhere() {
    let good = include_str!("fixtures/cfn/api-edge.yaml");
    for text in [
        cli_json("a\u{0}b", r#"{"Quantity": 0}"#),
        cli_json("\\u0000", r#"{"Quantity": 0}"#),
        good.replace("Enabled: true", "Enabled: \u{0}"),
        good.replacen('\n', "\n\u{0}", 3),
        format!("{good}\u{0}"),
        "\u{0}".repeat(10_000),
        "resource \"aws_cloudfront_distribution\" \"x\" {\n  comment = \"\u{0}\"\n}\n".into(),
    ] {
        survives_the_pipeline(&text);
    }
    // An escaped NUL in a JSON string is a value like any other.
    let doc = parsed(&cli_json("\\u0000", r#"{"Quantity": 0}"#));
    assert_eq!(
        doc.distributions[0].comment.get().map(String::as_str),
        Some("\u{0}")
    );
}

/// A CLI JSON config with `n` cache behaviors, one per line from line 8.
fn many_behaviors(n: usize) -> String {
    let behaviors: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"PathPattern": "/svc{i}/*", "TargetOriginId": "api", "ViewerProtocolPolicy": "https-only", "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"}}"#
            )
        })
        .collect();
    let list = format!(
        r#"{{"Quantity": {n}, "Items": [{}]}}"#,
        behaviors.join(",\n")
    );
    cli_json("many", &list)
}

fn lints_within_text(text: &str) {
    let report = lint_text(text, &LintConfig::default()).expect("lints");
    assert!(report
        .findings
        .iter()
        .all(|f| f.span.end <= text.len() && f.span.line >= 1));
}

#[test]
fn ten_thousand_behaviors_parse() {
    let text = many_behaviors(10_000);
    let doc = parsed(&text);
    let dist = &doc.distributions[0];
    assert_eq!(dist.behaviors.len(), 10_000);
    let last = dist.behaviors[9_999]
        .path_pattern
        .as_ref()
        .expect("pattern");
    assert_eq!(last.get().map(String::as_str), Some("/svc9999/*"));
    assert_eq!(last.span.line, 8 + 9_999);
}

/// The whole pipeline on 10 000 behaviors, the last of them shadowed by the first: a second
/// in a debug build since `path-pattern-shadowed` no longer compares every pair.
#[test]
fn ten_thousand_behaviors_lint() {
    let text = many_behaviors(10_000).replacen("/svc9999/*", "/svc0/x/*", 1);
    lints_within_text(&text);
    let report = lint_text(&text, &LintConfig::default()).expect("lints");
    let shadowed: Vec<u32> = report
        .findings
        .iter()
        .filter(|f| f.rule == "path-pattern-shadowed")
        .map(|f| f.span.line)
        .collect();
    assert_eq!(shadowed, [8 + 9_999]);
}

#[test]
fn unknown_intrinsics_everywhere() {
    let bogus = |n: usize| format!("{{\"Fn::Bogus{n}\": [\"x\", {{\"Fn::Nope\": {{}}}}]}}");
    let text = format!(
        r#"{{"Resources": {{"Cdn": {{"Type": "AWS::CloudFront::Distribution", "Properties": {{"DistributionConfig": {{
  "Enabled": {b0}, "Comment": {b1}, "Aliases": {b2}, "HttpVersion": {b3}, "WebACLId": {b4},
  "Origins": [{{"Id": {b5}, "DomainName": {b6}, "OriginPath": {b7},
    "CustomOriginConfig": {{"OriginProtocolPolicy": {b8}, "OriginSSLProtocols": {b9}}}}}, {b10}],
  "DefaultCacheBehavior": {{"TargetOriginId": {b11}, "ViewerProtocolPolicy": {b12},
    "AllowedMethods": {b13}, "CachePolicyId": {b14}, "OriginRequestPolicyId": {b15}}},
  "CacheBehaviors": {b16},
  "ViewerCertificate": {b17}, "Logging": {b18}, "CustomErrorResponses": {b19}
}}}}}}}}}}"#,
        b0 = bogus(0),
        b1 = bogus(1),
        b2 = bogus(2),
        b3 = bogus(3),
        b4 = bogus(4),
        b5 = bogus(5),
        b6 = bogus(6),
        b7 = bogus(7),
        b8 = bogus(8),
        b9 = bogus(9),
        b10 = bogus(10),
        b11 = bogus(11),
        b12 = bogus(12),
        b13 = bogus(13),
        b14 = bogus(14),
        b15 = bogus(15),
        b16 = bogus(16),
        b17 = bogus(17),
        b18 = bogus(18),
        b19 = bogus(19),
    );
    let doc = parsed(&text);
    let dist = &doc.distributions[0];
    assert!(
        matches!(dist.comment.val, Val::Unknown(_)),
        "{:?}",
        dist.comment
    );
    assert!(matches!(dist.enabled.val, Val::Unknown(_)));
    let origin = &dist.origins[0];
    assert!(matches!(origin.domain_name.val, Val::Unknown(_)));
    assert_eq!(origin.domain_name.span.line, 3);
    survives_the_pipeline(&text);

    // The same in YAML short form, tags nobody knows included.
    let yaml = "Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      \
                DistributionConfig:\n        Comment: !Bogus [a, !Nope b]\n        Enabled: !Whatever x\n        \
                Origins:\n          - Id: !Sub x\n            DomainName: !Frob {a: b}\n";
    survives_the_pipeline(yaml);
}

#[test]
fn invalid_utf8_read_lossily() {
    let good = include_bytes!("fixtures/cli-json/get-distribution-config-rest-api.json");
    // Invalid bytes inside a string, between tokens, and cutting a multi-byte character.
    let mut inside = good.to_vec();
    let at = find(&inside, b"orders-api-2024").expect("fixture has the reference");
    inside.splice(at..at, [0xff, 0xfe, 0xc3]);
    let mut between = good.to_vec();
    between.splice(1..1, [0x80, 0x80]);
    let cut = [good.as_slice(), &[0xf0, 0x9f, 0x98]].concat();
    for bytes in [
        inside,
        between,
        cut,
        vec![0xff; 4096],
        (0..=255u8).cycle().take(70_000).collect(),
    ] {
        let text = String::from_utf8_lossy(&bytes);
        survives_the_pipeline(&text);
    }
    // A replacement character is one UTF-16 unit (three UTF-8 bytes): two of them inside the
    // origin's domain move its end two columns and six bytes, and nothing else.
    let original = parsed(std::str::from_utf8(good).expect("UTF-8 fixture"));
    let mut bytes = good.to_vec();
    let value = find(&bytes, b"\"k3x9q2m7vd").expect("fixture has the origin") + 1;
    bytes.splice(value..value, [0xff, 0xfe]);
    let text = String::from_utf8_lossy(&bytes);
    let doc = parsed(&text);
    let (a, b) = (
        original.distributions[0].origins[0].domain_name.span,
        doc.distributions[0].origins[0].domain_name.span,
    );
    assert_eq!((b.line, b.column), (a.line, a.column));
    assert_eq!((b.end_line, b.end_column), (a.end_line, a.end_column + 2));
    assert_eq!(b.end - b.start, a.end - a.start + 6);
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn binary_junk_and_absurd_shapes() {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut junk = Vec::with_capacity(200_000);
    for _ in 0..200_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        junk.push(seed as u8);
    }
    let text = String::from_utf8_lossy(&junk);
    survives_the_pipeline(&text);
    for text in [
        "{".repeat(MAX_DEPTH),
        "}".repeat(10_000),
        ":".repeat(100_000),
        "- ".repeat(50_000),
        "\"".repeat(100_001),
        "\n".repeat(1_000_000),
        "\r".repeat(100_000),
        "\u{feff}".repeat(1000),
        "#".repeat(100_000),
        "resource ".repeat(20_000),
        "Resources:\n".repeat(10_000),
        "😀".repeat(100_000),
    ] {
        survives_the_pipeline(&text);
    }
}

#[test]
fn share_links_that_bomb_or_lie() {
    // A deflate bomb: 40 MB of blanks compressed to a few kilobytes must hit the payload limit.
    let payload = format!("{{\"state\": {{}}, \"text\": \"{}\"}}", " ".repeat(40 * MB));
    let packed = miniz_oxide::deflate::compress_to_vec(payload.as_bytes(), 9);
    assert!(packed.len() < MB);
    let link = format!("v1.z{}", URL_SAFE_NO_PAD.encode(&packed));
    let e = share::decode::<FormState>(&link).expect_err("refused");
    assert!(e.message.contains("damaged"), "{e}");
    for junk in [
        "",
        "#",
        "v1.",
        "v1.z",
        "v1.j",
        "v1.x!!!!",
        "v9.jAAAA",
        "?s=v1.jAAAA",
        "#v1.j____",
    ] {
        assert!(share::decode::<FormState>(junk).is_err(), "{junk:?}");
    }
    // A state with absurd values decodes, and then validation refuses it with field errors.
    let payload = r#"{"state": {"name": "", "api": {"region": "not-a-region", "api_id": "∞"},
        "error_caching": [{"code": 65535, "ttl": 4294967295}]}}"#;
    let link = format!("v1.j{}", URL_SAFE_NO_PAD.encode(payload));
    match share::decode::<FormState>(&link) {
        Ok(shared) => {
            assert!(!validate(&shared.state).is_empty());
            for &format in OutputFormat::ALL {
                assert!(render(&shared.state, format).is_err(), "{format:?}");
            }
        }
        Err(e) => assert!(e.message.contains("not valid"), "{e}"),
    }
}
