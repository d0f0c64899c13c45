//! Errors are values: the core says *why* it refused something, the boundary
//! turns that into the exact string upstream integrators already match on.

use super::options::BadOption;

/// Why a link token or Link URL was refused. Kept for logs and tests; callers
/// only ever see [`LinkError::exit_message`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// Nothing was given.
    Empty,
    /// The token is not base64 (standard alphabet, padding optional).
    Base64,
    /// The decoded bytes are not UTF-8 text.
    Text,
    /// Not a URL of the form `scheme://host[:port][/path][?query][#fragment]`,
    /// or it contains characters that have no business in a Link URL.
    Syntax,
    /// The scheme is not `https:` (or `http:` for a loopback host).
    Scheme,
    /// `http:` to a host that is not loopback, or a host this SDK cannot
    /// compare safely with `MessageEvent.origin` (for example a non-loopback
    /// IPv6 literal).
    Host,
    /// The URL carries `user:password@`, a classic way to disguise a host.
    Userinfo,
    /// The port is not a number from 0 to 65535.
    Port,
    /// The app listed the Link origins it trusts (`linkOrigins`), and this
    /// URL's origin is not one of them.
    Untrusted,
}

/// Why `openLink`/`openPopup` did not open anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// `openLink` got a token it will not load.
    InvalidToken(Rejection),
    /// `openPopup` got a URL it will not load.
    InvalidLink(Rejection),
    /// Embedded rendering was asked for, but the host page has no iframe with
    /// the given id.
    IframeNotFound,
    /// `renderType: 'embedded'` without an iframe to render into (3.13's
    /// check and message).
    EmbeddedWithoutIframe,
    /// The page has no `document.body` to show the overlay in, or the DOM
    /// refused to build it.
    NoPage,
    /// A security option of the connection is there but wrong
    /// (`linkOrigins`): nothing opens until it is fixed.
    Misconfigured(BadOption),
}

/// The same words as [`LinkError::exit_message`].
impl core::fmt::Display for LinkError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.exit_message())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for LinkError {}

impl LinkError {
    /// The `onExit` error string, identical to `@front-finance/link` where it
    /// has one.
    pub fn exit_message(&self) -> &'static str {
        match self {
            LinkError::InvalidToken(_) => "Invalid link token!",
            LinkError::InvalidLink(_) => "Invalid link!",
            LinkError::IframeNotFound => "Iframe not found!",
            LinkError::EmbeddedWithoutIframe => "Mesh SDK: Failed to open link - renderType \"embedded\" requires a customIframeId",
            LinkError::NoPage => "Link could not be shown!",
            LinkError::Misconfigured(bad) => bad.message(),
        }
    }
}
