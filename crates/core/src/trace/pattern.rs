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

/// Wildcard matching, on bytes when both strings are ASCII (the usual case: no allocation) and
/// on characters otherwise.
fn glob(pattern: &str, text: &str, ignore_case: bool) -> bool {
    if pattern.is_ascii() && text.is_ascii() {
        let same = |a: u8, b: u8| a == b || (ignore_case && a.eq_ignore_ascii_case(&b));
        return wildcard(pattern.as_bytes(), text.as_bytes(), b'*', b'?', same);
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let same = |a: char, b: char| a == b || (ignore_case && a.to_lowercase().eq(b.to_lowercase()));
    wildcard(&p, &t, '*', '?', same)
}

/// Wildcard matching in linear space: on a mismatch after a `*`, the star takes one more
/// character and matching resumes.
fn wildcard<T: Copy + PartialEq>(
    p: &[T],
    t: &[T],
    any_run: T,
    any_one: T,
    same: impl Fn(T, T) -> bool,
) -> bool {
    let (mut pi, mut ti) = (0, 0);
    // The last `*` seen and the text position it was tried from.
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some(&c) if c == any_run => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == any_one || t.get(ti).is_some_and(|&x| same(c, x)) => {
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
    p[pi..].iter().all(|&c| c == any_run)
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
        // `?` is one character, not one byte; case folds beyond ASCII when asked.
        assert!(matches("/caf?/menu", "/café/menu"));
        assert!(!matches("/caf??/menu", "/café/menu"));
        assert!(!matches("/CAFÉ/*", "/café/menu"));
        assert!(matches_ignoring_case("/CAFÉ/*", "/café/menu"));
        assert!(!matches_ignoring_case("/CAFÉ/*", "/cafe/menu"));
    }
}
