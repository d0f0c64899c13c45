// The overlay's DOM work, one crossing each way (src/web/overlay.rs holds
// the rules: ids, what is shown, what is put back). Building it from the wasm
// took some twenty calls into these same DOM methods per open.

const OPEN_CLASS = 'front-link-open';

// 1.1.9 names its elements `front-link-popup…`, 3.13 `mesh-link-popup…`; the
// sheet matches both with `:is()`, which keeps the id selectors' weight
// against the host page's own CSS. `link_style` arrives as two custom
// properties on the root.
const CSS = `:is(#front-link-popup,#mesh-link-popup){all:initial;position:fixed;inset:0;display:flex;align-items:center;justify-content:center;z-index:10000}
:is(#front-link-popup,#mesh-link-popup):focus{outline:none}
:is(#front-link-popup__backdrop,#mesh-link-popup__backdrop){position:absolute;inset:0;z-index:10000;background:#000;opacity:var(--front-link-io,.6)}
:is(#front-link-popup__popup-content,#mesh-link-popup__popup-content){position:absolute;z-index:10001;display:flex;flex-direction:column;box-sizing:border-box;width:30%;min-width:380px;max-width:430px;height:80%;min-height:685px;max-height:710px;background:#fff;border-radius:var(--front-link-ir,24px);overflow:hidden}
:is(#front-link-popup__iframe,#mesh-link-popup__iframe){display:block;border:0;width:100%;flex-grow:1;border-radius:var(--front-link-ir,24px)}
@media (max-width:768px){:is(#front-link-popup__popup-content,#mesh-link-popup__popup-content){width:100%;min-width:100%;max-width:100%;height:100%;min-height:100%;max-height:100%;border-radius:0}
:is(#front-link-popup__iframe,#mesh-link-popup__iframe){border-radius:0}}
@media (max-height:710px){:is(#front-link-popup__popup-content,#mesh-link-popup__popup-content){min-height:100%;max-height:100%}}
html.front-link-open,html.front-link-open body{overflow:hidden}`;

let sheet;

/**
 * Adds the stylesheet to `document.adoptedStyleSheets` once (allowed under
 * `style-src 'self'`); it only matches while an overlay exists, so it stays.
 */
export function adopt(document) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** The overlay's elements, not in the page: `[root, iframe]`, `src` set last so it loads once. */
export function build(document, id, allow, src, radius, opacity) {
  const element = (tag, suffix) => {
    const e = document.createElement(tag);
    e.id = id + suffix;
    return e;
  };
  const root = element('div', '');
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-modal', 'true');
  root.setAttribute('aria-label', 'Mesh Link');
  root.tabIndex = -1;
  root.style.setProperty('--front-link-ir', radius);
  root.style.setProperty('--front-link-io', opacity);
  const content = element('div', '__popup-content');
  const iframe = element('iframe', '__iframe');
  iframe.title = 'Mesh Link: connect your account';
  iframe.setAttribute('allow', allow);
  iframe.src = src;
  content.append(iframe);
  root.append(element('div', '__backdrop'), content);
  return [root, iframe];
}

/**
 * Puts `root` on the page (focus follows in the next frame), noting what
 * `hide` puts back: the focused element and whether the page's scrolling
 * was ours to turn off. Throws if the page has no body.
 *
 * Nothing here or in `hide` reads or sets a scroll position: that makes
 * the browser lay the page out on the spot (the previous overlay's removal
 * included), ~0.5 ms of every open. Nothing moves it either: scrolling is
 * turned off, not reset, and focus moves with `preventScroll`.
 */
export function show(window, root) {
  const { document } = window;
  adopt(document);
  const focus = document.activeElement;
  const html = document.documentElement;
  const added = html !== null && !html.classList.contains(OPEN_CLASS);
  const shown = { root, html, added, window, focus: focus instanceof window.HTMLElement ? focus : null };
  document.body.append(root);
  if (added) html.classList.add(OPEN_CLASS);
  // Focus moves in the next frame, which lays the overlay out anyway:
  // focusing now would make the browser do that on the spot (about 1.5 ms
  // of every open here, and the same again to take a laid-out overlay
  // down). The overlay covers the viewport: nothing to scroll into view.
  shown.frame = window.requestAnimationFrame(() => root.focus({ preventScroll: true }));
  return shown;
}

/** Takes the overlay down and puts the page back as `show` found it. */
export function hide({ root, html, added, window, focus, frame }) {
  window.cancelAnimationFrame(frame);
  root.remove();
  if (added) html.classList.remove(OPEN_CLASS);
  // Only if it is elsewhere: focusing lays the page out.
  if (focus?.isConnected && focus !== window.document.activeElement) focus.focus({ preventScroll: true });
}
