// The stand-in of the package's loader.js for front-link-wasm/testing.
// Nothing is fetched; the "wasm" loads as the real one does, a moment
// later (a task, so the hooks' `ready` is false on the first render), or
// fails, or waits for settleLoad(), as configure({ load }) says. A change
// of configure({ load }) applies to every open after it, already loaded
// connections included (as a fresh instance would). Same exports as
// loader.js.
import { Connection } from './connection.js';
import { STOPPED } from './messages.js';
import { delivering } from './session.js';
import { state } from './state.js';

// The stand-in never stops, so onExit never hears it; as loader.js.
export const stoppedMessage = () => STOPPED;

// Timers a test fakes (vi.useFakeTimers, jest.useFakeTimers) must not hold the load.
const later = globalThis.setTimeout;

function settle(next) {
  if (next.ready === state.status.ready && next.error === state.status.error) return;
  state.status = next;
  // The hooks render again: inside the test's act, as callbacks are.
  delivering(() => {
    for (const listener of state.listeners) {
      try {
        listener(next);
      } catch (error) {
        console.error('front-link-wasm: a load listener threw', error);
      }
    }
  });
}

/** `{ready, error}` now. */
export const loadStatus = () => state.status;

/** Calls `listener(status)` on each change; returns the unsubscribe. */
export function onLoadStatus(listener) {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/** Resolves once the "wasm" has loaded, or rejects with the Error configure({ load }) gave. */
export function load() {
  const generation = state.generation;
  if (state.status.ready && state.loaded === generation) return Promise.resolve();
  // One load at a time, as the real loader's: the connection's and its opens'.
  if (state.loading?.generation === generation) return state.loading.promise;
  const promise = new Promise((resolve, reject) => {
    const done = (result) => {
      if (state.loading?.promise === promise) state.loading = undefined;
      if (result === 'ready') state.loaded = generation;
      settle(result === 'ready' ? { ready: true, error: null } : { ready: false, error: result });
      if (result === 'ready') resolve();
      else reject(result);
    };
    if (state.load === 'pending') state.pending.push(done);
    else later(() => done(state.load));
  });
  state.loading = { generation, promise };
  return promise;
}

/** A stand-in Connection, as loader.js's `createConnection` gives the real one. */
export function createConnection(options, face) {
  const connection = new Connection(options, face);
  const generation = state.generation;
  return {
    run: (f) => f(connection),
    // A later configure({ load }) is a fresh "instance": the next open loads it.
    get stale() {
      return generation !== state.generation;
    },
  };
}

/** Nothing to end: the stand-in never stops. */
export const hold = () => () => {};

/** No page to prewarm, nothing to fetch ahead. */
export const inBrowser = () => false;

/** Starts the load, as the real package does on the first connection. */
export function preload() {
  load().catch(() => {});
}
