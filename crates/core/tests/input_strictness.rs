//! Strict where AWS is strict, lenient where it is lenient (issue 12, class 8): control
//! characters in AWS CLI JSON, CloudFormation JSON that only YAML reads, repeated keys, and
//! placeholders that must not cascade.

use apifront_core::lint::{lint_text, Finding, LintConfig, Severity};
use apifront_core::model::{Format, NoteKind, OriginKind};
use apifront_core::parse::parse;
use apifront_core::span::LineIndex;
use apifront_core::value::{Unknown, Val};

fn fixture(name: &str) -> String {
    let full = format!("{}/tests/fixtures/input/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn findings(text: &str) -> Vec<Finding> {
    lint_text(text, &LintConfig::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .findings
}

fn of<'f>(all: &'f [Finding], rule: &str) -> Vec<&'f Finding> {
    all.iter().filter(|f| f.rule == rule).collect()
}

fn at(text: &str, needle: &str) -> (u32, u32) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not found"));
    LineIndex::new(text).line_col(offset)
}

#[test]
fn a_raw_tab_in_cli_json_is_an_error_at_its_position() {
    let text = fixture("cli-raw-tab.json");
    let e = parse(&text).expect_err("the AWS CLI refuses it");
    assert_eq!(e.format, Some(Format::CliJson));
    assert_eq!((e.line, e.column), at(&text, "\t"));
    assert_eq!(
        e.message,
        "control character U+0009 (a tab) inside a string"
    );
    assert!(e.hint.as_deref().unwrap_or_default().contains("`\\t`"));
    // Escaped, it is fine.
    let escaped = text.replace('\t', "\\t");
    let doc = parse(&escaped).expect("parses");
    assert_eq!(
        doc.distributions[0].comment.get().map(String::as_str),
        Some("orders API\t(eu-west-1)")
    );
}

#[test]
fn a_template_only_yaml_reads_is_read_as_yaml_and_said() {
    let text = fixture("cfn-raw-tab.json");
    let doc = parse(&text).expect("read as YAML");
    assert_eq!(doc.format, Format::CfnJson);
    let d = &doc.distributions[0];
    assert_eq!(d.comment.get().map(String::as_str), Some("quotes\tAPI"));
    assert!(matches!(
        d.origins[0].kind.0,
        OriginKind::ApiGatewayDefault { .. }
    ));
    let all = findings(&text);
    let read = of(&all, "template-read-as-yaml");
    let [f] = read.as_slice() else {
        panic!("{all:#?}")
    };
    assert_eq!(f.severity, Severity::Info);
    assert_eq!((f.span.line, f.span.column), at(&text, "\tOwner"));
    assert!(f
        .message
        .starts_with("this template is not valid JSON (control character U+0009 (a tab)"));
    // A JSON error YAML does not forgive stays an error.
    let broken = text.replacen("\"Enabled\": true,", "\"Enabled\": true,,", 1);
    let e = parse(&broken).expect_err("neither JSON nor YAML");
    assert_eq!(e.format, Some(Format::CfnJson));
    // A control character YAML refuses too stays the JSON error.
    let nul = text.replacen('\t', "\u{1}", 1);
    let e = parse(&nul).expect_err("refused");
    assert_eq!(e.message, "control character U+0001 inside a string");
}

#[test]
fn a_repeated_yaml_key_keeps_the_last_value_and_the_rest_is_linted() {
    let text = fixture("cfn-duplicate-policy.yaml");
    let all = findings(&text);
    let dup = of(&all, "duplicate-key");
    let [d] = dup.as_slice() else {
        panic!("{all:#?}")
    };
    assert_eq!(d.severity, Severity::Warning);
    let second = text.rfind("OriginRequestPolicyId").expect("second key");
    let idx = LineIndex::new(&text);
    assert_eq!((d.span.line, d.span.column), idx.line_col(second));
    assert_eq!(
        d.message,
        "`OriginRequestPolicyId` appears twice in this map (first at 19:11): CloudFormation \
         keeps the last value, so the first one has no effect; remove the one that is not meant"
    );
    assert_eq!(
        d.related.first().map(|(s, _)| (s.line, s.column)),
        Some(at(&text, "OriginRequestPolicyId"))
    );
    // The kept value is the last one (AllViewer): its own finding is there too.
    let host = of(&all, "apigw-host-header-forwarded");
    let [h] = host.as_slice() else {
        panic!("{all:#?}")
    };
    assert_eq!(
        (h.span.line, h.span.column),
        at(&text, "216adef6-5c7f-47e4-b989-5492eafa07d3")
    );
}

#[test]
fn a_repeated_resource_is_reported_and_the_last_one_read() {
    let text = fixture("duplicate-resource.yaml");
    let doc = parse(&text).expect("parses");
    assert_eq!(doc.distributions.len(), 1);
    assert_eq!(
        doc.distributions[0].enabled.val,
        Val::Absent,
        "the last `Cdn`"
    );
    let all = findings(&text);
    let dup = of(&all, "duplicate-key");
    let [d] = dup.as_slice() else {
        panic!("{all:#?}")
    };
    assert_eq!((d.span.line, d.span.column), (8, 3));
    assert!(d
        .message
        .starts_with("`Cdn` appears twice in this map (first at 3:3)"));
}

#[test]
fn repeated_json_keys_in_templates_and_cli_json() {
    let text = fixture("cfn-duplicate-property.json");
    let all = findings(&text);
    let dup = of(&all, "duplicate-key");
    let [d] = dup.as_slice() else {
        panic!("{all:#?}")
    };
    let second = text.rfind("\"ViewerProtocolPolicy\"").expect("second key");
    assert_eq!(
        (d.span.line, d.span.column),
        LineIndex::new(&text).line_col(second)
    );
    assert!(d.message.contains("CloudFormation keeps the last value"));
    let allow = of(&all, "viewer-protocol-allow-all");
    assert_eq!(allow.len(), 1, "the kept value, allow-all, is linted");

    let cli = fixture("duplicate-key-cli.json");
    let doc = parse(&cli).expect("the AWS CLI reads it");
    assert_eq!(
        doc.distributions[0].comment.get().map(String::as_str),
        Some("second")
    );
    let all = findings(&cli);
    let dup = of(&all, "duplicate-key");
    let [d] = dup.as_slice() else {
        panic!("{all:#?}")
    };
    assert_eq!((d.span.line, d.span.column), (5, 9));
    assert!(d.message.contains("the AWS CLI keeps the last value"));
}

#[test]
fn pasted_placeholders_give_one_finding_each_and_no_cascade() {
    let text = fixture("cli-pasted-placeholders.json");
    let doc = parse(&text).expect("parses");
    let d = &doc.distributions[0];
    // The host keeps its shape: still an API Gateway origin, whose other settings are checked.
    assert!(matches!(
        d.origins[0].kind.0,
        OriginKind::ApiGatewayDefault { .. }
    ));
    assert!(matches!(
        &d.origins[0].domain_name.val,
        Val::Unknown(Unknown::Placeholder(p)) if p == "<api-id>.execute-api.<region>.amazonaws.com"
    ));
    // The same placeholder on both sides links the behavior to its origin.
    let default = d.default_behavior.as_ref().expect("default");
    assert!(matches!(
        d.link(default),
        apifront_core::model::Link::Origins(_)
    ));
    let placeholders = doc
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Placeholder)
        .count();
    assert_eq!(placeholders, 7);

    let all = findings(&text);
    let found = of(&all, "placeholder-value");
    let positions: Vec<(u32, u32)> = found.iter().map(|f| (f.span.line, f.span.column)).collect();
    assert_eq!(
        positions,
        [
            (5, 19),
            (13, 23),
            (14, 31),
            (15, 31),
            (28, 27),
            (40, 30),
            (44, 17)
        ]
    );
    assert_eq!(
        found[2].message,
        "`<api-id>` and `<region>` are placeholders left to fill in; apifront reads this value \
         as unknown and skips the checks that need it: put the real value here"
    );
    // Nothing else above info: no invalid alias, host, path, certificate or web ACL.
    let loud: Vec<String> = all
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect();
    assert!(loud.is_empty(), "{loud:#?}");
}

#[test]
fn a_template_that_forgot_fn_sub_is_told() {
    let text = fixture("cfn-sub-forgotten.yaml");
    let all = findings(&text);
    let found = of(&all, "placeholder-value");
    let [f] = found.as_slice() else {
        panic!("{all:#?}")
    };
    assert_eq!((f.span.line, f.span.column), at(&text, "\"${PaymentsApi}"));
    assert!(f.message.starts_with(
        "`${PaymentsApi}` and `${AWS::Region}` are written in a plain string: CloudFormation \
         replaces `${…}` only inside `Fn::Sub`"
    ));
    // The `!Sub` of the comment is not a placeholder, and the host keeps its shape.
    let doc = parse(&text).expect("parses");
    assert!(matches!(
        doc.distributions[0].origins[0].kind.0,
        OriginKind::ApiGatewayDefault { .. }
    ));
}

#[test]
fn thousands_of_repeated_keys_and_placeholders_are_read_once_each() {
    // Each repeat replaces its key's entry in place and each placeholder is noted once: the
    // work stays linear (a quadratic pass would make this test crawl).
    let n = 20_000;
    let mut json =
        String::from("{\"DistributionConfig\": {\"Comment\": \"c\", \"Origins\": {\"Items\": [");
    for i in 0..n {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&format!(
            "{{\"Id\": \"o{i}\", \"DomainName\": \"<host-{i}>.example.com\"}}"
        ));
    }
    json.push_str("]}, \"DefaultCacheBehavior\": {\"TargetOriginId\": \"o0\"}");
    let keys: Vec<String> = (0..n).map(|i| format!(", \"k{i}\": {i}")).collect();
    json.push_str(&keys.concat());
    json.push_str(&keys.concat());
    json.push_str("}}");
    let doc = parse(&json).expect("parses");
    let count = |kind| doc.notes.iter().filter(|n| n.kind == kind).count();
    assert_eq!(count(NoteKind::DuplicateKey), n);
    assert_eq!(count(NoteKind::Placeholder), n);
    assert_eq!(doc.distributions[0].origins.len(), n);
}
