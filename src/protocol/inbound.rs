//! Classifying what the Link iframe posts (`MessageEvent.data`).

use alloc::string::String;

use super::data::{Data, Kind};
use super::event_keys::{payload_shape, same, FRONT_EVENT_TYPE_KEYS, LATER_LINK_EVENT_TYPE_KEYS};
use super::face::Face;
use super::limits::MAX_LINK;
use super::link_url::LinkUrl;
use super::shape::Payload;

/// A message from the Link UI, as it is delivered. Payloads are the
/// original values, so every field the Link UI sends travels on: the
/// upstream types lag the wire, and a field they do not declare, or declare
/// otherwise, is still the app's to read.
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
        /// The error as the face reads it (see [`Face::exit_error`]).
        error: Option<String>,
        /// What the face hands `onExit` as the summary: 3.13 passes
        /// `data.payload` whatever it is; 1.1.9's face passes an object.
        summary: Option<D>,
        /// The error field was there but not a string, so `onExit` does
        /// not get it.
        error_dropped: bool,
    },
    /// `loaded`: the Link UI is ready for the outbound messages.
    Loaded,
    /// `oauthLinkOpen`: open this (already vetted) URL in a popup.
    OauthLinkOpen(LinkUrl),
    /// A known event key: `data` as it came.
    Event(D),
}

/// What of a message from the session's Link frame was not delivered, and
/// why. Each is a place where this SDK delivers less than the upstream of
/// its face would; docs/failures-and-csp.md, "What is delivered", lists them with the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ignored {
    /// The session already ended.
    Ended,
    /// `data` is not an object (upstream reads `data.type` and gets nothing,
    /// or throws on `null`).
    NotAnObject,
    /// `data.type` is not a string this face knows (upstream ignores it too).
    UnknownType,
    /// A connected account or a finished transfer whose `payload` is not an
    /// object: there is nothing in it to deliver, and the app's callback
    /// would throw at its first field (upstream calls it anyway).
    NoPayload,
    /// An `oauthLinkOpen` link that fails the URL rule.
    BadLink,
    /// A `close`/`done` whose error is not a string: the session ends, and
    /// `onExit` gets no error rather than an object it would show as text.
    ErrorNotText,
}

impl Ignored {
    /// Every reason, in bit order (see [`Ignored::bit`]).
    pub const ALL: [Ignored; 6] =
        [Ignored::Ended, Ignored::NotAnObject, Ignored::UnknownType, Ignored::NoPayload, Ignored::BadLink, Ignored::ErrorNotText];

    /// Its bit in a set of reasons.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// The console's words for it, after "a Link UI message of type …".
    pub fn reason(self) -> &'static str {
        match self {
            Ignored::Ended => "came after the session ended",
            Ignored::NotAnObject => "was not delivered: its data is not an object",
            Ignored::UnknownType => "was not delivered: this face does not know its type (nor does its upstream SDK)",
            Ignored::NoPayload => "was not delivered: its payload is not an object",
            Ignored::BadLink => "was not opened: its link is not an https: URL of at most 8192 characters (http: only on loopback)",
            Ignored::ErrorNotText => "ended the session, but its error is not a string of at most 4096 characters: onExit gets none",
        }
    }
}

/// Every `type` [`InboundMessage::classify`] knows in either face: the
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
    /// Reads `data` as the Link protocol of `face`; never fails loudly,
    /// whatever it is.
    pub fn classify(face: Face, data: &D) -> Result<InboundMessage<D>, Ignored> {
        use InboundMessage::*;
        // Every question crosses into JavaScript in the browser: the kind
        // is asked only to say why a message was ignored, the payload only
        // where it is delivered.
        let Some(kind) = known_type(data) else {
            return Err(if data.kind() == Kind::Object { Ignored::UnknownType } else { Ignored::NotAnObject });
        };
        let payload = || data.field("payload");
        let object = || payload().filter(|p| p.kind() == Kind::Object).ok_or(Ignored::NoPayload);
        match kind {
            "brokerageAccountAccessToken" => object().map(AccessToken),
            "delayedAuthentication" => object().map(DelayedAuth),
            "transferFinished" => object().map(TransferFinished),
            "close" | "done" => {
                // `null` is no payload (the web layer reads it as absent).
                let payload = payload().filter(|p| p.kind() != Kind::Null);
                let (error, error_dropped) = face.exit_error(data, payload.as_ref());
                let summary = payload.filter(|p| face.passes_summary(p));
                Ok(Exit { error, summary, error_dropped })
            }
            "loaded" => Ok(Loaded),
            "oauthLinkOpen" if face.opens_oauth_windows() => data
                .field("link")
                .and_then(|l| l.text(MAX_LINK))
                .and_then(|l| LinkUrl::parse(&l).ok())
                .map(OauthLinkOpen)
                .ok_or(Ignored::BadLink),
            key if face.is_event_key(key) => Ok(Event(data.clone())),
            _ => Err(Ignored::UnknownType),
        }
    }
}

/// The `type` of a message this core knows, if it is one (the web layer
/// answers without copying the string into the wasm).
pub fn known_type<D: Data>(data: &D) -> Option<&'static str> {
    data.field_among("type", &KNOWN_TYPES)
}

/// The place of `kind` (one that [`known_type`] gave) among the known
/// types: a bit of its own in a set of types, and its row in [`PROMISED`].
pub(crate) fn known_type_index(kind: &'static str) -> Option<usize> {
    KNOWN_TYPES.iter().position(|known| core::ptr::eq(*known, kind))
}

/// The payload shape the upstream types of `face` promise for a message
/// of type `kind`: what a delivered payload is compared with when the app
/// asks to hear of deviations (`debug`). The runtime delivers regardless.
pub const fn promised_payload(face: Face, kind: &str) -> Option<Payload> {
    if same(kind, "brokerageAccountAccessToken") {
        Some(Payload::AccessToken)
    } else if same(kind, "delayedAuthentication") {
        Some(Payload::DelayedAuth)
    } else if same(kind, "transferFinished") {
        Some(Payload::TransferFinished)
    } else if same(kind, "close") || same(kind, "done") {
        Some(Payload::SessionSummary)
    } else {
        payload_shape(face, kind)
    }
}

/// [`promised_payload`] of each known type, per face, by place in
/// [`KNOWN_TYPES`]: made at compile time, so the shipped code has a table
/// to index, not a chain of string comparisons.
pub(crate) static PROMISED: [[Option<Payload>; KNOWN_TYPES.len()]; 2] = {
    let mut table = [[None; KNOWN_TYPES.len()]; 2];
    let mut at = 0;
    while at < KNOWN_TYPES.len() {
        table[0][at] = promised_payload(Face::Front, KNOWN_TYPES[at]);
        table[1][at] = promised_payload(Face::Link, KNOWN_TYPES[at]);
        at += 1;
    }
    table
};
