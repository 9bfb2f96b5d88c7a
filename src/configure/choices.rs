//! The form's choices, derived from the state's enums: every variant once, with its label (the
//! `label` match is exhaustive, so a new variant cannot be forgotten there). Selects use the
//! variant's position as the option value, so no serde name is repeated by hand.

use apifront_core::state::{
    ApiKind, AuthMode, AuthorizerKind, CacheMode, CorsMode, ReferenceMode, RoutingMode,
    SecretSource,
};

/// An enum the form offers in a select.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every variant, in menu order.
    const ALL: &'static [Self];
    /// What the menu shows.
    fn label(self) -> &'static str;
}

impl Choice for ApiKind {
    const ALL: &'static [Self] = &[
        ApiKind::RestRegional,
        ApiKind::RestEdge,
        ApiKind::RestPrivate,
        ApiKind::HttpApi,
        ApiKind::LambdaUrl,
        ApiKind::CustomDomain,
    ];
    fn label(self) -> &'static str {
        match self {
            ApiKind::RestRegional => "REST API (regional)",
            ApiKind::RestEdge => "REST API (edge-optimized)",
            ApiKind::RestPrivate => "REST API (private)",
            ApiKind::HttpApi => "HTTP API",
            ApiKind::LambdaUrl => "Lambda function URL",
            ApiKind::CustomDomain => "API Gateway custom domain",
        }
    }
}

impl Choice for ReferenceMode {
    const ALL: &'static [Self] = &[ReferenceMode::Literal, ReferenceMode::DefinedInStack];
    fn label(self) -> &'static str {
        match self {
            ReferenceMode::Literal => "Literal id, region and stage",
            ReferenceMode::DefinedInStack => "Defined in the same stack",
        }
    }
}

impl Choice for RoutingMode {
    const ALL: &'static [Self] = &[RoutingMode::WholeDistribution, RoutingMode::SiteWithApi];
    fn label(self) -> &'static str {
        match self {
            RoutingMode::WholeDistribution => "The API serves every path",
            RoutingMode::SiteWithApi => "S3 site as default, API under path patterns",
        }
    }
}

impl Choice for AuthMode {
    const ALL: &'static [Self] = &[
        AuthMode::None,
        AuthMode::Authorizer,
        AuthMode::ApiKey,
        AuthMode::Iam,
        AuthMode::LambdaUrlOac,
    ];
    fn label(self) -> &'static str {
        match self {
            AuthMode::None => "None",
            AuthMode::Authorizer => "Authorizer via Authorization (JWT / Cognito / Lambda)",
            AuthMode::ApiKey => "API key (x-api-key)",
            AuthMode::Iam => "IAM (SigV4): not possible behind CloudFront",
            AuthMode::LambdaUrlOac => "Lambda URL with origin access control",
        }
    }
}

impl Choice for AuthorizerKind {
    const ALL: &'static [Self] = &[
        AuthorizerKind::Jwt,
        AuthorizerKind::Cognito,
        AuthorizerKind::Lambda,
    ];
    fn label(self) -> &'static str {
        match self {
            AuthorizerKind::Jwt => "JWT",
            AuthorizerKind::Cognito => "Cognito user pool",
            AuthorizerKind::Lambda => "Lambda authorizer",
        }
    }
}

impl Choice for CacheMode {
    const ALL: &'static [Self] = &[CacheMode::Off, CacheMode::CacheGet];
    fn label(self) -> &'static str {
        match self {
            CacheMode::Off => "Off (CachingDisabled + AllViewerExceptHostHeader)",
            CacheMode::CacheGet => "Cache GET responses of chosen paths",
        }
    }
}

impl Choice for CorsMode {
    const ALL: &'static [Self] = &[CorsMode::ByApi, CorsMode::ByCloudFront];
    fn label(self) -> &'static str {
        match self {
            CorsMode::ByApi => "Answered by the API (forward Origin and preflight headers)",
            CorsMode::ByCloudFront => "Added by a CloudFront response headers policy",
        }
    }
}

impl Choice for SecretSource {
    const ALL: &'static [Self] = &[SecretSource::SecretsManager, SecretSource::Parameter];
    fn label(self) -> &'static str {
        match self {
            SecretSource::SecretsManager => "Secrets Manager",
            SecretSource::Parameter => "NoEcho parameter / sensitive variable",
        }
    }
}

/// The option value of a variant (its position in [`Choice::ALL`]).
pub fn value_of<T: Choice>(v: T) -> String {
    T::ALL
        .iter()
        .position(|x| *x == v)
        .unwrap_or_default()
        .to_string()
}

/// The variant of an option value.
pub fn from_value<T: Choice>(value: &str) -> Option<T> {
    value
        .parse::<usize>()
        .ok()
        .and_then(|i| T::ALL.get(i))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distinct<T: Choice + std::fmt::Debug>() {
        for (i, a) in T::ALL.iter().enumerate() {
            assert_eq!(from_value::<T>(&value_of(*a)), Some(*a));
            for b in &T::ALL[i + 1..] {
                assert_ne!(a, b);
                assert_ne!(a.label(), b.label());
            }
        }
    }

    #[test]
    fn every_choice_round_trips() {
        distinct::<ApiKind>();
        distinct::<ReferenceMode>();
        distinct::<RoutingMode>();
        distinct::<AuthMode>();
        distinct::<AuthorizerKind>();
        distinct::<CacheMode>();
        distinct::<CorsMode>();
        distinct::<SecretSource>();
        assert_eq!(from_value::<ApiKind>("99"), None);
    }
}
