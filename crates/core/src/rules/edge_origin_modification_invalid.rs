//! `edge-origin-modification-invalid`: a CloudFront Function modifies the origin where
//! CloudFront does not allow it, or sends API Gateway a Host header it refuses.

use super::edge_function_changes_origin::{modifiers, REGION_ROUTER};
use super::helpers::looks_secret;
use crate::classify::classify_host;
use crate::edge_function::{Helper, Setting};
use crate::lint::{
    behavior_name, origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::OriginKind;

pub static RULE: Rule = Rule {
    slug: "edge-origin-modification-invalid",
    summary: "A CloudFront Function modifies the origin outside a runtime 2.0 viewer-request function, on a VPC origin, or with a Host API Gateway refuses",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "For CloudFront Functions of the input that call an origin modification \
            helper (`cf.updateRequestOrigin`, `cf.selectRequestOriginById`, \
            `cf.createRequestOriginGroup`), finds: a runtime other than `cloudfront-js-2.0`; an \
            association with another event than `viewer-request`; `updateRequestOrigin` on a \
            behavior whose origin is a VPC origin; a literal `hostHeader` other than the \
            `execute-api` host the request goes to (errors); and, as a warning, \
            `customHeaders: {}` towards an origin whose custom headers include a secret header \
            (the reset drops it).",
        why_bad: "The helpers exist only in the `cloudfront` module of JavaScript runtime 2.0 \
            and work only in viewer-request functions. `updateRequestOrigin()` \"can't update \
            VPC origins\": the request fails (`selectRequestOriginById` can select one). API \
            Gateway answers 403 to a request whose Host is not its own. An empty \
            `customHeaders` object resets the origin's custom headers, so a secret header that \
            protects the API is no longer sent.",
        example: Snippet::cfn_yaml(changed!(
            REGION_ROUTER,
            "        Runtime: cloudfront-js-2.0\n" => "        Runtime: cloudfront-js-1.0\n"
        )),
        use_instead: Snippet::cfn_yaml(REGION_ROUTER),
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/helper-functions-origin-modification.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-javascript-runtime-20.html",
            "https://repost.aws/knowledge-center/api-gateway-cloudfront-distribution",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut runtimes_reported: Vec<&str> = Vec::new();
    for b in ctx.dist.all_behaviors() {
        let origin = ctx.origin_of(b);
        for m in modifiers(ctx, b) {
            let name = m.name();
            let helper = m.calls[0].helper.name();
            let runtime = &m.function.runtime;
            if let Some(r) = runtime.get().filter(|r| *r != "cloudfront-js-2.0") {
                if !runtimes_reported.contains(&m.function.name.as_str()) {
                    runtimes_reported.push(&m.function.name);
                    out.push(ctx.finding(
                        &RULE,
                        runtime.span,
                        &runtime.path,
                        format!(
                            "function `{name}` calls cf.{helper}, which needs runtime \
                             cloudfront-js-2.0, not {r}"
                        ),
                    ));
                }
            }
            let event = &m.association.event_type;
            if let Some(e) = event.get().filter(|e| *e != "viewer-request") {
                out.push(ctx.finding(
                    &RULE,
                    event.span,
                    &event.path,
                    format!(
                        "function `{name}` calls cf.{helper} but runs on {e}; origin \
                         modification works in viewer-request functions only"
                    ),
                ));
            }
            let Some(origin) = origin else { continue };
            let arn = &m.association.arn;
            for call in &m.calls {
                if call.helper == Helper::UpdateRequestOrigin && origin.vpc_origin_config.is_some()
                {
                    out.push(ctx.finding(
                        &RULE,
                        arn.span,
                        &arn.path,
                        format!(
                            "function `{name}` calls cf.updateRequestOrigin for the {}, whose \
                             {} is a VPC origin: updateRequestOrigin cannot update VPC origins \
                             and the request fails",
                            behavior_name(b),
                            origin_name(origin)
                        ),
                    ));
                }
                let target = match &call.domain_name {
                    Some(Setting::Literal(d)) => Some(d.clone()),
                    Some(Setting::Expression) => None,
                    None if call.helper == Helper::UpdateRequestOrigin => {
                        origin.domain_name.get().cloned()
                    }
                    None => None,
                };
                if let (Some(Setting::Literal(host)), Some(target)) = (&call.host_header, target) {
                    let api = matches!(
                        classify_host(&target, &[]),
                        OriginKind::ApiGatewayDefault { .. }
                    );
                    if api && !host.eq_ignore_ascii_case(&target) {
                        out.push(ctx.finding(
                            &RULE,
                            arn.span,
                            &arn.path,
                            format!(
                                "function `{name}` sends Host `{host}` to `{target}`: API \
                                 Gateway answers 403 to a Host that is not its own"
                            ),
                        ));
                    }
                }
                let secret = origin.custom_headers.iter().find_map(|h| {
                    let n = h.name.get()?;
                    looks_secret(n).then_some(n)
                });
                if let (true, Some(secret)) = (call.resets_custom_headers, secret) {
                    out.push(
                        ctx.finding(
                            &RULE,
                            arn.span,
                            &arn.path,
                            format!(
                                "function `{name}` resets the custom headers of {} \
                                 (customHeaders: {{}}), so `{secret}` is no longer sent",
                                origin_name(origin)
                            ),
                        )
                        .with_severity(Severity::Warning),
                    );
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{case, CaseText, Tester};

    const CALL: &str = "              domainName: 'f6g7h8i9j0.execute-api.us-east-1.amazonaws.com',\n              originPath: '/prod'\n";

    fn call(args: &str) -> String {
        RULE.docs.use_instead.text.with(CALL, args)
    }

    const TF: &str = r#"resource "aws_cloudfront_function" "router" {
  name    = "api-region-router"
  runtime = "cloudfront-js-2.0"
  publish = true
  code    = <<-EOT
    import cf from 'cloudfront';
    function handler(event) {
      cf.updateRequestOrigin({ domainName: 'internal-api.example.com' });
      return event.request;
    }
  EOT
}

resource "aws_cloudfront_distribution" "api" {
  enabled = true
  origin {
    origin_id   = "private-api"
    domain_name = "api-internal.example.com"
    vpc_origin_config {
      vpc_origin_id = "vo_0123456789abcdefEXAMPLE"
    }
  }
  default_cache_behavior {
    target_origin_id = "private-api"
    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.router.arn
    }
  }
}
"#;

    #[test]
    fn cases() {
        let text = RULE.docs.use_instead.text;
        let secret = text.with(
            "              OriginSSLProtocols: [TLSv1.2]\n",
            "              OriginSSLProtocols: [TLSv1.2]\n            OriginCustomHeaders:\n              - HeaderName: X-Origin-Verify\n                HeaderValue: '{{resolve:secretsmanager:cdn/origin-verify:SecretString:value}}'\n",
        );
        Tester::new(&RULE)
            .pass(
                [
                    case(text),
                    case(call("              hostHeader: 'abc123defg.execute-api.eu-west-1.amazonaws.com'\n")),
                    case(call("              domainName: 'api.example.com',\n              hostHeader: 'api.example.com'\n")),
                    case(call("              hostHeader: req.headers.host.value\n")),
                    // The origin selected by id is not the behavior's: its host is not known.
                    case(call("              hostHeader: 'api.example.com'\n").with("cf.updateRequestOrigin({", "cf.selectRequestOriginById('other', {")),
                    case(text.with("Runtime: cloudfront-js-2.0", "Runtime: !Ref Runtime")),
                    case(secret.with(CALL, "              customHeaders: { 'x-region': 'us' }\n")),
                    case(TF.with("cf.updateRequestOrigin({ domainName: 'internal-api.example.com' })", "cf.selectRequestOriginById('private-api')")),
                ]
                .map(|c| c.not_rendered("a CloudFront Function resource")),
            )
            .fail(
                [
                    case(RULE.docs.example.text.mark("cloudfront-js-1.0")).message(
                        "function `api-region-router` calls cf.updateRequestOrigin, which needs \
                         runtime cloudfront-js-2.0, not cloudfront-js-1.0",
                    ),
                    case(text.with("EventType: viewer-request", "EventType: ‸origin-request"))
                        .message("origin modification works in viewer-request functions only"),
                    case(call("              domainName: 'f6g7h8i9j0.execute-api.us-east-1.amazonaws.com',\n              hostHeader: 'api.example.com'\n").mark("!GetAtt RegionRouter"))
                        .message("sends Host `api.example.com` to `f6g7h8i9j0.execute-api.us-east-1.amazonaws.com`: API Gateway answers 403"),
                    case(call("              hostHeader: 'api.example.com'\n").mark("!GetAtt RegionRouter"))
                        .message("to `abc123defg.execute-api.eu-west-1.amazonaws.com`"),
                    case(secret.with(CALL, "              customHeaders: {}\n").mark("!GetAtt RegionRouter"))
                        .severity(Severity::Warning)
                        .message("so `X-Origin-Verify` is no longer sent"),
                    case(TF.mark("aws_cloudfront_function.router.arn"))
                        .message("updateRequestOrigin cannot update VPC origins and the request fails"),
                ]
                .map(|c| c.not_rendered("a CloudFront Function resource")),
            )
            .test();
    }
}
