//! Comlink request classification and the one path rule, and fuzzing of
//! both. (The Solana rules are `solana/tests.rs`.)

use crate::protocol::testing::values;
use crate::protocol::*;
use proptest::prelude::*;

fn strs(items: &[&str]) -> Value {
    Value::Array(items.iter().map(|s| Value::str(s)).collect())
}

fn request(op: &str, path: &[&str]) -> Value {
    Value::object([("id", Value::str("1")), ("type", Value::str(op)), ("path", strs(path))])
}

fn raw(value: Value) -> Value {
    Value::object([("type", Value::str("RAW")), ("value", value)])
}

fn classify(data: &Value) -> Result<Request<Value>, (Refusal, Option<Value>)> {
    Request::classify(data)
}

fn routed(data: &Value) -> Result<String, Refusal> {
    let request = classify(data).map_err(|(why, _)| why)?;
    route(&request).map(|r| format!("{r:?}"))
}

#[test]
fn what_comlink_sends_is_read() {
    let get = classify(&request("GET", &["eip6963Wallets", "0", "uuid"])).expect("a GET");
    assert_eq!((get.op, get.path.len(), get.id), (Op::Get, 3, Value::str("1")));
    let args = Value::Array(vec![
        raw(Value::str("uuid-1")),
        Value::object([("type", Value::str("HANDLER")), ("name", Value::str("proxy")), ("value", Value::str("port"))]),
    ]);
    let apply = Value::object([
        ("id", Value::str("2")),
        ("type", Value::str("APPLY")),
        ("path", strs(&["subscribeEip6963ProviderEvent"])),
        ("argumentList", args),
    ]);
    let apply = classify(&apply).expect("an APPLY");
    assert_eq!(apply.arguments, vec![Wire::Raw(raw(Value::str("uuid-1"))), Wire::Proxy(Value::str("port"))]);
    assert_eq!(route(&apply), Ok(Route::Call(ApiFunction::SubscribeEip6963ProviderEvent)));
    // ENDPOINT and RELEASE carry no path.
    let release = Value::object([("id", Value::str("3")), ("type", Value::str("RELEASE"))]);
    assert_eq!(route(&classify(&release).expect("a RELEASE")), Ok(Route::Endpoint));
}

#[test]
fn link_messages_and_id_less_requests_are_not_comlink() {
    for data in [
        Value::object([("type", Value::str("loaded"))]),
        Value::object([("type", Value::str("GET")), ("path", strs(&["parentOrigin"]))]),
        Value::object([("id", Value::Null), ("type", Value::str("GET"))]),
        Value::Null,
        Value::str("GET"),
    ] {
        assert!(matches!(classify(&data), Err((Refusal::NotComlink, None))), "{data:?}");
    }
}

#[test]
fn prototype_paths_and_odd_paths_are_refused_with_an_answer() {
    for path in [
        strs(&["__proto__", "polluted"]),
        strs(&["subscribeEip6963ProviderEvent", "constructor"]),
        strs(&["eip6963Wallets", "0", "provider", "prototype"]),
        Value::str("eip6963Wallets"),
        Value::Array(vec![Value::Number(0.0)]),
        Value::Array(vec![Value::str("")]),
        strs(&["a"; 9]),
        Value::Array(vec![Value::str(&"x".repeat(65))]),
    ] {
        let data = Value::object([("id", Value::str("9")), ("type", Value::str("GET")), ("path", path.clone())]);
        assert_eq!(classify(&data).map(|_| ()), Err((Refusal::Path, Some(Value::str("9")))), "{path:?}");
    }
}

#[test]
fn only_the_api_is_served() {
    assert_eq!(routed(&request("GET", &["parentOrigin"])), Ok("Walk([\"parentOrigin\"])".into()));
    assert_eq!(routed(&request("GET", &["eip6963Wallets", "0", "provider", "isMetaMask"])).map(|_| ()), Ok(()));
    assert_eq!(routed(&request("GET", &["toString"])), Err(Refusal::Path), "not an API field");
    assert_eq!(routed(&request("GET", &["hasOwnProperty"])), Err(Refusal::Path));
    assert_eq!(routed(&request("GET", &["discoverTronWallets"])), Ok("Unserializable".into()));
    assert_eq!(routed(&request("APPLY", &[])), Err(Refusal::Path));
    assert_eq!(routed(&request("APPLY", &["discoverTonWallets", "call"])), Err(Refusal::Path));
}

#[test]
fn writes_only_to_the_apis_own_data_fields_and_nothing_is_constructed() {
    let set = |path: &[&str]| {
        let mut data = request("SET", path);
        if let Value::Object(fields) = &mut data {
            fields.push(("value".into(), raw(Value::Bool(true))));
        }
        routed(&data)
    };
    assert_eq!(set(&["eip6963WalletsReady"]), Ok("SetField(\"eip6963WalletsReady\")".into()));
    assert_eq!(set(&["subscribeEip6963ProviderEvent"]), Err(Refusal::Set), "a function");
    assert_eq!(set(&["eip6963Wallets", "0", "provider", "request"]), Err(Refusal::Set), "a wallet's method");
    assert_eq!(set(&["__proto__", "x"]), Err(Refusal::Path));
    assert_eq!(set(&[]), Err(Refusal::Set));
    assert_eq!(routed(&request("CONSTRUCT", &["discoverTronWallets"])), Err(Refusal::Construct));
}

#[test]
fn injected_wallets_are_named_as_1_7_0_names_them() {
    assert_eq!(tron_names("tronLink"), ("tron-tronlink".into(), "tronLink".into()));
    assert_eq!(ton_uuid("trustwalletTon"), "ton-trustwalletton");
    for bad in ["", ".", "a.", "__proto__", "tronLink.constructor", "a.b.c.d", "a-b", "a b", "document.cookie.x.y"] {
        assert_eq!(window_path(bad), None, "{bad}");
    }
    assert_eq!(window_path("okxwallet.tronLink"), Some(vec!["okxwallet", "tronLink"]));
}

#[test]
fn one_name_rule_for_comlink_paths_and_window_paths() {
    assert_eq!(FORBIDDEN_NAMES, ["__proto__", "prototype", "constructor"]);
    let long = "a".repeat(MAX_SEGMENT + 1);
    let longest = "a".repeat(MAX_SEGMENT);
    // `_`-prefixed: a wallet's internals (an EventEmitter's `_events` holds the app's listeners).
    for name in FORBIDDEN_NAMES.into_iter().chain(["", long.as_str(), "_events", "_widget", "__proto"]) {
        assert!(!is_allowed_name(name), "{name}");
        assert_eq!(window_path(name), None, "{name}");
        assert!(matches!(classify(&request("GET", &["eip6963Wallets", name])), Err((Refusal::Path, Some(_)))), "{name}");
    }
    for name in ["eip6963Wallets", "0", "tronLink", longest.as_str(), "events_", "Constructor"] {
        assert!(is_allowed_name(name), "{name}");
        assert!(classify(&request("GET", &["eip6963Wallets", name])).is_ok(), "{name}");
    }
    // A window path is also an identifier: a Comlink path need not be.
    assert!(is_allowed_name("a-b") && window_path("a-b").is_none());
}

#[test]
fn arguments_are_raw_values_or_proxies_only() {
    let with_args = |args: Value| {
        Value::object([
            ("id", Value::Number(4.0)),
            ("type", Value::str("APPLY")),
            ("path", strs(&["discoverTonWallets"])),
            ("argumentList", args),
        ])
    };
    let thrown = Value::object([("type", Value::str("HANDLER")), ("name", Value::str("throw")), ("value", Value::Null)]);
    for args in
        [Value::str("x"), Value::Array(vec![thrown]), Value::Array(vec![Value::Number(1.0)]), Value::Array(vec![raw(Value::Null); 9])]
    {
        assert!(matches!(classify(&with_args(args.clone())), Err((Refusal::Arguments, Some(_)))), "{args:?}");
    }
}

/// Arbitrary data in Comlink's vocabulary.
fn arb_value() -> impl Strategy<Value = Value> {
    values(
        &["id", "type", "path", "value", "argumentList", "name"],
        &["GET", "SET", "APPLY", "RAW", "HANDLER", "proxy", "__proto__", "eip6963Wallets", "0"],
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_data_is_classified_and_routed_without_panic(data in arb_value()) {
        if let Ok(request) = classify(&data) {
            prop_assert!(request.path.len() <= MAX_PATH);
            prop_assert!(request.path.iter().all(|s| !s.is_empty() && s.len() <= MAX_SEGMENT && !FORBIDDEN_NAMES.contains(&s.as_str())));
            prop_assert!(request.path.iter().all(|s| is_allowed_name(s)));
            prop_assert!(request.arguments.len() <= MAX_ARGUMENTS);
            if let Ok(Route::SetField(field)) = route(&request) {
                prop_assert!(API_FIELDS.contains(&field));
            }
            prop_assert!(request.op != Op::Construct);
        }
    }

    #[test]
    fn window_paths_are_plain_names_only(id in "[a-zA-Z_.$_]{0,12}|.{0,40}") {
        let _ = tron_names(&id);
        let _ = ton_uuid(&id);
        if let Some(path) = window_path(&id) {
            prop_assert!(!path.is_empty() && path.len() <= MAX_DEPTH);
            for name in path {
                prop_assert!(!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$'));
                prop_assert!(is_allowed_name(name) && !FORBIDDEN_NAMES.contains(&name));
            }
        }
    }

    #[test]
    fn a_bridge_session_never_panics(data in arb_value()) {
        let params = LinkParams { wallet_bridge: true, ..LinkParams::default() };
        // http://127.0.0.1:8081/link
        let (mut session, _) = Session::open(LinkInput::Token("aHR0cDovLzEyNy4wLjAuMTo4MDgxL2xpbms="), &params).expect("opens");
        let _ = session.on_message(&data);
    }
}
