//! `policy-id-wrong-kind-or-name`: a policy id field holds a policy name or a policy of another
//! kind.

use crate::lint::{
    behavior_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};
use crate::managed::{self, PolicyKind};
use crate::model::{Behavior, Document, PolicyRef};
use crate::value::Field;

pub static RULE: Rule = Rule {
    slug: "policy-id-wrong-kind-or-name",
    summary: "A policy id field holds a policy name or the id of another kind of policy",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Checks `CachePolicyId`, `OriginRequestPolicyId` and \
            `ResponseHeadersPolicyId` of every behavior: a managed policy name \
            (`Managed-CachingDisabled`, `CachingDisabled`) instead of its id, the id of a \
            managed policy of another kind (AllViewerExceptHostHeader as cache policy), a \
            reference to a policy resource of another kind in the same input, or a value that \
            is no policy id at all is an error. A well-formed id that is not a managed policy \
            is reported as information (apifront cannot see what that custom policy does), \
            and so is a placeholder such as `REPLACE_WITH_CACHE_POLICY_ID`.",
        why_bad: "The API and CloudFormation take policy ids; names only work through \
            Terraform `data \"aws_cloudfront_*_policy\"` lookups. A policy of the wrong kind is \
            rejected (\"The cache policy does not exist\").",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                api_origin!(),
                "          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: Managed-CachingDisabled
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
"
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "The information about custom policy ids is expected for CLI JSON of \
            distributions with custom policies; disable the rule or lower its severity there. \
            The safe fix replaces a managed policy name with its id.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html",
        ],
        fix_safety: None,
    },
    check,
};

const KINDS: [PolicyKind; 3] = [
    PolicyKind::Cache,
    PolicyKind::OriginRequest,
    PolicyKind::ResponseHeaders,
];

fn kind_name(kind: PolicyKind) -> &'static str {
    match kind {
        PolicyKind::Cache => "cache",
        PolicyKind::OriginRequest => "origin request",
        PolicyKind::ResponseHeaders => "response headers",
    }
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for b in ctx.dist.all_behaviors() {
        let fields = [
            (&b.cache_policy_id, PolicyKind::Cache),
            (&b.origin_request_policy_id, PolicyKind::OriginRequest),
            (&b.response_headers_policy_id, PolicyKind::ResponseHeaders),
        ];
        for (field, expected) in fields {
            out.extend(check_field(ctx, b, field, expected));
        }
    }
    out
}

fn check_field(
    ctx: &LintContext,
    b: &Behavior,
    field: &Field<PolicyRef>,
    expected: PolicyKind,
) -> Option<Finding> {
    let want = kind_name(expected);
    let finding = |message: String| ctx.finding(&RULE, field.span, &field.path, message);
    match field.get()? {
        PolicyRef::Local(name) => {
            let actual = local_kind(ctx.doc, name)?;
            (actual.strip_suffix(" policy") != Some(want)).then(|| {
                finding(format!(
                    "{} uses the {actual} `{name}` as its {want} policy",
                    behavior_name(b)
                ))
            })
        }
        PolicyRef::Id(raw) => {
            let id = raw.trim();
            if id.is_empty() {
                return None;
            }
            if let Some(kind) = managed::kind_of_id(id) {
                if kind == expected {
                    return None;
                }
                let name = managed::name_of_id(id).unwrap_or("an Amplify Hosting policy");
                return Some(finding(format!(
                    "{} has `{id}` as its {want} policy id, but that is the managed {} policy \
                     {name}",
                    behavior_name(b),
                    kind_name(kind)
                )));
            }
            if let Some(kind) = KINDS
                .into_iter()
                .find(|k| managed::id_by_name(*k, id).is_some())
            {
                let target = managed::id_by_name(kind, id).unwrap_or_default();
                let message = format!(
                    "{} names the managed {} policy `{id}` where its {want} policy id belongs{}",
                    behavior_name(b),
                    kind_name(kind),
                    if kind == expected {
                        format!("; use {target}")
                    } else {
                        String::new()
                    }
                );
                let fix = (kind == expected)
                    .then(|| {
                        Fix::safe(
                            format!("use the id {target}"),
                            vec![ctx.editor().replace_string(field.span, target)],
                        )
                    })
                    .flatten();
                return Some(finding(message).with_fix(fix));
            }
            Some(if is_placeholder(id) {
                finding(format!(
                    "{} has the placeholder `{id}` as its {want} policy id; replace it with the \
                     id of the policy before deploying",
                    behavior_name(b)
                ))
                .with_severity(Severity::Info)
            } else if is_uuid(id) {
                finding(format!(
                    "{} uses the custom {want} policy `{id}`; apifront cannot see what it does, \
                     so checks that depend on it are skipped",
                    behavior_name(b)
                ))
                .with_severity(Severity::Info)
            } else {
                finding(format!(
                    "{} has `{id}` as its {want} policy id, which is neither a policy id nor a \
                     managed policy name",
                    behavior_name(b)
                ))
            })
        }
    }
}

/// What a policy resource of the input is, by name: "cache policy", "origin request policy",
/// "response headers policy" or "origin access control".
fn local_kind(doc: &Document, name: &str) -> Option<&'static str> {
    if doc.cache_policies.iter().any(|p| p.name == name) {
        Some("cache policy")
    } else if doc.origin_request_policies.iter().any(|p| p.name == name) {
        Some("origin request policy")
    } else if doc.response_headers_policies.iter().any(|p| p.name == name) {
        Some("response headers policy")
    } else if doc.origin_access_controls.iter().any(|p| p.name == name) {
        Some("origin access control")
    } else {
        None
    }
}

/// True for placeholders that generated configurations leave for the user
/// (`REPLACE_WITH_CACHE_POLICY_ID`, `<cache-policy-id>`).
fn is_placeholder(s: &str) -> bool {
    let upper_snake = s.contains('_')
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    upper_snake || (s.starts_with('<') && s.ends_with('>'))
}

/// True for the 8-4-4-4-12 hexadecimal shape of policy ids.
fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{beside, case, tf, CaseText, Tester, API};

    const CACHE: &str = "CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    const ORP: &str = "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac";

    fn cache(id: &str) -> String {
        API.with(CACHE, &format!("CachePolicyId: {id}"))
    }

    #[test]
    fn cases() {
        let example = RULE.docs.example.text;
        let swapped = beside(
            &cache("‸!Ref ApiOrp"),
            "ApiOrp:\n  Type: AWS::CloudFront::OriginRequestPolicy\n  Properties:\n    \
             OriginRequestPolicyConfig:\n      Name: api",
        );
        let cli = r#"{"DistributionConfig": {"Enabled": true,
  "Origins": {"Quantity": 1, "Items": [{"Id": "api",
    "DomainName": "abc123defg.execute-api.eu-west-1.amazonaws.com",
    "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}]},
  "DefaultCacheBehavior": {"TargetOriginId": "api",
    "CachePolicyId": ‸"b689b0a8-53d0-40ab-baf2-68738e2966ac",
    "OriginRequestPolicyId": ‸"4135ea2d-6df8-44a3-9df3-4b5a84be39ad"}}}"#;
        let terraform = tf(
            "",
            "",
            concat!(
                "    cache_policy_id = ‸\"CachingDisabled\"\n",
                "    origin_request_policy_id = data.aws_cloudfront_origin_request_policy.all.id\n",
            ),
        ) + r#"
data "aws_cloudfront_origin_request_policy" "all" {
  name = "Managed-AllViewerExceptHostHeader"
}
"#;
        Tester::new(&RULE)
            .pass([
                // Placeholders are read as unknown; `placeholder-value` reports them, once.
                cache("REPLACE_WITH_CACHE_POLICY_ID"),
                cache("<cache-policy-id>"),
                API.to_string(),
                cache("!Ref CachePolicy"),
                API.with(ORP, &format!("{ORP}\n          ResponseHeadersPolicyId: ''")),
            ])
            .fail([
                case(cache("‸AllViewerExceptHostHeader")).message(
                    "default behavior names the managed origin request policy \
                     `AllViewerExceptHostHeader` where its cache policy id belongs",
                ),
                case(cache("‸b689b0a8-53d0-40ab-baf2-68738e2966ac")).message(
                    "default behavior has `b689b0a8-53d0-40ab-baf2-68738e2966ac` as its cache \
                     policy id, but that is the managed origin request policy \
                     AllViewerExceptHostHeader",
                ),
                case(cache("‸my-cache-policy")).message(
                    "has `my-cache-policy` as its cache policy id, which is neither a policy id \
                     nor a managed policy name",
                ),
                case(cache("‸POLICY_ID_GOES_HERE"))
                    .severity(Severity::Info)
                    .message("has the placeholder `POLICY_ID_GOES_HERE` as its cache policy id"),
                case(API.with(
                    ORP,
                    &format!("{ORP}\n          ResponseHeadersPolicyId: ‸0a1b2c3d-1111-2222-3333-444455556666"),
                ))
                .severity(Severity::Info)
                .message(
                    "default behavior uses the custom response headers policy \
                     `0a1b2c3d-1111-2222-3333-444455556666`; apifront cannot see what it does",
                ),
                case(swapped).message(
                    "default behavior uses the origin request policy `ApiOrp` as its cache policy",
                ),
                case(cli),
            ])
            .fix([
                (
                    case(example.mark("Managed-CachingDisabled")).message(
                        "default behavior names the managed cache policy \
                         `Managed-CachingDisabled` where its cache policy id belongs; use \
                         4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (
                    case(&terraform),
                    terraform.unmarked().with(
                        "\"CachingDisabled\"",
                        "\"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\"",
                    ),
                ),
            ])
            .test();
    }

    #[test]
    fn placeholders_and_ids_by_their_shape() {
        use super::{is_placeholder, is_uuid};
        assert!(is_placeholder("REPLACE_WITH_CACHE_POLICY_ID"));
        assert!(is_placeholder("<cache-policy-id>"));
        for not in [
            "Replace_me",
            "CACHING",
            "<cache-policy-id",
            "cache-policy-id>",
        ] {
            assert!(!is_placeholder(not), "{not}");
        }
        assert!(is_uuid("658327ea-f89d-4fab-a63d-7e88639e58f6"));
        for not in [
            "658327ea-f89d-4fab-a63d-7e88639e58f6-1",
            "658327ea-f89d-4fab-a63d-7e88639e58fg",
            "658327e-f89d-4fab-a63d-7e88639e58f6",
        ] {
            assert!(!is_uuid(not), "{not}");
        }
    }

    #[test]
    fn a_local_policy_is_known_by_its_name() {
        let doc = crate::parse::parse(&beside(
            API,
            "Cache:\n  Type: AWS::CloudFront::CachePolicy\n  Properties:\n    \
             CachePolicyConfig: {Name: c}\nOrp:\n  Type: AWS::CloudFront::OriginRequestPolicy\n  \
             Properties:\n    OriginRequestPolicyConfig: {Name: o}\nRhp:\n  \
             Type: AWS::CloudFront::ResponseHeadersPolicy\n  Properties:\n    \
             ResponseHeadersPolicyConfig: {Name: r}\nOac:\n  \
             Type: AWS::CloudFront::OriginAccessControl\n  Properties:\n    \
             OriginAccessControlConfig: {Name: a, OriginAccessControlOriginType: lambda, \
             SigningBehavior: always, SigningProtocol: sigv4}",
        ))
        .unwrap();
        let kind = |name| super::local_kind(&doc, name);
        assert_eq!(kind("Cache"), Some("cache policy"));
        assert_eq!(kind("Orp"), Some("origin request policy"));
        assert_eq!(kind("Rhp"), Some("response headers policy"));
        assert_eq!(kind("Oac"), Some("origin access control"));
        assert_eq!(kind("Missing"), None);
    }
}
