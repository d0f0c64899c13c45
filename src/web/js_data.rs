//! `MessageEvent.data` as the core's [`Data`]: own data properties only,
//! so neither getters nor a polluted `Object.prototype` can answer.

use alloc::{string::String, vec::Vec};

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::protocol::{Data, Kind};

impl Data for JsValue {
    fn kind(&self) -> Kind {
        if self.is_undefined() {
            Kind::Undefined
        } else if self.is_null() {
            Kind::Null
        } else if self.as_bool().is_some() {
            Kind::Bool
        } else if self.as_f64().is_some() {
            Kind::Number
        } else if self.is_string() {
            Kind::String
        } else if Array::is_array(self) {
            Kind::Array
        } else if self.is_object() {
            Kind::Object
        } else {
            Kind::Other
        }
    }

    fn field(&self, name: &str) -> Option<JsValue> {
        if !self.is_object() {
            return None;
        }
        let descriptor = Object::get_own_property_descriptor(self.unchecked_ref::<Object>(), &JsValue::from_str(name));
        if !descriptor.is_object() {
            return None;
        }
        Reflect::get(&descriptor, &JsValue::from_str("value")).ok().filter(|v| !v.is_undefined())
    }

    fn string(&self) -> Option<String> {
        self.as_string()
    }

    fn number(&self) -> Option<f64> {
        self.as_f64()
    }

    fn items(&self) -> Option<Vec<JsValue>> {
        Array::is_array(self).then(|| self.unchecked_ref::<Array>().iter().collect())
    }
}
