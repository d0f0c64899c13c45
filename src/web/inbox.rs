//! The Link UI's messages: a `message` listener that hands the session only
//! what its Link frame posted, from the origin the core chose.
//!
//! The filter runs in `inbox.js`, not here: deciding a stranger's message in
//! the wasm took four calls across the boundary and a copy of its origin,
//! for every message on the page. The rule's parameters stay the core's
//! ([`Session::origin`](crate::protocol::Session::origin), the frame it
//! showed); the browser tests post from the wrong frame and the wrong
//! origin, for real, to hold the filter to it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use web_sys::{HtmlIFrameElement, Window};

#[wasm_bindgen(module = "/src/web/inbox.js")]
extern "C" {
    // `catch`: a host page may have patched `addEventListener`.
    #[wasm_bindgen(catch)]
    fn listen(window: &Window, frame: &HtmlIFrameElement, origin: &str, deliver: &Closure<dyn Fn(JsValue)>) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn unlisten(window: &Window, listener: &JsValue) -> Result<(), JsValue>;
}

/// The listener for one session's Link frame, removed on drop.
#[must_use = "the listener is removed as soon as this value is dropped"]
pub struct Inbox {
    window: Window,
    listener: JsValue,
    // wasm-bindgen keeps it alive until a call in progress returns, so a
    // message may end its own session.
    _deliver: Closure<dyn Fn(JsValue)>,
}

impl Inbox {
    /// Hands `deliver` the `data` of each message `frame`'s window posts
    /// from `origin`; `None` if the browser refused the listener.
    pub fn new(window: &Window, frame: &HtmlIFrameElement, origin: &str, deliver: impl Fn(&JsValue) + 'static) -> Option<Self> {
        // `Fn`: a callback may post to the page and re-enter.
        let deliver = Closure::<dyn Fn(JsValue)>::new(move |data: JsValue| deliver(&data));
        let listener = listen(window, frame, origin, &deliver).ok()?;
        Some(Inbox { window: window.clone(), listener, _deliver: deliver })
    }
}

impl Drop for Inbox {
    fn drop(&mut self) {
        let _ = unlisten(&self.window, &self.listener);
    }
}
