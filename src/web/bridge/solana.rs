//! Solana wallets (`walletStandardWallets`): the Wallet Standard registry's
//! Solana wallets with 1.7.0's adapter surface, and Coinbase's injected Base
//! Wallet. The surface is object plumbing and lives in `solana.js`; what is
//! a protocol rule (where a transaction's parts lie, which cluster an RPC
//! URL names, base58) is the core's, handed to that JavaScript as one
//! `codec` closure that the session owns. Its op codes are the core's
//! [`CodecOp`]s, which `solana.js` knows by name from `rules.js`
//! (a copy of [`crate::protocol::CODEC_OPS`]).

use alloc::rc::Rc;

use js_sys::{Array, Function, Uint32Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::{not_found, publish, push, registry, Outcome, Shared, Subscription};
use crate::protocol::{base58, solana_chain_for_endpoint, transaction_layout, CodecOp, Family, MAX_ID, MAX_LINK, MAX_TRANSACTION};
use crate::web::js_data::bounded_text;

#[wasm_bindgen(module = "/src/web/bridge/chunk.js", js_namespace = bridge)]
extern "C" {
    /// Whether 1.7.0 would build an adapter for the wallet.
    #[wasm_bindgen(js_name = solanaCompatible)]
    fn compatible(wallet: &JsValue) -> bool;
    /// A `walletStandardWallets` entry, its adapter following the wallet
    /// until the session's `teardowns` run.
    #[wasm_bindgen(js_name = standardEntry)]
    fn standard_entry(wallet: &JsValue, uuid: &str, codec: &Codec, teardowns: &Array) -> JsValue;
    /// The Base Wallet entry, or `undefined` (no `window.coinbaseSolana`,
    /// or a registry wallet already has the name).
    #[wasm_bindgen(js_name = baseEntry)]
    fn base_entry(codec: &Codec, teardowns: &Array, entries: &Array) -> JsValue;
    /// Tells `callback` the Base Wallet's address as the session's adapter
    /// connects and disconnects; the (proxied) unsubscribe.
    #[wasm_bindgen(js_name = watchBase)]
    fn watch_base(entry: &JsValue, callback: &JsValue) -> JsValue;
}

/// The core's Solana rules as one JavaScript function `(op, value)`, `op`
/// a [`CodecOp`]: a transaction's layout (bytes → `Uint32Array`, or
/// `undefined` if they are not one), chain-for-endpoint (URL → chain),
/// base58 (bytes → text). An unknown op gives `undefined`.
pub type Codec = Closure<dyn Fn(u32, JsValue) -> JsValue>;

/// The session's codec.
pub fn codec() -> Codec {
    Closure::new(|op: u32, value: JsValue| -> JsValue {
        // Measured before they are copied into the wasm.
        let bytes =
            || value.dyn_ref::<Uint8Array>().filter(|b| b.length() as usize <= MAX_TRANSACTION).map(Uint8Array::to_vec).unwrap_or_default();
        match CodecOp::from_code(op) {
            Some(CodecOp::Layout) => transaction_layout(&bytes()).map_or(JsValue::UNDEFINED, |l| Uint32Array::from(l.as_slice()).into()),
            Some(CodecOp::Chain) => JsValue::from_str(solana_chain_for_endpoint(&bounded_text(&value, MAX_LINK).unwrap_or_default())),
            Some(CodecOp::Base58) => JsValue::from_str(&base58(&bytes())),
            None => JsValue::UNDEFINED,
        }
    })
}

/// Fills `walletStandardWallets` (ready from the start), the Base Wallet last.
pub fn discover(shared: &Shared) {
    let entries: Array =
        registry::wallets(Family::Solana).map(|(wallet, id)| standard_entry(&wallet, &id, &shared.codec, &shared.teardowns)).collect();
    let base = base_entry(&shared.codec, &shared.teardowns, &entries);
    if !base.is_undefined() {
        entries.push(&base);
        shared.base.replace(base);
    }
    publish(shared, "walletStandardWallets", &entries);
}

/// `subscribeSolanaWalletEvent(walletId, callback)`: the registry is read
/// again (a wallet may have registered since); `callback` hears the first
/// account's address on each change of accounts.
pub fn subscribe(shared: &Rc<Shared>, args: &Array) -> Result<Outcome, JsValue> {
    let id = args.get(0);
    let wanted = bounded_text(&id, MAX_ID);
    let base = shared.base.borrow().clone();
    let off = match registry::wallets(Family::Solana).find(|(_, candidate)| Some(candidate) == wanted.as_ref()) {
        Some((wallet, _)) if compatible(&wallet) => registry::watch_accounts(&wallet, &args.get(1)),
        None if wanted.as_deref() == Some("base-wallet-traditional") && !base.is_undefined() => watch_base(&base, &args.get(1)),
        _ => return Err(not_found("subscribeSolanaWalletEvent: no wallet found for walletId", &id)),
    };
    let Some(teardown) = off.dyn_ref::<Function>() else { return Ok(Outcome::Value(JsValue::UNDEFINED)) };
    push(&shared.subscriptions, Subscription(teardown.clone()));
    Ok(Outcome::Proxy(off))
}
