//! The overlay: upstream's ids and look, styled by one constructed
//! stylesheet (allowed under `style-src 'self'`; where the browser has
//! none, the same rules go in through the CSSOM: docs/browser-support.md, "Browser
//! support") plus CSS custom properties
//! for `link_style` and the z-index. It is a modal `<dialog>`: in the top
//! layer, above a host page's own modal, with the rest of the page inert.
//! Until the Link UI has loaded it offers its own close control. Dropping
//! it puts the page back as it was: no overlay, scrolling, scroll position
//! and focus.
//!
//! The DOM work is in `overlay.js`, one call to show and one to hide:
//! done from here it took some twenty crossings per open, each a glue shim
//! that the browser compiled and kept.

use js_sys::{Array, Object};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlIFrameElement, Window};

use crate::protocol::{LinkStyle, Opening};

#[wasm_bindgen(module = "/src/web/overlay.js")]
extern "C" {
    // Each one `catch`es: a host page that patched the DOM must not throw
    // through the wasm.
    /// `[root, iframe]`, not yet in the page.
    #[wasm_bindgen(catch, js_name = build)]
    fn build_elements(
        document: &Document,
        id: &str,
        allow: &str,
        src: &str,
        radius: &str,
        opacity: &str,
        z_index: Option<i32>,
    ) -> Result<Array, JsValue>;
    /// Puts `root` in `container` (or the body), modal; reveals the close
    /// control after `close_after` ms (never if negative); Escape, the
    /// dialog's `cancel` and the close control call `on_close`. What
    /// [`hide`] needs.
    #[wasm_bindgen(catch)]
    fn show(
        window: &Window,
        root: &JsValue,
        container: Option<&Element>,
        close_after: f64,
        on_close: &Closure<dyn FnMut()>,
    ) -> Result<Object, JsValue>;
    /// Takes the close control down: the Link UI has its own.
    #[wasm_bindgen(catch)]
    fn loaded(shown: &Object) -> Result<(), JsValue>;
    /// Removes the overlay (cancelling a focus not yet moved), puts focus and
    /// scrolling back (the scroll position is never moved).
    #[wasm_bindgen(catch)]
    fn hide(shown: &Object) -> Result<(), JsValue>;
    /// Adopts the overlay's stylesheet into `document`, once.
    #[wasm_bindgen(catch)]
    fn adopt(document: &Document) -> Result<(), JsValue>;
}

/// Where and how high the overlay goes: the app's options.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// The element to mount into (`container`); the body if `None`.
    pub container: Option<Element>,
    /// The root's z-index (`zIndex`), for browsers that cannot put it in
    /// the top layer; upstream's 10000 if `None`.
    pub z_index: Option<i32>,
}

/// The overlay on screen. Not `Clone`: exactly one owner removes it.
pub struct Overlay {
    shown: Object,
    iframe: HtmlIFrameElement,
    // Called by the page's listeners until `hide` removes them (in `Drop`,
    // before this goes).
    // `FnMut` as the timers' closures, which shares their glue.
    _on_close: Closure<dyn FnMut()>,
}

impl Overlay {
    /// Builds and shows the overlay for `opening`; `on_close` runs when the
    /// user closes it (Escape, or its own close control).
    pub fn show(
        window: &Window,
        opening: &Opening,
        style: LinkStyle,
        placement: &Placement,
        on_close: impl Fn() + 'static,
    ) -> Result<Overlay, JsValue> {
        let document = window.document().ok_or(JsValue::NULL)?;
        let (root, iframe) = build(&document, opening, style, placement.z_index)?;
        let on_close = Closure::<dyn FnMut()>::new(on_close);
        let close_after = opening.close_control_after.map_or(-1.0, f64::from);
        let shown = show(window, &root, placement.container.as_ref(), close_after, &on_close)?;
        Ok(Overlay { shown, iframe, _on_close: on_close })
    }

    /// The Link UI has loaded: the overlay's own close control goes.
    pub fn loaded(&self) {
        let _ = loaded(&self.shown);
    }

    /// Builds the overlay's elements for `opening`, unattached (nothing
    /// loads, nothing shows), and adopts the stylesheet: see `web::rehearse`.
    /// Returns the iframe, for the rehearsal's listeners.
    #[cfg(feature = "js")]
    pub fn rehearse(document: &Document, opening: &Opening) -> Result<HtmlIFrameElement, JsValue> {
        adopt(document)?;
        build(document, opening, LinkStyle::default(), None).map(|(_, iframe)| iframe)
    }

    /// The Link iframe.
    pub fn iframe(&self) -> &HtmlIFrameElement {
        &self.iframe
    }
}

/// The overlay's elements, not yet in the page: its root and the iframe.
fn build(document: &Document, opening: &Opening, style: LinkStyle, z_index: Option<i32>) -> Result<(JsValue, HtmlIFrameElement), JsValue> {
    let elements = build_elements(
        document,
        opening.overlay_id,
        &opening.allow,
        opening.url.href(),
        &style.radius_css(),
        &style.opacity_css(),
        z_index,
    )?;
    let iframe = elements.get(1).dyn_into::<HtmlIFrameElement>()?;
    Ok((elements.get(0), iframe))
}

impl Drop for Overlay {
    fn drop(&mut self) {
        let _ = hide(&self.shown);
    }
}
