//! Hash routing: `#/configure`, `#/check`, `#/rules`, `#/rules/<slug>`, and share links
//! (`#v1.…`). The fragment never reaches a server.

/// Which view the page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Configure,
    Check,
    Rules,
    Rule(String),
    /// A share link's fragment, to decode into the form.
    Shared(String),
}

impl Route {
    /// Parses a location hash (with or without the leading `#`).
    pub fn parse(hash: &str) -> Self {
        let fragment = hash.trim_start_matches('#');
        if is_share_fragment(fragment) {
            return Route::Shared(fragment.to_string());
        }
        let path = fragment.trim_start_matches('/');
        match path.split_once('/') {
            Some(("rules", slug)) if !slug.is_empty() => Route::Rule(slug.to_string()),
            _ if path == "rules" => Route::Rules,
            _ if path == "check" => Route::Check,
            _ => Route::Configure,
        }
    }

    /// The view (header tab) of this route: a rule's page belongs to Rules.
    pub fn view(&self) -> Route {
        match self {
            Route::Rule(_) => Route::Rules,
            Route::Shared(_) => Route::Configure,
            r => r.clone(),
        }
    }

    /// The hash that shows this route.
    pub fn hash(&self) -> String {
        match self {
            Route::Configure => "#/configure".to_string(),
            Route::Check => "#/check".to_string(),
            Route::Rules => "#/rules".to_string(),
            Route::Rule(slug) => format!("#/rules/{slug}"),
            Route::Shared(fragment) => format!("#{fragment}"),
        }
    }
}

/// `v<digits>.` starts every share fragment.
fn is_share_fragment(fragment: &str) -> bool {
    fragment
        .strip_prefix('v')
        .and_then(|rest| rest.split_once('.'))
        .is_some_and(|(version, _)| {
            !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_routes() {
        assert_eq!(Route::parse(""), Route::Configure);
        assert_eq!(Route::parse("#/check"), Route::Check);
        assert_eq!(Route::parse("#/rules"), Route::Rules);
        assert_eq!(
            Route::parse("#/rules/target-origin-unknown"),
            Route::Rule("target-origin-unknown".into())
        );
        assert_eq!(Route::parse("#v1.zAbC"), Route::Shared("v1.zAbC".into()));
        assert_eq!(Route::parse("#vx.abc"), Route::Configure);
        for r in [
            Route::Configure,
            Route::Check,
            Route::Rules,
            Route::Rule("x".into()),
            Route::Shared("v1.jx".into()),
        ] {
            assert_eq!(Route::parse(&r.hash()), r);
        }
    }
}
