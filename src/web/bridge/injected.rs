//! What the families injected as page globals (Tron, TON) share: the Link
//! UI names them in a list argument, and each discovery replaces its list
//! and marks it ready. The core vets each name before anything is read
//! ([`crate::protocol::window_path`]).

use alloc::string::String;
use alloc::vec::Vec;

use js_sys::Array;
use wasm_bindgen::JsValue;

use super::comlink;
use crate::protocol::{Data, MAX_ID, MAX_NAMES};
use crate::web::js_data::bounded_text;

/// The strings of a list argument; a non-array is the child's mistake.
pub fn names(list: &JsValue, what: &str) -> Result<Vec<String>, JsValue> {
    if !Array::is_array(list) {
        let mut message = String::from(what);
        message.push_str(" must be an array of strings");
        return Err(comlink::type_error(&message));
    }
    // Measured before anything is copied into the wasm.
    let Some(items) = list.items(MAX_NAMES) else {
        let mut message = String::from(what);
        message.push_str(" must list at most 64 names");
        return Err(comlink::type_error(&message));
    };
    Ok(items.iter().filter_map(|v| bounded_text(v, MAX_ID)).collect())
}
