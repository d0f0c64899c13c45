//! Bitcoin (BIP-122) wallets of the page's Wallet Standard registry, as
//! 1.7.0 serves them: a snapshot at the session's start, their four
//! `bitcoin:*` features as proxies (`bitcoin.js`), and account
//! subscriptions.

use alloc::rc::Rc;

use js_sys::{Array, Function};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::{not_found, publish, push, registry, Outcome, Shared, Subscription};
use crate::protocol::{Family, MAX_ID};
use crate::web::js_data::bounded_text;

#[wasm_bindgen(module = "/src/web/bridge/chunk.js", js_namespace = bridge)]
extern "C" {
    /// A `bip122Wallets` entry: `{uuid, name, features, wallet: {name,
    /// accounts, features}}`, the four Bitcoin features as proxies.
    #[wasm_bindgen(js_name = bitcoinEntry)]
    fn bitcoin_entry(wallet: &JsValue, uuid: &str) -> JsValue;
}

/// Fills `bip122Wallets` (`bip122WalletsReady` is true from the start).
pub fn discover(shared: &Shared) {
    let entries: Array = registry::wallets(Family::Bitcoin).map(|(wallet, id)| bitcoin_entry(&wallet, &id)).collect();
    publish(shared, "bip122Wallets", &entries);
}

/// `subscribeBip122WalletEvent(walletId, callback)`: the wallet is looked
/// up again (it may have registered since); `callback` hears the first
/// account's address on each change of accounts.
pub fn subscribe(shared: &Rc<Shared>, args: &Array) -> Result<Outcome, JsValue> {
    let id = args.get(0);
    let wanted = bounded_text(&id, MAX_ID);
    let Some((wallet, _)) = registry::wallets(Family::Bitcoin).find(|(_, candidate)| Some(candidate) == wanted.as_ref()) else {
        return Err(not_found("subscribeBip122WalletEvent: no wallet found for walletId", &id));
    };
    let off = registry::watch_accounts(&wallet, &args.get(1));
    let Some(teardown) = off.dyn_ref::<Function>() else { return Ok(Outcome::Value(JsValue::UNDEFINED)) };
    push(&shared.subscriptions, Subscription(teardown.clone()));
    Ok(Outcome::Proxy(off))
}
