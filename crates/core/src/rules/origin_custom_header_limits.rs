//! `origin-custom-header-limits`: origin custom headers beyond CloudFront's quotas.

use crate::lint::{
    origin_name, Category, Finding, FixAvailability, LintContext, Rule, RuleDocs, Severity, Snippet,
};
use crate::model::Origin;

pub static RULE: Rule = Rule {
    slug: "origin-custom-header-limits",
    summary: "Origin custom headers exceed CloudFront's quotas",
    default_severity: Severity::Warning,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origins with more than 10 custom headers, a header name longer \
            than 256 characters, a header value longer than 1,783 characters, or names and \
            values adding up to more than 10,240 characters. Only known names and values are \
            counted, so unknown ones never cause a finding.",
        why_bad: "These are CloudFront's default quotas for origin custom headers: a \
            distribution beyond them is rejected unless the account has a raised quota.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginCustomHeaders:\n",
                    "              - {HeaderName: X-Tenant-01, HeaderValue: a}\n",
                    "              - {HeaderName: X-Tenant-02, HeaderValue: b}\n",
                    "              - {HeaderName: X-Tenant-03, HeaderValue: c}\n",
                    "              - {HeaderName: X-Tenant-04, HeaderValue: d}\n",
                    "              - {HeaderName: X-Tenant-05, HeaderValue: e}\n",
                    "              - {HeaderName: X-Tenant-06, HeaderValue: f}\n",
                    "              - {HeaderName: X-Tenant-07, HeaderValue: g}\n",
                    "              - {HeaderName: X-Tenant-08, HeaderValue: h}\n",
                    "              - {HeaderName: X-Tenant-09, HeaderValue: i}\n",
                    "              - {HeaderName: X-Tenant-10, HeaderValue: j}\n",
                    "              - {HeaderName: X-Tenant-11, HeaderValue: k}\n",
                ),
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(cfn_doc!(
                "",
                concat!(
                    api_origin!(),
                    "            OriginCustomHeaders:\n",
                    "              - {HeaderName: X-Tenants, HeaderValue: 'a,b,c,d,e,f,g,h,i,j,k'}\n",
                ),
                api_behavior!()
            )),
        exceptions: "Accounts with a raised quota (some of these quotas are adjustable through \
            Service Quotas). Suppress with `apifront: {ignore: [origin-custom-header-limits]}` \
            in the distribution's Metadata.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/forward-custom-headers.html",
        ],
        fix_safety: None,
    },
    check,
};

/// Custom headers per origin.
const MAX_HEADERS: usize = 10;
/// Characters in a header name.
const MAX_NAME: usize = 256;
/// Characters in a header value.
const MAX_VALUE: usize = 1_783;
/// Characters in all names and values of an origin together.
const MAX_TOTAL: usize = 10_240;

fn check(ctx: &LintContext) -> Vec<Finding> {
    ctx.dist
        .origins
        .iter()
        .flat_map(|o| check_origin(ctx, o))
        .collect()
}

fn check_origin(ctx: &LintContext, origin: &Origin) -> Vec<Finding> {
    let mut out = Vec::new();
    let who = origin_name(origin);
    let named: Vec<_> = origin
        .custom_headers
        .iter()
        .filter(|h| h.name.get().is_some())
        .collect();
    if let Some(extra) = named.get(MAX_HEADERS) {
        let message = format!(
            "{who} has {} custom headers; CloudFront allows {MAX_HEADERS} per origin by default",
            named.len()
        );
        out.push(ctx.finding(&RULE, extra.name.span, &extra.name.path, message));
    }
    let mut total = 0usize;
    let mut total_reported = false;
    for header in &origin.custom_headers {
        for (field, what, max) in [
            (&header.name, "name", MAX_NAME),
            (&header.value, "value", MAX_VALUE),
        ] {
            let Some(text) = field.get() else { continue };
            let len = text.chars().count();
            total += len;
            if len > max {
                let label = header
                    .name
                    .get()
                    .filter(|n| n.chars().count() <= 40)
                    .map_or_else(String::new, |n| format!(" of `{n}`"));
                let message = format!(
                    "{who} has a custom header {what}{label} of {len} characters; CloudFront \
                     allows at most {max}"
                );
                out.push(ctx.finding(&RULE, field.span, &field.path, message));
            }
            if total > MAX_TOTAL && !total_reported {
                total_reported = true;
                let message = format!(
                    "{who}'s custom header names and values add up to more than {MAX_TOTAL} \
                     characters, CloudFront's limit per origin"
                );
                out.push(ctx.finding(&RULE, field.span, &field.path, message));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, cfn, CaseText, Tester, API, API_BEHAVIOR, API_ORIGIN};

    /// The API distribution whose origin has these custom headers (YAML flow scalars).
    fn headers(headers: &[(String, String)]) -> String {
        let mut keys = format!("{API_ORIGIN}            OriginCustomHeaders:\n");
        for (name, value) in headers {
            keys.push_str(&format!(
                "              - HeaderName: {name}\n                HeaderValue: {value}\n"
            ));
        }
        cfn("", &keys, API_BEHAVIOR)
    }

    /// `n` headers `X-H0…` with value `v`.
    fn many(n: usize) -> Vec<(String, String)> {
        (0..n)
            .map(|i| (format!("X-H{i}"), "v".to_string()))
            .collect()
    }

    #[test]
    fn cases() {
        let mut eleven = many(11);
        eleven[10].0 = format!("‸{}", eleven[10].0);
        let long_name = "N".repeat(257);
        let long_value = "v".repeat(1_784);
        let full = "v".repeat(1_783);
        let mut total: Vec<(String, String)> =
            (0..6).map(|i| (format!("X-H{i}"), full.clone())).collect();
        total[5].1 = format!("‸{full}");
        // Names and values of exactly 10 240 characters, the most an origin may have.
        let mut at_limit: Vec<(String, String)> =
            (0..6).map(|i| (format!("X-H{i}"), full.clone())).collect();
        at_limit[5].1 = "v".repeat(10_240 - 6 * 4 - 5 * 1_783);
        let unknown = (0..12)
            .map(|i| (format!("!If [C{i}, X-A, X-B]"), "!Ref V".to_string()))
            .collect::<Vec<_>>();
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                RULE.docs.use_instead.text.to_string(),
                headers(&many(10)),
                headers(&unknown),
                headers(&at_limit),
                headers(&[(format!("X-{}", "n".repeat(254)), full.clone())]),
            ])
            .fail([
                case(RULE.docs.example.text.mark("X-Tenant-11")).message(
                    "origin `orders-api` has 11 custom headers; CloudFront allows 10 per origin by \
                     default",
                ),
                case(headers(&eleven)),
                case(headers(&[(format!("‸{long_name}"), "v".into())]))
                    .message("has a custom header name of 257 characters; CloudFront allows at most 256"),
                case(headers(&[("X-Big".into(), format!("‸{long_value}"))])).message(
                    "origin `orders-api` has a custom header value of `X-Big` of 1784 \
                     characters; CloudFront allows at most 1783",
                ),
                case(headers(&total)).message(
                    "origin `orders-api`'s custom header names and values add up to more than \
                     10240 characters",
                ),
            ])
            .test();
    }
}
