//! The capability surface (`capability.js`): the Link frame reaches only what
//! the bridge built for it. The walk ([`super::walk`]) steps from built
//! objects only, so a wallet object never is one: the families build
//! entries whose methods call the wallet and whose data is a copy.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen(module = "/src/web/bridge/chunk.js", js_namespace = bridge)]
extern "C" {
    /// Puts `value` on the surface.
    pub fn made(value: &JsValue) -> JsValue;
    /// A copy of data from outside the bridge (a wallet's, or what the
    /// child sets), on the surface and holding nothing else.
    pub fn plain(value: &JsValue) -> JsValue;
}
