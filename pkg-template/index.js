// front-link-wasm: a drop-in for @front-finance/link, backed by WebAssembly.
//
// Importing this module touches no browser global (server rendering imports
// it). The wasm is fetched on the first openLink/openPopup, which await it;
// after that they run synchronously, like upstream's.
import init, { Connection } from './front_link_wasm.js';
import { FRONT_EVENT_TYPE_KEYS } from './event-keys.js';

let loading;

function load() {
  if (!loading) {
    loading = init().catch((error) => {
      loading = undefined; // a later call may retry
      throw error;
    });
  }
  return loading;
}

/** True if `key` is one of the `FrontEventTypeKeys`. Needs no wasm. */
export function isFrontEventTypeKey(key) {
  return typeof key === 'string' && FRONT_EVENT_TYPE_KEYS.includes(key);
}

/** Same contract as `@front-finance/link`'s `createFrontConnection`. */
export function createFrontConnection(options) {
  let connection;
  let latest = 0; // the newest open request; older ones waiting on the wasm are dropped
  let waiting = false;

  async function open(method, argument, iframeId) {
    const request = ++latest;
    if (!connection) {
      waiting = true;
      try {
        await load();
      } finally {
        if (request === latest) waiting = false;
      }
      if (request !== latest) return;
      connection ??= new Connection(options);
    }
    connection[method](argument, iframeId);
  }

  function close() {
    if (connection) {
      connection.closeLink();
    } else if (waiting) {
      // Closed before the first session could show: it ends here.
      waiting = false;
      latest++;
      try {
        options?.onExit?.();
      } catch (error) {
        console.error('front-link-wasm: onExit threw', error);
      }
    }
  }

  return {
    openLink: (linkToken, iframeId) => open('openLink', linkToken, iframeId),
    openPopup: (iframeUrl) => open('openPopup', iframeUrl),
    closeLink: close,
    closePopup: close,
  };
}
