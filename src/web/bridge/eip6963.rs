//! EIP-6963 wallets (MetaMask, Coinbase Wallet, Rabby…): discovery by
//! event until 300 ms after the session opened, as 1.7.0 does, and
//! provider event subscriptions.

use alloc::rc::{Rc, Weak};
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::{OnceCell, RefCell};

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Event;

use super::{Outcome, Shared, Subscription};
use crate::protocol::MAX_ID;
use crate::web::js_data::bounded_text;
use crate::web::listener::EventListener;

#[wasm_bindgen(module = "/src/web/bridge/chunk.js", js_namespace = bridge)]
extern "C" {
    /// Subscribes `callback` to the provider's `event` (its first argument
    /// only): the teardown the child gets as a proxy, or `undefined` for a
    /// provider without `on`. What `on` throws is the `Err`.
    #[wasm_bindgen(catch, js_name = watchProvider)]
    fn watch_provider(provider: &JsValue, event: &JsValue, callback: &JsValue) -> Result<JsValue, JsValue>;
    /// The `{uuid, name, icon, rdns, provider}` the child reads: the
    /// provider's EIP-1193 methods and its own primitive fields only.
    #[wasm_bindgen(js_name = eip6963Entry)]
    fn eip6963_entry(info: &JsValue, provider: &JsValue) -> JsValue;
}

/// How long wallets have to announce themselves, from the session's open.
pub const DISCOVERY_MS: i32 = 300;

/// Discovery and subscriptions of one bridge.
#[derive(Default)]
pub struct Eip6963 {
    wallets: RefCell<Vec<Wallet>>,
    /// The announcement listener, until discovery's window closes.
    discovery: RefCell<Option<EventListener>>,
    done: OnceCell<(Promise, Function)>,
}

struct Wallet {
    uuid: String,
    rdns: Option<String>,
    provider: JsValue,
    /// `{uuid, name, icon, rdns, provider}`, what the child reads.
    entry: JsValue,
}

impl Drop for Eip6963 {
    fn drop(&mut self) {
        // Subscribers still waiting for discovery give up.
        if let Some((_, resolve)) = self.done.get() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    }
}

impl Eip6963 {
    /// Listens for announcements and asks for them; the list is published
    /// at once if discovery's window is `over`, else by [`discovered`] when
    /// it closes. (Wallets answer the request during its dispatch.)
    pub fn start(shared: &Rc<Shared>, over: bool) {
        let mut resolve = None;
        let done = Promise::new(&mut |r, _| resolve = Some(r));
        if let Some(resolve) = resolve {
            let _ = shared.eip6963.done.set((done, resolve));
        }
        let weak = Rc::downgrade(shared);
        let listener = EventListener::new(&shared.window, "eip6963:announceProvider", move |event| {
            if let Some(shared) = weak.upgrade() {
                shared.eip6963.announced(event);
            }
        });
        if let Ok(mut discovery) = shared.eip6963.discovery.try_borrow_mut() {
            *discovery = listener;
        }
        // Wallets answer during the dispatch, so listen first.
        if let Ok(request) = Event::new("eip6963:requestProvider") {
            let _ = shared.window.dispatch_event(&request);
        }
        if over {
            discovered(shared);
        }
    }

    fn announced(&self, event: &Event) {
        let field = |object: &JsValue, name: &str| Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        let detail = field(event, "detail");
        let info = field(&detail, "info");
        let Some(uuid) = bounded_text(&field(&info, "uuid"), MAX_ID) else { return };
        let Ok(mut wallets) = self.wallets.try_borrow_mut() else { return };
        if wallets.iter().any(|w| w.uuid == uuid) {
            return; // the first announcement of a uuid wins
        }
        let provider = field(&detail, "provider");
        let entry = eip6963_entry(&info, &provider);
        let rdns = bounded_text(&field(&info, "rdns"), MAX_ID);
        wallets.push(Wallet { uuid, rdns, provider, entry });
    }

    fn find(&self, uuid: Option<String>, rdns: Option<String>) -> Option<JsValue> {
        let wallets = self.wallets.try_borrow().ok()?;
        let by_uuid = wallets.iter().find(|w| Some(&w.uuid) == uuid.as_ref());
        let by_rdns = || wallets.iter().find(|w| rdns.is_some() && w.rdns == rdns);
        by_uuid.or_else(by_rdns).map(|w| w.provider.clone())
    }
}

/// Discovery's window has closed: the list is published, later
/// announcements are not heard.
pub fn discovered(shared: &Shared) {
    let discovery = shared.eip6963.discovery.try_borrow_mut().ok().and_then(|mut d| d.take());
    drop(discovery);
    let Ok(wallets) = shared.eip6963.wallets.try_borrow() else { return };
    let entries: Array = wallets.iter().map(|w| w.entry.clone()).collect();
    drop(wallets);
    super::publish(shared, "eip6963Wallets", &entries);
    if let Some((_, resolve)) = shared.eip6963.done.get() {
        let _ = resolve.call0(&JsValue::UNDEFINED);
    }
}

/// `subscribeEip6963ProviderEvent(uuid, eventName, callback, rdns?)`:
/// after discovery, the wallet by uuid, else by rdns; its `on(eventName)`
/// forwards the first argument to the child's callback; the child gets a
/// teardown. A wallet without `on` gives `undefined`.
pub async fn subscribe(weak: Weak<Shared>, args: Array) -> Result<Outcome, JsValue> {
    let done = weak.upgrade().and_then(|s| s.eip6963.done.get().map(|(done, _)| done.clone()));
    let _ = JsFuture::from(done.ok_or(JsValue::UNDEFINED)?).await;
    let shared = weak.upgrade().ok_or(JsValue::UNDEFINED)?;
    let (uuid, event, callback, rdns) = (args.get(0), args.get(1), args.get(2), args.get(3));
    let rdns = bounded_text(&rdns, MAX_ID).filter(|r| !r.is_empty());
    let Some(provider) = shared.eip6963.find(bounded_text(&uuid, MAX_ID), rdns) else {
        return Err(super::not_found("subscribeEip6963ProviderEvent: no wallet found for uuid", &uuid));
    };
    let off = watch_provider(&provider, &event, &callback)?;
    let Some(teardown) = off.dyn_ref::<Function>() else { return Ok(Outcome::Value(JsValue::UNDEFINED)) };
    super::push(&shared.subscriptions, Subscription(teardown.clone()));
    Ok(Outcome::Proxy(off))
}
