//! The browser layer: it shows what the core decides and feeds it what the
//! browser reports. Nothing here decides protocol questions.

#[macro_use]
mod global;
#[cfg(feature = "wallet-bridge")]
mod bridge;
mod callbacks;
mod inbox;
mod js_data;
#[cfg(feature = "wallet-bridge")]
mod listener;
mod notice;
mod overlay;
#[cfg(feature = "js")]
mod rehearsal;
mod reply;
mod runtime;
mod surface;
mod timeout;

pub use callbacks::{report, Callbacks, Exit, Placement};
#[cfg(feature = "js")]
pub use js_data::js_name;
#[cfg(feature = "js")]
pub use rehearsal::rehearse;
pub use runtime::{close, next_id, open, request_close};
#[cfg(feature = "typed")]
pub use runtime::{close_session, is_open};
