//! Classifying what the Link iframe posts (`MessageEvent.data`).

use alloc::string::String;

use super::data::{Data, Kind};
use super::dialect::Dialect;
use super::event_keys::payload_shape;
use super::link_url::LinkUrl;
use super::shape::{Shape, ACCESS_TOKEN_PAYLOAD, DELAYED_AUTH_PAYLOAD, SESSION_SUMMARY, TRANSFER_FINISHED_PAYLOAD};

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
    /// Not from this session's iframe at the Link origin, or the session
    /// already ended.
    Stranger,
    /// `data` is not an object.
    NotAnObject,
    /// `data.type` is not a string this protocol knows.
    UnknownType,
    /// The payload does not have the shape its type promises.
    BadPayload,
    /// An `oauthLinkOpen` link that fails the URL rule.
    BadLink,
}

impl<D: Data> InboundMessage<D> {
    /// Reads `data` as the Link protocol of `dialect`; never fails loudly,
    /// whatever it is.
    pub fn classify(dialect: Dialect, data: &D) -> Result<InboundMessage<D>, Ignored> {
        use InboundMessage::*;
        if data.kind() != Kind::Object {
            return Err(Ignored::NotAnObject);
        }
        let kind = data.field("type").and_then(|t| t.string()).ok_or(Ignored::UnknownType)?;
        let payload = data.field("payload");
        let checked = |shape: &'static Shape| payload.clone().filter(|p| p.conforms(shape)).ok_or(Ignored::BadPayload);
        match kind.as_str() {
            "brokerageAccountAccessToken" => checked(&ACCESS_TOKEN_PAYLOAD).map(AccessToken),
            "delayedAuthentication" => checked(&DELAYED_AUTH_PAYLOAD).map(DelayedAuth),
            "transferFinished" => checked(&TRANSFER_FINISHED_PAYLOAD).map(TransferFinished),
            "close" | "done" => {
                let error = dialect.exit_error(data, payload.as_ref());
                let summary = payload.filter(|p| p.conforms(&SESSION_SUMMARY));
                Ok(Exit { error, summary })
            }
            "loaded" => Ok(Loaded),
            "oauthLinkOpen" if dialect.opens_oauth_windows() => data
                .field("link")
                .and_then(|l| l.string())
                .and_then(|l| LinkUrl::parse(&l).ok())
                .map(OauthLinkOpen)
                .ok_or(Ignored::BadLink),
            key if dialect.is_event_key(key) => match (payload_shape(dialect, key), &payload) {
                (Shape::Any | Shape::Maybe(_), None) => Ok(Event(data.clone())),
                (shape, Some(p)) if p.conforms(shape) => Ok(Event(data.clone())),
                _ => Err(Ignored::BadPayload),
            },
            _ => Err(Ignored::UnknownType),
        }
    }
}
