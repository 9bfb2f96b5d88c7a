//! `alias-invalid`: an alternate domain name is not a valid DNS name.

use crate::lint::{
    Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::value::Field;

pub static RULE: Rule = Rule {
    slug: "alias-invalid",
    summary: "An alternate domain name (alias or tenant domain) is not a valid DNS name",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds `Aliases`, and the domains of the distribution's tenants \
            (`AWS::CloudFront::DistributionTenant` `Domains`, Terraform \
            `aws_cloudfront_distribution_tenant` `domain` blocks), that are not host names: a URL (`https://…`, a path, a \
            port), a trailing dot, an empty or over-long label (more than 63 characters, or \
            253 in total), characters other than letters, digits, `-` and `_`, a label that \
            starts or ends with `-`, a single label, or a `*` anywhere but as the whole \
            left-most label (`*.example.com`).",
        why_bad: "CloudFront rejects such aliases when the distribution is created or updated \
            (a trailing dot fails the certificate check). Internationalized names must be \
            written in punycode (`xn--…`). A tenant's domains are the alternate domain names of \
            a multi-tenant distribution: CloudFront treats a domain of a standard distribution \
            and of a distribution tenant alike, so the same rules hold for them.",
        example: Snippet::cfn_yaml(changed!(
            cfn_doc!(custom_certificate!(), api_origin!(), api_behavior!()),
            "Aliases: [api.example.com]" => "Aliases: [https://api.example.com/]"
        )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
            custom_certificate!(),
            api_origin!(),
            api_behavior!()
        )),
        exceptions: "None. Aliases and tenant domains from parameters or variables are not \
            checked, nor the domains of tenants whose distribution is not in the input.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Aliases.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DomainItem.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-move.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let aliases = ctx
        .dist
        .aliases
        .get()
        .into_iter()
        .flatten()
        .filter_map(|item| {
            let alias = item.get()?;
            finding(ctx, item, alias, &format!("alias `{alias}`"), "alias")
        });
    let key = Key::TENANT_DOMAINS.name(ctx.format());
    let tenant_domains = ctx.doc.tenants_of(&ctx.dist.name).flat_map(|t| {
        t.known_domains().filter_map(move |(item, domain)| {
            let what = format!("domain `{domain}` of tenant `{}` (in `{key}`)", t.name);
            finding(ctx, item, domain, &what, "domain")
        })
    });
    aliases.chain(tenant_domains).collect()
}

/// The finding for `name` (the value of `item`, described as `what`), if it is not a valid
/// domain name, with the safe fix when cleaning it makes it one.
fn finding(
    ctx: &LintContext,
    item: &Field<String>,
    name: &str,
    what: &str,
    noun: &str,
) -> Option<Finding> {
    let problem = problem(name)?;
    let cleaned = clean(name);
    let fix = (cleaned != *name && problem_of_clean(&cleaned)).then(|| {
        Fix::safe(
            format!("write the {noun} as `{cleaned}`"),
            vec![ctx.editor().replace_string(item.span, &cleaned)],
        )
    });
    let message = format!("{what} is not a valid domain name: {problem}");
    Some(
        ctx.finding(&RULE, item.span, &item.path, message)
            .with_fix(fix.flatten()),
    )
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
    use crate::rules::tester::{
        beside, case, tenant, tf_tenant, with_config, CaseText, Tester, API,
    };

    fn aliases(list: &str) -> String {
        with_config(&format!("        Aliases: {list}\n"))
    }

    /// The API distribution with a tenant `Acme` of `distribution` whose domains are `list`.
    fn with_tenant(distribution: &str, list: &str) -> String {
        beside(API, &tenant(distribution, list))
    }

    fn terraform_tenant() -> String {
        tf_tenant(concat!(
            "  domain {\n    domain = \"acme.tenants.example.com\"\n  }\n",
            "  domain {\n    domain = ‸\"acme..example.com\"\n  }\n",
        ))
    }

    #[test]
    fn tenant_domains() {
        let sibling = "a distribution tenant";
        Tester::new(&RULE)
            .pass(
                [
                    with_tenant("!Ref Cdn", "[acme.tenants.example.com, '*.acme.example.com']"),
                    with_tenant("!Ref Cdn", "[!Ref TenantDomain]"),
                    with_tenant("!Ref Cdn", "!Ref TenantDomains"),
                    with_tenant("E2QWRUHEXAMPLE", "['https://acme.example.com']"),
                ]
                .map(|t| case(t).not_rendered(sibling)),
            )
            .pass([aliases("!Ref Aliases")])
            .fail([
                case(with_tenant("!Ref Cdn", "[acme.tenants.example.com, ‸'acme example.com']"))
                    .message("domain `acme example.com` of tenant `Acme` (in `Domains`) is not a valid domain name")
                    .not_rendered(sibling),
                case(terraform_tenant())
                    .message("of tenant `aws_cloudfront_distribution_tenant.acme` (in `domain`)")
                    .not_rendered(sibling),
            ])
            .fix([(
                case(with_tenant("!Ref Cdn", "[‸'https://acme.example.com/']"))
                    .message("write the host name only")
                    .not_rendered(sibling),
                with_tenant("!Ref Cdn", "['acme.example.com']"),
            )])
            .test();
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
        // 253 characters, the most a name may have.
        let at_limit = format!(
            "{}.{}.com",
            vec!["a".repeat(60); 4].join("."),
            "a".repeat(5)
        );
        assert_eq!(at_limit.len(), 253);
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
            // Cleaning gives no valid name: no fix.
            "https://api..example.com",
            "api.example.com:http",
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
                aliases(&format!("['{at_limit}']")),
                // A label of 63 characters, the most a label may have.
                aliases(&format!("['{}.example.com']", "a".repeat(63))),
            ])
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
