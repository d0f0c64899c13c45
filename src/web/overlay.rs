//! The overlay: upstream's ids and look, styled by one constructed
//! stylesheet (allowed under `style-src 'self'`) plus two CSS custom
//! properties for `link_style`. Dropping it puts the page back as it was:
//! no overlay, scrolling, scroll position and focus.
//!
//! The DOM work is in `overlay.js`, one call to show and one to hide:
//! done from here it took some twenty crossings per open, each a glue shim
//! that the browser compiled and kept.

use js_sys::{Array, Object};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlIFrameElement, Window};

use crate::protocol::{LinkStyle, Opening};

#[wasm_bindgen(module = "/src/web/overlay.js")]
extern "C" {
    // Each one `catch`es: a host page that patched the DOM must not throw
    // through the wasm.
    /// `[root, iframe]`, not yet in the page.
    #[wasm_bindgen(catch, js_name = build)]
    fn build_elements(document: &Document, id: &str, allow: &str, src: &str, radius: &str, opacity: &str) -> Result<Array, JsValue>;
    /// Puts `root` on the page (focus follows in the next animation
    /// frame); what [`hide`] needs.
    #[wasm_bindgen(catch)]
    fn show(window: &Window, root: &JsValue) -> Result<Object, JsValue>;
    /// Removes the overlay (cancelling a focus not yet moved), puts focus and
    /// scrolling back (the scroll position is never moved).
    #[wasm_bindgen(catch)]
    fn hide(shown: &Object) -> Result<(), JsValue>;
    /// Adopts the overlay's stylesheet into `document`, once.
    #[wasm_bindgen(catch)]
    fn adopt(document: &Document) -> Result<(), JsValue>;
}

/// The overlay on screen. Not `Clone`: exactly one owner removes it.
pub struct Overlay {
    shown: Object,
    iframe: HtmlIFrameElement,
}

impl Overlay {
    /// Builds and shows the overlay for `opening`.
    pub fn show(window: &Window, opening: &Opening, style: LinkStyle) -> Result<Overlay, JsValue> {
        let document = window.document().ok_or(JsValue::NULL)?;
        let (root, iframe) = build(&document, opening, style)?;
        let shown = show(window, &root)?;
        Ok(Overlay { shown, iframe })
    }

    /// Builds the overlay's elements for `opening`, unattached (nothing
    /// loads, nothing shows), and adopts the stylesheet: see `web::warm`.
    /// Returns the iframe, for the rehearsal's listeners.
    #[cfg(feature = "js")]
    pub fn rehearse(document: &Document, opening: &Opening) -> Result<HtmlIFrameElement, JsValue> {
        adopt(document)?;
        build(document, opening, LinkStyle::default()).map(|(_, iframe)| iframe)
    }

    /// The Link iframe.
    pub fn iframe(&self) -> &HtmlIFrameElement {
        &self.iframe
    }
}

/// The overlay's elements, not yet in the page: its root and the iframe.
fn build(document: &Document, opening: &Opening, style: LinkStyle) -> Result<(JsValue, HtmlIFrameElement), JsValue> {
    let elements = build_elements(document, opening.overlay_id, &opening.allow, opening.url.href(), &style.radius_css(), &style.opacity_css())?;
    let iframe = elements.get(1).dyn_into::<HtmlIFrameElement>()?;
    Ok((elements.get(0), iframe))
}

impl Drop for Overlay {
    fn drop(&mut self) {
        let _ = hide(&self.shown);
    }
}
