//! A rule's documentation as Markdown: the text `apifront explain` prints and the app shows.

use super::rule::{Rule, Snippet};
use crate::model::Format;
use serde::Serialize;
use std::fmt::Write;

/// The full documentation of `rule` as Markdown: summary, metadata, what it does, why it is
/// bad, an example, what to use instead, when its fix is safe (for rules where that depends on
/// the case), exceptions and references.
pub fn docs_markdown(rule: &Rule) -> String {
    let docs = &rule.docs;
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "# {slug}\n\n{summary}.\n\n\
         Severity: {severity} · Category: {category} · Fix: {fix} · Since: {since}\n\n\
         ## What it does\n\n{what}\n\n\
         ## Why is this bad?\n\n{why}\n\n\
         ## Example\n\n{example}\n\
         ## Use instead\n\n{use_instead}\n\
         {fix_safety}\
         ## Exceptions\n\n{exceptions}\n",
        slug = rule.slug,
        summary = rule.summary.trim_end_matches('.'),
        severity = rule.default_severity.as_str(),
        category = kebab(&rule.category),
        fix = kebab(&rule.fix),
        since = rule.since,
        what = docs.what_it_does,
        why = docs.why_bad,
        example = fenced(&docs.example),
        use_instead = fenced(&docs.use_instead),
        fix_safety = docs
            .fix_safety
            .map(|text| format!("## Fix safety\n\n{text}\n\n"))
            .unwrap_or_default(),
        exceptions = docs.exceptions,
    );
    if !docs.references.is_empty() {
        out.push_str("\n## References\n\n");
        for reference in docs.references {
            let _ = writeln!(out, "- {reference}");
        }
    }
    out
}

/// The kebab-case name a metadata enum serialises to (`connectivity`, `safe`).
fn kebab<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A snippet in a fenced code block tagged with its language.
fn fenced(snippet: &Snippet) -> String {
    let lang = match snippet.format {
        Format::CliJson | Format::CfnJson => "json",
        Format::CfnYaml => "yaml",
        Format::Terraform => "hcl",
    };
    let text = snippet.text.trim_end_matches('\n');
    format!("```{lang}\n{text}\n```\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    #[test]
    fn every_rule_renders_all_sections() {
        for rule in rules::all() {
            let md = docs_markdown(rule);
            assert!(md.starts_with(&format!("# {}\n\n", rule.slug)), "{md}");
            for heading in [
                "## What it does",
                "## Why is this bad?",
                "## Example\n\n```",
                "## Use instead\n\n```",
                "## Exceptions",
            ] {
                assert!(md.contains(heading), "{}: no {heading}", rule.slug);
            }
            assert!(md.contains(rule.docs.example.text.trim_end()));
            assert!(md.contains(&format!("Severity: {}", rule.default_severity.as_str())));
            assert_eq!(
                md.contains("## Fix safety"),
                rule.docs.fix_safety.is_some(),
                "{}",
                rule.slug
            );
        }
    }

    #[test]
    fn host_header_rule_lists_references_and_metadata() {
        let rule = rules::by_slug("apigw-host-header-forwarded").unwrap();
        let md = docs_markdown(rule);
        assert!(md.contains(&format!(
            "Category: connectivity · Fix: safe · Since: {}",
            rule.since
        )));
        assert!(md.contains(
            "\n## Fix safety\n\nReplacing AllViewer with AllViewerExceptHostHeader is safe"
        ));
        assert!(md.contains("```yaml\nResources:\n"));
        assert!(md.contains(
            "\n## References\n\n- https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html\n"
        ));
    }
}
