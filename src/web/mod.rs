//! The browser layer: it shows what the core decides and feeds it what the
//! browser reports. Nothing here decides protocol questions.

#[macro_use]
mod global;
mod bridge;
mod callbacks;
mod inbox;
mod js_data;
mod listener;
mod notice;
mod overlay;
mod runtime;
mod surface;
mod timeout;
#[cfg(feature = "js")]
mod warm;

pub use callbacks::{report, Callbacks, Exit, Placement};
#[cfg(feature = "js")]
pub use js_data::js_name;
#[cfg(feature = "js")]
pub use runtime::request_close;
pub use runtime::{close, next_id, open};
#[cfg(feature = "js")]
pub use warm::warm;
