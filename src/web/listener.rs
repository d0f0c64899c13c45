//! A DOM event listener owned by a Rust value: dropping it removes it, so a
//! session can never leave a listener behind however it ends.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

/// A listener on `target` for `kind` events, removed on drop.
#[must_use = "the listener is removed as soon as this value is dropped"]
pub struct EventListener {
    target: EventTarget,
    kind: &'static str,
    handler: Closure<dyn Fn(Event)>,
}

impl EventListener {
    /// Adds `handler`; `None` if the browser refused.
    pub fn new(target: &EventTarget, kind: &'static str, handler: impl Fn(&Event) + 'static) -> Option<Self> {
        // `Fn`, not `FnMut`: a handler may re-enter itself (a callback that
        // dispatches an event), which `FnMut` would have to refuse.
        let handler = Closure::<dyn Fn(Event)>::new(move |event: Event| handler(&event));
        target.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref()).ok()?;
        Some(EventListener { target: target.clone(), kind, handler })
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        // wasm-bindgen keeps the closure alive until a call in progress
        // returns, so a handler may end its own session.
        let _ = self.target.remove_event_listener_with_callback(self.kind, self.handler.as_ref().unchecked_ref());
    }
}
