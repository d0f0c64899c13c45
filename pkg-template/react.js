// front-link-wasm/react: React hooks over the two faces of index.js.
// React is an optional peer dependency; only this entry imports it.
//
// Each component instance gets one controller, made in its first render
// (making it touches nothing). The SDK connection is made on mount (for
// createLink that starts fetching the wasm, as calling it on a page would),
// or by an earlier openLink (a child's effect runs before its parent's), and
// is then kept for the life of the component.
//
// The SDK is given an options object that forwards every read to the options
// of the last committed render. The SDK looks callbacks and options up when
// it uses them, so they are never stale and the connection is never remade
// because an inline callback changed.
//
// Unmounting ends the session (onExit fires once if one was open), a
// microtask later: in development <StrictMode> unmounts and remounts every
// new component synchronously, and the remount cancels the pending close. A
// session opened during the first mount so survives it: no second overlay,
// no onExit, and the single-use link token is not spent on a session that
// is closed at once.
import { useEffect, useInsertionEffect, useState } from 'react';
import { createFrontConnection, createLink } from './index.js';
import { loadStatus, onLoadStatus } from './loader.js';

// Before the browser has loaded the wasm (and on the server) nothing is ready.
const NOT_YET = { ready: false, error: null };

// A controller's life, in order (numbers: this file is on the app's critical path).
const NEW = 0;
const MOUNTED = 1;
const UNMOUNTING = 2;
const UNMOUNTED = 3;

function controller(create, initial) {
  let latest = initial;
  let connection;
  // NEW until the first mount; UNMOUNTING from a cleanup until the
  // microtask that closes the session, unless a remount comes first.
  let state = NEW;

  const options = new Proxy({}, { get: (_, key) => latest?.[key] });
  const connect = () => (connection ??= create(options));

  // Opening from a component that is gone (say, a token fetch that resolved
  // after unmount) would leave an overlay that nothing closes: ignored.
  // The app's arguments exactly as given (their count too).
  const opener =
    (method) =>
    (...args) =>
      state <= MOUNTED ? connect()[method](...args) : Promise.resolve();
  const closer =
    (method) =>
    (...args) =>
      connection?.[method](...args);

  function mount() {
    state = MOUNTED;
    connect();
    return () => {
      state = UNMOUNTING;
      queueMicrotask(() => {
        if (state !== UNMOUNTING) return; // remounted: StrictMode, Fast Refresh
        state = UNMOUNTED;
        connection?.closeLink();
      });
    };
  }

  return { opener, closer, mount, update: (options) => (latest = options) };
}

function useController(create, options, face) {
  const [c] = useState(() => {
    const made = controller(create, options);
    // `ready` and `error` as react-plaid-link has them (an app can disable
    // its button until the SDK can open, and show why it cannot), read from
    // the same object on every render: the hook renders again when they
    // change. Not ready until mounted, so that a server render and the
    // hydrating one agree.
    let status = NOT_YET;
    const handle = face(made);
    Object.defineProperties(handle, {
      ready: { enumerable: true, get: () => status.ready },
      error: { enumerable: true, get: () => status.error },
    });
    return { ...made, handle: Object.freeze(handle), setStatus: (next) => (status = next), status: () => status };
  });
  // Before any layout effect of the tree: a child's layout effect that
  // closes the Link gets this render's onExit.
  useInsertionEffect(() => {
    c.update(options);
  });
  useEffect(c.mount, [c]);
  const [, rendered] = useState(0);
  useEffect(() => {
    const follow = (next) => {
      if (next === c.status()) return;
      c.setStatus(next);
      rendered((n) => n + 1);
    };
    follow(loadStatus());
    return onLoadStatus(follow);
  }, [c]);
  return c.handle;
}

/**
 * `createLink(options)` (3.13) for a component: one connection for the life
 * of the component, the latest `options` always used, the session ended on
 * unmount. The returned object is the same on every render; it also says
 * whether the SDK is `ready` to open, or the `error` that stops it.
 */
export function useLink(options) {
  return useController(createLink, options, ({ opener, closer }) => ({
    openLink: opener('openLink'),
    closeLink: closer('closeLink'),
    closeLinkRequested: closer('closeLinkRequested'),
  }));
}

/** `createFrontConnection(options)` (1.1.9) for a component, as `useLink`. */
export function useFrontConnection(options) {
  return useController(createFrontConnection, options, ({ opener, closer }) => ({
    openLink: opener('openLink'),
    openPopup: opener('openPopup'),
    closeLink: closer('closeLink'),
    closePopup: closer('closePopup'),
  }));
}
