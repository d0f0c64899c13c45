//! The face of a connection: which of the two upstream SDKs it stands in
//! for. They speak the same Link protocol with different quirks; every quirk
//! that is a protocol decision lives here, so the faces' code
//! (`createFrontConnection`, `createLink`, the Rust API) only holds names.
//! The test kit calls them `'front'` and `'link'`, as this does.

use alloc::string::String;

use super::data::{Data, Kind};
use super::event_keys::{is_front_event_type_key, is_link_event_type_key};
use super::limits::MAX_ERROR_TEXT;

/// Which upstream SDK a connection imitates (its face).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Face {
    /// `@front-finance/link` 1.1.9: `createFrontConnection`.
    #[default]
    Front,
    /// `@meshconnect/web-link-sdk` 3.13: `createLink`.
    Link,
}

impl Face {
    /// Whether `onEvent` hears messages of this type as they came.
    pub fn is_event_key(self, key: &str) -> bool {
        match self {
            Face::Front => is_front_event_type_key(key),
            Face::Link => is_link_event_type_key(key),
        }
    }

    /// 3.13 dropped `oauthLinkOpen`: its Link UI opens OAuth windows itself,
    /// so a message asking the host to open one is ignored.
    pub fn opens_oauth_windows(self) -> bool {
        self == Face::Front
    }

    /// 3.13 posts no `frontTransferDestinationTokens` on `loaded`.
    pub fn posts_transfer_destination_tokens(self) -> bool {
        self == Face::Front
    }

    /// The `onExit` error of a `close`/`done` message: 1.1.9 prefers
    /// `data.message`; 3.13 reads only `data.payload.errorMessage`. Only a
    /// string is an error; the flag says one of those fields was there as
    /// something else (and so is not passed on).
    pub fn exit_error<D: Data>(self, data: &D, payload: Option<&D>) -> (Option<String>, bool) {
        // `null` is no error (the web layer reads it as absent).
        let read = |field: Option<D>| match field.filter(|value| value.kind() != Kind::Null) {
            None => (None, false),
            Some(value) => match value.text(MAX_ERROR_TEXT) {
                Some(text) => (Some(text), false),
                None => (None, true),
            },
        };
        let (from_payload, odd_payload) = read(payload.and_then(|p| p.field("errorMessage")));
        match self {
            Face::Front => match read(data.field("message")) {
                (Some(message), _) => (Some(message), false),
                (None, odd_message) => (from_payload, odd_message || odd_payload),
            },
            Face::Link => (from_payload, odd_payload),
        }
    }

    /// Whether `onExit` gets the `payload` of a `close`/`done` as its
    /// summary: 3.13 passes whatever came; 1.1.9 passed none, and its face
    /// here passes an object (so `onExit(error)` keeps one argument when
    /// there is nothing to summarise).
    pub fn passes_summary<D: Data>(self, payload: &D) -> bool {
        match self {
            Face::Front => payload.kind() == Kind::Object,
            Face::Link => true,
        }
    }

    /// 3.13 always sends `lng`, English unless told otherwise.
    pub fn default_language(self) -> Option<&'static str> {
        match self {
            Face::Front => None,
            Face::Link => Some("en"),
        }
    }

    /// Whether a host iframe id given to `openLink` is used: 1.1.9 renders
    /// into it only with `renderType: 'embedded'`, 3.13 whenever it is given.
    pub fn uses_iframe_id(self, embedded: bool) -> bool {
        embedded || self == Face::Link
    }

    /// The overlay root's id, as upstream names it.
    pub fn overlay_id(self) -> &'static str {
        match self {
            Face::Front => "front-link-popup",
            Face::Link => "mesh-link-popup",
        }
    }
}
