// Loading the wasm, for both faces and the React hooks: fetched and compiled
// once per page, on the first connection made in a browser; a failure is
// kept (with a message that says what to fix) and the next openLink tries
// again. Touches no browser global at import.
//
// This file is on the app's critical path; the glue, the wasm and its
// instances are in instance.js, imported (a chunk the app's bundler
// splits off) at the first connection.
let instance; // instance.js, once imported
let importing;
let status = { ready: false, error: null };
const listeners = new Set();

function settle(next) {
  status = next;
  for (const listener of listeners) {
    try {
      listener(status);
    } catch (error) {
      console.error('front-link-wasm: a load listener threw', error);
    }
  }
}

/** Bytes of the running instance's memory (it never shrinks), for tests and benchmarks; undefined before a load. */
export const wasmMemory = () => instance?.wasmMemory();

/** `{ready, error}` now. */
export const loadStatus = () => status;

/** Calls `listener(status)` on each change; returns the unsubscribe. */
export function onLoadStatus(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The chunk of the glue and the wasm's loading, or why it could not be had. */
function imported() {
  importing ??= import('./instance.js').then(
    (module) => (instance = module),
    (error) => {
      importing = undefined; // a later call may retry
      // As instance.js's failures, which this chunk's could not reach.
      const failed = new Error(
        `front-link-wasm could not start: its JavaScript chunk could not be loaded: deploy all the bundler's output, allowed by the CSP's script-src (${error?.message ?? error})`,
      );
      failed.frontLinkWasm = true;
      settle({ ready: false, error: failed });
      throw failed;
    },
  );
  return importing;
}

/** Loads the wasm (once; again after a failure). Rejects with an Error that says what to fix. */
export const load = () => imported().then((module) => module.load(settle, nodeHosted()));

// Node.js, whatever DOM a test runner put around it (jsdom, happy-dom): the
// wasm would be fetched from a file: URL there, and fail with a message
// about the network. Electron's renderer is a browser. A bundler's
// `process` polyfill has no `versions.node`.
function nodeHosted() {
  const versions = typeof process === 'object' && process !== null ? process.versions : undefined;
  return typeof versions?.node === 'string' && versions.electron === undefined;
}

/** Whether this is a browser page: a window and a document, not Node.js. */
export const inBrowser = () => typeof window !== 'undefined' && typeof document !== 'undefined' && !nodeHosted();

/**
 * In a browser, starts fetching and compiling the wasm now, so that the
 * first click does not wait for it. In Node.js, settles the status at once
 * (the React hooks' `error` says what to do), with nothing fetched.
 */
export function preload() {
  if (inBrowser() || nodeHosted()) load().catch(() => {});
}

/**
 * A connection on the running instance (after `load()`). `ended` is called
 * after each of its sessions' onExit. `connection.run(f)` calls into it
 * (`f(connection)`) with the containment of instance.js; once its instance
 * has stopped, `connection.stale` is true and calls do nothing. Undefined
 * if the instance that loaded has stopped since.
 */
export const createConnection = (options, face, ended) => instance?.createConnection(options, face, ended);

/** What onExit hears when the wasm stopped (after a load: the message travels in the chunk). */
export const stoppedMessage = () => instance.STOPPED;

/** While a face has a session open: `end()` ends it should the wasm stop. Returns the release. */
export const hold = (end) => instance.hold(end);
