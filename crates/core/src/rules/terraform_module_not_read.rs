//! `terraform-module-not-read`: a Terraform `module` block, whose resources are not checked.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "terraform-module-not-read",
    summary: "A Terraform `module` block is not read",
    default_severity: Severity::Info,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Names each `module \"…\" { source = … }` block of the Terraform input. \
            apifront reads the module's own directory only when it is linted too: the \
            distribution, policies or API the module creates are not checked with this one.",
        why_bad: "Nothing is wrong with a module call. But an API, a cache policy or a whole \
            distribution created inside the module is invisible here, so a finding that \
            depends on it cannot be made, and an `apifront lint` that passes says nothing \
            about the module.",
        example: Snippet {
            format: Format::Terraform,
            text: tf_doc!(
                "module \"orders_api\" {\n  source = \"./modules/orders-api\"\n}\n\n",
                "",
                ""
            ),
        },
        use_instead: Snippet {
            format: Format::Terraform,
            text: tf_doc!("", "", ""),
        },
        fix_safety: None,
        exceptions: "Always informational. Lint the module's directory as well \
            (`apifront lint modules/orders-api`), or suppress with \
            `# apifront-ignore: terraform-module-not-read` above the distribution.",
        references: &[
            "https://developer.hashicorp.com/terraform/language/modules/syntax",
            "https://developer.hashicorp.com/terraform/language/modules/sources",
        ],
    },
    check,
};

/// True for a module source that is a directory of the same repository (`./x`, `../x`).
fn is_local(source: &str) -> bool {
    source.starts_with("./") || source.starts_with("../")
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    // Module blocks belong to the input, not to a distribution: name them once.
    let first = ctx
        .doc
        .distributions
        .first()
        .is_some_and(|d| std::ptr::eq(d, ctx.dist));
    if !first {
        return Vec::new();
    }
    ctx.doc
        .modules
        .iter()
        .map(|m| {
            let message = match m.source.get() {
                Some(source) if is_local(source) => format!(
                    "module `{}` (source `{source}`) is not read: lint that directory too",
                    m.name
                ),
                Some(source) => format!(
                    "module `{}` (source `{source}`) is not read: what it creates is not \
                     checked here",
                    m.name
                ),
                None => format!(
                    "module `{}` is not read: what it creates is not checked here",
                    m.name
                ),
            };
            ctx.finding(&RULE, m.span, &m.path, message)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester};

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let with_module = |source: &str| {
            example.with(
                "module \"orders_api\" {\n  source = \"./modules/orders-api\"\n}",
                &format!("‸module \"orders_api\" {{\n  source = {source}\n}}"),
            )
        };
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                // A variable elsewhere in the input changes nothing: there is no module call.
                RULE.docs
                    .use_instead
                    .text
                    .with("enabled = true", "enabled = var.enabled"),
            ])
            .fail([
                case(with_module("\"./modules/orders-api\""))
                    .message("module `orders_api` (source `./modules/orders-api`) is not read: lint that directory too")
                    .not_rendered("module blocks exist only in Terraform"),
                case(with_module("\"terraform-aws-modules/apigateway-v2/aws\""))
                    .message("what it creates is not checked here")
                    .not_rendered("module blocks exist only in Terraform"),
                case(with_module("var.module_source"))
                    .message("module `orders_api` is not read")
                    .not_rendered("module blocks exist only in Terraform"),
            ])
            .test();
    }
}
