//! `origin-domain-not-hostname`: an origin `DomainName` holds a URL instead of a host name.

use crate::lint::Key;
use crate::lint::{
    edit::NewValue, origin_name, Category, Finding, Fix, FixAvailability, LintContext, Rule,
    RuleDocs, Severity, Snippet,
};

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
        example: Snippet::cfn_yaml(cfn_doc!(
                "",
                "            DomainName: https://abc123defg.execute-api.eu-west-1.amazonaws.com/prod
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
",
                api_behavior!()
            )),
        use_instead: Snippet::cfn_yaml(api_doc!()),
        exceptions: "None: CloudFront always needs a bare host name. Split URL attributes with \
            `Fn::Select`/`Fn::Split` (CloudFormation) or `replace()` (Terraform).",
        references: &[
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Origin.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html",
        ],
        fix_safety: None,
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
        let domain_key = Key::DOMAIN_NAME.name(ctx.format());
        if origin.domain_is_url && field.get().is_none() {
            let message = format!(
                "{} gets a URL as its {domain_key} (a URL attribute, or a template with \
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
            "{} has {domain_key} `{value}`, which is not a host name; put the host in \
             {domain_key} and any path in {}",
            origin_name(origin),
            Key::ORIGIN_PATH.name(ctx.format())
        );
        let editor = ctx.editor();
        let fix = split_url(value).and_then(|(host, path)| {
            let mut edits = vec![editor.replace_string(field.span, host)];
            if !path.is_empty() {
                let path = format!("/{path}");
                match &origin.origin_path.val {
                    crate::value::Val::Absent => edits.extend(editor.insert_key(
                        origin.span,
                        Key::ORIGIN_PATH,
                        NewValue::Str(&path),
                    )),
                    crate::value::Val::Known(p) if p.is_empty() => {
                        edits.push(editor.replace_string(origin.origin_path.span, &path))
                    }
                    _ => return None,
                }
            }
            Fix::safe(format!("use `{host}` as {domain_key}"), edits)
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
    use super::RULE;
    use crate::rules::tester::{case, tf, CaseText, Tester, API};

    const EXAMPLE: &str = RULE.docs.example.text;
    const HOST: &str = "abc123defg.execute-api.eu-west-1.amazonaws.com";
    const PATH: &str = "            OriginPath: /prod\n";

    #[test]
    fn cases() {
        let url_attribute = "Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: orders
      ProtocolType: HTTP
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: orders-api
            DomainName: ‸!GetAtt Api.ApiEndpoint
            CustomOriginConfig: {OriginProtocolPolicy: https-only}
        DefaultCacheBehavior: {TargetOriginId: orders-api}
";
        Tester::new(&RULE)
            .pass([API.to_string(), API.with(HOST, "!ImportValue api-host")])
            .fail([
                case(url_attribute)
                    .message(
                        "origin `orders-api` gets a URL as its DomainName (a URL attribute, or a \
                         template with `https://` or a path); CloudFront needs the bare host name",
                    )
                    .not_rendered("an API beside the distribution"),
                case(
                    "resource \"aws_apigatewayv2_api\" \"api\" {\n  name          = \"orders\"\n  \
                     protocol_type = \"HTTP\"\n}\n\n"
                        .to_string()
                        + &tf("", "", "").with(
                            &format!("\"{HOST}\""),
                            "‸aws_apigatewayv2_api.api.api_endpoint",
                        ),
                )
                .message("origin `api` gets a URL as its domain_name (a URL attribute")
                .not_rendered("an API beside the distribution"),
                // The path cannot go to an origin path that is already set.
                case(API.with(HOST, &format!("‸https://{HOST}/v2"))),
                case(API.with(HOST, "‸'not a host'")),
            ])
            .fix([
                (
                    case(EXAMPLE.mark("https://")).message(
                        "origin `orders-api` has DomainName \
                         `https://abc123defg.execute-api.eu-west-1.amazonaws.com/prod`, which is \
                         not a host name; put the host in DomainName and any path in OriginPath",
                    ),
                    // The path becomes the origin's first key.
                    EXAMPLE.with("https://", "").with("/prod\n", "\n").with(
                        "          - Id: orders-api\n",
                        "          - OriginPath: /prod\n            Id: orders-api\n",
                    ),
                ),
                (
                    case(
                        tf("", "", "")
                            .with(&format!("\"{HOST}\""), &format!("‸\"https://{HOST}/prod\"")),
                    )
                    .message(
                        "origin `api` has domain_name \
                             `https://abc123defg.execute-api.eu-west-1.amazonaws.com/prod`, \
                             which is not a host name; put the host in domain_name and any path \
                             in origin_path",
                    ),
                    tf("", "", "").with(
                        "    origin_id   = \"api\"\n",
                        "    origin_path = \"/prod\"\n    origin_id   = \"api\"\n",
                    ),
                ),
                (
                    case(API.with(HOST, &format!("‸{HOST}:443")).with(PATH, "")),
                    API.with(PATH, ""),
                ),
                (
                    case(
                        API.with(HOST, &format!("‸https://{HOST}/prod/"))
                            .with(PATH, "            OriginPath: ''\n"),
                    ),
                    API.with(PATH, "            OriginPath: '/prod'\n"),
                ),
            ])
            .test();
    }
}
