//! "Did you mean …?" for mistyped names.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(input, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_only() {
        let names = ["apigw-host-header-forwarded", "apigw-host-in-cache-key"];
        assert_eq!(
            closest("apigw-host-header-forward", names),
            Some("apigw-host-header-forwarded")
        );
        assert_eq!(closest("zzz", names), None);
    }
}
