//! `origin-id-duplicate`: two origins (or an origin and an origin group) share an id.

use crate::lint::{
    Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::value::Field;

pub static RULE: Rule = Rule {
    slug: "origin-id-duplicate",
    summary: "Two origins or origin groups of a distribution share an id",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds an origin or origin group whose `Id` (Terraform `origin_id`) is \
            already used by an earlier origin or origin group of the same distribution. Ids are \
            compared exactly; unknown ids are skipped.",
        why_bad: "Behaviors select their origin by id, so ids must be unique within a \
            distribution: CloudFront rejects the configuration, and even a reader cannot tell \
            which origin a behavior was meant to reach.",
        example: Snippet::cfn_yaml(second_origin_doc!("", "orders-api")),
        use_instead: Snippet::cfn_yaml(second_origin_doc!(reports_behavior!(), "reports-api")),
        exceptions: "None: CloudFront requires unique ids.",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Origin.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginGroup.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let origins = ctx
        .dist
        .origins
        .iter()
        .enumerate()
        .map(|(i, o)| (&o.id, format!("origin {}", i + 1)));
    let groups = ctx
        .dist
        .origin_groups
        .iter()
        .enumerate()
        .map(|(i, g)| (&g.id, format!("origin group {}", i + 1)));
    let mut seen: Vec<(&str, &Field<String>, String)> = Vec::new();
    let mut out = Vec::new();
    for (field, what) in origins.chain(groups) {
        let Some(id) = field.get() else { continue };
        if let Some((_, first, first_what)) = seen.iter().find(|(s, _, _)| *s == id.as_str()) {
            let message = format!(
                "{what} has the id `{id}`, already used by {first_what}; ids must be unique \
                 within a distribution"
            );
            out.push(
                ctx.finding(&RULE, field.span, &field.path, message)
                    .with_related(first.span, format!("{first_what} with id `{id}`")),
            );
        } else {
            seen.push((id, field, what));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, cfn, CaseText, Tester, API, API_BEHAVIOR, API_ORIGIN};

    /// The API distribution with a second origin `id` and these origin groups.
    fn second(id: &str, groups: &str) -> String {
        cfn(
            groups,
            &format!(
                "{API_ORIGIN}          - Id: {id}\n            DomainName: site.example.com\n            \
                 CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n              \
                 OriginSSLProtocols: [TLSv1.2]\n"
            ),
            API_BEHAVIOR,
        )
    }

    /// An origin group `id` of the two origins.
    fn group(id: &str) -> String {
        format!(
            "        OriginGroups:\n          Quantity: 1\n          Items:\n            - Id: {id}\n              \
             FailoverCriteria:\n                StatusCodes: {{Quantity: 1, Items: [502]}}\n              \
             Members:\n                Quantity: 2\n                Items:\n                  - OriginId: \
             orders-api\n                  - OriginId: site\n"
        )
    }

    #[test]
    fn cases() {
        let cli = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 2, "Items": [
    {"Id": "api", "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
     "OriginPath": "/prod", "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443,
     "OriginProtocolPolicy": "https-only",
     "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}},
    {"Id": ‸"api", "DomainName": "site.example.com",
     "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443,
     "OriginProtocolPolicy": "https-only",
     "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api", "ViewerProtocolPolicy": "https-only"}}}"#;
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                second("site", &group("failover")),
                second("!Ref SiteId", ""),
                second("site", &group("!Ref GroupId")),
            ])
            .fail([
                case(RULE.docs.example.text.with("          - Id: orders-api\n            DomainName: xyz", "          - Id: ‸orders-api\n            DomainName: xyz"))
                    .message("origin 2 has the id `orders-api`, already used by origin 1; ids must be unique within a distribution")
                    .related("origin 1 with id `orders-api`"),
                case(second("site", &group("‸site")))
                    .message("origin group 1 has the id `site`, already used by origin 2")
                    .related("origin 2 with id `site`"),
                case(cli).related("origin 1 with id `api`"),
            ])
            .test();
    }
}
