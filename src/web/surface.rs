//! Where the Link UI is shown: our overlay, or an iframe of the host page
//! (`renderType: 'embedded'`).

use wasm_bindgen::JsCast;
use web_sys::{HtmlIFrameElement, Window};

use super::overlay::{Overlay, Placement};
use crate::protocol::{LinkError, LinkStyle, Opening};

/// Where the session is shown. Dropping it takes the overlay down.
pub struct Surface {
    shown: Shown,
    iframe: HtmlIFrameElement,
}

enum Shown {
    /// The overlay this SDK built, held for its `Drop`.
    Overlay(Overlay),
    /// The host page's iframe; it stays where it is when the session ends.
    Embedded,
}

impl Surface {
    /// The host page's iframe `id`, for embedded rendering.
    pub fn host_iframe(window: &Window, id: &str) -> Result<HtmlIFrameElement, LinkError> {
        window
            .document()
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<HtmlIFrameElement>().ok())
            .ok_or(LinkError::IframeNotFound)
    }

    /// Shows the overlay, or points the host's iframe at the Link URL.
    /// `on_close` runs when the user closes the overlay.
    pub fn show(
        window: &Window,
        opening: &Opening,
        style: LinkStyle,
        host_iframe: Option<HtmlIFrameElement>,
        placement: &Placement,
        on_close: impl Fn() + 'static,
    ) -> Result<Surface, LinkError> {
        let Some(iframe) = host_iframe else {
            let overlay = Overlay::show(window, opening, style, placement, on_close).map_err(|_| LinkError::NoPage)?;
            let iframe = overlay.iframe().clone();
            return Ok(Surface { shown: Shown::Overlay(overlay), iframe });
        };
        let _ = iframe.set_attribute("allow", &opening.allow);
        iframe.set_src(opening.url.href());
        Ok(Surface { shown: Shown::Embedded, iframe })
    }

    /// The Link UI has loaded.
    pub fn loaded(&self) {
        if let Shown::Overlay(overlay) = &self.shown {
            overlay.loaded();
        }
    }

    /// The Link UI's window, where outbound messages go. Read only when a
    /// reply is due (the caller keeps it: a `WindowProxy` keeps its identity
    /// across the frame's navigations): reading `contentWindow` right after
    /// inserting the iframe makes the browser set the frame up
    /// synchronously, milliseconds on every open.
    pub fn link_window(&self) -> Option<Window> {
        self.iframe.content_window()
    }

    /// The Link iframe, whose window alone may post to the session.
    pub fn iframe(&self) -> &HtmlIFrameElement {
        &self.iframe
    }
}
