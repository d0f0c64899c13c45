//! The integrator's options that guard a session: which Link origins to
//! trust, and how long to wait for the Link UI. Each is read here once, from
//! whatever the app passed; what is wrong with it comes back as a value the
//! boundary reports. A security option that is wrong fails closed (every
//! link token is refused, with an `onExit` that says why: a typo must never
//! widen what is trusted); the others keep their default.

use alloc::{string::String, vec::Vec};

use super::link_url::LinkUrl;

/// How long a session waits for the Link UI's `loaded` when the app says
/// nothing: long enough for the Link UI's first load over a slow mobile
/// connection (about a megabyte at 3G speeds takes 20–30 s), short enough
/// that an app whose user walked away from a frame that never loads hears
/// about it while the page is still open.
pub const DEFAULT_LOAD_TIMEOUT_MS: u32 = 45_000;

/// How long after opening the overlay shows its own close control if the
/// Link UI has not said `loaded` (it has its own close control once loaded).
/// A Link UI that loads at once never shows it.
pub const CLOSE_CONTROL_DELAY_MS: u32 = 1_500;

/// Longest `loadTimeout` taken: `setTimeout`'s 32-bit limit.
pub const MAX_LOAD_TIMEOUT_MS: u32 = i32::MAX as u32;

/// What is wrong with an option. The option is then left as if unset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadOption {
    /// `loadTimeout` is not a number of milliseconds from 0 (no timeout) up.
    LoadTimeout,
    /// `linkOrigins` is there but not a list (a string, say).
    LinkOrigins,
    /// `linkOrigins` is an empty list.
    LinkOriginsEmpty,
    /// An entry of `linkOrigins` is not an origin (`https://host[:port]`,
    /// or `http:` for a loopback host): a bare host, a URL with a path, a
    /// wildcard, `undefined` from an unset environment variable.
    LinkOriginNotAnOrigin,
    /// `container` is not an element of the page.
    Container,
    /// `zIndex` is not a whole number.
    ZIndex,
}

impl BadOption {
    /// The console message: what is wrong, and what the SDK does instead.
    pub fn message(self) -> &'static str {
        match self {
            BadOption::LoadTimeout => "front-link-wasm: loadTimeout must be a number of ms (0: none); the default 45 s is used",
            BadOption::LinkOrigins => "front-link-wasm: linkOrigins must be a list of origins like ['https://web.meshconnect.com']; every link token is refused until it is",
            BadOption::LinkOriginsEmpty => "front-link-wasm: linkOrigins is an empty list; every link token is refused (leave it out to accept any https: origin)",
            BadOption::LinkOriginNotAnOrigin => "front-link-wasm: linkOrigins has an entry that is not an origin like 'https://web.meshconnect.com' (no path, no wildcard); every link token is refused until it is fixed",
            BadOption::Container => "front-link-wasm: container must be an element; document.body is used",
            BadOption::ZIndex => "front-link-wasm: zIndex must be a whole number; it is ignored",
        }
    }
}

/// `loadTimeout`: `None` (absent) is the default; `0` turns the timeout off
/// (`Ok(None)`); larger values are capped at [`MAX_LOAD_TIMEOUT_MS`].
///
/// ```
/// use front_link_wasm::protocol::{load_timeout, BadOption, DEFAULT_LOAD_TIMEOUT_MS};
/// assert_eq!(load_timeout(None), Ok(Some(DEFAULT_LOAD_TIMEOUT_MS)));
/// assert_eq!(load_timeout(Some(0.0)), Ok(None));
/// assert_eq!(load_timeout(Some(2500.4)), Ok(Some(2500)));
/// assert_eq!(load_timeout(Some(-1.0)), Err(BadOption::LoadTimeout));
/// assert_eq!(load_timeout(Some(f64::NAN)), Err(BadOption::LoadTimeout));
/// ```
pub fn load_timeout(millis: Option<f64>) -> Result<Option<u32>, BadOption> {
    match millis {
        None => Ok(Some(DEFAULT_LOAD_TIMEOUT_MS)),
        Some(m) if m.is_nan() || m < 0.0 => Err(BadOption::LoadTimeout),
        Some(m) if m < 1.0 => Ok(None),
        Some(m) if m >= f64::from(MAX_LOAD_TIMEOUT_MS) => Ok(Some(MAX_LOAD_TIMEOUT_MS)),
        // In range: the cast truncates and cannot saturate.
        Some(m) => Ok(Some(m as u32)),
    }
}

/// The origin `text` names, as `MessageEvent.origin` spells it, if it is
/// one the URL rule accepts and nothing more (a trailing `/` is allowed).
pub fn link_origin(text: &str) -> Option<String> {
    let url = LinkUrl::parse(text).ok()?;
    let bare = url.href().strip_suffix('/')? == url.origin();
    // Nothing the parser tidied away: no `?`/`#`, no stray characters.
    let plain = text.trim_end_matches('/').len() == url.origin().len() && !text.contains(['?', '#']);
    (bare && plain).then(|| url.origin().into())
}

/// `linkOrigins`: the origins `entries` name, every one of them (`None`
/// for an entry that is not a string). Any entry that is not an origin, or
/// none at all, is what is wrong: the option then fails closed.
///
/// ```
/// use front_link_wasm::protocol::{link_origins, BadOption};
/// let given = |list: &[&str]| link_origins(&list.iter().map(|e| Some(e.to_string())).collect::<Vec<_>>());
/// assert_eq!(given(&["https://web.meshconnect.com/"]), Ok(vec!["https://web.meshconnect.com".to_string()]));
/// assert_eq!(given(&[]), Err(BadOption::LinkOriginsEmpty));
/// assert_eq!(given(&["https://web.meshconnect.com", "web.meshconnect.com"]), Err(BadOption::LinkOriginNotAnOrigin));
/// assert_eq!(link_origins(&[None]), Err(BadOption::LinkOriginNotAnOrigin));
/// ```
pub fn link_origins(entries: &[Option<String>]) -> Result<Vec<String>, BadOption> {
    if entries.is_empty() {
        return Err(BadOption::LinkOriginsEmpty);
    }
    entries.iter().map(|e| e.as_deref().and_then(link_origin).ok_or(BadOption::LinkOriginNotAnOrigin)).collect()
}

/// The overlay's z-index where no `zIndex` is given, and where the browser
/// cannot show it in the top layer: upstream's.
pub const DEFAULT_Z_INDEX: i32 = 10_000;

/// `zIndex`: a whole number CSS takes.
///
/// ```
/// use front_link_wasm::protocol::{z_index, BadOption};
/// assert_eq!(z_index(2147483647.0), Ok(2147483647));
/// assert_eq!(z_index(1.5), Err(BadOption::ZIndex));
/// ```
pub fn z_index(value: f64) -> Result<i32, BadOption> {
    let whole = value.is_finite() && value == (value as i32) as f64;
    // Whole and in range, so the cast is exact.
    if whole {
        Ok(value as i32)
    } else {
        Err(BadOption::ZIndex)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_origin_is_an_accepted_url_with_nothing_after_the_host() {
        assert_eq!(link_origin("https://Web.MeshConnect.com/").as_deref(), Some("https://web.meshconnect.com"));
        assert_eq!(link_origin("https://web.meshconnect.com/b2b-iframe"), None);
        assert_eq!(link_origin("http://example.com"), None);
    }
}
