//! `MessageEvent.data` as the core's [`Data`]: own data properties only,
//! so neither getters nor a polluted `Object.prototype` can answer.

use alloc::{string::String, vec::Vec};
use core::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use js_sys::Array;

use crate::protocol::{Data, Kind, Payload};

// `js_data.js` imports the generated `tables.js`; naming it here is what
// makes wasm-bindgen ship it beside.
#[wasm_bindgen(module = "/src/web/tables.js")]
extern "C" {
    #[allow(dead_code)]
    #[wasm_bindgen(thread_local_v2, js_name = SHAPES)]
    static TABLES: JsValue;
}

#[wasm_bindgen(module = "/src/web/js_data.js")]
extern "C" {
    #[wasm_bindgen(js_name = kindOf)]
    fn kind_of(value: &JsValue) -> u32;
    #[wasm_bindgen(js_name = ownField)]
    // `null` comes back as `None` too, which every shape treats like a
    // missing field anyway.
    fn own_field(object: &JsValue, name: &JsValue) -> Option<JsValue>;
    /// The position of `object[name]` in a list [`indexed`] made a `Map`;
    /// -1 if it is not there (or not an own string field).
    fn among(object: &JsValue, name: &JsValue, names: &JsValue) -> i32;
    #[wasm_bindgen(js_name = indexOf)]
    fn index_of(names: &Array) -> JsValue;
    #[wasm_bindgen(js_name = items)]
    fn array_items(array: &JsValue, max: u32) -> Option<Vec<JsValue>>;
    #[wasm_bindgen(js_name = text)]
    fn text_of(value: &JsValue, max: u32) -> Option<String>;
    #[wasm_bindgen(js_name = conforms)]
    fn conforms_js(payload: u32, value: &JsValue) -> bool;
    #[wasm_bindgen(js_name = fieldConforms)]
    fn field_conforms_js(payload: u32, object: &JsValue, name: &JsValue) -> bool;
}

page_global!(NAMES: RefCell<Vec<(*const str, &'static JsValue)>> = RefCell::new(Vec::new()));

/// `name` as a JS string, made once per page. Passing a `&str` to JS
/// decodes its UTF-8 on every call, which cost more than the question it
/// came with; the protocol's names are few and `'static`.
pub fn js_name(name: &'static str) -> &'static JsValue {
    NAMES.with(|names| once(names, name, || JsValue::from_str(name)))
}

page_global!(LISTS: RefCell<Vec<(*const &'static str, &'static JsValue)>> = RefCell::new(Vec::new()));

/// `names` as a JS `Map` from each name to its position, made once per page.
fn indexed(names: &'static [&'static str]) -> &'static JsValue {
    LISTS.with(|lists| once(lists, names.as_ptr(), || index_of(&names.iter().map(|name| js_name(name)).collect())))
}

/// The JS form of the core's `'static` value at `key` (address and, for a
/// `str`, length), made the first time it is asked for and kept, like the
/// value it stands for, for the life of the page: handing out a reference
/// spares a copy of the handle, itself a call into JS, at every use.
fn once<T: ?Sized>(made: &RefCell<Vec<(*const T, &'static JsValue)>>, key: *const T, make: impl Fn() -> JsValue) -> &'static JsValue {
    let found = made.try_borrow().ok().and_then(|made| made.iter().find(|(at, _)| core::ptr::eq(*at, key)).map(|(_, value)| *value));
    if let Some(value) = found {
        return value;
    }
    // Made and kept once per key: no borrow is held while `make` runs, so
    // recording it cannot fail.
    let value: &'static JsValue = alloc::boxed::Box::leak(alloc::boxed::Box::new(make()));
    if let Ok(mut made) = made.try_borrow_mut() {
        made.push((key, value));
    }
    value
}

/// The string `value` is, if it has at most `max` UTF-16 code units: the
/// length is asked before anything is copied into the wasm.
pub fn bounded_text(value: &JsValue, max: usize) -> Option<String> {
    text_of(value, u32::try_from(max).unwrap_or(u32::MAX))
}

impl Data for JsValue {
    fn kind(&self) -> Kind {
        Kind::from_code(kind_of(self))
    }

    fn field(&self, name: &'static str) -> Option<JsValue> {
        own_field(self, js_name(name))
    }

    fn field_among(&self, name: &'static str, among_names: &'static [&'static str]) -> Option<&'static str> {
        let at = among(self, js_name(name), indexed(among_names));
        among_names.get(usize::try_from(at).ok()?).copied()
    }

    fn text(&self, max: usize) -> Option<String> {
        bounded_text(self, max)
    }

    fn number(&self) -> Option<f64> {
        self.as_f64()
    }

    fn items(&self, max: usize) -> Option<Vec<JsValue>> {
        array_items(self, u32::try_from(max).unwrap_or(u32::MAX))
    }

    fn conforms(&self, payload: Payload) -> bool {
        conforms_js(payload as u32, self)
    }

    fn field_conforms(&self, name: &'static str, payload: Payload) -> bool {
        field_conforms_js(payload as u32, self, js_name(name))
    }
}
