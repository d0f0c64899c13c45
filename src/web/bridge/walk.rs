//! The property walk (`walk.js`): from the API, or a value it handed out,
//! along a path the core has vetted by name ([`crate::protocol::route`]);
//! the walk adds the rule only live objects can answer (own members first,
//! never a member of the shared prototypes).

use alloc::string::String;
use alloc::vec::Vec;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen(module = "/src/web/bridge/chunk.js", js_namespace = bridge)]
extern "C" {
    /// The value at `path` from `root` (the first step own properties only;
    /// never a member of `Object`, `Function` or `Array`'s prototypes).
    pub fn get(root: &JsValue, path: &JsValue) -> js_sys::Promise;
    /// Calls the function at `path` with `this` = its parent.
    pub fn apply(root: &JsValue, path: &JsValue, args: &js_sys::Array) -> js_sys::Promise;
    /// The value at a vetted path of property names from `window`.
    #[wasm_bindgen(js_name = atPath)]
    pub fn at_path(path: Vec<String>) -> JsValue;
}
