//! `alias-invalid`: an alternate domain name is not a valid DNS name.

use crate::lint::{
    Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "alias-invalid",
    summary: "An alternate domain name (alias) is not a valid DNS name",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds `Aliases` that are not host names: a URL (`https://…`, a path, a \
            port), a trailing dot, an empty or over-long label (more than 63 characters, or \
            253 in total), characters other than letters, digits, `-` and `_`, a label that \
            starts or ends with `-`, a single label, or a `*` anywhere but as the whole \
            left-most label (`*.example.com`).",
        why_bad: "CloudFront rejects such aliases when the distribution is created or updated \
            (a trailing dot fails the certificate check). Internationalized names must be \
            written in punycode (`xn--…`).",
        example: Snippet::cfn_yaml(changed!(
            cfn_doc!(custom_certificate!(), api_origin!(), api_behavior!()),
            "Aliases: [api.example.com]" => "Aliases: [https://api.example.com/]"
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
            custom_certificate!(),
            api_origin!(),
            api_behavior!()
        )),
        exceptions: "None. Aliases from parameters or variables are not checked.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Aliases.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let Some(items) = ctx.dist.aliases.get() else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let alias = item.get()?;
            let problem = problem(alias)?;
            let cleaned = clean(alias);
            let fix = (cleaned != *alias && problem_of_clean(&cleaned)).then(|| {
                Fix::safe(
                    format!("write the alias as `{cleaned}`"),
                    vec![ctx.editor().replace_string(item.span, &cleaned)],
                )
            });
            let message = format!("alias `{alias}` is not a valid domain name: {problem}");
            Some(
                ctx.finding(&RULE, item.span, &item.path, message)
                    .with_fix(fix.flatten()),
            )
        })
        .collect()
}

/// True when the cleaned alias is valid.
fn problem_of_clean(cleaned: &str) -> bool {
    problem(cleaned).is_none()
}

/// The alias without a scheme, path, port or trailing dot, in lower case.
fn clean(alias: &str) -> String {
    let s = alias.trim();
    let s = s.split_once("://").map_or(s, |(_, rest)| rest);
    let s = s.split(['/', '?', '#']).next().unwrap_or_default();
    let s = match s.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => s,
    };
    s.trim_end_matches('.').to_ascii_lowercase()
}

/// What is wrong with the alias, if anything.
fn problem(alias: &str) -> Option<String> {
    if alias.contains("://") || alias.contains('/') {
        return Some("write the host name only, without scheme or path".into());
    }
    if alias.contains(':') {
        return Some("a port cannot be part of an alias".into());
    }
    if alias.ends_with('.') {
        return Some("remove the trailing dot".into());
    }
    if alias.len() > 253 {
        return Some(format!(
            "it is {} characters long (at most 253)",
            alias.len()
        ));
    }
    let labels: Vec<&str> = alias.split('.').collect();
    if labels.len() < 2 {
        return Some("it needs at least two labels (`api.example.com`)".into());
    }
    for (i, label) in labels.iter().enumerate() {
        if label.is_empty() {
            return Some("it has an empty label (`..` or a leading dot)".into());
        }
        if label.contains('*') {
            if *label == "*" && i == 0 {
                continue;
            }
            return Some("a wildcard must be the whole left-most label (`*.example.com`)".into());
        }
        if label.len() > 63 {
            return Some(format!("label `{label}` is longer than 63 characters"));
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        {
            return Some(if c.is_ascii() {
                format!("`{c}` is not allowed in a domain name")
            } else {
                "internationalized names must be written in punycode (`xn--…`)".into()
            });
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Some(format!("label `{label}` starts or ends with `-`"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, cfn, CaseText, Tester, API_BEHAVIOR, API_ORIGIN};

    fn aliases(list: &str) -> String {
        cfn(
            &format!("        Aliases: {list}\n"),
            API_ORIGIN,
            API_BEHAVIOR,
        )
    }

    #[test]
    fn cases() {
        let valid = [
            "api.example.com",
            "*.example.com",
            "xn--bcher-kva.example",
            "a_b.example.com",
            "API.Example.com",
        ];
        let long_label = format!("{}.com", "a".repeat(64));
        let long_name = format!("{}.com", vec!["a".repeat(60); 5].join("."));
        let unfixable = [
            "localhost",
            "api..example.com",
            "api.*.example.com",
            "*api.example.com",
            "api example.com",
            "bücher.example",
            "-api.example.com",
            long_label.as_str(),
            long_name.as_str(),
        ];
        let fixable = [
            ("https://api.example.com", "scheme or path"),
            ("https://www.example.com/", "scheme or path"),
            ("api.example.com/v1", "scheme or path"),
            ("api.example.com:443", "a port"),
            ("api.example.com.", "trailing dot"),
        ];
        Tester::new(&RULE)
            .pass(valid.map(|a| aliases(&format!("['{a}']"))))
            .pass([
                aliases("[!Ref Alias, api.example.com]"),
                aliases("!Ref Aliases"),
                RULE.docs.use_instead.text.to_string(),
            ])
            .fail(unfixable.map(|a| {
                case(aliases(&format!("[api.example.com, ‸'{a}']")))
                    .message(&format!("alias `{a}` is not a valid domain name"))
            }))
            .fail([
                case(r#"{"DistributionConfig": {"Aliases": {"Quantity": 1, "Items": [‸"*.*.example.com"]}}}"#)
                    .message("a wildcard must be the whole left-most label"),
            ])
            .fix(fixable.map(|(a, problem)| {
                (
                    case(aliases(&format!("[‸'{a}']"))).message(problem),
                    aliases(&format!("['{}']", super::clean(a))),
                )
            }))
            .fix([(
                RULE.docs.example.text.mark("https://api"),
                RULE.docs.use_instead.text,
            )])
            .test();
    }
}
