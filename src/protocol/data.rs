//! A read-only view of `MessageEvent.data`, so the core can classify and
//! validate messages without knowing about `JsValue`.

use alloc::{borrow::ToOwned, string::String, vec::Vec};

use super::shape::{Payload, Shape};

/// What a structured-clone value is, as far as payload shapes care.
/// `kind as u32` is the code the web layer's JavaScript answers with (its
/// constants are generated from [`Kind::ALL`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `undefined` or a missing field.
    Undefined,
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// Any number, `NaN` included.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// Any other object.
    Object,
    /// Something no payload field may be (a `BigInt`, say).
    Other,
}

impl Kind {
    /// Every kind, in code order.
    pub const ALL: [Kind; 8] =
        [Kind::Undefined, Kind::Null, Kind::Bool, Kind::Number, Kind::String, Kind::Array, Kind::Object, Kind::Other];

    /// The kind a code stands for; anything unknown is [`Kind::Other`].
    pub fn from_code(code: u32) -> Kind {
        usize::try_from(code).ok().and_then(|at| Kind::ALL.get(at)).copied().unwrap_or(Kind::Other)
    }
}

/// The operations the core needs from a message value. The web layer
/// implements it for `JsValue`; [`Value`] implements it for tests.
pub trait Data: Clone {
    /// The kind of this value.
    fn kind(&self) -> Kind;
    /// An *own* property of an object (never one inherited from a possibly
    /// polluted prototype); `None` for non-objects and missing fields.
    /// Names are the protocol's own, hence `'static`: the web layer makes
    /// each one a JS string once per page.
    fn field(&self, name: &'static str) -> Option<Self>;
    /// The kind of [`Data::field`] (`Undefined` when absent): one question
    /// instead of two, for the many fields whose shape is just a kind.
    fn field_kind(&self, name: &'static str) -> Kind {
        self.field(name).map_or(Kind::Undefined, |value| value.kind())
    }
    /// Which of `among` the own string field `name` of this object (not
    /// an array) is, if it is one of them: a message's `type` is only ever
    /// compared, never kept, so the web layer answers without copying the
    /// string into the wasm.
    fn field_among(&self, name: &'static str, among: &'static [&'static str]) -> Option<&'static str> {
        if self.kind() != Kind::Object {
            return None;
        }
        let longest = among.iter().map(|known| known.len()).max().unwrap_or(0);
        let text = self.field(name)?.text(longest)?;
        among.iter().find(|known| **known == text).copied()
    }
    /// The string, if this is one of at most `max` UTF-16 code units (its
    /// JavaScript `length`): the length is asked before anything is copied
    /// into the wasm, whose memory never shrinks.
    fn text(&self, max: usize) -> Option<String>;
    /// The number, if this is one.
    fn number(&self) -> Option<f64>;
    /// The elements, if this is an array of at most `max` of them: the
    /// length is asked before any element crosses into the wasm (a few
    /// bytes on the wire can claim a length of millions).
    fn items(&self, max: usize) -> Option<Vec<Self>>;
    /// Whether this value has the shape of `payload`: [`Shape::accepts`],
    /// which asks its questions one field at a time. The web layer answers
    /// in one call instead, from the generated JavaScript form of the same
    /// table.
    fn conforms(&self, payload: Payload) -> bool {
        payload.shape().accepts(self)
    }
    /// Whether the field `name` of this object has the shape of `payload`;
    /// a missing field only fits a shape that allows absence.
    fn field_conforms(&self, name: &'static str, payload: Payload) -> bool {
        match self.field(name) {
            Some(value) => value.conforms(payload),
            None => matches!(payload.shape(), Shape::Maybe(_)),
        }
    }
}

/// A plain in-memory value: the `Data` of host tests and property tests.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, fields in insertion order (a later duplicate wins).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// An object from `(name, value)` pairs.
    pub fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
        Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    }

    /// A string value.
    pub fn str(text: &str) -> Value {
        Value::String(text.to_owned())
    }
}

impl Data for Value {
    fn kind(&self) -> Kind {
        match self {
            Value::Undefined => Kind::Undefined,
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Number(_) => Kind::Number,
            Value::String(_) => Kind::String,
            Value::Array(_) => Kind::Array,
            Value::Object(_) => Kind::Object,
        }
    }

    fn field(&self, name: &'static str) -> Option<Value> {
        match self {
            Value::Object(fields) => {
                fields.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone()).filter(|v| *v != Value::Undefined)
            }
            _ => None,
        }
    }

    fn text(&self, max: usize) -> Option<String> {
        match self {
            Value::String(s) if s.encode_utf16().count() <= max => Some(s.clone()),
            _ => None,
        }
    }

    fn number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    fn items(&self, max: usize) -> Option<Vec<Value>> {
        match self {
            Value::Array(items) if items.len() <= max => Some(items.clone()),
            _ => None,
        }
    }
}
