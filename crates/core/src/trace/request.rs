//! The viewer request to trace: method, URL, headers and cookies.

use serde::Serialize;

/// `http` or `https`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    Http,
    Https,
}

impl Scheme {
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Http => "http",
            Scheme::Https => "https",
        }
    }
}

/// A viewer request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    /// Upper case: `GET`, `POST`, …
    pub method: String,
    pub scheme: Scheme,
    /// Lower case, without port or trailing dot.
    pub host: String,
    /// Starts with `/`; as sent (not decoded).
    pub path: String,
    /// The query string without `?`, when there is one.
    pub query: Option<String>,
    /// Request headers as given (`Host` comes from the URL), in order.
    pub headers: Vec<(String, String)>,
    /// Cookies (`name`, `value`), sent in one `Cookie` header.
    pub cookies: Vec<(String, String)>,
}

/// Why a request could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestError {
    pub message: String,
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RequestError {}

fn error<T>(message: impl Into<String>) -> Result<T, RequestError> {
    Err(RequestError {
        message: message.into(),
    })
}

impl Request {
    /// Reads `METHOD URL`, for example `POST https://www.example.com/api/orders?x=1`.
    pub fn parse(line: &str) -> Result<Self, RequestError> {
        let mut parts = line.split_whitespace();
        let (Some(method), Some(url), None) = (parts.next(), parts.next(), parts.next()) else {
            return error(format!(
                "`{line}` is not a request; write the method and the URL, like `GET https://www.example.com/api/orders`"
            ));
        };
        if !method.bytes().all(|b| b.is_ascii_alphabetic()) {
            return error(format!("`{method}` is not an HTTP method"));
        }
        let (scheme, rest) = if let Some(rest) = strip_prefix_ignore_case(url, "https://") {
            (Scheme::Https, rest)
        } else if let Some(rest) = strip_prefix_ignore_case(url, "http://") {
            (Scheme::Http, rest)
        } else {
            return error(format!("`{url}` is not an http:// or https:// URL"));
        };
        let rest = rest.split('#').next().unwrap_or_default();
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, target) = rest.split_at(authority_end);
        if authority.contains('@') {
            return error(format!(
                "`{url}` carries user information; give the host only"
            ));
        }
        let host = match authority.rsplit_once(':') {
            Some((host, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => {
                host
            }
            _ => authority,
        };
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let valid_host = !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
        if !valid_host {
            return error(format!("`{url}` has no valid host name"));
        }
        let (path, query) = match target.split_once('?') {
            Some((path, query)) => (path, Some(query.to_string())),
            None => (target, None),
        };
        Ok(Self {
            method: method.to_ascii_uppercase(),
            scheme,
            host,
            path: if path.is_empty() {
                "/".into()
            } else {
                path.into()
            },
            query,
            headers: Vec::new(),
            cookies: Vec::new(),
        })
    }

    /// Adds a header written `Name: value`. `Host` is refused: it comes from the URL.
    pub fn add_header(&mut self, line: &str) -> Result<(), RequestError> {
        let Some((name, value)) = line.split_once(':') else {
            return error(format!("`{line}` is not a header; write `Name: value`"));
        };
        let name = name.trim();
        let valid = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !valid {
            return error(format!("`{name}` is not a header name"));
        }
        if name.eq_ignore_ascii_case("host") {
            return error("give the host in the URL, not as a `Host` header");
        }
        if name.eq_ignore_ascii_case("cookie") {
            for pair in value.split(';').filter(|p| !p.trim().is_empty()) {
                self.add_cookie(pair)?;
            }
            return Ok(());
        }
        self.headers
            .push((name.to_string(), value.trim().to_string()));
        Ok(())
    }

    /// Adds a cookie written `name=value`.
    pub fn add_cookie(&mut self, pair: &str) -> Result<(), RequestError> {
        let Some((name, value)) = pair.split_once('=') else {
            return error(format!("`{pair}` is not a cookie; write `name=value`"));
        };
        let name = name.trim();
        if name.is_empty() {
            return error(format!("`{pair}` has no cookie name"));
        }
        self.cookies
            .push((name.to_string(), value.trim().to_string()));
        Ok(())
    }

    /// The value of a header (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The URL as requested.
    pub fn url(&self) -> String {
        let query = self
            .query
            .as_deref()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        format!(
            "{}://{}{}{query}",
            self.scheme.as_str(),
            self.host,
            self.path
        )
    }
}

fn strip_prefix_ignore_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_method_url_query_and_port() {
        let r = Request::parse("post HTTPS://WWW.Example.com.:8443/api/orders?id=1#frag").unwrap();
        assert_eq!(r.method, "POST");
        assert_eq!(r.scheme, Scheme::Https);
        assert_eq!(r.host, "www.example.com");
        assert_eq!(r.path, "/api/orders");
        assert_eq!(r.query.as_deref(), Some("id=1"));
        assert_eq!(r.url(), "https://www.example.com/api/orders?id=1");
        let r = Request::parse("GET http://d111111abcdef8.cloudfront.net").unwrap();
        assert_eq!((r.path.as_str(), r.query), ("/", None));
    }

    #[test]
    fn refuses_what_is_not_a_request() {
        for bad in [
            "GET",
            "GET /api/orders",
            "GET ftp://example.com/",
            "GET https:///path",
            "G-T https://example.com/",
            "GET https://user@example.com/",
            "GET https://exa mple.com/ extra",
        ] {
            assert!(Request::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn headers_and_cookies() {
        let mut r = Request::parse("GET https://example.com/").unwrap();
        r.add_header("Authorization: Bearer abc").unwrap();
        r.add_header("Cookie: a=1; b=2").unwrap();
        r.add_cookie("c=3").unwrap();
        assert_eq!(r.header("authorization"), Some("Bearer abc"));
        assert_eq!(r.cookies.len(), 3);
        assert!(r.add_header("Host: other.example.com").is_err());
        assert!(r.add_header("no colon").is_err());
        assert!(r.add_header("bad name: x").is_err());
        assert!(r.add_cookie("novalue").is_err());
    }
}
