//! The sans-IO protocol core: plain Rust, no `web-sys`. It decodes tokens,
//! applies the URL rule, reads `link_style`, classifies inbound messages and
//! runs the session state machine, returning [`Action`]s for the web layer
//! to execute. `cargo test` runs all of it on the host.

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

pub use comlink::{route, ApiFunction, Op, Refusal, Request, Route, Wire, API_FIELDS, MAX_ARGUMENTS, MAX_PATH};
pub use data::{Data, Kind, Value};
pub use error::{LinkError, Rejection};
pub use event_keys::{is_front_event_type_key, is_link_event_type_key, payload_shape, FRONT_EVENT_TYPE_KEYS, LATER_LINK_EVENT_TYPE_KEYS};
pub use face::Face;
pub use inbound::{known_type, promised_payload, Ignored, InboundMessage};
pub use injected::{ton_uuid, tron_names, window_path, MAX_DEPTH};
pub use limits::{MAX_ERROR_TEXT, MAX_ID, MAX_LINK, MAX_NAMES, MAX_TRANSACTION};
pub use link_style::{LinkStyle, DEFAULT_OPACITY, DEFAULT_RADIUS};
pub use link_url::LinkUrl;
pub use options::{
    link_origin, link_origins, load_timeout, z_index, BadOption, CLOSE_CONTROL_DELAY_MS, DEFAULT_LOAD_TIMEOUT_MS, DEFAULT_Z_INDEX,
    MAX_LOAD_TIMEOUT_MS,
};
pub use path::{is_allowed_name, FORBIDDEN_NAMES, MAX_SEGMENT};
pub use session::{
    popup_features, Action, Callback, Connected, Event, LinkInput, LinkParams, Opening, Outbound, Session, Theme, LOAD_TIMEOUT_MESSAGE,
};
pub use shape::{Field, Payload, Shape};
pub use solana::{base58, is_solana_transaction, solana_chain_for_endpoint, transaction_layout, CodecOp, CODEC_OPS};
pub use token::{decode_base64, decode_link_token};
pub use wallet_standard::Family;
