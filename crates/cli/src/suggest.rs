//! "Did you mean …?" for mistyped names.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| {
            // A slug typed without its prefix (`host-header-forwarded`) is a likely typo too.
            let part = input.len() >= 4 && c.contains(input);
            let score = strsim::jaro_winkler(input, c);
            (if part { score.max(0.9) } else { score }, c)
        })
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
        assert_eq!(
            closest("host-in-cache-key", names),
            Some("apigw-host-in-cache-key")
        );
        assert_eq!(closest("zzz", names), None);
    }
}
