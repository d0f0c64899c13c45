//! `MessageEvent.data` as the core's [`Data`]: own data properties only,
//! so neither getters nor a polluted `Object.prototype` can answer.

use alloc::{string::String, vec::Vec};

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
    fn own_field(object: &JsValue, name: &str) -> Option<JsValue>;
    #[wasm_bindgen(js_name = items)]
    fn array_items(array: &JsValue) -> Option<Vec<JsValue>>;
}

impl Data for JsValue {
    fn kind(&self) -> Kind {
        match kind_of(self) {
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

    fn field(&self, name: &str) -> Option<JsValue> {
        own_field(self, name)
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
