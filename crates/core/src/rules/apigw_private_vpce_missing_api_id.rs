//! `apigw-private-vpce-missing-api-id`: a VPC endpoint host without the `x-apigw-api-id` header.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::OriginKind;

pub static RULE: Rule = Rule {
    slug: "apigw-private-vpce-missing-api-id",
    summary: "A private API is reached through a VPC endpoint host without `x-apigw-api-id`",
    default_severity: Severity::Warning,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origins whose host is an endpoint-specific DNS name of an \
            execute-api interface VPC endpoint (`vpce-{id}-{suffix}.execute-api.{region}.vpce.\
            amazonaws.com`) and that have no origin custom header `x-apigw-api-id`. The Route 53 \
            alias form `{api-id}-{vpce-id}.execute-api.{region}.amazonaws.com` names the API \
            and is not reported. A VPC origin (load balancer) in front of such an endpoint \
            cannot be recognised from its host and is not checked.",
        why_bad: "An interface endpoint serves every private API it can reach; with an \
            endpoint-specific host name, API Gateway selects the API from the `Host` header \
            (`{api-id}.execute-api.{region}.amazonaws.com`) or from `x-apigw-api-id`. \
            CloudFront sends the endpoint name as Host and cannot set Host as a custom header, \
            so without `x-apigw-api-id` API Gateway cannot tell which API is meant and the \
            request fails with 403.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                "            DomainName: vpce-0a1b2c3d4e5f67890-abcdefgh.execute-api.eu-west-1.vpce.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
            OriginCustomHeaders:
              - HeaderName: X-Origin-Verify
                HeaderValue: '{{resolve:secretsmanager:cdn/origin-verify:SecretString:value}}'
",
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "",
                "            DomainName: vpce-0a1b2c3d4e5f67890-abcdefgh.execute-api.eu-west-1.vpce.amazonaws.com
            OriginPath: /prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
            OriginCustomHeaders:
              - HeaderName: x-apigw-api-id
                HeaderValue: abc123defg
              - HeaderName: X-Origin-Verify
                HeaderValue: '{{resolve:secretsmanager:cdn/origin-verify:SecretString:value}}'
",
                api_behavior!()
            )),
        exceptions: "An interface endpoint host in front of exactly one API that a resource \
            policy or a custom domain selects otherwise; or use the \
            `{api-id}-{vpce-id}` alias host, which needs no header (the endpoint must be \
            associated with the API).",
        references: &[
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-api-test-invoke-url.html",
            "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/rest-api.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/forward-custom-headers.html",
        ],
        fix_safety: None,
    },
    check,
};

/// True for an endpoint-specific VPC endpoint host (`vpce-….execute-api.….vpce.amazonaws.com`,
/// also its zonal form), false for the `{api-id}-{vpce-id}.execute-api.…` alias form that
/// names the API: the first label tells them apart.
fn is_endpoint_specific(host: &str) -> bool {
    host.trim().to_ascii_lowercase().starts_with("vpce-")
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, origin) in ctx.dist.origins.iter().enumerate() {
        if origin.kind.0 != OriginKind::ApiGatewayPrivateVpce {
            continue;
        }
        let Some(host) = origin.domain_name.get() else {
            continue;
        };
        if !is_endpoint_specific(host) {
            continue;
        }
        let generated = format!("origin[{i}].custom_header");
        if ctx.dist.dynamic_blocks.contains(&generated) {
            continue;
        }
        let has_api_id = origin.custom_headers.iter().any(|h| match h.name.get() {
            Some(name) => name.trim().eq_ignore_ascii_case("x-apigw-api-id"),
            None => true,
        });
        if has_api_id {
            continue;
        }
        let message = format!(
            "{} reaches a private API through the VPC endpoint host `{host}` without an \
             `x-apigw-api-id` custom header; API Gateway cannot tell which API is meant and \
             answers 403. Add the header with the API id",
            origin_name(origin)
        );
        out.push(ctx.finding(
            &RULE,
            origin.domain_name.span,
            &origin.domain_name.path,
            message,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, tf, CaseText, Tester, API_HOST};

    const EXAMPLE: &str = RULE.docs.example.text;
    const VPCE: &str = "vpce-0a1b2c3d4e5f67890-abcdefgh.execute-api.eu-west-1.vpce.amazonaws.com";
    const HEADER: &str = "HeaderName: X-Origin-Verify";

    fn terraform() -> String {
        tf("", "    origin_path = \"/prod\"\n", "")
            .with(&format!("\"{API_HOST}\""), &format!("‸\"{VPCE}\""))
    }

    #[test]
    fn cases() {
        let generated = terraform().unmarked().with(
            "    origin_path = \"/prod\"\n",
            "    origin_path = \"/prod\"\n    dynamic \"custom_header\" {\n      for_each = \
             var.headers\n      content {\n        name  = custom_header.key\n        value = \
             custom_header.value\n      }\n    }\n",
        );
        let cli = format!(
            r#"{{"DistributionConfig": {{"Enabled": true,
  "Origins": {{"Quantity": 1, "Items": [
    {{"Id": "api", "DomainName": ‸"{VPCE}",
     "CustomHeaders": {{"Quantity": 0}}}}]}},
  "DefaultCacheBehavior": {{"TargetOriginId": "api"}}}}}}"#
        );
        Tester::new(&RULE)
            .pass([
                RULE.docs.use_instead.text.to_string(),
                EXAMPLE.with(HEADER, "HeaderName: X-APIGW-API-ID"),
                EXAMPLE.with(HEADER, "HeaderName: !Ref ApiIdHeaderName"),
                // The API-specific private DNS name (`{api-id}-{vpce-id}.execute-api…`).
                EXAMPLE.with(
                    VPCE,
                    "abc123defg-vpce-0a1b2c3d4e5f67890.execute-api.eu-west-1.amazonaws.com",
                ),
            ])
            .pass([case(generated).not_rendered("Terraform dynamic blocks")])
            .fail([
                case(EXAMPLE.mark(VPCE)).message(
                    "origin `orders-api` reaches a private API through the VPC endpoint host \
                     `vpce-0a1b2c3d4e5f67890-abcdefgh.execute-api.eu-west-1.vpce.amazonaws.com` \
                     without an `x-apigw-api-id` custom header",
                ),
                case(terraform()),
                case(cli),
            ])
            .test();
    }
}
