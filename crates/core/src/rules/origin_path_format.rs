//! `origin-path-format`: an origin path must begin, and not end, with `/`.

use crate::lint::Key;
use crate::lint::{
    origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};

pub static RULE: Rule = Rule {
    slug: "origin-path-format",
    summary: "An origin path does not begin with `/` or ends with `/`",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds a non-empty `OriginPath` that does not start with `/` or that ends \
            with `/` (`prod`, `/prod/`).",
        why_bad: "CloudFront appends the request path to the origin path; the origin path must \
            begin, and must not end, with a slash. Otherwise the configuration is rejected or \
            requests go to `//resource`.",
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                "            DomainName: abc123defg.execute-api.eu-west-1.amazonaws.com
            OriginPath: prod/
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "None.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Origin.html",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        let field = &origin.origin_path;
        let Some(path) = field.get() else { continue };
        if path.is_empty() || (path.starts_with('/') && !path.ends_with('/')) {
            continue;
        }
        let trimmed = path.trim_matches('/');
        let fixed = if trimmed.is_empty() {
            String::new()
        } else {
            format!("/{trimmed}")
        };
        let key = Key::ORIGIN_PATH.name(ctx.format());
        let (suggested, action) = match fixed.as_str() {
            "" => (
                ": leave it empty for none".to_string(),
                format!("empty {key}"),
            ),
            _ => (format!(" (`{fixed}`)"), format!("set {key} to `{fixed}`")),
        };
        let message = format!(
            "{} has {key} `{path}`; an origin path must begin with `/` and not end with \
             `/`{suggested}",
            origin_name(origin),
        );
        let fix = Fix::safe(
            action,
            vec![ctx.editor().replace_string(field.span, &fixed)],
        );
        out.push(
            ctx.finding(&RULE, field.span, &field.path, message)
                .with_fix(fix),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::tester::{case, CaseText, Tester, API};

    const PATH: &str = "OriginPath: /prod";

    fn path(path: &str) -> String {
        API.with(PATH, &format!("OriginPath: {path}"))
    }

    #[test]
    fn cases() {
        Tester::new(&RULE)
            .pass([
                API.to_string(),
                path("''"),
                path("/prod/v1"),
                path("!Ref StagePath"),
            ])
            .fix([
                (
                    case(RULE.docs.example.text.mark("prod/")).message(
                        "origin `orders-api` has OriginPath `prod/`; an origin path must begin \
                         with `/` and not end with `/` (`/prod`)",
                    ),
                    RULE.docs.use_instead.text.to_string(),
                ),
                (case(path("‸prod")), path("/prod")),
                (case(path("‸/prod/")), path("/prod")),
                (
                    case(path("‸'/'")).message("not end with `/`: leave it empty for none"),
                    path("''"),
                ),
                (case(path("‸//prod//v1//")), path("/prod//v1")),
            ])
            .test();
    }
}
