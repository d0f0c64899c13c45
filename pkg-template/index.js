// front-link-wasm: drop-in for @front-finance/link 1.1.9 and
// @meshconnect/web-link-sdk 3.13, two faces over one wasm runtime.
// Import touches no browser global (SSR). Both faces start loading the wasm
// when a connection is created in a browser; an openLink awaits it.
import { createConnection, hold, inBrowser, load, preload, stoppedMessage } from './loader.js';
import { FRONT_EVENT_TYPE_KEYS, LINK_EVENT_TYPE_KEYS } from './event-keys.js';

/** True if `key` is one of the `FrontEventTypeKeys`. Needs no wasm. */
export function isFrontEventTypeKey(key) {
  return typeof key === 'string' && FRONT_EVENT_TYPE_KEYS.includes(key);
}

/** True if `key` is one of 3.13's `LinkEventTypeKeys`. Needs no wasm. */
export function isLinkEventTypeKey(key) {
  return typeof key === 'string' && LINK_EVENT_TYPE_KEYS.includes(key);
}

/** `options.onExit(...args)`, whatever it throws. */
function exit(options, ...args) {
  try {
    options?.onExit?.(...args);
  } catch (error) {
    console.error('front-link-wasm: onExit threw', error);
  }
}

// One connection of either face: opens wait for the wasm, and only the
// newest request still waiting is carried out. An open never rejects: a
// wasm that cannot load ends that attempt in onExit, with what to fix; a
// wasm that stops ends the open session in onExit (loader.js), and the
// next open runs on a fresh instance.
function connect(options, face) {
  let connection;
  let latest = 0;
  let waiting = false;
  // Sessions begun and not yet ended (an open ends the one before it, so
  // two for a moment); while there are any, the loader holds `stop`.
  let sessions = 0;
  let release;
  const ended = () => {
    if (sessions > 0 && --sessions === 0) release?.();
  };
  const stop = () => {
    sessions = 0;
    exit(options, stoppedMessage());
  };
  const live = () => connection !== undefined && !connection.stale;

  async function open(method, argument, iframeId) {
    const request = ++latest;
    if (!live()) {
      waiting = true;
      let failed;
      try {
        await load();
      } catch (error) {
        failed = error;
      } finally {
        if (request === latest) waiting = false;
      }
      if (request !== latest) return;
      if (failed) {
        console.error(failed);
        return exit(options, failed.message);
      }
      if (!live()) connection = createConnection(options, face, ended);
      // The instance that loaded stopped meanwhile: this attempt ends, the next loads afresh.
      if (!connection) return exit(options, stoppedMessage());
    }
    if (sessions++ === 0) release = hold(stop);
    connection.run((c) => c[method](argument, iframeId));
  }

  function close() {
    if (live()) {
      connection.run((c) => c.closeLink());
    } else if (waiting) {
      // Closed before the first session could show: it ends here.
      waiting = false;
      latest++;
      exit(options);
    }
  }

  // Before the wasm is in, no Link UI is there to ask: just close.
  const requestClose = () => (live() ? connection.run((c) => c.closeLinkRequested()) : close());

  return { open, close, requestClose };
}

/** Same contract as `@front-finance/link`'s `createFrontConnection`. */
export function createFrontConnection(options) {
  preload();
  const { open, close } = connect(options, 'front');
  return {
    openLink: (linkToken, iframeId) => open('openLink', linkToken, iframeId),
    openPopup: (iframeUrl) => open('openPopup', iframeUrl),
    closeLink: close,
    closePopup: close,
  };
}

const PREWARM_URL = 'https://web.meshconnect.com/prewarm';
const PREWARM_ID = 'mesh-link-prewarm-container';

// 3.13 preloads the Link UI's assets in a hidden frame, once a page (at its
// import; here at the first createLink). Property setters only: strict CSP.
let prewarmed = false;
function prewarm() {
  if (prewarmed || window.meshLinkShouldSkipPrewarm || !document.body) return;
  prewarmed = true;
  const container = document.createElement('div');
  container.id = PREWARM_ID;
  container.style.display = 'none';
  const frame = document.createElement('iframe');
  frame.id = 'mesh-link-prewarm-iframe';
  frame.title = 'Mesh Link (preloading)';
  frame.tabIndex = -1;
  frame.src = PREWARM_URL;
  container.append(frame);
  document.body.append(container);
}

function unprewarm() {
  if (typeof document !== 'undefined') document.getElementById(PREWARM_ID)?.remove();
}

/** Same contract as `@meshconnect/web-link-sdk`'s `createLink`. */
export function createLink(options) {
  if (inBrowser()) prewarm();
  preload();
  const { open, close, requestClose } = connect(options, 'link');
  return {
    // The prewarm frame goes once the Link frame is in (or the open has
    // failed): a frame removed just before the next is created makes the
    // browser create the new one only after tearing down the old.
    openLink: (linkToken, customIframeId) => open('openLink', linkToken, customIframeId).finally(unprewarm),
    closeLink: close,
    closeLinkRequested: requestClose,
  };
}
