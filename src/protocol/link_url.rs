//! The URL rule: which Link URLs this SDK loads, and the exact origin that
//! inbound messages must come from.

use alloc::{string::String, vec::Vec};

use super::error::Rejection;

/// A Link UI URL that passed the rule of [`LinkUrl::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkUrl {
    href: String,
    origin: String,
}

const LOOPBACK_HOSTS: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

impl LinkUrl {
    /// Accepts `https:` URLs, and `http:` ones for loopback hosts only.
    ///
    /// The grammar is deliberately narrower than WHATWG URL: printable ASCII
    /// without quotes, angle brackets, backslashes or backticks; no
    /// `user:pass@`; a host of letters, digits, `-` and `.` (or `[::1]`).
    /// Everything it accepts has one obvious origin, and it is the one the
    /// browser's own `URL` parser gives: `tests/js/engines/cases.mjs` checks
    /// every URL of the corpus the core accepts in Chromium, Firefox and
    /// WebKit.
    pub fn parse(text: &str) -> Result<LinkUrl, Rejection> {
        let text = text.trim_matches(|c: char| c.is_ascii_whitespace());
        if text.is_empty() {
            return Err(Rejection::Empty);
        }
        if text.bytes().any(|b| b <= b' ' || b >= 0x7f || b"\"<>\\`".contains(&b)) {
            return Err(Rejection::Syntax);
        }
        let (scheme, rest) = text.split_once(':').ok_or(Rejection::Syntax)?;
        let scheme = scheme.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "https" => 443,
            "http" => 80,
            _ => return Err(Rejection::Scheme),
        };
        let rest = rest.strip_prefix("//").ok_or(Rejection::Syntax)?;
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at_checked(end).ok_or(Rejection::Syntax)?;
        if authority.contains('@') {
            return Err(Rejection::Userinfo);
        }
        let (host, port) = split_host_port(authority)?;
        let host = host.to_ascii_lowercase();
        if !valid_host(&host) {
            return Err(Rejection::Host);
        }
        if scheme == "http" && !LOOPBACK_HOSTS.contains(&host.as_str()) {
            return Err(Rejection::Host);
        }
        let mut origin = scheme;
        origin.push_str("://");
        origin.push_str(&host);
        match parse_port(port)? {
            Some(port) if port != default_port => {
                origin.push(':');
                push_decimal(&mut origin, u64::from(port));
            }
            _ => {}
        }
        let mut href = origin.clone();
        if !tail.starts_with('/') {
            href.push('/');
        }
        href.push_str(tail);
        Ok(LinkUrl { href, origin })
    }

    /// The whole URL, normalised (lower-case scheme and host, default port
    /// dropped, `/` path when there was none).
    pub fn href(&self) -> &str {
        &self.href
    }

    /// `scheme://host[:port]`, as `MessageEvent.origin` spells it.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The first query parameter called `name`, percent-decoded (`None` if
    /// that is not UTF-8). A `+` stays a `+`: the only parameter read this
    /// way carries base64.
    pub fn query_param(&self, name: &str) -> Option<String> {
        let query = self.href.split('#').next()?.split_once('?')?.1;
        let (_, value) = query
            .split('&')
            .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
            .find(|(key, _)| percent_decode(key).as_deref() == Some(name))?;
        percent_decode(value)
    }

    /// The same URL with `params` appended to the query (encoded like
    /// `encodeURIComponent`), before any `#fragment`.
    pub fn with_params(&self, params: &[(&str, &str)]) -> LinkUrl {
        let (base, fragment) = match self.href.find('#') {
            Some(at) => self.href.split_at_checked(at).unwrap_or((&self.href, "")),
            None => (self.href.as_str(), ""),
        };
        let mut href = String::from(base);
        for (key, value) in params {
            if !href.contains('?') {
                href.push('?');
            } else if !href.ends_with(['?', '&']) {
                href.push('&');
            }
            percent_encode(&mut href, key);
            href.push('=');
            percent_encode(&mut href, value);
        }
        href.push_str(fragment);
        LinkUrl { href, origin: self.origin.clone() }
    }
}

fn split_host_port(authority: &str) -> Result<(&str, Option<&str>), Rejection> {
    if authority.starts_with('[') {
        let close = authority.find(']').ok_or(Rejection::Syntax)?;
        let (host, after) = authority.split_at_checked(close + 1).ok_or(Rejection::Syntax)?;
        return match after {
            "" => Ok((host, None)),
            _ => after.strip_prefix(':').map(|port| (host, Some(port))).ok_or(Rejection::Syntax),
        };
    }
    Ok(match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    })
}

fn valid_host(host: &str) -> bool {
    if host.starts_with('[') {
        // Browsers rewrite IPv6 literals; only the loopback one is spelled
        // one way, so it is the only one we can compare with an origin.
        return host == "[::1]";
    }
    !host.is_empty()
        && !host.starts_with(['.', '-'])
        && !host.as_bytes().windows(2).any(|pair| pair == b"..")
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && !looks_like_short_ipv4(host)
}

/// `127.1` and `0x7f.1` are IPv4 addresses to a browser, rewritten in the
/// origin; a host whose last label is numeric must be a plain dotted quad.
fn looks_like_short_ipv4(host: &str) -> bool {
    let last = host.trim_end_matches('.').rsplit('.').next().unwrap_or(host);
    let numeric = !last.is_empty() && (last.bytes().all(|b| b.is_ascii_digit()) || last.starts_with("0x"));
    if !numeric {
        return false;
    }
    let parts: Vec<&str> = host.split('.').collect();
    let dotted_quad = parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        });
    !dotted_quad
}

fn parse_port(port: Option<&str>) -> Result<Option<u16>, Rejection> {
    match port {
        None | Some("") => Ok(None),
        Some(digits) if digits.len() <= 5 && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.parse::<u16>().map(Some).map_err(|_| Rejection::Port)
        }
        Some(_) => Err(Rejection::Port),
    }
}

/// Appends `value` in decimal, without pulling in `core::fmt`.
pub(crate) fn push_decimal(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        if let Some(slot) = digits.get_mut(len) {
            *slot = b'0' + (value % 10) as u8;
        }
        len += 1;
        value /= 10;
        if value == 0 || len == digits.len() {
            break;
        }
    }
    for digit in digits.iter().take(len).rev() {
        out.push(char::from(*digit));
    }
}

fn percent_encode(out: &mut String, text: &str) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(hex_digit(byte >> 4));
            out.push(hex_digit(byte & 0xf));
        }
    }
}

fn hex_digit(nibble: u8) -> char {
    let nibble = nibble & 0xf;
    char::from(if nibble < 10 { b'0' + nibble } else { b'A' + nibble - 10 })
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let escaped = match (byte, bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&hi), Some(&lo)) => hex_value(hi).zip(hex_value(lo)),
            _ => None,
        };
        match escaped {
            Some((hi, lo)) => {
                out.push(hi << 4 | lo);
                i += 3;
            }
            None => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> (String, String) {
        LinkUrl::parse(text).map(|url| (url.href, url.origin)).unwrap_or_default()
    }

    #[test]
    fn origins_match_what_browsers_report() {
        assert_eq!(ok("https://web.meshconnect.com/b2b-iframe?x=1").1, "https://web.meshconnect.com");
        assert_eq!(ok("HTTPS://Web.Example.COM:443/a").1, "https://web.example.com");
        assert_eq!(ok("https://a.example:8443").0, "https://a.example:8443/");
        assert_eq!(ok("http://localhost:8081?x#y").0, "http://localhost:8081/?x#y");
        assert_eq!(ok("http://127.0.0.1:080/").1, "http://127.0.0.1");
        assert_eq!(ok("http://[::1]:9000/link").1, "http://[::1]:9000");
        assert_eq!(ok("  https://a.example/\n").0, "https://a.example/");
    }

    #[test]
    fn refuses_what_it_cannot_vouch_for() {
        use Rejection::*;
        let cases = [
            ("javascript:alert(1)", Scheme),
            ("data:text/html,<b>x</b>", Syntax),
            ("data:text/html,hi", Scheme),
            ("blob:https://a.example/1", Scheme),
            ("file:///etc/passwd", Scheme),
            ("http://evil.example/", Host),
            ("http://localhost.evil.example/", Host),
            ("https://user:pw@a.example/", Userinfo),
            ("https://a.example:99999/", Port),
            ("https://a.example:-1/", Port),
            ("https://[::2]/", Host),
            ("https://127.1/", Host),
            ("https://0x7f.0.0.1/", Host),
            ("https:/a.example", Syntax),
            ("https://a.example/\"onload=alert(1)", Syntax),
            ("https://a.exa mple/", Syntax),
            ("https://ä.example/", Syntax),
            ("https://", Host),
            ("", Empty),
        ];
        for (text, why) in cases {
            assert_eq!(LinkUrl::parse(text), Err(why), "{text}");
        }
    }

    #[test]
    fn appends_params_before_the_fragment() {
        let url = LinkUrl::parse("https://a.example/p?x=1#top").map(|u| u.with_params(&[("lng", "pt-BR"), ("th", "a b&c=d/é")]));
        assert_eq!(url.map(|u| u.href), Ok("https://a.example/p?x=1&lng=pt-BR&th=a%20b%26c%3Dd%2F%C3%A9#top".into()));
        let url = LinkUrl::parse("https://a.example").map(|u| u.with_params(&[("rt", "embedded")]));
        assert_eq!(url.map(|u| u.href), Ok("https://a.example/?rt=embedded".into()));
        let url = LinkUrl::parse("https://a.example/?").map(|u| u.with_params(&[("rt", "embedded")]));
        assert_eq!(url.map(|u| u.href), Ok("https://a.example/?rt=embedded".into()));
    }

    #[test]
    fn reads_query_params() {
        let url = LinkUrl::parse("https://a.example/?a=1&link_style=eyJ%2Bp%3D&b#link_style=no");
        let url = url.map(|u| (u.query_param("link_style"), u.query_param("b"), u.query_param("zz")));
        assert_eq!(url, Ok((Some("eyJ+p=".into()), Some(String::new()), None)));
    }

    #[test]
    fn decimal() {
        for n in [0u64, 7, 10, 65535, u64::MAX] {
            let mut s = String::new();
            push_decimal(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
