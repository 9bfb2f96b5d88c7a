//! Defaults that follow the form's choices. Switching the API type, the routing or the
//! authentication replaces the values the user did not type (empty ones, or another choice's
//! placeholder) with ones valid for the new choice, so the output never waits for a value the
//! user was not asked for. Typed values are kept.

use apifront_core::state::{ApiKind, AuthMode, FormState, RoutingMode};

/// The example API id of the REST and HTTP kinds (10 characters).
const API_ID: &str = "abc123defg";
/// The example function URL id (32 characters).
const FUNCTION_URL_ID: &str = "abcdefghijklmnopqrstuvwxyz012345";
const CUSTOM_DOMAIN: &str = "api.example.com";
const BUCKET: &str = "example-site-assets";
const FUNCTION: &str = "my-function";

/// The example id of a kind.
fn example_id(kind: ApiKind) -> &'static str {
    if kind == ApiKind::LambdaUrl {
        FUNCTION_URL_ID
    } else {
        API_ID
    }
}

/// The stage a kind starts with (`None`: the kind has no stage).
fn default_stage(kind: ApiKind) -> Option<&'static str> {
    match kind {
        ApiKind::HttpApi => Some("$default"),
        ApiKind::RestRegional | ApiKind::RestEdge | ApiKind::RestPrivate => Some("prod"),
        ApiKind::LambdaUrl | ApiKind::CustomDomain => None,
    }
}

/// What the field placeholder (the grey example text) shows for the id of a kind.
pub fn id_placeholder(kind: ApiKind) -> &'static str {
    example_id(kind)
}

/// The form with another API type.
pub fn with_api_kind(form: &FormState, kind: ApiKind) -> FormState {
    let mut next = form.clone();
    let api = &mut next.api;
    api.kind = kind;
    // An empty id, the old kind's example, or one of the wrong length for the new kind (a
    // function URL id is 32 characters, an API id 10) cannot be the new kind's id.
    let fits = api.api_id.len() == example_id(kind).len();
    if api.api_id.is_empty() || api.api_id == example_id(form.api.kind) || !fits {
        api.api_id = example_id(kind).into();
    }
    if let Some(stage) = default_stage(kind) {
        if ["", "prod", "$default"].contains(&api.stage.as_str()) {
            api.stage = stage.into();
        }
    }
    if kind == ApiKind::CustomDomain && api.custom_domain.is_empty() {
        api.custom_domain = CUSTOM_DOMAIN.into();
    }
    if kind != ApiKind::LambdaUrl && next.auth.mode == AuthMode::LambdaUrlOac {
        next.auth.mode = AuthMode::None;
    }
    next
}

/// The form with another routing.
pub fn with_routing_mode(form: &FormState, mode: RoutingMode) -> FormState {
    let mut next = form.clone();
    next.routing.mode = mode;
    if mode == RoutingMode::SiteWithApi && next.routing.bucket_name.is_empty() {
        next.routing.bucket_name = BUCKET.into();
    }
    next
}

/// The form with another authentication.
pub fn with_auth_mode(form: &FormState, mode: AuthMode) -> FormState {
    let mut next = form.clone();
    next.auth.mode = mode;
    if mode == AuthMode::LambdaUrlOac && next.api.function_name.is_empty() {
        next.api.function_name = FUNCTION.into();
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use apifront_core::render::{render, OutputFormat};
    use apifront_core::state::{validate, Level};

    fn errors(form: &FormState) -> Vec<String> {
        validate(form)
            .into_iter()
            .filter(|e| e.level == Level::Error)
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect()
    }

    #[test]
    fn every_choice_from_the_default_form_renders() {
        let base = FormState::default();
        for kind in [
            ApiKind::RestRegional,
            ApiKind::RestEdge,
            ApiKind::HttpApi,
            ApiKind::LambdaUrl,
            ApiKind::CustomDomain,
        ] {
            let form = with_api_kind(&base, kind);
            assert_eq!(errors(&form), Vec::<String>::new(), "{kind:?}");
            for auth in [AuthMode::None, AuthMode::Authorizer, AuthMode::ApiKey] {
                assert!(
                    errors(&with_auth_mode(&form, auth)).is_empty(),
                    "{kind:?} {auth:?}"
                );
            }
            let site = with_routing_mode(&form, RoutingMode::SiteWithApi);
            assert!(
                errors(&site).is_empty(),
                "{kind:?} site: {:?}",
                errors(&site)
            );
            assert!(render(&site, OutputFormat::CfnYaml).is_ok());
        }
        let lambda = with_auth_mode(
            &with_api_kind(&base, ApiKind::LambdaUrl),
            AuthMode::LambdaUrlOac,
        );
        assert!(errors(&lambda).is_empty(), "{:?}", errors(&lambda));
    }

    #[test]
    fn typed_values_are_kept_and_placeholders_follow() {
        let mut form = FormState::default();
        form.api.api_id = "zz99yy88xx".into();
        form.api.stage = "v2".into();
        let http = with_api_kind(&form, ApiKind::HttpApi);
        assert_eq!(http.api.api_id, "zz99yy88xx");
        assert_eq!(http.api.stage, "v2");
        let base = with_api_kind(&FormState::default(), ApiKind::HttpApi);
        assert_eq!(base.api.stage, "$default");
        let lambda = with_api_kind(&base, ApiKind::LambdaUrl);
        assert_eq!(lambda.api.api_id.len(), 32);
        let back = with_api_kind(&lambda, ApiKind::RestRegional);
        assert_eq!(back.api.api_id, API_ID);
        // A preset's API id does not fit a function URL: it gives way to the example.
        let preset = &apifront_core::state::preset("http-api")
            .expect("preset")
            .state;
        assert_eq!(
            with_api_kind(preset, ApiKind::LambdaUrl).api.api_id.len(),
            32
        );
        assert_eq!(back.api.stage, "prod");
    }
}
