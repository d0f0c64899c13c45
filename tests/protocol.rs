//! The protocol core on the host: session-level tests on the shared
//! fixtures, and property tests that feed arbitrary input to every parser
//! (no input may panic).
#![cfg(not(target_arch = "wasm32"))]

use front_link_wasm::protocol::*;
use proptest::prelude::*;

fn from_json(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(items) => Value::Array(items.iter().map(from_json).collect()),
        serde_json::Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), from_json(v))).collect()),
    }
}

fn fixture(name: &str) -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/link-messages.json");
    let text = std::fs::read_to_string(path).expect("tests/fixtures/link-messages.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("fixture JSON");
    from_json(&json["inbound"][name])
}

const ORIGIN: &str = "http://127.0.0.1:8081";
// http://127.0.0.1:8081/link?session=abc
const TOKEN: &str = "aHR0cDovLzEyNy4wLjAuMTo4MDgxL2xpbms/c2Vzc2lvbj1hYmM=";

fn session() -> Session {
    Session::open(LinkInput::Token(TOKEN), &LinkParams::default()).expect("fixture token opens").0
}

fn mesh(embedded: bool, iframe_id: Option<&str>) -> LinkParams {
    LinkParams { face: Face::Link, embedded, iframe_id: iframe_id.map(String::from), ..LinkParams::default() }
}

fn mesh_session(embedded: bool) -> Session {
    Session::open(LinkInput::Token(TOKEN), &mesh(embedded, Some("host"))).expect("fixture token opens").0
}

fn payload(v: &Value) -> Value {
    v.field("payload").expect("fixture has a payload")
}

use Action::{Call, End, Post};

#[test]
fn access_token_gives_event_then_broker_connected() {
    let msg = fixture("brokerageAccountAccessToken");
    let p = payload(&msg);
    let got = session().on_message(&msg);
    assert_eq!(
        got,
        Ok(vec![
            Call(Callback::Event(Event::IntegrationConnected(Connected::AccessToken(p.clone())))),
            Call(Callback::IntegrationConnected(Connected::AccessToken(p))),
        ])
    );
}

#[test]
fn delayed_auth_and_transfers() {
    let msg = fixture("delayedAuthentication");
    let p = payload(&msg);
    assert_eq!(
        session().on_message(&msg),
        Ok(vec![
            Call(Callback::Event(Event::IntegrationConnected(Connected::DelayedAuth(p.clone())))),
            Call(Callback::IntegrationConnected(Connected::DelayedAuth(p))),
        ])
    );
    for name in ["transferFinishedSuccess", "transferFinishedError"] {
        let msg = fixture(name);
        let p = payload(&msg);
        assert_eq!(
            session().on_message(&msg),
            Ok(vec![Call(Callback::Event(Event::TransferCompleted(p.clone()))), Call(Callback::TransferFinished(p))])
        );
    }
}

#[test]
fn loaded_posts_then_reports() {
    let got = session().on_message(&fixture("loaded"));
    assert_eq!(
        got,
        Ok(vec![
            Action::Loaded,
            Post(Outbound::SdkSpecs),
            Post(Outbound::AccessTokens),
            Post(Outbound::TransferDestinationTokens),
            Call(Callback::Event(Event::PageLoaded)),
        ])
    );
}

#[test]
fn exit_ends_once() {
    let mut s = session();
    let done = fixture("doneWithSummary");
    assert_eq!(s.on_message(&done), Ok(vec![End, Call(Callback::Exit { error: None, summary: Some(payload(&done)) })]));
    assert!(!s.is_open());
    assert_eq!(s.receive(&fixture("loaded")), vec![], "nothing is said after the end: the listener is gone");
    assert_eq!(s.on_message(&fixture("loaded")), Err(Ignored::Ended));
    assert_eq!(s.close::<Value>(), vec![]);

    let mut s = session();
    assert_eq!(
        s.on_message(&fixture("closeWithMessage")),
        Ok(vec![End, Call(Callback::Exit { error: Some("User closed the window".into()), summary: None })])
    );
    let mut s = session();
    assert_eq!(s.close::<Value>(), vec![End, Call(Callback::Closed)]);
    assert_eq!(s.close::<Value>(), vec![]);
}

#[test]
fn exit_error_falls_back_to_payload_and_any_object_is_the_summary() {
    let summary = Value::object([("errorMessage", Value::str("Boom")), ("page", Value::Number(1.0))]);
    let msg = Value::object([("type", Value::str("close")), ("message", Value::Number(3.0)), ("payload", summary.clone())]);
    // The summary differs from SessionSummary (page is a number): delivered
    // as sent. The message that is not a string is not an error, said once.
    let mut s = session();
    assert_eq!(
        s.receive(&msg),
        vec![
            Action::Warn { why: Ignored::ErrorNotText, data: msg.clone() },
            End,
            Call(Callback::Exit { error: Some("Boom".into()), summary: Some(summary.clone()) })
        ]
    );
    // 3.13's face reads only payload.errorMessage, and passes any payload on.
    let odd = Value::object([("type", Value::str("done")), ("payload", Value::object([("errorMessage", Value::Number(5.0))]))]);
    let Ok(actions) = mesh_session(false).on_message(&odd) else { panic!("done is delivered") };
    assert!(matches!(
        &actions[..],
        [Action::Warn { why: Ignored::ErrorNotText, .. }, End, Call(Callback::Exit { error: None, summary: Some(_) })]
    ));
    let text = Value::object([("type", Value::str("done")), ("payload", Value::str("x"))]);
    assert_eq!(mesh_session(false).on_message(&text), Ok(vec![End, Call(Callback::Exit { error: None, summary: Some(Value::str("x")) })]));
    // 1.1.9's face passes an object as the summary, nothing else.
    assert_eq!(session().on_message(&text), Ok(vec![End, Call(Callback::Exit { error: None, summary: None })]));
}

#[test]
fn known_events_pass_through_unknown_are_ignored() {
    let msg = fixture("integrationSelected");
    assert_eq!(session().on_message(&msg), Ok(vec![Call(Callback::Event(Event::Other(msg)))]));
    let later = Value::object([("type", Value::str("transferExecuted")), ("payload", Value::str("x")), ("extra", Value::Null)]);
    assert_eq!(session().on_message(&later), Ok(vec![Call(Callback::Event(Event::Other(later)))]));
    let unknown = Value::object([("type", Value::str("somethingNew"))]);
    assert_eq!(session().on_message(&unknown), Err(Ignored::UnknownType));
}

#[test]
fn the_session_names_the_one_origin_it_hears_and_posts_to() {
    // The listener (src/web/inbox.js) compares event.origin with this,
    // exactly: no trailing slash, no path.
    assert_eq!(session().origin(), ORIGIN);
    assert_eq!(mesh_session(false).origin(), ORIGIN);
}

#[test]
fn payloads_are_delivered_as_sent_whatever_their_fields() {
    // Every field of a connected account given the wrong type: upstream
    // delivers it, and so does this SDK (the sender check is the boundary).
    let good = payload(&fixture("brokerageAccountAccessToken"));
    let Value::Object(fields) = good.clone() else { panic!("object") };
    for (i, _) in fields.iter().enumerate() {
        for replacement in [Some(Value::Number(1.0)), Some(Value::Null), None] {
            let mut broken = fields.clone();
            match replacement {
                Some(value) => broken[i].1 = value,
                None => drop(broken.remove(i)),
            }
            let p = Value::Object(broken);
            let msg = Value::object([("type", Value::str("brokerageAccountAccessToken")), ("payload", p.clone())]);
            let got = session().on_message(&msg);
            assert_eq!(got, Ok(connected_actions(Connected::AccessToken(p))), "field {}", fields[i].0);
        }
    }
    let transfer =
        Value::object([("type", Value::str("transferFinished")), ("payload", Value::object([("status", Value::str("pending"))]))]);
    assert!(session().on_message(&transfer).is_ok());
    let selected = Value::object([("type", Value::str("integrationSelected"))]);
    assert_eq!(session().on_message(&selected), Ok(vec![Call(Callback::Event(Event::Other(selected.clone())))]));
}

fn connected_actions(c: Connected<Value>) -> Vec<Action<Value>> {
    vec![Call(Callback::Event(Event::IntegrationConnected(c.clone()))), Call(Callback::IntegrationConnected(c))]
}

#[test]
fn what_is_not_delivered_is_said_once_per_reason() {
    for data in [Value::Null, Value::str("loaded"), Value::Number(1.0), Value::Array(vec![Value::str("loaded")])] {
        assert_eq!(session().on_message(&data), Err(Ignored::NotAnObject));
    }
    let typed = Value::object([("type", Value::Number(1.0))]);
    assert_eq!(session().on_message(&typed), Err(Ignored::UnknownType));
    for kind in ["brokerageAccountAccessToken", "delayedAuthentication", "transferFinished"] {
        for p in [None, Some(Value::Null), Some(Value::str("x")), Some(Value::Array(vec![]))] {
            let mut msg = vec![("type".to_owned(), Value::str(kind))];
            msg.extend(p.map(|p| ("payload".to_owned(), p)));
            assert_eq!(session().on_message(&Value::Object(msg)), Err(Ignored::NoPayload), "{kind}");
        }
    }
    let mut s = session();
    let first = Value::object([("type", Value::str("somethingNew"))]);
    let second = Value::object([("type", Value::str("somethingElse"))]);
    assert_eq!(s.receive(&first), vec![Action::Warn { why: Ignored::UnknownType, data: first.clone() }]);
    assert_eq!(s.receive(&second), vec![], "once per session per reason");
    assert_eq!(s.receive(&Value::Null), vec![Action::Warn { why: Ignored::NotAnObject, data: Value::Null }]);
    let empty = Value::object([("type", Value::str("transferFinished"))]);
    assert_eq!(s.receive(&empty), vec![Action::Warn { why: Ignored::NoPayload, data: empty.clone() }]);
    assert_eq!(session().receive(&second).len(), 1, "a new session warns again");
    for why in Ignored::ALL {
        assert!(!why.reason().is_empty());
        assert_eq!(Ignored::ALL.iter().filter(|w| w.bit() & why.bit() != 0).count(), 1);
    }
}

#[test]
fn debug_reports_a_deviation_from_the_upstream_type_once_per_type() {
    let debug = LinkParams { debug: true, ..LinkParams::default() };
    let mut s = Session::open(LinkInput::Token(TOKEN), &debug).expect("opens").0;
    let good = fixture("brokerageAccountAccessToken");
    assert_eq!(s.receive(&good).len(), 2, "a payload of the upstream type: nothing to report");
    let no_logo = Value::object([
        ("type", Value::str("brokerageAccountAccessToken")),
        (
            "payload",
            Value::object([
                ("accountTokens", Value::Array(vec![])),
                ("brokerBrandInfo", Value::object([])),
                ("brokerType", Value::str("robinhood")),
                ("brokerName", Value::str("Robinhood")),
            ]),
        ),
    ]);
    let actions = s.receive(&no_logo);
    assert_eq!(actions.first(), Some(&Action::Report { promised: Payload::AccessToken, data: no_logo.clone() }));
    assert_eq!(actions.len(), 3, "reported, then delivered");
    assert_eq!(s.receive(&no_logo).len(), 2, "once per type");
    let summary = Value::object([("type", Value::str("done")), ("payload", Value::object([("page", Value::Number(1.0))]))]);
    assert!(matches!(s.receive(&summary).first(), Some(Action::Report { promised: Payload::SessionSummary, .. })));
    // Without debug, nothing is reported.
    assert_eq!(session().receive(&no_logo).len(), 2);
}

#[test]
fn oauth_links_follow_the_url_rule() {
    let msg = fixture("oauthLinkOpen");
    let got = session().on_message(&msg);
    let url = LinkUrl::parse("https://oauth.example/authorize?client_id=abc&state=xyz").expect("valid");
    assert_eq!(got, Ok(vec![Action::OpenWindow(url)]));
    for link in ["javascript:alert(document.domain)", "http://evil.example/", "data:text/html,x"] {
        let msg = Value::object([("type", Value::str("oauthLinkOpen")), ("link", Value::str(link))]);
        assert_eq!(session().on_message(&msg), Err(Ignored::BadLink), "{link}");
    }
    assert_eq!(popup_features(1920.0, 1080.0), "popup,noopener,noreferrer,resizable,scrollbars,width=700,height=800,top=140,left=610");
    assert!(popup_features(f64::NAN, 100.0).ends_with("top=-350,left=-350"));
}

#[test]
fn params_shape_the_url() {
    let params = LinkParams {
        language: Some("fr CA".into()),
        display_fiat_currency: Some("EUR".into()),
        theme: Some(Theme::Dark),
        embedded: true,
        iframe_id: Some("host-frame".into()),
        ..LinkParams::default()
    };
    // https://a.example/x?s=1#frag
    let token = "aHR0cHM6Ly9hLmV4YW1wbGUveD9zPTEjZnJhZw==";
    let (s, opening) = Session::open(LinkInput::Token(token), &params).expect("opens");
    assert_eq!(opening.url.href(), "https://a.example/x?s=1&lng=fr%20CA&fiatCur=EUR&th=dark&rt=embedded#frag");
    assert_eq!(s.origin(), "https://a.example");
    assert_eq!(
        opening.allow,
        "clipboard-read https://a.example; clipboard-write https://a.example; camera https://a.example; microphone https://a.example"
    );
    assert_eq!(Session::open(LinkInput::Url("javascript:alert(1)"), &params).map(|_| ()), Err(LinkError::InvalidLink(Rejection::Scheme)));
    assert_eq!(Theme::parse("purple"), None);
}

#[test]
fn every_key_is_known_once() {
    let mut keys = FRONT_EVENT_TYPE_KEYS.to_vec();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), FRONT_EVENT_TYPE_KEYS.len());
    assert!(FRONT_EVENT_TYPE_KEYS.iter().all(|k| is_front_event_type_key(k)));
    assert!(!is_front_event_type_key("brokerageAccountAccessToken"));
}

fn arb_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("type".to_owned()),
        Just("payload".to_owned()),
        Just("message".to_owned()),
        Just("link".to_owned()),
        Just("status".to_owned()),
        Just("accountTokens".to_owned()),
        Just("__proto__".to_owned()),
        "[a-zA-Z]{1,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Undefined),
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        prop_oneof![
            Just("brokerageAccountAccessToken"),
            Just("close"),
            Just("done"),
            Just("oauthLinkOpen"),
            Just("transferFinished"),
            Just("success"),
            Just("loaded")
        ]
        .prop_map(Value::str),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8).prop_map(Value::Object),
        ]
    })
}

// --- fuzzing from the committed seed corpus (tests/corpus/) -------------------

fn corpus(name: &str) -> Vec<String> {
    let path = format!("{}/tests/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("tests/corpus");
    text.lines().map(str::to_owned).collect()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    while out.len() % 4 != 0 {
        out.push('=');
    }
    out
}

/// A seed from the corpus with a few random character edits.
fn mutated(seeds: Vec<String>) -> impl Strategy<Value = String> {
    let edits = prop::collection::vec((any::<prop::sample::Index>(), any::<char>(), 0u8..3), 0..8);
    (prop::sample::select(seeds), edits).prop_map(|(seed, edits)| {
        let mut chars: Vec<char> = seed.chars().collect();
        for (at, c, op) in edits {
            if chars.is_empty() {
                chars.push(c);
                continue;
            }
            let i = at.index(chars.len());
            match op {
                0 => chars.insert(i, c),
                1 => {
                    chars.remove(i);
                }
                _ => chars[i] = c,
            }
        }
        chars.into_iter().collect()
    })
}

/// `PROPTEST_CASES=200000 cargo test --release --test protocol` for a long run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2000)
}

fn check_url(text: &str) {
    if let Ok(url) = LinkUrl::parse(text) {
        assert!(url.href().starts_with(url.origin()), "{text}");
        assert!(
            url.origin().starts_with("https://")
                || url.origin().starts_with("http://localhost")
                || url.origin().starts_with("http://127.0.0.1")
                || url.origin().starts_with("http://[::1]"),
            "{text}"
        );
        assert_eq!(LinkUrl::parse(url.href()).map(|u| u.href().to_owned()), Ok(url.href().to_owned()), "{text}");
        if let Some(json) = LinkStyle::json_in(&url) {
            let _ = json.len();
        }
    }
    let _ = decode_link_token(&base64(text.as_bytes()));
    let _ = decode_link_token(text);
}

fn check_message(text: &str) {
    if let Ok(json) = serde_json::from_str::<serde_json::Value>(text) {
        let data = from_json(&json);
        for face in [Face::Front, Face::Link] {
            let _ = InboundMessage::classify(face, &data);
            let _ = mesh_session(false).on_message(&data);
        }
        let mut s = session();
        let _ = s.on_message(&data);
    }
}

fn check_style(text: &str) {
    if let Ok(json) = serde_json::from_str::<serde_json::Value>(text) {
        let style = LinkStyle::from_data(&from_json(&json));
        assert!(style.radius.map_or(true, |r| (0.0..=100.0).contains(&r)));
        assert!(style.opacity.map_or(true, |o| (0.0..=1.0).contains(&o)));
    }
}

#[test]
fn the_seed_corpus_itself() {
    let urls = corpus("urls.txt");
    assert!(urls.len() >= 30);
    urls.iter().for_each(|u| check_url(u));
    corpus("messages.jsonl").iter().for_each(|m| check_message(m));
    corpus("link-styles.txt").iter().for_each(|s| check_style(s));
    let accepted: Vec<_> = urls.iter().filter(|u| LinkUrl::parse(u).is_ok()).collect();
    assert_eq!(accepted.len(), 13, "{accepted:#?}");
}

proptest! {
    #[test]
    fn option_parsers_never_panic(text in ".{0,80}", millis in any::<f64>(), z in any::<f64>()) {
        if let Some(origin) = link_origin(&text) {
            // An origin is what it says, and opens a Link URL of its own.
            prop_assert_eq!(link_origin(&origin), Some(origin.clone()));
            prop_assert!(LinkUrl::parse(&origin).is_ok());
        }
        let _ = link_origins(&[Some(text.clone()), None]);
        if let Ok(Some(ms)) = load_timeout(Some(millis)) {
            prop_assert!((1..=MAX_LOAD_TIMEOUT_MS).contains(&ms));
        }
        let _ = z_index(z);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn mutated_urls_and_tokens(text in mutated(corpus("urls.txt"))) {
        check_url(&text);
    }

    #[test]
    fn mutated_base64_tokens(text in mutated(corpus("urls.txt").iter().map(|u| base64(u.as_bytes())).collect())) {
        let _ = decode_link_token(&text);
    }

    #[test]
    fn mutated_messages(text in mutated(corpus("messages.jsonl"))) {
        check_message(&text);
    }

    #[test]
    fn mutated_link_styles(text in mutated(corpus("link-styles.txt"))) {
        check_style(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn tokens_never_panic(token in ".{0,120}") {
        let _ = decode_link_token(&token);
        let _ = decode_base64(&token);
    }

    #[test]
    fn accepted_urls_are_stable_and_safe(text in "(https?|HTTP|javascript|data):(//)?[a-zA-Z0-9.:@\\[\\]%-]{0,30}[/?#]?[ -~]{0,30}") {
        if let Ok(url) = LinkUrl::parse(&text) {
            prop_assert!(url.href().starts_with(url.origin()));
            let loopback = ["http://localhost", "http://127.0.0.1", "http://[::1]"]
                .iter()
                .any(|o| url.origin() == *o || url.origin().strip_prefix(o).is_some_and(|port| port.starts_with(':')));
            prop_assert!(url.origin().starts_with("https://") || loopback);
            let again = LinkUrl::parse(url.href());
            prop_assert_eq!(again.as_ref().map(|u| u.href()), Ok(url.href()));
            let extended = url.with_params(&[("lng", &text)]);
            prop_assert_eq!(extended.origin(), url.origin());
            prop_assert_eq!(LinkUrl::parse(extended.href()).map(|u| u.origin().to_owned()), Ok(url.origin().to_owned()));
            let _ = url.query_param("link_style");
        }
    }

    #[test]
    fn any_text_url_never_panics(text in "\\PC{0,80}") {
        if let Ok(url) = LinkUrl::parse(&text) {
            let _ = url.query_param("link_style");
            let _ = LinkStyle::json_in(&url);
        }
    }

    #[test]
    fn link_style_only_yields_numbers_in_range(json in arb_value()) {
        let style = LinkStyle::from_data(&json);
        prop_assert!(style.radius.map_or(true, |r| (0.0..=100.0).contains(&r)));
        prop_assert!(style.opacity.map_or(true, |o| (0.0..=1.0).contains(&o)));
        prop_assert!(style.radius_css().bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'p' || b == b'x'));
        prop_assert!(style.opacity_css().bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    }

    #[test]
    fn any_message_is_classified_without_panic(data in arb_value(), own in any::<bool>()) {
        let mut s = session();
        let _ = s.on_message(&data);
        let _ = InboundMessage::classify(Face::Front, &data);
        let _ = InboundMessage::classify(Face::Link, &data);
        let _ = mesh_session(own).request_close::<Value>();
    }
}

// --- @meshconnect/web-link-sdk 3.13's face ------------------------------

#[test]
fn mesh_always_sends_lng_and_renders_into_any_given_iframe() {
    let (_, overlay) = Session::open(LinkInput::Token(TOKEN), &mesh(false, None)).expect("opens");
    assert_eq!(overlay.url.href(), "http://127.0.0.1:8081/link?session=abc&lng=en");
    assert_eq!((overlay.frame, overlay.overlay_id), (None, "mesh-link-popup"));
    // An id renders into the host's iframe whether or not renderType is
    // 'embedded'; rt=embedded only when it is.
    let (_, hosted) = Session::open(LinkInput::Token(TOKEN), &mesh(false, Some("f"))).expect("opens");
    assert_eq!((hosted.frame.as_deref(), hosted.url.href()), (Some("f"), "http://127.0.0.1:8081/link?session=abc&lng=en"));
    let (_, embedded) = Session::open(LinkInput::Token(TOKEN), &mesh(true, Some("f"))).expect("opens");
    assert_eq!(embedded.url.href(), "http://127.0.0.1:8081/link?session=abc&lng=en&rt=embedded");
    let french = LinkParams { language: Some("fr".into()), ..mesh(false, None) };
    assert!(Session::open(LinkInput::Token(TOKEN), &french).expect("opens").1.url.href().ends_with("?session=abc&lng=fr"));
    // 1.1.9 ignores the id unless embedded, and adds no lng of its own.
    let front = LinkParams { iframe_id: Some("f".into()), ..LinkParams::default() };
    let (_, opening) = Session::open(LinkInput::Token(TOKEN), &front).expect("opens");
    assert_eq!(
        (opening.frame, opening.overlay_id, opening.url.href()),
        (None, "front-link-popup", "http://127.0.0.1:8081/link?session=abc")
    );
}

#[test]
fn mesh_refuses_embedded_without_an_iframe_after_an_empty_token() {
    let refused = |token, params: &LinkParams| Session::open(LinkInput::Token(token), params).map(|_| ()).unwrap_err();
    assert_eq!(refused("", &mesh(true, None)), LinkError::InvalidToken(Rejection::Empty));
    assert_eq!(refused("not base64!", &mesh(true, None)), LinkError::EmbeddedWithoutIframe);
    assert_eq!(refused(TOKEN, &mesh(true, Some(""))), LinkError::EmbeddedWithoutIframe);
    assert_eq!(
        LinkError::EmbeddedWithoutIframe.exit_message(),
        "Mesh SDK: Failed to open link - renderType \"embedded\" requires a customIframeId"
    );
    assert_eq!(refused("not base64!", &mesh(false, None)), LinkError::InvalidToken(Rejection::Base64));
}

#[test]
fn mesh_loaded_posts_no_transfer_destination_tokens() {
    let got = mesh_session(false).on_message(&fixture("loaded"));
    assert_eq!(
        got,
        Ok(vec![Action::Loaded, Post(Outbound::SdkSpecs), Post(Outbound::AccessTokens), Call(Callback::Event(Event::PageLoaded))])
    );
}

// --- Every failure ends in a callback -------------------------------

#[test]
fn a_link_ui_that_never_loads_ends_in_on_exit_once() {
    let (mut s, opening) = Session::open(LinkInput::Token(TOKEN), &LinkParams::default()).expect("opens");
    assert_eq!(opening.load_timeout, Some(DEFAULT_LOAD_TIMEOUT_MS));
    assert_eq!(opening.close_control_after, Some(CLOSE_CONTROL_DELAY_MS), "the overlay offers its own way out");
    assert_eq!(s.load_timed_out::<Value>(), vec![End, Call(Callback::Exit { error: Some(LOAD_TIMEOUT_MESSAGE.into()), summary: None })]);
    assert!(s.load_timed_out::<Value>().is_empty() && s.close::<Value>().is_empty(), "onExit fires once");
    assert_eq!(s.on_message(&fixture("loaded")), Err(Ignored::Ended));
}

#[test]
fn a_loaded_link_ui_is_not_timed_out_and_says_loaded_once() {
    let mut s = session();
    assert!(s.on_message(&fixture("loaded")).expect("loaded").contains(&Action::Loaded));
    assert!(!s.on_message(&fixture("loaded")).expect("loaded again").contains(&Action::Loaded));
    assert!(s.load_timed_out::<Value>().is_empty());
    assert!(s.is_open());
}

#[test]
fn load_timeout_and_close_control_follow_the_options() {
    let never = LinkParams { load_timeout: None, ..LinkParams::default() };
    assert_eq!(Session::open(LinkInput::Token(TOKEN), &never).expect("opens").1.load_timeout, None);
    // Embedded: the host page's iframe, no close control of ours; the timeout holds.
    let (_, opening) = Session::open(LinkInput::Token(TOKEN), &mesh(true, Some("host"))).expect("opens");
    assert_eq!((opening.close_control_after, opening.load_timeout), (None, Some(DEFAULT_LOAD_TIMEOUT_MS)));
}

#[test]
fn a_blocked_popup_is_an_event_while_the_session_lasts() {
    let mut s = session();
    let url = LinkUrl::parse("https://broker.example/oauth").expect("a URL");
    assert_eq!(s.popup_blocked::<Value>(url.clone()), vec![Call(Callback::Event(Event::PopupBlocked(url.clone())))]);
    let _ = s.close::<Value>();
    assert!(s.popup_blocked::<Value>(url).is_empty());
}

#[test]
fn only_trusted_link_origins_open_when_the_app_lists_them() {
    let trusted =
        |origins: &[&str]| LinkParams { link_origins: Some(origins.iter().map(|o| (*o).to_owned()).collect()), ..LinkParams::default() };
    assert!(Session::open(LinkInput::Token(TOKEN), &trusted(&[ORIGIN])).is_ok());
    assert_eq!(
        Session::open(LinkInput::Token(TOKEN), &trusted(&["https://web.meshconnect.com"])).map(|_| ()),
        Err(LinkError::InvalidToken(Rejection::Untrusted))
    );
    assert_eq!(
        Session::open(LinkInput::Url("http://127.0.0.1:8081/link"), &trusted(&["http://127.0.0.1:8082"])).map(|_| ()),
        Err(LinkError::InvalidLink(Rejection::Untrusted))
    );
    let exit = Session::open(LinkInput::Token(TOKEN), &trusted(&[])).map(|_| ()).unwrap_err().exit_message();
    assert_eq!(exit, "Invalid link token!");
}

#[test]
fn link_origins_fail_closed_on_anything_that_is_not_a_list_of_origins() {
    let entries = |e: &[Option<&str>]| e.iter().map(|o| o.map(str::to_owned)).collect::<Vec<_>>();
    assert_eq!(link_origins(&entries(&[Some("https://web.meshconnect.com")])), Ok(vec!["https://web.meshconnect.com".into()]));
    assert_eq!(link_origins(&entries(&[])), Err(BadOption::LinkOriginsEmpty));
    for bad in [
        &[Some("https://web.meshconnect.com"), Some("web.meshconnect.com")][..],
        &[Some("*")],
        &[Some("https://*.meshconnect.com")],
        &[Some("https://x.example/path")],
        &[Some("javascript:alert(1)")],
        &[None],
    ] {
        assert_eq!(link_origins(&entries(bad)), Err(BadOption::LinkOriginNotAnOrigin), "{bad:?}");
    }
    // Every open is then refused, with what is wrong.
    for bad in [BadOption::LinkOrigins, BadOption::LinkOriginsEmpty, BadOption::LinkOriginNotAnOrigin] {
        let params = LinkParams { misconfigured: Some(bad), ..LinkParams::default() };
        let refused = Session::open(LinkInput::Token(TOKEN), &params).map(|_| ()).unwrap_err();
        assert_eq!(refused, LinkError::Misconfigured(bad));
        assert!(refused.exit_message().contains("every link token is refused"), "{}", refused.exit_message());
        assert!(Session::open(LinkInput::Url("https://web.meshconnect.com/"), &params).is_err());
    }
    assert_eq!(link_origin("https://x.example:8443"), Some("https://x.example:8443".into()));
    assert_eq!(link_origin("https://x.example:443"), None, "not as the browser spells it");
    assert_eq!(link_origin("https://x.example?"), None);
    assert_eq!(link_origin("http://localhost:8081/"), Some("http://localhost:8081".into()));
}

#[test]
fn mesh_exit_reads_only_the_payload_error() {
    let close = fixture("closeWithMessage");
    assert_eq!(mesh_session(false).on_message(&close), Ok(vec![End, Call(Callback::Exit { error: None, summary: None })]));
    let done = Value::object([
        ("type", Value::str("done")),
        ("message", Value::str("m")),
        ("payload", Value::object([("page", Value::str("p")), ("errorMessage", Value::str("e"))])),
    ]);
    let Ok(actions) = mesh_session(false).on_message(&done) else { panic!("done is accepted") };
    assert!(matches!(&actions[..], [End, Call(Callback::Exit { error: Some(e), summary: Some(_) })] if e == "e"));
}

#[test]
fn mesh_hears_its_43_keys_and_ignores_oauth_link_open() {
    let event = |key: &str| Value::object([("type", Value::str(key))]);
    for key in FRONT_EVENT_TYPE_KEYS.iter().chain(&LATER_LINK_EVENT_TYPE_KEYS) {
        assert!(is_link_event_type_key(key), "{key}");
    }
    let wallets = Value::Array(vec![Value::object([("id", Value::str("io.metamask")), ("name", Value::str("MetaMask"))])]);
    let injected = Value::object([("type", Value::str("SDKinjectedWalletProviders")), ("payload", wallets)]);
    assert_eq!(mesh_session(false).on_message(&injected), Ok(vec![Call(Callback::Event(Event::Other(injected.clone())))]));
    // 3.13 types the payloads of later keys, and delivers them whatever they hold.
    assert!(mesh_session(false).on_message(&event("SDKinjectedWalletProviders")).is_ok());
    let executed = Value::object([("type", Value::str("transferExecuted")), ("payload", Value::object([("txId", Value::str("t"))]))]);
    assert!(mesh_session(false).on_message(&executed).is_ok());
    assert!(session().on_message(&executed).is_ok());
    let started = Value::object([("type", Value::str("transferStarted")), ("payload", Value::Number(1.0))]);
    assert!(mesh_session(false).on_message(&started).is_ok());
    assert_eq!(session().on_message(&injected), Err(Ignored::UnknownType), "not a 1.1.9 key");
    assert_eq!(mesh_session(false).on_message(&fixture("oauthLinkOpen")), Err(Ignored::UnknownType));
    assert!(!is_front_event_type_key("done") && !is_link_event_type_key("loaded"));
}

#[test]
fn close_requested_only_for_an_embedded_mesh_session() {
    let mut embedded = mesh_session(true);
    assert_eq!(embedded.request_close::<Value>(), vec![Post(Outbound::CloseRequested)]);
    assert!(embedded.is_open(), "stays open until the Link UI answers");
    let done = embedded.on_message(&event_done());
    assert_eq!(done.map(|a| a.len()), Ok(2));
    assert_eq!(embedded.request_close::<Value>(), vec![], "ended: nothing to ask");
    assert_eq!(mesh_session(false).request_close::<Value>(), vec![End, Call(Callback::Closed)]);
    let mut front =
        Session::open(LinkInput::Token(TOKEN), &LinkParams { embedded: true, iframe_id: Some("h".into()), ..LinkParams::default() })
            .expect("opens")
            .0;
    assert_eq!(front.request_close::<Value>(), vec![End, Call(Callback::Closed)]);
}

fn event_done() -> Value {
    Value::object([("type", Value::str("done"))])
}
