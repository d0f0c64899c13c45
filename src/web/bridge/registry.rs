//! The page's Wallet Standard registry (`registry.js`), which the Solana
//! and Bitcoin families read: its wallets of a family, with the ids 1.7.0
//! gives them, and their account changes.

use alloc::string::String;
use alloc::vec::Vec;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use crate::protocol::Family;

#[wasm_bindgen(module = "/src/web/bridge/chunk.js", js_namespace = bridge)]
extern "C" {
    /// The wallets of the page's Wallet Standard registry, now.
    #[wasm_bindgen(js_name = standardWallets)]
    fn standard_wallets() -> js_sys::Array;
    /// A wallet's name, lower-cased by the browser (Unicode-aware).
    #[wasm_bindgen(js_name = lowerName)]
    fn lower_name(wallet: &JsValue) -> String;
    /// A wallet's chains (strings only).
    fn chains(wallet: &JsValue) -> Vec<String>;
    /// Subscribes `callback` to the first account's address; the (proxied,
    /// idempotent) unsubscribe, or `undefined` for a wallet without events.
    #[wasm_bindgen(js_name = watchAccounts)]
    pub fn watch_accounts(wallet: &JsValue, callback: &JsValue) -> JsValue;
}

/// The page's Wallet Standard wallets of `family`, with their ids, in
/// registration order (read anew on each call: wallets register late).
pub fn wallets(family: Family) -> impl Iterator<Item = (JsValue, String)> {
    standard_wallets().into_iter().filter_map(move |wallet| {
        let chains = chains(&wallet);
        let chains = chains.iter().map(String::as_str);
        if !family.takes(chains.clone()) {
            return None;
        }
        let id = family.wallet_id(&lower_name(&wallet), chains);
        Some((wallet, id))
    })
}
