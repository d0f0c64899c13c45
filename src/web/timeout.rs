//! A `setTimeout` owned by a Rust value: dropping it clears the timer.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Window;

/// A pending timer, cleared on drop.
#[must_use = "the timer is cleared as soon as this value is dropped"]
pub struct Timeout {
    window: Window,
    handle: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Runs `callback` once after `millis`; `None` if the browser refused.
    pub fn new(window: &Window, millis: i32, callback: impl FnOnce() + 'static) -> Option<Timeout> {
        let mut callback = Some(callback);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(callback) = callback.take() {
                callback();
            }
        });
        let handle = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), millis).ok()?;
        Some(Timeout { window: window.clone(), handle, _callback: callback })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        self.window.clear_timeout_with_handle(self.handle);
    }
}
