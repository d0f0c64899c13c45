//! Comlink's side of the bridge's JavaScript (`comlink.js`), each a single
//! boundary crossing: the reply shapes, the child's proxied callbacks,
//! which values go out by reference, and a session's liveness.

use alloc::string::String;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen(module = "/src/web/bridge/chunk.js", js_namespace = bridge)]
extern "C" {
    /// A session's liveness, `{over: false}`, for [`answer_when_settled`].
    pub fn session() -> JsValue;
    /// Marks `session` over: its pending calls will not answer.
    pub fn end(session: &JsValue);
    /// Answers `id` when `promise` settles, unless `session` is over by
    /// then: `RAW`, a `throw`, or (a value the API hands out by reference)
    /// through `by_reference(target, origin, id, value)`.
    #[wasm_bindgen(js_name = answerWhenSettled)]
    pub fn answer_when_settled(
        promise: &js_sys::Promise,
        session: &JsValue,
        target: &JsValue,
        origin: &JsValue,
        id: &JsValue,
        by_reference: &js_sys::Function,
    );
    /// Calls and forgets each function in the list, whatever they throw.
    #[wasm_bindgen(js_name = runAll)]
    pub fn run_all(functions: &js_sys::Array);
    /// `{type:'RAW', value, id}`, or a `throw` if it cannot be cloned.
    #[wasm_bindgen(js_name = replyRaw)]
    pub fn reply_raw(target: &JsValue, origin: &JsValue, id: &JsValue, value: &JsValue);
    /// A transferred port: a proxy (`HANDLER proxy`) or an `ENDPOINT` (`RAW`).
    #[wasm_bindgen(js_name = replyPort)]
    pub fn reply_port(target: &JsValue, origin: &JsValue, id: &JsValue, port: &JsValue, proxy: bool);
    /// `new Error(message)`.
    pub fn error(message: &str) -> JsValue;
    /// `new TypeError(message)`.
    #[wasm_bindgen(js_name = typeError)]
    pub fn type_error(message: &str) -> JsValue;
    /// `String(value)`.
    pub fn text(value: &JsValue) -> String;
    /// A function that calls the child's proxied callback behind `port`;
    /// failures stay here (never an unhandled rejection in the host page).
    pub fn remote(port: &JsValue) -> js_sys::Function;
    /// Whether the API hands `value` out as a proxy.
    #[wasm_bindgen(js_name = isProxied)]
    pub fn is_proxied(value: &JsValue) -> bool;
}
