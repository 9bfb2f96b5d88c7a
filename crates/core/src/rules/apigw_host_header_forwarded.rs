//! `apigw-host-header-forwarded`: the viewer Host reaches an API Gateway / Lambda URL origin.

use crate::forwarding::HeaderSet;
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::OriginKind;

const EXAMPLE: &str = changed!(
    api_doc!(),
    "b689b0a8-53d0-40ab-baf2-68738e2966ac\n" => "216adef6-5c7f-47e4-b989-5492eafa07d3 # AllViewer\n"
);

pub static RULE: Rule = Rule {
    slug: "apigw-host-header-forwarded",
    summary: "The viewer `Host` header is forwarded to an API Gateway or Lambda URL origin",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds behaviors that send the viewer's `Host` header to an API Gateway or \
            Lambda function URL origin: the origin request policies AllViewer, \
            AllViewerAndCloudFrontHeaders-2022-06 and HostHeaderOnly, a custom origin request \
            policy that forwards all viewer headers or lists `Host`, or legacy \
            `ForwardedValues.Headers` with `Host` or `*`.",
        why_bad: "CloudFront uses the forwarded `Host` both as the HTTP Host and as the TLS SNI \
            name. API Gateway and Lambda function URLs route by their own host name, so a viewer \
            host (your alias or `*.cloudfront.net`) yields 403 Forbidden, or a 502 when no \
            certificate matches. AWS designed the managed policy AllViewerExceptHostHeader for \
            exactly these origins.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "216adef6-5c7f-47e4-b989-5492eafa07d3 # AllViewer" => "b689b0a8-53d0-40ab-baf2-68738e2966ac # AllViewerExceptHostHeader"
        )),
        exceptions: "An API Gateway custom domain origin (or the `d-…` target host of a custom \
            domain in the input) whose name is also the distribution's alias, or a domain of one \
            of its tenants, receives a matching Host; the finding is then a warning. A `d-…` \
            target host needs the Host forwarded: when the custom domain's name is the only name \
            of the distribution, nothing is reported. If the backend needs \
            the viewer host, copy it into `X-Forwarded-Host` with a CloudFront Function and \
            forward that header instead. Suppress with `apifront: {ignore: \
            [apigw-host-header-forwarded]}` in the distribution's Metadata.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
            "https://repost.aws/knowledge-center/configure-cloudfront-to-forward-headers",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-502-bad-gateway.html",
        ],
        fix_safety: Some(
            "Replacing AllViewer with AllViewerExceptHostHeader is safe: the origin receives \
             the same headers except `Host`. Replacing HostHeaderOnly or \
             AllViewerAndCloudFrontHeaders-2022-06 is unsafe: the origin then receives other \
             viewer headers, or no longer receives CloudFront's headers.",
        ),
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for (behavior, origin) in ctx.api_behaviors() {
        let fwd = ctx.forwarding(behavior);
        // The cache key case is `apigw-host-in-cache-key`; here: the origin request policy, or
        // legacy ForwardedValues (whose headers are forwarded and keyed alike).
        let source = fwd
            .origin_request
            .iter()
            .chain(fwd.legacy.then_some(&fwd.cache))
            .find(|s| {
                s.selection
                    .as_ref()
                    .and_then(|sel| sel.headers.as_ref())
                    .and_then(|h: &HeaderSet| h.contains("host"))
                    == Some(true)
            });
        let Some(source) = source else { continue };
        // The custom domain the origin names: itself, or the custom domain whose Regional
        // target host (`d-…`) it uses. CloudFront sends the forwarded Host as the TLS SNI too.
        let domain = match origin.kind.0 {
            OriginKind::ApiGatewayCustomDomain => origin.domain_name.get().map(String::as_str),
            OriginKind::ApiGatewayRegionalDomainTarget => {
                ctx.doc.api_model.regional_target_name(origin)
            }
            _ => None,
        };
        // A d-… target needs the Host forwarded when every name of the distribution is the
        // custom domain's: nothing to report.
        if origin.kind.0 == OriginKind::ApiGatewayRegionalDomainTarget
            && domain.is_some_and(|host| super::helpers::is_only_viewer_domain(ctx, host))
        {
            continue;
        }
        let host_matches_alias =
            domain.is_some_and(|host| super::helpers::is_viewer_domain(ctx, host));
        let message = format!(
            "{} forwards the viewer Host to {} via {}; API Gateway and Lambda URLs route by \
             their own host name and answer 403 (or 502)",
            behavior_name(behavior),
            origin_name(origin),
            source.cause.description
        );
        let (span, path, fix) =
            super::host_forwarding_fix::locate_and_fix(ctx, behavior, source, fwd.legacy);
        let mut finding = ctx.finding(&RULE, span, &path, message);
        // A value in a policy resource: the behavior that uses the policy is where to look too.
        let uses = &behavior.origin_request_policy_id;
        if !behavior.span.contains(span) && !fwd.legacy && uses.is_present() {
            let note = format!("{} uses the policy here", behavior_name(behavior));
            finding = finding.with_related(uses.span, note);
        }
        if host_matches_alias {
            finding = finding.with_severity(Severity::Warning);
        }
        out.push(finding.with_fix(fix));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{
        beside, case, without_policies, CaseText, Tester, API, CUSTOM_DOMAIN,
    };

    const ORP: &str = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    const ALL_VIEWER: &str = "‸216adef6-5c7f-47e4-b989-5492eafa07d3";

    /// The API distribution with origin request policy `orp`.
    fn orp(orp: &str) -> String {
        API.with(ORP, orp)
    }

    /// A tenant of the distribution whose domain is the custom domain's name.
    const TENANT: &str = "Acme:\n  Type: AWS::CloudFront::DistributionTenant\n  Properties:\n    \
                          DistributionId: !Ref Cdn\n    Domains: [api.example.com]\n";

    /// An API custom domain defined beside the distribution, as its origin, with these aliases
    /// and origin request policy.
    fn custom_domain(aliases: &str, policy: &str) -> String {
        let text = API
            .with(
                "abc123defg.execute-api.eu-west-1.amazonaws.com",
                "api.example.com",
            )
            .with(
                "        Origins:",
                &format!("        Aliases: {aliases}\n        Origins:"),
            )
            .with(ORP, policy);
        beside(&text, CUSTOM_DOMAIN)
    }

    /// A custom domain beside the distribution whose Regional target host (`d-…`) is the
    /// origin, with these aliases and origin request policy.
    fn regional_target(aliases: &str, policy: &str) -> String {
        let text = API
            .with(
                "abc123defg.execute-api.eu-west-1.amazonaws.com",
                "!GetAtt Domain.RegionalDomainName",
            )
            .with(
                "        Origins:",
                &format!("        Aliases: {aliases}\n        Origins:"),
            )
            .with(ORP, policy);
        beside(&text, CUSTOM_DOMAIN)
    }

    /// An origin request policy `Orp` that forwards these headers.
    fn policy(headers: &str) -> String {
        format!(
            "Orp:\n  Type: AWS::CloudFront::OriginRequestPolicy\n  Properties:\n    \
             OriginRequestPolicyConfig:\n      Name: api\n      HeadersConfig:\n        \
             HeaderBehavior: whitelist\n        Headers: {headers}\n      CookiesConfig:\n        \
             CookieBehavior: none\n      QueryStringsConfig:\n        QueryStringBehavior: all\n"
        )
    }

    #[test]
    fn cases() {
        let legacy = without_policies(
            "          ForwardedValues:\n            QueryString: false\n            \
             Headers: [‸'*']\n",
        );
        let shared_orp = beside(
            &orp("!Ref Orp"),
            "Orp:\n  Type: AWS::CloudFront::OriginRequestPolicy\n  Properties:\n    \
             OriginRequestPolicyConfig: !ImportValue shared-policy-config",
        );
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                orp("!ImportValue shared-orp-id"),
                // Not an API origin.
                orp("216adef6-5c7f-47e4-b989-5492eafa07d3").with(
                    "abc123defg.execute-api.eu-west-1.amazonaws.com",
                    "example.com",
                ),
            ])
            .pass([
                case(shared_orp),
                // The viewer Host is the name of the custom domain whose d-… target is the
                // origin, and the distribution has no other name: CloudFront sends it as Host and
                // as TLS SNI ("One of the domain names in the certificate must match ... the
                // value of the Host header if you configured CloudFront to forward the Host
                // header to your origin", CloudFront Developer Guide, troubleshooting HTTP 502),
                // so API Gateway finds the custom domain. Forwarding Host is what makes a d-…
                // origin work at all: without it the request names d-… and gets 403.
                case(regional_target(
                    "[api.example.com]",
                    "216adef6-5c7f-47e4-b989-5492eafa07d3",
                ))
                .not_rendered("a sibling API custom domain"),
            ])
            .fix([
                // Host in a policy beside the distribution: the behavior that uses it is noted.
                (
                    case(beside(&orp("!Ref Orp"), &policy("[Authorization, ‸Host]")))
                        .related("uses the policy here"),
                    beside(&orp("!Ref Orp"), &policy("[Authorization]")),
                ),
                (
                    case(orp(ALL_VIEWER))
                        .message("via origin request policy AllViewer (216adef6-…)"),
                    API.to_string(),
                ),
                (
                    case(custom_domain("[API.example.com]", ALL_VIEWER))
                        .severity(Severity::Warning)
                        .not_rendered("a sibling API custom domain"),
                    custom_domain("[API.example.com]", ORP),
                ),
                (
                    case(beside(&custom_domain("[]", ALL_VIEWER), TENANT))
                        .severity(Severity::Warning)
                        .not_rendered("a sibling API custom domain and tenant"),
                    beside(&custom_domain("[]", ORP), TENANT),
                ),
                (
                    case(custom_domain("[www.example.com]", ALL_VIEWER))
                        .not_rendered("a sibling API custom domain"),
                    custom_domain("[www.example.com]", ORP),
                ),
                // The viewer Host is the name of the custom domain whose d-… target is the
                // origin: CloudFront sends it as Host and as TLS SNI ("One of the domain names
                // in the certificate must match ... the value of the Host header if you
                // configured CloudFront to forward the Host header to your origin", CloudFront
                // Developer Guide, troubleshooting HTTP 502), so API Gateway finds the custom
                // domain, as for a custom domain origin.
                // Another alias beside it: requests through that name reach API Gateway with a
                // Host no custom domain has.
                (
                    case(regional_target(
                        "[api.example.com, www.example.com]",
                        ALL_VIEWER,
                    ))
                    .severity(Severity::Warning)
                    .not_rendered("a sibling API custom domain"),
                    regional_target("[api.example.com, www.example.com]", ORP),
                ),
                (
                    case(regional_target("[www.example.com]", ALL_VIEWER))
                        .not_rendered("a sibling API custom domain"),
                    regional_target("[www.example.com]", ORP),
                ),
            ])
            .unsafe_fix([
                (
                    case(orp("‸bf0718e1-ba1e-49d1-88b1-f726733018ae")),
                    API.to_string(),
                ),
                // The value that forwards Host is underlined; the fix leaves legacy forwarding.
                (
                    case(legacy).message("legacy ForwardedValues"),
                    API.to_string(),
                ),
            ])
            .test();
    }
}
