//! What the core's unit tests share: JSON fixtures as [`Value`]s, the
//! sessions they run on, and the generators of the property tests.

use proptest::prelude::*;

use crate::protocol::{Face, LinkInput, LinkParams, Session, Value};

/// The repository's file at `path` (the fixtures and the corpus are shared with the JavaScript tests).
pub fn repository_file(path: &str) -> String {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn from_json(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(items) => Value::Array(items.iter().map(from_json).collect()),
        serde_json::Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), from_json(v))).collect()),
    }
}

pub fn fixture(name: &str) -> Value {
    let text = repository_file("tests/fixtures/link-messages.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("fixture JSON");
    from_json(&json["inbound"][name])
}

pub const ORIGIN: &str = "http://127.0.0.1:8081";
// http://127.0.0.1:8081/link?session=abc
pub const TOKEN: &str = "aHR0cDovLzEyNy4wLjAuMTo4MDgxL2xpbms/c2Vzc2lvbj1hYmM=";

pub fn session() -> Session {
    Session::open(LinkInput::Token(TOKEN), &LinkParams::default()).expect("fixture token opens").0
}

pub fn mesh(embedded: bool, iframe_id: Option<&str>) -> LinkParams {
    LinkParams { face: Face::Link, embedded, iframe_id: iframe_id.map(String::from), ..LinkParams::default() }
}

pub fn mesh_session(embedded: bool) -> Session {
    Session::open(LinkInput::Token(TOKEN), &mesh(embedded, Some("host"))).expect("fixture token opens").0
}

/// Arbitrary data as a message could hold: object keys from `keys` (or any
/// short name) and strings from `words` (or any short text), nested.
pub fn values(keys: &'static [&'static str], words: &'static [&'static str]) -> impl Strategy<Value = Value> {
    let key = prop_oneof![prop::sample::select(keys).prop_map(str::to_owned), "[a-zA-Z]{1,12}"];
    let leaf = prop_oneof![
        Just(Value::Undefined),
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        prop::sample::select(words).prop_map(Value::str),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8).prop_map(Value::Object),
        ]
    })
}

/// Arbitrary data in the Link UI's vocabulary.
pub fn arb_value() -> impl Strategy<Value = Value> {
    values(
        &["type", "payload", "message", "link", "status", "accountTokens", "__proto__"],
        &["brokerageAccountAccessToken", "close", "done", "oauthLinkOpen", "transferFinished", "success", "loaded"],
    )
}
