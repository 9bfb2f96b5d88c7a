//! `edge-function-changes-origin`: a viewer-request CloudFront Function picks the origin (or
//! its Host header) per request, so the static origin is a placeholder for some requests.
//! Also [`demote`]: the findings about such an origin's settings become information.

use crate::edge_function::{function_of, helper_calls, HelperCall};
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::{Behavior, CloudFrontFunction, FunctionAssociation};

/// A viewer-request CloudFront Function that sends some requests to the API of another region,
/// and the API distribution that runs it (this rule's example, and
/// `edge-origin-modification-invalid`'s use_instead).
pub(super) const REGION_ROUTER: &str = r#"Resources:
  RegionRouter:
    Type: AWS::CloudFront::Function
    Properties:
      Name: api-region-router
      AutoPublish: true
      FunctionConfig:
        Comment: send x-region=us callers to the us-east-1 stage
        Runtime: cloudfront-js-2.0
      FunctionCode: |
        import cf from 'cloudfront';
        function handler(event) {
          var req = event.request;
          if (req.headers['x-region'] && req.headers['x-region'].value === 'us') {
            cf.updateRequestOrigin({
              domainName: 'f6g7h8i9j0.execute-api.us-east-1.amazonaws.com',
              originPath: '/prod'
            });
          }
          return req;
        }
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
          OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac
          FunctionAssociations:
            - EventType: viewer-request
              FunctionARN: !GetAtt RegionRouter.FunctionMetadata.FunctionARN
"#;

pub static RULE: Rule = Rule {
    slug: "edge-function-changes-origin",
    summary: "A viewer-request CloudFront Function may send requests to another origin, or set the Host header",
    default_severity: Severity::Info,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For behaviors with a viewer-request CloudFront Function whose code is in \
            the input (`AWS::CloudFront::Function`, `aws_cloudfront_function`), names, as \
            information, the function when it calls an origin modification helper: \
            `cf.updateRequestOrigin` with a `domainName`, `cf.selectRequestOriginById` or \
            `cf.createRequestOriginGroup` (the request may go to another origin), or one that \
            sets `hostHeader`. Findings of other rules about the settings of an origin whose \
            every behavior runs such a function become information too, naming the function, \
            and so do `apigw-host-header-forwarded` findings on a behavior whose function sets \
            the Host header: the static origin is then a placeholder for some requests.",
        why_bad: "Settings a helper does not pass are inherited from the static origin, but the \
            request may go to any host with other settings, and whether a call runs for every \
            request is decided by the code at run time. CloudFront's console test does not \
            show origin modifications either. Check the function against the origin settings \
            apifront reports.",
        example: Snippet::cfn_yaml(REGION_ROUTER),
        use_instead: Snippet::cfn_yaml(changed!(
            REGION_ROUTER,
            "          FunctionAssociations:\n            - EventType: viewer-request\n              FunctionARN: !GetAtt RegionRouter.FunctionMetadata.FunctionARN\n" => ""
        )),
        exceptions: "None: this is information. Suppress it for a distribution whose functions \
            you have checked.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/helper-functions-origin-modification.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/writing-function-code.html",
        ],
        fix_safety: None,
    },
    check,
};

/// A viewer-request function of a behavior and the helper calls in its code.
pub(super) struct Modifier<'a> {
    pub association: &'a FunctionAssociation,
    pub function: &'a CloudFrontFunction,
    pub calls: Vec<HelperCall>,
}

impl Modifier<'_> {
    /// The function's name for messages.
    pub fn name(&self) -> String {
        self.function
            .function_name
            .get()
            .cloned()
            .unwrap_or_else(|| self.function.name.clone())
    }
}

/// The CloudFront Functions of a behavior (any event) that call an origin helper.
pub(super) fn modifiers<'a>(ctx: &LintContext<'a>, b: &'a Behavior) -> Vec<Modifier<'a>> {
    b.function_associations
        .iter()
        .filter_map(|a| {
            let function = function_of(ctx.doc, a)?;
            let calls = helper_calls(function.code.get()?);
            (!calls.is_empty()).then_some(Modifier {
                association: a,
                function,
                calls,
            })
        })
        .collect()
}

fn viewer_request(a: &FunctionAssociation) -> bool {
    a.event_type.get().is_some_and(|e| e == "viewer-request")
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for b in ctx.dist.all_behaviors() {
        let origin = || {
            ctx.origin_of(b)
                .map_or_else(|| "its origin".to_string(), |o| origin_name(o).to_string())
        };
        for m in modifiers(ctx, b)
            .iter()
            .filter(|m| viewer_request(m.association))
        {
            let arn = &m.association.arn;
            let changing: Vec<&str> = m
                .calls
                .iter()
                .filter(|c| c.changes_origin())
                .map(|c| c.helper.name())
                .collect();
            let message = if let Some(helper) = changing.first() {
                let origin = origin();
                format!(
                    "function `{}` (cf.{helper}) may send requests of the {} to another origin \
                     than {origin}: the settings of {origin} apply only to the requests it \
                     leaves there",
                    m.name(),
                    behavior_name(b)
                )
            } else if m.calls.iter().any(|c| c.host_header.is_some()) {
                let origin = origin();
                format!(
                    "function `{}` sets the Host header CloudFront sends to {origin} \
                     (hostHeader) for the {}",
                    m.name(),
                    behavior_name(b)
                )
            } else {
                continue;
            };
            out.push(ctx.finding(&RULE, arn.span, &arn.path, message));
        }
    }
    out
}

/// The name of the function that replaces `origin` for every behavior that targets it.
fn replaced_by(ctx: &LintContext, origin: &crate::model::Origin) -> Option<String> {
    let behaviors = ctx.behaviors_of(origin);
    let mut name = None;
    for b in &behaviors {
        let m = modifiers(ctx, b).into_iter().find(|m| {
            viewer_request(m.association) && m.calls.iter().any(HelperCall::changes_origin)
        })?;
        name.get_or_insert_with(|| m.name());
    }
    name
}

/// Makes information of the findings about the settings of an origin that a viewer-request
/// function may replace for every request that reaches it, and of `apigw-host-header-forwarded`
/// on a behavior whose function sets the Host header; the message names the function.
pub(crate) fn demote(ctx: &LintContext, findings: &mut [Finding]) {
    if ctx.doc.cloudfront_functions.is_empty() {
        return;
    }
    let replaced: Vec<(usize, usize, String)> = ctx
        .dist
        .origins
        .iter()
        .filter_map(|o| replaced_by(ctx, o).map(|f| (o.span.start, o.span.end, f)))
        .collect();
    let host_set: Vec<(usize, usize, String)> = ctx
        .dist
        .all_behaviors()
        .filter_map(|b| {
            let m = modifiers(ctx, b).into_iter().find(|m| {
                viewer_request(m.association) && m.calls.iter().any(|c| c.host_header.is_some())
            })?;
            Some((b.span.start, b.span.end, m.name()))
        })
        .collect();
    for f in findings.iter_mut() {
        if f.severity == Severity::Info || f.rule.starts_with("edge-") {
            continue;
        }
        let inside = |(start, end, _): &&(usize, usize, String)| {
            f.span.start >= *start && f.span.end <= *end
        };
        if let Some((_, _, name)) = replaced.iter().find(inside) {
            f.severity = Severity::Info;
            f.message.push_str(&format!(
                " (information: viewer-request function `{name}` may send these requests to \
                 another origin)"
            ));
        } else if f.rule == "apigw-host-header-forwarded" {
            if let Some((_, _, name)) = host_set.iter().find(inside) {
                f.severity = Severity::Info;
                f.message.push_str(&format!(
                    " (information: viewer-request function `{name}` sets the Host header itself)"
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{case, finding_of, lint_all, CaseText, Tester};

    const TF: &str = r#"resource "aws_cloudfront_function" "router" {
  name    = "api-region-router"
  runtime = "cloudfront-js-2.0"
  publish = true
  code    = <<-EOT
    import cf from 'cloudfront';
    function handler(event) {
      cf.selectRequestOriginById('orders-eu');
      return event.request;
    }
  EOT
}

resource "aws_cloudfront_distribution" "api" {
  enabled = true
  origin {
    origin_id   = "orders-api"
    domain_name = "abc123defg.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id = "orders-api"
    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.router.arn
    }
  }
}
"#;

    #[test]
    fn cases() {
        let text = RULE.docs.example.text;
        let host_only = text.with(
            "              domainName: 'f6g7h8i9j0.execute-api.us-east-1.amazonaws.com',\n              originPath: '/prod'\n",
            "              hostHeader: req.headers.host.value\n",
        );
        Tester::new(&RULE)
            .pass(
                [
                    case(RULE.docs.use_instead.text),
                    // Code that calls no helper (the generator's prefix stripper).
                    case(text.with("cf.updateRequestOrigin(", "console.log(")),
                    case(text.with(
                        "FunctionARN: !GetAtt RegionRouter.FunctionMetadata.FunctionARN",
                        "FunctionARN: !Ref UnknownFunction",
                    )),
                    case(text.with("EventType: viewer-request", "EventType: viewer-response")),
                ]
                .map(|c| c.not_rendered("a CloudFront Function resource")),
            )
            .fail(
                [
                    case(text.mark("!GetAtt RegionRouter")).message(
                        "function `api-region-router` (cf.updateRequestOrigin) may send requests \
                         of the default behavior to another origin than origin `orders-api`",
                    ),
                    case(host_only.mark("!GetAtt RegionRouter")).message("sets the Host header"),
                    case(TF.mark("aws_cloudfront_function.router.arn"))
                        .message("(cf.selectRequestOriginById)"),
                ]
                .map(|c| c.not_rendered("a CloudFront Function resource")),
            )
            .test();
    }

    #[test]
    fn findings_on_a_replaced_origin_become_information() {
        // An http-only API origin is an error, unless every request may go elsewhere.
        let http_only = RULE.docs.example.text.with(
            "OriginProtocolPolicy: https-only",
            "OriginProtocolPolicy: http-only",
        );
        let findings = lint_all(&http_only);
        let f = finding_of(&findings, "apigw-origin-protocol-not-https-only");
        assert_eq!(f.severity, Severity::Info, "{}", f.message);
        assert!(
            f.message
                .contains("function `api-region-router` may send these requests"),
            "{}",
            f.message
        );
        // Without the function association, the same setting is an error.
        let plain = http_only.with(
            "          FunctionAssociations:\n            - EventType: viewer-request\n              FunctionARN: !GetAtt RegionRouter.FunctionMetadata.FunctionARN\n",
            "",
        );
        let findings = lint_all(&plain);
        let f = finding_of(&findings, "apigw-origin-protocol-not-https-only");
        assert_eq!(f.severity, Severity::Error, "{}", f.message);
    }

    #[test]
    fn only_findings_inside_the_replaced_origin_become_information() {
        let text = RULE
            .docs
            .example
            .text
            .with(
                "OriginProtocolPolicy: https-only",
                "OriginProtocolPolicy: http-only",
            )
            .with(
                "          ViewerProtocolPolicy: https-only\n",
                "          ViewerProtocolPolicy: allow-all\n",
            );
        let findings = lint_all(&text);
        assert_eq!(
            finding_of(&findings, "apigw-origin-protocol-not-https-only").severity,
            Severity::Info
        );
        // On the behavior, outside the origin: unchanged.
        let viewer = finding_of(&findings, "viewer-protocol-allow-all");
        assert_ne!(viewer.severity, Severity::Info);
        assert!(
            !viewer.message.contains("(information:"),
            "{}",
            viewer.message
        );
        // A viewer-response function does not choose the origin.
        let response =
            lint_all(&text.with("EventType: viewer-request", "EventType: viewer-response"));
        assert_eq!(
            finding_of(&response, "apigw-origin-protocol-not-https-only").severity,
            Severity::Error
        );
        // Information inside the origin stays as it is.
        let no_path = lint_all(
            &RULE
                .docs
                .example
                .text
                .with("            OriginPath: /prod\n", ""),
        );
        let info = finding_of(&no_path, "apigw-rest-origin-path-missing-stage");
        assert_eq!(info.severity, Severity::Info);
        assert!(!info.message.contains("(information:"), "{}", info.message);
    }

    #[test]
    fn a_host_header_the_function_sets_makes_the_forwarded_host_information() {
        let text = RULE
            .docs
            .example
            .text
            .with(
                "              domainName: 'f6g7h8i9j0.execute-api.us-east-1.amazonaws.com',\n              originPath: '/prod'\n",
                "              hostHeader: req.headers.host.value\n",
            )
            // AllViewer: the viewer's Host reaches the API.
            .with(
                "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                "216adef6-5c7f-47e4-b989-5492eafa07d3",
            );
        let host = lint_all(&text);
        let host = finding_of(&host, "apigw-host-header-forwarded");
        assert_eq!(host.severity, Severity::Info);
        assert!(host.message.contains("(information: viewer-request function `api-region-router` sets the Host header itself)"), "{}", host.message);
        let response =
            lint_all(&text.with("EventType: viewer-request", "EventType: viewer-response"));
        let host = finding_of(&response, "apigw-host-header-forwarded");
        assert_eq!(host.severity, Severity::Error);
        assert!(!host.message.contains("(information:"), "{}", host.message);
    }
}
