//! `MessageEvent.data` as the core's [`Data`]: own data properties only,
//! so neither getters nor a polluted `Object.prototype` can answer.

use alloc::{string::String, vec::Vec};
use core::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use crate::protocol::{Data, Kind};

// One boundary crossing per question instead of several: validation asks
// many of them per message.
#[wasm_bindgen(inline_js = "
export function kindOf(v) {
  if (v === undefined) return 0;
  if (v === null) return 1;
  switch (typeof v) {
    case 'boolean': return 2;
    case 'number': return 3;
    case 'string': return 4;
    case 'object': return Array.isArray(v) ? 5 : 6;
    default: return 7;
  }
}
export function ownField(o, k) {
  if (o === null || typeof o !== 'object') return undefined;
  const d = Object.getOwnPropertyDescriptor(o, k);
  return d === undefined ? undefined : d.value;
}
export function ownFieldKind(o, k) {
  return kindOf(ownField(o, k));
}
export function items(a) {
  return Array.isArray(a) ? Array.from(a) : undefined;
}
")]
extern "C" {
    #[wasm_bindgen(js_name = kindOf)]
    fn kind_of(value: &JsValue) -> u32;
    #[wasm_bindgen(js_name = ownField)]
    // `null` comes back as `None` too, which every shape treats like a
    // missing field anyway.
    fn own_field(object: &JsValue, name: &JsValue) -> Option<JsValue>;
    #[wasm_bindgen(js_name = ownFieldKind)]
    fn own_field_kind(object: &JsValue, name: &JsValue) -> u32;
    #[wasm_bindgen(js_name = items)]
    fn array_items(array: &JsValue) -> Option<Vec<JsValue>>;
}

page_global!(NAMES: RefCell<Vec<(*const u8, usize, JsValue)>> = RefCell::new(Vec::new()));

/// `name` as a JS string, made once per page. Passing a `&str` to JS
/// decodes its UTF-8 on every call, which cost more than the question it
/// came with; the protocol's names are few and `'static`.
pub fn js_name(name: &'static str) -> JsValue {
    let key = (name.as_ptr(), name.len());
    NAMES.with(|names| {
        let Ok(mut names) = names.try_borrow_mut() else { return JsValue::from_str(name) };
        if let Some((_, _, value)) = names.iter().find(|(ptr, len, _)| (*ptr, *len) == key) {
            return value.clone();
        }
        let value = JsValue::from_str(name);
        names.push((key.0, key.1, value.clone()));
        value
    })
}

fn kind(code: u32) -> Kind {
    match code {
        0 => Kind::Undefined,
        1 => Kind::Null,
        2 => Kind::Bool,
        3 => Kind::Number,
        4 => Kind::String,
        5 => Kind::Array,
        6 => Kind::Object,
        _ => Kind::Other,
    }
}

impl Data for JsValue {
    fn kind(&self) -> Kind {
        kind(kind_of(self))
    }

    fn field(&self, name: &'static str) -> Option<JsValue> {
        own_field(self, &js_name(name))
    }

    fn field_kind(&self, name: &'static str) -> Kind {
        kind(own_field_kind(self, &js_name(name)))
    }

    fn string(&self) -> Option<String> {
        self.as_string()
    }

    fn number(&self) -> Option<f64> {
        self.as_f64()
    }

    fn items(&self) -> Option<Vec<JsValue>> {
        array_items(self)
    }
}
