//! The Rust API's serde payload types (`src/typed/payloads.rs`) against the
//! core's schema (`src/protocol/shape.rs`), both ways: every field of a
//! shape is a typed field of its struct (not left to `extra`), required
//! exactly where the shape requires it and the wire does not lag it
//! ([`Field::lags`](front_link_wasm::protocol::Field::lags): those may be
//! absent), and every typed field of the struct is in the shape. Then every
//! payload of the wire corpus (`tests/corpus/wire.json`) is taken.

use front_link_wasm::protocol::{Payload, Shape};
use front_link_wasm::{
    AccessTokenPayload, Account, AccountToken, BrandInfo, DelayedAuthPayload, LinkEvent, LinkPayload, SelectedIntegration, SessionSummary,
    SessionTransfer, TransferFinishedErrorPayload, TransferFinishedPayload, TransferFinishedSuccessPayload,
};
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

/// A value of `shape` with every optional field present.
fn example(shape: &Shape) -> Value {
    match shape {
        Shape::Str => json!("s"),
        Shape::Num => json!(1.5),
        Shape::Bool => json!(true),
        Shape::Any => json!({ "any": 1 }),
        Shape::Lit(text) => json!(text),
        Shape::List(item) => json!([example(item), example(item)]),
        Shape::Obj(fields) => Value::Object(fields.iter().map(|f| (f.name().to_owned(), example(f.shape()))).collect()),
        Shape::Either(shapes) => shapes.first().map_or(Value::Null, example),
        Shape::Ref(inner) | Shape::Maybe(inner) => example(inner),
    }
}

/// A value no field of `shape` takes.
fn wrong(shape: &Shape) -> Value {
    match shape {
        Shape::Str | Shape::Lit(_) => json!(7),
        Shape::Obj(_) | Shape::Either(_) | Shape::List(_) => json!("wrong"),
        Shape::Ref(inner) | Shape::Maybe(inner) => wrong(inner),
        _ => json!("wrong"),
    }
}

fn object_fields(shape: &Shape) -> &[front_link_wasm::protocol::Field] {
    match shape {
        Shape::Obj(fields) => fields,
        Shape::Ref(inner) => object_fields(inner),
        other => panic!("not an object shape: {other:?}"),
    }
}

fn inline(shape: &'static Shape, field: &str) -> &'static Shape {
    object_fields(shape).iter().find(|f| f.name() == field).map(|f| f.shape()).expect("the field is in the shape")
}

/// The fields of `pub struct name` in payloads.rs: camelCase name and
/// whether it may be absent (serde `default`: an `Option`, or a value with
/// a default); `extra` is left out.
fn struct_fields(name: &str) -> Vec<(String, bool)> {
    let source = include_str!("../src/typed/payloads.rs");
    let start = source.find(&format!("pub struct {name} {{")).unwrap_or_else(|| panic!("pub struct {name} in payloads.rs"));
    let body = &source[start..];
    let body = &body[..body.find("\n}").expect("the struct ends")];
    let mut defaulted = false;
    body.lines()
        .filter_map(|line| {
            let line = line.trim();
            if line.starts_with("#[serde(") {
                defaulted = line.contains("default");
            }
            let field = line.strip_prefix("pub ").and_then(|l| l.split_once(": ")).map(|(f, _)| (f, defaulted));
            if !line.starts_with("#[") && !line.starts_with("///") {
                defaulted = false;
            }
            field
        })
        .filter(|(field, _)| *field != "extra")
        .map(|(field, defaulted)| {
            let mut camel = String::new();
            let mut upper = false;
            for c in field.chars() {
                if c == '_' {
                    upper = true;
                } else if upper {
                    camel.extend(c.to_uppercase());
                    upper = false;
                } else {
                    camel.push(c);
                }
            }
            (camel, defaulted)
        })
        .collect()
}

fn holds<T: DeserializeOwned>(name: &str, shape: &'static Shape, skip: &[&str]) {
    let fields: Vec<_> = object_fields(shape).iter().filter(|f| !skip.contains(&f.name())).collect();
    // Names and required-ness, both ways.
    let mut in_struct = struct_fields(name);
    in_struct.sort();
    let mut in_shape: Vec<(String, bool)> = fields.iter().map(|f| (f.name().to_owned(), !f.required() || f.lags())).collect();
    in_shape.sort();
    assert_eq!(in_struct, in_shape, "{name}: (field, optional) of the struct and of the schema");

    // What serde does agrees: the full example is taken, every field is
    // typed (a value of the wrong kind is refused, not kept in `extra`),
    // and a required field may not be left out.
    let full = example(shape);
    serde_json::from_value::<T>(full.clone()).unwrap_or_else(|e| panic!("{name} takes its example: {e}"));
    for field in &fields {
        let mut changed: Map<String, Value> = full.as_object().expect("an object").clone();
        changed.insert(field.name().to_owned(), wrong(field.shape()));
        assert!(serde_json::from_value::<T>(Value::Object(changed.clone())).is_err(), "{name}.{} is typed", field.name());
        changed.remove(field.name());
        let without = serde_json::from_value::<T>(Value::Object(changed));
        assert_eq!(without.is_err(), field.required() && !field.lags(), "{name} without {}", field.name());
    }
}

#[test]
fn the_rust_payload_types_are_the_schema() {
    holds::<Account>("Account", Payload::Account.shape(), &[]);
    holds::<AccountToken>("AccountToken", Payload::AccountToken.shape(), &[]);
    holds::<BrandInfo>("BrandInfo", Payload::BrandInfo.shape(), &[]);
    holds::<AccessTokenPayload>("AccessTokenPayload", Payload::AccessToken.shape(), &[]);
    holds::<DelayedAuthPayload>("DelayedAuthPayload", Payload::DelayedAuth.shape(), &[]);
    holds::<LinkPayload>("LinkPayload", Payload::LinkPayload.shape(), &[]);
    holds::<SessionSummary>("SessionSummary", Payload::SessionSummary.shape(), &[]);
    holds::<SelectedIntegration>("SelectedIntegration", inline(Payload::SessionSummary.shape(), "selectedIntegration"), &[]);
    holds::<SessionTransfer>("SessionTransfer", inline(Payload::SessionSummary.shape(), "transfer"), &[]);
    // `status` is the enum's tag, checked below.
    holds::<TransferFinishedSuccessPayload>("TransferFinishedSuccessPayload", Payload::TransferFinishedSuccess.shape(), &["status"]);
    holds::<TransferFinishedErrorPayload>("TransferFinishedErrorPayload", Payload::TransferFinishedError.shape(), &["status"]);
}

#[test]
fn the_transfer_enum_is_tagged_by_the_schemas_status() {
    for payload in [Payload::TransferFinishedSuccess, Payload::TransferFinishedError] {
        let full = example(payload.shape());
        assert!(serde_json::from_value::<TransferFinishedPayload>(full.clone()).is_ok(), "{}", payload.name());
        let mut other = full.as_object().expect("an object").clone();
        other.insert("status".into(), json!("pending"));
        assert!(serde_json::from_value::<TransferFinishedPayload>(Value::Object(other)).is_err());
    }
}

/// Every message of the wire corpus reaches the Rust API: as a `LinkEvent`
/// always (what `on_event` takes, the payload kept raw), and typed where
/// the callback is typed. The one exception is named with its reason.
#[test]
fn every_wire_payload_is_taken() {
    let corpus: Value = serde_json::from_str(include_str!("corpus/wire.json")).expect("wire.json is JSON");
    let entries = corpus["entries"].as_array().expect("entries");
    assert!(entries.len() >= 60, "{} entries", entries.len());
    // A docs field table that types `amount` as a string, with a placeholder value.
    let untyped = ["docs-web-sdk-transfer-finished-table"];
    let mut typed = 0;
    for entry in entries {
        let id = entry["id"].as_str().expect("an id");
        let data = &entry["data"];
        let kind = data["type"].as_str().unwrap_or_default();
        serde_json::from_value::<LinkEvent>(data.clone()).unwrap_or_else(|e| panic!("{id}: on_event takes it: {e}"));
        let payload = data.get("payload").cloned().unwrap_or(Value::Null);
        let result = match kind {
            "brokerageAccountAccessToken" => serde_json::from_value::<LinkPayload>(json!({ "accessToken": payload })).map(drop),
            "delayedAuthentication" => serde_json::from_value::<LinkPayload>(json!({ "delayedAuth": payload })).map(drop),
            "transferFinished" => serde_json::from_value::<TransferFinishedPayload>(payload).map(drop),
            "close" | "done" if payload.is_object() => serde_json::from_value::<SessionSummary>(payload).map(drop),
            _ => continue,
        };
        typed += 1;
        assert_eq!(result.is_ok(), !untyped.contains(&id), "{id}: {result:?}");
    }
    assert!(typed >= 40, "{typed} typed payloads");
}
