//! `s3-oriented-policy-on-api`: an API behavior uses a managed policy made for S3 or media.

use crate::lint::{
    behavior_name, origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule,
    RuleDocs, Severity, Snippet,
};
use crate::managed;
use crate::model::PolicyRef;

const EXAMPLE: &str = concat!(
    cfn_doc!(
        "",
        api_origin!(),
        "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: !Ref ApiCache
          OriginRequestPolicyId: 88a5eaf4-2fd4-4709-b370-b4c650ea3fcf # CORS-S3Origin
"
    ),
    api_cache!("[Authorization]", "all", "all")
);

pub static RULE: Rule = Rule {
    slug: "s3-oriented-policy-on-api",
    summary: "An API behavior uses a managed policy meant for S3 or media origins",
    default_severity: Severity::Warning,
    category: Category::Caching,
    fix: FixAvailability::Unsafe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds API behaviors whose origin request policy is CORS-S3Origin, \
            CORS-CustomOrigin, UserAgentRefererHeaders or \
            Elemental-MediaTailor-PersonalizedManifests, or whose cache policy is \
            Elemental-MediaPackage.",
        why_bad: "These policies forward only a couple of headers (CORS-S3Origin: `Origin` and \
            the two `Access-Control-Request-*` headers; CORS-CustomOrigin: `Origin` only) and no \
            cookies; most forward no query strings either. Typical API requests lose their \
            parameters, `Authorization` and `Content-Type`. They are usually copied from the \
            S3 part of a mixed distribution.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf # CORS-S3Origin" => "b689b0a8-53d0-40ab-baf2-68738e2966ac # AllViewerExceptHostHeader"
        )),
        exceptions: "An API route that really needs nothing but these headers. The unsafe fix \
            switches to AllViewerExceptHostHeader (origin request) or CachingDisabled (cache).",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
        ],
        fix_safety: None,
    },
    check,
};

/// Origin request policies made for S3 or media origins.
const S3_ORIGIN_REQUEST_POLICIES: &[&str] = &[
    "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf", // CORS-S3Origin
    "59781a5b-3903-41f3-afcb-af62929ccde1", // CORS-CustomOrigin
    "acba4595-bd28-49b8-b9fe-13317c0390fa", // UserAgentRefererHeaders
    "775133bc-15f2-49f9-abea-afb2e0bf67d2", // Elemental-MediaTailor-PersonalizedManifests
];

/// Cache policies made for media origins.
const MEDIA_CACHE_POLICIES: &[&str] = &["08627262-05a9-4f76-9ded-b50ca2e3a84f"];

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for (behavior, origin) in ctx.api_behaviors() {
        let fields = [
            (
                &behavior.origin_request_policy_id,
                S3_ORIGIN_REQUEST_POLICIES,
                "origin request",
                managed::ALL_VIEWER_EXCEPT_HOST_HEADER,
                "AllViewerExceptHostHeader",
            ),
            (
                &behavior.cache_policy_id,
                MEDIA_CACHE_POLICIES,
                "cache",
                managed::CACHING_DISABLED,
                "CachingDisabled",
            ),
        ];
        for (field, ids, kind, replacement, replacement_name) in fields {
            let Some(PolicyRef::Id(id)) = field.get() else {
                continue;
            };
            let Some(known) = ids.iter().find(|k| k.eq_ignore_ascii_case(id)) else {
                continue;
            };
            let name = managed::name_of_id(known).unwrap_or(known);
            let message = format!(
                "{} sends requests for {} through the {kind} policy {name}, made for S3 or media \
                 origins; query strings, cookies and most headers do not reach the API",
                behavior_name(behavior),
                origin_name(origin)
            );
            let fix = Fix::unsafe_(
                format!("use the {kind} policy {replacement_name}"),
                vec![ctx.editor().replace_string(field.span, replacement)],
            );
            out.push(
                ctx.finding(&RULE, field.span, &field.path, message)
                    .with_fix(fix),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const CACHE: &str = "CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    const ORP: &str = "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac";
    const ALL_VIEWER_EXCEPT_HOST: &str = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    fn orp(id: &str) -> String {
        API.with(ORP, &format!("OriginRequestPolicyId: {id}"))
    }

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let both = API
            .with(
                ORP,
                "OriginRequestPolicyId: ‸59781A5B-3903-41f3-afcb-af62929ccde1",
            )
            .with(
                CACHE,
                "CachePolicyId: ‸08627262-05a9-4f76-9ded-b50ca2e3a84f",
            );
        let site = |text: String| {
            text.with(
                "abc123defg.execute-api.eu-west-1.amazonaws.com",
                "site.s3.eu-west-1.amazonaws.com",
            )
        };
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                orp("!ImportValue shared-orp"),
                // Made for S3 origins, and used for one.
                site(orp("88a5eaf4-2fd4-4709-b370-b4c650ea3fcf")),
            ])
            .unsafe_fix([
                (
                    case(example.mark("88a5eaf4")).message(
                        "default behavior sends requests for origin `orders-api` through the \
                         origin request policy CORS-S3Origin, made for S3 or media origins; \
                         query strings, cookies and most headers do not reach the API",
                    ),
                    example.with(
                        "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
                        ALL_VIEWER_EXCEPT_HOST,
                    ),
                ),
                (
                    case(both).message("made for S3 or media origins"),
                    API.to_string(),
                ),
                (
                    case(orp("‸acba4595-bd28-49b8-b9fe-13317c0390fa").with(
                        "abc123defg.execute-api.eu-west-1.amazonaws.com",
                        "abc123defg.lambda-url.eu-west-1.on.aws",
                    ))
                    .message("origin request policy UserAgentRefererHeaders"),
                    API.with(
                        "abc123defg.execute-api.eu-west-1.amazonaws.com",
                        "abc123defg.lambda-url.eu-west-1.on.aws",
                    ),
                ),
            ])
            .test();
    }
}
