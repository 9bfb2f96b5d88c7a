//! `price-class-invalid`: `PriceClass` is not a value CloudFront knows.

use crate::lint::{
    Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "price-class-invalid",
    summary: "PriceClass is not PriceClass_100, PriceClass_200 or PriceClass_All",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a `PriceClass` other than `PriceClass_100`, `PriceClass_200`, \
            `PriceClass_All` (and `None`, which the SDKs list for flat-rate plans).",
        why_bad: "CloudFront rejects the value when the distribution is created or updated. A \
            value that differs only in case is fixed to the documented spelling.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("        PriceClass: PriceClass_Europe\n", api_origin!(), api_behavior!()),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("        PriceClass: PriceClass_100\n", api_origin!(), api_behavior!()),
        },
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/sdk-for-python/v4/reference/clients/cloudfront/enums/PriceClass/",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PriceClass.html",
        ],
    },
    check,
};

const VALID: &[&str] = &["PriceClass_100", "PriceClass_200", "PriceClass_All", "None"];

fn check(ctx: &LintContext) -> Vec<Finding> {
    let field = &ctx.dist.price_class;
    let Some(value) = field.get() else {
        return Vec::new();
    };
    if VALID.contains(&value.as_str()) {
        return Vec::new();
    }
    let spelled = VALID
        .iter()
        .find(|v| v.eq_ignore_ascii_case(value.trim()))
        .copied();
    let message = match spelled {
        Some(v) => format!("PriceClass `{value}` is not valid; write `{v}`"),
        None => format!(
            "PriceClass `{value}` is not valid; use PriceClass_100, PriceClass_200 or \
             PriceClass_All"
        ),
    };
    let fix = spelled.and_then(|v| {
        Fix::safe(
            format!("set PriceClass to {v}"),
            vec![ctx.editor().replace_string(field.span, v)],
        )
    });
    vec![ctx
        .finding(&RULE, field.span, &field.path, message)
        .with_fix(fix)]
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::test_support::*;

    #[test]
    fn values() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        for good in ["PriceClass_100", "PriceClass_All", "None"] {
            dist(&mut doc).price_class = known(good.into());
            assert!(check(&RULE, &doc).is_empty());
        }
        dist(&mut doc).price_class = known("priceclass_200".into());
        let f = check(&RULE, &doc);
        assert!(f[0].message.contains("write `PriceClass_200`"));
        assert!(f[0].fix.is_some());
        dist(&mut doc).price_class = known("PriceClass_300".into());
        assert!(check(&RULE, &doc)[0].fix.is_none());
        dist(&mut doc).price_class = unknown();
        assert!(check(&RULE, &doc).is_empty());
    }

    #[test]
    fn end_to_end() {
        let yaml = RULE.docs.example.text;
        let f = lint_rule(&RULE, yaml);
        assert_eq!(
            (f[0].span.line, f[0].span.column),
            position(yaml, "PriceClass_Europe")
        );
        let tf = "resource \"aws_cloudfront_distribution\" \"d\" {\n  price_class = \"PriceClass_all\"\n}\n";
        let f = lint_rule(&RULE, tf);
        assert_eq!((f[0].span.line, f[0].span.column), (2, 17));
        let fixed = apply_all(tf, &f);
        assert!(
            fixed.contains("price_class = \"PriceClass_All\""),
            "{fixed}"
        );
        assert!(lint_rule(&RULE, &fixed).is_empty());
        let json = r#"{"DistributionConfig": {"PriceClass": "PriceClass_50"}}"#;
        assert_eq!(lint_rule(&RULE, json)[0].span.column, 39);
    }
}
