//! `quantity-items-mismatch`: a CLI JSON `Quantity` disagrees with its `Items`.

use crate::lint::{
    Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Format;

const EXAMPLE: &str = r#"{
  "CallerReference": "orders-api",
  "Comment": "",
  "Enabled": true,
  "Origins": {
    "Quantity": 1,
    "Items": [
      {
        "Id": "orders-api",
        "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
        "OriginPath": "/prod",
        "CustomOriginConfig": {
          "HTTPPort": 80,
          "HTTPSPort": 443,
          "OriginProtocolPolicy": "https-only",
          "OriginSslProtocols": {"Quantity": 2, "Items": ["TLSv1.2"]}
        }
      }
    ]
  },
  "DefaultCacheBehavior": {
    "TargetOriginId": "orders-api",
    "ViewerProtocolPolicy": "https-only",
    "AllowedMethods": {
      "Quantity": 7,
      "Items": ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
    },
    "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  }
}
"#;

pub static RULE: Rule = Rule {
    slug: "quantity-items-mismatch",
    summary: "A `Quantity` is not the number of `Items`",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "In AWS CLI / CloudFront API JSON, finds `{Quantity, Items}` wrappers whose \
            `Quantity` is not the length of `Items` (or `Items` present with `Quantity: 0`).",
        why_bad: "The API defines `Quantity` as the number of items; the JSON cannot be sent \
            back with `update-distribution` until both agree, and usually one of them is not \
            what was meant.",
        example: Snippet {
            format: Format::CliJson,
            text: EXAMPLE,
        },
        use_instead: Snippet {
            format: Format::CliJson,
            text: changed!(EXAMPLE, "{\"Quantity\": 2, \"Items\": [\"TLSv1.2\"]}" => "{\"Quantity\": 1, \"Items\": [\"TLSv1.2\"]}"),
        },
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachedMethods.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .quantity_mismatches
        .iter()
        .map(|m| {
            let fix = Fix::safe(
                format!("set Quantity to {}", m.items),
                vec![ctx.editor().replace_scalar(m.span, &m.items.to_string())],
            );
            ctx.finding(
                &RULE,
                m.span,
                &m.path,
                format!("Quantity is {} but there are {} Items", m.quantity, m.items),
            )
            .with_fix(fix)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const WRAPPER: &str = "CLI JSON quantity mismatches exist only in CLI JSON";

    #[test]
    fn cases() {
        let two_items = r#"{"DistributionConfig": {"Enabled": true,
  "Aliases": {"Quantity": ‸3, "Items": ["a.example.com", "b.example.com"]},
  "Origins": {"Quantity": 0},
  "CacheBehaviors": {"Quantity": ‸1}}}"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                // No wrapper in CloudFormation, and an unknown quantity says nothing.
                API.with(
                    "OriginSSLProtocols: [TLSv1.2]",
                    "OriginSSLProtocols: !Ref Protocols",
                ),
            ])
            .fix([
                (
                    case(EXAMPLE.with("{\"Quantity\": 2", "{\"Quantity\": ‸2"))
                        .message("Quantity is 2 but there are 1 Items")
                        .not_rendered(WRAPPER),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(two_items).not_rendered(WRAPPER),
                    two_items
                        .unmarked()
                        .with("\"Quantity\": 3", "\"Quantity\": 2")
                        .with("\"Quantity\": 1}", "\"Quantity\": 0}"),
                ),
            ])
            .test();
    }
}
