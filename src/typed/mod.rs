//! The typed Rust API: the same capability as the JavaScript one, with
//! Rust closures and serde payloads.

mod connection;
mod payloads;

pub use crate::protocol::Theme;
pub use connection::{FrontConnection, FrontOptions, Link, LinkOptions, RenderType};
pub use payloads::*;
