// The stand-in of the package's loader.js for front-link-wasm/testing: the
// "wasm" loads at once (or fails as configure() says), nothing is fetched,
// and the faces get the stand-in Connection. Same exports as loader.js.
import { Connection } from './connection.js';
import { state } from './state.js';

/** The stand-in never stops, so onExit never hears this; as loader.js. */
export const STOPPED = 'front-link-wasm stopped on an internal error and ended the session; open Link again to start afresh';

/** A stand-in Connection, as loader.js's `createConnection` gives the real one. */
export function createConnection(options, mesh) {
  const connection = new Connection(options, mesh);
  return { run: (f) => f(connection), stale: false };
}

/** Nothing to end: the stand-in never stops. */
export const hold = () => () => {};

function settle(next) {
  state.status = next;
  for (const listener of state.listeners) {
    try {
      listener(next);
    } catch (error) {
      console.error('front-link-wasm: a load listener threw', error);
    }
  }
}

/** `{ready, error}` now. */
export const loadStatus = () => state.status;

/** Calls `listener(status)` on each change; returns the unsubscribe. */
export function onLoadStatus(listener) {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/** Resolves, or rejects with the Error given to configure({ load }). */
export function load() {
  if (state.load === 'ready') {
    if (!state.status.ready) settle({ ready: true, error: null });
    return Promise.resolve();
  }
  const error = state.load;
  if (state.status.error !== error) settle({ ready: false, error });
  return Promise.reject(error);
}

/** No page to prewarm, nothing to fetch ahead. */
export const inBrowser = () => false;

/** Loads at once: the hooks' `ready` turns true on mount, as after a real load. */
export function preload() {
  load().catch(() => {});
}
