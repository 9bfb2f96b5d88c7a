//! Format detection from a quick look at the text (no parsing).

use crate::model::Format;

/// Top-level Terraform block keywords and what must follow them on the same line.
const HCL_BLOCKS: [(&str, char); 8] = [
    ("resource", '"'),
    ("data", '"'),
    ("variable", '"'),
    ("provider", '"'),
    ("module", '"'),
    ("output", '"'),
    ("locals", '{'),
    ("terraform", '{'),
];

/// Guesses the format of `text`: JSON when it starts with `{` or `[` (a CloudFormation template
/// when it has a `"Resources"` or `"AWSTemplateFormatVersion"` key, else AWS CLI JSON),
/// Terraform when a line opens an HCL block such as `resource "aws_..."`, otherwise YAML.
pub fn detect(text: &str) -> Format {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with(['{', '[']) {
        return if has_json_key(t, "Resources") || has_json_key(t, "AWSTemplateFormatVersion") {
            Format::CfnJson
        } else {
            Format::CliJson
        };
    }
    let mut lines = significant_lines(t);
    match lines.next() {
        Some(first) if is_hcl_block(first) => Format::Terraform,
        Some(first) if is_yaml_key_line(first) => Format::CfnYaml,
        _ if lines.any(is_hcl_block) => Format::Terraform,
        _ => Format::CfnYaml,
    }
}

/// True when some line of `text` looks like a YAML `key: value` or `- item` line.
pub(super) fn looks_like_yaml(text: &str) -> bool {
    significant_lines(text).any(|l| is_yaml_key_line(l) || l.starts_with("- ") || l == "-")
}

/// The non-blank lines that are not comments, with their indentation kept.
fn significant_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| {
        let l = l.trim_start();
        !(l.is_empty() || l.starts_with('#') || l.starts_with("//") || l.starts_with("/*"))
    })
}

/// True for `"key"` followed by optional blanks and a colon somewhere in `text`.
fn has_json_key(text: &str, key: &str) -> bool {
    let quoted = format!("\"{key}\"");
    text.match_indices(&quoted)
        .any(|(i, m)| text[i + m.len()..].trim_start().starts_with(':'))
}

/// True for a line at column 0 such as `resource "aws_cloudfront_distribution" "cdn" {`.
fn is_hcl_block(line: &str) -> bool {
    HCL_BLOCKS.iter().any(|&(keyword, next)| {
        line.strip_prefix(keyword).is_some_and(|rest| {
            rest.starts_with([' ', '\t', next]) && rest.trim_start().starts_with(next)
        })
    })
}

/// True for a line such as `Resources:`, `  Type: AWS::X`, `"Key": 1` or `- Name: x`.
fn is_yaml_key_line(line: &str) -> bool {
    let line = line.trim_start();
    let line = line.strip_prefix("- ").unwrap_or(line).trim_start();
    let key_end = match line.chars().next() {
        Some(q @ ('"' | '\'')) => line[1..].find(q).map(|i| i + 2),
        Some(_) => line.find(':'),
        None => None,
    };
    let Some(key_end) = key_end else {
        return false;
    };
    let key = &line[..key_end];
    let rest = &line[key_end..];
    !key.is_empty()
        && (!key.contains(char::is_whitespace) || key.starts_with(['"', '\'']))
        && rest.starts_with(':')
        && rest[1..].chars().next().is_none_or(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_cloudformation_or_cli() {
        assert_eq!(detect("  {\"Resources\" : {}}"), Format::CfnJson);
        assert_eq!(
            detect("\u{feff}{\n \"AWSTemplateFormatVersion\": \"2010-09-09\"}"),
            Format::CfnJson
        );
        assert_eq!(
            detect("{\"DistributionConfig\": {\"Comment\": \"Resources\"}}"),
            Format::CliJson
        );
        assert_eq!(detect("[1]"), Format::CliJson);
    }

    #[test]
    fn terraform_blocks_are_recognised() {
        assert_eq!(
            detect("# cdn\n// more\nresource \"aws_cloudfront_distribution\" \"cdn\" {\n}"),
            Format::Terraform
        );
        assert_eq!(detect("locals {\n  a = 1\n}"), Format::Terraform);
        assert_eq!(detect("terraform{\n}"), Format::Terraform);
        assert_eq!(detect("/* x */\nvariable \"x\" {}\n"), Format::Terraform);
        assert_eq!(detect("provider  \"aws\" {}\n"), Format::Terraform);
    }

    #[test]
    fn yaml_is_the_fallback() {
        assert_eq!(detect("Resources:\n  Cdn:\n    Type: X\n"), Format::CfnYaml);
        // A Terraform snippet inside a YAML block scalar does not make the text Terraform.
        assert_eq!(
            detect("Description: |\n  x\nresource \"a\" {\n"),
            Format::CfnYaml
        );
        assert_eq!(detect("resources:\n  a: 1"), Format::CfnYaml);
        assert_eq!(detect("Hello, this is prose."), Format::CfnYaml);
    }

    #[test]
    fn yaml_key_lines() {
        assert!(looks_like_yaml("# c\nResources:\n"));
        assert!(looks_like_yaml("  - Name: x"));
        assert!(looks_like_yaml("\"A b\": 1"));
        assert!(!looks_like_yaml("Hello world, time is 10:30 today."));
        assert!(!looks_like_yaml("<html>\n<body>x</body>"));
        assert!(!looks_like_yaml("http://example.com"));
    }
}
