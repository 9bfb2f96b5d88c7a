//! Ready-made form states for common setups.

use super::{
    ApiKind, AuthMode, CacheMode, Domain, FormState, ReferenceMode, RoutingMode, SecretSource,
};
use serde::Serialize;
use std::sync::OnceLock;

/// A named starting point for the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preset {
    /// Stable slug (`rest-custom-domain`), used in share links and the CLI.
    pub name: &'static str,
    pub title: &'static str,
    /// One line on what it sets up.
    pub description: &'static str,
    pub state: FormState,
}

/// Every preset, in display order.
pub fn presets() -> &'static [Preset] {
    static PRESETS: OnceLock<Vec<Preset>> = OnceLock::new();
    PRESETS.get_or_init(build)
}

/// The preset named `name`.
pub fn preset(name: &str) -> Option<&'static Preset> {
    presets().iter().find(|p| p.name == name)
}

fn custom_domain(alias: &str) -> Domain {
    Domain {
        aliases: vec![alias.into()],
        certificate_arn:
            "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789"
                .into(),
        hosted_zone_id: "Z0123456789ABCDEFGHIJ".into(),
        ..Domain::default()
    }
}

fn build() -> Vec<Preset> {
    let base = FormState::default();

    let mut rest = base.clone();
    rest.name = "orders-api".into();
    rest.domain = custom_domain("api.example.com");
    rest.auth.mode = AuthMode::Authorizer;
    rest.protection.secret_header = true;

    let mut http = base.clone();
    http.name = "http-api".into();
    http.api.kind = ApiKind::HttpApi;
    http.api.api_id = "h7tp4p1x9z".into();
    http.api.stage = "$default".into();
    http.auth.mode = AuthMode::Authorizer;

    let mut site = base.clone();
    site.name = "site-and-api".into();
    site.routing.mode = RoutingMode::SiteWithApi;
    site.routing.bucket_name = "example-site-assets".into();
    site.routing.bucket_region = "eu-west-1".into();
    site.routing.strip_prefix = true;
    site.domain = custom_domain("www.example.com");

    let mut lambda = base.clone();
    lambda.name = "lambda-url".into();
    lambda.api.kind = ApiKind::LambdaUrl;
    lambda.api.api_id = "abcdefghijklmnopqrstuvwxyz012345".into();
    lambda.api.function_name = "orders-handler".into();
    lambda.api.stage = String::new();
    lambda.auth.mode = AuthMode::LambdaUrlOac;

    let mut cached = base.clone();
    cached.name = "public-catalog".into();
    cached.api.reference = ReferenceMode::Literal;
    cached.caching.mode = CacheMode::CacheGet;
    cached.caching.paths = vec!["/products/*".into(), "/categories/*".into()];
    cached.caching.default_ttl = 300;
    cached.caching.max_ttl = 3600;
    cached.protection.secret_header = true;
    cached.protection.secret_source = SecretSource::Parameter;

    vec![
        Preset {
            name: "rest-custom-domain",
            title: "REST API on a custom domain",
            description: "Regional REST API behind api.example.com with an authorizer, \
                          a secret origin header and Route 53 records.",
            state: rest,
        },
        Preset {
            name: "http-api",
            title: "HTTP API",
            description: "HTTP API on its $default stage (no origin path), JWT authorizer, \
                          caching off.",
            state: http,
        },
        Preset {
            name: "s3-site-api",
            title: "S3 site + API on one domain",
            description: "Private S3 bucket with origin access control as the site, the API \
                          under /api/* with the prefix stripped by a CloudFront Function.",
            state: site,
        },
        Preset {
            name: "lambda-url-oac",
            title: "Lambda function URL with OAC",
            description: "Function URL signed by an origin access control, so it cannot be \
                          called around CloudFront.",
            state: lambda,
        },
        Preset {
            name: "cached-public-get",
            title: "Cached public GET routes",
            description: "Caching off for the API except GET on /products/* and /categories/*, \
                          cached with query strings in the key.",
            state: cached,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{validate, Level};

    #[test]
    fn presets_are_named_and_valid() {
        assert!(presets().len() >= 5);
        for p in presets() {
            assert!(!p.title.is_empty() && !p.description.contains('\n'));
            let errors: Vec<_> = validate(&p.state)
                .into_iter()
                .filter(|e| e.level == Level::Error)
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", p.name);
        }
        assert_eq!(
            preset("http-api").map(|p| p.state.api.stage.as_str()),
            Some("$default")
        );
        assert!(preset("nope").is_none());
    }
}
