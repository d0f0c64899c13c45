//! The integrator's callbacks, as the runtime calls them. The JS binding
//! calls the functions of `LinkOptions` or `FrontOptions`; the Rust API deserializes into typed
//! payloads first.

use alloc::string::String;

pub use super::overlay::Placement;

use wasm_bindgen::JsValue;

use crate::protocol::{LinkParams, Outbound};

/// One connection's callbacks and options.
pub trait Callbacks {
    /// `onEvent(event)`.
    fn on_event(&self, event: &JsValue);
    /// `onIntegrationConnected(payload)` (3.13), `onBrokerConnected` (1.1.9).
    fn on_integration_connected(&self, payload: &JsValue);
    /// `onTransferFinished(payload)`.
    fn on_transfer_finished(&self, payload: &JsValue);
    /// `onExit(…)`; how many arguments depends on the face.
    fn on_exit(&self, exit: Exit<'_>);
    /// The payload of `frontAccessTokens`/`frontTransferDestinationTokens`,
    /// if the integrator set one (`SdkSpecs` is the runtime's own).
    fn outbound_payload(&self, which: Outbound) -> Option<JsValue>;
    /// The options that shape the Link URL, read at open time.
    fn link_params(&self) -> LinkParams;
    /// Where the overlay goes and how high, read at open time.
    fn placement(&self) -> Placement {
        Placement::default()
    }
}

/// Why a session ended, or never started: what `onExit` hears.
#[derive(Clone, Copy)]
pub enum Exit<'a> {
    /// The host closed it (`closeLink`, Escape, another session).
    Closed,
    /// `openLink` refused: the exit message of a `LinkError` (the Rust
    /// API returns the error instead).
    #[cfg(feature = "js")]
    Refused(&'static str),
    /// The Link UI ended it with `close`/`done`.
    Link {
        /// The error the Link UI reported, if any.
        error: Option<&'a str>,
        /// The `SessionSummary`, if the Link UI sent a valid one.
        summary: Option<&'a JsValue>,
    },
}

/// Reports an error thrown by integrator code without letting it escape.
pub fn report(what: &str, error: &JsValue) {
    let mut message = String::from("front-link-wasm: ");
    message.push_str(what);
    web_sys::console::error_2(&JsValue::from_str(&message), error);
}
