//! `origin-domain-not-hostname`: an origin `DomainName` holds a URL instead of a host name.

use crate::lint::{
    edit::Value, origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule, RuleDocs,
    Severity, Snippet,
};
use crate::model::Format;

pub static RULE: Rule = Rule {
    slug: "origin-domain-not-hostname",
    summary: "An origin `DomainName` is a URL, not a host name",
    default_severity: Severity::Error,
    category: Category::Connectivity,
    fix: FixAvailability::Safe,
    since: "0.1.0",
    docs: RuleDocs {
        what_it_does: "Finds origin domain names with a scheme, a path, a port or whitespace \
            (typically a pasted invoke URL such as \
            `https://abc.execute-api.us-east-1.amazonaws.com/prod`), and domain names taken from \
            a URL-valued attribute (`ApiEndpoint`, `FunctionUrl`, `api_endpoint`, \
            `function_url`).",
        why_bad: "CloudFront rejects it (\"The parameter origin name must be a domain name\", \
            \"…cannot contain a colon\"); a URL on an origin without CustomOriginConfig is even \
            taken for an S3 bucket name.",
        example: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!(
                "",
                "            DomainName: https://abc123defg.execute-api.eu-west-1.amazonaws.com/prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
                api_behavior!()
            ),
        },
        use_instead: Snippet {
            format: Format::CfnYaml,
            text: cfn_doc!("", api_origin!(), api_behavior!()),
        },
        exceptions: "None: CloudFront always needs a bare host name. Split URL attributes with \
            `Fn::Select`/`Fn::Split` (CloudFormation) or `replace()` (Terraform).",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Origin.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html",
        ],
    },
    check,
};

/// Splits `https://host/path` into the host and the path (without a trailing slash).
fn split_url(value: &str) -> Option<(&str, &str)> {
    let rest = value
        .trim()
        .split_once("://")
        .map_or(value.trim(), |(_, r)| r);
    let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
    let host = host.split(':').next().unwrap_or(host);
    let path = path.trim_end_matches('/');
    (!host.is_empty() && !host.contains(char::is_whitespace)).then_some((host, path))
}

fn check(ctx: &LintContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for origin in &ctx.dist.origins {
        let field = &origin.domain_name;
        if origin.domain_is_url && field.get().is_none() {
            let message = format!(
                "{} gets a URL as its DomainName (a URL attribute, or a template with \
                 `https://` or a path); CloudFront needs the bare host name",
                origin_name(origin)
            );
            out.push(ctx.finding(&RULE, field.span, &field.path, message));
            continue;
        }
        let Some(value) = field.get() else { continue };
        if !value.contains(['/', ':']) && !value.contains(char::is_whitespace) {
            continue;
        }
        let message = format!(
            "{} has DomainName `{value}`, which is not a host name; put the host in DomainName \
             and any path in OriginPath",
            origin_name(origin)
        );
        let editor = ctx.editor();
        let fix = split_url(value).and_then(|(host, path)| {
            let mut edits = vec![editor.replace_string(field.span, host)];
            if !path.is_empty() {
                let path = format!("/{path}");
                match &origin.origin_path.val {
                    crate::value::Val::Absent => edits.extend(editor.insert_key(
                        origin.span,
                        ctx.key("OriginPath", "OriginPath", "origin_path"),
                        Value::Str(&path),
                    )),
                    crate::value::Val::Known(p) if p.is_empty() => {
                        edits.push(editor.replace_string(origin.origin_path.span, &path))
                    }
                    _ => return None,
                }
            }
            Fix::safe(format!("use `{host}` as DomainName"), edits)
        });
        out.push(
            ctx.finding(&RULE, field.span, &field.path, message)
                .with_fix(fix),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{split_url, RULE};
    use crate::rules::test_support::*;

    #[test]
    fn url_fails_host_passes() {
        let mut doc = api_doc();
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins[0].domain_name = known(format!("https://{API_HOST}/prod"));
        let f = check(&RULE, &doc);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("https://"));
    }

    #[test]
    fn url_attribute_fails_plain_unknown_passes() {
        let mut doc = api_doc();
        let o = &mut dist(&mut doc).origins[0];
        o.domain_name = crate::value::Field::unknown(
            crate::value::Unknown::Intrinsic("Fn::GetAtt Api.ApiEndpoint".into()),
            Default::default(),
            "d",
        );
        assert!(check(&RULE, &doc).is_empty());
        dist(&mut doc).origins[0].domain_is_url = true;
        assert_eq!(check(&RULE, &doc).len(), 1);
    }

    #[test]
    fn splits_urls() {
        assert_eq!(
            split_url("https://a.example.com:443/prod/"),
            Some(("a.example.com", "prod"))
        );
        assert_eq!(split_url("a.example.com/v1"), Some(("a.example.com", "v1")));
    }
}
