//! `alias-collides-with-edge-custom-domain`: an alias is also an edge-optimized API Gateway
//! custom domain.

use crate::lint::{
    Category, Finding, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity, Snippet,
};

const EXAMPLE: &str = concat!(
    cfn_doc!(custom_certificate!(), api_origin!(), api_behavior!()),
    "  ApiDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0b7e7f4c-1111-2222-3333-444455556666
      EndpointConfiguration:
        Types: [EDGE]
"
);

pub static RULE: Rule = Rule {
    slug: "alias-collides-with-edge-custom-domain",
    summary: "An alias or tenant domain is also an edge-optimized API Gateway custom domain in the same input",
    default_severity: Severity::Warning,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds an alias, or a domain of one of the distribution's tenants \
            (`Domains` of an `AWS::CloudFront::DistributionTenant`, `domain` of an \
            `aws_cloudfront_distribution_tenant`), equal to (or a wildcard covering) an API \
            Gateway custom domain name of the same input whose endpoint type is `EDGE`.",
        why_bad: "An edge-optimized custom domain already lives on a CloudFront distribution \
            that API Gateway owns, so adding the same name to your distribution fails with \
            `CNAMEAlreadyExists` (409). A distribution tenant's domain is refused the same way: \
            CloudFront gives this error for a name already associated with another resource, \
            whether you add it to a standard distribution or to a tenant. Put your distribution \
            in front of a REGIONAL custom domain, or use another name.",
        example: Snippet::cfn_yaml(EXAMPLE),
        use_instead: Snippet::cfn_yaml(changed!(
            EXAMPLE,
            "      DomainName: api.example.com\n      CertificateArn: arn:aws:acm:us-east-1:"
                => "      DomainName: origin-api.example.com\n      RegionalCertificateArn: arn:aws:acm:eu-west-1:",
            "Types: [EDGE]" => "Types: [REGIONAL]"
        )),
        exceptions: "Only custom domains that say `EDGE` explicitly are compared (a REST custom \
            domain without `EndpointConfiguration` is edge-optimized too, but the model cannot \
            tell it from an HTTP API domain, which is always regional). Tenants whose \
            distribution is not in the input are not compared.",
        references: &[
            "https://repost.aws/knowledge-center/resolve-cnamealreadyexists-error",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-move.html",
        ],
        fix_safety: None,
    },
    check,
};

/// True when `alias` names `domain`: equal, or a wildcard alias covering it.
fn covers(alias: &str, domain: &str) -> bool {
    let (alias, domain) = (alias.to_ascii_lowercase(), domain.to_ascii_lowercase());
    if alias == domain {
        return true;
    }
    match alias.strip_prefix("*.") {
        Some(parent) => domain
            .split_once('.')
            .is_some_and(|(_, rest)| rest == parent),
        None => false,
    }
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let edge_domains: Vec<_> = ctx
        .doc
        .api_domain_names
        .iter()
        .filter(|d| {
            d.endpoint_types
                .known_items()
                .is_some_and(|t| t.iter().any(|t| t.eq_ignore_ascii_case("EDGE")))
        })
        .filter_map(|d| d.domain_name.get().map(|n| (d, n)))
        .collect();
    if edge_domains.is_empty() {
        return Vec::new();
    }
    let aliases = ctx
        .dist
        .aliases
        .get()
        .into_iter()
        .flatten()
        .filter_map(|item| item.get().map(|a| (item, format!("alias `{a}`"))));
    let key = Key::TENANT_DOMAINS.name(ctx.format());
    let tenant_domains = ctx.doc.tenants_of(&ctx.dist.name).flat_map(|t| {
        t.known_domains().map(move |(item, d)| {
            (
                item,
                format!("domain `{d}` of tenant `{}` (in `{key}`)", t.name),
            )
        })
    });
    let mut out = Vec::new();
    for (item, what) in aliases.chain(tenant_domains) {
        let Some(name) = item.get() else { continue };
        let Some((domain, edge)) = edge_domains.iter().find(|(_, n)| covers(name, n)) else {
            continue;
        };
        let message = format!(
            "{what} is also the edge-optimized API Gateway custom domain `{edge}` \
             (`{}`), which already lives on a CloudFront distribution owned by API Gateway: \
             CloudFront answers CNAMEAlreadyExists. Make the custom domain REGIONAL or use \
             another name",
            domain.name
        );
        out.push(
            ctx.finding(&RULE, item.span, &item.path, message)
                .with_related(
                    domain.domain_name.span,
                    format!("custom domain `{}`", domain.name),
                ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{beside, case, tenant, tf_tenant, CaseText, Tester};

    /// The rule's example with these aliases, and this domain and endpoint type.
    fn collide(aliases: &str, domain: &str, types: &str) -> String {
        RULE.docs
            .example
            .text
            .with("Aliases: [api.example.com]", &format!("Aliases: {aliases}"))
            .with(
                "DomainName: api.example.com",
                &format!("DomainName: {domain}"),
            )
            .with("Types: [EDGE]", &format!("Types: {types}"))
    }

    const TERRAFORM: &str = r#"resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  endpoint_configuration {
    types = ["EDGE"]
  }
}

resource "aws_cloudfront_distribution" "d" {
  aliases = [‸"api.example.com"]
}
"#;

    /// The rule's example without aliases, with a tenant `Acme` of `distribution` whose domains
    /// are `list`.
    fn with_tenant(distribution: &str, list: &str) -> String {
        beside(
            &collide("[]", "api.example.com", "[EDGE]"),
            &tenant(distribution, list),
        )
    }

    fn terraform_tenant() -> String {
        let domain = r#"resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "acme.tenants.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  endpoint_configuration {
    types = ["EDGE"]
  }
}
"#;
        let saas = tf_tenant("  domain {\n    domain = ‸\"acme.tenants.example.com\"\n  }\n");
        format!("{domain}\n{saas}")
    }

    #[test]
    fn tenant_domains() {
        let sibling = "an API custom domain and a tenant beside the distribution";
        Tester::new(&RULE)
            .pass(
                [
                    with_tenant("!Ref Cdn", "[acme.example.com]"),
                    with_tenant("!Ref Cdn", "[!Ref TenantDomain]"),
                    collide("[!Ref Alias]", "api.example.com", "[EDGE]"),
                    with_tenant("E2QWRUHEXAMPLE", "[api.example.com]"),
                    with_tenant("!Ref Cdn", "[api.example.com]")
                        .with("Types: [EDGE]", "Types: [REGIONAL]"),
                ]
                .map(|t| case(t).not_rendered(sibling)),
            )
            .fail(
                [
                    case(with_tenant(
                        "!Ref Cdn",
                        "[acme.example.com, ‸api.example.com]",
                    ))
                    .message(
                        "domain `api.example.com` of tenant `Acme` (in `Domains`) is also the \
                         edge-optimized API Gateway custom domain `api.example.com` (`ApiDomain`)",
                    )
                    .related("custom domain `ApiDomain`"),
                    case(with_tenant("!Ref Cdn", "[‸'*.example.com']"))
                        .related("custom domain `ApiDomain`"),
                    case(terraform_tenant())
                        .message(
                            "of tenant `aws_cloudfront_distribution_tenant.acme` (in `domain`)",
                        )
                        .related("custom domain `aws_api_gateway_domain_name.api`"),
                ]
                .map(|c| c.not_rendered(sibling)),
            )
            .test();
    }

    #[test]
    fn cases() {
        let sibling = "an API custom domain beside the distribution";
        Tester::new(&RULE)
            .pass(
                [
                    RULE.docs.use_instead.text.to_string(),
                    collide("[api.example.com]", "api.example.com", "[REGIONAL]"),
                    collide("[api.example.com]", "api.example.com", "!Ref EndpointTypes"),
                    collide("['*.example.com']", "a.b.example.com", "[EDGE]"),
                    collide("[www.example.com]", "api.example.com", "[EDGE]"),
                    collide("[!Ref Alias]", "api.example.com", "[EDGE]"),
                ]
                .map(|text| case(text).not_rendered(sibling)),
            )
            .fail(
                [
                    case(RULE.docs.example.text.mark("api.example.com]"))
                        .message("alias `api.example.com` is also the edge-optimized API Gateway custom domain `api.example.com` (`ApiDomain`)")
                        .related("custom domain `ApiDomain`"),
                    case(collide("[‸API.example.com]", "api.example.com", "[EDGE]"))
                        .related("custom domain `ApiDomain`"),
                    case(collide("[‸'*.example.com']", "api.example.com", "[EDGE]"))
                        .message("alias `*.example.com`")
                        .related("custom domain `ApiDomain`"),
                    case(collide("[www.example.com, ‸api.example.com]", "api.example.com", "[REGIONAL, EDGE]"))
                        .related("custom domain `ApiDomain`"),
                    case(TERRAFORM).related("custom domain `aws_api_gateway_domain_name.api`"),
                ]
                .map(|c| c.not_rendered(sibling)),
            )
            .test();
    }
}
