//! Hash routing: `#/check`, `#/rules`, `#/rules/<slug>`. The fragment never reaches a server.

/// Which view the page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Check,
    Rules,
    Rule(String),
}

impl Route {
    /// Parses a location hash (with or without the leading `#`).
    pub fn parse(hash: &str) -> Self {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            Some(("rules", slug)) if !slug.is_empty() => Route::Rule(slug.to_string()),
            _ if path == "rules" => Route::Rules,
            _ => Route::Check,
        }
    }

    /// The hash that shows this route.
    pub fn hash(&self) -> String {
        match self {
            Route::Check => "#/check".to_string(),
            Route::Rules => "#/rules".to_string(),
            Route::Rule(slug) => format!("#/rules/{slug}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_routes() {
        assert_eq!(Route::parse(""), Route::Check);
        assert_eq!(Route::parse("#/rules"), Route::Rules);
        assert_eq!(
            Route::parse("#/rules/target-origin-unknown"),
            Route::Rule("target-origin-unknown".into())
        );
        for r in [Route::Check, Route::Rules, Route::Rule("x".into())] {
            assert_eq!(Route::parse(&r.hash()), r);
        }
    }
}
