//! `link_style`: the Link URL's say on the overlay's corner radius and
//! backdrop opacity, as base64 JSON `{"ir": <px>, "io": <0..1>}`.

use alloc::string::String;

use super::data::Data;
use super::link_url::{push_decimal, LinkUrl};
use super::token::decode_text;

/// Overlay styling, each value present only if it was a finite number in
/// range; everything else falls back to the upstream defaults.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LinkStyle {
    /// Corner radius of the card and iframe in px (`ir`), 0 to 100.
    pub radius: Option<f64>,
    /// Opacity of the black backdrop (`io`), 0 to 1.
    pub opacity: Option<f64>,
}

/// Upstream's corner radius, px.
pub const DEFAULT_RADIUS: f64 = 24.0;
/// Upstream's backdrop opacity.
pub const DEFAULT_OPACITY: f64 = 0.6;

impl LinkStyle {
    /// The JSON text of the URL's `link_style` parameter, for the browser's
    /// `JSON.parse` (a tiny JSON parser here would cost more bytes than it
    /// saves); `None` if absent or not base64 text.
    pub fn json_in(url: &LinkUrl) -> Option<String> {
        decode_text(&url.query_param("link_style")?).ok()
    }

    /// Validates the parsed JSON: anything but an in-range finite number is
    /// ignored, so nothing but a number ever reaches CSS.
    pub fn from_data<D: Data>(json: &D) -> LinkStyle {
        let number =
            |name: &'static str, max: f64| json.field(name).and_then(|v| v.number()).filter(|n| n.is_finite() && (0.0..=max).contains(n));
        LinkStyle { radius: number("ir", 100.0), opacity: number("io", 1.0) }
    }

    /// CSS value of the corner radius, e.g. `24px`.
    pub fn radius_css(&self) -> String {
        let mut css = css_number(self.radius.unwrap_or(DEFAULT_RADIUS));
        css.push_str("px");
        css
    }

    /// CSS value of the backdrop opacity, e.g. `0.6`.
    pub fn opacity_css(&self) -> String {
        css_number(self.opacity.unwrap_or(DEFAULT_OPACITY))
    }
}

/// A non-negative number with at most three decimals, without `core::fmt`.
fn css_number(value: f64) -> String {
    // `f64::round` needs std; the value is non-negative, so +0.5 rounds.
    let thousandths = (value.clamp(0.0, 1.0e6) * 1000.0 + 0.5) as u64;
    let mut out = String::new();
    push_decimal(&mut out, thousandths / 1000);
    let mut fraction = thousandths % 1000;
    if fraction > 0 {
        out.push('.');
        let mut scale = 100;
        while fraction > 0 {
            push_decimal(&mut out, fraction / scale);
            fraction %= scale;
            scale /= 10;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::data::Value;

    #[test]
    fn validates_numbers() {
        let json = Value::object([("ir", Value::Number(8.0)), ("io", Value::Number(0.25))]);
        let style = LinkStyle::from_data(&json);
        assert_eq!((style.radius_css(), style.opacity_css()), ("8px".into(), "0.25".into()));
        let bad = [
            Value::object([("ir", Value::str("0;}body{display:none")), ("io", Value::Number(f64::NAN))]),
            Value::object([("ir", Value::Number(-1.0)), ("io", Value::Number(1.5))]),
            Value::object([("ir", Value::Number(f64::INFINITY)), ("io", Value::Null)]),
            Value::Array(vec![]),
            Value::Null,
        ];
        for json in bad {
            assert_eq!(LinkStyle::from_data(&json), LinkStyle::default(), "{json:?}");
        }
        assert_eq!(LinkStyle::default().radius_css(), "24px");
        assert_eq!(LinkStyle::default().opacity_css(), "0.6");
    }

    #[test]
    fn formats_css_numbers() {
        for (n, s) in [(0.0, "0"), (0.05, "0.05"), (12.5, "12.5"), (100.0, "100"), (0.0004, "0"), (0.1234, "0.123")] {
            assert_eq!(css_number(n), s);
        }
    }

    #[test]
    fn finds_the_json() {
        // {"ir":0,"io":0.3}
        let url = LinkUrl::parse("https://a.example/?link_style=eyJpciI6MCwiaW8iOjAuM30%3D");
        assert_eq!(url.ok().and_then(|u| LinkStyle::json_in(&u)).as_deref(), Some(r#"{"ir":0,"io":0.3}"#));
    }
}
