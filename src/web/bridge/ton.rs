//! TON wallets' JS bridges injected as page globals
//! (`discoverTonWallets`): `window[key].tonconnect` for each key the Link
//! UI names, served as 1.7.0 does (`ton.js`).

use alloc::string::String;
use alloc::vec::Vec;

use js_sys::Array;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::injected::names;
use super::{publish, Outcome, Shared};
use crate::protocol::{ton_uuid, window_path};

#[wasm_bindgen(module = "/src/web/bridge/chunk.js", js_namespace = bridge)]
extern "C" {
    /// A `tonWallets` entry, or `undefined` if `window[key]` has no JS bridge.
    #[wasm_bindgen(js_name = tonEntry)]
    fn ton_entry(key: &str, uuid: &str, teardowns: &Array) -> JsValue;
}

/// `discoverTonWallets(jsBridgeKeys)`: replaces `tonWallets`.
pub fn discover(shared: &Shared, args: &Array) -> Result<Outcome, JsValue> {
    let mut seen: Vec<String> = Vec::new();
    let entries = Array::new();
    for key in names(&args.get(0), "jsBridgeKeys")? {
        // One property of `window`, as 1.7.0 reads it.
        if seen.contains(&key) || window_path(&key).map(|path| path.len()) != Some(1) {
            continue;
        }
        let entry = ton_entry(&key, &ton_uuid(&key), &shared.teardowns);
        if !entry.is_undefined() {
            entries.push(&entry);
            seen.push(key);
        }
    }
    publish(shared, "tonWallets", &entries);
    Ok(Outcome::Value(JsValue::UNDEFINED))
}
