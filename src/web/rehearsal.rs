//! A rehearsal of the first `openLink`, run once when the wasm has loaded.
//!
//! V8 compiles a wasm function the first time it is called, not when the
//! module is instantiated. The first `openLink` calls some 120 functions
//! for the first time, which put several milliseconds of compiling between
//! the click and the overlay. Here the same paths run on values nobody
//! sees: the rules of a valid token, the overlay's elements built but never
//! attached, listeners added and removed. (The wallet bridge is not
//! rehearsed: its JavaScript is fetched only when a session uses it.)
//! (Before this, the JS wrapper has a throwaway
//! connection refuse a token, which compiles all of `open` and the
//! bindings' shims.) The page sees one thing: the overlay's stylesheet
//! is adopted now, not at the first open; it only matches while an overlay
//! is shown.

use wasm_bindgen::JsValue;

use super::callbacks::Callbacks;
use super::overlay::Overlay;
use super::runtime;
use crate::protocol::{LinkInput, Session};

/// `https://web.meshconnect.com/link`: what a link token decodes to.
const SAMPLE_TOKEN: &str = "aHR0cHM6Ly93ZWIubWVzaGNvbm5lY3QuY29tL2xpbms=";

/// Runs the paths of a first `openLink` with the options of `callbacks`.
pub fn rehearse(callbacks: &dyn Callbacks) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let params = callbacks.link_params();
    let Ok((mut session, opening)) = Session::open(LinkInput::Token(SAMPLE_TOKEN), &params) else { return };
    if let Ok(iframe) = Overlay::rehearse(&document, &opening) {
        drop(runtime::listeners(&window, 0, &iframe, session.origin()));
    }
    drop(session.close::<JsValue>());
}
