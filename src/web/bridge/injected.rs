//! Wallets injected as page globals: Tron (`discoverTronWallets`,
//! `subscribeTronProviderEvent`) and TON (`discoverTonWallets`). The Link
//! UI names them; the core vets each name before anything is read.

use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;

use super::{glue, not_found, push, Outcome, Shared, Subscription};
use crate::protocol::{ton_uuid, tron_names, window_path};

/// The strings of a list argument; a non-array is the child's mistake.
fn names(list: &JsValue, what: &str) -> Result<Vec<String>, JsValue> {
    if !Array::is_array(list) {
        let mut message = String::from(what);
        message.push_str(" must be an array of strings");
        return Err(glue::type_error(&message));
    }
    Ok(Array::from(list).iter().filter_map(|v| v.as_string()).collect())
}

fn publish(shared: &Shared, field: &str, entries: &Array) {
    let _ = Reflect::set(&shared.api, &JsValue::from_str(field), entries);
    let mut ready = String::from(field);
    ready.push_str("Ready");
    let _ = Reflect::set(&shared.api, &JsValue::from_str(&ready), &JsValue::TRUE);
}

/// The Tron provider at `id`, if `id` is a plain path to one.
fn tron_provider(id: &str) -> Option<JsValue> {
    let path = window_path(id)?;
    let provider = glue::at_path(path.into_iter().map(String::from).collect());
    glue::is_tron_provider(&provider).then_some(provider)
}

/// `discoverTronWallets(injectedIds)`: replaces `tronWallets`.
pub fn discover_tron(shared: &Shared, args: &Array) -> Result<Outcome, JsValue> {
    let mut seen: Vec<String> = Vec::new();
    let entries = Array::new();
    for id in names(&args.get(0), "injectedIds")? {
        if seen.contains(&id) {
            continue;
        }
        if let Some(provider) = tron_provider(&id) {
            let (uuid, name) = tron_names(&id);
            entries.push(&glue::tron_entry(&provider, &id, &uuid, &name));
            seen.push(id);
        }
    }
    publish(shared, "tronWallets", &entries);
    Ok(Outcome::Value(JsValue::UNDEFINED))
}

/// `subscribeTronProviderEvent(injectedId, eventName, callback)`.
pub fn subscribe_tron(shared: &Rc<Shared>, args: &Array) -> Result<Outcome, JsValue> {
    let id = args.get(0);
    let injected_id = id.as_string().unwrap_or_default();
    let Some(provider) = tron_provider(&injected_id) else {
        return Err(not_found("subscribeTronProviderEvent: no provider found at injectedId", &id));
    };
    let teardown = glue::watch_tron(&provider, &injected_id, &args.get(1), &args.get(2));
    push(&shared.subscriptions, Subscription(teardown.clone()));
    Ok(Outcome::Proxy(teardown.into()))
}

/// `discoverTonWallets(jsBridgeKeys)`: replaces `tonWallets`.
pub fn discover_ton(shared: &Shared, args: &Array) -> Result<Outcome, JsValue> {
    let mut seen: Vec<String> = Vec::new();
    let entries = Array::new();
    for key in names(&args.get(0), "jsBridgeKeys")? {
        // One property of `window`, as 1.7.0 reads it.
        if seen.contains(&key) || window_path(&key).map(|path| path.len()) != Some(1) {
            continue;
        }
        let entry = glue::ton_entry(&key, &ton_uuid(&key), &shared.teardowns);
        if !entry.is_undefined() {
            entries.push(&entry);
            seen.push(key);
        }
    }
    publish(shared, "tonWallets", &entries);
    Ok(Outcome::Value(JsValue::UNDEFINED))
}
