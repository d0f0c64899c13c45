//! The JavaScript the bridge needs, each a single boundary crossing: the
//! property walk with its prototype rule, calls that always come back as a
//! promise, and Comlink's reply shapes.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen(module = "/src/web/bridge/glue.js")]
extern "C" {
    /// The value at `path` from `root` (the first step own properties only;
    /// never a member of `Object`, `Function` or `Array`'s prototypes).
    pub fn get(root: &JsValue, path: &JsValue) -> js_sys::Promise;
    /// Calls the function at `path` with `this` = its parent.
    pub fn apply(root: &JsValue, path: &JsValue, args: &js_sys::Array) -> js_sys::Promise;
    /// A session's liveness, `{over: false}`, for [`answer_when_settled`].
    pub fn session() -> JsValue;
    /// Marks `session` over: its pending calls will not answer.
    pub fn end(session: &JsValue);
    /// Answers `id` when `promise` settles, unless `session` is over by
    /// then: `RAW`, a `throw`, or (a value the API hands out by reference)
    /// through `by_reference(target, origin, id, value)`.
    #[wasm_bindgen(js_name = answerWhenSettled)]
    pub fn answer_when_settled(promise: &js_sys::Promise, session: &JsValue, target: &JsValue, origin: &JsValue, id: &JsValue, by_reference: &js_sys::Function);
    /// `{type}`, or `{type, payload}` if there is one: the runtime's own
    /// messages to the Link UI.
    #[wasm_bindgen(catch)]
    pub fn post(target: &JsValue, origin: &JsValue, kind: &JsValue, payload: &JsValue) -> Result<(), JsValue>;
    /// `{type:'HANDLER', name:'throw', value, id}`, with a `stack` that
    /// names no script of the host page.
    #[wasm_bindgen(js_name = replyThrow)]
    pub fn reply_throw(target: &JsValue, origin: &JsValue, id: &JsValue, error: &JsValue);
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
    /// A function that calls the child's proxied callback behind `port`;
    /// failures stay here (never an unhandled rejection in the host page).
    pub fn remote(port: &JsValue) -> js_sys::Function;
    /// `f` with only its first argument passed on.
    #[wasm_bindgen(js_name = firstArgument)]
    pub fn first_argument(f: &js_sys::Function) -> js_sys::Function;
    /// A function that does [`unlisten`] and returns nothing: the teardown
    /// the child gets as a proxy.
    pub fn teardown(provider: &JsValue, event: &JsValue, listener: &JsValue) -> js_sys::Function;
    /// `String(value)`.
    pub fn text(value: &JsValue) -> alloc::string::String;
    /// Whether the API hands `value` out as a proxy.
    #[wasm_bindgen(js_name = isProxied)]
    pub fn is_proxied(value: &JsValue) -> bool;
    /// The wallets of the page's Wallet Standard registry, now.
    #[wasm_bindgen(js_name = standardWallets)]
    pub fn standard_wallets() -> js_sys::Array;
    /// A wallet's name, lower-cased by the browser (Unicode-aware).
    #[wasm_bindgen(js_name = lowerName)]
    pub fn lower_name(wallet: &JsValue) -> alloc::string::String;
    /// A wallet's chains (strings only).
    pub fn chains(wallet: &JsValue) -> alloc::vec::Vec<alloc::string::String>;
    /// A `bip122Wallets` entry: `{uuid, name, features, wallet: {name,
    /// accounts, features}}`, the four Bitcoin features as proxies.
    #[wasm_bindgen(js_name = bitcoinEntry)]
    pub fn bitcoin_entry(wallet: &JsValue, uuid: &str) -> JsValue;
    /// Subscribes `callback` to the first account's address; the (proxied,
    /// idempotent) unsubscribe, or `undefined` for a wallet without events.
    #[wasm_bindgen(js_name = watchAccounts)]
    pub fn watch_accounts(wallet: &JsValue, callback: &JsValue) -> JsValue;
    /// The value at a vetted path of property names from `window`.
    #[wasm_bindgen(js_name = atPath)]
    pub fn at_path(path: alloc::vec::Vec<alloc::string::String>) -> JsValue;
    /// An object with `tronWeb` and `request`: what 1.7.0 calls a Tron provider.
    #[wasm_bindgen(js_name = isTronProvider)]
    pub fn is_tron_provider(value: &JsValue) -> bool;
    /// A `tronWallets` entry `{uuid, name, injectedId, provider}`.
    #[wasm_bindgen(js_name = tronEntry)]
    pub fn tron_entry(provider: &JsValue, injected_id: &str, uuid: &str, name: &str) -> JsValue;
    /// Subscribes `callback` to a Tron provider's `eventName`; the teardown.
    #[wasm_bindgen(js_name = watchTron)]
    pub fn watch_tron(provider: &JsValue, injected_id: &str, event_name: &JsValue, callback: &JsValue) -> js_sys::Function;
    /// A `tonWallets` entry, or `undefined` if `window[key]` has no JS bridge.
    #[wasm_bindgen(js_name = tonEntry)]
    pub fn ton_entry(key: &str, uuid: &str, teardowns: &js_sys::Array) -> JsValue;
    /// Calls and forgets each function in the list, whatever they throw.
    #[wasm_bindgen(js_name = runAll)]
    pub fn run_all(functions: &js_sys::Array);
    /// `typeof value === 'function'`.
    pub fn callable(value: &JsValue) -> bool;
}
