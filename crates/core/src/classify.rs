//! Origin classification by host name (rule catalogue §0.2).

use crate::model::OriginKind;

/// Classifies an origin host name.
///
/// `custom_domains` are API Gateway custom domain names defined in the same input: a host equal
/// to one of them is an [`OriginKind::ApiGatewayCustomDomain`]. Matching ignores ASCII case and a
/// trailing dot. Hosts built from a template (`${Api}.execute-api.${AWS::Region}.amazonaws.com`)
/// classify by their shape: pass the unresolved parts as placeholders such as `{Api}`.
pub fn classify_host(host: &str, custom_domains: &[&str]) -> OriginKind {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    if custom_domains
        .iter()
        .any(|d| d.trim_end_matches('.').eq_ignore_ascii_case(&host))
    {
        return OriginKind::ApiGatewayCustomDomain;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let known = |s: &str| (!s.contains('{') && !s.is_empty()).then(|| s.to_string());
    let ends_with_amazonaws =
        host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn");
    if let Some(pos) = labels.iter().position(|l| *l == "execute-api") {
        if ends_with_amazonaws && pos >= 1 {
            let first = labels[0];
            let region = labels.get(pos + 1).and_then(|r| known(r));
            if labels.contains(&"vpce") || first.starts_with("vpce-") {
                return OriginKind::ApiGatewayPrivateVpce;
            }
            if pos == 1 {
                if first.starts_with("d-") {
                    return OriginKind::ApiGatewayRegionalDomainTarget;
                }
                // `{api-id}-{vpce-id}` is the Route 53 alias form of a private API.
                if first.contains("-vpce-") {
                    return OriginKind::ApiGatewayPrivateVpce;
                }
                return OriginKind::ApiGatewayDefault {
                    api_id: known(first),
                    region,
                };
            }
        }
    }
    if n >= 4 && labels[n - 2] == "on" && labels[n - 1] == "aws" && labels.contains(&"lambda-url") {
        let pos = labels.iter().position(|l| *l == "lambda-url").unwrap_or(0);
        return OriginKind::LambdaUrl {
            region: labels.get(pos + 1).and_then(|r| known(r)),
        };
    }
    if host.ends_with(".cloudfront.net") {
        return OriginKind::CloudFront;
    }
    if ends_with_amazonaws && labels.iter().any(|l| l.starts_with("s3-website")) {
        return OriginKind::S3Website;
    }
    if ends_with_amazonaws
        && labels
            .iter()
            .any(|l| *l == "s3" || l.starts_with("s3-") || l.starts_with("s3."))
    {
        return OriginKind::S3;
    }
    OriginKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_api_hosts() {
        assert_eq!(
            classify_host("abc123defg.execute-api.eu-west-1.amazonaws.com", &[]),
            OriginKind::ApiGatewayDefault {
                api_id: Some("abc123defg".into()),
                region: Some("eu-west-1".into())
            }
        );
        assert_eq!(
            classify_host("{Api}.execute-api.{AWS::Region}.amazonaws.com", &[]),
            OriginKind::ApiGatewayDefault {
                api_id: None,
                region: None
            }
        );
        assert_eq!(
            classify_host("d-abc123.execute-api.us-east-1.amazonaws.com", &[]),
            OriginKind::ApiGatewayRegionalDomainTarget
        );
        assert_eq!(
            classify_host(
                "vpce-0123-abcd.execute-api.us-east-1.vpce.amazonaws.com",
                &[]
            ),
            OriginKind::ApiGatewayPrivateVpce
        );
        assert_eq!(
            classify_host("xyz.lambda-url.us-east-2.on.aws", &[]),
            OriginKind::LambdaUrl {
                region: Some("us-east-2".into())
            }
        );
        assert_eq!(
            classify_host("API.example.com.", &["api.example.com"]),
            OriginKind::ApiGatewayCustomDomain
        );
    }

    #[test]
    fn classifies_other_hosts() {
        assert_eq!(
            classify_host("d111111abcdef8.cloudfront.net", &[]),
            OriginKind::CloudFront
        );
        assert_eq!(
            classify_host("site.s3.us-east-1.amazonaws.com", &[]),
            OriginKind::S3
        );
        assert_eq!(classify_host("site.s3.amazonaws.com", &[]), OriginKind::S3);
        // The legacy regional form (`s3-<region>`).
        assert_eq!(
            classify_host("site.s3-us-west-2.amazonaws.com", &[]),
            OriginKind::S3
        );
        assert_eq!(
            classify_host("site.s3-website-us-east-1.amazonaws.com", &[]),
            OriginKind::S3Website
        );
        assert_eq!(classify_host("example.com", &[]), OriginKind::Other);
        // Another AWS service is not S3; an `s3` label is S3 only in AWS's own domain.
        assert_eq!(
            classify_host("my-lb-1234.us-east-1.elb.amazonaws.com", &[]),
            OriginKind::Other
        );
        assert_eq!(
            classify_host("files.s3.example.com", &[]),
            OriginKind::Other
        );
    }

    /// Only AWS's own names are API Gateway endpoints: an `execute-api` label in someone else's
    /// domain is just a name.
    #[test]
    fn execute_api_outside_amazonaws_is_another_host() {
        assert_eq!(
            classify_host("abc123defg.execute-api.example.com", &[]),
            OriginKind::Other
        );
    }

    /// A function URL ends in `.on.aws` and has a `lambda-url` label; either alone is not one
    /// (`.on.ca` is Ontario's domain).
    #[test]
    fn a_lambda_url_needs_both_its_label_and_on_aws() {
        assert_eq!(classify_host("shop.example.on.ca", &[]), OriginKind::Other);
        assert_eq!(
            classify_host("xyz.lambda-url.us-east-2.example.com", &[]),
            OriginKind::Other
        );
    }

    /// A VPC endpoint id as the first label marks a private API's endpoint even without the
    /// `vpce` label of the endpoint's own DNS names.
    #[test]
    fn a_vpc_endpoint_id_marks_a_private_api() {
        assert_eq!(
            classify_host("vpce-0123-abcd.execute-api.us-east-1.amazonaws.com", &[]),
            OriginKind::ApiGatewayPrivateVpce
        );
    }
}
