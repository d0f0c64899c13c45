// The overlay's DOM work, one crossing each way (src/web/overlay.rs holds
// the rules: ids, what is shown, what is put back). Building it from the wasm
// took some twenty calls into these same DOM methods per open.

const OPEN_CLASS = 'front-link-open';

// 1.1.9 names its elements `front-link-popup…`, 3.13 `mesh-link-popup…`; the
// sheet matches both with `:is()`, which keeps the id selectors' weight
// against the host page's own CSS. `link_style` arrives as two custom
// properties on the root. One rule per entry: the fallback below inserts
// them one by one.
const RULES = [
  ':is(#front-link-popup,#mesh-link-popup){all:initial;position:fixed;inset:0;display:flex;align-items:center;justify-content:center;z-index:var(--front-link-z,10000);width:auto;height:auto;max-width:none;max-height:none;margin:0;padding:0;border:0;background:transparent;overflow:hidden}',
  ':is(#front-link-popup,#mesh-link-popup)::backdrop{background:transparent}',
  ':is(#front-link-popup,#mesh-link-popup):focus{outline:none}',
  ':is(#front-link-popup__close,#mesh-link-popup__close){all:initial;position:absolute;top:12px;right:12px;z-index:10002;box-sizing:border-box;width:44px;height:44px;border-radius:22px;background:#fff;color:#111;font:28px/44px system-ui,sans-serif;text-align:center;cursor:pointer;box-shadow:0 1px 4px rgba(0,0,0,.3)}',
  ':is(#front-link-popup__close,#mesh-link-popup__close):focus-visible{outline:3px solid #1a73e8;outline-offset:2px}',
  ':is(#front-link-popup__close,#mesh-link-popup__close)[hidden]{display:none}',
  ':is(#front-link-popup__backdrop,#mesh-link-popup__backdrop){position:absolute;inset:0;z-index:10000;background:#000;opacity:var(--front-link-io,.6)}',
  ':is(#front-link-popup__popup-content,#mesh-link-popup__popup-content){position:absolute;z-index:10001;display:flex;flex-direction:column;box-sizing:border-box;width:30%;min-width:380px;max-width:430px;height:80%;min-height:685px;max-height:710px;background:#fff;border-radius:var(--front-link-ir,24px);overflow:hidden}',
  ':is(#front-link-popup__iframe,#mesh-link-popup__iframe){display:block;border:0;width:100%;flex-grow:1;border-radius:var(--front-link-ir,24px)}',
  '@media (max-width:768px){:is(#front-link-popup__popup-content,#mesh-link-popup__popup-content){width:100%;min-width:100%;max-width:100%;height:100%;min-height:100%;max-height:100%;border-radius:0}:is(#front-link-popup__iframe,#mesh-link-popup__iframe){border-radius:0}}',
  '@media (max-height:710px){:is(#front-link-popup__popup-content,#mesh-link-popup__popup-content){min-height:100%;max-height:100%}}',
  'html.front-link-open,html.front-link-open body{overflow:hidden}',
];

let sheet; // the constructed stylesheet
let host; // without one: the sheet our rules were inserted into,
let mark; // the last of them (while it is there, they all are)
let own; // and our own <style> element, tried once
let onScreen; // the overlay on screen (one per page at most), for `dismiss`

/**
 * Adds the overlay's rules to `document` once (allowed under
 * `style-src 'self'`); they only match while an overlay exists, so they stay.
 */
export function adopt(document) {
  if ('adoptedStyleSheets' in document) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(RULES.join('\n'));
    }
    if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return;
  }
  // Safari 15.4–16.3 and Firefox 98–100 construct no stylesheets. A strict
  // CSP refuses a <style> element, even an empty one (its `sheet` stays
  // null), but not rules inserted through the CSSOM into a sheet the page
  // already has: so they go into the page's first same-origin stylesheet
  // that applies to every medium (a <link>'s before a <style>'s), again
  // whenever the page has dropped it. Without one, into a <style> of ours,
  // which works where the CSP allows inline styles.
  try {
    if (host && !host.disabled && host.ownerNode?.isConnected && [...host.cssRules].includes(mark)) return;
  } catch {}
  const insert = (target) => {
    const rules = target.cssRules; // throws for another origin's sheet
    let last;
    for (const rule of RULES) {
      try {
        last = rules[target.insertRule(rule, rules.length)];
      } catch {} // a rule this browser cannot parse
    }
    if (last) [host, mark] = [target, last];
    return last;
  };
  const sheets = [...document.styleSheets].filter((s) => !s.disabled && /^(all|screen)?$/i.test(s.media.mediaText)).sort((a, b) => !a.href - !b.href);
  for (const target of sheets) {
    try {
      if (insert(target)) return;
    } catch {}
  }
  if (!own) {
    own = document.createElement('style');
    (document.head ?? document.documentElement).append(own);
    if (own.sheet) insert(own.sheet);
    else own.remove(); // refused by the page's CSP, which has reported it
  }
}

// Each dialog's content, which `show` adds once the dialog is in the top
// layer: `showModal` then finds nothing to focus in it but the dialog itself
// (not the Link frame, before it has loaded: Escape stays ours), and the
// layout it forces is the empty dialog's.
const contents = new WeakMap();

/**
 * The overlay's elements, not in the page: `[root, iframe]`, `src` set last
 * so it loads once. The root is a `<dialog>`: shown modal, it is in the
 * browser's top layer (above a host page's own modal dialog) and the rest
 * of the page is inert until it closes, without touching the page's own
 * `inert` attributes.
 */
export function build(document, id, allow, src, radius, opacity, zIndex) {
  const element = (tag, suffix) => {
    const e = document.createElement(tag);
    e.id = id + suffix;
    return e;
  };
  const root = element('dialog', '');
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-modal', 'true');
  root.setAttribute('aria-label', 'Mesh Link');
  root.tabIndex = -1;
  root.style.setProperty('--front-link-ir', radius);
  root.style.setProperty('--front-link-io', opacity);
  if (zIndex !== undefined) root.style.setProperty('--front-link-z', String(zIndex));
  const content = element('div', '__popup-content');
  const iframe = element('iframe', '__iframe');
  iframe.title = 'Mesh Link: connect your account';
  iframe.setAttribute('allow', allow);
  iframe.src = src;
  // Until the Link UI has loaded, a way out that does not depend on it.
  const close = element('button', '__close');
  close.type = 'button';
  close.hidden = true;
  close.setAttribute('aria-label', 'Close Mesh Link');
  close.textContent = '\u00d7';
  content.append(iframe, close);
  root.append(element('div', '__backdrop'));
  contents.set(root, content);
  return [root, iframe];
}

// While the overlay is up, what happens in it is ours: the host page's own
// modal (a focus trap, a "click outside" handler, an Escape handler) must
// not hear of it. Seen first (window, capture phase) and not passed on;
// default actions (a button's activation, focus) still happen.
const GUARDED = ['keydown', 'keyup', 'focusin', 'focusout', 'pointerdown', 'mousedown', 'touchstart'];

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
export function show(window, root, container, closeAfter, onClose) {
  const { document } = window;
  adopt(document);
  const focus = document.activeElement;
  const html = document.documentElement;
  const added = html !== null && !html.classList.contains(OPEN_CLASS);
  const content = contents.get(root);
  const close = content?.querySelector('button');
  // Escape closes this overlay and nothing else. It is ours when the focus
  // is in the overlay (or nowhere): a dialog the page opens above it later
  // (a wallet's confirmation, say) keeps its own Escape.
  const guard = (event) => {
    const target = event.target;
    const ours = root.contains(target) || target === document.body || target === html || target === window;
    if (!ours) return;
    event.stopImmediatePropagation();
    if (event.type === 'keydown' && event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  const cancel = (event) => {
    event.preventDefault();
    onClose();
  };
  const shown = { root, html, added, window, focus: focus instanceof window.HTMLElement ? focus : null, guard, close, reveal: 0 };
  onScreen = shown;
  (container ?? document.body).append(root);
  if (added) html.classList.add(OPEN_CLASS);
  for (const type of GUARDED) window.addEventListener(type, guard, true);
  root.addEventListener('cancel', cancel);
  close?.addEventListener('click', onClose);
  // In the top layer and modal where the browser can; otherwise the
  // overlay's z-index and a focus moved in the next frame still hold.
  let modal = false;
  try {
    root.showModal();
    modal = root.matches(':modal');
  } catch {}
  if (content) root.append(content);
  // Focus on the dialog itself, not in the Link frame: `showModal` put it
  // there; without the top layer, the next frame does.
  if (!modal) shown.frame = window.requestAnimationFrame(() => root.focus({ preventScroll: true }));
  else if (document.activeElement !== root) root.focus({ preventScroll: true });
  if (close && closeAfter >= 0) shown.reveal = window.setTimeout(() => (close.hidden = false), closeAfter);
  return shown;
}

/** The Link UI has loaded: its own close control takes over from ours. */
export function loaded(shown) {
  shown.window.clearTimeout(shown.reveal);
  shown.close?.remove();
}

/** Takes the overlay down and puts the page back as `show` found it. */
export function hide(shown) {
  const { root, html, added, window, focus, frame, guard, reveal } = shown;
  if (onScreen === shown) onScreen = undefined;
  for (const type of GUARDED) window.removeEventListener(type, guard, true);
  window.clearTimeout(reveal);
  if (frame) window.cancelAnimationFrame(frame);
  // Removed, it leaves the top layer (no `close()`: that would put focus
  // back once, and the line below again).
  root.remove();
  if (added) html.classList.remove(OPEN_CLASS);
  // Only if it is elsewhere: focusing lays the page out.
  if (focus?.isConnected && focus !== window.document.activeElement) focus.focus({ preventScroll: true });
}

/**
 * Takes down the overlay on screen, if any, without the runtime that showed
 * it: that runtime has stopped (pkg-template/loader.js). Whether there was one.
 */
export function dismiss() {
  if (!onScreen) return false;
  hide(onScreen);
  return true;
}
