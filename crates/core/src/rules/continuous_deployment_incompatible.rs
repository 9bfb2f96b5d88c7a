//! `continuous-deployment-incompatible`: a primary or staging distribution uses a feature
//! continuous deployment does not support.

use super::continuous_deployment::{is_primary, is_staging};
use crate::lint::{
    origin_name, Category, Finding, FixAvailability, Key, LintContext, Rule, RuleDocs, Severity,
    Snippet,
};

const USE_INSTEAD: &str = cfn_doc!(
    "        ContinuousDeploymentPolicyId: 7d1e3c3c-1111-2222-3333-444455556666\n        HttpVersion: http2\n",
    api_origin!(),
    api_behavior!()
);

pub static RULE: Rule = Rule {
    slug: "continuous-deployment-incompatible",
    summary: "A distribution in continuous deployment serves HTTP/3 or sets a response completion timeout",
    default_severity: Severity::Error,
    category: Category::Structure,
    fix: FixAvailability::None,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "On a primary distribution (`ContinuousDeploymentPolicyId`) or a staging \
            one (`Staging: true`), finds `HttpVersion` `http3` or `http2and3` (an error) and \
            origins with a `ResponseCompletionTimeout` (a warning).",
        why_bad: "AWS: \"You can't use continuous deployment with a distribution that supports \
            HTTP/3.\" and \"Response completion timeout doesn't support the continuous \
            deployment feature.\" (whether CloudFront then rejects the timeout or ignores it is \
            not stated, hence a warning).",
        example: Snippet::cfn_yaml(changed!(
            USE_INSTEAD,
            "HttpVersion: http2\n" => "HttpVersion: http2and3\n"
        )),
        use_instead: Snippet::cfn_yaml(USE_INSTEAD),
        exceptions: "None while continuous deployment is in use: serve HTTP/2 and leave the \
            response completion timeout unset, or remove the policy first.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/continuous-deployment-quotas-considerations.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#response-completion-timeout",
        ],
        fix_safety: None,
    },
    check,
};

fn check(ctx: &LintContext) -> Vec<Finding> {
    let d = ctx.dist;
    let role = match (is_primary(d), is_staging(d)) {
        (_, true) => "a staging distribution",
        (true, false) => "a distribution with a continuous deployment policy",
        (false, false) => return Vec::new(),
    };
    let mut out = Vec::new();
    if let Some(v) = d.http_version.get() {
        if matches!(v.to_ascii_lowercase().as_str(), "http3" | "http2and3") {
            out.push(ctx.finding(
                &RULE,
                d.http_version.span,
                &d.http_version.path,
                format!(
                    "{role} cannot serve HTTP/3 ({} `{v}`): continuous deployment does not \
                     support it; use http2",
                    Key::HTTP_VERSION.name(ctx.format())
                ),
            ));
        }
    }
    let key = Key::RESPONSE_COMPLETION_TIMEOUT.name(ctx.format());
    for o in &d.origins {
        let f = &o.response_completion_timeout;
        if f.is_present() {
            out.push(
                ctx.finding(
                    &RULE,
                    f.span,
                    &f.path,
                    format!(
                        "{} sets {key}, which continuous deployment does not support ({role})",
                        origin_name(o)
                    ),
                )
                .with_severity(Severity::Warning),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::lint::Severity;
    use crate::rules::tester::{
        case, cfn, tf, with_config, CaseText, Tester, API, API_BEHAVIOR, API_ORIGIN,
    };

    fn staging(config: &str, origin: &str) -> String {
        cfn(
            &format!("        Staging: true\n{config}"),
            &format!("{API_ORIGIN}{origin}"),
            API_BEHAVIOR,
        )
    }

    #[test]
    fn cases() {
        let text = RULE.docs.use_instead.text;
        Tester::new(&RULE)
            .pass([
                text.to_string(),
                text.with("HttpVersion: http2\n", "HttpVersion: !Ref HttpVersion\n"),
                // Not in continuous deployment.
                with_config("        HttpVersion: http2and3\n"),
                cfn("", &format!("            ResponseCompletionTimeout: 120\n{API_ORIGIN}"), API_BEHAVIOR),
                staging("        Staging: false\n", "").with("        Staging: true\n", ""),
                r#"{"DistributionConfig": {"ContinuousDeploymentPolicyId": "", "HttpVersion": "http2and3"}}"#.to_string(),
                API.to_string(),
            ])
            .fail([
                case(RULE.docs.example.text.mark("http2and3")).message(
                    "a distribution with a continuous deployment policy cannot serve HTTP/3 \
                     (HttpVersion `http2and3`)",
                ),
                case(staging("        HttpVersion: ‸http3\n", "")).message("a staging distribution"),
                case(tf("  staging      = true\n  http_version = ‸\"http3\"\n", "", "")).message(
                    "a staging distribution cannot serve HTTP/3 (http_version `http3`)",
                ),
                case(staging("", "            ResponseCompletionTimeout: ‸120\n"))
                    .severity(Severity::Warning)
                    .message("origin `orders-api` sets ResponseCompletionTimeout, which continuous deployment does not support"),
                case(with_config("        ContinuousDeploymentPolicyId: !Ref Policy\n        HttpVersion: ‸http2and3\n")),
            ])
            .test();
    }
}
