//! The console's word on Link UI messages that were not delivered in full,
//! and (debug) on delivered payloads that differ from the upstream types:
//! the core's [`Action::Warn`](crate::protocol::Action::Warn) and
//! [`Action::Report`](crate::protocol::Action::Report), worded in
//! `js_data.js` from the generated tables (the reasons are `Ignored::reason`).

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use crate::protocol::{Ignored, Payload};

#[wasm_bindgen(module = "/src/web/js_data.js")]
extern "C" {
    #[wasm_bindgen(js_name = warn)]
    fn warn_js(why: u32, data: &JsValue);
    #[wasm_bindgen(js_name = report)]
    fn report_js(promised: u32, data: &JsValue);
}

/// `console.warn`s that `data` was not delivered in full, and why.
pub fn warn(why: Ignored, data: &JsValue) {
    warn_js(why as u32, data);
}

/// `console.warn`s where the payload of `data` leaves the upstream type `promised`.
pub fn report(promised: Payload, data: &JsValue) {
    report_js(promised as u32, data);
}
