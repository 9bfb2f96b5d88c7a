//! `path-pattern-prefix-not-stripped`: a path pattern prefix is forwarded to the API unchanged.

use super::behind::{Target, PASTE};
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::OriginKind;

pub static RULE: Rule = Rule {
    slug: "path-pattern-prefix-not-stripped",
    summary: "An API behavior's path prefix reaches the API unchanged",
    default_severity: Severity::Info,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors whose path pattern starts with a literal prefix such \
            as `/api/*`, and shows the path the API receives: origin path + full viewer path \
            (`/prod/api/users`). \n\n\
            **What it needs to know**: whether the API has routes under the prefix. It only \
            reports when the input does not show the API (information: give its definition \
            to check). When the API is in the input or given with `--api`, \
            `apigw-route-unreachable` decides instead, with a proof over every path the \
            pattern matches: an error when no route is reached, nothing when one is.",
        why_bad: "A path pattern only selects the behavior: CloudFront forwards the whole \
            request path after the origin path. An API without an `/api` resource answers 403 \
            \"Missing Authentication Token\" (REST) or 404 (HTTP API).",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                concat!(
                    api_behavior!(),
                    "        CacheBehaviors:\n",
                    "          - PathPattern: /api/*\n",
                    "            TargetOriginId: orders-api\n",
                    "            ViewerProtocolPolicy: https-only\n",
                    "            AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]\n",
                    "            CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n",
                    "            OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac\n",
                )
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "APIs that really have the prefix as a resource (`/api/users`), custom \
            domain origins with a base-path mapping of the same name, and behaviors whose \
            CloudFront Function or Lambda@Edge strips the prefix: suppress the rule there.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html",
            "https://repost.aws/knowledge-center/api-gateway-domain-cloudfront",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for (behavior, origin) in ctx.api_behaviors() {
        let Some(pattern_field) = &behavior.path_pattern else {
            continue;
        };
        let Some(pattern) = pattern_field.get() else {
            continue;
        };
        let unknown = ctx
            .behind(behavior)
            .iter()
            .all(|b| matches!(b.target, Target::Unknown));
        // A function URL does no routing: the function's own router sees the whole path.
        if !unknown
            || !origin.kind.0.is_api_gateway()
            || origin.kind.0 == OriginKind::ApiGatewayCustomDomain
            || !behavior.function_associations.is_empty()
            || !behavior.lambda_function_associations.is_empty()
        {
            continue;
        }
        let trimmed = pattern.trim_start_matches('/');
        let Some((prefix, _)) = trimmed.split_once('/') else {
            continue;
        };
        if prefix.is_empty() || prefix.contains(['*', '?']) {
            continue;
        }
        let Some(origin_path) = origin
            .origin_path
            .get()
            .map(String::as_str)
            .or((!origin.origin_path.is_present()).then_some(""))
        else {
            continue;
        };
        let example = example_path(trimmed);
        let message = format!(
            "{} forwards the full path to {}: `{example}` reaches the API as \
             `{origin_path}{example}`; unless the API has a `/{prefix}` resource, strip the \
             prefix with a CloudFront Function or use a custom domain with base path `{prefix}`. \
             The API is not in the input: to check, {PASTE}",
            behavior_name(behavior),
            origin_name(origin)
        );
        out.push(ctx.finding(&RULE, pattern_field.span, &pattern_field.path, message));
    }
    out
}

/// A viewer path the pattern matches: its literal part, with `…` where a wildcard was
/// (`api/v1/orders*` gives `/api/v1/orders…`).
fn example_path(pattern: &str) -> String {
    match pattern.find(['*', '?']) {
        Some(i) => format!("/{}…", &pattern[..i]),
        None => format!("/{pattern}"),
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{beside, case, CaseText, Tester, API, CUSTOM_DOMAIN, REST_API_PROD};

    /// The API distribution with a second behavior to the API for `pattern`.
    fn pattern(pattern: &str) -> String {
        format!(
            "{API}        CacheBehaviors:\n          - PathPattern: {pattern}\n            \
             TargetOriginId: orders-api\n            ViewerProtocolPolicy: https-only\n            \
             CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n"
        )
    }

    /// [`pattern`] with a REST API and its stage `prod` beside the distribution, the origin
    /// being the API's default endpoint without an origin path.
    fn with_stage(path_pattern: &str) -> String {
        let text = pattern(path_pattern)
            .with(
                "DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com",
                "DomainName: !Sub \"${Api}.execute-api.${AWS::Region}.amazonaws.com\"",
            )
            .with("            OriginPath: /prod\n", "");
        beside(&text, REST_API_PROD)
    }

    /// [`pattern`] whose origin is an API custom domain defined beside the distribution.
    fn custom_domain(path_pattern: &str) -> String {
        let text = pattern(path_pattern).with(
            "abc123defg.execute-api.eu-west-1.amazonaws.com",
            "api.example.com",
        );
        beside(&text, CUSTOM_DOMAIN)
    }

    #[test]
    fn cases() {
        let with_function = pattern("/api/*").with(
            "            CachePolicyId",
            "            FunctionAssociations:\n              - EventType: viewer-request\n                \
             FunctionARN: arn:aws:cloudfront::123456789012:function/strip\n            \
             CachePolicyId",
        );
        let with_lambda = pattern("/api/*").with(
            "            CachePolicyId",
            "            LambdaFunctionAssociations:\n              - EventType: origin-request\n                \
             LambdaFunctionARN: arn:aws:lambda:us-east-1:123456789012:function:strip:3\n            \
             CachePolicyId",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                pattern("'*.json'"),
                pattern("/api*"),
                pattern("/v*/orders"),
                pattern("!Ref ApiPattern"),
                pattern("/api/*").with("OriginPath: /prod", "OriginPath: !Ref Stage"),
                with_function,
                with_lambda,
            ])
            .pass([
                // The stage selected by the first path segment, the origin path being empty.
                case(with_stage("/prod/*")).not_rendered("a sibling API and stage"),
                // A custom domain with a base path mapping of the prefix.
                case(custom_domain("/api/*")).not_rendered("a sibling API custom domain"),
                // The API is in the input: `apigw-route-unreachable` decides.
                case(with_stage("/v2/*")).not_rendered("a sibling API and stage"),
                // A function URL does no routing: the function sees the whole path.
                case(pattern("/api/*").with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "abcdefghijklmnopqrstuvwxyz123456.lambda-url.eu-west-1.on.aws",
                )),
            ])
            .fail([
                case(pattern("‸/api/*"))
                    .message("`/api/…` reaches the API as `/prod/api/…`")
                    .message(
                        "The API is not in the input: to check, give the API's exported definition",
                    ),
                case(pattern("‸/api/v1/orders*"))
                    .message("`/api/v1/orders…` reaches the API as `/prod/api/v1/orders…`"),
                case(pattern("‸api/*")).message("`/api/…` reaches the API as `/prod/api/…`"),
                case(pattern("‸/api/*").with("            OriginPath: /prod\n", ""))
                    .message("`/api/…` reaches the API as `/api/…`"),
            ])
            .test();
    }
}
