//! `MessageEvent.data` as the core's [`Data`]: own data properties only,
//! so neither getters nor a polluted `Object.prototype` can answer.

use alloc::{string::String, vec::Vec};
use core::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use js_sys::Array;

use crate::protocol::{Data, Kind, Shape};

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
export function among(o, k, names) {
  if (kindOf(o) !== 6) return -1;
  const value = ownField(o, k);
  return typeof value === 'string' ? names.get(value) ?? -1 : -1;
}
export function indexOf(names) {
  return new Map(names.map((name, i) => [name, i]));
}
export function items(a) {
  return Array.isArray(a) ? Array.from(a) : undefined;
}
export function conforms(s, v) {
  switch (s[0]) {
    case 0: return typeof v === 'string';
    case 1: return typeof v === 'number';
    case 2: return typeof v === 'boolean';
    case 3: return true;
    case 4: return v === s[1];
    case 5: {
      const all = items(v);
      return all !== undefined && all.every((item) => conforms(s[1], item));
    }
    case 6: {
      if (kindOf(v) !== 6) return false;
      const fields = s[1];
      for (let i = 0; i < fields.length; i += 3) {
        const value = ownField(v, fields[i]);
        if (value === undefined || value === null ? fields[i + 1] : !conforms(fields[i + 2], value)) return false;
      }
      return true;
    }
    case 7: return s[1].some((shape) => conforms(shape, v));
    case 8: return v === undefined || v === null || conforms(s[1], v);
  }
  return false;
}
")]
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
    fn array_items(array: &JsValue) -> Option<Vec<JsValue>>;
    #[wasm_bindgen(js_name = conforms)]
    fn conforms_js(shape: &JsValue, value: &JsValue) -> bool;
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

page_global!(SHAPES: RefCell<Vec<(*const Shape, &'static JsValue)>> = RefCell::new(Vec::new()));

/// `shape` in the form `conforms` reads, made once per page: `[tag, …]`
/// nested arrays, a `Ref` replaced by what it names. The table stays the
/// core's; this is only its transcription.
fn compiled(shape: &'static Shape) -> &'static JsValue {
    SHAPES.with(|shapes| once(shapes, shape, || transcribe(shape)))
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

fn transcribe(shape: &'static Shape) -> JsValue {
    let tagged = |tag: u32, inner: JsValue| Array::of2(&tag.into(), &inner).into();
    match shape {
        Shape::Str => Array::of1(&0.into()).into(),
        Shape::Num => Array::of1(&1.into()).into(),
        Shape::Bool => Array::of1(&2.into()).into(),
        Shape::Any => Array::of1(&3.into()).into(),
        Shape::Lit(text) => tagged(4, js_name(text).clone()),
        Shape::List(item) => tagged(5, transcribe(item)),
        Shape::Obj(fields) => {
            let flat = Array::new();
            for field in fields.iter() {
                flat.push(js_name(field.name()));
                flat.push(&field.required().into());
                flat.push(&transcribe(field.shape()));
            }
            tagged(6, flat.into())
        }
        Shape::Either(shapes) => tagged(7, shapes.iter().map(transcribe).collect::<Array>().into()),
        Shape::Ref(shape) => transcribe(shape),
        Shape::Maybe(shape) => tagged(8, transcribe(shape)),
    }
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
        own_field(self, js_name(name))
    }

    fn field_among(&self, name: &'static str, among_names: &'static [&'static str]) -> Option<&'static str> {
        let at = among(self, js_name(name), indexed(among_names));
        among_names.get(usize::try_from(at).ok()?).copied()
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

    fn conforms(&self, shape: &'static Shape) -> bool {
        conforms_js(compiled(shape), self)
    }
}
