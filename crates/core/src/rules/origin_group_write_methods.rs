//! `origin-group-write-methods`: a behavior that targets an origin group allows write methods.

use crate::lint::{
    behavior_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};

const EXAMPLE: &str = cfn_doc!(
    concat!(
        "        OriginGroups:\n",
        "          Quantity: 1\n",
        "          Items:\n",
        "            - Id: failover\n",
        "              FailoverCriteria:\n",
        "                StatusCodes:\n",
        "                  Quantity: 2\n",
        "                  Items: [502, 503]\n",
        "              Members:\n",
        "                Quantity: 2\n",
        "                Items:\n",
        "                  - OriginId: orders-api\n",
        "                  - OriginId: orders-api-backup\n",
    ),
    concat!(
        api_origin!(),
        "          - Id: orders-api-backup\n",
        "            DomainName: xyz987wvut.execute-api.eu-central-1.amazonaws.com\n",
        "            OriginPath: /prod\n",
        "            CustomOriginConfig:\n",
        "              OriginProtocolPolicy: https-only\n",
        "              OriginSSLProtocols: [TLSv1.2]\n",
        "        CacheBehaviors:\n",
        "          - PathPattern: /status/*\n",
        "            TargetOriginId: failover\n",
        "            ViewerProtocolPolicy: https-only\n",
        "            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n",
        "            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n",
        "            OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n",
    ),
    api_behavior!()
);

pub static RULE: Rule = Rule {
    slug: "origin-group-write-methods",
    summary: "A behavior that targets an origin group allows POST, PUT, PATCH or DELETE",
    default_severity: Severity::Error,
    category: Category::Methods,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds behaviors whose target is an origin group and whose \
            `AllowedMethods` include the write methods. It needs nothing about the API.",
        why_bad: "CloudFront fails over to the secondary origin only for GET, HEAD and \
            OPTIONS, and it refuses a distribution whose origin-group behavior allows POST, \
            PUT, PATCH or DELETE (\"The parameter AllowedMethods cannot include POST, PUT, \
            PATCH, or DELETE for a cached behavior associated with an origin group\"): the \
            deployment fails.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "            TargetOriginId: failover\n            ViewerProtocolPolicy: https-only\n            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]" => "            TargetOriginId: failover\n            ViewerProtocolPolicy: https-only\n            AllowedMethods: [GET, HEAD, OPTIONS]"
        )),
        exceptions: "None. Send writes through a behavior whose target is a single origin \
            (a more specific path pattern before this one). The unsafe fix allows GET, HEAD \
            and OPTIONS only.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorOriginGroups.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html",
            "https://github.com/aws/aws-cdk/issues/32450",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .all_behaviors()
        .filter_map(|b| {
            let target = b.target_origin_id.get()?;
            let group = ctx
                .dist
                .origin_groups
                .iter()
                .find(|g| g.id.get() == Some(target))?;
            if ctx.dist.origin(target).is_some() {
                return None;
            }
            let list = &b.allowed_methods;
            let methods = list.known_items()?;
            let writes: Vec<&str> = methods
                .iter()
                .copied()
                .filter(|m| {
                    ["POST", "PUT", "PATCH", "DELETE"]
                        .iter()
                        .any(|w| m.trim().eq_ignore_ascii_case(w))
                })
                .collect();
            if writes.is_empty() {
                return None;
            }
            let message = format!(
                "{} targets origin group `{target}` and allows {}: CloudFront refuses write \
                 methods on a behavior that targets an origin group (failover works for GET, \
                 HEAD and OPTIONS only)",
                behavior_name(b),
                writes.join(", ")
            );
            let fix = Fix::unsafe_(
                "allow GET, HEAD and OPTIONS only",
                ctx.editor()
                    .set_string_list(list, &["GET", "HEAD", "OPTIONS"]),
            );
            Some(
                ctx.finding(&RULE, list.span, &list.path, message)
                    .with_related(group.span, format!("origin group `{target}`"))
                    .with_fix(fix),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const ALL: &str = "            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n            CachePolicyId";

    #[test]
    fn cases() {
        let marked = EXAMPLE.with(
            ALL,
            "            AllowedMethods: ‸[GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n            CachePolicyId",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                EXAMPLE.with(
                    ALL,
                    "            AllowedMethods: !Ref Methods\n            CachePolicyId",
                ),
                // The same methods to a single origin are fine.
                EXAMPLE.with("TargetOriginId: failover", "TargetOriginId: orders-api"),
            ])
            .unsafe_fix([(
                case(marked)
                    .message(
                        "behavior `/status/*` targets origin group `failover` and allows PUT, \
                     PATCH, POST, DELETE: CloudFront refuses write methods",
                    )
                    .related("origin group `failover`"),
                RULE.docs.use_instead.text.to_string(),
            )])
            .test();
    }
}
