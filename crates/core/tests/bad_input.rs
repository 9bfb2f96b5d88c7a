//! Text that must be refused with a clear, positioned error, and never panic.

use apifront_core::model::Format;
use apifront_core::parse::{parse, ParseError, MAX_DEPTH};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/bad/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn refused(text: &str) -> ParseError {
    match parse(text) {
        Ok(doc) => panic!("expected an error, got {doc:?}"),
        Err(e) => e,
    }
}

fn hint(e: &ParseError) -> &str {
    e.hint
        .as_deref()
        .unwrap_or_else(|| panic!("no hint on {e}"))
}

const NOT_A_CONFIG: &str = "not a CloudFront distribution config; expected AWS CLI JSON, \
a CloudFormation template (JSON or YAML) or Terraform";

#[test]
fn empty_input() {
    for text in ["", "   \n\t\n", "\u{feff}"] {
        let e = refused(text);
        assert_eq!(e.message, "the input is empty");
        assert_eq!((e.line, e.column), (1, 1));
    }
}

#[test]
fn text_that_is_no_config_at_all() {
    for (name, what) in [
        ("prose.txt", "plain text"),
        ("page.html", "HTML or XML"),
        ("list.yaml", "a list"),
    ] {
        let e = refused(&fixture(name));
        assert_eq!(e.message, NOT_A_CONFIG, "{name}");
        assert!(hint(&e).contains(what), "{name}: {e}");
    }
    assert_eq!(refused("[1, 2]").message, NOT_A_CONFIG);
    assert_eq!(refused("42").message, NOT_A_CONFIG);
    let e = refused("Hello there. Is it 10:30 already? {not: [closed");
    assert_eq!(e.message, NOT_A_CONFIG, "{e}");
}

#[test]
fn trailing_comma_in_json() {
    let e = refused(&fixture("trailing_comma.json"));
    assert_eq!(e.message, "trailing comma");
    assert_eq!((e.line, e.column), (13, 42));
    assert_eq!(e.format, Some(Format::CliJson));
    assert!(hint(&e).contains("remove the comma at 13:42"));
}

#[test]
fn single_quotes_in_json() {
    let e = refused(&fixture("single_quotes.json"));
    assert_eq!((e.line, e.column), (3, 20));
    assert!(hint(&e).contains("double quotes"));
}

#[test]
fn truncated_json() {
    let text = fixture("truncated.json");
    let e = refused(&text);
    assert_eq!(e.line, 14);
    assert_eq!(
        hint(&e),
        "the text ends inside an object opened at 11:43; was it cut off when copying?"
    );
}

#[test]
fn unbalanced_json() {
    let e = refused(&fixture("unbalanced.json"));
    assert_eq!((e.line, e.column), (7, 13));
    assert_eq!(
        hint(&e),
        "unbalanced brackets: `}` does not close an array opened at 5:22"
    );
}

#[test]
fn yaml_inside_json_braces() {
    let e = refused(&fixture("yaml_in_braces.json"));
    assert_eq!((e.line, e.column), (2, 3));
    assert!(hint(&e).contains("\"DistributionConfig\""), "{e}");
}

#[test]
fn tab_indented_yaml() {
    let e = refused(&fixture("tab_indent.yaml"));
    assert_eq!((e.line, e.column), (8, 1));
    assert_eq!(
        hint(&e),
        "this looks like YAML with a tab indent at 8:1; YAML indents with spaces only"
    );
}

#[test]
fn truncated_yaml() {
    let e = refused(&fixture("truncated.yaml"));
    assert_eq!(e.line, 12);
    assert_eq!(
        hint(&e),
        "the text ends inside a list opened at 11:88; was it cut off when copying?"
    );
}

#[test]
fn alias_bomb_is_refused() {
    let e = refused(&fixture("alias_bomb.yaml"));
    assert!(e.message.contains("alias expansion exceeds"), "{e}");
}

#[test]
fn deep_nesting_is_refused_without_stack_overflow() {
    let deep_json = "{\"a\": ".to_string() + &"[".repeat(100_000);
    let e = refused(&deep_json);
    assert!(e.message.contains("deeper than"), "{e}");
    assert_eq!((e.line, e.column), (1, 7 + MAX_DEPTH as u32 - 1));

    let deep_yaml = "Resources: ".to_string() + &"[".repeat(100_000);
    assert!(refused(&deep_yaml).message.contains("deeper than"));
    let deep_block = "Resources:\n".to_string() + &"- ".repeat(100_000) + "x\n";
    assert!(refused(&deep_block).message.contains("deeper than"));
}

#[test]
fn nul_bytes_do_not_panic() {
    for text in [
        "\0",
        "{\"a\": \"\0\"}",
        "{\0}",
        "Resources:\n  \0: x\n",
        "Resources: \0\n",
        "resource \"aws_cloudfront_distribution\" \"x\" {\0}",
    ] {
        assert!(parse(text).is_err(), "{text:?}");
    }
}

#[test]
fn every_prefix_of_a_bad_fixture_is_handled() {
    for name in [
        "truncated.json",
        "truncated.yaml",
        "tab_indent.yaml",
        "alias_bomb.yaml",
    ] {
        let text = fixture(name);
        for (end, _) in text.char_indices().step_by(7) {
            let e = parse(&text[..end]);
            if let Err(e) = e {
                assert!(e.line >= 1 && e.column >= 1, "{name}[..{end}]: {e}");
            }
        }
    }
}

#[test]
fn positions_count_utf16_units() {
    // The emoji is 4 bytes but 2 UTF-16 units, so the comma is at column 17, not 19.
    let e = refused("{\"Comment\": \"😀\",}");
    assert_eq!((e.line, e.column), (1, 17));
}
