//! `distribution-disabled`: the distribution is disabled.

use crate::lint::{
    Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity, Snippet,
};

const USE_INSTEAD: &str = api_doc!();

pub static RULE: Rule = Rule {
    slug: "distribution-disabled",
    summary: "The distribution is disabled",
    default_severity: Severity::Info,
    category: Category::Posture,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a distribution with `Enabled: false` (checkov CKV_AWS_216).",
        why_bad: "A disabled distribution serves no requests: its domain answers with an error \
            and the API is reachable only directly, if at all. Usually this is a leftover from \
            a migration or a staged rollout.",
        example: Snippet::cfn_yaml(changed!(USE_INSTEAD, "Enabled: true" => "Enabled: false")),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "A distribution kept disabled on purpose (a standby, or one being deleted): \
            suppress the rule for it.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesGeneral.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let field = &ctx.dist.enabled;
    if field.get() != Some(&false) {
        return Vec::new();
    }
    let key = Key::ENABLED.name(ctx.format());
    let fix = Fix::unsafe_(
        format!("set {key} to true"),
        vec![ctx.editor().replace_scalar(field.span, "true")],
    );
    let setting = Key::ENABLED.setting(ctx.format(), "false", false);
    vec![ctx
        .finding(
            &RULE,
            field.span,
            &field.path,
            format!(
                "distribution `{}` is disabled ({setting}) and serves no requests",
                ctx.dist.name
            ),
        )
        .with_fix(fix)]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, tf, CaseText, Tester, API};

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let cli = r#"{"ETag": "E1", "DistributionConfig": {"Enabled": ‸false,
  "Origins": {"Quantity": 1, "Items": [{"Id": "a", "DomainName": "example.com"}]},
  "DefaultCacheBehavior": {"TargetOriginId": "a"}}}"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                API.with("        Enabled: true\n", ""),
                API.with("Enabled: true", "Enabled: !Ref Enabled"),
                "resource \"aws_cloudfront_distribution\" \"d\" {\n  enabled = var.enabled\n}\n"
                    .to_string(),
            ])
            .unsafe_fix([
                (
                    case(example.mark("false")).message(
                        "distribution `Cdn` is disabled (Enabled: false) and serves no requests",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(API.with("Enabled: true", "Enabled: ‸'false'")),
                    API.with("Enabled: true", "Enabled: 'true'"),
                ),
                (
                    case(tf("  enabled = ‸false\n", "", "")).message(
                        "distribution `aws_cloudfront_distribution.cdn` is disabled (enabled = \
                         false) and serves no requests",
                    ),
                    tf("  enabled = true\n", "", ""),
                ),
                (
                    case(cli).message("distribution `DistributionConfig` is disabled"),
                    cli.unmarked().with("false", "true"),
                ),
            ])
            .test();
    }
}
