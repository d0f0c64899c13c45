//! Where the Link UI is shown: our overlay, or an iframe of the host page
//! (`renderType: 'embedded'`).

use wasm_bindgen::JsCast;
use web_sys::{HtmlIFrameElement, Window};

use super::overlay::Overlay;
use crate::protocol::{LinkError, LinkStyle, Opening};

/// The surface of one session; dropping it takes the overlay down.
pub enum Surface {
    /// The overlay this SDK built.
    Overlay(Overlay),
    /// The host page's iframe; it stays where it is when the session ends.
    Embedded(HtmlIFrameElement),
}

impl Surface {
    /// Shows the overlay, or points the host's iframe `iframe_id` at the
    /// Link URL.
    pub fn show(window: &Window, opening: &Opening, style: LinkStyle, iframe_id: Option<&str>) -> Result<Surface, LinkError> {
        let Some(id) = iframe_id else {
            return Overlay::show(window, opening, style).map(Surface::Overlay).map_err(|_| LinkError::NoPage);
        };
        let iframe = window
            .document()
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<HtmlIFrameElement>().ok())
            .ok_or(LinkError::IframeNotFound)?;
        let _ = iframe.set_attribute("allow", &opening.allow);
        iframe.set_src(opening.url.href());
        Ok(Surface::Embedded(iframe))
    }

    fn iframe(&self) -> &HtmlIFrameElement {
        match self {
            Surface::Overlay(overlay) => overlay.iframe(),
            Surface::Embedded(iframe) => iframe,
        }
    }

    /// The Link UI's window, where outbound messages go.
    pub fn link_window(&self) -> Option<Window> {
        self.iframe().content_window()
    }

    /// Whether `source` (a `MessageEvent.source`) is the Link UI's window.
    pub fn is_link_window(&self, source: Option<&js_sys::Object>) -> bool {
        match (source, self.link_window()) {
            (Some(source), Some(window)) => js_sys::Object::is(source, &window),
            _ => false,
        }
    }
}
