//! `origin-custom-header-not-allowed`: an origin custom header CloudFront refuses to add.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};

pub static RULE: Rule = Rule {
    slug: "origin-custom-header-not-allowed",
    summary: "An origin custom header has a name CloudFront cannot add to origin requests",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origin custom headers (`CustomHeaders`, CloudFormation \
            `OriginCustomHeaders`, Terraform `custom_header`) whose name, in any case, is on \
            CloudFront's deny list: Cache-Control, Connection, Content-Length, Cookie, Host, \
            If-Match, If-Modified-Since, If-None-Match, If-Range, If-Unmodified-Since, \
            Max-Forwards, Pragma, Proxy-Authorization, Proxy-Connection, Range, Request-Range, \
            TE, Trailer, Transfer-Encoding, Upgrade, Via, X-Real-Ip, and names starting with \
            `X-Amz-` or `X-Edge-`.",
        why_bad: "CloudFront cannot add these headers to origin requests and rejects the \
            configuration. A common case is trying to set `Host` for an API Gateway origin: \
            CloudFront already sends the origin's own domain name as Host when the viewer Host \
            is not forwarded, so the header is not needed.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginCustomHeaders:\n",
                    "              - HeaderName: X-Amz-Origin-Verify\n",
                    "                HeaderValue: '{{resolve:secretsmanager:cdn/origin-verify:SecretString:value}}'\n",
                ),
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginCustomHeaders:\n",
                    "              - HeaderName: X-Origin-Verify\n",
                    "                HeaderValue: '{{resolve:secretsmanager:cdn/origin-verify:SecretString:value}}'\n",
                ),
                api_behavior!()
            )),
        exceptions: "None: CloudFront refuses these names. To send the viewer's host to an API, \
            copy it into `X-Forwarded-Host` with a CloudFront Function and forward that header.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/forward-custom-headers.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginCustomHeader.html",
        ],
        fix_safety: None,
    },
    check,
};

/// Header names CloudFront cannot add (lower case).
const DENIED: &[&str] = &[
    "cache-control",
    "connection",
    "content-length",
    "cookie",
    "host",
    "if-match",
    "if-modified-since",
    "if-none-match",
    "if-range",
    "if-unmodified-since",
    "max-forwards",
    "pragma",
    "proxy-authorization",
    "proxy-connection",
    "range",
    "request-range",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
    "x-real-ip",
];

/// Header name prefixes CloudFront cannot add (lower case).
const DENIED_PREFIXES: &[&str] = &["x-amz-", "x-edge-"];

/// Why CloudFront refuses `name`, or `None` when it accepts it.
fn denial(name: &str) -> Option<String> {
    let lower = name.trim().to_ascii_lowercase();
    if DENIED.contains(&lower.as_str()) {
        return Some("is on CloudFront's list of headers it cannot add".to_string());
    }
    DENIED_PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|p| {
            let shown = name.trim().get(..p.len()).unwrap_or(p);
            format!("starts with `{shown}`, a prefix CloudFront reserves")
        })
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        for header in &origin.custom_headers {
            let Some(name) = header.name.get() else {
                continue;
            };
            let Some(why) = denial(name) else { continue };
            let message = format!(
                "{} adds the custom header `{name}`, which {why}; CloudFront rejects the \
                 configuration",
                origin_name(origin)
            );
            out.push(ctx.finding(&RULE, header.name.span, &header.name.path, message));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, with_custom_header, CaseText, Tester};

    #[test]
    fn cases() {
        let listed = [
            "Host",
            "HOST",
            "te",
            "X-Real-IP",
            "Cache-Control",
            "transfer-encoding",
        ];
        let prefixed = [("x-amz-date", "x-amz-"), ("X-Edge-Location", "X-Edge-")];
        Tester::new(&RULE)
            .pass(
                [
                    "X-Origin-Verify",
                    "x-api-key",
                    "X-Forwarded-Host",
                    "Origin",
                    "Tenant",
                    "X-Amzn-Trace",
                    "!Ref HeaderName",
                ]
                .map(|name| with_custom_header(name, "x")),
            )
            .fail(listed.map(|name| {
                case(with_custom_header(&format!("‸{name}"), "x")).message(&format!(
                    "origin `orders-api` adds the custom header `{name}`, which is on \
                     CloudFront's list of headers it cannot add; CloudFront rejects the \
                     configuration"
                ))
            }))
            .fail(prefixed.map(|(name, prefix)| {
                case(with_custom_header(&format!("‸{name}"), "x")).message(&format!(
                    "which starts with `{prefix}`, a prefix CloudFront reserves"
                ))
            }))
            .fail([case(RULE.docs.example.text.mark("X-Amz-Origin-Verify"))
                .message("starts with `X-Amz-`")])
            .test();
    }
}
