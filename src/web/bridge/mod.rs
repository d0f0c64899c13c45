//! The wallet bridge (SPEC §11): a Comlink 4 server in the host page through
//! which the Link UI reaches the page's browser-extension wallets, which
//! inject into the top page only. The core classifies each request and
//! checks its path ([`crate::protocol::route`]); this layer walks, calls
//! wallets, awaits them and answers. One bridge lives exactly as long as
//! its session: dropping it removes the discovery listener and timer,
//! every wallet subscription and every port, and settles pending calls
//! without answering.
//!
//! One concern a module, its JavaScript beside it (`x.rs` declares what it
//! imports from `x.js`): `comlink` (the reply shapes, a session's
//! liveness), `capability` (what the Link UI may reach: only what the
//! bridge built), `walk` (the property walk), `registry` (the Wallet
//! Standard registry), and the families: `eip6963`, `solana`, `bitcoin`, `tron` and
//! `ton` (`injected`: what the last two share).

mod bitcoin;
mod capability;
mod chunk;
pub(super) mod comlink;
mod eip6963;
mod injected;
mod port;
mod registry;
mod solana;
mod ton;
mod tron;
mod walk;

use alloc::rc::{Rc, Weak};
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};
use core::future::Future;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::spawn_local;
use web_sys::{MessageChannel, MessagePort, Window};

pub use self::chunk::Bridge;
use self::eip6963::Eip6963;
use self::port::Port;
use super::reply::Target;
use crate::protocol::{route, ApiFunction, Op, Refusal, Request, Route, Wire, API_FIELDS};
use crate::web::js_data::js_name;

/// A wallet subscription the child made: its teardown runs when the
/// session ends, if the child did not run it first (teardowns are
/// idempotent).
struct Subscription(Function);

impl Drop for Subscription {
    fn drop(&mut self) {
        let _ = self.0.call0(&JsValue::UNDEFINED);
    }
}

/// What an endpoint serves: the API itself, or one value the API handed
/// out as a proxy (a subscription's teardown).
#[derive(Clone)]
enum Served {
    Api,
    Value(JsValue),
}

/// What an API function gives back.
enum Outcome {
    /// Sent as `RAW`.
    Value(JsValue),
    /// Sent as a proxy: served on a new port.
    Proxy(JsValue),
}

struct Shared {
    window: Window,
    api: Object,
    /// Set by a `RELEASE` on the window: the child is done with the bridge.
    released: Cell<bool>,
    ports: RefCell<Vec<Port>>,
    subscriptions: RefCell<Vec<Subscription>>,
    /// Unsubscribes that wallets handed out through the API (TON `listen`).
    teardowns: Array,
    eip6963: Eip6963,
    /// The core's Solana rules, for the Solana adapters' JavaScript.
    codec: solana::Codec,
    /// The session's Base Wallet entry, if Coinbase's wallet was there.
    base: RefCell<JsValue>,
    /// `{over}`, set when the session ends: pending calls then stay
    /// unanswered (and never wait on a wallet past the session).
    session: JsValue,
    /// Serves a pending call's result that the API hands out by reference.
    by_reference: Closure<dyn Fn(JsValue, JsValue, JsValue, JsValue)>,
}

/// A session's Comlink server, started once the bridge's chunk is here
/// ([`Bridge`] starts it). Clones share it; the session's [`Bridge`]
/// holds the one that lasts, so the server ends with the session.
#[derive(Clone)]
struct Server(Rc<Shared>);

impl Server {
    /// The API the Link UI will read, and wallet discovery; its window
    /// may be `over` already (it counts from the session's open).
    fn start(window: &Window, over: bool) -> Server {
        let shared = Shared::new(window);
        // 1.7.0's order: EIP-6963 asks first, then the registry is read.
        Eip6963::start(&shared, over);
        solana::discover(&shared);
        bitcoin::discover(&shared);
        Server(shared)
    }

    /// Carries out a request that came through the session's window.
    fn handle(&self, request: Request<JsValue>, target: Target) {
        if !self.0.released.get() {
            serve(&self.0, &Served::Api, request, target);
        }
    }

    /// Answers a request the core refused.
    fn refuse(&self, id: &JsValue, refusal: Refusal, target: &Target) {
        if !self.0.released.get() {
            target.throw(id, &comlink::type_error(refusal.message()));
        }
    }

    /// Discovery's window has closed.
    fn discovered(&self) {
        eip6963::discovered(&self.0);
    }
}

impl Shared {
    /// The API with its initial fields; no wallet asked yet.
    fn new(window: &Window) -> Rc<Shared> {
        let api = Object::new();
        capability::made(&api);
        let shared = Rc::new_cyclic(|weak: &Weak<Shared>| Shared {
            window: window.clone(),
            api,
            released: Cell::new(false),
            ports: RefCell::new(Vec::new()),
            subscriptions: RefCell::new(Vec::new()),
            teardowns: Array::new(),
            eip6963: Eip6963::default(),
            codec: solana::codec(),
            base: RefCell::new(JsValue::UNDEFINED),
            session: comlink::session(),
            by_reference: by_reference(weak.clone()),
        });
        for field in API_FIELDS {
            let value = match field {
                "parentOrigin" => JsValue::from(window.location().origin().unwrap_or_default()),
                f if f.ends_with("Ready") => JsValue::from(f == "walletStandardWalletsReady" || f == "bip122WalletsReady"),
                _ => capability::made(&Array::new()),
            };
            let _ = Reflect::set(&shared.api, js_name(field), &value);
        }
        shared
    }
}

impl Drop for Shared {
    fn drop(&mut self) {
        comlink::end(&self.session);
        // Ports close as they drop; taken out first so that nothing else
        // sees the list mid-way.
        self.ports.get_mut().clear();
        self.subscriptions.get_mut().clear();
        comlink::run_all(&self.teardowns);
    }
}

fn serve(shared: &Rc<Shared>, served: &Served, request: Request<JsValue>, target: Target) {
    let id = request.id.clone();
    let root: JsValue = match served {
        Served::Api => shared.api.clone().into(),
        Served::Value(value) => value.clone(),
    };
    let path = || request.path_value.clone().unwrap_or_else(|| Array::new().into());
    let routed = match served {
        Served::Api => route(&request),
        // A proxied value: read or call it, nothing else.
        Served::Value(_) => match request.op {
            Op::Get | Op::Apply => Ok(Route::Walk(&request.path)),
            Op::Release => Ok(Route::Endpoint),
            Op::Set => Err(Refusal::Set),
            _ => Err(Refusal::Path),
        },
    };
    match routed {
        Err(refusal) => target.throw(&id, &comlink::type_error(refusal.message())),
        Ok(Route::Unserializable) => target.throw(&id, &comlink::type_error("Unserializable return value")),
        Ok(Route::SetField(field)) => {
            // A copy: the child's value (a structured clone) then holds
            // nothing but data, on the surface like the rest of the API.
            let value = request.value.as_ref().map(raw).unwrap_or(JsValue::UNDEFINED);
            let _ = Reflect::set(&shared.api, &JsValue::from_str(field), &capability::plain(&value));
            target.raw(&id, &JsValue::TRUE);
        }
        Ok(Route::Walk(_)) if request.op == Op::Get => pending(shared, id, target, walk::get(&root, &path())),
        Ok(Route::Walk(_)) => {
            let args = arguments(shared, &request.arguments);
            pending(shared, id, target, walk::apply(&root, &path(), &args));
        }
        Ok(Route::Call(function)) => {
            let args = arguments(shared, &request.arguments);
            call(shared, id, target, function, args);
        }
        Ok(Route::Endpoint) => endpoint(shared, served, request.op, &id, &target),
    }
}

/// `ENDPOINT`: the API again on a new port; `RELEASE`: this endpoint is done.
fn endpoint(shared: &Rc<Shared>, served: &Served, op: Op, id: &JsValue, target: &Target) {
    if op == Op::Endpoint {
        if let Some(port) = channel(shared, served.clone()) {
            comlink::reply_port(&target.to, &target.origin, id, &port, false);
        }
        return;
    }
    target.raw(id, &JsValue::UNDEFINED);
    match target.to.dyn_ref::<MessagePort>() {
        Some(port) => Port::release(shared, port),
        None => shared.released.set(true),
    }
}

/// Sets the API's list `field` to `entries` (on the capability surface)
/// and `<field>Ready` to true.
fn publish(shared: &Shared, field: &str, entries: &Array) {
    let _ = Reflect::set(&shared.api, &JsValue::from_str(field), &capability::made(entries));
    let mut ready = String::from(field);
    ready.push_str("Ready");
    let _ = Reflect::set(&shared.api, &JsValue::from_str(&ready), &JsValue::TRUE);
}

/// The `Error` of a lookup that found nothing: `<what> "<key>"`, with the
/// key as JavaScript's `String()` writes it (1.7.0's messages).
fn not_found(what: &str, key: &JsValue) -> JsValue {
    let mut message = String::from(what);
    message.push_str(" \"");
    message.push_str(&comlink::text(key));
    message.push('"');
    comlink::error(&message)
}

/// Keeps `item` for the session. (The lists are only borrowed for a push
/// or a removal, never across a call out; should one be busy anyway, the
/// item ends at once: a closed port, a removed listener.)
fn push<T>(list: &RefCell<Vec<T>>, item: T) {
    if let Ok(mut list) = list.try_borrow_mut() {
        list.push(item);
    }
}

/// A new channel whose first port serves `served`; the other is for the child.
fn channel(shared: &Rc<Shared>, served: Served) -> Option<MessagePort> {
    let channel = MessageChannel::new().ok()?;
    let port = Port::serve(shared, channel.port1(), served);
    push(&shared.ports, port);
    Some(channel.port2())
}

/// The argument values: `RAW` as sent, proxies as functions that call
/// the child back through their port.
fn arguments(shared: &Rc<Shared>, wires: &[Wire<JsValue>]) -> Array {
    wires
        .iter()
        .map(|wire| match wire {
            Wire::Raw(_) => raw(wire),
            Wire::Proxy(port) => match port.dyn_ref::<MessagePort>() {
                Some(port) => {
                    push(&shared.ports, Port::hold(port.clone()));
                    comlink::remote(port).into()
                }
                None => JsValue::UNDEFINED,
            },
        })
        .collect()
}

fn raw(wire: &Wire<JsValue>) -> JsValue {
    match wire {
        Wire::Raw(wire) => Reflect::get(wire, js_name("value")).unwrap_or(JsValue::UNDEFINED),
        Wire::Proxy(_) => JsValue::UNDEFINED,
    }
}

/// Answers when `promise` settles, unless the session ended first. The
/// wait and the reply stay in JavaScript: most calls (every `GET`, a
/// wallet's `request`) then enter the wasm once, with their message.
fn pending(shared: &Rc<Shared>, id: JsValue, target: Target, promise: Promise) {
    comlink::answer_when_settled(&promise, &shared.session, &target.to, &target.origin, &id, shared.by_reference.as_ref().unchecked_ref());
}

fn by_reference(weak: Weak<Shared>) -> Closure<dyn Fn(JsValue, JsValue, JsValue, JsValue)> {
    Closure::new(move |to, origin, id, value| {
        if let Some(shared) = weak.upgrade() {
            answer(&shared, &Target { to, origin }, &id, Outcome::Proxy(value));
        }
    })
}

fn call(shared: &Rc<Shared>, id: JsValue, target: Target, function: ApiFunction, args: Array) {
    let weak = Rc::downgrade(shared);
    let outcome: core::pin::Pin<alloc::boxed::Box<dyn Future<Output = Result<Outcome, JsValue>>>> = match function {
        ApiFunction::SubscribeEip6963ProviderEvent => alloc::boxed::Box::pin(eip6963::subscribe(weak.clone(), args)),
        ApiFunction::SubscribeSolanaWalletEvent => alloc::boxed::Box::pin(core::future::ready(solana::subscribe(shared, &args))),
        ApiFunction::SubscribeBip122WalletEvent => alloc::boxed::Box::pin(core::future::ready(bitcoin::subscribe(shared, &args))),
        ApiFunction::DiscoverTronWallets => alloc::boxed::Box::pin(core::future::ready(tron::discover(shared, &args))),
        ApiFunction::SubscribeTronProviderEvent => alloc::boxed::Box::pin(core::future::ready(tron::subscribe(shared, &args))),
        ApiFunction::DiscoverTonWallets => alloc::boxed::Box::pin(core::future::ready(ton::discover(shared, &args))),
    };
    spawn_local(async move {
        let outcome = outcome.await;
        let Some(shared) = weak.upgrade() else { return };
        match outcome {
            Ok(outcome) => answer(&shared, &target, &id, outcome),
            Err(error) => target.throw(&id, &error),
        }
    });
}

/// A result goes back as `RAW`, or, if the API hands it out by reference,
/// served on a new port.
fn answer(shared: &Rc<Shared>, target: &Target, id: &JsValue, outcome: Outcome) {
    match outcome {
        Outcome::Value(value) if !comlink::is_proxied(&value) => target.raw(id, &value),
        Outcome::Value(value) | Outcome::Proxy(value) => {
            if let Some(port) = channel(shared, Served::Value(value)) {
                comlink::reply_port(&target.to, &target.origin, id, &port, true);
            }
        }
    }
}
