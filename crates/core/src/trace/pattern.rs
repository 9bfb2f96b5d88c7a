//! CloudFront path pattern matching.
//!
//! A pattern is compared with the request path (never the query string): `*` matches any run of
//! characters, `/` included, `?` exactly one character, everything else itself, case-sensitively;
//! a leading `/` on the pattern makes no difference. Source: CloudFront Developer Guide, "Cache
//! behavior settings" → Path pattern
//! (<https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern>),
//! and the `CacheBehavior.PathPattern` API reference.

/// True when `path` (starting with `/`) matches the path pattern `pattern`.
pub fn matches(pattern: &str, path: &str) -> bool {
    glob(
        pattern.trim_start_matches('/'),
        path.trim_start_matches('/'),
        false,
    )
}

/// True when `path` would match `pattern` if case were ignored (for explaining a miss).
pub fn matches_ignoring_case(pattern: &str, path: &str) -> bool {
    glob(
        pattern.trim_start_matches('/'),
        path.trim_start_matches('/'),
        true,
    )
}

/// Wildcard matching in linear space: on a mismatch after a `*`, the star takes one more
/// character and matching resumes.
fn glob(pattern: &str, text: &str, ignore_case: bool) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let same = |a: char, b: char| {
        if ignore_case {
            a.to_lowercase().eq(b.to_lowercase())
        } else {
            a == b
        }
    };
    let (mut pi, mut ti) = (0, 0);
    // The last `*` seen and the text position it was tried from.
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == '?' || t.get(ti).is_some_and(|&x| same(c, x)) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_and_leading_slash() {
        assert!(matches("/api/*", "/api/users"));
        assert!(matches("api/*", "/api/users/42"));
        assert!(matches("/api/*", "/api/"));
        assert!(!matches("/api/*", "/api"));
        assert!(!matches("/api/*", "/apiv2/x"));
        assert!(matches("*", "/"));
        assert!(matches("*", "/anything/at/all"));
        assert!(matches("*.jpg", "/images/a/b.jpg"));
        assert!(matches("/images/*.jpg", "/images/a/b.jpg"));
        assert!(!matches("/images/*.jpg", "/images/b.jpeg"));
        assert!(matches("/v?/orders", "/v1/orders"));
        assert!(!matches("/v?/orders", "/v10/orders"));
        assert!(matches("/a*b*c", "/axxbyyc"));
        assert!(!matches("/a*b*c", "/axxbyy"));
        assert!(matches("/exact", "/exact"));
        assert!(!matches("/exact", "/exact/more"));
    }

    #[test]
    fn case_sensitive() {
        assert!(!matches("/API/*", "/api/users"));
        assert!(matches_ignoring_case("/API/*", "/api/users"));
        assert!(matches("/é/*", "/é/x"));
    }
}
