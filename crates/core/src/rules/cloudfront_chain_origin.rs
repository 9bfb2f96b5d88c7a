//! `cloudfront-chain-origin`: an origin that is itself a CloudFront distribution.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::{Distribution, DistributionTenant, Origin, OriginKind};

pub static RULE: Rule = Rule {
    slug: "cloudfront-chain-origin",
    summary: "An origin is another CloudFront distribution",
    default_severity: Severity::Warning,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origins whose host is a CloudFront domain (`*.cloudfront.net`, \
            including the `DistributionDomainName` of an edge-optimized API Gateway custom \
            domain and the `DomainName` of another distribution), an alternate domain name \
            (alias) of a distribution in the same input, or a domain of a distribution tenant \
            (`Domains`, Terraform `domain`) of a multi-tenant distribution in the same input.",
        why_bad: "Each request then crosses two CloudFront distributions: more latency and \
            cost, two sets of cache and forwarding settings to keep in line, and CloudFront \
            allows only a short chain of distributions in front of one origin (requests beyond \
            it fail with 403). An origin equal to the distribution's own alias sends requests \
            back into itself. A tenant's domain leads to its multi-tenant distribution just as \
            an alias leads to a standard one.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                "            DomainName: d111111abcdef8.cloudfront.net
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "A deliberate two-tier setup (for example a distribution owned by another \
            team that you cannot bypass). Suppress with `apifront: {ignore: \
            [cloudfront-chain-origin]}` in the distribution's Metadata.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html",
            "https://aws.amazon.com/premiumsupport/knowledge-center/api-gateway-cloudfront-distribution/",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-config-options.html",
        ],
        fix_safety: None,
    },
    check,
};

/// Who answers for a host in the input: a distribution, through its aliases or through a
/// domain of one of its tenants.
struct Owner<'a> {
    dist: &'a Distribution,
    tenant: Option<&'a DistributionTenant>,
}

/// The distribution of the input that has `host` as an alias, or whose tenant has it as a
/// domain.
fn host_owner<'a>(ctx: &LintContext<'a>, host: &str) -> Option<Owner<'a>> {
    let host = host.trim_end_matches('.');
    let names = |d: &str| d.trim_end_matches('.').eq_ignore_ascii_case(host);
    ctx.doc.distributions.iter().find_map(|d| {
        if d.aliases
            .known_items()
            .unwrap_or_default()
            .into_iter()
            .any(names)
        {
            return Some(Owner {
                dist: d,
                tenant: None,
            });
        }
        ctx.doc
            .tenants_of(&d.name)
            .find(|t| t.known_domains().any(|(_, x)| names(x)))
            .map(|t| Owner {
                dist: d,
                tenant: Some(t),
            })
    })
}

/// The distribution of the input whose domain name the origin's host is.
fn named_distribution<'a>(ctx: &LintContext<'a>, origin: &Origin) -> Option<&'a Distribution> {
    let name = origin.distribution_ref.as_deref()?;
    ctx.doc.distributions.iter().find(|d| d.name == name)
}

fn finding(ctx: &LintContext, origin: &Origin) -> Option<Finding> {
    let field = &origin.domain_name;
    let host = field.get();
    let owner = host.and_then(|h| host_owner(ctx, h));
    let named = named_distribution(ctx, origin);
    let what = match (&owner, host) {
        (Some(o), Some(h)) => {
            let whose = match o.tenant {
                Some(t) => format!("a domain of tenant `{}` of", t.name),
                None => "an alias of".to_string(),
            };
            match std::ptr::eq(o.dist, ctx.dist) {
                true => {
                    format!("`{h}`, {whose} this same distribution: requests loop back into it")
                }
                false => format!("`{h}`, {whose} distribution `{}`", o.dist.name),
            }
        }
        _ if origin.kind.0 != OriginKind::CloudFront => return None,
        (_, Some(h)) => format!("the CloudFront domain `{h}`"),
        (_, None) => match named {
            Some(d) => format!("the domain name of distribution `{}`", d.name),
            None => "the domain name of a CloudFront distribution".to_string(),
        },
    };
    let message = format!(
        "{} is {what}; requests pass through two CloudFront distributions. Point it at the \
         API itself (a Regional endpoint or custom domain)",
        origin_name(origin)
    );
    let mut f = ctx.finding(&RULE, field.span, &field.path, message);
    match owner {
        Some(Owner {
            tenant: Some(t), ..
        }) => f = f.with_related(t.domains.span, format!("domains of tenant `{}`", t.name)),
        Some(Owner { dist, .. }) => {
            f = f.with_related(dist.aliases.span, format!("aliases of `{}`", dist.name))
        }
        None => {
            if let (Some(d), None) = (named, host) {
                f = f.with_related(d.span, format!("distribution `{}`", d.name));
            }
        }
    }
    Some(f)
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .origins
        .iter()
        .filter_map(|o| finding(ctx, o))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{beside, case, with_config, CaseText, Tester, API};

    const HOST: &str = "abc123defg.execute-api.eu-west-1.amazonaws.com";

    #[test]
    fn cases() {
        let two = "Resources:
  Front:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: inner
            DomainName: ‸assets.example.com
            CustomOriginConfig: {OriginProtocolPolicy: https-only}
        DefaultCacheBehavior: {TargetOriginId: inner}
  Inner:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Aliases: [assets.example.com]
        Origins:
          - Id: site
            DomainName: ‸!GetAtt Front.DomainName
            CustomOriginConfig: {OriginProtocolPolicy: https-only}
        DefaultCacheBehavior: {TargetOriginId: site}
";
        let aliased = |aliases: &str, host: &str| {
            with_config(&format!("        Aliases: {aliases}\n")).with(HOST, host)
        };
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                aliased("[www.example.com]", "api.example.com"),
                aliased("[www.example.com]", "!Ref OriginHost"),
                aliased("!Ref Aliases", "www.example.com"),
                // A resource the input does not declare: its kind is not known.
                API.with(HOST, "!GetAtt Elsewhere.DomainName"),
            ])
            .fail([
                case(RULE.docs.example.text.mark("d111111abcdef8")).message(
                    "origin `orders-api` is the CloudFront domain `d111111abcdef8.cloudfront.net`; \
                     requests pass through two CloudFront distributions",
                ),
                case(aliased("[WWW.example.com]", "‸www.example.com")).message(
                    "`www.example.com`, an alias of this same distribution: requests loop back \
                     into it",
                )
                .related("aliases of `Cdn`"),
                // Each distribution of `two` in front of the other, one finding at a time: an
                // alias of `Inner`, then the domain name of `Front`, each noted.
                case(two.with("‸!GetAtt Front.DomainName", HOST))
                    .message("`assets.example.com`, an alias of distribution `Inner`")
                    .message("two CloudFront distributions")
                    .related("aliases of `Inner`"),
                case(two.with("‸assets.example.com", HOST))
                    .message("origin `site` is the domain name of distribution `Front`")
                    .related("distribution `Front`")
                    .not_rendered("a host that is the domain of a distribution of the input"),
                // The distribution of an edge-optimized custom domain: not in the input.
                case(beside(
                    &API.with(HOST, "‸!GetAtt Domain.DistributionDomainName"),
                    "Domain:\n  Type: AWS::ApiGateway::DomainName\n  Properties:\n    \
                     DomainName: api.example.com\n",
                ))
                .message("origin `orders-api` is the domain name of a CloudFront distribution")
                .not_rendered("an edge-optimized custom domain beside the distribution"),
                case(API.with(HOST, "‸d222222abcdef8.CloudFront.net")),
                case(
                    "resource \"aws_cloudfront_distribution\" \"front\" {\n  enabled = true\n}\n\
                     resource \"aws_cloudfront_distribution\" \"inner\" {\n  origin {\n    \
                     origin_id   = \"site\"\n    \
                     domain_name = ‸aws_cloudfront_distribution.front.domain_name\n  }\n}\n",
                )
                .message(
                    "origin `site` is the domain name of distribution \
                     `aws_cloudfront_distribution.front`",
                )
                .related("distribution `aws_cloudfront_distribution.front`")
                .not_rendered("Terraform"),
                // The distribution of an edge-optimized custom domain (Terraform).
                case(
                    "resource \"aws_api_gateway_domain_name\" \"api\" {\n  domain_name = \"api.example.com\"\n}\n\
                     resource \"aws_cloudfront_distribution\" \"cdn\" {\n  origin {\n    \
                     origin_id   = \"api\"\n    \
                     domain_name = ‸aws_api_gateway_domain_name.api.cloudfront_domain_name\n  }\n}\n",
                )
                .message("origin `api` is the domain name of a CloudFront distribution")
                .not_rendered("Terraform"),
                // A conditional between two distributions of the input names neither.
                case(
                    "resource \"aws_cloudfront_distribution\" \"blue\" {\n  enabled = true\n}\n\
                     resource \"aws_cloudfront_distribution\" \"green\" {\n  enabled = true\n}\n\
                     resource \"aws_cloudfront_distribution\" \"inner\" {\n  origin {\n    \
                     origin_id   = \"site\"\n    domain_name = ‸var.blue ? \
                     aws_cloudfront_distribution.blue.domain_name : \
                     aws_cloudfront_distribution.green.domain_name\n  }\n}\n",
                )
                .message("origin `site` is the domain name of a CloudFront distribution")
                .not_rendered("Terraform"),
            ])
            .test();
    }

    #[test]
    fn tenant_domains() {
        let tenant = |distribution: &str, list: &str, host: &str| {
            beside(
                &API.with(HOST, host),
                &format!(
                    "Acme:\n  Type: AWS::CloudFront::DistributionTenant\n  Properties:\n    \
                     DistributionId: {distribution}\n    Name: acme\n    Domains: {list}\n"
                ),
            )
        };
        let sibling = "a distribution tenant";
        Tester::new(&RULE)
            .pass(
                [
                    tenant("!Ref Cdn", "[acme.example.com]", "api.example.com"),
                    tenant("!Ref Cdn", "[!Ref TenantDomain]", "acme.example.com"),
                    tenant("E2QWRUHEXAMPLE", "[acme.example.com]", "acme.example.com"),
                ]
                .map(|t| case(t).not_rendered(sibling)),
            )
            .pass([API.with(HOST, "!Ref OriginHost")])
            .fail([case(tenant(
                "!Ref Cdn",
                "[www.example.com, ACME.example.com]",
                "‸acme.example.com",
            ))
            .message(
                "`acme.example.com`, a domain of tenant `Acme` of this same distribution: \
                     requests loop back into it",
            )
            .related("domains of tenant `Acme`")
            .not_rendered(sibling)])
            .test();
    }
}
