//! The protocol core (`src/protocol/`, included as it is) behind the few
//! calls the test kit's stand-in makes of its transcription: open a
//! session from a token and options, and let it receive a message. It
//! answers with the names of the actions, which is all the kit records.
//! Built and measured by `bench/kit-core.mjs`; nothing ships it.
#![no_std]

extern crate alloc;

#[path = "../../../src/protocol/mod.rs"]
#[allow(dead_code, unused_imports, missing_docs)]
mod protocol;

use alloc::string::String;
use alloc::vec::Vec;

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;

use protocol::{Action, Callback, Data, Face, Kind, LinkInput, LinkParams, Theme};

// The npm build's allocator and panic handler, as they are.
#[path = "../../../src/bare.rs"]
mod bare;

/// A JavaScript value, read as the core reads data (own fields only).
#[derive(Clone)]
struct Js(JsValue);

impl Data for Js {
    fn kind(&self) -> Kind {
        let v = &self.0;
        if v.is_undefined() {
            Kind::Undefined
        } else if v.is_null() {
            Kind::Null
        } else if v.as_bool().is_some() {
            Kind::Bool
        } else if v.as_f64().is_some() {
            Kind::Number
        } else if v.is_string() {
            Kind::String
        } else if Array::is_array(v) {
            Kind::Array
        } else if v.is_object() {
            Kind::Object
        } else {
            Kind::Other
        }
    }
    fn field(&self, name: &'static str) -> Option<Js> {
        let key = JsValue::from_str(name);
        let own = self.0.is_object() && js_sys::Object::has_own(self.0.unchecked_ref::<js_sys::Object>(), &key);
        own.then(|| Reflect::get(&self.0, &key).ok()).flatten().filter(|v| !v.is_undefined()).map(Js)
    }
    fn text(&self, max: usize) -> Option<String> {
        self.0.as_string().filter(|s| s.len() <= max)
    }
    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn items(&self, max: usize) -> Option<Vec<Js>> {
        let array: &Array = self.0.dyn_ref()?;
        (array.length() as usize <= max).then(|| array.iter().map(Js).collect())
    }
}

fn text(options: &JsValue, name: &str) -> Option<String> {
    Reflect::get(options, &JsValue::from_str(name)).ok()?.as_string()
}

/// A session of the core, as the kit's `SessionState` is one.
#[wasm_bindgen]
pub struct KitSession(protocol::Session);

#[wasm_bindgen]
impl KitSession {
    /// Opens a session: the Link URL, or the exit message of a refusal.
    pub fn open(token: &str, link: bool, options: &JsValue, iframe_id: Option<String>) -> Result<KitSession, JsValue> {
        let params = LinkParams {
            face: if link { Face::Link } else { Face::Front },
            iframe_id,
            language: text(options, "language"),
            display_fiat_currency: text(options, "displayFiatCurrency"),
            theme: text(options, "theme").and_then(|t| Theme::parse(&t)),
            embedded: text(options, "renderType").as_deref() == Some("embedded"),
            ..LinkParams::default()
        };
        match protocol::Session::open(LinkInput::Token(token), &params) {
            Ok((session, _opening)) => Ok(KitSession(session)),
            Err(error) => Err(JsValue::from_str(error.exit_message())),
        }
    }

    /// What the session does with `data`: one name per action.
    pub fn receive(&mut self, data: JsValue) -> Array {
        self.0
            .receive(&Js(data))
            .into_iter()
            .map(|action| {
                JsValue::from_str(match action {
                    Action::Loaded => "loaded",
                    Action::Post(_) => "post",
                    Action::Call(Callback::Exit { .. }) => "exit",
                    Action::Call(_) => "call",
                    Action::OpenWindow(_) => "openWindow",
                    Action::End => "end",
                    Action::Bridge(_) | Action::Refuse(..) => "bridge",
                    Action::Warn { .. } => "warn",
                    Action::Report { .. } => "report",
                })
            })
            .collect()
    }
}
