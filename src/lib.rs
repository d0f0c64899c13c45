//! The Mesh (Front Finance) Link SDK for the browser, in Rust: the client
//! side of `@meshconnect/web-link-sdk` 3.13 and `@front-finance/link` 1.1.9.
//!
//! Your server asks Mesh for a link token (`POST /api/v1/linktoken`, with the
//! client secret, which never reaches the browser); the page hands it to
//! [`Link`], which shows Mesh's hosted Link UI and calls your closures with
//! typed payloads: the access tokens of the accounts the user connected,
//! transfer results, events, and exit. The names are 3.13's (`Link`,
//! `LinkOptions`, `on_integration_connected`, `LinkPayload`); 1.1.9's
//! (`FrontConnection`, `FrontOptions`, `on_broker_connected`,
//! `FrontPayload`) are aliases of them.
//!
//! The crate has three layers. [`protocol`] is the sans-IO core: token and
//! URL rules, message classification, `link_style` and the session state
//! machine, with no `web-sys` in sight. `web` executes its decisions in the
//! browser: overlay, listeners, `postMessage`. On top sit the typed Rust
//! API ([`Link`], feature `typed`, on by default) and the
//! JavaScript exports of the npm package (feature `js`).
//!
//! # Connecting an account
//!
//! [`LinkOptions`] collects the callbacks; [`Link::open_link`]
//! shows the Link UI in an overlay and returns a [`LinkSession`] guard: the
//! session lasts until the user or the Link UI ends it, or the guard is
//! dropped. A token it will not load (malformed, or a Link URL that is not
//! `https:`) is an `Err` ([`protocol::LinkError`], whose text is what 3.13's
//! `onExit` says).
//!
//! ```no_run
//! use front_link_wasm::{Link, LinkOptions, TransferFinishedPayload};
//! use web_sys::console;
//!
//! # fn link_token_from_your_server() -> String { String::new() }
//! let link = Link::new(
//!     LinkOptions::new()
//!         .on_integration_connected(|payload| {
//!             if let Some(connected) = payload.access_token {
//!                 for token in connected.account_tokens {
//!                     // Send token.access_token to your server: it asks Mesh for holdings.
//!                     console::log_1(&token.account.account_name.into());
//!                 }
//!             }
//!         })
//!         .on_transfer_finished(|transfer| match transfer {
//!             TransferFinishedPayload::Success(ok) => console::log_1(&ok.symbol.into()),
//!             TransferFinishedPayload::Error(e) => console::warn_1(&e.error_message.into()),
//!         })
//!         .on_event(|event| console::log_1(&event.event_type.into()))
//!         .on_exit(|exit| {
//!             if let Some(error) = exit.error {
//!                 console::warn_1(&error.into()); // the Link UI's own error
//!             }
//!         }),
//! );
//! match link.open_link(&link_token_from_your_server()) {
//!     // Keep the guard where the Link UI belongs (a component's state);
//!     // `forget` leaves the session to the user.
//!     Ok(session) => session.forget(),
//!     Err(refused) => console::warn_1(&refused.to_string().into()), // "Invalid link token!"
//! }
//! ```
//!
//! A [`Link`] is a cheap handle: clones share the callbacks, so a callback
//! may hold one to call [`close_link`](Link::close_link), and
//! [`set_options`](Link::set_options) replaces them (closures that capture
//! a component's latest state). Callbacks are `FnMut`. Neither a `Link` nor
//! a [`LinkSession`] is `Send` (they live in the browser's one thread): in
//! Leptos, keep them in a `StoredValue::new_local`, whose value is dropped
//! with the component. `examples/leptos` in the repository is a whole app
//! (connect, then show holdings) built this way.
//!
//! # Embedded mode
//!
//! With [`RenderType::Embedded`] the Link UI renders into an `<iframe>` of
//! your own page instead of the overlay, and the session ends when the Link
//! UI says so or on [`close_link`](Link::close_link) (the iframe
//! stays). An id that names no iframe gives `on_exit(Some("Iframe not found!"))`.
//!
//! ```no_run
//! use front_link_wasm::{Link, LinkOptions, RenderType, Theme};
//!
//! # let link_token = String::new();
//! // The page has <iframe id="mesh-link" title="Connect an account"></iframe>.
//! let link = Link::new(
//!     LinkOptions::new()
//!         .render_type(RenderType::Embedded)
//!         .theme(Theme::Light)
//!         .on_integration_connected(|payload| {
//!             let _ = payload.access_token; // as above
//!         })
//!         .on_exit(|exit| {
//!             // summary: the Link UI's SessionSummary (the page the user left from, …)
//!             let _ = (exit.error, exit.summary.map(|s| s.page));
//!         }),
//! );
//! let session = link.open_link_in(&link_token, "mesh-link");
//! ```
//!
//! # Payloads
//!
//! The payloads are `serde` types with the upstream field names, so they
//! also serve your server's side of the integration; fields newer Link UIs
//! add are kept in each struct's `extra`. This runs anywhere:
//!
//! ```
//! use front_link_wasm::{LinkPayload, TransferFinishedPayload};
//!
//! let connected: LinkPayload = serde_json::from_str(r#"{
//!   "accessToken": {
//!     "accountTokens": [{
//!       "account": { "accountId": "5FUVPB0", "accountName": "Margin account", "cash": 310 },
//!       "accessToken": "at-1"
//!     }],
//!     "brokerBrandInfo": { "brokerLogo": "" },
//!     "brokerType": "robinhood",
//!     "brokerName": "Robinhood",
//!     "newField": true
//!   }
//! }"#)?;
//! let tokens = connected.access_token.expect("an access token payload");
//! assert_eq!(tokens.account_tokens[0].account.cash, Some(310.0));
//! assert_eq!(tokens.extra["newField"], true);
//!
//! let failed: TransferFinishedPayload = serde_json::from_str(r#"{"status": "error", "errorMessage": "Insufficient balance"}"#)?;
//! assert!(matches!(failed, TransferFinishedPayload::Error(e) if e.error_message == "Insufficient balance"));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Features
//!
//! - `typed` (default, implies `std`): the Rust API above.
//! - `wallet-bridge` (off by default): the Link UI may reach the page's
//!   browser-extension wallets (`LinkOptions::wallet_bridge`; on by default
//!   for a [`Link`] when compiled in). Its JavaScript, which wasm-bindgen
//!   writes into `snippets/` beside your app's other output, is fetched only
//!   at the Link UI's first wallet request; without the feature none of it
//!   is compiled or written. Deploy the whole `snippets/` folder either way.
//! - `js`: the JavaScript exports the npm package wraps (implies
//!   `wallet-bridge`). The npm build is
//!   `--no-default-features --features js`: then the crate is `no_std` on
//!   wasm32, with its own allocator and a panic handler that formats nothing.
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
