//! `price-class-invalid`: `PriceClass` is not a value CloudFront knows.

use crate::lint::{
    Category, Finding, Fix, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity, Snippet,
};

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
        example: Snippet::cfn_yaml(cfn_doc!("        PriceClass: priceclass_all\n", api_origin!(), api_behavior!())),
        use_instead: Snippet::cfn_yaml(cfn_doc!("        PriceClass: PriceClass_All\n", api_origin!(), api_behavior!())),
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/sdk-for-python/v4/reference/clients/cloudfront/enums/PriceClass/",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PriceClass.html",
        ],
        fix_safety: None,
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
    let key = Key::PRICE_CLASS.name(ctx.format());
    let message = match spelled {
        Some(v) => format!("{key} `{value}` is not valid; write `{v}`"),
        None => format!(
            "{key} `{value}` is not valid; use PriceClass_100, PriceClass_200 or PriceClass_All"
        ),
    };
    let fix = spelled.and_then(|v| {
        Fix::safe(
            format!("set {key} to {v}"),
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
    use crate::rules::tester::{case, with_config, CaseText, Tester, API};

    fn price(class: &str) -> String {
        with_config(&format!("        PriceClass: {class}\n"))
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                price("PriceClass_100"),
                price("PriceClass_200"),
                price("PriceClass_All"),
                price("'None'"),
                price("!Ref PriceClass"),
            ])
            .fail([
                case(price("‸PriceClass_Europe")).message(
                    "PriceClass `PriceClass_Europe` is not valid; use PriceClass_100, \
                     PriceClass_200 or PriceClass_All",
                ),
                case(price("‸PriceClass_300")),
                case(r#"{"DistributionConfig": {"PriceClass": ‸"PriceClass_50"}}"#),
            ])
            .fix([
                (
                    case(RULE.docs.example.text.mark("priceclass_all"))
                        .message("PriceClass `priceclass_all` is not valid; write `PriceClass_All`"),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(price("‸priceclass_200"))
                        .message("PriceClass `priceclass_200` is not valid; write `PriceClass_200`"),
                    price("PriceClass_200"),
                ),
                (
                    case("resource \"aws_cloudfront_distribution\" \"d\" {\n  price_class = ‸\"PriceClass_all\"\n}\n")
                        .message("price_class `PriceClass_all` is not valid; write `PriceClass_All`"),
                    "resource \"aws_cloudfront_distribution\" \"d\" {\n  price_class = \"PriceClass_All\"\n}\n".to_string(),
                ),
            ])
            .test();
    }
}
