//! The typed Rust API in Chromium, Firefox and WebKit (served by
//! `wasm-bindgen-test-runner`, opened in each engine by
//! `scripts/wasm-test.mjs`), against the Link UI stand-in served by
//! `npm test` on another origin: real iframes, real `postMessage`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use front_link_wasm::protocol::LinkError;
use front_link_wasm::{FrontConnection, FrontOptions, IntegrationAccessToken, Link, LinkOptions, LinkSession, TransferFinishedPayload};
use js_sys::{Array, Promise, Reflect, JSON};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{HtmlIFrameElement, MessageEvent, Window};

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURES: &str = include_str!("fixtures/link-messages.json");

// A clear message beats env!'s compile error for someone running the tests by hand.
#[allow(clippy::option_env_unwrap)]
fn link_origin() -> &'static str {
    option_env!("FRONT_LINK_TEST_LINK").expect("FRONT_LINK_TEST_LINK: run these tests through `npm test`")
}

#[allow(clippy::option_env_unwrap)]
fn attacker_origin() -> &'static str {
    option_env!("FRONT_LINK_TEST_ATTACKER").expect("FRONT_LINK_TEST_ATTACKER: run these tests through `npm test`")
}

fn window() -> Window {
    web_sys::window().expect("a window")
}

fn fixture(path: &[&str]) -> JsValue {
    let mut value = JSON::parse(FIXTURES).expect("fixture JSON");
    for key in path {
        value = Reflect::get(&value, &JsValue::from_str(key)).expect("fixture key");
    }
    value
}

fn token(url: &str) -> String {
    window().btoa(url).expect("btoa")
}

async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// Collects the `__…` replies of the stand-in frames.
struct Replies {
    seen: Rc<RefCell<Vec<JsValue>>>,
    _listener: Closure<dyn FnMut(MessageEvent)>,
}

impl Replies {
    fn listen() -> Replies {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let sink = seen.clone();
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let kind = Reflect::get(&e.data(), &"type".into()).ok().and_then(|t| t.as_string()).unwrap_or_default();
            if kind.starts_with("__") {
                sink.borrow_mut().push(e.data());
            }
        });
        window().add_event_listener_with_callback("message", listener.as_ref().unchecked_ref()).expect("listen");
        Replies { seen, _listener: listener }
    }

    fn count(&self, kind: &str) -> usize {
        self.seen
            .borrow()
            .iter()
            .filter(|d| Reflect::get(d, &"type".into()).ok().and_then(|t| t.as_string()).as_deref() == Some(kind))
            .count()
    }

    async fn wait_for(&self, kind: &str, count: usize) {
        for _ in 0..400 {
            if self.count(kind) >= count {
                return;
            }
            sleep(10).await;
        }
        panic!("no {kind} reply");
    }
}

impl Drop for Replies {
    fn drop(&mut self) {
        let _ = window().remove_event_listener_with_callback("message", self._listener.as_ref().unchecked_ref());
    }
}

/// Asks the stand-in in `frame` to post `messages` (then a sentinel) to us,
/// and waits until they were all dispatched.
async fn send(replies: &Replies, frame: &Window, messages: &[JsValue]) {
    let before = replies.count("__sentinel");
    let list: Array = messages.iter().cloned().collect();
    list.push(&JSON::parse(r#"{"type":"__sentinel"}"#).expect("json"));
    let command = js_sys::Object::new();
    Reflect::set(&command, &"__puppet".into(), &"send".into()).expect("set");
    Reflect::set(&command, &"messages".into(), &list).expect("set");
    frame.post_message(&command, "*").expect("post");
    replies.wait_for("__sentinel", before + 1).await;
}

/// Waits until the frame's stand-in script answers, and returns its window.
async fn ready(replies: &Replies, iframe: &HtmlIFrameElement) -> Window {
    let frame = iframe.content_window().expect("iframe window");
    for _ in 0..200 {
        let before = replies.count("__sentinel");
        let command = JSON::parse(r#"{"__puppet":"send","messages":[{"type":"__sentinel"}]}"#).expect("json");
        let _ = frame.post_message(&command, "*");
        sleep(25).await;
        if replies.count("__sentinel") > before {
            return frame;
        }
    }
    panic!("the stand-in did not load");
}

/// What the Link stand-in received from the SDK, as JSON (its `report`).
async fn received_by_link(replies: &Replies, frame: &Window) -> String {
    let reports = replies.count("__report");
    frame.post_message(&JSON::parse(r#"{"__puppet":"report"}"#).expect("json"), "*").expect("post");
    replies.wait_for("__report", reports + 1).await;
    let report = replies
        .seen
        .borrow()
        .iter()
        .rev()
        .find(|d| Reflect::get(d, &"received".into()).is_ok_and(|r| r.is_object()))
        .cloned()
        .expect("report");
    JSON::stringify(&Reflect::get(&report, &"received".into()).expect("received")).expect("json").as_string().expect("string")
}

/// The overlay's Link frame, under either face's ids (3.13's `Link`, 1.1.9's `FrontConnection`).
fn link_iframe() -> Option<HtmlIFrameElement> {
    let document = window().document()?;
    ["mesh-link-popup__iframe", "front-link-popup__iframe"].into_iter().find_map(|id| document.get_element_by_id(id)?.dyn_into().ok())
}

fn extra_iframe(url: &str) -> HtmlIFrameElement {
    let document = window().document().expect("document");
    let iframe: HtmlIFrameElement = document.create_element("iframe").expect("iframe").dyn_into().expect("iframe");
    iframe.set_src(url);
    document.body().expect("body").append_child(&iframe).expect("append");
    iframe
}

type Log = Rc<RefCell<Vec<String>>>;

fn recording_options(log: &Log) -> FrontOptions {
    let (a, b, c, d) = (log.clone(), log.clone(), log.clone(), log.clone());
    FrontOptions::new()
        .on_broker_connected(move |payload| {
            let accounts = payload.access_token.map(|p| {
                let ids: Vec<_> = p.account_tokens.iter().map(|t| t.account.account_id.clone()).collect();
                let light = p.broker_brand_info.logo_light_url.as_deref().unwrap_or("-").to_owned();
                format!("{} {} {}", p.broker_type, ids.join(","), light)
            });
            a.borrow_mut().push(format!("connected {}", accounts.unwrap_or_else(|| "delayed".into())));
        })
        .on_event(move |event| b.borrow_mut().push(format!("event {}", event.event_type)))
        .on_transfer_finished(move |transfer| {
            let text = match transfer {
                TransferFinishedPayload::Success(s) => format!("transfer ok {} {}", s.tx_id.unwrap_or_default(), s.amount),
                TransferFinishedPayload::Error(e) => format!("transfer error {}", e.error_message),
            };
            c.borrow_mut().push(text);
        })
        .on_exit(move |exit| {
            d.borrow_mut().push(format!("exit {:?} {:?}", exit.error, exit.summary.map(|s| s.page)));
        })
}

async fn open_session(log: &Log, replies: &Replies, options: FrontOptions, query: &str) -> (FrontConnection, Window) {
    let _ = log;
    let link = FrontConnection::new(options);
    // Left open: each test ends it (or lets a later one replace it).
    link.open_link(&token(&format!("{}/pages/link.html{query}", link_origin()))).expect("opens").forget();
    let iframe = link_iframe().expect("the overlay iframe");
    let frame = ready(replies, &iframe).await;
    (link, frame)
}

fn taken(log: &Log) -> Vec<String> {
    std::mem::take(&mut *log.borrow_mut())
}

/// What Mesh's Link UI really sends (`tests/corpus/wire.json`) reaches the
/// typed Rust closures from a real cross-origin frame: every connect and
/// every finished transfer typed (`brokerBrandInfo: {}`, no `fromAddress`,
/// …), but the one docs-table entry whose `amount` is a placeholder string.
#[wasm_bindgen_test]
async fn every_wire_corpus_payload_reaches_rust_closures() {
    let corpus = JSON::parse(include_str!("corpus/wire.json")).expect("wire.json is JSON");
    let entries: Array = Reflect::get(&corpus, &"entries".into()).expect("entries").unchecked_into();
    let text = |value: &JsValue, name: &str| Reflect::get(value, &name.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let (mut messages, mut connects, mut transfers) = (Vec::new(), 0, 0);
    for entry in entries.iter() {
        let data = Reflect::get(&entry, &"data".into()).expect("data");
        match text(&data, "type").as_str() {
            // Each ends its session; `oauthLinkOpen` would open a window.
            "close" | "done" | "oauthLinkOpen" => continue,
            "brokerageAccountAccessToken" | "delayedAuthentication" => connects += 1,
            "transferFinished" if text(&entry, "id") != "docs-web-sdk-transfer-finished-table" => transfers += 1,
            _ => {}
        }
        messages.push(data);
    }
    let log = Log::default();
    let replies = Replies::listen();
    let (link, frame) = open_session(&log, &replies, recording_options(&log), "?wire").await;
    send(&replies, &frame, &messages).await;
    let seen = taken(&log);
    assert_eq!(seen.iter().filter(|l| l.starts_with("connected ")).count(), connects, "{seen:?}");
    assert_eq!(seen.iter().filter(|l| l.starts_with("transfer ")).count(), transfers, "{seen:?}");
    assert!(connects >= 15 && transfers >= 8, "{connects} connects, {transfers} transfers");
    link.close_link();
}

#[wasm_bindgen_test]
async fn typed_payloads_reach_rust_closures() {
    let log = Log::default();
    let replies = Replies::listen();
    let (_link, frame) = open_session(&log, &replies, recording_options(&log), "?typed").await;
    send(&replies, &frame, &[fixture(&["inbound", "brokerageAccountAccessToken"]), fixture(&["inbound", "transferFinishedSuccess"])]).await;
    assert_eq!(
        taken(&log),
        [
            "event integrationConnected",
            "connected robinhood 5FUVPB0,7QX2LL9 https://assets.example/robinhood-light.svg",
            "event transferCompleted",
            "transfer ok tx-8c1d 0.015",
        ]
    );
    send(&replies, &frame, &[fixture(&["inbound", "doneWithSummary"])]).await;
    assert_eq!(taken(&log), [r#"exit None Some("integrationConnectedPage")"#]);
    assert!(link_iframe().is_none());
}

#[wasm_bindgen_test]
async fn access_tokens_are_posted_on_loaded() {
    let log = Log::default();
    let replies = Replies::listen();
    let tokens = vec![IntegrationAccessToken {
        account_id: "5FUVPB0".into(),
        account_name: "Margin account".into(),
        access_token: "at-1".into(),
        broker_type: "robinhood".into(),
        broker_name: "Robinhood".into(),
    }];
    let options = recording_options(&log).access_tokens(tokens);
    let (link, frame) = open_session(&log, &replies, options, "?tokens").await;
    send(&replies, &frame, &[fixture(&["inbound", "loaded"])]).await;
    let received = received_by_link(&replies, &frame).await;
    let origin = window().location().origin().expect("origin");
    assert!(
        received.contains(&format!(r#""type":"meshSDKSpecs","payload":{{"platform":"web","version":"0.1.0","origin":"{origin}"}}"#)),
        "{received}"
    );
    assert!(received.contains(r#"{"type":"frontAccessTokens","payload":[{"accountId":"5FUVPB0","accountName":"Margin account","accessToken":"at-1","brokerType":"robinhood","brokerName":"Robinhood"}]}"#), "{received}");
    assert!(!received.contains("frontTransferDestinationTokens"));
    assert_eq!(taken(&log), ["event pageLoaded"]);
    link.close_link();
    assert_eq!(taken(&log), ["exit None None"]);
}

#[wasm_bindgen_test]
async fn other_frames_and_the_page_itself_are_not_heard() {
    let log = Log::default();
    let replies = Replies::listen();
    let (link, frame) = open_session(&log, &replies, recording_options(&log), "?strangers").await;
    let forged = fixture(&["inbound", "brokerageAccountAccessToken"]);
    let attacker = extra_iframe(&format!("{}/pages/link.html?attacker", attacker_origin()));
    let attacker = ready(&replies, &attacker).await;
    send(&replies, &attacker, std::slice::from_ref(&forged)).await;
    let twin = extra_iframe(&format!("{}/pages/link.html?twin", link_origin()));
    let twin = ready(&replies, &twin).await;
    send(&replies, &twin, std::slice::from_ref(&forged)).await;
    window().post_message(&forged, "*").expect("self post");
    send(&replies, &frame, &[fixture(&["inbound", "integrationSelected"])]).await;
    assert_eq!(taken(&log), ["event integrationSelected"]);
    link.close_link();
}

#[wasm_bindgen_test]
async fn callbacks_may_close_and_handles_may_be_dropped() {
    let log = Log::default();
    let replies = Replies::listen();
    let slot: Rc<RefCell<Option<FrontConnection>>> = Rc::default();
    let closer = slot.clone();
    let events = log.clone();
    let options = recording_options(&log).on_event(move |event| {
        events.borrow_mut().push(format!("event {}", event.event_type));
        if let Some(link) = closer.borrow().as_ref() {
            link.close_link();
        }
    });
    let (link, frame) = open_session(&log, &replies, options, "?reentrant").await;
    // Dropping the caller's handle keeps the session open.
    *slot.borrow_mut() = Some(link.clone());
    drop(link);
    send(&replies, &frame, &[fixture(&["inbound", "brokerageAccountAccessToken"])]).await;
    assert_eq!(
        taken(&log),
        ["event integrationConnected", "exit None None", "connected robinhood 5FUVPB0,7QX2LL9 https://assets.example/robinhood-light.svg"]
    );
    assert!(link_iframe().is_none());
    if let Some(link) = slot.borrow().as_ref() {
        link.close_link();
    }
    assert!(taken(&log).is_empty(), "onExit once");
}

#[wasm_bindgen_test]
fn bad_tokens_are_errors_and_render_nothing() {
    let log = Log::default();
    let link = FrontConnection::new(recording_options(&log));
    let refused = [link.open_link(&token("javascript:alert(1)")), link.open_link(""), link.open_popup("data:text/html,hi")];
    let refused: Vec<_> = refused
        .into_iter()
        .map(|r| r.map_err(|e| (matches!(e, LinkError::InvalidToken(_) | LinkError::InvalidLink(_)), e.to_string())))
        .collect();
    assert_eq!(
        refused,
        [
            Err((true, "Invalid link token!".to_owned())),
            Err((true, "Invalid link token!".to_owned())),
            Err((true, "Invalid link!".to_owned()))
        ]
    );
    assert!(taken(&log).is_empty(), "the error is returned, on_exit is not called");
    assert!(link_iframe().is_none());
}

/// Opens `link` on the stand-in: the session's guard and the Link frame's window.
async fn open_guarded(replies: &Replies, link: &Link, query: &str) -> (LinkSession, Window) {
    let session = link.open_link(&token(&format!("{}/pages/link.html{query}", link_origin()))).expect("opens");
    (session, ready(replies, &link_iframe().expect("the overlay iframe")).await)
}

/// The session lasts as long as its guard: dropping it (a component that
/// unmounts) takes the overlay down and calls on_exit once; dropping the
/// `Link` closes nothing.
#[wasm_bindgen_test]
async fn dropping_the_session_guard_closes_the_session() {
    let (log, replies) = (Log::default(), Replies::listen());
    let link = Link::new(recording_options(&log));
    let (session, frame) = open_guarded(&replies, &link, "?guard").await;
    drop(link);
    send(&replies, &frame, &[fixture(&["inbound", "integrationSelected"])]).await;
    assert_eq!(taken(&log), ["event integrationSelected"], "the session outlives every Link handle");
    assert!(session.is_open());
    drop(session);
    assert!(link_iframe().is_none());
    assert_eq!(taken(&log), ["exit None None"]);
    // A guard whose session has ended already closes nothing more.
    let link = Link::new(recording_options(&log));
    let session = link.open_link(&token(&format!("{}/pages/link.html?ended", link_origin()))).expect("opens");
    link.close_link();
    assert_eq!(taken(&log), ["exit None None"]);
    assert!(!session.is_open());
    session.close();
    assert!(taken(&log).is_empty());
}

/// `Link` is 3.13's (its default language), `FrontConnection` 1.1.9's;
/// `set_options` swaps the callbacks of an open session.
#[wasm_bindgen_test]
async fn link_is_3_13_and_its_callbacks_can_be_replaced() {
    let (log, replies) = (Log::default(), Replies::listen());
    let link = Link::new(recording_options(&log));
    let (session, frame) = open_guarded(&replies, &link, "?faces").await;
    let src = link_iframe().expect("the overlay iframe").src();
    assert!(src.contains("lng=en"), "{src}");
    let later = Log::default();
    let seen = later.clone();
    link.set_options(LinkOptions::new().on_event(move |event| seen.borrow_mut().push(event.event_type)));
    send(&replies, &frame, &[fixture(&["inbound", "integrationSelected"])]).await;
    assert!(taken(&log).is_empty());
    assert_eq!(taken(&later), ["integrationSelected"]);
    drop(session);
    let front = FrontConnection::new(recording_options(&log));
    let session = front.open_link(&token(&format!("{}/pages/link.html?front", link_origin()))).expect("opens");
    assert!(!link_iframe().expect("the overlay iframe").src().contains("lng="));
    assert_ne!(*front, link);
    assert_eq!(front.clone(), front);
    drop(session);
    assert_eq!(taken(&log), ["exit None None"]);
}

// A wallet extension, as one injects into the page: an EIP-6963 provider.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
export function installWallet() {
  const provider = {
    request: async ({ method }) => (method === 'eth_accounts' ? ['0xabc'] : Promise.reject({ code: 4001, message: 'User rejected the request.' })),
  };
  const info = { uuid: 'rust-test-wallet', name: 'Rust Test Wallet', icon: 'data:,', rdns: 'dev.front-link-wasm.test' };
  window.addEventListener('eip6963:requestProvider', () => {
    window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
  });
}
")]
extern "C" {
    #[wasm_bindgen(js_name = installWallet)]
    fn install_wallet();
}

#[wasm_bindgen_test]
async fn the_rust_api_serves_the_wallet_bridge() {
    install_wallet();
    let log = Log::default();
    let replies = Replies::listen();
    let (link, frame) = open_session(&log, &replies, recording_options(&log).wallet_bridge(true), "?bridge").await;
    sleep(350).await; // EIP-6963 discovery
    let requests = [
        r#"{"id":"a","type":"GET","path":["parentOrigin"]}"#,
        r#"{"id":"b","type":"GET","path":["eip6963Wallets","0","uuid"]}"#,
        r#"{"id":"c","type":"APPLY","path":["eip6963Wallets","0","provider","request"],"argumentList":[{"type":"RAW","value":{"method":"eth_accounts"}}]}"#,
        r#"{"id":"d","type":"SET","path":["__proto__","polluted"],"value":{"type":"RAW","value":1}}"#,
    ];
    let requests: Vec<JsValue> = requests.iter().map(|r| JSON::parse(r).expect("json")).collect();
    send(&replies, &frame, &requests).await;
    // The first request fetches the bridge's chunk; all four wait for it.
    let mut received = String::new();
    for _ in 0..100 {
        sleep(20).await;
        received = received_by_link(&replies, &frame).await;
        if received.contains(r#""id":"d""#) {
            break;
        }
    }
    let origin = window().location().origin().expect("origin");
    assert!(received.contains(&format!(r#"{{"type":"RAW","value":"{origin}","id":"a"}}"#)), "{received}");
    assert!(received.contains(r#"{"type":"RAW","value":"rust-test-wallet","id":"b"}"#), "{received}");
    assert!(received.contains(r#"{"type":"RAW","value":["0xabc"],"id":"c"}"#), "{received}");
    assert!(
        received.contains(r#""name":"throw","value":{"isError":true,"value":{"message":"The wallet bridge does not serve this path""#),
        "{received}"
    );
    assert!(received.contains(r#""id":"d""#), "{received}");
    assert!(Reflect::get(&js_sys::Object::new(), &"polluted".into()).expect("get").is_undefined());
    link.close_link();
    assert_eq!(taken(&log), ["exit None None"]);
}

// --- Payload shapes: the one-call JavaScript check against the core's own -----
//
// `Data::conforms` of a `JsValue` checks a payload in one call, from a
// JavaScript transcription of the core's shape table; `Shape::accepts` asks
// the same questions one field at a time. Every message below must get the
// same verdict from both.

use front_link_wasm::protocol::{
    known_type, payload_shape, promised_payload, Data, Face, Ignored, InboundMessage, Kind, Shape, FRONT_EVENT_TYPE_KEYS,
    LATER_LINK_EVENT_TYPE_KEYS,
};
use wasm_bindgen::prelude::wasm_bindgen;

/// The same JavaScript value, but checked field by field (the default `conforms`).
#[derive(Clone, Debug)]
struct FieldByField(JsValue);

impl Data for FieldByField {
    fn kind(&self) -> Kind {
        self.0.kind()
    }
    fn field(&self, name: &'static str) -> Option<Self> {
        self.0.field(name).map(FieldByField)
    }
    fn field_kind(&self, name: &'static str) -> Kind {
        self.0.field_kind(name)
    }
    fn text(&self, max: usize) -> Option<String> {
        self.0.text(max)
    }
    fn number(&self) -> Option<f64> {
        self.0.number()
    }
    fn items(&self, max: usize) -> Option<Vec<Self>> {
        self.0.items(max).map(|items| items.into_iter().map(FieldByField).collect())
    }
}

/// A value that has `shape`, every optional field present.
fn example(shape: &Shape) -> JsValue {
    match shape {
        Shape::Str => "s".into(),
        Shape::Num => 1.5.into(),
        Shape::Bool => true.into(),
        Shape::Any => 7.into(),
        Shape::Lit(text) => (*text).into(),
        Shape::List(item) => Array::of2(&example(item), &example(item)).into(),
        Shape::Obj(fields) => {
            let object = js_sys::Object::new();
            for field in fields.iter() {
                let _ = Reflect::set(&object, &field.name().into(), &example(field.shape()));
            }
            object.into()
        }
        Shape::Either(shapes) => shapes.first().map_or(JsValue::NULL, example),
        Shape::Ref(shape) | Shape::Maybe(shape) => example(shape),
    }
}

#[wasm_bindgen(inline_js = "
// The value itself, then for each place in it (the root included) the value
// with that place removed or replaced by another kind of value; arrays also
// emptied and given a stranger element.
export function mutants(root) {
  const others = [undefined, null, 's', 0, NaN, true, [], {}, ['s'], { s: 1 }];
  const out = [root];
  const visit = (value, rebuild) => {
    for (const other of others) out.push(rebuild(other));
    if (Array.isArray(value)) {
      out.push(rebuild([]), rebuild([...value, 'stranger']));
      value.forEach((item, i) => visit(item, (v) => rebuild(value.map((x, j) => (j === i ? v : x)))));
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        const { [key]: _, ...rest } = value;
        out.push(rebuild(rest));
        visit(value[key], (v) => rebuild({ ...value, [key]: v }));
      }
    }
  };
  visit(root, (v) => v);
  return out;
}
export function message(type, payload) { return payload === undefined ? { type } : { type, payload }; }
")]
extern "C" {
    fn mutants(root: &JsValue) -> Vec<JsValue>;
    fn message(kind: &str, payload: &JsValue) -> JsValue;
}

fn verdict<D: Data>(result: Result<InboundMessage<D>, Ignored>) -> String {
    match result {
        Ok(InboundMessage::Exit { error, summary, error_dropped }) => {
            format!("exit {error:?} summary {} dropped {error_dropped}", summary.is_some())
        }
        Ok(InboundMessage::AccessToken(_)) => "access token".into(),
        Ok(InboundMessage::DelayedAuth(_)) => "delayed auth".into(),
        Ok(InboundMessage::TransferFinished(_)) => "transfer finished".into(),
        Ok(InboundMessage::Event(_)) => "event".into(),
        Ok(other) => format!("{:?}", core::mem::discriminant(&other)),
        Err(ignored) => format!("{ignored:?}"),
    }
}

#[wasm_bindgen_test]
fn one_call_shape_checks_agree_with_the_core() {
    let mut samples: Vec<JsValue> = Vec::new();
    let inbound = fixture(&["inbound"]);
    for name in js_sys::Object::keys(inbound.unchecked_ref::<js_sys::Object>()).iter() {
        let fixture = Reflect::get(&inbound, &name).unwrap_or(JsValue::UNDEFINED);
        let kind = Reflect::get(&fixture, &"type".into()).ok().and_then(|t| t.as_string()).unwrap_or_default();
        let payload = Reflect::get(&fixture, &"payload".into()).unwrap_or(JsValue::UNDEFINED);
        samples.extend(mutants(&payload).iter().map(|p| message(&kind, p)));
    }
    for face in [Face::Front, Face::Link] {
        for key in FRONT_EVENT_TYPE_KEYS.iter().chain(LATER_LINK_EVENT_TYPE_KEYS.iter()) {
            samples.extend(mutants(&example(payload_shape(face, key).map_or(&Shape::Any, |p| p.shape()))).iter().map(|p| message(key, p)));
        }
    }
    let (mut accepted, mut refused) = (0, 0);
    for sample in &samples {
        for face in [Face::Front, Face::Link] {
            let one_call = verdict(InboundMessage::classify(face, sample));
            let by_field = verdict(InboundMessage::classify(face, &FieldByField(sample.clone())));
            assert_eq!(one_call, by_field, "{face:?}: {:?}", JSON::stringify(sample).ok());
            // What debug reports: the payload against its upstream type.
            let Some(promised) = known_type(sample).and_then(|kind| promised_payload(face, kind)) else { continue };
            let fits = sample.field_conforms("payload", promised);
            assert_eq!(
                fits,
                FieldByField(sample.clone()).field_conforms("payload", promised),
                "{face:?}: {:?}",
                JSON::stringify(sample).ok()
            );
            if fits {
                accepted += 1;
            } else {
                refused += 1;
            }
        }
    }
    // Both verdicts must be common, or the comparison proves little.
    assert!(accepted > 1000 && refused > 1000, "{accepted} accepted, {refused} refused of {}", samples.len() * 2);
}

// --- Every failure ends in a callback, through the Rust API ----------

#[wasm_bindgen_test]
async fn a_link_ui_that_never_loads_ends_in_on_exit_after_the_load_timeout() {
    let log = Log::default();
    let replies = Replies::listen();
    let (_link, _frame) = open_session(&log, &replies, recording_options(&log).load_timeout_ms(300), "?silent").await;
    let close = window().document().and_then(|d| d.get_element_by_id("front-link-popup__close"));
    assert!(close.is_some(), "the overlay's own close button is there (hidden for the first moment)");
    for _ in 0..100 {
        if !log.borrow().is_empty() {
            break;
        }
        sleep(20).await;
    }
    let exits = taken(&log);
    assert_eq!(exits.len(), 1, "{exits:?}");
    assert!(exits[0].starts_with("exit Some(\"Link UI did not load"), "{exits:?}");
    assert!(link_iframe().is_none());
}

#[wasm_bindgen_test]
async fn a_link_origin_not_listed_is_an_invalid_link_token() {
    let log = Log::default();
    let link = Link::new(recording_options(&log).link_origins(&["https://web.meshconnect.com"]));
    let refused = link.open_link(&token(&format!("{}/pages/link.html", link_origin()))).map_err(|e| e.to_string());
    assert_eq!(refused, Err("Invalid link token!".to_owned()));
    assert!(taken(&log).is_empty());
    assert!(link_iframe().is_none());
}
