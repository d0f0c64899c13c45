//! Link tokens: the base64 of the hosted Link UI's URL.

use alloc::{string::String, vec::Vec};

use super::error::{LinkError, Rejection};
use super::link_url::LinkUrl;

/// Decodes a link token from `POST /api/v1/linktoken` into the Link URL it
/// carries, applying the URL rule of [`LinkUrl::parse`].
pub fn decode_link_token(token: &str) -> Result<LinkUrl, LinkError> {
    decode_text(token).and_then(|text| LinkUrl::parse(&text)).map_err(LinkError::InvalidToken)
}

/// Base64 to UTF-8 text, refusing empty input.
pub fn decode_text(encoded: &str) -> Result<String, Rejection> {
    let bytes = decode_base64(encoded).ok_or(Rejection::Base64)?;
    if bytes.is_empty() {
        return Err(Rejection::Empty);
    }
    String::from_utf8(bytes).map_err(|_| Rejection::Text)
}

/// Forgiving base64 as browsers' `atob` reads it: ASCII whitespace is
/// skipped, `=` padding is optional but only at the end.
pub fn decode_base64(input: &str) -> Option<Vec<u8>> {
    let mut body: Vec<u8> = input.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if body.len() % 4 == 0 {
        for _ in 0..2 {
            if body.last() == Some(&b'=') {
                body.pop();
            }
        }
    }
    if body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for byte in body {
        acc = (acc << 6) | u32::from(sextet(byte)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn sextet(byte: u8) -> Option<u8> {
    match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_token_is_a_base64_link_url_that_the_url_rule_accepts() {
        use super::*;
        // base64 of https://web.meshconnect.com/b2b-iframe?token=abc
        let url = decode_link_token("aHR0cHM6Ly93ZWIubWVzaGNvbm5lY3QuY29tL2IyYi1pZnJhbWU/dG9rZW49YWJj");
        assert_eq!(url.map(|u| u.origin().to_owned()), Ok("https://web.meshconnect.com".into()));
        // base64 of javascript:alert(1)
        let refused = decode_link_token("amF2YXNjcmlwdDphbGVydCgxKQ==");
        assert_eq!(refused, Err(LinkError::InvalidToken(Rejection::Scheme)));
        assert_eq!(refused.map_err(|e| e.exit_message()), Err("Invalid link token!"));
    }

    use super::*;

    #[test]
    fn decodes_like_atob() {
        assert_eq!(decode_base64("aGk=").as_deref(), Some(&b"hi"[..]));
        assert_eq!(decode_base64("aGk").as_deref(), Some(&b"hi"[..]));
        assert_eq!(decode_base64(" aG\nk= ").as_deref(), Some(&b"hi"[..]));
        assert_eq!(decode_base64("").as_deref(), Some(&b""[..]));
        assert_eq!(decode_base64("a"), None);
        assert_eq!(decode_base64("a=Gk"), None);
        assert_eq!(decode_base64("aGk-"), None);
        assert_eq!(decode_base64("aGk=="), None);
    }

    #[test]
    fn decodes_a_real_token() {
        let url = decode_link_token("aHR0cDovLzEyNy4wLjAuMTo4MDgxL2xpbms/c2Vzc2lvbj1hYmM=");
        let url = url.map(|u| (u.href().to_owned(), u.origin().to_owned()));
        assert_eq!(url, Ok(("http://127.0.0.1:8081/link?session=abc".into(), "http://127.0.0.1:8081".into())));
    }

    #[test]
    fn refuses_bad_tokens() {
        use Rejection::*;
        let cases = [
            ("", Empty),
            ("!!!!", Base64),
            ("/w==", Text),
            // javascript:alert(1)
            ("amF2YXNjcmlwdDphbGVydCgxKQ==", Scheme),
            // http://evil.example/
            ("aHR0cDovL2V2aWwuZXhhbXBsZS8=", Host),
        ];
        for (token, why) in cases {
            let got = decode_link_token(token).map(|u| u.href().to_owned());
            assert_eq!(got, Err(LinkError::InvalidToken(why)), "{token}");
        }
    }
}
