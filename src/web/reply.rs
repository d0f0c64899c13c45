//! Where a reply goes, and what is posted without the wallet bridge's
//! chunk (`reply.js`): the runtime's own messages and a Comlink `throw`.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
#[cfg(feature = "wallet-bridge")]
use web_sys::MessagePort;
use web_sys::Window;

#[cfg(feature = "wallet-bridge")]
use super::bridge::comlink;

#[wasm_bindgen(module = "/src/web/reply.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn post(target: &JsValue, origin: &JsValue, kind: &JsValue, payload: &JsValue) -> Result<(), JsValue>;
    #[cfg(feature = "wallet-bridge")]
    #[wasm_bindgen(js_name = replyThrow)]
    fn reply_throw(target: &JsValue, origin: &JsValue, id: &JsValue, error: &JsValue);
}

/// The Link window at its exact origin, or a port.
#[derive(Clone)]
pub struct Target {
    pub(super) to: JsValue,
    /// `undefined` for a port.
    pub(super) origin: JsValue,
}

impl Target {
    /// The Link UI's window, answered at `origin` only.
    pub fn window(window: &Window, origin: &str) -> Target {
        Target { to: window.clone().into(), origin: origin.into() }
    }

    /// Posts the runtime's own `{type}` or `{type, payload}`.
    pub fn post(&self, kind: &JsValue, payload: &JsValue) -> Result<(), JsValue> {
        post(&self.to, &self.origin, kind, payload)
    }
}

#[cfg(feature = "wallet-bridge")]
impl Target {
    pub(super) fn port(port: &MessagePort) -> Target {
        Target { to: port.clone().into(), origin: JsValue::UNDEFINED }
    }

    /// `RAW`: only once the bridge's chunk is here.
    pub(super) fn raw(&self, id: &JsValue, value: &JsValue) {
        comlink::reply_raw(&self.to, &self.origin, id, value);
    }

    /// A `throw` with `error`, whether or not the chunk is here.
    pub(super) fn throw(&self, id: &JsValue, error: &JsValue) {
        reply_throw(&self.to, &self.origin, id, error);
    }
}
