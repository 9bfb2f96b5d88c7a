//! `terraform-dynamic-block-not-read`: `dynamic` blocks of a distribution, whose generated
//! blocks are not checked.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "terraform-dynamic-block-not-read",
    summary: "`dynamic` blocks of a distribution are not expanded",
    default_severity: Severity::Info,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Names the `dynamic \"…\"` blocks of a Terraform distribution (and of its \
            origins and behaviors). apifront does not expand them: the origins, behaviors or \
            associations they generate are not checked, and the rules that would need them \
            stay silent rather than guess.",
        why_bad: "Nothing is wrong with a `dynamic` block. But what it generates is not in the \
            model, so a problem in a generated origin or behavior is not found.",
        example: Snippet {
            format: Format::Terraform,
            text: tf_doc!(
                "",
                "",
                concat!(
                    "\n  dynamic \"custom_error_response\" {\n",
                    "    for_each = var.uncached_errors\n",
                    "    content {\n",
                    "      error_code            = custom_error_response.value\n",
                    "      error_caching_min_ttl = 0\n",
                    "    }\n",
                    "  }\n"
                )
            ),
        },
        use_instead: Snippet {
            format: Format::Terraform,
            text: tf_doc!(
                "",
                "",
                concat!(
                    "\n  custom_error_response {\n",
                    "    error_code            = 502\n",
                    "    error_caching_min_ttl = 0\n",
                    "  }\n"
                )
            ),
        },
        fix_safety: None,
        exceptions: "Always informational. To have the generated blocks checked, lint the \
            output of `terraform show` for a plan or the distribution's \
            `aws cloudfront get-distribution-config` JSON; or suppress with \
            `# apifront-ignore: terraform-dynamic-block-not-read` above the distribution.",
        references: &[
            "https://developer.hashicorp.com/terraform/language/expressions/dynamic-blocks",
        ],
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let dist = ctx.dist;
    let Some((first, rest)) = dist.dynamic_blocks.split_first() else {
        return Vec::new();
    };
    let span = |i: usize| {
        dist.dynamic_block_spans
            .get(i)
            .copied()
            .unwrap_or(dist.span)
    };
    let message = if rest.is_empty() {
        format!(
            "`dynamic \"{}\"` is not expanded: the blocks it generates are not checked",
            leaf(first)
        )
    } else {
        let names: Vec<String> = dist
            .dynamic_blocks
            .iter()
            .map(|b| format!("`{b}`"))
            .collect();
        format!(
            "{} `dynamic` blocks are not expanded ({}): the blocks they generate are not checked",
            dist.dynamic_blocks.len(),
            names.join(", ")
        )
    };
    let mut finding = ctx.finding(
        &RULE,
        span(0),
        format!("{}.dynamic.{first}", dist.path),
        message,
    );
    for (i, block) in rest.iter().enumerate() {
        finding = finding.with_related(span(i + 1), format!("`dynamic \"{}\"`", leaf(block)));
    }
    vec![finding]
}

/// The block type of a path (`ordered_cache_behavior[1].function_association` →
/// `function_association`).
fn leaf(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester};

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                RULE.docs
                    .use_instead
                    .text
                    .with("enabled = true", "enabled = var.enabled"),
            ])
            .fail(
                [
                    case(example.mark("dynamic \"")).message("is not expanded"),
                    // Reported at the first; the others are noted.
                    case(example.with(
                        "  dynamic \"custom_error_response\" {",
                        "  ‸dynamic \"logging_config\" {\n    for_each = var.logs\n    content {\n      \
                         bucket = logging_config.value\n    }\n  }\n  dynamic \"custom_error_response\" {",
                    ))
                    .message("2 `dynamic` blocks are not expanded")
                    .related_at(
                        "`dynamic \"custom_error_response\"`",
                        "dynamic \"custom_error_response\"",
                    ),
                ]
                .map(|c| c.not_rendered("dynamic blocks exist only in Terraform")),
            )
            .test();
    }
}
