//! Classifying what the Link iframe posts (`MessageEvent.data`).

use alloc::string::String;

use super::data::{Data, Kind};
use super::dialect::Dialect;
use super::event_keys::{payload_shape, FRONT_EVENT_TYPE_KEYS, LATER_LINK_EVENT_TYPE_KEYS};
use super::link_url::LinkUrl;
use super::shape::Payload;

/// A well-formed message from the Link UI. Payloads are the original values,
/// checked against their shapes, so extra fields travel on untouched.
#[derive(Debug, Clone, PartialEq)]
pub enum InboundMessage<D> {
    /// `brokerageAccountAccessToken`: an `AccessTokenPayload`.
    AccessToken(D),
    /// `delayedAuthentication`: a `DelayedAuthPayload`.
    DelayedAuth(D),
    /// `transferFinished`: a `TransferFinishedPayload`.
    TransferFinished(D),
    /// `close` or `done`: the session is over.
    Exit {
        /// The error as the dialect reads it (see [`Dialect::exit_error`]).
        error: Option<String>,
        /// `data.payload`, if it is a `SessionSummary`.
        summary: Option<D>,
    },
    /// `loaded`: the Link UI is ready for the outbound messages.
    Loaded,
    /// `oauthLinkOpen`: open this (already vetted) URL in a popup.
    OauthLinkOpen(LinkUrl),
    /// A known event key: `data` as it came.
    Event(D),
}

/// Why a message was ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ignored {
    /// The session already ended.
    Ended,
    /// `data` is not an object.
    NotAnObject,
    /// `data.type` is not a string this protocol knows.
    UnknownType,
    /// The payload does not have the shape its type promises.
    BadPayload,
    /// An `oauthLinkOpen` link that fails the URL rule.
    BadLink,
}

/// Every `type` [`InboundMessage::classify`] knows in either dialect: the
/// protocol's own, then the event keys (`close` and `done` among them).
// A `static`: the web layer knows a table by its address.
static KNOWN_TYPES: [&str; 48] = concat([
    &["brokerageAccountAccessToken", "delayedAuthentication", "transferFinished", "loaded", "oauthLinkOpen"],
    &FRONT_EVENT_TYPE_KEYS,
    &LATER_LINK_EVENT_TYPE_KEYS,
]);

/// The lists one after another; a wrong `N` fails the build.
const fn concat<const N: usize>(lists: [&[&'static str]; 3]) -> [&'static str; N] {
    let mut all = [""; N];
    let (mut at, mut list) = (0, 0);
    while list < lists.len() {
        let mut i = 0;
        while i < lists[list].len() {
            all[at] = lists[list][i];
            (at, i) = (at + 1, i + 1);
        }
        list += 1;
    }
    assert!(at == N, "KNOWN_TYPES has room for exactly the lists");
    all
}

impl<D: Data> InboundMessage<D> {
    /// Reads `data` as the Link protocol of `dialect`; never fails loudly,
    /// whatever it is.
    pub fn classify(dialect: Dialect, data: &D) -> Result<InboundMessage<D>, Ignored> {
        use InboundMessage::*;
        // Every question crosses into JavaScript in the browser: the kind
        // is asked only to say why a message was ignored, the payload only
        // where its shape matters.
        let Some(kind) = data.field_among("type", &KNOWN_TYPES) else {
            return Err(if data.kind() == Kind::Object { Ignored::UnknownType } else { Ignored::NotAnObject });
        };
        let payload = || data.field("payload");
        let checked = |shape: Payload| payload().filter(|p| p.conforms(shape)).ok_or(Ignored::BadPayload);
        match kind {
            "brokerageAccountAccessToken" => checked(Payload::AccessToken).map(AccessToken),
            "delayedAuthentication" => checked(Payload::DelayedAuth).map(DelayedAuth),
            "transferFinished" => checked(Payload::TransferFinished).map(TransferFinished),
            "close" | "done" => {
                let payload = payload();
                let error = dialect.exit_error(data, payload.as_ref());
                let summary = payload.filter(|p| p.conforms(Payload::SessionSummary));
                Ok(Exit { error, summary })
            }
            "loaded" => Ok(Loaded),
            "oauthLinkOpen" if dialect.opens_oauth_windows() => data
                .field("link")
                .and_then(|l| l.string())
                .and_then(|l| LinkUrl::parse(&l).ok())
                .map(OauthLinkOpen)
                .ok_or(Ignored::BadLink),
            key if dialect.is_event_key(key) => {
                // No promised shape takes anything, no payload included:
                // nothing to read.
                let fits = payload_shape(dialect, key).map_or(true, |shape| data.field_conforms("payload", shape));
                fits.then(|| Event(data.clone())).ok_or(Ignored::BadPayload)
            }
            _ => Err(Ignored::UnknownType),
        }
    }
}
