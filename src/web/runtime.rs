//! The one session on screen, and the execution of the core's decisions.
//!
//! The active session lives here, not in any connection handle, so it
//! stays open if the caller drops its handle. No `RefCell` borrow is held
//! while integrator code runs: every entry point decides under the borrow,
//! releases it, then calls out; callbacks may re-enter freely.

use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::{Cell, OnceCell, RefCell};

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use web_sys::{HtmlIFrameElement, Window};

#[cfg(feature = "wallet-bridge")]
use super::bridge::Bridge;
use super::callbacks::{report, Callbacks, Exit};
use super::inbox::Inbox;
use super::js_data::js_name;
use super::notice;
use super::reply::Target;
use super::surface::Surface;
use super::timeout::Timeout;
use crate::protocol::{popup_features, Action, Callback, Connected, Event, LinkError, LinkInput, LinkStyle, LinkUrl, Outbound, Session};

struct Active {
    id: u64,
    owner: u64,
    session: Session,
    callbacks: Rc<dyn Callbacks>,
    // Dropped after the listeners (field order), then the overlay.
    _listeners: Listeners,
    #[cfg(feature = "wallet-bridge")]
    bridge: Option<Bridge>,
    surface: Surface,
    /// Where replies go, found at the first one (see [`Surface::link_window`]).
    replies: OnceCell<Option<Target>>,
    /// Until the Link UI says `loaded`: what ends the session if it never does.
    load_timer: Option<Timeout>,
}

page_global!(ACTIVE: RefCell<Option<Active>> = RefCell::new(None));
page_global!(NEXT_ID: Cell<u64> = Cell::new(1));

/// A fresh id for a connection or a session.
pub fn next_id() -> u64 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    })
}

/// `openLink`/`openPopup` of connection `owner`: the new session's id, or
/// why nothing opened (a JavaScript face gives it to `onExit`).
pub fn open(owner: u64, callbacks: Rc<dyn Callbacks>, input: LinkInput<'_>, iframe_id: Option<&str>) -> Result<u64, LinkError> {
    let window = web_sys::window().ok_or(LinkError::NoPage)?;
    let mut params = callbacks.link_params();
    params.iframe_id = iframe_id.map(String::from);
    if params.language.as_deref() == Some("system") {
        params.language = window.navigator().language();
    }
    let (session, opening) = Session::open(input, &params)?;
    let style = opening
        .style_json
        .as_deref()
        .map_or_else(LinkStyle::default, |json| js_sys::JSON::parse(json).map(|v| LinkStyle::from_data(&v)).unwrap_or_default());
    let host_iframe = opening.frame.as_deref().map(|id| Surface::host_iframe(&window, id)).transpose()?;
    // At most one session on screen: the previous one ends (and its onExit
    // runs) before this one shows, so that cleanup code in that onExit,
    // such as a `closeLink()`, cannot end the new session.
    if let Some(previous) = take_active(|_| true) {
        retire(previous).notify();
    }
    let id = next_id();
    let placement = callbacks.placement();
    let surface = Surface::show(&window, &opening, style, host_iframe, &placement, move || end(|active| active.id == id))?;
    let listeners = listeners(&window, id, surface.iframe(), session.origin());
    // Fetched, and the wallets asked for, when the Link UI first
    // opens the wallet channel (3.13 asks as the Link UI starts).
    #[cfg(feature = "wallet-bridge")]
    let bridge = session.has_bridge().then(|| Bridge::new(&window));
    let load_timer =
        opening.load_timeout.and_then(|ms| Timeout::new(&window, i32::try_from(ms).unwrap_or(i32::MAX), move || load_timed_out(id)));
    let active = Active {
        id,
        owner,
        session,
        callbacks,
        _listeners: listeners,
        #[cfg(feature = "wallet-bridge")]
        bridge,
        surface,
        replies: OnceCell::new(),
        load_timer,
    };
    // The previous session's onExit may have opened another one.
    let displaced = ACTIVE.with(|slot| slot.try_borrow_mut().ok().and_then(|mut slot| slot.replace(active)));
    if let Some(displaced) = displaced {
        retire(displaced).notify();
    }
    Ok(id)
}

/// Ends session `id`, if it is the one on screen (its `onExit` runs).
#[cfg(feature = "typed")]
pub fn close_session(id: u64) {
    end(|active| active.id == id);
}

/// Whether session `id` is the one on screen.
#[cfg(feature = "typed")]
pub fn is_open(id: u64) -> bool {
    is_active(id)
}

/// `closeLink` of connection `owner`: ends its session, if it has the one
/// on screen; otherwise does nothing.
pub fn close(owner: u64) {
    end(|active| active.owner == owner);
}

/// `closeLinkRequested` of connection `owner`: an embedded session is asked
/// to close (it ends when the Link UI answers); another one just closes.
pub fn request_close(owner: u64) {
    let decided = ACTIVE.with(|slot| {
        let mut slot = slot.try_borrow_mut().ok()?;
        let active = slot.as_mut().filter(|a| a.owner == owner)?;
        let actions = active.session.request_close::<JsValue>();
        Some((active.id, actions, active.callbacks.clone(), link_target(active)))
    });
    if let Some((id, actions, callbacks, target)) = decided {
        execute(id, &*callbacks, target, actions);
    }
}

fn link_target(active: &Active) -> Option<Target> {
    let origin = active.session.origin();
    active.replies.get_or_init(|| active.surface.link_window().map(|window| Target::window(&window, origin))).clone()
}

fn end(which: impl Fn(&Active) -> bool) {
    if let Some(active) = take_active(which) {
        retire(active).notify();
    }
}

/// A session the host ended, already off screen, whose `onExit` is due.
struct Retired {
    actions: Vec<Action<JsValue>>,
    callbacks: Rc<dyn Callbacks>,
}

fn retire(mut active: Active) -> Retired {
    let actions = active.session.close::<JsValue>();
    let callbacks = active.callbacks.clone();
    drop(active);
    Retired { actions, callbacks }
}

impl Retired {
    fn notify(self) {
        execute(0, &*self.callbacks, None, self.actions);
    }
}

fn take_active(which: impl Fn(&Active) -> bool) -> Option<Active> {
    ACTIVE.with(|slot| {
        let mut slot = slot.try_borrow_mut().ok()?;
        if slot.as_ref().is_some_and(&which) {
            slot.take()
        } else {
            None
        }
    })
}

fn is_active(id: u64) -> bool {
    ACTIVE.with(|slot| slot.try_borrow().ok().is_some_and(|s| s.as_ref().is_some_and(|a| a.id == id)))
}

/// What a session listens to, removed on drop: its Link frame's messages.
/// (The overlay listens for Escape and its close control itself.)
pub(super) struct Listeners {
    _messages: Option<Inbox>,
}

pub(super) fn listeners(window: &Window, id: u64, frame: &HtmlIFrameElement, origin: &str) -> Listeners {
    Listeners { _messages: Inbox::new(window, frame, origin, move |data| on_message(id, data)) }
}

/// The load timer of session `id` ran out.
fn load_timed_out(id: u64) {
    let decided = ACTIVE.with(|slot| {
        let mut slot = slot.try_borrow_mut().ok()?;
        let active = slot.as_mut().filter(|a| a.id == id)?;
        Some((active.session.load_timed_out::<JsValue>(), active.callbacks.clone()))
    });
    if let Some((actions, callbacks)) = decided {
        execute(id, &*callbacks, None, actions);
    }
}

/// The Link UI of session `id` has loaded: its own close control takes over.
fn loaded(id: u64) {
    let timer = ACTIVE.with(|slot| {
        let mut slot = slot.try_borrow_mut().ok()?;
        let active = slot.as_mut().filter(|a| a.id == id)?;
        active.surface.loaded();
        active.load_timer.take()
    });
    drop(timer);
}

/// The browser would not open the window an `oauthLinkOpen` asked for.
fn popup_blocked(id: u64, callbacks: &dyn Callbacks, url: LinkUrl) {
    let actions = ACTIVE.with(|slot| Some(slot.try_borrow().ok()?.as_ref().filter(|a| a.id == id)?.session.popup_blocked::<JsValue>(url)));
    if let Some(actions) = actions {
        execute(id, callbacks, None, actions);
    }
}

fn on_message(id: u64, data: &JsValue) {
    // The decision reads `data`, the Link UI's own, through calls into
    // JavaScript: it is made on a copy of the session, with no borrow of
    // the slot held, so that nothing it meets can leave the slot borrowed.
    let Some(mut session) = ACTIVE.with(|slot| Some(slot.try_borrow().ok()?.as_ref().filter(|a| a.id == id)?.session.clone())) else {
        return;
    };
    let actions = session.receive(data);
    let decided = ACTIVE.with(|slot| {
        let mut slot = slot.try_borrow_mut().ok()?;
        let active = slot.as_mut().filter(|a| a.id == id)?;
        active.session = session;
        // Most messages only call back: no need to look up where replies go.
        let replies = actions.iter().any(|a| matches!(a, Action::Post(_) | Action::Bridge(_) | Action::Refuse(..)));
        Some((active.callbacks.clone(), replies.then(|| link_target(active)).flatten()))
    });
    if let Some((callbacks, target)) = decided {
        execute(id, &*callbacks, target, actions);
    }
}

/// Runs the core's actions in order. Every callback of an accepted message
/// is delivered even if an earlier one ends the session (a connected
/// account must never be lost because `onEvent` called `closeLink`); posts
/// go only to a session that is still live.
fn execute(id: u64, callbacks: &dyn Callbacks, target: Option<Target>, actions: Vec<Action<JsValue>>) {
    for action in actions {
        match action {
            Action::End => end(|active| active.id == id),
            Action::Loaded => loaded(id),
            Action::Post(which) => {
                if let Some(target) = target.as_ref().filter(|_| is_active(id)) {
                    post(target, which, callbacks);
                }
            }
            Action::OpenWindow(url) => {
                if !open_window(url.href()) {
                    popup_blocked(id, callbacks, url);
                }
            }
            Action::Call(callback) => call(callbacks, callback),
            // Never under the slot's borrow: wallets are integrator code.
            #[cfg(feature = "wallet-bridge")]
            Action::Bridge(request) => {
                if let Some((bridge, target)) = bridge_of(id, target.as_ref()) {
                    bridge.handle(request, target);
                }
            }
            #[cfg(feature = "wallet-bridge")]
            Action::Refuse(request_id, refusal) => {
                if let Some((bridge, target)) = bridge_of(id, target.as_ref()) {
                    bridge.refuse(request_id, refusal, target);
                }
            }
            // Without the bridge no session serves it: the core asks for neither.
            #[cfg(not(feature = "wallet-bridge"))]
            Action::Bridge(_) | Action::Refuse(..) => {}
            Action::Warn { why, data } => notice::warn(why, &data),
            Action::Report { promised, data } => notice::report(promised, &data),
        }
    }
}

/// The live session's bridge, and where its replies go.
#[cfg(feature = "wallet-bridge")]
fn bridge_of(id: u64, target: Option<&Target>) -> Option<(Bridge, Target)> {
    let target = target?.clone();
    let bridge = ACTIVE.with(|slot| slot.try_borrow().ok()?.as_ref().filter(|a| a.id == id)?.bridge.clone())?;
    Some((bridge, target))
}

fn call(callbacks: &dyn Callbacks, callback: Callback<JsValue>) {
    match callback {
        Callback::Event(event) => callbacks.on_event(&event_object(event)),
        Callback::IntegrationConnected(connected) => callbacks.on_integration_connected(&link_payload(connected)),
        Callback::TransferFinished(payload) => callbacks.on_transfer_finished(&payload),
        Callback::Exit { error, summary } => callbacks.on_exit(Exit::Link { error: error.as_deref(), summary: summary.as_ref() }),
        Callback::Closed => callbacks.on_exit(Exit::Closed),
    }
}

fn post(target: &Target, which: Outbound, callbacks: &dyn Callbacks) {
    let (kind, payload) = match which {
        Outbound::SdkSpecs => ("meshSDKSpecs", Some(sdk_specs())),
        Outbound::AccessTokens => ("frontAccessTokens", callbacks.outbound_payload(which)),
        Outbound::TransferDestinationTokens => ("frontTransferDestinationTokens", callbacks.outbound_payload(which)),
        Outbound::CloseRequested => ("closeRequested", Some(JsValue::UNDEFINED)),
    };
    let Some(payload) = payload else { return };
    if let Err(error) = target.post(js_name(kind), &payload) {
        report("could not post to the Link UI", &error);
    }
}

page_global!(SDK_SPECS: OnceCell<JsValue> = OnceCell::new());

/// The same for every `loaded` of the page (a page's origin never
/// changes), so it is made once; `postMessage` sends a copy.
fn sdk_specs() -> JsValue {
    SDK_SPECS.with(|specs| {
        specs
            .get_or_init(|| {
                let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
                object(&[
                    ("platform", &JsValue::from_str("web")),
                    ("version", &JsValue::from_str(env!("CARGO_PKG_VERSION"))),
                    ("origin", &JsValue::from_str(&origin)),
                ])
            })
            .clone()
    })
}

/// Opens the popup; `false` if the browser refused, or would have. With
/// `noopener` the result of `window.open` is always null, so a blocker
/// cannot be seen in it: a page without the user's transient activation
/// (a click in the Link frame lends it to the page for a few seconds) gets
/// no popup, which is what blockers go by.
fn open_window(url: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let (width, height) =
        window.screen().map(|s| (f64::from(s.width().unwrap_or(0)), f64::from(s.height().unwrap_or(0)))).unwrap_or_default();
    let activated = user_activation(&window);
    window.open_with_url_and_target_and_features(url, "_blank", &popup_features(width, height)).is_ok() && activated
}

#[wasm_bindgen(inline_js = "
export function activated(window) {
  const activation = window.navigator.userActivation;
  return activation === undefined || activation.isActive;
}
")]
extern "C" {
    /// Whether the page may open a popup now, where the browser says
    /// (`navigator.userActivation`); `true` where it does not.
    #[wasm_bindgen(js_name = activated)]
    fn user_activation(window: &Window) -> bool;
}

// Payload objects are built in one call each: dispatch runs per message.
#[wasm_bindgen(inline_js = "
export function typed(type, payload) { return payload === undefined ? { type } : { type, payload }; }
export function keyed(key, value) { return { [key]: value }; }
")]
extern "C" {
    /// `{type}` or `{type, payload}`.
    #[wasm_bindgen(js_name = typed)]
    fn typed_js(kind: &JsValue, payload: &JsValue) -> JsValue;
    /// `{[key]: value}`.
    #[wasm_bindgen(js_name = keyed)]
    fn keyed_js(key: &JsValue, value: &JsValue) -> JsValue;
}

fn typed(kind: &'static str, payload: &JsValue) -> JsValue {
    typed_js(js_name(kind), payload)
}

fn keyed(key: &'static str, value: &JsValue) -> JsValue {
    keyed_js(js_name(key), value)
}

fn event_object(event: Event<JsValue>) -> JsValue {
    match event {
        Event::IntegrationConnected(connected) => typed("integrationConnected", &link_payload(connected)),
        Event::TransferCompleted(payload) => typed("transferCompleted", &payload),
        Event::PageLoaded => typed("pageLoaded", &JsValue::UNDEFINED),
        Event::PopupBlocked(url) => typed("popupBlocked", &object(&[("url", &JsValue::from_str(url.href()))])),
        Event::Other(data) => data,
    }
}

fn link_payload(connected: Connected<JsValue>) -> JsValue {
    match connected {
        Connected::AccessToken(payload) => keyed("accessToken", &payload),
        Connected::DelayedAuth(payload) => keyed("delayedAuth", &payload),
    }
}

fn object(fields: &[(&str, &JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}
