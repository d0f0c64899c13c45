//! The sans-IO protocol core: plain Rust, no `web-sys`. It decodes tokens,
//! applies the URL rule, reads `link_style`, classifies inbound messages and
//! runs the session state machine, returning [`Action`]s for the web layer
//! to execute. `cargo test` runs all of it on the host, each module's unit
//! tests beside it.
//!
//! What is public is what the web layer and the Rust API use, and the tables
//! that the JavaScript parts and the type tests are generated from
//! (`tests/generated.rs`). What only tests need is `pub(crate)` under
//! `cfg(test)`; nothing here may name `web-sys`, `js-sys` or `wasm-bindgen`
//! (a repository test holds it to that).

mod comlink;
mod data;
mod error;
mod event_keys;
mod face;
mod inbound;
mod injected;
mod limits;
mod link_style;
mod link_url;
mod options;
mod path;
mod session;
mod shape;
mod solana;
mod token;
mod wallet_standard;

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod testing;

pub use comlink::{route, ApiFunction, Op, Refusal, Request, Route, Wire, API_FIELDS};
pub use data::{Data, Kind, Value};
pub use error::{LinkError, Rejection};
pub use event_keys::{is_front_event_type_key, is_link_event_type_key, payload_shape, FRONT_EVENT_TYPE_KEYS, LATER_LINK_EVENT_TYPE_KEYS};
pub use face::Face;
pub use inbound::{known_type, promised_payload, Ignored, InboundMessage};
pub use injected::{ton_uuid, tron_names, window_path};
pub use limits::{MAX_ERROR_TEXT, MAX_ID, MAX_LINK, MAX_NAMES, MAX_TRANSACTION};
pub use link_style::{LinkStyle, DEFAULT_OPACITY, DEFAULT_RADIUS};
pub use link_url::LinkUrl;
pub use options::{link_origins, load_timeout, z_index, BadOption, DEFAULT_LOAD_TIMEOUT_MS, DEFAULT_Z_INDEX, MAX_LOAD_TIMEOUT_MS};
pub use path::{is_allowed_name, FORBIDDEN_NAMES, MAX_SEGMENT};
pub use session::{
    popup_features, Action, Callback, Connected, Event, LinkInput, LinkParams, Opening, Outbound, Session, Theme, LOAD_TIMEOUT_MESSAGE,
};
pub use shape::{Field, Payload, Shape};
pub use solana::{base58, solana_chain_for_endpoint, transaction_layout, CodecOp, CODEC_OPS};
pub use token::decode_base64;
pub use wallet_standard::Family;

// For the unit tests: not part of the API.
#[cfg(test)]
pub(crate) use comlink::{MAX_ARGUMENTS, MAX_PATH};
#[cfg(test)]
pub(crate) use injected::MAX_DEPTH;
#[cfg(test)]
pub(crate) use options::{link_origin, CLOSE_CONTROL_DELAY_MS};
#[cfg(test)]
pub(crate) use token::decode_link_token;
