//! The Mesh (Front Finance) Link SDK for the browser, in Rust.
//!
//! The crate has three layers. [`protocol`] is the sans-IO core: token and
//! URL rules, message classification, `link_style` and the session state
//! machine, with no `web-sys` in sight. `web` executes its decisions in the
//! browser: overlay, listeners, `postMessage`. On top sit the typed Rust
//! API ([`FrontConnection`], feature `typed`, on by default) and the
//! JavaScript exports of the npm package (feature `js`).
#![deny(missing_docs)]
#![cfg_attr(all(target_arch = "wasm32", not(feature = "std")), no_std)]

extern crate alloc;

#[cfg(all(not(feature = "std"), not(target_arch = "wasm32")))]
compile_error!("without the `std` feature this crate builds for wasm32 only (one thread, see web/global.rs)");

#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
mod bare;

pub mod protocol;
mod web;

#[cfg(feature = "js")]
mod js_api;
#[cfg(feature = "typed")]
mod typed;

#[cfg(feature = "typed")]
pub use typed::*;
