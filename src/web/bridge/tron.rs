//! Tron wallets injected as page globals (`discoverTronWallets`,
//! `subscribeTronProviderEvent`): found at the dotted paths the Link UI
//! names, served with 1.7.0's provider surface (`tron.js`).

use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

use js_sys::{Array, Function};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::injected::names;
use super::{not_found, publish, push, walk, Outcome, Shared, Subscription};
use crate::protocol::{tron_names, window_path, MAX_ID};
use crate::web::js_data::bounded_text;

#[wasm_bindgen(module = "/src/web/bridge/chunk.js", js_namespace = bridge)]
extern "C" {
    /// An object with `tronWeb` and `request`: what 1.7.0 calls a Tron provider.
    #[wasm_bindgen(js_name = isTronProvider)]
    fn is_tron_provider(value: &JsValue) -> bool;
    /// A `tronWallets` entry `{uuid, name, injectedId, provider}`.
    #[wasm_bindgen(js_name = tronEntry)]
    fn tron_entry(provider: &JsValue, injected_id: &str, uuid: &str, name: &str) -> JsValue;
    /// Subscribes `callback` to a Tron provider's `eventName`; the teardown.
    #[wasm_bindgen(js_name = watchTron)]
    fn watch_tron(provider: &JsValue, injected_id: &str, event_name: &JsValue, callback: &JsValue) -> Function;
}

/// The Tron provider at `id`, if `id` is a plain path to one.
fn provider(id: &str) -> Option<JsValue> {
    let path = window_path(id)?;
    let provider = walk::at_path(path.into_iter().map(String::from).collect());
    is_tron_provider(&provider).then_some(provider)
}

/// `discoverTronWallets(injectedIds)`: replaces `tronWallets`.
pub fn discover(shared: &Shared, args: &Array) -> Result<Outcome, JsValue> {
    let mut seen: Vec<String> = Vec::new();
    let entries = Array::new();
    for id in names(&args.get(0), "injectedIds")? {
        if seen.contains(&id) {
            continue;
        }
        if let Some(provider) = provider(&id) {
            let (uuid, name) = tron_names(&id);
            entries.push(&tron_entry(&provider, &id, &uuid, &name));
            seen.push(id);
        }
    }
    publish(shared, "tronWallets", &entries);
    Ok(Outcome::Value(JsValue::UNDEFINED))
}

/// `subscribeTronProviderEvent(injectedId, eventName, callback)`.
pub fn subscribe(shared: &Rc<Shared>, args: &Array) -> Result<Outcome, JsValue> {
    let id = args.get(0);
    let injected_id = bounded_text(&id, MAX_ID).unwrap_or_default();
    let Some(provider) = provider(&injected_id) else {
        return Err(not_found("subscribeTronProviderEvent: no provider found at injectedId", &id));
    };
    let teardown = watch_tron(&provider, &injected_id, &args.get(1), &args.get(2));
    push(&shared.subscriptions, Subscription(teardown.clone()));
    Ok(Outcome::Proxy(teardown.into()))
}
