//! `cached-methods-invalid`: `CachedMethods` is not a set CloudFront accepts, or caches OPTIONS
//! without allowing it.

use crate::lint::{
    behavior_name, Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "cached-methods-invalid",
    summary: "CachedMethods is not GET, HEAD or GET, HEAD, OPTIONS, or caches a method that is not allowed",
    default_severity: Severity::Error,
    category: Category::Methods,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a behavior whose `CachedMethods` is not exactly (in any order) \
            `GET, HEAD` or `GET, HEAD, OPTIONS`, or that caches `OPTIONS` while its \
            `AllowedMethods` does not allow it.",
        why_bad: "CloudFront caches responses to GET and HEAD, and optionally OPTIONS; other \
            lists are rejected, and the cached methods must be a subset of the allowed ones.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                concat!(api_behavior!(), "          CachedMethods: [GET, HEAD, POST]\n")
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                concat!(api_behavior!(), "          CachedMethods: [GET, HEAD]\n")
            )),
        exceptions: "None: CloudFront rejects other sets.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachedMethods.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_AllowedMethods.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .all_behaviors()
        .filter_map(|b| {
            let list = &b.cached_methods;
            if !list.fully_known() {
                return None;
            }
            let items = list.known_items()?;
            let mut sorted = items.clone();
            sorted.sort_unstable();
            let name = behavior_name(b);
            let key = Key::CACHED_METHODS.name(ctx.format());
            let shown = items.join(", ");
            let valid = matches!(
                sorted.as_slice(),
                ["GET", "HEAD"] | ["GET", "HEAD", "OPTIONS"]
            );
            if !valid {
                let message = format!(
                    "{name} caches [{shown}]; {key} must be GET, HEAD or GET, HEAD, OPTIONS"
                );
                let target: &[&str] = if sorted.contains(&"OPTIONS") && allows_options(b) {
                    &["GET", "HEAD", "OPTIONS"]
                } else {
                    &["GET", "HEAD"]
                };
                let fix = Fix::safe(
                    format!("set {key} to [{}]", target.join(", ")),
                    ctx.editor().set_string_list(list, target),
                );
                return Some(
                    ctx.finding(&RULE, list.span, &list.path, message)
                        .with_fix(fix),
                );
            }
            let allowed_known = b.allowed_methods.fully_known() || !b.allowed_methods.is_present();
            if sorted.len() == 3 && allowed_known && !allows_options(b) {
                let message = format!(
                    "{name} caches OPTIONS but its {} do not include OPTIONS",
                    Key::ALLOWED_METHODS.name(ctx.format())
                );
                let fix = Fix::safe(
                    format!("set {key} to [GET, HEAD]"),
                    ctx.editor().set_string_list(list, &["GET", "HEAD"]),
                );
                return Some(
                    ctx.finding(&RULE, list.span, &list.path, message)
                        .with_fix(fix),
                );
            }
            None
        })
        .collect()
}

/// True when the behavior's allowed methods are known and include OPTIONS (absent means GET,
/// HEAD).
fn allows_options(b: &crate::model::Behavior) -> bool {
    b.allowed_methods.any_item(|m| m == "OPTIONS")
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::model::Format;
    use crate::rules::tester::{case, tf, CaseText, Tester, API};

    const ALLOWED: &str = "AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]";

    /// The API distribution caching `cached` and allowing `allowed` (`None`: the key removed).
    fn methods(allowed: Option<&str>, cached: &str) -> String {
        let allowed = match allowed {
            Some(list) => format!("          AllowedMethods: {list}\n"),
            None => String::new(),
        };
        API.with(
            &format!("          {ALLOWED}\n"),
            &format!("{allowed}          CachedMethods: {cached}\n"),
        )
    }

    /// A Terraform API distribution allowing GET and HEAD and caching `cached`.
    fn tf_methods(cached: &str) -> String {
        tf(
            "",
            "",
            &format!("    allowed_methods = [\"GET\", \"HEAD\"]\n    cached_methods  = {cached}\n"),
        )
    }

    const ALL: Option<&str> = Some("[GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]");
    const READ: Option<&str> = Some("[GET, HEAD]");

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let cli = r#"{"DistributionConfig": {
  "Origins": {"Quantity": 1, "Items": [{"Id": "a", "DomainName": "example.com"}]},
  "DefaultCacheBehavior": {
    "TargetOriginId": "a",
    "AllowedMethods": {"Quantity": 2, "Items": ["GET", "HEAD"],
      "CachedMethods": {"Quantity": 3, "Items": ‸["GET", "HEAD", "OPTIONS"]}}
  }
}}"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                methods(ALL, "[HEAD, GET]"),
                methods(ALL, "[HEAD, GET, OPTIONS]"),
                methods(ALL, "!Ref CachedMethods"),
                methods(ALL, "[GET, !Ref Method, OPTIONS]"),
                methods(Some("!Ref Allowed"), "[GET, HEAD, OPTIONS]"),
            ])
            .fix([
                (
                    case(example.mark("[GET, HEAD, POST]")).message(
                        "default behavior caches [GET, HEAD, POST]; CachedMethods must be GET, \
                         HEAD or GET, HEAD, OPTIONS",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(methods(ALL, "‸[GET, HEAD, OPTIONS, POST]")),
                    methods(ALL, "[GET, HEAD, OPTIONS]"),
                ),
                (
                    case(methods(ALL, "‸[get, head]")),
                    methods(ALL, "[GET, HEAD]"),
                ),
                (
                    case(methods(READ, "‸[GET, HEAD, OPTIONS]")).message(
                        "default behavior caches OPTIONS but its AllowedMethods do not include \
                         OPTIONS",
                    ),
                    methods(READ, "[GET, HEAD]"),
                ),
                (
                    case(methods(None, "‸[GET, HEAD, OPTIONS]")).except(
                        &[Format::CliJson],
                        "CLI JSON writes CachedMethods inside AllowedMethods",
                    ),
                    methods(None, "[GET, HEAD]"),
                ),
                (
                    case(tf_methods("‸[\"GET\", \"HEAD\", \"POST\"]")).message(
                        "default behavior caches [GET, HEAD, POST]; cached_methods must be GET, \
                         HEAD or GET, HEAD, OPTIONS",
                    ),
                    tf_methods("[\"GET\", \"HEAD\"]"),
                ),
                (
                    case(tf_methods("‸[\"GET\", \"HEAD\", \"OPTIONS\"]")).message(
                        "default behavior caches OPTIONS but its allowed_methods do not include \
                         OPTIONS",
                    ),
                    tf_methods("[\"GET\", \"HEAD\"]"),
                ),
                (
                    case(cli),
                    cli.unmarked().with(
                        r#""CachedMethods": {"Quantity": 3, "Items": ["GET", "HEAD", "OPTIONS"]}"#,
                        r#""CachedMethods": {"Quantity": 2, "Items": ["GET", "HEAD"]}"#,
                    ),
                ),
            ])
            .test();
    }
}
