//! The typed Rust API: the same capability as the JavaScript one, with
//! Rust closures and serde payloads.

mod connection;
mod payloads;

pub use crate::protocol::LinkError;
pub use crate::protocol::Theme;
pub use connection::{FrontConnection, FrontOptions, Link, LinkExit, LinkOptions, LinkSession, RenderType};
pub use payloads::*;
