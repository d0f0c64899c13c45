//! The overlay: upstream's ids and look, built with `createElement` and
//! styled by one constructed stylesheet (allowed under `style-src 'self'`),
//! plus CSSOM custom properties for `link_style`. Dropping it puts the page
//! back as it was: no overlay, scrolling, scroll position and focus.
//!
//! 1.1.9 names its elements `front-link-popup…`, 3.13 `mesh-link-popup…`;
//! the sheet matches both with `:is()`, which keeps the id selectors'
//! weight against the host page's own CSS.

use alloc::string::String;
use core::cell::RefCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, Element, FocusOptions, HtmlElement, HtmlIFrameElement, Window};

use crate::protocol::{LinkStyle, Opening};

const OPEN_CLASS: &str = "front-link-open";

const CSS: &str = "\
:is(#front-link-popup,#mesh-link-popup){all:initial;position:fixed;inset:0;display:flex;align-items:center;justify-content:center;z-index:10000}\
:is(#front-link-popup,#mesh-link-popup):focus{outline:none}\
:is(#front-link-popup__backdrop,#mesh-link-popup__backdrop){position:absolute;inset:0;z-index:10000;background:#000;opacity:var(--front-link-io,.6)}\
:is(#front-link-popup__popup-content,#mesh-link-popup__popup-content){position:absolute;z-index:10001;display:flex;flex-direction:column;box-sizing:border-box;\
width:30%;min-width:380px;max-width:430px;height:80%;min-height:685px;max-height:710px;\
background:#fff;border-radius:var(--front-link-ir,24px);overflow:hidden}\
:is(#front-link-popup__iframe,#mesh-link-popup__iframe){display:block;border:0;width:100%;flex-grow:1;border-radius:var(--front-link-ir,24px)}\
@media (max-width:768px){:is(#front-link-popup__popup-content,#mesh-link-popup__popup-content){width:100%;min-width:100%;max-width:100%;height:100%;min-height:100%;max-height:100%;border-radius:0}\
:is(#front-link-popup__iframe,#mesh-link-popup__iframe){border-radius:0}}\
@media (max-height:710px){:is(#front-link-popup__popup-content,#mesh-link-popup__popup-content){min-height:100%;max-height:100%}}\
html.front-link-open,html.front-link-open body{overflow:hidden}";

page_global!(SHEET: RefCell<Option<CssStyleSheet>> = RefCell::new(None));

/// The overlay on screen. Not `Clone`: exactly one owner removes it.
pub struct Overlay {
    root: HtmlElement,
    iframe: HtmlIFrameElement,
    document: Document,
    window: Window,
    scroll: (f64, f64),
    focus: Option<HtmlElement>,
    added_class: bool,
}

impl Overlay {
    /// Builds and shows the overlay for `opening`.
    pub fn show(window: &Window, opening: &Opening, style: LinkStyle) -> Result<Overlay, JsValue> {
        let document = window.document().ok_or(JsValue::NULL)?;
        let body = document.body().ok_or(JsValue::NULL)?;
        adopt_sheet(&document)?;
        let (root, iframe) = build(&document, opening, style)?;
        let focus = document.active_element().and_then(|e| e.dyn_into::<HtmlElement>().ok());
        let scroll = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
        let class_list = document.document_element().map(|html| html.class_list());
        let added_class = class_list.is_some_and(|list| !list.contains(OPEN_CLASS) && list.add_1(OPEN_CLASS).is_ok());
        let overlay = Overlay { root, iframe, document, window: window.clone(), scroll, focus, added_class };
        body.append_child(&overlay.root)?;
        let _ = overlay.root.focus_with_options(&focus_options());
        Ok(overlay)
    }

    /// Builds the overlay's elements for `opening` and drops them unattached
    /// (nothing loads, nothing shows), and adopts the stylesheet: see
    /// `web::warm`.
    #[cfg(feature = "js")]
    pub fn rehearse(document: &Document, opening: &Opening) -> Result<(), JsValue> {
        adopt_sheet(document)?;
        drop(focus_options());
        build(document, opening, LinkStyle::default()).map(drop)
    }

    /// The Link iframe.
    pub fn iframe(&self) -> &HtmlIFrameElement {
        &self.iframe
    }
}

/// The overlay covers the viewport: nothing to scroll into view when it
/// takes focus, so the browser need not lay the page out there and then.
fn focus_options() -> FocusOptions {
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    options
}

/// The overlay's elements, not yet in the page.
fn build(document: &Document, opening: &Opening, style: LinkStyle) -> Result<(HtmlElement, HtmlIFrameElement), JsValue> {
    let id = opening.overlay_id;

    let part = |suffix: &str| {
        let mut part = String::from(id);
        part.push_str(suffix);
        part
    };
    let root: HtmlElement = element(document, "div", id)?;
    root.set_attribute("role", "dialog")?;
    root.set_attribute("aria-modal", "true")?;
    root.set_attribute("aria-label", "Mesh Link")?;
    root.set_tab_index(-1);
    root.style().set_property("--front-link-ir", &style.radius_css())?;
    root.style().set_property("--front-link-io", &style.opacity_css())?;
    let backdrop: HtmlElement = element(document, "div", &part("__backdrop"))?;
    let content: HtmlElement = element(document, "div", &part("__popup-content"))?;
    let iframe = iframe(document, opening, &part("__iframe"))?;
    content.append_child(&iframe)?;
    root.append_child(&backdrop)?;
    root.append_child(&content)?;
    Ok((root, iframe))
}

impl Drop for Overlay {
    fn drop(&mut self) {
        self.root.remove();
        if self.added_class {
            if let Some(html) = self.document.document_element() {
                let _ = html.class_list().remove_1(OPEN_CLASS);
            }
        }
        // Focus first: focusing scrolls the element into view.
        if let Some(focus) = self.focus.take().filter(|e| e.is_connected()) {
            let _ = focus.focus();
        }
        self.window.scroll_to_with_x_and_y(self.scroll.0, self.scroll.1);
    }
}

/// A new `<iframe>` for the Link UI, `src` last so it loads once.
fn iframe(document: &Document, opening: &Opening, id: &str) -> Result<HtmlIFrameElement, JsValue> {
    let iframe: HtmlIFrameElement = element(document, "iframe", id)?;
    iframe.set_title("Mesh Link: connect your account");
    iframe.set_attribute("allow", &opening.allow)?;
    iframe.set_src(opening.url.href());
    Ok(iframe)
}

fn element<E: JsCast>(document: &Document, tag: &str, id: &str) -> Result<E, JsValue> {
    let element: Element = document.create_element(tag)?;
    element.set_id(id);
    element.dyn_into::<E>().map_err(JsValue::from)
}

/// Adds the shared stylesheet to `document.adoptedStyleSheets` once; it
/// only matches while the overlay exists, so it can stay.
fn adopt_sheet(document: &Document) -> Result<(), JsValue> {
    let sheet = SHEET.with(|cell| -> Result<CssStyleSheet, JsValue> {
        let mut cell = cell.try_borrow_mut().map_err(|_| JsValue::NULL)?;
        if let Some(sheet) = cell.as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
        *cell = Some(sheet.clone());
        Ok(sheet)
    })?;
    let key = JsValue::from_str("adoptedStyleSheets");
    let sheets: Array = Reflect::get(document, &key)?.dyn_into()?;
    if !sheets.includes(&sheet, 0) {
        Reflect::set(document, &key, &sheets.concat(&Array::of1(&sheet)))?;
    }
    Ok(())
}
