//! `apigw-host-header-forwarded`: the viewer Host reaches an API Gateway / Lambda URL origin.

use crate::forwarding::HeaderSet;
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
#[cfg(test)]
use crate::managed;
use crate::model::{Format, OriginKind};

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
        example: Snippet {
            format: Format::CfnYaml,
            text: "Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: orders-api
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: orders-api
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: 216adef6-5c7f-47e4-b989-5492eafa07d3 # AllViewer
",
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: "Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: orders-api
            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: orders-api
          ViewerProtocolPolicy: https-only
          AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac # AllViewerExceptHostHeader
",
        },
        exceptions: "An API Gateway custom domain origin whose name is also the distribution's \
            alias receives a matching Host; the finding is then a warning. If the backend needs \
            the viewer host, copy it into `X-Forwarded-Host` with a CloudFront Function and \
            forward that header instead. Suppress with `apifront: {ignore: \
            [apigw-host-header-forwarded]}` in the distribution's Metadata.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
            "https://repost.aws/knowledge-center/configure-cloudfront-to-forward-headers",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-502-bad-gateway.html",
        ],
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
        let host_matches_alias = origin.kind.0 == OriginKind::ApiGatewayCustomDomain
            && origin.domain_name.get().is_some_and(|host| {
                ctx.dist
                    .aliases
                    .known_items()
                    .unwrap_or_default()
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(host))
            });
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
        if host_matches_alias {
            finding = finding.with_severity(Severity::Warning);
        }
        out.push(finding.with_fix(fix));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PolicyRef;
    use crate::rules::test_support::*;
    use crate::span::Span;
    use crate::value::{Field, Unknown};

    #[test]
    fn recommended_policy_passes() {
        assert!(check_doc(&api_doc()).is_empty());
    }

    fn check_doc(doc: &crate::model::Document) -> Vec<Finding> {
        crate::rules::test_support::check(&RULE, doc)
    }

    #[test]
    fn all_viewer_fails_with_safe_fix() {
        let mut doc = api_doc();
        default_behavior(&mut doc).origin_request_policy_id = policy(managed::ALL_VIEWER);
        let f = check_doc(&doc);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert!(f[0]
            .message
            .contains("via origin request policy AllViewer (216adef6-…)"));
        assert!(f[0].fix.as_ref().unwrap().safe);
    }

    #[test]
    fn host_header_only_fix_is_unsafe() {
        let mut doc = api_doc();
        default_behavior(&mut doc).origin_request_policy_id =
            policy("bf0718e1-ba1e-49d1-88b1-f726733018ae");
        let f = check_doc(&doc);
        assert!(!f[0].fix.as_ref().unwrap().safe);
    }

    #[test]
    fn legacy_star_header_fails_without_fix() {
        let mut doc = api_doc();
        let b = default_behavior(&mut doc);
        b.cache_policy_id = Field::default();
        b.origin_request_policy_id = Field::default();
        b.forwarded_values = Some(crate::model::ForwardedValues {
            headers: list(&["*"]),
            ..Default::default()
        });
        let f = check_doc(&doc);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("legacy ForwardedValues"));
        assert!(f[0].fix.is_none());
    }

    #[test]
    fn unknown_policy_is_silent() {
        let mut doc = api_doc();
        default_behavior(&mut doc).origin_request_policy_id = Field::unknown(
            Unknown::Intrinsic("Fn::ImportValue".into()),
            Span::default(),
            "p",
        );
        assert!(check_doc(&doc).is_empty());
        default_behavior(&mut doc).origin_request_policy_id =
            known(PolicyRef::Local("Missing".into()));
        assert!(check_doc(&doc).is_empty());
    }

    #[test]
    fn non_api_origin_is_ignored() {
        let mut doc = api_doc();
        dist(&mut doc).origins = vec![origin("api", "example.com")];
        default_behavior(&mut doc).origin_request_policy_id = policy(managed::ALL_VIEWER);
        assert!(check_doc(&doc).is_empty());
    }

    #[test]
    fn custom_domain_matching_the_alias_is_a_warning() {
        let mut doc = api_doc();
        let d = dist(&mut doc);
        d.origins[0].domain_name = known("api.example.com".into());
        d.origins[0].kind = crate::model::OriginKindField(OriginKind::ApiGatewayCustomDomain);
        d.aliases = list(&["API.example.com"]);
        default_behavior(&mut doc).origin_request_policy_id = policy(managed::ALL_VIEWER);
        assert_eq!(check_doc(&doc)[0].severity, Severity::Warning);
        dist(&mut doc).aliases = list(&["www.example.com"]);
        assert_eq!(check_doc(&doc)[0].severity, Severity::Error);
    }
}
